/**
 * The audit trail: security events as Spring application events and structured log lines.
 */
@NullMarked
package dev.spaauth.audit;

import org.jspecify.annotations.NullMarked;
