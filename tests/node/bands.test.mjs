// cbm.earningsBands through the JS API: with no randomness it is projectEarnings, a seed
// reproduces it, the percentiles are ordered, and bad input is named without harming the module.
// (The core's own tests check the bands against lognormal quantiles and runs redone one by one;
// the golden scenarios check native and WASM agree byte for byte.)
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { CbmError, load } from '../../web/lib/node.js';
import { DAY, holderAmong, wei } from './amounts.mjs';

const cbm = await load();

const holder = holderAmong({ units: 400_000_000, growthPerDay: 100_000 });
const randomPrice = { drift: 0.2, volatility: 0.8 };

test('with no drift, volatility or spread every percentile is the projection', () => {
  const projected = cbm.projectEarnings(holder);
  const bands = cbm.earningsBands({ ...holder, priceModel: { drift: 0, volatility: 0 }, runs: 25, seed: 5 });
  assert.equal(bands.periods.length, projected.periods.length);
  bands.periods.forEach((p, k) => {
    const q = projected.periods[k];
    assert.deepEqual([p.start, p.end, p.startDate, p.endDate], [q.start, q.end, q.startDate, q.endDate]);
    assert.deepEqual([p.p10, p.p50, p.p90], [q.usd, q.usd, q.usd]);
    assert.deepEqual(Object.values(p.cumulative), [q.cumulativeUsd, q.cumulativeUsd, q.cumulativeUsd]);
  });
  const at = projected.breakevenAt;
  assert.ok(at !== null);
  assert.deepEqual(bands.breakevenAt, { p10: at, p50: at, p90: at });
  assert.equal(bands.breakevenRuns, 25);
  assert.deepEqual([bands.runs, bands.seed, bands.paidUsd], [25, 5, projected.paidUsd]);
});

test('a seed gives the same bands every time, another seed others; percentiles are ordered', () => {
  const input = { ...holder, priceModel: randomPrice, poolModel: { spread: 0.4 }, runs: 200, seed: 2026 };
  const a = cbm.earningsBands(input);
  assert.deepEqual(cbm.earningsBands(input), a);
  const b = cbm.earningsBands({ ...input, seed: 2027 });
  assert.notDeepEqual(b.periods, a.periods);
  for (const p of a.periods) {
    assert.ok(wei(p.p10) <= wei(p.p50) && wei(p.p50) <= wei(p.p90), `${p.startDate}: ${p.p10} ${p.p50} ${p.p90}`);
    const c = p.cumulative;
    assert.ok(wei(c.p10) <= wei(c.p50) && wei(c.p50) <= wei(c.p90));
  }
  // Periods after now spread out; the period under way is valued at today's price.
  const later = a.periods.at(-1);
  assert.ok(wei(later.cumulative.p10) < wei(later.cumulative.p90));
  // null (never) comes after every time.
  const notAfter = (x, y) => y === null || (x !== null && x <= y);
  const { p10, p50, p90 } = a.breakevenAt;
  assert.ok(notAfter(p10, p50) && notAfter(p50, p90), JSON.stringify(a.breakevenAt));
  assert.ok(a.breakevenRuns > 0 && a.breakevenRuns < 200, `${a.breakevenRuns} runs break even`);
});

test('progress is reported after each run, and a callback that throws stops nothing else', () => {
  const done = [];
  cbm.earningsBands({ ...holder, priceModel: randomPrice, runs: 40, onProgress: (n) => done.push(n) });
  assert.deepEqual(
    done,
    Array.from({ length: 40 }, (_, i) => i + 1),
  );
  assert.throws(
    () =>
      cbm.earningsBands({
        ...holder,
        priceModel: randomPrice,
        runs: 5,
        onProgress: () => {
          throw new Error('the page went away');
        },
      }),
    /the page went away/,
  );
  assert.equal(cbm.earningsBands({ ...holder, priceModel: randomPrice, runs: 5 }).runs, 5);
});

test('bad input is named by its field, and the module stays usable', () => {
  const cases = [
    [{ priceModel: undefined }, 'priceModel'],
    [{ priceModel: { drift: 0 } }, 'priceModel.volatility'],
    [{ priceModel: { drift: -1, volatility: 0.5 } }, 'priceModel.drift'],
    [{ priceModel: { drift: 11, volatility: 0.5 } }, 'priceModel.drift'],
    [{ priceModel: { drift: 0, volatility: -0.1 } }, 'priceModel.volatility'],
    [{ priceModel: { drift: 0, volatility: 0.5, jump: 1 } }, 'priceModel.jump'],
    [{ poolModel: { spread: 3 } }, 'poolModel.spread'],
    [{ runs: 0 }, 'runs'],
    [{ runs: 10_001 }, 'runs'],
    [{ runs: 2.5 }, 'runs'],
    [{ seed: -1 }, 'seed'],
    [{ seed: 2 ** 53 }, 'seed'],
    [{ onProgress: 'yes' }, 'onProgress'],
    [{ tokenPrice: '-1' }, 'tokenPrice'],
    [{ tokenPrice: '1e12', priceModel: { drift: 10, volatility: 0 } }, 'priceModel'],
    // Everyone else's growth x e^(1 x 3 - 0.5) in the highest level: past the units' limit.
    [{ pool: { units: 5_000_000, growthPercentPerMonth: 6 }, poolModel: { spread: 1 }, runs: 2000 }, 'poolModel.spread'],
  ];
  for (const [change, field] of cases) {
    const input = { ...holder, priceModel: randomPrice, runs: 10, ...change };
    if (input.priceModel === undefined) delete input.priceModel;
    assert.throws(
      () => cbm.earningsBands(input),
      (error) => error instanceof CbmError && error.field === field && error.code === 'INVALID_INPUT',
      `${JSON.stringify(change)} should name ${field}`,
    );
  }
  const after = cbm.earningsBands({ ...holder, priceModel: { drift: 0, volatility: 0 }, runs: 3 });
  assert.equal(after.periods.at(-1).cumulative.p50, cbm.projectEarnings(holder).periods.at(-1).cumulativeUsd);
});

test('the lite build has every call; the decision tools there say where to find them', async () => {
  const lite = await load({ build: 'lite' });
  assert.deepEqual(Object.keys(lite).sort(), Object.keys(cbm).sort());
  assert.deepEqual(lite.projectEarnings(holder), cbm.projectEarnings(holder));
  assert.throws(
    () => lite.earningsBands({ ...holder, priceModel: randomPrice }),
    (error) => error instanceof CbmError && error.code === 'NOT_ALLOWED' && /not in the lite build/.test(error.message),
  );
  await assert.rejects(load({ build: 'tiny' }), (error) => error instanceof CbmError && error.field === 'build');
});
