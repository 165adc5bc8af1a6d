package dev.spaauth.passkey;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.google.common.net.InetAddresses;
import com.google.common.net.InternetDomainName;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import dev.spaauth.SpaAuthConfigurationException;
import dev.spaauth.deployment.Deployment;
import dev.spaauth.deployment.Origin;
import dev.spaauth.problem.ProblemCode;
import dev.spaauth.problem.ProblemException;

/**
 * The WebAuthn relying party as the deployment declares it: its id (RP id) and the origins whose pages
 * may run ceremonies (W3C WebAuthn section 5.1.3 and 7.1 steps 9 and 8: the client data's origin must
 * be one of them, and the RP id a registrable suffix of its host). The pages are the SPA's: the
 * allowed origins ({@code spa-auth.allowed-origins}) when the SPA lives elsewhere, else the API's own
 * origin. The RP id is their common registrable domain ({@code example.com} for an SPA on
 * {@code app.example.com} with the API on {@code api.example.com}, and for an SPA on
 * {@code app.example.com} with the API on another site), or {@code spa-auth.passkeys.rp-id}. Start-up
 * fails when no RP id can work for every SPA origin (two sites, an IP address, plain HTTP on a host
 * other than localhost), saying what to write instead. Without allowed origins or a public origin,
 * the origin is the one each request was addressed to.
 */
public final class RelyingParty {

	private final Deployment deployment;

	private final @Nullable String rpIdOverride;

	private final String name;

	private final @Nullable Settings fixed;

	private RelyingParty(Deployment deployment, @Nullable String rpIdOverride, String name, @Nullable Settings fixed) {
		this.deployment = deployment;
		this.rpIdOverride = rpIdOverride;
		this.name = name;
		this.fixed = fixed;
	}

	/**
	 * Resolves the relying party of a deployment.
	 * @param deployment the deployment
	 * @param rpIdOverride {@code spa-auth.passkeys.rp-id}, or null to derive it
	 * @param name the name authenticators show ({@code rp.name})
	 * @return the relying party
	 * @throws SpaAuthConfigurationException when no RP id works for every SPA origin, or the override
	 * does not
	 */
	public static RelyingParty resolve(Deployment deployment, @Nullable String rpIdOverride, String name) {
		List<Origin> pages = !deployment.allowedOrigins().isEmpty() ? deployment.allowedOrigins()
				: (deployment.publicOrigin() != null) ? List.of(deployment.publicOrigin()) : List.of();
		if (pages.isEmpty()) {
			return new RelyingParty(deployment, rpIdOverride, name, null);
		}
		Set<String> origins = new LinkedHashSet<>();
		Set<String> domains = new LinkedHashSet<>();
		for (Origin page : pages) {
			String problem = problemOf(page);
			if (problem != null) {
				throw new SpaAuthConfigurationException("Passkeys cannot work for the SPA origin " + page + ": " + problem
						+ ".", "Serve the SPA from an https:// origin with a host name (or http://localhost in "
								+ "development), or turn passkeys off with spa-auth.passkeys.enabled=false.");
			}
			origins.add(page.toString());
			domains.add(page.registrableDomain());
		}
		if (rpIdOverride == null && domains.size() > 1) {
			throw new SpaAuthConfigurationException("Passkeys need one relying-party id that every SPA origin's host ends "
					+ "with, and the SPA origins " + origins + " are on different sites (" + domains + ").",
					"Serve every SPA from one site, or turn passkeys off with spa-auth.passkeys.enabled=false.");
		}
		String rpId = (rpIdOverride != null) ? rpIdOverride : domains.iterator().next();
		for (Origin page : pages) {
			if (!suffixOf(rpId, page.host()) || isPublicSuffix(rpId)) {
				throw new SpaAuthConfigurationException("spa-auth.passkeys.rp-id=" + rpId + " cannot work for the SPA origin "
						+ page + ": a relying-party id must be the page's host or a registrable domain it ends with.",
						"Write spa-auth.passkeys.rp-id=" + page.registrableDomain() + ", or remove the setting to derive it.");
			}
		}
		return new RelyingParty(deployment, rpIdOverride, name, new Settings(rpId, name, Set.copyOf(origins)));
	}

	/**
	 * Returns the relying party for a request: the configured one, or the one of the request's origin.
	 * @param request the request
	 * @return the RP id, name and origins
	 * @throws ProblemException 409 {@code passkeys_unavailable} when the request's origin cannot have
	 * passkeys (an IP address, plain HTTP on a host other than localhost)
	 */
	public Settings forRequest(HttpServletRequest request) {
		if (this.fixed != null) {
			return this.fixed;
		}
		Origin origin = this.deployment.ownOrigin(request);
		String problem = problemOf(origin);
		String rpId = (this.rpIdOverride != null) ? this.rpIdOverride : origin.registrableDomain();
		if (problem == null && !suffixOf(rpId, origin.host())) {
			problem = "the relying-party id " + rpId + " is not a suffix of its host";
		}
		if (problem != null) {
			throw new ProblemException(ProblemCode.PASSKEYS_UNAVAILABLE,
					"Passkeys cannot work on " + origin + ": " + problem + ". Open the app at its host name.");
		}
		return new Settings(rpId, this.name, Set.of(origin.toString()));
	}

	private static @Nullable String problemOf(Origin origin) {
		String host = origin.host().startsWith("[") ? origin.host().substring(1, origin.host().length() - 1) : origin.host();
		if (InetAddresses.isInetAddress(host)) {
			return "a relying-party id cannot be an IP address";
		}
		if (!origin.isHttps() && !origin.isLoopback()) {
			return "browsers offer passkeys only to https:// pages and http://localhost";
		}
		return null;
	}

	private static boolean suffixOf(String rpId, String host) {
		return host.equals(rpId) || host.endsWith("." + rpId);
	}

	private static boolean isPublicSuffix(String rpId) {
		return InternetDomainName.isValid(rpId) && InternetDomainName.from(rpId).isPublicSuffix();
	}

	/**
	 * The relying party of one ceremony.
	 *
	 * @param rpId the RP id, such as {@code example.com}
	 * @param name the name authenticators show
	 * @param origins the serialized origins whose pages may run the ceremony
	 */
	public record Settings(String rpId, String name, Set<String> origins) {
	}

}
