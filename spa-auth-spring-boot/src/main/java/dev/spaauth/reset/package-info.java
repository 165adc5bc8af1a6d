/**
 * Password reset by mail with single-use tokens.
 */
@NullMarked
package dev.spaauth.reset;

import org.jspecify.annotations.NullMarked;
