// Native and WASM agree byte for byte (issue 5): tests/golden/scenarios.txt run through the JS
// API here, and by the native build/native/cbm_golden (tests/golden/golden.cpp), printed in the
// same canonical text. Both builds use only IEEE arithmetic without fused multiply-adds, so no
// digit may differ.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { load } from '../../web/lib/node.js';

const cbm = await load();
const root = fileURLToPath(new URL('../../', import.meta.url));
const scenarios = `${root}tests/golden/scenarios.txt`;
const native = `${root}build/native/cbm_golden`;

// "k=v" words as rules; the file writes a schedule as rate:duration stages joined by commas.
const stages = (text) =>
  text.split(',').map((stage) => Object.fromEntries(['rate', 'duration'].map((name, i) => [name, stage.split(':')[i]])));
const rules = (pairs) => Object.fromEntries(pairs.map((pair) => pair.split('=')).map(([k, v]) => [k, k === 'schedule' ? stages(v) : v]));

function runPool(name, lines) {
  const scenario = { activations: [] };
  for (const line of lines) {
    const [key, ...words] = line.trim().split(/\s+/);
    if (key === 'rules') scenario.rules = rules(words);
    if (key === 'horizon') scenario.horizon = words[0];
    if (key === 'sampleEvery') scenario.sampleEvery = words[0];
    if (key === 'focus') scenario.focusOwner = words[0];
    if (key === 'track') scenario.trackOwners = words;
    if (key === 'activation') {
      const [id, owner, units, requestedAt] = words;
      scenario.activations.push({ id, owner, units: Number(units), requestedAt: Number(requestedAt) });
    }
    if (key === 'generate') {
      let [count, seed, spread, maxUnits] = words.map(Number);
      const next = () => (seed = (seed * 48271) % 2147483647);
      for (let i = 0; i < count; i++) {
        const units = 1 + (next() % maxUnits);
        scenario.activations.push({ id: `g${i}`, owner: `o${i % 7}`, units, requestedAt: next() % spread });
      }
    }
  }
  const r = cbm.simulatePool(scenario);
  const out = [`pool ${name}`];
  for (const { id, reason } of r.rejected) out.push(`rejected ${id} ${reason}`);
  for (const a of r.activations) out.push(`activation ${a.id} ${a.activatedAt ?? '-'} ${a.reward}`);
  for (const [owner, { reward }] of Object.entries(r.owners)) out.push(`owner ${owner} ${reward}`);
  out.push(`totals ${r.emitted} ${r.distributed} ${r.unallocated} ${r.dust}`);
  for (const p of r.series) {
    out.push(`sample ${p.t} ${p.rate} ${p.emitted} ${p.poolPower} ${p.activeUnits} ${p.focusReward} ${p.focusRate}`);
  }
  for (const [owner, { reward, rate }] of Object.entries(r.tracked)) {
    reward.forEach((value, i) => out.push(`tracked ${owner} ${value} ${rate[i]}`));
  }
  out.push('end');
  return out;
}

function runAll(text) {
  const lines = text.split('\n');
  const out = [];
  for (let i = 0; i < lines.length; i++) {
    const [kind, ...words] = lines[i].trim().split(/\s+/);
    if (kind === 'pool') {
      const end = lines.indexOf('end', i);
      out.push(...runPool(words[0], lines.slice(i + 1, end)));
      i = end;
    } else if (kind === 'apr') {
      const [blockReward, tokenPrice, units, unitPrice] = words;
      const r = cbm.apr({ blockReward, tokenPrice, units, unitPrice });
      out.push(`apr ${r.aprPercent} ${r.yearlyReward} ${r.yearlyRewardUsd} ${r.contributionUsd} ${r.netGainPercent} ${r.netGainUsd}`);
    } else if (kind === 'reward') {
      out.push(`reward ${cbm.pointsReward({ elapsedSeconds: words[0], weight: words[1] })}`);
    } else if (kind === 'weight') {
      const w = cbm.pointsWeight({ streakDays: words[0], totalPoints: words[1], invites: words[2] });
      out.push(`weight ${w.weight} ${w.checkin} ${w.points} ${w.invites}`);
    } else if (kind === 'bands') {
      const [seed, runs, drift, volatility, spread, tokenPrice, period, now, units, perDay, perMonth, purchases] = words;
      const pool = { units };
      if (perDay !== '-') pool.growthPerDay = perDay;
      if (perMonth !== '-') pool.growthPercentPerMonth = perMonth;
      const r = cbm.earningsBands({
        genesis: '2025-06-01',
        now,
        purchases: purchases
          .split(',')
          .map((p) => Object.fromEntries(['at', 'units', 'unitPrice'].map((name, k) => [name, p.split(':')[k]]))),
        pool,
        tokenPrice,
        period,
        priceModel: { drift, volatility },
        poolModel: { spread },
        runs,
        seed,
      });
      const { p10, p50, p90 } = r.breakevenAt;
      out.push(`bands ${r.paidUsd} ${r.breakevenRuns} ${p10 ?? 'none'} ${p50 ?? 'none'} ${p90 ?? 'none'}`);
      for (const p of r.periods) {
        out.push(`band ${p.start} ${p.end} ${p.p10} ${p.p50} ${p.p90} ${p.cumulative.p10} ${p.cumulative.p50} ${p.cumulative.p90}`);
      }
    } else if (kind === 'reinvest') {
      const [tokenPrice, period, now, units, growthPerDay, purchases] = words;
      const r = cbm.reinvest({
        genesis: '2025-06-01',
        now,
        purchases: purchases
          .split(',')
          .map((p) => Object.fromEntries(['at', 'units', 'unitPrice'].map((name, k) => [name, p.split(':')[k]]))),
        pool: { units, growthPerDay },
        tokenPrice,
        period,
      });
      out.push(`reinvest ${r.best} ${r.unitPrice}`);
      for (const p of r.plans) {
        out.push(`plan ${p.cadence} ${p.until ?? 'none'} ${p.heldWfi} ${p.minedWfi} ${p.spentWfi} ${p.units}`);
        for (const b of p.bought) out.push(`bought ${b.at} ${b.units} ${b.paidWfi}`);
      }
    } else if (kind === 'emission') {
      const r = cbm.emission({ from: words[0], to: words[1], rules: rules(words.slice(2)) });
      out.push(`emission ${r.emitted} ${r.rate} ${r.total} ${r.stage} ${r.nextHalvingAt ?? 'none'} ${r.endsAt}`);
    }
  }
  return `${out.join('\n')}\n`;
}

test('the golden scenarios give byte-identical results natively and in WASM', () => {
  assert.ok(existsSync(native), `${native} is missing: build the native targets first (build-scripts/test does)`);
  const nativeText = execFileSync(native, [scenarios], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const wasmText = runAll(readFileSync(scenarios, 'utf8'));
  const nativeLines = nativeText.split('\n'),
    wasmLines = wasmText.split('\n');
  const firstDifference = nativeLines.findIndex((line, i) => line !== wasmLines[i]);
  assert.equal(
    firstDifference,
    -1,
    `line ${firstDifference + 1}: native "${nativeLines[firstDifference]}" vs WASM "${wasmLines[firstDifference]}"`,
  );
  assert.equal(wasmText, nativeText);
  assert.ok(nativeLines.length > 1000, `${nativeLines.length} lines compared`);
});
