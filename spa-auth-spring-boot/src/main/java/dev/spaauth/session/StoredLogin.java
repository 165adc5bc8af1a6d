package dev.spaauth.session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;

import dev.spaauth.user.SpaAuthUser;

/**
 * The security context of a log-in spa-auth made, stored flat: the account (id, username, email, roles) and the granted authorities, each with the time its factor was proven
 * ({@link FactorGrantedAuthority#getIssuedAt()}, null for a plain authority). Reading it back builds the
 * same context Spring Security's Jackson modules would, without their per-read deserializer look-ups
 * (the token's authorities list is a polymorphic collection Jackson resolves anew on every read), which
 * is most of the cost of an authenticated request. Every other context keeps Spring Security's form.
 *
 * @param id the account's database id
 * @param username the username
 * @param email the email address
 * @param roles the account's roles, sorted
 * @param authorities the authentication's authorities, in order
 * @param emailVerified whether the address was verified; null in sessions stored before this existed
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.CLASS)
record StoredLogin(long id, String username, String email, String[] roles, Authority[] authorities,
		@Nullable Boolean emailVerified) {

	/**
	 * Returns the flat form of a security context, when it has one.
	 * @param value a session attribute's value
	 * @return the flat form, or null when the value is anything but a {@link SecurityContextImpl} holding
	 * an authenticated {@link UsernamePasswordAuthenticationToken} of a {@link SpaAuthUser}, without
	 * credentials or details, whose authorities are all {@link SimpleGrantedAuthority} or
	 * {@link FactorGrantedAuthority}
	 */
	static @Nullable StoredLogin of(Object value) {
		if (value.getClass() != SecurityContextImpl.class) {
			return null;
		}
		Authentication authentication = ((SecurityContext) value).getAuthentication();
		if (authentication == null || authentication.getClass() != UsernamePasswordAuthenticationToken.class
				|| !authentication.isAuthenticated() || authentication.getCredentials() != null
				|| authentication.getDetails() != null || !(authentication.getPrincipal() instanceof SpaAuthUser user)) {
			return null;
		}
		Collection<? extends GrantedAuthority> granted = authentication.getAuthorities();
		Authority[] authorities = new Authority[granted.size()];
		int i = 0;
		for (GrantedAuthority authority : granted) {
			if (authority.getClass() == SimpleGrantedAuthority.class) {
				authorities[i++] = new Authority(authority.getAuthority(), null);
			}
			else if (authority instanceof FactorGrantedAuthority factor) {
				authorities[i++] = new Authority(factor.getAuthority(), factor.getIssuedAt());
			}
			else {
				return null;
			}
		}
		return new StoredLogin(user.getId(), user.getUsername(), user.getEmail(),
				user.getRoles().toArray(String[]::new), authorities, user.isEmailVerified());
	}

	/**
	 * Builds the security context this stands for.
	 * @return a new context with an authenticated token, no credentials and no details
	 */
	SecurityContext toSecurityContext() {
		SpaAuthUser user = new SpaAuthUser(this.id, this.username, this.email, List.of(this.roles), null,
				this.emailVerified);
		List<GrantedAuthority> granted = new ArrayList<>(this.authorities.length);
		for (Authority authority : this.authorities) {
			granted.add((authority.issuedAt() != null)
					? FactorGrantedAuthority.withAuthority(authority.name()).issuedAt(authority.issuedAt()).build()
					: new SimpleGrantedAuthority(authority.name()));
		}
		return new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(user, null, granted));
	}

	/**
	 * One granted authority.
	 *
	 * @param name the authority, such as {@code ROLE_USER} or {@code FACTOR_PASSWORD}
	 * @param issuedAt when the factor was proven, for a {@link FactorGrantedAuthority}; null otherwise
	 */
	record Authority(String name, @Nullable Instant issuedAt) {
	}

}
