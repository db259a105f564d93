// Supply control (SPEC 6) and the points projection (SPEC 7) through the JS API; the golden
// values are the doctest suite's (hand-checked, and an independent 80-digit Python rendering).
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { load } from '../../web/lib/node.js';

const cbm = await load();

test('liquid and locked WFI follow the Energy thresholds', () => {
  const { thresholds, illustrative } = cbm.defaults().supplyControl;
  assert.equal(illustrative, true);
  const series = cbm.supplyControl({
    thresholds,
    series: [
      { t: 0, energy: 0, mined: 100 },
      { t: 10, energy: '999999.999', mined: 100 },
      { t: 20, energy: 1000000, mined: '1000.123456789' },
      { t: 30, energy: 5e7, mined: 3 },
    ],
  });
  assert.deepEqual(
    series.map((p) => [p.releasedFraction, p.liquid, p.locked]),
    [
      ['0', '0', '100'],
      ['0', '0', '100'],
      ['0.1', '100.0123456789', '900.1111111101'],
      ['0.25', '0.75', '2.25'],
    ],
  );
  assert.throws(() => cbm.supplyControl({ thresholds: [{ energy: 0, releasedFraction: 2 }], series: [] }), {
    field: 'thresholds[0].releasedFraction',
  });
  assert.throws(() => cbm.supplyControl({ thresholds, series: [{ t: 0, energy: 1 }] }), { field: 'series[0].mined' });
});

test('the Energy price: +0.10 USD per full 1,000,000 USD burned', () => {
  assert.equal(cbm.energyPrice({ burnedUsd: 2999999.99, basePrice: 1 }), '1.2');
  assert.equal(cbm.energyPrice({ burnedUsd: 3000000, basePrice: 1 }), '1.3');
  assert.equal(cbm.energyPrice({ burnedUsd: 5000, basePrice: 2, step: 0.01, per: 1000 }), '2.05');
});

test('a 60-day points projection with weekday check-ins', () => {
  const p = cbm.pointsProjection({
    checkins: ['2026-11-20', '2026-11-21', '2026-11-22'],
    from: '2026-11-23',
    days: 60,
    invites: 3,
    invitesPerWeek: 1.5,
    sessionSeconds: 28800,
    checkinWeekdays: '1111100',
  });
  assert.equal(p.days.length, 60);
  assert.deepEqual(p.days[0], {
    date: '2026-11-23',
    checkedIn: true,
    streakDays: 4,
    invites: 3,
    weight: '0.1',
    checkinWeight: '0.1',
    pointsWeight: '0',
    invitesWeight: '0',
    reward: '9.438652371658662785',
    totalPoints: '9.438652371658662785',
  });
  assert.equal(p.days[59].totalPoints, '3067.562020789065405179');
  const first = (factor, weight) => p.milestones.find((m) => m.factor === factor && m.weight === weight)?.date;
  assert.equal(first('checkin', '0.5'), '2026-11-26');
  assert.equal(first('points', '0.3'), '2026-12-29');
  assert.equal(first('invites', '0.5'), '2026-12-26');
  assert.throws(() => cbm.pointsProjection({ from: '2026-11-23', days: 5, checkinWeekdays: 'weekdays' }), { field: 'checkinWeekdays' });
});
