// The page's own modules in node, without a browser: exact arithmetic, days, CSV, share-link
// lists, pool scenarios and the mining model against figures worked out by hand; the pool worker
// (web/worker.js) in a worker thread.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Worker } from 'node:worker_threads';

import { load } from '../../web/lib/node.js';
import { compressDays, dayText, expandDays, parseDay } from '../../web/ui/dates.js';
import { formulaSafe, toCsv } from '../../web/ui/export.js';
import { formatDuration, percentText, shiftPoint } from '../../web/ui/format.js';
import { paybackDays, priceMining, projectAnswers, projectMining, seedPoolUnits } from '../../web/ui/mining.js';
import { ownerRows, poolCsv, rowsByRequest } from '../../web/ui/pool-files.js';
import { generateActivations, parseScenarioJson, poolParameters, requestAt } from '../../web/ui/pool-scenario.js';
import { rateChanges, rulesFrom } from '../../web/ui/rules.js';

const DAY = 86400;
const cbm = await load();

test('amounts: compared exactly by the core; a decimal point moved for percentages', () => {
  assert.equal(cbm.compareAmounts('10', '9.999999999999999999'), 1);
  assert.equal(cbm.compareAmounts('0.3', '0.30'), 0);
  assert.equal(cbm.compareAmounts('-1', '0'), -1);
  assert.throws(
    () => cbm.compareAmounts('1e', '0'),
    (e) => e.field === 'a',
  );
  assert.equal(percentText('0.125'), '12.5');
  assert.equal(percentText('1'), '100');
  assert.equal(percentText('0.000000000000000001'), '0.0000000000000001');
  assert.equal(shiftPoint('-0.5', 1), '-5');
  assert.equal(shiftPoint('12', 1), '120');
  // seed 003's yearly reward in USD, from the core
  assert.equal(cbm.apr({ blockReward: '0.00009804', tokenPrice: '0.17', units: 1000, unitPrice: '0.25' }).yearlyRewardUsd, '525.6042048');
});

test('a growth path: unchanged up to its start, then 12 significant digits of the model', () => {
  const day = 86400;
  const path = cbm.growthPath({ value: '0.17', monthlyPercent: 5, from: 1000, t: [0, 1000, 1000 + 31556952] });
  assert.deepEqual(path, ['0.17', '0.17', '0.305295575424']); // 0.17 x 1.05^12
  assert.deepEqual(cbm.growthPath({ value: '2', monthlyPercent: 0, from: 0, t: [day] }), ['2']);
  assert.throws(
    () => cbm.growthPath({ value: '1', monthlyPercent: -100, from: 0, t: [day] }),
    (e) => e.field === 'monthlyPercent',
  );
});

test('days: real calendar days only, runs compressed for links', () => {
  assert.equal(parseDay('2025-02-30'), null);
  assert.equal(parseDay('2024-02-29'), Date.UTC(2024, 1, 29) / 1000);
  assert.equal(dayText(Date.UTC(2026, 10, 21, 23, 59, 59) / 1000), '2026-11-21');
  const days = ['2026-10-03', '2026-10-01', '2026-10-02', '2026-10-05', '2026-10-02'];
  assert.equal(compressDays(days), '2026-10-01~2026-10-03,2026-10-05');
  assert.deepEqual(expandDays('2026-10-01~2026-10-03,2026-10-05').days, ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-05']);
  assert.deepEqual(expandDays('2026-10-01\n2026-13-01 nope').bad, ['2026-13-01', 'nope']);
  // A bound on the total: 28 long ranges in a short text stop at the limit, the earliest kept.
  const ranges = Array.from({ length: 28 }, (_, k) => `${2000 + 100 * k}-01-01~${2099 + 100 * k}-12-31`).join(',');
  const bounded = expandDays(ranges, 36600);
  assert.equal(bounded.over, true);
  assert.equal(bounded.days.length, 36600);
  assert.equal(bounded.days[0], '2000-01-01');
  // Days are Unix seconds from 1970 on: an earlier one is not a day here (nor in the core).
  assert.equal(parseDay('1969-12-31'), null);
  assert.deepEqual(expandDays('1969-12-31').bad, ['1969-12-31']);
  assert.equal(expandDays('2026-10-01~2026-10-03', 3).over, false);
  assert.equal(expandDays('2026-10-01~2026-10-04', 3).days.length, 3);
});

test('CSV: quoted where needed, formulas neutralised, numbers left alone', () => {
  const csv = toCsv(
    ['owner', 'reward'],
    [
      ['=HYPERLINK("x")', '-5'],
      ['a,b', '1.5'],
      ['@me', ''],
    ],
  );
  assert.equal(csv, 'owner,reward\r\n"\'=HYPERLINK(""x"")",-5\r\n"a,b",1.5\r\n\'@me,\r\n');
});

test('the queue: one activation a second, first in first out (SPEC 2)', () => {
  const queueWait = (ahead, activationsPerSecond) => cbm.queueWait({ ahead, activationsPerSecond });
  assert.deepEqual(queueWait('0'), { wait: 0, miningAfter: 1 });
  assert.deepEqual(queueWait('1000000'), { wait: 1000000, miningAfter: 1000001 });
  assert.equal(formatDuration(1000000, 'en'), '11 days 13 hr 46 min 40 sec');
  assert.throws(() => queueWait('-1'), /ahead: must be a whole number/);
  assert.deepEqual(queueWait('7', 3), { wait: 2, miningAfter: 3 }); // 7 ahead, 3 a second
  assert.throws(
    () => queueWait('1', 0),
    (e) => e.field === 'activationsPerSecond',
  );
  assert.deepEqual(cbm.limits(), {
    unitsPerActivation: 1e12,
    activations: 20000000,
    samples: 100000,
    trackedOwners: 16,
    seconds: 3153600000,
    requestedAt: 2 ** 53 - 1,
    activationsPerSecond: 1000000,
    queueAhead: 1e12,
    checkins: 36600,
  });
});

test("the pool preset is seed 003's: 1,000 x 8 / 0.00009804 = 81,599,347.2 units in all", () => {
  assert.equal(seedPoolUnits(cbm), 81598347);
});

/** 1,000 units bought on 2026-01-10 (today) in the seed's pool, at its prices: projectMining's
 * input but the rules. */
const seedHolder = {
  genesis: '2025-01-01',
  today: Date.UTC(2026, 0, 10) / 1000,
  purchases: [{ date: '2026-01-10', units: '1000' }],
  unitPrice: '0.25',
  tokenPrice: '0.17',
  period: 'month',
  poolUnits: '81598347',
  poolGrowth: '0',
};

test("my units in the seed's pool earn the seed's block reward, and its APR", () => {
  const today = Date.UTC(2026, 0, 10) / 1000;
  const sim = projectMining(cbm, { ...seedHolder, rules: rulesFrom({ schedule: 'whitepaper' }, cbm.presets()) });
  // The pool (requested first) is served at the start, my units a second later.
  assert.equal(sim.purchases[0].wait, 1);
  assert.equal(sim.purchases[0].miningStart, today + 2);
  const priced = priceMining(cbm, sim, { tokenPrice: '0.17', unitPrice: '0.25', scenario: 'flat' });
  // 8 x 1000 / 81,599,347 fresh units = 0.00009804000025 WFI/s. A day later both have aged
  // alike, mine one second less: a share larger by about 1 s / 8 years, 4e-9.
  assert.equal(priced.now.t, today + 86400);
  const ratio = Number(priced.now.blockReward) / (8000 / 81599347);
  assert.ok(ratio > 1 && ratio - 1 < 1e-8, priced.now.blockReward);
  assert.match(priced.now.apr.aprPercent, /^210\.2416/);
  assert.equal(priced.contributionUsd, '250');
  // Breakeven: the first day the mined WFI is worth $250 at $0.17 (1,470.59 WFI).
  const i = sim.series.t.indexOf(priced.paths[0].breakeven + 1);
  assert.ok(Number(sim.series.reward[i]) * 0.17 >= 250 && Number(sim.series.reward[i - 1]) * 0.17 < 250);
  // The first halving, 730 days after genesis, halves the block reward.
  const halving = Date.UTC(2027, 0, 1) / 1000;
  const k = sim.series.t.indexOf(halving);
  assert.ok(Math.abs(Number(sim.series.rate[k + 1]) / Number(sim.series.rate[k - 1]) - 0.5) < 0.01);
  assert.deepEqual(
    rateChanges(cbm, cbm.presets().whitepaper.rules, Infinity).map((m) => m.t),
    [63072000, 126144000, 189216000, 252288000],
  );
  // The default is the contract's: halvings 665.18 days apart, the end 6 s after the fourth.
  assert.deepEqual(
    rateChanges(cbm, {}, Infinity).map((m) => m.t),
    [57471264, 114942528, 172413792, 229885062],
  );
  assert.deepEqual(rulesFrom({}, cbm.presets()).schedule, cbm.defaults().pool.schedule);
  // One run behind the first screen and the charts: the series ends at what the periods add up
  // to, and its samples at the periods' bounds are their cumulative sums.
  assert.equal(sim.series.reward.at(-1), sim.earnings.total.wfi);
  assert.equal(sim.purchases[0].reward, sim.earnings.total.wfi);
  // The decision tools and "How?" ask the core about the same holder.
  assert.deepEqual(cbm.projectEarnings(sim.earningsInput).periods, sim.earnings.periods);
  for (const p of sim.earnings.periods.slice(0, 24)) {
    const k = sim.series.poolSeconds.indexOf(p.end);
    assert.equal(sim.series.reward[k], p.cumulativeWfi, p.endDate);
  }
});

test('referral lines: mined beside the holder, paid weekly once the purchases unlock them', () => {
  const today = Date.UTC(2026, 0, 10) / 1000;
  const input = {
    genesis: '2025-01-01',
    today,
    purchases: [{ date: '2026-01-10', units: '1200' }],
    unitPrice: '0.25',
    tokenPrice: '0.17',
    period: 'month',
    poolUnits: '1000000',
    poolGrowth: '0',
    referrals: [
      { units: '5000', growth: '10' },
      { units: '20000', growth: '0' },
      { units: '0', growth: '0' },
    ],
    rules: rulesFrom({}, cbm.presets()),
  };
  const sim = projectMining(cbm, input);
  assert.equal(sim.lines.length, 3);
  assert.equal(sim.lines[0].mined.length, sim.series.t.length);
  // $300 of purchases: line 1 ($250) pays, line 2 ($500) does not.
  const priced = priceMining(cbm, sim, { tokenPrice: '0.17', unitPrice: '0.25', scenario: 'flat' });
  const { referral } = priced;
  assert.equal(referral.lines[0].unlockedAt, sim.purchases[0].activatedAt - sim.genesis);
  assert.equal(referral.lines[1].unlockedAt, null);
  assert.ok(referral.payouts.length > 300 && referral.payouts.every((p) => p.lines[1] === '0' && p.lines[2] === '0'));
  assert.ok(Number(referral.total) > 0);
  assert.ok(Number(referral.now.aprPercent) > Number(priced.now.apr.aprPercent));
  // At $0.50 a unit the same purchase unlocks line 2 too, and pays more.
  const dearer = priceMining(cbm, projectMining(cbm, { ...input, unitPrice: '0.5' }), {
    tokenPrice: '0.17',
    unitPrice: '0.5',
    scenario: 'flat',
  });
  assert.ok(Number(dearer.referral.total) > Number(referral.total));
  assert.equal(dearer.referral.lines[1].unlockedAt, referral.lines[0].unlockedAt);
  // No lines: no referral figures, and nothing tracked.
  const alone = projectMining(cbm, { ...input, referrals: [] });
  assert.deepEqual(alone.lines, []);
  assert.equal(priceMining(cbm, alone, { tokenPrice: '0.17', unitPrice: '0.25', scenario: 'flat' }).referral, null);
  assert.throws(
    () => projectMining(cbm, { ...input, referrals: [{ units: '-1', growth: '0' }] }),
    (e) => e.field === 'ref1Units',
  );
  // The first frame's figures (projectAnswers, without the run by day) are the run's.
  const { series, referral: income, ...figures } = sim.earnings;
  assert.deepEqual(projectAnswers(cbm, input), { ...figures, series: null, referral: null });
  assert.throws(
    () => projectAnswers(cbm, { ...input, referrals: [{ units: '-1', growth: '0' }] }),
    (e) => e.field === 'ref1Units',
  );
});

test('errors name the field the page shows them at', () => {
  const base = {
    genesis: '2025-01-01',
    today: Date.UTC(2026, 0, 10) / 1000,
    unitPrice: '0.25',
    tokenPrice: '0.17',
    period: 'month',
    poolUnits: '100',
    poolGrowth: '0',
    rules: {},
  };
  assert.throws(
    () => projectMining(cbm, { ...base, purchases: [{ date: '2024-12-31', units: '1' }] }),
    (e) => e.field === 'purchases[0].date' && /before the genesis/.test(e.message),
  );
  assert.throws(
    () => projectMining(cbm, { ...base, purchases: [{ date: '2026-01-10', units: '1.5' }] }),
    (e) => e.field === 'purchases[0].units',
  );
  assert.throws(
    () => projectMining(cbm, { ...base, poolGrowth: '1', purchases: [{ date: '2025-01-02', units: '1' }] }),
    (e) => e.field === 'poolGrowth',
  );
  const bought = [{ date: '2026-01-10', units: '1' }];
  assert.throws(
    () => projectMining(cbm, { ...base, purchases: bought, unitPrice: '-0.25' }),
    (e) => e.field === 'unitPrice',
  );
  assert.throws(
    () => projectMining(cbm, { ...base, purchases: bought, tokenPrice: '' }),
    (e) => e.field === 'tokenPrice' && /required/.test(e.message),
  );
  const presets = cbm.presets();
  assert.throws(
    () => rulesFrom({ amortization: 'linear', lifetime: '' }, presets),
    (e) => e.field === 'lifetime',
  );
  assert.equal(rulesFrom({ amortization: 'none', lifetime: '' }, presets).lifetime, null);
  assert.throws(
    () => rulesFrom({ schedule: 'halving' }, presets),
    (e) => e.field === 'schedule',
  );
});

test('a described pool is the same for the same seed; a pasted one is checked for its shape', () => {
  const p = poolParameters(
    {
      count: '1000',
      owners: '10',
      unitsMin: '1',
      unitsMax: '5',
      spreadDays: '10',
      burstShare: '50',
      bursts: '2',
      seed: '7',
    },
    cbm.limits(),
  );
  const a = generateActivations(p);
  assert.deepEqual(generateActivations(p), a);
  assert.equal(a.id.length, 1000);
  const rows = Array.from(a.id, (_, i) => requestAt(a, i));
  assert.ok(rows.every((r) => r.units >= 1 && r.units <= 5 && r.requestedAt >= 0 && r.requestedAt < 10 * 86400));
  assert.ok(new Set(rows.map((r) => r.requestedAt)).size < 600, 'half of them share two burst seconds');
  assert.throws(
    () =>
      poolParameters(
        {
          ...p,
          count: '1000',
          unitsMin: '9',
          unitsMax: '5',
          burstShare: '0',
          spreadDays: '1',
          owners: '1',
          bursts: '0',
          seed: '1',
        },
        cbm.limits(),
      ),
    (e) => e.field === 'unitsMax',
  );
  assert.deepEqual(parseScenarioJson('[{"id":"a","units":1,"requestedAt":0}]').activations.length, 1);
  assert.throws(() => parseScenarioJson('{"activations": [], "horizn": 5}'), /does not know: "horizn"/);
  assert.throws(
    () => parseScenarioJson('{'),
    (e) => e.field === 'json',
  );
});

test('index.html preloads every module of the static import graph of the page (a late one delays the first result)', async () => {
  const { readFile } = await import('node:fs/promises');
  const web = new URL('../../web/', import.meta.url);
  const html = await readFile(new URL('index.html', web), 'utf8');
  const preloaded = new Set([...html.matchAll(/<link rel="modulepreload" href="([^"]+)"/g)].map((m) => new URL(m[1], web).href));
  const seen = new Set();
  const visit = async (url) => {
    if (seen.has(url)) return;
    seen.add(url);
    const source = await readFile(new URL(url), 'utf8');
    // Static imports only: `import ... from '...'` at a line's start (dynamic import() loads later, on purpose).
    for (const [, path] of source.matchAll(/^import [^;]*?from '([^']+)';/gms)) await visit(new URL(path, url).href);
  };
  await visit(new URL('app.js', web).href);
  seen.delete(new URL('app.js', web).href);
  const missing = [...seen].filter((url) => !preloaded.has(url)).map((url) => url.slice(web.href.length));
  assert.deepEqual(missing, []);
  assert.ok(seen.size > 15, `${seen.size} modules`);
});

test('index.html holds no section built later: each placeholder has its markup in sections/, with its own ids', async () => {
  const { readdir, readFile } = await import('node:fs/promises');
  const web = new URL('../../web/', import.meta.url);
  const html = await readFile(new URL('index.html', web), 'utf8');
  assert.doesNotMatch(html, /<template/); // parsed into DOM nodes at load, for nothing
  const lazy = [...html.matchAll(/data-lazy="([a-z]+)"/g)].map((m) => m[1]).sort();
  assert.deepEqual(lazy, ['points', 'pool', 'supply', 'tools']);
  assert.deepEqual(
    (await readdir(new URL('sections/', web))).sort(),
    lazy.map((id) => `${id}.html`),
  );
  const idsOf = (markup) => [...markup.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
  const all = idsOf(html);
  for (const id of lazy) all.push(...idsOf(await readFile(new URL(`sections/${id}.html`, web), 'utf8')));
  assert.deepEqual(
    all.filter((id, k) => all.indexOf(id) !== k),
    [],
    'an id given twice across the page and its sections',
  );
});

test('a pasted scenario keeps ids and owners past 2^53 apart: two owners, two accepted ids', () => {
  const text =
    '{"horizon": 1000, "activations": [' +
    '{"id": 98765432109876543211, "owner": 12345678901234567891, "units": 1000, "requestedAt": 0},' +
    '{"id": 98765432109876543212, "owner": 12345678901234567892, "units": 3000, "requestedAt": 0}]}';
  const scenario = parseScenarioJson(text);
  const result = cbm.simulatePool(scenario);
  assert.equal(result.rejected.length, 0);
  assert.deepEqual(
    result.activations.map((a) => a.id),
    ['98765432109876543211', '98765432109876543212'],
  );
  const owners = ownerRows(result).map((o) => [o.owner, o.units]);
  assert.deepEqual(owners, [
    ['12345678901234567891', '1000'],
    ['12345678901234567892', '3000'],
  ]);
  // A number field past 2^53 reaches the core as written, and is rejected naming it.
  const units = cbm.simulatePool({
    horizon: 10,
    activations: parseScenarioJson('[{"id": "a", "units": 9007199254740993, "requestedAt": 0}]').activations,
  });
  assert.match(units.rejected[0].reason, /units: .*got "9007199254740993"/);
});

test('the pool CSV: a formula after spaces of any kind, a no-break space, a tab or CR is not run', () => {
  for (const [given, cell] of [
    [' =1+1', "' =1+1"],
    ['\u00a0=1+1', "'\u00a0=1+1"],
    ['\u3000@SUM(A1)', "'\u3000@SUM(A1)"],
    ['\u200B+1', "'\u200B+1"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
    ['\tplain', "'\tplain"],
    ['＝1+1', "'＝1+1"],
    [' -5', "' -5"],
    ['-5', '-5'], // a number is left alone
    [-5, -5],
    ['a = b', 'a = b'],
  ])
    assert.equal(formulaSafe(given), cell, JSON.stringify(given));
  const input = {
    horizon: 100,
    activations: [
      { id: ' =HYPERLINK("x")', owner: '\u00a0=cmd', units: 1, requestedAt: 0 },
      { id: 'b', owner: '  @me', units: ' +1', requestedAt: 0 },
    ],
  };
  const result = cbm.simulatePool(input);
  const lines = [...poolCsv({ input, result, rowOfRequest: rowsByRequest(input, result) })].join('').split('\r\n');
  assert.match(lines[1], /^"' =HYPERLINK\(""x""\)",'\u00a0=cmd,1,0,0,1,0,792,$/);
  assert.match(lines[2], /^b,'  @me,' \+1,0,,,,,"activations\[1\]\.units: /);
});

/** web/worker.js in a worker thread, as a page runs it: `self` is the thread's global, messages
 * come and go through its port, and fetch() reads the files beside it as their host serves them
 * (node's reads no file: URL). Returns { send(message): the next answer that is not progress,
 * close() }. */
async function poolWorker() {
  const shim = `
    const { parentPort } = require('node:worker_threads');
    globalThis.self = globalThis;
    globalThis.postMessage = (message, transfer) => parentPort.postMessage(message, transfer);
    const { readFile } = require('node:fs/promises');
    const served = { headers: { 'Content-Type': 'application/wasm' } };
    globalThis.fetch = async (url) => new Response(await readFile(new URL(url)), served);
    import(${JSON.stringify(new URL('../../web/worker.js', import.meta.url).href)}).then(() => {
      parentPort.on('message', (data) => self.onmessage({ data }));
      parentPort.postMessage({ type: 'ready' });
    });`;
  const worker = new Worker(shim, { eval: true });
  const waiting = [];
  worker.on('message', (m) => m.type !== 'progress' && waiting.shift()?.resolve(m));
  // An exception inside the worker is a failure, not a silence.
  worker.on('error', (e) => waiting.shift()?.reject(e));
  const next = (ms) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms);
      waiting.push({ resolve: (m) => (clearTimeout(timer), resolve(m)), reject: (e) => (clearTimeout(timer), reject(e)) });
    });
  await next(30000);
  return {
    send(message, ms = 10000) {
      const answer = next(ms);
      worker.postMessage(message);
      return answer;
    },
    close: () => worker.terminate(),
  };
}

const described = { count: 1000, owners: 10, unitsMin: 1, unitsMax: 5, spreadDays: 10, burstShare: 10, bursts: 5, seed: 1 };

test('the pool worker answers a message it does not take with an error, quickly, and stays ready', async () => {
  const worker = await poolWorker();
  try {
    const refused = [
      [null, null, 'message', /^message: must be an object/],
      [[1, 2], null, 'message', /^message: must be an object/],
      [{ type: '__proto__', id: 1 }, 1, 'type', /^type: must be one of run, cancel, owners, export, got "__proto__"$/],
      [{ type: 'constructor', id: 'a' }, 'a', 'type', /got "constructor"/],
      [{ type: 'run' }, null, 'id', /^id: must be a number or a string/],
      [
        { type: 'run', id: 2, source: 'generate', params: { ...described, count: 1e9 } },
        2,
        'count',
        /^count: must be a whole number from 1 to 1,000,000, got "1000000000"$/,
      ],
      [{ type: 'run', id: 3, source: 'generate', params: { ...described, count: 2e7 }, horizon: 86400 }, 3, 'count', /1,000,000/],
      [
        { type: 'run', id: 4, source: 'generate', params: { ...described, bursts: 3e8 }, horizon: 86400 },
        4,
        'bursts',
        /^bursts: must be a whole number from 0 to 10,000/,
      ],
      [
        { type: 'run', id: 5, source: 'generate', params: described, horizon: 1e12 },
        5,
        'horizon',
        /^horizon: must be a whole number of seconds/,
      ],
      [{ type: 'run', id: 6, source: 'generate', params: null, horizon: 100 }, 6, 'params', /^params: must be an object/],
      [{ type: 'run', id: 7, source: 'telepathy' }, 7, 'source', /^source: must be one of generate, json, file/],
      [{ type: 'run', id: 8, source: 'json', json: 42 }, 8, 'json', /^json: must be the scenario's JSON text/],
      [{ type: 'run', id: 9, source: 'file', file: 'pool.json' }, 9, 'file', /^file: must be a File or a Blob/],
      [{ type: 'owners', id: 1, sort: '__proto__' }, 1, 'sort', /^sort: must be one of owner, activations, units, reward, share/],
      [{ type: 'owners', id: 1, limit: 1e9 }, 1, 'limit', /^limit: must be a whole number from 1 to 1000/],
      [{ type: 'owners', id: 1, offset: -1 }, 1, 'offset', /^offset: /],
      [{ type: 'export', id: 1, format: 'xml' }, 1, 'format', /^format: must be "csv" or "json"/],
    ];
    for (const [message, id, field, text] of refused) {
      const answer = await worker.send(message);
      assert.equal(answer.type, 'error', JSON.stringify(message));
      assert.deepEqual([answer.id, answer.field, answer.code], [id, field, 'INVALID_INPUT'], JSON.stringify(message));
      assert.match(answer.message, text);
    }
    const done = await worker.send({ type: 'run', id: 10, source: 'generate', params: described, horizon: 86400 }, 60000);
    assert.equal(done.type, 'done');
    assert.equal(done.summary.accepted, 1000);
  } finally {
    await worker.close();
  }
});

test('the pool worker reads a file as the command line does: UTF-16 read, Latin-1 refused, long numbers exact, lookalikes marked', async () => {
  const worker = await poolWorker();
  try {
    const latin1 = new Blob([Buffer.from('[{"id": "a", "owner": "Jos\xe9", "units": 1, "requestedAt": 0}]', 'latin1')]);
    const refused = await worker.send({ type: 'run', id: 1, source: 'file', file: latin1, horizon: 100 });
    assert.deepEqual([refused.type, refused.field], ['error', 'json']);
    assert.match(refused.message, /: is not UTF-8 text \(byte 0xE9 at offset 26\); save it as UTF-8$/);

    const scenario =
      '{"horizon": 100, "activations": [' +
      '{"id": 1, "owner": 12345678901234567891, "units": 1000, "requestedAt": 0},' +
      '{"id": 2, "owner": 12345678901234567892, "units": 3000, "requestedAt": 0},' +
      '{"id": 3, "owner": "Jos\u00e9", "units": 1, "requestedAt": 0},' +
      '{"id": 4, "owner": "Jose\u0301", "units": 1, "requestedAt": 0},' +
      '{"id": 5, "owner": "\\u202Eevil\\u001b[31m", "units": 1, "requestedAt": 0}]}';
    const powershell = new Blob([Buffer.from(`\uFEFF${scenario}`, 'utf16le')]); // PowerShell's "> pool.json"
    const done = await worker.send({ type: 'run', id: 2, source: 'file', file: powershell, horizon: 100 }, 60000);
    assert.equal(done.type, 'done', done.message);
    assert.equal(done.summary.owners, 5);
    const page = await worker.send({ type: 'owners', id: 2, limit: 5 });
    const rows = new Map(page.rows.map((r) => [r.owner, [r.label, r.lookalike, r.units]]));
    assert.deepEqual(
      [...rows.keys()].sort(),
      ['12345678901234567891', '12345678901234567892', 'Jose\u0301', 'Jos\u00e9', '\u202Eevil\u001b[31m'].sort(),
    );
    assert.deepEqual(rows.get('12345678901234567891'), ['12345678901234567891', false, '1000']);
    assert.deepEqual(rows.get('12345678901234567892'), ['12345678901234567892', false, '3000']);
    assert.deepEqual(rows.get('Jos\u00e9'), ['Jos\u00e9', true, '1']);
    assert.deepEqual(rows.get('Jose\u0301'), ['Jose\u0301', true, '1']);
    assert.deepEqual(rows.get('\u202Eevil\u001b[31m'), ['\\u{202E}evil\\u{1B}[31m', false, '1']);
  } finally {
    await worker.close();
  }
});

test('paybackDays: the days from the last purchase to the breakeven, both counted, as the exact breakeven says', () => {
  const day = (text) => Date.parse(text) / 1000;
  const bought = [{ at: day('2026-01-10') }];
  assert.equal(paybackDays(day('2026-01-10') + DAY - 1, bought), 1); // paid back on the day of purchase
  assert.equal(paybackDays(day('2026-02-07') + DAY - 1, bought), 29);
  assert.equal(paybackDays(day('2026-02-07') + DAY - 1, [...bought, { at: day('2026-01-20') }]), 19); // from the last
  assert.equal(paybackDays(null, bought), null);
  // The page's breakeven (a price path's, by day) against the core's exact second.
  const sim = projectMining(cbm, { ...seedHolder, rules: {} });
  const { breakeven } = priceMining(cbm, sim, { tokenPrice: '0.17', unitPrice: '0.25', scenario: 'flat' }).paths[0];
  const exact = cbm.projectEarnings(sim.earningsInput).breakevenAt + sim.genesis; // its second, Unix
  assert.equal(paybackDays(breakeven, sim.purchases), Math.floor(exact / DAY) - day('2026-01-10') / DAY + 1);
});
