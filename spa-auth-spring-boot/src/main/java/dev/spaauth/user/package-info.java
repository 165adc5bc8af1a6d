/**
 * User accounts: storage, lookup for authentication, and the password policy.
 */
@NullMarked
package dev.spaauth.user;

import org.jspecify.annotations.NullMarked;
