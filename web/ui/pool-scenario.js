// Pool scenarios for the simulation section: a described pool turned into activation requests
// (deterministic for a given seed), or a pasted JSON list read and checked for its shape. Runs
// in the page (to check the fields) and in the worker (to build a million requests off the main
// thread); the values themselves are checked by the API.
import { CbmError, describe } from '../lib/cbmcalc.js';
import { DAY, YEAR } from './dates.js';
import { plainNumber } from './numbers.js';
import { MAX_HORIZON_YEARS, MAX_REQUESTS } from './pool-limits.js';
import { parseJson } from './text-files.js';

function fail(field, problem) {
  throw new CbmError(`${field}: ${problem}`, { field });
}

function whole(values, field, min, max) {
  const expects = `must be a whole number from ${min} to ${max.toLocaleString('en-US')}`;
  const x = plainNumber(values[field], field, expects);
  if (!Number.isInteger(x) || x < min || x > max) fail(field, `${expects}, got "${String(values[field]).trim()}"`);
  return x;
}

/** The described pool's parameters, checked: { count, owners, unitsMin, unitsMax, spreadDays,
 * burstShare (%), bursts, seed }. `limits`: cbm.limits(). */
export function poolParameters(values, limits) {
  const p = {
    count: whole(values, 'count', 1, MAX_REQUESTS),
    owners: whole(values, 'owners', 1, MAX_REQUESTS),
    unitsMin: whole(values, 'unitsMin', 1, limits.unitsPerActivation),
    unitsMax: whole(values, 'unitsMax', 1, limits.unitsPerActivation),
    spreadDays: whole(values, 'spreadDays', 0, 36500),
    bursts: whole(values, 'bursts', 0, 10000),
    seed: whole(values, 'seed', 0, 2 ** 31),
  };
  if (p.unitsMax < p.unitsMin) fail('unitsMax', `must be at least the lower bound (${p.unitsMin})`);
  const percentage = 'must be a percentage from 0 to 100';
  const share = plainNumber(values.burstShare, 'burstShare', percentage);
  if (!(share >= 0 && share <= 100)) fail('burstShare', `${percentage}, got "${String(values.burstShare).trim()}"`);
  p.burstShare = share;
  if (share > 0 && p.bursts === 0) fail('bursts', 'must be at least 1 when a share of the requests comes in bursts');
  return p;
}

/** The horizon field (years) in seconds. */
export function horizonSeconds(values) {
  const expects = `must be a number of years from 0 to ${MAX_HORIZON_YEARS}`;
  const years = plainNumber(values.horizonYears, 'horizonYears', expects);
  if (!(years > 0 && years <= MAX_HORIZON_YEARS)) fail('horizonYears', `${expects}, got "${String(values.horizonYears).trim()}"`);
  return Math.round(years * YEAR);
}

/** A horizon in seconds as the worker is given it (horizonSeconds' result): a whole number of
 * seconds up to the page's bound. */
export function checkHorizon(seconds) {
  const max = MAX_HORIZON_YEARS * YEAR;
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > max)
    fail('horizon', `must be a whole number of seconds from 1 to ${max.toLocaleString('en-US')}, got ${describe(seconds)}`);
  return seconds;
}

/** A small, fast, seedable generator (mulberry32): the same seed gives the same pool. */
function random32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Activation requests for the described pool, as columns { id, owner, units, requestedAt }:
 * spread evenly over `spreadDays`, with `burstShare`% of them arriving in `bursts` bursts (each
 * burst: requests at one second). */
export function generateActivations(p) {
  const random = random32(p.seed);
  const spread = Math.max(1, p.spreadDays * DAY);
  const burstAt = Array.from({ length: p.bursts }, () => Math.floor(random() * spread));
  const span = p.unitsMax - p.unitsMin + 1;
  const id = new Array(p.count),
    owner = new Array(p.count),
    units = new Float64Array(p.count),
    requestedAt = new Float64Array(p.count);
  for (let i = 0; i < p.count; i++) {
    const inBurst = p.bursts > 0 && random() * 100 < p.burstShare;
    requestedAt[i] = inBurst ? burstAt[Math.floor(random() * p.bursts)] : Math.floor(random() * spread);
    id[i] = `req-${i + 1}`;
    owner[i] = `owner-${1 + Math.floor(random() * p.owners)}`;
    units[i] = p.unitsMin + Math.floor(random() * span);
  }
  return { id, owner, units, requestedAt };
}

/** Request i of requests given as rows or as columns: { id, owner, units, requestedAt }. */
export function requestAt(activations, i) {
  if (Array.isArray(activations)) {
    const { id, owner, units, requestedAt } = activations[i];
    return { id: String(id), owner: String(owner ?? id), units, requestedAt };
  }
  const id = String(activations.id[i]);
  return { id, owner: String(activations.owner?.[i] ?? id), units: activations.units[i], requestedAt: activations.requestedAt[i] };
}

/** How many requests there are, as rows or as columns. */
export const requestCount = (activations) => (Array.isArray(activations) ? activations.length : activations.id.length);

/** A pasted or loaded JSON text: a list of requests, or a scenario { activations, horizon,
 * rules }. Returns { activations, horizon?, rules? }; the API checks each request. A number a
 * double cannot hold stays its exact text (parseJson). `maxRequests`: the page's bound by default
 * (the command line leaves it to the core's). */
export function parseScenarioJson(text, { maxRequests = MAX_REQUESTS } = {}) {
  let value;
  try {
    value = parseJson(text);
  } catch (e) {
    fail('json', `is not valid JSON (${e.message})`);
  }
  if (Array.isArray(value)) value = { activations: value };
  if (value === null || typeof value !== 'object') fail('json', 'must be a list of activation requests or an object with "activations"');
  const { activations, horizon, rules, ...rest } = value;
  const extra = Object.keys(rest).filter((k) => !['sampleEvery', 'focusOwner'].includes(k));
  if (extra.length) fail('json', `has a field the simulation does not know: "${extra[0]}" (its fields: activations, horizon, rules)`);
  if (!Array.isArray(activations)) fail('json', '"activations" must be a list of requests');
  if (activations.length > maxRequests)
    fail(
      'json',
      `has ${activations.length.toLocaleString('en-US')} requests; the page runs at most ${maxRequests.toLocaleString('en-US')}`,
    );
  return { activations, horizon, rules };
}
