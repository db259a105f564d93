// cbmcalc: the types of the JS API (lib/cbmcalc.js, and lib/node.js in node), and its
// documentation: what each call takes and gives, and in what units. Written by hand beside the
// JS; tests/package/every-call.ts uses every call through them and checks at run time that each
// result is what they say.
//
//   import { load } from 'cbmcalc';
//   const cbm = await load();
//   cbm.apr({ blockReward: '0.00009804', tokenPrice: 0.17, units: 1000, unitPrice: 0.25 }).aprPercent; // "210.24168192"
//
// Conventions: amounts come back as `Decimal` strings, exact and truncated toward zero to 18
// decimals, never rounded binary numbers; they go in as `DecimalInput`, a decimal string or a JS
// number (which means its shortest decimal: 0.0001 is exactly 10^-4). Seconds are whole numbers.
// Pool times (emission, simulatePool, projectEarnings) are seconds since genesis, the start of
// emission; points sessions, valueEarnings and growthPath use Unix seconds. An unknown field of
// an object literal is an error here at compile time, as it is at run time there. Needs only the
// ES2022 lib: no DOM, no @types/node.

// --- values -------------------------------------------------------------------------------------

/** An exact decimal amount as text: an optional "-", digits and up to 18 decimals, truncated
 * toward zero ("210.24168192", "0.000098040000635169"). Compare and add them exactly
 * (`compareAmounts`, BigInt wei), not as floats. */
export type Decimal = string;

/** An amount given to the API: a decimal string ("0.25"), a JS number (its shortest decimal:
 * 0.1 is exactly 1/10) or a bigint. Up to 18 decimals, at most 10^20 in magnitude. */
export type DecimalInput = string | number | bigint;

/** A UTC calendar day as text, "YYYY-MM-DD". */
export type Day = string;

/** A UTC calendar day given to the API: "YYYY-MM-DD", or a Date (its UTC day). */
export type DayInput = string | Date;

/** A Unix time given to the API: whole seconds as a number or a decimal string, or a Date (its
 * second, rounded down). */
export type UnixTimeInput = number | string | Date;

// --- errors -------------------------------------------------------------------------------------

/** Why a call failed: INVALID_INPUT (see `field` and `problem`), NOT_ALLOWED (a session rule
 * said no, or a call the lite build does not have), CANCELLED (simulatePoolAsync's signal),
 * OUT_OF_MEMORY (the input is too large for this device) or INTERNAL. */
export type CbmErrorCode = 'INVALID_INPUT' | 'NOT_ALLOWED' | 'CANCELLED' | 'OUT_OF_MEMORY' | 'INTERNAL';

/** What is wrong, for a machine. Bad input: "required", "unknown-field", "wrong-type",
 * "not-a-number", "not-positive", "negative", "not-whole-in-range" (min, max), "not-in-range"
 * (min, max), "too-many-decimals", "too-many-digits", "too-large" (max), "too-many" (max),
 * "above-max" (max), "below-min" (min), "not-a-date", "before-genesis" (genesis),
 * "after-emission" (end), "duplicate-id" (first), "empty", "repeated", "not-one-of",
 * "two-growths", "nothing-to-grow", "growth-exceeds-units", "growth-exceeds-limit",
 * "ceiling-below-units", "genesis-differs" (a), "invalid" (no finer kind). Refusals
 * (NOT_ALLOWED): "session-running" (since), "cooldown" (lastStartedAt, allowedAt),
 * "no-session", "session-mismatch" (session), "not-in-build". Other kinds may come. */
export type CbmProblemKind =
  | 'required'
  | 'unknown-field'
  | 'wrong-type'
  | 'not-a-number'
  | 'not-positive'
  | 'negative'
  | 'not-whole-in-range'
  | 'not-in-range'
  | 'too-many-decimals'
  | 'too-many-digits'
  | 'too-large'
  | 'too-many'
  | 'above-max'
  | 'below-min'
  | 'not-a-date'
  | 'before-genesis'
  | 'after-emission'
  | 'duplicate-id'
  | 'empty'
  | 'repeated'
  | 'not-one-of'
  | 'two-growths'
  | 'nothing-to-grow'
  | 'growth-exceeds-units'
  | 'growth-exceeds-limit'
  | 'ceiling-below-units'
  | 'genesis-differs'
  | 'invalid'
  | 'session-running'
  | 'cooldown'
  | 'no-session'
  | 'session-mismatch'
  | 'not-in-build'
  | (string & {});

/** A problem as `{ kind, ...params }`, enough to say it in another language. Every parameter is
 * text: numbers and Unix times as decimal strings. */
export interface CbmProblem {
  kind: CbmProblemKind;
  /** The value given, as text. */
  got?: string;
  /** The smallest value allowed. */
  min?: string;
  /** The largest value allowed. */
  max?: string;
  /** "session-running": the Unix second the running session started. */
  since?: string;
  /** "cooldown": the Unix second the last session started. */
  lastStartedAt?: string;
  /** "cooldown": the Unix second the next start is allowed. */
  allowedAt?: string;
  /** "session-mismatch": the session (its start, Unix seconds) that was asked for. */
  session?: string;
  /** The other parameters of a kind. */
  [param: string]: string | undefined;
}

/** The options of `new CbmError()`. */
export interface CbmErrorOptions {
  /** Default "INVALID_INPUT". */
  code?: CbmErrorCode;
  /** Default "" (the input as a whole). */
  field?: string;
  /** Default `{ kind: "invalid" }` for INVALID_INPUT, null for the other codes. */
  problem?: CbmProblem | null;
}

/**
 * The one error this API throws (and rejects with: load, simulatePoolAsync). `message` says in
 * English what is wrong and names the field: `units: must be greater than 0, got "-5"`. The
 * module stays usable after any error.
 */
export declare class CbmError extends Error {
  constructor(message: string, options?: CbmErrorOptions);
  name: 'CbmError';
  code: CbmErrorCode;
  /** The path of the offending value, as the input names it: "units", "purchases[0].at",
   * "rules.lifetime", "b.tokenPrice"; "" for the input as a whole and for other codes. */
  field: string;
  /** For INVALID_INPUT, what is wrong for a machine ({ kind: "invalid" } when no finer kind
   * applies); for NOT_ALLOWED the rule that said no (or null); null for the other codes. */
  problem: CbmProblem | null;
}

// --- loading ------------------------------------------------------------------------------------

/** The options of `load()`. */
export interface LoadOptions {
  /** "full" (the default) has every call; "lite" is the same without the decision tools
   * (earningsBands, sensitivity, reinvest, explain, compareEarnings: there they throw a
   * NOT_ALLOWED CbmError, kind "not-in-build"), 36 KB of gzip less for a page's first load. */
  build?: 'full' | 'lite';
  /** The .wasm file's bytes, for a host that has them already (in node they are read from
   * beside the module). Goes to the Emscripten module. */
  wasmBinary?: ArrayBuffer | Uint8Array;
  /** Where a file of the module is served: `path` is its name ("cbmcalc_wasm.wasm"),
   * `prefix` the module's folder. Goes to the Emscripten module. */
  locateFile?: (path: string, prefix: string) => string;
}

/**
 * Loads the WASM module and returns the API. Without `wasmBinary` or `locateFile` a build is
 * loaded once and the same API object is returned on every call; with them, a new instance
 * each time. A bad `build` rejects with a CbmError naming "build".
 */
export declare function load(options?: LoadOptions): Promise<Cbm>;

/** A short, safe rendering of any value for an error message: strings quoted and cut at 40
 * characters, "an array of 3", "an object". */
export declare function describe(value: unknown): string;

// --- rules --------------------------------------------------------------------------------------

/** A stage of an emission schedule: `rate` WFI a second for `duration` seconds. */
export interface ScheduleStageInput {
  rate: DecimalInput;
  duration: number;
}

/** A row of a weight table: counts from `min` up give `weight`. */
export interface TierInput {
  min: DecimalInput;
  weight: DecimalInput;
}

/** A referral line: `share` (0.03 is 3%) of what the line mines, paid once the holder's
 * purchases reach `thresholdUsd`. */
export interface ReferralLineInput {
  share: DecimalInput;
  thresholdUsd: DecimalInput;
}

/** The amortization of a unit's mining power with age: none, falling linearly to 0 over
 * `lifetime`, or halving every `halfLife`. */
export type Amortization = 'none' | 'linear' | 'exponential';

/**
 * The rules of the pool calls (emission, emissionSchedule, simulatePool, projectEarnings and the
 * calls built on it): each overrides the default (`cbm.defaults().pool`). The schedule is either
 * a list of stages, `schedule`, or the halving form `baseRate`, `halvingPeriod`, `stages` (a
 * field left out takes the whitepaper's 8 / 63,072,000 / 4); with neither, the contract's
 * stages; both at once is an error naming "rules.schedule". `cbm.presets()` has the schedules
 * the sources give.
 */
export interface PoolRules {
  /** The emission as stages, in order. */
  schedule?: readonly ScheduleStageInput[];
  /** The halving form: the first stage's rate, WFI a second. */
  baseRate?: DecimalInput;
  /** The halving form: each stage's length, seconds. */
  halvingPeriod?: number;
  /** The halving form: the number of stages, each at half the rate of the one before. */
  stages?: DecimalInput;
  /** The most WFI ever emitted (works with either form); null: none. */
  supplyCap?: DecimalInput | null;
  /** Activations the queue serves a second (default 1). */
  activationsPerSecond?: DecimalInput;
  /** Default "linear". */
  amortization?: Amortization;
  /** A unit's mining lifetime in seconds (default: 8 years for "linear" amortization, none for
   * the others); null or "none": units never retire (not with "linear"). */
  lifetime?: number | 'none' | null;
  /** "exponential" amortization: seconds for the power to halve (default 2 years). */
  halfLife?: number;
}

/** The rules of the points calls (pointsWeight, pointsReward, pointsProjection and the session
 * calls): each overrides the default (`cbm.defaults().points`). */
export interface PointsRules {
  /** Points of a full session at weight 1 (default 100). */
  base?: DecimalInput;
  /** The decay rate of a session's earning, a second (default 0.0001). */
  decayRate?: DecimalInput;
  /** The longest session that counts, seconds (default 86,400). */
  maxSessionSeconds?: number;
  /** Seconds from a start to the next allowed start (default 86,400). */
  cooldownSeconds?: number;
  /** The largest weight (default 5). */
  weightCap?: DecimalInput;
  /** The weight of a check-in streak, by days in a row. */
  checkinTiers?: readonly TierInput[];
  /** The weight of the total points. */
  pointsTiers?: readonly TierInput[];
  /** The weight of the invited friends. */
  inviteTiers?: readonly TierInput[];
}

/** The rules of referralIncome: each overrides the default (`cbm.defaults().referral`). */
export interface ReferralRules {
  /** The lines, line 1 first (default 3/5/8% from $250/$500/$1,000). */
  lines?: readonly ReferralLineInput[];
  /** Seconds between payouts, counted from genesis (default 604,800: a week). */
  payEvery?: number;
  /** Seconds a payout stays locked (default 31,536,000: 365 days). */
  lockFor?: number;
}

/** Every rule name the core knows. A call takes the rules of its own kind (PoolRules,
 * PointsRules or ReferralRules); another call's rule is an error, "is not a rule of this call". */
export interface Rules extends PoolRules, PointsRules, ReferralRules {}

// --- defaults, presets, limits ------------------------------------------------------------------

/** A stage of the default schedule. */
export interface ScheduleStage {
  /** WFI a second. */
  rate: Decimal;
  /** Seconds. */
  duration: number;
}

/** A row of a weight table. */
export interface Tier {
  min: Decimal;
  weight: Decimal;
}

/** A referral line of the rules. */
export interface ReferralLine {
  /** 0.03 is 3%. */
  share: Decimal;
  thresholdUsd: Decimal;
}

/** A row of the supply-control table: from `energy` on, `releasedFraction` of mined WFI is
 * liquid. */
export interface ReleaseThreshold {
  energy: Decimal;
  releasedFraction: Decimal;
}

/** The default pool rules, as `rules` takes them. */
export interface DefaultPoolRules {
  schedule: ScheduleStage[];
  supplyCap: Decimal | null;
  activationsPerSecond: number;
  amortization: Amortization;
  /** Seconds. */
  lifetime: number | null;
  /** Seconds. */
  halfLife: number;
}

/** The default points rules, as `rules` takes them. */
export interface DefaultPointsRules {
  base: Decimal;
  decayRate: Decimal;
  maxSessionSeconds: number;
  cooldownSeconds: number;
  weightCap: Decimal;
  checkinTiers: Tier[];
  pointsTiers: Tier[];
  inviteTiers: Tier[];
}

/** The default referral rules, as `rules` takes them. */
export interface DefaultReferralRules {
  lines: ReferralLine[];
  payEvery: number;
  lockFor: number;
}

/** `cbm.defaults()`: the rule set, a fresh copy each call. */
export interface Defaults {
  /** The `rules` of the pool calls. */
  pool: DefaultPoolRules;
  /** The `rules` of the points calls. */
  points: DefaultPointsRules;
  /** Supply control (SPEC 6): the release table and the Energy price. Not public: illustrative,
   * and marked so. */
  supplyControl: {
    thresholds: ReleaseThreshold[];
    /** USD. */
    basePrice: Decimal;
    /** USD added per `burnStep` USD burned. */
    priceStep: Decimal;
    burnStep: Decimal;
    illustrative: boolean;
  };
  /** The referral and staking pool's vesting: `total` WFI over `duration` seconds. */
  vesting: { total: Decimal; duration: number };
  /** The `rules` of referralIncome. */
  referral: DefaultReferralRules;
  /** 31,536,000: a year of 365 days. */
  secondsPerYear: number;
  /** The default rules in words for a reader, to 2 decimals: a unit's lifetime in years and a
   * stage's length in days. */
  summary: { lifetimeYears: Decimal; stageDays: Decimal };
}

/** The rules of a preset: a schedule of stages, or the halving form. */
export type PresetRules = { schedule: ScheduleStage[] } | { baseRate: Decimal; halvingPeriod: number; stages: number };

/** An emission schedule a source gives. */
export interface Preset {
  label: string;
  /** Where it comes from. */
  source: string;
  /** For any call that takes pool rules. */
  rules: PresetRules;
  note: string;
}

/** `cbm.presets()`: the schedules the sources give. */
export interface Presets {
  /** WeFi's distribution contract (the default): 8, 4, 2, 1 WFI a second for 665.18 days each. */
  contract: Preset;
  /** The whitepaper: halving every 2 years. */
  whitepaper: Preset;
  /** A public WeFi page's 729-day stages. */
  stages729: Preset;
}

/** `cbm.limits()`: the bounds of the inputs, for forms to check against. */
export interface Limits {
  /** The most units one activation request may have (10^12). */
  unitsPerActivation: number;
  /** The most activation requests of a simulation. */
  activations: number;
  /** The most samples of a series. */
  samples: number;
  /** The most owners `trackOwners` may follow (16). */
  trackedOwners: number;
  /** The longest horizon, seconds (100 years). */
  seconds: number;
  /** The latest `requestedAt`, seconds. */
  requestedAt: number;
  activationsPerSecond: number;
  /** The most requests ahead in queueWait. */
  queueAhead: number;
  /** The most days a check-in history may hold (36,600). */
  checkins: number;
}

// --- emission, vesting, the queue ----------------------------------------------------------------

export interface QueueWaitInput {
  /** Requests before yours (a whole number). */
  ahead: DecimalInput;
  /** Default: the rules' (1). */
  activationsPerSecond?: DecimalInput;
}

export interface QueueWait {
  /** Seconds from your request until it is served. */
  wait: number;
  /** Seconds from your request until it mines (a served request mines from the next second). */
  miningAfter: number;
}

export interface EmissionInput {
  /** The first second, since genesis (default 0). */
  from?: number;
  /** The second after the last (default: the end of emission). */
  to?: number;
  rules?: PoolRules;
}

/** A stage as emitted (a cap shortens the one it ends). */
export interface EmissionStage {
  /** 1-based. */
  stage: number;
  /** Its first second. */
  from: number;
  /** The second after its last. */
  to: number;
  /** WFI a second. */
  rate: Decimal;
  /** WFI it emits in all. */
  emitted: Decimal;
}

export interface Emission {
  /** WFI emitted in the seconds from .. to-1. */
  emitted: Decimal;
  /** WFI a second at `from`. */
  rate: Decimal;
  /** WFI over all of emission. */
  total: Decimal;
  /** The 1-based stage at `from`; 0 once emission has ended. */
  stage: number;
  /** The next stage change after `from`; null: none. */
  nextHalvingAt: number | null;
  /** The second emission ends. */
  endsAt: number;
  stages: EmissionStage[];
}

export interface EmissionScheduleInput {
  rules?: PoolRules;
}

/** A piece of constant rate: the seconds from .. to-1 each emit `rate` WFI. */
export interface EmissionPiece {
  from: number;
  to: number;
  rate: Decimal;
  stage: number;
}

export interface VestingInput {
  /** Seconds since launch. */
  elapsed: number;
  /** WFI (default 127,931,034). */
  total?: DecimalInput;
  /** Seconds (default 63,072,000: 730 days). */
  duration?: number;
}

// --- APR and the pool behind it ------------------------------------------------------------------

export interface AprInput {
  /** WFI a second that the units earn. */
  blockReward: DecimalInput;
  /** USD a WFI. */
  tokenPrice: DecimalInput;
  units: DecimalInput;
  /** USD a unit. */
  unitPrice: DecimalInput;
  /** WFI a second of referral income (SPEC 7b): adds `withReferralsPercent`. */
  referralReward?: DecimalInput;
}

export interface Apr {
  /** Percent a year: the yearly reward in USD over the contribution. */
  aprPercent: Decimal;
  /** WFI a year at this block reward. */
  yearlyReward: Decimal;
  yearlyRewardUsd: Decimal;
  /** units x unitPrice, USD. */
  contributionUsd: Decimal;
  /** What remains beyond the principal, percent (APR - 100; negative below it). */
  netGainPercent: Decimal;
  netGainUsd: Decimal;
  /** With `referralReward`: the APR of mining and referral income together, percent. */
  withReferralsPercent?: Decimal;
}

export interface BlockRewardInput {
  units: DecimalInput;
  /** The pool's effective units, these included. */
  poolPower: DecimalInput;
  /** WFI a second the pool emits (default: the first stage's, 8). */
  rate?: DecimalInput;
}

export interface PoolSizeInput {
  units: DecimalInput;
  /** WFI a second that the units earn. */
  blockReward: DecimalInput;
  /** WFI a second the pool emits (default: the first stage's, 8). */
  rate?: DecimalInput;
}

// --- points ------------------------------------------------------------------------------------

export interface PointsWeightInput {
  /** Check-in days in a row. */
  streakDays: DecimalInput;
  totalPoints: DecimalInput;
  /** Invited friends. */
  invites: DecimalInput;
  /** Reserved (default 0). */
  vip?: DecimalInput;
  /** Reserved (default 0). */
  extra?: DecimalInput;
  rules?: PointsRules;
}

/** A mining weight and its parts: each factor's tier weight, and their sum capped. */
export interface PointsWeight {
  weight: Decimal;
  checkin: Decimal;
  points: Decimal;
  invites: Decimal;
  vip: Decimal;
  extra: Decimal;
}

export interface PointsRewardInput {
  /** The session's seconds (those beyond maxSessionSeconds, 24 h, earn nothing). */
  elapsedSeconds: number;
  weight: DecimalInput;
  rules?: PointsRules;
}

export interface StreakInput {
  /** The check-in days, in any order (at most 36,600). */
  checkins: readonly DayInput[];
  /** Default: today (UTC). */
  on?: DayInput;
}

export interface Streak {
  /** Days in a row up to `on` (or up to the day before, if `on` has no check-in yet). */
  days: number;
  checkedInOnDay: boolean;
}

/** Seven days, Monday first, "1" for yes: "1111100" is the weekdays. */
export type WeekdayMask = `${'0' | '1'}${'0' | '1'}${'0' | '1'}${'0' | '1'}${'0' | '1'}${'0' | '1'}${'0' | '1'}`;

export interface PointsProjectionInput {
  /** The check-in history before `from`. */
  checkins?: readonly DayInput[];
  /** The first day (default: today, UTC). */
  from?: DayInput;
  /** How many days to step. */
  days: DecimalInput;
  /** Points before `from` (default 0). */
  totalPoints?: DecimalInput;
  /** Invited friends before `from` (default 0). */
  invites?: DecimalInput;
  /** New friends a week (default 0). */
  invitesPerWeek?: DecimalInput;
  /** Each session's seconds (default: the longest, 86,400). */
  sessionSeconds?: number;
  /** The days with a check-in (default every day). */
  checkinWeekdays?: WeekdayMask;
  /** The days with a session (default every day). */
  sessionWeekdays?: WeekdayMask;
  vip?: DecimalInput;
  extra?: DecimalInput;
  rules?: PointsRules;
}

export interface ProjectionDay {
  date: Day;
  checkedIn: boolean;
  streakDays: number;
  invites: number;
  weight: Decimal;
  checkinWeight: Decimal;
  pointsWeight: Decimal;
  invitesWeight: Decimal;
  /** The day's session's points (0 without one). */
  reward: Decimal;
  /** After the day's session. */
  totalPoints: Decimal;
}

/** The first day a factor's weight changes, and its weight from then. */
export interface Milestone {
  date: Day;
  /** "weight": the total. */
  factor: 'checkin' | 'points' | 'invites' | 'weight';
  weight: Decimal;
}

export interface PointsProjection {
  days: ProjectionDay[];
  milestones: Milestone[];
}

// --- points accounts and sessions ----------------------------------------------------------------

/** A points account as stored: a plain, JSON-safe object. Keep it, store it, pass it back. */
export interface PointsAccount {
  totalPoints: Decimal;
  /** The running session (its start in Unix seconds, its weight), or null. */
  session: { startedAt: number; weight: Decimal } | null;
  /** Unix seconds; null: never started. */
  lastStartedAt: number | null;
  /** The last collected session's points; null: none yet. */
  lastReward: Decimal | null;
  /** Unix seconds; null: none yet. */
  lastCollectedAt: number | null;
  /** Counts starts and stops, so that a store can keep an account only over the revision it
   * read. */
  revision: number;
}

/** An account given to the API: a PointsAccount, or one stored before some field existed (an
 * absent totalPoints or revision is 0, an absent time or reward none). */
export interface PointsAccountInput {
  totalPoints?: DecimalInput;
  session?: { startedAt: UnixTimeInput; weight: DecimalInput } | null;
  lastStartedAt?: UnixTimeInput | null;
  lastReward?: DecimalInput | null;
  lastCollectedAt?: UnixTimeInput | null;
  revision?: DecimalInput;
}

export interface NewAccountInput {
  /** Default 0. */
  totalPoints?: DecimalInput;
}

export interface CheckAccountInput {
  account: PointsAccountInput;
  rules?: PointsRules;
}

export interface StartSessionInput {
  account: PointsAccountInput;
  now: UnixTimeInput;
  weight: DecimalInput;
  rules?: PointsRules;
}

export interface StopSessionInput {
  account: PointsAccountInput;
  now: UnixTimeInput;
  /** The start of the session meant, its key: makes a repeated stop idempotent. */
  session?: UnixTimeInput | null;
  rules?: PointsRules;
}

export interface StopSession {
  /** The account after the stop, the reward added to its total. */
  account: PointsAccount;
  reward: Decimal;
  /** True when this session had been collected already (a retried stop): the account is
   * unchanged. */
  alreadyCollected: boolean;
}

export interface SessionStatusInput {
  account: PointsAccountInput;
  now: UnixTimeInput;
  rules?: PointsRules;
}

/** What sessionStatus gives whether or not a session runs. */
export interface SessionStatusBase {
  /** The last collected session's points; null: none yet. */
  lastReward: Decimal | null;
  /** Unix seconds; null: none yet. */
  lastCollectedAt: number | null;
  /** Unix seconds: when the next start is allowed. */
  nextStartAt: number;
  /** 0 when a start is allowed now. */
  secondsToNextStart: number;
}

/** A session running at `now`. */
export interface RunningSessionStatus extends SessionStatusBase {
  active: true;
  /** Unix seconds. */
  startedAt: number;
  elapsedSeconds: number;
  /** The points if stopped now. */
  estimatedPoints: Decimal;
  weight: Decimal;
}

/** No session running at `now`. */
export interface IdleSessionStatus extends SessionStatusBase {
  active: false;
  startedAt: null;
  elapsedSeconds: null;
  estimatedPoints: null;
  weight: null;
}

/** What the mining screen shows at `now`; `active` tells which. */
export type SessionStatus = RunningSessionStatus | IdleSessionStatus;

// --- supply control ----------------------------------------------------------------------------

export interface SupplyControlInput {
  /** Non-decreasing in both fields; `defaults().supplyControl.thresholds` is an illustrative
   * table. */
  thresholds: readonly { energy: DecimalInput; releasedFraction: DecimalInput }[];
  /** Global Energy and the holder's mined WFI at times `t` (seconds). */
  series: readonly { t: number; energy: DecimalInput; mined: DecimalInput }[];
}

export interface SupplyPoint {
  t: number;
  energy: Decimal;
  mined: Decimal;
  releasedFraction: Decimal;
  /** WFI released. */
  liquid: Decimal;
  /** WFI still locked. */
  locked: Decimal;
}

export interface EnergyPriceInput {
  /** USD burned so far. */
  burnedUsd: DecimalInput;
  /** USD. */
  basePrice: DecimalInput;
  /** USD added per `per` (default 0.10, the public figure). */
  step?: DecimalInput;
  /** USD (default 1,000,000). */
  per?: DecimalInput;
}

// --- referral income and valuing mining over time ------------------------------------------------

/** A purchase with its price, at a pool time in seconds since genesis. */
export interface PricedPurchase {
  at: number;
  units: DecimalInput;
  /** USD a unit. */
  unitPrice: DecimalInput;
}

export interface ReferralIncomeInput {
  /** The sample times, seconds since genesis, ascending, holding every payout time. */
  t: Float64Array | readonly number[];
  /** Per line, line 1 first: WFI it mined before each t, and WFI a second at it (as
   * simulatePool's `tracked` gives them). */
  lines: readonly { mined: readonly DecimalInput[]; rate: readonly DecimalInput[] }[];
  /** The holder's purchases, which unlock the lines (`at`: their activation). Default none. */
  purchases?: readonly PricedPurchase[];
  rules?: ReferralRules;
}

export interface ReferralIncome {
  /** Each line of the rules and the second the holder's purchases reach its threshold (null:
   * never). */
  lines: { share: Decimal; thresholdUsd: Decimal; unlockedAt: number | null }[];
  /** Each payout: when paid, when it unlocks, WFI in all and by line. */
  payouts: { at: number; unlocksAt: number; amount: Decimal; lines: Decimal[] }[];
  /** WFI paid in all. */
  total: Decimal;
  /** At each t: WFI paid before it, of that unlocked and locked, and WFI a second at it. */
  series: { paid: Decimal[]; unlocked: Decimal[]; locked: Decimal[]; rate: Decimal[] };
}

/** A purchase as valueEarnings takes it. */
export interface ValuedPurchase {
  /** When bought (Unix seconds). */
  at: UnixTimeInput;
  /** A whole number. */
  units: DecimalInput;
  /** When its units start mining. */
  miningStart: UnixTimeInput;
  /** USD a unit for this purchase (>= 0); absent: the input's `unitPrice`. */
  unitPrice?: DecimalInput;
}

export interface ValueEarningsInput {
  /** The sample times, Unix seconds, ascending. */
  t: Float64Array | readonly number[];
  /** WFI mined before each t. */
  mined: readonly DecimalInput[];
  /** WFI a second at each t. */
  rate: readonly DecimalInput[];
  /** Referral income, WFI a second at each t. */
  referralRate?: readonly DecimalInput[] | null;
  purchases: readonly ValuedPurchase[];
  /** USD a unit, for each purchase without its own price (> 0). */
  unitPrice: DecimalInput;
  /** USD a WFI today. */
  tokenPrice: DecimalInput;
  today: UnixTimeInput;
  /** Monthly growths of the price in % (default [0]: a flat price). */
  paths?: Float64Array | readonly number[];
  /** Also each sample's exact price, USD value and APR (`priceRows`, `usdRows`, `aprRows`). */
  rows?: boolean;
}

/** The mining valued along one price path. Floats are for charts; the exact figures are the
 * decimal strings. */
export interface ValuedPath {
  /** The growth of this path, % a month. */
  monthly: number;
  /** USD a WFI at each t. */
  price: Float64Array;
  /** The mined WFI's USD value at each t. */
  usd: Float64Array;
  /** The APR at each t, percent, over what the purchases made by then cost; NaN before the units
   * mine (or with nothing paid). */
  apr: Float64Array;
  /** The APR with the referral income; null without `referralRate`. */
  aprWithReferrals: Float64Array | null;
  /** The second the mined WFI, at that day's price, first covers the contribution (Unix
   * seconds: the one before the first sample that shows it); null: not within the samples. */
  breakeven: number | null;
  /** The value at the last sample, USD. */
  usdEnd: Decimal;
  /** The price at `now`; null when there is no now. */
  priceNow: Decimal | null;
  /** SPEC 5 at `now`, exact, over what the purchases made by then cost (`contributionUsd`), with
   * `withReferralsPercent` when there is referral income; null without a now or a cost. */
  aprNow: Apr | null;
  /** With `rows: true`: each sample's exact price. */
  priceRows?: Decimal[];
  /** With `rows: true`: each sample's exact USD value. */
  usdRows?: Decimal[];
  /** With `rows: true`: each sample's exact APR %; null before the first purchase. */
  aprRows?: (Decimal | null)[];
}

export interface ValueEarnings {
  /** What the purchases cost, USD: each one's units at its own price. */
  contributionUsd: Decimal;
  totalUnits: number;
  /** Units bought by each t. */
  unitsBy: Float64Array;
  /** The index of the first sample at or after today at which the units mine (every purchase
   * made by today among them, if a sample has them all); null: none. */
  now: number | null;
  /** WFI a day at `now` (its rate x 86,400); null when there is no now. */
  perDayNow: Decimal | null;
  /** WFI a unit mines by the last sample. */
  perUnitWfiEnd: Decimal;
  paths: ValuedPath[];
}

export interface GrowthPathInput {
  /** Today's value. */
  value: DecimalInput;
  /** Its growth from `from` on, % a month, compounding (above -100, at most 1,000). */
  monthlyPercent: DecimalInput;
  from: UnixTimeInput;
  /** The times to give the value at, Unix seconds. */
  t: Float64Array | readonly number[];
}

// --- a holder's earnings ------------------------------------------------------------------------

/** Units at now and how they grow: by `growthPerDay` units a day, or by
 * `growthPercentPerMonth` compounding (12 months make 365 days), toward `ceiling` if given
 * (then an S-curve; a linear growth stops there). An absent or null growth is none. */
export interface GrowingUnits {
  /** Units at now (a whole number). */
  units: DecimalInput;
  growthPerDay?: DecimalInput | null;
  growthPercentPerMonth?: DecimalInput | null;
  ceiling?: DecimalInput | null;
}

/** A holder's purchase: `at` seconds since genesis or a UTC day "YYYY-MM-DD". */
export interface Purchase {
  at: number | Day;
  /** A whole number. */
  units: DecimalInput;
  /** USD a unit. */
  unitPrice: DecimalInput;
}

/** A calendar period (UTC) of a projection. */
export type Period = 'day' | 'week' | 'month' | 'year';

/**
 * A holder's pool and prices: projectEarnings' input, and the decision calls' (earningsBands,
 * sensitivity, reinvest, explain, compareEarnings).
 */
export interface EarningsInput {
  rules?: PoolRules;
  /** The day emission started: pool second 0. */
  genesis: DayInput;
  /** Seconds since genesis, or a UTC day "YYYY-MM-DD". */
  now: number | Day;
  /** At least one. */
  purchases: readonly Purchase[];
  /** Everyone else's units. */
  pool: GrowingUnits;
  /** The holder's referral lines, line 1 first: they mine beside the holder (diluting the
   * pool); their income is referralIncome's. */
  lines?: readonly GrowingUnits[];
  /** USD a WFI, held constant. */
  tokenPrice: DecimalInput;
  /** "week" is ISO, from Monday. */
  period: Period;
}

/** A period's bounds, in seconds since genesis and as the UTC days they fall in. */
export interface CalendarPeriod {
  start: number;
  /** The second after its last: the next period's start. */
  end: number;
  startDate: Day;
  /** The day of `end`: "2026-02-01" ends January. */
  endDate: Day;
}

export interface EarningsPeriod extends CalendarPeriod {
  /** WFI mined in the period. */
  wfi: Decimal;
  usd: Decimal;
  /** WFI from the first purchase to the period's end. */
  cumulativeWfi: Decimal;
  cumulativeUsd: Decimal;
}

/** Figures of a second: the block reward and what it makes a day. */
export interface EarningsRate {
  /** WFI a second. */
  blockReward: Decimal;
  wfiPerDay: Decimal;
  usdPerDay: Decimal;
}

/** `projectEarnings()`'s result. */
export interface Earnings {
  /** From the first purchase to the end of emission. */
  periods: EarningsPeriod[];
  /** The periods' sums. */
  total: { wfi: Decimal; usd: Decimal };
  /** What the purchases cost. */
  paidUsd: Decimal;
  /** The second the mined WFI first covers paidUsd at tokenPrice; null: never. */
  breakevenAt: number | null;
  /** At now, every purchase requested by now counted (one still queued from the second it
   * mines); the APR over what the purchases mining then cost. */
  now: EarningsRate & { aprPercent: Decimal };
  /** The next stage change and the rate from it; null: none. */
  nextHalving: (EarningsRate & { at: number; date: Day }) | null;
  next30Days: { wfi: Decimal; usd: Decimal };
  /** The 365 days from now; returnPercent: their USD over paidUsd. */
  firstYear: { wfi: Decimal; usd: Decimal; returnPercent: Decimal };
  /** What the queue did with each purchase (input order), in seconds since genesis: the second
   * it served it, its first second mining (each -1: still queued at the end of emission), the
   * seconds it waited, and what it mines to the end of emission. */
  purchases: { activatedAt: number; miningStart: number; wait: number; reward: Decimal }[];
  /** The run behind the figures, with `sampleEvery`: one entry a sample, at the multiples of
   * sampleEvery from the earlier of now and the first purchase, then at the end of emission.
   * null without sampleEvery. */
  series: EarningsSeries | null;
  /** With `sampleEvery` and referral lines: the holder's referral income (the default rules),
   * each purchase unlocking the lines from the second the queue serves it; `series` at the
   * series' samples. null otherwise. */
  referral: ReferralIncome | null;
}

/** `projectEarnings()`'s run, sampled (`sampleEvery`). */
export interface EarningsSeries {
  /** Seconds since genesis. */
  t: Float64Array;
  /** The holder's reward for the seconds before t, and in second t. */
  mined: Decimal[];
  rate: Decimal[];
  /** The emission of second t, WFI. */
  emissionRate: Decimal[];
  /** Everyone's effective power in second t (units, amortized). */
  poolPower: Float64Array;
  /** Each referral line's reward, as the holder's: referralIncome's `lines`. */
  lines: { mined: Decimal[]; rate: Decimal[] }[];
}

/** What projectEarnings returns besides the figures. */
export interface EarningsOptions {
  /** Seconds between the samples of `series` (86,400 for a chart by day); at most 50,000
   * samples to the end of emission. */
  sampleEvery?: number;
  /** false: no breakevenAt in the result. Finding the breakeven second re-runs the pool around
   * it, most of the call's time: a caller that reads the rest (a page updating on every
   * keystroke, with valueEarnings' breakeven by day) leaves it out. Default true. */
  breakeven?: boolean;
}

/** A purchase of a holder's pool without its price. */
export interface HolderPurchase {
  /** Seconds since genesis. */
  at: number;
  units: DecimalInput;
}

export interface HolderActivationsInput {
  rules?: PoolRules;
  /** Seconds since genesis. */
  now: number;
  purchases: readonly HolderPurchase[];
  pool: GrowingUnits;
  lines?: readonly GrowingUnits[];
}

export interface HolderActivations {
  /** The earlier of now and the first purchase. */
  start: number;
  /** The end of emission. */
  horizon: number;
  /** Request columns for simulatePool: everyone else's pool and the referral lines as a block
   * at `start`, then one request a day, then the holder's purchases. */
  activations: { id: string[]; owner: string[]; units: Float64Array; requestedAt: Float64Array };
  /** "you". */
  focusOwner: string;
  /** "line-1", ...: the referral lines. */
  trackOwners: string[];
}

export interface CalibratePoolInput {
  rules?: PoolRules;
  /** Seconds since genesis. */
  now: number;
  purchases: readonly HolderPurchase[];
  /** The block reward the WeFi app shows now, WFI a second. */
  blockReward: DecimalInput;
}

// --- the pool simulation -------------------------------------------------------------------------

/** An activation request. A request that fails verification (empty or duplicate id, units not
 * a whole number from 1 to 10^12, requestedAt not a whole number >= 0) is rejected with its
 * reason; the rest runs. */
export interface ActivationRequest {
  id: string | number;
  /** Default: the id. */
  owner?: string | number;
  units: DecimalInput;
  /** Seconds since genesis. */
  requestedAt: number;
}

/** A typed array of numbers, as a column of activation requests may be. */
export type NumberArray =
  | Float64Array
  | Float32Array
  | Int32Array
  | Uint32Array
  | Int16Array
  | Uint16Array
  | Int8Array
  | Uint8Array
  | BigInt64Array
  | BigUint64Array;

/** Activation requests as columns, entry i of each for request i: the fast form for big pools
 * (holderActivations gives this form). */
export interface ActivationColumns {
  id: readonly (string | number)[];
  /** Default: the ids. */
  owner?: readonly (string | number)[];
  /** Whole numbers: numbers, decimal strings or bigints, or a typed array. */
  units: readonly DecimalInput[] | NumberArray;
  /** Seconds since genesis. */
  requestedAt: readonly number[] | NumberArray;
}

/** The input of simulatePool, simulatePoolAsync and startPoolSimulation. */
export interface PoolScenario {
  rules?: PoolRules;
  /** Seconds to simulate (1 to 100 years). */
  horizon: number;
  /** The requests, as rows or as columns (default none). */
  activations?: readonly ActivationRequest[] | ActivationColumns;
  /** Seconds between the series' samples (default: about 1,000 samples). */
  sampleEvery?: number;
  /** Whose reward the series follows (`focusReward`, `focusRate`). */
  focusOwner?: string | number | null;
  /** Up to 16 more owners to follow (`tracked`). */
  trackOwners?: readonly (string | number)[];
}

/** An accepted request and its outcome. */
export interface ActivationRow {
  id: string;
  /** The request's position in the input. */
  index: number;
  owner: string;
  /** The second the queue served it; null: still queued at the horizon. */
  activatedAt: number | null;
  /** The second it starts mining (the one after activatedAt); null: still queued. */
  miningStart: number | null;
  /** activatedAt - requestedAt, seconds; null: still queued. */
  wait: number | null;
  /** WFI it earned. */
  reward: Decimal;
}

/**
 * The accepted requests of a run, held as columns: a million rows cost a few typed arrays, and
 * a row object exists only while someone looks at it. Iterate it or call `.at(k)` for rows, or
 * read a column (built on first use, then shared: do not change it).
 */
export interface ActivationRows extends Iterable<ActivationRow> {
  readonly length: number;
  /** Row k (a negative k counts from the end), or undefined. */
  at(k: number): ActivationRow | undefined;
  [Symbol.iterator](): Generator<ActivationRow, void, undefined>;
  /** Each row's position in the input (rejected requests have no row). */
  readonly index: Uint32Array;
  readonly id: readonly string[];
  readonly owner: readonly string[];
  /** The second the queue served each request; NaN: still queued. */
  readonly activatedAt: Float64Array;
  /** NaN: still queued. */
  readonly miningStart: Float64Array;
  /** NaN: still queued. */
  readonly wait: Float64Array;
  /** WFI each earned. */
  readonly reward: readonly Decimal[];
  toArray(): ActivationRow[];
  /** The rows: JSON.stringify writes them as an array. */
  toJSON(): ActivationRow[];
  map<U>(f: (row: ActivationRow, k: number) => U): U[];
  forEach(f: (row: ActivationRow, k: number, rows: ActivationRows) => void): void;
  filter<S extends ActivationRow>(f: (row: ActivationRow, k: number, rows: ActivationRow[]) => row is S): S[];
  filter(f: (row: ActivationRow, k: number, rows: ActivationRow[]) => unknown): ActivationRow[];
  reduce(f: (sum: ActivationRow, row: ActivationRow, k: number, rows: ActivationRow[]) => ActivationRow): ActivationRow;
  reduce<U>(f: (sum: U, row: ActivationRow, k: number, rows: ActivationRow[]) => U, initial: U): U;
  find(f: (row: ActivationRow, k: number, rows: ActivationRows) => unknown): ActivationRow | undefined;
  some(f: (row: ActivationRow, k: number, rows: ActivationRows) => unknown): boolean;
  every(f: (row: ActivationRow, k: number, rows: ActivationRows) => unknown): boolean;
  slice(from?: number, to?: number): ActivationRow[];
}

/** A request that failed verification. */
export interface RejectedRequest {
  id: string;
  /** Its position in the input. */
  index: number;
  /** What is wrong, naming the request: 'activations[1].id: must not be empty'. */
  reason: string;
}

/** A sample of the pool at second `t`, exact. */
export interface PoolSample {
  t: number;
  /** WFI a second emitted at t. */
  rate: Decimal;
  /** WFI emitted before t. */
  emitted: Decimal;
  /** Effective units mining at t. */
  poolPower: Decimal;
  activeUnits: Decimal;
  /** The focus owner's WFI before t. */
  focusReward: Decimal;
  /** The focus owner's WFI in second t. */
  focusRate: Decimal;
}

/** The series as floats, for charts (the exact amounts are in `series`). */
export interface PoolSeriesColumns {
  t: Float64Array;
  rate: Float64Array;
  emitted: Float64Array;
  poolPower: Float64Array;
  activeUnits: Float64Array;
  focusReward: Float64Array;
  focusRate: Float64Array;
}

/** The result of a pool simulation (SPEC 2-4). Conservation is exact: emitted = distributed +
 * unallocated, and the rewards + dust = distributed. */
export interface PoolResult {
  /** The accepted requests and their outcomes. */
  activations: ActivationRows;
  /** Each owner's reward (a table without a prototype: any owner name is safe). */
  owners: { [owner: string]: { reward: Decimal } };
  /** The owners by first appearance, as columns. */
  ownerColumns: {
    owner: string[];
    /** Accepted requests. */
    activations: Float64Array;
    units: Decimal[];
    reward: Decimal[];
    /** Of the distributed emission, 0 to 1: for display and sorting. */
    share: Float64Array;
  };
  rejected: RejectedRequest[];
  queue: {
    /** Requests served. */
    served: number;
    /** Seconds. */
    maxWait: number;
    /** Seconds. */
    meanWait: number;
    /** null: none served. */
    lastActivatedAt: number | null;
  };
  /** WFI emitted over the horizon. */
  emitted: Decimal;
  /** WFI handed to mining units. */
  distributed: Decimal;
  /** WFI emitted in seconds in which no unit mined. */
  unallocated: Decimal;
  /** What cutting each reward to the wei left, WFI. */
  dust: Decimal;
  series: PoolSample[];
  seriesColumns: PoolSeriesColumns;
  /** Per tracked owner, columns beside the series: its WFI before each t, and in second t. */
  tracked: { [owner: string]: { reward: Decimal[]; rate: Decimal[] } };
}

/** The options of simulatePoolAsync. */
export interface PoolAsyncOptions {
  /** Called after each slice with the share done, 0 to 1, and with 1 at the end. */
  onProgress?: (fraction: number) => void;
  /** Stops the run once `aborted` (an AbortSignal, say): the promise rejects with a CbmError,
   * code CANCELLED. */
  signal?: { readonly aborted: boolean };
  /** Events a slice (1 to 2^31; default 20,000). */
  sliceEvents?: number;
}

/** A simulation to drive by hand. Call dispose() when done, also after an error. */
export interface PoolSimulation {
  /** Advances by up to `maxEvents` events (default 50,000); true once finished. */
  step(maxEvents?: number): boolean;
  /** The share of the work done, 0 to 1. */
  progress(): number;
  /** The result, once step() returned true; once only (the core hands it over). */
  result(): PoolResult;
  /** Frees the run's memory. */
  dispose(): void;
}

// --- the decision tools -------------------------------------------------------------------------

/** The 10th, 50th and 90th percentiles, each one run's exact figure (nearest rank). */
export interface Percentiles<T = Decimal> {
  p10: T;
  p50: T;
  p90: T;
}

export interface EarningsBandsInput extends EarningsInput {
  /** The WFI price's path a year, geometric Brownian motion: `drift` the expected growth (above
   * -1, at most 10; 0.2: +20%), `volatility` the log price's standard deviation (0 to 3). */
  priceModel: { drift: DecimalInput; volatility: DecimalInput };
  /** Everyone else's growth is the guess x a lognormal factor of mean 1 with this `spread` (0
   * to 2; default 0: the guess). */
  poolModel?: { spread?: DecimalInput };
  /** 1 to 10,000 (default 1,000). */
  runs?: DecimalInput;
  /** A whole number, 0 to 2^53-1 (default 0): the same seed gives the same bands, bit for bit,
   * in node and every browser. */
  seed?: DecimalInput;
  /** Called after each run with the runs done. */
  onProgress?: (runsDone: number) => void;
}

export interface BandPeriod extends CalendarPeriod, Percentiles {
  /** USD from the first purchase to the period's end. */
  cumulative: Percentiles;
}

export interface EarningsBands {
  /** USD of each period, at its start's price (the period under way at today's). */
  periods: BandPeriod[];
  /** Seconds since genesis; null where that percentile's run never breaks even. */
  breakevenAt: Percentiles<number | null>;
  /** The runs that break even. */
  breakevenRuns: number;
  runs: number;
  seed: number;
  paidUsd: Decimal;
}

export interface SensitivityInput extends EarningsInput {
  /** The move down and up, above 0 and below 1 (default 0.2: 20%). */
  step?: DecimalInput;
}

/** What an assumption's value gives. */
export interface SwingOutcome {
  /** WFI in the 365 days from now. */
  yearWfi: Decimal;
  yearUsd: Decimal;
  /** Seconds since genesis; null: never. */
  breakevenAt: number | null;
}

/** An assumption moved down and up, the rest as given. */
export interface Swing {
  /** "poolUnits": everyone else's units now; "poolGrowth": a day or a month, as given;
   * "unitPrice": every purchase's alike; "lifetime": seconds. Those the input lacks are left
   * out. */
  input: 'tokenPrice' | 'poolUnits' | 'poolGrowth' | 'unitPrice' | 'lifetime';
  /** Its values (counts rounded to whole numbers). */
  base: Decimal;
  low: Decimal;
  high: Decimal;
  atLow: SwingOutcome;
  atHigh: SwingOutcome;
}

export interface Sensitivity {
  base: SwingOutcome;
  /** Largest first by their 12-month USD. */
  swings: Swing[];
}

/** When a plan buys: the start of each calendar week, month, or each midnight a whole unit is
 * affordable. */
export type ReinvestCadence = 'week' | 'month' | 'unit';

export interface ReinvestInput extends EarningsInput {
  /** USD a fresh unit (default: the latest purchase's). */
  unitPrice?: DecimalInput;
  /** The plans to compare with holding (default all three; each once). */
  cadences?: readonly ReinvestCadence[];
  /** When reinvesting stops: seconds since genesis or a day "YYYY-MM-DD" (default: the stop
   * that holds the most WFI at the end of emission). */
  until?: number | Day;
  /** A plan a person could follow: at most this many units bought by reinvesting, in all (a
   * whole number >= 0); a check buys what it affords up to what is left, then the plan holds. */
  maxUnits?: DecimalInput;
  /** At most this many USD spent on fresh units, in all (>= 0): whole units at `unitPrice`. */
  maxSpentUsd?: DecimalInput;
  /** Called with the share done, 0 to 1. */
  onProgress?: (done: number) => void;
}

/** Where a plan stands (held = mined since the first purchase less spent). */
export interface ReinvestStanding {
  minedWfi: Decimal;
  spentWfi: Decimal;
  heldWfi: Decimal;
  /** heldWfi at tokenPrice. */
  heldUsd: Decimal;
  /** Units owned. */
  units: number;
}

export interface ReinvestPlan extends ReinvestStanding {
  cadence: 'hold' | ReinvestCadence;
  /** The last check's second; null: never reinvests. */
  until: number | null;
  untilDate: Day | null;
  /** Each purchase: when, how many whole units, and the WFI paid (rounded up to the wei). */
  bought: { at: number; date: Day; units: number; paidWfi: Decimal }[];
  /** Where it stands at each period's end. */
  periods: (CalendarPeriod & ReinvestStanding)[];
}

export interface Reinvesting {
  /** USD a fresh unit. */
  unitPrice: Decimal;
  /** The cadence holding the most WFI at the end; "hold" if none beats it. */
  best: 'hold' | ReinvestCadence;
  /** "hold" first. */
  plans: ReinvestPlan[];
}

/** A value a formula names: `value` is a decimal, a whole number or a day, by `kind`. */
export interface ExplanationTerm {
  name: string;
  /** What it is, in words. */
  label: string;
  kind: 'wfi' | 'wfiPerSecond' | 'usd' | 'price' | 'units' | 'power' | 'seconds' | 'percent' | 'count' | 'date';
  value: string;
}

/** How a figure was computed: the formula and the notes name terms in braces ("{aprPercent} =
 * {yearlyRewardUsd} / ..."), for the caller to fill in with each term's value formatted its way.
 * `formula` is "" where a note says it all. */
export interface Explanation {
  formula: string;
  terms: ExplanationTerm[];
  notes: string[];
}

export interface AprExplanation {
  aprPercent: Explanation;
  yearlyReward: Explanation;
  yearlyRewardUsd: Explanation;
  contributionUsd: Explanation;
  netGainPercent: Explanation;
  netGainUsd: Explanation;
  /** With `referralReward`. */
  withReferralsPercent?: Explanation;
}

export interface EarningsExplanation {
  'now.blockReward': Explanation;
  'now.wfiPerDay': Explanation;
  'now.usdPerDay': Explanation;
  'now.aprPercent': Explanation;
  'firstYear.usd': Explanation;
  'firstYear.returnPercent': Explanation;
  breakevenAt: Explanation;
  /** Absent when no stage change is ahead. */
  nextHalving?: Explanation;
}

/** The input of explain("points"): a weight and a session at it. */
export interface PointsExplainInput {
  streakDays: DecimalInput;
  totalPoints: DecimalInput;
  invites: DecimalInput;
  /** The session's seconds. */
  elapsedSeconds: number;
  rules?: PointsRules;
}

export interface PointsExplanation {
  /** A session's points. */
  reward: Explanation;
  weight: Explanation;
  checkin: Explanation;
  points: Explanation;
  invites: Explanation;
}

/** The input of explain("pool"): a simulatePool run's totals, as it gave them. */
export interface PoolTotals {
  rules?: PoolRules;
  horizon: number;
  emitted: DecimalInput;
  distributed: DecimalInput;
  unallocated: DecimalInput;
  dust: DecimalInput;
  /** Requests given, accepted and rejected. */
  requests: DecimalInput;
  accepted: DecimalInput;
  rejected: DecimalInput;
  /** The queue's longest wait, seconds. */
  maxWait: number;
}

export interface PoolExplanation {
  /** The schedule's stages over the horizon: each stage's rate x its seconds. */
  emitted: Explanation;
  distributed: Explanation;
  unallocated: Explanation;
  dust: Explanation;
  accepted: Explanation;
  maxWait: Explanation;
}

/** The calls explain() explains: each one's input and explanation. */
export interface ExplainCalls {
  apr: { input: AprInput; result: AprExplanation };
  projectEarnings: { input: EarningsInput; result: EarningsExplanation };
  points: { input: PointsExplainInput; result: PointsExplanation };
  pool: { input: PoolTotals; result: PoolExplanation };
}

export type ExplainCall = keyof ExplainCalls;

/** The options of explain(). */
export interface ExplainOptions {
  /** For projectEarnings: the second (since genesis) whose "now" figures to explain, instead
   * of projectEarnings' own now (a page that shows a day's figure explains that day's). */
  at?: number;
}

/** A scenario's figures, as compareEarnings sets them side by side. */
export interface ScenarioFigures {
  totalWfi: Decimal;
  totalUsd: Decimal;
  paidUsd: Decimal;
  /** The 12 months from `from`. */
  firstYearWfi: Decimal;
  firstYearUsd: Decimal;
  firstYearReturnPercent: Decimal;
  /** SPEC 5 on the first full day mining from `from` (the page's headline APR for the same
   * inputs). */
  aprPercentNow: Decimal;
  /** Seconds since genesis (in `difference`: seconds, null unless both break even); null:
   * never. */
  breakevenAt: number | null;
  /** Seconds since genesis the figures count from: now, or the scenario's last purchase if it
   * is later (a purchase made later counts from its own day). In `difference`: B's less A's. */
  from: number;
}

/** buyDates' input: a pool and its growth as projectEarnings' (no purchases), a budget and the
 * prices' paths. */
export interface BuyDatesInput {
  rules?: PoolRules;
  genesis: DayInput;
  /** Seconds since genesis, or a UTC day "YYYY-MM-DD": the first purchase day. */
  now: number | Day;
  /** Everyone else's units. */
  pool: GrowingUnits;
  lines?: readonly GrowingUnits[];
  /** USD spent on whole units on the day, > 0. */
  budgetUsd: DecimalInput;
  /** USD a unit now, > 0. */
  unitPrice: DecimalInput;
  /** The unit price's path: compounding by this % a month from now (above -100, at most 1000;
   * default 0). Each day's price is that path at 12 significant digits. */
  unitPriceGrowthPercent?: DecimalInput;
  /** USD a WFI now, >= 0. */
  tokenPrice: DecimalInput;
  /** The token price's path, as the unit price's: the WFI mined are valued at its price at the
   * end of emission. */
  tokenPriceGrowthPercent?: DecimalInput;
  /** Called with the share done, 0 to 1. */
  onProgress?: (done: number) => void;
}

/** One purchase day a column entry: now, then a day later each, before emission ends. */
export interface BuyDays {
  /** The purchase's second since genesis. */
  at: Float64Array;
  /** Whole units the budget buys that day (0: none). */
  units: Float64Array;
  /** Their first mining second (-1: they never mine). */
  miningStart: Float64Array;
  unitPrice: Decimal[];
  /** WFI mined by the end of emission: exact, as a run of the pool with that purchase gives. */
  wfi: Decimal[];
  /** wfi at the token price at the end of emission. */
  usd: Decimal[];
}

export interface BuyDates {
  days: BuyDays;
  /** The day that mines the most (the first of equals), an index into the columns. */
  best: number;
  /** The emission's rate changes after now, seconds since genesis. */
  halvings: number[];
  emissionEnd: number;
  /** The token price at the end of emission, on its path. */
  endTokenPrice: Decimal;
  /** The days that took a run of their own (the exponential model, or a queue at its limit). */
  ownRuns: number;
}

export interface CompareEarningsInput {
  /** Each projectEarnings' input, with the same genesis. */
  a: EarningsInput;
  b: EarningsInput;
}

export interface Comparison {
  a: ScenarioFigures;
  b: ScenarioFigures;
  /** B - A, figure by figure. */
  difference: ScenarioFigures;
  /** Each one's USD to date at every period end of either. */
  earned: { end: number; endDate: Day; a: Decimal; b: Decimal }[];
}

// --- the API ------------------------------------------------------------------------------------

/** The API `load()` resolves to: a frozen object of calls over one WASM module. */
export interface Cbm {
  /** The limits of the inputs (a fresh copy). */
  limits(): Limits;

  /** SPEC 2. With `ahead` requests before yours, served `activationsPerSecond` a second: how
   * long until yours is served and until it mines. */
  queueWait(input: QueueWaitInput): QueueWait;

  /** The version of the core, "0.1.0". */
  readonly version: string;

  /** Bytes of WASM memory the module holds (it grows for big pools and is kept for reuse). */
  memoryBytes(): number;

  /** The default rules (a fresh copy each call): `pool` is the `rules` of the pool calls,
   * `points` those of the points calls, `referral` those of referralIncome. */
  defaults(): Defaults;

  /** SPEC 1. The schedules the sources give, each { label, source, rules, note }; `rules` goes
   * to any call that takes pool rules. */
  presets(): Presets;

  /**
   * SPEC 1. Emission of the seconds from .. to-1 (to: until emission ends), and the rate,
   * 1-based stage (0 once ended) and next stage change at `from`; `stages`: each stage's span
   * and total. With the default rules it is the contract's totalUnlockedMiningRewards() at
   * launch + to minus the same at launch + from, to the wei.
   */
  emission(input?: EmissionInput): Emission;

  /** SPEC 1. The referral and staking pool unlocked `elapsed` seconds after launch: floor(total
   * x min(elapsed, duration) / duration) to the wei, as the contract's
   * totalUnlockedReferralRewards() divides. WFI. */
  vesting(input: VestingInput): Decimal;

  /**
   * SPEC 7b. A holder's referral income from what their lines mine: at every payout time (each
   * `payEvery` from genesis, weekly by default) each line's share of what it mined since the
   * previous payout, truncated to the wei line by line, for each line whose threshold the
   * holder's purchases activated by then reach; a payout unlocks `lockFor` after it is paid.
   */
  referralIncome(input: ReferralIncomeInput): ReferralIncome;

  /**
   * SPEC 5 over time: a holder's mining valued along price paths (`paths`: monthly growths in
   * %). Floats for charts; exact figures for the contribution, the breakeven second and the
   * values at the end; `rows: true` adds each sample's exact price and USD value.
   */
  valueEarnings(input: ValueEarningsInput): ValueEarnings;

  /**
   * SPEC 5 for a holder, run on the pool engine: what `purchases` earn in a pool of everyone
   * else's units (`pool`, growing as it says) beside the holder's referral `lines`, at
   * `tokenPrice`, cut into UTC calendar periods from the first purchase to the end of emission.
   * With the breakeven, the figures of now, the next halving, the next 30 days and the first
   * year (the 365 days from now).
   * @example
   * cbm.projectEarnings({
   *   genesis: '2024-11-07',
   *   now: '2026-12-01',
   *   purchases: [{ at: '2026-12-01', units: 1000, unitPrice: 0.25 }],
   *   pool: { units: 81598347, growthPercentPerMonth: 2 },
   *   tokenPrice: 0.17,
   *   period: 'month',
   * }).now.wfiPerDay; // "4.2353280274392576"
   */
  projectEarnings(input: EarningsInput, options: EarningsOptions & { breakeven: false }): Omit<Earnings, 'breakevenAt'>;
  projectEarnings(input: EarningsInput, options?: EarningsOptions): Earnings;

  /**
   * A holder's pool as request columns, to run with simulatePool: everyone else's `pool` and
   * the referral `lines` as a block at `start` (the earlier of now and the first purchase), less
   * their growth since, then one request a day; then the holder's `purchases`. Times in seconds
   * since genesis.
   */
  holderActivations(input: HolderActivationsInput): HolderActivations;

  /**
   * Everyone else's units for the block reward the WeFi app shows now: `poolUnits` (a whole
   * number as text), the largest pool (one block of its age, not growing) with which
   * projectEarnings gives at least `blockReward` now for these purchases, the next unit giving
   * less. A `blockReward` more than the purchases earn alone is "above-max", less than beside
   * 10^12 units "below-min".
   */
  calibratePool(input: CalibratePoolInput): { poolUnits: string };

  /** -1, 0 or 1 as the amount a is below, equal to or above b, exactly. */
  compareAmounts(a: DecimalInput, b: DecimalInput): -1 | 0 | 1;

  /** A value along a growth path at each time of `t`: unchanged up to `from`, then compounding
   * `monthlyPercent` a month (a model: 12 significant digits). */
  growthPath(input: GrowthPathInput): Decimal[];

  /** SPEC 1. The emission schedule as pieces of constant rate (a halving starts a piece; with a
   * cap the last piece may be a single second emitting the remainder). */
  emissionSchedule(input?: EmissionScheduleInput): EmissionPiece[];

  /**
   * SPEC 2-4. Simulates the pool: the activation queue (first in first out, ties in input
   * order, `activationsPerSecond` a second; a request served at second a mines from a + 1) and
   * every activation's exact reward, truncated to the wei. A request that fails verification is
   * in `rejected` and the rest runs; a malformed scenario (a missing horizon, wrong types,
   * unknown fields) throws.
   * @example
   * const run = cbm.simulatePool({ horizon: 86400, activations: [{ id: 'a-1', owner: 'alice', units: 1000, requestedAt: 0 }] });
   * run.owners['alice'].reward; // "691192"
   */
  simulatePool(input: PoolScenario): PoolResult;

  /** simulatePool in slices that yield to the event loop: progress after each, and a `signal`
   * that cancels it (a CbmError with code CANCELLED; a signal aborted before the call cancels
   * it at once). */
  simulatePoolAsync(input: PoolScenario, options?: PoolAsyncOptions): Promise<PoolResult>;

  /** The simulation as a handle to drive by hand. Call dispose() when done, also after an
   * error. */
  startPoolSimulation(input: PoolScenario): PoolSimulation;

  /** SPEC 5. APR (simple, not APY) and the figures it comes from, seed 003's formula; with
   * `referralReward` also `withReferralsPercent`, the APR of both together. */
  apr(input: AprInput): Apr;

  /** The reward a second of `units` fresh units in a pool of `poolPower` at `rate` WFI a
   * second, WFI. */
  blockReward(input: BlockRewardInput): Decimal;

  /** The pool power at which `units` earn `blockReward` a second at `rate` WFI a second. */
  impliedPoolPower(input: PoolSizeInput): Decimal;

  /** The whole units of everyone else in that pool (its power less `units`, at least 0), as
   * text: the pool to simulate around these units. */
  impliedOtherUnits(input: PoolSizeInput): string;

  /** SPEC 7. The mining weight and its parts. */
  pointsWeight(input: PointsWeightInput): PointsWeight;

  /** SPEC 7. The points of a session of `elapsedSeconds` at `weight`: base x (1 - e^(-decayRate
   * x t)) x weight, "51.324774404002834994" for 2 h at weight 1. */
  pointsReward(input: PointsRewardInput): Decimal;

  /** SPEC 7. The check-in streak on day `on` from a list of check-in days. */
  streak(input: StreakInput): Streak;

  /** SPEC 7. A routine stepped day by day from `from` for `days` days after a check-in
   * history, with the milestones: the first day each factor's weight changes. */
  pointsProjection(input: PointsProjectionInput): PointsProjection;

  /** SPEC 6. A holder's liquid and locked WFI as global Energy grows, at each point of
   * `series`. */
  supplyControl(input: SupplyControlInput): SupplyPoint[];

  /** SPEC 6. The Energy price: basePrice + step for every full `per` USD burned. USD. */
  energyPrice(input: EnergyPriceInput): Decimal;

  /** A points account with no session yet. */
  newAccount(input?: NewAccountInput): PointsAccount;

  /** Checks a stored account and returns it in canonical form; throws what is wrong. */
  checkAccount(input: CheckAccountInput): PointsAccount;

  /** Starts a session at `now` with `weight`; returns the new account. Throws NOT_ALLOWED while
   * a session runs ("session-running") or within 24 h of the last start ("cooldown", with when
   * a start is allowed), and refuses a total within a session's reward of 10^20. */
  startSession(input: StartSessionInput): PointsAccount;

  /** Stops the running session at `now`, the reward added to the total. Throws NOT_ALLOWED
   * when no session runs ("no-session"). With `session` a repeated stop pays once: given the
   * account after that session was collected, the same reward comes back, alreadyCollected
   * true, the account unchanged; another running session is "session-mismatch". */
  stopSession(input: StopSessionInput): StopSession;

  /** What the mining screen shows at `now`: a running session's start, elapsed time, weight
   * and points so far, or none (null); the last reward and when it was collected; and when the
   * next start is allowed. */
  sessionStatus(input: SessionStatusInput): SessionStatus;

  /**
   * An honest range for projectEarnings (full build): `runs` seeded runs, each valuing the
   * holder's WFI along its own random price path (`priceModel`; each period at the price of its
   * start) in a pool whose growth is the guess x a lognormal factor (`poolModel`). USD per
   * period and to date at the 10th, 50th and 90th percentiles. With volatility 0 and no drift
   * or spread, p10 = p50 = p90 = projectEarnings.
   */
  earningsBands(input: EarningsBandsInput): EarningsBands;

  /**
   * What matters most, for a tornado chart (full build): each assumption of projectEarnings
   * moved `step` down and up, one at a time, the rest as given (the WFI price, everyone else's
   * units now and their growth, the unit price and the lifetime, those the input has), with
   * what each gives over the 365 days from now and for the breakeven.
   */
  sensitivity(input: SensitivityInput): Sensitivity;

  /**
   * Reinvesting against holding (full build): from now on the WFI mined buys fresh units at
   * `unitPrice`, as many whole units as it pays for at tokenPrice (paid rounded up to the wei),
   * at each cadence of `cadences`, until `until` (by default the stop that holds the most WFI at
   * the end of emission: fresh units beat amortized ones early, late ones no longer earn their
   * price back), then holds. Each plan with its purchases and its standing by period.
   */
  reinvest(input: ReinvestInput): Reinvesting;

  /**
   * How the figures of a call were computed, with the caller's own values (full build): `call`
   * is "apr", "projectEarnings", "points" (a weight and a session at it) or "pool" (a
   * simulatePool run's totals), `input` that call's input. One explanation per figure the call
   * gives ("aprPercent", "now.blockReward", "breakevenAt"...).
   * @example
   * const { aprPercent } = cbm.explain('apr', { blockReward: '0.00009804', tokenPrice: '0.17', units: 1000, unitPrice: '0.25' });
   * aprPercent.formula.replace(/\{(\w+)\}/g, (_, name) => aprPercent.terms.find((t) => t.name === name)?.value ?? name);
   * // "210.24168192 = 0.00009804 × 31536000 × 0.17 / (1000 × 0.25) × 100"
   */
  explain<C extends ExplainCall>(call: C, input: ExplainCalls[C]['input'], options?: ExplainOptions): ExplainCalls[C]['result'];

  /** Two scenarios side by side (full build), each projectEarnings' input with the same
   * genesis: each one's figures, B - A, and what each has earned to date at every period end.
   * Errors name their side: "b.tokenPrice". */
  compareEarnings(input: CompareEarningsInput): Comparison;

  /** Buy now or later (full build): what `budgetUsd`, spent on each day from now to the end of
   * emission at that day's unit price, mines by the end. One run of the pool without the
   * purchase serves every day, each exact at any budget (its own power in the pool's). */
  buyDates(input: BuyDatesInput): BuyDates;
}
