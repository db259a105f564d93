// Extremes (issue 5): the largest units, the longest horizon, a cap with 18 decimals: the right
// answer or a clear error, never an overflow or a wrapped number.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { load } from '../../web/lib/node.js';

const cbm = await load();
const year = 31536000;

test('1e9 and 1e12 units in one activation take exactly what they should', () => {
  const r = cbm.simulatePool({
    horizon: 8 * year,
    rules: { halvingPeriod: 2 * year }, // the whitepaper's halvings
    activations: [
      { id: 'whale', units: 1e12, requestedAt: 0 },
      { id: 'big', units: 1e9, requestedAt: 0 },
      { id: 'shrimp', units: 1, requestedAt: 0 },
    ],
  });
  assert.equal(r.emitted, '946080000');
  assert.equal(r.unallocated, '8'); // second 0: nobody mines yet
  // Three units mining together, all linear with the same life: shares 1e12 : 1e9 : 1 while all
  // three run; the first starts a second earlier and leaves a second earlier.
  const [whale, big, shrimp] = r.activations.map((a) => Number(a.reward));
  assert.ok(Math.abs(whale / big - 1000) < 1e-3 && Math.abs(big / shrimp - 1e9) / 1e9 < 1e-3);
  assert.throws(() => cbm.apr({ blockReward: 1e9, tokenPrice: 1e12, units: 1e-18, unitPrice: 1e-18 }), {
    code: 'INVALID_INPUT',
    field: 'yearlyRewardUsd',
    message: /too large: amounts are limited to 10\^20/,
  });
});

test('a 100-year horizon, and no further', () => {
  const r = cbm.simulatePool({
    horizon: 100 * year,
    rules: { stages: 50, halvingPeriod: 2 * year, lifetime: 100 * year },
    activations: [
      { id: 'a', units: 1, requestedAt: 0 },
      { id: 'b', units: 1e12, requestedAt: 99 * year },
    ],
  });
  assert.equal(r.emitted, cbm.emission({ from: 0, to: 100 * year, rules: { stages: 50, halvingPeriod: 2 * year } }).emitted);
  assert.equal(r.series.at(-1).t, 100 * year);
  assert.throws(() => cbm.simulatePool({ horizon: 100 * year + 1, activations: [] }), { field: 'horizon' });
});

test('a supply cap with 18 decimals is met to the wei', () => {
  const cap = '862068966.123456789012345678';
  const r = cbm.simulatePool({
    horizon: 4 * 2 * year,
    rules: { supplyCap: cap, halvingPeriod: 62985600 },
    activations: [{ id: 'only', units: 3, requestedAt: 0 }],
  });
  assert.equal(r.emitted, cap);
  assert.equal(r.activations.at(0).reward, r.distributed);
  assert.equal(r.dust, '0');
  // In the whitepaper's halving form: stages 1 and 2 emit 756,864,000 WFI; stage 3 (2 WFI/s)
  // the remaining 105,204,966.12...: 52,602,483 whole seconds, then one second with only the
  // 0.123456789012345678 left.
  const whitepaper = { supplyCap: cap, halvingPeriod: 2 * year };
  assert.equal(cbm.emission({ rules: whitepaper }).total, cap);
  const { endsAt } = cbm.emission({ rules: whitepaper });
  assert.equal(endsAt, 2 * 63072000 + 52602483 + 1);
  assert.equal(cbm.emission({ from: endsAt - 1, to: endsAt, rules: whitepaper }).emitted, '0.123456789012345678');
  // The contract's own schedule totals 862,068,966 WFI: a cap above it never bites.
  assert.equal(cbm.emission({ rules: { supplyCap: cap } }).total, '862068966');
});

test('emission at the limit of the rules, and rules beyond it', () => {
  // 10^12 WFI over all stages is the most the rules allow (a thousand times the supply).
  const rules = { baseRate: 1e9, stages: 1, halvingPeriod: 1000, lifetime: 100 * year };
  const r = cbm.simulatePool({ horizon: 2000, rules, activations: [{ id: 'a', units: 1, requestedAt: 0 }] });
  assert.equal(r.emitted, '1000000000000');
  assert.equal(r.activations.at(0).reward, '999000000000');
  assert.throws(() => cbm.simulatePool({ horizon: 2000, rules: { ...rules, halvingPeriod: 1001 }, activations: [] }), {
    field: 'rules.baseRate',
    message:
      'rules.baseRate: with these rules emission would total 1001000000000 WFI; the limit is 1000000000000 WFI (a thousand times the supply)',
  });
  assert.throws(() => cbm.emission({ rules: { baseRate: '1000000000.000000000000000001' } }), { field: 'rules.baseRate' });
  assert.throws(() => cbm.emission({ rules: { stages: 101 } }), { field: 'rules.stages' });
});
