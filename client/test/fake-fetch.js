// Test helpers (not a test file): a fake `fetch` that records calls and answers from a route table, and a fake page.

/**
 * @param {Record<string, (call: {url: string, method: string, headers: Record<string,string>, body: any, init: RequestInit}) => Response | Promise<Response>>} routes
 *   keys like 'GET /api/auth/csrf'; a handler may also be an array, consumed one answer per call.
 */
export function fakeFetch(routes) {
	const calls = [];
	const fetch = async (url, init = {}) => {
		const method = init.method ?? 'GET';
		const path = String(url).replace(/^https?:\/\/[^/]+/, '');
		const call = {
			url: String(url),
			path,
			method,
			headers: { ...init.headers },
			body: init.body === undefined ? undefined : JSON.parse(init.body),
			init,
		};
		calls.push(call);
		let handler = routes[`${method} ${path}`];
		if (Array.isArray(handler)) {
			handler = handler.length > 1 ? handler.shift() : handler[0];
		}
		if (!handler) {
			return json({ title: 'Not Found', status: 404, detail: `no route ${method} ${path}` }, 404);
		}
		return handler(call);
	};
	fetch.calls = calls;
	return fetch;
}

export function json(body, status = 200, contentType = 'application/json') {
	return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': contentType } });
}

export function problem({ status, title, detail, code, errors }) {
	return json({ type: 'about:blank', title, status, detail, code, ...(errors ? { errors } : {}) }, status, 'application/problem+json');
}

export function csrfRoute(tokens = ['t1', 't2', 't3', 't4']) {
	let i = 0;
	return () => json({ csrfToken: tokens[Math.min(i++, tokens.length - 1)], headerName: 'X-XSRF-TOKEN' });
}

/** `GET /session` of a signed-in browser: what the client's check after a sign-in expects. */
export const signedInSession = () => json({ authenticated: true, user: { id: 1, username: 'alice' } });

export const csrfFailed = () =>
	problem({ status: 403, title: 'Forbidden', detail: 'Invalid or missing CSRF token.', code: 'csrf_failed' });

/** A page's location, history and sessionStorage, as the provider flow uses them. */
export function fakePage(href) {
	const storage = new Map();
	const page = {
		location: { href, assigned: undefined, assign(url) { this.assigned = url; } },
		history: { state: null, replaceState(state, title, url) { page.location.href = url; } },
		sessionStorage: {
			getItem: (key) => (storage.has(key) ? storage.get(key) : null),
			setItem: (key, value) => storage.set(key, String(value)),
			removeItem: (key) => storage.delete(key),
		},
	};
	globalThis.location = page.location;
	globalThis.history = page.history;
	globalThis.sessionStorage = page.sessionStorage;
	return page;
}
