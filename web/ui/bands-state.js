// "Range of outcomes" as state: what the bands' figures say (the breakeven and the USD earned a
// year on and at the end, P10 · median · P90) and the chart of the band, from what the core's
// earningsBands gave. No DOM: bands-section.js puts these in the page, and node tests read them.
import { formatAmount, formatDate } from './format.js';

const YEAR = 365 * 86400;
const usd = (text) => formatAmount(String(text), 'usd');
const plain = (n) => formatAmount(String(n), 'plain');

/** A percentage as typed, as the core's fraction: "20" -> "20e-2" (the core reads exponents;
 * no arithmetic here). Its shape is checked here; its range by the core. */
export function fraction(text, field) {
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(text)) throw Object.assign(new Error('must be a number such as 20'), { field });
  return `${text}e-2`;
}

/** The figures of `bands` for a pool of genesis `genesis`, seen on `today` (Unix seconds): each
 * { text, value } (value: the core's figures, space-separated), and the words around them. */
export function bandsView(bands, { genesis, today }) {
  const date = (t) => (t === null ? 'never' : formatDate(genesis + t));
  const range = (q) => ({ text: `${usd(q.p10)} · ${usd(q.p50)} · ${usd(q.p90)}`, value: [q.p10, q.p50, q.p90].join(' ') });
  const { p10, p50, p90 } = bands.breakevenAt;
  const { periods } = bands;
  const yearOn = periods.find((p) => p.end >= today - genesis + YEAR) ?? periods.at(-1);
  return {
    breakeven: { text: `${date(p10)} · ${date(p50)} · ${date(p90)}`, value: [p10, p50, p90].join(' ') },
    breakevenRuns: `${plain(bands.breakevenRuns)} of ${plain(bands.runs)} runs earn back the ${usd(bands.paidUsd)} you paid before emission ends`,
    yearDate: formatDate(genesis + yearOn.end),
    year: range(yearOn.cumulative),
    end: range(periods.at(-1).cumulative),
  };
}

/** The chart's series: the band of USD earned to date, P10 to P90, the median and what was paid. */
export const bandsSeries = {
  series: [
    { label: 'P90: 10% of runs earn more', color: '--c3', scale: 'usd', width: 1, format: usd },
    { label: 'Median run', color: '--c2', scale: 'usd', format: usd },
    { label: 'P10: 10% of runs earn less', color: '--c4', scale: 'usd', width: 1, format: usd },
    { label: 'You paid', color: '--muted', scale: 'usd', dash: [2, 4], width: 1.5, format: usd },
  ],
  scales: { usd: { label: 'USD to date', side: 3, format: (v) => formatAmount(String(v), 'usdCompact') } },
  bands: [{ upper: 0, lower: 2, color: '--c2' }],
};

/** The chart of `bands`: columns (x: Unix seconds; P90, median, P10, paid), its summary and its
 * table for those who read. */
export function bandsChart(bands, genesis) {
  const { periods } = bands;
  const column = (pick) => Float64Array.from(periods, (p) => Number(pick(p.cumulative)));
  const x = Float64Array.from(periods, (p) => genesis + p.end);
  const last = periods.at(-1).cumulative;
  return {
    columns: [
      x,
      column((c) => c.p90),
      column((c) => c.p50),
      column((c) => c.p10),
      new Float64Array(periods.length).fill(Number(bands.paidUsd)),
    ],
    summary: `Chart of the USD earned to date over ${plain(bands.runs)} random price paths, to ${formatDate(x.at(-1))}: the median run reaches ${usd(last.p50)}, 80% of runs between ${usd(last.p10)} and ${usd(last.p90)}; you paid ${usd(bands.paidUsd)}.`,
    table: {
      columns: ['Period to', 'P10', 'Median', 'P90', 'USD in the period, median'],
      rows: periods.map((p) => [
        formatDate(genesis + p.end),
        usd(p.cumulative.p10),
        usd(p.cumulative.p50),
        usd(p.cumulative.p90),
        usd(p.p50),
      ]),
    },
  };
}
