// simulatePool through the JS API (SPEC 2-4, 8): golden cases, an exact brute force, the queue,
// verification and bad input. The brute force here walks every second with exact rational
// arithmetic on BigInt (none and linear amortization: every share is rational), so rewards are
// checked against the exact value, not a rounded one.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { CbmError, load } from '../../web/lib/node.js';

const cbm = await load();
const WEI = 10n ** 18n;

const wei = (amount) => {
  const [whole, fraction = ''] = amount.split('.');
  return BigInt(whole) * WEI + BigInt(fraction.padEnd(18, '0'));
};

// --- an exact per-second brute force, written from the SPEC --------------------------------------

const gcd = (a, b) => {
  while (b) [a, b] = [b, a % b];
  return a < 0n ? -a : a;
};
const add = ([n1, d1], [n2, d2]) => {
  const n = n1 * d2 + n2 * d1,
    d = d1 * d2,
    g = gcd(n, d) || 1n;
  return [n / g, d / g];
};

function bruteForce({ horizon, activations, rules }) {
  const base = wei(String(rules.baseRate ?? '8'));
  const period = rules.halvingPeriod,
    stages = rules.stages ?? 4,
    lifetime = rules.lifetime;
  const cap = rules.supplyCap === undefined ? null : wei(String(rules.supplyCap));
  const perSecond = rules.activationsPerSecond ?? 1;
  // The queue: FIFO by requestedAt, ties in input order, perSecond a second.
  const order = activations.map((a, i) => i).sort((i, j) => activations[i].requestedAt - activations[j].requestedAt || i - j);
  const activatedAt = activations.map(() => null);
  for (let a = 0, next = 0; a < horizon && next < order.length; a++) {
    for (let k = 0; k < perSecond && next < order.length && activations[order[next]].requestedAt <= a; k++) activatedAt[order[next++]] = a;
  }
  const rewards = activations.map(() => [0n, 1n]);
  let emitted = 0n,
    unallocated = 0n;
  for (let s = 0; s < horizon; s++) {
    const stage = Math.floor(s / period);
    let rate = stage < stages ? base / 2n ** BigInt(stage) : 0n;
    if (cap !== null && emitted + rate > cap) rate = cap - emitted;
    emitted += rate;
    // Effective power in whole numbers: units x (lifetime - age) for linear, units for none.
    const power = activations.map((a, i) => {
      if (activatedAt[i] === null || activatedAt[i] + 1 > s) return 0n;
      const age = s - (activatedAt[i] + 1);
      if (lifetime !== null && age >= lifetime) return 0n;
      return BigInt(a.units) * (rules.amortization === 'none' ? 1n : BigInt(lifetime - age));
    });
    const total = power.reduce((x, y) => x + y, 0n);
    if (total === 0n) {
      unallocated += rate;
      continue;
    }
    power.forEach((p, i) => {
      if (p > 0n) rewards[i] = add(rewards[i], [rate * p, total]);
    });
  }
  return { activatedAt, rewards, emitted, unallocated };
}

function randomScenario(seed) {
  let state = seed;
  const random = (lo, hi) => lo + ((state = (state * 48271) % 2147483647) % (hi - lo + 1));
  const amortization = random(0, 1) ? 'linear' : 'none';
  const rules = {
    amortization,
    halvingPeriod: random(5, 120),
    stages: random(1, 4),
    lifetime: amortization === 'linear' || random(0, 1) ? random(3, 150) : null,
    activationsPerSecond: random(1, 2),
    baseRate: ['8', '0.000000000000000007', '3.333333333333333333'][random(0, 2)],
  };
  if (random(0, 3) === 0) rules.supplyCap = '20.5';
  const horizon = random(20, 240);
  const burst = random(0, horizon);
  const activations = Array.from({ length: random(1, 6) }, (_, i) => ({
    id: `r${i}`,
    owner: `o${random(0, 2)}`,
    units: random(1, 3) * 10 ** random(0, 6),
    requestedAt: random(0, 2) ? burst : random(0, horizon),
  }));
  return { horizon, activations, rules };
}

test('random small pools: every reward is the exact per-second sum, truncated', () => {
  let exactTruncations = 0,
    rewards = 0;
  for (let seed = 1; seed <= 60; seed++) {
    const scenario = randomScenario(seed * 7919);
    const got = cbm.simulatePool({ ...scenario, focusOwner: 'o0' });
    const want = bruteForce(scenario);
    const context = JSON.stringify(scenario);
    assert.equal(wei(got.emitted), want.emitted, context);
    assert.equal(wei(got.unallocated), want.unallocated, context);
    assert.equal(wei(got.distributed) + wei(got.unallocated), wei(got.emitted));
    let sum = 0n;
    got.activations.forEach((a, i) => {
      assert.equal(a.activatedAt, want.activatedAt[i], context);
      const [n, d] = want.rewards[i];
      const engine = wei(a.reward);
      // |engine - exact| < 1 wei: the truncation, or a whole wei taken from a hair below it.
      assert.ok((engine - 1n) * d < n && n < (engine + 1n) * d, `${context}: reward ${i} ${a.reward} vs ${n}/${d}`);
      exactTruncations += engine === n / d ? 1 : 0;
      rewards += 1;
      sum += engine;
    });
    assert.equal(sum + wei(got.dust), wei(got.distributed));
    assert.ok(wei(got.dust) >= 0n && wei(got.dust) <= BigInt(got.activations.length));
    const owners = Object.values(got.owners).reduce((total, o) => total + wei(o.reward), 0n);
    assert.equal(owners, sum);
  }
  assert.ok(exactTruncations >= rewards * 0.97, `${exactTruncations} of ${rewards} exactly truncated`);
});

test('a lone activation earns everything after its mining start', () => {
  const r = cbm.simulatePool({
    horizon: 100,
    sampleEvery: 10,
    focusOwner: 'alice',
    rules: { halvingPeriod: 50 },
    activations: [{ id: 'first', owner: 'alice', units: 1000, requestedAt: 9 }],
  });
  assert.deepEqual(
    [...r.activations],
    [{ id: 'first', index: 0, owner: 'alice', activatedAt: 9, miningStart: 10, wait: 0, reward: '520' }],
  );
  assert.deepEqual({ ...r.owners }, { alice: { reward: '520' } });
  assert.deepEqual([r.emitted, r.distributed, r.unallocated, r.dust], ['600', '520', '80', '0']);
  assert.equal(r.series.length, 11);
  assert.deepEqual(r.series[1], {
    t: 10,
    rate: '8',
    emitted: '80',
    poolPower: '1000',
    activeUnits: '1000',
    focusReward: '0',
    focusRate: '8',
  });
  assert.deepEqual(r.series.at(-1).focusReward, '520');
  assert.deepEqual(r.series[5].rate, '4'); // t = 50: the first halving
});

test('the queue: one a second, first in first out, ties in input order, the wait', () => {
  const r = cbm.simulatePool({
    horizon: 20,
    activations: [
      { id: 'a', units: 1, requestedAt: 5 },
      { id: 'b', units: 2, requestedAt: 3 },
      { id: 'c', units: 3, requestedAt: 5 },
      { id: 'd', units: 4, requestedAt: 3 },
      { id: 'e', units: 5, requestedAt: 19 },
      { id: 'f', units: 6, requestedAt: 25 },
    ],
  });
  const at = Object.fromEntries(r.activations.map((a) => [a.id, [a.activatedAt, a.wait]]));
  assert.deepEqual(at, { a: [5, 0], b: [3, 0], c: [6, 1], d: [4, 1], e: [19, 0], f: [null, null] });
  const two = cbm.simulatePool({
    horizon: 20,
    rules: { activationsPerSecond: 2 },
    activations: 'abcde'.split('').map((id) => ({ id, units: 1, requestedAt: 0 })),
  });
  assert.deepEqual(
    two.activations.map((a) => a.activatedAt),
    [0, 0, 1, 1, 2],
  );
});

test('verification: bad requests are rejected with their reason, the rest runs', () => {
  const r = cbm.simulatePool({
    horizon: 1000,
    activations: [
      { id: 'ok', units: 10, requestedAt: 0 },
      { id: '', units: 10, requestedAt: 0 },
      { id: 'ok', units: 10, requestedAt: 0 },
      { id: 'neg', units: -5, requestedAt: 0 },
      { id: 'half', units: '2.5', requestedAt: 0 },
      { id: 'nan', units: NaN, requestedAt: 0 },
      { id: 'late', units: 1, requestedAt: -1 },
      { id: 'text', units: '7', requestedAt: '3' },
      { id: 'big', units: 10n ** 13n, requestedAt: 0 },
      { id: 'zéro ✓', units: 1e12, requestedAt: 2 },
    ],
  });
  assert.deepEqual(r.rejected, [
    { id: '', index: 1, reason: 'activations[1].id: must not be empty' },
    { id: 'ok', index: 2, reason: 'activations[2].id: duplicates the id of activations[0]: "ok"' },
    { id: 'neg', index: 3, reason: 'activations[3].units: must be a whole number from 1 to 1000000000000, got "-5"' },
    { id: 'half', index: 4, reason: 'activations[4].units: must be a whole number from 1 to 1000000000000, got "2.5"' },
    { id: 'nan', index: 5, reason: 'activations[5].units: must be a whole number from 1 to 1000000000000, got "NaN"' },
    { id: 'late', index: 6, reason: 'activations[6].requestedAt: must be a whole number from 0 to 9007199254740991, got "-1"' },
    { id: 'big', index: 8, reason: 'activations[8].units: must be a whole number from 1 to 1000000000000, got "10000000000000"' },
  ]);
  assert.deepEqual(
    r.activations.map((a) => [a.id, a.activatedAt]),
    [
      ['ok', 0],
      ['text', 3],
      ['zéro ✓', 2],
    ],
  );
});

test('owners are a table without a prototype, and the focus owner drives the series', () => {
  const r = cbm.simulatePool({
    horizon: 10,
    sampleEvery: 5,
    focusOwner: '__proto__',
    activations: [
      { id: 'x', owner: '__proto__', units: 1, requestedAt: 0 },
      { id: 'y', owner: 'constructor', units: 3, requestedAt: 0 },
    ],
  });
  assert.equal(Object.getPrototypeOf(r.owners), null);
  assert.deepEqual(Object.keys(r.owners), ['__proto__', 'constructor']);
  assert.equal(r.series.at(-1).focusReward, r.owners.__proto__.reward);
  assert.equal(JSON.parse(JSON.stringify(r)).owners.constructor.reward, r.owners.constructor.reward);
});

test('a malformed scenario throws an Error naming the field', () => {
  const bad = (scenario, field, message) =>
    assert.throws(
      () => cbm.simulatePool(scenario),
      (e) => e instanceof CbmError && e.field === field && message.test(e.message),
    );
  bad({ activations: [] }, 'horizon', /is required/);
  bad({ horizon: 1e10, activations: [] }, 'horizon', /from 1 to 3153600000/);
  bad({ horizon: 100 * 31536000 + 1 }, 'horizon', /from 1 to 3153600000/);
  bad({ horizon: 10, activations: {} }, 'activations', /must be an array/);
  bad({ horizon: 10, activations: [5] }, 'activations[0]', /must be an object/);
  bad({ horizon: 10, activations: [{ id: 'a', units: 1, requestedAt: 0, color: 'red' }] }, 'activations[0].color', /is not a field/);
  bad({ horizon: 10, activations: [{ units: 1, requestedAt: 0 }] }, 'activations[0].id', /is required/);
  bad({ horizon: 10, activations: [{ id: 'a', requestedAt: 0 }] }, 'activations[0].units', /is required/);
  bad({ horizon: 10, activations: [{ id: 'a', units: true, requestedAt: 0 }] }, 'activations[0].units', /got true/);
  bad({ horizon: 10, activations: [{ id: {}, units: 1, requestedAt: 0 }] }, 'activations[0].id', /must be a string/);
  bad({ horizon: 10, activations: [], rules: { lifetime: 0 } }, 'rules.lifetime', /from 1 to/);
  bad({ horizon: 10, activations: [], rules: { speed: 1 } }, 'rules.speed', /is not a rule/);
  bad({ horizon: 1e6, sampleEvery: 1, activations: [] }, 'sampleEvery', /more than 100000/);
  bad({ horizon: 10, activations: [], extra: 1 }, 'extra', /is not a field of simulatePool/);
  // The module is fine afterwards.
  assert.equal(cbm.simulatePool({ horizon: 10, activations: [{ id: 'a', units: 1, requestedAt: 0 }] }).activations.at(0).reward, '72');
});

test('a long simulation reports progress and can be cancelled', async () => {
  const activations = Array.from({ length: 50000 }, (_, i) => ({ id: `a${i}`, units: 1 + (i % 7), requestedAt: i * 3 }));
  const seen = [];
  const done = await cbm.simulatePoolAsync({ horizon: 31536000, activations }, { onProgress: (p) => seen.push(p), sliceEvents: 5000 });
  assert.ok(seen.length > 5, `${seen.length} progress reports`);
  assert.ok(seen.every((p, i) => p >= 0 && p <= 1 && (i === 0 || p >= seen[i - 1])));
  assert.equal(seen.at(-1), 1);
  assert.equal(done.activations.length, 50000);
  const stop = new AbortController();
  const cancelled = cbm.simulatePoolAsync(
    { horizon: 31536000, activations },
    { signal: stop.signal, sliceEvents: 1000, onProgress: (p) => p > 0.2 && stop.abort() },
  );
  await assert.rejects(cancelled, { name: 'CbmError', code: 'CANCELLED' });
  // A signal aborted before the call: cancelled at once, with no progress and no result.
  const reports = [];
  await assert.rejects(
    cbm.simulatePoolAsync({ horizon: 31536000, activations }, { signal: AbortSignal.abort(), onProgress: (p) => reports.push(p) }),
    { code: 'CANCELLED' },
  );
  assert.deepEqual(reports, []);
  // A cancelled run frees its memory; the next run gives the same answer as before.
  assert.deepEqual(cbm.simulatePool({ horizon: 31536000, activations }).dust, done.dust);
});

// --- the columnar form ---------------------------------------------------------------------------

test('requests as columns give what the same requests as rows give; rows come from the result columns', () => {
  const rows = [
    { id: 'a', owner: 'alice', units: 3, requestedAt: 0 },
    { id: 'b', owner: 'bob', units: '2', requestedAt: 0 },
    { id: 'a', owner: 'carol', units: 1, requestedAt: 5 }, // a duplicate id: rejected
    { id: 'c', owner: 'alice', units: 1, requestedAt: 7 },
    { id: 'late', owner: 'dan', units: 9, requestedAt: 500 }, // still queued at the horizon
  ];
  const input = { horizon: 100, sampleEvery: 10, rules: { amortization: 'none', lifetime: 'none' }, focusOwner: 'alice' };
  const byRows = cbm.simulatePool({ ...input, activations: rows });
  const columns = {
    id: rows.map((r) => r.id),
    owner: rows.map((r) => r.owner),
    units: rows.map((r) => r.units), // a number[] with a decimal string in it
    requestedAt: Float64Array.from(rows, (r) => r.requestedAt),
  };
  const byColumns = cbm.simulatePool({ ...input, activations: columns });
  assert.deepEqual([...byColumns.activations], [...byRows.activations]);
  assert.deepEqual(byColumns.rejected, byRows.rejected);
  assert.deepEqual({ ...byColumns.owners }, { ...byRows.owners });
  assert.deepEqual(byColumns.series, byRows.series);

  const a = byColumns.activations;
  assert.equal(a.length, 4);
  assert.deepEqual(a.at(0), { id: 'a', index: 0, owner: 'alice', activatedAt: 0, miningStart: 1, wait: 0, reward: a.reward[0] });
  assert.deepEqual(a.at(-1), { id: 'late', index: 4, owner: 'dan', activatedAt: null, miningStart: null, wait: null, reward: '0' });
  assert.equal(a.at(4), undefined);
  assert.deepEqual([...a.index], [0, 1, 3, 4]);
  assert.deepEqual(a.id, ['a', 'b', 'c', 'late']);
  assert.ok(a.activatedAt instanceof Float64Array);
  assert.deepEqual([...a.activatedAt], [0, 1, 7, NaN]); // one served a second
  assert.deepEqual([...a.miningStart], [1, 2, 8, NaN]);
  assert.deepEqual([...a.wait], [0, 1, 0, NaN]);
  assert.deepEqual(JSON.parse(JSON.stringify(byColumns)).activations, JSON.parse(JSON.stringify([...a])));
  // The rewards add up: alice mined second 1 alone, then shared with bob (3 : 2), then with c.
  assert.equal(a.map((row) => row.owner).join(), 'alice,bob,alice,dan');
  assert.deepEqual(byColumns.ownerColumns.owner, ['alice', 'bob', 'dan']);
  assert.deepEqual([...byColumns.ownerColumns.activations], [2, 1, 1]);
  assert.deepEqual(byColumns.ownerColumns.units, ['4', '2', '9']);
  assert.deepEqual(
    byColumns.ownerColumns.reward,
    ['alice', 'bob', 'dan'].map((o) => byColumns.owners[o].reward),
  );
  assert.deepEqual(byColumns.queue, { served: 3, maxWait: 1, meanWait: 1 / 3, lastActivatedAt: 7 });
  assert.equal(byColumns.seriesColumns.t.length, byColumns.series.length);
  assert.equal(byColumns.seriesColumns.rate[0], Number(byColumns.series[0].rate));
  assert.equal(byColumns.seriesColumns.focusReward.at(-1), Number(byColumns.series.at(-1).focusReward));
});

test('columns: the owner defaults to the id; shapes are checked, values by the core', () => {
  const r = cbm.simulatePool({ horizon: 10, activations: { id: ['x', 'y'], units: new Float64Array([1, 3]), requestedAt: [0, 0] } });
  assert.deepEqual(Object.keys(r.owners), ['x', 'y']);
  assert.deepEqual(r.activations.owner, ['x', 'y']);
  const bad = (activations, field, message) =>
    assert.throws(
      () => cbm.simulatePool({ horizon: 10, activations }),
      (e) => e instanceof CbmError && e.field === field && message.test(e.message),
    );
  bad({ id: ['x'], units: [1, 2], requestedAt: [0] }, 'activations.units', /has 2 entries, activations.id has 1/);
  bad({ id: ['x'], units: [1], requestedAt: [0], colour: [] }, 'activations.colour', /is not a column/);
  bad({ id: ['x'], units: 1, requestedAt: [0] }, 'activations.units', /must be an array/);
  bad({ id: ['x'], requestedAt: [0] }, 'activations.units', /is required/);
  bad({ id: [{}], units: [1], requestedAt: [0] }, 'activations[0].id', /must be a string/);
  bad({ id: ['x'], units: [true], requestedAt: [0] }, 'activations[0].units', /got true/);
  // Values the core refuses reject their request, as in rows.
  const refused = cbm.simulatePool({
    horizon: 10,
    activations: { id: ['x', 'y', 'z'], units: new Float64Array([1, NaN, 0.5]), requestedAt: ['0', 0, 0] },
  });
  assert.deepEqual(
    refused.rejected.map((x) => x.reason.split(':')[0]),
    ['activations[1].units', 'activations[2].units'],
  );
  assert.equal(refused.activations.length, 1);
  // BigInt columns are read as the whole numbers they are.
  const big = cbm.simulatePool({
    horizon: 10,
    activations: { id: ['x'], units: new BigInt64Array([3n]), requestedAt: new BigUint64Array([0n]) },
  });
  assert.equal(big.activations.at(0).reward, '72'); // alone: 9 seconds x 8 WFI
});
