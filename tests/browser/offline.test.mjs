// Installable and offline after one visit: the web manifest and its icons, the service worker
// (web/sw.js) taking a copy of the page at the first visit, the page loading and computing with
// the network off (its full build too), and a new version of a file on screen once the server
// serves it, then in the offline copy. The tests run in order and build on each other: one
// browser profile, the worker registered by the first visit.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';

import { pageRoot } from '../../build-scripts/serve.mjs';

import { artifact, openPage, pageReady, type, useBrowser } from './harness.mjs';

const web = pathToFileURL(`${pageRoot}/`); // the page served: its production build, or web/
const precache = JSON.parse(readFileSync(new URL('precache.json', web), 'utf8'));
// What the server serves instead of the page's file, by path; and every path it was asked for.
const overrides = new Map();
const served = [];
const env = useBrowser({
  serviceWorkers: 'allow',
  override: (path) => {
    served.push(path);
    return overrides.get(path);
  },
});
const copyName = (version) => `cbmcalc ${env.origin}/ ${version}`;
const ours = () => env.context.serviceWorkers().filter((w) => w.url() === `${env.origin}/sw.js`);

/** The page's copies in the Cache API: their names, each with whether it is complete. */
const copies = (page) =>
  page.evaluate(async () =>
    Promise.all((await caches.keys()).map(async (name) => [name, Boolean(await (await caches.open(name)).match('precache.json'))])),
  );

/** Waits until `fn(arg)`, run in the page, resolves to true (waitForFunction does not wait for
 * a promise). */
async function until(page, fn, arg) {
  for (const start = Date.now(); !(await page.evaluate(fn, arg)); await page.waitForTimeout(100)) {
    if (Date.now() - start > 15000) throw new Error(`not true after 15 s: ${fn}`);
  }
}

/** Width and height from a PNG's header (its IHDR chunk). */
function pngSize(bytes) {
  assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG signature');
  assert.equal(bytes.subarray(12, 16).toString('latin1'), 'IHDR');
  return `${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`;
}

/** The APR section computes seed 003's example. */
async function aprOfSeed003(page) {
  await type(page, '#apr-blockReward', '0.00009804');
  await type(page, '#apr-tokenPrice', '0.17');
  await type(page, '#apr-units', '1000');
  await type(page, '#apr-unitPrice', '0.25');
  await page.waitForFunction(() => document.querySelector('#apr-aprPercent').dataset.value === '210.24168192');
}

const marker = (page) => page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--offline-test').trim());

// A list older than the files (a file edited after the build) is a copy the worker never
// completes: the tests of the copy would wait for it. Said at once instead, and they are skipped.
const sha = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);
const stale = [
  ...Object.entries(precache.files)
    .filter(([path, hash]) => sha(readFileSync(new URL(path, web))) !== hash)
    .map(([path]) => `${path} changed`),
  ...readdirSync(new URL('ui/', web))
    .filter((name) => !/\.(br|gz|map)$/.test(name) && !Object.hasOwn(precache.files, `ui/${name}`))
    .map((name) => `ui/${name} is new`),
];
const withCopy = { skip: stale.length > 0 && 'precache.json is older than the files' };

test('precache.json lists the files as they are now (if not: rebuild, build-scripts/test does)', () => {
  assert.deepEqual(stale, []);
});

test('the widget registers no service worker', async () => {
  const page = await openPage(env, '/widget-example.html', undefined, { ready: '#events[data-count]' });
  await page.waitForFunction(() => document.getElementById('english').result);
  await page.waitForTimeout(500); // past any idle callback
  assert.deepEqual(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length), 0);
  assert.deepEqual(ours(), []);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('the web manifest: linked, installable, its icons there at the sizes it declares', async () => {
  const page = await openPage(env);
  const response = await page.request.get(`${env.origin}/manifest.webmanifest`);
  assert.equal(response.headers()['content-type'], 'application/manifest+json; charset=utf-8');
  const manifest = await response.json();
  assert.equal(await page.getAttribute('link[rel=manifest]', 'href'), 'manifest.webmanifest');
  assert.equal(manifest.short_name, 'cbmcalc');
  assert.match(manifest.name, /cbmcalc/);
  assert.ok(manifest.description);
  for (const key of ['start_url', 'scope', 'id']) assert.equal(manifest[key], './', key);
  assert.equal(manifest.display, 'standalone');
  // The light palette of style.css: the page's background under the title bar and the splash.
  assert.equal(manifest.background_color, '#f4f6f8');
  assert.equal(manifest.theme_color, '#f4f6f8');
  assert.equal(await page.getAttribute('meta[name=theme-color][media="(prefers-color-scheme: light)"]', 'content'), '#f4f6f8');

  const icons = [
    ...manifest.icons,
    { src: await page.getAttribute('link[rel=apple-touch-icon]', 'href'), sizes: '180x180', type: 'image/png' },
  ];
  for (const icon of icons) {
    const file = await page.request.get(new URL(icon.src, `${env.origin}/`).href);
    assert.equal(file.status(), 200, icon.src);
    assert.equal(file.headers()['content-type'], icon.type, icon.src);
    if (icon.type === 'image/png') assert.equal(pngSize(await file.body()), icon.sizes, icon.src);
    else assert.equal(icon.sizes, 'any', icon.src);
  }
  const sizes = (purpose) => manifest.icons.filter((i) => (i.purpose ?? 'any') === purpose).map((i) => i.sizes);
  assert.deepEqual(sizes('any'), ['any', '192x192', '512x512']);
  assert.deepEqual(sizes('maskable'), ['512x512']);

  // Chromium reads the manifest without an error and finds nothing against installing the page.
  const cdp = await env.context.newCDPSession(page);
  const read = await cdp.send('Page.getAppManifest');
  assert.deepEqual(read.errors, []);
  assert.equal(read.url, `${env.origin}/manifest.webmanifest`);
  assert.deepEqual((await cdp.send('Page.getInstallabilityErrors')).installabilityErrors, []);
  await cdp.detach();
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('after one visit the page loads and computes offline, its full build too', withCopy, async () => {
  const page = await openPage(env);
  // The worker comes once the page is idle, copies the page, and takes the page over (claim).
  await page.evaluate(async () => {
    const late = new Promise((_, fail) => setTimeout(() => fail(new Error('no worker took the page over within 30 s')), 30000));
    await Promise.race([navigator.serviceWorker.ready, late]);
    if (!navigator.serviceWorker.controller)
      await Promise.race([new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r)), late]);
  });
  assert.deepEqual(await copies(page), [[copyName(precache.version), true]]);

  await env.context.setOffline(true);
  served.length = 0;
  // A shared link (state in the hash, a query beside it) opens from the copy.
  await page.goto(`${env.origin}/?from=home#a.blockReward=0.00009804&a.tokenPrice=0.17&a.units=1000&a.unitPrice=0.25`);
  await pageReady(page);
  await page.waitForFunction(() => document.querySelector('#apr-aprPercent').dataset.value === '210.24168192');
  await page.reload();
  await pageReady(page);
  assert.equal(await page.evaluate(() => navigator.onLine), false);
  await aprOfSeed003(page);
  assert.equal(await page.locator('#apr-aprPercent button.exact').textContent(), '210.24%');

  // Loaded later, from the copy too: the charts, the decisions worker on the full build
  // ("what matters most"), the pool simulation's worker.
  await page.waitForSelector('[data-chart=earned][data-points] canvas');
  await page.click('#t-run');
  await page.waitForSelector('#t-results:not([hidden])', { timeout: 30000 });
  assert.equal(await page.locator('#t-table tbody tr').count(), 5);
  await page.fill('#s-count', '1000');
  await page.click('#s-run');
  await page.waitForFunction(() => document.querySelector('#s-status').textContent.startsWith('Done'), null, { timeout: 30000 });
  await page.evaluate(() => scrollTo(0, 0));
  await page.screenshot({ path: artifact('offline-1280.png') });

  // A new tab, at a phone's size, offline.
  const phone = await openPage(env, '/', { width: 375, height: 800 });
  await aprOfSeed003(phone);
  await phone.locator('#apr').screenshot({ path: artifact('offline-375-apr.png') });
  await phone.evaluate(() => scrollTo(0, 0));
  await phone.screenshot({ path: artifact('offline-375.png') });
  await env.context.setOffline(false);
  // Nothing reached the server but the browser's own check for a new sw.js (which Playwright's
  // offline does not cover; a real one does).
  assert.deepEqual(
    served.filter((path) => path !== '/sw.js'),
    [],
  );

  // Every file the page asked for is in the list: nothing it loads misses from the copy.
  for (const url of [...page.requests, ...phone.requests]) {
    const path = new URL(url).pathname.slice(1);
    assert.ok(path === '' || Object.hasOwn(precache.files, path), `${path} is in precache.json`);
  }
  assert.deepEqual([...page.errors, ...phone.errors], []);
  await phone.close();
  await page.close();
});

test('a new version of a file is on screen once served, and in the offline copy after that', withCopy, async () => {
  const page = await openPage(env);
  assert.equal(await marker(page), '');
  // A release that changes style.css: the file and the list say so.
  const changed = `${readFileSync(new URL('style.css', web), 'utf8')}\n:root {\n  --offline-test: 2;\n}\n`;
  const version = `${precache.version}-2`;
  overrides.set('/style.css', changed);
  // Its hash as the build writes it: the worker copies only the listed version of a file.
  const hash = createHash('sha256').update(changed).digest('hex').slice(0, 16);
  overrides.set('/precache.json', JSON.stringify({ version, files: { ...precache.files, 'style.css': hash } }));
  served.length = 0;

  // Network first: the next load shows it.
  await page.reload();
  await pageReady(page);
  assert.equal(await marker(page), '2');
  // The idle page has the worker check the list: a new copy replaces the old one.
  await until(
    page,
    async (name) => (await caches.keys()).join() === name && Boolean(await (await caches.open(name)).match('precache.json')),
    copyName(version),
  );
  // The changed file was fetched for it, the others came over from the old copy (these two the
  // page did not load again).
  assert.ok(served.includes('/precache.json') && served.includes('/style.css'), served.join(' '));
  for (const path of ['/lib/cbmcalc_wasm.wasm', '/lib/decisions.js']) assert.ok(!served.includes(path), served.join(' '));

  await env.context.setOffline(true);
  served.length = 0;
  await page.reload();
  await pageReady(page);
  assert.equal(await marker(page), '2');
  await aprOfSeed003(page);
  await env.context.setOffline(false);
  assert.deepEqual(
    served.filter((path) => path !== '/sw.js'),
    [],
  );

  // And back: the release withdrawn, the copy follows.
  overrides.clear();
  await page.reload();
  await pageReady(page);
  assert.equal(await marker(page), '');
  await until(page, async (name) => (await caches.keys()).join() === name, copyName(precache.version));
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a file that is not the version its list names is never copied: the copy stays whole', withCopy, async () => {
  const page = await openPage(env);
  // A deploy caught midway: the new list, and the old style.css where the list names another.
  const version = `${precache.version}-3`;
  overrides.set('/precache.json', JSON.stringify({ version, files: { ...precache.files, 'style.css': '0123456789abcdef' } }));
  served.length = 0;
  await page.reload();
  await pageReady(page);
  // The page loads style.css, then the worker fetches it for the new copy and finds it is not
  // the listed one.
  const asked = (path) => served.filter((p) => p === path).length;
  for (const start = Date.now(); asked('/precache.json') < 1 || asked('/style.css') < 2; await page.waitForTimeout(100)) {
    assert.ok(Date.now() - start < 15000, `the worker fetched the new list and the file: ${served.join(' ')}`);
  }
  await page.waitForTimeout(500);
  const copied = Object.fromEntries(await copies(page));
  assert.equal(copied[copyName(precache.version)], true, 'the old copy is still whole');
  assert.notEqual(copied[copyName(version)], true, 'the mixed one never completes');
  // The release finished (here: withdrawn): the unfinished copy goes.
  overrides.clear();
  await page.reload();
  await pageReady(page);
  await until(page, async (name) => (await caches.keys()).join() === name, copyName(precache.version));
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a listed file answered 404, or with an HTML page, comes from the copy: the page loads', withCopy, async () => {
  const page = await openPage(env);
  await page.evaluate(() => navigator.serviceWorker.ready);
  const fallbackPage = { status: 200, type: 'text/html; charset=utf-8', body: '<!doctype html><title>Not here</title>' };
  // A host mid-deploy: the WASM missing, a module answered with the host's fallback page.
  for (const answers of [
    { '/lib/cbmcalc_lite_wasm.wasm': { status: 404, type: 'text/plain', body: 'Not found' } },
    {
      '/lib/cbmcalc_lite_wasm.wasm': fallbackPage,
      '/app.js': fallbackPage,
      '/style.css': { status: 404, type: 'text/plain', body: '' },
    },
  ]) {
    for (const [path, answer] of Object.entries(answers)) overrides.set(path, answer);
    served.length = 0;
    await page.reload();
    await pageReady(page);
    await aprOfSeed003(page);
    // The server was asked (network first) and its answer set aside for the copy's.
    for (const path of Object.keys(answers)) assert.ok(served.includes(path), `${path} was asked for: ${served.join(' ')}`);
    overrides.clear();
  }
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('no request to another origin, the worker’s included', () => {
  assert.ok(
    env.requests.some((url) => url === `${env.origin}/precache.json`),
    'the worker’s requests are seen',
  );
  assert.deepEqual(
    env.requests.filter((url) => !url.startsWith(`${env.origin}/`)),
    [],
  );
  assert.equal(ours().length, 1);
});
