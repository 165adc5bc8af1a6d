package dev.spaauth.user;

import java.time.Clock;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabase;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;

import dev.spaauth.autoconfigure.SpaAuthSchemaInitializer;
import dev.spaauth.testapp.RecordingEventPublisher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Unit tests of {@link UserRoles} on an in-memory H2 database with spa-auth's schema. */
class UserRolesTests {

	private static EmbeddedDatabase database;

	private static JdbcClient jdbc;

	private final RecordingEventPublisher events = new RecordingEventPublisher();

	private UserRoles roles;

	private SpaAuthUser account;

	@BeforeAll
	static void createSchema() throws Exception {
		database = new EmbeddedDatabaseBuilder().setType(EmbeddedDatabaseType.H2)
			.setName("user-roles-" + UUID.randomUUID())
			.build();
		new SpaAuthSchemaInitializer(database).afterPropertiesSet();
		jdbc = JdbcClient.create(database);
	}

	@AfterAll
	static void dropDatabase() {
		database.shutdown();
	}

	@BeforeEach
	void newAccount() {
		UserAccounts accounts = new UserAccounts(jdbc, Clock.systemUTC());
		this.roles = new UserRoles(jdbc, accounts, this.events, Clock.systemUTC());
		String username = "user" + UUID.randomUUID().toString().substring(0, 8);
		this.account = accounts.create(username, username + "@example.com", "{noop}x");
	}

	@ParameterizedTest
	@ValueSource(strings = { "ADMIN", "A", "BILLING", "SUPPORT_2", "X1", "ABCDEFGHIJKLMNOPQRSTUVWXYZ_0123456789_ABCDEFGHIJKL" })
	void grantWhenAWellFormedRoleNameThenStoredAndTheChangePublished(String role) {
		assertThat(this.roles.grant(this.account.getId(), role)).isTrue();

		assertThat(this.roles.rolesOf(this.account.getId())).contains(role, UserRoles.USER);
		assertThat(this.events.ofType(UserRolesChangedEvent.class))
			.containsExactly(new UserRolesChangedEvent(this.account.getUsername(), role, true));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "admin", "Admin", "USER", "ROLE_ADMIN", "1ADMIN", "_ADMIN", "AD-MIN", "AD MIN", " ADMIN",
			"ADMIN ", "ÄDMIN", "ADMİN", "ABCDEFGHIJKLMNOPQRSTUVWXYZ_0123456789_ABCDEFGHIJKLM" })
	void grantWhenAMalformedRoleNameThenIllegalArgumentAndNothingStoredOrPublished(String role) {
		assertThatIllegalArgumentException().isThrownBy(() -> this.roles.grant(this.account.getId(), role))
			.withMessageContaining("is not a role to grant");

		assertThat(this.roles.rolesOf(this.account.getId())).containsExactly(UserRoles.USER);
		assertThat(this.events.all()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "admin", "USER", "ROLE_ADMIN", "AD-MIN" })
	void revokeWhenAMalformedRoleNameThenIllegalArgumentAndNothingPublished(String role) {
		assertThatIllegalArgumentException().isThrownBy(() -> this.roles.revoke(this.account.getId(), role));

		assertThat(this.events.all()).isEmpty();
	}

	@Test
	void grantWhenTheAccountHasTheRoleThenFalseAndNothingPublished() {
		this.roles.grant(this.account.getId(), "ADMIN");

		assertThat(this.roles.grant(this.account.getId(), "ADMIN")).isFalse();
		assertThat(this.events.all()).hasSize(1);
	}

	@Test
	void revokeWhenTheAccountHasTheRoleThenRemovedAndTheChangePublished() {
		this.roles.grant(this.account.getId(), "ADMIN");
		this.roles.grant(this.account.getId(), "BILLING");

		assertThat(this.roles.revoke(this.account.getId(), "ADMIN")).isTrue();

		assertThat(this.roles.rolesOf(this.account.getId())).containsExactly("BILLING", UserRoles.USER);
		assertThat(this.events.all()).hasSize(3);
		assertThat(this.events.ofType(UserRolesChangedEvent.class)).last()
			.isEqualTo(new UserRolesChangedEvent(this.account.getUsername(), "ADMIN", false));
	}

	@Test
	void revokeWhenTheAccountLacksTheRoleThenFalseAndNothingPublished() {
		assertThat(this.roles.revoke(this.account.getId(), "ADMIN")).isFalse();

		assertThat(this.events.all()).isEmpty();
	}

	@Test
	void rolesOfThenSortedWithUser() {
		this.roles.grant(this.account.getId(), "ZETA");
		this.roles.grant(this.account.getId(), "ADMIN");

		assertThat(this.roles.rolesOf(this.account.getId())).containsExactly("ADMIN", UserRoles.USER, "ZETA");
	}

	@Test
	void grantWhenNoSuchAccountThenIllegalArgument() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.roles.grant(Long.MAX_VALUE, "ADMIN"))
			.withMessageContaining("No account");
		assertThat(this.events.all()).isEmpty();
	}

}
