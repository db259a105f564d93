// Extremes through the JS API (issue 5), each in a fresh process: ten million activations, the
// largest units, a 100-year horizon. Each prints its time and memory and whether every wei is
// conserved; none may overflow or answer wrong.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const year = 31536000;
const wei = (amount) => {
  const [whole, fraction = ''] = amount.split('.');
  return BigInt(whole) * 10n ** 18n + BigInt(fraction.padEnd(18, '0'));
};

const cases = {
  'ten million activations, 8 years': () => {
    const activations = new Array(10_000_000);
    for (let i = 0; i < activations.length; i++)
      activations[i] = { id: `a${i}`, owner: `o${i % 100000}`, units: 1 + (i % 9973), requestedAt: i * 6 };
    return { horizon: 8 * year, activations, sampleEvery: year };
  },
  'a million activations of 10^12 units, 100 years': () => ({
    horizon: 100 * year,
    rules: { stages: 50, lifetime: 100 * year },
    activations: Array.from({ length: 1_000_000 }, (_, i) => ({ id: `w${i}`, units: 1e12, requestedAt: i * 3000 })),
  }),
};

async function runCase(name) {
  const { load } = await import('../web/lib/node.js');
  const cbm = await load();
  const input = cases[name]();
  const start = performance.now();
  const r = cbm.simulatePool(input);
  const ms = performance.now() - start;
  let sum = 0n;
  for (const a of r.activations) sum += wei(a.reward);
  const conserved =
    wei(r.distributed) + wei(r.unallocated) === wei(r.emitted) &&
    sum + wei(r.dust) === wei(r.distributed) &&
    wei(r.dust) <= BigInt(r.activations.length);
  process.stdout.write(
    JSON.stringify({ ms, wasmMB: cbm.memoryBytes() / 2 ** 20, rssMB: process.resourceUsage().maxRSS / 1024, conserved, dust: r.dust }),
  );
}

if (process.argv[2]) {
  await runCase(process.argv[2]);
} else {
  console.log('\nExtremes through the JS API, each in a fresh process');
  for (const name of Object.keys(cases)) {
    const out = execFileSync(process.execPath, ['--max-old-space-size=12000', fileURLToPath(import.meta.url), name], {
      maxBuffer: 1 << 20,
    });
    const r = JSON.parse(out);
    console.log(
      `${name.padEnd(50)} ${(r.ms / 1000).toFixed(1).padStart(5)} s  WASM ${r.wasmMB.toFixed(0)} MB  peak RSS ${r.rssMB.toFixed(0)} MB  conserved: ${r.conserved ? 'yes' : 'NO'} (dust ${r.dust} WFI)`,
    );
  }
}
