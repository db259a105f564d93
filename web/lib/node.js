// cbmcalc in node: the API of lib/cbmcalc.js, whose load() here hands the Emscripten glue its
// .wasm file's bytes (the glue would fetch() them, and node's fetch() reads no file: URL). The
// package's "node" export condition picks this module, so a browser bundle has none of it.
import { readFile } from 'node:fs/promises';
import { loader } from './api.js';

export { CbmError, describe } from './api.js';

/** Loads the WASM module (once per build, without module options) and returns the API. */
export const load = loader((file) => readFile(new URL(file, import.meta.url)));
