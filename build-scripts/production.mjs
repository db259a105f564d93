// The page's production build: web/ -> build/web/, what build-scripts/run serves and the browser
// suite tests. The page's JS bundled and minified by esbuild (one file per entry, shared code and
// each section loaded later in chunks of its own; source maps beside), its CSS minified, the rest
// copied; then its service worker's file list (precache.mjs), then a .br and a .gz beside every
// text file, for build-scripts/serve.mjs to serve as a static host would. Run by build_web
// (build-scripts/lib.sh) after the WASM build; `node build-scripts/production.mjs` after an edit.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

import * as esbuild from '../web/node_modules/esbuild/lib/main.js';

const web = fileURLToPath(new URL('../web/', import.meta.url));
const out = fileURLToPath(new URL('../build/web/', import.meta.url));
const posix = (path) => path.split(sep).join('/');

// A module finds its files (a worker's script, the WASM beside its glue) from import.meta.url,
// its own address. Bundled, its code moves into another file: there, import.meta.url becomes
// the address the module has in web/, from the address of the file it is in. Every output
// of a build sits in one folder (`outdir`), so that one relative path gives it.
const ownAddress = (outdir) => ({
  name: 'own-address',
  setup(build) {
    build.onLoad({ filter: /\.m?js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const address = posix(relative(join(out, outdir), join(out, relative(web, args.path))));
      return { contents: source.replaceAll('import.meta.url', `new URL(${JSON.stringify(address)}, import.meta.url).href`), loader: 'js' };
    });
  },
});

/** Bundles `entryPoints` (paths in web/) into build/web/`outdir`; `write: false` keeps the
 * files in memory (a benchmark's page). */
export const bundle = (entryPoints, outdir, { write = true } = {}) =>
  esbuild.build({
    write,
    absWorkingDir: web,
    entryPoints,
    outdir: join(out, outdir),
    entryNames: '[name]',
    chunkNames: '[name]-[hash]', // a section's module keeps its name: pool-section-XXXX.js
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    sourcemap: true,
    metafile: true,
    logLevel: 'warning',
    plugins: [ownAddress(outdir)],
  });

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  // The page, its two workers and the widget example's host script; the widget, in its folder.
  const page = await bundle(['app.js', 'worker.js', 'decisions-worker.js', 'widget-example.js'], '.');
  await bundle(['widget/cbm-calculator.js'], 'widget');
  await esbuild.build({
    absWorkingDir: web,
    entryPoints: ['style.css', 'widget-example.css', 'ui/theme-early.js'],
    outdir: out,
    outbase: web,
    minify: true,
    logLevel: 'warning',
  });
  copyAsIs();
  writeIndex(page.metafile);
  execFileSync(process.execPath, [fileURLToPath(new URL('precache.mjs', import.meta.url)), out], { stdio: 'inherit' });
  precompress();
}

function copyAsIs() {
  const files = [
    'favicon.svg',
    'icons',
    'manifest.webmanifest',
    'sections',
    'sw.js',
    'widget-example.html',
    'vendor/uPlot.min.css',
    'vendor/uPlot.LICENSE.txt',
  ];
  for (const path of files) cpSync(join(web, path), join(out, path), { recursive: true });
  for (const name of readdirSync(join(web, 'lib')).filter((name) => name.endsWith('.wasm'))) {
    cpSync(join(web, 'lib', name), join(out, 'lib', name));
  }
}

/** index.html, preloading what app.js imports at once (its chunks now, not the modules of web/)
 * and the engine's glue, which load() imports only when called (lib/lite.js): fetched with the rest. */
function writeIndex({ outputs }) {
  const address = (output) => posix(relative(out, join(web, output)));
  const glue = Object.keys(outputs).find((output) => 'lib/cbmcalc_lite_wasm.mjs' in outputs[output].inputs);
  const preloads = outputs[posix(relative(web, join(out, 'app.js')))].imports
    .filter((i) => i.kind === 'import-statement')
    .map((i) => i.path)
    .concat(glue)
    .map((output) => `    <link rel="modulepreload" href="${address(output)}" />\n`);
  const index = readFileSync(join(web, 'index.html'), 'utf8')
    .replace(/ *<link rel="modulepreload"[^>]*>\n/g, '')
    .replace(/ *<script type="module" src="app.js">/, (tag) => preloads.join('') + tag);
  writeFileSync(join(out, 'index.html'), index);
}

/** A .br and a .gz beside each text file, when smaller: the server picks one per request. */
function precompress() {
  const compressible = /\.(html|js|css|json|webmanifest|svg|map|txt|wasm)$/;
  let raw = 0;
  let brotli = 0;
  for (const file of filesIn(out).filter((path) => compressible.test(path))) {
    const content = readFileSync(file);
    const br = brotliCompressSync(content, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: content.length },
    });
    const gz = gzipSync(content, { level: 9 });
    if (br.length < content.length) writeFileSync(`${file}.br`, br);
    if (gz.length < content.length) writeFileSync(`${file}.gz`, gz);
    if (!file.endsWith('.map')) {
      raw += content.length;
      brotli += Math.min(br.length, content.length);
    }
  }
  const kb = (bytes) => `${(bytes / 1024).toFixed(0)} KB`;
  console.log(`build/web/: the production build, ${kb(raw)} without source maps, ${kb(brotli)} brotli`);
}

function filesIn(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}
