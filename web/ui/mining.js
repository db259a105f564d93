// "My mining units": a holder's earnings, composed from the core (SPEC 2-5).
//
// cbm.projectEarnings runs the pool once for the holder (everyone else's units as a block,
// then one request a day for the growth; the same for each referral line; the holder's
// purchases as requests of "you") and gives the figures of the first screen and the table, and,
// sampled a day, the run itself: the holder's cumulative and per-second reward, which the
// price paths value afterwards (a scenario change needs no new run).
//
// Shared by the page and the widget; pure functions of their inputs (and the API).
import { CbmError } from '../lib/cbmcalc.js';
import { DAY, YEAR, dayText, parseDay } from './dates.js';
import { formatAmount } from './format.js';
import { plainNumber } from './numbers.js';
import { rateChanges } from './rules.js';

function fail(field, problem) {
  throw new CbmError(`${field}: ${problem}`, { field });
}

/** A price field's text; the core checks it (naming the field). */
function decimal(text, field) {
  const t = String(text ?? '').trim();
  if (t === '') fail(field, 'is required');
  return t;
}

/** The form's field for a field of cbm.projectEarnings, and the message a person reads there;
 * `buys`: the purchases as read (a price of its own is said at its row, else at unitPrice). */
function formError(e, genesis, buys) {
  if (!(e instanceof CbmError)) throw e;
  // A lifetime or half-life is typed in years: say its limits in years (a display conversion).
  const rule = /^rules\.(lifetime|halfLife)$/.exec(e.field ?? '')?.[1];
  if (rule && e.problem?.kind === 'not-whole-in-range') {
    const years = formatAmount(String(Number(e.problem.max) / YEAR), 'plain');
    throw new CbmError(`${rule}: must be more than 0 and at most ${years} years`, { field: rule, code: e.code });
  }
  const [, list, index, name] = /^(pool|lines|purchases)(?:\[(\d+)\])?\.(\w+)$/.exec(e.field ?? '') ?? [];
  if (!list) throw e;
  const line = Number(index) + 1;
  const field = {
    pool: { units: 'poolUnits', growthPerDay: 'poolGrowth', growthPercentPerMonth: 'poolGrowth', ceiling: 'poolCeiling' },
    lines: { units: `ref${line}Units`, growthPerDay: `ref${line}Growth` },
    purchases: {
      at: `purchases[${index}].date`,
      units: `purchases[${index}].units`,
      unitPrice: buys[index]?.unitPrice ? `purchases[${index}].unitPrice` : 'unitPrice',
    },
  }[list][name];
  const { kind, got, end, growthPerDay, days, since, units, max, at } = e.problem ?? {};
  // Said here in the page's words (the problem's own words are no longer the message's).
  let problem = null;
  if (kind === 'after-emission') problem = `is after emission ends (${dayText(genesis + Number(end))})`;
  else if (list === 'purchases' && name === 'at' && Number(got) < 0) problem = `is before the genesis date ${dayText(genesis)}`;
  else if (kind === 'growth-exceeds-units')
    problem = `${growthPerDay} units a day over the ${days} days since ${dayText(genesis + Number(since))} is more than the ${units} units today`;
  else if (kind === 'ceiling-below-units') problem = `must be at least today's ${formatAmount(units, 'plain')} units`;
  else if (kind === 'growth-exceeds-limit')
    problem = `takes the pool past ${formatAmount(max, 'plain')} units by ${dayText(genesis + Number(at))}`;
  else if (kind === 'nothing-to-grow') problem = 'must be more than 0 to grow by a percentage';
  // Else the core's words under the form's field name; the problem stays for whoever words it.
  if (problem === null) throw new CbmError(`${field}: ${e.message.slice(e.field.length + 2)}`, { field, code: e.code, problem: e.problem });
  throw new CbmError(`${field}: ${problem}`, { field, code: e.code });
}

/** Everyone else's units as the core takes them, from the form's texts: poolUnits today,
 * poolGrowth in poolGrowthUnit ("day": new units a day, "percent": % a month), and an optional
 * poolCeiling (empty: none). */
export function growingPool({ poolUnits, poolGrowth, poolGrowthUnit = 'day', poolCeiling = '' }) {
  const trimmed = (value) => String(value ?? '').trim();
  const pool = { units: trimmed(poolUnits) };
  pool[poolGrowthUnit === 'percent' ? 'growthPercentPerMonth' : 'growthPerDay'] = trimmed(poolGrowth);
  if (trimmed(poolCeiling) !== '') pool.ceiling = trimmed(poolCeiling);
  return pool;
}

/** The pool of everyone else in seed 003's example: the pool implied by 0.00009804 WFI/s for
 * 1,000 units at 8 WFI/s (81,599,347.2 units) less those 1,000, in whole units. */
export function seedPoolUnits(cbm) {
  return Number(cbm.impliedOtherUnits({ units: 1000, blockReward: '0.00009804', rate: 8 }));
}

/**
 * Projects a holder's earnings. `input`: { genesis: "YYYY-MM-DD", today (Unix seconds at a UTC
 * midnight), purchases: [{ date, units }], unitPrice and tokenPrice (texts: every purchase at
 * unitPrice, WFI at tokenPrice), period ("day" ... "year"), poolUnits (everyone else's units
 * today), poolGrowth, poolGrowthUnit and poolCeiling (as growingPool reads them), referrals:
 * [{ units, growth }] (the referral lines' units today and a day, besides the pool; line 1
 * first), rules }. Returns cbm.projectEarnings' input (`earningsInput`), its figures
 * (`earnings`) and its run by day, in Unix seconds. Errors name the form's field: genesis, purchases[i].date, poolUnits, ref1Units...
 */
export function projectMining(cbm, input) {
  const { genesis, today, buys, earningsInput } = earningsRequest(input);
  // The breakeven the page shows is each price path's, by day (priceMining): not the search for
  // its second, most of the call's time.
  const earnings = projectFor(cbm, earningsInput, genesis, buys, { sampleEvery: DAY, breakeven: false });
  const { rules } = input;
  const { series: run } = earnings;
  const poolSeconds = Array.from(run.t);
  const end = genesis + poolSeconds.at(-1);
  return {
    genesis,
    today,
    end,
    rules,
    earningsInput, // what the decision tools and "How?" ask about: the same holder
    earnings,
    series: {
      t: poolSeconds.map((t) => genesis + t),
      poolSeconds,
      reward: run.mined, // WFI mined to date, exact
      rate: run.rate, // WFI per second now, exact
      poolPower: run.poolPower,
      emissionRate: run.emissionRate,
    },
    purchases: buys.map((b, i) => {
      const p = earnings.purchases[i];
      const unix = (t) => (t < 0 ? null : genesis + t); // null: still queued when emission ends
      return {
        at: b.at,
        units: Number(b.units),
        activatedAt: unix(p.activatedAt),
        miningStart: unix(p.miningStart),
        wait: p.wait,
        reward: p.reward,
        unitPrice: earningsInput.purchases[i].unitPrice, // its own, or the form's
      };
    }),
    marks: rateChanges(cbm, rules, end - genesis).map((m) => ({ ...m, t: genesis + m.t })),
    // Each referral line's mining from the start: WFI before each sample, and per second.
    lines: run.lines,
  };
}

/**
 * The first screen's figures only (a day, 30 days, 12 months, the next halving): projectMining's
 * `earnings` without the run by day, for a page's first frame (the series is most of a first
 * call's time, before the engine's code is warm).
 */
export function projectAnswers(cbm, input) {
  const { genesis, buys, earningsInput } = earningsRequest(input);
  return projectFor(cbm, earningsInput, genesis, buys, { breakeven: false });
}

/** projectEarnings' input from the form's (projectMining's `input`), with the dates it read. */
function earningsRequest(input) {
  const { genesis: genesisText, today, purchases, referrals = [], rules, unitPrice, tokenPrice, period, ...poolFields } = input;
  const genesis = parseDay(genesisText);
  if (genesis === null) fail('genesis', `must be a date YYYY-MM-DD, got "${genesisText}"`);
  if (purchases.length === 0) fail('purchases[0].units', 'add at least one purchase');
  const buys = purchases.map(({ date, units, unitPrice: own }, i) => {
    const at = parseDay(date);
    if (at === null) fail(`purchases[${i}].date`, `must be a date YYYY-MM-DD, got "${date}"`);
    return { at, units: String(units ?? '').trim(), unitPrice: String(own ?? '').trim() };
  });
  const price = decimal(unitPrice, 'unitPrice');
  // Lines only when one is described (a field not "0"): else nothing is tracked.
  const described = (text) => !['', '0'].includes(String(text ?? '').trim());
  const hasLines = referrals.some((line) => described(line.units) || described(line.growth));
  const earningsInput = {
    rules,
    genesis: genesisText,
    now: today - genesis,
    purchases: buys.map((b) => ({ at: b.at - genesis, units: b.units, unitPrice: b.unitPrice || price })),
    pool: growingPool(poolFields),
    lines: hasLines
      ? referrals.map((line) => ({ units: String(line.units ?? '').trim(), growthPerDay: String(line.growth ?? '').trim() }))
      : [],
    tokenPrice: decimal(tokenPrice, 'tokenPrice'),
    period,
  };
  return { genesis, today, buys, earningsInput };
}

/** cbm.projectEarnings, its errors named for the form's fields. */
function projectFor(cbm, earningsInput, genesis, buys, options) {
  try {
    return cbm.projectEarnings(earningsInput, options);
  } catch (e) {
    return formError(e, genesis, buys);
  }
}

/**
 * projectMining with a memory of its last run: a change of price scenario re-values the same
 * run, and only a change in what the run depends on runs the pool again. `stale(input)` tells
 * which it is.
 */
export function cachedMining(cbm) {
  let last = { key: '', sim: null };
  const keyOf = (input) => JSON.stringify(input);
  return {
    stale: (input) => keyOf(input) !== last.key,
    run(input) {
      const key = keyOf(input);
      if (key !== last.key) last = { key, sim: projectMining(cbm, input) };
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
    const expects = 'must be a percentage above -100';
    const x = plainNumber(text, field, expects);
    if (x <= -100 || x > 1000) fail(field, `${expects}, got "${text}"`);
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
 * Values a run at a price scenario. `prices`: { tokenPrice, unitPrice (of a purchase without its
 * own), scenario, growth, bear, base, bull }. Returns the contribution, the APR now (exact), and
 * per price path the USD value of the WFI mined to date, the APR over time and the breakeven
 * day, all from cbm.valueEarnings. With `rows`, each path also has each sample's exact price,
 * USD value and APR (priceRows, usdRows, aprRows: for exports). `flatBreakeven`: the breakeven day at today's price, the
 * price of the earnings table (valued beside the scenario's paths when none of them is flat).
 */
export function priceMining(cbm, sim, prices, { rows = false } = {}) {
  const tokenPrice = decimal(prices.tokenPrice, 'tokenPrice');
  const unitPrice = decimal(prices.unitPrice, 'unitPrice');
  const paths = pricePaths(prices);
  const flatPath = paths.findIndex((p) => p.monthly === 0);
  const flat = flatPath >= 0 ? flatPath : paths.length; // a flat path valued last if none is
  const { series, today, purchases } = sim;
  const n = series.t.length;
  // The referral income (the projection's, from the lines' mining) joins the valuation.
  const referral = sim.earnings.referral && { ...sim.earnings.referral };
  const value = cbm.valueEarnings({
    t: series.t,
    mined: series.reward,
    rate: series.rate,
    referralRate: referral?.series.rate,
    purchases: purchases.map((p) => ({
      at: p.at,
      units: p.units,
      miningStart: p.miningStart ?? sim.end,
      unitPrice: p.unitPrice ?? unitPrice,
    })),
    unitPrice,
    tokenPrice,
    today,
    paths: [...paths.map((p) => p.monthly), ...(flat === paths.length ? [0] : [])],
    rows,
  });
  // "Now": today, or the first day the holder's units mine, if that is later.
  const at = value.now;
  if (referral) referral.now = referralNow(referral, sim, at);
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
      apr: base.aprNow, // SPEC 5 over what the purchases made by then cost (null: nothing paid)
    };
  }
  if (referral?.now) referral.now.aprPercent = now?.apr?.withReferralsPercent ?? null;
  return {
    contributionUsd: value.contributionUsd,
    totalUnits: value.totalUnits,
    wfiEnd: series.reward[n - 1],
    paths: valued,
    flatBreakeven: value.paths[flat].breakeven,
    now,
    referral,
  };
}

/** The breakeven as mining calculators say it, "paid back in N days": the days from the last
 * purchase's day to the breakeven's (Unix seconds, the last second of its day), both counted;
 * null for none. */
export function paybackDays(breakeven, purchases) {
  if (breakeven === null) return null;
  const last = Math.max(...purchases.map((p) => p.at));
  return Math.ceil((breakeven + 1 - last) / DAY);
}

/** The referral figures at sample `at` of the series (null: none): { rate, locked, unlocked,
 * nextPayout }. */
function referralNow(income, sim, at) {
  if (at === null) return null;
  const poolNow = sim.series.poolSeconds[at];
  return {
    rate: income.series.rate[at],
    locked: income.series.locked[at],
    unlocked: income.series.unlocked[at],
    // The payout of the week under way (it is paid at the week's end).
    nextPayout: income.payouts.find((p) => p.at > poolNow) ?? null,
  };
}
