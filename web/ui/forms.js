// Forms that recompute on every keystroke and show an API error next to the field it names.
import { CbmError } from '../lib/cbmcalc.js';

/** The form's values by input name. */
export function valuesOf(form) {
  return Object.fromEntries([...form.elements].filter((e) => e.name).map((e) => [e.name, e.value.trim()]));
}

/** Clears every error of `form`, then runs `compute`; a CbmError is shown at its field. */
export function runForm(form, compute) {
  for (const input of form.elements) {
    if (!input.name) continue;
    input.removeAttribute('aria-invalid');
    const error = document.getElementById(`${input.id}-error`);
    if (error) error.textContent = '';
  }
  try {
    compute(valuesOf(form));
    return true;
  } catch (e) {
    if (!(e instanceof CbmError)) throw e;
    showError(form, e.field, e.message);
    return false;
  }
}

/** Marks the input named by `field` ("units", "rules.lifetime"...) invalid with `message`. */
export function showError(form, field, message) {
  const name = field.split('.').pop().replace(/\[\d+\]$/, '');
  const input = form.elements.namedItem(name) ?? form.elements[0];
  input.setAttribute('aria-invalid', 'true');
  const error = document.getElementById(`${input.id}-error`);
  // The field name is the label's job; show the problem.
  if (error) error.textContent = message.startsWith(`${field}: `) ? message.slice(field.length + 2) : message;
}

/** Calls `compute` now and on every input of `form`. */
export function live(form, compute) {
  const run = () => runForm(form, compute);
  form.addEventListener('input', run);
  form.addEventListener('submit', (event) => event.preventDefault());
  run();
}
