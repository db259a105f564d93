// The "Supply control and Energy" section as state (SPEC 6): the holder's mined WFI split into
// liquid and locked as Energy grows, the chart and the CSV of it. No DOM: supply-section.js puts
// these in the page, and node tests read them.
import { CbmError } from '../lib/cbmcalc.js';
import { dayText } from './dates.js';
import { formatAmount, formatDate, percentText, shiftPoint } from './format.js';
import { renamed } from './forms.js';

/** A suggestion for the row after `last` ({ energy, releasedFraction } texts; none: the first
 * row): ten times the last threshold (a digit appended), or 1. */
export function nextThreshold(last) {
  if (!last) return { energy: '0', releasedFraction: '1' };
  const energy = last.energy.trim();
  return { energy: /^[0.]*$/.test(energy) ? '1' : shiftPoint(energy, 1), releasedFraction: '1' };
}

/** The split of `mining`'s run (the mining section's state; null: none) at the form's Energy
 * (`energy` today, growing `energyGrowth` % a month from today, taken as today's before it) and
 * `thresholds`: { series: a week apart plus today and the end, each { t, energy, mined, liquid,
 * locked, releasedFraction }, releasedToday (a percentage) }. */
export function splitSupply(cbm, mining, { energy, energyGrowth }, thresholds) {
  if (!mining) throw new CbmError('energy: My mining units has no result to split: fix it first', { field: 'energy' });
  if (energyGrowth === '') throw new CbmError('energyGrowth: must be a percentage a month', { field: 'energyGrowth' });
  const { sim } = mining;
  const t = sim.series.t;
  const picks = t.map((_, i) => i).filter((i) => i % 7 === 0 || i === t.length - 1 || t[i] === sim.today);
  const path = renamed({ monthlyPercent: 'energyGrowth', value: 'energy' }, () =>
    cbm.growthPath({ value: energy, monthlyPercent: energyGrowth, from: sim.today, t: picks.map((i) => t[i]) }),
  );
  const series = cbm.supplyControl({
    thresholds,
    series: picks.map((i, k) => ({ t: t[i], energy: path[k], mined: sim.series.reward[i] })),
  });
  // Released today: the fraction at today's Energy, whatever the holder has mined.
  const [today] = cbm.supplyControl({ thresholds, series: [{ t: sim.today, energy, mined: '0' }] });
  return { series, releasedToday: percentText(today.releasedFraction) };
}

/** The chart of mined, liquid and released by date; its table at `sample`'s rows. */
export function supplyChart(series, sample) {
  const x = Float64Array.from(series, (p) => p.t);
  const end = series.at(-1);
  return {
    columns: [
      x,
      Float64Array.from(series, (p) => Number(p.mined)),
      Float64Array.from(series, (p) => Number(p.liquid)),
      Float64Array.from(series, (p) => Number(p.releasedFraction) * 100),
    ],
    summary: `Area chart from ${formatDate(x[0])} to ${formatDate(x.at(-1))}: of ${formatAmount(end.mined, 'wfi')} mined, ${formatAmount(end.liquid, 'wfi')} is liquid at the end.`,
    table: {
      columns: ['Date', 'Energy', 'Released', 'Mined WFI', 'Liquid WFI', 'Locked WFI'],
      rows: sample.map((i) => {
        const p = series[i];
        return [
          formatDate(p.t),
          formatAmount(p.energy, 'plain'),
          formatAmount(percentText(p.releasedFraction), 'percent'),
          formatAmount(p.mined, 'wfi'),
          formatAmount(p.liquid, 'wfi'),
          formatAmount(p.locked, 'wfi'),
        ];
      }),
    },
  };
}

/** The split as CSV, exact. */
export const supplyTable = (series) => ({
  columns: ['date', 'energy', 'released_fraction', 'mined', 'liquid', 'locked'],
  rows: series.map((p) => [dayText(p.t), p.energy, p.releasedFraction, p.mined, p.liquid, p.locked]),
});
