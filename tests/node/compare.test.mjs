// cbm.compareEarnings through the JS API: each side is projectEarnings of its input, counted
// from its own purchase (a later one's 12 months are the 12 after it), the difference is B less A (worked out here with BigInt), the earned series holds both, and each
// side's errors name it.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { CbmError, load } from '../../web/lib/node.js';
import { DAY, holderAmong, wei } from './amounts.mjs';

const cbm = await load();
const a = holderAmong({ units: 81_598_347, growthPerDay: 50_000 });
const b = { ...a, purchases: [{ ...a.purchases[0], at: 382 * DAY }] }; // six months later

test('buy now or in six months: each side its projection, the difference B less A', () => {
  const c = cbm.compareEarnings({ a, b });
  const pa = cbm.projectEarnings(a),
    pb = cbm.projectEarnings(b);
  assert.equal(c.a.totalWfi, pa.total.wfi);
  // A counts from today (its purchase day): the projection's 12 months. B counts from its own
  // purchase, six months on: the 12 months after it, summed here from its days.
  assert.deepEqual([c.a.from, c.b.from, c.difference.from], [200 * DAY, 382 * DAY, 182 * DAY]);
  assert.equal(c.a.firstYearUsd, pa.firstYear.usd);
  const days = cbm.projectEarnings({ ...b, period: 'day' }).periods.filter((p) => p.start >= 382 * DAY && p.end <= (382 + 365) * DAY);
  assert.equal(days.length, 365);
  assert.equal(
    wei(c.b.firstYearWfi),
    days.reduce((sum, p) => sum + wei(p.wfi), 0n),
  );
  assert.ok(wei(c.b.firstYearWfi) > wei(pb.firstYear.wfi)); // from today, six of its months were empty
  for (const key of ['totalWfi', 'totalUsd', 'firstYearUsd', 'firstYearReturnPercent', 'aprPercentNow']) {
    assert.equal(wei(c.difference[key]), wei(c.b[key]) - wei(c.a[key]), key);
  }
  assert.equal(c.difference.paidUsd, '0');
  assert.equal(c.difference.breakevenAt, pb.breakevenAt - pa.breakevenAt);
  assert.ok(c.difference.breakevenAt > 0);
  const last = c.earned.at(-1);
  assert.equal(last.a, pa.total.usd);
  assert.equal(last.b, pb.total.usd);
  assert.ok(c.earned.every((p, i) => i === 0 || c.earned[i - 1].end < p.end));
  assert.ok(c.earned.filter((p) => p.end <= 382 * DAY).every((p) => p.b === '0'));
});

test("each side's errors name it; the lite build says where the call is", async () => {
  for (const [input, field] of [
    [{ a, b: { ...b, tokenPrice: '-1' } }, 'b.tokenPrice'],
    [{ a: { ...a, units: 3 }, b }, 'a.units'],
    [{ a, b: { ...b, genesis: '2025-06-02' } }, 'b.genesis'],
    [{ a }, 'b'],
    [{ a, b, c: a }, 'c'],
  ]) {
    assert.throws(
      () => cbm.compareEarnings(input),
      (e) => e instanceof CbmError && e.field === field && e.message.startsWith(field),
      field,
    );
  }
  const lite = await load({ build: 'lite' });
  assert.throws(
    () => lite.compareEarnings({ a, b }),
    (e) => e instanceof CbmError && e.code === 'NOT_ALLOWED',
  );
});
