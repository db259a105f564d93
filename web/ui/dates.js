// Calendar days as the pool counts them: UTC midnights, written "YYYY-MM-DD". The pool's own
// clock is whole seconds since its genesis (SPEC 0); these helpers convert between the two.

export const DAY = 86400;
export const YEAR = 31536000; // SPEC 0: a year is 365 days

const dayPattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "YYYY-MM-DD" as Unix seconds at that UTC midnight; null unless it is a real calendar day
 * from 1970 on (Unix seconds are not negative). */
export function parseDay(text) {
  const m = dayPattern.exec(String(text).trim());
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  // Date.UTC rolls 2025-02-30 over to March: a day that does not round-trip does not exist.
  return ms >= 0 && new Date(ms).toISOString().slice(0, 10) === m[0] ? ms / 1000 : null;
}

/** Unix seconds as the UTC day "YYYY-MM-DD" they fall in. */
export function dayText(unixSeconds) {
  return new Date(Math.floor(unixSeconds / DAY) * DAY * 1000).toISOString().slice(0, 10);
}

/** Today (UTC) as Unix seconds at midnight; `nowMs` for a clock other than the system's. */
export function today(nowMs = Date.now()) {
  return Math.floor(nowMs / 1000 / DAY) * DAY;
}

/** Runs of consecutive days as "2026-10-01~2026-10-30", single days as themselves: a list of
 * check-ins stays short in a share link. `days` are "YYYY-MM-DD" strings. */
export function compressDays(days) {
  const sorted = [...new Set(days)]
    .map(parseDay)
    .filter((d) => d !== null)
    .sort((a, b) => a - b);
  const runs = [];
  for (const d of sorted) {
    const last = runs.at(-1);
    if (last && d === last[1] + DAY) last[1] = d;
    else runs.push([d, d]);
  }
  return runs.map(([a, b]) => (a === b ? dayText(a) : `${dayText(a)}~${dayText(b)}`)).join(',');
}

/** The inverse of compressDays; also reads a pasted list split by commas, spaces or lines.
 * Returns { days, bad, over } with the days sorted, the pieces that are not days, and whether
 * the days would pass `maxDays` in all (the days past it are left out before any is made: a
 * short text of long ranges is not a million days of work). */
export function expandDays(text, maxDays = Infinity) {
  const days = new Set();
  const bad = [];
  let over = false;
  for (const piece of String(text)
    .split(/[\s,;]+/)
    .filter(Boolean)) {
    const [from, to = from] = piece.split('~');
    const a = parseDay(from),
      b = parseDay(to);
    if (a === null || b === null || b < a) {
      bad.push(piece);
      continue;
    }
    for (let d = a; d <= b && !over; d += DAY) {
      const day = dayText(d);
      over = days.size >= maxDays && !days.has(day);
      if (!over) days.add(day);
    }
    if (over) break;
  }
  return { days: [...days].sort(), bad, over };
}
