/**
 * RFC 9457 problem details for every error spa-auth answers, inside and outside the security filter chain.
 */
@NullMarked
package dev.spaauth.problem;

import org.jspecify.annotations.NullMarked;
