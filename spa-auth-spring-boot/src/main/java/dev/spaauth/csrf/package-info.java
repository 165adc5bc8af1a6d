/**
 * CSRF protection bound to the session: token generation, storage, delivery (cookie and JSON) and the priming endpoint.
 */
@NullMarked
package dev.spaauth.csrf;

import org.jspecify.annotations.NullMarked;
