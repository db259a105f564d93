// The supply section's state module (web/ui/supply-state.js) without a browser: SPEC 6's split
// of mined WFI into liquid and locked as Energy grows through the thresholds.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { CbmError, load } from '../../web/lib/node.js';
import { nextThreshold, splitSupply, supplyChart, supplyTable } from '../../web/ui/supply-state.js';

const cbm = await load();
const DAY = 86400;
const { thresholds } = cbm.defaults().supplyControl; // 0, 1e6 (10%), 1e7 (25%), 1e8 (50%), 1e9 (all)
// A mining run sampled daily for 400 days from today, 10 WFI mined a day.
const today = Date.UTC(2026, 0, 1) / 1000;
const t = Array.from({ length: 400 }, (_, i) => today + i * DAY);
const mining = { sim: { today, series: { t, reward: t.map((_, i) => String(10 * i)) } } };

test('a flat Energy of 5,000,000 releases 10% of what is mined, a week apart and at the end', () => {
  const { series, releasedToday } = splitSupply(cbm, mining, { energy: '5000000', energyGrowth: '0' }, thresholds);
  assert.equal(releasedToday, '10');
  assert.deepEqual(
    series.map((p) => p.t),
    t.filter((_, i) => i % 7 === 0 || i === t.length - 1),
  );
  const end = series.at(-1);
  assert.deepEqual([end.mined, end.liquid, end.locked], ['3990', '399', '3591']);
  const csv = supplyTable(series);
  assert.deepEqual(csv.rows[1], ['2026-01-08', '5000000', '0.1', '70', '7', '63']);
  const chart = supplyChart(series, [0, series.length - 1]);
  assert.deepEqual(Array.from(chart.columns[3]).slice(0, 2), [10, 10]); // released, %
  assert.equal(chart.table.rows.length, 2);
});

test('Energy growing 10% a month passes 10,000,000 after log 2 / log 1.1 = 7.27 months: 25% from then', () => {
  const { series } = splitSupply(cbm, mining, { energy: '5000000', energyGrowth: '10' }, thresholds);
  const month = (365.2425 * DAY) / 12;
  const crossing = today + (Math.log(2) / Math.log(1.1)) * month;
  for (const p of series) assert.equal(p.releasedFraction, p.t < crossing ? '0.1' : '0.25', `${p.t}: ${p.energy}`);
  assert.ok(series.some((p) => p.releasedFraction === '0.25'));
});

test('no mining result, or no growth typed: said at the field', () => {
  assert.throws(
    () => splitSupply(cbm, null, { energy: '1', energyGrowth: '0' }, thresholds),
    (e) => e instanceof CbmError && e.field === 'energy',
  );
  assert.throws(
    () => splitSupply(cbm, mining, { energy: '1', energyGrowth: '' }, thresholds),
    (e) => e.field === 'energyGrowth',
  );
  assert.throws(
    () => splitSupply(cbm, mining, { energy: 'x', energyGrowth: '0' }, thresholds),
    (e) => e.field === 'energy',
  );
});

test('the next threshold suggested: ten times the last, 1 after a zero, 0 for the first', () => {
  assert.deepEqual(nextThreshold({ energy: ' 250 ', releasedFraction: '0.5' }), { energy: '2500', releasedFraction: '1' });
  assert.deepEqual(nextThreshold({ energy: '0.0', releasedFraction: '0' }), { energy: '1', releasedFraction: '1' });
  assert.deepEqual(nextThreshold(undefined), { energy: '0', releasedFraction: '1' });
});
