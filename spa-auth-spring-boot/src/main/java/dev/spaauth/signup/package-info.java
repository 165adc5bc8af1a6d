/**
 * The JSON sign-up endpoint.
 */
@NullMarked
package dev.spaauth.signup;

import org.jspecify.annotations.NullMarked;
