// "What matters most" in the mining section: the core's sensitivity of the holder's projection,
// run in the decisions worker; one row an assumption, largest swing first, each with a bar from
// its low to its high 12-month USD around the projection's own (a tornado chart as a table).
import { tableRow } from './figures.js';
import { showError, valuesOf } from './forms.js';
import { callDecision } from './decisions-client.js';
import { tornadoView } from './tornado-state.js';

const $ = (id) => document.getElementById(id);

/** Sets up `form`; `current()` as for the range (bands-section.js), plus `growthUnit` ("day" or
 * "percent"): how the pool's growth is given. */
export function setUpTornado(form, { current }) {
  const status = $('t-status');
  let runId = 0;

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

  function render(result, base) {
    const { caption, rows } = tornadoView(result, base);
    $('t-caption').textContent = caption;
    $('t-table').tBodies[0].replaceChildren(
      ...rows.map((row) => {
        const fill = document.createElement('span');
        fill.className = 'fill';
        fill.style.left = `${row.bar.from}%`;
        fill.style.width = `${row.bar.width}%`;
        const mark = document.createElement('span');
        mark.className = 'base';
        mark.style.left = `${row.bar.base}%`;
        const tr = tableRow([row.name, [fill, mark], ...row.cells]);
        const bar = tr.cells[1];
        bar.className = 'bar';
        bar.setAttribute('aria-hidden', 'true');
        tr.dataset.input = row.input;
        tr.dataset.usd = row.usd;
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
