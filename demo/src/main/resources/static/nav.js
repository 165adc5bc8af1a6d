// Which screen is shown, and the address: hash routes such as #/account or #/reset-password?token=….

const main = document.getElementById('main');
const header = document.getElementById('signed-in-header');
/** The screens: the children of <main> marked data-screen (data-signed-in: with the signed-in header). */
const screens = [...main.querySelectorAll(':scope > [data-screen]')];

/**
 * Shows one screen. The others are detached from the document (kept in memory with their listeners
 * and values), so labels that repeat across screens ("Email", "New password") stay unique.
 */
export function showScreen(screen, title) {
	for (const element of screens) {
		if (element === screen) {
			element.hidden = false;
			if (!element.isConnected) main.append(element);
		} else {
			element.hidden = true;
			element.remove();
		}
	}
	const signedIn = screen.hasAttribute('data-signed-in');
	header.hidden = !signedIn;
	// The header's link to this screen ("Account", "Admin") is the current page.
	const here = `#${currentRoute().path}`;
	for (const link of header.querySelectorAll('a[href^="#/"]')) {
		if (signedIn && link.getAttribute('href') === here) link.setAttribute('aria-current', 'page');
		else link.removeAttribute('aria-current');
	}
	if (title) document.title = title;
}

/** The hash route: "#/account" -> { path: '/account' }; "#/reset-password?token=x" -> params token. */
export function currentRoute() {
	const hash = location.hash;
	if (!hash.startsWith('#/')) return { path: '/', params: new URLSearchParams(), signup: hash === '#signup' };
	const rest = hash.slice(1);
	const query = rest.indexOf('?');
	return {
		path: query < 0 ? rest : rest.slice(0, query),
		params: new URLSearchParams(query < 0 ? '' : rest.slice(query + 1)),
	};
}

/** Replaces the address (no new history entry, no hashchange event); '' means the app's home (no hash). */
export function replaceAddress(hash) {
	history.replaceState(null, '', hash || location.pathname + location.search);
}
