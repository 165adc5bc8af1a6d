/**
 * Throttling of password guessing and account creation, per account and per client address.
 */
@NullMarked
package dev.spaauth.throttle;

import org.jspecify.annotations.NullMarked;
