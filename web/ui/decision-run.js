// A section's long call in the decisions worker (web/decisions-worker.js, the full module): one
// at a time, with a progress bar and Cancel. The call is one WASM call, so Cancel terminates
// the worker (a new one starts with the next run).
import { decisionsWorker } from './decisions-client.js';
import { setDisabled } from './forms.js';

/** `run` and `cancel` buttons, a `progress` element and `say(text)` for the status line. */
export function decisionRun({ run, cancel, progress, say }) {
  let worker = null;
  let runId = 0;
  const idle = () => {
    run.disabled = false; // first: a disabled Run could not take the focus from Cancel
    setDisabled(cancel, true, run);
  };

  /** Runs `call` on `input`; progress goes up to `max`. onDone(result, seconds taken),
   * onProgress(done) and onError(the worker's error message: field, message, problem...). */
  function start(call, input, { max, onProgress, onDone, onError }) {
    worker ??= decisionsWorker();
    const id = ++runId;
    const started = performance.now();
    progress.max = max;
    progress.value = 0;
    // The focus goes from Run to Cancel while it runs, and back to Run after (idle()).
    cancel.disabled = false;
    setDisabled(run, true, cancel);
    worker.onmessage = ({ data }) => {
      if (data.id !== id) return;
      if (data.type === 'progress') {
        progress.value = data.done;
        onProgress?.(data.done);
      } else if (data.type === 'done') {
        progress.value = max;
        idle();
        onDone(data.result, (performance.now() - started) / 1000);
      } else if (data.type === 'error') {
        progress.value = 0;
        idle();
        onError(data);
      }
    };
    worker.postMessage({ id, call, input });
  }

  cancel.addEventListener('click', () => {
    worker?.terminate();
    worker = null;
    runId++;
    progress.value = 0;
    idle();
    say('Cancelled. Nothing was kept from that run; you can run again.');
  });

  return {
    start,
    /** Whether a call is under way. */
    get busy() {
      return run.disabled;
    },
    /** Which run is the latest (a results element can say which it shows). */
    get runId() {
      return runId;
    },
  };
}

/** Whether the mining inputs of results on show (`shown`, the input they ran on) are still the
 * mining section's (`base`, from its current()). */
export function stillCurrent(shown, base) {
  return Boolean(base) && JSON.stringify({ ...shown, ...base.input }) === JSON.stringify(shown);
}

/** After an edit above: results computed for inputs (`shown`) that are no longer `current()`
 * are marked stale, and the status says what to do (`again`) unless a run is under way. */
export function markStale({ shown, results, current, runner, say }, again) {
  if (!shown || results.hidden || stillCurrent(shown, current())) return;
  results.classList.add('stale');
  if (!runner.busy) say(`The inputs above changed: ${again}`);
}
