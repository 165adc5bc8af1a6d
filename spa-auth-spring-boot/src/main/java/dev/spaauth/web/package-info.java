/**
 * Servlet filters that guard request input before any endpoint sees it.
 */
@NullMarked
package dev.spaauth.web;

import org.jspecify.annotations.NullMarked;
