// My mining units' state module (web/ui/mining-state.js) without a browser: the request from the
// form's values, the words, figures and rows the section shows, the exports and the calibration,
// against seed 003's example worked out here in floating point (the core's are exact decimals).
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { CbmError, load } from '../../web/lib/node.js';
import { formatDate } from '../../web/ui/format.js';
import { cachedMining } from '../../web/ui/mining.js';
import {
  activationRows,
  answersView,
  calibrationRequest,
  computeMining,
  emissionNow,
  exportDocument,
  exportTable,
  headlineView,
  miningRequest,
  periodsTable,
  periodsView,
  referralHint,
  referralView,
} from '../../web/ui/mining-state.js';

const cbm = await load();
const DAY = 86400;
const YEAR = 365 * DAY;
const today = Date.UTC(2025, 5, 1) / 1000; // the genesis day: the seed's 8 WFI/s holds
const lines = cbm.defaults().referral.lines;
// The form's values as readValues gives them: the page's defaults, seed 003's pool, no growth, no
// amortization (with it, the holder's units, activated a second after everyone else's, are a
// few parts in a billion stronger).
const form = {
  genesis: '2025-06-01',
  unitPrice: '0.25',
  tokenPrice: '0.17',
  period: 'month',
  poolUnits: '81598347',
  poolGrowth: '0',
  poolGrowthUnit: 'day',
  poolCeiling: '',
  scenario: 'flat',
  growth: '0',
  bear: '-5',
  base: '0',
  bull: '5',
  schedule: 'contract',
  amortization: 'none',
  lifetime: '8',
  halfLife: '2',
  ...Object.fromEntries(
    lines.flatMap((_, i) => [
      [`ref${i + 1}Units`, '0'],
      [`ref${i + 1}Growth`, '0'],
    ]),
  ),
};
const bought = [{ date: '2025-06-01', units: '1000' }];

function stateOf(changes = {}, purchases = bought) {
  const values = { ...form, ...changes };
  const request = miningRequest(values, purchases, { today, presets: cbm.presets(), lines });
  return computeMining(cbm, cachedMining(cbm), request, values);
}
const close = (got, want, what, digits = 12) =>
  assert.ok(Math.abs(Number(got) / want - 1) < 10 ** -digits, `${what}: ${got}, want ${want}`);
const dayOf = (unix) => new Date(unix * 1000).toISOString().slice(0, 10);

// Seed 003: 1,000 units among 81,599,347 in all share 8 WFI/s; WFI at $0.17, a unit at $0.25.
const blockReward = (8 * 1000) / (81598347 + 1000);
const perDay = blockReward * DAY;

test("the first screen's answers: seed 003's day, 30 days and year, at the example price, said as such", () => {
  const state = stateOf();
  const view = answersView(state.earnings, { tokenPrice: '0.17', examplePrice: '0.17', scenario: 'flat', genesis: today });
  // Mining starts 2 s after the purchase (its activation, then the next second).
  close(view.figures.earnDayWfi, perDay, 'a day');
  close(view.figures.earnDayUsd, perDay * 0.17, 'a day, USD');
  close(view.figures.earnMonthWfi, blockReward * (30 * DAY - 2), '30 days');
  close(view.figures.earnYearWfi, blockReward * (YEAR - 2), '12 months');
  close(view.figures.return, ((blockReward * (YEAR - 2) * 0.17) / 250) * 100, 'return');
  assert.equal(view.note, "at $0.17 a WFI, WeFi's example price: type today's");
  assert.equal(view.assumes, `Assumes emission began on ${formatDate(today)}`);
  // The contract's first halving, 665 days and a fraction after genesis: half the day's WFI.
  assert.equal(dayOf(today + view.halving.value), '2027-03-28');
  assert.match(view.halving.effect, /^A day then: 4\.235328 WFI \(\$0\.72\), from 8\.470656 WFI now$/);
  const typed = answersView(state.earnings, { tokenPrice: '0.17', examplePrice: '0.2', scenario: 'band', genesis: null });
  assert.equal(typed.note, "at today's $0.17 a WFI, held flat (the price scenario moves the breakeven and the charts)");
  assert.equal(typed.assumes, null);
});

test('the headline: APR now 210.24%, the breakeven 174 days on, the pool in words', () => {
  const state = stateOf();
  const view = headlineView(state, today);
  close(view.figures.blockReward, blockReward, 'block reward');
  close(view.figures.apr, ((blockReward * YEAR * 0.17) / 250) * 100, 'APR');
  close(view.figures.netGain, ((blockReward * YEAR * 0.17) / 250) * 100 - 100, 'net gain');
  assert.equal(view.figures.contribution, '250');
  // The first full day mining is the day after the purchase.
  assert.equal(view.aprWhen, `${formatDate(today + DAY)}, the first full day mining, at $0.17 per WFI`);
  // $250 at $1.44 a day: paid back on the 174th day, both ends counted.
  const days = Math.ceil(250 / (perDay * 0.17));
  assert.equal(days, 174);
  assert.equal(view.breakeven.value, dayOf(today + (days - 1) * DAY));
  assert.equal(view.breakeven.band, `paid back in ${days} days from your purchase: mined WFI worth what you paid, at the day’s price`);
  assert.match(view.pool, /^Your 1,000 units among 81,598,347 units of others\. Emission ends .*; next rate change: halving 1 on /);
  // The amortization note: one purchase, no growth, an amortization that moves nothing.
  assert.equal(view.oneAge, false); // none
  assert.equal(headlineView(stateOf({ amortization: 'linear' }), today).oneAge, true);
  assert.equal(headlineView(stateOf({ amortization: 'linear' }, [...bought, { date: '2025-06-02', units: '5' }]), today).oneAge, false);
  assert.equal(headlineView(stateOf({ amortization: 'linear', poolGrowth: '100' }), today).oneAge, false);
  assert.match(
    headlineView(stateOf({ poolGrowth: '3', poolGrowthUnit: 'percent', poolCeiling: '90000000' }), today).pool,
    /, growing 3% a month, levelling off toward 90,000,000 units\./,
  );
});

test('a band of prices: one breakeven a path, bull sooner than base, bear later; each path exported', () => {
  const state = stateOf({ scenario: 'band' });
  const { paths } = state.priced;
  const at = (key) => paths.find((p) => p.key === key).breakeven;
  assert.ok(at('bull') < at('base') && at('base') < at('bear'), JSON.stringify(paths.map((p) => p.breakeven)));
  assert.match(headlineView(state, today).breakeven.band, /^paid back in 174 days from your purchase: bear: \d+ days · bull: \d+ days$/);
  const { columns, rows } = exportTable(cbm, state);
  for (const key of ['bear', 'base', 'bull'])
    for (const what of ['wfi_price', 'usd_value', 'apr_percent']) assert.ok(columns.includes(`${what}_${key}`));
  assert.equal(rows.length, state.sim.series.t.length);
  const column = (name) => columns.indexOf(name);
  // A year on, the bull price is 0.17 x 1.05^12 (12 months of a 365.2425-day year).
  const yearOn = rows.find((r) => r[column('pool_seconds')] >= 365 * DAY);
  const months = yearOn[column('pool_seconds')] / ((365.2425 * DAY) / 12);
  close(yearOn[column('wfi_price_bull')], 0.17 * 1.05 ** months, 'bull price', 11); // 12 digits, as growthPath gives
  assert.equal(rows[0][column('date')], '2025-06-01');
});

test('the earnings table: 12 months from today, all 88 until emission ends, the breakeven month lit', () => {
  const state = stateOf();
  const twelve = periodsView(state, { today, all: false });
  assert.equal(twelve.rows.length, 12);
  assert.deepEqual(twelve.more, { hidden: false, text: 'Show all 88 periods', expanded: false }); // Jun 2025 to Sep 2032
  const all = periodsView(state, { today, all: true });
  assert.equal(all.rows.length, 88);
  assert.equal(all.more.text, 'Show the 12 from today');
  const lit = all.rows.filter((r) => r.breakeven);
  assert.equal(lit.length, 1);
  assert.equal(all.rows.indexOf(lit[0]), 5); // November 2025
  assert.equal(lit[0].mark, 'breakeven');
  assert.equal(all.rows[21].mark, 'halving'); // March 2027
  // Later, only the periods from today's on.
  const later = periodsView(state, { today: today + 400 * DAY, all: false });
  assert.equal(later.rows[0].head, all.rows[13].head);
  const csv = periodsTable(state);
  assert.equal(csv.name, 'cbmcalc-earnings-by-month.csv');
  assert.equal(csv.rows.length, 88);
  close(csv.rows[0][4], blockReward * (30 * DAY - 2), 'June, exact');
});

test('referral lines: the hint from the core rules; line 1 unlocked at $250, the others locked', () => {
  assert.match(
    referralHint(lines),
    /You earn 3% \/ 5% \/ 8% of what lines 1, 2, 3 mine, each once your purchases reach \$250\.00 \/ \$500\.00 \/ \$1,000\.00:/,
  );
  assert.equal(referralView(stateOf()), null);
  const view = referralView(stateOf({ ref1Units: '1000000' }));
  assert.equal(
    view.lines,
    `Line 1 (3%): unlocked ${formatDate(today)} · Line 2 (5%): locked until your purchases reach $500.00 · Line 3 (8%): locked until your purchases reach $1,000.00`,
  );
  // Line 1 mines 1,000,000 of 82,599,347 units from its second 2 (activated after everyone
  // else's block); 3% of it is the holder's, paid weekly.
  const lineRate = (8 * 1e6) / (81598347 + 1000 + 1e6);
  assert.ok(Number(view.figures.refTotal) > 0);
  assert.match(view.weekWhen, /^paid .*, unlocks /);
  close(Number(view.figures.refWeek), 0.03 * lineRate * (7 * DAY - 2), 'the first week paid', 9); // its first 2 s without the holder's units
});

test('the exports, the calibration and the emission now come from the same state', () => {
  const state = stateOf();
  const json = exportDocument(cbm, state, { today });
  assert.equal(json.inputs.today, '2025-06-01');
  assert.deepEqual(json.inputs.purchases, bought);
  assert.equal(json.results.paths[0].breakeven, '2025-11-21');
  assert.equal(json.series.length, state.sim.series.t.length);
  // The block reward of seed 003 gives back its pool: 1,000 x 8 / 0.00009804 less the 1,000.
  const { poolUnits } = cbm.calibratePool(calibrationRequest(state, '0.00009804', today));
  assert.equal(poolUnits, String(Math.floor((1000 * 8) / 0.00009804 - 1000)));
  assert.deepEqual(emissionNow(cbm, state, today), { rate: '8', stage: 1, genesis: '2025-06-01' });
  assert.equal(emissionNow(cbm, null, today), null);
  const [row] = activationRows(state.sim);
  assert.equal(row[0], `1: ${formatDate(today)}`);
  assert.equal(row[1], '1,000');
});

test('bad inputs name their field: no purchase, a genesis that is not a date, a purchase before it', () => {
  const field = (changes, purchases) => {
    try {
      stateOf(changes, purchases);
    } catch (e) {
      assert.ok(e instanceof CbmError, String(e));
      return e.field;
    }
    return null;
  };
  assert.equal(field({}, []), 'purchases[0].units');
  assert.equal(field({ genesis: '2025-02-30' }), 'genesis');
  assert.equal(field({}, [{ date: '2025-05-31', units: '1' }]), 'purchases[0].date');
  assert.equal(field({ schedule: 'nope' }), 'schedule');
});

test('a unit price per purchase: what was paid is each at its own, the APR over it; an unpriced one takes the form’s', () => {
  const purchases = [
    { date: '2025-06-01', units: '1000', unitPrice: '' }, // the form's $0.25
    { date: '2025-06-01', units: '500', unitPrice: '0.30' },
  ];
  const state = stateOf({}, purchases);
  assert.equal(state.priced.contributionUsd, '400'); // 1,000 x 0.25 + 500 x 0.30
  const view = headlineView(state, today);
  assert.equal(view.figures.contribution, '400');
  // 1,500 units among 81,599,847: their block reward a year at $0.17, over $400.
  const reward = (8 * 1500) / (81598347 + 1500);
  close(view.figures.blockReward, reward, 'block reward');
  close(view.figures.apr, ((reward * YEAR * 0.17) / 400) * 100, 'APR over $400');
  assert.deepEqual(
    exportDocument(cbm, state, { today }).results.activations.map((a) => a.unitPrice),
    ['0.25', '0.30'],
  );
  // Each row of the export: the APR over what was paid by then, as the headline.
  const { columns, rows } = exportTable(cbm, state);
  const nowRow = rows.find((r) => r[0] === '2025-06-02');
  close(nowRow[columns.indexOf('apr_percent_base')], ((reward * YEAR * 0.17) / 400) * 100, 'APR row');
  // A price of its own that is not one is said at its row.
  assert.throws(
    () => stateOf({}, [purchases[0], { ...purchases[1], unitPrice: '0.3x' }]),
    (e) => e instanceof CbmError && e.field === 'purchases[1].unitPrice',
  );
});
