// Short calls of the decisions worker (web/decisions-worker.js, the full module): sensitivity,
// explain. One worker serves them all, started by the first call; each call is a promise. (Long
// calls with a progress bar and Cancel have a worker of their own: decision-run.js.)
/** A new decisions worker (the full module, off the page's thread). */
export const decisionsWorker = () => new Worker(new URL('../decisions-worker.js', import.meta.url), { type: 'module' });

let worker = null;
let lastId = 0;
const pending = new Map(); // id -> { resolve, reject }

/** Resolves with the call's result, or rejects with the worker's error message ({ field,
 * message, problem... }). */
export function callDecision(call, input) {
  if (!worker) {
    worker = decisionsWorker();
    worker.onmessage = ({ data }) => {
      const waiting = pending.get(data.id);
      if (!waiting || data.type === 'progress') return;
      pending.delete(data.id);
      if (data.type === 'done') waiting.resolve(data.result);
      else waiting.reject(data);
    };
  }
  const id = ++lastId;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    worker.postMessage({ id, call, input });
  });
}
