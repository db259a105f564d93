// The pool simulation off the main thread. One run at a time; a new run or a cancel message
// aborts the current one, and the worker stays ready for the next. The full result stays here:
// the page asks for what it shows (a page of owners) and for export files.
//
// In:  { type: 'run', id, source: 'generate' | 'json' | 'file', params, json, file, horizon, rules }
//      { type: 'cancel', id } | { type: 'owners', id, sort, descending, offset, limit }
//      { type: 'export', id, format: 'csv' | 'json' }
// Out: { type: 'progress', id, phase ('read', 'prepare', 'simulate'), fraction } | { type: 'done', id, summary }
//      { type: 'cancelled', id } | { type: 'error', id, message, field, code }
//      { type: 'owners', id, rows, total } | { type: 'file', id, blob, name }
// Every message is checked first (ui/pool-messages.js): a bad one is answered with an error.
import { CbmError, loadBuild } from './lib/api.js';
import { liteBuild } from './lib/lite.js';
import { errorMessage } from './ui/worker-error.js';
import { ownerRows, poolCsv, poolJson, rowsByRequest, sortOwners } from './ui/pool-files.js';
import { checkExport, checkOwnersRequest, checkRun, messageId, messageType } from './ui/pool-messages.js';
import { generateActivations, parseScenarioJson, requestCount } from './ui/pool-scenario.js';
import { decodeText } from './ui/text-files.js';
import { visible } from './ui/visible-text.js';

const cbmReady = loadBuild(liteBuild); // its build imported, not load()ed: one file for a bundler
let running = null; // { id, controller }
let last = null; // the finished run: { id, input, result, owners }

const post = (message, transfer) => self.postMessage(message, transfer ?? []);

// A Map, not an object: a type such as "__proto__" or "constructor" is simply not in it.
const handlers = new Map([
  ['run', run],
  ['cancel', cancel],
  ['owners', ownersPage],
  ['export', exportFile],
]);

self.onmessage = ({ data }) => {
  Promise.resolve()
    .then(() => handlers.get(messageType(data, handlers))(data))
    .catch((e) => post(errorMessage(messageId(data), e)));
};

async function cancel() {
  running?.controller.abort();
}

/** A file's text, read here in pieces with progress and decoded as the command line decodes it
 * (ui/text-files.js: UTF-8 or UTF-16, strictly); null if the run was cancelled meanwhile. */
async function readFile(id, file, signal) {
  const reader = file.stream().getReader();
  const bytes = new Uint8Array(file.size); // checked against the page's bound (checkRun)
  const name = file.name || 'the file';
  let read = 0,
    lastPost = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (signal.aborted) {
      await reader.cancel();
      return null;
    }
    if (done) break;
    if (read + value.length > bytes.length) throw new CbmError(`${name}: changed while it was read; choose it again`, { field: 'json' });
    bytes.set(value, read);
    read += value.length;
    if (performance.now() - lastPost > 40) {
      lastPost = performance.now();
      post({ type: 'progress', id, phase: 'read', fraction: read / file.size });
    }
  }
  return decodeText(bytes.subarray(0, read), name);
}

async function run(message) {
  const { id } = message;
  running?.controller.abort();
  const controller = new AbortController();
  running = { id, controller };
  const cbm = await cbmReady;
  try {
    const { source, params, file, horizon, rules, json: pasted } = checkRun(message, cbm.limits());
    if (source === 'file') post({ type: 'progress', id, phase: 'read', fraction: 0 });
    const json = source === 'file' ? await readFile(id, file, controller.signal) : pasted;
    if (json === null) return post({ type: 'cancelled', id });
    post({ type: 'progress', id, phase: 'prepare', fraction: 0 });
    const scenario = source === 'generate' ? { activations: generateActivations(params) } : parseScenarioJson(json);
    // Let a cancel sent while the requests were built arrive before the run starts.
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (controller.signal.aborted) return post({ type: 'cancelled', id });
    const input = {
      activations: scenario.activations,
      horizon: scenario.horizon ?? horizon,
      rules: scenario.rules ?? rules,
    };
    const started = performance.now();
    let lastPost = 0;
    const result = await cbm.simulatePoolAsync(input, {
      signal: controller.signal,
      sliceEvents: 5000,
      onProgress: (fraction) => {
        const now = performance.now();
        if (now - lastPost > 40 || fraction === 1) {
          lastPost = now;
          post({ type: 'progress', id, phase: 'simulate', fraction });
        }
      },
    });
    const elapsedMs = performance.now() - started;
    const owners = ownerRows(result);
    last = { id, input, result, rowOfRequest: rowsByRequest(input, result), owners };
    const summary = summarize(input, result, owners, elapsedMs);
    // The chart's columns go to the page as they are: moved, not copied.
    post(
      { type: 'done', id, summary },
      Object.values(summary.series).map((column) => column.buffer),
    );
  } catch (e) {
    if (e?.code === 'CANCELLED') post({ type: 'cancelled', id });
    else post(errorMessage(id, e));
  } finally {
    if (running?.id === id) running = null;
  }
}

function summarize(input, result, owners, elapsedMs) {
  const { t, poolPower, rate, activeUnits } = result.seriesColumns;
  // The figures cbm.explain('pool') explains, also kept together for it.
  const totals = {
    horizon: input.horizon,
    rules: input.rules ?? {},
    emitted: result.emitted,
    distributed: result.distributed,
    unallocated: result.unallocated,
    dust: result.dust,
    requests: requestCount(input.activations),
    accepted: result.activations.length,
    rejected: result.rejected.length,
    maxWait: result.queue.maxWait,
  };
  return {
    ...totals,
    totals,
    rejectedSample: result.rejected.slice(0, 100),
    owners: owners.length,
    meanWait: result.queue.meanWait,
    lastActivation: result.queue.lastActivatedAt ?? 0,
    elapsedMs,
    series: { t, poolPower, rate, activeUnits },
  };
}

let sorted = { key: '', rows: [] };

async function ownersPage(message) {
  const { id, sort, descending, offset, limit } = checkOwnersRequest(message);
  if (!last || last.id !== id) return post({ type: 'owners', id, rows: [], total: 0 });
  const key = `${id}|${sort}|${descending}`;
  if (sorted.key !== key) {
    sorted = { key, rows: sortOwners(last.owners, await cbmReady, sort, descending) };
  }
  // label: the name as shown, its hidden characters as escapes; lookalike: it looks like another.
  const rows = sorted.rows.slice(offset, offset + limit).map(({ owner, activations, units, reward, share, lookalike }) => ({
    owner,
    label: visible(owner),
    lookalike,
    activations,
    units,
    reward,
    share,
  }));
  post({ type: 'owners', id, rows, total: sorted.rows.length, offset });
}

async function exportFile(message) {
  const { id, format } = checkExport(message);
  if (!last || last.id !== id) throw new Error('that run is no longer available: run it again');
  const [name, type, parts] =
    format === 'csv'
      ? ['cbmcalc-pool.csv', 'text/csv', poolCsv(last)]
      : ['cbmcalc-pool.json', 'application/json', poolJson(last, (await cbmReady).version)];
  post({ type: 'file', id, name, blob: new Blob([...parts], { type: `${type};charset=utf-8` }) });
}
