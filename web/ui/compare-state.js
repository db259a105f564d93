// The comparison of two scenarios as state: the table's rows and the chart's columns, in words
// and figures, from what the core's compareEarnings gave. No DOM: compare-section.js puts these
// in the page, and node tests read them.
import { formatAmount, formatDate, formatDays, formatDuration } from './format.js';
import { paybackDays } from './mining.js';

// Each scenario counts from its own purchases: today, or its last purchase if that is later.
const figures = [
  ['totalWfi', 'WFI mined by the end of emission', 'wfi'],
  ['totalUsd', "Worth at today's WFI price", 'usd'],
  ['paidUsd', 'You paid', 'usd'],
  ['firstYearUsd', 'USD in its first 12 months', 'usd'],
  ['firstYearReturnPercent', 'Return over its first 12 months', 'percent'],
  ['aprPercentNow', 'APR on its first full day mining', 'percent'],
];

/** A difference as the core gave it, signed for reading: "+1,234.5 WFI", "−3.2%". */
function signed(text, kind) {
  const shown = formatAmount(text, kind);
  return text.startsWith('-') || text === '0' ? shown : `+${shown}`;
}

/** A difference of seconds in words: "the same second", "2 days earlier", "—" when either
 * side has none. */
function shift(seconds) {
  if (seconds === null) return '—';
  if (seconds === 0) return 'the same second';
  return `${formatDuration(Math.abs(seconds))} ${seconds < 0 ? 'earlier' : 'later'}`;
}

/** The table of comparison `c` (compareEarnings' result), the pool's genesis (Unix seconds)
 * given: a row a figure, { key, cells: [label, A, B, B - A], difference } (the difference as the
 * core's text, for a figure), then the second each counts from and the breakeven. */
export function compareRows(c, genesis) {
  // The breakeven's date, and its days from the day the scenario counts from, both counted.
  const breakeven = ({ breakevenAt, from }) =>
    breakevenAt === null
      ? 'never'
      : `${formatDate(genesis + breakevenAt)} (${formatDays(paybackDays(genesis + breakevenAt, [{ at: genesis + from }]))})`;
  return [
    ...figures.map(([key, label, kind]) => ({
      key,
      cells: [label, formatAmount(c.a[key], kind), formatAmount(c.b[key], kind), signed(c.difference[key], kind)],
      difference: c.difference[key],
    })),
    { key: 'from', cells: ['Counted from', formatDate(genesis + c.a.from), formatDate(genesis + c.b.from), shift(c.difference.from)] },
    {
      key: 'breakevenAt',
      cells: ['Breakeven (days from that day)', breakeven(c.a), breakeven(c.b), shift(c.difference.breakevenAt)],
    },
  ];
}

const usd = (v) => formatAmount(String(v), 'usd');

/** The chart of comparison `c`: the USD each scenario has earned to date and what each paid,
 * as columns (x: Unix seconds), with its summary and its table for those who read. */
export function compareChart(c, genesis) {
  const x = Float64Array.from(c.earned, (p) => genesis + p.end);
  const column = (side) => Float64Array.from(c.earned, (p) => Number(p[side]));
  const paid = (side) => new Float64Array(c.earned.length).fill(Number(c[side].paidUsd));
  const last = c.earned.at(-1);
  return {
    columns: [x, column('a'), column('b'), paid('a'), paid('b')],
    summary: `Chart of the USD each scenario has earned to date, to ${formatDate(x.at(-1))}: A ${usd(last.a)} (paid ${usd(c.a.paidUsd)}), B ${usd(last.b)} (paid ${usd(c.b.paidUsd)}).`,
    table: {
      columns: ['Period to', 'A', 'B'],
      rows: c.earned.map((p) => [formatDate(genesis + p.end), usd(p.a), usd(p.b)]),
    },
  };
}

/** The chart's series, formatted as USD. */
export const compareSeries = {
  series: [
    { label: 'A', color: '--c1', scale: 'usd', format: usd },
    { label: 'B', color: '--c2', scale: 'usd', format: usd },
    { label: 'A paid', color: '--c1', scale: 'usd', dash: [2, 4], width: 1.5, format: usd },
    { label: 'B paid', color: '--c2', scale: 'usd', dash: [2, 4], width: 1.5, format: usd },
  ],
  scales: { usd: { label: 'USD to date', side: 3, format: (v) => formatAmount(String(v), 'usdCompact') } },
};
