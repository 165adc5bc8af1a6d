package dev.spaauth.doctor;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.google.common.net.InetAddresses;

/**
 * Origins as browsers serialise them in the {@code Origin} header (RFC 6454 section 6.2), and the
 * look-alike origins an allow-list that matches by prefix, suffix, scheme or port would let in.
 */
final class Origins {

	private Origins() {
	}

	/**
	 * A look-alike origin and what kind of mistake it tests.
	 *
	 * @param kind {@code suffix}, {@code prefix}, {@code sibling}, {@code regex-dot}, {@code scheme},
	 * {@code port} or {@code null}
	 * @param origin the serialized origin to send
	 */
	record Lookalike(String kind, String origin) {
	}

	/**
	 * Serialises the origin of a URL: lower-case scheme and host, the port only when it is not the
	 * scheme's default.
	 * @param url an absolute http(s) URL
	 * @return such as {@code https://app.example.com} or {@code http://localhost:8080}
	 */
	static String serialize(URI url) {
		return serialize(url.getScheme(), url.getHost(), url.getPort());
	}

	private static String serialize(String scheme, String host, int port) {
		String lowerScheme = scheme.toLowerCase(Locale.ROOT);
		int defaultPort = lowerScheme.equals("https") ? 443 : 80;
		boolean showPort = port != -1 && port != defaultPort;
		return lowerScheme + "://" + host.toLowerCase(Locale.ROOT) + (showPort ? ":" + port : "");
	}

	/**
	 * Returns the origins that an attacker can own or make a browser send and that a sloppy
	 * allow-list mistakes for the SPA's: the SPA's host as a prefix of another host
	 * ({@code app.example.com.evil.test}), as a suffix of another host ({@code evilapp.example.com}),
	 * an unlisted sibling on the same site ({@code doctor-evil.example.com}), the dot in front of the
	 * registrable domain replaced by a letter ({@code appxexample.com}, another registrable domain that a
	 * regex allow-list with an unescaped dot, {@code app.example.com}, matches), plain {@code http}, another
	 * port, and {@code null} (sandboxed frames, {@code file:} pages, some redirects). None of them may
	 * be echoed in {@code Access-Control-Allow-Origin} (OWASP Web Security Testing Guide,
	 * WSTG-CLNT-07).
	 * @param spa the SPA's origin
	 * @return the look-alikes, in a fixed order
	 */
	static List<Lookalike> lookalikes(URI spa) {
		String scheme = spa.getScheme().toLowerCase(Locale.ROOT);
		String host = spa.getHost().toLowerCase(Locale.ROOT);
		int port = spa.getPort();
		int effectivePort = (port != -1) ? port : scheme.equals("https") ? 443 : 80;
		List<Lookalike> lookalikes = new ArrayList<>();
		lookalikes.add(new Lookalike("suffix", serialize(scheme, host + ".evil.test", port)));
		lookalikes.add(new Lookalike("prefix", serialize(scheme, "evil" + host, port)));
		String site = SiteRelation.registrableDomain(host);
		if (!InetAddresses.isUriInetAddress(host)) {
			lookalikes.add(new Lookalike("sibling", serialize(scheme, "doctor-evil." + site, port)));
			if (host.endsWith("." + site)) {
				String dotless = host.substring(0, host.length() - site.length() - 1) + "x" + site;
				lookalikes.add(new Lookalike("regex-dot", serialize(scheme, dotless, port)));
			}
		}
		String otherScheme = scheme.equals("https") ? "http" : "https";
		lookalikes.add(new Lookalike("scheme", serialize(otherScheme, host, port)));
		int otherPort = (effectivePort == 8443) ? 9443 : 8443;
		lookalikes.add(new Lookalike("port", serialize(scheme, host, otherPort)));
		lookalikes.add(new Lookalike("null", "null"));
		return lookalikes;
	}

}
