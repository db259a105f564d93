// The calculators through the JS API (SPEC 5, 7, 8): the same golden values as the doctest suite,
// from the seeds and from 80-digit decimal arithmetic.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { CbmError, load } from '../../web/lib/node.js';

const cbm = await load();

test('version and defaults', () => {
  assert.equal(cbm.version, '0.1.0');
  const d = cbm.defaults();
  // SPEC 1: the deployed contract's schedule (wefico/wefi-contracts, src/WFIDistributor.sol).
  assert.deepEqual(d.pool.schedule, [
    { rate: '8', duration: 57471264 },
    { rate: '4', duration: 57471264 },
    { rate: '2', duration: 57471264 },
    { rate: '1', duration: 57471270 },
  ]);
  assert.equal(d.pool.supplyCap, null);
  assert.equal(d.pool.amortization, 'linear');
  assert.equal(d.pool.lifetime, 252288000);
  assert.equal(d.points.decayRate, '0.0001');
  assert.deepEqual(d.points.checkinTiers[0], { min: '30', weight: '1' });
  assert.equal(d.secondsPerYear, 31536000);
  d.pool.schedule.length = 1; // a fresh copy each call
  assert.equal(cbm.defaults().pool.schedule.length, 4);
  // The defaults passed back as rules change nothing.
  assert.deepEqual(cbm.emission({ rules: cbm.defaults().pool }), cbm.emission());
  assert.equal(cbm.pointsReward({ elapsedSeconds: 7200, weight: 1, rules: cbm.defaults().points }), '51.324774404002834994');
});

test("seed 003's APR example, every field exact", () => {
  assert.deepEqual(cbm.apr({ blockReward: 0.00009804, tokenPrice: 0.17, units: 1000, unitPrice: 0.25 }), {
    aprPercent: '210.24168192',
    yearlyReward: '3091.78944',
    yearlyRewardUsd: '525.6042048',
    contributionUsd: '250',
    netGainPercent: '110.24168192',
    netGainUsd: '275.6042048',
  });
  const at170 = cbm.apr({ blockReward: '0.00009804', tokenPrice: '1.70', units: '1000', unitPrice: '0.25' });
  assert.equal(at170.aprPercent, '2102.4168192');
  assert.equal(at170.yearlyRewardUsd, '5256.042048');
});

test('numbers mean their shortest decimal, not the nearest binary double', () => {
  // 0.1 + 0.2 style errors would show up in the 17th digit of these.
  assert.equal(cbm.apr({ blockReward: 0.1, tokenPrice: 0.2, units: 0.3, unitPrice: 0.7 }).aprPercent, '300342857.142857142857142857');
  assert.equal(cbm.apr({ blockReward: 1e-7, tokenPrice: 3n, units: 1, unitPrice: 1 }).yearlyReward, '3.1536');
});

test('block reward and implied pool (SPEC 5)', () => {
  assert.equal(cbm.impliedPoolPower({ units: 1000, blockReward: 0.00009804 }), '81599347.20522235822113423');
  assert.equal(cbm.blockReward({ units: 1000, poolPower: 80000000 }), '0.0001');
  assert.equal(cbm.blockReward({ units: 1000, poolPower: 80000000, rate: 4 }), '0.00005');
});

test("emission totals, halvings and the cap (SPEC 1), in the whitepaper's halving form", () => {
  // Every field of the halving form that is not given takes the whitepaper's value.
  const emission = ({ rules, ...input } = {}) => cbm.emission({ ...input, rules: { halvingPeriod: 63072000, ...rules } });
  assert.deepEqual(emission(), cbm.emission({ rules: cbm.presets().whitepaper.rules }));
  assert.equal(emission({ from: 0, to: 63072000 }).emitted, '504576000');
  const all = emission();
  assert.equal(all.emitted, '946080000');
  assert.equal(all.total, '946080000');
  assert.equal(all.endsAt, 252288000);
  const before = emission({ from: 63071999, to: 63072000 });
  assert.deepEqual([before.emitted, before.rate, before.stage, before.nextHalvingAt], ['8', '8', 1, 63072000]);
  const after = emission({ from: 63072000, to: 63072001 });
  assert.deepEqual([after.emitted, after.rate, after.stage, after.nextHalvingAt], ['4', '4', 2, 126144000]);
  const last = emission({ from: 3 * 63072000 });
  assert.deepEqual([last.stage, last.nextHalvingAt, last.emitted], [4, null, '63072000']);
  const ended = emission({ from: 252288000 });
  assert.deepEqual([ended.stage, ended.rate, ended.emitted], [0, '0', '0']);
  const capped = emission({ rules: { supplyCap: '20.5' } });
  assert.deepEqual([capped.emitted, capped.endsAt], ['20.5', 3]);
  assert.equal(emission({ from: 2, to: 3, rules: { supplyCap: 20.5 } }).emitted, '4.5');
  const presets = emission({ rules: { halvingPeriod: 62985600, supplyCap: '862068966' } });
  assert.equal(presets.total, '862068966');
  assert.equal(emission({ to: 62985600, rules: { halvingPeriod: 62985600 } }).emitted, '503884800');
  assert.equal(emission({ rules: { supplyCap: null } }).total, '946080000');
});

test('points rewards to 18 decimals (SPEC 7), never the seed table', () => {
  const reward = (elapsedSeconds, weight) => cbm.pointsReward({ elapsedSeconds, weight });
  assert.equal(reward(7200, 1), '51.324774404002834994');
  assert.equal(reward(28800, 1), '94.386523716586627852');
  assert.equal(reward(86400, 1), '99.982311309775743331');
  assert.equal(reward(90000, 1), '99.982311309775743331');
  assert.equal(reward(7200, 0.1), '5.132477440400283499');
  assert.equal(reward(86400, 1.8), '179.968160357596337996');
  assert.equal(reward(86400, 5), '499.911556548878716657');
  assert.equal(reward('7200', '5'), '256.623872020014174971');
  assert.notEqual(reward(7200, 1), '10');
});

test('weight tiers at every boundary and the 5.0 cap', () => {
  const w = (streakDays, totalPoints, invites, extra = {}) => cbm.pointsWeight({ streakDays, totalPoints, invites, ...extra });
  const checkin = [
    [6, '0.1'],
    [7, '0.5'],
    [14, '0.5'],
    [15, '0.8'],
    [29, '0.8'],
    [30, '1'],
  ];
  for (const [days, weight] of checkin) assert.equal(w(days, 0, 0).checkin, weight, `streak ${days}`);
  const points = [
    ['999.99', '0'],
    [1000, '0.3'],
    ['2999.99', '0.3'],
    [3000, '0.5'],
    ['4999.99', '0.5'],
    [5000, '1'],
  ];
  for (const [total, weight] of points) assert.equal(w(0, total, 0).points, weight, `points ${total}`);
  const invites = [
    [4, '0'],
    [5, '0.2'],
    [9, '0.2'],
    [10, '0.5'],
    [29, '0.5'],
    [30, '1'],
  ];
  for (const [n, weight] of invites) assert.equal(w(0, 0, n).invites, weight, `invites ${n}`);
  assert.deepEqual(w(30, 5000, 30), { weight: '3', checkin: '1', points: '1', invites: '1', vip: '0', extra: '0' });
  assert.equal(w(30, 5000, 30, { vip: 1.5, extra: 0.5 }).weight, '5');
  assert.equal(w(30, 5000, 30, { vip: 2, extra: 1 }).weight, '5');
  assert.equal(w(30, 5000, 30, { vip: 1, rules: { weightCap: 10 } }).weight, '4');
});

test('streaks from check-in dates', () => {
  const checkins = ['2026-11-19', '2026-11-20', new Date(Date.UTC(2026, 10, 21, 23, 59))];
  assert.deepEqual(cbm.streak({ checkins, on: '2026-11-21' }), { days: 3, checkedInOnDay: true });
  assert.deepEqual(cbm.streak({ checkins, on: '2026-11-22' }), { days: 3, checkedInOnDay: false });
  assert.deepEqual(cbm.streak({ checkins, on: '2026-11-23' }), { days: 0, checkedInOnDay: false });
  assert.equal(typeof cbm.streak({ checkins: [] }).days, 'number'); // `on` defaults to today
});

test('valueEarnings: 10 units at $1 mining 1 WFI a second, valued at $0.5 (worked by hand)', () => {
  const t = Array.from({ length: 41 }, (_, i) => i);
  const v = cbm.valueEarnings({
    t,
    mined: t.map((i) => String(Math.max(0, i - 1))),
    rate: t.map((i) => (i >= 1 ? '1' : '0')),
    purchases: [{ at: 0, units: 10, miningStart: 1 }],
    unitPrice: '1',
    tokenPrice: '0.5',
    today: 0,
    paths: [0, 10],
    rows: true,
  });
  assert.equal(v.contributionUsd, '10');
  assert.equal(v.now, 1);
  assert.equal(v.perDayNow, '86400');
  assert.equal(v.perUnitWfiEnd, '3.9');
  const [flat, growing] = v.paths;
  assert.equal(flat.breakeven, 20); // $10 at $0.5 is 20 WFI: mined before t = 21
  assert.equal(flat.usdEnd, '19.5');
  assert.ok(Number.isNaN(flat.apr[0]));
  assert.equal(Math.round(flat.apr[5]), 157680000); // 1 x 31,536,000 x 0.5 / 10 x 100
  assert.equal(flat.aprWithReferrals, null);
  assert.equal(growing.priceRows[0], '0.5');
  assert.ok(Number(growing.priceRows[40]) > 0.5);
  assert.throws(
    () => cbm.valueEarnings({ t: [0], mined: ['0'], rate: ['0'], purchases: [], unitPrice: '1', tokenPrice: '1', today: 0 }),
    (e) => e instanceof CbmError && e.field === 'purchases',
  );
  assert.throws(
    () =>
      cbm.valueEarnings({
        t: [0],
        mined: ['0'],
        rate: ['0'],
        purchases: [{ at: 0, units: 1, miningStart: 1 }],
        unitPrice: '0',
        tokenPrice: '1',
        today: 0,
      }),
    (e) => e instanceof CbmError && e.field === 'unitPrice',
  );
});
