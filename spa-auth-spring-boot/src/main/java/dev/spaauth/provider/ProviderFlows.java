package dev.spaauth.provider;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Authorization requests sent to a provider and not answered yet ({@code spa_auth.provider_flows}),
 * keyed by their {@code state}: each works once, for {@link #LIFETIME}, and only in the browser whose
 * flow cookie hashes to the stored value (RFC 9700 section 4.7: state bound to the user agent). The
 * request (with the PKCE verifier and the OIDC nonce) never goes into a session, so the flow works
 * whatever SameSite the session cookie has and without a session before sign-in.
 */
public class ProviderFlows {

	/** How long the user may take at the provider. */
	public static final Duration LIFETIME = Duration.ofMinutes(10);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	/**
	 * Creates the store.
	 * @param jdbc client of the database that holds the {@code spa_auth} schema
	 * @param transactions makes taking a flow atomic
	 * @param clock the source of expiry times
	 */
	public ProviderFlows(JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Stores a flow that starts now; expired ones are removed.
	 * @param flow the flow
	 */
	public void save(Flow flow) {
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		this.jdbc.sql("DELETE FROM spa_auth.provider_flows WHERE expires_at < ?").param(now).update();
		this.jdbc
			.sql("INSERT INTO spa_auth.provider_flows (state, browser_hash, provider, intent, return_to, challenge, "
					+ "authorization_request, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(flow.request().getState(), flow.browserHash(), flow.provider(), flow.intent().value(),
					flow.returnTo(), flow.challenge(), write(flow.request()), now.plus(LIFETIME))
			.update();
	}

	/**
	 * Takes a flow: it works once, whoever asks.
	 * @param state the {@code state} the provider sent back
	 * @return the flow, or empty when the state is unknown, used or expired
	 */
	public Optional<Flow> take(String state) {
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		return this.transactions.execute((status) -> {
			Optional<Flow> flow = this.jdbc
				.sql("SELECT browser_hash, provider, intent, return_to, challenge, authorization_request "
						+ "FROM spa_auth.provider_flows WHERE state = ? AND expires_at > ?")
				.params(state, now)
				.query((rs, row) -> new Flow(rs.getString(1), rs.getString(2), Intent.of(rs.getString(3)).orElseThrow(),
						rs.getString(4), rs.getString(5), read(rs.getString(6))))
				.optional();
			int deleted = this.jdbc.sql("DELETE FROM spa_auth.provider_flows WHERE state = ?").param(state).update();
			return (deleted == 1) ? flow : Optional.<Flow>empty();
		});
	}

	private static String write(OAuth2AuthorizationRequest request) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("authorizationUri", request.getAuthorizationUri());
		fields.put("clientId", request.getClientId());
		fields.put("redirectUri", request.getRedirectUri());
		fields.put("scopes", List.copyOf(request.getScopes()));
		fields.put("state", request.getState());
		fields.put("additionalParameters", request.getAdditionalParameters());
		fields.put("attributes", request.getAttributes());
		fields.put("authorizationRequestUri", request.getAuthorizationRequestUri());
		return JSON.writeValueAsString(fields);
	}

	@SuppressWarnings("unchecked")
	private static OAuth2AuthorizationRequest read(String json) {
		Map<String, Object> fields = JSON.readValue(json, new TypeReference<Map<String, Object>>() {
		});
		return OAuth2AuthorizationRequest.authorizationCode()
			.authorizationUri((String) fields.get("authorizationUri"))
			.clientId((String) fields.get("clientId"))
			.redirectUri((String) fields.get("redirectUri"))
			.scopes(Set.copyOf((List<String>) fields.get("scopes")))
			.state((String) fields.get("state"))
			.additionalParameters((Map<String, Object>) fields.get("additionalParameters"))
			.attributes((Map<String, Object>) fields.get("attributes"))
			.authorizationRequestUri((String) fields.get("authorizationRequestUri"))
			.build();
	}

	/**
	 * A flow in progress.
	 *
	 * @param browserHash the SHA-256 (hex) of the flow cookie of the browser that started it
	 * @param provider the registration id
	 * @param intent what it is for
	 * @param returnTo the SPA URL to come back to, already checked against the trusted origins
	 * @param challenge the SPA's S256 challenge for finishing
	 * @param request the authorization request, with its PKCE verifier and nonce
	 */
	public record Flow(String browserHash, String provider, Intent intent, String returnTo, String challenge,
			OAuth2AuthorizationRequest request) {
	}

}
