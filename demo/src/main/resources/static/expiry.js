// When to warn that the session is about to end (pure functions; views/expiry-banner.js does the
// timer and the DOM).

/** Warn this long before the earlier of the idle and absolute deadlines. */
export const WARN_BEFORE_MS = 2 * 60 * 1000;

/**
 * @param {{ idleAt?: number, absoluteAt?: number }} deadlines epoch milliseconds
 * @returns {null | { remaining: number, minutes: number, absolute: boolean, ended: boolean }}
 *   null while there is more than WARN_BEFORE_MS left; `absolute` when only logging in again helps.
 */
export function expiryWarning({ idleAt, absoluteAt }, now = Date.now()) {
	const endsAt = Math.min(idleAt ?? Infinity, absoluteAt ?? Infinity);
	if (!Number.isFinite(endsAt)) return null;
	const remaining = endsAt - now;
	if (remaining > WARN_BEFORE_MS) return null;
	return {
		remaining,
		minutes: Math.max(1, Math.ceil(remaining / 60_000)),
		absolute: absoluteAt !== undefined && absoluteAt - now <= WARN_BEFORE_MS,
		ended: remaining <= 0,
	};
}

/** "Your session ends in 2 minutes." (+ " Log in again to continue." when it cannot be extended). */
export function warningText({ minutes, absolute }) {
	const text = `Your session ends in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`;
	return absolute ? `${text} Log in again to continue.` : text;
}
