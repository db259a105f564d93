// build-scripts/mutate --changed (issue 28): the mutants it picks are those on the lines of
// src/core a change touched, an edit not yet committed on main or a branch's commits since it
// left main. Tried in a clone of this repository (--list builds nothing, changes nothing).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const git = (cwd, ...argv) => execFileSync('git', argv, { cwd, encoding: 'utf8' });

/** The mutants `build-scripts/mutate.mjs --list ...args` lists in `clone`, as "file:line". */
function listed(clone, ...args) {
  const out = execFileSync(process.execPath, ['build-scripts/mutate.mjs', '--list', ...args], { cwd: clone, encoding: 'utf8' });
  return [...out.matchAll(/^[0-9a-f]{8} {2}(\S+:\d+) /gm)].map((m) => m[1]);
}

test('--changed lists the mutants of the changed lines only, uncommitted or on a branch', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'cbm-mutate-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const clone = join(dir, 'main');
  execFileSync('git', ['clone', '--quiet', repo, clone]);
  git(clone, 'checkout', '--quiet', '-B', 'main'); // whatever this checkout's branch, main there
  // The tool as it is in this work tree, edits not yet committed included (not in src/core).
  writeFileSync(join(clone, 'build-scripts/mutate.mjs'), readFileSync(join(repo, 'build-scripts/mutate.mjs')));
  git(clone, 'config', 'user.email', 'test@example.com');
  git(clone, 'config', 'user.name', 'test');

  // Nothing changed: nothing to run.
  assert.deepEqual(listed(clone, '--changed'), []);

  // One line of apr.cpp edited (a units check made stricter), not committed.
  const file = join(clone, 'src/core/apr.cpp');
  const lines = readFileSync(file, 'utf8').split('\n');
  const at = lines.findIndex((line) => line.includes('requireSign(units, "units", Sign::positive);'));
  assert.ok(at >= 0);
  lines[at] = lines[at].replace('requireSign(units,', 'requireSign(units.plus(units, "units"),');
  writeFileSync(file, lines.join('\n'));
  const onLine = `src/core/apr.cpp:${at + 1}`;
  const uncommitted = listed(clone, '--changed');
  assert.ok(uncommitted.length > 0);
  assert.deepEqual(new Set(uncommitted), new Set([onLine]));

  // The same edit committed on a branch: against where it left main.
  git(clone, 'checkout', '--quiet', '-b', 'topic');
  git(clone, 'commit', '--quiet', '-am', 'a stricter check');
  assert.deepEqual(listed(clone, '--changed'), uncommitted);
  // --base picks another commit to compare with: main itself here, the same change.
  assert.deepEqual(listed(clone, '--changed', '--base', 'main'), uncommitted);
  // Without --changed, the whole file's mutants.
  assert.ok(listed(clone, 'src/core/apr.cpp').length > uncommitted.length);
});

test('every equivalent mutant listed names a mutant of its file as the tool makes it today', () => {
  const out = execFileSync(process.execPath, ['build-scripts/mutate.mjs', '--list'], { cwd: repo, encoding: 'utf8' });
  const made = new Map([...out.matchAll(/^([0-9a-f]{8}) {2}(\S+):\d+ /gm)].map((m) => [m[1], m[2]]));
  const listedAsEquivalent = readFileSync(join(repo, 'tests/mutation/equivalent.txt'), 'utf8')
    .split('\n')
    .filter((line) => /^[0-9a-f]{8} /.test(line))
    .map((line) => line.split(/\s+/));
  assert.ok(listedAsEquivalent.length > 0);
  const stale = listedAsEquivalent.filter(([id, file, ...reason]) => made.get(id) !== file || reason.length < 5);
  assert.deepEqual(stale, [], 'ids that name no mutant of that file any more (or come without a reason): remove or re-examine them');
});
