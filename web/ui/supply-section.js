// The "Supply control and Energy" section (SPEC 6): the WFI the holder's units mine (from the
// mining section) split into liquid and locked as global Energy grows through thresholds, and
// the Energy price. The thresholds and base price are not public: the defaults are illustrative.
import { downloadCsv } from './export.js';
import { showFigure } from './figures.js';
import { formatAmount } from './format.js';
import { announceFigures } from './announce.js';
import { debounce, live, runForm } from './forms.js';
import { nextThreshold, splitSupply, supplyChart, supplyTable } from './supply-state.js';
import { input, rowList } from './row-list.js';
import { shareList } from './share.js';

const $ = (id) => document.getElementById(id);

export function setUpSupply(cbm, { onChange = () => {} } = {}) {
  const form = document.querySelector('[data-form=supply]');
  const defaults = cbm.defaults().supplyControl;
  let mining = null; // the mining section's latest result
  let computed = null;

  const thresholds = setUpThresholds(defaults.thresholds, () => update());

  // --- liquid vs locked over the mining horizon ---
  function update() {
    const ok = runForm(form, (values) => {
      const { series, releasedToday } = splitSupply(cbm, mining, values, thresholds.read());
      computed = series;
      showFigure($('c-fraction'), releasedToday);
      showFigure($('c-liquidEnd'), series.at(-1).liquid);
      showFigure($('c-lockedEnd'), series.at(-1).locked);
      announceFigures(form, 'Supply control', [
        ['released today', 'c-fraction'],
        ['liquid at the end', 'c-liquidEnd'],
        ['locked at the end', 'c-lockedEnd'],
      ]);
      draw(series);
    });
    if (!ok) {
      computed = null;
      for (const id of ['c-fraction', 'c-liquidEnd', 'c-lockedEnd']) showFigure($(id), null);
    }
  }

  let chart = null;
  async function draw(series) {
    const { Chart, sampleIndices } = await import('./charts.js');
    if (computed !== series) return;
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
    const { columns, ...drawn } = supplyChart(series, sampleIndices(series.length, 25));
    chart.set(columns, drawn);
  }

  form.addEventListener('input', () => {
    update();
    onChange();
  });
  form.addEventListener('submit', (e) => e.preventDefault());

  document.querySelector('[data-export=supply-csv]').addEventListener('click', () => {
    if (!computed) return;
    const { columns, rows } = supplyTable(computed);
    downloadCsv('cbmcalc-supply.csv', columns, rows);
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

/** The thresholds: rows of Energy level + released fraction, the core's `defaults` first, in a
 * shared link when they differ from them; `update()` after each change. */
function setUpThresholds(defaults, update) {
  const list = $('thresholds');
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
    onChange: update,
  });
  thresholds.set(defaults);
  const defaultText = defaults.map((r) => `${r.energy}:${r.releasedFraction}`).join(',');
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
    thresholds.add(nextThreshold(thresholds.read().at(-1)));
    list.lastElementChild.querySelector('input').focus();
    update();
  });
  return thresholds;
}
