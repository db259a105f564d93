// Every figure explains itself: a "How?" button beside a result (in the page's markup, with
// data-explains naming the figure as cbm.explain does and data-source its section) opens a
// popover that shows how the core computed it, with the user's own values. The explanation comes
// from cbm.explain() (a decision tool of the full module, asked in the decisions worker); here it
// is only filled in and formatted. This module loads with the first click (figures.js listens).
// One popover serves the page: it opens on a click or a key (Enter, Space), closes on Escape or
// a click outside, and gives the focus back to its button.
import { parseDay } from './dates.js';
import { callDecision } from './decisions-client.js';
import { formatAmount, formatDate } from './format.js';

/** A term's value as the formula shows it: every digit the core gave, grouped. */
function exact(term) {
  if (term.kind === 'date') return formatDate(parseDay(term.value));
  return formatAmount(term.value, 'exact');
}

/** The unit a term of each kind is shown with: a note's text says none of it again. */
export const termUnits = {
  wfi: ' WFI',
  wfiPerSecond: ' WFI a second',
  usd: ' USD',
  price: ' USD',
  units: ' units',
  power: ' effective units',
  percent: '%',
};

/** The same with its unit, for the list of terms and the notes. */
function withUnit(term) {
  return exact(term) + (termUnits[term.kind] ?? '');
}

/** Text with each {name} replaced by its term's value, as nodes: the values stand out. */
function filled(text, terms, show = exact) {
  const byName = new Map(terms.map((t) => [t.name, t]));
  const nodes = [];
  let last = 0;
  for (const m of text.matchAll(/\{(\w+)\}/g)) {
    nodes.push(text.slice(last, m.index));
    const term = byName.get(m[1]);
    const value = document.createElement('span');
    value.className = 'term';
    value.title = term.label;
    value.textContent = show(term);
    nodes.push(value);
    last = m.index + m[0].length;
  }
  nodes.push(text.slice(last));
  return nodes;
}

let popover = null;

/** The page's one popover, made on first use. */
function thePopover() {
  if (popover) return popover;
  popover = document.createElement('div');
  popover.id = 'explain-popover';
  popover.className = 'explain-popover';
  popover.setAttribute('popover', 'auto');
  popover.setAttribute('role', 'dialog');
  popover.setAttribute('aria-labelledby', 'explain-title');
  popover.innerHTML = `<div class="explain-head"><h3 id="explain-title" tabindex="-1"></h3>
    <button type="button" class="secondary small" data-close aria-label="Close the explanation">Close</button></div>
    <p class="explain-formula"></p><dl class="explain-terms"></dl><div class="explain-notes"></div>`;
  popover.querySelector('[data-close]').addEventListener('click', () => popover.hidePopover());
  popover.addEventListener('toggle', (event) => {
    if (event.newState === 'closed') popover.opener?.focus();
  });
  document.body.append(popover);
  return popover;
}

function show(button, title, figure) {
  const pop = thePopover();
  pop.querySelector('#explain-title').textContent = title;
  const formula = pop.querySelector('.explain-formula');
  formula.replaceChildren(...(figure.formula ? filled(figure.formula, figure.terms) : []));
  formula.hidden = !figure.formula;
  pop.querySelector('.explain-terms').replaceChildren(
    ...figure.terms.flatMap((term) => {
      const dt = document.createElement('dt');
      dt.textContent = term.label;
      const dd = document.createElement('dd');
      dd.textContent = withUnit(term);
      dd.dataset.term = term.name;
      return [dt, dd];
    }),
  );
  pop.querySelector('.explain-notes').replaceChildren(
    ...figure.notes.map((note) => {
      const p = document.createElement('p');
      p.append(...filled(note, figure.terms, withUnit));
      return p;
    }),
  );
  pop.opener = button;
  if (!pop.matches(':popover-open')) pop.showPopover();
  pop.querySelector('#explain-title').focus();
}

/** Explains `button`'s figure: `asked` is cbm.explain()'s arguments, { call, input, options }. */
export async function explain(button, asked) {
  const label = button.dataset.label;
  button.setAttribute('aria-busy', 'true');
  try {
    const all = await callDecision('explain', asked);
    show(button, `${label}: how it is computed`, all[button.dataset.explains]);
  } catch (error) {
    show(button, `${label}: not explained`, { formula: '', terms: [], notes: [error.message] });
  } finally {
    button.removeAttribute('aria-busy');
  }
}
