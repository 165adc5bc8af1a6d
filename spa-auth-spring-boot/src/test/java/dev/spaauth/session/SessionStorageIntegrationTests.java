package dev.spaauth.session;

import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextImpl;

import dev.spaauth.testapp.IntegrationTestSupport;
import dev.spaauth.user.SpaAuthUser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session attributes in Spring Session JDBC are JSON of allowed types, never Java serialization; a
 * session stored in the old form reads as not logged in, never as an error.
 */
class SessionStorageIntegrationTests extends IntegrationTestSupport {

	@Test
	void sessionAttributesAreStoredAsJsonWithoutThePasswordHash() {
		String username = signedUp(this.browser);

		List<byte[]> stored = attributesOf(this.browser.sessionId());

		assertThat(stored).isNotEmpty().noneMatch(SessionStorageIntegrationTests::isJavaSerialization);
		assertThat(stored).map((bytes) -> new String(bytes, StandardCharsets.UTF_8))
			.anySatisfy((json) -> assertThat(json).contains("\"username\":\"" + username + "\""))
			.allSatisfy((json) -> assertThat(json).doesNotContain("argon2"));
	}

	@Test
	void sessionStoredAsJavaSerializationReadsAsNotLoggedInNeverAsAFault() throws Exception {
		signedUp(this.browser);
		SpaAuthUser user = new SpaAuthUser(1, "mallory", "m@example.com", List.of("ADMIN"), null);
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
			out.writeObject(new SecurityContextImpl(
					UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities())));
		}
		this.jdbc.sql("UPDATE spa_auth.spring_session_attributes SET attribute_bytes = ? WHERE attribute_name = "
				+ "'SPRING_SECURITY_CONTEXT' AND session_primary_id = (SELECT primary_id FROM spa_auth.spring_session "
				+ "WHERE session_id = ?)")
			.params(bytes.toByteArray(), this.browser.sessionId())
			.update();

		assertThat(this.browser.get("/api/auth/session").send().json().get("authenticated").asBoolean()).isFalse();
		assertThat(this.browser.get("/api/things").send().status()).isEqualTo(401);
	}

	private List<byte[]> attributesOf(String sessionId) {
		return this.jdbc.sql("SELECT attribute_bytes FROM spa_auth.spring_session_attributes WHERE session_primary_id = "
				+ "(SELECT primary_id FROM spa_auth.spring_session WHERE session_id = ?)")
			.param(sessionId)
			.query((rs, row) -> rs.getBytes(1))
			.list();
	}

	private static boolean isJavaSerialization(byte[] bytes) {
		return bytes.length > 1 && (bytes[0] & 0xff) == 0xac && (bytes[1] & 0xff) == 0xed;
	}

}
