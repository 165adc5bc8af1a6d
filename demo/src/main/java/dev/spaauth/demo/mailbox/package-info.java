/**
 * The demo's development mailbox: the mails spa-auth wrote to a folder, for local use only.
 */
@NullMarked
package dev.spaauth.demo.mailbox;

import org.jspecify.annotations.NullMarked;
