#!/usr/bin/env node
// cbmcalc on the command line: a figure without writing a script. Each command reads its options,
// calls the API once and prints what it returns: aligned text, or JSON with --json (a pool run:
// the page's CSV or JSON file). Exit codes: 0 done, 2 bad input (the message names the option
// or the field of the file), 1 anything else. Text that came from the user (an owner, an id, a
// value in an error) is printed with its control and invisible characters as escapes
// (ui/visible-text.js): a file cannot recolour the terminal, set its title or reorder a line.
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';

import { CbmError, load } from '../lib/node.js';
import { assumed } from '../ui/assumptions.js';
import { DAY, dayText, parseDay, today } from '../ui/dates.js';
import { formatAmount } from '../ui/format.js';
import { growingPool, paybackDays, seedPoolUnits } from '../ui/mining.js';
import { plainNumber } from '../ui/numbers.js';
import { ownerRows, poolCsv, poolJson, rowsByRequest, sortOwners } from '../ui/pool-files.js';
import { parseScenarioJson } from '../ui/pool-scenario.js';
import { decodeText, parseJson } from '../ui/text-files.js';
import { visible, visibleJson } from '../ui/visible-text.js';

/** A command's option: the API field it fills, and its help line; `multiple`: it may be given
 * more than once. */
const option = (field, help, { multiple = false } = {}) => ({ field, help, multiple });

const commands = {
  apr: {
    summary: "APR from a block reward (seed 003's formula)",
    usage: 'cbmcalc apr --block-reward WFI --token-price USD --units N --unit-price USD [--referral-reward WFI] [--json]',
    about:
      'The APR of units that earn --block-reward WFI a second now: the reward of a year at the WFI\n' +
      'price over what the units cost. Simple, not compounded (not APY).',
    options: {
      'block-reward': option('blockReward', 'WFI a second the units earn now (the app shows it)'),
      'token-price': option('tokenPrice', 'USD per WFI'),
      units: option('units', 'CBM units'),
      'unit-price': option('unitPrice', 'USD per unit'),
      'referral-reward': option('referralReward', 'WFI a second of referral income (adds the APR of both)'),
    },
    run: (cbm, input) => cbm.apr(input),
    rows: (r) => [
      ['APR', `${r.aprPercent} %`],
      ...(r.withReferralsPercent === undefined ? [] : [['APR with referrals', `${r.withReferralsPercent} %`]]),
      ['Yearly reward', `${r.yearlyReward} WFI`],
      ['Yearly reward in USD', `${r.yearlyRewardUsd} USD`],
      ['Contribution', `${r.contributionUsd} USD`],
      ['Net gain', `${r.netGainPercent} % (${r.netGainUsd} USD)`],
    ],
  },
  earnings: {
    summary: 'what units earn: a day, a month, a year, the breakeven',
    usage:
      'cbmcalc earnings --units N --unit-price USD --token-price USD [--bought DAY] [--now DAY]\n' +
      '                 | --purchase DAY:UNITS[:UNIT_PRICE] ... [--unit-price USD] --token-price USD [--now DAY]\n' +
      '                 [--pool-units N] [--pool-growth N | --pool-growth-percent P] [--pool-ceiling N]\n' +
      '                 [--genesis DAY] [--period day|week|month|year] [--price-growth P ...] [--json]',
    about:
      "What units bought on --bought (default: today) earn in a pool of everyone else's --pool-units,\n" +
      'growing a day or a month, at a WFI price held at --token-price: a day now, the next 30 days\n' +
      'and 12 months, the breakeven and the next halving, then each calendar period (UTC) until\n' +
      'emission ends. The whole pool is simulated, halvings and amortization included. Days are\n' +
      'YYYY-MM-DD. Several purchases: --purchase for each, its units and its price (else --unit-price).\n' +
      'With --price-growth (% a month from --now, repeated for several paths: -5, 0, 5), the\n' +
      "breakeven and the value at the end along each price path, as the page's price scenarios.\n" +
      'Where the sources say nothing it assumes what the page does, and says so.',
    options: {
      units: option('purchases[0].units', 'CBM units bought'),
      'unit-price': option('purchases[0].unitPrice', 'USD paid per unit (of each --purchase without its own)'),
      purchase: option('', 'a purchase, DAY:UNITS or DAY:UNITS:UNIT_PRICE; give one for each', { multiple: true }),
      'token-price': option('tokenPrice', 'USD per WFI, held constant'),
      bought: option('purchases[0].at', 'the day they were bought (default: --now)'),
      now: option('now', 'the day the figures are for (default: today, UTC)'),
      'pool-units': option('pool.units', "everyone else's units at --now (default: the pool of WeFi's APR example)"),
      'pool-growth': option('pool.growthPerDay', 'new units a day in the pool'),
      'pool-growth-percent': option('pool.growthPercentPerMonth', `the pool's growth in % a month (default ${assumed.poolGrowthPercent})`),
      'pool-ceiling': option('pool.ceiling', 'the pool levels off toward this many units'),
      genesis: option('genesis', `the day emission started (default ${assumed.genesis}, an assumption)`),
      period: option('period', 'the periods of the table (default month)'),
      'price-growth': option('', 'a WFI price path: P % a month from --now on; give one for each', { multiple: true }),
    },
    input(v, cbm) {
      if (v['pool-growth'] !== undefined && v['pool-growth-percent'] !== undefined)
        usage('give --pool-growth or --pool-growth-percent, not both');
      const now = v.now ?? dayText(today());
      const daily = v['pool-growth'] !== undefined;
      const pool = growingPool({
        poolUnits: v['pool-units'] ?? String(seedPoolUnits(cbm)),
        poolGrowth: daily ? v['pool-growth'] : (v['pool-growth-percent'] ?? assumed.poolGrowthPercent),
        poolGrowthUnit: daily ? 'day' : 'percent',
        poolCeiling: v['pool-ceiling'],
      });
      return {
        genesis: v.genesis ?? assumed.genesis,
        now,
        purchases: v.purchase ? purchasesOf(v.purchase, v) : [{ at: v.bought ?? now, units: v.units, unitPrice: v['unit-price'] }],
        pool,
        tokenPrice: v['token-price'],
        period: v.period ?? 'month',
        priceGrowth: (v['price-growth'] ?? []).map(growthOf),
      };
    },
    run(cbm, { priceGrowth, ...input }) {
      if (!priceGrowth.length) return cbm.projectEarnings(input);
      const { series, ...earnings } = cbm.projectEarnings(input, { sampleEvery: DAY });
      return { ...earnings, pricePaths: pricePaths(cbm, input, earnings, series, priceGrowth) };
    },
    rows(r, input) {
      const day = (at) => dayText(parseDay(input.genesis) + at);
      const halving = r.nextHalving;
      const growth =
        input.pool.growthPerDay === undefined ? `${input.pool.growthPercentPerMonth} % a month` : `${input.pool.growthPerDay} a day`;
      return [
        ['A day now', `${r.now.wfiPerDay} WFI (${r.now.usdPerDay} USD)`],
        ['The next 30 days', `${r.next30Days.wfi} WFI (${r.next30Days.usd} USD)`],
        ['The next 12 months', `${r.firstYear.wfi} WFI (${r.firstYear.usd} USD), ${r.firstYear.returnPercent} % of what you paid`],
        ['APR now', `${r.now.aprPercent} % (simple, not APY)`],
        ['Breakeven', r.breakevenAt === null ? 'not before emission ends' : day(r.breakevenAt)],
        ...(r.pricePaths ?? []).map((p) => [
          `At ${p.monthlyGrowthPercent} % a month`,
          `breakeven ${p.breakeven === null ? 'not before emission ends' : `${dayText(p.breakeven)} (paid back in ${p.paybackDays} days)`}; all mined worth ${p.usdEnd} USD at the price when emission ends`,
        ]),
        ['Next halving', halving ? `${halving.date}, then ${halving.wfiPerDay} WFI a day` : 'none before emission ends'],
        ['Until emission ends', `${r.total.wfi} WFI (${r.total.usd} USD) for ${r.paidUsd} USD paid`],
        ['Assumed', `genesis ${input.genesis}; everyone else's ${input.pool.units} units, growing ${growth}`],
      ];
    },
    table: (r) => [
      ['from', 'until', 'WFI', 'USD', 'USD to date'],
      ...r.periods.map((p) => [p.startDate, p.endDate, p.wfi, p.usd, p.cumulativeUsd]),
    ],
  },
  emission: {
    summary: 'WFI emitted between two seconds since launch',
    usage: 'cbmcalc emission [--from S] [--to S] [--preset NAME | --rules FILE] [--json]',
    about:
      'The WFI emitted in the seconds --from .. --to - 1 after launch (--to: the end of emission), to\n' +
      'the wei, as the distribution contract unlocks it; the rate and stage at --from. Rules: the\n' +
      "contract's schedule unless --preset (contract, whitepaper, stages729) or --rules (a JSON file\n" +
      'of rules, as the API takes them) says otherwise.',
    options: {
      from: option('from', 'the first second (default 0)'),
      to: option('to', 'the second after the last (default: the end of emission)'),
      preset: option('', 'a schedule the sources give: contract, whitepaper or stages729'),
      rules: option('', 'a JSON file of rules'),
    },
    input: async (v, cbm) => ({ from: v.from, to: v.to, rules: await rulesFrom(cbm, v) }),
    run: (cbm, input) => cbm.emission(input),
    rows: (r) => [
      ['Emitted', `${r.emitted} WFI`],
      ['Rate at --from', `${r.rate} WFI a second`],
      ['Stage at --from', r.stage === 0 ? 'none (emission has ended)' : String(r.stage)],
      ['Next halving at', r.nextHalvingAt === null ? 'none' : `second ${r.nextHalvingAt}`],
      ['Emission ends at', `second ${r.endsAt}`],
      ['Total emission', `${r.total} WFI`],
    ],
    table: (r) => [['stage', 'from', 'to', 'rate', 'emitted'], ...r.stages.map((s) => [s.stage, s.from, s.to, s.rate, s.emitted])],
  },
  points: {
    summary: 'the points of a mining session',
    usage: 'cbmcalc points --elapsed S (--weight W | --streak-days N --total-points P --invites N) [--json]',
    about:
      'The points a session of --elapsed seconds earns (capped at 24 hours) at a mining weight:\n' +
      '--weight, or the one your streak, points and invites give (then shown with its parts).',
    options: {
      elapsed: option('elapsedSeconds', 'seconds the session has run'),
      weight: option('weight', 'the mining weight'),
      'streak-days': option('streakDays', 'days of check-in streak'),
      'total-points': option('totalPoints', 'points held'),
      invites: option('invites', 'friends invited'),
    },
    run(cbm, { elapsedSeconds, weight, ...parts }) {
      const given = Object.keys(parts).length > 0;
      if (given && weight !== undefined) usage('give --weight or its parts (--streak-days, --total-points, --invites), not both');
      const parted = given ? cbm.pointsWeight(parts) : null;
      return { ...(parted && { weight: parted }), points: cbm.pointsReward({ elapsedSeconds, weight: parted?.weight ?? weight }) };
    },
    rows: ({ weight, points }) => [
      ...(weight ? [['Weight', `${weight.weight} (check-in ${weight.checkin}, points ${weight.points}, invites ${weight.invites})`]] : []),
      ['Points', points],
    ],
  },
  simulate: {
    summary: 'a pool of activation requests, simulated exactly',
    usage: 'cbmcalc simulate FILE [--horizon S] [--csv | --json]',
    about:
      'Runs the pool of FILE (JSON: a list of requests { id, owner, units, requestedAt }, or\n' +
      "{ activations, horizon, rules }; - reads stdin) for --horizon seconds, or the file's horizon:\n" +
      "the queue, every activation's exact reward and the totals. Prints a summary and the owners\n" +
      "who earned most; --csv a line per request, --json the whole run (the page's export files).\n" +
      'FILE is UTF-8 text (a byte order mark or not) or UTF-16 with its mark; an id, an owner or any\n' +
      'number too long for a double is read as the text written. Names are shown with their\n' +
      'invisible characters as escapes (\\u{200B}), and one that looks like another owner is marked.',
    options: {
      horizon: option('horizon', 'seconds to simulate (default: the file\'s "horizon")'),
      csv: { type: 'boolean', help: 'print a CSV line per request' },
    },
    file: true,
  },
};

const TOP_OWNERS = 10;

/** A usage error: exit code 2. */
class UsageError extends Error {}
const usage = (message) => {
  throw new UsageError(message);
};

function mainHelp(version) {
  const names = Object.keys(commands);
  const width = Math.max(...names.map((n) => n.length));
  return [
    `cbmcalc ${version}: Cloud-Based Mining of $WFI and points mining, every figure exact`,
    '',
    'Usage: cbmcalc <command> [options]',
    '',
    'Commands:',
    ...names.map((n) => `  ${n.padEnd(width)}  ${commands[n].summary}`),
    '',
    '"cbmcalc <command> --help" shows its options. --json prints a result as JSON.',
  ].join('\n');
}

function commandHelp(command) {
  const lines = Object.entries(command.options).map(([name, o]) => [`--${name}`, o.help]);
  lines.push(['--json', command.file ? 'print the whole run as JSON' : 'print the result as JSON'], ['-h, --help', 'this help']);
  const width = Math.max(...lines.map(([name]) => name.length));
  return [`Usage: ${command.usage}`, '', command.about, '', 'Options:', ...lines.map(([n, h]) => `  ${n.padEnd(width)}  ${h}`)].join('\n');
}

/** Rows of [label, value] as aligned text, each value on its line (visible()). */
function aligned(rows) {
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `${label.padEnd(width)}  ${visible(value)}`).join('\n');
}

/** A table whose first row heads it, columns padded to their widest cell, each cell on its line
 * (visible()). */
function table(rows) {
  const cells = rows.map((row) => row.map(visible));
  const widths = cells[0].map((_, c) => Math.max(...cells.map((row) => row[c].length)));
  return cells
    .map((row) =>
      row
        .map((cell, c) => cell.padEnd(widths[c]))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** The rules an emission is asked under: a preset's, a file's, or the default. */
async function rulesFrom(cbm, { preset, rules }) {
  if (preset !== undefined && rules !== undefined) usage('give --preset or --rules, not both');
  if (preset !== undefined) {
    const presets = cbm.presets();
    if (!Object.hasOwn(presets, preset)) usage(`--preset: must be one of ${Object.keys(presets).join(', ')}, got "${preset}"`);
    return presets[preset].rules;
  }
  return rules === undefined ? undefined : jsonOf(await readText(rules), rules);
}

const shown = (file) => (file === '-' ? 'stdin' : file);

/** A file's text, decoded as the page's worker decodes it (UTF-8, a BOM or not, or UTF-16). */
async function readText(file) {
  let bytes;
  try {
    if (file !== '-') bytes = await readFile(file);
    else {
      const chunks = [];
      for await (const chunk of process.stdin) chunks.push(chunk);
      bytes = Buffer.concat(chunks);
    }
  } catch (e) {
    return usage(`${shown(file)}: cannot be read (${e.code === 'ENOENT' ? 'no such file' : e.message})`);
  }
  try {
    return decodeText(bytes, shown(file));
  } catch (e) {
    return usage(e.message);
  }
}

/** A rules file's JSON, its long numbers kept as their text as in a pool file. */
function jsonOf(text, file) {
  try {
    return parseJson(text);
  } catch (e) {
    return usage(`${shown(file)}: is not valid JSON (${e.message})`);
  }
}

/** Writes pieces of text to stdout, waiting when it is full (a million lines can be piped). */
async function writeAll(pieces, escape = (piece) => piece) {
  for (const piece of pieces) {
    if (!process.stdout.write(escape(piece))) await new Promise((resolve) => process.stdout.once('drain', resolve));
  }
}

/** A progress line on a terminal (stderr), for runs long enough to wait for. */
function progressLine() {
  if (!process.stderr.isTTY) return { update() {}, done() {} };
  const started = Date.now();
  let drawn = false;
  return {
    update(fraction) {
      if (Date.now() - started < 300) return;
      drawn = true;
      process.stderr.write(`\rsimulating... ${Math.floor(fraction * 100)}%`);
    },
    done: () => drawn && process.stderr.write('\r\x1b[K'),
  };
}

async function simulate(cbm, file, { horizon, csv, json }) {
  if (csv && json) usage('give --csv or --json, not both');
  const scenario = parseScenarioJson(await readText(file), { maxRequests: Infinity });
  const input = { activations: scenario.activations, horizon: horizon ?? scenario.horizon, rules: scenario.rules };
  const progress = progressLine();
  const result = await cbm.simulatePoolAsync(input, { onProgress: progress.update }).finally(progress.done);
  // The horizon the core accepted, as a number in the files (as the page writes it).
  const run = {
    input: { ...input, horizon: Number(input.horizon) },
    result,
    rowOfRequest: rowsByRequest(input, result),
    owners: ownerRows(result),
  };
  if (csv) return writeAll(poolCsv(run));
  if (json) return writeAll(poolJson(run, cbm.version), visibleJson);
  const top = sortOwners(run.owners, cbm, 'reward', true).slice(0, TOP_OWNERS); // as the page's table
  const { queue } = result;
  const summary = aligned([
    ['Requests', `${run.rowOfRequest.length} (${result.activations.length} accepted, ${result.rejected.length} rejected)`],
    ['Horizon', `${input.horizon} s`],
    ['Emitted', `${result.emitted} WFI`],
    ['Distributed', `${result.distributed} WFI`],
    ['Unallocated', `${result.unallocated} WFI (emitted in seconds no unit mined)`],
    ['Dust', `${result.dust} WFI (what cutting each reward to the wei left)`],
    ['Queue', `${queue.served} served, longest wait ${queue.maxWait} s`],
    ['Owners', ownersLine(run.owners)],
  ]);
  // An owner whose name looks like another's (NFC and NFD "José", a zero-width space) is marked.
  const owners = table([
    ['owner', 'activations', 'units', 'reward (WFI)', 'share'],
    ...top.map((o) => [
      `${o.owner}${o.lookalike ? ` ${LOOKALIKE}` : ''}`,
      o.activations,
      o.units,
      o.reward,
      formatAmount(o.share, 'poolShare', 'en-US'),
    ]),
  ]);
  const rejected = result.rejected.slice(0, TOP_OWNERS).map((r) => `  ${visible(r.id)}: ${visible(r.reason)}`);
  const lines = [summary, ...(top.length ? [owners.replace(/^/gm, '  ')] : [])];
  if (top.some((o) => o.lookalike)) lines.push(`  ${LOOKALIKE} ${LOOKALIKE_NOTE}`);
  if (rejected.length) lines.push(`Rejected${result.rejected.length > TOP_OWNERS ? ` (the first ${TOP_OWNERS})` : ''}:`, ...rejected);
  console.log(lines.join('\n'));
}

const LOOKALIKE = '≈';
const LOOKALIKE_NOTE = 'looks like another owner: the names differ only in invisible characters, spaces or Unicode form';

/** The summary's owners: how many, how many of them look like another, the top ones below. */
function ownersLine(owners) {
  const alike = owners.reduce((n, o) => n + o.lookalike, 0);
  const top = owners.length > TOP_OWNERS ? `, the ${TOP_OWNERS} who earned most:` : '';
  return `${owners.length}${alike ? ` (${alike} of them look like another owner, marked ${LOOKALIKE})` : ''}${top}`;
}

/** The purchases of --purchase DAY:UNITS[:UNIT_PRICE] (each without a price at --unit-price). */
/** A --price-growth: a plain number of % a month (the core checks its range). */
function growthOf(text) {
  try {
    return plainNumber(text, 'price-growth', 'must be a percentage a month');
  } catch {
    usage(`--price-growth ${text}: must be a number, % a month (-5, 0, 2.5)`);
  }
}

/** The run (`series`, sampled a day) valued along each price path: its breakeven (Unix seconds;
 * null: none), as "paid back in N days" from the last purchase, and the USD of all mined at the
 * end (valueEarnings: exact). */
function pricePaths(cbm, input, earnings, series, growths) {
  const genesis = parseDay(input.genesis);
  const end = series.t.at(-1);
  const purchases = input.purchases.map((p, i) => ({
    at: parseDay(p.at),
    units: p.units,
    unitPrice: p.unitPrice,
    miningStart: genesis + (earnings.purchases[i].miningStart < 0 ? end : earnings.purchases[i].miningStart),
  }));
  const value = cbm.valueEarnings({
    t: Array.from(series.t, (t) => genesis + t),
    mined: series.mined,
    rate: series.rate,
    purchases,
    unitPrice: purchases[0].unitPrice,
    tokenPrice: input.tokenPrice,
    today: parseDay(input.now),
    paths: growths,
  });
  return value.paths.map((p) => ({
    monthlyGrowthPercent: p.monthly,
    breakeven: p.breakeven,
    paybackDays: paybackDays(p.breakeven, purchases),
    usdEnd: p.usdEnd,
  }));
}

function purchasesOf(texts, v) {
  if (v.units !== undefined || v.bought !== undefined) usage('give --purchase, or --units and --bought, not both');
  return texts.map((text) => {
    const [at, units, unitPrice = v['unit-price'], ...more] = text.split(':');
    if (!at || !units || more.length) usage(`--purchase "${text}": write DAY:UNITS or DAY:UNITS:UNIT_PRICE`);
    return { at, units, unitPrice };
  });
}

/** An API error in the user's words: the option it came from, or the file and its field. */
function inputMessage(error, command, values, file) {
  // A price path: the --price-growth it came from.
  const path = /^paths\[(\d+)\]$/.exec(error.field)?.[1];
  if (path !== undefined) return `--price-growth ${values['price-growth'][path]}${error.message.slice(error.field.length)}`;
  // A field of the k-th --purchase: that option, as it was written.
  const [, k, part] = /^purchases\[(\d+)\]\.(\w+)$/.exec(error.field) ?? [];
  if (k !== undefined && values.purchase) {
    const what = { at: 'its day', units: 'its units', unitPrice: 'its unit price (or --unit-price)' }[part] ?? part;
    return `--purchase ${values.purchase[k]}: ${what} ${error.message.slice(error.field.length + 2)}`;
  }
  const [name] = Object.entries(command.options).find(([, o]) => o.field && o.field === error.field) ?? [];
  // An option the user gave or left to its default; for a pool, one that is missing (the file
  // could have held it).
  if (name && (!command.file || values[name] !== undefined || error.problem?.kind === 'required'))
    return `--${name}${error.message.slice(error.field.length)}`;
  if (file === undefined || !error.field) return error.message;
  return error.field === 'json' ? `${shown(file)}${error.message.slice(4)}` : `${shown(file)}: ${error.message}`;
}

/** The API's input of a command whose options are its fields, one to one. */
function flatInput(command, values) {
  const input = {};
  for (const [key, o] of Object.entries(command.options)) if (values[key] !== undefined) input[o.field] = values[key];
  return input;
}

/** "--from -5" as "--from=-5": parseArgs would take -5 for an option, and the core says better
 * what is wrong with a negative number. */
function negativesJoined(args, options) {
  return args.flatMap((arg, i) => {
    const name = arg.startsWith('--') ? arg.slice(2) : null;
    if (name && options[name]?.type === 'string' && /^-[\d.]/.test(args[i + 1] ?? '')) return [`${arg}=${args[i + 1]}`];
    return i > 0 && /^-[\d.]/.test(arg) && options[args[i - 1].slice(2)]?.type === 'string' && args[i - 1].startsWith('--') ? [] : [arg];
  });
}

/** Runs a command line. */
async function main([name, ...args]) {
  if (name === '--version' || name === '-v') return console.log((await load({ build: 'lite' })).version);
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    return console.log(mainHelp((await load({ build: 'lite' })).version));
  }
  if (!Object.hasOwn(commands, name)) usage(`"${name}" is not a command (${Object.keys(commands).join(', ')})`);
  const command = commands[name];
  const options = { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } };
  for (const [key, o] of Object.entries(command.options)) options[key] = { type: o.type ?? 'string', multiple: o.multiple === true };
  let parsed;
  try {
    parsed = parseArgs({ args: negativesJoined(args, options), options, allowPositionals: command.file === true, strict: true });
  } catch (e) {
    usage(e.message.split('\n')[0]);
  }
  const { values, positionals } = parsed;
  if (values.help) return console.log(commandHelp(command));
  const cbm = await load({ build: 'lite' });
  try {
    if (command.file) {
      if (positionals.length !== 1) usage(positionals.length ? 'takes one file' : `needs a file: cbmcalc ${name} pool.json`);
      return await simulate(cbm, positionals[0], values);
    }
    const input = command.input ? await command.input(values, cbm) : flatInput(command, values);
    const result = command.run(cbm, input);
    const rows = aligned(command.rows(result, input));
    const text = command.table ? `${rows}\n\n${table(command.table(result))}` : rows;
    console.log(values.json ? visibleJson(JSON.stringify(result, null, 2)) : text);
  } catch (e) {
    // The file the input came from: the pool's, or the rules' of an emission.
    const file = command.file ? positionals[0] : values.rules;
    if (e instanceof CbmError && e.code === 'INVALID_INPUT') usage(inputMessage(e, command, values, file));
    throw e;
  }
}

// A reader that has had enough (| head) closes the pipe: nothing more to say, nothing wrong.
process.stdout.on('error', (e) => process.exit(e.code === 'EPIPE' ? 0 : 1));

const argv = process.argv.slice(2);
const command = Object.hasOwn(commands, argv[0] ?? '') ? `cbmcalc ${argv[0]}` : 'cbmcalc';
main(argv).catch((e) => {
  // A message can quote the input (a value, a field's name, an unknown command): on one line, its
  // hidden characters as escapes.
  if (e instanceof UsageError) {
    process.stderr.write(`${command}: ${visible(e.message)}\n(${command} --help shows the options)\n`);
    process.exitCode = 2;
  } else {
    // A CbmError other than bad input (OUT_OF_MEMORY, say) says what happened; anything else is ours.
    const message =
      e instanceof CbmError
        ? visible(e.message)
        : `internal error: ${String(e?.stack ?? e)
            .split('\n')
            .map(visible)
            .join('\n')}`;
    process.stderr.write(`${command}: ${message}\n`);
    process.exitCode = 1;
  }
});
