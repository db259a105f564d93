// The types of <cbm-calculator> (widget/cbm-calculator.js; its README has the attributes and the
// event). The module exports nothing: importing it defines the element. These declarations add
// the element to `document.querySelector('cbm-calculator')` and `cbm-change` to
// addEventListener. Needs the DOM lib.
//
//   import 'cbmcalc/widget';
//   document.querySelector('cbm-calculator')?.addEventListener('cbm-change', (event) => event.detail.aprPercent);
import type { Day, Decimal, Earnings } from '../lib/cbmcalc.js';

/** The element's attributes: units, unit-price and token-price (USD), pool-units (everyone
 * else's units today), pool-growth (new units a day; when not 0 it replaces
 * pool-growth-percent, the pool's growth in % a month), genesis (YYYY-MM-DD, when emission
 * started), theme ("light", "dark" or "auto") and lang ("en", "de"; numbers and dates follow it
 * through Intl). Changed together, attributes are computed once, in the next frame. */
export type CbmCalculatorAttribute =
  'units' | 'unit-price' | 'token-price' | 'pool-units' | 'pool-growth' | 'pool-growth-percent' | 'genesis' | 'theme' | 'lang';

/** The form's fields as typed (numbers as decimal text once read in the widget's language). */
export interface CbmCalculatorInputs {
  units: string;
  unitPrice: string;
  tokenPrice: string;
  poolUnits: string;
  poolGrowth: string;
  poolGrowthPercent: string;
  /** YYYY-MM-DD. */
  genesis: string;
}

/** The figures of a computation, amounts as decimal strings truncated to 18 decimals. */
export interface CbmCalculatorFigures {
  /** APR (simple, not APY), percent; null before the units mine. */
  aprPercent: Decimal | null;
  /** APR - 100, percent; null before the units mine. */
  netGainPercent: Decimal | null;
  /** The units' reward now, WFI a second. */
  blockReward: Decimal;
  wfiPerDay: Decimal;
  /** units x unit price, USD. */
  contributionUsd: Decimal;
  /** The day the mined WFI covers the contribution at this price; null: not before emission
   * ends. */
  breakeven: Day | null;
  /** The days from the purchase's day to the breakeven's, both counted ("paid back in N days");
   * null with breakeven. */
  paybackDays: number | null;
  wfiUntilEmissionEnds: Decimal;
  /** At this WFI price. */
  usdUntilEmissionEnds: Decimal;
  emissionEnds: Day;
  /** Per period, at this WFI price: a day now, the next 30 days and 12 months, the next
   * halving, and each calendar month (UTC) from today to the end of emission. */
  earnings: {
    perDay: { wfi: Decimal; usd: Decimal };
    next30Days: Earnings['next30Days'];
    next12Months: Earnings['firstYear'];
    nextHalving: Earnings['nextHalving'];
    months: { start: Day; end: Day; wfi: Decimal; usd: Decimal }[];
  };
}

/** A computation that gave figures. */
export interface CbmCalculatorResult extends CbmCalculatorFigures {
  inputs: CbmCalculatorInputs;
  error: null;
}

/** A computation that stopped at a field: its figures are absent. */
export type CbmCalculatorFailure = { [K in keyof CbmCalculatorFigures]?: undefined } & {
  inputs: CbmCalculatorInputs;
  /** The field ("units", "poolGrowthPercent", ...) and the message shown under it. */
  error: { field: string; message: string };
};

/** The detail of a `cbm-change` event, and the element's `result`: `error` tells which. */
export type CbmChangeDetail = CbmCalculatorResult | CbmCalculatorFailure;

/** Fired after every computation; bubbles and is composed (it crosses shadow roots). */
export type CbmChangeEvent = CustomEvent<CbmChangeDetail>;

/** The <cbm-calculator> element. Its class is not exported: create it with
 * document.createElement('cbm-calculator') or in HTML. */
export interface CbmCalculatorElement extends HTMLElement {
  /** The latest computation (the detail of the last cbm-change event); null before the first. */
  readonly result: CbmChangeDetail | null;
}

declare global {
  interface HTMLElementTagNameMap {
    'cbm-calculator': CbmCalculatorElement;
  }
  interface GlobalEventHandlersEventMap {
    'cbm-change': CbmChangeEvent;
  }
}
