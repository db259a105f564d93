// The miner's answers on the first screen: what the units earn a day, in 30 days and in 12
// months, the APR now beside the realised return, the breakeven and the next halving, at a
// desktop and a phone size; several purchases counted together; the earnings table by period.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { artifact, downloadText, openPage, type, useBrowser } from './harness.mjs';

const env = useBrowser();
const DAY = 86400;
const todayDay = () => new Date(Math.floor(Date.now() / 1000 / DAY) * DAY * 1000).toISOString().slice(0, 10);
const wei = (text) => {
  const [whole, fraction = ''] = text.split('.');
  return BigInt(whole) * 10n ** 18n + BigInt(fraction.padEnd(18, '0'));
};

/** Emission starts today (stage 1, 8 WFI/s): the figures do not depend on the day the tests
 * run. */
async function genesisToday(page) {
  await page.waitForFunction(() => document.querySelector('#m-return')?.dataset.value);
  const before = await page.getAttribute('#m-halving', 'data-value');
  await page.fill('#m-genesis', todayDay());
  await page.waitForFunction((old) => document.querySelector('#m-halving').dataset.value !== old, before);
}

for (const [width, height] of [
  [1280, 900],
  [375, 800],
]) {
  test(`at ${width} px the answers are on the first screen`, async () => {
    const page = await openPage(env, '/', { width, height });
    await genesisToday(page); // a halving ahead and a breakeven, whatever the day the tests run
    for (const id of ['m-earnDayWfi', 'm-earnDayUsd', 'm-earnMonthWfi', 'm-earnYearUsd', 'm-return', 'm-apr', 'm-halving']) {
      assert.ok(await page.getAttribute(`#${id}`, 'data-value'), `${id} has a value`);
    }
    // The first answer row is inside the first screen; at a desktop size all of them are.
    const below = async (id) => (await page.locator(`#${id}`).boundingBox()).y;
    assert.ok((await below('m-earnDayWfi')) < height, `a day's earnings at y=${await below('m-earnDayWfi')}`);
    if (width > 1000) assert.ok((await below('m-return')) < height, `the return at y=${await below('m-return')}`);
    await page.screenshot({ path: artifact(`first-screen-${width}.png`) });
    assert.deepEqual(page.errors, []);
    await page.close();
  });
}

test('two purchases, one made today: the figures now count both', async () => {
  const page = await openPage(env, '/', { width: 1280, height: 900 });
  // Stage 1 (8 WFI/s) from today, no amortization: the share is exactly units / all units.
  await genesisToday(page);
  await page.selectOption('#m-amortization', 'none');
  await page.fill('#m-purchase-0-units', '3000');
  await page.click('#add-purchase');
  await type(page, '#m-purchase-1-units', '1000');
  const others = BigInt(await page.inputValue('#m-poolUnits'));
  const perSecond = (8n * 4000n * 10n ** 18n) / (others + 4000n);
  await page.waitForFunction(
    (expected) => document.querySelector('#m-earnDayWfi').dataset.value === expected,
    ((perSecond * 86400n) / 10n ** 18n).toString() +
      '.' +
      ((perSecond * 86400n) % 10n ** 18n).toString().padStart(18, '0').replace(/0+$/, ''),
    { timeout: 10000 },
  );
  // The APR now is over both purchases: 4,000 units at $0.25.
  const apr = wei(await page.getAttribute('#m-apr', 'data-value'));
  const expected = (perSecond * 31_536_000n * 17n * 100n) / (100n * 1000n);
  assert.ok(apr > (expected * 999n) / 1000n && apr < (expected * 1001n) / 1000n, `${apr} vs ${expected}`);
  await page.close();
});

test('each purchase at its own unit price: shown with a second purchase, in the link, the APR over what was paid', async () => {
  const page = await openPage(env, '/', { width: 1280, height: 900 });
  await genesisToday(page);
  await page.selectOption('#m-amortization', 'none');
  // One purchase: its price is the Unit price field, no column of its own.
  assert.equal(await page.isVisible('#m-purchase-0-unitPrice'), false);
  await page.click('#add-purchase');
  assert.equal(await page.isVisible('#m-purchase-0-unitPrice'), true);
  assert.equal(await page.getAttribute('#m-purchase-0-unitPrice', 'placeholder'), '0.25');
  await page.fill('#m-purchase-1-units', '3000');
  await type(page, '#m-purchase-1-unitPrice', '0.5');
  await page.waitForFunction(() => document.querySelector('#m-contribution').dataset.value === '1750'); // 1,000 x 0.25 + 3,000 x 0.50
  // The APR now: the block reward of 4,000 units, a year of it at $0.17, over $1,750.
  const blockReward = wei(await page.getAttribute('#m-blockReward', 'data-value'));
  const apr = wei(await page.getAttribute('#m-apr', 'data-value'));
  const expected = (blockReward * 31_536_000n * 17n * 100n) / (100n * 1750n);
  assert.ok(apr >= expected - 1n && apr <= expected + 1n, `${apr} vs ${expected}`);
  // The link keeps each price; a purchase without one stays at the Unit price field's.
  await page.waitForFunction(() => /m\.buy=[^&]*,[^&:]*:3000:0\.5(&|$)/.test(location.hash));
  const again = await openPage(env, `/${await page.evaluate(() => location.hash)}`, { width: 375, height: 800 });
  assert.equal(await again.inputValue('#m-purchase-1-unitPrice'), '0.5');
  assert.equal(await again.inputValue('#m-purchase-0-unitPrice'), '');
  await again.waitForFunction(() => document.querySelector('#m-contribution').dataset.value === '1750');
  // A price that is not one is said at its row.
  await type(again, '#m-purchase-1-unitPrice', '0.5x');
  await again.waitForSelector('#m-purchase-1-unitPrice[aria-invalid=true]');
  assert.deepEqual([...page.errors, ...again.errors], []);
  await page.close();
  await again.close();
});

test('the earnings table: a row a period, halvings marked, the breakeven row lit, exported', async () => {
  const page = await openPage(env, '/', { width: 1280, height: 900 });
  await genesisToday(page);
  await page.waitForFunction(() => document.querySelectorAll('#m-periods tbody tr').length > 0);
  // Months: the 12 from today's on, then all of them on request.
  assert.equal(await page.locator('#m-periods tbody tr').count(), 12);
  assert.match(await page.textContent('#m-periods tbody tr:first-child'), /Dec 2026|2026/);
  await page.click('#m-periods-all');
  assert.equal(await page.getAttribute('#m-periods-all', 'aria-expanded'), 'true');
  const months = await page.locator('#m-periods tbody tr').count();
  assert.ok(months > 60, `${months} months to the end of emission`);
  await page.selectOption('#m-period', 'year');
  await page.waitForFunction((n) => document.querySelectorAll('#m-periods tbody tr').length < n, months);
  assert.ok((await page.locator('#m-periods tbody tr').count()) <= 10);
  assert.ok((await page.locator('#m-periods tbody tr.breakeven').count()) === 1);
  assert.match(await page.textContent('#m-periods tbody'), /halving/);
  const { name, text } = await downloadText(page, () => page.click('[data-export=periods-csv]'));
  assert.equal(name, 'cbmcalc-earnings-by-year.csv');
  const lines = text.trim().split('\r\n');
  assert.equal(lines[0], 'start,end,pool_seconds_start,pool_seconds_end,wfi,usd,wfi_to_date,usd_to_date');
  assert.equal(lines.length - 1, await page.locator('#m-periods tbody tr').count());
  await page.locator('#m-periods').screenshot({ path: artifact('earnings-by-year.png') });
  await page.close();
});

test('the pool grows 2% a month by default: the next 12 months earn less than in a pool that stays', async () => {
  const page = await openPage(env, '/', { width: 1280, height: 900 });
  await genesisToday(page);
  assert.equal(await page.inputValue('#m-poolGrowth'), '2');
  assert.equal(await page.inputValue('#m-poolGrowthUnit'), 'percent');
  assert.match(await page.textContent('#m-explain'), /growing 2% a month/);
  const growing = wei(await page.getAttribute('#m-earnYearWfi', 'data-value'));
  const today = await page.getAttribute('#m-earnDayWfi', 'data-value');
  await type(page, '#m-poolGrowth', '0');
  // The page follows each keystroke: wait for the last one's result.
  await page.waitForFunction(
    (old) =>
      !document.querySelector('#m-status').textContent &&
      ![undefined, old].includes(document.querySelector('#m-earnYearWfi').dataset.value),
    growing.toString(),
  );
  await page.waitForFunction(() => !/growing/.test(document.querySelector('#m-explain').textContent));
  const flat = wei(await page.getAttribute('#m-earnYearWfi', 'data-value'));
  assert.ok(growing < flat, `${growing} < ${flat}`);
  assert.equal(await page.getAttribute('#m-earnDayWfi', 'data-value'), today); // the same pool today
  // An S-curve toward a ceiling, and a ceiling below today's pool is refused at its field.
  await page.fill('#m-poolGrowth', '5');
  await type(page, '#m-poolCeiling', '100');
  await page.waitForSelector('#m-poolCeiling[aria-invalid=true]');
  assert.match(await page.textContent('#m-poolCeiling-error'), /must be at least today's 81,598,347 units/);
  await type(page, '#m-poolCeiling', '200000000');
  await page.waitForFunction(() => /levelling off toward 200,000,000 units/.test(document.querySelector('#m-explain').textContent));
  await page.screenshot({ path: artifact('pool-growth-1280.png'), fullPage: false });
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("the pool from the WeFi app: the block reward it shows gives everyone else's units back", async () => {
  const page = await openPage(env, '/', { width: 1280, height: 900 });
  await genesisToday(page);
  // The block reward the page shows with the seed's pool, as the app would show it.
  await page.waitForFunction(() => !document.querySelector('#m-status').textContent);
  const reward = await page.getAttribute('#m-blockReward', 'data-value');
  await page.fill('#m-poolUnits', '5000000');
  await page.waitForFunction((r) => document.querySelector('#m-blockReward').dataset.value !== r, reward);
  await page.click('details.calibrate summary');
  await page.fill('#m-appReward', reward);
  await page.click('#m-calibrate');
  // Back to the seed's pool, to within one unit (the figure shown is that of the first full day).
  const found = Number(await page.inputValue('#m-poolUnits'));
  assert.ok(Math.abs(found - 81598347) <= 1, `${found}`);
  assert.match(await page.textContent('#m-appReward-hint'), /Everyone else's units are now 81,598,34\d units/);
  // A reward no pool gives is refused at the field.
  await page.fill('#m-appReward', '100');
  await page.click('#m-calibrate');
  assert.equal(await page.getAttribute('#m-appReward', 'aria-invalid'), 'true');
  assert.match(
    await page.textContent('#m-appReward-error'),
    /is more than these purchases earn with no one else in the pool \(8 WFI a second\)/,
  );
  await page.locator('#mining fieldset:has(#m-poolUnits)').screenshot({ path: artifact('calibrate-1280.png') });
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('the start date the figures assume is said next to them, with a way to change it', async () => {
  const page = await openPage(env, '/', { width: 375, height: 800 });
  assert.equal(await page.textContent('#m-assumes'), 'Assumes emission began on Nov 7, 2024');
  await page.click('#m-assumes-change');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'm-genesis');
  await page.fill('#m-genesis', '2024-11-10');
  await page.waitForFunction(() => document.querySelector('#m-assumes').textContent === 'Assumes emission began on Nov 10, 2024');
  assert.deepEqual(page.errors, []);
  await page.close();
});
