// cbm.explain through the JS API (full build; the lite one says where it is): seed 003's APR
// explained with its own values, every name in braces is a term, the block reward's terms give
// it back, and explained at another second, that second's; bad calls are named.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { CbmError, load } from '../../web/lib/node.js';
import { termUnits } from '../../web/ui/explain.js';
import { holderAmong, wei } from './amounts.mjs';

const full = await load();
const lite = await load({ build: 'lite' });

/** The formula with each term's value in place of its name. */
const filledIn = (figure) => figure.formula.replace(/\{(\w+)\}/g, (_, name) => figure.terms.find((t) => t.name === name).value);

function checkNamesAreTerms(explained) {
  for (const [name, figure] of Object.entries(explained)) {
    const terms = new Set(figure.terms.map((t) => t.name));
    for (const text of [figure.formula, ...figure.notes]) {
      for (const [, used] of text.matchAll(/\{(\w+)\}/g)) assert.ok(terms.has(used), `${name}: {${used}} in "${text}"`);
    }
    checkUnitsSaidOnce(name, figure);
  }
}

/** A note shows each term with its unit (explain.js): the words after it do not say the unit
 * again ("4 WFI a second a second", "0.0012%%"). */
function checkUnitsSaidOnce(name, figure) {
  const kinds = new Map(figure.terms.map((t) => [t.name, t.kind]));
  for (const note of figure.notes) {
    for (const m of note.matchAll(/\{(\w+)\}/g)) {
      const unit = termUnits[kinds.get(m[1])];
      if (!unit) continue;
      const after = note.slice(m.index + m[0].length);
      // The unit, or any of its last words (" a second" of " WFI a second").
      const tails = unit.split(/(?= )/).map((_, i, words) => words.slice(i).join(''));
      for (const tail of tails) assert.ok(!after.startsWith(tail), `${name}: "{${m[1]}}${tail}" says its unit twice in "${note}"`);
    }
  }
}

test("seed 003's APR, explained with its own values", () => {
  const input = { blockReward: '0.00009804', tokenPrice: '0.17', units: 1000, unitPrice: '0.25' };
  assert.throws(
    () => lite.explain('apr', input),
    (e) => e instanceof CbmError && e.code === 'NOT_ALLOWED' && /load\(\) the full one/.test(e.message),
  );
  {
    const explained = full.explain('apr', input);
    assert.deepEqual(Object.keys(explained), [
      'aprPercent',
      'yearlyReward',
      'yearlyRewardUsd',
      'contributionUsd',
      'netGainPercent',
      'netGainUsd',
    ]);
    assert.equal(filledIn(explained.aprPercent), '210.24168192 = 0.00009804 × 31536000 × 0.17 / (1000 × 0.25) × 100');
    assert.equal(filledIn(explained.netGainUsd), '275.6042048 = 525.6042048 − 250');
    checkNamesAreTerms(explained);
  }
  const withReferrals = full.explain('apr', { ...input, referralReward: '0.00001' });
  // 0.00010804 x 31,536,000 = 3,407.14944 WFI a year, x 0.17 = $579.2154048, over $250: 231.68616192%.
  assert.match(filledIn(withReferrals.withReferralsPercent), /^231\.68616192 = \(0\.00009804 \+ 0\.00001\) × 31536000/);
});

test("a holder's block reward now is the rate times their power over the pool's, to the wei", () => {
  const holder = holderAmong({ units: 81_598_347, growthPerDay: 50_000 });
  const projected = full.projectEarnings(holder);
  const explained = full.explain('projectEarnings', holder);
  checkNamesAreTerms(explained);
  const block = explained['now.blockReward'];
  const term = (name) => block.terms.find((t) => t.name === name).value;
  assert.equal(term('blockReward'), projected.now.blockReward);
  const recomputed = (wei(term('rate')) * wei(term('yourPower'))) / wei(term('poolPower'));
  const difference = recomputed - wei(projected.now.blockReward);
  assert.ok(difference >= -1n && difference <= 1n, `${difference} wei`);
  assert.equal(explained['firstYear.usd'].terms[0].value, projected.firstYear.usd);
  assert.ok(['now.wfiPerDay', 'now.usdPerDay', 'now.aprPercent', 'breakevenAt', 'nextHalving'].every((f) => f in explained));
});

test('explained at another second, the now figures are those of that second', () => {
  const holder = holderAmong({ units: 81_598_347, growthPerDay: 50_000 });
  const at = 230 * 86400;
  const explained = full.explain('projectEarnings', holder, { at });
  const term = (figure, name) => explained[figure].terms.find((t) => t.name === name).value;
  assert.equal(term('now.blockReward', 'atDate'), '2026-01-17'); // 230 days after 2025-06-01
  // The pool's own sample of that second: what the holder mines in it.
  const plan = full.holderActivations({
    now: holder.now,
    purchases: holder.purchases.map(({ at, units }) => ({ at, units })),
    pool: holder.pool,
  });
  const run = full.simulatePool({ horizon: at + 1, activations: plan.activations, focusOwner: plan.focusOwner, sampleEvery: at });
  assert.equal(term('now.blockReward', 'blockReward'), run.series.find((s) => s.t === at).focusRate);
  assert.throws(
    () => full.explain('projectEarnings', holder, { at: -1 }),
    (e) => e instanceof CbmError && e.field === 'at',
  );
});

test("a points session: the seeds' 100 x (1 - e^(-0.0001 x 7,200)) x weight", () => {
  const explained = full.explain('points', { streakDays: 3, totalPoints: '1500', invites: 2, elapsedSeconds: 7200 });
  checkNamesAreTerms(explained);
  const weight = full.pointsWeight({ streakDays: 3, totalPoints: '1500', invites: 2 });
  const reward = full.pointsReward({ elapsedSeconds: 7200, weight: weight.weight });
  assert.equal(filledIn(explained.reward), `${reward} = 100 × (1 − e^(−0.0001 × 7200)) × ${weight.weight}`);
  assert.equal(filledIn(explained.weight), `${weight.weight} = min(5, ${weight.checkin} + ${weight.points} + ${weight.invites} + 0 + 0)`);
});

test("a pool run's emission: the stages' rates times their seconds, to the wei", () => {
  const horizon = 60_000_000;
  const run = full.simulatePool({ horizon, activations: [{ id: 'a', units: 1000, requestedAt: 0 }] });
  const explained = full.explain('pool', {
    horizon,
    emitted: run.emitted,
    distributed: run.distributed,
    unallocated: run.unallocated,
    dust: run.dust,
    requests: 1,
    accepted: 1,
    rejected: 0,
    maxWait: run.queue.maxWait,
  });
  checkNamesAreTerms(explained);
  const term = (name) => explained.emitted.terms.find((t) => t.name === name).value;
  assert.equal(explained.emitted.formula, '{emitted} = {rate1} × {seconds1} + {rate2} × {seconds2}');
  assert.equal(wei(term('rate1')) * BigInt(term('seconds1')) + wei(term('rate2')) * BigInt(term('seconds2')), wei(run.emitted));
});

test('a bad call or input is named', () => {
  for (const [call, input, field] of [
    ['supply', {}, 'call'],
    ['apr', { blockReward: 'x', tokenPrice: '0.17', units: 1, unitPrice: '1' }, 'blockReward'],
    ['projectEarnings', { ...holderAmong({ units: 1 }), tokenPrice: '-1' }, 'tokenPrice'],
  ]) {
    assert.throws(
      () => full.explain(call, input),
      (e) => e instanceof CbmError && e.field === field,
    );
  }
});
