// Text from a file, shown to a person as it is: the characters that a terminal would act on
// (ESC, BEL, a newline), that reorder a line (U+202E) or that show nothing (U+200B) are written
// as escapes, and names that still look alike (NFC and NFD "José", a fullwidth "ａ") are found.
// The command line prints with these; the pool worker marks the page's owners with them.

// Controls (C0, DEL, C1), format characters (bidirectional controls, zero-width characters,
// U+FEFF, U+2060..2064, the soft hyphen), lone surrogates, line and paragraph separators, and
// the Hangul fillers that render as blanks.
const HIDDEN = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}\u115F\u1160\u3164\uFFA0]/gu;

/** `text` with each hidden character as an escape: "\u{1B}", "\u{202E}". */
export const visible = (text) => String(text).replace(HIDDEN, (c) => `\\u{${c.codePointAt(0).toString(16).toUpperCase()}}`);

/** JSON text (JSON.stringify's) with the same characters as JSON escapes ("\u202e"; one past
 * U+FFFF as its two code units): the same data, nothing a terminal acts on. Tab, CR and LF are
 * left: JSON.stringify escapes them in strings, so these are the layout's. The rest can only
 * stand inside strings, where an escape is the character itself. */
export const visibleJson = (json) =>
  json.replace(HIDDEN, (c) =>
    /[\t\n\r]/.test(c) ? c : Array.from({ length: c.length }, (_, k) => `\\u${c.charCodeAt(k).toString(16).padStart(4, '0')}`).join(''),
  );

/** How a name looks, near enough: without its hidden characters, compatibility-normalised (NFKC:
 * composed accents, fullwidth letters as ASCII), its spaces of any kind trimmed and single. */
const lookOf = (name) => name.replace(HIDDEN, '').normalize('NFKC').replace(/\s+/gu, ' ').trim();

// A name of printable ASCII, single spaces between words, looks like itself and like no other
// such name: most names are, and skip the normalisation.
const PLAIN = /^[\x21-\x7e]+(?: [\x21-\x7e]+)*$/;

/** For each of `names` (distinct), 1 if it looks like another of them: the same after lookOf()
 * (they differ in hidden characters, spaces or Unicode form), or shown the same by visible() as
 * another's text (a name that contains "\u{200B}" as text). A Map over the names that are not
 * plain only: cheap for a million plain ones. */
export function lookalikes(names) {
  const flags = new Uint8Array(names.length);
  const groups = new Map(); // a look -> the indices of the names that have it
  const add = (look, i) => (groups.get(look) ?? groups.set(look, []).get(look)).push(i);
  names.forEach((name, i) => {
    if (PLAIN.test(name)) return;
    const [look, shown] = [lookOf(name), visible(name)];
    add(look, i);
    if (shown !== look) add(shown, i);
  });
  if (groups.size === 0) return flags;
  names.forEach((name, i) => PLAIN.test(name) && groups.get(name)?.push(i));
  for (const indices of groups.values()) if (indices.length > 1) for (const i of indices) flags[i] = 1;
  return flags;
}
