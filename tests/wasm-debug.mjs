// `node --import ./tests/wasm-debug.mjs --test build/wasm-debug/tree/tests/node/`: the node
// tests against the debug flavour of the WASM module. build_wasm_debug (build-scripts/lib.sh)
// lays out that tree: a copy of web/ and the tests whose glue is the debug build's, so the
// tests import it as they import web/lib's, with no module hooks.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

// Emscripten 3.1.6's glue, built for node as well, looks for a CommonJS require() even in an ES
// module, and for __dirname: lend it both.
globalThis.require ??= createRequire(import.meta.url);
globalThis.__dirname ??= fileURLToPath(new URL('../build/wasm-debug/tree/web/lib/', import.meta.url));
