// Display of exact decimal strings in the reader's locale. Intl.NumberFormat formats a decimal
// string without going through a binary double, so "210.24168192" stays what it is.

const formats = {
  percent: { style: 'unit', unit: 'percent', maximumFractionDigits: 2 },
  wfi: { maximumFractionDigits: 6 },
  usd: { style: 'currency', currency: 'USD', maximumFractionDigits: 2 },
  points: { maximumFractionDigits: 2 },
  plain: { maximumFractionDigits: 6 },
};
const suffix = { wfi: ' WFI', points: ' points' };
const cache = new Map();

/** Formats a decimal string for reading: "210.24%", "3,091.78944 WFI", "$525.60". */
export function formatAmount(value, kind = 'plain') {
  if (!cache.has(kind)) cache.set(kind, new Intl.NumberFormat(undefined, formats[kind]));
  return cache.get(kind).format(value) + (suffix[kind] ?? '');
}

/** The exact figure as it should be read aloud or copied: every digit, the unit spelled. */
export function exactText(value, kind = 'plain') {
  return kind === 'percent' ? `${value}%` : value + (suffix[kind] ?? (kind === 'usd' ? ' USD' : ''));
}
