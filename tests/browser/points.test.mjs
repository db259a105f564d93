// Points: the session simulator (start, stop, the live estimate, the 24 h rule's messages, an
// account kept in local storage) and the projection with its weight milestones.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { downloadText, openPage, pageReady, type, useBrowser } from './harness.mjs';

const env = useBrowser();
/** A total as the Total points field shows it: 2 decimals, no grouping. */
const toTwo = (text) => new Intl.NumberFormat('en-US', { maximumFractionDigits: 2, useGrouping: false }).format(text);

/** The page with no stored account and the clock at real time. */
async function freshPage() {
  const page = await openPage(env);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await pageReady(page);
  return page;
}

/** Points of a session of `seconds` at `weight`, for a range check (the clock keeps running). */
const points = (seconds, weight) => 100 * (1 - Math.exp(-0.0001 * Math.min(seconds, 86400))) * weight;

test('a points session: start, the live estimate, stop, and the 24 h rule', async () => {
  const page = await freshPage();
  await page.click('#p-clearDays');
  await type(page, '#p-streakDays', '30');
  await type(page, '#p-totalPoints', '1500');
  await type(page, '#p-invites', '5');
  // The account follows the field as it is typed.
  assert.equal(await page.getAttribute('#ses-total', 'data-value'), '1500');
  await type(page, '#p-totalPoints', '1200');
  assert.equal(await page.getAttribute('#ses-total', 'data-value'), '1200');
  assert.equal(await page.getAttribute('#p-weight', 'data-value'), '1.5'); // 1 + 0.3 + 0.2
  await page.click('#ses-reset');
  assert.equal(await page.getAttribute('#ses-total', 'data-value'), '1200');
  assert.equal(await page.getAttribute('#ses-state', 'data-value'), 'idle');
  assert.equal(await page.isDisabled('#ses-stop'), true);

  await page.click('#ses-start');
  assert.match(await page.textContent('#ses-message'), /^Mining started at .* with weight 1\.5\.$/);
  assert.equal(await page.getAttribute('#ses-state', 'data-value'), 'active');
  assert.equal(await page.getAttribute('#ses-weight', 'data-value'), '1.5');
  // The estimate ticks on its own, every second.
  const first = await page.getAttribute('#ses-estimate', 'data-value');
  await page.waitForFunction((v) => document.querySelector('#ses-estimate').dataset.value !== v, first, { timeout: 3000 });

  await page.click('[data-advance="3600"]');
  await page.click('[data-advance="3600"]');
  const elapsed = Number(await page.getAttribute('#ses-elapsed', 'data-value'));
  assert.ok(elapsed >= 7200 && elapsed < 7230, `elapsed ${elapsed}`);
  const estimate = Number(await page.getAttribute('#ses-estimate', 'data-value'));
  assert.ok(estimate >= points(7200, 1.5) && estimate <= points(7230, 1.5), `estimate ${estimate}`);

  // One session at a time, said in the reader's words (a date as the locale writes it).
  await page.click('#ses-start');
  assert.match(
    await page.textContent('#ses-message'),
    /^A session is already running, since [A-Z][a-z]{2} \d{1,2}, \d{4}, \d{2}:\d{2}:\d{2} UTC\. Stop it before starting another\.$/,
  );

  await page.click('#ses-stop');
  const reward = await page.getAttribute('#ses-lastReward', 'data-value');
  assert.ok(Number(reward) >= points(7200, 1.5) && Number(reward) <= points(7240, 1.5));
  assert.match(await page.textContent('#ses-message'), new RegExp(`collected \\(${reward.replace('.', '\\.')} exactly\\)`));
  const [whole, fraction] = reward.split('.');
  assert.equal(await page.getAttribute('#ses-total', 'data-value'), `${1200 + Number(whole)}.${fraction}`);
  // The reward goes into the Total points field too, shown to 2 decimals; its 18 stay in the
  // account, said under the field. The message says the new total.
  const total = `${1200 + Number(whole)}.${fraction}`;
  assert.equal(await page.inputValue('#p-totalPoints'), toTwo(total));
  assert.equal(await page.textContent('#p-totalPoints-exact'), `Exactly ${total} points, as the account holds them.`);
  assert.match(await page.textContent('#ses-message'), /total points are now 1,2\d\d(\.\d{1,2})? points\.$/);
  assert.equal(await page.getAttribute('#ses-state', 'data-value'), 'idle');

  // Within 24 h of the last start: refused, and the message says when.
  await page.click('#ses-start');
  assert.match(
    await page.textContent('#ses-message'),
    /^Not yet: the last session started [A-Z][a-z]{2} \d{1,2}, \d{4}, [\d:]{8} UTC, and the next can start [A-Z][a-z]{2} \d{1,2}, \d{4}, [\d:]{8} UTC\.$/,
  );
  assert.equal(await page.getAttribute('#ses-state', 'data-value'), 'idle');
  await page.click('[data-advance="86400"]');
  await page.click('#ses-start');
  assert.equal(await page.getAttribute('#ses-state', 'data-value'), 'active');

  // The account and the clock survive a reload (local storage).
  await page.reload();
  await pageReady(page);
  assert.equal(await page.getAttribute('#ses-state', 'data-value'), 'active');
  assert.match(await page.textContent('#ses-clock'), /ahead\)$/);
  const exact = await page.getAttribute('#ses-total', 'data-value');
  assert.equal(await page.inputValue('#p-totalPoints'), toTwo(exact));
  assert.equal(await page.textContent('#p-totalPoints-exact'), `Exactly ${exact} points, as the account holds them.`);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("a plain streak field; on a later simulated day the streak and the weight are that day's", async () => {
  const page = await freshPage();
  // A 40-day history, then a streak of 10 typed: the last 10 days, the day before them not.
  await page.click('#p-clearDays');
  await type(page, '#p-streakDays', '40');
  assert.equal(await page.getAttribute('#p-streak', 'data-value'), '40');
  await type(page, '#p-streakDays', '10');
  assert.equal(await page.getAttribute('#p-streak', 'data-value'), '10');
  assert.match(await page.textContent('#p-history-summary'), /^39 check-in days/);
  assert.equal(await page.getAttribute('#p-checkin', 'data-value'), '0.5');
  await type(page, '#p-streakDays', 'ten');
  assert.match(await page.textContent('#p-streakDays-error'), /whole number of days from 0 to 3,650/);
  assert.equal(await page.getAttribute('#p-streak', 'data-value'), '10'); // nothing lost
  // Another field's edit puts the streak back in the field.
  await type(page, '#p-totalPoints', '0');
  assert.equal(await page.inputValue('#p-streakDays'), '10');
  assert.equal(await page.getAttribute('#p-streakDays', 'aria-invalid'), null);

  // Two days later on the simulated clock, without checking in: the streak is broken, and the
  // figures above are that day's, the clock's (issue 26): the session starts with their weight.
  await type(page, '#p-streakDays', '30');
  await type(page, '#p-invites', '0');
  assert.equal(await page.getAttribute('#p-checkin', 'data-value'), '1');
  await page.click('#ses-reset');
  await page.click('[data-advance="86400"]');
  await page.click('[data-advance="86400"]');
  assert.equal(await page.getAttribute('#p-streak', 'data-value'), '0');
  assert.equal(await page.inputValue('#p-streakDays'), '0');
  assert.match(await page.textContent('#p-streak-label'), /^Check-in streak on [A-Z][a-z]{2} \d{1,2}, \d{4}$/);
  assert.equal(await page.getAttribute('#p-checkin', 'data-value'), '0.1');
  await page.click('#ses-start');
  assert.match(await page.textContent('#ses-message'), /^Mining started at .* with weight 0\.1\.$/);
  assert.equal(await page.getAttribute('#ses-weight', 'data-value'), '0.1');
  assert.equal(await page.getAttribute('#p-weight', 'data-value'), '0.1');
  // Checking in on the simulated day adds that day (9 older days stayed through the typing),
  // and the streak on that day is 1.
  await page.click('#ses-checkin');
  assert.match(await page.textContent('#ses-message'), /^Checked in on /);
  assert.match(await page.textContent('#p-history-summary'), /^40 check-in days/);
  assert.equal(await page.getAttribute('#p-streak', 'data-value'), '1');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('the projection: the day each weight tier is reached, a chart and a CSV', async () => {
  const page = await openPage(env);
  await page.click('#p-clearDays');
  await type(page, '#p-totalPoints', '0');
  await type(page, '#p-invites', '0');
  await type(page, '#r-days', '60');
  await type(page, '#r-invitesPerWeek', '1');
  // Typed key by key, the fields recompute in turn: wait for the last one's effect (invites).
  await page.waitForFunction(() => {
    const text = document.querySelector('#r-milestones tbody').textContent;
    return text.includes('Check-in streak') && text.includes('Invites');
  });
  const rows = await page.$$eval('#r-milestones tbody tr', (trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
  // From nothing, checking in daily: the check-in weight reaches 0.5 after 7 days, 0.8 after 15.
  const checkin = rows.filter((r) => r[1] === 'Check-in streak').map((r) => r[2]);
  assert.deepEqual(checkin.slice(0, 3), ['0.5', '0.8', '1']);
  assert.ok(rows.some((r) => r[1] === 'Invites' && r[2] === '0.2'));
  assert.ok(rows.some((r) => r[1] === 'Total weight'));
  await page.waitForSelector('[data-chart=points][data-points="60"] canvas');

  const csv = await downloadText(page, () => page.click('[data-export=points-csv]'));
  const lines = csv.text.trimEnd().split('\r\n');
  assert.equal(lines.length, 61);
  assert.equal(lines[0], 'date,checked_in,streak_days,invites,weight,checkin_weight,points_weight,invites_weight,reward,total_points');
  assert.equal(lines.at(-1).split(',').at(-1), await page.getAttribute('#r-total', 'data-value'));

  // Sessions only on weekdays: fewer points.
  const all = Number(await page.getAttribute('#r-total', 'data-value'));
  await page.uncheck('input[name=se5]');
  await page.uncheck('input[name=se6]');
  await page.waitForFunction((v) => Number(document.querySelector('#r-total').dataset.value) < v, all);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('the clock moved back never locks a session: it goes back only to the last start, before and after a reload', async () => {
  const page = await freshPage();
  await page.click('[data-advance="86400"]');
  await page.click('#ses-start');
  assert.equal(await page.getAttribute('#ses-state', 'data-value'), 'active');
  await page.click('#ses-realtime');
  assert.match(
    await page.textContent('#ses-message'),
    /^The clock can go back only to .*, the account's last start or collection; it runs on from there\.$/,
  );
  await page.waitForTimeout(1500); // the live estimate ticks without an error
  await page.click('#ses-stop');
  assert.match(await page.textContent('#ses-message'), /^Mining stopped: /);

  // A stored clock behind the stored account (an older version, another tab): the page starts
  // and moves the clock on.
  await page.evaluate(() => {
    const account = JSON.parse(localStorage.getItem('cbmcalc.points.account'));
    const later = Math.floor(Date.now() / 1000) + 30 * 86400;
    localStorage.setItem(
      'cbmcalc.points.account',
      JSON.stringify({ ...account, session: { startedAt: later, weight: '1' }, lastStartedAt: later }),
    );
    localStorage.setItem('cbmcalc.points.clockOffset', '0');
  });
  await page.reload();
  await pageReady(page);
  assert.equal(await page.getAttribute('#ses-state', 'data-value'), 'active');
  assert.match(await page.textContent('#ses-clock'), /\((30 days|29 days 23 hr 59 min)/);
  await page.click('#ses-stop');
  assert.match(await page.textContent('#ses-message'), /^Mining stopped: /);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('two tabs: points collected in one are never written over by the other', async () => {
  const one = await freshPage();
  const two = await openPage(env);
  await one.click('#ses-start');
  await one.click('[data-advance="28800"]');
  await one.click('#ses-stop');
  const total = await one.getAttribute('#ses-total', 'data-value');
  assert.notEqual(total, '1200');
  // The other tab sees the collected points at once (the storage event) ...
  await two.waitForFunction((t) => document.querySelector('#ses-total').dataset.value === t, total);
  assert.equal(await two.inputValue('#p-totalPoints'), toTwo(total)); // shown to 2 decimals
  // ... and its next action starts from them instead of its own older account.
  await two.click('[data-advance="3600"]');
  const stored = await two.evaluate(() => JSON.parse(localStorage.getItem('cbmcalc.points.account')));
  assert.equal(stored.totalPoints, total);
  assert.notEqual(stored.lastReward, null);
  assert.deepEqual([...one.errors, ...two.errors], []);
  await one.close();
  await two.close();
});
