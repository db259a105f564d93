// All inputs in the page's address, so that a link restores them. The state lives in the hash
// (it never reaches a server) as key=value pairs; only values that differ from the page's
// defaults are written, so a link stays short. Forms take part through a data-share prefix
// ("m" -> "m.units=2000"); lists that are not plain inputs register a reader and a writer.
//
// A link is anyone's text: it is bounded before it is decoded. The address is split once per
// address, each value decoded only when its form or list takes it, and only if its encoded
// text is within that key's bound: a megabyte in the address costs nothing but its length.

// No field takes a longer text (the longest decimal the core reads has 81 digits): a link with
// a megabyte in one value is not written into an input, where laying it out alone takes seconds.
const MAX_FIELD_TEXT = 1000;
// A list's text: the longest lists (purchases, Energy thresholds) hold 50 rows of two values.
const MAX_LIST_TEXT = 50 * 200;
// A whole address longer than this is not read at all: the page's own state, with every list
// full and a long check-in history, stays well under it.
export const MAX_LINK_TEXT = 64 * 1024;
// An encoded character takes at most 3 characters (%XX) per byte: a value's encoded text is
// refused, undecoded, past 3 times its bound.
const ENCODED = 3;

const lists = new Map();
const forms = [];
// Key prefixes of sections not built yet, each with how many such sections use it (two may
// share one: points' projection and the reinvest tool, "r"): their link values are kept.
const later = new Map();
const restored = new Set(); // forms and list keys already given the address's state
let listener = null;
let link = { hash: null, pairs: new Map(), tooLong: false }; // the address, split

/** Encodes a value, leaving the separators of our lists readable. */
function encode(text) {
  return encodeURIComponent(text).replace(/%2C/g, ',').replace(/%3A/g, ':').replace(/%2F/g, '/');
}

/** `text` decoded, or undefined when it is longer than `max` (checked before decoding) or
 * mangled (a bad % escape). */
function decoded(text, max) {
  if (text.length > ENCODED * max) return undefined;
  try {
    const value = decodeURIComponent(text);
    return value.length > max ? undefined : value;
  } catch {
    return undefined;
  }
}

/** A hash split into key -> still encoded value (keys decoded, at most a field's length). */
function splitPairs(hash) {
  const pairs = new Map();
  for (const pair of hash.replace(/^#/, '').split('&')) {
    const at = pair.indexOf('=');
    const key = at > 0 ? decoded(pair.slice(0, at), 100) : undefined;
    if (key !== undefined) pairs.set(key, pair.slice(at + 1));
  }
  return pairs;
}

/** The current address split, once per address; nothing of one over MAX_LINK_TEXT. */
function currentLink() {
  const hash = location.hash;
  if (hash !== link.hash) {
    const tooLong = hash.length > MAX_LINK_TEXT;
    link = { hash, pairs: tooLong ? new Map() : splitPairs(hash), tooLong };
  }
  return link;
}

/** The longest text `key` takes from a link. */
const maxTextOf = (key) => lists.get(key)?.maxLength ?? MAX_FIELD_TEXT;

/** The address's value for `key`, decoded; undefined when it has none, or none within the
 * key's bound (`max`: by default a field's, or the list's). */
export function linkValue(key, max = maxTextOf(key)) {
  const text = currentLink().pairs.get(key);
  return text === undefined ? undefined : decoded(text, max);
}

/** Whether the address has `key` (any key without one: a hash such as "#points" is a place on
 * the page, not state), undecoded. */
export function linkHas(key = undefined) {
  const { pairs } = currentLink();
  return key === undefined ? pairs.size > 0 : pairs.has(key);
}

/** Whether the address has a value for a key of `prefixes` ("p" for "p.units"...). */
export const linkHasSection = (prefixes) => [...currentLink().pairs.keys()].some((key) => prefixes.includes(key.split('.')[0]));

/** Whether the address was too long to read. */
export const linkTooLong = () => currentLink().tooLong;

/** Whether `value` is within `key`'s bound (for values taken from a link by other means). */
export const withinBound = (key, value) => value.length <= maxTextOf(key);

/** A state (the page's own, from stateHash()) as a Map of key -> value. */
export function readState(hash) {
  const state = new Map();
  for (const [key, text] of splitPairs(hash)) {
    const value = decoded(text, Infinity);
    if (value !== undefined) state.set(key, value);
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

/** Puts `value` in `control`, or its default with undefined. */
function setControl(control, value) {
  if (control.type === 'checkbox') control.checked = value === undefined ? control.defaultChecked : value === '1';
  else if (control.type === 'radio') control.checked = value === undefined ? control.defaultChecked : control.value === value;
  else if (control.tagName === 'SELECT')
    control.value = value ?? [...control.options].find((o) => o.defaultSelected)?.value ?? control.options[0]?.value ?? '';
  else control.value = value ?? control.defaultValue;
}

/** Joins `form` (with data-share) to the shared state. Call before restore(). */
export function shareForm(form) {
  forms.push(form);
}

/** The key prefixes ("p", "c"...) of a section built later: until then the address's values
 * for them stay in it (stateHash() carries them over), to be restored when it is built. */
export function shareLater(prefixes) {
  for (const prefix of prefixes) later.set(prefix, (later.get(prefix) ?? 0) + 1);
}

/** The section of `prefixes` is built and its forms joined: its values are the forms' now. */
export function sharedNow(prefixes) {
  for (const prefix of prefixes) {
    if (later.get(prefix) > 1) later.set(prefix, later.get(prefix) - 1);
    else later.delete(prefix);
  }
}

/** A list kept outside plain inputs: `get()` -> string ('' = default), `set(string)`;
 * `maxLength`: the longest text a link may give it. */
export function shareList(key, { get, set, maxLength = MAX_LIST_TEXT }) {
  lists.set(key, { get, set, maxLength });
}

/** Puts the address's state into the forms and lists joined since the last call (sections
 * join as they are set up). With `again` (a new link in the address), into every one joined
 * so far, a control the link leaves out taking its default (a list the link leaves out stays:
 * a list has no default to go back to). */
export function restore({ again = false } = {}) {
  for (const [key, list] of lists) {
    if (restored.has(key) && !again) continue;
    restored.add(key);
    const value = linkValue(key);
    if (value !== undefined) list.set(value);
  }
  for (const form of forms) {
    if (restored.has(form) && !again) continue;
    restored.add(form);
    for (const control of controlsOf(form)) {
      const value = linkValue(keyOf(form, control));
      if (value !== undefined || again) setControl(control, value);
    }
  }
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
  // The values of sections not built yet, as the address has them (still encoded).
  if (later.size) {
    const owned = new Set(lists.keys());
    for (const form of forms) for (const control of controlsOf(form)) owned.add(keyOf(form, control));
    for (const [key, text] of currentLink().pairs)
      if (later.has(key.split('.')[0]) && !owned.has(key)) pairs.push(`${encode(key)}=${text}`);
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
