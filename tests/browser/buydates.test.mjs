// Buy now or later: the core's buyDates in the decisions worker from the mining section's pool,
// start date and WFI price; a verdict naming the best day, a chart with the halvings and the best
// day marked and its data table; a falling unit price moves the best day later; an error at its
// field; at a phone's width too.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { artifact, openDataTable, openPage, type, useBrowser } from './harness.mjs';

const env = useBrowser();

/** Works the days out with the form as it is; returns the status line. */
async function workOut(page) {
  await page.evaluate(() => (document.querySelector('#bd-status').textContent = ''));
  await page.click('#bd-run');
  await page.waitForFunction(() => /worked out in|^Not worked out:/.test(document.querySelector('#bd-status').textContent), null, {
    timeout: 60_000,
  });
  return page.textContent('#bd-status');
}

test('buy now or later: the best day named, the chart marked, its table; a falling price moves it', async () => {
  const page = await openPage(env);
  await page.waitForFunction(() => document.querySelector('#m-apr').dataset.value);
  assert.match(await workOut(page), /^[\d,]+ purchase days worked out in \d+\.\d s\.$/);
  assert.match(
    await page.textContent('#bd-verdict'),
    /^Buy now: \$1,000\.00 spent today mines [\d,.]+ WFI by the end of emission \(\w{3} \d+, 2032\), more than on any later day; a month later, [\d,.]+ WFI; a year later, [\d,.]+ WFI\.$/,
  );
  assert.equal(await page.getAttribute('#bd-verdict', 'data-best'), '0');
  const points = Number(await page.getAttribute('[data-chart=buy-dates]', 'data-points'));
  assert.ok(points > 365, `a point a day: ${points}`);
  assert.match(
    await page.getAttribute('[data-chart=buy-dates] .plot', 'aria-label'),
    /^Chart of the WFI that \$1,000\.00 mines by the end of emission, by the day it is spent/,
  );
  await openDataTable(page, 'buy-dates');
  const header = await page.$$eval('[data-chart=buy-dates] .table-wrap thead th', (th) => th.map((c) => c.textContent));
  assert.deepEqual(header, ['Bought on', 'USD a unit', 'Units', 'WFI by the end', 'USD at the end']);
  const first = await page.$$eval('[data-chart=buy-dates] .table-wrap tbody tr:first-child > *', (cells) =>
    cells.map((c) => c.textContent),
  );
  assert.equal(first[1], '$0.25');
  assert.equal(first[2], '4,000 units');
  await page.locator('#bd-results').screenshot({ path: artifact('buydates-1280.png') });

  await type(page, '#bd-unitPriceGrowthPercent', '-20');
  await workOut(page);
  assert.notEqual(await page.getAttribute('#bd-verdict', 'data-best'), '0');
  assert.match(
    await page.textContent('#bd-verdict'),
    /^Buy on \w{3} \d+, \d{4}: \$1,000\.00 then buys [\d,]+ units \(against 4,000 units today\)/,
  );

  await type(page, '#bd-budgetUsd', '0');
  assert.match(await workOut(page), /^Not worked out: /);
  assert.match(await page.textContent('#bd-budgetUsd-error'), /greater than 0|positive/);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('buy now or later on a phone', async () => {
  const page = await openPage(env, '/', { width: 375, height: 800 });
  await page.waitForFunction(() => document.querySelector('#m-apr').dataset.value);
  await workOut(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.equal(overflow, 0, 'nothing wider than the phone');
  await page.locator('#bd-results').screenshot({ path: artifact('buydates-375.png') });
  assert.deepEqual(page.errors, []);
  await page.close();
});
