package dev.spaauth.csrf;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The CSRF priming endpoint, {@code GET {base-path}/csrf}: answers the client's current token, or
 * issues one, in the JSON body and the CSRF cookie. Calling it again returns the same token, so
 * several tabs never invalidate each other's token. It creates no session.
 */
@RestController
@RequestMapping(path = "${spa-auth.base-path:/api/auth}", produces = MediaType.APPLICATION_JSON_VALUE)
public class CsrfController {

	private final SessionBoundCsrfTokenRepository tokens;

	/**
	 * Creates the controller.
	 * @param tokens the token repository
	 */
	public CsrfController(SessionBoundCsrfTokenRepository tokens) {
		this.tokens = tokens;
	}

	/**
	 * Answers the client's CSRF token.
	 * @param request the request
	 * @param response the response that gets the CSRF cookie
	 * @return 200 with the token and the header name to send it in
	 */
	@GetMapping("/csrf")
	public CsrfTokenResponse csrf(HttpServletRequest request, HttpServletResponse response) {
		CsrfToken token = this.tokens.loadToken(request);
		if (token == null) {
			token = this.tokens.generateToken(request);
			this.tokens.saveToken(token, request, response);
		}
		else {
			this.tokens.deliver(token, response);
		}
		return new CsrfTokenResponse(token.getToken(), token.getHeaderName());
	}

}
