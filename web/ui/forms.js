// Forms that recompute as the user types and show an API error next to the field it names.
import { CbmError } from '../lib/cbmcalc.js';
import { formatAmount } from './format.js';
import { numberText } from './numbers.js';

// What was typed, shortened as the core shortens it: a pasted megabyte is not a message.
const given = (got) => (got === undefined ? '' : `, got "${got.length > 40 ? `${got.slice(0, 40)}...` : got}"`);

/** The core's problems in a reader's English, numbers written as the locale writes them (the
 * core's own message, for logs, says 1000000000000). */
export const englishProblems = {
  'not-whole-in-range': ({ min, max, got }, number) =>
    (max === undefined
      ? `must be a whole number of at least ${number(min)}`
      : `must be a whole number from ${number(min)} to ${number(max)}`) + given(got),
  'too-large': ({ max, got }, number) => `is too large: the limit is ${number(max)}${given(got)}`,
  'not-a-number': ({ got }) => `must be a number such as 0.17${given(got)}`,
};

/** An error's message without its field (the label says it), in `problems`' words where they
 * have the problem's kind, else the core's. */
export function problemMessage(e, problems = englishProblems, locale = undefined) {
  const say = problems[e.problem?.kind];
  if (say) return say(e.problem, (n) => formatAmount(n, 'plain', locale));
  return e.field && e.message.startsWith(`${e.field}: `) ? e.message.slice(e.field.length + 2) : e.message;
}

/** The form's values by input name (checkboxes as booleans, radio groups as the checked value). */
export function valuesOf(form) {
  const values = {};
  for (const e of form.elements) {
    if (!e.name) continue;
    if (e.type === 'checkbox') values[e.name] = e.checked;
    else if (e.type === 'radio') {
      if (e.checked) values[e.name] = e.value;
    } else values[e.name] = e.value.trim();
  }
  return values;
}

/** The element that shows `input`'s error: #<input id>-error in the same document or shadow root. */
function errorElement(root, input) {
  return input.id ? root.getElementById(`${input.id}-error`) : null;
}

/** Clears the error marks of `form`. */
export function clearErrors(form) {
  const root = form.getRootNode();
  for (const input of form.elements) {
    if (!input.name || input.getAttribute('aria-invalid') !== 'true') continue;
    input.removeAttribute('aria-invalid');
    const error = errorElement(root, input);
    if (error) error.textContent = '';
  }
}

/** valuesOf(form) with each number field (inputmode decimal or numeric) read as the core's
 * decimal text by ui/numbers.js in `reading.lang` ("1,000" is 1000 in English); throws a
 * CbmError at a field whose typing is not one number there ("0,170" in English). */
export function readValues(form, reading = undefined) {
  const values = valuesOf(form);
  for (const e of form.elements) {
    if (e.name && (e.inputMode === 'decimal' || e.inputMode === 'numeric')) values[e.name] = numberText(values[e.name], e.name, reading);
  }
  return values;
}

/** Clears every error of `form`, then runs `compute(values)` (numbers read by readValues); a
 * CbmError is shown at its field and the call returns false. */
export function runForm(form, compute) {
  clearErrors(form);
  try {
    compute(readValues(form));
    return true;
  } catch (e) {
    if (!(e instanceof CbmError)) throw e;
    showError(form, e.field, problemMessage(e));
    return false;
  }
}

/** The input a field path names: "units", "purchases[1].date", "rules.lifetime"... */
function inputFor(form, field) {
  const exact = form.elements.namedItem(field);
  if (exact instanceof Element) return exact;
  const last = field
    .split('.')
    .pop()
    .replace(/\[\d+\]$/, '');
  const named = form.elements.namedItem(last);
  if (named instanceof Element) return named;
  return [...form.elements].find((e) => e.name && !e.disabled && e.type !== 'hidden') ?? null;
}

/** Marks the input named by `field` invalid with `message` (the field name left out: the label
 * says it). */
export function showError(form, field, message) {
  const input = inputFor(form, field ?? '');
  if (!input) return;
  input.setAttribute('aria-invalid', 'true');
  const error = errorElement(form.getRootNode(), input);
  if (error) error.textContent = field && message.startsWith(`${field}: `) ? message.slice(field.length + 2) : message;
}

/** Calls `compute` now and on every input of `form`; `onError()` after a failed run (to clear
 * the results it would have shown). */
export function live(form, compute, { onError = () => {} } = {}) {
  const run = () => runForm(form, compute) || (onError(), false);
  form.addEventListener('input', run);
  form.addEventListener('submit', (event) => event.preventDefault());
  run();
  return run;
}

/** `fn` run once `ms` after the last call (the latest arguments win); `ms` may be a function,
 * asked at each call. */
export function debounce(fn, ms) {
  let timer = 0;
  const debounced = (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), typeof ms === 'function' ? ms() : ms);
  };
  debounced.now = (...args) => {
    clearTimeout(timer);
    fn(...args);
  };
  return debounced;
}

/** Shows the elements of `root` marked data-when="name=value" only while `form`'s control
 * `name` has that value (the growth field only for the growth scenario, say). */
export function bindConditions(form, root = form) {
  const update = () => {
    const values = valuesOf(form);
    for (const element of root.querySelectorAll('[data-when]')) {
      const [name, value] = element.dataset.when.split('=');
      element.hidden = values[name] !== value;
    }
  };
  form.addEventListener('input', update);
  form.addEventListener('change', update);
  update();
  return update;
}

/** Runs `call` and names a failing field as the form does: `names` maps the API's field names
 * to the form's ({ monthlyPercent: 'energyGrowth' }). */
export function renamed(names, call) {
  try {
    return call();
  } catch (e) {
    const field = names[e?.field];
    if (!field) throw e;
    throw new CbmError(`${field}: ${e.message.replace(/^[^:]*: /, '')}`, { field, code: e.code });
  }
}

/** Disables `button` (or enables it, with `disabled` false); a disabled button drops the
 * keyboard's focus to the page's start, so if it had the focus, `next` takes it. */
export function setDisabled(button, disabled, next) {
  if (disabled && document.activeElement === button) next.focus();
  button.disabled = disabled;
}
