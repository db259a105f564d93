// The pool worker's messages, checked before anything runs: any script of the page can post to
// the worker, so a message that is not an object, names no known type or asks for a billion
// requests gets an `error` answer naming the field, never an exception inside the worker or a
// run that never ends. The bounds are the page's own (pool-limits.js), written once.
import { CbmError, describe } from '../lib/cbmcalc.js';
import { ownerSorts } from './pool-files.js';
import { MAX_FILE_BYTES } from './pool-limits.js';
import { checkHorizon, poolParameters } from './pool-scenario.js';

/** The most owners one `owners` message asks for (the page asks for 20). */
export const MAX_PAGE_ROWS = 1000;

const sources = ['generate', 'json', 'file'];

function fail(field, problem) {
  throw new CbmError(`${field}: ${problem}`, { field });
}

const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The id a message's answers carry: its own if it is one (a number or a string), else null. */
export function messageId(data) {
  const id = isObject(data) ? data.id : undefined;
  return typeof id === 'string' || Number.isFinite(id) ? id : null;
}

/** A message's type, checked to be a key of `handlers` (a Map: "__proto__" is no key of it), and
 * its id. */
export function messageType(data, handlers) {
  if (!isObject(data)) fail('message', `must be an object { type, id, ... }, got ${describe(data)}`);
  if (typeof data.type !== 'string' || !handlers.has(data.type))
    fail('type', `must be one of ${[...handlers.keys()].join(', ')}, got ${describe(data.type)}`);
  if (messageId(data) === null) fail('id', `must be a number or a string, got ${describe(data.id)}`);
  return data.type;
}

/** A `run` message, checked: { id, source, params?, json?, file?, horizon?, rules? } with a
 * described pool's parameters as poolParameters() gives them. `limits`: cbm.limits(). The rules
 * and the scenario's requests are the API's to check. */
export function checkRun({ id, source, params, json, file, horizon, rules }, limits) {
  if (!sources.includes(source)) fail('source', `must be one of ${sources.join(', ')}, got ${describe(source)}`);
  if (source === 'generate') {
    if (!isObject(params)) fail('params', `must be an object { count, owners, unitsMin, ... }, got ${describe(params)}`);
    return { id, source, params: poolParameters(params, limits), horizon: checkHorizon(horizon), rules };
  }
  if (source === 'json' && typeof json !== 'string') fail('json', `must be the scenario's JSON text, got ${describe(json)}`);
  if (source === 'file') {
    if (!(file instanceof Blob)) fail('file', `must be a File or a Blob, got ${describe(file)}`);
    if (file.size > MAX_FILE_BYTES) fail('file', `has ${file.size} bytes; a file of requests may have at most ${MAX_FILE_BYTES}`);
  }
  return { id, source, json, file, horizon: horizon === undefined ? undefined : checkHorizon(horizon), rules };
}

/** An `owners` message, checked, with its defaults: { id, sort, descending, offset, limit }. */
export function checkOwnersRequest({ id, sort = 'reward', descending = true, offset = 0, limit = 20 }) {
  if (!ownerSorts.includes(sort)) fail('sort', `must be one of ${ownerSorts.join(', ')}, got ${describe(sort)}`);
  if (typeof descending !== 'boolean') fail('descending', `must be true or false, got ${describe(descending)}`);
  if (!Number.isSafeInteger(offset) || offset < 0) fail('offset', `must be a whole number >= 0, got ${describe(offset)}`);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_ROWS)
    fail('limit', `must be a whole number from 1 to ${MAX_PAGE_ROWS}, got ${describe(limit)}`);
  return { id, sort, descending, offset, limit };
}

/** An `export` message, checked: { id, format }. */
export function checkExport({ id, format }) {
  if (format !== 'csv' && format !== 'json') fail('format', `must be "csv" or "json", got ${describe(format)}`);
  return { id, format };
}
