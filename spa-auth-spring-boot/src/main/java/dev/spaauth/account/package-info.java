/**
 * Changes to an account: re-authentication, password change, email change with confirmation, and
 * password reset by mail. Controllers are thin; each flow lives in its own service.
 */
@NullMarked
package dev.spaauth.account;

import org.jspecify.annotations.NullMarked;
