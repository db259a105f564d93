// `node --import ./tests/wasm-debug.mjs ...`: the API loads the debug flavour of the WASM
// module (build/wasm-debug/lib, from build_wasm_debug in build-scripts/lib.sh) instead of
// web/lib's, so that a test run also checks what Emscripten's assertions check.
import { createRequire, register } from 'node:module';
import { fileURLToPath } from 'node:url';

// Emscripten 3.1.6's glue, built for node as well, looks for a CommonJS require() even in an ES
// module, and for __dirname: lend it both.
const debugDirectory = new URL('../build/wasm-debug/lib/', import.meta.url);
globalThis.require ??= createRequire(import.meta.url);
globalThis.__dirname ??= fileURLToPath(debugDirectory);

register(
  'data:text/javascript,' +
    encodeURIComponent(`
      const debugGlue = ${JSON.stringify(new URL('cbmcalc_wasm.mjs', debugDirectory).href)};
      export async function resolve(specifier, context, next) {
        const resolved = await next(specifier, context);
        return resolved.url.endsWith('/web/lib/cbmcalc_wasm.mjs') ? { ...resolved, url: debugGlue } : resolved;
      }
    `),
);
