// The full build of the core: every call, the decision tools (lib/decisions.js) included.
// load() imports this module; the decisions worker imports it itself (one file for a bundler).
import createModule from './cbmcalc_wasm.mjs';
import { decisionCalls } from './decisions.js';

/** The build, for loadBuild (lib/api.js): one plain object, as lib/lite.js says why. */
export const fullBuild = { createModule, wasmFile: 'cbmcalc_wasm.wasm', decisionCalls };
