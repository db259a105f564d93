// The "Supply control and Energy" section (SPEC 6): the WFI the holder's units mine (from the
// mining section) split into liquid and locked as global Energy grows through thresholds, and
// the Energy price. The thresholds and base price are not public: the defaults are illustrative.
import { CbmError } from '../lib/cbmcalc.js';
import { dayText } from './dates.js';
import { downloadCsv } from './export.js';
import { showFigure } from './figures.js';
import { formatAmount, formatDate, percentText, shiftPoint } from './format.js';
import { announceFigures } from './announce.js';
import { debounce, live, renamed, runForm } from './forms.js';
import { input, rowList } from './row-list.js';
import { shareList } from './share.js';

const $ = (id) => document.getElementById(id);

export function setUpSupply(cbm, { onChange = () => {} } = {}) {
  const form = document.querySelector('[data-form=supply]');
  const list = $('thresholds');
  const defaults = cbm.defaults().supplyControl;
  let mining = null; // the mining section's latest result
  let computed = null;

  // --- thresholds: rows of Energy level + released fraction ---
  const decimalInput = () => input({ inputMode: 'decimal', autocomplete: 'off' });
  const thresholds = rowList({
    list,
    addButton: $('add-threshold'),
    name: 'thresholds',
    idPrefix: 'c-threshold',
    rowClass: 'threshold',
    what: 'threshold',
    columns: [
      { name: 'energy', label: (i) => `Energy level ${i + 1}`, input: decimalInput },
      { name: 'releasedFraction', label: () => 'Released (0 to 1)', input: decimalInput },
    ],
    onChange: () => update(),
  });
  thresholds.set(defaults.thresholds);
  const defaultText = defaults.thresholds.map((r) => `${r.energy}:${r.releasedFraction}`).join(',');
  shareList('c.th', {
    get: () => {
      const text = thresholds
        .read()
        .map((r) => `${r.energy}:${r.releasedFraction}`)
        .join(',');
      return text === defaultText ? '' : text;
    },
    set: (text) =>
      thresholds.set(
        text
          .split(',')
          .slice(0, 50)
          .map((pair) => {
            const [energy = '', releasedFraction = ''] = pair.split(':');
            return { energy, releasedFraction };
          }),
      ),
  });
  $('add-threshold').addEventListener('click', () => {
    const last = thresholds.read().at(-1);
    // A suggestion for the next row: ten times the last threshold (a digit appended), or 1.
    const next = !last || /^[0.]*$/.test(last.energy.trim()) ? '1' : shiftPoint(last.energy.trim(), 1);
    thresholds.add({ energy: last ? next : '0', releasedFraction: '1' });
    list.lastElementChild.querySelector('input').focus();
    update();
  });

  // --- liquid vs locked over the mining horizon ---
  function update() {
    const ok = runForm(form, (values) => {
      if (!mining) throw new CbmError('energy: My mining units has no result to split: fix it first', { field: 'energy' });
      if (values.energyGrowth === '') throw new CbmError('energyGrowth: must be a percentage a month', { field: 'energyGrowth' });
      const { sim } = mining;
      const t = sim.series.t;
      // A week apart is plenty for a chart, plus today and the end exactly.
      const picks = t.map((_, i) => i).filter((i) => i % 7 === 0 || i === t.length - 1 || t[i] === sim.today);
      // Energy grows from today on; before today it is taken as today's (its past is not known).
      const energy = renamed({ monthlyPercent: 'energyGrowth', value: 'energy' }, () =>
        cbm.growthPath({ value: values.energy, monthlyPercent: values.energyGrowth, from: sim.today, t: picks.map((i) => t[i]) }),
      );
      const series = picks.map((i, k) => ({ t: t[i], energy: energy[k], mined: sim.series.reward[i] }));
      const out = cbm.supplyControl({ thresholds: thresholds.read(), series });
      computed = out;
      // Released today: the fraction at today's Energy, whatever the holder has mined.
      const [today] = cbm.supplyControl({ thresholds: thresholds.read(), series: [{ t: sim.today, energy: values.energy, mined: '0' }] });
      showFigure($('c-fraction'), percentText(today.releasedFraction));
      const end = out.at(-1);
      showFigure($('c-liquidEnd'), end.liquid);
      showFigure($('c-lockedEnd'), end.locked);
      announceFigures(form, 'Supply control', [
        ['released today', 'c-fraction'],
        ['liquid at the end', 'c-liquidEnd'],
        ['locked at the end', 'c-lockedEnd'],
      ]);
      draw(out);
    });
    if (!ok) {
      computed = null;
      for (const id of ['c-fraction', 'c-liquidEnd', 'c-lockedEnd']) showFigure($(id), null);
    }
  }

  let chart = null;
  async function draw(out) {
    const { Chart, sampleIndices } = await import('./charts.js');
    if (computed !== out) return;
    chart ??= new Chart(document.querySelector('[data-chart=supply]'), {
      series: [
        { label: 'Mined: liquid + locked (WFI)', color: '--c5', scale: 'wfi', fill: true },
        { label: 'Liquid (WFI)', color: '--c3', scale: 'wfi', fill: true },
        { label: 'Released', color: '--c2', scale: 'fraction', stepped: true, dash: [5, 3] },
      ],
      scales: {
        wfi: { label: 'WFI', side: 3 },
        fraction: { label: 'Released %', side: 1, range: () => [0, 100], format: (v) => formatAmount(String(v), 'percent') },
      },
    });
    const x = Float64Array.from(out, (p) => p.t);
    const rows = sampleIndices(out.length, 25);
    chart.set(
      [
        x,
        Float64Array.from(out, (p) => Number(p.mined)),
        Float64Array.from(out, (p) => Number(p.liquid)),
        Float64Array.from(out, (p) => Number(p.releasedFraction) * 100),
      ],
      {
        summary: `Area chart from ${formatDate(x[0])} to ${formatDate(x.at(-1))}: of ${formatAmount(out.at(-1).mined, 'wfi')} mined, ${formatAmount(out.at(-1).liquid, 'wfi')} is liquid at the end.`,
        table: {
          columns: ['Date', 'Energy', 'Released', 'Mined WFI', 'Liquid WFI', 'Locked WFI'],
          rows: rows.map((i) => {
            const p = out[i];
            return [
              formatDate(p.t),
              formatAmount(p.energy, 'plain'),
              formatAmount(percentText(p.releasedFraction), 'percent'),
              formatAmount(p.mined, 'wfi'),
              formatAmount(p.liquid, 'wfi'),
              formatAmount(p.locked, 'wfi'),
            ];
          }),
        },
      },
    );
  }

  form.addEventListener('input', () => {
    update();
    onChange();
  });
  form.addEventListener('submit', (e) => e.preventDefault());

  document.querySelector('[data-export=supply-csv]').addEventListener('click', () => {
    if (!computed) return;
    downloadCsv(
      'cbmcalc-supply.csv',
      ['date', 'energy', 'released_fraction', 'mined', 'liquid', 'locked'],
      computed.map((p) => [dayText(p.t), p.energy, p.releasedFraction, p.mined, p.liquid, p.locked]),
    );
  });

  // --- Energy price ---
  const energyForm = document.querySelector('[data-form=energy]');
  live(energyForm, (values) => showFigure($('e-price'), cbm.energyPrice(values)), { onError: () => showFigure($('e-price'), null) });
  energyForm.addEventListener('input', onChange);

  // A new mining result arrives with every keystroke there; the split can wait for a pause.
  const later = debounce(update, 60);
  return {
    /** The mining section's new result (or null). */
    setMining(state) {
      mining = state;
      later();
    },
  };
}
