package dev.spaauth.user;

/**
 * Published when sign-up has stored a new account, before its first session starts: a listener may
 * grant roles with {@link UserRoles}, which the session then holds. Listeners run on the sign-up
 * request's thread inside the transaction that stores the account: an exception from one fails the
 * sign-up (500 problem) and the account is not stored.
 *
 * @param user the new account, without its password hash
 */
public record AccountCreatedEvent(SpaAuthUser user) {
}
