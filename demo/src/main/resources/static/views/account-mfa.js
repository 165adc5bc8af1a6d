// #/account, "Two-step verification" (also #/security, the link of the notice mails): the
// authenticator app (set up with a QR code drawn here, in the browser; removed) and the recovery
// codes. Every change needs a fresh log-in: the client opens "Confirm it's you" when asked.
import qrcode from '../vendor/qrcode-generator.js';
import { app } from '../state.js';
import { setAlert, whileBusy } from '../dom.js';
import { resetForm, beforeSubmit, checkRequired, focusProblem, clearErrorsOnInput, handleError, isProblem } from '../forms.js';
import { sensitive } from './reauth.js';

// Looked up once, at load: a screen that is not shown is taken out of the document.
const $ = (id) => document.getElementById(id);
const statusText = $('mfa-status');
const notice = $('mfa-settings-notice');
const alert = $('mfa-settings-alert');
const setupButton = $('totp-setup-button');
const removeButton = $('totp-remove-button');
const codesButton = $('recovery-codes-button');
const form = $('totp-form');
const formAlert = $('totp-alert');
const codes = $('recovery-codes');
const codesList = $('recovery-codes-list');
const qrBox = $('totp-qr');
const secretText = $('totp-secret');
const SVG = 'http://www.w3.org/2000/svg';

/** Empties the section (before the account screen is shown). */
export function resetMfa() {
	setAlert(notice);
	setAlert(alert);
	closeSetup();
	codes.hidden = true;
	codesList.replaceChildren();
}

/** Fills the section from GET /api/auth/mfa. */
export async function loadMfa() {
	try {
		showStatus(await app.client.mfa.status());
	} catch (error) {
		handleError(error, { alert, signedIn: true });
	}
}

function showStatus({ methods, recoveryCodesLeft }) {
	const on = methods.includes('totp');
	statusText.textContent = on
		? `On: signing in needs a code from your authenticator app. ${recoveryCodesLeft} recovery codes left.`
		: 'Off: your password alone signs you in.';
	setupButton.hidden = on;
	removeButton.hidden = !on;
	codesButton.hidden = !on;
}

function closeSetup() {
	resetForm(form, formAlert);
	form.hidden = true;
	qrBox.replaceChildren();
}

/** Draws the otpauth:// URI as an SVG QR code, with DOM calls only (the CSP allows no inline styles). */
function drawQrCode(uri) {
	const qr = qrcode(0, 'M');
	qr.addData(uri);
	qr.make();
	const count = qr.getModuleCount();
	const svg = document.createElementNS(SVG, 'svg');
	svg.setAttribute('viewBox', `-4 -4 ${count + 8} ${count + 8}`);
	svg.setAttribute('role', 'img');
	svg.setAttribute('aria-label', 'QR code for your authenticator app');
	const background = document.createElementNS(SVG, 'rect');
	for (const [name, value] of Object.entries({ x: -4, y: -4, width: count + 8, height: count + 8, fill: '#fff' })) {
		background.setAttribute(name, String(value));
	}
	let path = '';
	for (let row = 0; row < count; row++) {
		for (let col = 0; col < count; col++) {
			if (qr.isDark(row, col)) path += `M${col} ${row}h1v1h-1z`;
		}
	}
	const modules = document.createElementNS(SVG, 'path');
	modules.setAttribute('d', path);
	modules.setAttribute('fill', '#000');
	svg.append(background, modules);
	qrBox.replaceChildren(svg);
}

function showCodes(list) {
	codesList.replaceChildren(
		...list.map((code) => {
			const item = document.createElement('li');
			item.textContent = code;
			return item;
		}),
	);
	codes.hidden = false;
}

async function run(button, task, doneMessage) {
	setAlert(notice);
	setAlert(alert);
	button.disabled = true;
	try {
		await sensitive(task);
		if (doneMessage) setAlert(notice, doneMessage);
	} catch (error) {
		if (isProblem(error, 'reauthentication_required')) {
			setAlert(alert, 'Nothing was changed: confirm it’s you with your password to continue.');
		} else {
			handleError(error, { alert, signedIn: true });
		}
	} finally {
		button.disabled = false;
	}
}

setupButton.addEventListener('click', () =>
	run(setupButton, async () => {
		const { secret, otpauthUri } = await app.client.mfa.setupTotp();
		codes.hidden = true;
		resetForm(form, formAlert);
		drawQrCode(otpauthUri);
		secretText.textContent = secret;
		form.hidden = false;
		form.elements.namedItem('code').focus();
	}),
);

$('totp-cancel').addEventListener('click', () => {
	closeSetup();
	setupButton.focus();
});

clearErrorsOnInput(form);

form.addEventListener('submit', async (event) => {
	event.preventDefault();
	beforeSubmit(form, formAlert);
	const code = form.elements.namedItem('code');
	if (!checkRequired(form, { code: 'Enter the 6-digit code the app shows.' })) {
		focusProblem(form);
		return;
	}
	await whileBusy(form, async () => {
		try {
			const { recoveryCodes } = await sensitive(() => app.client.mfa.confirmTotp(code.value.trim()));
			closeSetup();
			showCodes(recoveryCodes);
			setAlert(notice, 'Two-step verification is on.');
			await loadMfa();
		} catch (error) {
			handleError(error, { alert: formAlert, form, signedIn: true });
			if (isProblem(error, 'invalid_code')) setAlert(formAlert, 'That code is not right. Type the code the app shows now.');
			code.value = '';
			focusProblem(form, code);
		}
	});
});

removeButton.addEventListener('click', () =>
	run(removeButton, async () => {
		showStatus(await app.client.mfa.removeTotp());
		codes.hidden = true;
		setupButton.focus();
	}, 'Two-step verification is off.'),
);

codesButton.addEventListener('click', () =>
	run(codesButton, async () => {
		const { recoveryCodes } = await app.client.mfa.regenerateRecoveryCodes();
		showCodes(recoveryCodes);
		await loadMfa();
	}, 'New recovery codes were made; the old ones no longer work.'),
);
