// The decision tools off the main thread, on the full module (the page's own is the lite
// build): earningsBands, sensitivity, reinvest, explain, compareEarnings and buyDates. A call is one long
// WASM call: the page cancels it by terminating this worker.
//
// In:  { id, call: 'earningsBands' | 'sensitivity' | 'reinvest' | 'explain' | 'compareEarnings' | 'buyDates',
//      input } (explain's input: { call, input, options }, as cbm.explain takes them)
// Out: { type: 'progress', id, done } | { type: 'done', id, result } | { type: 'error', id, ... }
import { loadBuild } from './lib/api.js';
import { fullBuild } from './lib/full.js';
import { errorMessage } from './ui/worker-error.js';

const cbmReady = loadBuild(fullBuild); // its build imported, not load()ed: one file for a bundler
// Each call, with the progress reporter for the calls that report it.
const calls = {
  earningsBands: (cbm, input, onProgress) => cbm.earningsBands({ ...input, onProgress }),
  sensitivity: (cbm, input) => cbm.sensitivity(input),
  reinvest: (cbm, input, onProgress) => cbm.reinvest({ ...input, onProgress }),
  explain: (cbm, { call, input, options }) => cbm.explain(call, input, options),
  compareEarnings: (cbm, input) => cbm.compareEarnings(input),
  buyDates: (cbm, input, onProgress) => cbm.buyDates({ ...input, onProgress }),
};

self.onmessage = async ({ data: { id, call, input } }) => {
  try {
    if (!Object.hasOwn(calls, call)) throw new Error(`no such call: ${call}`);
    const cbm = await cbmReady;
    let lastPost = 0;
    const onProgress = (done) => {
      const now = performance.now();
      if (now - lastPost < 40) return;
      lastPost = now;
      self.postMessage({ type: 'progress', id, done });
    };
    const result = calls[call](cbm, input, onProgress);
    self.postMessage({ type: 'done', id, result });
  } catch (e) {
    self.postMessage(errorMessage(id, e));
  }
};
