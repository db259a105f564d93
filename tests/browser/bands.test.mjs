// Range of outcomes: earningsBands in a worker from the mining section's inputs, with progress,
// Cancel, errors at their fields, a seed that reproduces, and the share link.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { openDataTable, openPage, useBrowser } from './harness.mjs';

const env = useBrowser();
const DAY = 86400;
const GENESIS = Date.UTC(2024, 10, 7) / 1000; // the page's default genesis

/** Runs the bands with the form as it is; returns the figures' values. */
async function runBands(page) {
  const before = await page.getAttribute('#b-results', 'data-run');
  await page.click('#b-run');
  await page.waitForFunction((old) => (document.querySelector('#b-results').dataset.run ?? null) !== old, before, { timeout: 60_000 });
  const value = (id) => page.getAttribute(id, 'data-value');
  return {
    breakeven: (await value('#b-breakeven')).split(' ').map((t) => (t === '' ? null : Number(t))),
    year: (await value('#b-year')).split(' ').map(Number),
    end: (await value('#b-end')).split(' ').map(Number),
    status: await page.textContent('#b-status'),
  };
}

async function settled(page) {
  await page.waitForFunction(() => !document.querySelector('#m-status').textContent && document.querySelector('#m-apr').dataset.value);
}

test('the range: ordered percentiles, a chart with its table, the same seed the same figures, the seed in the link', async () => {
  const page = await openPage(env);
  await page.fill('#m-poolGrowth', '3'); // % a month
  await settled(page);
  const a = await runBands(page);
  assert.match(a.status, /^1,000 price paths in \d+\.\d s \(seed 1\)\.$/);
  for (const q of [a.year, a.end]) assert.ok(q[0] <= q[1] && q[1] <= q[2], JSON.stringify(q));
  assert.ok(a.end[0] < a.end[2], 'a volatile price spreads the runs');
  const [p10, p50] = a.breakeven;
  assert.ok(p10 !== null && (p50 === null || p10 <= p50));
  assert.equal(await page.getAttribute('#b-progress', 'value'), '1000');
  const points = Number(await page.getAttribute('[data-chart=bands]', 'data-points'));
  assert.ok(points > 12);
  await openDataTable(page, 'bands');
  assert.equal(await page.locator('[data-chart=bands] .table-wrap tbody tr').count(), points);
  assert.match(await page.getAttribute('[data-chart=bands] .plot', 'aria-label'), /1,000 random price paths.*80% of runs between/);

  // The same seed: the same runs, to the last digit. Another seed: other runs.
  assert.deepEqual(await runBands(page).then(({ status, ...figures }) => figures), (({ status, ...figures }) => figures)(a));
  await page.fill('#b-seed', '2');
  const b = await runBands(page);
  assert.notDeepEqual(b.end, a.end);
  await page.waitForFunction(() => location.hash.includes('b.seed=2'));

  // The link opens with the seed, and running it gives seed 2's figures again.
  const again = await openPage(env, `/${await page.evaluate(() => location.hash)}`);
  assert.equal(await again.inputValue('#b-seed'), '2');
  await settled(again);
  const c = await runBands(again);
  assert.deepEqual(c.end, b.end);
  assert.deepEqual(c.breakeven, b.breakeven);

  // The mining inputs change: the range on show is marked as stale.
  await again.fill('#m-purchase-0-units', '2000');
  await again.waitForSelector('#b-results.stale');
  assert.match(await again.textContent('#b-status'), /run again/);
  assert.deepEqual(page.errors, []);
});

test('with no volatility, drift or spread every percentile is the projection: breakeven on the day the page shows', async () => {
  const page = await openPage(env);
  await page.fill('#m-poolGrowth', '3');
  await settled(page);
  await page.fill('#b-volatility', '0');
  await page.fill('#b-spread', '0');
  await page.selectOption('#b-runs', '100');
  const r = await runBands(page);
  assert.equal(new Set(r.end).size, 1);
  assert.equal(new Set(r.year).size, 1);
  assert.equal(new Set(r.breakeven).size, 1);
  const day = new Date((GENESIS + r.breakeven[0]) * 1000).toISOString().slice(0, 10);
  assert.equal(day, await page.getAttribute('#m-breakeven', 'data-value'));
});

test('Cancel stops a long run at once; the next run works; bad values are marked at their fields', async () => {
  const page = await openPage(env);
  await page.fill('#m-poolGrowth', '3');
  await settled(page);
  await page.selectOption('#b-runs', '10000');
  await page.click('#b-run');
  await page.waitForFunction(() => Number(document.querySelector('#b-progress').value) > 0, null, { timeout: 30_000 });
  await page.click('#b-cancel');
  assert.match(await page.textContent('#b-status'), /^Cancelled/);
  assert.equal(await page.isDisabled('#b-cancel'), true);
  assert.equal(await page.isHidden('#b-results'), true);

  await page.selectOption('#b-runs', '100');
  // From the keyboard: Enter in a field runs the form.
  await page.focus('#b-seed');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => /100 price paths in/.test(document.querySelector('#b-status').textContent), null, { timeout: 30_000 });
  assert.equal(await page.isHidden('#b-results'), false);

  await page.fill('#b-volatility', 'lots');
  await page.click('#b-run');
  assert.equal(await page.getAttribute('#b-volatility', 'aria-invalid'), 'true');
  assert.equal(await page.textContent('#b-volatility-error'), 'must be a number such as 20');
  await page.fill('#b-volatility', '80');
  await page.fill('#b-drift', '-100');
  await page.click('#b-run');
  await page.waitForSelector('#b-drift[aria-invalid=true]');
  assert.match(
    await page.textContent('#b-drift-error'),
    /^must be above -1 \(-100%\): a fall of 100% a year leaves no price, got -1 \(-100%\)$/,
  );
  assert.match(await page.textContent('#b-status'), /^The range did not run/);
  assert.deepEqual(page.errors, []);
});

test('what matters most: one row an assumption, largest first, following the inputs above', async () => {
  const page = await openPage(env);
  await settled(page);
  await page.focus('#t-run');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#t-results:not([hidden])');
  const rows = () =>
    page.$$eval('#t-table tbody tr', (trs) =>
      trs.map((tr) => ({ input: tr.dataset.input, usd: tr.dataset.usd.split(' ').map(Number), name: tr.querySelector('th').textContent })),
    );
  const before = await rows();
  assert.deepEqual(before.map((r) => r.input).sort(), ['lifetime', 'poolGrowth', 'poolUnits', 'tokenPrice', 'unitPrice']);
  const swing = (r) => Math.abs(r.usd[1] - r.usd[0]);
  for (let i = 1; i < before.length; i++) assert.ok(swing(before[i - 1]) >= swing(before[i]));
  const unitPrice = before.find((r) => r.input === 'unitPrice');
  assert.equal(unitPrice.usd[0], unitPrice.usd[1], 'the unit price does not move the 12 months');
  assert.equal(unitPrice.name, 'Unit price');
  assert.match(await page.textContent('#t-caption'), /^As you set them: \$[\d,.]+ in the 12 months from now; breakeven /);

  // ±50%: wider swings.
  await page.selectOption('#t-step', '0.5');
  await page.click('#t-run');
  await page.waitForFunction(
    (old) => document.querySelector('#t-table tbody tr').dataset.usd !== old,
    await page.$eval('#t-table tbody tr', (tr) => tr.dataset.usd),
  );
  const wide = await rows();
  const price = (list) => list.find((r) => r.input === 'tokenPrice');
  assert.ok(swing(price(wide)) > swing(price(before)));

  // Twice the units: the table follows by itself.
  const usd = await page.$eval('#t-table tbody tr[data-input=tokenPrice]', (tr) => tr.dataset.usd);
  await page.fill('#m-purchase-0-units', '2000');
  await page.waitForFunction((old) => document.querySelector('#t-table tbody tr[data-input=tokenPrice]')?.dataset.usd !== old, usd, {
    timeout: 10_000,
  });
  assert.deepEqual(page.errors, []);
});
