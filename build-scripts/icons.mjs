// Renders the page's PNG icons (web/icons/) from web/favicon.svg with headless Chromium, for the
// web manifest and iOS's home screen. The PNGs are kept in the repository as source assets: run
// `node build-scripts/icons.mjs` again after a change of favicon.svg (needs tests/ installed).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';

import { chromium } from '../tests/node_modules/playwright-core/index.mjs';

const web = new URL('../web/', import.meta.url);
const svg = readFileSync(new URL('favicon.svg', web), 'utf8');
// The same drawing without its rounded corners: for a "maskable" icon (and iOS's) the
// background must fill the square, the system cuts its own shape. The mark spans half the
// width, so it stays inside the maskable safe zone (a circle of 40% of the size around the
// centre) as it is.
const square = svg.replace(/ rx="[\d.]+"/, '');
if (square === svg) throw new Error('favicon.svg: no rounded corners (rx) found on its background');

const icons = [
  { file: 'icon-192.png', size: 192, svg },
  { file: 'icon-512.png', size: 512, svg },
  { file: 'icon-maskable-512.png', size: 512, svg: square },
  { file: 'apple-touch-icon.png', size: 180, svg: square },
];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'],
});
try {
  mkdirSync(new URL('icons/', web), { recursive: true });
  const page = await browser.newPage();
  for (const { file, size, svg } of icons) {
    await page.setViewportSize({ width: size, height: size });
    const sized = svg.replace('<svg ', `<svg width="${size}" height="${size}" `);
    await page.setContent(`<!doctype html><style>html,body{margin:0;background:transparent}svg{display:block}</style>${sized}`);
    const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    writeFileSync(new URL(`icons/${file}`, web), png);
    console.log(`web/icons/${file}: ${size}x${size}, ${png.length} bytes`);
  }
} finally {
  await browser.close();
}
