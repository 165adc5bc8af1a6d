/**
 * Changes to an account by its owner: password change and email change with confirmation.
 */
@NullMarked
package dev.spaauth.account;

import org.jspecify.annotations.NullMarked;
