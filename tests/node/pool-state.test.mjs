// The pool section's state module (web/ui/pool-state.js) without a browser: the worker's run
// request from the form, its messages in words, the results' figures and chart, the owners
// table's order and pages.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { CbmError, load } from '../../web/lib/node.js';
import { MAX_FILE_BYTES } from '../../web/ui/pool-limits.js';
import * as scenario from '../../web/ui/pool-scenario.js';
import { PAGE, fileView, ownersView, poolChart, progressView, runRequest, sortedBy, summaryView } from '../../web/ui/pool-state.js';
import { rulesFrom } from '../../web/ui/rules.js';

const cbm = await load();
const everyRow = (n) => Array.from({ length: n }, (_, i) => i); // the chart's table sampled at every row
const DAY = 86400;
const presets = cbm.presets();
const limits = cbm.limits();
const described = {
  source: 'generate',
  count: '1000',
  owners: '10',
  unitsMin: '1',
  unitsMax: '5',
  spreadDays: '10',
  burstShare: '50',
  bursts: '2',
  seed: '7',
  horizonYears: '2',
  schedule: 'contract',
  amortization: 'linear',
  lifetime: '8',
};

test("the run's request: a described pool, the pasted text or a chosen file; a bad field named", () => {
  const generated = runRequest(described, { presets, limits, file: null, json: '[]', scenario });
  assert.equal(generated.source, 'generate');
  assert.equal(generated.params.count, 1000);
  assert.equal(generated.horizon, 2 * 365 * DAY); // SPEC 0: a year is 365 days
  assert.deepEqual(generated.rules, rulesFrom(described, presets));
  const pasted = runRequest({ ...described, source: 'json' }, { presets, limits, file: null, json: ' [1] ', scenario });
  assert.deepEqual([pasted.source, pasted.json], ['json', ' [1] ']);
  const file = { name: 'pool.json', size: 10 };
  assert.equal(runRequest({ ...described, source: 'json' }, { presets, limits, file, json: '', scenario }).file, file);
  assert.throws(
    () => runRequest({ ...described, horizonYears: '0' }, { presets, limits, file: null, json: '', scenario }),
    (e) => e instanceof CbmError && e.field === 'horizonYears',
  );
  assert.throws(
    () => runRequest({ ...described, unitsMax: '0' }, { presets, limits, file: null, json: '', scenario }),
    (e) => e instanceof CbmError && e.field === 'unitsMax',
  );
});

test("the worker's progress and a chosen file, in words", () => {
  assert.deepEqual(progressView({ phase: 'read', fraction: 0.257 }), { value: 0.257, text: 'Reading the file… 25%' });
  assert.deepEqual(progressView({ phase: 'prepare', fraction: 0 }), { value: null, text: 'Preparing the requests…' });
  assert.deepEqual(progressView({ phase: 'run', fraction: 0.999 }), { value: 0.999, text: 'Simulating… 99%' });
  assert.deepEqual(fileView({ name: 'a.json', size: 1500 }), {
    ok: true,
    text: "a.json (2 KB) is ready: press Run simulation. It is read when the run starts, off this page's thread.",
  });
  const big = fileView({ name: 'b.json', size: MAX_FILE_BYTES + 1 });
  assert.equal(big.ok, false);
  assert.match(big.text, /^b\.json is 257 MB; a file of requests may have at most 256 MB/);
});

test("a run's results: totals, counts, waits, the rejected; the chart's rate changes marked", () => {
  const rules = rulesFrom(described, presets);
  const horizon = 2 * 365 * DAY;
  const summary = {
    accepted: 999,
    requests: 1000,
    rejected: 1,
    rejectedSample: [{ id: '42', reason: 'units: must be at most 5' }],
    emitted: '1',
    distributed: '0.9',
    unallocated: '0.1',
    dust: '0.000000000000000001',
    maxWait: 3661,
    meanWait: 1.4,
    elapsedMs: 1234.5,
    horizon,
    rules,
    series: { t: [0, DAY, 700 * DAY], poolPower: [0, 3000, 2500.5], activeUnits: [0, 3000, 3000], rate: [8, 8, 4] },
  };
  const view = summaryView(summary);
  assert.match(view.done, /^Done: 999 activations over .+ simulated in 1,235 ms\.$/);
  assert.deepEqual(view.texts.accepted, ['999 of 1,000', 999]);
  assert.equal(view.texts.maxWait[1], 3661);
  assert.deepEqual(view.rejected, ['42: units: must be at most 5']);
  assert.equal(view.figures.dust, '0.000000000000000001');
  const chart = poolChart(cbm, summary, everyRow);
  assert.deepEqual(Array.from(chart.columns[0]), [0, 1, 700]); // days after genesis
  // The contract's first halving, 665 days and a fraction in: the one change in two years.
  assert.equal(chart.marks.length, 1);
  assert.ok(chart.marks[0].t > 665 && chart.marks[0].t < 666, String(chart.marks[0].t));
  assert.match(
    chart.summary,
    /^Chart over 730 days: pool power rises to a peak of 3,000 units; the emission rate steps from 8 WFI\/s with 1 rate changes\.$/,
  );
  assert.deepEqual(chart.table.rows.at(-1), ['700', '2,500.5', '3,000', '4']);
});

test('the owners table: a click on a column sorts it, again reverses it; pages of 20', () => {
  const start = { sort: 'reward', descending: true, offset: 40 };
  assert.deepEqual(sortedBy(start, 'reward'), { sort: 'reward', descending: false, offset: 0 });
  assert.deepEqual(sortedBy(start, 'units'), { sort: 'units', descending: true, offset: 0 });
  assert.deepEqual(sortedBy(start, 'owner'), { sort: 'owner', descending: false, offset: 0 });
  const row = { label: 'alice\\u200b', lookalike: true, activations: 3, units: 1200, reward: '12.5', share: '0.25' };
  const page = ownersView({ rows: [row], total: 41, offset: 40 });
  assert.equal(PAGE, 20);
  assert.equal(page.text, 'Page 3 of 3 (41 owners)');
  assert.deepEqual([page.first, page.last], [false, true]);
  assert.deepEqual(page.rows[0].cells.slice(0, 2), ['3', '1,200']);
  assert.equal(page.rows[0].exact, '12.5 WFI');
  assert.equal(page.rows[0].label, 'alice\\u200b');
  const empty = ownersView({ rows: [], total: 0, offset: 0 });
  assert.deepEqual([empty.text, empty.first, empty.last], ['Page 1 of 1 (0 owners)', true, true]);
});
