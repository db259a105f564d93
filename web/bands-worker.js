// earningsBands off the main thread, on the full module (the page's own is the lite build).
// The call is one long WASM call: the page cancels it by terminating this worker.
//
// In:  { id, input }
// Out: { type: 'progress', id, done } | { type: 'done', id, bands } | { type: 'error', id, ... }
import { load } from './lib/cbmcalc.js';
import { errorMessage } from './ui/worker-error.js';

const cbmReady = load();

self.onmessage = async ({ data: { id, input } }) => {
  try {
    const cbm = await cbmReady;
    let lastPost = 0;
    const onProgress = (done) => {
      const now = performance.now();
      if (now - lastPost < 40) return;
      lastPost = now;
      self.postMessage({ type: 'progress', id, done });
    };
    self.postMessage({ type: 'done', id, bands: cbm.earningsBands({ ...input, onProgress }) });
  } catch (e) {
    self.postMessage(errorMessage(id, e));
  }
};
