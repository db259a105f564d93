// Mutation testing of the core (run by build-scripts/mutate): changes the C++ sources of
// src/core one small change at a time, rebuilds only what changed, and runs the native suite
// (and, with --node, the node suite for the mutants the native suite lets live). A test net that
// kills a mutant notices that kind of change; a mutant that lives shows a gap.
//
//   build-scripts/mutate [--sample N] [--seed S] [--per-file K] [--changed [--base REV]]
//                        [--ids a,b] [--node] [--list] [files...]
//
// Every file is restored exactly as it was, also when the run is interrupted (Ctrl-C, a kill):
// the originals are kept in build/mutate/originals/ until they are back, and a run that finds
// them there puts them back first. Mutants that cannot change behaviour are listed with the
// reason in tests/mutation/equivalent.txt (id, file, reason) and left out of the score.
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const buildDir = join(root, 'build/mutate');
const originals = join(buildDir, 'originals');
const equivalentFile = join(root, 'tests/mutation/equivalent.txt');

// --- options ---------------------------------------------------------------------------------
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  if (i < 0) return fallback;
  const value = args[i + 1];
  args.splice(i, 2);
  return value;
};
const flag = (name) => {
  const i = args.indexOf(name);
  if (i >= 0) args.splice(i, 1);
  return i >= 0;
};
const sample = Number(option('--sample', '0'));
const seed = Number(option('--seed', '1'));
const perFile = Number(option('--per-file', '3'));
const changed = flag('--changed');
const base = option('--base', '');
const withNode = flag('--node');
const ids = option('--ids', '');
if (ids === undefined) {
  console.error('--ids needs a list of mutant ids: --ids 1a2b3c4d,5e6f7a8b');
  process.exit(2);
}
const listOnly = flag('--list');
if (args.some((a) => a.startsWith('--'))) {
  console.error(
    'usage: build-scripts/mutate [--sample N] [--seed S] [--per-file K] [--changed [--base REV]] [--ids a,b] [--node] [--list] [src/core/file.cpp ...]',
  );
  process.exit(2);
}
const coreDir = join(root, 'src/core');
const files = (
  args.length
    ? args.map((f) => join(root, f))
    : readdirSync(coreDir)
        .filter((f) => /\.(cpp|hpp)$/.test(f))
        .map((f) => join(coreDir, f))
).sort();

// --- restoring, whatever happens -------------------------------------------------------------
// A file's original goes to build/mutate/originals/ before its first mutant is written, and
// leaves once the file is restored: whatever is there belongs to a run that did not finish.
const keyOf = (file) => relative(root, file).replaceAll('/', '__');
const lockFile = join(buildDir, 'lock');

function restoreAll() {
  if (!existsSync(originals)) return;
  for (const name of readdirSync(originals)) {
    const file = join(root, name.replaceAll('__', '/'));
    writeFileSync(file, readFileSync(join(originals, name)));
    rmSync(join(originals, name));
  }
}
function keep(file) {
  writeFileSync(join(originals, keyOf(file)), readFileSync(file));
}
function putBack(file) {
  const kept = join(originals, keyOf(file));
  writeFileSync(file, readFileSync(kept));
  rmSync(kept);
}

// One run at a time: a second one would restore files the first is mutating.
mkdirSync(originals, { recursive: true });
if (existsSync(lockFile)) {
  const pid = Number(readFileSync(lockFile, 'utf8'));
  let alive = false;
  try {
    process.kill(pid, 0);
    alive = pid !== process.pid;
  } catch {}
  if (alive) {
    console.error(`Another mutation run (pid ${pid}) is under way: stop it first (kill ${pid}).`);
    process.exit(1);
  }
}
writeFileSync(lockFile, String(process.pid));
restoreAll(); // a run that was killed left its originals here
let child = null; // the build or test under way, stopped with us
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    child?.kill('SIGKILL');
    restoreAll();
    console.error(`\n${signal}: every file restored.`);
    process.exit(130);
  });
}
process.on('exit', () => {
  restoreAll();
  rmSync(lockFile, { force: true });
});

/** `items` grouped by `key(item)`, in first-seen order (Map.groupBy needs node 21). */
function groupBy(items, key) {
  const groups = new Map();
  for (const item of items) {
    const k = key(item);
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k).push(item);
  }
  return groups;
}

// --- mutants ---------------------------------------------------------------------------------
/** The code of a line with comments and string/char literals blanked out (same length). */
function codeOf(line, inBlock) {
  let out = '';
  let block = inBlock;
  for (let i = 0; i < line.length; i++) {
    if (block) {
      if (line.startsWith('*/', i)) {
        block = false;
        out += '  ';
        i++;
      } else out += ' ';
      continue;
    }
    if (line.startsWith('//', i)) return { code: out + ' '.repeat(line.length - i), block };
    if (line.startsWith('/*', i)) {
      block = true;
      out += '  ';
      i++;
      continue;
    }
    const quote = line[i];
    if (quote === '"' || (quote === "'" && !/[0-9a-fA-F]/.test(line[i - 1] ?? ''))) {
      let j = i + 1;
      while (j < line.length && line[j] !== quote) j += line[j] === '\\' ? 2 : 1;
      out += quote + ' '.repeat(Math.max(0, j - i - 1)) + (j < line.length ? quote : '');
      i = j;
      continue;
    }
    out += line[i];
  }
  return { code: out, block };
}

// Each operator: a pattern over the code of a line and the replacements of what it matched.
const operators = [
  // Boundaries and negations of comparisons (spaced: templates and shifts are not).
  { name: 'boundary', re: / (<=|>=|<|>) /g, to: (m) => ` ${{ '<': '<=', '<=': '<', '>': '>=', '>=': '>' }[m[1]]} ` },
  { name: 'negate', re: / (==|!=) /g, to: (m) => ` ${m[1] === '==' ? '!=' : '=='} ` },
  // Arithmetic.
  { name: 'arithmetic', re: / ([+\-*/%]) (?!=)/g, to: (m) => ` ${{ '+': '-', '-': '+', '*': '/', '/': '*', '%': '*' }[m[1]]} ` },
  { name: 'assign', re: / (\+=|-=|\*=|\/=) /g, to: (m) => ` ${{ '+=': '-=', '-=': '+=', '*=': '/=', '/=': '*=' }[m[1]]} ` },
  { name: 'logic', re: / (&&|\|\|) /g, to: (m) => ` ${m[1] === '&&' ? '||' : '&&'} ` },
  { name: 'not', re: /!(?=[\w(])/g, to: () => '' },
  // Constants: an integer one more (or one less for 1, so that 1 does not become 2 only).
  {
    name: 'constant',
    re: /(?<![\w.'])(\d[\d']*)(?![\w.'x])/g,
    to: (m) => {
      const n = BigInt(m[1].replaceAll("'", ''));
      return String(n === 1n ? 0n : n + 1n);
    },
  },
  { name: 'boolean', re: /\b(true|false)\b/g, to: (m) => (m[1] === 'true' ? 'false' : 'true') },
  // Rounding direction and bounds.
  { name: 'rounding', re: /\b(floor|ceil)\(/g, to: (m) => `${m[1] === 'floor' ? 'ceil' : 'floor'}(` },
  { name: 'bound', re: /\bstd::(min|max)\b/g, to: (m) => `std::${m[1] === 'min' ? 'max' : 'min'}` },
];

// A statement that can go without breaking the build: an assignment, a call, ++/--, break.
const droppable = /^\s*(?:(?:\+\+|--)[\w.\[\]>-]+|[\w.\[\]>()*-]+\s*(?:[+\-*/|&]?=|\+\+|--)(?!=).*|[\w:.>-]+\(.*\)|break|continue);\s*$/;
const declaration =
  /^\s*(?:const |static |constexpr |auto |std::|Int128 |BigInt |Decimal |DoubleDouble |double |int |bool |Seconds |[A-Z]\w*(?:<[^>]*>)? [a-z])/;

function mutantsOf(file) {
  const text = readFileSync(file, 'utf8');
  const lines = text.split('\n');
  const out = [];
  const seen = new Map();
  let block = false;
  lines.forEach((line, index) => {
    const r = codeOf(line, block);
    block = r.block;
    const code = r.code;
    if (/^\s*#/.test(code) || /^\s*(?:static_assert|namespace|using|template|struct|class|enum)\b/.test(code)) return;
    const add = (operator, at, length, replacement) => {
      const mutated = line.slice(0, at) + replacement + line.slice(at + length);
      // The id names the change, not the line number, so edits elsewhere keep it. The same change
      // on an identical line further down gets its occurrence number (the first keeps the bare id).
      const key = `${relative(root, file)}\0${line.trim()}\0${at - (line.length - line.trimStart().length)}\0${replacement}\0${operator}`;
      const occurrence = seen.get(key) ?? 0;
      seen.set(key, occurrence + 1);
      const id = createHash('sha1')
        .update(occurrence === 0 ? key : `${key}\0${occurrence}`)
        .digest('hex')
        .slice(0, 8);
      out.push({
        id,
        file,
        line: index + 1,
        operator,
        original: line.trim(),
        mutated: mutated.trim(),
        apply: () => lines.map((l, k) => (k === index ? mutated : l)).join('\n'),
      });
    };
    for (const op of operators) {
      for (const m of code.matchAll(op.re)) {
        // A + or - on a line with text is almost always a concatenation: it would not build.
        if (op.name === 'arithmetic' && /[+-]/.test(m[1]) && code.includes('"')) continue;
        add(op.name, m.index, m[0].length, op.to(m));
      }
    }
    if (droppable.test(code) && !declaration.test(code) && !/\breturn\b/.test(code)) add('drop', 0, line.length, '');
  });
  return out;
}

/** Mutants spread over the files: each file its share of `n` by its number of candidates,
 * at least `perFile` (3 unless --per-file), chosen by a seeded shuffle (the same seed, the same
 * mutants). */
function spread(all, n) {
  let state = seed >>> 0 || 1;
  const random = () => (state = (state * 48271) % 2147483647) / 2147483647;
  const byFile = groupBy(all, (m) => m.file);
  const picked = [];
  for (const [, mutants] of byFile) {
    const share = Math.min(mutants.length, Math.max(perFile, Math.round((n * mutants.length) / all.length)));
    const shuffled = mutants
      .map((m) => [random(), m])
      .sort((a, b) => a[0] - b[0])
      .map(([, m]) => m);
    picked.push(...shuffled.slice(0, share));
  }
  return picked.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}

function equivalents() {
  const known = new Map();
  if (!existsSync(equivalentFile)) return known;
  for (const line of readFileSync(equivalentFile, 'utf8').split('\n')) {
    const m = /^([0-9a-f]{8})\s+(\S+)\s+(.+)$/.exec(line.trim());
    if (m) known.set(m[1], { file: m[2], reason: m[3] });
  }
  return known;
}

/** With --changed: the lines of src/core that differ from `base` (the work tree against it,
 * uncommitted edits included), by file. The base is --base, or where this branch left main
 * (on main itself: HEAD, so that the edits not yet committed are the change). */
function changedLines() {
  const git = (...argv) => execFileSync('git', argv, { cwd: root, encoding: 'utf8' }).trim();
  let from = base;
  if (!from) {
    const branch = git('rev-parse', '--abbrev-ref', 'HEAD');
    from = branch === 'main' ? 'HEAD' : git('merge-base', 'HEAD', 'main');
  }
  const lines = new Map();
  let file = null;
  for (const line of git('diff', '--unified=0', '--no-color', from, '--', 'src/core').split('\n')) {
    const name = /^\+\+\+ (?:b\/(.+)|\/dev\/null)$/.exec(line);
    if (name) file = name[1] ? join(root, name[1]) : null;
    const hunk = /^@@ -\S+ \+(\d+)(?:,(\d+))? @@/.exec(line);
    if (hunk && file) {
      const [start, count] = [Number(hunk[1]), hunk[2] === undefined ? 1 : Number(hunk[2])];
      if (!lines.has(file)) lines.set(file, new Set());
      for (let k = start; k < start + count; k++) lines.get(file).add(k);
    }
  }
  return { from, lines };
}

// --- building and testing --------------------------------------------------------------------
// Children run asynchronously, so that a signal reaches our handler while they run.
function run(command, argv, { timeout = 0, env = process.env } = {}) {
  return new Promise((resolve) => {
    let output = '';
    let timedOut = false;
    child = spawn(command, argv, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (d) => (output = (output + d).slice(-20000)));
    child.stderr.on('data', (d) => (output = (output + d).slice(-20000)));
    const timer = timeout ? setTimeout(() => ((timedOut = true), child.kill('SIGKILL')), timeout) : null;
    child.on('close', (code) => {
      clearTimeout(timer);
      child = null;
      resolve({ ok: code === 0 && !timedOut, timedOut, output });
    });
  });
}

const jobs = process.env.JOBS ?? '2';
async function buildNative() {
  return (await run('cmake', ['--build', buildDir, '--target', 'cbm_tests', '--', `-j${jobs}`])).ok;
}
async function nativeSuite(timeout) {
  const started = Date.now();
  const r = await run(join(buildDir, 'cbm_tests'), ['--abort-after=1', '--no-colors'], { timeout });
  return { ...r, ms: Date.now() - started };
}
const wasmEnv = { ...process.env, NODE_PATH: '/usr/share/nodejs' };
async function buildWasm() {
  return (await run('cmake', ['--build', join(root, 'build/wasm'), '--', `-j${jobs}`], { env: wasmEnv })).ok;
}
function nodeSuite(timeout) {
  return run(process.execPath, ['--test', join(root, 'tests/node/')], { timeout });
}

// --- the run ---------------------------------------------------------------------------------
const all = files.flatMap(mutantsOf);
let candidates = all;
if (changed) {
  const { from, lines } = changedLines();
  candidates = all.filter((m) => lines.get(m.file)?.has(m.line));
  console.log(`Lines of src/core changed against ${from}: ${[...lines.values()].reduce((n, s) => n + s.size, 0)}, in ${lines.size} files.`);
  if (!candidates.length) {
    console.log('No mutant on a changed line: nothing to run (--base REV compares with another commit: --base HEAD~1, the last one).');
    process.exit(0);
  }
}
const chosen = ids ? candidates.filter((m) => ids.split(',').includes(m.id)) : sample > 0 ? spread(candidates, sample) : candidates;
const known = equivalents();
console.log(
  `${all.length} mutants in ${files.length} files; running ${chosen.length}${sample ? ` (--sample ${sample} --seed ${seed})` : ''}${changed ? ' on changed lines' : ''}.`,
);
if (listOnly) {
  const list = chosen.map(
    (m) => `${m.id}  ${relative(root, m.file)}:${m.line}  ${m.operator.padEnd(10)}  ${m.original}  =>  ${m.mutated || '(dropped)'}\n`,
  );
  // Exit once it is all written: into a pipe, process.exit would cut the list short.
  await new Promise((done) => process.stdout.write(list.join(''), done));
  process.exit(0);
}

console.log('Configuring build/mutate (the native suite at -O1: quicker to rebuild, same results)');
if (
  !(await run('cmake', ['-S', root, '-B', buildDir, '-DCMAKE_BUILD_TYPE=Release', '-DCMAKE_CXX_FLAGS_RELEASE=-O1'])).ok ||
  !(await buildNative())
) {
  console.error('The unmutated core does not build: fix that first.');
  process.exit(1);
}
const baseline = await nativeSuite(0);
if (!baseline.ok) {
  console.error(`The native suite fails without any mutant:\n${baseline.output.slice(-2000)}`);
  process.exit(1);
}
const nativeTimeout = baseline.ms * 4 + 10000;
console.log(`Native suite: ${baseline.ms} ms unmutated; a mutant that runs past ${nativeTimeout} ms counts as killed.`);

const results = [];
let current = null; // the file mutated now: its original sits in build/mutate/originals
const started = Date.now();
for (const [i, m] of chosen.entries()) {
  if (current !== m.file) {
    if (current) putBack(current);
    current = m.file;
    keep(current);
  }
  const equivalent = known.get(m.id);
  let outcome;
  if (equivalent) outcome = 'equivalent';
  else {
    writeFileSync(m.file, m.apply());
    if (!(await buildNative())) outcome = 'stillborn';
    else {
      const r = await nativeSuite(nativeTimeout);
      outcome = r.ok ? 'survived' : r.timedOut ? 'killed (time)' : 'killed';
    }
  }
  results.push({ ...m, outcome, reason: equivalent?.reason });
  const eta = ((Date.now() - started) / (i + 1)) * (chosen.length - i - 1);
  process.stdout.write(
    `\r  ${i + 1}/${chosen.length}  ${relative(root, m.file)}:${m.line} ${m.operator}: ${outcome}`.padEnd(90) +
      ` ~${Math.round(eta / 60000)} min left`,
  );
  if (outcome === 'survived') process.stdout.write(`\n    ${m.id}  ${m.original}  =>  ${m.mutated || '(dropped)'}\n`);
}
if (current) putBack(current);
// Put the objects of the last mutated file back in step with its source.
await buildNative();
process.stdout.write('\n');

// The node suite for the survivors: each through the WASM build, then the build restored.
if (withNode) {
  const survivors = results.filter((r) => r.outcome === 'survived');
  console.log(`Node suite for the ${survivors.length} survivors (each rebuilds the WASM module)`);
  for (const r of survivors) {
    keep(r.file);
    writeFileSync(r.file, r.apply());
    const built = await buildWasm();
    const node = built ? await nodeSuite(600000) : { ok: true };
    putBack(r.file);
    r.nodeOutcome = !built ? 'stillborn' : node.ok ? 'survived' : 'killed';
    console.log(`  ${r.id} ${relative(root, r.file)}:${r.line}: node ${r.nodeOutcome}`);
  }
  await buildWasm();
}

// --- the report ------------------------------------------------------------------------------
const counts = (rows) => {
  const c = { mutants: rows.length, killed: 0, survived: 0, equivalent: 0, stillborn: 0, nodeKilled: 0 };
  for (const r of rows) {
    if (r.outcome.startsWith('killed')) c.killed++;
    else c[r.outcome]++;
    if (r.nodeOutcome === 'killed') c.nodeKilled++;
  }
  c.live = c.killed + c.survived; // the mutants that can change behaviour and were built
  return c;
};
const percent = (part, whole) => (whole ? `${((100 * part) / whole).toFixed(1)}%` : '-');
const lines = [];
lines.push('', `Mutation score by file (${chosen.length} mutants, ${Math.round((Date.now() - started) / 1000)} s)`);
lines.push(
  `${'file'.padEnd(28)} ${'mutants'.padStart(7)} ${'killed'.padStart(7)} ${'lived'.padStart(6)} ${'equiv'.padStart(6)} ${'no build'.padStart(8)} ${'native'.padStart(7)}${withNode ? ` ${'+node'.padStart(7)}` : ''}`,
);
const byFile = groupBy(results, (r) => relative(root, r.file));
for (const [file, rows] of [...byFile].sort()) {
  const c = counts(rows);
  lines.push(
    `${file.padEnd(28)} ${String(c.mutants).padStart(7)} ${String(c.killed).padStart(7)} ${String(c.survived).padStart(6)} ${String(c.equivalent).padStart(6)} ${String(c.stillborn).padStart(8)} ${percent(c.killed, c.live).padStart(7)}${withNode ? ` ${percent(c.killed + c.nodeKilled, c.live).padStart(7)}` : ''}`,
  );
}
const total = counts(results);
lines.push(
  `${'all of them'.padEnd(28)} ${String(total.mutants).padStart(7)} ${String(total.killed).padStart(7)} ${String(total.survived).padStart(6)} ${String(total.equivalent).padStart(6)} ${String(total.stillborn).padStart(8)} ${percent(total.killed, total.live).padStart(7)}${withNode ? ` ${percent(total.killed + total.nodeKilled, total.live).padStart(7)}` : ''}`,
);
lines.push(
  '',
  `Score, native suite: ${percent(total.killed, total.live)} of ${total.live} mutants that can change behaviour (equivalent and unbuildable ones left out)`,
);
if (withNode) lines.push(`Score, native + node: ${percent(total.killed + total.nodeKilled, total.live)}`);
const alive = results.filter((r) => r.outcome === 'survived' && r.nodeOutcome !== 'killed');
if (alive.length) {
  lines.push('', 'Survivors (a test that tells them apart closes the gap; an equivalent one goes to tests/mutation/equivalent.txt):');
  for (const r of alive)
    lines.push(`  ${r.id}  ${relative(root, r.file)}:${r.line}  ${r.operator}: ${r.original}  =>  ${r.mutated || '(dropped)'}`);
}
console.log(lines.join('\n'));
writeFileSync(join(buildDir, 'report.txt'), `${lines.join('\n')}\n`);
