// Copies the page's third-party files from web/node_modules to web/vendor/, so that the page
// loads them from its own origin (no CDN: it must work offline and from any static host).
import { copyFileSync, mkdirSync } from 'node:fs';

const web = new URL('../web/', import.meta.url);
const files = {
  'node_modules/uplot/dist/uPlot.esm.js': 'vendor/uPlot.esm.js',
  'node_modules/uplot/dist/uPlot.min.css': 'vendor/uPlot.min.css',
  'node_modules/uplot/LICENSE': 'vendor/uPlot.LICENSE.txt',
};
mkdirSync(new URL('vendor/', web), { recursive: true });
for (const [from, to] of Object.entries(files)) copyFileSync(new URL(from, web), new URL(to, web));
