// "Range of outcomes" in the mining section: the holder's projection over many random price
// paths (earningsBands), run in a worker with a progress bar and Cancel; P10 / median / P90 of
// the breakeven and of the USD earned, and a chart of the band.
import { formatAmount } from './format.js';
import { bandsChart, bandsSeries, bandsView, fraction } from './bands-state.js';
import { clearErrors, problemMessage, showError, valuesOf } from './forms.js';
import { decisionRun, markStale } from './decision-run.js';
import { showText } from './figures.js';

const $ = (id) => document.getElementById(id);
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
function render(bands, base, runId) {
  const results = $('b-results');
  results.hidden = false;
  results.classList.remove('stale');
  results.dataset.run = String(runId); // which run is on show
  const view = bandsView(bands, base);
  showText($('b-breakeven'), view.breakeven.text, view.breakeven.value);
  $('b-breakeven-runs').textContent = view.breakevenRuns;
  $('b-year-date').textContent = view.yearDate;
  showText($('b-year'), view.year.text, view.year.value);
  showText($('b-end'), view.end.text, view.end.value);
  drawChart(bands, base.genesis);
}

/** The band of USD earned to date (bandsChart), drawn once charts.js has loaded. */
let chart = null;
async function drawChart(bands, genesis) {
  const { Chart } = await import('./charts.js');
  if (!chart) {
    chart = new Chart(document.querySelector('[data-chart=bands]'));
    chart.configure(bandsSeries);
  }
  const { columns, summary, table } = bandsChart(bands, genesis);
  chart.set(columns, { summary, table });
}
