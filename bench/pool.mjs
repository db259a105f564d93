// Pool simulation through the JS API in node (issue 3). Each case runs in a fresh child process,
// so that its peak memory is its own: wall time of simulatePool (packing the input, the engine,
// and building the result objects), the WASM heap (it only grows, so this is its peak) and the
// process's peak RSS (which also holds the caller's million input objects and the result).
// Targets: 1,000,000 activations over 8 years as columns in <= 1.3 s and <= 400 MB peak RSS,
// as row objects in <= 2 s; cost about linear in the activations; 1 day vs 8 years within 1.5x.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const year = 31536000;

/** Requests spread over `spread` seconds, a tenth of them in bursts at midnight (a backlog). */
export function scenario(n, { spread = 2 * year, horizon = 8 * year, amortization = 'linear' } = {}) {
  let seed = 12345;
  const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  const activations = new Array(n);
  for (let i = 0; i < n; i++) {
    const burst = i % 10 === 0;
    const at = burst ? Math.floor(random() * (spread / 86400)) * 86400 : Math.floor(random() * spread);
    activations[i] = { id: `act-${i}`, owner: `owner-${i % 5000}`, units: 1 + Math.floor(random() * 10000), requestedAt: at };
  }
  return { horizon, activations, focusOwner: 'owner-7', rules: { amortization } };
}

/** The same requests as columns, made as columns: { id, owner, units, requestedAt }. */
export function columnScenario(n, { spread = 2 * year, horizon = 8 * year, amortization = 'linear' } = {}) {
  let seed = 12345;
  const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  const id = new Array(n),
    owner = new Array(n),
    units = new Float64Array(n),
    requestedAt = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const burst = i % 10 === 0;
    requestedAt[i] = burst ? Math.floor(random() * (spread / 86400)) * 86400 : Math.floor(random() * spread);
    id[i] = `act-${i}`;
    owner[i] = `owner-${i % 5000}`;
    units[i] = 1 + Math.floor(random() * 10000);
  }
  return { horizon, activations: { id, owner, units, requestedAt }, focusOwner: 'owner-7', rules: { amortization } };
}

async function runCase(n, options) {
  const { load } = await import('../web/lib/node.js');
  const cbm = await load();
  const { columns = false, ...shape } = options;
  const make = (count) => (columns ? columnScenario(count, shape) : scenario(count, shape));
  cbm.simulatePool(make(1000)); // warm the JIT on a small pool
  const input = make(n);
  // simulatePool's own loop, timed by phase: reading the input and queueing it, the engine's
  // steps, handing the result over.
  const start = performance.now();
  const run = cbm.startPoolSimulation(input);
  const started = performance.now();
  while (!run.step(1 << 22));
  const stepped = performance.now();
  const result = run.result();
  run.dispose();
  const end = performance.now();
  let lastActivation = 0;
  for (const at of result.activations.activatedAt) if (at > lastActivation) lastActivation = at;
  process.stdout.write(
    JSON.stringify({
      ms: end - start,
      engineMs: stepped - started,
      inputMs: started - start,
      resultMs: end - stepped,
      wasmMB: cbm.memoryBytes() / 2 ** 20,
      rssMB: process.resourceUsage().maxRSS / 1024,
      dust: result.dust,
      lastActivation,
    }),
  );
}

function child(n, options = {}) {
  const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), String(n), JSON.stringify(options)], {
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out);
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2]) {
  await runCase(Number(process.argv[2]), JSON.parse(process.argv[3] ?? '{}'));
} else if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const row = (label, r) =>
    console.log(
      `${label.padEnd(50)} ${r.ms.toFixed(0).padStart(6)} ms (input + queue ${r.inputMs.toFixed(0)}, engine ${r.engineMs.toFixed(0)}, result ${r.resultMs.toFixed(0)})  WASM ${r.wasmMB.toFixed(0).padStart(4)} MB  peak RSS ${r.rssMB.toFixed(0).padStart(5)} MB`,
    );
  console.log('\nPool simulation through the JS API (node ' + process.version + '), each case in a fresh process');
  row('1,000,000 activations as columns, 8 years, linear', child(1000000, { columns: true }));
  const million = child(1000000);
  row('1,000,000 activations as row objects, 8 years, linear', million);
  console.log(`  (the backlog: the last request is served at t = ${(million.lastActivation / year).toFixed(2)} years)`);
  const sizes = [10000, 100000, 1000000].map((n) => [n, n === 1000000 ? million : child(n)]);
  for (const [n, r] of sizes.slice(0, 2)) row(`${n.toLocaleString('en-US')} activations, 8 years, linear`, r);
  const per = sizes.map(([n, r]) => (r.ms / n) * 1000);
  console.log(`  cost per activation: ${per.map((us) => us.toFixed(2) + ' us').join(' / ')} (10k / 100k / 1M)`);
  const day = child(100000, { spread: 86400 / 2, horizon: 86400 });
  const years = child(100000);
  row('100,000 activations, 1 day', day);
  row('100,000 activations, 8 years', years);
  console.log(`  8 years / 1 day: ${(years.ms / day.ms).toFixed(2)}x`);
  for (const model of ['none', 'exponential']) row(`1,000,000 activations, 8 years, ${model}`, child(1000000, { amortization: model }));
  // The brute-force comparison's scenario, through the JS API (build/native/pool_vs_reference
  // times the brute force itself, natively, on the same sizes).
  const { load } = await import('../web/lib/node.js');
  const cbm = await load();
  const small = { ...scenario(200, { spread: 43200, horizon: 86400 }), sampleEvery: 3600 };
  for (let i = 0; i < 20; i++) cbm.simulatePool(small);
  const start = performance.now();
  for (let i = 0; i < 200; i++) cbm.simulatePool(small);
  console.log(`200 activations, 1 day, through the JS API: ${((performance.now() - start) / 200).toFixed(3)} ms a run`);
}
