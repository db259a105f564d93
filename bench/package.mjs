// The package a user installs, against its budget: the tarball (`npm pack ./web`), its files, and
// what a wallet site's first load of the widget costs (the lite build's glue and WASM, gzip).
// Figures, not a test: tests/package checks the file list and a hard ceiling.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const BUDGET = { tarball: 600_000, files: 40 }; // bytes of gzip, files
const web = new URL('../web/', import.meta.url);
const [pack] = JSON.parse(
  execFileSync('npm', ['pack', '--dry-run', '--json', web.pathname], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }),
);

const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;
const within = (value, budget) => `${value <= budget ? 'within' : 'OVER'} its budget of ${budget >= 1000 ? kb(budget) : budget}`;
console.log('The package (npm pack ./web)');
console.log(`tarball        ${kb(pack.size).padStart(10)}  ${within(pack.size, BUDGET.tarball)}`);
console.log(`files          ${String(pack.entryCount).padStart(10)}  ${within(pack.entryCount, BUDGET.files)}`);
console.log(`unpacked       ${kb(pack.unpackedSize).padStart(10)}`);
const byFolder = new Map();
for (const { path, size } of pack.files) {
  const folder = path.includes('/') ? `${path.split('/')[0]}/` : path;
  const sum = byFolder.get(folder) ?? { bytes: 0, files: 0 };
  byFolder.set(folder, { bytes: sum.bytes + size, files: sum.files + 1 });
}
for (const [folder, { bytes, files }] of byFolder) {
  console.log(`  ${folder.padEnd(20)} ${kb(bytes).padStart(10)} in ${files} file${files > 1 ? 's' : ''}`);
}
const gzip = (path) => gzipSync(readFileSync(new URL(path, web)), { level: 9 }).length;
const widget = ['lib/cbmcalc_lite_wasm.mjs', 'lib/cbmcalc_lite_wasm.wasm'].reduce((sum, path) => sum + gzip(path), 0);
console.log(`the widget's engine (lite glue + WASM, gzip) ${kb(widget)}`);
