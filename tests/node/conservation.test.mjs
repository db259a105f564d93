// Conservation on 1,000 random pool scenarios (issue 5): emitted = distributed + unallocated
// exactly, the truncated rewards + dust = distributed, 0 <= dust < one wei per activation, and
// the owners' sums are their activations' sums. All in BigInt wei.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { load } from '../../web/lib/node.js';

const cbm = await load();
const wei = (amount) => {
  const [whole, fraction = ''] = amount.split('.');
  return BigInt(whole) * 10n ** 18n + BigInt(fraction.padEnd(18, '0'));
};

let seed = 777;
const random = (lo, hi) => lo + ((seed = (seed * 48271) % 2147483647) % (hi - lo + 1));
const year = 31536000;

function scenario() {
  const amortization = ['none', 'linear', 'exponential'][random(0, 2)];
  const horizon = [random(1, 1000), random(1, 86400), random(1, 8 * year), 100 * year][random(0, 3)];
  const rules = {
    amortization,
    halvingPeriod: random(1, horizon),
    stages: random(1, 10),
    lifetime: amortization !== 'linear' && random(0, 1) ? null : random(1, 2 * horizon),
    halfLife: random(1, horizon),
    activationsPerSecond: random(1, 3),
    baseRate: ['8', '0.000000000000000001', '12345.678901234567890123', '1000000'][random(0, 3)],
  };
  if (random(0, 2) === 0) rules.supplyCap = `${random(1, 1e6)}.${random(0, 999999)}`;
  const spread = random(1, horizon);
  const activations = Array.from({ length: random(0, 150) }, (_, i) => ({
    id: `a${i}`,
    owner: `o${random(0, 9)}`,
    units: random(0, 9) === 0 ? 1e12 : random(1, 100000),
    requestedAt: random(0, 3) === 0 ? 0 : random(0, spread),
  }));
  return { horizon, activations, rules, focusOwner: 'o1', sampleEvery: Math.max(1, Math.ceil(horizon / 50)) };
}

function run() {
  // Some random rules would emit beyond what the rules allow (10^12 WFI): draw again.
  for (;;) {
    const input = scenario();
    try {
      return [input, cbm.simulatePool(input)];
    } catch (e) {
      if (e.field !== 'rules.baseRate') throw e;
    }
  }
}

test('1,000 random scenarios conserve every wei', () => {
  for (let k = 0; k < 1000; k++) {
    const [input, r] = run();
    const context = `scenario ${k}: ${JSON.stringify({ ...input, activations: input.activations.length })}`;
    assert.equal(wei(r.distributed) + wei(r.unallocated), wei(r.emitted), context);
    assert.equal(
      r.emitted,
      cbm.emission({
        from: 0,
        to: input.horizon,
        rules: { ...input.rules, amortization: undefined, lifetime: undefined, halfLife: undefined, activationsPerSecond: undefined },
      }).emitted,
      context,
    );
    let sum = 0n,
      mining = 0n;
    for (const a of r.activations) {
      const reward = wei(a.reward);
      assert.ok(reward >= 0n, context);
      sum += reward;
      if (a.miningStart !== null && a.miningStart < input.horizon) mining += 1n;
    }
    const dust = wei(r.dust);
    assert.equal(sum + dust, wei(r.distributed), context);
    assert.ok(dust >= 0n && dust <= mining, `${context}: dust ${dust} wei for ${mining} activations`);
    const owners = Object.values(r.owners).reduce((total, o) => total + wei(o.reward), 0n);
    assert.equal(owners, sum, context);
  }
});
