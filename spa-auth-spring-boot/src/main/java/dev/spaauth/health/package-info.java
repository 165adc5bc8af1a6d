/**
 * Health: actuator health indicators for the stores spa-auth needs to serve requests (sessions and
 * throttle counts), when Spring Boot's health support is present.
 */
@NullMarked
package dev.spaauth.health;

import org.jspecify.annotations.NullMarked;
