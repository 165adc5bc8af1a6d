package dev.spaauth.demo.admin;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.spaauth.user.AccountCreatedEvent;
import dev.spaauth.user.SpaAuthUser;
import dev.spaauth.user.UserAccounts;
import dev.spaauth.user.UserRoles;

/**
 * Who administers the demo: the account named by {@code demo.admin-username} or, without it, the first
 * account ever created. It gets the role {@code ADMIN} when it signs up, before its first session
 * (through spa-auth's {@link AccountCreatedEvent}), or at start-up if it exists already.
 */
@Component
class FirstAdmin {

	private static final Logger logger = LoggerFactory.getLogger(FirstAdmin.class);

	private final UserAccounts accounts;

	private final UserRoles roles;

	private final String adminUsername;

	FirstAdmin(UserAccounts accounts, UserRoles roles, @Value("${demo.admin-username:}") String adminUsername) {
		this.accounts = accounts;
		this.roles = roles;
		this.adminUsername = adminUsername.strip();
	}

	@EventListener
	void accountCreated(AccountCreatedEvent event) {
		SpaAuthUser user = event.user();
		boolean admin = this.adminUsername.isEmpty() ? isFirst(user) : user.getUsername().equalsIgnoreCase(this.adminUsername);
		if (admin) {
			this.roles.grant(user.getId(), AdminController.ADMIN);
			logger.info("{} is the demo's administrator", user.getUsername());
		}
	}

	@EventListener(ApplicationReadyEvent.class)
	void configuredAdminExists() {
		if (!this.adminUsername.isEmpty()) {
			this.accounts.findByUsername(this.adminUsername)
				.ifPresent((user) -> this.roles.grant(user.getId(), AdminController.ADMIN));
		}
	}

	private boolean isFirst(SpaAuthUser user) {
		return this.accounts.list(0, 1).stream().allMatch((first) -> first.id() == user.getId());
	}

}
