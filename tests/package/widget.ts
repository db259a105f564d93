// The widget and the worker through their types, with the DOM: <cbm-calculator> as the page
// finds it, its result and its cbm-change event, and the pool worker's messages both ways.
// Compiled only (tsconfig.widget.json): it needs a browser to run.
import 'cbmcalc/widget';
import type { CbmCalculatorElement, CbmChangeDetail, CbmChangeEvent } from 'cbmcalc/widget';
import type { PoolRunSummary, PoolWorkerMessage, PoolWorkerRequest } from 'cbmcalc/worker';
import type { Decimal, PoolScenario } from 'cbmcalc';

// The element, found and made.
const found: CbmCalculatorElement | null = document.querySelector('cbm-calculator');
const made: CbmCalculatorElement = document.createElement('cbm-calculator');
made.setAttribute('unit-price', '0.25');
document.body.append(made);

// Its latest result: the figures, or the field that stopped them.
const last: CbmChangeDetail | null | undefined = found?.result;
const apr: Decimal | null | undefined = last?.aprPercent;
if (last && last.error === null) {
  const breakeven: string | null = last.breakeven;
  const months: number = last.earnings.months.length;
  const firstYear: Decimal = last.earnings.next12Months.returnPercent;
  console.log(apr, breakeven, months, firstYear, last.inputs.poolGrowthPercent);
} else if (last) {
  const field: string = last.error.field;
  // @ts-expect-error a failed computation has no figures
  const perDay: Decimal = last.wfiPerDay;
  console.log(field, perDay);
}
// @ts-expect-error result is read-only
made.result = null;

// The event, on the element and anywhere above it (it bubbles and is composed).
found?.addEventListener('cbm-change', (event) => {
  const percent: Decimal | null | undefined = event.detail.aprPercent;
  if (event.detail.error) console.log(event.detail.error.message);
  else console.log(percent, event.detail.earnings.perDay.wfi);
});
document.addEventListener('cbm-change', (event: CbmChangeEvent) => console.log(event.detail.inputs.units));
// @ts-expect-error the detail has no such field
made.addEventListener('cbm-change', (event) => event.detail.aprPercentage);

// The worker: what to post, and what comes back.
const worker = new Worker(new URL('cbmcalc/worker', import.meta.url), { type: 'module' });
const scenario: PoolScenario = { horizon: 864000, activations: [{ id: 'a-1', owner: 'alice', units: 1000, requestedAt: 0 }] };
const params = { count: 1000, owners: 50, unitsMin: 1, unitsMax: 1000, spreadDays: 30, burstShare: 10, bursts: 3, seed: 1 };
const requests: PoolWorkerRequest[] = [
  { type: 'run', id: 1, source: 'json', json: JSON.stringify(scenario) },
  {
    type: 'run',
    id: 2,
    source: 'generate',
    params,
    horizon: 86400 * 365,
    rules: { amortization: 'none' },
  },
  { type: 'run', id: 3, source: 'file', file: new Blob([JSON.stringify(scenario)]) },
  { type: 'owners', id: 2, sort: 'units', descending: false, offset: 20, limit: 20 },
  { type: 'export', id: 2, format: 'csv' },
  { type: 'cancel', id: 3 },
];
for (const request of requests) worker.postMessage(request);
// @ts-expect-error a generated pool needs its horizon
const noHorizon: PoolWorkerRequest = { type: 'run', id: 4, source: 'generate', params };
// @ts-expect-error there is no "xml" export
const xml: PoolWorkerRequest = { type: 'export', id: 2, format: 'xml' };
console.log(noHorizon, xml);

worker.onmessage = (event: MessageEvent<PoolWorkerMessage>) => {
  const message = event.data;
  switch (message.type) {
    case 'progress':
      console.log(message.phase, Math.floor(message.fraction * 100));
      break;
    case 'done': {
      const summary: PoolRunSummary = message.summary;
      const distributed: Decimal = summary.distributed;
      const peak = summary.series.poolPower.reduce((m, v) => Math.max(m, v), 0);
      console.log(distributed, peak, summary.totals.maxWait);
      break;
    }
    case 'error':
      console.log(message.code, message.field, message.problem?.kind, message.message);
      break;
    case 'owners':
      console.log(
        message.total,
        message.rows.map((row) => `${row.owner}: ${row.reward} (${(row.share * 100).toFixed(2)}%)`),
      );
      break;
    case 'file':
      console.log(message.name, message.blob.size);
      break;
    case 'cancelled':
      console.log(`run ${message.id} cancelled`);
      break;
    default: {
      const none: never = message;
      console.log(none);
    }
  }
};
