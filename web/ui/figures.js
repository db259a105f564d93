// Result figures: the rounded value, and on demand every digit with a copy button.
import { exactText, formatAmount } from './format.js';

const english = {
  copy: 'Copy',
  copied: 'Copied',
  selected: 'Selected',
  exact: (text) => `Exact: ${text}. Press to show every digit.`,
};

/**
 * Shows `value` (a decimal string, or null for "no result") in `output`, formatted by its
 * data-format ("percent", "wfi", "usd"...). `locale` and `text` (labels) serve the widget.
 */
export function showFigure(output, value, { locale = undefined, text = english } = {}) {
  const kind = output.dataset.format ?? 'plain';
  if (value === null || value === undefined) {
    output.replaceChildren('—');
    delete output.dataset.value;
    nameHow(output, null);
    return;
  }
  let toggle = output.querySelector('button.exact');
  let detail = output.querySelector('.exact-value');
  if (!toggle) {
    toggle = document.createElement('button');
    toggle.type = 'button';
    toggle.className = 'exact';
    toggle.setAttribute('aria-expanded', 'false');
    detail = document.createElement('span');
    detail.className = 'exact-value';
    detail.hidden = true;
    const digits = document.createElement('span');
    const copy = document.createElement('button');
    copy.type = 'button';
    copy.textContent = text.copy;
    copy.addEventListener('click', () => copyText(digits, copy, text));
    detail.append(digits, copy);
    const show = (open) => {
      toggle.setAttribute('aria-expanded', String(open));
      detail.hidden = !open;
    };
    toggle.addEventListener('click', () => show(toggle.getAttribute('aria-expanded') !== 'true'));
    // Escape closes the digits, from the figure or its Copy button, and gives the focus back.
    output.addEventListener('keydown', (e) => {
      if (e.key !== 'Escape' || detail.hidden) return;
      show(false);
      toggle.focus();
      e.stopPropagation();
    });
    output.replaceChildren(toggle, detail);
  }
  toggle.textContent = formatAmount(value, kind, locale);
  // The longest run without a space: CSS sizes the figure to fit it rather than break a number.
  output.style.setProperty('--chars', String(Math.max(...toggle.textContent.split(/\s/).map((word) => word.length))));
  toggle.title = text.exact(exactText(value, kind));
  detail.firstChild.textContent = value;
  output.dataset.value = value;
  nameHow(output, toggle.textContent);
}

/** Names the "How?" button right after `output`, if there is one, for what it explains: "How is
 * 210.24% (APR) computed?"; with nothing shown, by its label alone. */
function nameHow(output, shown) {
  const how = output.nextElementSibling;
  if (!how?.matches('button.how')) return;
  const { label } = how.dataset;
  how.setAttribute('aria-label', shown ? `How is ${shown} (${label}) computed?` : `How is “${label}” computed?`);
}

/** Shows plain text (a date, a duration) in `output`; `value` goes to data-value for tests and
 * exports. */
export function showText(output, textContent, value = textContent) {
  output.textContent = textContent ?? '—';
  if (value === null || value === undefined) delete output.dataset.value;
  else output.dataset.value = String(value);
  nameHow(output, textContent ?? null);
}

async function copyText(digits, button, text) {
  try {
    await navigator.clipboard.writeText(digits.textContent);
    button.textContent = text.copied;
  } catch {
    // No clipboard permission (an embedded frame, say): select the digits for a manual copy.
    const range = document.createRange();
    range.selectNodeContents(digits);
    getSelection().removeAllRanges();
    getSelection().addRange(range);
    button.textContent = text.selected;
  }
  setTimeout(() => (button.textContent = text.copy), 1500);
}

/** A table row; its first cell heads it. A cell: a text, a node, or a list of them. */
export function tableRow(cells) {
  const tr = document.createElement('tr');
  cells.forEach((cell, i) => {
    const td = document.createElement(i ? 'td' : 'th');
    if (!i) td.scope = 'row';
    td.append(...[cell].flat());
    tr.append(td);
  });
  return tr;
}
