package dev.spaauth.doctor;

/**
 * {@code tls}: the SPA and the API are served over HTTPS (OWASP ASVS 5.0 V12.2.1). Plain HTTP on the
 * local machine is a warning (browsers treat {@code localhost} as secure, so development works); on
 * any other host it fails, since {@code Secure} cookies are then refused and everything travels in
 * clear text. A certificate the JDK (or {@code --cacert}) does not trust stops the doctor before any
 * check (exit code 2).
 */
final class TlsCheck implements Check {

	@Override
	public String id() {
		return "tls";
	}

	@Override
	public Finding run(Probe probe) {
		Target target = probe.target();
		String fix = "Serve the SPA and the API over HTTPS only (end TLS at the proxy or the load balancer).";
		if (!"https".equalsIgnoreCase(target.spa().getScheme()) && !target.spaOrigin().equals(target.apiOrigin())
				&& !target.spa().getHost().equals("localhost") && !target.spa().getHost().equals("127.0.0.1")) {
			return fail("The SPA is served over plain HTTP (" + target.spaOrigin() + ").", fix);
		}
		if (target.apiIsHttps()) {
			return pass("The API answered over " + probe.priming().tlsProtocol() + " with a trusted certificate.");
		}
		if (target.apiIsLoopbackHttp()) {
			return warn("The API is plain HTTP on the local machine (" + target.apiOrigin()
					+ "): fine for development, browsers treat localhost as secure.", fix);
		}
		return fail("The API is served over plain HTTP (" + target.apiOrigin() + ").", fix);
	}

}
