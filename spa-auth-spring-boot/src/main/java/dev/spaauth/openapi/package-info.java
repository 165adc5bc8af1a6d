/**
 * spa-auth's endpoints in an OpenAPI document, when the application uses springdoc: their RFC 9457
 * problems, with the {@code code} each may answer.
 */
@NullMarked
package dev.spaauth.openapi;

import org.jspecify.annotations.NullMarked;
