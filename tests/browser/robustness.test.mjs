// Hostile input must not freeze the page: links that carry a million days or a megabyte in one
// value. Each case measures the main thread's longest task (a long-task observer from the start).
import assert from 'node:assert/strict';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

import { openPage, type, useBrowser } from './harness.mjs';

const env = useBrowser();

/** The page at `hash`, with every long task (over 50 ms) recorded from the first script on. */
async function openWatched(hash) {
  await env.context.addInitScript(() => {
    localStorage.clear(); // no account from another test
    window.longTasks = [];
    new PerformanceObserver((list) => window.longTasks.push(...list.getEntries().map((e) => e.duration))).observe({
      type: 'longtask',
      buffered: true,
    });
  });
  return openPage(env, `/${hash}`);
}
const longest = async (page) => Math.max(0, ...(await page.evaluate(() => window.longTasks.splice(0))));

test('a short link of 28 long check-in ranges (about a million days) neither freezes the load nor the typing', async () => {
  const ranges = Array.from({ length: 28 }, (_, k) => `${2000 + 100 * k}-01-01~${2099 + 100 * k}-12-31`).join(',');
  const page = await openWatched(`#p.ci=${ranges}`);
  assert.ok(ranges.length < 700);
  await page.waitForFunction(() => document.querySelector('#p-streak').dataset.value !== undefined);
  const load = await longest(page);
  assert.match(await page.textContent('#p-history-summary'), /^36600 check-in days, .* The link held more than 36,600 days/);
  await type(page, '#p-totalPoints', '1500');
  await page.waitForFunction(() => document.querySelector('#p-points').dataset.value === '0.3');
  const typing = await longest(page);
  assert.ok(load < 1500, `longest task while loading: ${load} ms`);
  assert.ok(typing < 200, `longest task while typing: ${typing} ms`);
  console.log(`# longest main-thread task: ${load.toFixed(0)} ms loading, ${typing.toFixed(0)} ms typing`);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a link with a megabyte in one value leaves that field at its default', async () => {
  const page = await openWatched(`#m.tokenPrice=${'1'.repeat(1_000_000)}&p.totalPoints=${'9'.repeat(100_000)}`);
  const load = await longest(page);
  assert.equal(await page.inputValue('#m-tokenPrice'), await page.$eval('#m-tokenPrice', (e) => e.defaultValue));
  assert.equal(await page.inputValue('#p-totalPoints'), '1200');
  assert.ok(await page.getAttribute('#m-earnDayUsd', 'data-value'));
  assert.ok(load < 1500, `longest task while loading: ${load} ms`);
  console.log(`# longest main-thread task: ${load.toFixed(0)} ms loading`);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a simulation worker that stops answering is stopped by Cancel and replaced for the next run', async () => {
  const page = await openPage(env);
  // A worker that reports a start and then ignores every message, as a dead or hung one would.
  await page.route('**/worker.js', (route) =>
    route.fulfill({
      contentType: 'text/javascript',
      body: "self.onmessage = ({ data }) => { if (data.type === 'run') self.postMessage({ type: 'progress', id: data.id, phase: 'simulate', fraction: 0.1 }); };",
    }),
  );
  await page.fill('#s-count', '1000');
  await page.click('#s-run');
  await page.waitForFunction(() => document.querySelector('#s-status').textContent.startsWith('Simulating'));
  await page.click('#s-cancel');
  await page.waitForFunction(
    () => document.querySelector('#s-status').textContent.startsWith('Cancelled: the simulation did not stop by itself'),
    null,
    {
      timeout: 5000,
    },
  );
  assert.equal(await page.isDisabled('#s-run'), false);
  assert.equal(await page.isDisabled('#s-cancel'), true);
  // The next run gets a new, real worker.
  await page.unroute('**/worker.js');
  await page.click('#s-run');
  await page.waitForFunction(() => document.querySelector('#s-status').textContent.startsWith('Done'), null, { timeout: 30000 });
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a file of a million requests is read in the worker: the page never freezes and the run completes', async () => {
  const page = await openWatched('');
  const rows = Array.from(
    { length: 1_000_000 },
    (_, i) => `{"id":"r${i}","owner":"o${i % 5000}","units":${1 + (i % 97)},"requestedAt":${i}}`,
  );
  const path = join(mkdtempSync(join(tmpdir(), 'cbm-file-')), 'million.json');
  writeFileSync(path, `[${rows.join(',')}]`);
  assert.ok(statSync(path).size > 60e6, `${statSync(path).size} bytes`);
  await longest(page); // the load's own tasks are not this test's
  await page.setInputFiles('#s-file', path);
  assert.match(await page.textContent('#s-status'), /^million\.json \([\d,]+ KB\) is ready/);
  assert.ok((await page.inputValue('#s-json')).length < 1000); // the text box keeps its own text
  await page.click('#s-run');
  await page.waitForFunction(() => document.querySelector('#s-status').textContent.startsWith('Done: 1,000,000 activations'), null, {
    timeout: 120000,
  });
  const block = await longest(page);
  console.log(`# longest main-thread task while a 1,000,000-request file was read and run: ${block.toFixed(0)} ms`);
  assert.ok(block < 1000, `${block} ms`);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a file over the limit is refused before it is read', async () => {
  const page = await openPage(env);
  await page.evaluate(() => {
    const input = document.querySelector('#s-file');
    const transfer = new DataTransfer();
    // A file that claims 300 MB without holding them: a Blob of that size is lazily backed.
    transfer.items.add(new File([new Blob([new Uint8Array(300e6)])], 'huge.json'));
    input.files = transfer.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  assert.match(await page.textContent('#s-status'), /^huge\.json is 300 MB; a file of requests may have at most 256 MB/);
  assert.deepEqual(page.errors, []);
  await page.close();
});
