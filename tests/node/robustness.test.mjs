// Inputs a review found slipping past the checks (holes in arrays, lone surrogates, a Date
// where seconds go, absurd sizes and slice lengths, a handle used after its end): each is now
// a CbmError naming its field, and the module stays as it was.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { load } from '../../web/lib/node.js';

const cbm = await load();
const good = { horizon: 100, activations: [{ id: 'a', owner: 'o', units: 1, requestedAt: 0 }] };
const refused = (call, field, message = /./) =>
  assert.throws(call, (e) => e.name === 'CbmError' && e.field === field && message.test(e.message));

test('holes in arrays are refused in JS, before they can reach the WASM glue', () => {
  const before = cbm.memoryBytes();
  for (let i = 0; i < 20000; i++) {
    refused(() => cbm.streak({ checkins: [, '2024-01-01'], on: '2024-01-01' }), 'checkins[0]', /must be a date/);
    refused(
      () => cbm.supplyControl({ thresholds: [, { energy: 0, releasedFraction: 0 }], series: [] }),
      'thresholds[0]',
      /takes an object/,
    );
    refused(() => cbm.pointsProjection({ from: '2026-11-23', days: 2, checkins: [, '2026-11-22'] }), 'checkins[0]');
    refused(
      () => cbm.pointsReward({ elapsedSeconds: 1, weight: 1, rules: { checkinTiers: [, { min: 0, weight: 1 }] } }),
      'rules.checkinTiers[0]',
    );
  }
  assert.equal(cbm.memoryBytes(), before);
  assert.deepEqual(cbm.streak({ checkins: ['2024-01-01'], on: '2024-01-01' }), { days: 1, checkedInOnDay: true });
});

test('an absurd number of activations is refused before the heap grows', () => {
  const before = cbm.memoryBytes();
  refused(() => cbm.simulatePool({ horizon: 10, activations: new Array(2 ** 32 - 1) }), 'activations', /at most 20000000/);
  refused(() => cbm.simulatePool({ horizon: 10, activations: new Array(20000001) }), 'activations', /at most 20000000/);
  assert.equal(cbm.memoryBytes(), before);
});

test('lone surrogates cannot make two ids or owners one', () => {
  refused(
    () =>
      cbm.simulatePool({
        horizon: 10,
        activations: [
          { id: 'x\uD800', units: 1, requestedAt: 0 },
          { id: 'x\uD801', units: 1, requestedAt: 0 },
        ],
      }),
    'activations[0].id',
    /well-formed Unicode/,
  );
  refused(() => cbm.simulatePool({ ...good, focusOwner: 'o\uD800' }), 'focusOwner', /well-formed Unicode/);
  const r = cbm.simulatePool({
    horizon: 10,
    focusOwner: 'é',
    activations: [
      { id: '✓', owner: 'é', units: 1, requestedAt: 0 },
      { id: '✗', owner: 'ê', units: 1, requestedAt: 0 },
    ],
  });
  assert.deepEqual(Object.keys(r.owners), ['é', 'ê']);
  assert.equal(r.series.at(-1).focusReward, r.owners['é'].reward);
});

test('a Date is a Unix time, not a number of seconds', () => {
  refused(() => cbm.simulatePool({ ...good, horizon: new Date() }), 'horizon', /number or a decimal string/);
  refused(() => cbm.pointsReward({ elapsedSeconds: new Date(), weight: 1 }), 'elapsedSeconds');
  refused(() => cbm.emission({ from: new Date() }), 'from');
  const account = cbm.startSession({ account: cbm.newAccount(), now: new Date(Date.UTC(2026, 10, 21)), weight: 1 });
  assert.equal(account.session.startedAt, Date.UTC(2026, 10, 21) / 1000);
});

test('slice lengths are whole numbers >= 1, and a finished simulation says so', async () => {
  await assert.rejects(cbm.simulatePoolAsync(good, { sliceEvents: 0 }), { field: 'sliceEvents' });
  await assert.rejects(cbm.simulatePoolAsync(good, { sliceEvents: 0.5 }), { field: 'sliceEvents' });
  const run = cbm.startPoolSimulation(good);
  for (const bad of [NaN, Infinity, -1, 1e30, 'abc', 0.5]) refused(() => run.step(bad), 'maxEvents');
  while (!run.step(1));
  assert.equal(run.result().activations.at(0).reward, '792'); // 99 seconds x 8 WFI
  assert.throws(() => run.result(), { code: 'NOT_ALLOWED', message: /result was taken/ });
  assert.throws(() => run.step(), { code: 'NOT_ALLOWED' });
  run.dispose();
  assert.throws(() => run.step(), { code: 'NOT_ALLOWED', message: /disposed/ });
});

test('a focus owner earning under exponential decay has its rate, long after the last start', () => {
  const r = cbm.simulatePool({
    horizon: 3001,
    sampleEvery: 1000,
    focusOwner: 'o',
    rules: { amortization: 'exponential', halfLife: 1, lifetime: null },
    activations: [{ id: 'a', owner: 'o', units: 1, requestedAt: 0 }],
  });
  assert.deepEqual(
    r.series.map((p) => p.focusRate),
    ['0', '8', '8', '8', '8'],
  );
  assert.equal(r.series.at(-1).poolPower, '0'); // 2^-3000: nothing left to 18 decimals
});

test('account errors name the fields as the API shows them', () => {
  refused(() => cbm.checkAccount({ account: { session: { startedAt: 100, weight: 7 } } }), 'account.session.weight', /at most 5/);
});

test('a host page that adds enumerable properties to Object.prototype does not break the module', () => {
  const expected = {
    apr: cbm.apr({ blockReward: '0.00009804', tokenPrice: '0.17', units: 1000, unitPrice: '0.25' }),
    reward: cbm.pointsReward({ elapsedSeconds: 7200, weight: 1 }),
    weight: cbm.pointsWeight({ streakDays: 30, totalPoints: 1200, invites: 5 }),
    emission: cbm.emissionSchedule({}),
  };
  // What some libraries do: an enumerable method and a plain value on every object.
  Object.prototype.polluted = 'x'; // eslint-disable-line no-extend-native
  Object.prototype.each = function each() {}; // eslint-disable-line no-extend-native
  try {
    assert.deepEqual(cbm.apr({ blockReward: '0.00009804', tokenPrice: '0.17', units: 1000, unitPrice: '0.25' }), expected.apr);
    assert.equal(cbm.pointsReward({ elapsedSeconds: 7200, weight: 1 }), expected.reward);
    assert.deepEqual(cbm.pointsWeight({ streakDays: 30, totalPoints: 1200, invites: 5 }), expected.weight);
    assert.deepEqual(cbm.emissionSchedule({}), expected.emission);
    const account = cbm.startSession({ account: cbm.newAccount({ totalPoints: 10 }), now: 1_800_000_000, weight: 1 });
    assert.equal(cbm.stopSession({ account, now: 1_800_007_200 }).reward, expected.reward);
    assert.throws(() => cbm.apr({ blockReward: '-1', tokenPrice: '0.17', units: 1000, unitPrice: '0.25' }), { code: 'INVALID_INPUT' });
  } finally {
    delete Object.prototype.polluted;
    delete Object.prototype.each;
  }
});

test('caller values are read once: a getter that answers differently each time cannot change a call midway', () => {
  const reads = new Map();
  const counted = (object, name) =>
    new Proxy(object, {
      get(target, key, receiver) {
        if (typeof key === 'string') reads.set(`${name}.${key}`, (reads.get(`${name}.${key}`) ?? 0) + 1);
        return Reflect.get(target, key, receiver);
      },
    });
  const twice = () => [...reads].filter(([, n]) => n > 1).map(([key]) => key);
  const activations = [0, 1, 2].map((i) => counted({ id: `a${i}`, owner: 'o', units: 10, requestedAt: i }, `activations[${i}]`));
  cbm.simulatePool(counted({ horizon: 1000, activations, sampleEvery: 100 }, 'input'));
  assert.deepEqual(twice(), []);
  cbm.projectEarnings(
    counted(
      {
        genesis: '2025-01-01',
        now: '2026-12-02',
        purchases: [counted({ at: '2026-12-02', units: 1000, unitPrice: '0.25' }, 'purchases[0]')],
        pool: counted({ units: 81598347, growthPercentPerMonth: 2 }, 'pool'),
        tokenPrice: '0.17',
        period: 'month',
      },
      'input',
    ),
  );
  assert.deepEqual(twice(), []);
  // A request time that moves each time it is read: the wait is still measured from one reading.
  let reading = 0;
  const moving = {
    id: 'm',
    units: 5,
    get requestedAt() {
      reading += 1;
      return reading === 1 ? 100 : 0;
    },
  };
  const run = cbm.simulatePool({ horizon: 1000, activations: [moving] });
  assert.equal(reading, 1);
  assert.ok(run.activations.wait[0] >= 0);
});

test('an empty array of twenty million requests is refused before the heap grows for it', () => {
  const before = cbm.memoryBytes();
  assert.throws(() => cbm.simulatePool({ horizon: 1000, activations: new Array(20_000_000) }), {
    field: 'activations[0]',
    message: /must be an object/,
  });
  assert.equal(cbm.memoryBytes(), before);
});
