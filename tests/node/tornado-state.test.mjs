// "What matters most" as state (web/ui/tornado-state.js) without a browser: the caption, each
// assumption's words and where its bar sits, from a sensitivity worked by hand.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { formatDate } from '../../web/ui/format.js';
import { tornadoView } from '../../web/ui/tornado-state.js';

const DAY = 86400;
const genesis = Date.UTC(2024, 10, 7) / 1000;
const at = (yearUsd, breakevenAt) => ({ yearUsd, breakevenAt });
// The 12-month USD as set is 100; the price moves it from 80 to 120, the pool from 110 to 95.
const result = {
  base: at('100', 200 * DAY),
  swings: [
    { input: 'tokenPrice', low: '0.136', high: '0.204', atLow: at('80', 250 * DAY), atHigh: at('120', 170 * DAY) },
    { input: 'poolGrowth', low: '40000', high: '60000', atLow: at('110', 190 * DAY), atHigh: at('95', null) },
  ],
};

test('each assumption: its name, its USD and values low and high, its breakevens, and its bar on one scale', () => {
  const { caption, rows } = tornadoView(result, { genesis, growthUnit: 'day' });
  const day = (n) => formatDate(genesis + n * DAY);
  assert.equal(caption, `As you set them: $100.00 in the 12 months from now; breakeven ${day(200)}.`);
  assert.deepEqual(
    rows.map((r) => [r.input, r.name, r.usd]),
    [
      ['tokenPrice', 'WFI price', '80 120'],
      ['poolGrowth', 'Their growth', '110 95'],
    ],
  );
  assert.deepEqual(rows[0].cells, ['$80.00 · $120.00', '$0.136 · $0.204', `${day(250)} · ${day(170)}`]);
  assert.deepEqual(rows[1].cells.slice(1), ['40,000 units a day · 60,000 units a day', `${day(190)} · never`]);
  // The scale runs from 80 to 120: the price's bar is all of it, the pool's from 95 to 110, the
  // projection's own 100 at the middle.
  assert.deepEqual(rows[0].bar, { from: 0, width: 100, base: 50 });
  assert.deepEqual(rows[1].bar, { from: 37.5, width: 37.5, base: 50 });
  const percent = tornadoView(result, { genesis, growthUnit: 'percent' }).rows[1].cells[1];
  assert.equal(percent, '40,000% a month · 60,000% a month');
});
