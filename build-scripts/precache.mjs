// Writes precache.json into web/ (or the folder given: build/web/, the production build): the page's files, each with a hash of its content, for the service
// worker (web/sw.js) to keep a copy of the page for offline use. Generated, never hand-written, so
// that it cannot drift from the files: every file under web/ is the page's except those below.
// Run by build_web (build-scripts/lib.sh) after the WASM build and web/vendor/.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const web = process.argv[2] ? resolve(process.argv[2]) : fileURLToPath(new URL('../web/', import.meta.url));

// Not the page's: npm's folder and the package's own files (its CLI, its types, its docs), the
// embeddable widget and its example page, dotfiles, and the service worker's own two files (the
// browser fetches sw.js itself; the worker fetches this list itself).
const notThePage = [
  /^node_modules\//,
  /^bin\//,
  /^widget\//,
  /^widget-example\./,
  /^package(-lock)?\.json$/,
  /\.d\.ts$/,
  /\.md$/,
  /(^|\/)\./,
  /^sw\.js$/,
  /^precache\.json$/,
  /\.(map|br|gz)$/, // the production build's source maps and precompressed copies
];

function* walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile()) yield relative(web, path).split(sep).join('/');
  }
}

const sha256 = (data) => createHash('sha256').update(data).digest('hex');
const files = {};
for (const path of [...walk(web)].sort()) {
  if (!notThePage.some((pattern) => pattern.test(path))) files[path] = sha256(readFileSync(join(web, path))).slice(0, 16);
}
// The version names the whole set: any file added, removed or changed gives a new one.
const version = sha256(JSON.stringify(files)).slice(0, 16);
writeFileSync(join(web, 'precache.json'), `${JSON.stringify({ version, files }, null, 2)}\n`);
console.log(`${relative(process.cwd(), join(web, 'precache.json'))}: ${Object.keys(files).length} files, version ${version}`);
