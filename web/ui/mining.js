// "My mining units": a holder's earnings, composed from cbm.simulatePool (SPEC 2-5).
//
// The rest of the pool is modelled as synthetic activations: one block holding the pool's units
// at the start, then one activation per day for the daily growth. The holder's purchases are
// activations of the owner "you" at their dates, and the run follows that owner, so its series
// gives the holder's cumulative reward and current per-second reward (the block reward of seed
// 003, net of amortization). Prices are applied afterwards: a price change needs no new run.
//
// Shared by the page and the widget; pure functions of their inputs (and the API).
import { CbmError } from '../lib/cbmcalc.js';
import { DAY, YEAR, dayText, parseDay } from './dates.js';
import { rateChanges } from './rules.js';

export const YOU = 'you';
const POOL = 'pool';
/** The owner of referral line i's activations (0: line 1; SPEC 7b). */
const lineOwner = (i) => `line-${i + 1}`;
const MAX_UNITS = 1e12; // the core's limit for one activation

function fail(field, problem) {
  throw new CbmError(`${field}: ${problem}`, { field });
}

function whole(text, field, min) {
  const t = String(text ?? '').trim();
  const x = Number(t);
  if (t === '' || !Number.isInteger(x) || x < min || x > MAX_UNITS) {
    fail(field, `must be a whole number from ${min} to 1000000000000, got "${t}"`);
  }
  return x;
}

/** A price field's text; the core checks it (naming the field). */
function decimal(text, field) {
  const t = String(text ?? '').trim();
  if (t === '') fail(field, 'is required');
  return t;
}

/** The pool of everyone else in seed 003's example: the pool implied by 0.00009804 WFI/s for
 * 1,000 units at 8 WFI/s (81,599,347.2 units) less those 1,000, in whole units. */
export function seedPoolUnits(cbm) {
  const total = cbm.impliedPoolPower({ units: 1000, blockReward: '0.00009804', rate: 8 });
  return Number(total.split('.')[0]) - 1000;
}

/**
 * Runs the pool for a holder. `input`: { genesis: "YYYY-MM-DD", today (Unix seconds at a UTC
 * midnight), purchases: [{ date, units }], poolUnits (everyone else's units today), poolGrowth
 * (units a day), referrals: [{ units, growth }] (the referral lines' units today and a day,
 * besides the pool; line 1 first), rules }. Errors name the field: genesis, purchases[i].date,
 * poolUnits, ref1Units...
 */
export function simulateMining(cbm, { genesis: genesisText, today, purchases, poolUnits, poolGrowth, referrals = [], rules }) {
  const genesis = parseDay(genesisText);
  if (genesis === null) fail('genesis', `must be a date YYYY-MM-DD, got "${genesisText}"`);
  const { endsAt } = cbm.emission({ rules });
  const horizon = endsAt ?? 8 * YEAR;
  const end = genesis + horizon;

  if (purchases.length === 0) fail('purchases[0].units', 'add at least one purchase');
  const buys = purchases.map(({ date, units }, i) => {
    const at = parseDay(date);
    if (at === null) fail(`purchases[${i}].date`, `must be a date YYYY-MM-DD, got "${date}"`);
    if (at < genesis) fail(`purchases[${i}].date`, `is before the genesis date ${dayText(genesis)}`);
    if (at >= end) fail(`purchases[${i}].date`, `is after emission ends (${dayText(end)})`);
    return { at, units: whole(units, `purchases[${i}].units`, 1) };
  });
  const others = whole(poolUnits, 'poolUnits', 0);
  const growth = whole(poolGrowth, 'poolGrowth', 0);
  const lines = referrals.map((line, i) => ({
    units: whole(line.units, `ref${i + 1}Units`, 0),
    growth: whole(line.growth, `ref${i + 1}Growth`, 0),
  }));
  const hasLines = lines.some((line) => line.units > 0 || line.growth > 0);

  // The run starts at the first purchase or today, whichever is first; the pool at that start
  // is today's pool less the growth since then.
  const start = Math.max(genesis, Math.min(today, ...buys.map((b) => b.at)));
  const daysBack = Math.max(0, Math.round((today - start) / DAY));
  // Ties in the queue go in input order: the pool's own requests first, then the lines'.
  const activations = [];
  // A block of `units` today, grown by `perDay` a day: at the start, today's less the growth
  // since then; then one request a day.
  const addGrowing = (owner, units, perDay, field) => {
    const initial = units - perDay * daysBack;
    if (initial < 0)
      fail(field, `${perDay} units a day over the ${daysBack} days since ${dayText(start)} is more than the ${units} units today`);
    if (initial > 0) activations.push({ id: `${owner}-0`, owner, units: initial, requestedAt: start - genesis });
    if (perDay > 0) {
      for (let d = start + DAY, k = 1; d < end; d += DAY, k++) {
        activations.push({ id: `${owner}-${k}`, owner, units: perDay, requestedAt: d - genesis });
      }
    }
  };
  addGrowing(POOL, others, growth, 'poolGrowth');
  if (hasLines) lines.forEach((line, i) => addGrowing(lineOwner(i), line.units, line.growth, `ref${i + 1}Growth`));
  buys.forEach((b, i) => activations.push({ id: `you-${i}`, owner: YOU, units: b.units, requestedAt: b.at - genesis }));

  const trackOwners = hasLines ? lines.map((_, i) => lineOwner(i)) : [];
  const result = cbm.simulatePool({ rules, horizon, activations, sampleEvery: DAY, focusOwner: YOU, trackOwners });

  const first = result.series.findIndex((s) => s.t >= start - genesis);
  const samples = result.series.slice(first);
  const series = {
    t: samples.map((s) => genesis + s.t),
    poolSeconds: samples.map((s) => s.t),
    reward: samples.map((s) => s.focusReward), // WFI mined to date, exact
    rate: samples.map((s) => s.focusRate), // WFI per second now, exact
    poolPower: Float64Array.from(samples, (s) => Number(s.poolPower)),
    emissionRate: Float64Array.from(samples, (s) => Number(s.rate)),
  };
  const mine = result.activations.filter((a) => a.owner === YOU);
  return {
    genesis,
    today,
    start,
    end,
    rules,
    series,
    purchases: buys.map((b, i) => {
      const a = mine[i];
      return { ...b, activatedAt: genesis + a.activatedAt, miningStart: genesis + a.miningStart, wait: a.wait, reward: a.reward };
    }),
    marks: rateChanges(cbm, rules, horizon).map((m) => ({ ...m, t: genesis + m.t })),
    poolActivations: activations.length - buys.length,
    // Each referral line's mining from the start: WFI before each sample, and per second.
    lines: trackOwners.map((owner) => ({
      mined: result.tracked[owner].reward.slice(first),
      rate: result.tracked[owner].rate.slice(first),
    })),
  };
}

/**
 * simulateMining with a memory of its last run: a price change re-values the same run, and only
 * a change in what the run depends on runs the pool again. `stale(input)` tells which it is.
 */
export function cachedMining(cbm) {
  let last = { key: '', sim: null };
  const keyOf = (input) => JSON.stringify(input);
  return {
    stale: (input) => keyOf(input) !== last.key,
    run(input) {
      const key = keyOf(input);
      if (key !== last.key) last = { key, sim: simulateMining(cbm, input) };
      return last.sim;
    },
  };
}

/**
 * The price paths of a scenario: flat, growth per month, or a bear / base / bull band. Each is
 * { key, monthly (% a month) }. Before today the price is today's (past prices are not known).
 */
export function pricePaths({ scenario = 'flat', growth = '0', bear = '-5', base = '0', bull = '5' }) {
  const percent = (text, field) => {
    const x = Number(String(text).trim());
    if (String(text).trim() === '' || !Number.isFinite(x) || x <= -100 || x > 1000)
      fail(field, `must be a percentage above -100, got "${text}"`);
    return x;
  };
  if (scenario === 'growth') return [{ key: 'base', monthly: percent(growth, 'growth') }];
  if (scenario === 'band') {
    return [
      { key: 'bear', monthly: percent(bear, 'bear') },
      { key: 'base', monthly: percent(base, 'base') },
      { key: 'bull', monthly: percent(bull, 'bull') },
    ];
  }
  return [{ key: 'base', monthly: 0 }];
}

/**
 * Values a run at a price scenario. `prices`: { tokenPrice, unitPrice, scenario, growth, bear,
 * base, bull }. Returns the contribution, the APR now (cbm.apr: exact), and per price path the
 * USD value of the WFI mined to date, the APR over time and the breakeven day, all from
 * cbm.valueEarnings. With `rows`, each path also has each sample's exact price and USD value
 * (priceRows, usdRows: for exports).
 */
export function priceMining(cbm, sim, prices, { rows = false } = {}) {
  const tokenPrice = decimal(prices.tokenPrice, 'tokenPrice');
  const unitPrice = decimal(prices.unitPrice, 'unitPrice');
  const paths = pricePaths(prices);
  const { series, today, purchases } = sim;
  const n = series.t.length;
  // "Now": today, or the first day the holder's units mine, if that is later. Asked first
  // without the referral income, which needs it.
  const valuation = (referralRate) =>
    cbm.valueEarnings({
      t: series.t,
      mined: series.reward,
      rate: series.rate,
      referralRate,
      purchases: purchases.map((p) => ({ at: p.at, units: p.units, miningStart: p.miningStart })),
      unitPrice,
      tokenPrice,
      today,
      paths: paths.map((p) => p.monthly),
      rows,
    });
  let value = valuation();
  const at = value.now;
  const referral = sim.lines.length ? referralMining(cbm, sim, unitPrice, at) : null;
  if (referral) value = valuation(referral.series.rate);
  const gaps = (column) => column && Array.from(column, (x) => (Number.isNaN(x) ? null : x)); // null: a gap in the chart
  const valued = paths.map(({ key, monthly }, k) => {
    const p = value.paths[k];
    return { ...p, key, monthly, apr: gaps(p.apr), aprWithReferrals: gaps(p.aprWithReferrals) };
  });

  let now = null;
  if (at !== null) {
    const base = valued.find((v) => v.key === 'base');
    const blockReward = series.rate[at];
    now = {
      t: series.t[at],
      isToday: series.t[at] === today,
      blockReward,
      perDay: value.perDayNow,
      mined: series.reward[at],
      price: base.priceNow,
      apr: cbm.apr({ blockReward, tokenPrice: base.priceNow, units: value.unitsBy[at], unitPrice }),
    };
  }
  if (referral && now) {
    const withReferrals = cbm.apr({
      blockReward: now.blockReward,
      referralReward: referral.now.rate,
      tokenPrice: now.price,
      units: value.unitsBy[at],
      unitPrice,
    });
    referral.now.aprPercent = withReferrals.withReferralsPercent;
  }
  return {
    contributionUsd: value.contributionUsd,
    totalUnits: value.totalUnits,
    unitsBy: value.unitsBy,
    unitPrice,
    wfiEnd: series.reward[n - 1],
    paths: valued,
    now,
    perUnitWfiEnd: value.perUnitWfiEnd,
    referral,
  };
}

/**
 * SPEC 7b: the holder's referral income from the lines of a run, at the unit price the holder
 * paid (which unlocks the lines). `at` is the index of "now" in the series (null: none).
 * Returns cbm.referralIncome()'s result and the figures at now: { rate, paid, locked,
 * unlocked, nextPayout }.
 */
function referralMining(cbm, sim, unitPrice, at) {
  const income = cbm.referralIncome({
    t: sim.series.poolSeconds,
    lines: sim.lines,
    purchases: sim.purchases.map((p) => ({ at: p.activatedAt - sim.genesis, units: p.units, unitPrice })),
  });
  const i = at ?? -1;
  const poolNow = i >= 0 ? sim.series.poolSeconds[i] : null;
  return {
    ...income,
    now:
      i >= 0
        ? {
            rate: income.series.rate[i],
            locked: income.series.locked[i],
            unlocked: income.series.unlocked[i],
            // The payout of the week under way (it is paid at the week's end).
            nextPayout: income.payouts.find((p) => p.at > poolNow) ?? null,
          }
        : null,
  };
}
