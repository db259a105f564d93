// cbmcalc: the JS API of SPEC 8 over the WASM core, for browsers, module workers and bundlers
// (node gets lib/node.js through the package's "node" export condition). What each call takes
// and gives is in cbmcalc.d.ts beside this file; the calls themselves are in lib/api.js.
//
//   import { load } from 'cbmcalc';
//   const cbm = await load();
//   cbm.apr({ blockReward: '0.00009804', tokenPrice: 0.17, units: 1000, unitPrice: 0.25 });
import { loader } from './api.js';

export { CbmError, describe } from './api.js';

/** Loads the WASM module (once per build, without module options) and returns the API. The
 * Emscripten glue fetches the .wasm file beside it: `new URL(file, import.meta.url)`, which a
 * bundler follows and emits as an asset. */
export const load = /* @__PURE__ */ loader();
