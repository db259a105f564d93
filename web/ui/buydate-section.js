// "Buy now or later?" in the mining section: what a budget spent on each day from today to the
// end of emission mines by the end (the core's buyDates, in the decisions worker, with a progress
// bar and Cancel): a verdict, a chart with the halvings and the best day marked, its data table.
import { clearErrors, problemMessage, showError, valuesOf } from './forms.js';
import { formatAmount } from './format.js';
import { Chart } from './charts.js';
import { decisionRun, markStale } from './decision-run.js';
import { buyDatesRequest, buyDatesView } from './buydate-state.js';

const $ = (id) => document.getElementById(id);

/** Sets up `form`; `current()` as for the range (bands-section.js). */
export function setUpBuyDates(form, { current }) {
  const results = $('bd-results'),
    status = $('bd-status');
  const say = (text) => (status.textContent = text);
  const runner = decisionRun({ run: $('bd-run'), cancel: $('bd-cancel'), progress: $('bd-progress'), say });
  let chart = null;
  let shown = null;

  function start() {
    clearErrors(form);
    const base = current();
    if (!base) return say('Fix the marked field above first: the days start from those inputs.');
    const input = buyDatesRequest(base, valuesOf(form));
    say('Working out each day…');
    runner.start('buyDates', input, {
      max: 1,
      onProgress: (done) => say(`Working out each day: ${formatAmount(String(done), 'share')} done…`),
      onDone(result, seconds) {
        shown = base.input;
        const view = buyDatesView(result, base.genesis, input);
        results.hidden = false;
        results.classList.remove('stale');
        $('bd-verdict').textContent = view.verdict;
        $('bd-verdict').dataset.best = String(result.best);
        $('bd-note').textContent = view.note;
        chart ??= new Chart(document.querySelector('[data-chart=buy-dates]'), {
          series: [{ label: 'WFI by the end', color: '--c1', scale: 'y', format: (v) => formatAmount(String(v), 'wfi') }],
          scales: { y: { label: 'WFI by the end', format: (v) => formatAmount(String(v), 'compact'), side: 3 } },
        });
        chart.set(view.chart.data, view.chart);
        say(`${result.days.at.length.toLocaleString()} purchase days worked out in ${seconds.toFixed(1)} s.`);
      },
      onError(error) {
        if (form.elements.namedItem(error.field)) showError(form, error.field, problemMessage(error));
        say(`Not worked out: ${problemMessage(error)}`);
      },
    });
  }

  return {
    start,
    /** The mining inputs changed: the days on show are for the old ones. */
    inputsChanged: () => markStale({ shown, results, current, runner, say }, 'work the days out again to see theirs.'),
  };
}
