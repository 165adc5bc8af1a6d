// The demo's dev mailbox: lists GET /api/dev/mailbox (answered to loopback clients only).
// Message text is plain text: it goes through text nodes, and only links into this app become
// <a> elements: links on this page's origin (or the same port on another loopback name, since
// the server's SPA URL may say localhost where the address bar says 127.0.0.1), or under a
// `spaUrl` the answer may carry. No innerHTML anywhere.
import { createClient, HTTPError, NetworkError } from '/spa-auth-client/index.js';
import { setAlert, linkify, timeElement } from './dom.js';
import { loadApiBaseUrl } from './config.js';

const POLL_MS = 5_000;

const $ = (id) => document.getElementById(id);
const ui = {
	status: $('mailbox-status'),
	alert: $('mailbox-alert'),
	empty: $('mailbox-empty'),
	list: $('messages'),
	refresh: $('refresh-button'),
};

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];

/** Links in mails may only point into the SPA, which this page is served with. */
function allowedPrefixes(spaUrl) {
	const prefixes = [`${location.origin}/`];
	if (LOOPBACK_NAMES.includes(location.hostname)) {
		const port = location.port ? `:${location.port}` : '';
		for (const name of LOOPBACK_NAMES) prefixes.push(`${location.protocol}//${name}${port}/`);
	}
	try {
		const url = new URL(spaUrl);
		if (url.protocol === 'http:' || url.protocol === 'https:') prefixes.push(`${url.origin}/`);
	} catch {
		// no (valid) spaUrl in the answer
	}
	return prefixes;
}

let client;
let shownKey = null; // the message ids on screen, to re-render only when they change
let loading = false;

function messageItem(message, prefixes) {
	const item = document.createElement('li');
	item.className = 'message';
	const article = document.createElement('article');
	const headingId = `message-${String(message.id).replace(/[^\w-]/g, '')}`;
	article.setAttribute('aria-labelledby', headingId);

	const subject = document.createElement('h3');
	subject.id = headingId;
	subject.textContent = message.subject || '(no subject)';

	const meta = document.createElement('p');
	meta.className = 'message-meta';
	meta.append(`To ${message.to ?? 'unknown'}`);
	const sent = timeElement(message.sentAt);
	if (sent) meta.append(' · ', sent);

	const text = document.createElement('div');
	text.className = 'message-text';
	text.append(linkify(message.text, prefixes));

	article.append(subject, meta, text);
	item.append(article);
	return item;
}

function describe(error) {
	if (error instanceof HTTPError) return error.detail;
	if (error instanceof NetworkError) return 'Can’t reach the server. Is the demo running?';
	console.error(error);
	return 'Something went wrong. Please try again.';
}

async function load({ force = false } = {}) {
	if (loading) return;
	loading = true;
	try {
		client ??= createClient({ baseUrl: await loadApiBaseUrl() });
		const { messages = [], spaUrl } = await client.request('GET', '/api/dev/mailbox');
		setAlert(ui.alert);
		const key = messages.map((message) => message.id).join(' ');
		if (force || key !== shownKey) {
			const prefixes = allowedPrefixes(spaUrl);
			ui.list.replaceChildren(...messages.map((message) => messageItem(message, prefixes)));
			shownKey = key;
		}
		ui.empty.hidden = messages.length > 0;
		ui.status.textContent = messages.length === 1 ? '1 message' : `${messages.length} messages`;
	} catch (error) {
		setAlert(ui.alert, describe(error));
		ui.status.textContent = '';
	} finally {
		loading = false;
	}
}

ui.refresh.addEventListener('click', () => load({ force: true }));

// New mail shows up by itself while the page is visible.
setInterval(() => {
	if (document.visibilityState === 'visible') load();
}, POLL_MS);
document.addEventListener('visibilitychange', () => {
	if (document.visibilityState === 'visible') load();
});

load();
