// cbm.sensitivity through the JS API: each swing is projectEarnings with that one assumption
// moved by hand (the moved values written out here), one that cannot matter moves nothing, the
// rows come largest first, and the step is checked.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { CbmError, load } from '../../web/lib/node.js';
import { DAY, holderAmong, wei } from './amounts.mjs';

const cbm = await load();

const holder = holderAmong({ units: 81_598_347, growthPercentPerMonth: '2.5' });
const outcome = (input) => {
  const e = cbm.projectEarnings(input);
  return { yearWfi: e.firstYear.wfi, yearUsd: e.firstYear.usd, breakevenAt: e.breakevenAt };
};

test('each swing is the projection with that assumption moved, the rest as given', () => {
  const r = cbm.sensitivity({ ...holder, step: '0.1' });
  assert.deepEqual(r.base, outcome(holder));
  const swing = Object.fromEntries(r.swings.map((s) => [s.input, s]));
  assert.deepEqual(Object.keys(swing).sort(), ['lifetime', 'poolGrowth', 'poolUnits', 'tokenPrice', 'unitPrice']);
  const moved = {
    tokenPrice: [{ tokenPrice: '0.153' }, { tokenPrice: '0.187' }],
    // 81,598,347 x 0.9 = 73,438,512.3 and x 1.1 = 89,758,181.7: to the nearest unit.
    poolUnits: [{ pool: { ...holder.pool, units: 73_438_512 } }, { pool: { ...holder.pool, units: 89_758_182 } }],
    poolGrowth: [{ pool: { ...holder.pool, growthPercentPerMonth: '2.25' } }, { pool: { ...holder.pool, growthPercentPerMonth: '2.75' } }],
    unitPrice: [
      { purchases: [{ ...holder.purchases[0], unitPrice: '0.225' }] },
      { purchases: [{ ...holder.purchases[0], unitPrice: '0.275' }] },
    ],
    // 8 years of 365 days, x 0.9 and x 1.1, in seconds.
    lifetime: [{ rules: { lifetime: 227_059_200 } }, { rules: { lifetime: 277_516_800 } }],
  };
  for (const [name, [low, high]] of Object.entries(moved)) {
    assert.deepEqual(swing[name].atLow, outcome({ ...holder, ...low }), `${name} down`);
    assert.deepEqual(swing[name].atHigh, outcome({ ...holder, ...high }), `${name} up`);
  }
  assert.deepEqual([swing.lifetime.base, swing.lifetime.low, swing.lifetime.high], ['252288000', '227059200', '277516800']);
  assert.deepEqual([swing.poolUnits.low, swing.poolUnits.high], ['73438512', '89758182']);
});

test('the unit price cannot move the 12 months; rows come largest swing first', () => {
  const r = cbm.sensitivity(holder); // step 0.2 by default
  const unitPrice = r.swings.find((s) => s.input === 'unitPrice');
  for (const o of [unitPrice.atLow, unitPrice.atHigh]) {
    assert.equal(o.yearWfi, r.base.yearWfi);
    assert.equal(o.yearUsd, r.base.yearUsd);
  }
  assert.equal(unitPrice.low, '0.2');
  const swing = (s) => {
    const d = wei(s.atHigh.yearUsd) - wei(s.atLow.yearUsd);
    return d < 0n ? -d : d;
  };
  for (let i = 1; i < r.swings.length; i++)
    assert.ok(swing(r.swings[i - 1]) >= swing(r.swings[i]), `${r.swings[i - 1].input} before ${r.swings[i].input}`);
  assert.equal(r.swings.at(-1).input, 'unitPrice');
});

test('the step is checked; the lite build says where sensitivity is', async () => {
  for (const step of ['0', '1', '-0.2', 'a lot']) {
    assert.throws(
      () => cbm.sensitivity({ ...holder, step }),
      (e) => e instanceof CbmError && e.field === 'step',
      step,
    );
  }
  assert.throws(
    () => cbm.sensitivity({ ...holder, steps: '0.2' }),
    (e) => e.field === 'steps',
  );
  const lite = await load({ build: 'lite' });
  assert.throws(
    () => lite.sensitivity(holder),
    (e) => e.code === 'NOT_ALLOWED',
  );
});
