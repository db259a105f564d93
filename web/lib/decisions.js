// The decision tools (issue 13) over the full WASM build: calls that a page runs in a worker,
// so that their code stays out of the lite build its first screen loads. api.js adds them
// to the API of a full module; the conventions are its own (decimal strings, CbmError), and
// cbmcalc.d.ts documents each call.
import {
  CbmError,
  dayText,
  describe,
  earningsFields,
  earningsText,
  fail,
  fieldsOf,
  holderText,
  optionalText,
  readApr,
  readWeight,
  ruleValues,
  text,
  unwrap,
} from './api.js';

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
    /** An honest range for projectEarnings: percentiles over seeded random price paths and pool growths. */
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

    /** What matters most: each assumption of projectEarnings moved down and up, one at a time. */
    sensitivity(input) {
      const v = fieldsOf(input, 'sensitivity()', [...earningsFields, 'step']);
      return unwrap(M.sensitivity({ ...earningsText(v), step: optionalText(v.step, 'step') }));
    },

    /** Reinvesting against holding: the mined WFI buying fresh units at each cadence. */
    reinvest(input) {
      const v = fieldsOf(input, 'reinvest()', [
        ...earningsFields,
        'unitPrice',
        'cadences',
        'until',
        'maxUnits',
        'maxSpentUsd',
        'onProgress',
      ]);
      if (v.cadences !== undefined && !Array.isArray(v.cadences)) {
        fail('cadences', `must be an array of "week", "month", "unit", got ${describe(v.cadences)}`);
      }
      const cadences = v.cadences?.map((c, i) => text(c, `cadences[${i}]`));
      const progress = progressOf(v.onProgress);
      const result = M.reinvest({
        ...earningsText(v),
        unitPrice: optionalText(v.unitPrice, 'unitPrice'),
        until: optionalText(v.until, 'until'),
        maxUnits: optionalText(v.maxUnits, 'maxUnits'),
        maxSpentUsd: optionalText(v.maxSpentUsd, 'maxSpentUsd'),
        cadences,
        onProgress: progress.callback,
      });
      progress.rethrow();
      return unwrap(result);
    },

    /** How the figures of a call were computed, with its own values. */
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

    /** Buy now or later: what one budget, spent on each day from now to the end of emission, mines by the end. */
    buyDates(input) {
      const prices = ['budgetUsd', 'unitPrice', 'unitPriceGrowthPercent', 'tokenPrice', 'tokenPriceGrowthPercent'];
      const v = fieldsOf(input, 'buyDates()', ['rules', 'genesis', 'now', 'pool', 'lines', ...prices, 'onProgress']);
      const progress = progressOf(v.onProgress);
      const result = M.buyDates({
        rules: ruleValues(v.rules),
        genesis: dayText(v.genesis, 'genesis'),
        ...holderText({ ...v, purchases: [] }, false),
        budgetUsd: text(v.budgetUsd, 'budgetUsd'),
        unitPrice: text(v.unitPrice, 'unitPrice'),
        unitPriceGrowthPercent: optionalText(v.unitPriceGrowthPercent, 'unitPriceGrowthPercent'),
        tokenPrice: text(v.tokenPrice, 'tokenPrice'),
        tokenPriceGrowthPercent: optionalText(v.tokenPriceGrowthPercent, 'tokenPriceGrowthPercent'),
        onProgress: progress.callback,
      });
      progress.rethrow();
      return unwrap(result);
    },

    /** Two scenarios side by side, and B - A. */
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
