// The "Pool simulation" section: a described or pasted pool, simulated in a module worker with a
// progress bar and a Cancel button; totals, a chart of pool power and emission rate with the
// halvings marked, and a sortable, paged table of owners. What it says comes from pool-state.js;
// this file runs the worker and puts the results in the page.
import { CbmError } from '../lib/cbmcalc.js';
import { download } from './export.js';
import { explainSource } from './how.js';
import { showFigure, showText, tableRow } from './figures.js';
import { formatAxis } from './format.js';
import { bindConditions, clearErrors, setDisabled, showError, valuesOf } from './forms.js';
import { PAGE, fileView, ownersView, poolChart, progressView, runRequest, sortedBy, summaryView } from './pool-state.js';
import { rulesFrom } from './rules.js';
import { setUpSchedulePicker } from './schedule-picker.js';

const $ = (id) => document.getElementById(id);
// A worker that died (out of memory, say) or hangs sends nothing more: after a silence this long
// in a run, or a Cancel it does not answer soon, it is stopped and the next run gets a new one.
const SILENCE_MS = 20000;
const CANCEL_MS = 2000;

export function setUpPool(cbm) {
  const form = document.querySelector('[data-form=pool]');
  const presets = cbm.presets();
  const limits = cbm.limits();
  const showConditions = bindConditions(form);
  const showSchedule = scheduleView(cbm, form, presets);
  form.addEventListener('input', showSchedule);
  const ui = runControls(form);
  const results = setUpResults(cbm, (message) => runner.post(message));
  const runner = poolWorker(ui, (message) => handle(message));
  let file = null; // a file chosen: read in the worker when the run starts

  function handle(message) {
    if (message.id !== runner.id() && message.type !== 'owners' && message.type !== 'file') return; // an old run
    if (message.type === 'progress') {
      const { value, text } = progressView(message);
      ui.progress(value);
      ui.say(text);
    } else if (message.type === 'done') {
      ui.end(1);
      results.show(message.id, message.summary);
      ui.say(summaryView(message.summary).done, 'good');
    } else if (message.type === 'cancelled') {
      ui.end(0);
      ui.say('Cancelled. Nothing was kept from that run; you can run again.');
    } else if (message.type === 'error') {
      ui.end(0);
      const pasted = message.field === 'json' || form.elements.namedItem('source').value === 'json';
      if (message.field) showError(form, pasted ? 'json' : message.field, message.message);
      ui.say(`The simulation did not run: ${message.message}`, 'bad');
    } else if (message.type === 'owners') results.owners(message);
    else if (message.type === 'file') download(message.name, message.blob);
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    ui.say('Starting…'); // at once: the run's code may still be on its way
    // The scenario's reader comes with the first run (the worker loads it then too).
    const scenario = await import('./pool-scenario.js');
    clearErrors(form);
    let request;
    try {
      request = runRequest(valuesOf(form), { presets, limits, file, json: form.elements.namedItem('json').value, scenario });
    } catch (e) {
      if (!(e instanceof CbmError)) throw e;
      showError(form, e.field, e.message);
      ui.say('Fix the marked field, then run again.', 'bad');
      return;
    }
    runner.run(request);
    ui.start();
    ui.say('Starting…');
  });
  $('s-cancel').addEventListener('click', () => {
    runner.cancel();
    ui.say('Cancelling…');
  });
  // A file is read and parsed in the worker when the run starts, never into the text box: a
  // 100 MB text there would freeze or crash the tab. Editing the box again uses the box.
  $('s-file').addEventListener('change', (event) => {
    const chosen = event.target.files[0];
    if (!chosen) return;
    const { ok, text } = fileView(chosen);
    file = ok ? chosen : null;
    if (ok) {
      form.elements.namedItem('source').value = 'json';
      form.dispatchEvent(new Event('change'));
    }
    ui.say(text, ok ? '' : 'bad');
  });
  form.elements.namedItem('json').addEventListener('input', () => (file = null));
  runner.onDrop(() => results.drop()); // its results lived in that worker

  return {
    refresh() {
      showConditions();
      showSchedule();
    },
  };
}

/** The schedule picker's view of the form: the stages, and whether the units outlive emission
 * (the lifetime field says what is wrong when the run starts). */
function scheduleView(cbm, form, presets) {
  const render = setUpSchedulePicker(cbm, form.elements.namedItem('schedule'), $('s-schedule-info'));
  return () => {
    const values = valuesOf(form);
    let lifetime = null;
    try {
      lifetime = rulesFrom(values, presets).lifetime;
    } catch {
      // said when the run starts
    }
    render({ lifetime, lifetimeYears: values.lifetime });
  };
}

/** The status line, the progress bar, Run and Cancel. */
function runControls(form) {
  const [progress, status, run, cancel] = ['s-progress', 's-status', 's-run', 's-cancel'].map($);
  const idle = () => {
    run.disabled = false;
    setDisabled(cancel, true, run);
    form.removeAttribute('aria-busy');
  };
  const setProgress = (value) => (value === null ? progress.removeAttribute('value') : (progress.value = value));
  return {
    say(text, tone = '') {
      status.textContent = text;
      status.className = `status ${tone}`;
    },
    progress: setProgress,
    start() {
      progress.value = 0;
      cancel.disabled = false;
      form.setAttribute('aria-busy', 'true');
    },
    /** The run is over: the bar at `value`, Run enabled again. */
    end(value) {
      setProgress(value);
      idle();
    },
  };
}

/** The module worker that runs the pool: started with the first run (a page that never simulates
 * never loads it), watched while it runs, and dropped when it dies, hangs or ignores a Cancel. */
function poolWorker(ui, handle) {
  let worker = null;
  let runId = 0;
  let watchdog = 0;
  let onDrop = () => {};
  function watch(ms = SILENCE_MS, reason = 'The simulation stopped answering, so it was stopped. Run it again.', tone = 'bad') {
    clearTimeout(watchdog);
    watchdog = setTimeout(() => drop(reason, tone), ms);
  }
  function drop(reason, tone = 'bad') {
    worker?.terminate();
    worker = null;
    onDrop();
    clearTimeout(watchdog);
    ui.end(0);
    ui.say(reason, tone);
  }
  function ensure() {
    if (worker) return worker;
    worker = new Worker(new URL('../worker.js', import.meta.url), { type: 'module' });
    worker.onmessage = ({ data }) => {
      if (data.id === runId) watch(); // it is alive
      if (['done', 'cancelled', 'error'].includes(data.type) && data.id === runId) clearTimeout(watchdog);
      handle(data);
    };
    worker.onerror = (e) => drop(`The simulation stopped: ${e.message || 'the worker failed'}. Run it again.`);
    worker.onmessageerror = () => drop('The simulation stopped: a message from it could not be read. Run it again.');
    return worker;
  }
  return {
    id: () => runId,
    run(request) {
      runId += 1;
      ensure().postMessage({ type: 'run', id: runId, ...request });
      watch();
    },
    cancel() {
      worker?.postMessage({ type: 'cancel', id: runId });
      watch(CANCEL_MS, 'Cancelled: the simulation did not stop by itself, so it was stopped. Nothing was kept from that run.', '');
    },
    post: (message) => worker?.postMessage(message),
    onDrop: (fn) => (onDrop = fn),
  };
}

/** The results of the run on screen: totals, chart, the owners table (sorted and paged in the
 * worker, through `post`) and the exports. */
function setUpResults(cbm, post) {
  let shown = null; // the run whose results are on screen: { id, summary }
  let table = { sort: 'reward', descending: true, offset: 0 };
  let chart = null;
  const requestOwners = () => post({ type: 'owners', id: shown.id, ...table, limit: PAGE });
  explainSource('pool', () => shown && { call: 'pool', input: shown.summary.totals });
  async function show(id, summary) {
    shown = { id, summary };
    $('s-results').hidden = false;
    const view = summaryView(summary);
    for (const [key, value] of Object.entries(view.figures)) showFigure($(`s-${key}`), value);
    for (const [key, [text, value]] of Object.entries(view.texts)) showText($(`s-${key}`), text, value);
    $('s-rejected-list').replaceChildren(
      ...view.rejected.map((text) => {
        const li = document.createElement('li');
        li.textContent = text;
        return li;
      }),
    );
    $('s-rejected-details').hidden = summary.rejected === 0;
    table = { sort: 'reward', descending: true, offset: 0 };
    requestOwners();
    const { Chart, sampleIndices } = await import('./charts.js');
    chart ??= new Chart(document.querySelector('[data-chart=pool]'), {
      x: { label: 'Days after genesis', format: (v) => formatAxis(v) },
      series: [
        { label: 'Pool power (units)', color: '--c1', scale: 'power', fill: true },
        { label: 'Emission rate (WFI/s)', color: '--c2', scale: 'rate', stepped: true },
      ],
      scales: {
        power: { label: 'Pool power', side: 3 },
        rate: { label: 'WFI per second', side: 1, range: (u, min, max) => [0, Math.max(1, max * 1.1)] },
      },
    });
    const { columns, ...drawn } = poolChart(cbm, summary, sampleIndices);
    chart.set(columns, drawn);
    $('s-results').dataset.run = String(id);
  }
  $('s-owners-table').tHead.addEventListener('click', (event) => {
    const button = event.target.closest('button[data-sort]');
    if (!button || !shown) return;
    table = sortedBy(table, button.dataset.sort);
    requestOwners();
  });
  $('s-prev').addEventListener('click', () => {
    table.offset = Math.max(0, table.offset - PAGE);
    requestOwners();
  });
  $('s-next').addEventListener('click', () => {
    table.offset += PAGE;
    requestOwners();
  });
  for (const format of ['csv', 'json'])
    document.querySelector(`[data-export=pool-${format}]`).addEventListener('click', () => {
      if (shown) post({ type: 'export', id: shown.id, format });
    });
  return {
    show,
    owners: (message) => shown && message.id === shown.id && renderOwners(ownersView(message), table),
    drop: () => (shown = null),
  };
}

/** A page of the owners table. Owner names come from the user: text nodes, never HTML, their
 * hidden characters shown as escapes (the worker's label), and a name that looks like another's
 * says so. */
function renderOwners(view, table) {
  $('s-owners-table').tBodies[0].replaceChildren(
    ...view.rows.map((r) => {
      const tr = tableRow([r.lookalike ? [r.label, ' ', lookalikeMark()] : r.label, ...r.cells]);
      tr.cells[3].title = r.exact;
      return tr;
    }),
  );
  $('s-page').textContent = view.text;
  // Next to the last page (or Previous to the first) hands the focus to the other button,
  // enabled first.
  const [prev, next] = [$('s-prev'), $('s-next')];
  if (!view.first) prev.disabled = false;
  if (!view.last) next.disabled = false;
  setDisabled(prev, view.first, next);
  setDisabled(next, view.last, prev);
  for (const th of $('s-owners-table').tHead.rows[0].cells) {
    const key = th.querySelector('button').dataset.sort;
    th.setAttribute('aria-sort', key === table.sort ? (table.descending ? 'descending' : 'ascending') : 'none');
  }
}

function lookalikeMark() {
  const mark = document.createElement('small');
  mark.className = 'lookalike';
  mark.textContent = '≈ looks like another owner';
  mark.title = 'Another owner has a name that looks the same: they differ in invisible characters, spaces or Unicode form.';
  return mark;
}
