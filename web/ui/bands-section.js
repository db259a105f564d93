// "Range of outcomes" in the mining section: the holder's projection over many random price
// paths (earningsBands), run in a worker with a progress bar and Cancel; P10 / median / P90 of
// the breakeven and of the USD earned, and a chart of the band.
import { formatAmount, formatDate } from './format.js';
import { clearErrors, problemMessage, showError, valuesOf } from './forms.js';
import { decisionRun, markStale } from './decision-run.js';
import { showText } from './figures.js';

const $ = (id) => document.getElementById(id);
const YEAR = 365 * 86400;

/** A percentage as typed, as the core's fraction: "20" -> "20e-2" (the core reads exponents;
 * no arithmetic here). Its shape is checked here; its range by the core. */
function fraction(text, field) {
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(text)) throw Object.assign(new Error('must be a number such as 20'), { field });
  return `${text}e-2`;
}

/** Sets up `form` (the mining section runs start() on its submit); `current()` gives the mining
 * section's last good input to projectEarnings with its genesis and today (Unix seconds), or
 * null while its form has an error. */
export function setUpBands(form, { current }) {
  const run = $('b-run'),
    cancel = $('b-cancel'),
    progress = $('b-progress'),
    status = $('b-status'),
    results = $('b-results');
  let shown = null; // the input of the bands on show

  const say = (text) => (status.textContent = text);
  const runner = decisionRun({ run, cancel, progress, say });

  function start() {
    clearErrors(form);
    const base = current();
    if (!base) return say('Fix the marked field above first: the range starts from those inputs.');
    const values = valuesOf(form);
    let input;
    try {
      input = {
        ...base.input,
        priceModel: { drift: fraction(values.drift, 'drift'), volatility: fraction(values.volatility, 'volatility') },
        poolModel: { spread: fraction(values.spread, 'spread') },
        runs: values.runs,
        seed: values.seed,
      };
    } catch (e) {
      showError(form, e.field, e.message);
      return say('Fix the marked field to run.');
    }
    const runs = values.runs;
    say(`Running ${formatAmount(runs, 'plain')} price paths…`);
    runner.start('earningsBands', input, {
      max: Number(runs),
      onProgress: (done) => say(`Running: ${formatAmount(String(done), 'plain')} of ${formatAmount(runs, 'plain')} price paths done…`),
      onDone(result, seconds) {
        shown = input;
        render(result, base, runner.runId);
        say(`${formatAmount(runs, 'plain')} price paths in ${seconds.toFixed(1)} s (seed ${values.seed}).`);
      },
      onError(error) {
        // Fields of this form are marked here; the others (the purchases, the price...) are the
        // mining form's, which says the same as it recomputes.
        const name = error.field.split('.').pop();
        if (form.elements.namedItem(name)) showError(form, name, problemMessage(error));
        say(`The range did not run: ${problemMessage(error)}`);
      },
    });
  }

  return {
    start,
    /** The mining inputs changed: bands on show are for the old ones. */
    inputsChanged: () => markStale({ shown, results, current, runner, say }, 'run again to see their range.'),
  };
}

/** The range on show: breakeven and USD earned a year on and at the end, P10 · median · P90;
 * `runId` marks which run it is. */
function render(bands, { genesis, today }, runId) {
  const results = $('b-results');
  results.hidden = false;
  results.classList.remove('stale');
  results.dataset.run = String(runId); // which run is on show
  const date = (t) => (t === null ? 'never' : formatDate(genesis + t));
  const range = (q, kind) => `${kind(q.p10)} · ${kind(q.p50)} · ${kind(q.p90)}`;
  const usd = (text) => formatAmount(text, 'usd');
  const { p10, p50, p90 } = bands.breakevenAt;
  showText($('b-breakeven'), `${date(p10)} · ${date(p50)} · ${date(p90)}`, [p10, p50, p90].join(' '));
  $('b-breakeven-runs').textContent =
    `${formatAmount(String(bands.breakevenRuns), 'plain')} of ${formatAmount(String(bands.runs), 'plain')} runs earn back the ${usd(bands.paidUsd)} you paid before emission ends`;
  const periods = bands.periods;
  const yearOn = periods.find((p) => p.end >= today - genesis + YEAR) ?? periods.at(-1);
  $('b-year-date').textContent = formatDate(genesis + yearOn.end);
  showText($('b-year'), range(yearOn.cumulative, usd), Object.values(yearOn.cumulative).join(' '));
  const last = periods.at(-1).cumulative;
  showText($('b-end'), range(last, usd), Object.values(last).join(' '));
  drawChart(bands, genesis);
}

/** The band of USD earned to date, P10 to P90, the median and what was paid. */
let chart = null;
async function drawChart(bands, genesis) {
  const { Chart } = await import('./charts.js');
  const figure = document.querySelector('[data-chart=bands]');
  const usdValue = (v) => formatAmount(String(v), 'usd');
  if (!chart) {
    chart = new Chart(figure);
    chart.configure({
      series: [
        { label: 'P90: 10% of runs earn more', color: '--c3', scale: 'usd', width: 1, format: usdValue },
        { label: 'Median run', color: '--c2', scale: 'usd', format: usdValue },
        { label: 'P10: 10% of runs earn less', color: '--c4', scale: 'usd', width: 1, format: usdValue },
        { label: 'You paid', color: '--muted', scale: 'usd', dash: [2, 4], width: 1.5, format: usdValue },
      ],
      scales: { usd: { label: 'USD to date', side: 3, format: (v) => formatAmount(String(v), 'usdCompact') } },
      bands: [{ upper: 0, lower: 2, color: '--c2' }],
    });
  }
  const { periods } = bands;
  const column = (pick) => Float64Array.from(periods, (p) => Number(pick(p.cumulative)));
  const x = Float64Array.from(periods, (p) => genesis + p.end);
  const paid = new Float64Array(periods.length).fill(Number(bands.paidUsd));
  const last = periods.at(-1).cumulative;
  chart.set([x, column((c) => c.p90), column((c) => c.p50), column((c) => c.p10), paid], {
    summary: `Chart of the USD earned to date over ${formatAmount(String(bands.runs), 'plain')} random price paths, to ${formatDate(x.at(-1))}: the median run reaches ${formatAmount(last.p50, 'usd')}, 80% of runs between ${formatAmount(last.p10, 'usd')} and ${formatAmount(last.p90, 'usd')}; you paid ${formatAmount(bands.paidUsd, 'usd')}.`,
    table: {
      columns: ['Period to', 'P10', 'Median', 'P90', 'USD in the period, median'],
      rows: periods.map((p) => [
        formatDate(genesis + p.end),
        formatAmount(p.cumulative.p10, 'usd'),
        formatAmount(p.cumulative.p50, 'usd'),
        formatAmount(p.cumulative.p90, 'usd'),
        formatAmount(p.p50, 'usd'),
      ]),
    },
  });
}
