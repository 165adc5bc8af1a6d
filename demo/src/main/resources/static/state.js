// What the screens share: the API client, the signed-in user, and the shell's transitions between
// signed in and signed out. app.js (the shell) fills these in, so that no screen imports the shell.

export const app = {
	/** The spa-auth client, created once /config.json has said where the API is. */
	client: undefined,
	/** The signed-in user ({ id, username, email, roles }), or null. */
	user: null,
	/** The API's sign-in providers ([{ id, name }]), loaded at start-up; empty when it has none. */
	providers: [],
	/** Counts navigations, so that a slow answer for a screen the user has left is dropped. */
	navigation: 0,
	/** async (user): after a log-in or sign-up, the screen the address asks for. */
	signedIn: undefined,
	/** (): a 401 while signed in; the log-in tab says the session has ended. */
	sessionEnded: undefined,
	/** ({ notice }): the session is over (e.g. after a password reset); the log-in tab, with a notice. */
	signedOut: undefined,
	/** async ({ button, keepTyped }): logs out, then shows the log-in tab. */
	logOut: undefined,
};
