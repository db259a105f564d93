// The "My mining units" section: purchases, price scenario, pool and rules in; the first
// screen's answers, APR, breakeven, earnings table and charts, the activation table and the queue
// wait out. What it computes and says comes from mining-state.js; this file puts it in the page
// and wires the events.
import { CbmError } from '../lib/cbmcalc.js';
import { dayText, parseDay, today as todayUtc } from './dates.js';
import { downloadCsv, downloadJson } from './export.js';
import { explainSource } from './how.js';
import { showFigure, showText, tableRow } from './figures.js';
import { formatAmount, formatDateTime, formatDuration } from './format.js';
import { bindConditions, debounce, live, problemMessage, readValues, runForm, valuesOf } from './forms.js';
import { announceFigures } from './announce.js';
import { cachedMining, projectAnswers, seedPoolUnits } from './mining.js';
import {
  activationRows,
  answersView,
  calibrationRequest,
  computeMining,
  decisionInput,
  emissionNow,
  exportDocument,
  exportTable,
  headlineView,
  miningRequest,
  periodsTable,
  periodsView,
  referralHint,
  referralView,
} from './mining-state.js';
import { rulesFrom } from './rules.js';
import { setUpSchedulePicker } from './schedule-picker.js';
import { input, rowList } from './row-list.js';
import { shareList } from './share.js';

const $ = (id) => document.getElementById(id);

// A run that is quick enough follows every keystroke; a slow one (many purchases, a long
// history) waits for a pause in typing.
const QUICK_RUN = 60; // ms

/** Sets up the section; `onResult(state)` hears every new result (the supply section uses it),
 * `onChange()` every change of its inputs (the share link). */
export function setUpMining(cbm, { onResult = () => {}, onChange = () => {} } = {}) {
  const form = document.querySelector('[data-form=mining]');
  const today = todayUtc();
  const defaults = cbm.defaults();
  const presets = cbm.presets();
  const { lines } = defaults.referral;
  const showSchedule = scheduleView(cbm, form, presets);
  addReferralInputs(lines);
  const poolInput = setUpPoolPreset(cbm, form, () => changed());
  const purchases = setUpPurchases(today, form, () => changed());
  const request = (values) => miningRequest(values, purchases.read(), { today, presets, lines });
  const cache = cachedMining(cbm);
  const view = miningView(form, today);
  const pending = debounce(() => update(), 120);
  let state = null;
  let lastCost = 0;
  const projection = () => decisionInput(state, today); // the decision tools' current()
  const tools = decisionTools(projection, onChange);

  function update() {
    const started = performance.now();
    showSchedule(valuesOf(form));
    const ok = runForm(form, (values) => {
      state = computeMining(cbm, cache, request(values), values);
      view.render(state);
    });
    if (!ok) {
      state = null;
      view.clear();
    }
    $('m-status').textContent = ok ? '' : 'Fix the marked field to see results.';
    onResult(state);
    tools.inputsChanged();
    lastCost = performance.now() - started;
  }

  function changed() {
    onChange();
    // A change of price scenario re-values the cached run, and a quick run follows the keystroke,
    // at once; a slow one waits for a pause in typing.
    let stale = true;
    try {
      stale = cache.stale(request(valuesOf(form)));
    } catch {
      // A rule field that does not parse: update() will say which.
    }
    if (!stale || lastCost <= QUICK_RUN) pending.now();
    else {
      $('m-status').textContent = 'Updating…';
      pending();
    }
  }
  form.addEventListener('input', changed);
  form.addEventListener('submit', (e) => e.preventDefault());
  $('m-period').addEventListener('change', changed); // outside the form's markup (form="mining-form")
  const showConditions = bindConditions(form);
  const queue = setUpQueue(cbm, defaults.pool.activationsPerSecond, onChange);
  const current = () => state;
  setUpExports(cbm, current, today);
  setUpCalibration(cbm, { current, today, poolInput, changed });
  explainFrom(current);

  return {
    /** As the decision tools' current(). */
    projection,
    setUpTools: tools.setUp,
    /** The emission now, as this section assumes it (its start date and schedule), from its last
     * good inputs: { rate (WFI a second), stage, genesis }; null before any. */
    rateNow: () => emissionNow(cbm, state, today),
    /** Computes now, without the debounce. With `answersFirst` (the page's load), the first
     * screen's answers in this frame and the rest in tasks after it is painted. */
    refresh({ answersFirst: first = false } = {}) {
      showConditions();
      queue();
      if (!first) return update();
      showSchedule(valuesOf(form));
      answersFirst(cbm, { form, request, view, run: () => cache.run(request(readValues(form))), update });
    },
    /** Puts `units` in "everyone else's units" (from the APR section). */
    setPool(units) {
      poolInput.value = String(units);
      changed();
    },
    get state() {
      return state;
    },
  };
}

/** The first screen's answers now (projectAnswers: no run by day), the rest in tasks after the
 * frame that shows them: the run by day (`run()`), then update() values and draws it (cached). */
function answersFirst(cbm, { form, request, view, run, update }) {
  try {
    const values = readValues(form);
    view.answers(projectAnswers(cbm, request(values)), values);
  } catch (e) {
    if (!(e instanceof CbmError)) throw e; // update() shows it at its field
  }
  requestAnimationFrame(() =>
    setTimeout(() => {
      try {
        run();
      } catch {
        // update() says what is wrong, at its field
      }
      setTimeout(update, 0);
    }, 0),
  );
}

/** The schedule picker's view of the form's values: the stages from the genesis date, and
 * whether the units outlive emission. */
function scheduleView(cbm, form, presets) {
  const render = setUpSchedulePicker(cbm, form.elements.namedItem('schedule'), $('m-schedule-info'));
  return (values) => {
    let rules = null;
    try {
      rules = rulesFrom(values, presets);
    } catch {
      // A rule field that does not parse: update() says which.
    }
    render({ genesis: parseDay(values.genesis), lifetime: rules?.lifetime ?? null, lifetimeYears: values.lifetime });
  };
}

/** "How?" (how.js) asks the core about the state `current()`; the headline's now (data-day)
 * is the day it names. */
function explainFrom(current) {
  explainSource('mining', ({ day }) => {
    const state = current();
    if (!state) return null;
    const at = day && state.priced.now ? state.priced.now.t - state.sim.genesis : undefined;
    return { call: 'projectEarnings', input: state.sim.earningsInput, options: { at } };
  });
}

/** One row of inputs per referral line (the core's rules: one row a line), hidden labels. */
function addReferralInputs(lines) {
  const field = (k, key, what) => {
    const wrap = document.createElement('div');
    wrap.className = 'field';
    const id = `m-ref${k}${key}`;
    const label = document.createElement('label');
    label.className = 'visually-hidden';
    label.htmlFor = id;
    label.textContent = `Line ${k}: ${what}`;
    const box = document.createElement('input');
    Object.assign(box, { id, name: `ref${k}${key}`, inputMode: 'numeric', autocomplete: 'off', value: '0', defaultValue: '0' });
    box.setAttribute('aria-describedby', `${id}-error`);
    const error = document.createElement('p');
    error.className = 'error';
    error.id = `${id}-error`;
    wrap.append(label, box, error);
    return wrap;
  };
  $('m-referral-lines-form').append(
    ...lines.flatMap((_, i) => {
      const name = document.createElement('span');
      name.className = 'line-name';
      name.textContent = `Line ${i + 1}`;
      return [name, field(i + 1, 'Units', 'units today'), field(i + 1, 'Growth', 'new units a day')];
    }),
  );
  $('m-referral-hint').textContent = referralHint(lines);
}

/** Everyone else's units: seed 003's pool (from the API, not a constant typed here) as the field's
 * default, its figures in the hint, and the button that puts it back. Returns the field. */
function setUpPoolPreset(cbm, form, changed) {
  const poolInput = form.elements.namedItem('poolUnits');
  poolInput.defaultValue = poolInput.value = String(seedPoolUnits(cbm));
  const implied = cbm.impliedPoolPower({ units: 1000, blockReward: '0.00009804' });
  $('pool-preset-total').textContent = formatAmount(implied.replace(/(\.\d)\d*$/, '$1'), 'plain'); // 81,599,347.2
  $('pool-preset-others').textContent = formatAmount(poolInput.defaultValue, 'plain');
  $('pool-preset').addEventListener('click', () => {
    poolInput.value = poolInput.defaultValue;
    form.elements.namedItem('poolGrowth').value = '0';
    form.elements.namedItem('poolCeiling').value = '';
    changed();
  });
  return poolInput;
}

/** The purchases: rows of date, units and (with more than one row) a unit price of its own, one
 * of today's to start, always in a shared link ("today" means the sharer's day). An empty price
 * is the form's Unit price, shown as the field's placeholder. */
function setUpPurchases(today, form, changed) {
  const list = $('purchases');
  const purchases = rowList({
    list,
    addButton: $('add-purchase'),
    name: 'purchases',
    idPrefix: 'm-purchase',
    rowClass: 'purchase',
    what: 'purchase',
    keepOne: true,
    columns: [
      { name: 'date', label: (i) => `Purchase ${i + 1}: date`, input: () => input({ type: 'date' }) },
      { name: 'units', label: () => 'Units', input: () => input({ inputMode: 'numeric', autocomplete: 'off' }) },
      { name: 'unitPrice', label: () => 'USD a unit', input: () => input({ inputMode: 'decimal', autocomplete: 'off' }) },
    ],
    onChange: () => {
      showDefaultPrice();
      changed();
    },
  });
  const unitPrice = form.elements.namedItem('unitPrice');
  const showDefaultPrice = () => {
    for (const box of list.querySelectorAll('.field-unitPrice input')) box.placeholder = unitPrice.value.trim() || ' ';
  };
  unitPrice.addEventListener('input', showDefaultPrice);
  const newPurchase = () => ({ date: dayText(today), units: '1000', unitPrice: '' });
  const add = (row) => {
    purchases.add(row);
    showDefaultPrice();
  };
  add(newPurchase());
  $('add-purchase').addEventListener('click', () => {
    add(newPurchase());
    list.lastElementChild.querySelector('input').focus();
    changed();
  });
  shareList('m.buy', {
    get: () =>
      purchases
        .read()
        .map((r) => [r.date, r.units, ...(r.unitPrice ? [r.unitPrice] : [])].join(':'))
        .join(','),
    set: (text) => {
      const rows = text.split(',').map((item) => {
        const [date = '', units = '', price = ''] = item.split(':');
        return { date, units, unitPrice: price };
      });
      if (rows.length) purchases.set(rows.slice(0, 50));
      showDefaultPrice();
    },
  });
  return purchases;
}

/** The decision tools (range of outcomes, what matters most, reinvest or hold): each module loads
 * with its first Run, from the last good mining inputs (`current()`). `setUp()` once their
 * markup is built (app.js builds it when looked at); `inputsChanged()` after every result. */
function decisionTools(current, onChange) {
  const ready = [];
  const onFirstRun = (name, load) => {
    const form = document.querySelector(`[data-form=${name}]`);
    let section = null; // set up once, by the first run (a second click meanwhile waits for it)
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      section ??= load()
        .then((setUp) => setUp(form, { current }))
        .then((tool) => (ready.push(tool), tool));
      (await section).start();
    });
    form.addEventListener('input', onChange);
  };
  return {
    setUp() {
      onFirstRun('bands', async () => (await import('./bands-section.js')).setUpBands);
      onFirstRun('tornado', async () => (await import('./tornado-section.js')).setUpTornado);
      onFirstRun('reinvest', async () => (await import('./reinvest-section.js')).setUpReinvest);
      onFirstRun('buydates', async () => (await import('./buydate-section.js')).setUpBuyDates);
    },
    inputsChanged: () => ready.forEach((tool) => tool.inputsChanged()),
  };
}

/** The outputs: every figure, text, table and chart of the section, drawn from a state (or
 * cleared). */
function miningView(form, today) {
  let allPeriods = false; // the earnings table's "Show all"
  let shown = null;
  let charts = null;
  $('m-periods-all').addEventListener('click', () => {
    allPeriods = !allPeriods;
    if (shown) renderPeriods(periodsView(shown, { today, all: allPeriods }));
  });
  // The start date the figures assume, next to them: its field is further down, with the rules.
  $('m-assumes-change').addEventListener('click', () => {
    const field = form.elements.namedItem('genesis');
    field.scrollIntoView({ block: 'center' });
    field.focus({ preventScroll: true });
  });
  const answers = (earnings, values) =>
    renderAnswers(
      answersView(earnings, {
        tokenPrice: values.tokenPrice,
        examplePrice: form.elements.namedItem('tokenPrice').defaultValue,
        scenario: values.scenario,
        genesis: parseDay(values.genesis),
      }),
    );
  /** The charts (their module and the chart library load after the first figures). */
  async function drawCharts(state) {
    const drawing = await import('./mining-charts.js');
    if (state !== shown) return; // a newer result is on its way
    charts ??= drawing.miningCharts();
    await drawing.drawMiningCharts(charts, state, { today, isCurrent: () => state === shown });
  }
  return {
    answers,
    render(state) {
      shown = state;
      answers(state.earnings, state.values);
      renderPeriods(periodsView(state, { today, all: allPeriods }));
      renderHeadline(headlineView(state, today));
      renderReferral(referralView(state));
      $('m-activations').tBodies[0].replaceChildren(...activationRows(state.sim).map(tableRow));
      announceFigures(form, 'My mining units', [
        ['a day now', 'm-earnDayWfi'],
        ['', 'm-earnDayUsd'],
        ['the next 12 months', 'm-earnYearWfi'],
        ['', 'm-earnYearUsd'],
        ['APR now', 'm-apr'],
      ]);
      drawCharts(state);
    },
    clear() {
      shown = null;
      clearOutputs();
    },
  };
}

const showFigures = (figures) => {
  for (const [name, value] of Object.entries(figures)) showFigure($(`m-${name}`), value);
};

function renderAnswers(view) {
  $('m-earn-note').textContent = view.note;
  showFigures(view.figures);
  if (view.assumes !== null) $('m-assumes').textContent = view.assumes;
  showText($('m-halving'), view.halving.text, view.halving.value);
  $('m-halving-effect').textContent = view.halving.effect;
}

function renderHeadline(view) {
  showFigures(view.figures);
  $('m-mined-label').textContent = view.minedLabel;
  $('m-apr-when').textContent = view.aprWhen;
  showText($('m-breakeven'), view.breakeven.text, view.breakeven.value);
  $('m-breakeven-band').textContent = view.breakeven.band;
  $('m-explain-pool').textContent = view.pool;
  $('m-explain-one-age').hidden = !view.oneAge;
}

function renderReferral(view) {
  $('m-referral').hidden = !view;
  document.querySelector('[data-chart=referral]').hidden = !view;
  if (!view) return;
  showFigures(view.figures);
  $('m-refWeek-when').textContent = view.weekWhen;
  $('m-referral-lines').textContent = view.lines;
}

function renderPeriods({ more, rows }) {
  const button = $('m-periods-all');
  button.hidden = more.hidden;
  button.textContent = more.text;
  button.setAttribute('aria-expanded', String(more.expanded));
  $('m-periods').tBodies[0].replaceChildren(
    ...rows.map(({ head, mark, cells, breakeven }) => {
      const first = [head];
      if (mark) {
        const span = document.createElement('span');
        span.className = 'mark';
        span.textContent = mark;
        first.push(' ', span);
      }
      const tr = tableRow([first, ...cells]);
      if (breakeven) tr.className = 'breakeven';
      return tr;
    }),
  );
}

const outputs = [
  'apr',
  'return',
  'earnDayWfi',
  'earnDayUsd',
  'earnMonthWfi',
  'earnMonthUsd',
  'earnYearWfi',
  'earnYearUsd',
  'netGain',
  'blockReward',
  'perDay',
  'contribution',
  'mined',
  'wfiEnd',
  'usdEnd',
  'aprMining',
  'aprReferrals',
  'refWeek',
  'refLocked',
  'refUnlocked',
  'refTotal',
];

function clearOutputs() {
  for (const name of outputs) showFigure($(`m-${name}`), null);
  showText($('m-breakeven'), null);
  showText($('m-halving'), null);
  for (const id of ['m-halving-effect', 'm-earn-note', 'm-breakeven-band', 'm-apr-when', 'm-explain-pool']) $(id).textContent = '';
  $('m-periods').tBodies[0].replaceChildren();
  $('m-explain-one-age').hidden = true;
  $('m-activations').tBodies[0].replaceChildren();
  $('m-referral').hidden = true;
  document.querySelector('[data-chart=referral]').hidden = true;
}

/** The queue wait: how long a new activation waits behind `ahead` requests. Returns the
 * recompute. */
function setUpQueue(cbm, activationsPerSecond, onChange) {
  const queueForm = document.querySelector('[data-form=queue]');
  const compute = live(
    queueForm,
    ({ ahead }) => {
      const { wait, miningAfter } = cbm.queueWait({ ahead, activationsPerSecond });
      showText($('q-wait'), formatDuration(wait), wait);
      const start = Math.floor(Date.now() / 1000) + miningAfter;
      showText($('q-start'), formatDateTime(start), start);
    },
    {
      onError: () => {
        showText($('q-wait'), null);
        showText($('q-start'), null);
      },
    },
  );
  queueForm.addEventListener('input', onChange);
  return compute;
}

/** The exports: the earnings table as CSV, the run by day as CSV and JSON, from `current()`. */
function setUpExports(cbm, current, today) {
  const exportable = () => {
    const state = current();
    if (!state) $('m-status').textContent = 'Nothing to export: fix the marked field first.';
    return state;
  };
  const on = (name, save) =>
    document.querySelector(`[data-export=${name}]`).addEventListener('click', () => {
      const state = exportable();
      if (state) save(state);
    });
  on('periods-csv', (state) => {
    const { name, columns, rows } = periodsTable(state);
    downloadCsv(name, columns, rows);
  });
  on('mining-csv', (state) => {
    const { columns, rows } = exportTable(cbm, state);
    downloadCsv('cbmcalc-mining.csv', columns, rows);
  });
  on('mining-json', (state) => downloadJson('cbmcalc-mining.json', exportDocument(cbm, state, { today })));
}

/** Calibration: everyone else's units that give the block reward the WeFi app shows. */
function setUpCalibration(cbm, { current, today, poolInput, changed }) {
  const appReward = $('m-appReward');
  const error = $('m-appReward-error');
  appReward.addEventListener('input', (event) => event.stopPropagation()); // not an input of the run
  $('m-calibrate').addEventListener('click', () => {
    appReward.removeAttribute('aria-invalid');
    error.textContent = '';
    const state = current();
    if (!state) {
      error.textContent = 'fix the marked fields above first: the purchases and rules come from them';
      return;
    }
    try {
      const blockReward = appReward.value.trim();
      const { poolUnits } = cbm.calibratePool(calibrationRequest(state, blockReward, today));
      poolInput.value = poolUnits;
      changed();
      $('m-appReward-hint').textContent =
        `Everyone else's units are now ${formatAmount(poolUnits, 'units')}: with them your units earn ${formatAmount(blockReward, 'rate')} now, as the app shows.`;
    } catch (e) {
      if (!(e instanceof CbmError)) throw e;
      appReward.setAttribute('aria-invalid', 'true');
      error.textContent = problemMessage(e);
    }
  });
}
