// The real WeFi system (issue 8): the deployed distribution contract's emission and vesting by
// default, the presets with their sources, and referral income (SPEC 1, 7b).
//
// The reference here is the contract itself: its two view functions re-implemented in BigInt
// from the source text of wefico/wefi-contracts, src/WFIDistributor.sol
// (totalUnlockedMiningRewards and totalUnlockedReferralRewards), not from our code.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { load } from '../../web/lib/node.js';

const cbm = await load();

// --- the contract, transcribed -------------------------------------------------------------------
const e18 = 10n ** 18n;
const tokensPerSecond = [8n * e18, 4n * e18, 2n * e18, 1n * e18];
const intervalDurations = [57_471_264n, 57_471_264n, 57_471_264n, 57_471_270n];
const MINING_REWARDS_POOL = 862_068_966n * e18;
const REFERRAL_STAKING_POOL = 127_931_034n * e18;
const REFERRAL_VESTING_DURATION = 730n * 86400n;
const miningRewardsDuration = intervalDurations.reduce((a, b) => a + b);

function totalUnlockedMiningRewards(timeElapsed) {
  let totalReward = 0n;
  let timeLeft = timeElapsed;
  for (let i = 0; i < intervalDurations.length; i++) {
    const intervalTime = intervalDurations[i];
    const rewardRate = tokensPerSecond[i];
    if (timeLeft >= intervalTime) {
      totalReward += rewardRate * intervalTime;
      timeLeft -= intervalTime;
    } else {
      totalReward += rewardRate * timeLeft;
      break;
    }
  }
  return totalReward;
}

function totalUnlockedReferralRewards(elapsedTime) {
  if (elapsedTime > REFERRAL_VESTING_DURATION) elapsedTime = REFERRAL_VESTING_DURATION;
  return (REFERRAL_STAKING_POOL * elapsedTime) / REFERRAL_VESTING_DURATION;
}

/** wei as the API's decimal text: "8000", "2.028333238203957382". */
function wfiText(wei) {
  const whole = wei / e18;
  const fraction = (wei % e18).toString().padStart(18, '0').replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : `${whole}`;
}

// --- tests ---------------------------------------------------------------------------------------

test("the contract's own test figures (test/WFIDistributor.t.sol)", () => {
  const at = (to) => cbm.emission({ to }).emitted;
  assert.equal(at(0), '0');
  assert.equal(at(1000), '8000');
  assert.equal(at(57471264), '459770112');
  assert.equal(at(57471264 + 57471264 / 2), String(459770112 + 114942528));
  assert.equal(at(Number(miningRewardsDuration)), '862068966');
  assert.equal(cbm.emission({}).total, '862068966');
  assert.equal(wfiText(MINING_REWARDS_POOL), '862068966');
  // Vesting: 1 s, a quarter, half and all of 730 days.
  assert.equal(cbm.vesting({ elapsed: 1 }), '2.028333238203957382');
  const d730 = 730 * 86400;
  assert.equal(cbm.vesting({ elapsed: d730 / 4 }), '31982758.5');
  assert.equal(cbm.vesting({ elapsed: d730 / 2 }), '63965517');
  assert.equal(cbm.vesting({ elapsed: d730 }), '127931034');
  assert.equal(cbm.vesting({ elapsed: 2 * d730 }), '127931034');
  assert.equal(cbm.vesting({ elapsed: 10, total: '100', duration: 3 }), '100');
  assert.equal(cbm.vesting({ elapsed: 1, total: 100, duration: 3 }), '33.333333333333333333');
});

test('emission and vesting equal the contract at thousands of times, every stage boundary included', () => {
  let seed = 20261201;
  const random = (n) => {
    seed = (seed * 48271) % 2147483647;
    return seed % n;
  };
  const times = [0, 1, 2];
  let boundary = 0n;
  for (const d of intervalDurations) {
    boundary += d;
    for (const k of [-2n, -1n, 0n, 1n, 2n]) times.push(Number(boundary + k));
  }
  for (const k of [-1, 0, 1]) times.push(730 * 86400 + k);
  for (let i = 0; i < 3000; i++) times.push(random(Number(miningRewardsDuration) + 10_000_000));
  for (let i = 0; i < times.length; i++) {
    const to = times[i];
    const from = Math.min(to, times[(i * 7919) % times.length]);
    const want = totalUnlockedMiningRewards(BigInt(to)) - totalUnlockedMiningRewards(BigInt(from));
    assert.equal(cbm.emission({ from, to }).emitted, wfiText(want), `emission from ${from} to ${to}`);
    assert.equal(cbm.vesting({ elapsed: to }), wfiText(totalUnlockedReferralRewards(BigInt(to))), `vesting at ${to}`);
  }
});

test('simulatePool with default rules emits exactly what the contract unlocks', () => {
  const horizon = Number(intervalDurations[0]) + 12345; // past the first halving
  const r = cbm.simulatePool({
    horizon,
    sampleEvery: 86400,
    activations: [
      { id: 'a', units: 1000, requestedAt: 0 },
      { id: 'b', units: 81598347, requestedAt: 10 },
    ],
  });
  assert.equal(r.emitted, wfiText(totalUnlockedMiningRewards(BigInt(horizon))));
  const whole = cbm.simulatePool({ horizon: Number(miningRewardsDuration) + 100, activations: [{ id: 'a', units: 5, requestedAt: 0 }] });
  assert.equal(whole.emitted, '862068966');
  assert.equal(whole.unallocated, '8'); // second 0: the request is served then, and mines from 1
  assert.equal(whole.activations.at(0).reward, '862068958');
});

test('presets: each with its source, and what it implies', () => {
  const presets = cbm.presets();
  assert.deepEqual(Object.keys(presets), ['contract', 'whitepaper', 'stages729']);
  for (const { label, source, rules, note } of Object.values(presets)) {
    assert.ok(label && source && note && rules, label);
  }
  assert.match(presets.contract.source, /wefico\/wefi-contracts, src\/WFIDistributor\.sol/);
  assert.match(presets.whitepaper.source, /whitepaper/);
  assert.deepEqual(presets.contract.rules.schedule, cbm.defaults().pool.schedule);
  const stages = (key) => cbm.emission({ rules: presets[key].rules }).stages.map((s) => s.emitted);
  assert.deepEqual(stages('contract'), ['459770112', '229885056', '114942528', '57471270']);
  assert.deepEqual(stages('whitepaper'), ['504576000', '252288000', '126144000', '63072000']);
  assert.deepEqual(stages('stages729'), ['503884800', '251942400', '125971200', '62985600']);
  assert.equal(cbm.emission({ rules: presets.whitepaper.rules }).total, '946080000');
  // The first halving: 665.18 days in the contract, 730 in the whitepaper.
  assert.equal(cbm.emission({ rules: presets.contract.rules }).nextHalvingAt, 57471264);
  assert.equal(cbm.emission({ rules: presets.whitepaper.rules }).nextHalvingAt, 63072000);
});

test('both schedule forms in every call that takes rules, and their errors', () => {
  const schedule = [
    { rate: '3', duration: 10 },
    { rate: 0, duration: 5 },
    { rate: '1.5', duration: 4 },
  ];
  assert.equal(cbm.emission({ rules: { schedule } }).total, '36');
  assert.deepEqual(
    cbm.emissionSchedule({ rules: { schedule } }).map((p) => [p.from, p.to, p.rate]),
    [
      [0, 10, '3'],
      [10, 15, '0'],
      [15, 19, '1.5'],
    ],
  );
  const r = cbm.simulatePool({ horizon: 30, rules: { schedule }, activations: [{ id: 'a', units: 1, requestedAt: 0 }] });
  assert.deepEqual([r.emitted, r.unallocated, r.activations.at(0).reward], ['36', '3', '33']);
  const throwsField = (rules, field, message) =>
    assert.throws(
      () => cbm.emission({ rules }),
      (e) => e.code === 'INVALID_INPUT' && e.field === field && message.test(e.message),
    );
  throwsField({ schedule: [{ rate: 8, duration: 0 }] }, 'rules.schedule[0].duration', /whole number from 1/);
  throwsField(
    {
      schedule: [
        { rate: 8, duration: 10 },
        { rate: 8, duration: -3 },
      ],
    },
    'rules.schedule[1].duration',
    /whole number from 1/,
  );
  throwsField({ schedule: [{ rate: -1, duration: 10 }] }, 'rules.schedule[0].rate', /must not be negative/);
  throwsField({ schedule: [] }, 'rules.schedule', /at least one stage/);
  throwsField({ schedule: [{ rate: 8, duration: 10 }], halvingPeriod: 5 }, 'rules.schedule', /either a schedule or the halving form/);
  throwsField({ schedule: [{ rate: 8 }] }, 'rules.schedule[0].duration', /is required/);
  throwsField({ schedule: [{ rate: 8, duration: 10, extra: 1 }] }, 'rules.schedule[0].extra', /is not a field of a stage/);
});

test('referral income through the API: thresholds, weekly payouts, the one-year lock', () => {
  const week = 604800;
  const day = 86400;
  // Two lines in a pool, followed by simulatePool; the holder's $300 unlocks line 1 only.
  const sim = cbm.simulatePool({
    horizon: 3 * week,
    sampleEvery: day,
    focusOwner: 'you',
    trackOwners: ['line-1', 'line-2'],
    activations: [
      { id: 'you-0', owner: 'you', units: 1200, requestedAt: 0 },
      { id: 'l1', owner: 'line-1', units: 1000, requestedAt: 0 },
      { id: 'l2', owner: 'line-2', units: 3000, requestedAt: 0 },
    ],
  });
  const t = sim.series.map((s) => s.t);
  const lines = ['line-1', 'line-2'].map((owner) => ({ mined: sim.tracked[owner].reward, rate: sim.tracked[owner].rate }));
  const purchases = [{ at: sim.activations.at(0).activatedAt, units: 1200, unitPrice: '0.25' }];
  const r = cbm.referralIncome({ t, lines, purchases });
  assert.deepEqual(
    r.lines.map((l) => [l.share, l.thresholdUsd, l.unlockedAt]),
    [
      ['0.03', '250', 0],
      ['0.05', '500', null],
      ['0.08', '1000', null],
    ],
  );
  assert.equal(r.payouts.length, 3);
  // Each payout is 3% of what line 1 mined in that week, truncated to the wei (checked in
  // BigInt from the tracked series).
  const wei = (text) => {
    const [whole, fraction = ''] = text.split('.');
    return BigInt(whole) * e18 + BigInt(fraction.padEnd(18, '0'));
  };
  const mined = sim.tracked['line-1'].reward.map(wei);
  let paid = 0n;
  r.payouts.forEach((p, k) => {
    assert.equal(p.at, (k + 1) * week);
    assert.equal(p.unlocksAt, (k + 1) * week + 31536000);
    const want = ((mined[(k + 1) * 7] - mined[k * 7]) * 3n) / 100n;
    assert.equal(p.lines[0], wfiText(want));
    assert.equal(p.lines[1], '0');
    assert.equal(p.amount, wfiText(want));
    paid += want;
  });
  assert.equal(r.total, wfiText(paid));
  assert.equal(r.series.paid.at(-1), r.total);
  assert.equal(r.series.locked.at(-1), r.total);
  assert.equal(r.series.unlocked.at(-1), '0');
  // Referral income accrues at 3% of line 1's per-second reward, and the APR says so.
  const rate = r.series.rate[7];
  assert.equal(rate, wfiText((wei(sim.tracked['line-1'].rate[7]) * 3n) / 100n));
  const apr = cbm.apr({ blockReward: sim.series[7].focusRate, referralReward: rate, tokenPrice: 0.17, units: 1200, unitPrice: 0.25 });
  assert.ok(Number(apr.withReferralsPercent) > Number(apr.aprPercent));
  assert.throws(() => cbm.referralIncome({ t: [0, 10], lines: [{ mined: ['0'], rate: ['0', '0'] }] }), { field: 'lines[0]' });
  assert.throws(() => cbm.referralIncome({ t, lines, rules: { lines: [{ share: 2, thresholdUsd: 0 }] } }), {
    field: 'rules.lines[0].share',
  });
});
