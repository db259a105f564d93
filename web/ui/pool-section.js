// The "Pool simulation" section: a described or pasted pool, simulated in a module worker with a
// progress bar and a Cancel button; totals, a chart of pool power and emission rate with the
// halvings marked, and a sortable, paged table of owners.
import { CbmError } from '../lib/cbmcalc.js';
import { DAY } from './dates.js';
import { download } from './export.js';
import { explainSource, showFigure, showText, tableRow } from './figures.js';
import { formatAmount, formatAxis, formatDuration } from './format.js';
import { bindConditions, clearErrors, setDisabled, showError, valuesOf } from './forms.js';
import { MAX_FILE_BYTES } from './pool-limits.js'; // the worker checks it too
import { rateChanges, rulesFrom } from './rules.js';
import { setUpSchedulePicker } from './schedule-picker.js';

const $ = (id) => document.getElementById(id);
const PAGE = 20;

export function setUpPool(cbm) {
  const form = document.querySelector('[data-form=pool]');
  const progress = $('s-progress');
  const status = $('s-status');
  const run = $('s-run');
  const cancel = $('s-cancel');
  let worker = null;
  let runId = 0;
  let shown = null; // the run whose results are on screen: { id, summary }
  let table = { sort: 'reward', descending: true, offset: 0 };
  const showConditions = bindConditions(form);
  const presets = cbm.presets();
  const limits = cbm.limits();
  const renderSchedule = setUpSchedulePicker(cbm, form.elements.namedItem('schedule'), $('s-schedule-info'));
  const showSchedule = () => {
    const values = valuesOf(form);
    let lifetime = null;
    try {
      lifetime = rulesFrom(values, presets).lifetime;
    } catch {
      // The lifetime field says what is wrong when the run starts.
    }
    renderSchedule({ lifetime, lifetimeYears: values.lifetime });
  };
  form.addEventListener('input', showSchedule);

  function say(text, tone = '') {
    status.textContent = text;
    status.className = `status ${tone}`;
  }

  // The worker starts with the first run: a page that never simulates never loads it.
  function ensureWorker() {
    if (worker) return worker;
    worker = new Worker(new URL('../worker.js', import.meta.url), { type: 'module' });
    worker.onmessage = ({ data }) => {
      if (data.id === runId) watch(); // it is alive
      handle(data);
    };
    worker.onerror = (e) => dropWorker(`The simulation stopped: ${e.message || 'the worker failed'}. Run it again.`);
    worker.onmessageerror = () => dropWorker('The simulation stopped: a message from it could not be read. Run it again.');
    return worker;
  }

  // A worker that died (out of memory, say) or hangs sends nothing more: after a silence this
  // long in a run, or a Cancel it does not answer soon, it is stopped and the next run gets a
  // new one.
  const SILENCE_MS = 20000;
  const CANCEL_MS = 2000;
  let watchdog = 0;
  function watch(ms = SILENCE_MS, reason = 'The simulation stopped answering, so it was stopped. Run it again.', tone = 'bad') {
    clearTimeout(watchdog);
    watchdog = setTimeout(() => dropWorker(reason, tone), ms);
  }
  function dropWorker(reason, tone = 'bad') {
    worker?.terminate();
    worker = null;
    shown = null; // its results lived in that worker
    progress.value = 0;
    idle();
    say(reason, tone);
  }

  function idle() {
    clearTimeout(watchdog);
    run.disabled = false;
    setDisabled(cancel, true, run);
    form.removeAttribute('aria-busy');
  }

  function handle(message) {
    if (message.id !== runId && message.type !== 'owners' && message.type !== 'file') return; // an old run
    switch (message.type) {
      case 'progress':
        if (message.phase === 'read') {
          progress.value = message.fraction;
          say(`Reading the file… ${Math.floor(message.fraction * 100)}%`);
        } else if (message.phase === 'prepare') {
          progress.removeAttribute('value'); // indeterminate while the requests are built
          say('Preparing the requests…');
        } else {
          progress.value = message.fraction;
          say(`Simulating… ${Math.floor(message.fraction * 100)}%`);
        }
        break;
      case 'done':
        progress.value = 1;
        idle();
        show(message.id, message.summary);
        say(
          `Done: ${formatAmount(String(message.summary.accepted), 'plain')} activations over ${formatDuration(message.summary.horizon)} simulated in ${formatAmount(String(Math.round(message.summary.elapsedMs)), 'plain')} ms.`,
          'good',
        );
        break;
      case 'cancelled':
        progress.value = 0;
        idle();
        say('Cancelled. Nothing was kept from that run; you can run again.');
        break;
      case 'error':
        progress.value = 0;
        idle();
        if (message.field)
          showError(
            form,
            message.field === 'json' || form.elements.namedItem('source').value === 'json' ? 'json' : message.field,
            message.message,
          );
        say(`The simulation did not run: ${message.message}`, 'bad');
        break;
      case 'owners':
        if (shown && message.id === shown.id) renderOwners(message);
        break;
      case 'file':
        download(message.name, message.blob);
        break;
    }
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    say('Starting…'); // at once: the run's code may still be on its way
    // The scenario's reader comes with the first run (the worker loads it then too).
    const { horizonSeconds, poolParameters } = await import('./pool-scenario.js');
    clearErrors(form);
    const values = valuesOf(form);
    let request;
    try {
      const rules = rulesFrom(values, presets);
      const horizon = horizonSeconds(values);
      request =
        values.source === 'json'
          ? file
            ? { source: 'file', file }
            : { source: 'json', json: form.elements.namedItem('json').value }
          : { source: 'generate', params: poolParameters(values, limits) };
      Object.assign(request, { horizon, rules });
    } catch (e) {
      if (!(e instanceof CbmError)) throw e;
      showError(form, e.field, e.message);
      say('Fix the marked field, then run again.', 'bad');
      return;
    }
    runId += 1;
    ensureWorker().postMessage({ type: 'run', id: runId, ...request });
    watch();
    progress.value = 0;
    cancel.disabled = false;
    form.setAttribute('aria-busy', 'true');
    say('Starting…');
  });

  cancel.addEventListener('click', () => {
    worker?.postMessage({ type: 'cancel', id: runId });
    watch(CANCEL_MS, 'Cancelled: the simulation did not stop by itself, so it was stopped. Nothing was kept from that run.', '');
    say('Cancelling…');
  });

  // A file is read and parsed in the worker when the run starts, never into the text box: a
  // 100 MB text there would freeze or crash the tab. Editing the box again uses the box.
  let file = null;
  $('s-file').addEventListener('change', (event) => {
    const chosen = event.target.files[0];
    if (!chosen) return;
    if (chosen.size > MAX_FILE_BYTES) {
      file = null;
      say(
        `${chosen.name} is ${formatAmount(String(Math.ceil(chosen.size / 1e6)), 'plain')} MB; a file of requests may have at most ${formatAmount(String(MAX_FILE_BYTES / 1e6), 'plain')} MB (a million requests take about 70 MB).`,
        'bad',
      );
      return;
    }
    file = chosen;
    form.elements.namedItem('source').value = 'json';
    form.dispatchEvent(new Event('change'));
    say(
      `${chosen.name} (${formatAmount(String(Math.ceil(chosen.size / 1e3)), 'plain')} KB) is ready: press Run simulation. It is read when the run starts, off this page's thread.`,
    );
  });
  form.elements.namedItem('json').addEventListener('input', () => (file = null));

  // --- results ---
  let chart = null;
  explainSource('pool', () => shown && { call: 'pool', input: shown.summary.totals });
  async function show(id, summary) {
    shown = { id, summary };
    $('s-results').hidden = false;
    for (const key of ['emitted', 'distributed', 'unallocated', 'dust']) showFigure($(`s-${key}`), summary[key]);
    showText(
      $('s-accepted'),
      `${formatAmount(String(summary.accepted), 'plain')} of ${formatAmount(String(summary.requests), 'plain')}`,
      summary.accepted,
    );
    showText($('s-rejected'), formatAmount(String(summary.rejected), 'plain'), summary.rejected);
    showText($('s-maxWait'), `${formatDuration(summary.maxWait)} (mean ${formatDuration(Math.round(summary.meanWait))})`, summary.maxWait);
    showText($('s-elapsed'), `${formatAmount(String(Math.round(summary.elapsedMs)), 'plain')} ms`, Math.round(summary.elapsedMs));
    const list = $('s-rejected-list');
    list.replaceChildren(
      ...summary.rejectedSample.map((r) => {
        const li = document.createElement('li');
        li.textContent = `${r.id}: ${r.reason}`;
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
    const s = summary.series;
    const days = Float64Array.from(s.t, (t) => t / DAY);
    const marks = rateChanges(cbm, summary.rules, summary.horizon + 1).map((m) => ({ t: m.t / DAY, label: m.label }));
    const rows = sampleIndices(days.length, 30);
    const peak = s.poolPower.reduce((m, v) => Math.max(m, v), 0);
    chart.set([days, s.poolPower, s.rate], {
      marks,
      summary: `Chart over ${formatAmount(String(Math.round(summary.horizon / DAY)), 'plain')} days: pool power rises to a peak of ${formatAmount(String(Math.round(peak)), 'units')}; the emission rate steps from ${formatAmount(String(s.rate[0]), 'plain')} WFI/s${marks.length ? ` with ${marks.length} rate changes` : ''}.`,
      table: {
        columns: ['Day', 'Pool power (units)', 'Active units', 'Emission rate (WFI/s)'],
        rows: rows.map((i) => [
          formatAmount(String(Math.round(days[i])), 'plain'),
          formatAmount(String(s.poolPower[i]), 'plain'),
          formatAmount(String(s.activeUnits[i]), 'plain'),
          formatAmount(String(s.rate[i]), 'plain'),
        ]),
      },
    });
    $('s-results').dataset.run = String(id);
  }

  // --- owners table: sorted and paged in the worker ---
  function requestOwners() {
    worker.postMessage({ type: 'owners', id: shown.id, sort: table.sort, descending: table.descending, offset: table.offset, limit: PAGE });
  }

  function renderOwners({ rows, total, offset }) {
    const body = $('s-owners-table').tBodies[0];
    body.replaceChildren(
      ...rows.map((r) => {
        // Owner names come from the user: text nodes, never HTML, their hidden characters shown
        // as escapes (the worker's label), and a name that looks like another's says so.
        const tr = tableRow([
          r.lookalike ? [r.label, ' ', lookalikeMark()] : r.label,
          formatAmount(String(r.activations), 'plain'),
          formatAmount(String(r.units), 'plain'),
          formatAmount(r.reward, 'wfi'),
          formatAmount(r.share, 'poolShare'),
        ]);
        tr.cells[3].title = `${r.reward} WFI`;
        return tr;
      }),
    );
    const pages = Math.max(1, Math.ceil(total / PAGE));
    const page = Math.floor(offset / PAGE) + 1;
    $('s-page').textContent = `Page ${page} of ${pages} (${formatAmount(String(total), 'plain')} owners)`;
    // Next to the last page (or Previous to the first) hands the focus to the other button,
    // enabled first.
    const [prev, next] = [$('s-prev'), $('s-next')];
    if (page > 1) prev.disabled = false;
    if (page < pages) next.disabled = false;
    setDisabled(prev, page <= 1, next);
    setDisabled(next, page >= pages, prev);
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

  $('s-owners-table').tHead.addEventListener('click', (event) => {
    const button = event.target.closest('button[data-sort]');
    if (!button || !shown) return;
    const key = button.dataset.sort;
    table = { sort: key, descending: key === table.sort ? !table.descending : key !== 'owner', offset: 0 };
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

  for (const format of ['csv', 'json']) {
    document.querySelector(`[data-export=pool-${format}]`).addEventListener('click', () => {
      if (shown) worker.postMessage({ type: 'export', id: shown.id, format });
    });
  }

  return {
    refresh() {
      showConditions();
      showSchedule();
    },
  };
}
