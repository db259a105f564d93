// The emission-schedule picker of a rules form (SPEC 1): one option per preset of the core
// (cbm.presets()), and under it what the chosen one implies: its source, each stage's end and
// total from the genesis date, the total, and how the sources disagree. The figures come from
// cbm.emission(); this module only lays them out.
import { DAY } from './dates.js';
import { formatAmount, formatDate } from './format.js';

/**
 * Fills `select` with the presets and renders the chosen one into `info`. Returns
 * render({ genesis, lifetime, lifetimeYears }): genesis in Unix seconds (null: days from the
 * start instead of dates); the units' lifetime in seconds (null: they never retire) and as the
 * user typed it, to say when units outlive emission.
 */
export function setUpSchedulePicker(cbm, select, info) {
  const presets = cbm.presets();
  select.replaceChildren(
    ...Object.entries(presets).map(([key, preset]) => {
      const option = document.createElement('option');
      option.value = key;
      option.textContent = preset.label;
      return option;
    }),
  );
  select.value = select.defaultValue = 'contract';
  for (const option of select.options) option.defaultSelected = option.value === 'contract';

  const element = (tag, text, className) => {
    const e = document.createElement(tag);
    if (text !== undefined) e.textContent = text;
    if (className) e.className = className;
    return e;
  };

  return function render({ genesis = null, lifetime = null, lifetimeYears = '' } = {}) {
    const preset = presets[select.value];
    if (!preset) return info.replaceChildren();
    const emission = cbm.emission({ rules: preset.rules });
    const when = (t) =>
      genesis === null ? `day ${formatAmount(String(Math.floor(t / DAY)), 'units').replace(' units', '')}` : formatDate(genesis + t);
    const table = element('table', undefined, 'stages');
    const caption = element('caption', `${preset.label}: stages`);
    const head = element('thead');
    const headRow = element('tr');
    for (const title of ['Stage', 'Ends', 'Emits']) {
      const th = element('th', title);
      th.scope = 'col';
      headRow.append(th);
    }
    head.append(headRow);
    const body = element('tbody');
    for (const stage of emission.stages) {
      const row = element('tr');
      const th = element('th', `${stage.stage}: ${formatAmount(stage.rate, 'plain')} WFI/s`);
      th.scope = 'row';
      row.append(th, element('td', when(stage.to)), element('td', formatAmount(stage.emitted, 'wfi')));
      body.append(row);
    }
    const total = element('tr', undefined, 'total');
    const totalHead = element('th', 'Total');
    totalHead.scope = 'row';
    total.append(totalHead, element('td', when(emission.endsAt)), element('td', formatAmount(emission.total, 'wfi')));
    body.append(total);
    table.append(caption, head, body);

    const parts = [
      element('p', preset.note, 'small'),
      element('p', `Source: ${preset.source}.`, 'small source'),
      element('div', undefined, 'table-wrap'),
    ];
    parts[2].tabIndex = 0;
    parts[2].setAttribute('role', 'region');
    parts[2].setAttribute('aria-label', `${preset.label}: stages`);
    parts[2].append(table);
    if (lifetime !== null && lifetime > emission.endsAt) {
      parts.push(
        element(
          'p',
          `Units live ${lifetimeYears} years, longer than this emission lasts: from ${when(emission.endsAt)} on they keep aging, but nothing is emitted and they earn nothing more.`,
          'note',
        ),
      );
    }
    info.replaceChildren(...parts);
  };
}
