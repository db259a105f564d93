// The <cbm-calculator> widget in a host page served with a strict Content-Security-Policy: no
// request beyond its own files, no console error, no global left behind, no style crossing the
// shadow boundary either way, two languages, attributes and the cbm-change event.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { artifact, openPage, type, useBrowser } from './harness.mjs';

// What a careful wallet would serve: nothing but its own files, no eval, no inline code.
const strictCsp =
  "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
const env = useBrowser({ headers: (path) => (path.endsWith('.html') ? { 'Content-Security-Policy': strictCsp } : {}) });
const ready = '#events[data-count]';

/** Waits until both widgets on the example page have a result. */
async function openExample(viewport) {
  // Any CSP violation is recorded (init scripts are not subject to the page's policy).
  await env.context.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const page = await openPage(env, '/widget-example.html', viewport, { ready });
  await page.waitForFunction(() => document.getElementById('english').result && document.getElementById('german').result);
  return page;
}

test('under a strict CSP: only its own files, no console error, the figures of seed 003', async () => {
  const page = await openExample({ width: 1280, height: 1000 });
  const response = await page.request.get(`${env.origin}/widget-example.html`);
  assert.equal(response.headers()['content-security-policy'], strictCsp);
  const foreign = page.requests.filter((url) => !url.startsWith(`${env.origin}/`));
  assert.deepEqual(foreign, []);
  assert.ok(
    page.requests.some((url) => url.endsWith('/lib/cbmcalc_lite_wasm.wasm')),
    'it loads its WASM, the lite build (it has no decision tools)',
  );
  assert.deepEqual(await page.evaluate(() => window.cspViolations), []);
  assert.deepEqual(page.errors, []);

  // Genesis today: the seed's example (8 WFI/s, the contract's stage 1) holds now.
  const day = new Date().toISOString().slice(0, 10);
  await page.evaluate((d) => ['english', 'german'].forEach((id) => document.getElementById(id).setAttribute('genesis', d)), day);
  await page.waitForFunction((d) => ['english', 'german'].every((id) => document.getElementById(id).result.inputs.genesis === d), day);
  const english = await page.evaluate(() => document.getElementById('english').result);
  assert.match(english.aprPercent, /^210\.2416/);
  assert.match(english.netGainPercent, /^110\.2416/);
  assert.equal(english.contributionUsd, '250');
  assert.equal(english.error, null);
  assert.equal(await page.locator('#english #apr button.exact').textContent(), '210.24%');
  assert.equal(await page.locator('#english #apr-label').textContent(), 'APR (simple, not APY)');

  // German labels, and numbers and dates formatted in German through Intl.
  assert.equal(await page.locator('#german #apr-label').textContent(), 'APR (einfach, kein APY)');
  assert.match(await page.locator('#german #apr button.exact').textContent(), /^\d+,\d{2}\s%$/u);
  // The breakeven's date, then the days it takes ("paid back in N days"), both in German.
  assert.match(await page.locator('#german #breakeven').textContent(), /^\d{2}\.\d{2}\.\d{4} · [\d.]+ Tage?$/);
  assert.match(await page.locator('#german #wfiEnd button.exact').textContent(), /^[\d.]+,\d+ WFI$/);
  await page.screenshot({ path: artifact('widget-1280.png'), fullPage: true });
  await page.setViewportSize({ width: 375, height: 800 });
  await page.screenshot({ path: artifact('widget-375.png'), fullPage: true });
  await page.close();
});

test('typing, attributes and errors reach the host as cbm-change events', async () => {
  const page = await openExample();
  await page.evaluate(() => {
    window.seen = [];
    document.addEventListener('cbm-change', (e) =>
      window.seen.push({ target: e.target.id, composed: e.composed, bubbles: e.bubbles, detail: e.detail }),
    );
  });
  await type(page, '#english #in-units', '2000');
  await page.waitForFunction(() => window.seen.some((e) => e.detail.inputs.units === '2000' && e.detail.aprPercent));
  const event = await page.evaluate(() => window.seen.findLast((e) => e.detail.inputs.units === '2000'));
  assert.equal(event.target, 'english');
  assert.equal(event.composed, true);
  assert.equal(event.bubbles, true);
  assert.equal(event.detail.contributionUsd, '500');
  // The figures by period: a day is the per-day figure, the year counts its halvings, the
  // months run to the end of emission and sum to what is mined until then.
  const { earnings } = event.detail;
  assert.equal(earnings.perDay.wfi, event.detail.wfiPerDay);
  assert.ok(Number(earnings.next12Months.wfi) > 0 && Number(earnings.next12Months.returnPercent) > 0);
  assert.equal(earnings.months.at(-1).end, event.detail.emissionEnds);
  assert.ok(earnings.months.length > 12);
  // Shown as well as sent: each period in WFI and in USD, the event's figures.
  const shown = (id) => page.evaluate((id) => document.getElementById('english').shadowRoot.getElementById(id).dataset.value, id);
  for (const [id, value] of [
    ['perDay', earnings.perDay.wfi],
    ['perDayUsd', earnings.perDay.usd],
    ['perMonth', earnings.next30Days.wfi],
    ['perMonthUsd', earnings.next30Days.usd],
    ['perYear', earnings.next12Months.wfi],
    ['perYearUsd', earnings.next12Months.usd],
  ])
    assert.equal(await shown(id), value, id);

  // An attribute sets the field: twice the price, twice the APR.
  const before = Number(event.detail.aprPercent);
  await page.evaluate(() => document.getElementById('english').setAttribute('token-price', '0.34'));
  await page.waitForFunction(() => document.getElementById('english').result.inputs.tokenPrice === '0.34');
  const after = Number(await page.evaluate(() => document.getElementById('english').result.aprPercent));
  assert.ok(Math.abs(after / before - 2) < 1e-12);

  await type(page, '#english #in-units', '-1');
  await page.waitForFunction(() => document.getElementById('english').result.error);
  const error = await page.evaluate(() => document.getElementById('english').result.error);
  assert.equal(error.field, 'units');
  assert.equal(await page.locator('#english #in-units').getAttribute('aria-invalid'), 'true');
  assert.match(await page.locator('#english #in-units-error').textContent(), /whole number/);
  assert.equal(await page.locator('#english #apr').textContent(), '—');

  // Switching the language relabels the widget and keeps what was typed.
  await page.evaluate(() => document.getElementById('english').setAttribute('lang', 'de'));
  // Applied in the next frame (attribute changes coalesce).
  await page.waitForFunction(
    () => document.getElementById('english').shadowRoot.querySelector('#apr-label')?.textContent === 'APR (einfach, kein APY)',
  );
  assert.equal(await page.locator('#english #in-units').inputValue(), '-1');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('styles do not leak in or out of the shadow root', async () => {
  const page = await openExample();
  const inside = await page.locator('#english #in-units').evaluate((input) => {
    const s = getComputedStyle(input);
    const root = getComputedStyle(input.getRootNode().querySelector('.cbm'));
    return { background: s.backgroundColor, color: s.color, font: root.fontFamily, size: root.fontSize };
  });
  // The host page sets Georgia, 22px, and pink on yellow for every input: none of it applies.
  assert.doesNotMatch(inside.font, /Georgia/);
  assert.equal(inside.size, '16px');
  assert.notEqual(inside.background, 'rgb(255, 241, 118)');
  assert.notEqual(inside.color, 'rgb(194, 24, 91)');
  // And the widget's rules (output: bold; .figure: a panel) leave the host's elements alone.
  const host = await page.evaluate(() => {
    const output = getComputedStyle(document.getElementById('host-output'));
    const figure = getComputedStyle(document.querySelector('body > .results .figure'));
    return { weight: output.fontWeight, color: output.color, figureDisplay: figure.display };
  });
  assert.deepEqual(host, { weight: '400', color: 'rgb(194, 24, 91)', figureDisplay: 'inline' });
  await page.close();
});

test('loading the widget leaves no global behind', async () => {
  const page = await env.context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e));
  page.on('console', (m) => m.type() === 'error' && errors.push(new Error(m.text())));
  // An empty host page under the same policy.
  await page.route(`${env.origin}/empty-host.html`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      headers: { 'Content-Security-Policy': strictCsp },
      body: '<!doctype html><html lang="en"><title>host</title><body></body></html>',
    }),
  );
  await page.goto(`${env.origin}/empty-host.html`);
  const leaked = await page.evaluate(async () => {
    const before = new Set(Object.getOwnPropertyNames(window));
    await import('./widget/cbm-calculator.js');
    const widget = document.createElement('cbm-calculator');
    const changed = new Promise((resolve) => widget.addEventListener('cbm-change', resolve, { once: true }));
    document.body.append(widget);
    await changed;
    return Object.getOwnPropertyNames(window).filter((key) => !before.has(key));
  });
  assert.deepEqual(leaked, []);
  assert.ok(await page.evaluate(() => customElements.get('cbm-calculator') !== undefined));
  assert.deepEqual(errors, []);
  await page.close();
});

test('the German widget reads German numbers and answers in German', async () => {
  const page = await openExample();
  await page.waitForFunction(() => document.getElementById('german').result?.aprPercent);
  const english = await page.evaluate(() => document.getElementById('english').result);
  // "0,25" is a quarter; "1.000" (a thousands point, or an English 1.000?) is asked about.
  await type(page, '#german #in-unitPrice', '0,25');
  await type(page, '#german #in-tokenPrice', '0,17');
  await type(page, '#german #in-units', '1000');
  await page.waitForFunction(() =>
    (({ inputs, error }) => inputs.unitPrice === '0.25' && inputs.units === '1000' && inputs.tokenPrice === '0.17' && !error)(
      document.getElementById('german').result,
    ),
  );
  const german = await page.evaluate(() => document.getElementById('german').result);
  assert.equal(german.inputs.tokenPrice, '0.17');
  assert.equal(german.contributionUsd, '250');
  await type(page, '#german #in-units', '1.000');
  await page.waitForFunction(() => document.getElementById('german').result.error);
  assert.match(await page.locator('#german #in-units-error').textContent(), /^Meinen Sie 1000 oder 1,000\?/);
  // A core error in German words, built from its problem kind.
  await type(page, '#german #in-units', '-5');
  await page.waitForFunction(() => document.getElementById('german').result.inputs.units === '-5');
  assert.match(await page.locator('#german #in-units-error').textContent(), /^muss eine ganze Zahl von 1 bis 1\.000\.000\.000\.000 sein$/);
  assert.ok(english.aprPercent);
  await page.close();
});

test('the widget grows the pool 2% a month by default; units a day replace it; a bad percentage is shown at its field', async () => {
  const page = await openExample({ width: 1280, height: 900 });
  const result = () => page.evaluate(() => document.getElementById('english').result);
  const grown = await result();
  assert.equal(grown.inputs.poolGrowthPercent, '2');
  assert.match(await page.locator('#english #note').textContent(), /Everyone else's units grow 2% a month\./);
  await page.evaluate(() => document.getElementById('english').setAttribute('pool-growth-percent', '0'));
  await page.waitForFunction(() => document.getElementById('english').result.inputs.poolGrowthPercent === '0');
  const still = await result();
  // A growing pool earns less over the next 12 months than one that stays; today's day is the same.
  assert.ok(Number(grown.earnings.next12Months.wfi) < Number(still.earnings.next12Months.wfi));
  assert.equal(grown.wfiPerDay, still.wfiPerDay);
  assert.match(await page.locator('#english #note').textContent(), /Everyone else's units stay as they are\./);
  await page.evaluate(() => document.getElementById('english').setAttribute('pool-growth', '100000'));
  await page.waitForFunction(() => document.getElementById('english').result.inputs.poolGrowth === '100000');
  assert.ok(Number((await result()).earnings.next12Months.wfi) < Number(still.earnings.next12Months.wfi));
  await page.evaluate(() => {
    const widget = document.getElementById('english');
    widget.setAttribute('pool-growth', '0');
    widget.setAttribute('pool-growth-percent', '500');
  });
  await page.waitForFunction(() => document.getElementById('english').result.error !== null);
  assert.equal((await result()).error.field, 'poolGrowthPercent');
  assert.equal(await page.locator('#english #in-poolGrowthPercent').getAttribute('aria-invalid'), 'true');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('the widget recovers from any lang value and coalesces a burst of attribute changes into one recomputation', async () => {
  const page = await openExample({ width: 1280, height: 900 });
  for (const lang of ['__proto__', 'en_US!', 'constructor', 'de']) {
    // The change is applied in the next frame: wait for two, then for the figures.
    await page.evaluate(
      (l) =>
        new Promise((done) => {
          document.getElementById('english').setAttribute('lang', l);
          requestAnimationFrame(() => requestAnimationFrame(done));
        }),
      lang,
    );
    await page.waitForFunction(() => document.getElementById('english').shadowRoot.querySelector('#apr button.exact'));
    const label = await page.locator('#english #apr-label').textContent();
    assert.equal(label, lang === 'de' ? 'APR (einfach, kein APY)' : 'APR (simple, not APY)', lang);
  }
  // A thousand attribute changes in one go: one cbm-change event, with the last values.
  const events = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const widget = document.getElementById('english');
        let count = 0;
        widget.addEventListener('cbm-change', () => count++);
        const started = performance.now();
        for (let i = 1; i <= 1000; i++) widget.setAttribute('units', String(1000 + i));
        setTimeout(() => resolve({ count, units: widget.result.inputs.units, ms: performance.now() - started }), 500);
      }),
  );
  assert.equal(events.count, 1);
  assert.equal(events.units, '2000');
  assert.deepEqual(page.errors, []);
  await page.close();
});
