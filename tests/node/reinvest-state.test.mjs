// "Reinvest or hold?" as state (web/ui/reinvest-state.js) without a browser: the verdict, the
// table, the warning on plans owning much of the pool and the charts, from plans worked by hand.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { formatDate } from '../../web/ui/format.js';
import { largePlansWarning, reinvestCharts, reinvestView } from '../../web/ui/reinvest-state.js';

const DAY = 86400;
const genesis = Date.UTC(2024, 10, 7) / 1000;
const period = (end, heldWfi, units) => ({ end, heldWfi, units });
const plan = (cadence, over) => ({
  cadence,
  until: null,
  bought: [],
  units: 1000,
  minedWfi: '5000',
  spentWfi: '0',
  heldWfi: '5000',
  heldUsd: '850',
  periods: [period(30 * DAY, '100', 1000), period(60 * DAY, '5000', 1000)],
  ...over,
});
// Monthly reinvesting until day 60 buys 2 times, 3,000 units in all, and ends with more WFI.
const r = {
  unitPrice: '0.25',
  best: 'month',
  plans: [
    plan('hold', {}),
    plan('month', {
      until: 60 * DAY,
      bought: [{}, {}],
      units: 4000,
      minedWfi: '9000',
      spentWfi: '3000',
      heldWfi: '6000',
      heldUsd: '1020',
      periods: [period(30 * DAY, '100', 2000), period(60 * DAY, '6000', 4000)],
    }),
  ],
};

test('the verdict names the best plan and its end, against holding; the table a row a plan', () => {
  const { verdict, rows } = reinvestView(r, genesis);
  assert.equal(
    verdict,
    `Best: reinvest every month until ${formatDate(genesis + 60 * DAY)}, then hold: 6,000 WFI at the end ($1,020.00 at today's price), against 5,000 WFI holding.`,
  );
  assert.deepEqual(rows[0].cells, ['Hold', '—', '0', '1,000 units', '5,000 WFI', '0 WFI', '5,000 WFI', '$850.00']);
  assert.deepEqual(rows[1].cells.slice(0, 4), ['Monthly', formatDate(genesis + 60 * DAY), '2', '4,000 units']);
  assert.deepEqual(
    rows.map((row) => [row.cadence, row.best, row.until, row.held]),
    [
      ['hold', false, '', '5000'],
      ['month', true, 60 * DAY, '6000'],
    ],
  );
  const holding = reinvestView({ ...r, best: 'hold' }, genesis).verdict;
  assert.match(holding, /^Holding pays best: at \$0\.25 a unit, .* You hold 5,000 WFI at the end\.$/);
});

test('a plan owning more than the share given of the pool is said; none, nothing', () => {
  // Beside 16,000 others: holding owns 1,000 / 17,000 = 5.9%, monthly 4,000 / 20,000 = 20%.
  assert.equal(largePlansWarning(r, 16000, 25), '');
  const warning = largePlansWarning(r, 16000, 10);
  assert.match(warning, /^Monthly ends with 4,000 units, 20(\.0)?% of the pool \(everyone else's 16,000 units today, and its own\)\./);
  assert.doesNotMatch(warning, /Hold/);
});

test("the charts: each plan's WFI held and units owned at each period's end", () => {
  const [held, owned] = reinvestCharts(r, genesis);
  assert.equal(held.name, 'reinvest-held');
  assert.deepEqual(Array.from(held.columns[0]), [genesis + 30 * DAY, genesis + 60 * DAY]);
  assert.deepEqual(Array.from(held.columns[2]), [100, 6000]);
  assert.deepEqual(Array.from(owned.columns[2]), [2000, 4000]);
  assert.deepEqual(
    held.spec.series.map((s) => s.label),
    ['Hold', 'Monthly'],
  );
  assert.equal(owned.summary, 'Chart of the units each plan owns over time: Hold 1,000 units, Monthly 4,000 units at the end.');
  assert.deepEqual(held.table.rows[1], [formatDate(genesis + 60 * DAY), '5,000 WFI', '6,000 WFI']);
});
