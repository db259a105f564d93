// buyDates through the JS API: each purchase day held against projectEarnings with that one
// purchase (a run of the whole pool with it: an independent path through the engine), the best
// day, the halvings, the errors; and the page's words for it (ui/buydate-state.js).
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { load } from '../../web/lib/node.js';
import { buyDatesRequest, buyDatesView, tableDays } from '../../web/ui/buydate-state.js';

const cbm = await load();
const DAY = 86400;
const STAGE = 57_471_264; // the contract's stage (its last 6 s longer)
/** A decimal text as whole wei. */
const wei = (text) => BigInt(text.split('.')[0]) * 10n ** 18n + BigInt((text.split('.')[1] ?? '').padEnd(18, '0'));
const base = { genesis: '2024-11-07', now: 60_000_000, pool: { units: 40_799_674, growthPercentPerMonth: 2 }, tokenPrice: '0.17' };

test('each day mines what projectEarnings gives that purchase, to a wei', () => {
  const r = cbm.buyDates({ ...base, budgetUsd: '1000', unitPrice: '0.25', unitPriceGrowthPercent: '3' });
  assert.equal(r.days.at.length, Math.ceil((4 * STAGE + 6 - base.now) / DAY));
  assert.deepEqual(r.halvings, [2 * STAGE, 3 * STAGE]);
  assert.equal(r.emissionEnd, 4 * STAGE + 6);
  assert.equal(r.ownRuns, 0);
  assert.equal(r.best, 0);
  assert.equal(r.days.units[0], 4000);
  for (const k of [0, 9, 500]) {
    const at = r.days.at[k];
    const purchase = { at, units: r.days.units[k], unitPrice: r.days.unitPrice[k] };
    const earnings = cbm.projectEarnings({ ...base, purchases: [purchase], period: 'year' });
    const diff = wei(r.days.wfi[k]) - wei(earnings.purchases[0].reward);
    assert.ok(diff >= -1n && diff <= 1n, `day ${k}: ${r.days.wfi[k]} against ${earnings.purchases[0].reward}`);
    assert.ok(wei(r.days.wfi[k]) > 0n);
    assert.equal(earnings.purchases[0].miningStart, r.days.miningStart[k]);
  }
});

test('a unit price falling 20% a month makes a later day the best, and says so', () => {
  const request = { ...base, budgetUsd: '1000', unitPrice: '0.25', unitPriceGrowthPercent: '-20' };
  const r = cbm.buyDates(request);
  assert.ok(r.best > 30);
  const view = buyDatesView(r, Date.UTC(2024, 10, 7) / 1000, request);
  assert.match(
    view.verdict,
    /^Buy on \w{3} \d+, \d{4}: \$1,000\.00 then buys [\d,]+ units \(against 4,000 units today\) and mines [\d,.]+ WFI by the end of emission \(Feb 19, 2032\), against [\d,.]+ WFI bought today\.$/,
  );
  assert.deepEqual(
    view.chart.marks.map((m) => m.label),
    ['halving', 'halving', 'best day'],
  );
  assert.equal(view.chart.data[0].length, r.days.at.length);
  assert.ok(view.chart.table.rows.length < 80);
});

test('bad input names its field; the lite build points to the full one', async () => {
  const field = (input) => {
    try {
      cbm.buyDates(input);
    } catch (e) {
      return e.field;
    }
    return 'none';
  };
  assert.equal(field({ ...base, budgetUsd: '-1', unitPrice: '0.25' }), 'budgetUsd');
  assert.equal(field({ ...base, budgetUsd: '1', unitPrice: 'abc' }), 'unitPrice');
  assert.equal(field({ ...base, budgetUsd: '1', unitPrice: '1', unitPriceGrowthPercent: '-100' }), 'unitPriceGrowthPercent');
  assert.equal(field({ ...base, budgetUsd: '1', unitPrice: '1', purchases: [] }), 'purchases');
  const lite = await load({ build: 'lite' });
  assert.throws(() => lite.buyDates({ ...base, budgetUsd: '1', unitPrice: '1' }), { code: 'NOT_ALLOWED' });
});

test("the page's request and words", () => {
  const input = { ...base, rules: undefined, lines: [], purchases: [{ at: 0, units: 10, unitPrice: '0.3' }], period: 'month' };
  assert.deepEqual(buyDatesRequest({ input }, { budgetUsd: ' 500 ', unitPrice: '', unitPriceGrowthPercent: '' }), {
    rules: undefined,
    genesis: '2024-11-07',
    now: 60_000_000,
    pool: base.pool,
    lines: [],
    budgetUsd: '500',
    unitPrice: '0.3',
    unitPriceGrowthPercent: undefined,
    tokenPrice: '0.17',
  });
  assert.deepEqual(tableDays(100, 45), [0, 30, 45, 60, 90, 99]);
  const days = { at: Float64Array.from({ length: 400 }, (_, k) => k * DAY), units: new Float64Array(400).fill(4000) };
  days.unitPrice = Array(400).fill('0.25');
  days.wfi = Array.from({ length: 400 }, (_, k) => String(1000 - k));
  days.usd = days.wfi;
  const view = buyDatesView({ days, best: 0, halvings: [], emissionEnd: 400 * DAY, endTokenPrice: '0.17' }, 0, { budgetUsd: '1000' });
  assert.equal(
    view.verdict,
    'Buy now: $1,000.00 spent today mines 1,000 WFI by the end of emission (Feb 5, 1971), more than on any later day; a month later, 970 WFI; a year later, 635 WFI.',
  );
});
