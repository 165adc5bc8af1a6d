/**
 * Origins and sites: parsing and normalising origins, same-site decisions, CORS for the allowed
 * origins and the trusted-origin check on unsafe requests.
 */
@NullMarked
package dev.spaauth.origin;

import org.jspecify.annotations.NullMarked;
