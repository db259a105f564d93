// The API of SPEC 8 over a loaded WASM module: what lib/cbmcalc.js (browsers, workers, bundlers)
// and lib/node.js export, and how they load a build. Not a module to import from outside the
// package: its exports beyond theirs (loader, loadBuild, and the checks and conversions
// lib/decisions.js shares) may change in any release.
// The documentation of each call, what it takes and gives and in what units, is in
// cbmcalc.d.ts (where editors show it); here each call has one line.
//
// This layer makes the core idiomatic: it checks the shape of what it is given (plain objects,
// no unknown fields, numbers or decimal strings), turns numbers into their shortest decimal text
// (0.0001 is exactly 1e-4), and turns an error returned by the core into a thrown CbmError. The
// values themselves are checked once, in C++. Amounts come back as decimal strings truncated to
// 18 decimals; seconds as numbers.

import { ActivationRows, TextColumn } from './pool-result.js';

/** The one error this API throws: { code, field, problem } besides the message. */
export class CbmError extends Error {
  constructor(message, { code = 'INVALID_INPUT', field = '', problem = undefined } = {}) {
    super(message);
    this.name = 'CbmError';
    this.code = code;
    this.field = field;
    this.problem = problem ?? (code === 'INVALID_INPUT' ? { kind: 'invalid' } : null);
  }
}

// The two builds of the core (CMakeLists.txt), each a module of its own: "full" (lib/full.js)
// has every call; "lite" (lib/lite.js), for a page's first load, leaves out the decision tools
// (lib/decisions.js), which a page runs in a worker on the full one. load() imports a build when
// it is first asked for; a worker imports its build itself, so that a bundler makes it one file.
const builds = {
  full: async () => (await import('./full.js')).fullBuild,
  lite: async () => (await import('./lite.js')).liteBuild,
};

/** load() for a host: the cbmcalc.js and node.js export. `wasmBytes(file)`, when given, reads a
 * build's .wasm file (named as it is beside this module) for a host where the Emscripten glue
 * cannot fetch it: node. */
export function loader(wasmBytes) {
  const loaded = new Map(); // build -> the API, for load() without module options
  async function instantiate(name, options) {
    const build = await builds[name]();
    const moduleOptions = { ...options };
    if (wasmBytes && !moduleOptions.wasmBinary) moduleOptions.wasmBinary = await wasmBytes(build.wasmFile);
    return loadBuild(build, moduleOptions);
  }
  return function load({ build = 'full', ...moduleOptions } = {}) {
    if (!Object.hasOwn(builds, build)) {
      return new Promise(() => fail('build', `must be "full" or "lite", got ${describe(build)}`)); // rejected, as a load is
    }
    if (Object.keys(moduleOptions).length) return instantiate(build, moduleOptions);
    if (!loaded.has(build)) loaded.set(build, instantiate(build, {}));
    return loaded.get(build);
  };
}

/** The API over a build (lib/full.js's fullBuild or lib/lite.js's liteBuild): a worker that
 * imports its build calls this, so that a bundler makes the worker one file. */
export async function loadBuild({ createModule, decisionCalls }, moduleOptions = {}) {
  const M = await createModule(moduleOptions);
  return makeApi(M, decisionCalls(M));
}

// --- checking and converting inputs ------------------------------------------------------------

// The kind of a shape error this layer finds, from the start of its English text.
const shapeKinds = [
  [/^is required/, 'required'],
  [/^is not a (field|column)/, 'unknown-field'],
  [/^must be an? (array|object|string|number|finite|date|whole|boolean)|takes an object/, 'wrong-type'],
];

export function fail(field, problem) {
  const kind = shapeKinds.find(([pattern]) => pattern.test(problem))?.[1] ?? 'invalid';
  throw new CbmError(field ? `${field}: ${problem}` : problem, { field, problem: { kind } });
}

/** A short, safe rendering of any value for an error message. */
export function describe(value) {
  if (typeof value === 'string') {
    const shown = value.length > 40 ? `${value.slice(0, 40)}...` : value;
    return JSON.stringify(shown);
  }
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return String(value);
  }
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  return typeof value === 'object' ? 'an object' : typeof value;
}

function isPlainObject(value) {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Checks that `input` is a plain object with no fields beyond `allowed`, and returns it. */
export function fieldsOf(input, call, allowed, path = '') {
  if (!isPlainObject(input)) fail(path, `${call} takes an object, got ${describe(input)}`);
  // A snapshot, each value read once and nothing inherited: a getter that answers differently
  // each time, or a property a host page put on Object.prototype, cannot change the call midway.
  const values = Object.create(null);
  for (const key of Object.keys(input)) {
    if (!allowed.includes(key)) {
      fail(path ? `${path}.${key}` : key, `is not a field of ${call} (its fields: ${allowed.join(', ')})`);
    }
    values[key] = input[key];
  }
  return values;
}

/**
 * A number or a decimal string as the core's text. A JS number means its shortest round-trip
 * decimal, which is what String() gives. `fallback` (a string) is used when the field is absent.
 */
export function text(value, field, fallback = undefined) {
  if (value === undefined) {
    if (fallback === undefined) fail(field, 'is required');
    return fallback;
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) fail(field, `must be a finite number, got ${value}`);
    return String(value);
  }
  if (typeof value === 'bigint') return value.toString();
  return fail(field, `must be a number or a decimal string, got ${describe(value)}`);
}

/** Marks a field of textReader() that has no default. */
const REQUIRED = undefined;

/** A reader for a call's flat input: it checks the fields (those of `defaults` plus `others`)
 * and returns the text of each field of `defaults`, its default where absent (REQUIRED: none).
 * Built once per call, so that reading costs no more than writing it out by hand. */
function textReader(call, defaults, others = []) {
  const names = Object.keys(defaults);
  const allowed = [...names, ...others];
  return (input) => {
    input = fieldsOf(input, call, allowed);
    const texts = {};
    for (const name of names) texts[name] = text(input[name], name, defaults[name]);
    return texts;
  };
}

/** apr()'s and pointsWeight()'s readers: they need no defaults of the core. */
export const readApr = textReader('apr()', { blockReward: REQUIRED, tokenPrice: REQUIRED, units: REQUIRED, unitPrice: REQUIRED }, [
  'referralReward',
]);
export const readWeight = textReader(
  'pointsWeight()',
  { streakDays: REQUIRED, totalPoints: REQUIRED, invites: REQUIRED, vip: '0', extra: '0' },
  ['rules'],
);

/** The readers of the flat calls; their defaults are the core's (cbm.defaults()). */
function readers(defaults) {
  const rate = defaults.pool.schedule[0].rate; // the emission rate at genesis
  const { priceStep, burnStep } = defaults.supplyControl;
  return {
    apr: readApr,
    blockReward: textReader('blockReward()', { units: REQUIRED, poolPower: REQUIRED, rate }),
    impliedPoolPower: textReader('impliedPoolPower()', { units: REQUIRED, blockReward: REQUIRED, rate }),
    impliedOtherUnits: textReader('impliedOtherUnits()', { units: REQUIRED, blockReward: REQUIRED, rate }),
    pointsWeight: readWeight,
    energyPrice: textReader('energyPrice()', { burnedUsd: REQUIRED, basePrice: REQUIRED, step: priceStep, per: burnStep }),
  };
}

/** A Unix time in whole seconds: a number, a decimal string or a Date. (Durations and pool
 * seconds go through text(): a Date there would be read as 56 years.) */
function unixText(value, field, fallback = undefined) {
  if (value instanceof Date) {
    const ms = value.getTime();
    if (Number.isNaN(ms)) fail(field, 'is an invalid Date');
    return String(Math.floor(ms / 1000));
  }
  return text(value, field, fallback);
}

/** A UTC calendar day: "YYYY-MM-DD" or a Date (its UTC day). */
export function dayText(value, field) {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) fail(field, 'is an invalid Date');
    return value.toISOString().slice(0, 10);
  }
  if (typeof value !== 'string') fail(field, `must be a date "YYYY-MM-DD" or a Date, got ${describe(value)}`);
  return value;
}

/** Each element of an array, converted; a hole is undefined, and `convert` says what is wrong
 * with it (Array.prototype.map would keep the hole and let it reach the WASM glue). */
function listOf(value, field, convert) {
  if (!Array.isArray(value)) fail(field, `must be an array, got ${describe(value)}`);
  const out = new Array(value.length);
  for (let i = 0; i < value.length; i++) out[i] = convert(value[i], `${field}[${i}]`);
  return out;
}

/** Rule overrides for the boundary: { name: text | null | [{ field: text }] }. The core knows
 * the names and checks the values; this layer checks each list's rows and turns numbers into
 * their text. */
export function ruleValues(rules) {
  if (rules === undefined) return undefined;
  if (!isPlainObject(rules)) fail('rules', `must be an object, got ${describe(rules)}`);
  const values = {};
  for (const [name, value] of Object.entries(rules)) {
    if (value === undefined) continue; // an undefined rule is one not given
    const field = `rules.${name}`;
    if (value === null) values[name] = null;
    else if (Array.isArray(value)) values[name] = rowsOf(value, field, rowFields[name] ?? rowFields.tiers);
    else values[name] = text(value, field);
  }
  return values;
}

/** The two fields of each row of a rule that is a list: a schedule's stages, the referral
 * lines, and a weight table's tiers (every other list rule). */
const rowFields = {
  schedule: { what: 'a stage', names: ['rate', 'duration'] },
  lines: { what: 'a referral line', names: ['share', 'thresholdUsd'] },
  tiers: { what: 'a tier', names: ['min', 'weight'] },
};

/** A list rule's rows [{ a, b }, ...], each field as text. */
function rowsOf(rows, field, { what, names }) {
  return listOf(rows, field, (row, f) => {
    row = fieldsOf(row, what, names, f);
    return Object.fromEntries(names.map((name) => [name, text(row[name], `${f}.${name}`)]));
  });
}

const growthFields = ['growthPerDay', 'growthPercentPerMonth', 'ceiling'];

/** Units at now and how they grow: { units, growthPerDay?, growthPercentPerMonth?, ceiling? }
 * as texts (an absent or null growth field stays absent). */
function growingText(value, field) {
  value = fieldsOf(value, 'units and their growth', ['units', ...growthFields], field);
  const out = { units: text(value.units, `${field}.units`) };
  for (const name of growthFields) {
    const given = value[name]; // read once
    if (given !== undefined && given !== null) out[name] = text(given, `${field}.${name}`);
  }
  return out;
}

/** A holder's pool for the core: now, purchases (with `priced`, each with its unitPrice), the
 * pool and the referral lines, as texts. */
export function holderText(v, priced) {
  const purchaseFields = priced ? ['at', 'units', 'unitPrice'] : ['at', 'units'];
  return {
    now: text(v.now, 'now'),
    purchases: listOf(v.purchases, 'purchases', (p, f) => {
      p = fieldsOf(p, 'a purchase', purchaseFields, f);
      return Object.fromEntries(purchaseFields.map((name) => [name, text(p[name], `${f}.${name}`)]));
    }),
    pool: growingText(v.pool, 'pool'),
    lines: listOf(v.lines ?? [], 'lines', growingText),
  };
}

export const earningsFields = ['rules', 'genesis', 'now', 'purchases', 'pool', 'lines', 'tokenPrice', 'period'];

/** projectEarnings' input (the fields of earningsFields) as the core's texts. */
export function earningsText(v) {
  if (typeof v.period !== 'string') fail('period', `must be a string, got ${describe(v.period)}`);
  return {
    rules: ruleValues(v.rules),
    genesis: dayText(v.genesis, 'genesis'),
    ...holderText(v, true),
    tokenPrice: text(v.tokenPrice, 'tokenPrice'),
    period: v.period,
  };
}

/** A column of amounts as the core sends it (comma-joined text) as an array of decimal strings. */
function split(column) {
  return column === '' ? [] : column.split(',');
}

/** projectEarnings' series with its amount columns split into arrays of decimal strings. */
function seriesColumns({ t, mined, rate, emissionRate, poolPower, lines }) {
  return {
    t,
    mined: split(mined),
    rate: split(rate),
    emissionRate: split(emissionRate),
    poolPower,
    lines: lines.map((line) => ({ mined: split(line.mined), rate: split(line.rate) })),
  };
}

/** Referral income with its series columns split into arrays of decimal strings. */
function referralColumns(income) {
  const { paid, unlocked, locked, rate } = income.series;
  return { ...income, series: { paid: split(paid), unlocked: split(unlocked), locked: split(locked), rate: split(rate) } };
}

/** The value of a core outcome, or its error thrown as a CbmError. */
export function unwrap(outcome) {
  const { error } = outcome;
  if (error.code) throw new CbmError(error.message, { code: error.code, field: error.field, problem: error.problem });
  return outcome.value;
}

// --- points accounts: JS objects <-> the core's text form ---------------------------------------

const accountFields = ['totalPoints', 'session', 'lastStartedAt', 'lastReward', 'lastCollectedAt', 'revision'];

export function optionalText(value, field, convert = text) {
  return value === null || value === undefined ? '' : convert(value, field);
}

function accountText(account) {
  account = fieldsOf(account, 'a points account', accountFields, 'account');
  const { session } = account;
  if (session !== null && session !== undefined) {
    fieldsOf(session, 'a session', ['startedAt', 'weight'], 'account.session');
  }
  return {
    totalPoints: text(account.totalPoints, 'account.totalPoints', '0'),
    activeSince: optionalText(session?.startedAt, 'account.session.startedAt', unixText),
    activeWeight: session ? text(session.weight, 'account.session.weight') : '',
    lastStartedAt: optionalText(account.lastStartedAt, 'account.lastStartedAt', unixText),
    lastReward: optionalText(account.lastReward, 'account.lastReward'),
    lastCollectedAt: optionalText(account.lastCollectedAt, 'account.lastCollectedAt', unixText),
    revision: text(account.revision, 'account.revision', '0'), // absent in accounts stored before it
  };
}

function accountFromText(t) {
  const time = (s) => (s === '' ? null : Number(s));
  return {
    totalPoints: t.totalPoints,
    session: t.activeSince === '' ? null : { startedAt: Number(t.activeSince), weight: t.activeWeight },
    lastStartedAt: time(t.lastStartedAt),
    lastReward: t.lastReward === '' ? null : t.lastReward,
    lastCollectedAt: time(t.lastCollectedAt),
    revision: Number(t.revision),
  };
}

// --- pool scenarios: a million objects <-> columns in the WASM heap ---------------------------

const scenarioFields = ['rules', 'horizon', 'activations', 'sampleEvery', 'focusOwner', 'trackOwners'];
const activationFields = ['id', 'owner', 'units', 'requestedAt'];
const utf8 = new TextEncoder();
const utf8Decoder = new TextDecoder();
const Column = { ids: 0, owners: 1, unitTexts: 2, requestedAtTexts: 3 };

function label(value, field) {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return fail(field, value === undefined ? 'is required' : `must be a string, got ${describe(value)}`);
}

/** A number field of a request as text, for the ones that are not finite JS numbers. */
function numberAsText(value, field) {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value); // NaN, Infinity
  return fail(field, value === undefined ? 'is required' : `must be a number or a decimal string, got ${describe(value)}`);
}

/** Writes strings into a text column of the run: UTF-8 bytes end to end, and where each ends.
 * `fieldOf(i)` names string i in errors. */
function writeText(M, run, column, strings, check, fieldOf) {
  let length = 0;
  for (let i = 0; i < strings.length; i++) length += strings[i].length;
  const at = run.allocateText(column, length, strings.length);
  check();
  const bytes = M.HEAPU8,
    ends = M.HEAPU32,
    endsBase = at.ends / 4;
  // ASCII, the usual case, byte by byte (five times faster than join() and a TextEncoder).
  for (let i = 0, end = 0; i < strings.length; i++) {
    const text = strings[i];
    for (let k = 0; k < text.length; k++) {
      const code = text.charCodeAt(k);
      if (code > 127) return writeUtf8(M, run, column, strings, check, fieldOf);
      bytes[at.bytes + end++] = code;
    }
    ends[endsBase + i] = end;
  }
}

function writeUtf8(M, run, column, strings, check, fieldOf) {
  // UTF-8 turns a lone surrogate into U+FFFD, so that two different ids would become one: such
  // text is refused. (One by one: joining could pair surrogates that are lone in their own
  // strings.)
  const parts = strings.map((text, i) => {
    if (!text.isWellFormed()) fail(fieldOf(i), `must be well-formed Unicode text (it has a lone surrogate), got ${describe(text)}`);
    return utf8.encode(text);
  });
  const at = run.allocateText(
    column,
    parts.reduce((sum, part) => sum + part.length, 0),
    parts.length,
  );
  check();
  let end = 0;
  parts.forEach((part, i) => {
    M.HEAPU8.set(part, at.bytes + end);
    M.HEAPU32[at.ends / 4 + i] = end += part.length;
  });
}

const limits = new WeakMap(); // the core's limits, read once per module instance
const limitsOf = (M) => limits.get(M) ?? limits.set(M, JSON.parse(M.limitsJson())).get(M);

/** The value of an object's own property, undefined where it has none (even if inherited). */
const own = (object, key) => (Object.hasOwn(object, key) ? object[key] : undefined);

/** A request's fields, each its own value or undefined (each read once). */
const ownFields = (a) => Object.fromEntries(activationFields.map((key) => [key, own(a, key)]));

function requestRow(a, i) {
  if (!isPlainObject(a)) fail(`activations[${i}]`, `must be an object { id, owner, units, requestedAt }, got ${describe(a)}`);
}

/** Checks the shape of each request and writes the columns into the run. */
function writeActivations(M, run, activations, check) {
  const n = activations.length;
  // An empty or sparse array (new Array(20000000)) is refused before its columns are allocated:
  // the heap that would grow for them does not shrink again. (Past the core's limit, the core
  // says so first.)
  if (n > 0 && n <= limitsOf(M).activations) for (const i of [0, n - 1]) requestRow(activations[i], i);
  const at = run.allocateNumbers(n);
  check();
  const units = M.HEAPF64.subarray(at.units / 8, at.units / 8 + n);
  const requestedAt = M.HEAPF64.subarray(at.requestedAt / 8, at.requestedAt / 8 + n);
  const ids = new Array(n),
    owners = new Array(n);
  let unitTexts = null,
    requestedAtTexts = null; // only when some value is not a finite number
  // A request is a plain object (requestRow): its prototype is Object.prototype or none. Unless a
  // host page put a field's name on Object.prototype, a.id is the request's own id or undefined:
  // read directly, as fast as before; else through ownFields().
  const inherits = activationFields.some((key) => key in Object.prototype);
  for (let i = 0; i < n; i++) {
    const a = activations[i];
    requestRow(a, i);
    for (const key in a) {
      // Inherited keys (a host page's Object.prototype.polluted) are not the caller's.
      if (!activationFields.includes(key) && Object.hasOwn(a, key)) {
        fail(`activations[${i}].${key}`, `is not a field of an activation (its fields: ${activationFields.join(', ')})`);
      }
    }
    // Each value read once (a getter that answers differently each time cannot make the check
    // and the copy disagree), and only the request's own.
    const { id, owner, units: unitsValue, requestedAt: requested } = inherits ? ownFields(a) : a;
    ids[i] = label(id, `activations[${i}].id`);
    owners[i] = owner === undefined ? ids[i] : label(owner, `activations[${i}].owner`);
    if (typeof unitsValue === 'number' && Number.isFinite(unitsValue)) {
      units[i] = unitsValue;
    } else {
      units[i] = NaN; // the core reads the text instead
      (unitTexts ??= new Array(n).fill(''))[i] = numberAsText(unitsValue, `activations[${i}].units`);
    }
    if (typeof requested === 'number' && Number.isFinite(requested)) {
      requestedAt[i] = requested;
    } else {
      requestedAt[i] = NaN;
      (requestedAtTexts ??= new Array(n).fill(''))[i] = numberAsText(requested, `activations[${i}].requestedAt`);
    }
  }
  // The text columns go in after the numbers: allocating them may grow (and move) the heap.
  // A getter that called back into this module could have grown (and moved) the heap.
  if (units.length !== n) fail('activations', 'changed the module while it was being read (a getter calling cbmcalc?)');
  writeText(M, run, Column.ids, ids, check, (i) => `activations[${i}].id`);
  writeText(M, run, Column.owners, owners, check, (i) => `activations[${i}].owner`);
  if (unitTexts) writeText(M, run, Column.unitTexts, unitTexts, check, (i) => `activations[${i}].units`);
  if (requestedAtTexts) writeText(M, run, Column.requestedAtTexts, requestedAtTexts, check, (i) => `activations[${i}].requestedAt`);
  return { ids, owners };
}

const isArrayLike = (value) => Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView));

/** A column of the columnar form: an array (or typed array) of `n` entries. */
function columnOf(columns, name, n) {
  const column = own(columns, name);
  const field = `activations.${name}`;
  if (column === undefined) fail(field, 'is required');
  if (!isArrayLike(column)) fail(field, `must be an array (or a typed array), got ${describe(column)}`);
  if (n !== undefined && column.length !== n)
    fail(field, `has ${column.length} entries, activations.id has ${n}: the columns must be as long as each other`);
  return column;
}

/** A column of names as strings (a name may be a finite number). */
function namesOf(column, name) {
  for (let i = 0; i < column.length; i++) {
    if (typeof column[i] !== 'string') return Array.from(column, (value, k) => label(value, `activations[${k}].${name}`));
  }
  return column.slice(); // the result keeps them: a copy, so that later changes do not reach it
}

/** Writes a number column into the run at `address`: numbers as doubles, the rest as text. */
function writeNumbers(M, run, address, column, name, textColumn, check) {
  const n = column.length;
  const values = M.HEAPF64.subarray(address / 8, address / 8 + n);
  if (ArrayBuffer.isView(column) && !(column instanceof BigInt64Array || column instanceof BigUint64Array)) {
    values.set(column); // a NaN or an Infinity there is refused by the core, naming the request
    return;
  }
  let texts = null; // only when some value is not a finite number
  for (let i = 0; i < n; i++) {
    const value = column[i];
    if (typeof value === 'number' && Number.isFinite(value)) {
      values[i] = value;
    } else {
      values[i] = NaN; // the core reads the text instead
      (texts ??= new Array(n).fill(''))[i] = numberAsText(value, `activations[${i}].${name}`);
    }
  }
  return texts && (() => writeText(M, run, textColumn, texts, check, (i) => `activations[${i}].${name}`));
}

const columnFields = ['id', 'owner', 'units', 'requestedAt'];

/** The columnar form { id, owner?, units, requestedAt }: checks its shape and writes it. */
function writeColumns(M, run, columns, check) {
  for (const key of Object.keys(columns)) {
    if (!columnFields.includes(key))
      fail(`activations.${key}`, `is not a column of the activations (its columns: ${columnFields.join(', ')})`);
  }
  const ids = namesOf(columnOf(columns, 'id'), 'id');
  const n = ids.length;
  const owners = own(columns, 'owner') === undefined ? null : namesOf(columnOf(columns, 'owner', n), 'owner');
  const units = columnOf(columns, 'units', n),
    requestedAt = columnOf(columns, 'requestedAt', n);
  const at = run.allocateNumbers(n);
  check();
  // The text columns go in after the numbers: allocating them may grow (and move) the heap.
  const later = [
    writeNumbers(M, run, at.units, units, 'units', Column.unitTexts, check),
    writeNumbers(M, run, at.requestedAt, requestedAt, 'requestedAt', Column.requestedAtTexts, check),
  ];
  writeText(M, run, Column.ids, ids, check, (i) => `activations[${i}].id`);
  if (owners) writeText(M, run, Column.owners, owners, check, (i) => `activations[${i}].owner`);
  for (const write of later) write?.();
  return { ids, owners: owners ?? ids };
}

/** Copies `length` values of type `Type` at `address` out of the WASM heap (the run frees it). */
function copyOut(M, Type, address, length) {
  return new Type(M.HEAPU8.buffer, address, length).slice();
}

function readResult(M, r, { ids, owners }, trackOwners) {
  const n = ids.length;
  const rewardEnds = copyOut(M, Uint32Array, r.rewards.ends, n);
  const rewardText = n ? utf8Decoder.decode(M.HEAPU8.subarray(r.rewards.bytes, r.rewards.bytes + r.rewards.length)) : '';
  const byRequest = {
    id: ids,
    owner: owners,
    activatedAt: copyOut(M, Float64Array, r.activatedAt, n),
    miningStart: copyOut(M, Float64Array, r.miningStart, n),
    wait: copyOut(M, Float64Array, r.wait, n),
    reward: new TextColumn(rewardText, rewardEnds),
  };
  const rejected = r.rejectedIndex.map((index, k) => ({ id: ids[index], index, reason: r.rejectedReasons[k] }));
  let accepted = null; // the input positions of the accepted requests, when some were rejected
  if (rejected.length) {
    accepted = new Uint32Array(n - rejected.length);
    for (let i = 0, k = 0, next = 0; i < n; i++) {
      if (next < rejected.length && r.rejectedIndex[next] === i) next++;
      else accepted[k++] = i;
    }
  }
  // No prototype: an owner may be called "__proto__" or "constructor".
  const ownerRewards = split(r.ownerRewards);
  const ownerTable = Object.create(null);
  const ownerNames = Array.from(r.ownerFirst, (first, k) => {
    ownerTable[owners[first]] = { reward: ownerRewards[k] };
    return owners[first];
  });
  const s = r.series;
  const columns = [s.rate, s.emitted, s.power, s.activeUnits, s.focusReward, s.focusRate].map(split);
  const [rate, emitted, power, activeUnits, focusReward, focusRate] = columns;
  const series = Array.from(s.t, (t, k) => ({
    t,
    rate: rate[k],
    emitted: emitted[k],
    poolPower: power[k],
    activeUnits: activeUnits[k],
    focusReward: focusReward[k],
    focusRate: focusRate[k],
  }));
  const tracked = Object.create(null);
  trackOwners.forEach((owner, k) => {
    const { reward, rate } = r.tracked[k];
    tracked[owner] = { reward: split(reward), rate: split(rate) };
  });
  return {
    activations: new ActivationRows(accepted, byRequest),
    owners: ownerTable,
    ownerColumns: {
      owner: ownerNames,
      activations: r.ownerActivations,
      units: split(r.ownerUnits),
      reward: ownerRewards,
      share: r.ownerShares,
    },
    rejected,
    queue: r.queue,
    emitted: r.emitted,
    distributed: r.distributed,
    unallocated: r.unallocated,
    dust: r.dust,
    series,
    seriesColumns: { t: s.t, ...s.numbers },
    tracked,
  };
}

/** A number of events to run at once: a whole number from 1 to 2^31. */
function eventCount(value, field) {
  if (!Number.isInteger(value) || value < 1 || value > 2 ** 31)
    fail(field, `must be a whole number from 1 to 2147483648, got ${describe(value)}`);
  return value;
}

const nextTick =
  typeof setImmediate === 'function'
    ? () => new Promise((resolve) => setImmediate(resolve))
    : () =>
        new Promise((resolve) => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => resolve();
          channel.port2.postMessage(0);
        });

/** A simulation in the core, advanced in slices; dispose() frees it. */
function startRun(M, input) {
  const { rules, horizon, activations = [], sampleEvery, focusOwner, trackOwners = [] } = fieldsOf(input, 'simulatePool()', scenarioFields);
  if (!Array.isArray(activations) && !(isPlainObject(activations) && 'id' in activations))
    fail(
      'activations',
      `must be an array of activation requests or an object of columns { id, owner, units, requestedAt }, got ${describe(activations)}`,
    );
  const ownerName = (value, field) => {
    const name = label(value, field);
    if (!name.isWellFormed()) fail(field, `must be well-formed Unicode text, got ${describe(name)}`);
    return name;
  };
  const focus = focusOwner === undefined || focusOwner === null ? null : ownerName(focusOwner, 'focusOwner');
  const tracked = listOf(trackOwners, 'trackOwners', ownerName);
  const settings = {
    horizon: text(horizon, 'horizon'),
    sampleEvery: text(sampleEvery, 'sampleEvery', ''),
    focusOwner: focus ?? '',
    hasFocusOwner: focus !== null,
    rules: ruleValues(rules),
    trackOwners: tracked,
  };
  const run = new M.PoolRun();
  let state = 'running'; // then 'done' (its result taken), or 'disposed'
  const dispose = () => {
    if (state !== 'disposed') run.delete();
    state = 'disposed';
  };
  const check = () => {
    const error = run.error();
    if (error.code) throw new CbmError(error.message, { code: error.code, field: error.field, problem: error.problem });
  };
  const running = (what) => {
    if (state !== 'running')
      throw new CbmError(`${what}: the simulation is ${state === 'done' ? 'over: its result was taken' : 'disposed'}`, {
        code: 'NOT_ALLOWED',
      });
  };
  try {
    const names = Array.isArray(activations) ? writeActivations(M, run, activations, check) : writeColumns(M, run, activations, check);
    run.start(settings);
    check();
    return {
      /** Advances by up to `maxEvents` events; true once finished. */
      step(maxEvents = 50000) {
        running('step()');
        const done = run.step(eventCount(maxEvents, 'maxEvents'));
        check();
        return done;
      },
      /** Share of the work done, 0 to 1. */
      progress: () => (state === 'running' ? run.progress() : 1),
      /** The result, once step() returned true (once: the core hands it over). */
      result() {
        running('result()');
        const r = run.result();
        check();
        state = 'done';
        return readResult(M, r, names, tracked);
      },
      dispose,
    };
  } catch (e) {
    dispose();
    throw e;
  }
}

// --- the API ------------------------------------------------------------------------------------

function makeApi(M, decisionCalls) {
  const defaultsText = M.defaultsJson();
  const presetsText = M.presetsJson();
  const coreDefaults = JSON.parse(defaultsText);
  const read = readers(coreDefaults);

  return Object.freeze({
    /** The limits of the inputs (a fresh copy). */
    limits() {
      return { ...limitsOf(M) };
    },

    /** SPEC 2. The wait of a request with `ahead` requests before it: { wait, miningAfter }. */
    queueWait(input) {
      const { ahead, activationsPerSecond } = fieldsOf(input, 'queueWait()', ['ahead', 'activationsPerSecond']);
      return unwrap(
        M.queueWait(
          text(ahead, 'ahead'),
          text(activationsPerSecond, 'activationsPerSecond', String(coreDefaults.pool.activationsPerSecond)),
        ),
      );
    },

    /** The version of the core, "0.1.0". */
    version: M.version(),

    /** Bytes of WASM memory the module holds (it grows for big pools and is kept for reuse). */
    memoryBytes() {
      return M.HEAP8.length;
    },

    /** The default rules, a fresh copy each call. */
    defaults() {
      return JSON.parse(defaultsText);
    },

    /** SPEC 1. The schedules the sources give. */
    presets() {
      return JSON.parse(presetsText);
    },

    /** SPEC 1. Emission of the seconds from .. to-1, the rate, stage and next halving at `from`. */
    emission(input = {}) {
      const { from, to, rules } = fieldsOf(input, 'emission()', ['from', 'to', 'rules']);
      return unwrap(M.emission(text(from, 'from', '0'), text(to, 'to', ''), ruleValues(rules)));
    },

    /** SPEC 1. The referral and staking pool unlocked `elapsed` seconds after launch. */
    vesting(input) {
      const { elapsed, total, duration } = fieldsOf(input, 'vesting()', ['elapsed', 'total', 'duration']);
      const fields = { elapsed: text(elapsed, 'elapsed') };
      if (total !== undefined) fields.total = text(total, 'total');
      if (duration !== undefined) fields.duration = text(duration, 'duration');
      return unwrap(M.vesting(fields));
    },

    /** SPEC 7b. A holder's referral income from what their lines mine. */
    referralIncome(input) {
      const { t, lines, purchases = [], rules } = fieldsOf(input, 'referralIncome()', ['t', 'lines', 'purchases', 'rules']);
      if (!(t instanceof Float64Array) && !Array.isArray(t)) fail('t', `must be an array of seconds, got ${describe(t)}`);
      const times = listOf(Array.from(t), 't', (v, f) =>
        typeof v === 'number' ? v : fail(f, `must be a number of seconds, got ${describe(v)}`),
      );
      const decimals = (values, f) => listOf(values, f, text);
      const lineValues = listOf(lines, 'lines', (line, f) => {
        line = fieldsOf(line, 'a line', ['mined', 'rate'], f);
        return { mined: decimals(line.mined, `${f}.mined`), rate: decimals(line.rate, `${f}.rate`) };
      });
      const purchaseValues = listOf(purchases, 'purchases', (p, f) => {
        p = fieldsOf(p, 'a purchase', ['at', 'units', 'unitPrice'], f);
        return { at: text(p.at, `${f}.at`), units: text(p.units, `${f}.units`), unitPrice: text(p.unitPrice, `${f}.unitPrice`) };
      });
      return referralColumns(
        unwrap(M.referralIncome({ t: times, lines: lineValues, purchases: purchaseValues, rules: ruleValues(rules) })),
      );
    },

    /** SPEC 5 over time: a holder's mining valued along price paths. */
    valueEarnings(input) {
      const fields = ['t', 'mined', 'rate', 'referralRate', 'purchases', 'unitPrice', 'tokenPrice', 'today', 'paths', 'rows'];
      const v = fieldsOf(input, 'valueEarnings()', fields);
      const numbers = (values, f) => {
        if (!isArrayLike(values)) fail(f, `must be an array of numbers, got ${describe(values)}`);
        return listOf(Array.from(values), f, (x, g) => (typeof x === 'number' ? x : fail(g, `must be a number, got ${describe(x)}`)));
      };
      const decimals = (values, f) => listOf(values, f, text);
      return unwrap(
        M.valueEarnings({
          t: numbers(v.t, 't'),
          mined: decimals(v.mined, 'mined'),
          rate: decimals(v.rate, 'rate'),
          referralRate: v.referralRate === undefined || v.referralRate === null ? undefined : decimals(v.referralRate, 'referralRate'),
          purchases: listOf(v.purchases, 'purchases', (p, f) => {
            p = fieldsOf(p, 'a purchase', ['at', 'units', 'miningStart', 'unitPrice'], f);
            return {
              at: unixText(p.at, `${f}.at`),
              units: text(p.units, `${f}.units`),
              miningStart: unixText(p.miningStart, `${f}.miningStart`),
              ...(p.unitPrice !== undefined && { unitPrice: text(p.unitPrice, `${f}.unitPrice`) }),
            };
          }),
          unitPrice: text(v.unitPrice, 'unitPrice'),
          tokenPrice: text(v.tokenPrice, 'tokenPrice'),
          today: unixText(v.today, 'today'),
          paths: v.paths === undefined ? [0] : numbers(v.paths, 'paths'),
          rows: v.rows === true,
        }),
      );
    },

    /** SPEC 5 for a holder, run on the pool engine: earnings by calendar period and the figures of
     * now; with `sampleEvery` (seconds), the run itself as columns (`series`), for charts; with
     * `breakeven: false`, no breakevenAt (its search is most of the call's time). */
    projectEarnings(input, options = {}) {
      const { sampleEvery, breakeven = true } = fieldsOf(options, 'projectEarnings() options', ['sampleEvery', 'breakeven'], 'options');
      if (typeof breakeven !== 'boolean') fail('options.breakeven', `must be a boolean (true or false), got ${describe(breakeven)}`);
      const texts = earningsText(fieldsOf(input, 'projectEarnings()', earningsFields));
      texts.sampleEvery = text(sampleEvery, 'sampleEvery', ''); // always own: nothing inherited
      texts.breakeven = breakeven;
      const earnings = unwrap(M.projectEarnings(texts));
      if (earnings.series) earnings.series = seriesColumns(earnings.series);
      if (earnings.referral) earnings.referral = referralColumns(earnings.referral);
      return earnings;
    },

    /** A holder's pool as request columns, to run with simulatePool. */
    holderActivations(input) {
      const v = fieldsOf(input, 'holderActivations()', ['rules', 'now', 'purchases', 'pool', 'lines']);
      return unwrap(M.holderActivations({ rules: ruleValues(v.rules), ...holderText(v, false) }));
    },

    /** Everyone else's units for the block reward the WeFi app shows now. */
    calibratePool(input) {
      const v = fieldsOf(input, 'calibratePool()', ['rules', 'now', 'purchases', 'blockReward']);
      const holder = holderText({ now: v.now, purchases: v.purchases, pool: { units: 0 } }, false);
      return {
        poolUnits: unwrap(M.calibratePool({ rules: ruleValues(v.rules), ...holder, blockReward: text(v.blockReward, 'blockReward') })),
      };
    },

    /** -1, 0 or 1 as the amount a is below, equal to or above b (decimal strings, exact). */
    compareAmounts(a, b) {
      return unwrap(M.compareAmounts(text(a, 'a'), text(b, 'b')));
    },

    /** A value along a growth path at each time of `t`. */
    growthPath(input) {
      const { value, monthlyPercent, from, t } = fieldsOf(input, 'growthPath()', ['value', 'monthlyPercent', 'from', 't']);
      const times = listOf(Array.from(isArrayLike(t) ? t : fail('t', `must be an array of seconds, got ${describe(t)}`)), 't', (x, f) =>
        typeof x === 'number' ? x : fail(f, `must be a number of seconds, got ${describe(x)}`),
      );
      return unwrap(M.growthPath(text(value, 'value'), text(monthlyPercent, 'monthlyPercent'), unixText(from, 'from'), times));
    },

    /** SPEC 1. The emission schedule as pieces of constant rate. */
    emissionSchedule(input = {}) {
      const { rules } = fieldsOf(input, 'emissionSchedule()', ['rules']);
      return unwrap(M.emissionSchedule(ruleValues(rules)));
    },

    /** SPEC 2-4. Simulates the pool: the activation queue and every activation's exact reward. */
    simulatePool(input) {
      const run = startRun(M, input);
      try {
        while (!run.step(1 << 22));
        return run.result();
      } finally {
        run.dispose();
      }
    },

    /** simulatePool in slices that yield to the event loop, with progress and a signal to cancel. */
    async simulatePoolAsync(input, { onProgress, signal, sliceEvents = 20000 } = {}) {
      eventCount(sliceEvents, 'sliceEvents');
      const cancelled = () => new CbmError('the simulation was cancelled', { code: 'CANCELLED' });
      if (signal?.aborted) throw cancelled(); // before any work: nothing was asked for
      const run = startRun(M, input);
      try {
        while (!run.step(sliceEvents)) {
          onProgress?.(run.progress());
          await nextTick();
          if (signal?.aborted) throw cancelled();
        }
        const result = run.result();
        onProgress?.(1);
        return result;
      } finally {
        run.dispose();
      }
    },

    /** The simulation as a handle to drive by hand: { step, progress, result, dispose }. */
    startPoolSimulation(input) {
      return startRun(M, input);
    },

    /** SPEC 5. APR (simple, not APY) and the figures it comes from. */
    apr(input) {
      const fields = read.apr(input);
      const out = unwrap(M.apr(fields));
      if (input.referralReward !== undefined) {
        out.withReferralsPercent = unwrap(M.aprWithReferrals(fields, text(input.referralReward, 'referralReward')));
      }
      return out;
    },

    /** The per-second reward of `units` fresh units in a pool of `poolPower` at `rate` WFI/s. */
    blockReward(input) {
      return unwrap(M.blockReward(read.blockReward(input)));
    },

    /** The pool power at which `units` earn `blockReward` per second at `rate` WFI/s. */
    impliedPoolPower(input) {
      return unwrap(M.impliedPoolPower(read.impliedPoolPower(input)));
    },

    /** The whole units of everyone else in that pool, as a string. */
    impliedOtherUnits(input) {
      return unwrap(M.impliedOtherUnits(read.impliedOtherUnits(input)));
    },

    /** SPEC 7. Mining weight and its parts. vip and extra are reserved and default to 0. */
    pointsWeight(input) {
      return unwrap(M.pointsWeight(read.pointsWeight(input), ruleValues(input.rules)));
    },

    /** SPEC 7. Points of a session of `elapsedSeconds` (capped at 24 h) at `weight`. */
    pointsReward(input) {
      input = fieldsOf(input, 'pointsReward()', ['elapsedSeconds', 'weight', 'rules']);
      return unwrap(M.pointsReward(text(input.elapsedSeconds, 'elapsedSeconds'), text(input.weight, 'weight'), ruleValues(input.rules)));
    },

    /** SPEC 7. The check-in streak on day `on`. */
    streak(input) {
      const { checkins, on = new Date() } = fieldsOf(input, 'streak()', ['checkins', 'on']);
      return unwrap(M.streak(listOf(checkins, 'checkins', dayText), dayText(on, 'on')));
    },

    /** SPEC 7. A routine stepped day by day, with its milestones. */
    pointsProjection(input) {
      const fields = [
        'checkins',
        'from',
        'days',
        'totalPoints',
        'invites',
        'invitesPerWeek',
        'sessionSeconds',
        'checkinWeekdays',
        'sessionWeekdays',
        'vip',
        'extra',
        'rules',
      ];
      const p = fieldsOf(input, 'pointsProjection()', fields);
      const mask = (value, field) => {
        if (value === undefined) return '1111111';
        if (typeof value !== 'string') fail(field, `must be a string like "1111100", got ${describe(value)}`);
        return value;
      };
      return unwrap(
        M.pointsProjection(
          {
            from: dayText(p.from ?? new Date(), 'from'),
            days: text(p.days, 'days'),
            totalPoints: text(p.totalPoints, 'totalPoints', '0'),
            invites: text(p.invites, 'invites', '0'),
            invitesPerWeek: text(p.invitesPerWeek, 'invitesPerWeek', '0'),
            sessionSeconds: text(p.sessionSeconds, 'sessionSeconds', String(coreDefaults.points.maxSessionSeconds)),
            checkinWeekdays: mask(p.checkinWeekdays, 'checkinWeekdays'),
            sessionWeekdays: mask(p.sessionWeekdays, 'sessionWeekdays'),
            vip: text(p.vip, 'vip', '0'),
            extra: text(p.extra, 'extra', '0'),
          },
          listOf(p.checkins ?? [], 'checkins', dayText),
          ruleValues(p.rules),
        ),
      );
    },

    /** SPEC 6. A holder's liquid and locked WFI as global Energy grows. */
    supplyControl(input) {
      const { thresholds, series } = fieldsOf(input, 'supplyControl()', ['thresholds', 'series']);
      const rows = listOf(thresholds, 'thresholds', (row, f) => {
        row = fieldsOf(row, 'a threshold', ['energy', 'releasedFraction'], f);
        return [text(row.energy, `${f}.energy`), text(row.releasedFraction, `${f}.releasedFraction`)];
      });
      const points = listOf(series, 'series', (point, f) => {
        point = fieldsOf(point, 'a point', ['t', 'energy', 'mined'], f);
        return [text(point.t, `${f}.t`), text(point.energy, `${f}.energy`), text(point.mined, `${f}.mined`)];
      });
      return unwrap(M.supplyControl(rows, points));
    },

    /** SPEC 6. The Energy price after `burnedUsd` burned. */
    energyPrice(input) {
      return unwrap(M.energyPrice(read.energyPrice(input)));
    },

    /** A points account with no session yet. */
    newAccount(input = {}) {
      input = fieldsOf(input, 'newAccount()', ['totalPoints']);
      return accountFromText(unwrap(M.checkAccount(accountText({ totalPoints: input.totalPoints }), undefined)));
    },

    /** Checks a stored account and returns it in canonical form; throws what is wrong. */
    checkAccount(input) {
      input = fieldsOf(input, 'checkAccount()', ['account', 'rules']);
      return accountFromText(unwrap(M.checkAccount(accountText(input.account), ruleValues(input.rules))));
    },

    /** Starts a session at `now`; returns the new account. */
    startSession(input) {
      input = fieldsOf(input, 'startSession()', ['account', 'now', 'weight', 'rules']);
      const out = M.startSession(
        accountText(input.account),
        unixText(input.now, 'now'),
        text(input.weight, 'weight'),
        ruleValues(input.rules),
      );
      return accountFromText(unwrap(out));
    },

    /** Stops the running session at `now`: { account, reward, alreadyCollected }. */
    stopSession(input) {
      input = fieldsOf(input, 'stopSession()', ['account', 'now', 'session', 'rules']);
      const out = unwrap(
        M.stopSession(
          accountText(input.account),
          unixText(input.now, 'now'),
          optionalText(input.session, 'session', unixText),
          ruleValues(input.rules),
        ),
      );
      return { account: accountFromText(out.account), reward: out.reward, alreadyCollected: out.alreadyCollected };
    },

    /** What the mining screen shows at `now`. */
    sessionStatus(input) {
      input = fieldsOf(input, 'sessionStatus()', ['account', 'now', 'rules']);
      const s = unwrap(M.sessionStatus(accountText(input.account), unixText(input.now, 'now'), ruleValues(input.rules)));
      return {
        active: s.active,
        startedAt: s.active ? s.startedAt : null,
        elapsedSeconds: s.active ? s.elapsedSeconds : null,
        estimatedPoints: s.active ? s.estimatedPoints : null,
        weight: s.active ? s.weight : null,
        lastReward: s.lastReward === '' ? null : s.lastReward,
        lastCollectedAt: s.lastCollectedAt < 0 ? null : s.lastCollectedAt,
        nextStartAt: s.nextStartAt,
        secondsToNextStart: s.secondsToNextStart,
      };
    },

    ...decisionCalls,
  });
}
