/**
 * Administration: the accounts list and the admin role, for administrators only.
 */
@NullMarked
package dev.spaauth.demo.admin;

import org.jspecify.annotations.NullMarked;
