// What a person sees at a desktop and a phone width, with real numbers typed in: nothing wider
// than the screen, and a screenshot of each part (test-artifacts/) to look at.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { artifact, openPage, type, useBrowser } from './harness.mjs';

const env = useBrowser();

/** The page is no wider than its viewport (a wide table scrolls inside its own box). */
async function fitsWidth(page) {
  const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
  assert.ok(scroll <= width, `page is ${scroll} px wide in a ${width} px window`);
}

for (const width of [1280, 375]) {
  test(`the rules, the schedule picker and referral income at ${width} px`, async () => {
    const page = await openPage(env, '/', { width, height: 900 });
    await type(page, '#m-ref1Units', '25000');
    await type(page, '#m-ref1Growth', '100');
    await type(page, '#m-ref2Units', '60000');
    await page.fill('#m-purchase-0-units', '4000');
    // A run slower than a keystroke waits for the typing to pause: wait for the $1,000 result.
    await page.waitForFunction(() => document.querySelector('#m-contribution').dataset.value === '1000');
    await page.waitForFunction(() => !document.querySelector('#m-referral').hidden && document.querySelector('#m-refTotal').dataset.value);
    await page.waitForSelector('[data-chart=referral][data-points] canvas');
    // $1,000 of purchases unlock all three lines; the APR with referrals is above mining alone.
    assert.match(
      await page.textContent('#m-referral-lines'),
      /Line 1 \(3%\): unlocked .*Line 2 \(5%\): unlocked .*Line 3 \(8%\): unlocked/,
    );
    const apr = Number(await page.getAttribute('#m-aprMining', 'data-value'));
    const withReferrals = Number(await page.getAttribute('#m-aprReferrals', 'data-value'));
    assert.ok(withReferrals > apr, `${withReferrals} vs ${apr}`);
    await fitsWidth(page);
    const rules = page.locator('#mining fieldset:has(#m-schedule)');
    await rules.screenshot({ path: artifact(`rules-${width}.png`) });
    await page.locator('#mining fieldset:has(#m-ref1Units)').screenshot({ path: artifact(`referral-form-${width}.png`) });
    await page.locator('#m-referral').screenshot({ path: artifact(`referral-figures-${width}.png`) });
    await page.locator('[data-chart=referral]').screenshot({ path: artifact(`referral-chart-${width}.png`) });
    await page.locator('#pool form').screenshot({ path: artifact(`pool-rules-${width}.png`) });
    assert.deepEqual(page.errors, []);
    await page.close();
  });
}

for (const width of [1280, 375]) {
  test(`the earnings chart at ${width} px: axis titles, one line at a flat price, a log scale for bear / base / bull`, async () => {
    const page = await openPage(env, '/', { width, height: 900 });
    const chart = page.locator('[data-chart=earned]');
    await page.waitForSelector('[data-chart=earned][data-points] canvas');
    const legend = () => chart.locator('.u-legend .u-series th').allTextContents();
    // At a flat price the USD value is the WFI line read on the right axis: no second line on it.
    assert.deepEqual(await legend(), ['Date', 'WFI mined (its USD value on the right)', 'You paid']);
    // A phone has its axis titles above the plot; a desktop has them beside the axes.
    assert.equal(await chart.locator('.axis-titles').count(), width < 500 ? 1 : 0);
    if (width < 500) assert.deepEqual(await chart.locator('.axis-titles span').allTextContents(), ['WFI', 'USD']);
    await chart.screenshot({ path: artifact(`earned-flat-${width}.png`) });

    await page.check('input[name=scenario][value=band]');
    await page.waitForFunction(() => document.querySelectorAll('[data-chart=earned] .u-legend .u-series').length === 6);
    assert.deepEqual((await legend()).slice(2, 5), ['USD, bear −5%/month', 'USD, base 0%/month', 'USD, bull +5%/month']);
    if (width < 500) assert.deepEqual(await chart.locator('.axis-titles span').allTextContents(), ['WFI', 'USD, log scale']);
    await fitsWidth(page);
    await chart.screenshot({ path: artifact(`earned-band-${width}.png`) });
    assert.deepEqual(page.errors, []);
    await page.close();
  });
}

/** The figures whose number breaks across lines (each word must sit on one line) or overflows
 * its box. */
async function brokenFigures(page) {
  return page.evaluate(() => {
    const broken = [];
    for (const figure of document.querySelectorAll('.figure')) {
      const node = figure.querySelector('output button.exact')?.firstChild;
      if (!node || figure.offsetParent === null) continue;
      if (figure.scrollWidth > figure.clientWidth) broken.push(`overflows: ${node.textContent}`);
      let at = 0;
      for (const word of node.textContent.split(/\s/)) {
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + word.length);
        const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
        if (lines.size > 1) broken.push(`breaks: ${node.textContent}`);
        at += word.length + 1;
      }
    }
    return broken;
  });
}

test('no number breaks across lines on a phone, for big holdings and for dust', async () => {
  const page = await openPage(env, '/', { width: 375, height: 800 });
  for (const [units, price] of [
    ['123456789', '0.987654'],
    ['1', '0.000001'],
  ]) {
    await page.fill('#m-purchase-0-units', units);
    await type(page, '#m-tokenPrice', price);
    await page.waitForFunction(
      () => !document.querySelector('#m-status').textContent && document.querySelector('#m-perDay')?.dataset.value,
    );
    assert.deepEqual(await brokenFigures(page), [], `${units} units at $${price}`);
    await fitsWidth(page);
  }
  // Dust keeps two significant digits instead of showing nothing.
  assert.match(await page.textContent('#m-earnDayUsd button.exact'), /^\$0\.00000000\d\d$/);
  assert.match(await page.textContent('#m-apr button.exact'), /^0\.000\d\d%$/);
  await page.locator('#m-answers').screenshot({ path: artifact('answers-dust-375.png') });
  assert.deepEqual(page.errors, []);
  await page.close();
});

for (const [width, height] of [
  [375, 800],
  [1280, 900],
]) {
  test(`the first screen at ${width}x${height} shows what the units earn a day, in 30 days and in 12 months`, async () => {
    const page = await openPage(env, '/', { width, height });
    await page.waitForFunction(() => document.getElementById('m-earnYearUsd').dataset.value);
    const rows = await page.evaluate(() =>
      ['m-earnDayWfi', 'm-earnDayUsd', 'm-earnMonthWfi', 'm-earnMonthUsd', 'm-earnYearWfi', 'm-earnYearUsd'].map((id) => {
        const output = document.getElementById(id);
        return { id, bottom: output.getBoundingClientRect().bottom, text: output.textContent };
      }),
    );
    for (const { id, bottom, text } of rows) {
      assert.ok(bottom <= height, `${id} ends at ${Math.round(bottom)} px, within the first ${height}`);
      assert.match(text, /\d/, id);
    }
    // The units and the prices are there to edit, above the figures.
    for (const id of ['m-purchase-0-units', 'm-unitPrice', 'm-tokenPrice']) assert.ok(await page.locator(`#${id}`).isVisible(), id);
    await page.screenshot({ path: artifact(`first-screen-${width}.png`) });
    assert.deepEqual(page.errors, []);
    await page.close();
  });
}
