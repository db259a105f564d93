// The session rules of SPEC 7 through the JS API: start / status / stop and their errors.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { CbmError, load } from '../../web/lib/node.js';

const cbm = await load();
const start = Date.UTC(2026, 10, 21, 8) / 1000; // 2026-11-21T08:00:00Z
const hour = 3600;

test('a session: start, status, stop; the reward goes to the total', () => {
  let account = cbm.newAccount({ totalPoints: 1000 });
  assert.deepEqual(account, {
    totalPoints: '1000',
    session: null,
    lastStartedAt: null,
    lastReward: null,
    lastCollectedAt: null,
    revision: 0,
  });
  account = cbm.startSession({ account, now: start, weight: 1 });
  assert.deepEqual(account.session, { startedAt: start, weight: '1' });

  const status = cbm.sessionStatus({ account, now: start + 2 * hour });
  assert.equal(status.active, true);
  assert.equal(status.elapsedSeconds, 7200);
  assert.equal(status.estimatedPoints, '51.324774404002834994');
  assert.equal(status.nextStartAt, start + 24 * hour);
  assert.equal(status.secondsToNextStart, 22 * hour);

  const stopped = cbm.stopSession({ account, now: new Date((start + 8 * hour) * 1000) });
  assert.equal(stopped.reward, '94.386523716586627852');
  assert.equal(stopped.account.totalPoints, '1094.386523716586627852');
  const idle = cbm.sessionStatus({ account: stopped.account, now: start + 9 * hour });
  assert.deepEqual(
    [idle.active, idle.lastReward, idle.lastCollectedAt, idle.estimatedPoints],
    [false, '94.386523716586627852', start + 8 * hour, null],
  );
  // The account survives JSON storage.
  assert.deepEqual(cbm.checkAccount({ account: JSON.parse(JSON.stringify(stopped.account)) }), stopped.account);
});

test('a second start within 24 h fails with the time it will be allowed', () => {
  const running = cbm.startSession({ account: cbm.newAccount(), now: start, weight: 1.8 });
  assert.throws(() => cbm.startSession({ account: running, now: start + hour, weight: 1 }), {
    name: 'CbmError',
    code: 'NOT_ALLOWED',
    message: 'a session is already running since 2026-11-21T08:00:00Z; stop it before starting another',
    problem: { kind: 'session-running', since: String(start) },
  });
  const { account } = cbm.stopSession({ account: running, now: start + 2 * hour });
  assert.throws(() => cbm.startSession({ account, now: start + 3 * hour, weight: 1 }), {
    code: 'NOT_ALLOWED',
    message: 'the last session started at 2026-11-21T08:00:00Z, less than 24 h ago; the next start is allowed at 2026-11-22T08:00:00Z',
    // The times for a page to say in its own words and time zone.
    problem: { kind: 'cooldown', lastStartedAt: String(start), allowedAt: String(start + 24 * hour) },
  });
  const again = cbm.startSession({ account, now: start + 24 * hour, weight: 1 });
  assert.equal(again.session.startedAt, start + 24 * hour);
});

test('stop without a session, and bad accounts', () => {
  assert.throws(() => cbm.stopSession({ account: cbm.newAccount(), now: start }), {
    code: 'NOT_ALLOWED',
    message: 'no session is running: there is nothing to stop',
    problem: { kind: 'no-session' },
  });
  assert.throws(() => cbm.startSession({ account: cbm.newAccount(), now: start, weight: 6 }), {
    code: 'INVALID_INPUT',
    field: 'weight',
    message: 'weight: must be at most 5 (the weight cap), got "6"',
  });
  assert.throws(() => cbm.checkAccount({ account: { totalPoints: '1', sesion: null } }), {
    field: 'account.sesion',
  });
  assert.throws(() => cbm.newAccount({ totalPoints: -1 }), {
    message: 'account.totalPoints: must not be negative, got "-1"',
  });
  assert.throws(() => cbm.sessionStatus({ account: cbm.newAccount(), now: new Date('nope') }), CbmError);
});

test('a stop is idempotent with its session key, every change has a revision, and a total near 10^20 cannot start', () => {
  const running = cbm.startSession({ account: cbm.newAccount({ totalPoints: 1000 }), now: start, weight: 1 });
  assert.equal(running.revision, 1);
  const first = cbm.stopSession({ account: running, now: start + 8 * hour, session: start });
  assert.deepEqual([first.reward, first.alreadyCollected, first.account.revision], ['94.386523716586627852', false, 2]);
  // A back end that retries the stop with the stored account gets the same answer, paid once.
  const again = cbm.stopSession({ account: first.account, now: start + 9 * hour, session: start });
  assert.deepEqual([again.reward, again.alreadyCollected], ['94.386523716586627852', true]);
  assert.deepEqual(again.account, first.account);
  // The key of another session is refused while one runs; without a session nothing is paid.
  const next = cbm.startSession({ account: first.account, now: start + 24 * hour, weight: 1 });
  assert.throws(() => cbm.stopSession({ account: next, now: start + 25 * hour, session: start + hour }), {
    code: 'NOT_ALLOWED',
    problem: { kind: 'session-mismatch', session: String(start + hour) },
  });
  assert.throws(() => cbm.stopSession({ account: first.account, now: start + 9 * hour, session: start + hour }), { code: 'NOT_ALLOWED' });
  // Accounts stored before revisions existed read as revision 0.
  const { revision, ...old } = first.account;
  assert.equal(cbm.checkAccount({ account: old }).revision, 0);
  assert.throws(() => cbm.checkAccount({ account: { ...first.account, revision: -1 } }), { field: 'account.revision' });
  // A total so near the limit that a reward could not be added cannot start: it could never stop.
  assert.throws(() => cbm.startSession({ account: cbm.newAccount({ totalPoints: '99999999999999999999.9' }), now: start, weight: 1 }), {
    code: 'INVALID_INPUT',
    field: 'account.totalPoints',
    problem: { kind: 'too-large', got: '99999999999999999999.9' },
  });
  const near = cbm.startSession({ account: cbm.newAccount({ totalPoints: '99999999999999999000' }), now: start, weight: 1 });
  assert.equal(cbm.stopSession({ account: near, now: start + 86400 }).account.totalPoints, '99999999999999999099.982311309775743331');
});
