// Type-checks the JSDoc-typed sources in src/**/*.js and generates their declarations, then
// compares those with the committed src/**/*.d.ts: any difference fails, so the declarations can
// drift from the JS in neither direction. `--write` updates the committed files instead.
//
// The committed .d.ts files are hidden from the compiler: next to them, `import './x.js'` would
// resolve to x.d.ts instead of x.js, and the JS would be checked against the old declarations.

import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const clientDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const srcDir = join(clientDir, 'src');
const write = process.argv.includes('--write');

const BANNER = '// Generated from the JSDoc in the .js file of the same name by `npm run types`; do not edit.\n';

/** @type {import('typescript').CompilerOptions} */
const options = {
	allowJs: true,
	checkJs: true,
	strict: true,
	declaration: true,
	emitDeclarationOnly: true,
	declarationDir: srcDir,
	rootDir: srcDir,
	target: ts.ScriptTarget.ES2022,
	module: ts.ModuleKind.NodeNext,
	moduleResolution: ts.ModuleResolutionKind.NodeNext,
	lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
	types: [],
	newLine: ts.NewLineKind.LineFeed,
};

/** @param {string} dir @param {string} suffix @returns {string[]} */
function filesUnder(dir, suffix) {
	return readdirSync(dir, { withFileTypes: true })
		.flatMap((entry) => {
			const path = join(dir, entry.name);
			if (entry.isDirectory()) return filesUnder(path, suffix);
			return entry.name.endsWith(suffix) ? [path] : [];
		})
		.sort();
}

const isCommittedDeclaration = (/** @type {string} */ file) =>
	resolve(file).startsWith(srcDir + sep) && file.endsWith('.d.ts');

const host = ts.createCompilerHost(options);
const { fileExists, readFile } = host;
host.fileExists = (file) => !isCommittedDeclaration(file) && fileExists.call(host, file);
host.readFile = (file) => (isCommittedDeclaration(file) ? undefined : readFile.call(host, file));
/** @type {Map<string, string>} */
const generated = new Map();
host.writeFile = (file, text) => generated.set(resolve(file), BANNER + text);

const sources = filesUnder(srcDir, '.js').filter((file) => !file.endsWith('.d.js'));
const program = ts.createProgram(sources, options, host);
const emitted = program.emit();
const diagnostics = ts.sortAndDeduplicateDiagnostics([...ts.getPreEmitDiagnostics(program), ...emitted.diagnostics]);
if (diagnostics.length > 0) {
	process.stderr.write(
		ts.formatDiagnosticsWithColorAndContext(diagnostics, {
			getCanonicalFileName: (name) => name,
			getCurrentDirectory: () => clientDir,
			getNewLine: () => '\n',
		}),
	);
	process.stderr.write(`\n${diagnostics.length} type error(s) in src/**/*.js\n`);
	process.exit(1);
}

const committed = new Set(filesUnder(srcDir, '.d.ts').map((file) => resolve(file)));
const name = (/** @type {string} */ file) => relative(clientDir, file);
let stale = 0;

for (const [file, text] of generated) {
	const current = committed.has(file) ? readFileSync(file, 'utf8') : undefined;
	committed.delete(file);
	if (current === text) continue;
	if (write) {
		writeFileSync(file, text);
		console.log(`wrote ${name(file)}`);
	} else {
		stale++;
		console.error(current === undefined ? `missing: ${name(file)}` : `out of date: ${name(file)}\n${diff(current, text)}`);
	}
}
for (const file of committed) {
	if (write) {
		rmSync(file);
		console.log(`removed ${name(file)}`);
	} else {
		stale++;
		console.error(`not generated from any .js file: ${name(file)}`);
	}
}

if (stale > 0) {
	console.error(
		`\n${stale} declaration file(s) differ from what the JSDoc in src/**/*.js declares.\n` +
			'Change the JSDoc (not the .d.ts), then run `npm run types` and commit the result.',
	);
	process.exit(1);
}
console.log(`${write ? 'updated' : 'checked'}: ${sources.length} JS file(s) type-check; ${generated.size} declaration file(s) match`);

/**
 * The changed region between two texts: lines only in the committed file (-) and only in the
 * generated one (+), with the common lines around them trimmed.
 * @param {string} before @param {string} after
 */
function diff(before, after) {
	const a = before.split('\n');
	const b = after.split('\n');
	let start = 0;
	while (start < a.length && start < b.length && a[start] === b[start]) start++;
	let endA = a.length;
	let endB = b.length;
	while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
		endA--;
		endB--;
	}
	return [
		`@@ line ${start + 1} (- committed, + generated)`,
		...a.slice(start, endA).map((line) => `- ${line}`),
		...b.slice(start, endB).map((line) => `+ ${line}`),
	].join('\n');
}
