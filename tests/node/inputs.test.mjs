// Every input read exactly or refused (issue 24): typed numbers read by one reader (ui/numbers.js)
// in the page, the widget and the share link's values; no Number() on an API field ("0x10" is not
// 16); and the caller's own properties only (a host page's Object.prototype is not the caller's).
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { load } from '../../web/lib/node.js';
import { plainNumber, readNumber } from '../../web/ui/numbers.js';

const cbm = await load();
const refused = (call, field, message = /./) =>
  assert.throws(call, (e) => e.name === 'CbmError' && e.field === field && message.test(e.message), `${field} refused`);

test('readNumber: grouping signs only where the locale uses them and only in valid groups', () => {
  const cases = [
    // [typed, lang, expected]
    ['0.170', 'en', { text: '0.170' }],
    ['1,234', 'en', { text: '1234' }],
    ['1,234,567.5', 'en', { text: '1234567.5' }],
    ['-1,000', 'en', { text: '-1000' }],
    ['0,170', 'en', { ask: ['0.170'] }], // never 170
    ['0,250', 'en', { ask: ['0.250'] }],
    ['1,5', 'en', { ask: ['1.5'] }],
    ['12,34,567', 'en', { text: '12,34,567' }], // no number at all: the core refuses it
    ['01,234', 'en', { ask: ['01.234'] }],
    ['1,2345', 'en', { ask: ['1.2345'] }],
    ['0,25', 'de', { text: '0.25' }],
    ['1.234,5', 'de', { text: '1234.5' }],
    ['1.234', 'de', { ask: ['1234', '1,234'] }],
    ['1.234.567', 'de', { text: '1234567' }],
    ['0.170', 'de', { text: '0.170' }], // the API's form, never 170 (a group has no leading 0)
    ['1.5', 'de', { text: '1.5' }], // the API's form: a host's attribute, unit-price="1.5"
    ['-0.25', 'de', { text: '-0.25' }],
    ['1,234.5', 'de', { text: '1,234.5' }],
    ['1\u202f234,5', 'fr', { text: '1234.5' }],
    ['1 234,5', 'fr', { text: '1234.5' }],
    ['  42 ', 'en', { text: '42' }],
    ['', 'en', { text: '' }],
  ];
  for (const [typed, lang, expected] of cases) assert.deepEqual(readNumber(typed, lang), expected, `${typed} in ${lang}`);
});

test('plainNumber: the page reads its own numbers (years, percentages) as digits only', () => {
  assert.equal(plainNumber('8', 'lifetime', 'must be years'), 8);
  assert.equal(plainNumber('2.5', 'lifetime', 'must be years'), 2.5);
  assert.equal(plainNumber('-20', 'growth', 'must be a percentage'), -20);
  assert.equal(plainNumber('1,000', 'count', 'must be a count'), 1000);
  for (const typed of ['0x10', '0b10', '1e3', ' ', '', 'Infinity', '1_000', '0,5'])
    refused(() => plainNumber(typed, 'growth', 'must be a percentage'), 'growth');
});

test('growthPath reads monthlyPercent as the core reads a decimal: "0x10", "0b10" and " " are refused', () => {
  const day = 86400;
  assert.deepEqual(cbm.growthPath({ value: '2', monthlyPercent: '0', from: 0, t: [day] }), ['2']);
  for (const monthlyPercent of ['0x10', '0b10', ' ', '', '1e', '16%'])
    refused(() => cbm.growthPath({ value: '1', monthlyPercent, from: 0, t: [day] }), 'monthlyPercent');
  refused(() => cbm.growthPath({ value: '1', monthlyPercent: '1', from: '0x10', t: [day] }), 'from');
  // A number is its shortest decimal: 16 is 16% a month either way.
  assert.deepEqual(
    cbm.growthPath({ value: '1', monthlyPercent: 16, from: 0, t: [day] }),
    cbm.growthPath({ value: '1', monthlyPercent: '16', from: 0, t: [day] }),
  );
});

test('valueEarnings reads a purchase\'s whole numbers as the core reads them: "0x10" units are refused', () => {
  const input = (purchase, today = 0) => ({
    t: [0, 10],
    mined: ['0', '10'],
    rate: ['1', '1'],
    purchases: [{ at: 0, units: 10, miningStart: 0, ...purchase }],
    unitPrice: '1',
    tokenPrice: '0.5',
    today,
  });
  assert.equal(cbm.valueEarnings(input({ units: '10' })).contributionUsd, '10');
  refused(() => cbm.valueEarnings(input({ units: '0x10' })), 'purchases[0].units');
  refused(() => cbm.valueEarnings(input({ at: '0b1' })), 'purchases[0].at');
  refused(() => cbm.valueEarnings(input({ miningStart: ' ' })), 'purchases[0].miningStart');
  refused(() => cbm.valueEarnings(input({}, '0x10')), 'today');
});

test("a host page's properties on Object.prototype are not the caller's input", () => {
  const pool = {
    horizon: 1000,
    activations: [
      { id: 'a', owner: 'alice', units: 3, requestedAt: 0 },
      { id: 'b', units: 1, requestedAt: 5 }, // no owner: its id is its owner
    ],
  };
  const columns = { horizon: 1000, activations: { id: ['a', 'b'], units: [3, 1], requestedAt: [0, 5] } };
  const holder = {
    genesis: '2025-01-01',
    now: 1000000,
    purchases: [{ at: 1000000, units: 1000, unitPrice: '0.25' }],
    pool: { units: 81598347 },
    tokenPrice: '0.17',
    period: 'year',
  };
  const run = () => ({
    rows: cbm.simulatePool(pool),
    columns: cbm.simulatePool(columns),
    earnings: cbm.projectEarnings(holder),
    growth: cbm.growthPath({ value: '1', monthlyPercent: '2', from: 0, t: [86400 * 30] }),
  });
  const owners = (result) => JSON.stringify(result.owners);
  const clean = run();
  const names = ['polluted', 'owner', 'id', 'units', 'requestedAt', 'rules', 'sampleEvery', 'focusOwner', 'trackOwners', 'lines', 'json'];
  try {
    for (const name of names) Object.prototype[name] = 'x'; // eslint-disable-line no-extend-native
    const polluted = run();
    assert.equal(owners(polluted.rows), owners(clean.rows));
    assert.deepEqual(Object.keys(polluted.rows.owners).sort(), ['alice', 'b']);
    assert.equal(owners(polluted.columns), owners(clean.columns));
    assert.equal(JSON.stringify(polluted.earnings.firstYear), JSON.stringify(clean.earnings.firstYear));
    assert.deepEqual(polluted.growth, clean.growth);
  } finally {
    for (const name of names) delete Object.prototype[name];
  }
});

test("the described pool's numbers are digits only: '0x10' requests, '1e1' years, ' ' percent are refused", async () => {
  const { horizonSeconds, poolParameters } = await import('../../web/ui/pool-scenario.js');
  const limits = cbm.limits();
  const fields = { count: '1000', owners: '50', unitsMin: '1', unitsMax: '10', spreadDays: '30', bursts: '2', seed: '7', burstShare: '25' };
  assert.deepEqual(poolParameters(fields, limits), {
    count: 1000,
    owners: 50,
    unitsMin: 1,
    unitsMax: 10,
    spreadDays: 30,
    bursts: 2,
    seed: 7,
    burstShare: 25,
  });
  // The worker is given the page's numbers: they read the same.
  assert.equal(poolParameters({ ...fields, burstShare: 1e-7 }, limits).burstShare, 1e-7);
  refused(() => poolParameters({ ...fields, count: '0x10' }, limits), 'count', /whole number from 1 to 1,000,000, got "0x10"/);
  refused(() => poolParameters({ ...fields, seed: '1e3' }, limits), 'seed');
  refused(() => poolParameters({ ...fields, burstShare: ' ' }, limits), 'burstShare', /percentage from 0 to 100/);
  refused(() => poolParameters({ ...fields, burstShare: '0b1' }, limits), 'burstShare');
  refused(() => poolParameters({ ...fields, count: '0,5' }, limits), 'count', /Do you mean 0\.5\?/);
  assert.equal(horizonSeconds({ horizonYears: '10' }), 10 * 365 * 86400);
  refused(() => horizonSeconds({ horizonYears: '1e1' }), 'horizonYears', /number of years from 0 to 100, got "1e1"/);
  refused(() => horizonSeconds({ horizonYears: '0x1' }), 'horizonYears');
});
