package dev.spaauth.user;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Loads accounts from {@link UserAccounts} for Spring Security's {@code DaoAuthenticationProvider},
 * which hashes a dummy password for unknown usernames so that both cases take about the same time.
 */
public class SpaAuthUserDetailsService implements UserDetailsService {

	private final UserAccounts accounts;

	/**
	 * Creates the service.
	 * @param accounts the account store
	 */
	public SpaAuthUserDetailsService(UserAccounts accounts) {
		this.accounts = accounts;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		return this.accounts.findByUsername(username)
			.orElseThrow(() -> new UsernameNotFoundException("No such user"));
	}

}
