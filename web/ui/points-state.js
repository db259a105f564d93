// The "Points" section as state (SPEC 7): the check-in history, the figures of a day, the
// session simulator's account and clock as the browser stores them, the projection's request,
// and the words and rows drawn from them. No DOM: points-section.js puts these in the page, and
// node tests read them as a person would.
import { CbmError } from '../lib/cbmcalc.js';
import { DAY, compressDays, dayText, expandDays, parseDay } from './dates.js';
import { formatAmount, formatDate, formatDateTime, formatDuration } from './format.js';
import { plainNumber } from './numbers.js';

export const MAX_STREAK_DAYS = 3650; // the streak field's limit: ten years of days is plenty
export const ACCOUNT_KEY = 'cbmcalc.points.account';
export const CLOCK_KEY = 'cbmcalc.points.clockOffset';
export const NOT_SAVED = "Could not save: the browser's storage is full or blocked; this session lives in this tab only.";
const factorNames = { checkin: 'Check-in streak', points: 'Total points', invites: 'Invites', weight: 'Total weight' };
const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;

/** Hours as whole seconds, checked. */
export function hoursToSeconds(text, field) {
  const expects = `must be a number of hours from 0 to ${formatAmount(8760, 'plain')}`;
  const hours = plainNumber(text, field, expects);
  if (!(hours >= 0) || hours > 8760) throw new CbmError(`${field}: ${expects}, got "${String(text).trim()}"`, { field });
  return Math.round(hours * 3600);
}

/** The last `n` days up to `day` (Unix seconds at a midnight), oldest first, as YYYY-MM-DD. */
export const lastDays = (day, n) => Array.from({ length: n }, (_, k) => dayText(day - k * DAY)).reverse();

/** The history as a list: a run of days each ({ run, text }), as a link compresses them. */
export function historyRuns(checkins) {
  return compressDays(checkins)
    .split(',')
    .filter(Boolean)
    .map((run) => {
      const [from, to = from] = run.split('~');
      const count = (parseDay(to) - parseDay(from)) / DAY + 1;
      const text = from === to ? formatDate(parseDay(from)) : `${formatDate(parseDay(from))} – ${formatDate(parseDay(to))} (${count} days)`;
      return { run, text };
    });
}

/** The history in a sentence; `linkTooLong`: a link held more days than a history can. */
export function historySummary(checkins, { maxDays, linkTooLong = false }) {
  const range = checkins.length
    ? `${plural(checkins.length, 'check-in day', 'check-in days')}, from ${formatDate(parseDay(checkins[0]))} to ${formatDate(parseDay(checkins.at(-1)))}.`
    : 'No check-ins yet.';
  const kept = linkTooLong
    ? ` The link held more than ${formatAmount(maxDays, 'plain')} days, as many as a history holds: the earliest ones are kept.`
    : '';
  return range + kept;
}

/** A plain streak typed in: the last `text` days up to `day` checked in, the day before them
 * not; older days stay. Returns { checkins } or { error } (the field's message). */
export function withStreak(checkins, text, day) {
  if (!/^\d{1,4}$/.test(text) || Number(text) > MAX_STREAK_DAYS)
    return { error: `must be a whole number of days from 0 to ${formatAmount(MAX_STREAK_DAYS, 'plain')}` };
  const gap = dayText(day - Number(text) * DAY);
  return { checkins: [...new Set([...checkins.filter((d) => d < gap), ...lastDays(day, Number(text))])].sort() };
}

/** Pasted days added to `checkins`: { checkins (null: nothing added), error ('' : none),
 * clear (the paste was read whole) }. At most `maxDays` in all. */
export function withPasted(checkins, paste, maxDays) {
  const { days, bad, over } = expandDays(paste, maxDays);
  if (over || new Set([...checkins, ...days]).size > maxDays)
    return {
      checkins: null,
      error: `A history holds at most ${formatAmount(maxDays, 'plain')} days; with these it would hold more. Nothing was added.`,
    };
  const error = bad.length
    ? `Not a day: ${bad.slice(0, 3).join(', ')}${bad.length > 3 ? ` and ${bad.length - 3} more` : ''}. Write days as YYYY-MM-DD.`
    : '';
  return { checkins: days.length ? [...new Set([...checkins, ...days])].sort() : null, error, clear: !bad.length };
}

/** The figures of `day` (YYYY-MM-DD; `dayName`: "today" or "on <date>"): the streak, the weight
 * and its parts, a session of `hours`' reward. Throws a CbmError at the field that is wrong. */
export function pointsFigures(cbm, { checkins, day, dayName, totalPoints, invites, hours }) {
  const streak = cbm.streak({ checkins, on: day });
  const weight = cbm.pointsWeight({ streakDays: streak.days, totalPoints, invites });
  const elapsedSeconds = hoursToSeconds(hours, 'hours');
  const keep = streak.checkedInOnDay || streak.days === 0 ? '' : ` (check in ${dayName} to keep it)`;
  return {
    totalPoints,
    invites,
    streak,
    streakText: `${plural(streak.days, 'day', 'days')}${keep}`,
    weight,
    reward: cbm.pointsReward({ elapsedSeconds, weight: weight.weight }),
    session: { streakDays: streak.days, totalPoints, invites, elapsedSeconds }, // what "How?" asks about
  };
}

/** The weight a session started at `now` gets, and why it differs from the figures of the
 * section's day (`figures`, pointsFigures'): the clock may be on another day, where the streak
 * is not that one's. */
export function sessionWeight(cbm, { figures, account, checkins, now }) {
  if (!figures) throw new CbmError('Fix the figures above first: the weight comes from them.', { code: 'NOT_ALLOWED' });
  const streak = cbm.streak({ checkins, on: dayText(now) });
  const w = cbm.pointsWeight({ streakDays: streak.days, totalPoints: account.totalPoints, invites: figures.invites });
  const before = figures.weight;
  const why = [];
  if (w.checkin !== before.checkin) {
    const missed = streak.checkedInOnDay ? '' : `, no check-in that day`;
    why.push(
      `on ${formatDate(now)} the streak is ${plural(streak.days, 'day', 'days')}${missed}, so check-ins weigh ${formatAmount(w.checkin, 'plain')} (${formatAmount(before.checkin, 'plain')} today)`,
    );
  }
  if (w.points !== before.points) why.push(`total points weigh ${formatAmount(w.points, 'plain')}`);
  return { weight: w.weight, why: why.length ? `, not ${formatAmount(before.weight, 'plain')} as above: ${why.join('; ')}` : '' };
}

/** A refusal of the session rules in the reader's words and time zone. */
export function refusal(e) {
  const { kind, since, lastStartedAt, allowedAt } = e.problem ?? {};
  if (kind === 'session-running')
    return `A session is already running, since ${formatDateTime(Number(since))}. Stop it before starting another.`;
  if (kind === 'cooldown')
    return `Not yet: the last session started ${formatDateTime(Number(lastStartedAt))}, and the next can start ${formatDateTime(Number(allowedAt))}.`;
  if (kind === 'no-session') return 'No session is running, so there is nothing to stop.';
  return e.message;
}

/** The simulator's panel at time `t`, the clock `offset` seconds ahead: texts with their values
 * (`[text, value]`), figures and whether a session runs. */
export function sessionView(cbm, account, t, offset) {
  const s = cbm.sessionStatus({ account, now: t });
  const next = s.active
    ? `after you stop, and not before ${formatDateTime(s.nextStartAt)}`
    : s.secondsToNextStart > 0
      ? `${formatDateTime(s.nextStartAt)} (in ${formatDuration(s.secondsToNextStart)})`
      : 'now';
  return {
    active: s.active,
    clock: `${formatDateTime(t)}${offset ? ` (${formatDuration(offset)} ahead)` : ''}`,
    checkin: `Check in on ${formatDate(t)}`,
    texts: {
      state: [s.active ? 'Mining in progress' : 'Not mining', s.active ? 'active' : 'idle'],
      startedAt: [s.active ? formatDateTime(s.startedAt) : '—', s.startedAt],
      elapsed: [
        s.active ? `${formatDuration(s.elapsedSeconds)}${s.elapsedSeconds > DAY ? ' (counted up to 24 h)' : ''}` : '—',
        s.elapsedSeconds,
      ],
      lastCollectedAt: [s.lastCollectedAt === null ? '—' : formatDateTime(s.lastCollectedAt), s.lastCollectedAt],
      nextStartAt: [next, s.nextStartAt],
    },
    figures: { estimate: s.estimatedPoints, weight: s.weight, lastReward: s.lastReward, total: account.totalPoints },
  };
}

/**
 * The account and clock the simulator keeps in `storage` (localStorage), checked by the core;
 * what went wrong with them is pushed to `notes` (said with the next message). `account` null:
 * none stored yet; `offset`: seconds the simulated clock is ahead.
 */
export function pointsStore(cbm, storage, notes) {
  const read = (key) => {
    try {
      return storage.getItem(key);
    } catch {
      return null; // storage blocked
    }
  };
  const write = (key, value) => {
    try {
      storage.setItem(key, value);
      return true;
    } catch {
      return false; // storage full or blocked
    }
  };
  const clockWorks = (ahead) => {
    try {
      cbm.sessionStatus({ account: cbm.newAccount(), now: Math.floor(Date.now() / 1000) + ahead });
      return true;
    } catch {
      return false;
    }
  };
  return {
    /** The stored account; null when none is stored or it is damaged (noted: a new one starts). */
    account() {
      const text = read(ACCOUNT_KEY);
      if (text === null) return null;
      try {
        return cbm.checkAccount({ account: JSON.parse(text) });
      } catch {
        notes.push('The stored points account was unreadable and was started anew.');
        return null;
      }
    },
    /** The stored clock: whole seconds ahead, at which the core takes the time (a damaged one,
     * "0.5" or "1e20", would make every session call throw); null when none is stored, 0 (reset,
     * noted) when it is unreadable. */
    offset() {
      const text = read(CLOCK_KEY);
      if (text === null) return null;
      if (/^\d{1,15}$/.test(text) && clockWorks(Number(text))) return Number(text);
      write(CLOCK_KEY, '0');
      notes.push('The stored simulator clock was unreadable and was reset.');
      return 0;
    },
    /** Stores both; false (noted) when the browser refuses. */
    save(account, offset) {
      const stored = write(ACCOUNT_KEY, JSON.stringify(account)) && write(CLOCK_KEY, String(offset));
      if (!stored) notes.push(NOT_SAVED);
      return stored;
    },
  };
}

/** A link's total points beside the account's: { total (null: not a number of points), text },
 * or null when there is nothing to offer (the link's total is the account's). */
export function linkTotalOffer(cbm, account, linked) {
  let total = null;
  try {
    total = cbm.checkAccount({ account: { ...account, totalPoints: linked } }).totalPoints;
  } catch {
    // Not a number of points: said, nothing offered.
  }
  if (total === account.totalPoints) return null;
  const yours = formatAmount(account.totalPoints, 'points');
  const shown = linked.length > 40 ? `${linked.slice(0, 40)}...` : linked;
  return {
    total,
    text:
      total === null
        ? `This link's total points, "${shown}", are not a number of points; yours, ${yours}, stay.`
        : `This link gives ${formatAmount(total, 'points')} as the total; yours is ${yours}.`,
  };
}

/** cbm.pointsProjection's input from the projection form's values, from `from` (YYYY-MM-DD, the
 * simulator's day) with the section's history and figures; a week mask is Monday first. */
export function projectionRequest(values, { checkins, from, figures }) {
  if (!figures) throw new CbmError('days: fix the figures above first (total points, invites)', { field: 'days' });
  const mask = (prefix) => Array.from({ length: 7 }, (_, d) => (values[`${prefix}${d}`] ? '1' : '0')).join('');
  return {
    checkins,
    from,
    days: values.days,
    totalPoints: figures.totalPoints,
    invites: figures.invites,
    invitesPerWeek: values.invitesPerWeek,
    sessionSeconds: hoursToSeconds(values.sessionHours, 'sessionHours'),
    checkinWeekdays: mask('ci'),
    sessionWeekdays: mask('se'),
  };
}

/** cbm.pointsProjection, its session length's errors at the form's field (hours). */
export function projectPoints(cbm, input) {
  try {
    return cbm.pointsProjection(input);
  } catch (e) {
    if (e instanceof CbmError && e.field === 'sessionSeconds')
      throw new CbmError(e.message.replace('sessionSeconds', 'sessionHours'), { field: 'sessionHours' });
    throw e;
  }
}

/** The projection's tier changes: a row each ({ cells, total: a change of the total weight }). */
export const milestoneRows = (out) =>
  out.milestones.map((m) => ({
    cells: [formatDate(parseDay(m.date)), factorNames[m.factor] ?? m.factor, formatAmount(m.weight, 'plain')],
    total: m.factor === 'weight',
  }));

/** The projection's chart: its columns, weight marks, summary and table rows at `sample`. */
export function projectionChart(out, sample) {
  const [first, last] = [out.days[0], out.days.at(-1)];
  return {
    x: Float64Array.from(out.days, (d) => parseDay(d.date)),
    points: Float64Array.from(out.days, (d) => Number(d.totalPoints)),
    weight: Float64Array.from(out.days, (d) => Number(d.weight)),
    marks: out.milestones
      .filter((m) => m.factor === 'weight')
      .map((m) => ({ t: parseDay(m.date), label: `weight ${formatAmount(m.weight, 'plain')}` })),
    summary: `Chart over ${out.days.length} days: total points grow from ${formatAmount(first.totalPoints, 'points')} to ${formatAmount(last.totalPoints, 'points')}; the weight steps from ${formatAmount(first.weight, 'plain')} to ${formatAmount(last.weight, 'plain')}.`,
    table: {
      columns: ['Date', 'Checked in', 'Streak', 'Weight', 'Points that day', 'Total points'],
      rows: sample.map((i) => {
        const d = out.days[i];
        return [
          formatDate(parseDay(d.date)),
          d.checkedIn ? 'yes' : 'no',
          String(d.streakDays),
          formatAmount(d.weight, 'plain'),
          formatAmount(d.reward, 'points'),
          formatAmount(d.totalPoints, 'points'),
        ];
      }),
    },
  };
}

/** The projection as CSV: a row a day, exact. */
export const projectionTable = (out) => ({
  columns: [
    'date',
    'checked_in',
    'streak_days',
    'invites',
    'weight',
    'checkin_weight',
    'points_weight',
    'invites_weight',
    'reward',
    'total_points',
  ],
  rows: out.days.map((d) => [
    d.date,
    d.checkedIn ? 1 : 0,
    d.streakDays,
    d.invites,
    d.weight,
    d.checkinWeight,
    d.pointsWeight,
    d.invitesWeight,
    d.reward,
    d.totalPoints,
  ]),
});
