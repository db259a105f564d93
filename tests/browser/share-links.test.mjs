// Share links are anyone's text: a huge one costs the main thread no long task (each value is
// bounded before it is decoded, the address split once per load, a whole address over 64 KB not
// read), and a link pasted into the open page's address is followed.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { openPage, pageReady, type, useBrowser } from './harness.mjs';

const env = useBrowser();
const LIMIT_MS = 200;
const MB = 1 << 20;

/** A page that records its main thread's long tasks (over 50 ms) in window.longTasks. */
async function watchedPage() {
  const page = await env.context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.addInitScript(() => {
    window.longTasks = [];
    new PerformanceObserver((list) => window.longTasks.push(...list.getEntries().map((e) => Math.round(e.duration)))).observe({
      type: 'longtask',
      buffered: true,
    });
  });
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e));
  return page;
}

/** The longest main-thread task while the page opens `hash` and settles; and the page. */
async function longestOpening(hash) {
  const page = await watchedPage();
  await page.goto(`${env.origin}/${hash}`);
  await pageReady(page, { timeout: 60000 });
  await page.waitForTimeout(1500); // the sections below, the debounced runs
  return { page, longest: Math.max(0, ...(await page.evaluate(() => window.longTasks))) };
}

const units = (n) => '1'.repeat(n);
const rows = (count, text) => Array.from({ length: count }, () => text).join(',');
const links = {
  'a capped field, 1 MB': `#a.tokenPrice=${units(MB)}`,
  'm.buy, 1 MB of units': `#m.buy=2025-01-01:${units(MB)}`,
  'm.buy, 50 rows of 20 KB': `#m.buy=${rows(50, `2025-01-01:${units(20000)}`)}`,
  'm.buy, 50 rows of 190 characters (within its bound)': `#m.buy=${rows(50, `2025-01-01:${units(179)}`)}`,
  'c.th, 1 MB': `#c.th=${rows(50, `${units(20000)}:1`)}`,
  'c.th, 50 rows of 190 characters (within its bound)': `#c.th=${rows(50, `${units(180)}:0.5`)}`,
  'p.ci, 60 KB of single days': `#p.ci=${rows(5400, '2024-01-01')}`,
  'cmp, 1 MB': `#cmp=${encodeURIComponent(`m.units=${units(MB)}`)}`,
  'cmp, 60 KB': `#cmp=${encodeURIComponent(`m.buy=${rows(50, `2025-01-01:${units(1000)}`)}`)}&cmpEdit=A`,
  'many keys, 60 KB': `#${rows(3000, 'x.yyyyyyy=1').replace(/,/g, '&')}`,
};

test(`no share link costs the main thread a task over ${LIMIT_MS} ms`, async () => {
  const { page: plain, longest: baseline } = await longestOpening('');
  await plain.close();
  const measured = { 'no link (the baseline)': baseline };
  for (const [name, hash] of Object.entries(links)) {
    const { page, longest } = await longestOpening(hash);
    measured[name] = longest;
    assert.deepEqual(page.errors, [], name);
    await page.close();
  }
  console.log(measured);
  for (const [name, ms] of Object.entries(measured)) assert.ok(ms <= LIMIT_MS, `${name}: a ${ms} ms task`);
});

test('an address over 64 KB is not read: the page says so and opens with its usual inputs', async () => {
  const page = await openPage(env, `/#a.tokenPrice=1.70&m.buy=${rows(7000, '2025-01-01:1000')}`);
  assert.match(await page.textContent('#copy-link-status'), /^This link is too long to read \(over 64 KB\)/);
  assert.equal(await page.inputValue('#apr-tokenPrice'), '0.17');
  assert.equal(await page.locator('#purchases > *').count(), 1);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a link pasted into the open page is followed: the fields and the figures take its values', async () => {
  const page = await openPage(env, '/#a.blockReward=0.00009804&a.tokenPrice=0.17&a.units=1000&a.unitPrice=0.25&m.tokenPrice=0.17');
  await page.waitForFunction(() => document.querySelector('#apr-aprPercent').dataset.value === '210.24168192');
  const miningApr = await page.getAttribute('#m-apr', 'data-value');

  await page.evaluate(
    () => (location.hash = '#a.blockReward=0.00009804&a.tokenPrice=1.70&a.units=1000&a.unitPrice=0.25&m.tokenPrice=1.70'),
  );
  await page.waitForFunction(() => document.querySelector('#apr-aprPercent').dataset.value === '2102.4168192');
  assert.equal(await page.inputValue('#apr-tokenPrice'), '1.70');
  assert.equal(await page.inputValue('#m-tokenPrice'), '1.70');
  await page.waitForFunction((before) => document.querySelector('#m-apr').dataset.value !== before, miningApr);
  assert.equal(Number(await page.getAttribute('#m-apr', 'data-value')).toFixed(6), (Number(miningApr) * 10).toFixed(6));

  // The next edit keeps the link's values in the address.
  await type(page, '#apr-units', '2000');
  await page.waitForFunction(() => location.hash.includes('a.units=2000'));
  assert.match(await page.evaluate(() => location.hash), /a\.tokenPrice=1\.70/);

  // A link that leaves a field out gives it its default; "#points" is a place, not a link.
  await page.evaluate(() => (location.hash = '#a.blockReward=0.00009804&a.units=1000&a.unitPrice=0.25'));
  await page.waitForFunction(() => document.querySelector('#apr-aprPercent').dataset.value === '210.24168192');
  await page.evaluate(() => (location.hash = '#points'));
  await page.waitForTimeout(300);
  assert.equal(await page.inputValue('#apr-units'), '1000');

  // A total points in the pasted link is offered, as at a load.
  await page.evaluate(() => (location.hash = '#p.totalPoints=5'));
  await page.waitForFunction(() => document.querySelector('#p-linkTotal').textContent.startsWith('This link gives 5 points'));
  assert.notEqual(await page.inputValue('#p-totalPoints'), '5');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("the earnings table's period is in the link: opened from it, and saved when changed", async () => {
  const page = await openPage(env, '/#m.period=week');
  assert.equal(await page.inputValue('#m-period'), 'week');
  // Weeks from today to the end of emission: over 200 of them (there are under 100 months).
  const periods = async () => Number((await page.textContent('#m-periods-all')).replace(/\D/g, ''));
  await page.waitForSelector('#m-periods tbody tr');
  assert.ok((await periods()) > 200, `${await periods()} periods`);
  await page.selectOption('#m-period', 'year');
  await page.waitForFunction(() => location.hash.includes('m.period=year'));
  await page.reload();
  await pageReady(page);
  assert.equal(await page.inputValue('#m-period'), 'year');
  // The default (month) is left out of the link.
  await page.selectOption('#m-period', 'month');
  await page.waitForFunction(() => !location.hash.includes('m.period'));
  assert.deepEqual(page.errors, []);
  await page.close();
});
