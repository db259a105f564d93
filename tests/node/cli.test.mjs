// The command line (web/bin/cbmcalc.js): its figures are the API's, bad input exits with 2 and a
// message naming the option (or the file and its field), and a pool file can come on stdin.
// The README's examples with their exact output run from the installed tarball
// (tests/package); here, the paths around them.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { load } from '../../web/lib/node.js';

const bin = fileURLToPath(new URL('../../web/bin/cbmcalc.js', import.meta.url));
const folder = mkdtempSync(join(tmpdir(), 'cbmcalc-cli-'));

function cbmcalc(args, input = undefined) {
  const out = spawnSync(process.execPath, [bin, ...args], { cwd: folder, input, encoding: 'utf8' });
  return { status: out.status, stdout: out.stdout, stderr: out.stderr };
}

const seed003 = ['--block-reward', '0.00009804', '--token-price', '0.17', '--units', '1000', '--unit-price', '0.25'];

test('apr: the figures of seed 003, as text and as JSON', () => {
  const text = cbmcalc(['apr', ...seed003]);
  assert.equal(text.status, 0);
  assert.match(text.stdout, /^APR {19}210\.24168192 %$/m);
  const json = cbmcalc(['apr', ...seed003, '--json']);
  assert.deepEqual(JSON.parse(json.stdout), {
    aprPercent: '210.24168192',
    yearlyReward: '3091.78944',
    yearlyRewardUsd: '525.6042048',
    contributionUsd: '250',
    netGainPercent: '110.24168192',
    netGainUsd: '275.6042048',
  });
  const referrals = cbmcalc(['apr', ...seed003, '--referral-reward', '0.00009804', '--json']);
  assert.equal(JSON.parse(referrals.stdout).withReferralsPercent, '420.48336384');
});

test("earnings: projectEarnings' figures for the options given, and the page's assumptions where none are", async () => {
  const cbm = await load();
  const holder = ['--units', '1000', '--unit-price', '0.25', '--token-price', '0.17', '--now', '2026-12-01', '--bought', '2026-11-20'];
  const expected = (pool, period = 'month', genesis = '2024-11-07') =>
    cbm.projectEarnings({
      genesis, // by default the page's assumption (web/ui/assumptions.js)
      now: '2026-12-01',
      purchases: [{ at: '2026-11-20', units: '1000', unitPrice: '0.25' }],
      pool,
      tokenPrice: '0.17',
      period,
    });
  // Said nothing of the pool: seed 003's (81,598,347 units besides these 1,000), growing 2% a month.
  const assumed = cbmcalc(['earnings', ...holder, '--json']);
  assert.equal(assumed.status, 0);
  assert.deepEqual(JSON.parse(assumed.stdout), expected({ units: '81598347', growthPercentPerMonth: '2' }));
  const daily = cbmcalc(['earnings', ...holder, '--pool-units', '5000000', '--pool-growth', '20000', '--period', 'week', '--json']);
  assert.deepEqual(JSON.parse(daily.stdout), expected({ units: '5000000', growthPerDay: '20000' }, 'week'));

  const text = cbmcalc(['earnings', ...holder, '--genesis', '2025-01-01']).stdout;
  const figures = expected({ units: '81598347', growthPercentPerMonth: '2' }, 'month', '2025-01-01');
  assert.match(text, new RegExp(`^A day now {12}${figures.now.wfiPerDay} WFI \\(${figures.now.usdPerDay} USD\\)$`, 'm'));
  assert.match(text, /^Assumed {14}genesis 2025-01-01; everyone else's 81598347 units, growing 2 % a month$/m);
  assert.equal(text.split('\n').filter((line) => /^\d{4}-\d{2}-\d{2} {2}\d{4}-\d{2}-\d{2} /.test(line)).length, figures.periods.length);

  for (const [args, message] of [
    [['--genesis', '2027-01-01'], /^cbmcalc earnings: --now: is before the genesis date 2027-01-01/m],
    [['--pool-growth', '5', '--pool-growth-percent', '1'], /^cbmcalc earnings: give --pool-growth or --pool-growth-percent, not both$/m],
    [['--period', 'fortnight'], /^cbmcalc earnings: --period: must be "day", "week", "month" or "year"/m],
  ]) {
    const out = cbmcalc(['earnings', ...holder, ...args]);
    assert.equal(out.status, 2, args.join(' '));
    assert.match(out.stderr, message);
  }
  const noPrice = cbmcalc(['earnings', '--units', '1000', '--unit-price', '0.25']);
  assert.match(noPrice.stderr, /^cbmcalc earnings: --token-price: is required$/m);
});

test('earnings: several purchases, each at its own price or at --unit-price', async () => {
  const cbm = await load();
  const args = ['earnings', '--purchase', '2026-11-20:1000:0.25', '--purchase', '2026-12-01:500', '--unit-price', '0.3'];
  const out = cbmcalc([...args, '--token-price', '0.17', '--now', '2026-12-01', '--json']);
  assert.equal(out.status, 0, out.stderr);
  const expected = cbm.projectEarnings({
    genesis: '2024-11-07',
    now: '2026-12-01',
    purchases: [
      { at: '2026-11-20', units: '1000', unitPrice: '0.25' },
      { at: '2026-12-01', units: '500', unitPrice: '0.3' },
    ],
    pool: { units: '81598347', growthPercentPerMonth: '2' },
    tokenPrice: '0.17',
    period: 'month',
  });
  assert.deepEqual(JSON.parse(out.stdout), expected);
  assert.equal(expected.paidUsd, '400'); // 1,000 x 0.25 + 500 x 0.30
  for (const [more, message] of [
    [['--purchase', '2026-11-20'], /^cbmcalc earnings: --purchase "2026-11-20": write DAY:UNITS or DAY:UNITS:UNIT_PRICE$/m],
    [['--purchase', '2026-11-20:1000'], /^cbmcalc earnings: --purchase 2026-11-20:1000: its unit price \(or --unit-price\) is required$/m],
    [['--purchase', '2026-11-20:1.5:1'], /^cbmcalc earnings: --purchase 2026-11-20:1\.5:1: its units must be a whole number/m],
    [['--purchase', '2026-11-20:5:1', '--units', '5'], /^cbmcalc earnings: give --purchase, or --units and --bought, not both$/m],
  ]) {
    const bad = cbmcalc(['earnings', ...more, '--token-price', '0.17']);
    assert.equal(bad.status, 2, more.join(' '));
    assert.match(bad.stderr, message);
    assert.equal(bad.stdout, '');
  }
});

test('emission: a preset or a file of rules instead of the contract', () => {
  const whitepaper = JSON.parse(cbmcalc(['emission', '--to', '63072000', '--preset', 'whitepaper', '--json']).stdout);
  assert.equal(whitepaper.emitted, '504576000'); // 8 WFI a second for two years of 365 days
  writeFileSync(join(folder, 'rules.json'), JSON.stringify({ schedule: [{ rate: 2, duration: 100 }] }));
  const own = JSON.parse(cbmcalc(['emission', '--rules', 'rules.json', '--json']).stdout);
  assert.equal(own.total, '200');
  assert.equal(own.endsAt, 100);
  const both = cbmcalc(['emission', '--rules', 'rules.json', '--preset', 'contract']);
  assert.equal(both.status, 2);
  assert.match(both.stderr, /^cbmcalc emission: give --preset or --rules, not both$/m);
  writeFileSync(join(folder, 'bad-rules.json'), JSON.stringify({ schedule: [{ rate: -1, duration: 100 }] }));
  const bad = cbmcalc(['emission', '--rules', 'bad-rules.json']);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /^cbmcalc emission: bad-rules\.json: rules\.schedule\[0\]\.rate: /m);
  const unknown = cbmcalc(['emission', '--preset', 'moon']);
  assert.equal(unknown.status, 2);
  assert.match(unknown.stderr, /--preset: must be one of contract, whitepaper, stages729, got "moon"/);
});

test('points: from a weight, or from the parts that make it', () => {
  assert.equal(cbmcalc(['points', '--elapsed', '7200', '--weight', '1']).stdout, 'Points  51.324774404002834994\n');
  const parts = JSON.parse(
    cbmcalc(['points', '--elapsed', '7200', '--streak-days', '5', '--total-points', '1000', '--invites', '2', '--json']).stdout,
  );
  assert.equal(parts.weight.weight, '0.4');
  assert.equal(parts.points, '20.529909761601133997'); // 0.4 of two hours at weight 1, to the wei
  const both = cbmcalc(['points', '--elapsed', '7200', '--weight', '1', '--invites', '2']);
  assert.equal(both.status, 2);
});

test('bad input exits with 2 and names the option; the output stays empty', () => {
  const cases = [
    [['apr', ...seed003.slice(0, 4), '--unit-price', '0.25'], /^cbmcalc apr: --units: is required$/m],
    [['apr', ...seed003.slice(0, 4), '--units', '-5', '--unit-price', '0.25'], /^cbmcalc apr: --units: must be greater than 0, got "-5"$/m],
    [['apr', ...seed003, '--unitprice', '1'], /^cbmcalc apr: Unknown option '--unitprice'/m],
    [['emission', '--from', 'soon'], /^cbmcalc emission: --from: /m],
    [['points', '--elapsed', '7200'], /^cbmcalc points: --weight: is required$/m],
    [['mine'], /^cbmcalc: "mine" is not a command \(apr, earnings, emission, points, simulate\)$/m],
    [['simulate'], /^cbmcalc simulate: needs a file/m],
    [['simulate', 'missing.json'], /^cbmcalc simulate: missing.json: cannot be read \(no such file\)$/m],
  ];
  for (const [args, message] of cases) {
    const out = cbmcalc(args);
    assert.equal(out.status, 2, args.join(' '));
    assert.match(out.stderr, message);
    assert.match(out.stderr, /--help shows the options\)\n$/);
    assert.equal(out.stdout, '');
  }
});

test('simulate: a pool on stdin; errors name the file and its field', () => {
  const pool = { horizon: 1000, activations: [{ id: 'a', units: 10, requestedAt: 0 }] };
  const run = JSON.parse(cbmcalc(['simulate', '-', '--json'], JSON.stringify(pool)).stdout);
  assert.equal(run.distributed, '7992'); // 8 WFI a second from second 1 to 999
  assert.equal(run.activations[0].reward, '7992');
  const horizon = JSON.parse(cbmcalc(['simulate', '-', '--horizon', '500', '--json'], JSON.stringify(pool)).stdout);
  assert.equal(horizon.emitted, '4000');
  assert.equal(horizon.horizon, 500); // a number, as in the page's file

  writeFileSync(join(folder, 'typo.json'), JSON.stringify({ ...pool, activations: [{ id: 'a', unit: 10, requestedAt: 0 }] }));
  const typo = cbmcalc(['simulate', 'typo.json']);
  assert.equal(typo.status, 2);
  assert.match(typo.stderr, /^cbmcalc simulate: typo\.json: activations\[0\]\.unit: is not a field of an activation/m);
  const broken = cbmcalc(['simulate', '-'], '{"activations": [');
  assert.equal(broken.status, 2);
  assert.match(broken.stderr, /^cbmcalc simulate: stdin: is not valid JSON/m);
  const noHorizon = cbmcalc(['simulate', '-'], JSON.stringify({ activations: pool.activations }));
  assert.match(noHorizon.stderr, /^cbmcalc simulate: --horizon: is required$/m);
  const both = cbmcalc(['simulate', '-', '--csv', '--json'], JSON.stringify(pool));
  assert.equal(both.status, 2);
});

test('simulate --csv: a line per request in input order, the rejected with their reason', () => {
  const pool = {
    horizon: 100,
    activations: [
      { id: 'x', owner: 'ann', units: 1, requestedAt: 0 },
      { id: 'y', owner: '=cmd', units: 0, requestedAt: 0 },
    ],
  };
  const lines = cbmcalc(['simulate', '-', '--csv'], JSON.stringify(pool)).stdout.split('\r\n');
  assert.equal(lines[0], 'id,owner,units,requested_at,activated_at,mining_start,wait_seconds,reward,rejected_reason');
  assert.equal(lines[1], 'x,ann,1,0,0,1,0,792,');
  assert.match(lines[2], /^y,'=cmd,0,0,,,,,"activations\[1\]\.units: must be a whole number/); // a formula is not run
  assert.equal(lines[3], '');
});

test('simulate --csv into a reader that stops early (| head): exit 0, nothing on stderr', () => {
  const activations = Array.from({ length: 50000 }, (_, i) => ({ id: `r${i}`, units: 1, requestedAt: i }));
  writeFileSync(join(folder, 'many.json'), JSON.stringify({ horizon: 100000, activations }));
  const out = spawnSync(
    'bash',
    ['-c', `"${process.execPath}" "${bin}" simulate many.json --csv | head -1; echo "status \${PIPESTATUS[0]}"`],
    {
      cwd: folder,
      encoding: 'utf8',
    },
  );
  assert.equal(out.stdout, 'id,owner,units,requested_at,activated_at,mining_start,wait_seconds,reward,rejected_reason\r\nstatus 0\n');
  assert.equal(out.stderr, '');
});

test('simulate: owners and ids past 2^53 stay apart, as written', () => {
  const text =
    '{"horizon": 1000, "activations": [' +
    '{"id": 98765432109876543211, "owner": 12345678901234567891, "units": 1000, "requestedAt": 0},' +
    '{"id": 98765432109876543212, "owner": 12345678901234567892, "units": 3000, "requestedAt": 0}]}';
  const out = cbmcalc(['simulate', '-'], text);
  assert.equal(out.status, 0, out.stderr);
  assert.match(out.stdout, /^Requests {5}2 \(2 accepted, 0 rejected\)$/m);
  assert.match(out.stdout, /^ {2}12345678901234567892 {2}1 {12}3000 {3}\S+ +74\.9%$/m);
  assert.match(out.stdout, /^ {2}12345678901234567891 {2}1 {12}1000 {3}\S+ +25\.1%$/m);
  const run = JSON.parse(cbmcalc(['simulate', '-', '--json'], text).stdout);
  assert.deepEqual(
    run.activations.map((a) => [a.id, a.owner]),
    [
      ['98765432109876543211', '12345678901234567891'],
      ['98765432109876543212', '12345678901234567892'],
    ],
  );
  // A number field past 2^53 reaches the core as written: the request is rejected naming it.
  const units = cbmcalc(['simulate', '-'], '{"horizon": 10, "activations": [{"id": "a", "units": 9007199254740993, "requestedAt": 0}]}');
  assert.match(units.stdout, /^ {2}a: activations\[0\]\.units: .*got "9007199254740993"$/m);
});

test('simulate: a file is UTF-8 (a byte order mark or not) or UTF-16 with its mark; anything else is refused', () => {
  const pool = '{"horizon": 100, "activations": [{"id": "a", "owner": "José", "units": 1, "requestedAt": 0}]}';
  writeFileSync(join(folder, 'bom.json'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(pool)]));
  writeFileSync(join(folder, 'powershell.json'), Buffer.from(`\uFEFF${pool}`, 'utf16le')); // PowerShell's "> pool.json"
  for (const file of ['bom.json', 'powershell.json']) {
    const out = cbmcalc(['simulate', file]);
    assert.equal(out.status, 0, `${file}: ${out.stderr}`);
    assert.match(out.stdout, /^ {2}José {3}1 /m);
  }
  // Latin-1: "José" and "Josè" would both be "Jos\uFFFD", one owner.
  const latin1 =
    '[{"id": "a", "owner": "Jos\xe9", "units": 1, "requestedAt": 0}, {"id": "b", "owner": "Jos\xe8", "units": 1, "requestedAt": 0}]';
  writeFileSync(join(folder, 'latin1.json'), Buffer.from(latin1, 'latin1'));
  const refused = cbmcalc(['simulate', 'latin1.json', '--horizon', '100']);
  assert.equal(refused.status, 2);
  assert.match(refused.stderr, /^cbmcalc simulate: latin1\.json: is not UTF-8 text \(byte 0xE9 at offset 26\); save it as UTF-8$/m);
  assert.equal(refused.stdout, '');
  const stdin = spawnSync(process.execPath, [bin, 'simulate', '-', '--horizon', '100'], {
    cwd: folder,
    input: Buffer.from(latin1, 'latin1'),
  });
  assert.match(stdin.stderr.toString(), /^cbmcalc simulate: stdin: is not UTF-8 text \(byte 0xE9 at offset 26\)/m);
  // A rules file is read the same way.
  writeFileSync(
    join(folder, 'rules-bom.json'),
    Buffer.from(`\uFEFF${JSON.stringify({ schedule: [{ rate: 2, duration: 100 }] })}`, 'utf16le'),
  );
  assert.equal(JSON.parse(cbmcalc(['emission', '--rules', 'rules-bom.json', '--json']).stdout).total, '200');
});

/** Characters that would act on a terminal or reorder a line, raw. */
const raw = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/;

test('simulate: text from the file is printed with its control and invisible characters as escapes', () => {
  const pool = {
    horizon: 100,
    activations: [
      { id: 'r1', owner: '\u001b[31mred\u001b]0;TITLE\u0007', units: 2, requestedAt: 0 },
      { id: 'r2', owner: 'two\nlines', units: 1, requestedAt: 0 },
      { id: 'r3', owner: '\u202Eevil', units: 1, requestedAt: 0 },
      { id: 'r4\u001b[2J\u009b', owner: 'x', units: 0, requestedAt: 0 },
    ],
  };
  const out = cbmcalc(['simulate', '-'], JSON.stringify(pool));
  assert.equal(out.status, 0, out.stderr);
  assert.doesNotMatch(out.stdout, raw);
  assert.match(out.stdout, /^ {2}\\u\{1B\}\[31mred\\u\{1B\}\]0;TITLE\\u\{7\} {2}1 /m);
  assert.match(out.stdout, /^ {2}two\\u\{A\}lines +1 /m);
  assert.match(out.stdout, /^ {2}\\u\{202E\}evil +1 /m);
  assert.match(out.stdout, /^ {2}r4\\u\{1B\}\[2J\\u\{9B\}: activations\[3\]\.units: /m);
  assert.equal(out.stdout.split('\n').length, 15, 'one line per owner: 8 of summary, a head, 3 owners, 2 of rejected, the end');
  // An error quotes the file: a field's name, a value.
  const field = cbmcalc(
    ['simulate', '-'],
    JSON.stringify({ horizon: 100, activations: [{ id: 'a', units: 1, requestedAt: 0, '\u001b]0;T\u0007\u202E': 1 }] }),
  );
  assert.equal(field.status, 2);
  assert.doesNotMatch(field.stderr, raw);
  assert.match(field.stderr, /^cbmcalc simulate: stdin: activations\[0\]\.\\u\{1B\}\]0;T\\u\{7\}\\u\{202E\}: is not a field/m);
  const command = cbmcalc(['\u001b[31mmine\u202E']);
  assert.match(command.stderr, /^cbmcalc: "\\u\{1B\}\[31mmine\\u\{202E\}" is not a command/m);
  // --json is data: the same strings, with what JSON.stringify leaves raw (C1, bidirectional and
  // zero-width characters) written as \u escapes.
  const json = cbmcalc(['simulate', '-', '--json'], JSON.stringify(pool));
  assert.doesNotMatch(json.stdout, raw);
  const run = JSON.parse(json.stdout);
  assert.deepEqual(Object.keys(run.owners).sort(), ['\u001b[31mred\u001b]0;TITLE\u0007', '\u202Eevil', 'two\nlines'].sort());
  assert.equal(run.rejected[0].id, 'r4\u001b[2J\u009b');
});

test('simulate: owners that look alike but differ (Unicode form, a zero-width space) are marked', () => {
  const owners = ['Jos\u00e9', 'Jose\u0301', 'Jo\u200Bs\u00e9', 'alice', 'bob'];
  const pool = { horizon: 100, activations: owners.map((owner, i) => ({ id: `r${i}`, owner, units: 10 - i, requestedAt: 0 })) };
  const out = cbmcalc(['simulate', '-'], JSON.stringify(pool));
  assert.equal(out.status, 0, out.stderr);
  assert.match(out.stdout, /^Owners {7}5 \(3 of them look like another owner, marked ≈\)$/m);
  assert.match(out.stdout, /^ {2}Jos\u00e9 ≈ +1 /m);
  assert.match(out.stdout, /^ {2}Jose\u0301 ≈ +1 /m);
  assert.match(out.stdout, /^ {2}Jo\\u\{200B\}s\u00e9 ≈ +1 /m);
  assert.match(out.stdout, /^ {2}alice +1 /m);
  assert.match(out.stdout, /^ {2}≈ looks like another owner: the names differ only in invisible characters, spaces or Unicode form$/m);
  const plain = cbmcalc(['simulate', '-'], JSON.stringify({ ...pool, activations: pool.activations.slice(3) }));
  assert.doesNotMatch(plain.stdout, /≈/);
});

test('earnings: price paths, each with its breakeven, paid back in days, and what all mined is worth at the end', () => {
  const holder = ['earnings', '--units', '1000', '--unit-price', '0.25', '--token-price', '0.17', '--now', '2026-12-01'];
  const out = cbmcalc([...holder, '--price-growth', '-5', '--price-growth', '0', '--price-growth', '5', '--json']);
  assert.equal(out.status, 0, out.stderr);
  const r = JSON.parse(out.stdout);
  assert.equal(r.series, undefined); // the run by day stays inside
  const [bear, flat, bull] = r.pricePaths;
  assert.deepEqual(
    r.pricePaths.map((p) => p.monthlyGrowthPercent),
    [-5, 0, 5],
  );
  // The flat path: the projection's own breakeven day, and all mined x $0.17, truncated once.
  const day = (unix) => new Date(unix * 1000).toISOString().slice(0, 10);
  const genesis = Date.parse('2024-11-07') / 1000;
  assert.equal(day(flat.breakeven), day(genesis + r.breakevenAt));
  assert.equal(flat.paybackDays, Math.round((Date.parse(day(flat.breakeven)) - Date.parse('2026-12-01')) / 86400e3) + 1);
  const [whole, fraction = ''] = r.total.wfi.split('.');
  const wei = BigInt(whole + fraction.padEnd(18, '0')) * 17n; // x 0.17, in 10^-20 units
  const usd = wei / 100n;
  assert.equal(flat.usdEnd, `${usd / 10n ** 18n}.${(usd % 10n ** 18n).toString().padStart(18, '0')}`.replace(/\.?0+$/, ''));
  // A rising price pays back sooner and is worth more; a falling one never pays back here.
  assert.ok(bull.breakeven < flat.breakeven && bull.paybackDays < flat.paybackDays);
  assert.equal(bear.breakeven, null);
  assert.ok(Number(bull.usdEnd) > Number(flat.usdEnd) && Number(bear.usdEnd) < Number(flat.usdEnd));

  const text = cbmcalc([...holder, '--price-growth', '5']).stdout;
  assert.match(
    text,
    /^At 5 % a month {7}breakeven \d{4}-\d{2}-\d{2} \(paid back in \d+ days\); all mined worth [\d.]+ USD at the price when emission ends$/m,
  );
  for (const [growth, message] of [
    ['-100', /^cbmcalc earnings: --price-growth -100: must be a monthly growth above -100% and at most 1000%$/m],
    ['0x10', /^cbmcalc earnings: --price-growth 0x10: must be a number, % a month/m],
  ]) {
    const bad = cbmcalc([...holder, '--price-growth', growth]);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, message);
  }
});
