// "Reinvest or hold?" as state: the verdict, the table of the plans, the warning on plans that
// would own much of the pool, and the charts' columns, in words and figures, from what the
// core's reinvest gave. No DOM: reinvest-section.js puts these in the page, and node tests read
// them.
import { formatAmount, formatDate } from './format.js';

export const planNames = { hold: 'Hold', week: 'Weekly', month: 'Monthly', unit: 'When affordable' };
const cadenceWords = { week: 'every week', month: 'every month', unit: 'whenever a whole unit is affordable' };
const planColors = { hold: '--muted', week: '--c1', month: '--c2', unit: '--c3' };
const wfi = (text) => formatAmount(String(text), 'wfi');
const usd = (text) => formatAmount(String(text), 'usd');
const units = (text) => formatAmount(String(text), 'units');

/** The plans of `r` (reinvest's result) over a pool whose genesis is `genesis` (Unix seconds):
 * { verdict, rows: [{ cadence, cells, held, until, best }] }, a row a plan. */
export function reinvestView(r, genesis) {
  const until = (plan) => (plan.until === null ? '—' : formatDate(genesis + plan.until));
  const hold = r.plans[0];
  const best = r.plans.find((p) => p.cadence === r.best);
  const verdict =
    r.best === 'hold'
      ? `Holding pays best: at ${formatAmount(r.unitPrice, 'price')} a unit, fresh units do not earn back their price in WFI before emission ends. You hold ${wfi(hold.heldWfi)} at the end.`
      : `Best: reinvest ${cadenceWords[r.best]} until ${until(best)}, then hold: ${wfi(best.heldWfi)} at the end (${usd(best.heldUsd)} at today's price), against ${wfi(hold.heldWfi)} holding.`;
  const rows = r.plans.map((plan) => ({
    cadence: plan.cadence,
    cells: [
      planNames[plan.cadence],
      until(plan),
      formatAmount(String(plan.bought.length), 'plain'),
      units(plan.units),
      wfi(plan.minedWfi),
      wfi(plan.spentWfi),
      wfi(plan.heldWfi),
      usd(plan.heldUsd),
    ],
    held: plan.heldWfi,
    until: plan.until ?? '',
    best: plan.cadence === r.best,
  }));
  return { verdict, rows };
}

/** The plans of `r` that end owning more than `warnAt` % of the pool (`others`: everyone else's
 * units today, and theirs), said: their units are bought by selling that much WFI, at a price
 * held here. '' when none does. */
export function largePlansWarning(r, others, warnAt) {
  const share = (plan) => plan.units / (others + plan.units); // a display ratio, not a figure
  const large = r.plans.filter((plan) => share(plan) * 100 > warnAt);
  if (!large.length) return '';
  return (
    `${large.map((plan) => `${planNames[plan.cadence]} ends with ${units(plan.units)}, ${formatAmount(String(share(plan)), 'share')} of the pool`).join('; ')} ` +
    `(everyone else's ${units(others)} today, and its own). Buying that many units means selling that much WFI, which would move the price this comparison holds at today's: take such a plan's figures as an upper bound.`
  );
}

/** The two charts of `r`: the WFI each plan holds and the units it owns, at each period's end.
 * Each { name, spec (series and scale), columns (x: Unix seconds), summary, table }. */
export function reinvestCharts(r, genesis) {
  const x = Float64Array.from(r.plans[0].periods, (p) => genesis + p.end);
  const ends = (pick, format) => r.plans.map((plan) => `${planNames[plan.cadence]} ${format(pick(plan))}`).join(', ');
  const chart = (name, label, pick, format, summary) => ({
    name,
    spec: {
      series: r.plans.map((plan) => ({ label: planNames[plan.cadence], color: planColors[plan.cadence], scale: 'y', format })),
      scales: { y: { label, format: (v) => formatAmount(String(v), 'compact'), side: 3 } },
    },
    columns: [x, ...r.plans.map((plan) => Float64Array.from(plan.periods, (p) => Number(pick(p))))],
    summary,
    table: {
      columns: ['Period to', ...r.plans.map((plan) => planNames[plan.cadence])],
      rows: Array.from(x, (t, k) => [formatDate(t), ...r.plans.map((plan) => format(pick(plan.periods[k])))]),
    },
  });
  return [
    chart(
      'reinvest-held',
      'WFI held',
      (p) => p.heldWfi,
      wfi,
      `Chart of the WFI each plan holds over time, to ${formatDate(x.at(-1))}: ${ends((p) => p.heldWfi, wfi)}.`,
    ),
    chart(
      'reinvest-units',
      'Units',
      (p) => p.units,
      units,
      `Chart of the units each plan owns over time: ${ends((p) => p.units, units)} at the end.`,
    ),
  ];
}
