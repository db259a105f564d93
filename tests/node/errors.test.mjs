// Bad input through the JS API: a thrown CbmError naming the field and the problem, never NaN,
// never an abort; the module keeps working after any number of failed calls.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { CbmError, load } from '../../web/lib/node.js';

const cbm = await load();
const good = { blockReward: '0.00009804', tokenPrice: 0.17, units: 1000, unitPrice: 0.25 };

function throwsField(call, field, message) {
  assert.throws(call, (e) => {
    assert.ok(e instanceof CbmError, `not a CbmError: ${e}`);
    assert.ok(e instanceof Error);
    assert.equal(e.code, 'INVALID_INPUT');
    assert.equal(e.field, field);
    assert.match(e.message, message);
    if (field) assert.ok(e.message.startsWith(`${field}: `), e.message);
    return true;
  });
}

test('each kind of bad value names its field', () => {
  throwsField(() => cbm.apr({ ...good, units: -5 }), 'units', /must be greater than 0, got "-5"/);
  throwsField(() => cbm.apr({ ...good, units: 0 }), 'units', /must be greater than 0, got "0"/);
  throwsField(() => cbm.apr({ ...good, unitPrice: '0' }), 'unitPrice', /greater than 0/);
  throwsField(() => cbm.apr({ ...good, tokenPrice: -0.01 }), 'tokenPrice', /must not be negative/);
  throwsField(() => cbm.apr({ ...good, tokenPrice: NaN }), 'tokenPrice', /must be a finite number, got NaN/);
  throwsField(() => cbm.apr({ ...good, tokenPrice: Infinity }), 'tokenPrice', /finite number, got Infinity/);
  throwsField(() => cbm.apr({ ...good, tokenPrice: 'abc' }), 'tokenPrice', /must be a decimal number .* got "abc"/);
  throwsField(() => cbm.apr({ ...good, tokenPrice: '1e400' }), 'tokenPrice', /too large/);
  throwsField(() => cbm.apr({ ...good, tokenPrice: 1e300 }), 'tokenPrice', /too large/);
  throwsField(() => cbm.apr({ ...good, tokenPrice: 5e-324 }), 'tokenPrice', /more than 18 decimal places/);
  throwsField(() => cbm.apr({ ...good, tokenPrice: true }), 'tokenPrice', /must be a number or a decimal string, got true/);
  throwsField(() => cbm.apr({ ...good, tokenPrice: null }), 'tokenPrice', /got null/);
  throwsField(() => cbm.apr({ ...good, tokenPrice: {} }), 'tokenPrice', /got an object/);
  throwsField(() => cbm.apr({ ...good, tokenPrise: 1 }), 'tokenPrise', /is not a field of apr\(\)/);
  const { units, ...missing } = good;
  throwsField(() => cbm.apr(missing), 'units', /is required/);
  throwsField(() => cbm.apr(null), '', /apr\(\) takes an object, got null/);
  throwsField(() => cbm.pointsReward({ elapsedSeconds: 1.5, weight: 1 }), 'elapsedSeconds', /whole number/);
  throwsField(() => cbm.emission({ from: 10, to: 5 }), 'to', /must be a whole number from 10/);
  throwsField(() => cbm.emission({ rules: { halvingPeriod: 0 } }), 'rules.halvingPeriod', /from 1 to/);
  throwsField(() => cbm.emission({ rules: { halvingPerod: 5 } }), 'rules.halvingPerod', /is not a rule of this call/);
  throwsField(() => cbm.emission({ rules: [] }), 'rules', /must be an object/);
  throwsField(() => cbm.pointsReward({ elapsedSeconds: 1, weight: 1, rules: { decayRate: 0 } }), 'rules.decayRate', /greater than 0/);
  throwsField(() => cbm.streak({ checkins: ['2026-13-01'], on: '2026-11-21' }), 'checkins[0]', /YYYY-MM-DD/);
  throwsField(() => cbm.streak({ checkins: 'x' }), 'checkins', /must be an array/);
});

test('a check-in history is bounded in total: 36,600 days, refused before a million are read', () => {
  assert.equal(cbm.limits().checkins, 36600);
  const days = (n) => Array.from({ length: n }, (_, k) => new Date(Date.UTC(2000, 0, 1) + k * 86400000).toISOString().slice(0, 10));
  const all = days(36600);
  assert.equal(cbm.streak({ checkins: all, on: all.at(-1) }).days, 36600);
  assert.throws(() => cbm.streak({ checkins: days(36601), on: all.at(-1) }), {
    field: 'checkins',
    message: 'checkins: at most 36600 days, got 36601',
    problem: { kind: 'too-many', max: '36600', got: '36601' },
  });
  const million = new Array(1_000_000).fill('2026-01-01');
  assert.throws(() => cbm.streak({ checkins: million }), { problem: { kind: 'too-many', max: '36600', got: '1000000' } });
  assert.throws(
    () =>
      cbm.pointsProjection({
        checkins: million,
        from: '2026-12-02',
        days: 10,
        totalPoints: 0,
        invites: 0,
        invitesPerWeek: 0,
        sessionSeconds: 0,
        checkinWeekdays: '1111111',
        sessionWeekdays: '1111111',
      }),
    { field: 'checkins' },
  );
});

test('no result is ever NaN, Infinity or negative where an amount cannot be', () => {
  const values = [0, 1e-18, 1e-7, 0.5, 1, 7, 1e9, 1e19, '99999999999999999999.999999999999999999'];
  for (const blockReward of values) {
    for (const units of values.slice(1)) {
      let r;
      try {
        r = cbm.apr({ blockReward, tokenPrice: blockReward, units, unitPrice: units });
      } catch (e) {
        assert.ok(e instanceof CbmError && /too large/.test(e.message), e.message);
        continue;
      }
      for (const [key, value] of Object.entries(r)) {
        assert.match(value, /^-?\d+(\.\d{1,18})?$/, `${key} = ${value}`);
        if (key !== 'netGainPercent' && key !== 'netGainUsd') assert.ok(!value.startsWith('-'), key);
      }
    }
  }
});

test('the module stays usable after 20,000 failing calls, and memory does not grow', () => {
  const calls = [
    () => cbm.apr({ ...good, units: 'abc' }),
    () => cbm.pointsReward({ elapsedSeconds: -1, weight: 1 }),
    () => cbm.stopSession({ account: cbm.newAccount(), now: 0 }),
    () => cbm.emission({ rules: { stages: 1000 } }),
  ];
  const run = (n) => {
    for (let i = 0; i < n; i++) assert.throws(calls[i % calls.length], CbmError);
  };
  run(2000);
  const before = cbm.memoryBytes();
  run(20000);
  assert.equal(cbm.memoryBytes(), before);
  assert.equal(cbm.apr(good).aprPercent, '210.24168192');
});

test('every input error says what is wrong for a machine too: problem { kind, ...params }', () => {
  const problemOf = (call) => {
    try {
      call();
    } catch (e) {
      assert.ok(e instanceof CbmError);
      return e.problem;
    }
    assert.fail('no error');
  };
  assert.deepEqual(
    problemOf(() => cbm.apr({ blockReward: '0.00009804', tokenPrice: 0.17, units: -5, unitPrice: 0.25 })),
    { kind: 'not-positive', got: '-5' },
  );
  assert.deepEqual(
    problemOf(() => cbm.apr({ blockReward: 'x', tokenPrice: 0.17, units: 1, unitPrice: 0.25 })),
    {
      kind: 'not-a-number',
      got: 'x',
    },
  );
  assert.deepEqual(
    problemOf(() => cbm.apr({ blockReward: '0.0000000000000000001', tokenPrice: 0.17, units: 1, unitPrice: 0.25 })),
    { kind: 'too-many-decimals', got: '0.0000000000000000001' },
  );
  assert.deepEqual(
    problemOf(() => cbm.simulatePool({ horizon: 0, activations: [] })),
    {
      kind: 'not-whole-in-range',
      min: '1',
      max: '3153600000',
      got: '0',
    },
  );
  assert.deepEqual(
    problemOf(() => cbm.apr({ tokenPrice: 0.17, units: 1, unitPrice: 0.25 })),
    { kind: 'required' },
  );
  assert.deepEqual(
    problemOf(() => cbm.apr({ blockReward: 1, tokenPrice: 1, units: 1, unitPrice: 1, colour: 1 })),
    {
      kind: 'unknown-field',
    },
  );
  assert.deepEqual(
    problemOf(() => cbm.apr(5)),
    { kind: 'wrong-type' },
  );
  assert.deepEqual(problemOf(() => cbm.streak({ checkins: ['2026-02-30'] })).kind, 'not-a-date');
  const r = cbm.simulatePool({
    horizon: 10,
    activations: [
      { id: 'a', units: 1, requestedAt: 0 },
      { id: 'a', units: 1, requestedAt: 0 },
    ],
  });
  assert.equal(r.rejected.length, 1); // a rejection is a reason, not an error
});
