/**
 * spa-auth on an application's own security filter chain: {@link dev.spaauth.config.SpaAuthConfigurer},
 * its endpoints and the start-up check that every chain covering them applies it.
 */
@NullMarked
package dev.spaauth.config;

import org.jspecify.annotations.NullMarked;
