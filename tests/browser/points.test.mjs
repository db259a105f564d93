// Points: the session simulator (start, stop, the live estimate, the 24 h rule's messages, an
// account kept in local storage) and the projection with its weight milestones.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { downloadText, openPage, type, useBrowser } from './harness.mjs';

const env = useBrowser();

/** Points of a session of `seconds` at `weight`, for a range check (the clock keeps running). */
const points = (seconds, weight) => 100 * (1 - Math.exp(-0.0001 * Math.min(seconds, 86400))) * weight;

test('a points session: start, the live estimate, stop, and the 24 h rule', async () => {
  const page = await openPage(env);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.waitForSelector('html[data-ready=true]');
  await page.click('#p-clearDays');
  await type(page, '#p-fillDays', '30');
  await page.click('#p-fill');
  await type(page, '#p-totalPoints', '1200');
  await type(page, '#p-invites', '5');
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

  // One session at a time: the API's message, shown as it is.
  await page.click('#ses-start');
  assert.match(
    await page.textContent('#ses-message'),
    /^a session is already running since \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z; stop it before starting another$/,
  );

  await page.click('#ses-stop');
  const reward = await page.getAttribute('#ses-lastReward', 'data-value');
  assert.ok(Number(reward) >= points(7200, 1.5) && Number(reward) <= points(7240, 1.5));
  assert.match(await page.textContent('#ses-message'), new RegExp(`collected \\(${reward.replace('.', '\\.')} exactly\\)`));
  const [whole, fraction] = reward.split('.');
  assert.equal(await page.getAttribute('#ses-total', 'data-value'), `${1200 + Number(whole)}.${fraction}`);
  assert.equal(await page.getAttribute('#ses-state', 'data-value'), 'idle');

  // Within 24 h of the last start: refused, and the message says when.
  await page.click('#ses-start');
  assert.match(
    await page.textContent('#ses-message'),
    /less than 24 h ago; the next start is allowed at \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/,
  );
  assert.equal(await page.getAttribute('#ses-state', 'data-value'), 'idle');
  await page.click('[data-advance="86400"]');
  await page.click('#ses-start');
  assert.equal(await page.getAttribute('#ses-state', 'data-value'), 'active');

  // The account and the clock survive a reload (local storage).
  await page.reload();
  await page.waitForSelector('html[data-ready=true]');
  assert.equal(await page.getAttribute('#ses-state', 'data-value'), 'active');
  assert.match(await page.textContent('#ses-clock'), /ahead\)$/);
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
