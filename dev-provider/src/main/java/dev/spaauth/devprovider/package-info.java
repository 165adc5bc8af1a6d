/**
 * A local OpenID Connect provider for the demo's dev profile and the tests: Spring Authorization
 * Server with a handful of users, never for production.
 */
@NullMarked
package dev.spaauth.devprovider;

import org.jspecify.annotations.NullMarked;
