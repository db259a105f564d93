// The decision tools (issue 13) over the full WASM build: calls that a page runs in a worker,
// so that their code stays out of the lite build its first screen loads. cbmcalc.js adds them
// to the API of a full module; the conventions are its own (decimal strings, CbmError).
import { CbmError, internals } from './cbmcalc.js';

const { fieldsOf, fail, describe, text, optionalText, earningsText, earningsFields, unwrap, readApr, readWeight, ruleValues } = internals;

/** The caller's onProgress (optional), wrapped so that it cannot throw through the core (that
 * would leak its stack): its first error is kept, and rethrow() throws it once the call is
 * over. */
function progressOf(onProgress) {
  if (onProgress !== undefined && typeof onProgress !== 'function') {
    fail('onProgress', `must be a function, got ${describe(onProgress)}`);
  }
  let callbackError;
  return {
    callback:
      onProgress &&
      ((done) => {
        if (callbackError) return;
        try {
          onProgress(done);
        } catch (error) {
          callbackError = { error };
        }
      }),
    rethrow() {
      if (callbackError) throw callbackError.error;
    },
  };
}

/** The decision calls of the API over the module M. */
export function decisionCalls(M) {
  return {
    /** An honest range for projectEarnings: `runs` (1 to 10,000; default 1,000) runs seeded by
     * `seed` (a whole number; default 0: the same seed gives the same bands, bit for bit, in
     * node and every browser), each valuing the holder's mining along a random price path
     * (`priceModel`: { drift, volatility } a year, e.g. { drift: 0.2, volatility: 0.8 }: +20% a
     * year expected, log price spread 0.8 a year) in a pool whose growth is the guess x a
     * lognormal factor of mean 1 (`poolModel`: { spread }, optional; 0: the guess). Each period
     * is valued at the price of its start. `onProgress(runsDone)` (optional) is called after
     * each run. Returns { periods: [{ start, end, startDate, endDate, p10, p50, p90 (USD of the
     * period), cumulative: { p10, p50, p90 } (USD from the first purchase to end) }],
     * breakevenAt: { p10, p50, p90 } (seconds since genesis, or null where that run does not
     * break even), breakevenRuns (the runs that do), runs, seed, paidUsd }, amounts as decimal
     * strings; percentiles by nearest rank (each is one run's exact figure). With volatility 0
     * and no drift or spread, p10 = p50 = p90 = projectEarnings. */
    earningsBands(input) {
      const fields = [...earningsFields, 'priceModel', 'poolModel', 'runs', 'seed', 'onProgress'];
      const v = fieldsOf(input, 'earningsBands()', fields);
      const earnings = earningsText(v);
      const price = fieldsOf(v.priceModel, 'a price model', ['drift', 'volatility'], 'priceModel');
      const pool = v.poolModel === undefined ? {} : fieldsOf(v.poolModel, 'a pool model', ['spread'], 'poolModel');
      const progress = progressOf(v.onProgress);
      const result = M.earningsBands({
        ...earnings,
        drift: text(price.drift, 'priceModel.drift'),
        volatility: text(price.volatility, 'priceModel.volatility'),
        poolSpread: optionalText(pool.spread, 'poolModel.spread'),
        runs: optionalText(v.runs, 'runs'),
        seed: optionalText(v.seed, 'seed'),
        onProgress: progress.callback,
      });
      progress.rethrow();
      return unwrap(result);
    },

    /** What matters most: each assumption of projectEarnings moved `step` (0 to 1, exclusive;
     * default 0.2) down and up, one at a time: the WFI price, everyone else's units now and
     * their growth, the unit price and the lifetime (those the input has). Returns { base,
     * swings: [{ input ("tokenPrice", "poolUnits", "poolGrowth", "unitPrice", "lifetime"), base,
     * low, high (its values; units rounded, lifetime in seconds), atLow, atHigh }] } with each
     * outcome { yearWfi, yearUsd (the 365 days from now), breakevenAt (seconds since genesis or
     * null) }, the swings largest first by their 12-month USD. */
    sensitivity(input) {
      const v = fieldsOf(input, 'sensitivity()', [...earningsFields, 'step']);
      return unwrap(M.sensitivity({ ...earningsText(v), step: optionalText(v.step, 'step') }));
    },

    /** Reinvesting against holding: from now on, the WFI mined buys fresh units at `unitPrice`
     * (USD; default: the latest purchase's) at the start of each calendar week ("week"), month
     * ("month"), or each midnight a whole unit is affordable ("unit"), as many whole units as it
     * pays for at tokenPrice; `cadences` (default all three) are compared with holding. Each plan
     * reinvests until `until` (seconds since genesis or a date; default: the stop that holds the
     * most WFI at the end of emission), then holds. `onProgress(done)` (optional) gets the share
     * done, 0 to 1. Returns { unitPrice, best (the cadence holding the most WFI at the end; "hold"
     * if none beats it), plans: [{ cadence ("hold" first), until, untilDate (null: never
     * reinvests), bought: [{ at, date, units, paidWfi }], periods: [{ start, end, startDate,
     * endDate, minedWfi, spentWfi, heldWfi, heldUsd, units }], minedWfi, spentWfi, heldWfi,
     * heldUsd, units }] }, amounts as decimal strings, held = mined since the first purchase less
     * spent. */
    reinvest(input) {
      const v = fieldsOf(input, 'reinvest()', [...earningsFields, 'unitPrice', 'cadences', 'until', 'onProgress']);
      if (v.cadences !== undefined && !Array.isArray(v.cadences)) {
        fail('cadences', `must be an array of "week", "month", "unit", got ${describe(v.cadences)}`);
      }
      const cadences = v.cadences?.map((c, i) => text(c, `cadences[${i}]`));
      const progress = progressOf(v.onProgress);
      const result = M.reinvest({
        ...earningsText(v),
        unitPrice: optionalText(v.unitPrice, 'unitPrice'),
        until: optionalText(v.until, 'until'),
        cadences,
        onProgress: progress.callback,
      });
      progress.rethrow();
      return unwrap(result);
    },

    /** How the figures of a call were computed, with its own values: `call` is "apr",
     * "projectEarnings", "points" (input: { streakDays, totalPoints, invites, elapsedSeconds,
     * rules }: the weight, its parts and a session's reward) or "pool" (input: a simulatePool
     * run's { rules, horizon, emitted, distributed, unallocated, dust, requests, accepted,
     * rejected, maxWait }), `input` that call's input. Returns { [figure]: { formula, terms: [{ name,
     * label, kind, value }], notes } }, one entry per figure the call gives ("aprPercent",
     * "now.blockReward", "breakevenAt"...): the formula and the notes name terms in braces
     * ("{aprPercent} = {yearlyRewardUsd} / ..."), for the caller to fill in with each term's value
     * (a decimal string, a whole number or a day YYYY-MM-DD, by `kind`: "wfi", "wfiPerSecond",
     * "usd", "price", "units", "power", "percent", "count", "date") formatted its way. For
     * projectEarnings, `at` (seconds since genesis) describes the "now" figures at that second
     * instead of projectEarnings' own now (a page that shows a day's figure explains that day's). */
    explain(call, input, { at } = {}) {
      if (call === 'apr') {
        const fields = readApr(input);
        return unwrap(M.explain('apr', { apr: fields, referralReward: optionalText(input.referralReward, 'referralReward') }));
      }
      if (call === 'projectEarnings') {
        const earnings = earningsText(fieldsOf(input, 'projectEarnings()', earningsFields));
        return unwrap(M.explain(call, { ...earnings, at: optionalText(at, 'at') }));
      }
      if (call === 'points') {
        const v = fieldsOf(input, 'a points explanation', ['streakDays', 'totalPoints', 'invites', 'elapsedSeconds', 'rules']);
        const weight = readWeight({ streakDays: v.streakDays, totalPoints: v.totalPoints, invites: v.invites });
        return unwrap(M.explain(call, { weight, elapsedSeconds: text(v.elapsedSeconds, 'elapsedSeconds'), rules: ruleValues(v.rules) }));
      }
      if (call === 'pool') {
        const names = ['horizon', 'emitted', 'distributed', 'unallocated', 'dust', 'requests', 'accepted', 'rejected', 'maxWait'];
        const v = fieldsOf(input, 'a pool explanation', [...names, 'rules']);
        return unwrap(
          M.explain(call, { ...Object.fromEntries(names.map((name) => [name, text(v[name], name)])), rules: ruleValues(v.rules) }),
        );
      }
      return fail('call', `must be "apr", "projectEarnings", "points" or "pool", got ${describe(call)}`);
    },

    /** Two scenarios side by side: `a` and `b`, each projectEarnings' input (the same genesis).
     * Returns { a, b, difference (b - a), each { totalWfi, totalUsd, paidUsd, firstYearWfi,
     * firstYearUsd, firstYearReturnPercent, aprPercentNow, breakevenAt (seconds since genesis;
     * the difference's in seconds, null unless both break even) }, earned: [{ end, endDate, a, b
     * }] (each one's USD to date at every period end of either) }. Errors name their side:
     * "b.tokenPrice". */
    compareEarnings(input) {
      const v = fieldsOf(input, 'compareEarnings()', ['a', 'b']);
      // Each side's errors name it: "b.tokenPrice".
      const side = (name) => {
        try {
          return earningsText(fieldsOf(v[name], `scenario ${name.toUpperCase()}`, earningsFields));
        } catch (error) {
          if (!(error instanceof CbmError)) throw error;
          const [field, message] = error.field
            ? [`${name}.${error.field}`, `${name}.${error.message}`]
            : [name, `${name}: ${error.message}`];
          throw new CbmError(message, { code: error.code, field, problem: error.problem });
        }
      };
      return unwrap(M.compareEarnings({ a: side('a'), b: side('b') }));
    },
  };
}
