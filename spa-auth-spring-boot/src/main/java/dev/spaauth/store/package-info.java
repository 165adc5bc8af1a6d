/**
 * The application's database as requests see it while it is down or hung: each request waits a
 * bounded time for it, and once it keeps failing, database calls fail at once until it answers again.
 */
@NullMarked
package dev.spaauth.store;

import org.jspecify.annotations.NullMarked;
