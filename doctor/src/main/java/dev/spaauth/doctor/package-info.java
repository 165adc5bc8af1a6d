/**
 * {@code spa-auth doctor}: a command-line checker that looks at a deployed cookie-session API and its
 * SPA from the outside, as a browser would, one check per class (model: MDN HTTP Observatory).
 */
package dev.spaauth.doctor;
