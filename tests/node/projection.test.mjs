// cbm.projectEarnings through the JS API, against values worked out here with BigInt from the
// contract's schedule (8 WFI/s for 57,471,264 s, then 4, 2, 1: 862,068,966 WFI in all).
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { CbmError, load } from '../../web/lib/node.js';

const cbm = await load();
const DAY = 86400;

/** A decimal string as a count of 10^-18. */
const wei = (text) => {
  const [whole, fraction = ''] = text.split('.');
  return BigInt(whole) * 10n ** 18n + BigInt(fraction.padEnd(18, '0'));
};

const base = {
  genesis: '2026-01-01',
  now: 0,
  purchases: [{ at: 0, units: 1000, unitPrice: '0.25' }],
  pool: { units: 0, growthPerDay: 0 },
  tokenPrice: '0.17',
  period: 'month',
};

test('a lone miner: everything emitted from its mining start, period sums equal the total', () => {
  const e = cbm.projectEarnings({ ...base, rules: { amortization: 'none' } });
  // Mining from second 1: all but the first second's 8 WFI.
  assert.equal(e.total.wfi, '862068958');
  const sum = e.periods.reduce((s, p) => s + wei(p.wfi), 0n);
  assert.equal(sum, wei(e.total.wfi));
  assert.equal(
    e.periods.reduce((s, p) => s + wei(p.usd), 0n),
    wei(e.total.usd),
  );
  // January 2026: 31 days of 8 WFI/s less the first second; USD at 0.17.
  assert.deepEqual(e.periods[0], {
    start: 0,
    startDate: '2026-01-01',
    endDate: '2026-02-01',
    end: 31 * DAY,
    wfi: String((31n * 86400n - 1n) * 8n),
    usd: '3642622.64',
    cumulativeWfi: String((31n * 86400n - 1n) * 8n),
    cumulativeUsd: '3642622.64',
  });
  // Contiguous periods to the end of emission (57,471,264 x 3 + 57,471,270 s).
  for (let i = 1; i < e.periods.length; i++) assert.equal(e.periods[i].start, e.periods[i - 1].end);
  assert.equal(e.periods.at(-1).end, 229885062);
  // The next 30 days and the first halving (the contract's, at 57,471,264 s: all 4 WFI/s).
  assert.equal(e.next30Days.wfi, String((30n * 86400n - 1n) * 8n));
  assert.deepEqual(e.nextHalving, { at: 57471264, date: '2027-10-28', blockReward: '4', wfiPerDay: '345600', usdPerDay: '58752' });
  assert.equal(e.now.usdPerDay, '117504');
  assert.equal(e.periods.at(-1).cumulativeWfi, e.total.wfi);
  // 8 s x 0.17 >= 250 first at s = 184.
  assert.equal(e.breakevenAt, 184);
  assert.equal(e.paidUsd, '250');
});

test('two purchases mining now: the block reward is their exact share of the pool', () => {
  const pool = 81_599_347n;
  const e = cbm.projectEarnings({
    ...base,
    rules: { amortization: 'none' },
    now: 20 * DAY,
    purchases: [
      { at: 0, units: 1000, unitPrice: '0.25' },
      { at: 10 * DAY, units: 3000, unitPrice: 0.3 },
    ],
    pool: { units: Number(pool), growthPerDay: 0 },
  });
  const expected = (8n * 4000n * 10n ** 18n) / (pool + 4000n); // truncated to the wei
  assert.equal(wei(e.now.blockReward), expected);
  assert.equal(wei(e.now.wfiPerDay), expected * 86400n);
  // APR = reward x 31,536,000 x 0.17 / (250 + 900) x 100, truncated.
  const apr = (expected * 31_536_000n * 17n * 100n * 10n ** 18n) / (100n * 1150n * 10n ** 18n);
  assert.equal(wei(e.now.aprPercent), apr);
  // The first year's return: its USD over all that was paid, in percent, truncated.
  assert.equal(wei(e.firstYear.returnPercent), (wei(e.firstYear.usd) * 100n * 10n ** 18n) / wei(e.paidUsd));
  assert.equal(wei(e.firstYear.usd), (wei(e.firstYear.wfi) * 17n) / 100n);
});

test('referral lines dilute the pool: the holder mines its share of all units', () => {
  const e = cbm.projectEarnings({
    ...base,
    rules: { amortization: 'none' },
    now: 10 * DAY,
    pool: { units: 3000, growthPerDay: 0 },
    lines: [{ units: 4000, growthPerDay: 0 }],
  });
  assert.equal(wei(e.now.blockReward), (8n * 1000n * 10n ** 18n) / 8000n); // 1 WFI/s
});

test('a purchase made at now counts in the now figures (from the second it starts mining)', () => {
  const pool = 81_599_347n;
  const e = cbm.projectEarnings({
    ...base,
    rules: { amortization: 'none' },
    now: 30 * DAY,
    purchases: [
      { at: 0, units: 1000, unitPrice: '0.25' },
      { at: 30 * DAY, units: 1000, unitPrice: '0.25' },
    ],
    pool: { units: Number(pool), growthPerDay: 0 },
  });
  assert.equal(wei(e.now.blockReward), (8n * 2000n * 10n ** 18n) / (pool + 2000n));
  assert.equal(e.paidUsd, '500');
});

test('every period length gives the same total; the first year counts 365 days from now', () => {
  const totals = ['day', 'week', 'month', 'year'].map((period) => cbm.projectEarnings({ ...base, period }).total.wfi);
  assert.equal(new Set(totals).size, 1);
  const e = cbm.projectEarnings({ ...base, period: 'year' });
  assert.equal(e.firstYear.wfi, e.periods[0].wfi); // 2026 is the 365 days from now = 0
});

test('breakeven: false leaves breakevenAt out, and every other figure as it is', () => {
  const input = { ...base, now: 20 * DAY, pool: { units: 81_599_347, growthPerDay: 20_000 } };
  const full = cbm.projectEarnings(input, { sampleEvery: DAY });
  const fast = cbm.projectEarnings(input, { sampleEvery: DAY, breakeven: false });
  assert.equal(typeof full.breakevenAt, 'number');
  assert.equal(Object.hasOwn(fast, 'breakevenAt'), false);
  const { breakevenAt, ...rest } = full;
  assert.deepEqual(fast, rest);
  // The breakeven: the WFI mined by the second after it, at $0.17, first covers the $250 paid;
  // the daily series brackets it.
  const covered = (w) => w * 17n >= 250n * 100n * 10n ** 18n;
  const daily = full.series.t.findIndex((_, i) => covered(wei(full.series.mined[i])));
  assert.ok(full.series.t[daily - 1] <= breakevenAt && breakevenAt < full.series.t[daily], 'within the day the series says');
  assert.throws(
    () => cbm.projectEarnings(input, { breakeven: 'no' }),
    (e) => e instanceof CbmError && e.field === 'options.breakeven' && e.problem.kind === 'wrong-type',
  );
});

test('bad input names the field', () => {
  const bad = (input, field) =>
    assert.throws(
      () => cbm.projectEarnings({ ...base, ...input }),
      (e) => e instanceof CbmError && e.field === field,
    );
  bad({ period: 'fortnight' }, 'period');
  bad({ genesis: '2026-02-30' }, 'genesis');
  bad({ purchases: [] }, 'purchases');
  bad({ purchases: [{ at: 229885062, units: 1, unitPrice: 1 }] }, 'purchases[0].at');
  bad({ pool: { units: 10, growthPerDay: 1 }, now: 20 * DAY }, 'pool.growthPerDay');
  bad({ pool: { units: -1, growthPerDay: 0 } }, 'pool.units');
  bad({ tokenPrice: '-1' }, 'tokenPrice');
  bad({ rules: { lifetime: 0 } }, 'rules.lifetime');
});

test('times as UTC days: the same run as seconds since genesis, and dates in the result', () => {
  const bySeconds = cbm.projectEarnings({ ...base, now: 20 * DAY, purchases: [{ at: 10 * DAY, units: 1000, unitPrice: '0.25' }] });
  const byDays = cbm.projectEarnings({ ...base, now: '2026-01-21', purchases: [{ at: '2026-01-11', units: 1000, unitPrice: '0.25' }] });
  assert.deepEqual(byDays, bySeconds);
  assert.equal(byDays.periods[0].startDate, '2026-01-11');
  assert.equal(byDays.periods[0].endDate, '2026-02-01');
  assert.equal(byDays.nextHalving.date, '2027-10-28'); // 57,471,264 s = 665.18 days after 2026-01-01
  assert.throws(
    () => cbm.projectEarnings({ ...base, now: '2025-12-31' }),
    (e) => e.field === 'now' && e.problem.kind === 'before-genesis',
  );
});

test('a pool growing by a percentage a month: its requests follow the compound curve', () => {
  const rules = { amortization: 'none' };
  const holder = { rules, now: 10 * DAY, purchases: [{ at: 0, units: 1000 }] };
  const { activations } = cbm.holderActivations({ ...holder, pool: { units: 81599347, growthPercentPerMonth: '2' } });
  const poolUnits = (day) =>
    activations.id.reduce(
      (sum, id, i) => (activations.owner[i] === 'pool' && Number(id.split('-')[1]) <= day ? sum + Number(activations.units[i]) : sum),
      0,
    );
  // Python's decimal at 60 digits: 81,599,347 x g^(d - 10), g = exp(ln 1.02 x 12 / 365), half up.
  assert.equal(poolUnits(0), 81069824);
  assert.equal(poolUnits(10), 81599347);
  assert.equal(poolUnits(365), 102816139);
  // An S-curve toward a ceiling, and the absent growth fields mean no growth.
  const capped = cbm.holderActivations({ ...holder, now: 0, pool: { units: 1000000, growthPercentPerMonth: 10, ceiling: 5000000 } });
  assert.equal(
    capped.activations.units.reduce((s, u, i) => (capped.activations.owner[i] === 'pool' ? s + Number(u) : s), 0),
    4995206,
  );
  assert.equal(cbm.holderActivations({ ...holder, pool: { units: 5 } }).activations.id.length, 2);
  assert.throws(
    () => cbm.projectEarnings({ ...base, pool: { units: 5, growthPerDay: 1, growthPercentPerMonth: 1 } }),
    (e) => e instanceof CbmError && e.field === 'pool.growthPercentPerMonth' && e.problem.kind === 'two-growths',
  );
});

test('calibratePool round-trips: pool -> block reward now -> pool, for purchases of different ages', () => {
  let seed = 7;
  const next = (n) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
  for (let k = 0; k < 8; k++) {
    const now = (400 + next(500)) * 86400;
    const purchases = [{ at: now - next(300) * 86400, units: 1 + next(50000), unitPrice: '0.25' }];
    if (k % 2) purchases.push({ at: now - next(30) * 86400, units: 1 + next(2000), unitPrice: '0.25' });
    const pool = 1 + next(2_000_000_000);
    const project = (units) =>
      cbm.projectEarnings({ genesis: '2025-01-01', now, purchases, pool: { units }, tokenPrice: '0.17', period: 'year' }).now.blockReward;
    const blockReward = project(pool);
    const { poolUnits } = cbm.calibratePool({ now, purchases: purchases.map(({ at, units }) => ({ at, units })), blockReward });
    assert.equal(project(Number(poolUnits)), blockReward, `pool ${pool}, found ${poolUnits}`);
    assert.ok(cbm.compareAmounts(project(Number(poolUnits) + 1), blockReward) < 0);
    assert.ok(Number(poolUnits) >= pool);
  }
  assert.throws(() => cbm.calibratePool({ now: 86400, purchases: [{ at: 0, units: 1 }], blockReward: '100' }), {
    field: 'blockReward',
    problem: { kind: 'above-max', max: '8', got: '100' },
  });
});
