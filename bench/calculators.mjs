// Calls per second through the JS API in node: the calculators must keep up with every keystroke.
// Target (issue 2): >= 100,000 calls/s each.
import { load } from '../web/lib/node.js';

const cbm = await load();

function rate(name, call) {
  for (let i = 0; i < 20000; i++) call(i); // warm up the JIT
  const n = 300000;
  const start = performance.now();
  for (let i = 0; i < n; i++) call(i);
  const perSecond = n / ((performance.now() - start) / 1000);
  console.log(`${name.padEnd(14)} ${Math.round(perSecond).toLocaleString('en-US').padStart(10)} calls/s`);
}

console.log('Calculators through the JS API (node', process.version + ')');
rate('apr', (i) => cbm.apr({ blockReward: '0.00009804', tokenPrice: 0.17 + (i % 7), units: 1000 + i, unitPrice: 0.25 }));
rate('pointsWeight', (i) => cbm.pointsWeight({ streakDays: i % 40, totalPoints: 1000 + (i % 6000), invites: i % 35 }));
rate('pointsReward', (i) => cbm.pointsReward({ elapsedSeconds: i % 90000, weight: 1.8 }));
