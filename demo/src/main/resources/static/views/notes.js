// #/ (signed in): "New note" and the list "Your notes".
import { app } from '../state.js';
import { setAlert, whileBusy, timeElement, smallButton } from '../dom.js';
import {
	resetForm,
	beforeSubmit,
	checkRequired,
	focusProblem,
	clearErrorsOnInput,
	handleError,
	hasStatus,
} from '../forms.js';
import { showScreen } from '../nav.js';

const $ = (id) => document.getElementById(id);
const view = $('notes-view');
const form = $('note-form');
const noteText = $('note-text');
const noteAlert = $('note-alert');
const heading = $('notes-heading');
const listAlert = $('list-alert');
const empty = $('notes-empty');
const list = $('notes-list');

/**
 * Loads the user's notes, then shows the screen (so "Signed in as" means notes are there).
 * Returns the heading to focus, or null if the user went elsewhere meanwhile or the session ended.
 */
export async function enterNotes(seq) {
	let notes;
	let failure;
	try {
		({ notes } = await app.client.request('GET', '/api/notes'));
	} catch (error) {
		failure = error;
	}
	if (seq !== app.navigation) return null; // the user went elsewhere meanwhile
	if (hasStatus(failure, 401)) {
		app.sessionEnded();
		return null;
	}
	resetForm(form, noteAlert, listAlert);
	render(failure ? [] : (notes ?? []));
	showScreen(view, `${app.user.username} · Notes`);
	if (failure) handleError(failure, { alert: listAlert, signedIn: true });
	return heading;
}

/** Focuses "New note". */
export function focusNewNote() {
	noteText.focus();
}

/** Builds the <li> for one note. */
function noteItem(note) {
	const item = document.createElement('li');
	item.className = 'note';
	item.dataset.id = String(note.id);

	const text = document.createElement('p');
	text.className = 'note-text';
	text.textContent = note.text;

	const meta = document.createElement('div');
	meta.className = 'note-meta';

	const time = timeElement(note.createdAt);
	if (time) meta.append(time);

	meta.append(smallButton('Delete', { style: 'danger', label: 'Delete note', action: 'delete' }));

	item.append(text, meta);
	return item;
}

function render(notes) {
	list.replaceChildren(...notes.map(noteItem));
	updateEmpty();
}

function updateEmpty() {
	empty.hidden = list.children.length > 0;
}

clearErrorsOnInput(form);

form.addEventListener('submit', async (event) => {
	event.preventDefault();
	beforeSubmit(form, noteAlert);
	if (!checkRequired(form, { text: 'Write something first.' })) {
		focusProblem(form);
		return;
	}
	await whileBusy(form, async () => {
		try {
			const note = await app.client.request('POST', '/api/notes', { text: noteText.value });
			list.prepend(noteItem(note));
			updateEmpty();
			form.reset();
			noteText.focus();
		} catch (error) {
			if (!handleError(error, { alert: noteAlert, form, signedIn: true })) focusProblem(form);
		}
	});
});

// Ctrl+Enter (Cmd+Enter on macOS) in the textarea adds the note.
noteText.addEventListener('keydown', (event) => {
	if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
		event.preventDefault();
		form.requestSubmit();
	}
});

list.addEventListener('click', async (event) => {
	const button = event.target.closest('button[data-action="delete"]');
	if (!button) return;
	if (button.getAttribute('aria-disabled') === 'true') return; // already deleting
	const item = button.closest('li');
	setAlert(listAlert);
	// aria-disabled rather than disabled: a disabled button would drop keyboard focus.
	button.setAttribute('aria-disabled', 'true');
	try {
		await app.client.request('DELETE', `/api/notes/${encodeURIComponent(item.dataset.id)}`);
		removeNote(item);
	} catch (error) {
		if (hasStatus(error, 404)) {
			removeNote(item); // already gone
			return;
		}
		button.removeAttribute('aria-disabled');
		handleError(error, { alert: listAlert, signedIn: true });
	}
});

/** Removes a note's item and keeps keyboard focus somewhere sensible. */
function removeNote(item) {
	const next = item.nextElementSibling ?? item.previousElementSibling;
	const hadFocus = item.contains(document.activeElement) || document.activeElement === document.body;
	item.remove();
	updateEmpty();
	if (hadFocus) (next?.querySelector('button') ?? noteText).focus();
}
