// Two scenarios side by side: Compare copies the inputs to B, the form edits B while A keeps its
// own, the table shows A, B and the core's B - A, the switch goes back to A's inputs, and both
// travel in the share link.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { artifact, openPage, useBrowser } from './harness.mjs';

const env = useBrowser();

async function settled(page) {
  await page.waitForFunction(() => !document.querySelector('#m-status').textContent && document.querySelector('#m-apr').dataset.value);
}

/** The comparison table: { key: { a, b, difference } } as shown, once it shows `until(rows)`. */
async function table(page, until = () => true) {
  const read = () =>
    page.$$eval('#c-table tbody tr', (trs) =>
      Object.fromEntries(
        trs.map((tr) => [tr.dataset.key, { cells: [...tr.cells].slice(1).map((c) => c.textContent), difference: tr.dataset.difference }]),
      ),
    );
  for (let i = 0; i < 100; i++) {
    const rows = await read();
    if (Object.keys(rows).length && until(rows)) return rows;
    await page.waitForTimeout(100);
  }
  throw new Error(`the table did not settle: ${JSON.stringify(await read())}`);
}

test('compare: B starts as A, an edit of B shows in B and in B − A, A keeps its inputs', async () => {
  const page = await openPage(env);
  await settled(page);
  await page.click('#c-start');
  await page.waitForSelector('#c-results:not([hidden])');
  assert.equal(await page.getAttribute('#c-edit-b', 'aria-pressed'), 'true');
  const same = await table(page);
  assert.equal(same.totalWfi.difference, '0');
  assert.equal(same.totalWfi.cells[0], same.totalWfi.cells[1]);

  // B: twice the units.
  await page.fill('#m-purchase-0-units', '2000');
  const doubled = await table(page, (rows) => rows.paidUsd.difference === '250');
  assert.equal(doubled.paidUsd.cells[0], '$250.00');
  assert.equal(doubled.paidUsd.cells[1], '$500.00');
  assert.equal(doubled.paidUsd.cells[2], '+$250.00');
  assert.ok(!doubled.totalWfi.difference.startsWith('-') && doubled.totalWfi.difference !== '0');
  assert.match(doubled.breakevenAt.cells[0], /\d{4}|never/);
  const points = Number(await page.getAttribute('[data-chart=compare]', 'data-points'));
  assert.ok(points > 12);
  await page.locator('#c-results').screenshot({ path: artifact('compare-1280.png') });

  // Back to A: its 1,000 units are in the form again, and the table is the same.
  await page.click('#c-edit-a');
  assert.equal(await page.inputValue('#m-purchase-0-units'), '1000');
  assert.equal(await page.getAttribute('#c-edit-a', 'aria-pressed'), 'true');
  const again = await table(page, (rows) => rows.paidUsd.difference === '250');
  assert.deepEqual(again, doubled);

  // The link holds both; opened, it shows the same comparison, editing A.
  await page.waitForFunction(() => location.hash.includes('cmp=') && location.hash.includes('cmpEdit=A'));
  const opened = await openPage(env, `/${await page.evaluate(() => location.hash)}`);
  await opened.waitForSelector('#c-results:not([hidden])');
  assert.equal(await opened.inputValue('#m-purchase-0-units'), '1000');
  assert.deepEqual(await table(opened, (rows) => rows.paidUsd.difference === '250'), doubled);

  // Stop comparing: the form keeps what it edits.
  await opened.click('#c-stop');
  assert.equal(await opened.isHidden('#c-results'), true);
  assert.deepEqual(page.errors, []);
  assert.deepEqual(opened.errors, []);
});

test('compare on a phone: buy in six months instead of today', async () => {
  const page = await openPage(env, '/', { width: 375, height: 800 });
  await settled(page);
  await page.click('#c-start');
  await page.waitForSelector('#c-results:not([hidden])');
  const headline = await page.textContent('#m-apr button.exact');
  const today = await page.inputValue('#m-purchase-0-date');
  const later = new Date(Date.parse(`${today}T00:00:00Z`) + 182 * 86400_000).toISOString().slice(0, 10);
  await page.fill('#m-purchase-0-date', later);
  const rows = await table(page, (r) => r.totalWfi.difference.startsWith('-'));
  assert.match(rows.breakevenAt.cells[2], /later$/);
  // A's APR is the headline's for A's inputs; B counts from its own purchase, six months on,
  // its breakeven in days from there.
  assert.equal(rows.aprPercentNow.cells[0], headline);
  assert.equal(rows.from.cells[2], '182 days later');
  assert.match(rows.breakevenAt.cells[1], /^\w{3} \d{1,2}, \d{4} \(\d+ days\)$|^never$/);
  await page.locator('#c-results').screenshot({ path: artifact('compare-375.png') });
  assert.deepEqual(page.errors, []);
});
