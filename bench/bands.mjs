// earningsBands and reinvest (issue 13): Monte Carlo runs of a holder's projection, and the
// reinvesting plans. In headless Chromium, in the page's own worker (web/decisions-worker.js,
// the full module): the wall time from the message to the result, and the main thread's longest
// gap between frames meanwhile (it must stay responsive). In node too, for comparison.
// Target: 1,000 runs of a 1,000-unit holder with daily pool growth over the whole emission
// <= 5 s in the worker.
import { serve } from '../build-scripts/serve.mjs';
import { load } from '../web/lib/node.js';

const DAY = 86400;
/** A 1,000-unit holder buying today, 700 days after genesis, among 81.6 M units growing by
 * 50,000 a day until emission ends; a price of +10% a year expected, 80% volatility. */
const holder = (runs, spread) => ({
  genesis: '2025-01-01',
  now: 700 * DAY,
  purchases: [{ at: 700 * DAY, units: 1000, unitPrice: '0.25' }],
  pool: { units: 81_598_347, growthPerDay: 50_000 },
  tokenPrice: '0.17',
  period: 'month',
  priceModel: { drift: '0.1', volatility: '0.8' },
  poolModel: { spread },
  runs,
  seed: 1,
});
// Each job: a call of the decisions worker, its input, a small input that loads and warms the
// module, and the target, if any.
const jobs = [
  { runs: 1000, spread: '0.3', what: 'pool growth varying (spread 0.3)', target: 5000 },
  { runs: 1000, spread: '0', what: 'one pool (spread 0)' },
  { runs: 10000, spread: '0.3', what: 'pool growth varying (spread 0.3)' },
].map(({ runs, spread, what, target }) => ({
  label: `earningsBands ${String(runs).padStart(6)} runs, ${what}`,
  call: 'earningsBands',
  input: holder(runs, spread),
  warm: holder(1, spread),
  target,
}));
// Reinvesting: the same holder, the three cadences each searched for its best stop, and holding.
const { priceModel, poolModel, runs, seed, ...earnings } = holder(1, '0');
jobs.push({
  label: 'reinvest, week + month + unit to their best stops, and hold',
  call: 'reinvest',
  input: earnings,
  warm: { ...earnings, cadences: [] },
});

console.log('A 1,000-unit holder among 81.6 M units growing 50,000 a day to the end of emission, monthly periods');
const cbm = await load();
for (const { label, call, input } of jobs) {
  const times = [];
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    cbm[call](input);
    times.push(performance.now() - started);
  }
  console.log(
    `  node      ${label}: ${Math.min(...times)
      .toFixed(0)
      .padStart(6)} ms (best of 3)`,
  );
}

let chromium;
try {
  ({ chromium } = await import('../tests/node_modules/playwright-core/index.mjs'));
} catch {
  console.log('  Chromium part skipped: playwright-core is not installed (cd tests && npm ci).');
  process.exit(0);
}
const server = await serve(0);
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
const page = await browser.newPage();
// A blank page of the site's origin, so that it may start the site's worker.
await page.route(`${origin}/bench.html`, (route) =>
  route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>bench</title>' }),
);
await page.goto(`${origin}/bench.html`);
for (const { label, call, input, warm, target } of jobs) {
  const figures = await page.evaluate(
    async ({ call, input, warm }) => {
      const worker = new Worker('/decisions-worker.js', { type: 'module' });
      const once = (id, message = input) =>
        new Promise((resolve, reject) => {
          worker.onmessage = ({ data }) => {
            if (data.id !== id || data.type === 'progress') return;
            if (data.type === 'done') resolve(data.result);
            else reject(new Error(data.message));
          };
          worker.postMessage({ id, call, input: message });
        });
      await once(0, warm); // loads the module, warms it up
      const times = [];
      let longestFrame = 0;
      for (let i = 1; i <= 2; i++) {
        let last = performance.now();
        let watching = true;
        const frame = (t) => {
          longestFrame = Math.max(longestFrame, t - last);
          last = t;
          if (watching) requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
        const started = performance.now();
        await once(i);
        times.push(performance.now() - started);
        watching = false;
      }
      worker.terminate();
      return { ms: Math.min(...times), longestFrame };
    },
    { call, input, warm },
  );
  console.log(
    `  Chromium  ${label}: ${figures.ms.toFixed(0).padStart(6)} ms in the worker (best of 2); main thread's longest frame ${figures.longestFrame.toFixed(0)} ms` +
      (target ? `   target <= ${target} ms` : ''),
  );
}
await browser.close();
server.close();
