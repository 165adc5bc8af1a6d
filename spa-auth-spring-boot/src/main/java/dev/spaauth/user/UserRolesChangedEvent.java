package dev.spaauth.user;

/**
 * Published by {@link UserRoles} when an account's roles changed; spa-auth then ends the account's
 * sessions, whose principals hold the roles of their log-in.
 *
 * @param username the account's username
 */
public record UserRolesChangedEvent(String username) {
}
