// Sections built when they are looked at: Pool simulation, Points and Supply (and the decision
// tools of My mining units) wait in templates until they come near the screen, or a link, their
// button or the address goes to them; nothing a user could reach before is lost, and a link's
// values for them survive until they are built.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { openPage, useBrowser } from './harness.mjs';

const env = useBrowser();
const built = (page, id) => page.getAttribute(`#${id}`, 'data-built');

/** The keyboard's way: the button of the part `id`, pressed with Enter, builds it and leaves
 * the focus on it. */
async function buildByKeyboard(page, id) {
  await page.focus(`[data-build=${id}]`);
  await page.keyboard.press('Enter');
  await page.waitForSelector(`#${id}[data-built=true]`);
  assert.equal(await page.evaluate(() => document.activeElement.id), id);
}

/** Holds the module `name` back (web/ui/name.js, or its chunk in the production build) until the
 * function it resolves to is called. */
async function holdBack(page, name) {
  let release;
  const late = new Promise((resolve) => (release = resolve));
  await page.route(new RegExp(`/(ui/)?${name}(-\\w+)?\\.js$`), async (route) => {
    await late;
    await route.continue();
  });
  return release;
}

test('at load: the first sections only, the rest built when scrolled to', async () => {
  const page = await openPage(env, '/', { width: 375, height: 800 }, { lazy: true });
  assert.equal(await built(page, 'pool'), null);
  assert.equal(await built(page, 'points'), null);
  assert.equal(await built(page, 'supply'), null);
  assert.equal(await built(page, 'tools'), null);
  assert.equal(await page.locator('#p-invites').count(), 0);
  assert.equal(await page.locator('#b-run').count(), 0);
  const elements = await page.evaluate(() => document.querySelectorAll('*').length);
  assert.ok(elements <= 800, `${elements} elements at load`);
  // Scrolled to, as a reader does: built, and computing.
  await page.evaluate(() => document.getElementById('points').scrollIntoView({ behavior: 'instant' }));
  await page.waitForSelector('#points[data-built=true]');
  await page.waitForSelector('#p-invites');
  await page.waitForFunction(() => document.querySelector('#points-24h').textContent !== '');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('the keyboard and an in-page link build the section they go to', async () => {
  const page = await openPage(env, '/', { width: 1280, height: 900 }, { lazy: true });
  await buildByKeyboard(page, 'points');
  // The menu's link to a section far below.
  assert.equal(await built(page, 'supply'), null);
  await page.click('nav a[href="#supply"]');
  await page.waitForSelector('#supply[data-built=true]');
  await page.waitForSelector('[data-chart=supply][data-points]');
  // It lands at the top of the screen, under the sticky menu: the sections built on the way do
  // not push it down afterwards.
  await page.waitForTimeout(500);
  const top = await page.evaluate(() => document.getElementById('supply').getBoundingClientRect().top);
  assert.ok(top >= 0 && top <= 100, `the section's top is at ${top} px`);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("a link's values for a section not built yet are restored when it is, even after other edits", async () => {
  const page = await env.context.newPage();
  // The supply module arrives late: the mining section is edited (and the address saved) first.
  const release = await holdBack(page, 'supply-section');
  await page.goto(`${env.origin}/#c.energy=3500000&p.invites=9`);
  await page.waitForSelector('html[data-ready=true]');
  await page.waitForSelector('#points[data-built=true]'); // the link has its values: built at once
  assert.equal(await page.inputValue('#p-invites'), '9');
  assert.equal(await built(page, 'supply'), null);
  await page.fill('#m-purchase-0-units', '3000');
  await page.waitForFunction(() => location.hash.includes('m.buy=') && location.hash.includes('3000'));
  assert.match(await page.evaluate(() => location.hash), /c\.energy=3500000/);
  release();
  await page.waitForSelector('#supply[data-built=true]');
  assert.equal(await page.inputValue('#c-energy'), '3500000');
  await page.close();
});

test("the decision tools: built by their button, and a link's values for them and for points (one prefix, r) kept", async () => {
  const page = await openPage(env, '/', { width: 1280, height: 900 }, { lazy: true });
  await buildByKeyboard(page, 'tools');
  await page.click('#t-run');
  await page.waitForSelector('#t-table tbody tr');
  assert.deepEqual(page.errors, []);
  await page.close();

  // A link with values for the reinvest tool and for points' projection, both "r.": the tools
  // are built at once, points' module arrives late, and an edit meanwhile keeps points' value.
  const linked = await env.context.newPage();
  const release = await holdBack(linked, 'points-section');
  await linked.goto(`${env.origin}/#r.until=2027-06-01&r.days=120`);
  await linked.waitForSelector('html[data-ready=true]');
  await linked.waitForSelector('#tools[data-built=true]');
  assert.equal(await linked.inputValue('#r-until'), '2027-06-01');
  assert.equal(await built(linked, 'points'), null);
  await linked.fill('#m-purchase-0-units', '3000');
  await linked.waitForFunction(() => location.hash.includes('3000'));
  assert.match(await linked.evaluate(() => location.hash), /r\.days=120/);
  release();
  await linked.waitForSelector('#points[data-built=true]');
  assert.equal(await linked.inputValue('#r-days'), '120');
  await linked.close();
});
