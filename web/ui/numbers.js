// The one reader of typed numbers, for the page, the widget and the share link's values: what a
// person wrote in their language, as the core's decimal text. Only separators move; the digits
// stay as typed, and the core checks the value. Typing that a locale's rules do not make one
// number ("0,170" in English, "1.234" in German) is asked about, never guessed; the API's own
// form ("0.25") is read as itself wherever no grouping could make it.
import { CbmError } from '../lib/cbmcalc.js';

const signs = new Map(); // lang -> { group, decimal }
const spaces = /[\u0020\u00a0\u202f]/g; // the group signs of locales that group with a space

/** The group and decimal signs of `lang`, as Intl writes 12,345.6. */
function signsOf(lang) {
  if (!signs.has(lang)) {
    const parts = new Intl.NumberFormat(lang).formatToParts(12345.6);
    const group = parts.find((p) => p.type === 'group')?.value ?? ',';
    const decimal = parts.find((p) => p.type === 'decimal')?.value ?? '.';
    signs.set(lang, { group: /\s/.test(group) ? ' ' : group, decimal });
  }
  return signs.get(lang);
}

const escape = (sign) => sign.replace(/[.]/g, '\\.');

/** Whole digits with `group` in valid places: 1-3 digits (no leading zero), then groups of 3. */
const groupedWhole = (group) => new RegExp(`^[1-9]\\d{0,2}(${escape(group)}\\d{3})+$`);

/**
 * A number as typed in `lang` ("0,25" in German), as { text } in the core's form ("0.25"), or
 * { ask: [candidates] } when the typing does not make one number in that locale: each candidate
 * is a reading written as the locale writes it, for a question ("Do you mean 0.170?"). Text
 * that is no number at all is returned as it is, for the core to refuse with its message.
 */
export function readNumber(typed, lang = 'en') {
  let text = String(typed ?? '').trim();
  const { group, decimal } = signsOf(lang);
  if (group === ' ') text = text.replace(spaces, ' ');
  const sign = /^[+-]/.test(text) ? text[0] : '';
  const body = text.slice(sign.length);
  const other = decimal === '.' ? ',' : '.'; // the other convention's decimal sign
  const [whole, fraction, ...extra] = body.split(decimal);
  if (extra.length) return { text };
  const plainWhole = /^\d+$/.test(whole);
  const fractionOk = fraction === undefined || /^\d+$/.test(fraction);
  if (!fractionOk) return { text };
  const digits = (w) => `${sign}${w}${fraction === undefined ? '' : `.${fraction}`}`;
  if (plainWhole) return { text: digits(whole) };
  if (groupedWhole(group).test(whole)) {
    const ungrouped = whole.replaceAll(group, '');
    // "1.234" in German: a thousands point, or a decimal point from an English habit (an
    // English "1,234" is read as 1234: a decimal comma is not a habit of English software).
    const oneGroup = whole.split(group).length === 2; // "1.234.567" is no decimal
    if (group === '.' && fraction === undefined && oneGroup)
      return { ask: [`${sign}${ungrouped}`, `${sign}${whole.replace(other, decimal)}`] };
    return { text: digits(ungrouped) };
  }
  if (fraction === undefined && new RegExp(`^\\d+${escape(other)}\\d+$`).test(whole)) {
    // "0.25" in German: the API's own form (a host's attribute, a pasted figure), which no
    // grouping makes ("1.234" could be, and is asked above). Read as written.
    if (other === '.') return { text: `${sign}${whole}` };
    // "0,170" in English: a decimal comma that no English software writes; asked, never 170.
    return { ask: [`${sign}${whole.replace(other, decimal)}`] };
  }
  return { text };
}

/** readNumber's text, or a CbmError at `field` (problem kind "ambiguous") saying `ask(...)`. */
export function numberText(typed, field, { lang = 'en', ask = englishQuestion } = {}) {
  const read = readNumber(typed, lang);
  if (read.ask) throw new CbmError(`${field}: ${ask(...read.ask)}`, { field, problem: { kind: 'ambiguous', candidates: read.ask } });
  return read.text;
}

/** The page's question: "Do you mean 0.170?" or "Do you mean 1234 or 1.234?". */
export function englishQuestion(...candidates) {
  return candidates.length === 1
    ? `Do you mean ${candidates[0]}? Write decimals with a point.`
    : `Do you mean ${candidates.join(' or ')}? Write it without the thousands separator.`;
}

/**
 * A plain number the page itself uses (years, a percentage, a count): readNumber's text, and
 * only digits with an optional sign and decimal point ("0x10", "1e3" and " " are not numbers
 * here, as they are not for the core); a finite number is taken as it is (the worker is given
 * the page's numbers). Returns the number, or throws a CbmError at `field` saying it `expects`
 * ("must be a number of years > 0").
 */
export function plainNumber(typed, field, expects) {
  if (typeof typed === 'number' && Number.isFinite(typed)) return typed;
  const text = numberText(typed, field);
  if (!/^[+-]?\d+(\.\d+)?$/.test(text))
    throw new CbmError(
      `${field}: ${expects}, got "${String(typed ?? '')
        .trim()
        .slice(0, 40)}"`,
      { field },
    );
  return Number(text);
}
