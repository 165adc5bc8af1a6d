package dev.spaauth.browser;

/**
 * One running shape: the origins as the browser sees them and the backend behind them.
 *
 * @param shape the shape
 * @param spaOrigin where the SPA's page is loaded from
 * @param apiOrigin where the SPA's requests go ({@code spaOrigin} unless the shape is cross-origin)
 * @param backendPort the Spring Boot backend's own port (plain HTTP on 127.0.0.1)
 * @param mailbox the mails the backend sent (its development mailbox folder)
 */
record Deployment(Shape shape, String spaOrigin, String apiOrigin, int backendPort, Mailbox mailbox) {

	String spaUrl() {
		return this.spaOrigin + "/";
	}

	String apiUrl(String path) {
		return this.apiOrigin + path;
	}

	/** A URL on the SPA's origin that no server answers: the suite fulfils it with {@code Page.route}. */
	String testOnlyUrl(String name) {
		return this.spaOrigin + "/__browser-suite__/" + name;
	}

}
