// "Buy now or later?" as state: the request to the core (buyDates: My mining units' pool, start
// date and WFI price, with a budget and the unit price's path) and every word, point and row the
// section shows. No DOM: node-tested.
import { formatAmount, formatDate } from './format.js';

/** buyDates' input: `base` is My mining units' decision input (mining-state.js decisionInput);
 * `values` the form's texts (budgetUsd, unitPrice: empty for the latest purchase's, and
 * unitPriceGrowthPercent: empty for none). */
export function buyDatesRequest(base, values) {
  const { rules, genesis, now, pool, lines, purchases, tokenPrice } = base.input;
  return {
    rules,
    genesis,
    now,
    pool,
    lines,
    budgetUsd: values.budgetUsd.trim(),
    unitPrice: values.unitPrice.trim() || purchases.at(-1).unitPrice,
    unitPriceGrowthPercent: values.unitPriceGrowthPercent.trim() || undefined,
    tokenPrice,
  };
}

/** The verdict, the chart and its table. `genesis`: Unix seconds of pool second 0; `request`:
 * what was asked (buyDatesRequest). */
export function buyDatesView(result, genesis, request) {
  const { days, best } = result;
  const date = (k) => formatDate(genesis + days.at[k]);
  const wfi = (k) => formatAmount(days.wfi[k], 'wfi');
  const budget = formatAmount(request.budgetUsd, 'usd');
  const end = formatDate(genesis + result.emissionEnd);
  const later = (k, words) => (k < days.at.length ? `; ${words}, ${wfi(k)}` : '');
  const verdict =
    best === 0
      ? `Buy now: ${budget} spent today mines ${wfi(0)} by the end of emission (${end}), more than on any later day` +
        `${later(30, 'a month later')}${later(365, 'a year later')}.`
      : `Buy on ${date(best)}: ${budget} then buys ${formatAmount(String(days.units[best]), 'units')} (against ${formatAmount(String(days.units[0]), 'units')} today) and mines ` +
        `${wfi(best)} by the end of emission (${end}), against ${wfi(0)} bought today.`;
  const x = Float64Array.from(days.at, (t) => genesis + t);
  return {
    verdict,
    note: `Whole units at each day's unit price; the WFI valued at ${formatAmount(result.endTokenPrice, 'price')}, the WFI price at the end. Each day is exact, as a run of the pool with that purchase gives.`,
    chart: {
      data: [x, Float64Array.from(days.wfi, Number)],
      marks: [...result.halvings.map((t) => ({ t: genesis + t, label: 'halving' })), { t: x[best], label: 'best day', solid: true }],
      summary: `Chart of the WFI that ${budget} mines by the end of emission, by the day it is spent: ${wfi(0)} today, the most (${wfi(best)}) on ${date(best)}, ${wfi(days.at.length - 1)} on ${date(days.at.length - 1)}.`,
      table: {
        columns: ['Bought on', 'USD a unit', 'Units', 'WFI by the end', 'USD at the end'],
        rows: tableDays(days.at.length, best).map((k) => [
          date(k),
          formatAmount(days.unitPrice[k], 'price'),
          formatAmount(String(days.units[k]), 'units'),
          wfi(k),
          formatAmount(days.usd[k], 'usd'),
        ]),
      },
    },
  };
}

/** The days the table lists: every 30th from today, the best and the last. */
export function tableDays(count, best) {
  const picked = new Set([best, count - 1]);
  for (let k = 0; k < count; k += 30) picked.add(k);
  return [...picked].sort((a, b) => a - b);
}
