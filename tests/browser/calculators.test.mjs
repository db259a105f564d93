// The page in a real browser: the APR and points figures update as the user types.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { load } from '../../web/lib/node.js';
import { assumed } from '../../web/ui/assumptions.js';
import { openPage, type, useBrowser } from './harness.mjs';

const env = useBrowser();
const cbm = await load({ build: 'lite' });
const DAY = 86400;

/** The stage of the emission today for emission begun on My mining units' default date. */
function stageToday() {
  const today = Math.floor(Date.now() / 1000 / DAY) * DAY;
  return cbm.emission({ from: today - Date.parse(assumed.genesis) / 1000 }).stage;
}

test("typing seed 003's example shows 210.24% and every digit on demand", async () => {
  const page = await openPage(env);
  await type(page, '#apr-blockReward', '0.00009804');
  await type(page, '#apr-tokenPrice', '0.17');
  await type(page, '#apr-units', '1000');
  await type(page, '#apr-unitPrice', '0.25');
  const apr = page.locator('#apr-aprPercent');
  assert.equal(await apr.locator('button.exact').textContent(), '210.24%');
  assert.equal(await apr.getAttribute('data-value'), '210.24168192');
  assert.equal(await page.locator('#apr-netGainPercent button.exact').textContent(), '110.24%');
  assert.equal(await page.getAttribute('#apr-yearlyReward', 'data-value'), '3091.78944');
  assert.equal(await page.getAttribute('#apr-yearlyRewardUsd', 'data-value'), '525.6042048');
  // What the APR means, for these figures: $250 back and $275.60 more.
  assert.equal(
    await page.textContent('#apr-meaning'),
    'An APR of 210.24% here: a year at this block reward and price pays back your $250.00 and $275.60 more (110.24%).',
  );
  // The pool that block reward implies (SPEC 5) at today's emission, as My mining units assumes
  // it (stage 2's 4 WFI/s for emission begun 2024-11-07): 4 x 1,000 / 0.00009804 units. At
  // stage 1's 8 WFI/s, seed 003's own: 81,599,347.2 units.
  const stage = stageToday();
  const implied = { 1: /^81599347\.2/, 2: /^40799673\.6/, 3: /^20399836\.8/, 4: /^10199918\.4/ }[stage];
  assert.match(await page.getAttribute('#apr-poolPower', 'data-value'), implied);
  assert.equal(await page.textContent('#apr-poolRate'), `units at ${8 / 2 ** (stage - 1)} WFI/s`);
  assert.match(await page.textContent('#apr-poolWhy'), new RegExp(`^today's emission, stage ${stage}, for emission begun Nov 7, 2024`));
  await page.fill('#m-genesis', new Date().toISOString().slice(0, 10));
  await page.waitForFunction(() => document.querySelector('#apr-poolRate').textContent === 'units at 8 WFI/s');
  assert.match(await page.getAttribute('#apr-poolPower', 'data-value'), /^81599347\.2/);
  assert.equal(await apr.locator('.exact-value').isVisible(), false);
  await apr.locator('button.exact').click();
  assert.equal(await apr.locator('.exact-value span').textContent(), '210.24168192');
  assert.ok(await apr.locator('.exact-value').isVisible());

  await type(page, '#apr-tokenPrice', '1.70');
  assert.equal(await apr.getAttribute('data-value'), '2102.4168192');
  // Below 100% the year does not pay back what was paid, and the sentence says so.
  await type(page, '#apr-tokenPrice', '0.05');
  assert.equal(
    await page.textContent('#apr-meaning'),
    'An APR of 61.84% here: a year at this block reward and price pays $154.59, less than the $250.00 you paid.',
  );
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a bad value is shown at its field, and fixing it brings the result back', async () => {
  const page = await openPage(env);
  await type(page, '#apr-units', '-5');
  assert.equal(await page.getAttribute('#apr-units', 'aria-invalid'), 'true');
  assert.equal(await page.textContent('#apr-units-error'), 'must be greater than 0, got "-5"');
  assert.equal(await page.textContent('#apr-aprPercent'), '—');
  await type(page, '#apr-units', '1000');
  assert.equal(await page.getAttribute('#apr-units', 'aria-invalid'), null);
  assert.equal(await page.getAttribute('#apr-aprPercent', 'data-value'), '210.24168192');
  await page.close();
});

test("'Use this pool' puts the implied pool, less your units, into My mining units", async () => {
  const page = await openPage(env);
  // At stage 1's 8 WFI/s (emission begun today, as My mining units is told).
  await page.fill('#m-genesis', new Date().toISOString().slice(0, 10));
  await page.waitForFunction(() => document.querySelector('#apr-poolRate').textContent === 'units at 8 WFI/s');
  await page.click('#apr-use-pool');
  assert.equal(await page.inputValue('#m-poolUnits'), '81598347');
  await type(page, '#apr-units', '2000');
  await page.click('#apr-use-pool');
  // 2000 x 8 / 0.00009804 = 163,198,694.41 units in all, 163,196,694 of them someone else's.
  assert.equal(await page.inputValue('#m-poolUnits'), '163196694');
  // Emission begun on the default date: the pool at today's rate, 8 / 2^(stage - 1) WFI/s.
  await page.fill('#m-genesis', assumed.genesis);
  const rate = 8 / 2 ** (stageToday() - 1);
  await page.waitForFunction((r) => document.querySelector('#apr-poolRate').textContent === `units at ${r} WFI/s`, rate);
  await page.click('#apr-use-pool');
  // 2000 x rate / 0.00009804, less the 2,000.
  const expected = (BigInt(rate) * 2000n * 10n ** 8n) / 9804n - 2000n;
  assert.equal(await page.inputValue('#m-poolUnits'), String(expected));
  await page.close();
});

test('the two APRs tell one story: the pool the APR section implies gives My mining units the same APR', async () => {
  const page = await openPage(env);
  // Seed 003's block reward for 1,000 units, at today's emission (the default start date):
  // taken over by My mining units, whose 1,000 units bought today then earn it, and its APR.
  assert.equal(await page.inputValue('#m-purchase-0-units'), '1000');
  await page.click('#apr-use-pool');
  await page.waitForFunction(() => /^210\.24/.test(document.querySelector('#m-apr').dataset.value));
  assert.match(await page.getAttribute('#m-blockReward', 'data-value'), /^0\.00009804/);
  assert.equal(await page.getAttribute('#apr-aprPercent', 'data-value'), '210.24168192');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('points: weight from the check-in history and the tiers, the session reward to 18 decimals', async () => {
  const page = await openPage(env, '/', { width: 375, height: 800 });
  await page.click('#p-clearDays');
  assert.equal(await page.getAttribute('#p-streak', 'data-value'), '0');
  await page.fill('#p-paste', '2026-01-01~2026-01-29');
  await page.click('#p-addPasted');
  // A history that ended long ago gives no streak today.
  assert.equal(await page.getAttribute('#p-streak', 'data-value'), '0');
  await page.click('#p-clearDays');
  await type(page, '#p-streakDays', '30');
  assert.equal(await page.getAttribute('#p-streak', 'data-value'), '30');
  await type(page, '#p-totalPoints', '999.99');
  await type(page, '#p-invites', '4');
  await type(page, '#p-hours', '2');
  assert.equal(await page.getAttribute('#p-weight', 'data-value'), '1');
  assert.equal(await page.getAttribute('#p-reward', 'data-value'), '51.324774404002834994');
  await type(page, '#p-totalPoints', '5000');
  await type(page, '#p-invites', '30');
  await type(page, '#p-totalPoints', '1e30');
  assert.equal(await page.textContent('#p-totalPoints-error'), 'is too large: the limit is 100,000,000,000,000,000,000, got "1e30"');
  await type(page, '#p-totalPoints', '5000');
  await type(page, '#p-hours', '24');
  assert.equal(await page.getAttribute('#p-weight', 'data-value'), '3');
  assert.equal(await page.getAttribute('#p-reward', 'data-value'), '299.946933929327229994');
  // A limit as a person reads it, with separators; the value as typed.
  await type(page, '#p-invites', '2.5');
  assert.equal(await page.textContent('#p-invites-error'), 'must be a whole number from 0 to 1,000,000,000,000, got "2.5"');
  await type(page, '#p-invites', '30');
  // The formula's values, not the seed's contradicting table (10, 50, 100).
  assert.equal(await page.getAttribute('#points-2h', 'data-value'), '51.324774404002834994');
  assert.equal(await page.getAttribute('#points-8h', 'data-value'), '94.386523716586627852');
  assert.equal(await page.getAttribute('#points-24h', 'data-value'), '99.982311309775743331');
  await page.fill('#p-paste', '2026-02-30');
  await page.click('#p-addPasted');
  assert.match(await page.textContent('#p-paste-error'), /Not a day: 2026-02-30/);
  assert.deepEqual(page.errors, []);
  await page.close();
});
