// Pool simulation: a module worker with progress and cancel, charts, totals that add up, a
// sortable and paged owner table, pasted scenarios and exports.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { downloadText, openDataTable, openPage, type, useBrowser } from './harness.mjs';

const env = useBrowser();

/** Exact decimal strings as BigInts of 10^-18. */
const wei = (text) => {
  const [whole, fraction = ''] = text.split('.');
  return BigInt(whole) * 10n ** 18n + BigInt((fraction + '0'.repeat(18)).slice(0, 18));
};

/** Records every status message of the simulation section. */
async function recordStatus(page) {
  await page.evaluate(() => {
    window.statusLog = [];
    const status = document.querySelector('#s-status');
    new MutationObserver(() => window.statusLog.push(status.textContent)).observe(status, {
      childList: true,
      characterData: true,
      subtree: true,
    });
  });
}

test('a run shows its progress, then the chart, totals that add up and the owners', async () => {
  const page = await openPage(env);
  await type(page, '#s-count', '150000');
  await type(page, '#s-owners', '3000');
  await recordStatus(page);
  await page.click('#s-run');
  await page.waitForFunction(() => document.querySelector('#s-status').textContent.startsWith('Done'), null, { timeout: 30000 });
  const log = await page.evaluate(() => window.statusLog);
  const percents = log
    .map((m) => /Simulating… (\d+)%/.exec(m)?.[1])
    .filter(Boolean)
    .map(Number);
  assert.ok(
    percents.some((p) => p > 0 && p < 100),
    `progress seen: ${log.join(' | ')}`,
  );
  assert.deepEqual(
    [...percents].sort((a, b) => a - b),
    percents,
    'progress only grows',
  );
  assert.equal(await page.evaluate(() => document.querySelector('#s-progress').value), 1);

  // The chart, with the halvings marked and a data table.
  await page.waitForSelector('[data-chart=pool][data-points] canvas');
  assert.ok(Number(await page.getAttribute('[data-chart=pool]', 'data-points')) > 900);
  assert.match(await page.getAttribute('[data-chart=pool] .plot', 'aria-label'), /4 rate changes/);
  await openDataTable(page, 'pool');
  assert.ok((await page.locator('[data-chart=pool] .table-wrap tbody tr').count()) >= 25);

  // Eight years at the defaults (the contract's 7.29 years) emit everything; conservation holds
  // to the last wei.
  const emitted = await page.getAttribute('#s-emitted', 'data-value');
  const distributed = await page.getAttribute('#s-distributed', 'data-value');
  const unallocated = await page.getAttribute('#s-unallocated', 'data-value');
  assert.equal(emitted, '862068966');
  assert.equal(wei(distributed) + wei(unallocated), wei(emitted));
  assert.equal(await page.getAttribute('#s-accepted', 'data-value'), '150000');
  assert.equal(await page.getAttribute('#s-rejected', 'data-value'), '0');
  // 150,000 requests over 730 days, 10% of them in 5 bursts: a backlog builds up.
  assert.ok(Number(await page.getAttribute('#s-maxWait', 'data-value')) > 1000);

  // Owners: 20 a page, largest reward first.
  await page.waitForFunction(() => document.querySelectorAll('#s-owners-table tbody tr').length === 20);
  assert.match(await page.textContent('#s-page'), /^Page 1 of 150 \(3,000 owners\)$/);
  const rewards = await page.$$eval('#s-owners-table tbody td[title]', (cells) => cells.map((c) => c.title.replace(' WFI', '')));
  for (let i = 1; i < rewards.length; i++) assert.ok(wei(rewards[i - 1]) >= wei(rewards[i]), 'sorted by reward, descending');
  await page.click('#s-owners-table button[data-sort=owner]');
  await page.waitForFunction(() => document.querySelector('#s-owners-table th[aria-sort=ascending] button')?.dataset.sort === 'owner');
  assert.equal(await page.textContent('#s-owners-table tbody tr:first-child th'), 'owner-1');
  await page.click('#s-next');
  await page.waitForFunction(() => document.querySelector('#s-page').textContent.startsWith('Page 2 of 150'));
  assert.equal(await page.isDisabled('#s-prev'), false);

  // The activations as CSV, written in the worker.
  const csv = await downloadText(page, () => page.click('[data-export=pool-csv]'));
  const lines = csv.text.trimEnd().split('\r\n');
  assert.equal(lines[0], 'id,owner,units,requested_at,activated_at,mining_start,wait_seconds,reward,rejected_reason');
  assert.equal(lines.length, 150001);
  const total = lines.slice(1).reduce((sum, line) => sum + wei(line.split(',')[7]), 0n);
  assert.ok(total <= wei(distributed) && wei(distributed) - total < 150001n, 'the rewards add up to what was distributed, less dust');
  await page.screenshot({ path: new URL('../../test-artifacts/pool-1280.png', import.meta.url).pathname, fullPage: false });
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('Cancel stops a long run, and the worker runs the next one', async () => {
  const page = await openPage(env);
  await type(page, '#s-count', '1000000');
  await page.click('#s-run');
  await page.waitForFunction(() => /Simulating… [1-9]/.test(document.querySelector('#s-status').textContent), null, { timeout: 30000 });
  assert.equal(await page.isDisabled('#s-cancel'), false);
  await page.click('#s-cancel');
  await page.waitForFunction(() => document.querySelector('#s-status').textContent.startsWith('Cancelled'), null, { timeout: 10000 });
  assert.equal(await page.evaluate(() => document.querySelector('#s-progress').value), 0);
  assert.equal(await page.isDisabled('#s-cancel'), true);
  assert.equal(await page.isHidden('#s-results'), true, 'nothing from the cancelled run is shown');

  await type(page, '#s-count', '3000');
  await page.click('#s-run');
  await page.waitForFunction(() => document.querySelector('#s-status').textContent.startsWith('Done'), null, { timeout: 30000 });
  assert.equal(await page.getAttribute('#s-accepted', 'data-value'), '3000');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a pasted list: bad requests are rejected with their reason, the rest runs', async () => {
  const page = await openPage(env);
  await page.check('input[name=source][value=json]');
  await page.fill('#s-json', 'not json');
  await page.click('#s-run');
  await page.waitForSelector('#s-json[aria-invalid=true]');
  assert.match(await page.textContent('#s-json-error'), /is not valid JSON/);

  const scenario = {
    horizon: 86400,
    activations: [
      { id: 'a1', owner: 'alice', units: 1000, requestedAt: 0 },
      { id: 'b1', owner: 'bob', units: 3000, requestedAt: 0 },
      { id: 'x', owner: '<img src=x onerror=alert(1)>', units: -5, requestedAt: 0 },
      { id: 'a1', owner: 'mallory', units: 10, requestedAt: 5 },
    ],
  };
  await page.fill('#s-json', JSON.stringify(scenario));
  await page.click('#s-run');
  await page.waitForFunction(() => /^(Done|The simulation did not)/.test(document.querySelector('#s-status').textContent), null, {
    timeout: 30000,
  });
  assert.match(await page.textContent('#s-status'), /^Done/);
  assert.equal(await page.getAttribute('#s-accepted', 'data-value'), '2');
  assert.equal(await page.getAttribute('#s-rejected', 'data-value'), '2');
  const reasons = await page.$$eval('#s-rejected-list li', (items) => items.map((li) => li.textContent));
  assert.equal(reasons.length, 2);
  assert.match(reasons.join('\n'), /units/);
  assert.match(reasons.join('\n'), /duplicate|a1/);
  // One day at 8 WFI/s: 691,200 WFI, the first second unallocated (nobody mines yet).
  assert.equal(await page.getAttribute('#s-emitted', 'data-value'), '691200');
  assert.equal(await page.getAttribute('#s-unallocated', 'data-value'), '8');
  await page.waitForFunction(() => document.querySelectorAll('#s-owners-table tbody tr').length === 2);
  const owners = await page.$$eval('#s-owners-table tbody th', (cells) => cells.map((c) => c.textContent));
  assert.deepEqual(owners, ['bob', 'alice']);
  assert.equal(await page.locator('img').count(), 1, 'text is never inserted as HTML (only the logo is an image)');
  assert.deepEqual(page.errors, []);
  await page.close();
});

/** Runs the pool section with the file `name` of `bytes`; returns the status line once the run ends. */
async function runFile(page, name, bytes) {
  await page.setInputFiles('#s-file', { name, mimeType: 'application/json', buffer: bytes });
  await page.waitForFunction((n) => document.querySelector('#s-status').textContent.startsWith(`${n} (`), name);
  await page.click('#s-run');
  await page.waitForFunction(() => /^(Done|The simulation did not)/.test(document.querySelector('#s-status').textContent), null, {
    timeout: 30000,
  });
  return page.textContent('#s-status');
}

test('a file of requests: Latin-1 refused naming the byte; UTF-16 read, owners past 2^53 apart, lookalikes marked', async () => {
  const page = await openPage(env);
  // Latin-1 "José" and "Josè" would both be "Jos\uFFFD": one owner.
  const latin1 =
    '[{"id": "a", "owner": "Jos\xe9", "units": 1, "requestedAt": 0}, {"id": "b", "owner": "Jos\xe8", "units": 1, "requestedAt": 0}]';
  const refused = await runFile(page, 'latin1.json', Buffer.from(latin1, 'latin1'));
  assert.equal(refused, 'The simulation did not run: latin1.json: is not UTF-8 text (byte 0xE9 at offset 26); save it as UTF-8');
  assert.match(await page.textContent('#s-json-error'), /latin1\.json: is not UTF-8 text/);

  const scenario = {
    horizon: 86400,
    activations: [
      { id: 1, owner: 'OWNER1', units: 1000, requestedAt: 0 },
      { id: 2, owner: 'OWNER2', units: 3000, requestedAt: 0 },
      { id: 3, owner: 'Jos\u00e9', units: 20, requestedAt: 0 },
      { id: 4, owner: 'Jose\u0301', units: 10, requestedAt: 0 },
      { id: 5, owner: '\u202Eevil', units: 5, requestedAt: 0 },
    ],
  };
  const text = JSON.stringify(scenario).replace('"OWNER1"', '12345678901234567891').replace('"OWNER2"', '12345678901234567892');
  const done = await runFile(page, 'powershell.json', Buffer.from(`\uFEFF${text}`, 'utf16le')); // PowerShell's "> pool.json"
  assert.match(done, /^Done: 5 activations/);
  await page.waitForFunction(() => document.querySelectorAll('#s-owners-table tbody tr').length === 5);
  const owners = await page.$$eval('#s-owners-table tbody th', (cells) => cells.map((c) => c.textContent));
  assert.deepEqual(owners, [
    '12345678901234567892',
    '12345678901234567891',
    'Jos\u00e9 ≈ looks like another owner',
    'Jose\u0301 ≈ looks like another owner',
    '\\u{202E}evil',
  ]);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('the worker answers a message it does not take with an error and stays ready', async () => {
  const page = await openPage(env);
  const answers = await page.evaluate(async () => {
    const worker = new Worker('/worker.js', { type: 'module' });
    const replies = [];
    const failures = [];
    worker.onmessage = ({ data }) => data.type !== 'progress' && replies.push(data);
    worker.onerror = (e) => failures.push(e.message);
    const params = { count: 1e9, owners: 10, unitsMin: 1, unitsMax: 5, spreadDays: 10, burstShare: 10, bursts: 5, seed: 1 };
    const messages = [
      null,
      { type: '__proto__', id: 1 },
      { type: 'run', id: 2, source: 'generate', params, horizon: 86400 },
      { type: 'run', id: 3, source: 'generate', params: { ...params, count: 100, bursts: 3e8 }, horizon: 86400 },
      { type: 'run', id: 4, source: 'generate', params: { ...params, count: 100 }, horizon: 86400 },
    ];
    for (const message of messages) worker.postMessage(message);
    const started = Date.now();
    while (replies.length < messages.length && failures.length === 0 && Date.now() - started < 20000) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    worker.terminate();
    return { replies: replies.map((r) => [r.type, r.id, r.field ?? null]), failures };
  });
  assert.deepEqual(answers, {
    replies: [
      ['error', null, 'message'],
      ['error', 1, 'type'],
      ['error', 2, 'count'],
      ['error', 3, 'bursts'],
      ['done', 4, null],
    ],
    failures: [],
  });
  assert.deepEqual(page.errors, []);
  await page.close();
});
