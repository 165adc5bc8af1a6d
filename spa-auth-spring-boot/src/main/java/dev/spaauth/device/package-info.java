/**
 * New-device sign-in notices: each browser gets a random device cookie, each account remembers the
 * ones it signed in from, and a sign-in from any other browser mails the account with a single-use
 * "this wasn't me" link that ends every session and locks the password until it is reset.
 */
@NullMarked
package dev.spaauth.device;

import org.jspecify.annotations.NullMarked;
