// The pool simulation off the main thread. One run at a time; a new run or a cancel message
// aborts the current one, and the worker stays ready for the next. The full result stays here:
// the page asks for what it shows (a page of owners) and for export files.
//
// In:  { type: 'run', id, source: 'generate' | 'json', params, json, horizon, rules }
//      { type: 'cancel', id } | { type: 'owners', id, sort, descending, offset, limit }
//      { type: 'export', id, format: 'csv' | 'json' }
// Out: { type: 'progress', id, phase, fraction } | { type: 'done', id, summary }
//      { type: 'cancelled', id } | { type: 'error', id, message, field, code }
//      { type: 'owners', id, rows, total } | { type: 'file', id, blob, name }
import { load } from './lib/cbmcalc.js';
import { compare } from './ui/decimal.js';
import { csvLine } from './ui/export.js';
import { generateActivations, parseScenarioJson } from './ui/pool-scenario.js';

const cbmReady = load();
let running = null; // { id, controller }
let last = null; // the finished run: { id, input, result, owners }

const post = (message, transfer) => self.postMessage(message, transfer ?? []);

self.onmessage = ({ data }) => {
  const handlers = { run, cancel, owners: ownersPage, export: exportFile };
  Promise.resolve(handlers[data.type]?.(data)).catch((e) =>
    post({ type: 'error', id: data.id, message: String(e?.message ?? e), field: e?.field ?? '', code: e?.code ?? 'INTERNAL' }),
  );
};

async function cancel() {
  running?.controller.abort();
}

async function run({ id, source, params, json, horizon, rules }) {
  running?.controller.abort();
  const controller = new AbortController();
  running = { id, controller };
  const cbm = await cbmReady;
  try {
    post({ type: 'progress', id, phase: 'prepare', fraction: 0 });
    const scenario = source === 'json' ? parseScenarioJson(json) : { activations: generateActivations(params) };
    // Let a cancel sent while the requests were built arrive before the run starts.
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (controller.signal.aborted) return post({ type: 'cancelled', id });
    const input = {
      activations: scenario.activations,
      horizon: scenario.horizon ?? horizon,
      rules: scenario.rules ?? rules,
      sampleEvery: Math.max(1, Math.ceil((scenario.horizon ?? horizon) / 1000)),
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
    const outcomes = resultsByRequest(input, result);
    last = { id, input, result, outcomes, owners: ownerRows(input, result, outcomes) };
    const summary = summarize(input, result, last.owners, elapsedMs);
    post({ type: 'done', id, summary }, [
      summary.series.t.buffer,
      summary.series.poolPower.buffer,
      summary.series.rate.buffer,
      summary.series.activeUnits.buffer,
    ]);
  } catch (e) {
    if (e?.code === 'CANCELLED') post({ type: 'cancelled', id });
    else post({ type: 'error', id, message: String(e?.message ?? e), field: e?.field ?? '', code: e?.code ?? 'INTERNAL' });
  } finally {
    if (running?.id === id) running = null;
  }
}

/** For each request, its result, or null if it was rejected (results carry their index). */
function resultsByRequest(input, result) {
  const outcomes = new Array(input.activations.length).fill(null);
  for (const a of result.activations) outcomes[a.index] = a;
  return outcomes;
}

/** One row per owner: activations, units and reward of their accepted requests. */
function ownerRows(input, result, outcomes) {
  const byOwner = new Map();
  input.activations.forEach((a, i) => {
    if (!outcomes[i]) return;
    const owner = String(a.owner ?? a.id);
    const row = byOwner.get(owner) ?? { owner, activations: 0, units: 0 };
    row.activations += 1;
    row.units += Number(a.units);
    byOwner.set(owner, row);
  });
  const distributed = Number(result.distributed);
  return [...byOwner.values()].map((row) => {
    const reward = result.owners[row.owner]?.reward ?? '0';
    return { ...row, reward, rewardNumber: Number(reward), share: distributed > 0 ? Number(reward) / distributed : 0 };
  });
}

function summarize(input, result, owners, elapsedMs) {
  let maxWait = 0,
    waitSum = 0,
    waited = 0,
    lastActivation = 0;
  for (const a of result.activations) {
    if (a.wait === null) continue;
    waited += 1;
    waitSum += a.wait;
    if (a.wait > maxWait) maxWait = a.wait;
    if (a.activatedAt > lastActivation) lastActivation = a.activatedAt;
  }
  const s = result.series;
  return {
    horizon: input.horizon,
    rules: input.rules ?? {},
    emitted: result.emitted,
    distributed: result.distributed,
    unallocated: result.unallocated,
    dust: result.dust,
    requests: input.activations.length,
    accepted: result.activations.length,
    rejected: result.rejected.length,
    rejectedSample: result.rejected.slice(0, 100),
    owners: owners.length,
    maxWait,
    meanWait: waited ? waitSum / waited : 0,
    lastActivation,
    elapsedMs,
    series: {
      t: Float64Array.from(s, (p) => p.t),
      poolPower: Float64Array.from(s, (p) => Number(p.poolPower)),
      rate: Float64Array.from(s, (p) => Number(p.rate)),
      activeUnits: Float64Array.from(s, (p) => Number(p.activeUnits)),
    },
  };
}

const ownerNames = new Intl.Collator('en', { numeric: true });
const orders = {
  // Natural order: owner-9 before owner-10.
  owner: (a, b) => ownerNames.compare(a.owner, b.owner),
  activations: (a, b) => a.activations - b.activations,
  units: (a, b) => a.units - b.units,
  // Floats sort; equal floats are settled exactly.
  reward: (a, b) => a.rewardNumber - b.rewardNumber || compare(a.reward, b.reward),
  share: (a, b) => a.rewardNumber - b.rewardNumber || compare(a.reward, b.reward),
};
let sorted = { key: '', rows: [] };

async function ownersPage({ id, sort = 'reward', descending = true, offset = 0, limit = 20 }) {
  if (!last || last.id !== id) return post({ type: 'owners', id, rows: [], total: 0 });
  const key = `${id}|${sort}|${descending}`;
  if (sorted.key !== key) {
    const order = orders[sort] ?? orders.reward;
    const rows = [...last.owners].sort((a, b) => (descending ? order(b, a) : order(a, b)) || orders.owner(a, b));
    sorted = { key, rows };
  }
  const rows = sorted.rows
    .slice(offset, offset + limit)
    .map(({ owner, activations, units, reward, share }) => ({ owner, activations, units, reward, share }));
  post({ type: 'owners', id, rows, total: sorted.rows.length, offset });
}

async function exportFile({ id, format }) {
  if (!last || last.id !== id) throw new Error('that run is no longer available: run it again');
  const { input, result } = last;
  const parts = [];
  if (format === 'csv') {
    parts.push(
      csvLine(['id', 'owner', 'units', 'requested_at', 'activated_at', 'mining_start', 'wait_seconds', 'reward', 'rejected_reason']),
    );
    // Rejections come in input order too: the k-th rejected request gets the k-th reason.
    const reasons = result.rejected.map((r) => r.reason);
    let k = 0;
    let chunk = [];
    for (const [i, request] of input.activations.entries()) {
      const id = String(request.id);
      const a = last.outcomes[i];
      const reason = a ? '' : reasons[k++];
      chunk.push(
        csvLine([
          id,
          String(request.owner ?? id),
          request.units,
          request.requestedAt,
          a?.activatedAt,
          a?.miningStart,
          a?.wait,
          a?.reward,
          reason,
        ]),
      );
      if (chunk.length === 10000) {
        parts.push(chunk.join(''));
        chunk = [];
      }
    }
    parts.push(chunk.join(''));
    post({ type: 'file', id, name: 'cbmcalc-pool.csv', blob: new Blob(parts, { type: 'text/csv;charset=utf-8' }) });
  } else {
    // Written in pieces: a million activations would not fit one string comfortably.
    const { activations, owners: _rewardsByOwner, ...totals } = result; // owners: the richer rows below
    const head = { generator: `cbmcalc ${(await cbmReady).version}`, horizon: input.horizon, rules: input.rules ?? {}, ...totals };
    parts.push('{\n');
    for (const [key, value] of Object.entries(head)) parts.push(`${JSON.stringify(key)}: ${JSON.stringify(value)},\n`);
    const ownerTable = Object.fromEntries(
      last.owners.map((o) => [o.owner, { activations: o.activations, units: o.units, reward: o.reward }]),
    );
    parts.push(`"owners": ${JSON.stringify(ownerTable)},\n"activations": [\n`);
    for (let i = 0; i < activations.length; i += 10000) {
      const final = i + 10000 >= activations.length;
      parts.push(
        activations
          .slice(i, i + 10000)
          .map((a) => JSON.stringify(a))
          .join(',\n') + (final ? '\n' : ',\n'),
      );
    }
    parts.push(']}\n');
    post({ type: 'file', id, name: 'cbmcalc-pool.json', blob: new Blob(parts, { type: 'application/json;charset=utf-8' }) });
  }
}
