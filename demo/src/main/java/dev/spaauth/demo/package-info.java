/**
 * The spa-auth demo application.
 */
@NullMarked
package dev.spaauth.demo;

import org.jspecify.annotations.NullMarked;
