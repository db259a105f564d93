// The package as a user installs it: `npm pack ./web`, the tarball installed into an empty
// project in a temporary folder that sees nothing of this repository, and there what its README
// promises: the node example prints what the README says, every command line example prints
// its output exactly, the browser snippets run in Chromium under the strict CSP it recommends,
// the TypeScript types compile a file that uses every call (and refuse a misspelled field), and
// the exports resolve to files that are in the tarball.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { inChromium, packed, projectWith, repo } from './host.mjs';

const here = fileURLToPath(new URL('./', import.meta.url));
const tsc = join(repo, 'tests/node_modules/.bin/tsc');
const readme = readFileSync(join(repo, 'web/README.md'), 'utf8');
// Every README's files (a block announced by <!-- file: name -->): the repository's, the
// package's and the widget's.
const readmeFiles = ['README.md', 'web/README.md', 'web/widget/README.md'].flatMap((path) =>
  [...readFileSync(join(repo, path), 'utf8').matchAll(/<!-- file: (\S+) -->\s*```\w*\n([\s\S]*?)```/g)].map(([, name, content]) => ({
    name,
    content,
  })),
);
const writeReadmeFiles = () => readmeFiles.forEach(({ name, content }) => writeFileSync(join(project, name), content));

let project = ''; // the temporary project with the tarball installed
let tarball = { path: '', files: [], bytes: 0 };

/** Runs a program in the project; returns { status, output } (stdout and stderr together). */
function runIn(command, args, options = {}) {
  const out = spawnSync(command, args, { cwd: project, encoding: 'utf8', env: { ...process.env, npm_config_offline: 'true' }, ...options });
  return { status: out.status, output: out.stdout + out.stderr, stdout: out.stdout };
}

before(() => {
  tarball = packed();
  project = projectWith(tarball.path, tarball.dir);
});

after(() => project && rmSync(project, { recursive: true, force: true }));

/** The files a module needs, itself included: what it imports (statically or not) and what it
 * finds beside it with `new URL('file', import.meta.url)` (a worker, a .wasm file), and theirs. */
function needs(root, file, found = new Set()) {
  if (found.has(file)) return found;
  found.add(file);
  if (!/\.m?js$/.test(file)) return found;
  const references =
    /(?:import|export)\s[^'"]*?from\s*['"](\.[^'"]+)['"]|import\s*\(\s*['"](\.[^'"]+)['"]\s*\)|import\s+['"](\.[^'"]+)['"]|new URL\(\s*['"]([^'"]+)['"]\s*,\s*import\.meta\.url/g;
  for (const match of readFileSync(join(root, file), 'utf8').matchAll(references)) {
    needs(root, posix.normalize(posix.join(posix.dirname(file), match.slice(1).find(Boolean))), found);
  }
  return found;
}

test('the tarball holds exactly what its exports and command need, with their docs and types', (t) => {
  t.diagnostic(`${tarball.path.split('/').pop()}: ${tarball.bytes} bytes, ${tarball.files.length} files`);
  const installed = join(project, 'node_modules/cbmcalc');
  const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
  const entries = [...Object.values(manifest.exports).flatMap((target) => Object.values(target)), ...Object.values(manifest.bin)]
    .map((path) => posix.normalize(path))
    .filter((path) => /\.m?js$/.test(path));
  const code = new Set();
  for (const entry of entries) needs(installed, entry, code);
  const docs = tarball.files.filter((f) => /(^|\/)README\.md$|^package\.json$|\.d\.ts$/.test(f));
  assert.deepEqual([...tarball.files].sort(), [...code, ...docs].sort());
  for (const file of ['lib/node.js', 'lib/cbmcalc_wasm.wasm', 'lib/cbmcalc_lite_wasm.wasm', 'ui/mining.js', 'widget/README.md']) {
    assert.ok(tarball.files.includes(file), `${file} is in the tarball`);
  }
  assert.ok(!tarball.files.some((f) => /section|explain|decisions-worker/.test(f)), "none of the page's sections or its workers");
  assert.ok(tarball.bytes < 600_000, 'small enough to install anywhere');
});

test('the exports resolve to files of the installed package', () => {
  const script = `for (const name of ['cbmcalc', 'cbmcalc/widget', 'cbmcalc/worker']) console.log(import.meta.resolve(name));`;
  const { status, stdout } = runIn(process.execPath, ['--input-type=module', '-e', script]);
  assert.equal(status, 0);
  const urls = stdout.trim().split('\n');
  assert.deepEqual(
    urls.map((url) => url.slice(url.indexOf('/node_modules/'))),
    ['/node_modules/cbmcalc/lib/node.js', '/node_modules/cbmcalc/widget/cbm-calculator.js', '/node_modules/cbmcalc/worker.js'],
  );
  for (const url of urls) assert.ok(existsSync(fileURLToPath(url)));
});

/** The fenced block of `language` after `heading`, and the first block after it too. */
function blockAfter(heading, language) {
  const section = readme.slice(readme.indexOf(heading));
  const match = section.match(new RegExp('```' + language + '\\n([\\s\\S]*?)```'));
  assert.ok(match, `the README has a ${language} block under ${heading}`);
  const rest = section.slice(match.index + match[0].length);
  return { code: match[1], next: rest.match(/```\w*\n([\s\S]*?)```/)?.[1] };
}

test("the repository README's node example prints the APR it says", () => {
  writeReadmeFiles();
  const { status, output } = runIn(process.execPath, ['root-example.mjs']);
  assert.equal(output, '210.24168192\n');
  assert.equal(status, 0);
});

test("the README's node example prints what the README says", () => {
  const { code, next: printed } = blockAfter('## Node', 'js');
  writeFileSync(join(project, 'example.mjs'), code);
  const { status, output } = runIn(process.execPath, ['example.mjs']);
  assert.equal(output, printed);
  assert.equal(status, 0);
});

test("the README's command line examples print exactly what it shows", () => {
  writeReadmeFiles(); // the files the examples read
  const examples = [...readme.matchAll(/```console\n([\s\S]*?)```/g)].flatMap(([, block]) =>
    block
      .split(/^\$ /m)
      .filter(Boolean)
      .map((part) => {
        const [command, ...lines] = part.split('\n');
        return { command, expected: lines.join('\n') };
      }),
  );
  assert.ok(examples.length >= 6, 'the README shows the command line');
  for (const { command, expected } of examples) {
    const { status, output } = runIn('sh', ['-c', `${command} 2>&1`]);
    // CSV lines end in CRLF (RFC 4180); the README shows them as lines.
    assert.equal(output.replaceAll('\r\n', '\n'), expected, command);
    // An error message ends by pointing at --help: bad input exits with 2, the rest with 0.
    assert.equal(status, expected.includes('--help shows the options') ? 2 : 0, `${command}: exit status`);
  }
});

test('the command line: --help for each command, --version', () => {
  const version = JSON.parse(readFileSync(join(repo, 'web/package.json'), 'utf8')).version;
  assert.equal(runIn('npx', ['cbmcalc', '--version']).output, `${version}\n`);
  const help = runIn('npx', ['cbmcalc', '--help']);
  assert.equal(help.status, 0);
  for (const command of ['apr', 'earnings', 'emission', 'points', 'simulate']) {
    assert.match(help.output, new RegExp(`^  ${command} `, 'm'));
    const own = runIn('npx', ['cbmcalc', command, '--help']);
    assert.equal(own.status, 0);
    assert.match(own.output, new RegExp(`^Usage: cbmcalc ${command} `));
    assert.match(own.output, /--json/);
  }
});

/** Copies the type tests into the project. */
function copyTypeTests() {
  for (const name of readdirSync(here)) if (/\.(ts|json)$/.test(name)) copyFileSync(join(here, name), join(project, name));
}

test('the types: a file using every call compiles under strict TypeScript and runs', () => {
  copyTypeTests();
  const compiled = runIn(tsc, ['-p', 'tsconfig.json']);
  assert.equal(compiled.output, '');
  assert.equal(compiled.status, 0);
  const ran = runIn(process.execPath, ['out/every-call.js']);
  assert.equal(ran.status, 0, ran.output);
  assert.match(ran.output, /^every call typed and checked: \d+ calls\n$/);
});

test("the types: the README's TypeScript example compiles", () => {
  const { code } = blockAfter('## TypeScript', 'ts');
  writeFileSync(join(project, 'readme.ts'), code);
  const config = { extends: './tsconfig.json', include: ['readme.ts'], compilerOptions: { noEmit: true } };
  writeFileSync(join(project, 'tsconfig.readme.json'), JSON.stringify(config));
  const compiled = runIn(tsc, ['-p', 'tsconfig.readme.json']);
  assert.equal(compiled.output, '');
  assert.equal(compiled.status, 0);
});

test('the types: the widget element and the worker messages, with the DOM', () => {
  copyTypeTests();
  const compiled = runIn(tsc, ['-p', 'tsconfig.widget.json']);
  assert.equal(compiled.output, '');
  assert.equal(compiled.status, 0);
});

test('the types: a misspelled field does not compile', () => {
  copyTypeTests();
  const config = { extends: './tsconfig.json', include: ['wrong-field.ts'], compilerOptions: { noEmit: true } };
  writeFileSync(join(project, 'tsconfig.wrong.json'), JSON.stringify(config));
  const compiled = runIn(tsc, ['-p', 'tsconfig.wrong.json']);
  assert.notEqual(compiled.status, 0);
  assert.match(compiled.output, /error TS(2353|2561):.*'unitprice'/);
  assert.equal(compiled.output.match(/error TS/g).length, 1, 'that one error only');
});

test("the README's browser snippets run as written, from the installed package, under a strict CSP", async () => {
  writeReadmeFiles();
  // The widget's README and the repository's serve a copy of the package from /cbmcalc/.
  if (!existsSync(join(project, 'cbmcalc'))) symlinkSync(join(project, 'node_modules/cbmcalc'), join(project, 'cbmcalc'));
  const wrong = await inChromium(project, async (page, origin) => {
    // The API from a module file: seed 003's APR.
    await page.goto(`${origin}/apr.html`);
    await page.waitForFunction(() => document.querySelector('#apr').textContent !== '', null, { timeout: 20000 });
    assert.equal(await page.textContent('#apr'), '210.24168192');
    // The widget, and the host's listener in a file of its own: it hears the figures.
    await page.goto(`${origin}/wallet.html`);
    await page.waitForFunction(() => document.title.startsWith('APR '), null, { timeout: 20000 });
    assert.match(await page.title(), /^APR \d+\.\d+ %, breakeven \d{4}-\d{2}-\d{2}$/);
    const apr = await page.evaluate(() => document.querySelector('cbm-calculator').result.aprPercent);
    assert.match(apr, /^\d+\.\d+$/);
    // The widget's README: its listener, in a file, hears the figures; the repository's, the same element.
    await page.goto(`${origin}/widget-readme.html`);
    await page.waitForFunction(() => document.querySelector('#summary').textContent !== '', null, { timeout: 20000 });
    assert.match(await page.textContent('#summary'), /^APR \d+\.\d{2} %, paid back on \d{4}-\d{2}-\d{2} \(\d+ days\)$/);
    await page.goto(`${origin}/root-widget.html`);
    await page.waitForFunction(() => document.querySelector('cbm-calculator').result?.aprPercent, null, { timeout: 20000 });
    // The pool worker from its served path: alone in the pool, Alice gets all of stage 1's 8 WFI a
    // second from the second after her activation (SPEC 4) to the end of the day: 86,399 of them.
    await page.goto(`${origin}/pool.html`);
    await page.waitForFunction(() => document.querySelector('#reward').textContent !== '', null, { timeout: 20000 });
    assert.equal(await page.textContent('#reward'), String(8 * 86399));
  });
  assert.deepEqual(wrong, []);
});
