/**
 * The deployment: where the SPA and the API live (public origin, allowed origins, the site relation
 * between them) and what follows from it: cookie attributes, CORS, Cross-Origin-Resource-Policy and
 * the trusted-origin check on unsafe requests.
 */
@NullMarked
package dev.spaauth.deployment;

import org.jspecify.annotations.NullMarked;
