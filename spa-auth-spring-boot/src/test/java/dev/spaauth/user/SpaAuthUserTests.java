package dev.spaauth.user;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.AuthorityUtils;

import static org.assertj.core.api.Assertions.assertThat;

/** Unit tests of {@link SpaAuthUser}. */
class SpaAuthUserTests {

	private static final String HASH = "{argon2}$argon2id$v=19$m=16384,t=2,p=1$c2FsdA$aGFzaA";

	@Test
	void getAuthoritiesThenRolePrefixedRolesWithUserAlwaysPresent() {
		SpaAuthUser user = new SpaAuthUser(1, "alice", "alice@example.com", List.of("BILLING", "ADMIN"), HASH);

		assertThat(AuthorityUtils.authorityListToSet(user.getAuthorities())).containsExactlyInAnyOrder("ROLE_ADMIN",
				"ROLE_BILLING", "ROLE_USER");
	}

	@Test
	void getRolesWhenNoneGrantedThenUserOnly() {
		SpaAuthUser user = new SpaAuthUser(1, "alice", "alice@example.com", List.of(), HASH);

		assertThat(user.getRoles()).containsExactly("USER");
		assertThat(user.getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_USER");
	}

	@Test
	void getRolesThenSortedWithoutDuplicatesAndUserOnce() {
		SpaAuthUser user = new SpaAuthUser(1, "alice", "alice@example.com", List.of("USER", "ZETA", "ADMIN", "ADMIN"),
				HASH);

		assertThat(user.getRoles()).containsExactly("ADMIN", "USER", "ZETA");
	}

	@Test
	void hasRoleThenGrantedRolesAndUser() {
		SpaAuthUser user = new SpaAuthUser(1, "alice", "alice@example.com", List.of("ADMIN"), HASH);

		assertThat(user.hasRole("ADMIN")).isTrue();
		assertThat(user.hasRole("USER")).isTrue();
		assertThat(user.hasRole("BILLING")).isFalse();
		assertThat(user.hasRole("ROLE_ADMIN")).isFalse();
	}

	@Test
	void eraseCredentialsThenNoPasswordHash() {
		SpaAuthUser user = new SpaAuthUser(1, "alice", "alice@example.com", List.of(), HASH);

		user.eraseCredentials();

		assertThat(user.getPassword()).isNull();
	}

	@Test
	void toStringThenNeitherThePasswordHashNorTheEmail() {
		SpaAuthUser user = new SpaAuthUser(7, "alice", "alice@example.com", List.of("ADMIN"), HASH);

		assertThat(user.toString()).contains("alice").contains("ADMIN").doesNotContain("argon2").doesNotContain("@");
	}

	@Test
	void serializationThenTheSamePrincipalComesBackFromTheSession() throws Exception {
		SpaAuthUser user = new SpaAuthUser(7, "alice", "alice@example.com", List.of("ADMIN"), HASH);
		user.eraseCredentials();

		SpaAuthUser restored = (SpaAuthUser) deserialize(serialize(user), false);

		assertThat(restored.getId()).isEqualTo(7);
		assertThat(restored.getUsername()).isEqualTo("alice");
		assertThat(restored.getEmail()).isEqualTo("alice@example.com");
		assertThat(restored.getRoles()).containsExactly("ADMIN", "USER");
		assertThat(restored.getPassword()).isNull();
	}

	@Test
	void deserializeWhenStoredBeforeRolesExistedThenTheUserStillHasUser() throws Exception {
		byte[] stored = serialize(new dev.spaauth.user.beforeroles.SpaAuthUser(7, "alice", "alice@example.com", null));

		SpaAuthUser restored = (SpaAuthUser) deserialize(stored, true);

		assertThat(restored.getUsername()).isEqualTo("alice");
		assertThat(restored.getRoles()).containsExactly("USER");
		assertThat(restored.hasRole("USER")).isTrue();
		assertThat(restored.getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_USER");
	}

	private static byte[] serialize(Object value) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
			out.writeObject(value);
		}
		return bytes.toByteArray();
	}

	/** Reads serialized bytes; the old shape of the principal is read as today's class, as after an upgrade. */
	private static Object deserialize(byte[] bytes, boolean asTodaysClass) throws Exception {
		try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes)) {

			@Override
			protected Class<?> resolveClass(ObjectStreamClass description) throws IOException, ClassNotFoundException {
				return (asTodaysClass && description.getName().equals(dev.spaauth.user.beforeroles.SpaAuthUser.class.getName()))
						? SpaAuthUser.class : super.resolveClass(description);
			}

		}) {
			return in.readObject();
		}
	}

}
