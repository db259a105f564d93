// <cbm-calculator>: the mining calculator as one custom element, for any site (a wallet, say).
//
//   <script type="module" src="widget/cbm-calculator.js"></script>
//   <cbm-calculator units="1000" unit-price="0.25" token-price="0.17" lang="de" theme="auto">
//   </cbm-calculator>
//
// Attributes: units, unit-price, token-price, genesis (YYYY-MM-DD, when emission started),
// pool-units (everyone else's units today), pool-growth (new units a day; when not 0 it replaces
// pool-growth-percent, the pool's growth in % a month, 2 by default), theme (light, dark,
// auto), lang (en, de; numbers and dates follow it through Intl). Every result is announced as
// a `cbm-change` event (bubbles, composed) whose detail holds the inputs and the figures.
//
// Safe to embed: it loads only its own files (this module, the API and its .wasm), needs no
// 'unsafe-eval' or inline styles, never puts text into HTML, defines nothing global but the
// element, and keeps its styles inside its shadow root. It computes with the same modules as
// the page (ui/mining.js), so the figures are the page's figures.
import { CbmError, load } from '../lib/cbmcalc.js';
import { assumed } from '../ui/assumptions.js';
import { dayText, today } from '../ui/dates.js';
import { showFigure, showText } from '../ui/figures.js';
import { formatAmount, formatDate, formatDays } from '../ui/format.js';
import { clearErrors, debounce, problemMessage, readValues, showError, valuesOf } from '../ui/forms.js';
import { cachedMining, paybackDays, priceMining, seedPoolUnits } from '../ui/mining.js';
import { textsFor } from './i18n.js';
import { styleSheet } from './styles.js';

const fields = [
  // [input name, attribute, default (null: from the API), where it goes]
  ['units', 'units', '1000', 'main'],
  ['unitPrice', 'unit-price', '0.25', 'main'],
  ['tokenPrice', 'token-price', '0.17', 'main'],
  ['poolUnits', 'pool-units', null, 'more'],
  ['poolGrowth', 'pool-growth', '0', 'more'],
  ['poolGrowthPercent', 'pool-growth-percent', assumed.poolGrowthPercent, 'more'],
  ['genesis', 'genesis', assumed.genesis, 'more'],
];
const outputs = [
  // [key, format, big, a second figure in USD beside it]
  ['apr', 'percent', true],
  ['return', 'percent', true],
  ['perDay', 'wfi', false, 'perDayUsd'],
  ['perMonth', 'wfi', false, 'perMonthUsd'],
  ['perYear', 'wfi', false, 'perYearUsd'],
  ['breakeven', null, false],
  ['wfiEnd', 'wfi', false],
  ['usdEnd', 'usd', false],
];

// Widgets on one page compute one a frame: ten loading together are ten tasks the page can
// paint and answer input between, not one long freeze.
const inTurn = new Set(); // the waiting widgets' compute functions, first come first served
let turnFrame = 0;

function computeInTurn(compute) {
  inTurn.add(compute);
  turnFrame ||= requestAnimationFrame(nextTurn);
}

function nextTurn() {
  const [compute] = inTurn;
  inTurn.delete(compute);
  turnFrame = inTurn.size ? requestAnimationFrame(nextTurn) : 0;
  compute?.();
}

class CbmCalculator extends HTMLElement {
  static observedAttributes = ['lang', ...fields.map((f) => f[1])];

  #root = this.attachShadow({ mode: 'open' });
  #cbm = null;
  #mining = null;
  #form = null;
  #result = null;
  #later = debounce(() => this.#compute(), 100);

  constructor() {
    super();
    this.#root.adoptedStyleSheets = [styleSheet()];
  }

  /** The latest result (the detail of the last cbm-change event). */
  get result() {
    return this.#result;
  }

  connectedCallback() {
    if (this.#form) return; // moved within the page: keep the state
    this.#build();
    load({ build: 'lite' })
      .then((cbm) => {
        this.#cbm = cbm;
        this.#mining = cachedMining(cbm);
        const pool = this.#form.elements.namedItem('poolUnits');
        if (!pool.value) pool.value = String(seedPoolUnits(cbm));
        computeInTurn(this.#update);
      })
      .catch(() => (this.#status.textContent = this.#texts.failed));
  }

  attributeChangedCallback(name, old, value) {
    if (!this.#form || old === value) return;
    if (name === 'lang') {
      this.#rebuild = true;
    } else {
      const field = fields.find((f) => f[1] === name);
      this.#form.elements.namedItem(field[0]).value = value ?? this.#defaultOf(field);
    }
    // A host that sets many attributes at once gets one recomputation, not one each.
    computeInTurn(this.#update);
  }

  #rebuild = false;
  /** A new language's contents, then the figures (once loaded). */
  #update = () => {
    if (this.#rebuild) this.#build();
    this.#rebuild = false;
    if (this.#cbm) this.#compute();
  };

  get #texts() {
    return textsFor(this.#lang);
  }

  /** The lang attribute as a language tag Intl accepts; English (with a console note) for a
   * value it does not ("__proto__", "en_US!"). */
  get #lang() {
    const lang = this.getAttribute('lang') || 'en';
    try {
      return Intl.getCanonicalLocales(lang)[0];
    } catch {
      if (this.#warnedLang !== lang) console.info(`cbm-calculator: lang "${lang}" is not a language tag; using English`);
      this.#warnedLang = lang;
      return 'en';
    }
  }

  #warnedLang = null;

  get #status() {
    return this.#root.getElementById('status');
  }

  /** A field's value when its attribute is absent; the pool's comes from the API once loaded. */
  #defaultOf([, , fallback]) {
    if (fallback !== null) return fallback;
    return this.#cbm ? String(seedPoolUnits(this.#cbm)) : '';
  }

  /** The element's contents in the current language; typed values survive a rebuild. */
  #build() {
    const t = this.#texts;
    const kept = this.#form ? valuesOf(this.#form) : null;
    const make = (tag, props = {}, ...children) => {
      const e = document.createElement(tag);
      Object.assign(e, props);
      e.append(...children);
      return e;
    };
    const root = make('div', { className: 'cbm', lang: this.#lang });
    root.setAttribute('part', 'root');
    const form = make('form', { noValidate: true });
    const more = make('div');
    for (const field of fields) {
      const [name, attribute] = field;
      const id = `in-${name}`;
      const input = make('input', { id, name, autocomplete: 'off' });
      if (name === 'genesis') input.type = 'date';
      else input.inputMode = name === 'units' || name.startsWith('pool') ? 'numeric' : 'decimal';
      input.setAttribute('aria-describedby', `${id}-error`);
      input.value = kept?.[name] ?? this.getAttribute(attribute) ?? this.#defaultOf(field);
      const box = make(
        'div',
        {},
        make('label', { htmlFor: id, textContent: t[name] }),
        input,
        make('p', { className: 'error', id: `${id}-error` }),
      );
      (field[3] === 'main' ? form : more).append(box);
    }
    form.append(make('details', {}, make('summary', { textContent: t.more }), more));
    form.addEventListener('input', () => this.#changed());
    form.addEventListener('submit', (e) => e.preventDefault());

    const results = make('div', { className: 'results' });
    results.setAttribute('aria-live', 'polite');
    for (const [key, format, big, usd] of outputs) {
      const label = make('span', { className: 'label', id: `${key}-label`, textContent: t[key] });
      const output = make('output', { id: key });
      if (format) output.dataset.format = format;
      output.setAttribute('aria-labelledby', `${key}-label`);
      const figure = make('div', { className: big ? 'figure big' : 'figure' }, label, output);
      if (usd) {
        const value = make('output', { id: usd, className: 'usd' });
        value.dataset.format = 'usd';
        value.setAttribute('aria-labelledby', `${key}-label`);
        figure.append(value);
      }
      results.append(figure);
    }
    root.append(
      make('h2', { textContent: t.title }),
      form,
      results,
      make('p', { className: 'status', id: 'status', textContent: this.#cbm ? '' : t.loading }),
      make('p', { className: 'note', id: 'note' }),
    );
    this.#root.replaceChildren(root);
    this.#form = form;
  }

  #input(values) {
    const now = today();
    // New units a day when given (not 0), else the growth in % a month: the pool grows one way.
    const daily = !['', '0'].includes(values.poolGrowth.trim());
    return {
      genesis: values.genesis,
      today: now,
      purchases: [{ date: dayText(now), units: values.units }],
      unitPrice: values.unitPrice,
      tokenPrice: values.tokenPrice,
      period: 'month',
      poolUnits: values.poolUnits,
      poolGrowth: daily ? values.poolGrowth : values.poolGrowthPercent,
      poolGrowthUnit: daily ? 'day' : 'percent',
      rules: {},
    };
  }

  #changed() {
    if (!this.#cbm) return;
    let stale = true;
    try {
      stale = this.#mining.stale(this.#input(valuesOf(this.#form)));
    } catch {
      // compute() will say what is wrong
    }
    if (stale) this.#later();
    else this.#later.now();
  }

  /** What the note says of the rules: the core's words for the defaults the widget runs. */
  #ruleFacts(end) {
    const { lifetimeYears, stageDays } = this.#cbm.defaults().summary;
    const number = (text) => formatAmount(text, 'plain', this.#lang);
    return { end: formatDate(end, this.#lang), lifetimeYears: number(lifetimeYears), stageDays: number(stageDays) };
  }

  #compute() {
    const t = this.#texts;
    const form = this.#form;
    let values = valuesOf(form);
    const $ = (id) => this.#root.getElementById(id);
    const figure = (id, value) => showFigure($(id), value, { locale: this.#lang, text: t });
    clearErrors(form);
    let detail;
    try {
      // The numbers as the API's decimal text, read in the widget's language ("0,170" in
      // English is asked about).
      values = readValues(form, { lang: this.#lang, ask: t.ask });
      const sim = this.#mining.run(this.#input(values));
      const priced = priceMining(this.#cbm, sim, { tokenPrice: values.tokenPrice, unitPrice: values.unitPrice, scenario: 'flat' });
      const { now } = priced;
      const [base] = priced.paths;
      // The figures by period, from the same run: a day, 30 days and 12 months from today.
      const { earnings } = sim;
      figure('apr', now?.apr?.aprPercent);
      figure('return', earnings.firstYear.returnPercent);
      figure('perDay', earnings.now.wfiPerDay);
      figure('perDayUsd', earnings.now.usdPerDay);
      figure('perMonth', earnings.next30Days.wfi);
      figure('perMonthUsd', earnings.next30Days.usd);
      figure('perYear', earnings.firstYear.wfi);
      figure('perYearUsd', earnings.firstYear.usd);
      figure('wfiEnd', priced.wfiEnd);
      figure('usdEnd', base.usdEnd);
      // A date, and the days it takes from the purchase ("paid back in N days").
      const payback = paybackDays(base.breakeven, sim.purchases);
      showText(
        $('breakeven'),
        payback === null ? t.never : `${formatDate(base.breakeven, this.#lang)} · ${formatDays(payback, this.#lang)}`,
        base.breakeven === null ? 'never' : dayText(base.breakeven),
      );
      const pool = this.#input(values);
      const growth = t.growth({ daily: pool.poolGrowthUnit === 'day', amount: formatAmount(pool.poolGrowth, 'plain', this.#lang) });
      $('note').textContent = t.note({ ...this.#ruleFacts(sim.end), growth });
      this.#status.textContent = '';
      detail = {
        inputs: values,
        aprPercent: now?.apr?.aprPercent ?? null,
        netGainPercent: now?.apr?.netGainPercent ?? null,
        blockReward: earnings.now.blockReward,
        wfiPerDay: earnings.now.wfiPerDay,
        contributionUsd: priced.contributionUsd,
        breakeven: base.breakeven === null ? null : dayText(base.breakeven),
        paybackDays: payback,
        wfiUntilEmissionEnds: priced.wfiEnd,
        usdUntilEmissionEnds: base.usdEnd,
        emissionEnds: dayText(sim.end),
        // Per period, at this WFI price: a day now, the next 30 days and 12 months, and each
        // calendar month (UTC) from today to the end of emission.
        earnings: {
          perDay: { wfi: earnings.now.wfiPerDay, usd: earnings.now.usdPerDay },
          next30Days: earnings.next30Days,
          next12Months: earnings.firstYear,
          nextHalving: earnings.nextHalving,
          months: earnings.periods.map((p) => ({ start: p.startDate, end: p.endDate, wfi: p.wfi, usd: p.usd })),
        },
        error: null,
      };
    } catch (e) {
      if (!(e instanceof CbmError)) throw e;
      // The one purchase is the widget's "units" field; a percentage growth has its own field.
      let field = e.field.replace(/^purchases\[0\]\./, '');
      if (field === 'poolGrowth' && this.#input(values).poolGrowthUnit === 'percent') field = 'poolGrowthPercent';
      const message = `${field}: ${problemMessage(e, this.#texts.problems, this.#lang)}`;
      showError(form, field, message);
      for (const [key, , , usd] of outputs) for (const id of usd ? [key, usd] : [key]) showFigure($(id), null);
      this.#status.textContent = t.fix;
      detail = { inputs: values, error: { field, message } };
    }
    this.#result = detail;
    this.dispatchEvent(new CustomEvent('cbm-change', { detail, bubbles: true, composed: true }));
  }
}

if (!customElements.get('cbm-calculator')) customElements.define('cbm-calculator', CbmCalculator);
