/**
 * Metrics: spa-auth's security events counted as Micrometer meters named {@code spa.auth.*}, when the
 * application has a {@code MeterRegistry}.
 */
@NullMarked
package dev.spaauth.metrics;

import org.jspecify.annotations.NullMarked;
