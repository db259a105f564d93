// A wallet site's build, as web/README.md tells it: an app whose code imports `cbmcalc` and
// `cbmcalc/widget`, the packed tarball installed, built by Vite (6, and 8: the latest that runs on
// Node 20), webpack 5 and esbuild with their default configuration, then opened in Chromium under
// the strict CSP the README recommends: seed 003's APR, the widget with figures, nothing refused,
// failed or logged as an error, and no node built-in in the build (nor a warning about one).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import { inChromium, packed, projectWith, repo } from './host.mjs';

const tools = join(repo, 'tests/node_modules');
let tarball = null;

before(() => (tarball = packed()));
after(() => tarball && rmSync(tarball.dir, { recursive: true, force: true }));

// The app, as the README shows it: seed 003's APR from the API, the widget, and 30 days of a pool
// of 1,000 requests in the pool worker. (No top-level await: Vite's default targets lack it.)
const readme = readFileSync(join(repo, 'web/README.md'), 'utf8');
const app = readme.match(/<!-- bundled: src\/main\.js -->\s*```js\n([\s\S]*?)```/)[1];
const esbuildSteps = readme
  .match(/```sh\n(npx esbuild [\s\S]*?)```/)[1]
  .trim()
  .split('\n');
const page = (script) => `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>A wallet</title></head>
  <body>
    <p>APR <output id="apr"></output> %</p>
    <p>Pool: <output id="pool"></output></p>
    <cbm-calculator units="1000" unit-price="0.25" token-price="0.17" lang="en"></cbm-calculator>
    ${script}
  </body>
</html>
`;

/** A project with the tarball installed and the app in src/`entry` (`code`); `html` at its root. */
function appProject(name, entry, { code = app, html } = {}) {
  const dir = join(tarball.dir, name);
  mkdirSync(join(dir, 'src'), { recursive: true });
  projectWith(tarball.path, dir);
  writeFileSync(join(dir, 'src', entry), code);
  if (html) writeFileSync(join(dir, 'index.html'), html);
  return dir;
}

/** Runs a shell command in `dir`, `npx NAME` being a bundler installed in tests/: its output,
 * after checking that it succeeded and said nothing of node's built-ins. */
function build(dir, command) {
  const bins = { vite6: 'vite6/bin/vite.js', vite8: 'vite8/bin/vite.js', webpack: 'webpack-cli/bin/cli.js' };
  const line = command.replace(/^npx (\S+)/, (_, name) =>
    bins[name] ? `"${process.execPath}" ${join(tools, bins[name])}` : join(tools, '.bin', name),
  );
  const run = spawnSync('sh', ['-c', line], { cwd: dir, encoding: 'utf8', timeout: 120000 });
  const output = run.stdout + run.stderr;
  assert.equal(run.status, 0, output);
  assert.doesNotMatch(output, /node:|built-?in|externali[sz]ed|fs\/promises/i, 'no word of a node built-in');
  return output;
}

/** The built app in Chromium: the API's APR, the widget's figures, the pool worker's run,
 * nothing wrong. */
async function opens(dist) {
  const files = readdirSync(dist, { recursive: true }).filter((f) => /\.js$/.test(f));
  assert.ok(files.length > 0);
  for (const file of files) assert.doesNotMatch(readFileSync(join(dist, file), 'utf8'), /node:fs|fs\/promises/, file);
  const wrong = await inChromium(dist, async (page, origin) => {
    await page.goto(`${origin}/`);
    await page.waitForFunction(() => document.querySelector('#apr').textContent !== '', null, { timeout: 20000 });
    assert.equal(await page.textContent('#apr'), '210.24168192');
    const widget = page.locator('cbm-calculator');
    await page.waitForFunction(() => document.querySelector('cbm-calculator').result?.aprPercent, null, { timeout: 20000 });
    assert.match(await widget.evaluate((w) => w.result.aprPercent), /^\d+\.\d+$/);
    assert.match(await widget.evaluate((w) => w.shadowRoot.textContent), /\d[\d,]*\.\d+ WFI/);
    // The pool worker ran: 1,000 requests, and 30 days of stage 1's 8 WFI a second emitted.
    await page.waitForFunction(() => document.querySelector('#pool').textContent !== '', null, { timeout: 20000 });
    assert.equal(await page.textContent('#pool'), '1000 20736000');
  });
  assert.deepEqual(wrong, []);
}

for (const vite of ['vite6', 'vite8']) {
  test(`${vite}: \`vite build\` with no config file, and the app runs`, async (t) => {
    const dir = appProject(vite, 'main.js', { html: page('<script type="module" src="/src/main.js"></script>') });
    t.diagnostic(build(dir, `npx ${vite} build`).match(/built in .*/)?.[0]);
    await opens(join(dir, 'dist'));
  });
}

test('webpack 5: `webpack --mode production` with no config file, and the app runs', async () => {
  const dir = appProject('webpack', 'index.js');
  // Its one warning is its own: the .wasm files are over its performance hint of 244 KiB.
  const output = build(dir, 'npx webpack --mode production');
  assert.doesNotMatch(output.replace(/WARNING in asset size limit[\s\S]*?\.wasm \(\d+ KiB\)\n(?:.*\.wasm \(\d+ KiB\)\n)*/, ''), /WARNING/);
  writeFileSync(join(dir, 'dist/index.html'), page('<script src="main.js"></script>'));
  await opens(join(dir, 'dist'));
});

test("esbuild: the README's two steps (the worker an entry of its own, the .wasm files copied), and the app runs", async () => {
  const dir = appProject('esbuild', 'main.js', { code: app.replace("'cbmcalc/worker'", "'./worker.js'") });
  for (const step of esbuildSteps) build(dir, step);
  writeFileSync(join(dir, 'dist/index.html'), page('<script type="module" src="main.js"></script>'));
  await opens(join(dir, 'dist'));
});
