// Result figures: the rounded value, and on demand every digit with a copy button.
import { exactText, formatAmount } from './format.js';

/** Shows `value` (a decimal string, or null for "no result") in <output id=id>. */
export function showFigure(output, value) {
  const kind = output.dataset.format ?? 'plain';
  if (value === null || value === undefined) {
    output.replaceChildren('—');
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
    copy.textContent = 'Copy';
    copy.addEventListener('click', () => copyText(digits.textContent, copy));
    detail.append(digits, copy);
    toggle.addEventListener('click', () => {
      const open = toggle.getAttribute('aria-expanded') !== 'true';
      toggle.setAttribute('aria-expanded', String(open));
      detail.hidden = !open;
    });
    output.replaceChildren(toggle, detail);
  }
  toggle.textContent = formatAmount(value, kind);
  toggle.title = `Exact: ${exactText(value, kind)}. Press to show every digit.`;
  detail.firstChild.textContent = value;
  output.dataset.value = value;
}

async function copyText(text, button) {
  try {
    await navigator.clipboard.writeText(text);
    button.textContent = 'Copied';
  } catch {
    // No clipboard permission (an embedded frame, say): select the digits for a manual copy.
    const range = document.createRange();
    range.selectNodeContents(button.previousSibling);
    getSelection().removeAllRanges();
    getSelection().addRange(range);
    button.textContent = 'Selected';
  }
  setTimeout(() => (button.textContent = 'Copy'), 1500);
}
