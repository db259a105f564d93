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
import { load } from './lib/cbmcalc.js';
import { errorMessage } from './ui/worker-error.js';
import { ownerRows, poolCsv, poolJson, rowsByRequest, sortOwners } from './ui/pool-files.js';
import { generateActivations, parseScenarioJson, requestCount } from './ui/pool-scenario.js';

const cbmReady = load({ build: 'lite' });
let running = null; // { id, controller }
let last = null; // the finished run: { id, input, result, owners }

const post = (message, transfer) => self.postMessage(message, transfer ?? []);

self.onmessage = ({ data }) => {
  const handlers = { run, cancel, owners: ownersPage, export: exportFile };
  Promise.resolve(handlers[data.type]?.(data)).catch((e) => post(errorMessage(data.id, e)));
};

async function cancel() {
  running?.controller.abort();
}

/** A file's text, read here in pieces with progress; null if the run was cancelled meanwhile. */
async function readFile(id, file, signal) {
  const reader = file.stream().getReader();
  const decoder = new TextDecoder();
  const parts = [];
  let read = 0,
    lastPost = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (signal.aborted) {
      await reader.cancel();
      return null;
    }
    if (done) break;
    read += value.length;
    parts.push(decoder.decode(value, { stream: true }));
    if (performance.now() - lastPost > 40) {
      lastPost = performance.now();
      post({ type: 'progress', id, phase: 'read', fraction: read / file.size });
    }
  }
  parts.push(decoder.decode());
  return parts.join('');
}

async function run({ id, source, params, json, file, horizon, rules }) {
  running?.controller.abort();
  const controller = new AbortController();
  running = { id, controller };
  const cbm = await cbmReady;
  try {
    if (source === 'file') {
      post({ type: 'progress', id, phase: 'read', fraction: 0 });
      json = await readFile(id, file, controller.signal);
      if (json === null) return post({ type: 'cancelled', id });
    }
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

async function ownersPage({ id, sort = 'reward', descending = true, offset = 0, limit = 20 }) {
  if (!last || last.id !== id) return post({ type: 'owners', id, rows: [], total: 0 });
  const key = `${id}|${sort}|${descending}`;
  if (sorted.key !== key) {
    sorted = { key, rows: sortOwners(last.owners, await cbmReady, sort, descending) };
  }
  const rows = sorted.rows
    .slice(offset, offset + limit)
    .map(({ owner, activations, units, reward, share }) => ({ owner, activations, units, reward, share }));
  post({ type: 'owners', id, rows, total: sorted.rows.length, offset });
}

async function exportFile({ id, format }) {
  if (!last || last.id !== id) throw new Error('that run is no longer available: run it again');
  const [name, type, parts] =
    format === 'csv'
      ? ['cbmcalc-pool.csv', 'text/csv', poolCsv(last)]
      : ['cbmcalc-pool.json', 'application/json', poolJson(last, (await cbmReady).version)];
  post({ type: 'file', id, name, blob: new Blob([...parts], { type: `${type};charset=utf-8` }) });
}
