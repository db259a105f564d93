// cbmcalc: the JS API of SPEC 8 over the WASM core.
//
//   import { load } from 'cbmcalc';
//   const cbm = await load();
//   cbm.apr({ blockReward: '0.00009804', tokenPrice: 0.17, units: 1000, unitPrice: 0.25 });
//
// One module for node, the page and a module worker. This layer makes the core idiomatic: it
// checks the shape of what it is given (plain objects, no unknown fields, numbers or decimal
// strings), turns numbers into their shortest decimal text (0.0001 is exactly 1e-4), and turns
// an error returned by the core into a thrown CbmError. The values themselves are checked once,
// in C++. Amounts come back as decimal strings truncated to 18 decimals; seconds as numbers.

import createCbmModule from './cbmcalc_wasm.mjs';

/** The one error this API throws. `code`: INVALID_INPUT (see `field`), NOT_ALLOWED (a session
 * rule said no), OUT_OF_MEMORY or INTERNAL. The module stays usable after any of them. */
export class CbmError extends Error {
  constructor(message, { code = 'INVALID_INPUT', field = '' } = {}) {
    super(message);
    this.name = 'CbmError';
    this.code = code;
    this.field = field;
  }
}

const isNode =
  typeof process === 'object' && typeof process.versions?.node === 'string' && typeof window === 'undefined';

let defaultModule;

/**
 * Loads the WASM module once and returns the API. `options` go to the Emscripten module
 * (`wasmBinary`, `locateFile`) for hosts that serve the .wasm from elsewhere.
 */
export function load(options = undefined) {
  if (options) return instantiate(options);
  defaultModule ??= instantiate({});
  return defaultModule;
}

async function instantiate(options) {
  const moduleOptions = { ...options };
  if (isNode && !moduleOptions.wasmBinary) {
    // The Emscripten glue would fetch() a file path in node; hand it the bytes instead.
    const { readFile } = await import('node:fs/promises');
    moduleOptions.wasmBinary = await readFile(new URL('./cbmcalc_wasm.wasm', import.meta.url));
  }
  return makeApi(await createCbmModule(moduleOptions));
}

// --- checking and converting inputs ------------------------------------------------------------

function fail(field, problem) {
  throw new CbmError(field ? `${field}: ${problem}` : problem, { field });
}

/** A short, safe rendering of any value for an error message. */
export function describe(value) {
  if (typeof value === 'string') {
    const shown = value.length > 40 ? `${value.slice(0, 40)}...` : value;
    return JSON.stringify(shown);
  }
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return String(value);
  }
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  return typeof value === 'object' ? 'an object' : typeof value;
}

function isPlainObject(value) {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Checks that `input` is a plain object with no fields beyond `allowed`, and returns it. */
function fieldsOf(input, call, allowed, path = '') {
  if (!isPlainObject(input)) fail(path, `${call} takes an object, got ${describe(input)}`);
  for (const key of Object.keys(input)) {
    if (!allowed.includes(key)) {
      fail(path + key, `is not a field of ${call} (its fields: ${allowed.join(', ')})`);
    }
  }
  return input;
}

/**
 * A number or a decimal string as the core's text. A JS number means its shortest round-trip
 * decimal, which is what String() gives. `fallback` (a string) is used when the field is absent.
 */
function text(value, field, fallback = undefined) {
  if (value === undefined) {
    if (fallback === undefined) fail(field, 'is required');
    return fallback;
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) fail(field, `must be a finite number, got ${value}`);
    return String(value);
  }
  if (typeof value === 'bigint') return value.toString();
  return fail(field, `must be a number or a decimal string, got ${describe(value)}`);
}

/** A time as whole seconds: a number, a decimal string, or for Unix times a Date. */
function secondsText(value, field, fallback = undefined) {
  if (value instanceof Date) {
    const ms = value.getTime();
    if (Number.isNaN(ms)) fail(field, 'is an invalid Date');
    return String(Math.floor(ms / 1000));
  }
  return text(value, field, fallback);
}

/** A UTC calendar day: "YYYY-MM-DD" or a Date (its UTC day). */
function dayText(value, field) {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) fail(field, 'is an invalid Date');
    return value.toISOString().slice(0, 10);
  }
  if (typeof value !== 'string') fail(field, `must be a date "YYYY-MM-DD" or a Date, got ${describe(value)}`);
  return value;
}

const noRules = Object.freeze([]);

/** Rule overrides as [name, text] pairs; the core knows the names and checks the values. */
function ruleTexts(rules) {
  if (rules === undefined) return noRules;
  if (!isPlainObject(rules)) fail('rules', `must be an object, got ${describe(rules)}`);
  return Object.entries(rules).map(([name, value]) => {
    const field = `rules.${name}`;
    if (value === null) return [name, 'none'];
    if (Array.isArray(value)) return [name, tiersText(value, field)];
    return [name, text(value, field)];
  });
}

/** A weight table [{ min, weight }, ...] as the core's "min:weight,..." text. */
function tiersText(tiers, field) {
  return tiers
    .map((tier, i) => {
      const f = `${field}[${i}]`;
      fieldsOf(tier, 'a tier', ['min', 'weight'], `${f}.`);
      const min = text(tier.min, `${f}.min`);
      const weight = text(tier.weight, `${f}.weight`);
      if (/[:,]/.test(min + weight)) fail(f, 'min and weight must be decimal numbers');
      return `${min}:${weight}`;
    })
    .join(',');
}

/** The value of a core outcome, or its error thrown as a CbmError. */
function unwrap(outcome) {
  const { error } = outcome;
  if (error.code) throw new CbmError(error.message, { code: error.code, field: error.field });
  return outcome.value;
}

// --- points accounts: JS objects <-> the core's text form ---------------------------------------

const accountFields = ['totalPoints', 'session', 'lastStartedAt', 'lastReward', 'lastCollectedAt'];

function optionalText(value, field, convert = text) {
  return value === null || value === undefined ? '' : convert(value, field);
}

function accountText(account) {
  fieldsOf(account, 'a points account', accountFields, 'account.');
  const { session } = account;
  if (session !== null && session !== undefined) {
    fieldsOf(session, 'a session', ['startedAt', 'weight'], 'account.session.');
  }
  return {
    totalPoints: text(account.totalPoints, 'account.totalPoints', '0'),
    activeSince: optionalText(session?.startedAt, 'account.session.startedAt', secondsText),
    activeWeight: session ? text(session.weight, 'account.session.weight') : '',
    lastStartedAt: optionalText(account.lastStartedAt, 'account.lastStartedAt', secondsText),
    lastReward: optionalText(account.lastReward, 'account.lastReward'),
    lastCollectedAt: optionalText(account.lastCollectedAt, 'account.lastCollectedAt', secondsText),
  };
}

function accountFromText(t) {
  const time = (s) => (s === '' ? null : Number(s));
  return {
    totalPoints: t.totalPoints,
    session: t.activeSince === '' ? null : { startedAt: Number(t.activeSince), weight: t.activeWeight },
    lastStartedAt: time(t.lastStartedAt),
    lastReward: t.lastReward === '' ? null : t.lastReward,
    lastCollectedAt: time(t.lastCollectedAt),
  };
}

// --- the API ------------------------------------------------------------------------------------

function makeApi(M) {
  const defaultsText = M.defaultsJson();

  return Object.freeze({
    /** The version of the core, "0.1.0". */
    version: M.version(),

    /** Bytes of WASM memory the module holds (it grows for big pools and is kept for reuse). */
    memoryBytes() {
      return M.HEAP8.length;
    },

    /** The default rules: { pool, points, secondsPerYear }. `pool` is the `rules` of emission()
     * and simulatePool(), `points` the `rules` of the points calls. A fresh copy each call. */
    defaults() {
      return JSON.parse(defaultsText);
    },

    /** SPEC 1. Emission of the seconds from .. to-1 (to: until emission ends), and the rate,
     * 1-based stage (0 once ended) and next halving at `from`. */
    emission(input = {}) {
      const { from, to, rules } = fieldsOf(input, 'emission()', ['from', 'to', 'rules']);
      const out = unwrap(M.emission(secondsText(from, 'from', '0'), secondsText(to, 'to', ''), ruleTexts(rules)));
      return { ...out, nextHalvingAt: out.nextHalvingAt < 0 ? null : out.nextHalvingAt };
    },

    /** SPEC 5. APR (simple, not APY) and the figures it comes from, seed 003's formula. */
    apr(input) {
      fieldsOf(input, 'apr()', ['blockReward', 'tokenPrice', 'units', 'unitPrice']);
      return unwrap(
        M.apr({
          blockReward: text(input.blockReward, 'blockReward'),
          tokenPrice: text(input.tokenPrice, 'tokenPrice'),
          units: text(input.units, 'units'),
          unitPrice: text(input.unitPrice, 'unitPrice'),
        }),
      );
    },

    /** The per-second reward of `units` fresh units in a pool of `poolPower` at `rate` WFI/s. */
    blockReward(input) {
      fieldsOf(input, 'blockReward()', ['units', 'poolPower', 'rate']);
      return unwrap(
        M.blockReward({
          units: text(input.units, 'units'),
          poolPower: text(input.poolPower, 'poolPower'),
          rate: text(input.rate, 'rate', '8'),
        }),
      );
    },

    /** The pool power at which `units` earn `blockReward` per second at `rate` WFI/s. */
    impliedPoolPower(input) {
      fieldsOf(input, 'impliedPoolPower()', ['units', 'blockReward', 'rate']);
      return unwrap(
        M.impliedPoolPower({
          units: text(input.units, 'units'),
          blockReward: text(input.blockReward, 'blockReward'),
          rate: text(input.rate, 'rate', '8'),
        }),
      );
    },

    /** SPEC 7. Mining weight and its parts. vip and extra are reserved and default to 0. */
    pointsWeight(input) {
      fieldsOf(input, 'pointsWeight()', ['streakDays', 'totalPoints', 'invites', 'vip', 'extra', 'rules']);
      return unwrap(
        M.pointsWeight(
          {
            streakDays: text(input.streakDays, 'streakDays'),
            totalPoints: text(input.totalPoints, 'totalPoints'),
            invites: text(input.invites, 'invites'),
            vip: text(input.vip, 'vip', '0'),
            extra: text(input.extra, 'extra', '0'),
          },
          ruleTexts(input.rules),
        ),
      );
    },

    /** SPEC 7. Points of a session of `elapsedSeconds` (capped at 24 h) at `weight`. */
    pointsReward(input) {
      fieldsOf(input, 'pointsReward()', ['elapsedSeconds', 'weight', 'rules']);
      return unwrap(
        M.pointsReward(
          secondsText(input.elapsedSeconds, 'elapsedSeconds'),
          text(input.weight, 'weight'),
          ruleTexts(input.rules),
        ),
      );
    },

    /** SPEC 7. The check-in streak on day `on` (default today, UTC) from a list of check-in
     * days ("YYYY-MM-DD" or Dates): { days, checkedInOnDay }. */
    streak(input) {
      const { checkins, on = new Date() } = fieldsOf(input, 'streak()', ['checkins', 'on']);
      if (!Array.isArray(checkins)) fail('checkins', `must be an array of dates, got ${describe(checkins)}`);
      const days = checkins.map((day, i) => dayText(day, `checkins[${i}]`));
      return unwrap(M.streak(days, dayText(on, 'on')));
    },

    /** A points account with no session yet. Accounts are plain objects: keep them, store them
     * as JSON, pass them back. */
    newAccount(input = {}) {
      fieldsOf(input, 'newAccount()', ['totalPoints']);
      return accountFromText(unwrap(M.checkAccount(accountText({ totalPoints: input.totalPoints }), noRules)));
    },

    /** Checks a stored account and returns it in canonical form; throws what is wrong. */
    checkAccount(input) {
      fieldsOf(input, 'checkAccount()', ['account', 'rules']);
      return accountFromText(unwrap(M.checkAccount(accountText(input.account), ruleTexts(input.rules))));
    },

    /** Starts a session at `now` (Unix seconds or a Date) with `weight`; returns the new
     * account. Throws NOT_ALLOWED while a session runs or within 24 h of the last start. */
    startSession(input) {
      fieldsOf(input, 'startSession()', ['account', 'now', 'weight', 'rules']);
      const out = M.startSession(
        accountText(input.account),
        secondsText(input.now, 'now'),
        text(input.weight, 'weight'),
        ruleTexts(input.rules),
      );
      return accountFromText(unwrap(out));
    },

    /** Stops the running session at `now`: { account, reward }, the reward added to the total.
     * Throws NOT_ALLOWED when no session runs. */
    stopSession(input) {
      fieldsOf(input, 'stopSession()', ['account', 'now', 'rules']);
      const out = unwrap(M.stopSession(accountText(input.account), secondsText(input.now, 'now'), ruleTexts(input.rules)));
      return { account: accountFromText(out.account), reward: out.reward };
    },

    /** What the mining screen shows at `now`: a running session's start, elapsed time, weight
     * and points so far; else the last reward and when it was collected; and when the next
     * start is allowed. */
    sessionStatus(input) {
      fieldsOf(input, 'sessionStatus()', ['account', 'now', 'rules']);
      const s = unwrap(M.sessionStatus(accountText(input.account), secondsText(input.now, 'now'), ruleTexts(input.rules)));
      return {
        active: s.active,
        startedAt: s.active ? s.startedAt : null,
        elapsedSeconds: s.active ? s.elapsedSeconds : null,
        estimatedPoints: s.active ? s.estimatedPoints : null,
        weight: s.active ? s.weight : null,
        lastReward: s.lastReward === '' ? null : s.lastReward,
        lastCollectedAt: s.lastCollectedAt < 0 ? null : s.lastCollectedAt,
        nextStartAt: s.nextStartAt,
      };
    },
  });
}
