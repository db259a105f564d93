// Hosted in a sub-folder of a site (/tools/cbmcalc/), as a site puts a tool beside its own pages:
// the page computes there, asks for nothing outside its folder, its service worker is scoped to
// the folder and serves the page offline (its workers and their WASM too), and the widget's
// example page works there as well.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { openPage, pageReady, type, useBrowser } from './harness.mjs';

const at = '/tools/cbmcalc/';
const env = useBrowser({ at, serviceWorkers: 'allow' });
const outside = (page) => page.requests.filter((url) => !url.startsWith(env.origin + at));

test('the page from a sub-folder: it computes, its worker copies it for that folder, and it works offline', async () => {
  const page = await openPage(env, at);
  await type(page, '#apr-blockReward', '0.00009804');
  await type(page, '#apr-tokenPrice', '0.17');
  await type(page, '#apr-units', '1000');
  await type(page, '#apr-unitPrice', '0.25');
  await page.waitForFunction(() => document.querySelector('#apr-aprPercent').dataset.value === '210.24168192');
  const scope = await page.evaluate(async () => {
    const late = new Promise((_, fail) => setTimeout(() => fail(new Error('no service worker within 30 s')), 30000));
    const registration = await Promise.race([navigator.serviceWorker.ready, late]);
    if (!navigator.serviceWorker.controller)
      await Promise.race([new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r)), late]);
    return registration.scope;
  });
  assert.equal(scope, env.origin + at);

  await env.context.setOffline(true);
  try {
    await page.reload();
    await pageReady(page);
    // The pool simulation's worker and its WASM, from the copy.
    await page.fill('#s-count', '1000');
    await page.click('#s-run');
    await page.waitForFunction(() => document.querySelector('#s-status').textContent.startsWith('Done'), null, { timeout: 30000 });
  } finally {
    await env.context.setOffline(false);
  }
  assert.deepEqual(outside(page), []);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('the widget from a sub-folder: figures, nothing asked for outside it', async () => {
  const page = await openPage(env, `${at}widget-example.html`, undefined, { ready: '#events[data-count]' });
  await page.waitForFunction(() => document.getElementById('english').result?.aprPercent);
  assert.match(await page.locator('#english').evaluate((w) => w.shadowRoot.textContent), /\d[\d,]*\.\d+ WFI/);
  assert.deepEqual(outside(page), []);
  assert.deepEqual(page.errors, []);
  await page.close();
});
