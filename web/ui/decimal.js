// A little exact arithmetic on the API's 18-decimal strings, for the few figures the page derives
// itself (a contribution, a USD value, a sort order). BigInt fixed point, truncated toward zero
// like the core, so a figure shown with every digit is exact.

const DIGITS = 18;
const SCALE = 10n ** BigInt(DIGITS);
const pattern = /^([+-]?)(\d*)(?:\.(\d*))?$/;

/** A decimal string or a finite number as a scaled BigInt; null when it is not a decimal. */
export function toFixed18(value) {
  let text = typeof value === 'number' ? numberText(value) : String(value).trim();
  const m = pattern.exec(text);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return null;
  const whole = BigInt(m[2] || '0');
  const fraction = BigInt(((m[3] ?? '') + '0'.repeat(DIGITS)).slice(0, DIGITS));
  const magnitude = whole * SCALE + fraction;
  return m[1] === '-' ? -magnitude : magnitude;
}

/** The shortest decimal text of a number, never in exponent form (1e-7 -> "0.0000001"). */
export function numberText(x) {
  if (!Number.isFinite(x)) return 'NaN';
  const text = String(x);
  if (!/e/i.test(text)) return text;
  // Exponent form: rebuild it from its digits, keeping the shortest round-trip digits.
  const [signed, exp] = text.toLowerCase().split('e');
  const negative = signed.startsWith('-');
  const mantissa = signed.replace(/^-/, '');
  const digits = mantissa.replace('.', '');
  const dot = mantissa.indexOf('.');
  const point = (dot < 0 ? mantissa.length : dot) + Number(exp); // digits before the point
  const body =
    point <= 0
      ? `0.${'0'.repeat(-point)}${digits}`
      : point >= digits.length
        ? digits + '0'.repeat(point - digits.length)
        : `${digits.slice(0, point)}.${digits.slice(point)}`;
  return (negative ? '-' : '') + body;
}

/** A scaled BigInt as the API writes amounts: no trailing zeros, no exponent. */
export function fromFixed18(n) {
  const negative = n < 0n;
  const magnitude = negative ? -n : n;
  const whole = magnitude / SCALE;
  const fraction = (magnitude % SCALE).toString().padStart(DIGITS, '0').replace(/0+$/, '');
  return (negative && magnitude !== 0n ? '-' : '') + whole.toString() + (fraction ? `.${fraction}` : '');
}

const parse = (value) => {
  const n = toFixed18(value);
  if (n === null) throw new RangeError(`not a decimal number: ${value}`);
  return n;
};

/** a + b, exact. */
export const add = (a, b) => fromFixed18(parse(a) + parse(b));
/** a - b, exact. */
export const sub = (a, b) => fromFixed18(parse(a) - parse(b));
/** a x b, truncated to 18 decimals. */
export const mul = (a, b) => fromFixed18((parse(a) * parse(b)) / SCALE);
/** a / b, truncated to 18 decimals; null when b is 0. */
export function div(a, b) {
  const d = parse(b);
  return d === 0n ? null : fromFixed18((parse(a) * SCALE) / d);
}
/** -1, 0 or 1 as a < b, a = b, a > b. */
export function compare(a, b) {
  const x = parse(a),
    y = parse(b);
  return x < y ? -1 : x > y ? 1 : 0;
}
