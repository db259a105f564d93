// "What matters most" in the mining section: the core's sensitivity of the holder's projection,
// run in the decisions worker; one row an assumption, largest swing first, each with a bar from
// its low to its high 12-month USD around the projection's own (a tornado chart as a table).
import { formatAmount, formatDate, formatDuration } from './format.js';
import { tableRow } from './figures.js';
import { showError, valuesOf } from './forms.js';
import { callDecision } from './decisions-client.js';

const $ = (id) => document.getElementById(id);
const names = {
  tokenPrice: 'WFI price',
  poolUnits: 'Everyone else’s units',
  poolGrowth: 'Their growth',
  unitPrice: 'Unit price',
  lifetime: 'Units’ lifetime',
};

/** Sets up `form`; `current()` as for the range (bands-section.js), plus `growthUnit` ("day" or
 * "percent"): how the pool's growth is given. */
export function setUpTornado(form, { current }) {
  const status = $('t-status');
  let runId = 0;

  const valueText = (input, value, growthUnit) => {
    if (input === 'tokenPrice' || input === 'unitPrice') return formatAmount(value, 'price');
    if (input === 'poolUnits') return formatAmount(value, 'units');
    if (input === 'lifetime') return formatDuration(Number(value));
    return growthUnit === 'percent' ? `${formatAmount(value, 'plain')}% a month` : `${formatAmount(value, 'units')} a day`;
  };

  function start() {
    const base = current();
    if (!base) return (status.textContent = 'Fix the marked field above first.');
    const id = ++runId;
    status.textContent = 'Computing…';
    callDecision('sensitivity', { ...base.input, step: valuesOf(form).step }).then(
      (result) => {
        if (id !== runId) return; // a later start() is on its way
        status.textContent = '';
        render(result, base);
      },
      (error) => {
        if (id !== runId) return;
        if (error.field === 'step') showError(form, 'step', error.message);
        status.textContent = `Not computed: ${error.message}`;
      },
    );
  }

  function render({ base, swings }, { genesis, growthUnit }) {
    const usd = (text) => formatAmount(text, 'usd');
    const date = (t) => (t === null ? 'never' : formatDate(genesis + t));
    $('t-caption').textContent = `As you set them: ${usd(base.yearUsd)} in the 12 months from now; breakeven ${date(base.breakevenAt)}.`;
    // The bars' geometry: every 12-month USD on one scale, from the lowest to the highest.
    const values = swings.flatMap((s) => [Number(s.atLow.yearUsd), Number(s.atHigh.yearUsd)]).concat(Number(base.yearUsd));
    const min = Math.min(...values),
      span = Math.max(...values) - min || 1;
    const at = (v) => ((Number(v) - min) / span) * 100;
    $('t-table').tBodies[0].replaceChildren(
      ...swings.map((s) => {
        const [lo, hi] = [at(s.atLow.yearUsd), at(s.atHigh.yearUsd)].sort((a, b) => a - b);
        const fill = document.createElement('span');
        fill.className = 'fill';
        fill.style.left = `${lo}%`;
        fill.style.width = `${Math.max(hi - lo, 0.5)}%`;
        const mark = document.createElement('span');
        mark.className = 'base';
        mark.style.left = `${at(base.yearUsd)}%`;
        const tr = tableRow([
          names[s.input] ?? s.input,
          [fill, mark],
          `${usd(s.atLow.yearUsd)} · ${usd(s.atHigh.yearUsd)}`,
          `${valueText(s.input, s.low, growthUnit)} · ${valueText(s.input, s.high, growthUnit)}`,
          `${date(s.atLow.breakevenAt)} · ${date(s.atHigh.breakevenAt)}`,
        ]);
        const bar = tr.cells[1];
        bar.className = 'bar';
        bar.setAttribute('aria-hidden', 'true');
        tr.dataset.input = s.input;
        tr.dataset.usd = `${s.atLow.yearUsd} ${s.atHigh.yearUsd}`;
        return tr;
      }),
    );
    $('t-results').hidden = false;
  }

  return {
    start,
    /** The mining inputs changed: a table on show follows them (it takes a blink). */
    inputsChanged() {
      if (!$('t-results').hidden && current()) start();
    },
  };
}
