// Reinvest or hold: the core's plans in the decisions worker from the mining section's inputs, a
// verdict that names the best plan, the table and charts, a unit price nobody can afford gives
// holding, errors at their fields, the inputs in the share link, and stale results marked.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { artifact, openDataTable, openPage, useBrowser } from './harness.mjs';

const env = useBrowser();

async function settled(page) {
  await page.waitForFunction(() => !document.querySelector('#m-status').textContent && document.querySelector('#m-apr').dataset.value);
}

/** Compares the plans with the form as it is; returns the table's rows. */
async function compare(page) {
  await page.evaluate(() => (document.querySelector('#r-status').textContent = '')); // the last run's is no answer
  await page.click('#r-run');
  await page.waitForFunction(() => /compared in|^Not compared:/.test(document.querySelector('#r-status').textContent), null, {
    timeout: 60_000,
  });
  return page.$$eval('#r-table tbody tr', (rows) =>
    rows.map((tr) => ({
      cadence: tr.dataset.cadence,
      held: tr.dataset.held,
      until: tr.dataset.until,
      best: tr.classList.contains('best'),
      cells: [...tr.cells].map((c) => c.textContent),
    })),
  );
}

test('the plans: the best holds the most WFI at the end, the verdict says so, the charts carry their tables', async () => {
  const page = await openPage(env);
  await settled(page);
  const rows = await compare(page);
  assert.deepEqual(
    rows.map((r) => r.cadence),
    ['hold', 'week', 'month', 'unit'],
  );
  assert.match(await page.textContent('#r-status'), /^Four plans compared in \d+\.\d s\.$/);
  const best = rows.filter((r) => r.best);
  assert.equal(best.length, 1);
  // The held amounts are the core's decimal strings: compared as numbers only to pick the most.
  const most = rows.reduce((a, b) => (Number(b.held) > Number(a.held) ? b : a));
  assert.equal(best[0].cadence, most.cadence);
  const verdict = await page.textContent('#r-verdict');
  assert.equal(await page.getAttribute('#r-verdict', 'data-best'), most.cadence);
  if (most.cadence === 'hold') assert.match(verdict, /^Holding pays best/);
  else assert.match(verdict, /^Best: reinvest .* until .*, then hold: .* WFI at the end .* against .* WFI holding\.$/);
  assert.equal(rows[0].cells[1], '—'); // holding never reinvests
  for (const name of ['reinvest-held', 'reinvest-units']) {
    const points = Number(await page.getAttribute(`[data-chart=${name}]`, 'data-points'));
    assert.ok(points > 12, `${name}: ${points} points`);
    await openDataTable(page, name);
    assert.equal(await page.locator(`[data-chart=${name}] .table-wrap tbody tr`).count(), points);
  }
  assert.match(await page.getAttribute('[data-chart=reinvest-held] .plot', 'aria-label'), /WFI each plan holds over time.*Hold/);
  await page.locator('#r-title').scrollIntoViewIfNeeded();
  await page.screenshot({ path: artifact('reinvest-1280.png'), fullPage: false });

  // The mining inputs change: the plans on show are marked as stale.
  await page.fill('#m-purchase-0-units', '2000');
  await page.waitForSelector('#r-results.stale');
  assert.match(await page.textContent('#r-status'), /compare again/);
  assert.deepEqual(page.errors, []);
});

test('units nobody can afford: every plan is holding; a bad price is marked at its field; the inputs travel in the link', async () => {
  const page = await openPage(env, '/', { width: 375, height: 800 });
  await settled(page);
  await page.fill('#r-unitPrice', 'abc');
  await compare(page);
  assert.match(await page.textContent('#r-unitPrice-error'), /unitPrice|number/i);
  assert.match(await page.textContent('#r-status'), /^Not compared/);

  await page.fill('#r-unitPrice', '1000000000');
  const rows = await compare(page);
  assert.ok(rows.every((r) => r.held === rows[0].held && r.cells[2] === '0'));
  assert.match(await page.textContent('#r-verdict'), /^Holding pays best/);
  await page.locator('#r-results').scrollIntoViewIfNeeded();
  await page.screenshot({ path: artifact('reinvest-375.png'), fullPage: false });

  await page.fill('#r-unitPrice', '0.3');
  await page.fill('#r-until', '2027-06-01');
  await page.waitForFunction(() => location.hash.includes('r.unitPrice=0.3') && location.hash.includes('r.until=2027-06-01'));
  const again = await openPage(env, `/${await page.evaluate(() => location.hash)}`);
  assert.equal(await again.inputValue('#r-unitPrice'), '0.3');
  assert.equal(await again.inputValue('#r-until'), '2027-06-01');
  await settled(again);
  const planned = await compare(again);
  // Every plan stops by then: its until (a second after its last check) is at most that midnight.
  const until = (Date.UTC(2027, 5, 1) - Date.UTC(2024, 10, 7)) / 1000; // since the page's genesis
  for (const r of planned.slice(1)) assert.ok(r.until !== '' && Number(r.until) <= until, r.until);
  assert.deepEqual(page.errors, []);
});

test('a plan that outgrows the pool is flagged, at a share the user sets', async () => {
  const page = await openPage(env);
  await settled(page);
  // At $2 a WFI every unit pays back fast: reinvesting buys far more units than anyone else has.
  await page.fill('#m-tokenPrice', '2');
  await settled(page);
  await compare(page);
  const warning = page.locator('#r-warning');
  assert.equal(await warning.isVisible(), true);
  const others = Number(await page.inputValue('#m-poolUnits'));
  const units = await page.$$eval('#r-table tbody tr', (rows) =>
    Object.fromEntries(rows.map((tr) => [tr.dataset.cadence, Number(tr.cells[3].textContent.replace(/\D/g, ''))])),
  );
  // Each plan over 1% of the pool (everyone else's units today and its own) is named, with its share.
  for (const [cadence, name] of [
    ['week', 'Weekly'],
    ['month', 'Monthly'],
    ['unit', 'When affordable'],
  ]) {
    const share = units[cadence] / (others + units[cadence]);
    if (share > 0.01) assert.match(await warning.textContent(), new RegExp(`${name} ends with [\\d,]+ units, [\\d.]+% of the pool`));
  }
  assert.match(await warning.textContent(), /take such a plan's figures as an upper bound\.$/);
  // Flagged only above the share set: at 100% none is.
  await page.fill('#r-warnShare', '100');
  await compare(page);
  assert.equal(await warning.isVisible(), false);
  // A share that is not a percentage is said at its field.
  await page.fill('#r-warnShare', '150');
  await page.click('#r-run');
  assert.match(await page.textContent('#r-warnShare-error'), /must be a percentage from 0 to 100/);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a cap on the units or the USD reinvested: every plan buys up to it, then holds', async () => {
  const page = await openPage(env);
  await settled(page);
  await page.fill('#m-tokenPrice', '2'); // every unit pays back fast: uncapped, plans outgrow the pool
  await settled(page);
  const unitsOf = () =>
    page.$$eval('#r-table tbody tr', (rows) =>
      Object.fromEntries(rows.map((tr) => [tr.dataset.cadence, Number(tr.cells[3].textContent.replace(/\D/g, ''))])),
    );
  // At most 1,000 units bought: the 1,000 owned and 1,000 more, no plan above 1% of the pool.
  await page.fill('#r-maxUnits', '1000');
  await compare(page);
  const capped = await unitsOf();
  for (const cadence of ['week', 'month', 'unit']) assert.equal(capped[cadence], 2000, cadence);
  assert.equal(capped.hold, 1000);
  assert.equal(await page.locator('#r-warning').isVisible(), false);
  await page.waitForFunction(() => location.hash.includes('r.maxUnits=1000'));
  // $100 at $0.25 a unit: 400 units.
  await page.fill('#r-maxUnits', '');
  await page.fill('#r-maxSpentUsd', '100');
  await compare(page);
  for (const [cadence, units] of Object.entries(await unitsOf())) assert.equal(units, cadence === 'hold' ? 1000 : 1400, cadence);
  // A cap that is not one is said at its field.
  await page.fill('#r-maxSpentUsd', '-5');
  await page.click('#r-run');
  await page.waitForFunction(() => document.querySelector('#r-maxSpentUsd-error').textContent !== '');
  assert.match(await page.textContent('#r-maxSpentUsd-error'), /must not be negative/);
  assert.deepEqual(page.errors, []);
  await page.close();
});
