// The comparison's state module (web/ui/compare-state.js) without a browser: the table's words
// and the chart's columns from a comparison worked by hand.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { compareChart, compareRows } from '../../web/ui/compare-state.js';
import { formatDate } from '../../web/ui/format.js';

const DAY = 86400;
const genesis = Date.UTC(2024, 10, 7) / 1000; // 2024-11-07
const side = (over) => ({
  totalWfi: '1000',
  totalUsd: '170',
  paidUsd: '250',
  firstYearUsd: '100',
  firstYearReturnPercent: '40',
  aprPercentNow: '40.5',
  breakevenAt: null,
  from: 10 * DAY,
  ...over,
});
// B bought 30 days after A, mines 200 WFI less, breaks even; A never does.
const c = {
  a: side({}),
  b: side({ totalWfi: '800', totalUsd: '136', from: 40 * DAY, breakevenAt: 100 * DAY }),
  difference: {
    totalWfi: '-200',
    totalUsd: '-34',
    paidUsd: '0',
    firstYearUsd: '0',
    firstYearReturnPercent: '0',
    aprPercentNow: '0.25',
    from: 30 * DAY,
    breakevenAt: null,
  },
  earned: [
    { end: 40 * DAY, a: '10', b: '0' },
    { end: 70 * DAY, a: '25.5', b: '12' },
  ],
};

test('the table: each figure of A and B and the difference signed, then the days each counts from and the breakeven', () => {
  const rows = compareRows(c, genesis);
  assert.deepEqual(
    rows.map((r) => r.key),
    ['totalWfi', 'totalUsd', 'paidUsd', 'firstYearUsd', 'firstYearReturnPercent', 'aprPercentNow', 'from', 'breakevenAt'],
  );
  const byKey = Object.fromEntries(rows.map((r) => [r.key, r]));
  assert.equal(byKey.totalWfi.cells[0], 'WFI mined by the end of emission');
  assert.deepEqual(byKey.totalWfi.cells.slice(1), ['1,000 WFI', '800 WFI', '-200 WFI']); // a fall: its own sign
  assert.equal(byKey.totalWfi.difference, '-200');
  assert.equal(byKey.aprPercentNow.cells[3], '+0.25%'); // a rise: a plus
  assert.equal(byKey.paidUsd.cells[3], '$0.00'); // no change: no plus
  // Counted from 2024-11-17 and 2024-12-17: 30 days later.
  const day = (n) => formatDate(genesis + n * DAY);
  assert.deepEqual(byKey.from.cells.slice(1), [day(10), day(40), '30 days later']);
  assert.equal(byKey.from.difference, undefined);
  // A never breaks even; B on day 100, the 61st day from the day it counts from (both counted).
  assert.equal(byKey.breakevenAt.cells[1], 'never');
  assert.equal(byKey.breakevenAt.cells[2], `${day(100)} (61 days)`);
  assert.equal(byKey.breakevenAt.cells[3], '—');
});

test('the chart: the USD to date of each at each period end, what each paid, and words for it', () => {
  const { columns, summary, table } = compareChart(c, genesis);
  assert.deepEqual(Array.from(columns[0]), [genesis + 40 * DAY, genesis + 70 * DAY]);
  assert.deepEqual(Array.from(columns[1]), [10, 25.5]);
  assert.deepEqual(Array.from(columns[2]), [0, 12]);
  assert.deepEqual(Array.from(columns[3]), [250, 250]);
  const day = formatDate(genesis + 70 * DAY);
  assert.equal(summary, `Chart of the USD each scenario has earned to date, to ${day}: A $25.50 (paid $250.00), B $12.00 (paid $250.00).`);
  assert.deepEqual(table.rows[1], [day, '$25.50', '$12.00']);
});
