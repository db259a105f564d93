// The lite build of the core: every call but the decision tools, for a page's first load (36 KB
// of gzip less). Its stand-ins for them throw, saying where they are. load({ build: 'lite' })
// imports this module; the pool worker imports it itself (one file for a bundler).
import createModule from './cbmcalc_lite_wasm.mjs';
import { CbmError } from './api.js';

/** The build, for loadBuild (lib/api.js). One plain object, not the module's namespace: a
 * bundler's stand-in for a namespace can trip over a host page's Object.prototype. */
export const liteBuild = { createModule, wasmFile: 'cbmcalc_lite_wasm.wasm', decisionCalls };

function decisionCalls() {
  const missing = (call) => () => {
    throw new CbmError(`${call}() is not in the lite build: load() the full one (a page runs it in a worker)`, {
      code: 'NOT_ALLOWED',
      problem: { kind: 'not-in-build' },
    });
  };
  return Object.fromEntries(
    ['earningsBands', 'sensitivity', 'reinvest', 'explain', 'compareEarnings', 'buyDates'].map((call) => [call, missing(call)]),
  );
}
