// My mining units: the pool run behind the figures, price scenarios, rules, the queue wait,
// the share link and the exports.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { downloadText, openDataTable, openPage, type, useBrowser } from './harness.mjs';

const env = useBrowser();
const DAY = 86400;
const dayOf = (unixSeconds) => new Date(unixSeconds * 1000).toISOString().slice(0, 10);
const todayDay = () => dayOf(Math.floor(Date.now() / 1000 / DAY) * DAY);

/** Sets the genesis date to today: the seed's example (8 WFI/s) then holds now, whatever the
 * day the tests run, since stage 1 lasts 665 days from genesis. */
async function genesisToday(page) {
  const before = await page.getAttribute('#m-apr', 'data-value');
  await page.fill('#m-genesis', todayDay());
  if (before !== null) await changed(page, 'm-apr', before);
  await page.waitForFunction(() => !document.querySelector('#m-status').textContent);
}

/** Waits until the figure `id` shows a value other than `previous`. */
async function changed(page, id, previous) {
  // The page follows each keystroke: wait for the last one's result (no update pending, a value).
  await page.waitForFunction(
    ([sel, old]) => {
      const value = document.querySelector(sel)?.dataset.value;
      return !document.querySelector('#m-status').textContent && value !== undefined && value !== old;
    },
    [`#${id}`, previous],
    { timeout: 5000 },
  );
  return page.getAttribute(`#${id}`, 'data-value');
}

test("the pool of seed 003's example gives its APR: 210.24%, net gain 110.24%", async () => {
  const page = await openPage(env);
  // The default schedule is the contract's: with the default genesis (2024-11-07) today falls
  // in a later stage, whose rate is 8 / 2^(stage - 1) WFI/s.
  const { load } = await import('../../web/lib/node.js');
  const cbm = await load();
  const poolNow = Math.floor(Date.now() / 1000 / DAY) * DAY - Date.UTC(2024, 10, 7) / 1000;
  const { stage } = cbm.emission({ from: poolNow });
  const ratio = Number(await page.getAttribute('#m-apr', 'data-value')) / (210.24168192 / 2 ** (stage - 1));
  assert.ok(Math.abs(ratio - 1) < 1e-6, `stage ${stage}: ${ratio}`);
  await genesisToday(page);
  // 1,000 units among the 81,598,347 others: the example's pool, so its block reward.
  assert.equal(await page.inputValue('#m-poolUnits'), '81598347');
  assert.match(await page.getAttribute('#m-apr', 'data-value'), /^210\.2416/);
  assert.equal(await page.textContent('#m-apr button.exact'), '210.24%');
  assert.match(await page.getAttribute('#m-netGain', 'data-value'), /^110\.2416/);
  assert.match(await page.getAttribute('#m-blockReward', 'data-value'), /^0\.0000980400/);
  assert.equal(await page.getAttribute('#m-contribution', 'data-value'), '250');
  assert.match(await page.getAttribute('#m-breakeven', 'data-value'), /^\d{4}-\d{2}-\d{2}$/);
  // And as a duration, as mining calculators say it: the days from the purchase's to the
  // breakeven's, both counted.
  const counted =
    (Date.parse(await page.getAttribute('#m-breakeven', 'data-value')) - Date.parse(await page.inputValue('#m-purchase-0-date'))) /
      (DAY * 1000) +
    1;
  assert.match(
    await page.textContent('#m-breakeven-band'),
    new RegExp(`^paid back in ${counted.toLocaleString('en-US')} days from your purchase: `),
  );
  // The charts are drawn, one point a day, with a data table beside each.
  await page.waitForSelector('[data-chart=earned][data-points] canvas');
  assert.ok(Number(await page.getAttribute('[data-chart=earned]', 'data-points')) > 700);
  await openDataTable(page, 'apr');
  assert.ok((await page.locator('[data-chart=apr] .table-wrap tbody tr').count()) >= 20);
  assert.equal(await page.getAttribute('[data-chart=earned] .plot', 'role'), 'img');
  assert.match(await page.getAttribute('[data-chart=earned] .plot', 'aria-label'), /WFI you mine grows to/);
  // One activation, served in the second after the pool's: a wait of 1 s.
  assert.equal(await page.locator('#m-activations tbody tr').count(), 1);
  assert.equal(await page.textContent('#m-activations tbody td:nth-child(4)'), '1 sec');
  // Everything the page needed came from its own origin.
  assert.deepEqual(
    page.requests.filter((url) => !url.startsWith(`${env.origin}/`)),
    [],
  );
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('typing re-runs the pool; price scenarios give one breakeven per path', async () => {
  const page = await openPage(env);
  await genesisToday(page);
  const before = await page.getAttribute('#m-wfiEnd', 'data-value');
  await type(page, '#m-purchase-0-units', '2000');
  const after = await changed(page, 'm-wfiEnd', before);
  assert.ok(Number(after) > 1.99 * Number(before) && Number(after) < 2 * Number(before), `${after} vs ${before}`);
  assert.equal(await page.getAttribute('#m-contribution', 'data-value'), '500');

  // A price change re-values the same run at once: no debounce.
  await type(page, '#m-tokenPrice', '0.34');
  assert.match(await page.getAttribute('#m-apr', 'data-value'), /^420\.4/);

  await page.check('input[name=scenario][value=band]');
  await page.waitForSelector('#m-bear', { state: 'visible' });
  const band = await page.textContent('#m-breakeven-band');
  assert.match(band, /bear: .*bull: /);
  await openDataTable(page, 'apr');
  assert.equal(await page.locator('[data-chart=apr] .table-wrap thead th').count(), 4); // date + 3 paths

  // Daily growth makes the APR fall over time.
  await page.selectOption('#m-poolGrowthUnit', 'day');
  await type(page, '#m-poolGrowth', '200000');
  await page.waitForFunction(() => !document.querySelector('#m-status').textContent);
  const cells = await page.$$eval('[data-chart=apr] .table-wrap tbody tr', (rows) => rows.map((r) => r.children[2].textContent));
  const percent = (text) => Number(text.replace(/[^\d.]/g, ''));
  assert.ok(percent(cells.at(-2)) < percent(cells[1]) / 2, cells.join(' | '));
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('errors are shown at their field: a purchase before genesis, a bad price', async () => {
  const page = await openPage(env);
  await page.fill('#m-purchase-0-date', '2024-06-01');
  await page.waitForSelector('#m-purchase-0-date[aria-invalid=true]');
  assert.equal(await page.textContent('#m-purchase-0-date-error'), 'is before the genesis date 2024-11-07');
  assert.equal(await page.textContent('#m-apr'), '—');
  await page.fill('#m-genesis', '2024-01-01');
  await page.waitForFunction(() => document.querySelector('#m-apr').dataset.value);
  assert.equal(await page.getAttribute('#m-purchase-0-date', 'aria-invalid'), null);
  await type(page, '#m-tokenPrice', '-1');
  assert.equal(await page.getAttribute('#m-tokenPrice', 'aria-invalid'), 'true');
  assert.match(await page.textContent('#m-tokenPrice-error'), /must not be negative, got "-1"/);
  await page.close();
});

test('the queue wait: one activation a second, first in first out', async () => {
  const page = await openPage(env);
  await type(page, '#q-ahead', '86400');
  assert.equal(await page.getAttribute('#q-wait', 'data-value'), '86400');
  assert.equal(await page.textContent('#q-wait'), '1 day');
  await type(page, '#q-ahead', '1000000');
  assert.equal(await page.textContent('#q-wait'), '11 days 13 hr 46 min 40 sec');
  await page.close();
});

test('a share link restores every input and gives the same results', async () => {
  const page = await openPage(env);
  await page.click('#add-purchase');
  await page.fill('#m-purchase-1-date', '2026-01-15');
  await type(page, '#m-purchase-1-units', '500');
  assert.doesNotMatch(await page.locator('#m-earn-note').textContent(), /held flat/);
  // The page's first price is WeFi's example, and says so until a price is typed.
  assert.equal(await page.locator('#m-earn-note').textContent(), "at $0.17 a WFI, WeFi's example price: type today's");
  await type(page, '#m-tokenPrice', '0.18');
  await page.waitForFunction(() => document.querySelector('#m-earn-note').textContent === "at today's $0.18 a WFI");
  await type(page, '#m-tokenPrice', '0.17');
  await page.check('input[name=scenario][value=growth]');
  await type(page, '#m-growth', '2.5');
  // The first screen's USD figures are at today's price whatever the scenario, and say so.
  await page.waitForFunction(() =>
    /held flat \(the price scenario moves the breakeven and the charts\)/.test(document.querySelector('#m-earn-note').textContent),
  );
  await page.selectOption('#m-schedule', 'stages729');
  await type(page, '#m-ref1Units', '5000');
  await page.selectOption('#m-amortization', 'exponential');
  await type(page, '#m-halfLife', '3');
  await type(page, '#apr-tokenPrice', '0.5');
  await page.click('#p-clearDays');
  await page.fill('#p-paste', '2026-03-01~2026-03-10, 2026-04-01');
  await page.click('#p-addPasted');
  await type(page, '#r-days', '60');
  await page.uncheck('input[name=se5]');
  await type(page, '#c-energyGrowth', '12');
  await type(page, '#q-ahead', '42');
  await page.waitForFunction(() => location.hash.includes('q.ahead=42'));
  await page.waitForFunction(() => document.querySelector('#m-apr').dataset.value && !document.querySelector('#m-status').textContent);
  const link = page.url();
  assert.ok(link.length < 600, `a compact link: ${link}`);
  const read = (p) =>
    p.evaluate(() => ({
      apr: document.querySelector('#m-apr').dataset.value,
      wfiEnd: document.querySelector('#m-wfiEnd').dataset.value,
      breakeven: document.querySelector('#m-breakeven').dataset.value,
      aprCalc: document.querySelector('#apr-aprPercent').dataset.value,
      projection: document.querySelector('#r-total').dataset.value,
      liquid: document.querySelector('#c-liquidEnd').dataset.value,
      wait: document.querySelector('#q-wait').dataset.value,
      history: document.querySelector('#p-history-summary').textContent,
    }));
  await page.waitForFunction(
    () => document.querySelector('#r-total').dataset.value && document.querySelector('#c-liquidEnd').dataset.value,
  );
  const original = await read(page);

  const copy = await openPage(env, link.slice(env.origin.length));
  await copy.waitForFunction(
    () => document.querySelector('#r-total').dataset.value && document.querySelector('#c-liquidEnd').dataset.value,
  );
  assert.equal(await copy.inputValue('#m-purchase-1-date'), '2026-01-15');
  assert.equal(await copy.inputValue('#m-purchase-1-units'), '500');
  assert.ok(await copy.isChecked('input[name=scenario][value=growth]'));
  assert.equal(await copy.inputValue('#m-growth'), '2.5');
  assert.equal(await copy.inputValue('#m-schedule'), 'stages729');
  assert.equal(await copy.inputValue('#m-ref1Units'), '5000');
  assert.equal(await copy.inputValue('#m-amortization'), 'exponential');
  assert.ok(await copy.isVisible('#m-halfLife'));
  assert.equal(await copy.inputValue('#m-halfLife'), '3');
  assert.equal(await copy.inputValue('#apr-tokenPrice'), '0.5');
  assert.equal(await copy.isChecked('input[name=se5]'), false);
  assert.deepEqual(await read(copy), original);
  assert.deepEqual(copy.errors, []);
  await copy.close();
  await page.close();
});

test('CSV and JSON exports hold the series and the exact figures', async () => {
  const page = await openPage(env);
  await page.waitForFunction(() => document.querySelector('#m-wfiEnd').dataset.value);
  const csv = await downloadText(page, () => page.click('[data-export=mining-csv]'));
  assert.equal(csv.name, 'cbmcalc-mining.csv');
  const lines = csv.text.trimEnd().split('\r\n');
  assert.equal(
    lines[0],
    'date,pool_seconds,wfi_mined,wfi_per_second,wfi_price_base,usd_value_base,apr_percent_base,pool_power,emission_rate',
  );
  assert.ok(lines.length > 700);
  const rows = lines.slice(1).map((l) => l.split(','));
  assert.equal(rows[0][0], todayDay());
  assert.equal(rows.at(-1)[2], await page.getAttribute('#m-wfiEnd', 'data-value'));
  // The row of "now" carries the APR shown above, to the last digit.
  const blockReward = await page.getAttribute('#m-blockReward', 'data-value');
  const nowRow = rows.find((r) => r[3] === blockReward);
  assert.ok(nowRow, 'a row with the block reward shown');
  assert.equal(nowRow[6], await page.getAttribute('#m-apr', 'data-value'));
  assert.equal(nowRow[4], '0.17');

  const json = await downloadText(page, () => page.click('[data-export=mining-json]'));
  const data = JSON.parse(json.text);
  assert.equal(data.results.contributionUsd, '250');
  assert.equal(data.results.aprPercent, undefined);
  assert.equal(data.results.now.aprPercent, await page.getAttribute('#m-apr', 'data-value'));
  // The contract's schedule ends 229,885,062 s after genesis.
  assert.equal(data.results.emissionEnds, dayOf(Date.UTC(2024, 10, 7) / 1000 + 229885062));
  assert.equal(data.series.length, rows.length);
  await page.close();
});

test('the schedule picker: each preset with its source, stage end dates and totals from genesis', async () => {
  const page = await openPage(env);
  const genesis = Date.UTC(2024, 10, 7) / 1000;
  // The default is the contract's, shown with its source and its four stages.
  assert.equal(await page.inputValue('#m-schedule'), 'contract');
  const options = await page.$$eval('#m-schedule option', (os) => os.map((o) => o.value));
  assert.deepEqual(options, ['contract', 'whitepaper', 'stages729']);
  assert.match(await page.textContent('#m-schedule-info .source'), /wefico\/wefi-contracts, src\/WFIDistributor\.sol/);
  const rows = () => page.$$eval('#m-schedule-info tbody tr', (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
  const contract = await rows();
  assert.equal(contract.length, 5);
  assert.deepEqual(contract[0], ['1: 8 WFI/s', 'Sep 3, 2026', '459,770,112 WFI']);
  assert.deepEqual(contract.at(-1).slice(1), ['Feb 19, 2032', '862,068,966 WFI']);
  assert.match(await page.textContent('#m-schedule-disagree'), /whitepaper says every 2 years \(730 days\).*729-day.*665\.18-day/s);
  // The 8-year lifetime outlives the contract's 7.29 years of emission: the page says so.
  assert.match(
    await page.textContent('#m-schedule-info .note'),
    /Units live 8 years, longer than this emission lasts: from Feb 19, 2032 on/,
  );

  // The whitepaper's: 730-day stages, 946,080,000 WFI, and emission ends 8 years on.
  await page.selectOption('#m-schedule', 'whitepaper');
  await page.waitForFunction(() => document.querySelector('#m-explain').textContent.includes('Nov 5, 2032'));
  const whitepaper = await rows();
  assert.deepEqual(whitepaper[0], ['1: 8 WFI/s', 'Nov 7, 2026', '504,576,000 WFI']);
  assert.equal(whitepaper.at(-1)[2], '946,080,000 WFI');
  assert.equal(await page.locator('#m-schedule-info .note').count(), 0); // 8 years each: no gap
  const json = await downloadText(page, () => page.click('[data-export=mining-json]'));
  const data = JSON.parse(json.text);
  assert.equal(data.results.emissionEnds, dayOf(genesis + 4 * 63072000));
  assert.deepEqual(data.rules, { baseRate: '8', halvingPeriod: 63072000, stages: 4, amortization: 'linear', lifetime: 252288000 });
  assert.equal(data.results.rateChanges[0].date, dayOf(genesis + 63072000));

  // 729-day stages: a day shorter each.
  await page.selectOption('#m-schedule', 'stages729');
  await page.waitForFunction(() => document.querySelector('#m-schedule-info tbody td')?.textContent === 'Nov 6, 2026');
  assert.deepEqual((await rows())[0].slice(1), ['Nov 6, 2026', '503,884,800 WFI']);
  assert.deepEqual(page.errors, []);
  await page.close();
});
