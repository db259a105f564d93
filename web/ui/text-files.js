// A user's JSON file read without losing anything: its bytes decoded strictly (UTF-8, or UTF-16
// with its byte order mark, as PowerShell writes), then parsed so that a number a double cannot
// hold keeps its exact text. The page's worker and the command line read files through this one
// module, so that a file means the same in both.
import { CbmError } from '../lib/cbmcalc.js';

/** The text of a file's bytes. A byte order mark picks UTF-8 or UTF-16 (LE or BE); without one,
 * a JSON text's first two bytes tell UTF-16 from UTF-8 (RFC 4627: its first two characters are
 * ASCII). Anything that is not valid text in that encoding is refused: a Latin-1 "José" decoded
 * leniently becomes "Jos\uFFFD", and would merge with "Josè". `name` names the file in the error. */
export function decodeText(bytes, name) {
  const encoding = encodingOf(bytes);
  try {
    // fatal: an invalid byte throws instead of becoming U+FFFD; the decoder drops the mark.
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    const at = encoding === 'utf-8' ? firstInvalidUtf8(bytes) : -1;
    const problem =
      at >= 0
        ? `is not UTF-8 text (byte 0x${hex(bytes[at])} at offset ${at})`
        : `is not ${encoding.toUpperCase()} text, though it starts like it (a broken character or an odd number of bytes)`;
    throw new CbmError(`${name}: ${problem}; save it as UTF-8`, { field: 'json', problem: { kind: 'not-text', encoding } });
  }
}

function encodingOf(bytes) {
  const [a, b] = bytes;
  if (a === 0xff && b === 0xfe) return 'utf-16le';
  if (a === 0xfe && b === 0xff) return 'utf-16be';
  if (bytes.length >= 2 && a !== 0 && b === 0) return 'utf-16le';
  if (bytes.length >= 2 && a === 0 && b !== 0) return 'utf-16be';
  return 'utf-8';
}

const hex = (byte) => byte.toString(16).toUpperCase().padStart(2, '0');

/** The offset of the first byte that starts no valid UTF-8 sequence, or -1. Run only to name
 * the byte in the error. */
export function firstInvalidUtf8(bytes) {
  for (let i = 0; i < bytes.length;) {
    if (bytes[i] < 0x80) {
      i++;
      continue;
    }
    const [more, low, high] = utf8Sequence(bytes[i]) ?? [];
    if (!more || !(bytes[i + 1] >= low && bytes[i + 1] <= high)) return i;
    for (let k = 2; k <= more; k++) if (!(bytes[i + k] >= 0x80 && bytes[i + k] <= 0xbf)) return i;
    i += more + 1;
  }
  return -1;
}

/** What a lead byte starts: [continuation bytes, the range of the first of them], or null. The
 * ranges are the decoder's (the Encoding Standard's): no overlong forms, no surrogates, nothing
 * past U+10FFFF. */
function utf8Sequence(lead) {
  if (lead >= 0xc2 && lead <= 0xdf) return [1, 0x80, 0xbf];
  if (lead === 0xe0) return [2, 0xa0, 0xbf];
  if (lead === 0xed) return [2, 0x80, 0x9f];
  if (lead >= 0xe1 && lead <= 0xef) return [2, 0x80, 0xbf];
  if (lead === 0xf0) return [3, 0x90, 0xbf];
  if (lead >= 0xf1 && lead <= 0xf3) return [3, 0x80, 0xbf];
  if (lead === 0xf4) return [3, 0x80, 0x8f];
  return null;
}

// A number token a double may not hold needs 16 digits or an exponent: without either, a text
// parses as it is, at JSON.parse's speed (the usual case).
const MAYBE_LOSSY = /\d{16}|\d[eE]/;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** JSON.parse, except that a number whose double is not the number written (owner
 * 12345678901234567891 would be 12345678901234567000, the same as ...892) comes out as its exact
 * text, a string: ids and owners stay apart, and every number field of the API takes decimal
 * text, so the core checks the value written. Throws JSON.parse's SyntaxError. */
export function parseJson(text) {
  if (!MAYBE_LOSSY.test(text)) return JSON.parse(text);
  const lossy = lossyNumbers(text);
  if (lossy.length === 0) return JSON.parse(text);
  const parts = [];
  let at = 0;
  for (let k = 0; k < lossy.length; k += 2) {
    parts.push(text.slice(at, lossy[k]), '"', text.slice(lossy[k], lossy[k + 1]), '"');
    at = lossy[k + 1];
  }
  parts.push(text.slice(at));
  try {
    return JSON.parse(parts.join(''));
  } catch (e) {
    JSON.parse(text); // the error at its place in the text as written
    throw e;
  }
}

/** The [start, end) offsets, flat, of the number values in `text` that a double does not hold.
 * Only values: a number where a key goes is left for JSON.parse to refuse. */
function lossyNumbers(text) {
  const found = [];
  const open = []; // the containers around: '{' or '['
  let keyNext = false; // in an object, after '{' or ','
  for (let i = 0; i < text.length;) {
    const c = text[i];
    if (c === '"') {
      i = stringEnd(text, i);
      continue;
    }
    if (c === '-' || (c >= '0' && c <= '9')) {
      NUMBER.lastIndex = i;
      const token = NUMBER.exec(text)?.[0];
      if (token) {
        if (!keyNext && !roundTrips(token)) found.push(i, i + token.length);
        i += token.length;
        continue;
      }
    } else if (c === '{' || c === '[') {
      open.push(c);
      keyNext = c === '{';
    } else if (c === '}' || c === ']') {
      open.pop();
      keyNext = false;
    } else if (c === ',') keyNext = open.at(-1) === '{';
    else if (c === ':') keyNext = false;
    i++;
  }
  return found;
}

/** The offset after the string that starts at `start` (its closing quote is one not escaped). */
function stringEnd(text, start) {
  for (let from = start + 1; ;) {
    const quote = text.indexOf('"', from);
    if (quote < 0) return text.length;
    let backslashes = 0;
    while (text[quote - 1 - backslashes] === '\\') backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
    from = quote + 1;
  }
}

/** Whether the double of a JSON number token is the number written: the double's shortest
 * digits (what the API reads a number as), which toExponential() writes, are the token's own
 * digits at its own place. Text against text: no arithmetic on the value. 15 significant digits
 * always round-trip. */
function roundTrips(token) {
  if (token.length < 16 && !/[eE]/.test(token)) return true;
  const value = Number(token);
  return Number.isFinite(value) && value.toExponential() === scientific(token);
}

/** A JSON number token in toExponential()'s form: "150.0" is "1.5e+2", "-0.012" is "-1.2e-2",
 * any zero "0e+0". Only the place of the first significant digit is counted. */
function scientific(token) {
  const [, sign, whole, fraction = '', written = '0'] = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(token);
  const digits = whole + fraction;
  const first = digits.search(/[1-9]/);
  if (first < 0) return '0e+0';
  const significant = digits.slice(first).replace(/0+$/, '');
  const place = Number(written) + whole.length - 1 - first; // the first significant digit's power of ten
  const mantissa = significant.length > 1 ? `${significant[0]}.${significant.slice(1)}` : significant;
  return `${sign}${mantissa}e${place < 0 ? '-' : '+'}${Math.abs(place)}`;
}
