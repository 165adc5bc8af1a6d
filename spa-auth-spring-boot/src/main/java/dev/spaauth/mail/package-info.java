/**
 * Mail to users: the outbox abstraction (SMTP, a development mailbox folder) and the notices spa-auth sends.
 */
@NullMarked
package dev.spaauth.mail;

import org.jspecify.annotations.NullMarked;
