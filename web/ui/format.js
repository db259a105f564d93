// Display of exact decimal strings, dates and durations in the reader's locale (or the widget's
// `lang`). Intl.NumberFormat formats a decimal string without going through a binary double, so
// "210.24168192" stays what it is. Every number the page shows goes through this module.

// Small amounts keep two significant digits instead of rounding to nothing ("$0.0042", not
// "$0.00"; "0.00062%", not "0%"): the more precise of the two roundings wins.
const keepSmall = { maximumSignificantDigits: 2, roundingPriority: 'morePrecision' };
const numberOptions = {
  percent: { style: 'unit', unit: 'percent', maximumFractionDigits: 2, ...keepSmall },
  // A fraction shown as a percentage ("0.03" as "3%"): Intl scales it, not our arithmetic.
  share: { style: 'percent', maximumFractionDigits: 4 },
  // An owner's share of a big pool: enough significant digits to tell 0.0012% from 0.0013%.
  poolShare: { style: 'percent', maximumSignificantDigits: 3 },
  wfi: { maximumFractionDigits: 6 },
  usd: { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 2, ...keepSmall },
  // Token and Energy prices: cents are too coarse for $0.0042.
  price: { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 6 },
  points: { maximumFractionDigits: 2 },
  // Points for an input field: rounded as `points`, no grouping ("2430.23").
  points2: { maximumFractionDigits: 2, useGrouping: false },
  units: { maximumFractionDigits: 0 },
  plain: { maximumFractionDigits: 6 },
  // Every digit of a core decimal (18 at most), grouped: the values of an explanation's formula.
  exact: { maximumFractionDigits: 18 },
  // Per-second rewards are tiny: keep their significant digits, not a fixed number of decimals.
  rate: { maximumSignificantDigits: 8 },
  tiny: { maximumSignificantDigits: 6 },
  compact: { notation: 'compact', maximumSignificantDigits: 4 },
  usdCompact: { style: 'currency', currency: 'USD', notation: 'compact', maximumSignificantDigits: 4 },
};
const suffixes = { wfi: ' WFI', points: ' points', units: ' units', rate: ' WFI/s', tiny: ' WFI' };
const cache = new Map();

function formatter(key, make) {
  let f = cache.get(key);
  if (!f) cache.set(key, (f = make()));
  return f;
}

function numberFormat(kind, locale) {
  return formatter(`n|${kind}|${locale ?? ''}`, () => new Intl.NumberFormat(locale, numberOptions[kind] ?? numberOptions.plain));
}

/** Formats a decimal string (or a number) for reading: "210.24%", "3,091.78944 WFI", "$525.60". */
export function formatAmount(value, kind = 'plain', locale = undefined) {
  return numberFormat(kind, locale).format(value) + (suffixes[kind] ?? '');
}

/** A number without its unit, for chart axes: "81.6M", "1,200". */
export function formatAxis(value, locale = undefined) {
  if (value === null || value === undefined) return '';
  return numberFormat(Math.abs(value) >= 10000 ? 'compact' : 'plain', locale).format(value);
}

/** A decimal's text times 10^places, by moving its point ("0.125", 2 -> "12.5"): a notation,
 * not a computation, so every digit stays. */
export function shiftPoint(text, places) {
  const negative = text.startsWith('-');
  const [whole, part = ''] = (negative ? text.slice(1) : text).split('.');
  const digits = whole + part.padEnd(places, '0');
  const point = whole.length + places;
  const integer = digits.slice(0, point).replace(/^0+(?=\d)/, '');
  const rest = digits.slice(point);
  return (negative ? '-' : '') + integer + (rest ? `.${rest}` : '');
}

/** A fraction's text as a percentage's ("0.03" -> "3"). */
export const percentText = (fraction) => shiftPoint(fraction, 2);

/** The exact figure as it should be read aloud or copied: every digit, the unit spelled. */
export function exactText(value, kind = 'plain') {
  if (kind === 'percent') return `${value}%`;
  if (kind === 'usd' || kind === 'price') return `${value} USD`;
  return value + (suffixes[kind] ?? '');
}

/** A calendar day (UTC, as the pool counts days) from Unix seconds: "21 Nov 2026". */
export function formatDate(unixSeconds, locale = undefined) {
  const f = formatter(`d|${locale ?? ''}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }));
  return f.format(new Date(unixSeconds * 1000));
}

const periodStyles = {
  day: { dateStyle: 'medium' },
  week: { dateStyle: 'medium' },
  month: { month: 'long', year: 'numeric' },
  year: { year: 'numeric' },
};

/** The name of a calendar period (UTC) starting at `unixSeconds`: "Dec 2, 2026", "from Nov 30,
 * 2026" (a week), "December 2026", "2027". */
export function formatPeriod(unixSeconds, period, locale = undefined) {
  const f = formatter(`p|${period}|${locale ?? ''}`, () => new Intl.DateTimeFormat(locale, { ...periodStyles[period], timeZone: 'UTC' }));
  const name = f.format(new Date(unixSeconds * 1000));
  return period === 'week' ? `from ${name}` : name;
}

/** A chart tick (UTC) from Unix seconds: "Jan 2031" when ticks are a month or more apart
 * (`step` seconds), else "Jan 28"; `stacked`, the month over the year ("Jan\n2031"), for a
 * narrow chart. */
export function formatTick(unixSeconds, step, locale = undefined, stacked = false) {
  const monthly = step >= 28 * 86400;
  const options = monthly ? { month: 'short', year: 'numeric' } : { month: 'short', day: 'numeric' };
  const f = formatter(`k|${monthly}|${locale ?? ''}`, () => new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }));
  const date = new Date(unixSeconds * 1000);
  if (!(monthly && stacked)) return f.format(date);
  const parts = f.formatToParts(date);
  const part = (type) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('month')}\n${part('year')}`;
}

/** A moment (UTC) from Unix seconds: "21 Nov 2026, 14:05:09 UTC". */
export function formatDateTime(unixSeconds, locale = undefined) {
  const f = formatter(
    `t|${locale ?? ''}`,
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC', hourCycle: 'h23' }),
  );
  return `${f.format(new Date(unixSeconds * 1000))} UTC`;
}

const durationUnits = [
  ['day', 86400],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

/** A count of days: "641 days", "1 day" (localized). */
export function formatDays(days, locale = undefined) {
  return formatter(`days|${locale ?? ''}`, () => new Intl.NumberFormat(locale, { style: 'unit', unit: 'day', unitDisplay: 'long' })).format(
    days,
  );
}

/** Whole seconds as "11 days 13 hr 46 min 40 sec" (localized unit names, zero parts left out). */
export function formatDuration(seconds, locale = undefined) {
  let rest = Math.max(0, Math.floor(seconds));
  const parts = [];
  for (const [unit, size] of durationUnits) {
    const n = Math.floor(rest / size);
    rest -= n * size;
    if (n > 0 || (unit === 'second' && parts.length === 0)) {
      const f = formatter(`u|${unit}|${locale ?? ''}`, () => new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short' }));
      parts.push(f.format(n));
    }
  }
  return parts.join(' ');
}
