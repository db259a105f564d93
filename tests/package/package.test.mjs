// The package as a user installs it: `npm pack ./web`, the tarball installed into an empty
// project in a temporary folder that sees nothing of this repository, and there what its README
// promises: the node example prints what the README says, every command line example prints
// its output exactly, the browser snippets run in Chromium under the strict CSP it recommends,
// the TypeScript types compile a file that uses every call (and refuse a misspelled field), and
// the exports resolve to files that are in the tarball.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:http';
import { extname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const here = fileURLToPath(new URL('./', import.meta.url));
const tsc = join(repo, 'tests/node_modules/.bin/tsc');
const readme = readFileSync(join(repo, 'web/README.md'), 'utf8');

let project = ''; // the temporary project with the tarball installed
let tarball = { path: '', files: [], bytes: 0 };

/** Runs a program in the project; returns { status, output } (stdout and stderr together). */
function runIn(command, args, options = {}) {
  const out = spawnSync(command, args, { cwd: project, encoding: 'utf8', env: { ...process.env, npm_config_offline: 'true' }, ...options });
  return { status: out.status, output: out.stdout + out.stderr, stdout: out.stdout };
}

before(() => {
  project = mkdtempSync(join(tmpdir(), 'cbmcalc-package-'));
  const [packed] = JSON.parse(
    execFileSync('npm', ['pack', join(repo, 'web'), '--json', '--pack-destination', project], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }),
  );
  tarball = { path: join(project, packed.filename), files: packed.files.map((f) => f.path), bytes: packed.size };
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'user-project', private: true, type: 'module' }));
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--loglevel=error', tarball.path], {
    cwd: project,
    stdio: 'ignore',
  });
});

after(() => project && rmSync(project, { recursive: true, force: true }));

test('the tarball holds the package and nothing of the repository around it', (t) => {
  t.diagnostic(`${tarball.path.split('/').pop()}: ${tarball.bytes} bytes, ${tarball.files.length} files`);
  for (const file of [
    'README.md',
    'package.json',
    'lib/cbmcalc.js',
    'lib/cbmcalc.d.ts',
    'lib/decisions.js',
    'lib/cbmcalc_wasm.mjs',
    'lib/cbmcalc_wasm.wasm',
    'lib/cbmcalc_lite_wasm.mjs',
    'lib/cbmcalc_lite_wasm.wasm',
    'widget/cbm-calculator.js',
    'widget/cbm-calculator.d.ts',
    'worker.js',
    'worker.d.ts',
    'decisions-worker.js',
    'bin/cbmcalc.js',
  ]) {
    assert.ok(tarball.files.includes(file), `${file} is in the tarball`);
  }
  assert.deepEqual(
    tarball.files.filter((f) => /node_modules|^vendor\/|index\.html|\.test\./.test(f)),
    [],
    'no page, vendored or test files',
  );
  assert.ok(tarball.bytes < 1_000_000, 'small enough to install anywhere');
});

test('the exports resolve to files of the installed package', () => {
  const script = `for (const name of ['cbmcalc', 'cbmcalc/widget', 'cbmcalc/worker']) console.log(import.meta.resolve(name));`;
  const { status, stdout } = runIn(process.execPath, ['--input-type=module', '-e', script]);
  assert.equal(status, 0);
  const urls = stdout.trim().split('\n');
  assert.deepEqual(
    urls.map((url) => url.slice(url.indexOf('/node_modules/'))),
    ['/node_modules/cbmcalc/lib/cbmcalc.js', '/node_modules/cbmcalc/widget/cbm-calculator.js', '/node_modules/cbmcalc/worker.js'],
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

test("the README's node example prints what the README says", () => {
  const { code, next: printed } = blockAfter('## Node', 'js');
  writeFileSync(join(project, 'example.mjs'), code);
  const { status, output } = runIn(process.execPath, ['example.mjs']);
  assert.equal(output, printed);
  assert.equal(status, 0);
});

test("the README's command line examples print exactly what it shows", () => {
  // Files the examples read: a block announced by <!-- file: name -->.
  for (const [, name, content] of readme.matchAll(/<!-- file: (\S+) -->\s*```\w*\n([\s\S]*?)```/g)) {
    writeFileSync(join(project, name), content);
  }
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

/** Serves the project as a static host would, under the README's strict CSP; `.wasm` as
 * application/wasm. */
function serveProject() {
  const types = {
    '.html': 'text/html',
    '.js': 'text/javascript',
    '.mjs': 'text/javascript',
    '.wasm': 'application/wasm',
    '.css': 'text/css',
  };
  const csp = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'; img-src 'self'";
  const server = createServer((request, response) => {
    const file = join(project, decodeURIComponent(new URL(request.url, 'http://x').pathname));
    if (!file.startsWith(project) || !existsSync(file)) return response.writeHead(404).end();
    response.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream', 'Content-Security-Policy': csp });
    response.end(readFileSync(file));
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}

test("the README's browser snippets run as written, from the installed package, under a strict CSP", async () => {
  for (const [, name, content] of readme.matchAll(/<!-- file: (\S+) -->\s*```\w*\n([\s\S]*?)```/g)) {
    writeFileSync(join(project, name), content);
  }
  const { chromium } = await import(join(repo, 'tests/node_modules/playwright-core/index.mjs'));
  const server = await serveProject();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const page = await browser.newPage();
    const wrong = [];
    // The browser's own request for /favicon.ico is the host's business, not the snippets'.
    page.on('console', (m) => m.type() === 'error' && !m.location().url.endsWith('/favicon.ico') && wrong.push(m.text()));
    page.on('pageerror', (e) => wrong.push(e.message));
    page.on('response', (r) => r.status() >= 400 && wrong.push(`${r.status()} ${r.url()}`));
    await page.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP: ${e.violatedDirective} ${e.blockedURI}`)),
    );
    const origin = `http://127.0.0.1:${server.address().port}`;
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
    assert.deepEqual(wrong, []);
  } finally {
    await browser.close();
    server.close();
  }
});
