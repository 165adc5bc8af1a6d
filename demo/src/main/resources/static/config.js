// Where the API lives: /config.json on the page's own origin says {"apiBaseUrl": ""} for the same
// origin (as the demo serves it), or the API's origin, e.g. {"apiBaseUrl": "https://api.example.com"},
// when the SPA is served elsewhere (see deploy/nginx/).

/** The API's base URL from /config.json, or '' (same origin) if the file is missing or invalid. */
export async function loadApiBaseUrl() {
	try {
		const response = await fetch('/config.json', { headers: { Accept: 'application/json' }, cache: 'no-cache' });
		if (!response.ok) return '';
		const { apiBaseUrl } = await response.json();
		return typeof apiBaseUrl === 'string' ? apiBaseUrl : '';
	} catch {
		return '';
	}
}
