// What the user typed on a signed-in screen when the session ended (a note, a new email), put back
// once they have logged in again. Kept in this page's memory only (never in localStorage or
// sessionStorage, gone on reload), never a password, and only for the same user: if someone else
// logs in, it is dropped.

/** Fields whose text is kept: no passwords, nothing hidden. */
const KEPT_TYPES = new Set(['text', 'email', 'textarea']);

/** The id of the user who typed the drafts, as a string; null when there are none. */
let owner = null;
/** Form id -> { field name: value }. */
const drafts = new Map();

/** Remembers what `user` typed into the forms under `root` (the screen that was shown). */
export function keepDrafts(user, root) {
	if (!user) return;
	if (owner !== String(user.id)) discardDrafts();
	for (const form of root.querySelectorAll('form[id]')) {
		const values = {};
		for (const control of form.elements) {
			if (KEPT_TYPES.has(control.type) && !control.hidden && control.name && control.value.trim() !== '') {
				values[control.name] = control.value;
			}
		}
		if (Object.keys(values).length > 0) drafts.set(form.id, values);
	}
	if (drafts.size > 0) owner = String(user.id);
}

/**
 * After a screen was shown to the signed-in `user`: puts their drafts back into the forms under
 * `root` (each draft once); drops every draft if another user typed them.
 */
export function restoreDrafts(user, root) {
	if (owner === null) return;
	if (owner !== String(user.id)) {
		discardDrafts();
		return;
	}
	for (const form of root.querySelectorAll('form[id]')) {
		for (const [name, value] of Object.entries(drafts.get(form.id) ?? {})) {
			const control = form.elements.namedItem(name);
			if (control) control.value = value;
		}
		drafts.delete(form.id);
	}
	if (drafts.size === 0) owner = null;
}

/** Forgets every draft (e.g. when the user logs out). */
export function discardDrafts() {
	owner = null;
	drafts.clear();
}
