package dev.spaauth.doctor;

import java.net.URI;
import java.util.Locale;

import com.google.common.net.InetAddresses;
import com.google.common.net.InternetDomainName;

/**
 * How the SPA's origin relates to the API's: one origin, two origins of one site, or two sites. A
 * site is the scheme plus the registrable domain (schemeful same-site, RFC 6265bis section 5.2): the
 * public suffix from the Public Suffix List (Guava's {@link InternetDomainName}) plus one label; a
 * top-level domain the list does not know (such as {@code .test}) counts as a public suffix (the
 * list's implicit "*" rule), and an IP address is its own site. Ports do not matter for the site.
 */
public enum SiteRelation {

	/** Scheme, host and port are equal: no CORS, any SameSite works. */
	SAME_ORIGIN("same-origin"),

	/** Different origins, one site (app.example.com and api.example.com): SameSite=Lax cookies are sent. */
	SAME_SITE("same-site"),

	/** Different sites (app.example.com and api.example.net): only SameSite=None; Secure cookies are sent. */
	CROSS_SITE("cross-site");

	private final String label;

	SiteRelation(String label) {
		this.label = label;
	}

	/**
	 * Returns the relation of two origins.
	 * @param spa the SPA's origin
	 * @param api the API's origin
	 * @return the relation
	 */
	public static SiteRelation of(URI spa, URI api) {
		if (Origins.serialize(spa).equals(Origins.serialize(api))) {
			return SAME_ORIGIN;
		}
		boolean sameSite = spa.getScheme().equalsIgnoreCase(api.getScheme())
				&& registrableDomain(spa.getHost()).equals(registrableDomain(api.getHost()));
		return sameSite ? SAME_SITE : CROSS_SITE;
	}

	/**
	 * Returns the registrable domain of a host ("site" without the scheme).
	 * @param host a host name or IP address
	 * @return such as {@code example.com} for {@code app.example.com}, {@code example.test} for
	 * {@code app.example.test}; the host itself for an IP address or a public suffix
	 */
	public static String registrableDomain(String host) {
		String lower = host.toLowerCase(Locale.ROOT);
		String bare = lower.startsWith("[") ? lower.substring(1, lower.length() - 1) : lower;
		if (InetAddresses.isInetAddress(bare) || !InternetDomainName.isValid(bare)) {
			return lower;
		}
		InternetDomainName name = InternetDomainName.from(bare);
		if (name.isUnderPublicSuffix()) {
			return name.topPrivateDomain().toString();
		}
		if (name.hasPublicSuffix()) {
			return lower;
		}
		int labels = name.parts().size();
		return (labels <= 2) ? lower : String.join(".", name.parts().subList(labels - 2, labels));
	}

	/**
	 * Returns the name used in the output.
	 * @return {@code same-origin}, {@code same-site} or {@code cross-site}
	 */
	public String label() {
		return this.label;
	}

}
