// The page's code in pieces a reader can hold (issue 25): no function in the page, its sections,
// widget or workers is over 100 lines. A section is a state module (no DOM) and render functions
// and wiring, not one closure. Parsed with TypeScript's parser, which reads JavaScript.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';

import ts from '../node_modules/typescript/lib/typescript.js';

const MAX_LINES = 100;
const web = new URL('../../web/', import.meta.url);
const files = ['', 'ui/', 'widget/'].flatMap((dir) =>
  readdirSync(new URL(dir, web))
    .filter((name) => name.endsWith('.js'))
    .map((name) => `${dir}${name}`),
);

/** Each function of `source` over `max` lines: "file:line name (N lines)". */
function longFunctions(file, source, max) {
  const tree = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const long = [];
  const lineOf = (pos) => tree.getLineAndCharacterOfPosition(pos).line + 1;
  const visit = (node) => {
    if (ts.isFunctionLike(node) && node.body) {
      const [first, last] = [lineOf(node.getStart()), lineOf(node.end)];
      const name = node.name?.getText() ?? node.parent?.name?.getText?.() ?? '(anonymous)';
      if (last - first + 1 > max) long.push(`${file}:${first} ${name} (${last - first + 1} lines)`);
    }
    ts.forEachChild(node, visit);
  };
  visit(tree);
  return long;
}

test('the check finds a long function', () => {
  const body = Array.from({ length: 101 }, (_, i) => `  const x${i} = ${i};`).join('\n');
  assert.deepEqual(longFunctions('t.js', `export function f() {\n${body}\n}\nconst g = () => 1;\n`, MAX_LINES), ['t.js:1 f (103 lines)']);
  assert.deepEqual(longFunctions('t.js', `const g = () => {\n${body.split('\n').slice(0, 90).join('\n')}\n};\n`, MAX_LINES), []);
});

test(`no function of the page, its sections, widget or workers is over ${MAX_LINES} lines`, () => {
  assert.ok(files.includes('app.js') && files.includes('ui/mining-section.js') && files.includes('widget/cbm-calculator.js'));
  const long = files.flatMap((file) => longFunctions(file, readFileSync(new URL(file, web), 'utf8'), MAX_LINES));
  assert.deepEqual(long, []);
});
