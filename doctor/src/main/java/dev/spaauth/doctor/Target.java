package dev.spaauth.doctor;

import java.net.URI;

/**
 * The deployment under test and how its auth API is laid out. The defaults are spa-auth's; another
 * backend (Django, Rails ...) is checked by giving its paths, CSRF header and log-in field.
 *
 * @param api the API's origin as browsers see it, such as {@code https://api.example.com}
 * @param spa the SPA's origin, such as {@code https://app.example.com} ({@code api} when they share one)
 * @param csrfPath the CSRF priming path (a GET that gives a token), such as {@code /api/auth/csrf}
 * @param loginPath the log-in path (a JSON POST)
 * @param sessionPath the session path (a GET that tells whether the caller is signed in)
 * @param logoutPath the log-out path
 * @param logoutMethod the log-out's method: {@code POST} (spa-auth) or {@code DELETE} (django-allauth)
 * @param csrfHeader the request header that carries the CSRF token, unless the priming answer names
 * another in its JSON ({@code headerName})
 * @param usernameField the JSON field of the log-in body that holds the user name
 * @param sessionCookie the session cookie's name, or null to recognise it (see {@link Probe})
 * @param username the user to sign in as, or null to skip the checks that need a session
 * @param password the user's password, or null with {@code username}
 */
public record Target(URI api, URI spa, String csrfPath, String loginPath, String sessionPath, String logoutPath,
		String logoutMethod, String csrfHeader, String usernameField, String sessionCookie, String username, String password) {

	/**
	 * Returns the relation of the SPA's origin to the API's.
	 * @return same-origin, same-site or cross-site
	 */
	public SiteRelation relation() {
		return SiteRelation.of(this.spa, this.api);
	}

	/**
	 * Returns the SPA's origin as browsers send it in {@code Origin}.
	 * @return the serialized origin
	 */
	public String spaOrigin() {
		return Origins.serialize(this.spa);
	}

	/**
	 * Returns the API's origin as browsers send it in {@code Origin}.
	 * @return the serialized origin
	 */
	public String apiOrigin() {
		return Origins.serialize(this.api);
	}

	/**
	 * Returns whether credentials were given.
	 * @return whether the checks that sign in can run
	 */
	public boolean hasCredentials() {
		return this.username != null && this.password != null;
	}

	/**
	 * Returns whether the API is plain HTTP on the local machine, where browsers treat it as secure.
	 * @return whether the API is {@code http://localhost}, {@code 127.0.0.1} or {@code [::1]}
	 */
	public boolean apiIsLoopbackHttp() {
		return "http".equalsIgnoreCase(this.api.getScheme()) && isLoopback(this.api.getHost());
	}

	/**
	 * Returns whether a host names the local machine, as browsers treat it (W3C Secure Contexts,
	 * "potentially trustworthy origin").
	 * @param host a URI's host
	 * @return whether it is {@code localhost}, a {@code .localhost} name, {@code 127.0.0.1} or {@code [::1]}
	 */
	static boolean isLoopback(String host) {
		String lower = host.toLowerCase(java.util.Locale.ROOT);
		return lower.equals("localhost") || lower.endsWith(".localhost") || lower.equals("127.0.0.1")
				|| lower.equals("[::1]");
	}

	/**
	 * Describes the target like a record does, with the password masked.
	 * @return the components, {@code password=***} when one is set
	 */
	@Override
	public String toString() {
		return "Target[api=" + this.api + ", spa=" + this.spa + ", csrfPath=" + this.csrfPath + ", loginPath="
				+ this.loginPath + ", sessionPath=" + this.sessionPath + ", logoutPath=" + this.logoutPath
				+ ", logoutMethod=" + this.logoutMethod + ", csrfHeader=" + this.csrfHeader + ", usernameField="
				+ this.usernameField + ", sessionCookie=" + this.sessionCookie + ", username=" + this.username
				+ ", password=" + ((this.password != null) ? "***" : null) + "]";
	}

	/**
	 * Returns whether the API is served over HTTPS.
	 * @return whether its scheme is https
	 */
	public boolean apiIsHttps() {
		return "https".equalsIgnoreCase(this.api.getScheme());
	}

}
