package dev.spaauth.user;

/**
 * Published by {@link UserRoles} when a role was granted to or revoked from an account; spa-auth then
 * ends the account's sessions, whose principals hold the roles of their log-in, and writes the change
 * to the audit log.
 *
 * @param username the account's username
 * @param role the role, such as {@code ADMIN}
 * @param granted whether it was granted (true) or revoked (false)
 */
public record UserRolesChangedEvent(String username, String role, boolean granted) {
}
