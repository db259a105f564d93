// Every figure explains itself: a "How?" beside a result opens the core's explanation with the
// user's own values (asked of the decisions worker); keyboard only (Enter opens, Escape closes, the focus comes back) and named
// for a screen reader (a dialog labelled by its title, the button saying what it explains).
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { artifact, axeViolations, openPage, useBrowser } from './harness.mjs';

const env = useBrowser({ bypassCSP: true });

async function settled(page) {
  await page.waitForFunction(() => !document.querySelector('#m-status').textContent && document.querySelector('#m-apr').dataset.value);
}

test("the APR's How?, by keyboard: seed 003's formula with its own values, Escape gives the focus back", async () => {
  const page = await openPage(env);
  for (const [id, value] of [
    ['#apr-blockReward', '0.00009804'],
    ['#apr-tokenPrice', '0.17'],
    ['#apr-units', '1000'],
    ['#apr-unitPrice', '0.25'],
  ]) {
    await page.fill(id, value);
  }
  await page.waitForFunction(() => document.querySelector('#apr-aprPercent').dataset.value === '210.24168192');
  const button = page.locator('.figure:has(#apr-aprPercent) button.how');
  // Named for what it explains: the figure shown, and what it is.
  assert.equal(await button.getAttribute('aria-label'), 'How is 210.24% (APR) computed?');
  assert.equal(await button.getAttribute('aria-haspopup'), 'dialog');
  await button.focus();
  await page.keyboard.press('Enter');
  const popover = page.locator('#explain-popover');
  await popover.waitFor({ state: 'visible' });
  assert.equal(await popover.getAttribute('role'), 'dialog');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'explain-title');
  assert.equal(await page.textContent('#explain-title'), 'APR: how it is computed');
  assert.equal(await page.textContent('.explain-formula'), '210.24168192 = 0.00009804 × 31,536,000 × 0.17 / (1,000 × 0.25) × 100');
  assert.match(await page.textContent('.explain-notes'), /simple APR, not an APY/);
  assert.deepEqual(await axeViolations(page, '#explain-popover'), []);
  await page.screenshot({ path: artifact('explain-apr-1280.png') });
  await page.keyboard.press('Escape');
  await popover.waitFor({ state: 'hidden' });
  assert.equal(await page.evaluate(() => document.activeElement.dataset.explains), 'aprPercent');
  assert.deepEqual(page.errors, []);
});

test("the block reward's How? on a phone: the rate, the powers and the stage, the figure's own digits", async () => {
  const page = await openPage(env, '/', { width: 375, height: 800 });
  await settled(page);
  const figure = await page.getAttribute('#m-blockReward', 'data-value');
  await page.click('.figure:has(#m-blockReward) button.how');
  await page.locator('#explain-popover').waitFor({ state: 'visible' });
  const terms = await page.$$eval('.explain-terms dd', (dds) => Object.fromEntries(dds.map((dd) => [dd.dataset.term, dd.textContent])));
  // The figure's digits, grouped as the popover groups them.
  const [whole, fraction] = figure.split('.');
  assert.equal(terms.blockReward, `${Number(whole).toLocaleString('en-US')}.${fraction} WFI a second`);
  // The contract's schedule: 8 WFI a second, halved at each of its 4 stages.
  const stage = Number(/stage (\d) of 4 of the schedule/.exec(await page.textContent('.explain-notes'))[1]);
  assert.equal(terms.rate, `${8 / 2 ** (stage - 1)} WFI a second`);
  assert.match(terms.yourPower, / effective units$/);
  assert.match(await page.textContent('.explain-formula'), /^[\d.,]+ = [1248] × [\d.,]+ \/ [\d.,]+$/);
  await page.screenshot({ path: artifact('explain-block-375.png') });
  await page.click('#explain-popover [data-close]');
  await page.locator('#explain-popover').waitFor({ state: 'hidden' });

  // Breakeven, from the same projection: the first second that covers what was paid.
  await page.click('.figure:has(#m-breakeven) button.how');
  await page.locator('#explain-popover').waitFor({ state: 'visible' });
  assert.match(await page.textContent('.explain-notes'), /Breakeven is the first second|Never, at today's price/);
  assert.deepEqual(page.errors, []);
});

test("a points session's How?: the formula with the session's own seconds and weight", async () => {
  const page = await openPage(env);
  await page.fill('#p-hours', '2');
  await page.waitForFunction(() => document.querySelector('#p-reward').dataset.value);
  await page.click('.figure:has(#p-reward) button.how');
  await page.locator('#explain-popover').waitFor({ state: 'visible' });
  const weight = await page.getAttribute('#p-weight', 'data-value');
  assert.equal(
    await page.textContent('.explain-formula'),
    `${await page.getAttribute('#p-reward', 'data-value')} = 100 × (1 − e^(−0.0001 × 7,200)) × ${weight}`,
  );
  assert.deepEqual(page.errors, []);
});

test("a pool run's How?: the emission as the stages' rates times their seconds, the dust as what truncation leaves", async () => {
  const page = await openPage(env);
  await page.fill('#s-count', '1000');
  await page.click('#s-run');
  await page.waitForFunction(() => document.querySelector('#s-status').textContent.startsWith('Done'), null, { timeout: 30000 });
  await page.click('.figure:has(#s-emitted) button.how');
  await page.locator('#explain-popover').waitFor({ state: 'visible' });
  const emitted = await page.getAttribute('#s-emitted', 'data-value');
  const formula = await page.textContent('.explain-formula');
  assert.match(formula, /^[\d,.]+ = 8 × [\d,]+( \+ 4 × [\d,]+)*/);
  assert.equal(formula.split(' = ')[0].replace(/,/g, ''), emitted);
  await page.keyboard.press('Escape');
  await page.click('.figure:has(#s-dust) button.how');
  await page.locator('#explain-popover').waitFor({ state: 'visible' });
  assert.match(await page.textContent('.explain-notes'), /truncated to the wei/);
  assert.deepEqual(page.errors, []);
});
