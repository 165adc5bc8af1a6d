package dev.spaauth.csrf;

/**
 * Body of {@code GET /api/auth/csrf}.
 *
 * @param csrfToken the token to send back in the header on unsafe requests
 * @param headerName the header to send it in
 */
public record CsrfTokenResponse(String csrfToken, String headerName) {
}
