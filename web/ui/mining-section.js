// The "My mining units" section: purchases, price scenario, pool and rules in; APR, net gain,
// breakeven, earnings charts, the activation table and the queue wait out.
import { CbmError } from '../lib/cbmcalc.js';
import { dayText, parseDay, today as todayUtc } from './dates.js';
import { downloadCsv, downloadJson } from './export.js';
import { explainSource, showFigure, showText, tableRow } from './figures.js';
import { formatAmount, formatDate, formatDateTime, formatDays, formatDuration, formatPeriod } from './format.js';
import { bindConditions, debounce, live, problemMessage, readValues, runForm, valuesOf } from './forms.js';
import { announceFigures } from './announce.js';
import { cachedMining, paybackDays, priceMining, projectAnswers, seedPoolUnits } from './mining.js';
import { rulesFrom } from './rules.js';
import { setUpSchedulePicker } from './schedule-picker.js';
import { input, rowList } from './row-list.js';
import { shareList } from './share.js';
import { nextTask } from './tasks.js';

const $ = (id) => document.getElementById(id);
const pathStyle = {
  bear: { color: '--c4', dash: [6, 4] },
  base: { color: '--c2' },
  bull: { color: '--c3', dash: [2, 3] },
};

function signedPercent(x) {
  return `${x > 0 ? '+' : x < 0 ? '−' : ''}${formatAmount(String(Math.abs(x)), 'plain')}%/month`;
}

const usdValue = (v) => formatAmount(String(v), 'usd');

function pathLabel(path, scenario) {
  if (scenario === 'flat') return 'flat price';
  if (scenario === 'growth') return signedPercent(path.monthly);
  return `${path.key} ${signedPercent(path.monthly)}`;
}

/** Sets up the section; `onResult(state)` hears every new result (the supply section uses it). */
export function setUpMining(cbm, { onResult = () => {}, onChange = () => {} } = {}) {
  const form = document.querySelector('[data-form=mining]');
  const list = $('purchases');
  const today = todayUtc();
  const defaults = cbm.defaults();
  const activationsPerSecond = defaults.pool.activationsPerSecond;
  const presets = cbm.presets();
  const renderSchedule = setUpSchedulePicker(cbm, form.elements.namedItem('schedule'), $('m-schedule-info'));

  // The referral rules come from the core: shares and thresholds are not typed here, and there
  // is one row of inputs per line.
  const lines = defaults.referral.lines;
  const lineNumbers = lines.map((_, i) => i + 1);
  $('m-referral-lines-form').append(
    ...lineNumbers.flatMap((k) => {
      const name = document.createElement('span');
      name.className = 'line-name';
      name.textContent = `Line ${k}`;
      const field = (key, what) => {
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
      return [name, field('Units', 'units today'), field('Growth', 'new units a day')];
    }),
  );
  const percent = (share) => formatAmount(share, 'share');
  $('m-referral-hint').textContent =
    `Your referrals' units, besides everyone else's above. You earn ${lines.map((l) => percent(l.share)).join(' / ')} of what lines ` +
    `${lineNumbers.join(', ')} mine, each once your purchases reach ${lines.map((l) => formatAmount(l.thresholdUsd, 'usd')).join(' / ')}: ` +
    'paid weekly, each payout locked in staking for a year. It comes from the referral pool, not from your referrals.';

  // The pool preset comes from the API, not from a constant typed here.
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

  // --- purchases: rows of date + units ---
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
    ],
    onChange: () => changed(),
  });
  const newPurchase = () => ({ date: dayText(today), units: '1000' });
  purchases.add(newPurchase());
  $('add-purchase').addEventListener('click', () => {
    purchases.add(newPurchase());
    list.lastElementChild.querySelector('input').focus();
    changed();
  });
  // Purchases are always in a shared link: "today" means the sharer's day.
  shareList('m.buy', {
    get: () =>
      purchases
        .read()
        .map((r) => `${r.date}:${r.units}`)
        .join(','),
    set: (text) => {
      const rows = text.split(',').map((pair) => {
        const [date = '', units = ''] = pair.split(':');
        return { date, units };
      });
      if (rows.length) purchases.set(rows.slice(0, 50));
    },
  });

  // --- computing: the run is cached; a price change only re-values it ---
  const mining = cachedMining(cbm);
  let state = null;
  // A run that is quick enough follows every keystroke; a slow one (many purchases, a long
  // history) waits for a pause in typing.
  const quickRun = 60; // ms
  let lastCost = 0;
  const pending = debounce(() => update(), 120);

  /** What the run depends on (a price scenario is applied afterwards). */
  const simInput = (values) => ({
    genesis: values.genesis,
    today,
    purchases: purchases.read(),
    unitPrice: values.unitPrice,
    tokenPrice: values.tokenPrice,
    period: values.period,
    poolUnits: values.poolUnits,
    poolGrowth: values.poolGrowth,
    poolGrowthUnit: values.poolGrowthUnit,
    poolCeiling: values.poolCeiling,
    referrals: lineNumbers.map((k) => ({ units: values[`ref${k}Units`], growth: values[`ref${k}Growth`] })),
    rules: rulesFrom(values, presets),
  });

  // The decision tools load with their first run, from the last good mining inputs.
  const decisionInput = () =>
    state && { input: state.sim.earningsInput, genesis: state.sim.genesis, today, growthUnit: state.values.poolGrowthUnit };
  const decisionSections = [];
  const onFirstRun = (name, setUp) => {
    const form = document.querySelector(`[data-form=${name}]`);
    let section = null; // set up once, by the first run (a second click meanwhile waits for it)
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      section ??= setUp(form, { current: decisionInput }).then((ready) => (decisionSections.push(ready), ready));
      (await section).start();
    });
    form.addEventListener('input', onChange);
  };
  /** The decision tools' forms, once their markup is built (app.js builds it when looked at). */
  function setUpTools() {
    onFirstRun('bands', async (...args) => (await import('./bands-section.js')).setUpBands(...args));
    onFirstRun('tornado', async (...args) => (await import('./tornado-section.js')).setUpTornado(...args));
    onFirstRun('reinvest', async (...args) => (await import('./reinvest-section.js')).setUpReinvest(...args));
  }
  // "How?" (figures.js): the headline's now (data-day) is the day it names.
  explainSource(
    'mining',
    ({ day }) =>
      state && {
        call: 'projectEarnings',
        input: state.sim.earningsInput,
        options: { at: day && state.priced.now ? state.priced.now.t - state.sim.genesis : undefined },
      },
  );

  /** The schedule's stages from the genesis date, and whether the units outlive emission. */
  function showSchedule(values) {
    const rules = (() => {
      try {
        return rulesFrom(values, presets);
      } catch {
        return null;
      }
    })();
    renderSchedule({ genesis: parseDay(values.genesis), lifetime: rules?.lifetime ?? null, lifetimeYears: values.lifetime });
  }

  function update() {
    const started = performance.now();
    showSchedule(valuesOf(form));
    const ok = runForm(form, (values) => {
      const sim = mining.run(simInput(values));
      const priced = priceMining(cbm, sim, values);
      const { earnings } = sim;
      state = { values, sim, priced, earnings, scenario: values.scenario };
      render(state);
      announceFigures(form, 'My mining units', [
        ['a day now', 'm-earnDayWfi'],
        ['', 'm-earnDayUsd'],
        ['the next 12 months', 'm-earnYearWfi'],
        ['', 'm-earnYearUsd'],
        ['APR now', 'm-apr'],
      ]);
    });
    if (!ok) {
      state = null;
      clearOutputs();
    }
    $('m-status').textContent = ok ? '' : 'Fix the marked field to see results.';
    onResult(state);
    for (const section of decisionSections) section.inputsChanged();
    lastCost = performance.now() - started;
  }

  function changed() {
    onChange();
    // A change of price scenario re-values the cached run, and a quick run follows the keystroke,
    // at once; a slow one waits for a pause in typing.
    let stale = true;
    try {
      stale = mining.stale(simInput(valuesOf(form)));
    } catch {
      // A rule field that does not parse: update() will say which.
    }
    if (!stale || lastCost <= quickRun) pending.now();
    else {
      $('m-status').textContent = 'Updating…';
      pending();
    }
  }
  form.addEventListener('input', changed);
  form.addEventListener('submit', (e) => e.preventDefault());
  const showConditions = bindConditions(form);

  // --- output ---
  const figures = [
    'm-apr',
    'm-return',
    'm-earnDayWfi',
    'm-earnDayUsd',
    'm-earnMonthWfi',
    'm-earnMonthUsd',
    'm-earnYearWfi',
    'm-earnYearUsd',
    'm-netGain',
    'm-blockReward',
    'm-perDay',
    'm-contribution',
    'm-mined',
    'm-wfiEnd',
    'm-usdEnd',
    'm-aprMining',
    'm-aprReferrals',
    'm-refWeek',
    'm-refLocked',
    'm-refUnlocked',
    'm-refTotal',
  ];
  function clearOutputs() {
    for (const id of figures) showFigure($(id), null);
    showText($('m-breakeven'), null);
    showText($('m-halving'), null);
    $('m-halving-effect').textContent = '';
    $('m-earn-note').textContent = '';
    $('m-periods').tBodies[0].replaceChildren();
    $('m-breakeven-band').textContent = '';
    $('m-apr-when').textContent = '';
    $('m-explain-pool').textContent = '';
    $('m-explain-one-age').hidden = true;
    $('m-activations').tBodies[0].replaceChildren();
    $('m-referral').hidden = true;
    document.querySelector('[data-chart=referral]').hidden = true;
  }

  function renderReferral(sim, priced) {
    const { referral, now } = priced;
    $('m-referral').hidden = !referral;
    document.querySelector('[data-chart=referral]').hidden = !referral;
    if (!referral) return;
    showFigure($('m-aprMining'), now?.apr.aprPercent ?? null);
    showFigure($('m-aprReferrals'), referral.now?.aprPercent ?? null);
    const next = referral.now?.nextPayout;
    showFigure($('m-refWeek'), next ? next.amount : referral.now ? '0' : null);
    $('m-refWeek-when').textContent = next
      ? `paid ${formatDate(sim.genesis + next.at)}, unlocks ${formatDate(sim.genesis + next.unlocksAt)}`
      : '';
    showFigure($('m-refLocked'), referral.now?.locked ?? null);
    showFigure($('m-refUnlocked'), referral.now?.unlocked ?? null);
    showFigure($('m-refTotal'), referral.total);
    $('m-referral-lines').textContent = referral.lines
      .map((line, i) =>
        line.unlockedAt === null
          ? `Line ${i + 1} (${percent(line.share)}): locked until your purchases reach ${formatAmount(line.thresholdUsd, 'usd')}`
          : `Line ${i + 1} (${percent(line.share)}): unlocked ${formatDate(sim.genesis + line.unlockedAt)}`,
      )
      .join(' · ');
  }

  /** The first screen's answers: a day, 30 days and 12 months, the return, the next halving. */
  function renderAnswers(earnings, tokenPrice, scenario) {
    // These figures are at today's price whatever the scenario: said beside them, not implied.
    const flat = scenario === 'flat' ? '' : ', held flat (the price scenario moves the breakeven and the charts)';
    // The price the page starts with is WeFi's example, not a market price: said until one is typed.
    const example = tokenPrice === form.elements.namedItem('tokenPrice').defaultValue;
    const price = formatAmount(tokenPrice, 'price');
    $('m-earn-note').textContent = example
      ? `at ${price} a WFI, WeFi's example price: type today's${flat}`
      : `at today's ${price} a WFI${flat}`;
    showFigure($('m-earnDayWfi'), earnings.now.wfiPerDay);
    showFigure($('m-earnDayUsd'), earnings.now.usdPerDay);
    showFigure($('m-earnMonthWfi'), earnings.next30Days.wfi);
    showFigure($('m-earnMonthUsd'), earnings.next30Days.usd);
    showFigure($('m-earnYearWfi'), earnings.firstYear.wfi);
    showFigure($('m-earnYearUsd'), earnings.firstYear.usd);
    showFigure($('m-return'), earnings.firstYear.returnPercent);
    const genesis = parseDay(form.elements.namedItem('genesis').value);
    if (genesis !== null) $('m-assumes').textContent = `Assumes emission began on ${formatDate(genesis)}`;
    const halving = earnings.nextHalving;
    showText($('m-halving'), halving ? formatDate(parseDay(halving.date)) : 'none before emission ends', halving?.at ?? null);
    $('m-halving-effect').textContent = halving
      ? `A day then: ${formatAmount(halving.wfiPerDay, 'wfi')} (${formatAmount(halving.usdPerDay, 'usd')}), from ${formatAmount(earnings.now.wfiPerDay, 'wfi')} now`
      : '';
  }

  // The earnings table shows the 12 periods from today's on, until "Show all" (a table of days
  // would hold thousands of rows).
  const shownPeriods = 12;
  let allPeriods = false;
  $('m-periods-all').addEventListener('click', () => {
    allPeriods = !allPeriods;
    if (state) renderPeriods(state.sim, state.earnings, state.priced.flatBreakeven);
  });

  /** The earnings table: one row a calendar period, halvings marked, the row of the breakeven
   * at today's price (`breakeven`, Unix seconds; null: none) lit. */
  function renderPeriods(sim, earnings, breakeven) {
    const halvings = sim.marks.filter((m) => m.label.startsWith('halving')).map((m) => m.t);
    const { periods } = earnings;
    const breakevenAt = breakeven === null ? null : breakeven - sim.genesis;
    const now = Math.max(
      0,
      periods.findIndex((p) => parseDay(p.endDate) > today),
    );
    const shown = allPeriods || periods.length <= shownPeriods ? periods : periods.slice(now, now + shownPeriods);
    const more = $('m-periods-all');
    more.hidden = periods.length <= shownPeriods;
    more.textContent = allPeriods
      ? `Show the ${shownPeriods} from today`
      : `Show all ${formatAmount(String(periods.length), 'plain')} periods`;
    more.setAttribute('aria-expanded', String(allPeriods));
    $('m-periods').tBodies[0].replaceChildren(
      ...shown.map((p) => {
        const [from, to] = [parseDay(p.startDate), parseDay(p.endDate)];
        const halving = halvings.find((t) => t >= from && t < to);
        const breakeven = breakevenAt !== null && breakevenAt >= p.start && breakevenAt < p.end;
        const head = [formatPeriod(parseDay(p.startDate), $('m-period').value)];
        if (halving !== undefined || breakeven) {
          const mark = document.createElement('span');
          mark.className = 'mark';
          mark.textContent = [halving !== undefined ? 'halving' : '', breakeven ? 'breakeven' : ''].filter(Boolean).join(', ');
          head.push(' ', mark);
        }
        const tr = tableRow([
          head,
          formatAmount(p.wfi, 'wfi'),
          formatAmount(p.usd, 'usd'),
          formatAmount(p.cumulativeWfi, 'wfi'),
          formatAmount(p.cumulativeUsd, 'usd'),
        ]);
        if (breakeven) tr.className = 'breakeven';
        return tr;
      }),
    );
  }

  function render({ sim, priced, earnings, values, scenario }) {
    renderAnswers(earnings, values.tokenPrice, values.scenario);
    renderPeriods(sim, earnings, priced.flatBreakeven);
    const { now, paths } = priced;
    const base = paths.find((p) => p.key === 'base');
    showFigure($('m-apr'), now?.apr.aprPercent ?? null);
    showFigure($('m-netGain'), now?.apr.netGainPercent ?? null);
    showFigure($('m-blockReward'), now?.blockReward ?? null);
    showFigure($('m-perDay'), now?.perDay ?? null);
    showFigure($('m-contribution'), priced.contributionUsd);
    showFigure($('m-mined'), now?.mined ?? null);
    $('m-mined-label').textContent = now ? `Mined by ${formatDate(now.t)}` : 'Mined so far';
    showFigure($('m-wfiEnd'), priced.wfiEnd);
    showFigure($('m-usdEnd'), base.usdEnd);
    renderReferral(sim, priced);
    $('m-apr-when').textContent = now
      ? `${now.isToday ? 'today' : `${formatDate(now.t)}, the first full day mining`}, at ${formatAmount(now.price, 'price')} per WFI`
      : 'emission has ended';
    // A date, and "paid back in N days" from the last purchase, as mining calculators say it.
    const when = (p) => (p.breakeven === null ? 'not before emission ends' : formatDate(p.breakeven));
    const days = (p) => formatDays(paybackDays(p.breakeven, sim.purchases));
    const purchase = sim.purchases.length > 1 ? 'your last purchase' : 'your purchase';
    showText($('m-breakeven'), when(base), base.breakeven === null ? 'never' : dayText(base.breakeven));
    const payback = base.breakeven === null ? '' : `paid back in ${days(base)} from ${purchase}: `;
    $('m-breakeven-band').textContent =
      paths.length > 1
        ? `${payback}${paths
            .filter((p) => p.key !== 'base')
            .map((p) => `${p.key}: ${p.breakeven === null ? when(p) : days(p)}`)
            .join(' · ')}`
        : `${payback}mined WFI worth what you paid, at the day’s price`;

    // The pool's growth in words, as the form says it.
    const growthText = () => {
      const { poolGrowth, poolGrowthUnit, poolCeiling } = form.elements;
      const growth =
        poolGrowthUnit.value === 'percent'
          ? `growing ${formatAmount(poolGrowth.value, 'plain')}% a month`
          : `with ${formatAmount(poolGrowth.value, 'units')} more a day`;
      const ceiling = poolCeiling.value.trim();
      return ceiling ? `${growth}, levelling off toward ${formatAmount(ceiling, 'units')}` : growth;
    };
    const next = sim.marks.find((m) => m.t > today);
    $('m-explain-pool').textContent = [
      `Your ${formatAmount(String(priced.totalUnits), 'units')} among ${formatAmount(form.elements.namedItem('poolUnits').value, 'units')} of others`,
      Number(form.elements.namedItem('poolGrowth').value) > 0 ? `, ${growthText()}` : '',
      `. Emission ends ${formatDate(sim.end)}`,
      next ? `; next rate change: ${next.label} on ${formatDate(next.t)} (genesis ${formatDate(sim.genesis)}, assumed).` : '.',
    ].join('');
    // Amortization only moves shares between units of different ages.
    $('m-explain-one-age').hidden =
      Number(form.elements.namedItem('poolGrowth').value) > 0 ||
      form.elements.namedItem('amortization').value === 'none' ||
      new Set(sim.purchases.map((p) => p.at)).size > 1;

    const body = $('m-activations').tBodies[0];
    body.replaceChildren(
      ...sim.purchases.map((p, i) =>
        tableRow([
          `${i + 1}: ${formatDate(p.at)}`,
          formatAmount(String(p.units), 'plain'),
          formatDateTime(p.activatedAt),
          formatDuration(p.wait),
          formatAmount(p.reward, 'wfi'),
        ]),
      ),
    );
    drawCharts(state);
  }

  // --- charts (the chart library loads after the first figures are shown) ---
  let charts = null;
  async function drawCharts(s) {
    const { Chart, sampleIndices } = await import('./charts.js');
    if (s !== state) return; // a newer result is on its way
    charts ??= {
      earned: new Chart(document.querySelector('[data-chart=earned]')),
      apr: new Chart(document.querySelector('[data-chart=apr]')),
      referral: new Chart(document.querySelector('[data-chart=referral]')),
      layout: '',
      top: null,
    };
    const { sim, priced, scenario } = s;
    const x = sim.series.t;
    const base = priced.paths.find((p) => p.key === 'base');
    const reward = Float64Array.from(sim.series.reward, Number);
    // At a flat price the USD line is the WFI line scaled: one line, read in WFI on the left and
    // in USD on the right, the two axes in proportion (a drawing's geometry, not a figure).
    const last = x.length - 1;
    const aligned = scenario === 'flat' && base.usd[last] > 0;
    if (aligned) {
      const usdTop = Math.max(base.usd[last], Number(priced.contributionUsd)) * 1.05;
      charts.top = { usd: usdTop, wfi: (usdTop * reward[last]) / base.usd[last] };
    }
    // The series depend on the scenario (one price path or three) and on the referral lines.
    const withReferrals = priced.referral !== null;
    const layout = `${scenario}|${aligned}|${withReferrals}`;
    if (charts.layout !== layout) {
      charts.layout = layout;
      const usdFormat = (v) => formatAmount(String(v), 'usdCompact');
      charts.earned.configure({
        series: [
          {
            label: aligned ? 'WFI mined (its USD value on the right)' : 'WFI mined',
            color: '--c1',
            scale: 'wfi',
            fill: true,
            width: 1.5,
            format: (v) => formatAmount(String(v), 'wfi'),
          },
          ...(aligned ? [] : priced.paths).map((p) => ({
            label: `USD, ${pathLabel(p, scenario)}`,
            scale: 'usd',
            format: usdValue,
            ...pathStyle[p.key],
          })),
          { label: 'You paid', color: '--muted', scale: 'usd', dash: [2, 4], width: 1.5, format: usdValue },
        ],
        // Bear, base and bull can be far apart: a log scale keeps each one readable.
        scales: aligned
          ? {
              wfi: { label: 'WFI', side: 3, range: () => [0, charts.top.wfi] },
              usd: { label: 'USD', side: 1, format: usdFormat, range: () => [0, charts.top.usd] },
            }
          : {
              wfi: { label: 'WFI', side: 3 },
              usd: { label: scenario === 'band' ? 'USD, log scale' : 'USD', side: 1, format: usdFormat, log: scenario === 'band' },
            },
      });
      charts.apr.configure({
        series: [
          ...priced.paths.map((p) => ({ label: `APR, ${pathLabel(p, scenario)}`, scale: 'apr', ...pathStyle[p.key] })),
          ...(withReferrals ? [{ label: 'APR with referral income, base', scale: 'apr', color: '--c5', dash: [8, 3] }] : []),
        ],
        scales: { apr: { label: 'APR %', side: 3, format: (v) => formatAmount(String(v), 'percent') } },
      });
      if (withReferrals) {
        const wfi = (v) => formatAmount(String(v), 'wfi');
        charts.referral.configure({
          series: [
            { label: 'WFI mined', color: '--c1', scale: 'wfi', width: 1.5, format: wfi },
            { label: 'Referral WFI, locked', color: '--c4', scale: 'wfi', dash: [6, 4], format: wfi },
            { label: 'Referral WFI, unlocked', color: '--c3', scale: 'wfi', format: wfi },
          ],
          scales: { wfi: { label: 'WFI', side: 3 } },
        });
      }
    }
    const paid = new Float64Array(x.length).fill(Number(priced.contributionUsd));
    const marks = [...sim.marks, { t: today, label: 'today', solid: true }];
    const rows = sampleIndices(x.length, 30);
    const breakeven = base.breakeven === null ? [] : [{ t: base.breakeven, label: 'breakeven', solid: true }];
    charts.earned.set([x, reward, ...(aligned ? [] : priced.paths.map((p) => p.usd)), paid], {
      marks: [...marks, ...breakeven],
      summary: `Line chart from ${formatDate(x[0])} to ${formatDate(x.at(-1))}: the WFI you mine grows to ${formatAmount(priced.wfiEnd, 'wfi')}, worth ${formatAmount(base.usdEnd, 'usd')} at the base price; you paid ${formatAmount(priced.contributionUsd, 'usd')}.`,
      table: {
        columns: ['Date', 'WFI mined', ...priced.paths.map((p) => `USD, ${pathLabel(p, scenario)}`)],
        rows: rows.map((i) => [
          formatDate(x[i]),
          formatAmount(sim.series.reward[i], 'wfi'),
          ...priced.paths.map((p) => usdValue(p.usd[i])),
        ]),
      },
    });
    // Each chart drawn in a task of its own: the page answers in between.
    await nextTask();
    if (s !== state) return;
    const aprStart = priced.now ? x.indexOf(priced.now.t) : 0;
    if (withReferrals) {
      const ref = priced.referral.series;
      charts.referral.set([x, reward, Float64Array.from(ref.locked, Number), Float64Array.from(ref.unlocked, Number)], {
        marks,
        summary: `Line chart from ${formatDate(x[0])} to ${formatDate(x.at(-1))}: the WFI you mine grows to ${formatAmount(priced.wfiEnd, 'wfi')}; referral income adds ${formatAmount(priced.referral.total, 'wfi')}, each weekly payout locked for a year.`,
        table: {
          columns: ['Date', 'WFI mined', 'Referral WFI paid', 'locked', 'unlocked'],
          rows: rows.map((i) => [
            formatDate(x[i]),
            formatAmount(sim.series.reward[i], 'wfi'),
            formatAmount(ref.paid[i], 'wfi'),
            formatAmount(ref.locked[i], 'wfi'),
            formatAmount(ref.unlocked[i], 'wfi'),
          ]),
        },
      });
    }
    charts.apr.set([x, ...priced.paths.map((p) => p.apr), ...(withReferrals ? [base.aprWithReferrals] : [])], {
      marks,
      summary: `Line chart of the APR from ${formatDate(x[0])} to ${formatDate(x.at(-1))}: ${formatAmount(String(base.apr[Math.max(0, aprStart)] ?? 0), 'percent')} at first, stepping down at each halving and falling as units age and the pool grows.`,
      table: {
        columns: ['Date', ...priced.paths.map((p) => `APR, ${pathLabel(p, scenario)}`)],
        rows: rows.map((i) => [
          formatDate(x[i]),
          ...priced.paths.map((p) => (p.apr[i] === null ? '—' : formatAmount(String(p.apr[i]), 'percent'))),
        ]),
      },
    });
  }

  // --- queue wait ---
  const queueForm = document.querySelector('[data-form=queue]');
  const clearQueue = () => {
    showText($('q-wait'), null);
    showText($('q-start'), null);
  };
  const queue = live(
    queueForm,
    ({ ahead }) => {
      const { wait, miningAfter } = cbm.queueWait({ ahead, activationsPerSecond });
      showText($('q-wait'), formatDuration(wait), wait);
      const start = Math.floor(Date.now() / 1000) + miningAfter;
      showText($('q-start'), formatDateTime(start), start);
    },
    { onError: clearQueue },
  );
  queueForm.addEventListener('input', onChange);

  // The start date the figures assume, next to them: its field is further down, with the rules.
  $('m-assumes-change').addEventListener('click', () => {
    const field = form.elements.namedItem('genesis');
    field.scrollIntoView({ block: 'center' });
    field.focus({ preventScroll: true });
  });

  // Outside the form's markup (form="mining-form"): its events do not reach the form's listener.
  $('m-period').addEventListener('change', changed);
  document.querySelector('[data-export=periods-csv]').addEventListener('click', () => {
    const s = exportable();
    if (!s) return;
    const columns = ['start', 'end', 'pool_seconds_start', 'pool_seconds_end', 'wfi', 'usd', 'wfi_to_date', 'usd_to_date'];
    const rows = s.earnings.periods.map((p) => [p.startDate, p.endDate, p.start, p.end, p.wfi, p.usd, p.cumulativeWfi, p.cumulativeUsd]);
    downloadCsv(`cbmcalc-earnings-by-${$('m-period').value}.csv`, columns, rows);
  });

  // --- exports ---
  function exportRows(s) {
    const { sim } = s;
    // Each row's exact price and USD value: the same valuation, asked for its rows.
    const priced = priceMining(cbm, sim, s.values, { rows: true });
    const paths = priced.paths;
    const columns = [
      'date',
      'pool_seconds',
      'wfi_mined',
      'wfi_per_second',
      ...paths.flatMap((p) => [`wfi_price_${p.key}`, `usd_value_${p.key}`, `apr_percent_${p.key}`]),
      'pool_power',
      'emission_rate',
    ];
    const rows = sim.series.t.map((t, i) => {
      const units = priced.unitsBy[i];
      return [
        dayText(t),
        t - sim.genesis,
        sim.series.reward[i],
        sim.series.rate[i],
        ...paths.flatMap((p) => {
          const price = p.priceRows[i];
          const apr =
            units > 0 ? cbm.apr({ blockReward: sim.series.rate[i], tokenPrice: price, units, unitPrice: priced.unitPrice }).aprPercent : '';
          return [price, p.usdRows[i], apr];
        }),
        String(sim.series.poolPower[i]),
        String(sim.series.emissionRate[i]),
      ];
    });
    return { columns, rows };
  }
  function exportable() {
    if (state) return state;
    $('m-status').textContent = 'Nothing to export: fix the marked field first.';
    return null;
  }
  document.querySelector('[data-export=mining-csv]').addEventListener('click', () => {
    const s = exportable();
    if (!s) return;
    const { columns, rows } = exportRows(s);
    downloadCsv('cbmcalc-mining.csv', columns, rows);
  });
  document.querySelector('[data-export=mining-json]').addEventListener('click', () => {
    const s = exportable();
    if (!s) return;
    const { sim, priced, values } = s;
    const { columns, rows } = exportRows(s);
    downloadJson('cbmcalc-mining.json', {
      generator: `cbmcalc ${cbm.version}`,
      inputs: { ...values, purchases: purchases.read(), today: dayText(today) },
      assumptions: {
        genesis: dayText(sim.genesis),
        pool: 'everyone else as one block at the start, plus one activation a day for the growth',
        pricesBeforeToday: 'taken as today’s price',
      },
      rules: sim.rules,
      results: {
        contributionUsd: priced.contributionUsd,
        now: priced.now && {
          date: dayText(priced.now.t),
          blockReward: priced.now.blockReward,
          wfiPerDay: priced.now.perDay,
          tokenPrice: priced.now.price,
          ...priced.now.apr,
        },
        wfiWhenEmissionEnds: priced.wfiEnd,
        emissionEnds: dayText(sim.end),
        paths: priced.paths.map((p) => ({
          key: p.key,
          monthlyGrowthPercent: p.monthly,
          breakeven: p.breakeven === null ? null : dayText(p.breakeven),
          usdWhenEmissionEnds: p.usdEnd,
        })),
        activations: sim.purchases.map((p) => ({
          date: dayText(p.at),
          units: p.units,
          activatedAt: p.activatedAt,
          miningStart: p.miningStart,
          waitSeconds: p.wait,
          reward: p.reward,
        })),
        rateChanges: sim.marks.map((m) => ({ date: dayText(m.t), what: m.label })),
      },
      series: rows.map((r) => Object.fromEntries(columns.map((c, k) => [c, r[k]]))),
    });
  });

  // --- calibration: the pool that gives the block reward the WeFi app shows ---
  const appReward = $('m-appReward');
  appReward.addEventListener('input', (event) => event.stopPropagation()); // not an input of the run
  $('m-calibrate').addEventListener('click', () => {
    const error = $('m-appReward-error');
    appReward.removeAttribute('aria-invalid');
    error.textContent = '';
    if (!state) {
      error.textContent = 'fix the marked fields above first: the purchases and rules come from them';
      return;
    }
    try {
      const { sim, values } = state;
      const { poolUnits } = cbm.calibratePool({
        rules: rulesFrom(values, presets),
        now: today - sim.genesis,
        purchases: sim.purchases.map((p) => ({ at: p.at - sim.genesis, units: p.units })),
        blockReward: appReward.value.trim(),
      });
      poolInput.value = poolUnits;
      changed();
      $('m-appReward-hint').textContent =
        `Everyone else's units are now ${formatAmount(poolUnits, 'units')}: with them your units earn ${formatAmount(appReward.value.trim(), 'rate')} now, as the app shows.`;
    } catch (e) {
      if (!(e instanceof CbmError)) throw e;
      appReward.setAttribute('aria-invalid', 'true');
      error.textContent = problemMessage(e);
    }
  });

  return {
    /** As the decision tools' current(). */
    projection: decisionInput,
    setUpTools,
    /** The emission now, as this section assumes it (its start date and schedule), from its last
     * good inputs: { rate (WFI a second), stage, genesis }; null before any. */
    rateNow() {
      if (!state) return null;
      const { rate, stage } = cbm.emission({ from: Math.max(0, today - state.sim.genesis), rules: state.sim.rules });
      return { rate, stage, genesis: state.values.genesis };
    },
    /** Computes now, without the debounce. With `answersFirst` (the page's load), the first
     * screen's answers in this frame (projectAnswers: no run by day) and the rest (the run, the
     * price paths, the table, the charts) in tasks after it is painted. */
    refresh({ answersFirst = false } = {}) {
      showConditions();
      queue();
      if (!answersFirst) return update();
      showSchedule(valuesOf(form));
      try {
        const values = readValues(form);
        renderAnswers(projectAnswers(cbm, simInput(values)), values.tokenPrice, values.scenario);
      } catch (e) {
        if (!(e instanceof CbmError)) throw e; // update() shows it at its field
      }
      // Then the run by day in a task, and update() values and draws it (the run cached) in the
      // next: two shorter tasks instead of one.
      requestAnimationFrame(() =>
        setTimeout(() => {
          try {
            mining.run(simInput(readValues(form)));
          } catch {
            // update() says what is wrong, at its field
          }
          setTimeout(update, 0);
        }, 0),
      );
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
