// Two scenarios side by side in "My mining units": "Compare" keeps the inputs as scenario A and
// lets the same form edit a copy, B (buy later, other units, another schedule...); a switch
// moves the form between them. Each time the form's scenario computes, the core compares the
// two projections (compareEarnings, in the decisions worker): a table of A, B and B - A and a
// chart of both. Both travel in the share link: the form's scenario in its usual keys, the
// other in "cmp", and which one the form holds in "cmpEdit".
import { Chart } from './charts.js';
import { tableRow } from './figures.js';
import { callDecision } from './decisions-client.js';
import { compareChart, compareRows, compareSeries } from './compare-state.js';
import { joined, linkValue, MAX_LINK_TEXT, readState, shareList, stateHash, withinBound } from './share.js';

const $ = (id) => document.getElementById(id);
const PREFIX = 'm.'; // the mining section's keys

/** The values of the forms and lists whose keys start with `prefix` ("m."), those that differ
 * from the defaults: a section's scenario, to keep aside and put back. */
function snapshot(prefix) {
  return new Map([...readState(stateHash())].filter(([key]) => key.startsWith(prefix)));
}

/** Puts a snapshot back: every control and list under `prefix` takes its value, or its
 * default where the snapshot has none. */
function applySnapshot(prefix, values) {
  const { lists, forms, controlsOf, keyOf } = joined;
  for (const [key, list] of lists) if (key.startsWith(prefix) && values.has(key)) list.set(values.get(key));
  for (const form of forms) {
    for (const control of controlsOf(form)) {
      const key = keyOf(form, control);
      if (!key.startsWith(prefix)) continue;
      const value = values.get(key);
      if (control.type === 'checkbox') control.checked = value === undefined ? control.defaultChecked : value === '1';
      else if (control.type === 'radio') control.checked = value === undefined ? control.defaultChecked : control.value === value;
      else if (control.tagName === 'SELECT')
        control.value = value ?? [...control.options].find((o) => o.defaultSelected)?.value ?? control.options[0].value;
      else control.value = value ?? control.defaultValue;
    }
  }
}

/** A snapshot as one text (for a key of its own in the address), and back: from a link, each
 * value within its key's bound, as if it were the key's own (a field's 1,000 characters...). */
const snapshotText = (values) => new URLSearchParams([...values]).toString();
const snapshotOf = (text) => new Map([...new URLSearchParams(text)].filter(([key, value]) => withinBound(key, value)));

/** Sets up the comparison over the mining section (`mining`: its refresh() and projection());
 * `save()` writes the address. With `fromLink`, the address's cmp and cmpEdit are taken up. */
export function setUpCompare(mining, { save, fromLink = false }) {
  const status = $('c-status'),
    results = $('c-results');
  const say = (text) => (status.textContent = text);
  let active = 'B'; // the scenario the form holds
  let other = null; // the other one's inputs (a snapshot), null when not comparing
  const inputs = { A: null, B: null }; // each one's projectEarnings input, as last computed
  let switching = false;
  let asked = 0;

  // The other scenario holds a whole section's keys: its bound is the link's.
  shareList('cmp', { get: () => (other ? snapshotText(other) : ''), set: () => {}, maxLength: MAX_LINK_TEXT });
  shareList('cmpEdit', { get: () => (other ? active : ''), set: () => {} });

  const showSwitch = () => showEditing(Boolean(other), active);

  /** The form's scenario as computed now. */
  const capture = () => (inputs[active] = mining.projection()?.input ?? null);

  /** Puts the other scenario in the form and computes it; the form's goes aside. */
  function swap() {
    const mine = snapshot(PREFIX);
    applySnapshot(PREFIX, other);
    other = mine;
    active = active === 'A' ? 'B' : 'A';
    mining.refresh();
    capture();
  }

  function start() {
    other = snapshot(PREFIX);
    inputs.A = inputs.B = mining.projection()?.input ?? null;
    active = 'B';
    showSwitch();
    say('You are editing B, a copy of A: change what you want to compare. A keeps its inputs.');
    save();
    compare();
    $('c-edit-b').focus();
  }

  /** Computes both and compares them: the form's scenario after the other, so that it ends in
   * the form. */
  function takeUp(text, edited) {
    other = snapshotOf(text);
    active = edited === 'A' ? 'A' : 'B';
    switching = true;
    swap(); // the other one computes...
    swap(); // ...and the form's comes back
    switching = false;
    showSwitch();
    compare();
  }

  async function compare() {
    if (!other) return;
    const id = ++asked;
    if (!inputs.A || !inputs.B) {
      results.classList.add('stale');
      return say(`Scenario ${inputs.A ? 'B' : 'A'} has a field to fix before the two compare.`);
    }
    try {
      const c = await callDecision('compareEarnings', { a: inputs.A, b: inputs.B });
      if (id !== asked) return; // a newer comparison is on its way
      results.classList.remove('stale');
      render(c, mining.projection()?.genesis);
      say(`You are editing ${active}.`);
    } catch (error) {
      if (id !== asked) return;
      results.classList.add('stale');
      say(`Not compared: ${error.message}`);
    }
  }

  $('c-edit-a').addEventListener('click', () => active === 'A' || (swap(), showSwitch(), save(), compare()));
  $('c-edit-b').addEventListener('click', () => active === 'B' || (swap(), showSwitch(), save(), compare()));
  $('c-stop').addEventListener('click', () => {
    other = null;
    showSwitch();
    say(`Stopped comparing: the inputs are scenario ${active}'s.`);
    save();
    $('c-start').focus();
  });

  const linked = fromLink && linkValue('cmp');
  if (linked) takeUp(linked, linkValue('cmpEdit'));
  return {
    start,
    /** The mining section computed the form's scenario. */
    update() {
      if (switching || !other) return;
      capture();
      compare();
    },
  };
}

/** Start or the A/B switch (comparing: the scenario `active` pressed), and the results. */
function showEditing(comparing, active) {
  $('c-switch').hidden = !comparing;
  $('c-start').hidden = comparing;
  $('c-start-hint').hidden = comparing;
  $('c-edit-a').setAttribute('aria-pressed', String(active === 'A'));
  $('c-edit-b').setAttribute('aria-pressed', String(active === 'B'));
  $('c-results').hidden = !comparing;
}

/** The comparison's table and chart (made on the first comparison). */
let chart = null;
function render(c, genesis) {
  $('c-table').tBodies[0].replaceChildren(
    ...compareRows(c, genesis).map(({ key, cells, difference }) => {
      const tr = tableRow(cells);
      tr.dataset.key = key;
      if (difference !== undefined) tr.dataset.difference = difference;
      return tr;
    }),
  );
  if (!chart) {
    chart = new Chart(document.querySelector('[data-chart=compare]'));
    chart.configure(compareSeries);
  }
  const { columns, summary, table } = compareChart(c, genesis);
  chart.set(columns, { summary, table });
}
