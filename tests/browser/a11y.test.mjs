// Accessibility with axe-core (no serious or critical violation, light and dark, with every
// section showing results), keyboard order, and the screenshots at 1280 and 375 px.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { artifact, axeViolations, openPage, pageReady, useBrowser } from './harness.mjs';

// axe-core is injected as a script: the page's own policy would refuse it.
const env = useBrowser({ bypassCSP: true });

/** The page with a finished pool simulation and every data table open. */
async function fullPage(viewport, colorScheme) {
  const page = await openPage(env, '/', viewport, { colorScheme });
  await page.fill('#s-count', '2000');
  await page.click('#s-run');
  await page.waitForFunction(() => document.querySelector('#s-status').textContent.startsWith('Done'), null, { timeout: 30000 });
  await page.waitForSelector('[data-chart=supply][data-points] canvas');
  await page.waitForSelector('[data-chart=points][data-points] canvas');
  await page.waitForFunction(() => document.querySelectorAll('#s-owners-table tbody tr').length > 0);
  await page.$$eval('details', (all) => all.forEach((d) => (d.open = true)));
  // A chart's data table is built when it opens.
  await page.waitForFunction(() =>
    [...document.querySelectorAll('figure.chart[data-points] details[open] .table-wrap')].every((wrap) => wrap.querySelector('table')),
  );
  return page;
}

for (const colorScheme of ['light', 'dark']) {
  test(`axe finds no serious or critical violation on the page (${colorScheme})`, async () => {
    const page = await fullPage({ width: 1280, height: 900 }, colorScheme);
    const violations = await axeViolations(page);
    assert.deepEqual(violations, [], JSON.stringify(violations, null, 2));
    await page.screenshot({ path: artifact(`page-1280${colorScheme === 'dark' ? '-dark' : ''}.png`), fullPage: true });
    assert.deepEqual(page.errors, []);
    await page.close();
  });
}

test('at 375 px: nothing wider than the screen, no violation, a screenshot', async () => {
  const page = await fullPage({ width: 375, height: 800 }, 'light');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.equal(overflow, 0, 'no horizontal scrolling');
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], JSON.stringify(violations, null, 2));
  await page.screenshot({ path: artifact('page-375.png'), fullPage: true });
  await page.close();
});

test('axe finds no serious or critical violation in the widgets', async () => {
  const page = await openPage(env, '/widget-example.html', { width: 1280, height: 900 }, { ready: '#events[data-count]' });
  await page.waitForFunction(() => document.getElementById('english').result && document.getElementById('german').result);
  const violations = await axeViolations(page, { include: [['#english'], ['#german']] });
  assert.deepEqual(violations, [], JSON.stringify(violations, null, 2));
  await page.close();
});

test('the keyboard: skip link first, then the tools and the sections in reading order', async () => {
  const page = await openPage(env);
  const focused = async () => page.evaluate(() => document.activeElement.id || document.activeElement.textContent.trim());
  await page.keyboard.press('Tab');
  assert.equal(await focused(), 'Skip to the calculators');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'main');
  await page.keyboard.press('Tab');
  assert.equal(await focused(), 'm-tokenPrice'); // the price first: the answers are at it
  await page.keyboard.press('Tab');
  assert.equal(await focused(), 'm-unitPrice');
  await page.keyboard.press('Tab');
  assert.equal(await focused(), 'm-purchase-0-date');
  await page.focus('#m-tokenPrice');
  await page.keyboard.press('Shift+Tab');
  assert.equal(await focused(), 'Supply control'); // the last link of the navigation
  // A figure opens its exact digits with the keyboard.
  await page.focus('#m-apr button.exact');
  await page.keyboard.press('Enter');
  assert.equal(await page.getAttribute('#m-apr button.exact', 'aria-expanded'), 'true');
  assert.ok(await page.isVisible('#m-apr .exact-value'));
  await page.close();
});

test('the theme button: system, light, dark, kept for the next visit', async () => {
  const page = await openPage(env, '/', { width: 1280, height: 900 }, { colorScheme: 'light' });
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(await page.textContent('#theme'), 'Theme: system');
  const light = await background();
  await page.click('#theme');
  assert.equal(await page.getAttribute('html', 'data-theme'), 'light');
  await page.click('#theme');
  assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
  assert.notEqual(await background(), light);
  await page.reload();
  await pageReady(page);
  assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
  await page.click('#theme'); // back to the system's choice for the other tests
  assert.equal(await page.getAttribute('html', 'data-theme'), null);
  await page.close();
});

test('Escape closes the exact digits; a button the keyboard presses keeps the focus nearby', async () => {
  const page = await openPage(env);
  await page.focus('#m-apr button.exact');
  await page.keyboard.press('Enter');
  assert.equal(await page.getAttribute('#m-apr button.exact', 'aria-expanded'), 'true');
  await page.keyboard.press('Escape');
  assert.equal(await page.getAttribute('#m-apr button.exact', 'aria-expanded'), 'false');
  assert.ok(await page.isHidden('#m-apr .exact-value'));
  assert.equal(await page.evaluate(() => document.activeElement.closest('output')?.id), 'm-apr');
  // Stop mining with the keyboard: the Stop button is disabled, the focus goes to Start.
  await page.focus('#ses-start');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => !document.querySelector('#ses-stop').disabled);
  await page.focus('#ses-stop');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('#ses-stop').disabled);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'ses-start');
  // A run's button, pressed: the focus waits on Cancel while it runs, then comes back to Run.
  await page.focus('#r-run');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('#r-verdict').textContent && !document.querySelector('#r-run').disabled, null, {
    timeout: 30000,
  });
  assert.equal(await page.evaluate(() => document.activeElement.id), 'r-run');
  await page.close();
});

test('typing is announced once it pauses, in one short sentence about the section typed in', async () => {
  const page = await openPage(env);
  // The figures are no live region of their own: a screen reader does not re-read them per key.
  assert.equal(await page.locator('#m-earn').evaluate((table) => table.closest('[aria-live=polite]')), null);
  await page.waitForTimeout(1200);
  assert.equal(await page.textContent('#announcer'), '', 'nothing is announced at load');
  // Each How? is named for the figure it explains.
  assert.match(
    await page.locator('#m-earnDayUsd + button.how').getAttribute('aria-label'),
    /^How is \$\d+\.\d\d \(A day, now, in USD\) computed\?$/,
  );
  await page.evaluate(() => {
    window.announced = [];
    new MutationObserver(() => window.announced.push(document.getElementById('announcer').textContent)).observe(
      document.getElementById('announcer'),
      { childList: true, characterData: true, subtree: true },
    );
  });
  await page.fill('#m-purchase-0-units', '');
  await page.locator('#m-purchase-0-units').pressSequentially('2000', { delay: 80 });
  await page.waitForFunction(() => window.announced.length > 0);
  await page.waitForTimeout(1500);
  const announced = await page.evaluate(() => window.announced);
  assert.equal(announced.length, 1, announced.join(' | '));
  const wfiADay = await page.textContent('#m-earnDayWfi button.exact');
  assert.match(
    announced[0],
    /^My mining units: a day now [\d.,]+ WFI, \$[\d.,]+, the next 12 months [\d.,]+ WFI, \$[\d.,]+, APR now [\d.,]+%\.$/,
  );
  assert.ok(announced[0].includes(`a day now ${wfiADay}`), `${announced[0]} says ${wfiADay}`);
  // Another section typed in speaks of itself; the sections it moves stay quiet.
  await page.locator('#apr-units').fill('2000');
  await page.waitForFunction(() => window.announced.length > 1);
  assert.match(await page.textContent('#announcer'), /^APR: [\d.,]+%, a year [\d.,]+ WFI, \$[\d.,]+\.$/);
  assert.deepEqual(page.errors, []);
  await page.close();
});
