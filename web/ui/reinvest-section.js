// "Reinvest or hold?" in the mining section: the core's reinvest plans for the holder (every
// week, every month, whenever a unit is affordable, against holding), run in the decisions
// worker; a verdict, a table of the plans at the end of emission, and charts of the WFI held and
// the units owned over time.
import { formatAmount } from './format.js';
import { CbmError } from '../lib/cbmcalc.js';
import { clearErrors, problemMessage, showError, valuesOf } from './forms.js';
import { plainNumber } from './numbers.js';
import { Chart } from './charts.js';
import { tableRow } from './figures.js';
import { decisionRun, markStale } from './decision-run.js';
import { largePlansWarning, reinvestCharts, reinvestView } from './reinvest-state.js';

const $ = (id) => document.getElementById(id);

/** Sets up `form`; `current()` as for the range (bands-section.js). */
export function setUpReinvest(form, { current }) {
  const run = $('r-run'),
    results = $('r-results'),
    status = $('r-status');
  const say = (text) => (status.textContent = text);
  const runner = decisionRun({ run, cancel: $('r-cancel'), progress: $('r-progress'), say });
  let shown = null;

  function start() {
    clearErrors(form);
    const base = current();
    if (!base) return say('Fix the marked field above first: the plans start from those inputs.');
    const values = valuesOf(form);
    let warnAt;
    try {
      warnAt = plainNumber(values.warnShare, 'warnShare', 'must be a percentage from 0 to 100');
      if (!(warnAt >= 0 && warnAt <= 100))
        throw new CbmError(`warnShare: must be a percentage from 0 to 100, got "${values.warnShare}"`, { field: 'warnShare' });
    } catch (error) {
      showError(form, 'warnShare', problemMessage(error));
      return say(`Not compared: ${problemMessage(error)}`);
    }
    const input = { ...base.input };
    if (values.unitPrice.trim()) input.unitPrice = values.unitPrice.trim();
    if (values.until) input.until = values.until;
    if (values.maxUnits) input.maxUnits = values.maxUnits;
    if (values.maxSpentUsd) input.maxSpentUsd = values.maxSpentUsd;
    say('Comparing the plans…');
    runner.start('reinvest', input, {
      max: 1,
      onProgress: (done) => say(`Comparing the plans: ${formatAmount(String(done), 'share')} done…`),
      onDone(result, seconds) {
        shown = input;
        render(result, base);
        warnLarge(result, Number(base.input.pool.units), warnAt);
        say(`Four plans compared in ${seconds.toFixed(1)} s.`);
      },
      onError(error) {
        if (form.elements.namedItem(error.field)) showError(form, error.field, problemMessage(error));
        say(`Not compared: ${problemMessage(error)}`);
      },
    });
  }

  return {
    start,
    /** The mining inputs changed: plans on show are for the old ones. */
    inputsChanged: () => markStale({ shown, results, current, runner, say }, 'compare again to see their plans.'),
  };
}

/** The verdict and the table of the plans at the end of emission, and their charts. */
function render(r, { genesis }) {
  const results = $('r-results');
  results.hidden = false;
  results.classList.remove('stale');
  const { verdict, rows } = reinvestView(r, genesis);
  $('r-verdict').textContent = verdict;
  $('r-verdict').dataset.best = r.best;
  $('r-table').tBodies[0].replaceChildren(
    ...rows.map((row) => {
      const tr = tableRow(row.cells);
      Object.assign(tr.dataset, { cadence: row.cadence, held: row.held, until: row.until });
      if (row.best) tr.classList.add('best');
      return tr;
    }),
  );
  for (const { name, spec, columns, summary, table } of reinvestCharts(r, genesis)) {
    if (!charts[name]) {
      charts[name] = new Chart(document.querySelector(`[data-chart=${name}]`));
      charts[name].configure(spec);
    }
    charts[name].set(columns, { summary, table });
  }
}
const charts = {};

/** Says the plans that end owning more than `warnAt` % of the pool (largePlansWarning). */
function warnLarge(r, others, warnAt) {
  const warning = $('r-warning');
  warning.textContent = largePlansWarning(r, others, warnAt);
  warning.hidden = !warning.textContent;
}
