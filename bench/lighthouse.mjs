// Lighthouse's view of the page (issue 25): performance and accessibility with the mobile preset
// (slow 4G, a CPU 4x slower) and the desktop one, and the four metrics behind the score. Pinned
// to lighthouse 12.2.3 (later versions need Node 22), installed on first use into
// build/lighthouse/ from the npm registry. The page as serve.mjs serves it: the production build,
// compressed (CBM_SERVE=sources: web/ as it is). Targets: mobile performance >= 90, accessibility 100.
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

import { pageRoot, serve } from '../build-scripts/serve.mjs';

const VERSION = '12.2.3';
const prefix = fileURLToPath(new URL('../build/lighthouse/', import.meta.url));
const cli = join(prefix, 'node_modules/lighthouse/cli/index.js');
const chrome = process.env.CHROMIUM ?? '/usr/bin/chromium';

if (!existsSync(chrome)) {
  console.log(`Lighthouse benchmark skipped: no Chromium at ${chrome} (build-scripts/test installs it).`);
  process.exit(0);
}
if (!existsSync(cli))
  execFileSync('npm', ['install', '--prefix', prefix, '--no-audit', '--no-fund', `lighthouse@${VERSION}`], { stdio: 'ignore' });

const server = await serve(0);
const url = `http://127.0.0.1:${server.address().port}/`;
const out = mkdtempSync(join(tmpdir(), 'cbm-lighthouse-'));
try {
  console.log(
    `Lighthouse ${VERSION}, headless Chromium, the page from localhost: ${relative(process.cwd(), pageRoot)}/ as serve.mjs serves it`,
  );
  for (const preset of ['mobile', 'desktop']) {
    const report = join(out, `${preset}.json`);
    // Asynchronously: the server answering Lighthouse lives in this process.
    await promisify(execFile)(
      process.execPath,
      [
        cli,
        url,
        ...(preset === 'desktop' ? ['--preset=desktop'] : []),
        '--only-categories=performance,accessibility',
        '--chrome-flags=--headless=new --no-sandbox',
        '--output=json',
        `--output-path=${report}`,
        '--quiet',
      ],
      { env: { ...process.env, CHROME_PATH: chrome }, timeout: 300000 },
    );
    const { categories, audits } = JSON.parse(readFileSync(report, 'utf8'));
    const score = (name) => String(Math.round(categories[name].score * 100)).padStart(3);
    const metric = (id) => audits[id].displayValue;
    const failing = categories.accessibility.auditRefs.filter(
      (ref) => ref.weight > 0 && audits[ref.id].score !== null && audits[ref.id].score < 1,
    );
    console.log(
      `  ${preset.padEnd(7)} performance ${score('performance')}  accessibility ${score('accessibility')}  ` +
        `FCP ${metric('first-contentful-paint')}  LCP ${metric('largest-contentful-paint')}  TBT ${metric('total-blocking-time')}  CLS ${metric('cumulative-layout-shift')}` +
        `${failing.length ? `  (accessibility: ${failing.map((ref) => ref.id).join(', ')})` : ''}   target mobile >= 90, accessibility 100`,
    );
  }
} finally {
  server.close();
}
