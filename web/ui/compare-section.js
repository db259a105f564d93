// Two scenarios side by side in "My mining units": "Compare" keeps the inputs as scenario A and
// lets the same form edit a copy, B (buy later, other units, another schedule...); a switch
// moves the form between them. Each time the form's scenario computes, the core compares the
// two projections (compareEarnings, in the decisions worker): a table of A, B and B - A and a
// chart of both. Both travel in the share link: the form's scenario in its usual keys, the
// other in "cmp", and which one the form holds in "cmpEdit".
import { Chart } from './charts.js';
import { tableRow } from './figures.js';
import { callDecision } from './decisions-client.js';
import { formatAmount, formatDate, formatDays, formatDuration } from './format.js';
import { paybackDays } from './mining.js';
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

// Each scenario counts from its own purchases: today, or its last purchase if that is later.
const rows = [
  ['totalWfi', 'WFI mined by the end of emission', 'wfi'],
  ['totalUsd', "Worth at today's WFI price", 'usd'],
  ['paidUsd', 'You paid', 'usd'],
  ['firstYearUsd', 'USD in its first 12 months', 'usd'],
  ['firstYearReturnPercent', 'Return over its first 12 months', 'percent'],
  ['aprPercentNow', 'APR on its first full day mining', 'percent'],
];

/** A difference as the core gave it, signed for reading: "+1,234.5 WFI", "−3.2%". */
function signed(text, kind) {
  const shown = formatAmount(text, kind);
  return text.startsWith('-') || text === '0' ? shown : `+${shown}`;
}

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

/** The comparison's table: a row a figure, A, B and the difference, then the breakeven. */
function render(c, genesis) {
  const body = $('c-table').tBodies[0];
  // The breakeven's date, and its days from the day the scenario counts from, both counted.
  const breakeven = ({ breakevenAt, from }) =>
    breakevenAt === null
      ? 'never'
      : `${formatDate(genesis + breakevenAt)} (${formatDays(paybackDays(genesis + breakevenAt, [{ at: genesis + from }]))})`;
  const shift = (s) => {
    if (s === null) return '—';
    if (s === 0) return 'the same second';
    return `${formatDuration(Math.abs(s))} ${s < 0 ? 'earlier' : 'later'}`;
  };
  body.replaceChildren(
    ...rows.map(([key, label, kind]) => {
      const tr = tableRow([label, formatAmount(c.a[key], kind), formatAmount(c.b[key], kind), signed(c.difference[key], kind)]);
      tr.dataset.key = key;
      tr.dataset.difference = c.difference[key];
      return tr;
    }),
    tableRow(['Counted from', formatDate(genesis + c.a.from), formatDate(genesis + c.b.from), shift(c.difference.from)]),
    tableRow(['Breakeven (days from that day)', breakeven(c.a), breakeven(c.b), shift(c.difference.breakevenAt)]),
  );
  body.rows[rows.length].dataset.key = 'from';
  body.lastElementChild.dataset.key = 'breakevenAt';
  draw(c, genesis);
}

/** The USD each scenario has earned to date, beside what each paid. */
let chart = null;
function draw(c, genesis) {
  const usd = (v) => formatAmount(String(v), 'usd');
  if (!chart) {
    chart = new Chart(document.querySelector('[data-chart=compare]'));
    chart.configure({
      series: [
        { label: 'A', color: '--c1', scale: 'usd', format: usd },
        { label: 'B', color: '--c2', scale: 'usd', format: usd },
        { label: 'A paid', color: '--c1', scale: 'usd', dash: [2, 4], width: 1.5, format: usd },
        { label: 'B paid', color: '--c2', scale: 'usd', dash: [2, 4], width: 1.5, format: usd },
      ],
      scales: { usd: { label: 'USD to date', side: 3, format: (v) => formatAmount(String(v), 'usdCompact') } },
    });
  }
  const x = Float64Array.from(c.earned, (p) => genesis + p.end);
  const column = (side) => Float64Array.from(c.earned, (p) => Number(p[side]));
  const paid = (side) => new Float64Array(c.earned.length).fill(Number(c[side].paidUsd));
  const last = c.earned.at(-1);
  chart.set([x, column('a'), column('b'), paid('a'), paid('b')], {
    summary: `Chart of the USD each scenario has earned to date, to ${formatDate(x.at(-1))}: A ${usd(last.a)} (paid ${usd(c.a.paidUsd)}), B ${usd(last.b)} (paid ${usd(c.b.paidUsd)}).`,
    table: {
      columns: ['Period to', 'A', 'B'],
      rows: c.earned.map((p) => [formatDate(genesis + p.end), usd(p.a), usd(p.b)]),
    },
  });
}
