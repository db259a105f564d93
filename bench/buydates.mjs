// Buy now or later (buyDates) through the JS API in node: one run of the pool serves every
// purchase day. The floor it is quoted against, measured in the same run: a run of the whole pool
// with one purchase (simulatePool of that scenario), which a day-by-day method would pay once
// a day.
import { load } from '../web/lib/node.js';

const cbm = await load();
const base = { genesis: '2024-11-07', now: 60_000_000, pool: { units: 40_799_674, growthPercentPerMonth: 2 }, tokenPrice: '0.17' };
const request = { ...base, budgetUsd: '1000', unitPrice: '0.25' };

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
function time(call, runs) {
  call(); // warm up
  const ms = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    call();
    ms.push(performance.now() - start);
  }
  return median(ms);
}

const days = cbm.buyDates(request).days.at.length;
const curve = time(() => cbm.buyDates(request), 5);
const oneRun = time(
  () => cbm.projectEarnings({ ...base, purchases: [{ at: base.now, units: 4000, unitPrice: '0.25' }], period: 'year' }),
  9,
);
console.log(
  `Buy now or later (node ${process.version}): ${days.toLocaleString('en-US')} purchase days, the contract's stage 2, a pool of 40.8M units growing 2% a month`,
);
console.log(`  buyDates, every day            ${curve.toFixed(0).padStart(6)} ms   median of 5`);
console.log(
  `  one projection with a purchase ${oneRun.toFixed(1).padStart(6)} ms   median of 9 (the floor: what a day costs done one by one)`,
);
console.log(
  `  buyDates = ${(curve / oneRun).toFixed(0)} projections, against ${days.toLocaleString('en-US')} day by day (${((days * oneRun) / curve).toFixed(1)}x faster)`,
);
