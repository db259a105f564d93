// What the package tests share: the package packed and installed as a user installs it, a static
// host for a folder under the strict CSP web/README.md recommends, and a page opened in Chromium
// with everything that goes wrong on it collected.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repo = fileURLToPath(new URL('../../', import.meta.url));
export const csp = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'; img-src 'self'";

/** `npm pack ./web` into a new temporary folder: { dir, path, files, bytes }. */
export function packed() {
  const dir = mkdtempSync(join(tmpdir(), 'cbmcalc-package-'));
  const [pack] = JSON.parse(
    execFileSync('npm', ['pack', join(repo, 'web'), '--json', '--pack-destination', dir], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }),
  );
  return { dir, path: join(dir, pack.filename), files: pack.files.map((f) => f.path), bytes: pack.size };
}

/** A new project in `dir` (an ES module package) with the tarball installed, offline. */
export function projectWith(tarball, dir) {
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'user-project', private: true, type: 'module' }));
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--loglevel=error', tarball], { cwd: dir, stdio: 'ignore' });
  return dir;
}

const types = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
};

/** Serves `root` as a static host would (a folder's index.html, `.wasm` as application/wasm),
 * under the README's CSP; resolves with the server, listening on a free port. */
export function serve(root) {
  const server = createServer((request, response) => {
    let file = join(root, decodeURIComponent(new URL(request.url, 'http://x').pathname));
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!file.startsWith(root) || !existsSync(file)) return response.writeHead(404).end();
    response.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream', 'Content-Security-Policy': csp });
    response.end(readFileSync(file));
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}

/** Serves `root`, opens Chromium and runs `check(page, origin)`; returns what went wrong on the
 * way: console errors, page errors, CSP violations, failed or refused requests. */
export async function inChromium(root, check) {
  const { chromium } = await import(join(repo, 'tests/node_modules/playwright-core/index.mjs'));
  const server = await serve(root);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  const wrong = [];
  try {
    const page = await browser.newPage();
    // The browser's own request for /favicon.ico is the host's business, not the package's.
    const ours = (url) => !url.endsWith('/favicon.ico');
    page.on('console', (m) => m.type() === 'error' && ours(m.location().url) && wrong.push(m.text()));
    page.on('pageerror', (e) => wrong.push(e.message));
    page.on('response', (r) => r.status() >= 400 && ours(r.url()) && wrong.push(`${r.status()} ${r.url()}`));
    page.on('requestfailed', (r) => ours(r.url()) && wrong.push(`failed: ${r.url()}`));
    await page.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP: ${e.violatedDirective} ${e.blockedURI}`)),
    );
    await check(page, `http://127.0.0.1:${server.address().port}`);
  } finally {
    await browser.close();
    server.close();
  }
  return wrong;
}
