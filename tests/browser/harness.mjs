// Browser test harness: web/ served on a free port, Debian's Chromium driven by playwright-core
// (never a downloaded browser). Screenshots go to test-artifacts/.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';

import { chromium } from 'playwright-core';

import { serve } from '../../build-scripts/serve.mjs';

export const artifacts = new URL('../../test-artifacts/', import.meta.url);
mkdirSync(artifacts, { recursive: true });

/** Starts a server and a browser for the tests of this file; returns a handle filled in before().
 * `headers(path)` adds response headers; `override(path)` serves other content for a path; `at`
 * serves the page from a sub-folder of the site (see serve()); `bypassCSP` lets a test inject
 * axe-core into a page whose policy forbids inline scripts. The page's service worker (web/sw.js) is blocked unless `serviceWorkers: 'allow'`:
 * requests it answers would pass by page.route(), and its copy would outlive a test. */
export function useBrowser({ headers, override, at, bypassCSP = false, serviceWorkers = 'block' } = {}) {
  const env = { server: null, context: null, origin: '', requests: [] };
  before(async () => {
    env.server = await serve(0, { headers, override, at });
    env.origin = `http://127.0.0.1:${env.server.address().port}`;
    env.context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'cbm-chromium-')), {
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      headless: true,
      bypassCSP,
      serviceWorkers,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    env.context.on('request', (request) => env.requests.push(request.url()));
  });
  after(async () => {
    await env.context?.close();
    await new Promise((done) => env.server?.close(done) ?? done());
  });
  return env;
}

/** Opens `path` and waits until `ready` (by default: the page says it is ready). Page errors
 * and console errors collect in page.errors; every request's URL in page.requests. Unless
 * `lazy`, the sections built when looked at are then built as a reader does: scrolled to, one by
 * one, then back to the top. */
export async function openPage(
  env,
  path = '/',
  viewport = { width: 1280, height: 900 },
  { ready = 'html[data-ready=true]', colorScheme = 'light', lazy = false } = {},
) {
  const page = await env.context.newPage();
  await page.setViewportSize(viewport);
  await page.emulateMedia({ colorScheme });
  const errors = [];
  const requests = [];
  page.on('pageerror', (e) => errors.push(e));
  page.on('console', (m) => m.type() === 'error' && errors.push(new Error(m.text())));
  page.on('request', (r) => requests.push(r.url()));
  page.errors = errors;
  page.requests = requests;
  await page.goto(env.origin + path);
  await page.waitForSelector(ready, { timeout: 15000 });
  if (!lazy && ready === 'html[data-ready=true]') await scrollThrough(page);
  return page;
}

/** After a reload or a navigation: waits until the page is ready, then builds its sections as
 * openPage does. */
export async function pageReady(page, { timeout = 30000 } = {}) {
  await page.waitForSelector('html[data-ready=true]', { timeout });
  await scrollThrough(page);
}

/** Scrolls each section (or part) that is built when looked at into view and waits until it is built (or
 * its set-up failed: at most 10 s), then goes back to where the page was. */
export async function scrollThrough(page) {
  await page.evaluate(async () => {
    const { scrollX, scrollY } = window;
    for (const section of document.querySelectorAll(':has(> .lazy-section)')) {
      section.scrollIntoView({ behavior: 'instant' });
      for (let waited = 0; !section.dataset.built && waited < 10000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    window.scrollTo({ left: scrollX, top: scrollY, behavior: 'instant' });
  });
}

/** Clears an input and types `value` key by key, as a user would. */
export async function type(page, selector, value) {
  await page.fill(selector, '');
  await page.type(selector, value);
}

/** Opens the data table of the chart `name` as a person does (it is built when opened) and
 * waits for its rows. */
export async function openDataTable(page, name) {
  await page.click(`[data-chart=${name}] details > summary`);
  await page.waitForSelector(`[data-chart=${name}] .table-wrap tbody tr`, { state: 'attached' });
}

/** Runs `action` and returns the text of the file it downloads. */
export async function downloadText(page, action) {
  const [download] = await Promise.all([page.waitForEvent('download'), action()]);
  const { readFile } = await import('node:fs/promises');
  return { name: download.suggestedFilename(), text: await readFile(await download.path(), 'utf8') };
}

/** axe-core's serious and critical violations on the page (or under `include`). */
export async function axeViolations(page, include = undefined) {
  await page.addScriptTag({ path: new URL('../node_modules/axe-core/axe.min.js', import.meta.url).pathname });
  const result = await page.evaluate(async (context) => {
    const r = await globalThis.axe.run(context ?? document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }));
  }, include);
  return result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export function artifact(name) {
  return new URL(name, artifacts).pathname;
}
