/**
 * Notes: each user's own short texts, listed, added and deleted through a JSON API.
 */
@NullMarked
package dev.spaauth.demo.notes;

import org.jspecify.annotations.NullMarked;
