// The page in a real browser: the APR and points calculators update as the user types.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { artifact, openPage, useBrowser } from './harness.mjs';

const env = useBrowser();

async function type(page, selector, value) {
  await page.fill(selector, '');
  await page.type(selector, value);
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
  assert.equal(await apr.locator('.exact-value').isVisible(), false);
  await apr.locator('button.exact').click();
  assert.equal(await apr.locator('.exact-value span').textContent(), '210.24168192');
  assert.ok(await apr.locator('.exact-value').isVisible());

  await type(page, '#apr-tokenPrice', '1.70');
  assert.equal(await apr.getAttribute('data-value'), '2102.4168192');
  assert.deepEqual(page.errors, []);
  await page.screenshot({ path: artifact('page-1280.png'), fullPage: true });
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

test('points: weight from the tiers and the session reward to 18 decimals', async () => {
  const page = await openPage(env, '/', { width: 375, height: 800 });
  await type(page, '#points-streakDays', '30');
  await type(page, '#points-totalPoints', '999.99');
  await type(page, '#points-invites', '4');
  await type(page, '#points-hours', '2');
  assert.equal(await page.getAttribute('#points-weight', 'data-value'), '1');
  assert.equal(await page.getAttribute('#points-reward', 'data-value'), '51.324774404002834994');
  await type(page, '#points-totalPoints', '5000');
  await type(page, '#points-invites', '30');
  await type(page, '#points-hours', '24');
  assert.equal(await page.getAttribute('#points-weight', 'data-value'), '3');
  assert.equal(await page.getAttribute('#points-reward', 'data-value'), '299.946933929327229994');
  await page.screenshot({ path: artifact('page-375.png'), fullPage: true });
  assert.deepEqual(page.errors, []);
  await page.close();
});
