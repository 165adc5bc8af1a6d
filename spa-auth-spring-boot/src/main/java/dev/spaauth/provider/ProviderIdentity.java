package dev.spaauth.provider;

import org.jspecify.annotations.Nullable;

/**
 * Who a provider says signed in.
 *
 * @param provider the registration id, such as {@code google} or {@code github}
 * @param subject the provider's stable id of the user ({@code sub}, or GitHub's numeric {@code id}):
 * the only thing an identity is recognised by
 * @param email the email address the provider gave, or null
 * @param emailVerified whether the provider says it verified that address ({@code email_verified},
 * or GitHub's {@code verified} on the primary address)
 * @param name a display name or login, or null
 */
public record ProviderIdentity(String provider, String subject, @Nullable String email, boolean emailVerified,
		@Nullable String name) {
}
