// Reading a user's file without losing anything, and showing its text as it is: the modules the
// page's worker and the command line share (web/ui/text-files.js, web/ui/visible-text.js).
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { decodeText, firstInvalidUtf8, parseJson } from '../../web/ui/text-files.js';
import { lookalikes, visible } from '../../web/ui/visible-text.js';

const utf8 = (text) => new TextEncoder().encode(text);
const utf16le = (text) => new Uint8Array(Buffer.from(text, 'utf16le'));
const utf16be = (text) => new Uint8Array(Buffer.from(text, 'utf16le').swap16());

test('text files: UTF-8 with or without its byte order mark, UTF-16 with one (PowerShell) or as JSON starts', () => {
  const text = '{"owner": "José"}';
  assert.equal(decodeText(utf8(text), 'pool.json'), text);
  assert.equal(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]), 'pool.json'), text);
  assert.equal(decodeText(utf16le(`\uFEFF${text}`), 'pool.json'), text);
  assert.equal(decodeText(utf16be(`\uFEFF${text}`), 'pool.json'), text);
  // No mark: a JSON text begins with two ASCII characters, so its zero bytes say which UTF-16.
  assert.equal(decodeText(utf16le(text), 'pool.json'), text);
  assert.equal(decodeText(utf16be(text), 'pool.json'), text);
  assert.equal(decodeText(new Uint8Array(), 'empty.json'), '');
});

test('text files: bytes that are not text are refused, naming the file and the byte, never read as U+FFFD', () => {
  // Latin-1 "José" and "Josè" would both decode to "Jos\uFFFD": one owner.
  const latin1 = new Uint8Array(Buffer.from('[{"owner": "Jos\xe9"}, {"owner": "Jos\xe8"}]', 'latin1'));
  assert.throws(
    () => decodeText(latin1, 'pool.json'),
    (e) => e.message === 'pool.json: is not UTF-8 text (byte 0xE9 at offset 15); save it as UTF-8' && e.field === 'json',
  );
  // A UTF-16 mark before a broken character (a lone surrogate) or an odd byte.
  const lone = new Uint8Array([0xff, 0xfe, 0x7b, 0x00, 0x00, 0xd8, 0x7d, 0x00]);
  assert.throws(() => decodeText(lone, 'ps.json'), {
    message: /^ps\.json: is not UTF-16LE text, though it starts like it .*; save it as UTF-8$/,
  });
  assert.throws(() => decodeText(new Uint8Array([0xfe, 0xff, 0x00]), 'ps.json'), { message: /is not UTF-16BE text/ });
  // The decoder's rules: overlong forms, surrogates and code points past U+10FFFF are not UTF-8.
  assert.equal(firstInvalidUtf8(utf8('aé€😀')), -1);
  assert.equal(firstInvalidUtf8(new Uint8Array([0x61, 0xc0, 0xaf])), 1); // overlong "/"
  assert.equal(firstInvalidUtf8(new Uint8Array([0xe0, 0x80, 0xaf])), 0); // overlong
  assert.equal(firstInvalidUtf8(new Uint8Array([0x61, 0x62, 0xed, 0xa0, 0x80])), 2); // a surrogate
  assert.equal(firstInvalidUtf8(new Uint8Array([0xf4, 0x90, 0x80, 0x80])), 0); // past U+10FFFF
  assert.equal(firstInvalidUtf8(new Uint8Array([0x61, 0xe2, 0x82])), 1); // cut short
  for (const bytes of [
    [0xc0, 0xaf],
    [0xed, 0xa0, 0x80],
    [0xf4, 0x90, 0x80, 0x80],
    [0xe2, 0x82],
  ]) {
    assert.throws(() => decodeText(new Uint8Array([0x5b, ...bytes]), 'x'), /is not UTF-8 text \(byte 0x.. at offset 1\)/);
  }
});

test('JSON: a number a double cannot hold keeps its exact text; the rest is JSON.parse', () => {
  const value = parseJson(
    '{"activations": [{"id": 98765432109876543211, "owner": 12345678901234567891, "units": 1e400, "requestedAt": 9007199254740993},' +
      ' {"id": 98765432109876543212, "owner": 12345678901234567892, "units": 1000, "requestedAt": 9007199254740992}],' +
      ' "rules": {"rate": 0.123456789012345678, "small": 1e-400, "same": [1.5e3, 0.1, -0, 1.0E20, 123456789012345]}}',
  );
  assert.deepEqual(value.activations, [
    { id: '98765432109876543211', owner: '12345678901234567891', units: '1e400', requestedAt: '9007199254740993' },
    { id: '98765432109876543212', owner: '12345678901234567892', units: 1000, requestedAt: 9007199254740992 },
  ]);
  // A number whose double is the number written stays a number (0.1 is read as 0.1, SPEC 0).
  assert.deepEqual(value.rules, { rate: '0.123456789012345678', small: '1e-400', same: [1500, 0.1, -0, 1e20, 123456789012345] });
  // Digits inside strings, escaped quotes and keys are left alone.
  assert.deepEqual(parseJson('{"a\\"12345678901234567891": "12345678901234567891\\\\", "b": [12345678901234567891]}'), {
    'a"12345678901234567891': '12345678901234567891\\',
    b: ['12345678901234567891'],
  });
  // Text that is not JSON stays an error at its place as written; a number as a key is not made valid.
  for (const text of ['{12345678901234567891: 1}', '[012345678901234567891]', '[12345678901234567891 "x"]', '{"a": 1e999,}', '']) {
    let expected;
    try {
      JSON.parse(text);
    } catch (e) {
      expected = e.message;
    }
    assert.throws(() => parseJson(text), { name: 'SyntaxError', message: expected });
  }
});

test('visible(): controls, line breaks, bidirectional and zero-width characters become escapes', () => {
  assert.equal(visible('\u001b[31mred\u001b]0;TITLE\u0007'), '\\u{1B}[31mred\\u{1B}]0;TITLE\\u{7}');
  assert.equal(visible('a\nb\r\tc\u007f\u009b'), 'a\\u{A}b\\u{D}\\u{9}c\\u{7F}\\u{9B}');
  assert.equal(visible('\u202Eevil\u2066\u200E\u061C'), '\\u{202E}evil\\u{2066}\\u{200E}\\u{61C}');
  assert.equal(visible('a\u200Bb\u200Dc\uFEFFd\u2060\u2028'), 'a\\u{200B}b\\u{200D}c\\u{FEFF}d\\u{2060}\\u{2028}');
  assert.equal(visible('\u{E0041}tag\uD800'), '\\u{E0041}tag\\u{D800}'); // a tag character, a lone surrogate
  // Text that shows as it is stays as it is: accents, CJK, emoji, a no-break space.
  for (const text of ['José', 'Jose\u0301', '山田', '🙂', 'a\u00a0b', 'back\\slash']) assert.equal(visible(text), text);
});

test('lookalikes(): names that differ only in Unicode form, hidden characters or spaces are flagged, plain ones never', () => {
  const names = [
    'José', // NFC
    'Jose\u0301', // NFD: looks the same
    'Jo\u200Bsé', // a zero-width space
    'alice',
    'ａｌｉｃｅ', // fullwidth: NFKC makes it "alice"
    'bob',
    'bob ', // a trailing space
    'carol\u202E', // a bidirectional control at the end
    'carol',
    'dave',
    'x\\u{200B}', // shown as "x\u{200B}" is shown: the same as the next
    'x\u200B',
    'Zoë',
  ];
  assert.deepEqual([...lookalikes(names)], [1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 0]);
  // A million plain names (the usual pool) need no Map at all.
  const plain = Array.from({ length: 1_000_000 }, (_, i) => `owner-${i}`);
  const started = performance.now();
  assert.equal(
    lookalikes(plain).some((flag) => flag),
    false,
  );
  assert.ok(performance.now() - started < 5000, 'a million plain names in well under 5 s');
  plain[7] = 'owner-\u200B8';
  const flags = lookalikes(plain);
  assert.deepEqual(
    [...flags.keys()].filter((i) => flags[i]),
    [7, 8],
  );
});
