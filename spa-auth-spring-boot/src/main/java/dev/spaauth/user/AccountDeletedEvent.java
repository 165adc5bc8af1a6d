package dev.spaauth.user;

/**
 * Published when an account is being deleted at its owner's request, inside the transaction that
 * deletes it, before the row goes: a listener deletes the application's own data of the account
 * (the demo deletes its notes). Listeners run on the request's thread; an exception from one rolls
 * the deletion back (500 problem) and the account stays as it was.
 *
 * @param user the account, without its password hash
 */
public record AccountDeletedEvent(SpaAuthUser user) {
}
