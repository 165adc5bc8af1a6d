/**
 * Auto-configuration of spa-auth: properties, start-up checks, the security filter chain and the schema migration.
 */
@NullMarked
package dev.spaauth.autoconfigure;

import org.jspecify.annotations.NullMarked;
