// 100,000 random and malformed calls through the public API (issue 5). Every call returns a
// valid result or throws a CbmError whose message names the field; never a
// WebAssembly.RuntimeError, an abort, a TypeError, NaN, Infinity or a negative amount; the
// module keeps working, and its memory stops growing after the first 10,000 calls.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { CbmError, load } from '../../web/lib/node.js';

const cbm = await load();
const CALLS = Number(process.env.CBM_FUZZ_CALLS ?? 100000);

let seed = 20261121;
const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
const pick = (list) => list[Math.floor(random() * list.length)];

const values = [
  undefined,
  null,
  true,
  false,
  0,
  -0,
  1,
  -1,
  2.5,
  7,
  30,
  1000,
  86400,
  90000,
  NaN,
  Infinity,
  -Infinity,
  1e300,
  5e-324,
  1e21,
  2 ** 53,
  1e-7,
  0.1,
  '0',
  '1',
  '-5',
  '2.5',
  '1e400',
  '1e-19',
  'abc',
  '',
  ' ',
  '0x10',
  'NaN',
  '123456789012345678901234567890',
  '0.000000000000000001',
  '99999999999999999999.999999999999999999',
  '9'.repeat(500),
  '2026-11-21',
  '2026-02-30',
  10n,
  -3n,
  2n ** 80n,
  {},
  [],
  [1, 2],
  () => 1,
  Symbol('s'),
  new Date(NaN),
  new Date(Date.UTC(2026, 10, 21)),
  Object.create(null),
  { valueOf: () => 5 },
];
const value = () => (random() < 0.3 ? Math.floor(random() * 100000) / pick([1, 7, 1000]) : pick(values));

// The fields of each call, right ones and a wrong one; some values are built to be valid-ish.
const shapes = {
  apr: ['blockReward', 'tokenPrice', 'units', 'unitPrice'],
  blockReward: ['units', 'poolPower', 'rate'],
  impliedPoolPower: ['units', 'blockReward', 'rate'],
  pointsWeight: ['streakDays', 'totalPoints', 'invites', 'vip', 'extra', 'rules'],
  pointsReward: ['elapsedSeconds', 'weight', 'rules'],
  emission: ['from', 'to', 'rules'],
  streak: ['checkins', 'on'],
  newAccount: ['totalPoints'],
  sessionStatus: ['account', 'now', 'rules'],
  startSession: ['account', 'now', 'weight', 'rules'],
  stopSession: ['account', 'now', 'rules'],
  energyPrice: ['burnedUsd', 'basePrice', 'step', 'per'],
  supplyControl: ['thresholds', 'series'],
  pointsProjection: ['checkins', 'from', 'days', 'invites', 'sessionSeconds', 'checkinWeekdays'],
  simulatePool: ['horizon', 'activations', 'sampleEvery', 'focusOwner', 'rules'],
};
const ruleNames = [
  'halvingPeriod',
  'stages',
  'supplyCap',
  'lifetime',
  'amortization',
  'baseRate',
  'weightCap',
  'decayRate',
  'checkinTiers',
  'color',
];

function fieldValue(name) {
  switch (name) {
    case 'rules':
      return random() < 0.5 ? undefined : Object.fromEntries([[pick(ruleNames), value()]]);
    case 'checkins':
      return random() < 0.2 ? value() : Array.from({ length: Math.floor(random() * 4) }, () => pick(['2026-11-20', '2026-11-21', value()]));
    case 'account':
      return random() < 0.3
        ? value()
        : random() < 0.5
          ? cbm.newAccount()
          : { totalPoints: value(), session: random() < 0.5 ? null : { startedAt: value(), weight: value() } };
    case 'thresholds':
      return random() < 0.2 ? value() : [{ energy: value(), releasedFraction: pick([0, 0.5, 1, value()]) }];
    case 'series':
      return random() < 0.2 ? value() : [{ t: value(), energy: value(), mined: value() }];
    case 'activations':
      if (random() < 0.1) return value();
      return Array.from({ length: Math.floor(random() * (random() < 0.05 ? 3000 : 8)) }, (_, i) =>
        random() < 0.05
          ? value()
          : {
              id: random() < 0.9 ? `a${i}` : value(),
              units: random() < 0.8 ? 1 + i : value(),
              requestedAt: random() < 0.8 ? i * 3 : value(),
            },
      );
    case 'horizon':
      return random() < 0.7 ? 1 + Math.floor(random() * 5000) : value();
    case 'from':
    case 'on':
      return random() < 0.6 ? '2026-11-21' : value();
    case 'now':
      return random() < 0.6 ? 1795248000 + Math.floor(random() * 200000) : value();
    case 'checkinWeekdays':
      return random() < 0.6 ? '1111100' : value();
    default:
      // Half plausible (so that many calls get through to a result), half anything.
      return random() < 0.5 ? pick([1, 2, 5, 30, 1000, '0.25', '0.17', 7200]) : value();
  }
}

function input(call) {
  const r = random();
  if (r < 0.03) return value(); // not an object at all
  const fields = {};
  for (const name of shapes[call]) if (random() < 0.85) fields[name] = fieldValue(name);
  if (r < 0.08) fields[pick(['colour', 'unit', '__proto__x', 'Units'])] = 1;
  return fields;
}

const codes = new Set(['INVALID_INPUT', 'NOT_ALLOWED', 'CANCELLED']);
const signed = new Set(['netGainPercent', 'netGainUsd']);
function checkResult(call, result, path = call) {
  if (typeof result === 'number') assert.ok(Number.isFinite(result), `${path} = ${result}`);
  if (typeof result === 'string' && !/\.(reason|id|owner)(\.\d+)?$/.test(path)) {
    assert.ok(!/NaN|Infinity/.test(result), `${path} = ${result}`);
    if (/^-?\d+(\.\d+)?$/.test(result) && !signed.has(path.split('.').pop())) assert.ok(!result.startsWith('-'), `${path} = ${result}`);
  }
  if (result && typeof result === 'object') {
    // Rows read from columns (result.activations) are walked as the rows they give.
    const rows = typeof result.toArray === 'function' ? result.toArray() : result;
    for (const [key, v] of Object.entries(rows)) checkResult(call, v, `${path}.${key}`);
  }
}

test(`${CALLS} random calls: results or CbmErrors naming the field, and a stable heap`, () => {
  const counts = { results: 0, errors: 0 };
  let heapAt10k = 0;
  for (let i = 0; i < CALLS; i++) {
    if (i === 10000) heapAt10k = cbm.memoryBytes();
    const call = pick(Object.keys(shapes));
    const arg = input(call);
    let result;
    try {
      result = cbm[call](arg);
    } catch (e) {
      assert.ok(e instanceof CbmError, `${call}: ${e?.name}: ${e?.message}`);
      assert.ok(codes.has(e.code), `${call}: code ${e.code}: ${e.message}`);
      assert.ok(e.message.length > 0 && e.message.length < 400, e.message);
      if (e.field) assert.ok(e.message.startsWith(`${e.field}: `), `${call}: "${e.message}" does not name ${e.field}`);
      counts.errors++;
      continue;
    }
    checkResult(call, result);
    counts.results++;
  }
  const growth = cbm.memoryBytes() - heapAt10k;
  console.log(
    `# fuzz: ${CALLS} calls, ${counts.results} results, ${counts.errors} errors, WASM heap growth after 10,000 calls: ${growth} bytes`,
  );
  assert.ok(counts.results > CALLS / 20, 'enough calls get through to a result');
  assert.ok(growth <= 1 << 20, `heap grew by ${growth} bytes`);
  // Still exact after all that.
  assert.equal(cbm.apr({ blockReward: 0.00009804, tokenPrice: 0.17, units: 1000, unitPrice: 0.25 }).aprPercent, '210.24168192');
  assert.equal(cbm.pointsReward({ elapsedSeconds: 7200, weight: 1 }), '51.324774404002834994');
});
