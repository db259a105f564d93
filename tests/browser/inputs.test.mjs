// Every input read exactly or refused, on the page and in the widget (issue 24): typing that is
// not one number in the reader's language is asked about ("0,170" in English is never 170); a
// host page's properties on Object.prototype change nothing; many widgets on one page compute
// one a frame, never all in one long task.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { openPage, pageReady, type, useBrowser } from './harness.mjs';

const manyWidgets = (n) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>widgets</title>
  <script type="module" src="widget/cbm-calculator.js"></script></head><body>
  ${Array.from({ length: n }, (_, i) => `<cbm-calculator id="w${i}" units="${1000 + i}"></cbm-calculator>`).join('\n')}
  </body></html>`;
// The many-widgets test serves its own host page in place of the example's.
let examplePage;
const env = useBrowser({ override: (path) => (path === '/widget-example.html' ? examplePage : undefined) });

test('the English widget asks about "0,170" instead of reading 170; "0.170" is the price', async () => {
  const page = await openPage(env, '/widget-example.html', undefined, { ready: '#events[data-count]' });
  await page.waitForFunction(() => document.getElementById('english').result?.aprPercent);
  const result = () => page.evaluate(() => document.getElementById('english').result);
  await type(page, '#english #in-tokenPrice', '0.170');
  await page.waitForFunction(() => document.getElementById('english').result.inputs.tokenPrice === '0.170');
  const right = await result();
  await type(page, '#english #in-tokenPrice', '0,170');
  await page.waitForFunction(() => document.getElementById('english').result.error);
  assert.equal((await result()).error.field, 'tokenPrice');
  assert.match(await page.locator('#english #in-tokenPrice-error').textContent(), /^Do you mean 0\.170\? Write decimals with a point\.$/);
  assert.equal(await page.locator('#english #apr').textContent(), '—');
  await type(page, '#english #in-unitPrice', '0,250');
  await type(page, '#english #in-tokenPrice', '0.170');
  await page.waitForFunction(() => document.getElementById('english').result.error?.field === 'unitPrice');
  await type(page, '#english #in-unitPrice', '0.25');
  await page.waitForFunction(() => !document.getElementById('english').result.error);
  assert.equal((await result()).aprPercent, right.aprPercent);
  // Grouping where English groups: "1,000" units is 1000.
  await type(page, '#english #in-units', '1,000');
  await page.waitForFunction(() => document.getElementById('english').result.inputs.units === '1000');
  assert.equal((await result()).aprPercent, right.aprPercent);
  await page.close();
});

test('the page asks about "0,170" too, at the field, and reads "1,000" units as 1000', async () => {
  const page = await openPage(env, '/');
  await type(page, '#m-tokenPrice', '0,170');
  await page.waitForFunction(() => document.getElementById('m-tokenPrice').getAttribute('aria-invalid') === 'true');
  assert.match(await page.locator('#m-tokenPrice-error').textContent(), /^Do you mean 0\.170\?/);
  await type(page, '#apr-tokenPrice', '0,170');
  await page.waitForFunction(() => document.getElementById('apr-tokenPrice').getAttribute('aria-invalid') === 'true');
  assert.match(await page.locator('#apr-tokenPrice-error').textContent(), /^Do you mean 0\.170\?/);
  await type(page, '#apr-tokenPrice', '0.17');
  await type(page, '#apr-units', '1,000');
  await page.waitForFunction(() => document.getElementById('apr-aprPercent').textContent.startsWith('210.24'));
  // The page's own numbers are digits only: "0x10" hours are not 16.
  await type(page, '#p-hours', '0x10');
  await page.waitForFunction(() => document.getElementById('p-hours').getAttribute('aria-invalid') === 'true');
  assert.match(await page.locator('#p-hours-error').textContent(), /number of hours from 0 to 8,760, got "0x10"/);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("a host page's Object.prototype properties change nothing: the widget and the page compute as before", async () => {
  const clean = await openPage(env, '/widget-example.html', undefined, { ready: '#events[data-count]' });
  await clean.waitForFunction(() => document.getElementById('english').result?.aprPercent);
  const expected = await clean.evaluate(() => document.getElementById('english').result.wfiPerDay);
  await clean.close();

  const context = env.context;
  const polluted = ['poolUnits', 'json', 'units', 'owner', 'rules', 'period', 'schedule', 'source'];
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript((names) => {
    for (const name of names)
      Object.defineProperty(Object.prototype, name, { value: 'x', writable: true, enumerable: true, configurable: true });
  }, polluted);
  await page.goto(`${env.origin}/widget-example.html`);
  await page.waitForFunction(() => document.getElementById('english').result?.wfiPerDay, null, { timeout: 15000 });
  assert.equal(await page.evaluate(() => document.getElementById('english').result.wfiPerDay), expected);
  assert.deepEqual(errors, []);
  await page.goto(`${env.origin}/`);
  await pageReady(page, { timeout: 15000 });
  await page.waitForFunction(() => document.getElementById('m-perDay')?.textContent.match(/\d/));
  // Every section started: none says it could not (Object.prototype.json once stopped the pool's).
  assert.deepEqual(await page.locator('.setup-error').allTextContents(), []);
  await page.close();
});

test('fifty widgets on one page compute one a frame, never all in one task', async () => {
  // Each widget's first result, stamped with the animation frame it came in.
  await env.context.addInitScript(() => {
    let frame = 0;
    const count = () => {
      frame += 1;
      requestAnimationFrame(count);
    };
    requestAnimationFrame(count);
    window.firstResults = new Map();
    document.addEventListener('cbm-change', (e) => window.firstResults.has(e.target.id) || window.firstResults.set(e.target.id, frame));
  });
  examplePage = manyWidgets(50);
  const page = await openPage(env, '/widget-example.html', undefined, { ready: 'body' });
  await page.waitForFunction(() => window.firstResults.size === 50, null, { timeout: 60000 });
  const frames = await page.evaluate(() => [...window.firstResults.values()]);
  assert.equal(new Set(frames).size, 50, `frames of the first results: ${frames.join(', ')}`);
  const units = await page.evaluate(() => [...document.querySelectorAll('cbm-calculator')].map((w) => w.result.inputs.units));
  assert.deepEqual(
    units,
    Array.from({ length: 50 }, (_, i) => String(1000 + i)),
  );
  await page.close();
  examplePage = undefined;
});
