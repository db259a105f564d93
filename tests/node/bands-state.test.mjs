// "Range of outcomes" as state (web/ui/bands-state.js) without a browser: the figures' words
// and the band's chart from bands worked by hand.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { bandsChart, bandsView, fraction } from '../../web/ui/bands-state.js';
import { formatDate } from '../../web/ui/format.js';

const DAY = 86400;
const genesis = Date.UTC(2024, 10, 7) / 1000;
const today = genesis + 100 * DAY;
const q = (p10, p50, p90) => ({ p10, p50, p90 });
// Three periods ending on days 200, 500 (a year after today: day 465 is passed) and 900.
const bands = {
  runs: 1000,
  breakevenRuns: 640,
  paidUsd: '250',
  breakevenAt: { p10: 300 * DAY, p50: 420 * DAY, p90: null },
  periods: [
    { end: 200 * DAY, ...q('5', '10', '20'), cumulative: q('5', '10', '20') },
    { end: 500 * DAY, ...q('50', '100', '200'), cumulative: q('55', '110', '220') },
    { end: 900 * DAY, ...q('100', '200', '400'), cumulative: q('155', '310', '620') },
  ],
};

test('the breakeven and the USD a year on and at the end, P10 · median · P90, with the figures behind them', () => {
  const view = bandsView(bands, { genesis, today });
  const day = (n) => formatDate(genesis + n * DAY);
  assert.deepEqual(view.breakeven, { text: `${day(300)} · ${day(420)} · never`, value: `${300 * DAY} ${420 * DAY} ` });
  assert.equal(view.breakevenRuns, '640 of 1,000 runs earn back the $250.00 you paid before emission ends');
  assert.equal(view.yearDate, day(500)); // the first period ending a year or more after today
  assert.deepEqual(view.year, { text: '$55.00 · $110.00 · $220.00', value: '55 110 220' });
  assert.deepEqual(view.end, { text: '$155.00 · $310.00 · $620.00', value: '155 310 620' });
  // A range that ends before a year is out: its last period.
  assert.equal(bandsView(bands, { genesis, today: genesis + 800 * DAY }).yearDate, day(900));
});

test('the band: P90, median and P10 of the USD to date, what was paid, and words for it', () => {
  const { columns, summary, table } = bandsChart(bands, genesis);
  assert.deepEqual(
    Array.from(columns[0]),
    [200, 500, 900].map((n) => genesis + n * DAY),
  );
  assert.deepEqual(Array.from(columns[1]), [20, 220, 620]);
  assert.deepEqual(Array.from(columns[3]), [5, 55, 155]);
  assert.deepEqual(Array.from(columns[4]), [250, 250, 250]);
  assert.match(
    summary,
    /over 1,000 random price paths, .*: the median run reaches \$310\.00, 80% of runs between \$155\.00 and \$620\.00; you paid \$250\.00\.$/,
  );
  assert.deepEqual(table.rows[1].slice(1), ['$55.00', '$110.00', '$220.00', '$100.00']);
});

test("a percentage as typed becomes the core's fraction; a shape it cannot be is refused, naming the field", () => {
  assert.equal(fraction('20', 'drift'), '20e-2');
  assert.equal(fraction('-.5', 'drift'), '-.5e-2');
  assert.throws(
    () => fraction('20%', 'volatility'),
    (e) => e.field === 'volatility',
  );
});
