/**
 * Re-authentication: fresh sessions for sensitive operations.
 */
@NullMarked
package dev.spaauth.reauth;

import org.jspecify.annotations.NullMarked;
