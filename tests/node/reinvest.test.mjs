// cbm.reinvest through the JS API: each plan's periods are projectEarnings with the units it
// bought added, less what it spent; with a WFI price of zero every plan is holding; the best
// plan holds the most; until given back gives the plan again; bad input is named and the
// module stays usable. (The core's tests redo the choices check by check; the golden scenarios
// check native and WASM agree byte for byte.)
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { CbmError, load } from '../../web/lib/node.js';
import { DAY, holderAmong, wei } from './amounts.mjs';

const cbm = await load();

const holder = holderAmong({ units: 8_000_000, growthPerDay: 5_000 });

test('a plan is the projection of its purchases, less the WFI it paid for them', () => {
  const r = cbm.reinvest({ ...holder, cadences: ['month'], until: '2026-06-01' });
  assert.equal(r.unitPrice, '0.25');
  assert.deepEqual(
    r.plans.map((p) => p.cadence),
    ['hold', 'month'],
  );
  const plan = r.plans[1];
  assert.ok(plan.bought.length >= 3, `${plan.bought.length} purchases`);
  assert.equal(plan.untilDate, '2026-05-01'); // the day of its last check, 2026-05-01 00:00
  assert.ok(plan.bought.every((b) => b.date.endsWith('-01') && b.at < plan.until));
  // A unit costs 0.25 / 0.17 WFI: each purchase paid its units' worth, rounded up to the wei.
  for (const b of plan.bought) {
    const cost = (BigInt(b.units) * 25n * 10n ** 18n + 16n) / 17n;
    assert.equal(wei(b.paidWfi), cost);
  }
  const projected = cbm.projectEarnings({
    ...holder,
    purchases: [...holder.purchases, ...plan.bought.map((b) => ({ at: b.at, units: b.units, unitPrice: '0.25' }))],
  });
  assert.equal(plan.periods.length, projected.periods.length);
  let spent = 0n;
  plan.periods.forEach((p, k) => {
    assert.equal(p.minedWfi, projected.periods[k].wfi);
    spent += wei(p.spentWfi);
    assert.equal(wei(p.heldWfi), wei(projected.periods[k].cumulativeWfi) - spent);
  });
  assert.equal(plan.minedWfi, projected.total.wfi);
  assert.equal(plan.units, 1000 + plan.bought.reduce((n, b) => n + b.units, 0));
  assert.equal(r.plans[0].heldWfi, cbm.projectEarnings(holder).total.wfi);
});

test('with a WFI price of zero every plan is holding', () => {
  const r = cbm.reinvest({ ...holder, tokenPrice: '0' });
  assert.equal(r.best, 'hold');
  assert.deepEqual(
    r.plans.map((p) => p.cadence),
    ['hold', 'week', 'month', 'unit'],
  );
  for (const p of r.plans) {
    assert.deepEqual(p.bought, []);
    assert.equal(p.until, null);
    assert.equal(p.heldWfi, r.plans[0].heldWfi);
    assert.equal(p.heldUsd, '0');
  }
});

test('the best plan holds the most WFI at the end, and its until gives it again', () => {
  const progress = [];
  const r = cbm.reinvest({ ...holder, onProgress: (done) => progress.push(done) });
  const most = r.plans.reduce((a, b) => (wei(b.heldWfi) > wei(a.heldWfi) ? b : a));
  assert.equal(r.best, most.cadence);
  assert.notEqual(r.best, 'hold'); // fresh units beat decaying ones early on
  assert.ok(progress.length > 4 && progress.every((x, i) => x >= 0 && x <= 1 && (i === 0 || x >= progress[i - 1])));
  const again = cbm.reinvest({ ...holder, cadences: [most.cadence], until: most.until });
  assert.deepEqual(again.plans[1], most);
});

test('a cap: at most so many units, or USD at the unit price; the best plan is chosen within it', () => {
  const free = cbm.reinvest({ ...holder, cadences: ['week'], until: '2026-06-01' }).plans[1];
  const total = free.bought.reduce((n, b) => n + b.units, 0);
  assert.ok(free.bought.length >= 3 && total > 10, `${total} units`);
  const cap = Math.floor(total / 2);
  const capped = cbm.reinvest({ ...holder, cadences: ['week'], until: '2026-06-01', maxUnits: cap }).plans[1];
  assert.equal(
    capped.bought.reduce((n, b) => n + b.units, 0),
    cap,
  );
  assert.equal(capped.units, holder.purchases[0].units + cap);
  // Up to the cap the same purchases; the one that reaches it buys what is left.
  const last = capped.bought.length - 1;
  assert.deepEqual(capped.bought.slice(0, last), free.bought.slice(0, last));
  // The same cap in USD: cap units at $0.25, and less than one more.
  const cents = cap * 25 + 20;
  const maxSpentUsd = `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
  const usd = cbm.reinvest({ ...holder, cadences: ['week'], until: '2026-06-01', maxSpentUsd }).plans[1];
  assert.deepEqual(usd.bought, capped.bought);
  // Every plan within the cap; the best is the one holding the most among them.
  const r = cbm.reinvest({ ...holder, maxUnits: cap });
  for (const plan of r.plans) assert.ok(plan.units <= holder.purchases[0].units + cap, plan.cadence);
  const best = r.plans.reduce((a, b) => (wei(b.heldWfi) > wei(a.heldWfi) ? b : a));
  assert.equal(r.best, best.cadence);
  // It holds from the purchase that reached the cap, and that until gives the plan again.
  assert.equal(
    best.bought.reduce((n, b) => n + b.units, 0),
    cap,
  );
  assert.equal(best.until, best.bought.at(-1).at + 1);
  const again = cbm.reinvest({ ...holder, maxUnits: cap, cadences: [best.cadence], until: best.until });
  assert.deepEqual(again.plans[1], best);
});

test('bad input is named, and the module stays usable', () => {
  const cases = [
    [{ unitPrice: '0' }, 'unitPrice'],
    [{ cadences: ['fortnight'] }, 'cadences[0]'],
    [{ cadences: ['week', 'week'] }, 'cadences[1]'],
    [{ cadences: 'week' }, 'cadences'],
    [{ until: -5 }, 'until'],
    [{ until: '2024-01-01' }, 'until'],
    [{ onProgress: 3 }, 'onProgress'],
    [{ tokenPrice: '-1' }, 'tokenPrice'],
    [{ units: 5 }, 'units'],
    [{ maxUnits: '1.5' }, 'maxUnits'],
    [{ maxUnits: -1 }, 'maxUnits'],
    [{ maxSpentUsd: '-0.01' }, 'maxSpentUsd'],
  ];
  for (const [change, field] of cases) {
    assert.throws(
      () => cbm.reinvest({ ...holder, ...change }),
      (e) => e instanceof CbmError && e.field === field,
      JSON.stringify(change),
    );
  }
  assert.throws(
    () =>
      cbm.reinvest({
        ...holder,
        onProgress: () => {
          throw new Error('from the callback');
        },
      }),
    /from the callback/,
  );
  assert.equal(cbm.reinvest({ ...holder, cadences: [] }).plans.length, 1);
});
