// The Points section's state module (web/ui/points-state.js) without a browser: the history and
// its streak, the figures of a day, a session's weight on another day, the stored account and
// clock (a storage that refuses, a damaged one), a link's total, the projection's request and
// rows, against SPEC 7's tiers and seed 004's formula worked out here.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { CbmError, load } from '../../web/lib/node.js';
import { formatDate, formatDuration } from '../../web/ui/format.js';
import {
  ACCOUNT_KEY,
  CLOCK_KEY,
  NOT_SAVED,
  historyRuns,
  historySummary,
  hoursToSeconds,
  lastDays,
  linkTotalOffer,
  milestoneRows,
  pointsFigures,
  pointsStore,
  projectPoints,
  projectionRequest,
  projectionTable,
  refusal,
  sessionView,
  sessionWeight,
  withPasted,
  withStreak,
} from '../../web/ui/points-state.js';

const cbm = await load();
const DAY = 86400;
const day = Date.UTC(2026, 2, 31) / 1000; // 2026-03-31
const iso = (unix) => new Date(unix * 1000).toISOString().slice(0, 10);
/** Seed 004's reward: 100 x (1 - e^(-0.0001 t)) x weight, t at most a day. */
const reward = (seconds, weight) => 100 * (1 - Math.exp(-0.0001 * Math.min(seconds, DAY))) * weight;
const close = (got, want, what) => assert.ok(Math.abs(Number(got) - want) < 1e-9 * Math.max(1, want), `${what}: ${got}, want ${want}`);

test('the history: runs of days as a list and a sentence; a streak typed keeps older days; a paste checked', () => {
  const days = [...lastDays(day, 3), '2026-03-01'];
  assert.deepEqual(lastDays(day, 3), ['2026-03-29', '2026-03-30', '2026-03-31']);
  const runs = historyRuns([...days].sort());
  assert.deepEqual(
    runs.map((r) => r.run),
    ['2026-03-01', '2026-03-29~2026-03-31'],
  );
  assert.equal(runs[1].text, `${formatDate(day - 2 * DAY)} – ${formatDate(day)} (3 days)`);
  assert.equal(
    historySummary([...days].sort(), { maxDays: 3650 }),
    `4 check-in days, from ${formatDate(Date.UTC(2026, 2, 1) / 1000)} to ${formatDate(day)}.`,
  );
  assert.equal(historySummary([], { maxDays: 3650 }), 'No check-ins yet.');
  assert.match(
    historySummary(['2026-03-01'], { maxDays: 3650, linkTooLong: true }),
    /^1 check-in day, .* The link held more than 3,650 days/,
  );
  // A streak of 2 on the 31st: the 30th and 31st in, the 29th out, the 1st kept.
  assert.deepEqual(withStreak(days, '2', day).checkins, ['2026-03-01', '2026-03-30', '2026-03-31']);
  assert.match(withStreak(days, '3651', day).error, /^must be a whole number of days from 0 to 3,650$/);
  assert.match(withStreak(days, '2.5', day).error, /^must be a whole number/);
  const pasted = withPasted(['2026-03-01'], '2026-03-02\n2026-02-30 nope', 3650);
  assert.deepEqual(pasted.checkins, ['2026-03-01', '2026-03-02']);
  assert.equal(pasted.error, 'Not a day: 2026-02-30, nope. Write days as YYYY-MM-DD.');
  assert.equal(pasted.clear, false);
  const full = withPasted(['2026-03-01'], '2026-03-02~2026-03-05', 4);
  assert.equal(full.checkins, null);
  assert.match(full.error, /^A history holds at most 4 days/);
});

test("a day's figures: SPEC 7's tiers, seed 004's reward; a streak not yet kept today is said so", () => {
  // 15 days in a row up to yesterday: streak 15 (0.8), 3,000 points (0.5), 10 invites (0.5).
  const checkins = lastDays(day - DAY, 15);
  const f = pointsFigures(cbm, { checkins, day: iso(day), dayName: 'today', totalPoints: '3000', invites: '10', hours: '8' });
  assert.equal(f.streak.days, 15);
  assert.equal(f.streakText, '15 days (check in today to keep it)');
  assert.deepEqual([f.weight.checkin, f.weight.points, f.weight.invites].map(Number), [0.8, 0.5, 0.5]);
  assert.equal(Number(f.weight.weight), 1.8);
  close(f.reward, reward(8 * 3600, 1.8), '8 h at weight 1.8');
  assert.deepEqual(f.session, { streakDays: 15, totalPoints: '3000', invites: '10', elapsedSeconds: 8 * 3600 });
  const one = pointsFigures(cbm, { checkins: [iso(day)], day: iso(day), dayName: 'today', totalPoints: '0', invites: '0', hours: '2' });
  assert.equal(one.streakText, '1 day');
  // Every tier at its top (1 + 1 + 1), and a reward that counts at most 24 h.
  const capped = pointsFigures(cbm, {
    checkins: lastDays(day, 40),
    day: iso(day),
    dayName: 'today',
    totalPoints: '9000',
    invites: '50',
    hours: '30',
  });
  assert.equal(Number(capped.weight.weight), 3);
  close(capped.reward, reward(DAY, 3), '30 h counted as 24 h');
  assert.throws(
    () => hoursToSeconds('8761', 'hours'),
    (e) => e instanceof CbmError && e.field === 'hours',
  );
  assert.equal(hoursToSeconds('1.5', 'sessionHours'), 5400);
});

test("a session on the simulator's later day takes that day's weight, and says why", () => {
  const checkins = lastDays(day, 30); // a streak of 30 today: 1.0
  const figures = pointsFigures(cbm, { checkins, day: iso(day), dayName: 'today', totalPoints: '0', invites: '0', hours: '8' });
  const account = cbm.newAccount({ totalPoints: '0' });
  assert.deepEqual(sessionWeight(cbm, { figures, account, checkins, now: day + 3600 }), { weight: figures.weight.weight, why: '' });
  // Two days on, no check-in since: the streak is 0, check-ins weigh 0.1.
  const later = sessionWeight(cbm, { figures, account, checkins, now: day + 2 * DAY + 3600 });
  assert.equal(Number(later.weight), 0.1);
  assert.match(later.why, /^, not 1 as above: on .* the streak is 0 days, no check-in that day, so check-ins weigh 0\.1 \(1 today\)$/);
  assert.throws(
    () => sessionWeight(cbm, { figures: null, account, checkins, now: day }),
    (e) => e.code === 'NOT_ALLOWED',
  );
});

test('the simulator panel and its refusals, in words', () => {
  const started = cbm.startSession({ account: cbm.newAccount(), now: day, weight: '1' });
  const view = sessionView(cbm, started, day + 2 * 3600, 3600);
  assert.equal(view.active, true);
  assert.equal(view.texts.state[0], 'Mining in progress');
  assert.equal(view.texts.elapsed[1], 7200);
  assert.ok(view.clock.endsWith(`(${formatDuration(3600)} ahead)`), view.clock);
  assert.equal(view.figures.estimate, '51.324774404002834994'); // SPEC 7: 2 h at weight 1
  const long = sessionView(cbm, started, day + DAY + 60, 0);
  assert.match(long.texts.elapsed[0], /\(counted up to 24 h\)$/);
  try {
    cbm.startSession({ account: started, now: day + 60, weight: '1' });
    assert.fail('a second session started');
  } catch (e) {
    assert.match(refusal(e), /^A session is already running, since /);
  }
  try {
    cbm.stopSession({ account: cbm.newAccount(), now: day });
    assert.fail('stopped nothing');
  } catch (e) {
    assert.equal(refusal(e), 'No session is running, so there is nothing to stop.');
  }
});

test('the stored account and clock: kept, refused, damaged', () => {
  const storage = new Map();
  const store = (s) => ({ getItem: (k) => s.get(k) ?? null, setItem: (k, v) => s.set(k, v) });
  const notes = [];
  const kept = pointsStore(cbm, store(storage), notes);
  assert.equal(kept.account(), null);
  assert.equal(kept.offset(), null);
  const account = cbm.newAccount({ totalPoints: '12.5' });
  assert.equal(kept.save(account, 7200), true);
  assert.equal(kept.account().totalPoints, account.totalPoints);
  assert.equal(kept.offset(), 7200);
  assert.deepEqual(notes, []);
  // Damaged: a new account and a clock back to 0, each noted.
  storage.set(ACCOUNT_KEY, '{"totalPoints":"x"');
  storage.set(CLOCK_KEY, '1e20');
  assert.equal(kept.account(), null);
  assert.equal(kept.offset(), 0);
  assert.equal(storage.get(CLOCK_KEY), '0');
  assert.equal(notes.length, 2);
  // A storage that refuses every call.
  const refused = [];
  const blocked = pointsStore(
    cbm,
    {
      getItem: () => {
        throw new Error('blocked');
      },
      setItem: () => {
        throw new Error('full');
      },
    },
    refused,
  );
  assert.equal(blocked.account(), null);
  assert.equal(blocked.save(account, 0), false);
  assert.deepEqual(refused, [NOT_SAVED]);
});

test("a link's total is offered beside the account's, never taken as it", () => {
  const account = cbm.newAccount({ totalPoints: '100' });
  assert.equal(linkTotalOffer(cbm, account, '100'), null);
  const offer = linkTotalOffer(cbm, account, '2500.5');
  assert.equal(offer.total, cbm.checkAccount({ account: { ...account, totalPoints: '2500.5' } }).totalPoints);
  assert.match(offer.text, /^This link gives 2,500\.5.* as the total; yours is 100/);
  const bad = linkTotalOffer(cbm, account, 'lots'.repeat(20));
  assert.equal(bad.total, null);
  assert.match(bad.text, /^This link's total points, "(lots){10}\.\.\.", are not a number of points; yours, 100.*, stay\.$/);
});

test('the projection: the form read, check-ins on weekdays only, the tier changes and the CSV', () => {
  const checkins = lastDays(day, 30);
  const figures = pointsFigures(cbm, { checkins, day: iso(day), dayName: 'today', totalPoints: '900', invites: '4', hours: '8' });
  const weekdays = Object.fromEntries(
    Array.from({ length: 7 }, (_, d) => [
      [`ci${d}`, d < 5],
      [`se${d}`, true],
    ]).flat(),
  );
  const values = { days: '10', invitesPerWeek: '1', sessionHours: '24', ...weekdays };
  const input = projectionRequest(values, { checkins, from: iso(day), figures });
  assert.equal(input.checkinWeekdays, '1111100');
  assert.equal(input.sessionWeekdays, '1111111');
  assert.equal(input.sessionSeconds, DAY);
  const out = projectPoints(cbm, input);
  assert.equal(out.days.length, 10);
  // SPEC 7 by hand: weight 1 (a 30-day streak; 900 points and 4 invites weigh 0) for two days;
  // 1,099.96 points on the 2nd: 0.3 more. Saturday the 4th unchecked: Sunday's streak is 0 (0.1).
  // The 5th invite, a week on: 0.2.
  assert.equal(out.days.find((d) => d.date === '2026-04-04').checkedIn, false);
  assert.deepEqual(
    out.milestones.map((m) => `${m.date} ${m.factor} ${m.weight}`),
    [
      '2026-04-02 points 0.3',
      '2026-04-02 weight 1.3',
      '2026-04-05 checkin 0.1',
      '2026-04-05 weight 0.4',
      '2026-04-07 invites 0.2',
      '2026-04-07 weight 0.6',
    ],
  );
  const sessions = [1, 1, 1.3, 1.3, 1.3, 0.4, 0.4, 0.6, 0.6, 0.6];
  close(out.days.at(-1).totalPoints, 900 + sessions.reduce((sum, w) => sum + reward(DAY, w), 0), 'total after 10 days');
  const rows = milestoneRows(out);
  assert.deepEqual(rows[0].cells, [formatDate(Date.UTC(2026, 3, 2) / 1000), 'Total points', '0.3']);
  assert.deepEqual(
    rows.map((r) => r.total),
    [false, true, false, true, false, true],
  );
  const csv = projectionTable(out);
  assert.equal(csv.rows.length, 10);
  assert.equal(csv.columns[9], 'total_points');
  assert.throws(
    () => projectionRequest(values, { checkins, from: iso(day), figures: null }),
    (e) => e.field === 'days',
  );
  assert.throws(
    () => projectionRequest({ ...values, sessionHours: '-1' }, { checkins, from: iso(day), figures }),
    (e) => e.field === 'sessionHours',
  );
});
