// "What matters most" as state: one row an assumption, largest swing first, each with its bar
// (where its low and its high 12-month USD sit on one scale with the projection's own) and its
// words, from what the core's sensitivity gave. No DOM: tornado-section.js draws the rows, and
// node tests read them.
import { formatAmount, formatDate, formatDuration } from './format.js';

const names = {
  tokenPrice: 'WFI price',
  poolUnits: 'Everyone else’s units',
  poolGrowth: 'Their growth',
  unitPrice: 'Unit price',
  lifetime: 'Units’ lifetime',
};

/** An assumption's value in words: a price, units, a duration or a growth as the pool's is
 * given (`growthUnit` "day" or "percent"). */
function valueText(input, value, growthUnit) {
  if (input === 'tokenPrice' || input === 'unitPrice') return formatAmount(value, 'price');
  if (input === 'poolUnits') return formatAmount(value, 'units');
  if (input === 'lifetime') return formatDuration(Number(value));
  return growthUnit === 'percent' ? `${formatAmount(value, 'plain')}% a month` : `${formatAmount(value, 'units')} a day`;
}

/** The sensitivity `{ base, swings }` for a pool of genesis `genesis` (Unix seconds) whose
 * growth is given by `growthUnit`: { caption, rows: [{ input, name, bar: { from, width, base }
 * (percentages of the bar's width), cells: [USD low · high, values low · high, breakeven low
 * · high], usd }] }. */
export function tornadoView({ base, swings }, { genesis, growthUnit }) {
  const usd = (text) => formatAmount(text, 'usd');
  const date = (t) => (t === null ? 'never' : formatDate(genesis + t));
  // The bars' geometry: every 12-month USD on one scale, from the lowest to the highest (a
  // drawing, not a figure).
  const values = swings.flatMap((s) => [Number(s.atLow.yearUsd), Number(s.atHigh.yearUsd)]).concat(Number(base.yearUsd));
  const min = Math.min(...values),
    span = Math.max(...values) - min || 1;
  const at = (v) => ((Number(v) - min) / span) * 100;
  return {
    caption: `As you set them: ${usd(base.yearUsd)} in the 12 months from now; breakeven ${date(base.breakevenAt)}.`,
    rows: swings.map((s) => {
      const [lo, hi] = [at(s.atLow.yearUsd), at(s.atHigh.yearUsd)].sort((a, b) => a - b);
      return {
        input: s.input,
        name: names[s.input] ?? s.input,
        bar: { from: lo, width: Math.max(hi - lo, 0.5), base: at(base.yearUsd) },
        cells: [
          `${usd(s.atLow.yearUsd)} · ${usd(s.atHigh.yearUsd)}`,
          `${valueText(s.input, s.low, growthUnit)} · ${valueText(s.input, s.high, growthUnit)}`,
          `${date(s.atLow.breakevenAt)} · ${date(s.atHigh.breakevenAt)}`,
        ],
        usd: `${s.atLow.yearUsd} ${s.atHigh.yearUsd}`,
      };
    }),
  };
}
