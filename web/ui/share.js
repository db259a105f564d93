// All inputs in the page's address, so that a link restores them. The state lives in the hash
// (it never reaches a server) as key=value pairs; only values that differ from the page's
// defaults are written, so a link stays short. Forms take part through a data-share prefix
// ("m" -> "m.units=2000"); lists that are not plain inputs register a reader and a writer.

// No field takes a longer text (the longest decimal the core reads has 81 digits): a link with
// a megabyte in one value is not written into an input, where laying it out alone takes seconds.
const MAX_FIELD_TEXT = 1000;

const lists = new Map();
const forms = [];
const restored = new Set(); // forms and list keys already given the address's state
let listener = null;

/** Encodes a value, leaving the separators of our lists readable. */
function encode(text) {
  return encodeURIComponent(text).replace(/%2C/g, ',').replace(/%3A/g, ':').replace(/%2F/g, '/');
}

/** The state in the current address: a Map of key -> value. */
export function readState(hash = location.hash) {
  const state = new Map();
  for (const pair of hash.replace(/^#/, '').split('&')) {
    const at = pair.indexOf('=');
    if (at <= 0) continue;
    try {
      state.set(decodeURIComponent(pair.slice(0, at)), decodeURIComponent(pair.slice(at + 1)));
    } catch {
      // A mangled pair (a bad % escape) is skipped; the rest of the link still applies.
    }
  }
  return state;
}

function controlsOf(form) {
  return [...form.elements].filter((e) => e.name && !e.dataset.noShare && e.type !== 'file' && e.type !== 'button' && e.type !== 'submit');
}

function keyOf(form, control) {
  return `${form.dataset.share}.${control.name}`;
}

function isDefault(control) {
  if (control.type === 'checkbox' || control.type === 'radio') return control.checked === control.defaultChecked;
  if (control.tagName === 'SELECT') return [...control.options].find((o) => o.defaultSelected)?.value === control.value;
  return control.value === control.defaultValue;
}

/** Joins `form` (with data-share) to the shared state. Call before restore(). */
export function shareForm(form) {
  forms.push(form);
}

/** A list kept outside plain inputs: `get()` -> string ('' = default), `set(string)`. */
export function shareList(key, { get, set }) {
  lists.set(key, { get, set });
}

/** Puts the address's state into the forms and lists joined since the last call (sections
 * join as they are set up); returns whether the address had any state. */
export function restore(state = readState()) {
  for (const [key, list] of lists) {
    if (restored.has(key)) continue;
    restored.add(key);
    if (state.has(key)) list.set(state.get(key));
  }
  for (const form of forms) {
    if (restored.has(form)) continue;
    restored.add(form);
    for (const control of controlsOf(form)) {
      const key = keyOf(form, control);
      if (!state.has(key)) continue;
      const value = state.get(key);
      if (value.length > MAX_FIELD_TEXT) continue;
      if (control.type === 'checkbox') control.checked = value === '1';
      else if (control.type === 'radio') control.checked = control.value === value;
      else control.value = value;
    }
  }
  return state.size > 0;
}

/** The current state as a hash: "#m.units=2000&...". */
export function stateHash() {
  const pairs = [];
  for (const [key, list] of lists) {
    const value = list.get();
    if (value) pairs.push(`${encode(key)}=${encode(value)}`);
  }
  for (const form of forms) {
    for (const control of controlsOf(form)) {
      if (isDefault(control) || (control.type === 'radio' && !control.checked)) continue;
      const value = control.type === 'checkbox' ? (control.checked ? '1' : '0') : control.value;
      pairs.push(`${encode(keyOf(form, control))}=${encode(value)}`);
    }
  }
  return pairs.length ? `#${pairs.join('&')}` : '';
}

/** Writes the state into the address (no new history entry). */
export function saveState() {
  const hash = stateHash();
  if (hash !== location.hash) history.replaceState(history.state, '', `${location.pathname}${location.search}${hash}`);
  listener?.(hash);
}

/** `fn(hash)` after each save (to refresh a "copy link" field, say). */
export function onSave(fn) {
  listener = fn;
}

/** For compare-section.js, which keeps a section's inputs aside. */
export const joined = { lists, forms, controlsOf, keyOf };
