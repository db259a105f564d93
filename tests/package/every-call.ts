// Every call of the package through its types, as a user of the npm package writes it: realistic
// inputs (the node tests' values), fields read with their types, and at run time a check of
// each whole result against a shape written from the same types: the shape must name every
// field of the type with a check of exactly its type (a compile error otherwise), and the
// result must have no field the shape does not name. The `@ts-expect-error` lines fail the
// compile if a type gets too loose. Run by tests/package/package.test.mjs.
import {
  CbmError,
  describe,
  load,
  type Apr,
  type Cbm,
  type CbmErrorCode,
  type Day,
  type Decimal,
  type Defaults,
  type Earnings,
  type EarningsSeries,
  type EarningsInput,
  type Explanation,
  type PoolResult,
  type PoolScenario,
  type Rules,
  type SessionStatus,
  type ValuedPath,
} from 'cbmcalc';

declare const console: { log(...args: unknown[]): void };

// --- run-time checks, tied to the types -----------------------------------------------------------

/** A check of a value of type T. `type` is never set: it makes Check<T> invariant in T, so that a
 * shape's check must be of exactly its field's type (a nullable field needs nullable()). */
interface Check<T> {
  (value: unknown, path: string): void;
  optional?: boolean;
  readonly type?: (value: T) => T;
}

type Shape<T> = { [K in keyof T]-?: Check<Exclude<T[K], undefined>> };

function check(condition: boolean, what: string): void {
  if (!condition) throw new Error(`not as typed: ${what}`);
}

const show = (value: unknown): string =>
  typeof value === 'string' ? JSON.stringify(value) : typeof value === 'object' && value !== null ? describe(value) : String(value);

function is<T>(test: (value: unknown) => boolean, what: string): Check<T> {
  return (value, path) => check(test(value), `${path} should be ${what}, got ${show(value)}`);
}

const decimal = is<Decimal>((v) => typeof v === 'string' && /^-?\d+(\.\d{1,18})?$/.test(v), 'a decimal string');
const wholeText = is<string>((v) => typeof v === 'string' && /^\d+$/.test(v), 'a whole number as text');
const text = is<string>((v) => typeof v === 'string', 'a string');
const day = is<Day>((v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v), 'a day YYYY-MM-DD');
const whole = is<number>((v) => Number.isSafeInteger(v), 'a whole number');
const float = is<number>((v) => typeof v === 'number', 'a number');
const bool = is<boolean>((v) => typeof v === 'boolean', 'a boolean');
const float64 = is<Float64Array>((v) => v instanceof Float64Array, 'a Float64Array');
const uint32 = is<Uint32Array>((v) => v instanceof Uint32Array, 'a Uint32Array');

function literal<const V extends string | number | boolean | null>(...values: V[]): Check<V> {
  return is<V>((v) => values.some((x) => x === v), values.map(show).join(' or '));
}

function nullable<T>(c: Check<T>): Check<T | null> {
  return (value, path) => value === null || c(value, path);
}

function optional<T>(c: Check<T>): Check<T> {
  const out: Check<T> = (value, path) => c(value, path);
  out.optional = true;
  return out;
}

function array<T>(c: Check<T>): Check<T[]> {
  return (value, path) => {
    check(Array.isArray(value), `${path} should be an array, got ${show(value)}`);
    (value as unknown[]).forEach((x, i) => c(x, `${path}[${i}]`));
  };
}

const readonlyArray = <T>(c: Check<T>): Check<readonly T[]> => array(c) as unknown as Check<readonly T[]>;

/** A plain object (or one without a prototype) whose fields are exactly the shape's. */
function object<T>(shape: Shape<T>): Check<T> {
  return (value, path) => {
    check(typeof value === 'object' && value !== null && !Array.isArray(value), `${path} should be an object, got ${show(value)}`);
    const fields = value as Record<string, unknown>;
    const checks = shape as Record<string, Check<unknown>>;
    for (const key of Object.keys(fields)) check(key in checks, `${path}.${key} is not in the types`);
    for (const [key, c] of Object.entries(checks)) {
      if (key in fields) c(fields[key], `${path}.${key}`);
      else check(c.optional === true, `${path}.${key} is missing`);
    }
  };
}

function record<T>(c: Check<T>): Check<{ [key: string]: T }> {
  return (value, path) => {
    check(typeof value === 'object' && value !== null, `${path} should be an object, got ${show(value)}`);
    for (const [key, x] of Object.entries(value as object)) c(x, `${path}[${JSON.stringify(key)}]`);
  };
}

function either<A, B>(a: Check<A>, b: Check<B>): Check<A | B> {
  return (value, path) => {
    try {
      a(value, path);
    } catch {
      b(value, path);
    }
  };
}

/** The API's members this file has used. */
const used = new Set<string>();

/** Checks `value` (of type T) against `c`, counting `call` as used. */
function checked<T>(call: keyof Cbm | 'load' | 'describe', c: Check<T>, value: T): T {
  used.add(call);
  c(value, call);
  return value;
}

/** Runs `f`, which must throw a CbmError with `code` naming `field`. */
function throwsCbmError(f: () => unknown, code: CbmErrorCode, field: string): CbmError {
  try {
    f();
  } catch (error) {
    check(error instanceof CbmError, `a CbmError, got ${show(error)}`);
    const e = error as CbmError;
    check(e.code === code && e.field === field, `${code} naming "${field}", got ${e.code} naming "${e.field}": ${e.message}`);
    return e;
  }
  throw new Error(`no error: expected ${code} naming "${field}"`);
}

// --- the shapes of the results -----------------------------------------------------------------

const tier = object<{ min: Decimal; weight: Decimal }>({ min: decimal, weight: decimal });
const stage = object<{ rate: Decimal; duration: number }>({ rate: decimal, duration: whole });
const wfiUsd = object<{ wfi: Decimal; usd: Decimal }>({ wfi: decimal, usd: decimal });
const calendar = { start: whole, end: whole, startDate: day, endDate: day };
const explanation = object<Explanation>({
  formula: text,
  terms: array(
    object({
      name: text,
      label: text,
      kind: literal('wfi', 'wfiPerSecond', 'usd', 'price', 'units', 'power', 'seconds', 'percent', 'count', 'date'),
      value: text,
    }),
  ),
  notes: array(text),
});
const earningsRate = { blockReward: decimal, wfiPerDay: decimal, usdPerDay: decimal };
const referralShape = object<ReturnType<Cbm['referralIncome']>>({
  lines: array(object({ share: decimal, thresholdUsd: decimal, unlockedAt: nullable(whole) })),
  payouts: array(object({ at: whole, unlocksAt: whole, amount: decimal, lines: array(decimal) })),
  total: decimal,
  series: object({ paid: array(decimal), unlocked: array(decimal), locked: array(decimal), rate: array(decimal) }),
});
const earningsShape = object<Earnings>({
  periods: array(object({ ...calendar, wfi: decimal, usd: decimal, cumulativeWfi: decimal, cumulativeUsd: decimal })),
  total: wfiUsd,
  paidUsd: decimal,
  breakevenAt: nullable(whole),
  now: object({ ...earningsRate, aprPercent: decimal }),
  nextHalving: nullable(object({ ...earningsRate, at: whole, date: day })),
  next30Days: wfiUsd,
  firstYear: object({ wfi: decimal, usd: decimal, returnPercent: decimal }),
  purchases: array(object({ activatedAt: whole, miningStart: whole, wait: whole, reward: decimal })),
  series: nullable(
    object<EarningsSeries>({
      t: float64,
      mined: array(decimal),
      rate: array(decimal),
      emissionRate: array(decimal),
      poolPower: float64,
      lines: array(object({ mined: array(decimal), rate: array(decimal) })),
    }),
  ),
  referral: nullable(referralShape),
});
const account = object<ReturnType<Cbm['newAccount']>>({
  totalPoints: decimal,
  session: nullable(object({ startedAt: whole, weight: decimal })),
  lastStartedAt: nullable(whole),
  lastReward: nullable(decimal),
  lastCollectedAt: nullable(whole),
  revision: whole,
});
const activationRow = object<NonNullable<ReturnType<PoolResult['activations']['at']>>>({
  id: text,
  index: whole,
  owner: text,
  activatedAt: nullable(whole),
  miningStart: nullable(whole),
  wait: nullable(whole),
  reward: decimal,
});
/** A pool result: its fields, and the activations' rows and columns. */
const poolResult: Check<PoolResult> = (value, path) => {
  const r = value as PoolResult;
  object<Omit<PoolResult, 'activations'> & { activations: unknown }>({
    activations: () => undefined, // below
    owners: record(object({ reward: decimal })),
    ownerColumns: object({ owner: array(text), activations: float64, units: array(wholeText), reward: array(decimal), share: float64 }),
    rejected: array(object({ id: text, index: whole, reason: text })),
    queue: object({ served: whole, maxWait: whole, meanWait: float, lastActivatedAt: nullable(whole) }),
    emitted: decimal,
    distributed: decimal,
    unallocated: decimal,
    dust: decimal,
    series: array(
      object({
        t: whole,
        rate: decimal,
        emitted: decimal,
        poolPower: decimal,
        activeUnits: decimal,
        focusReward: decimal,
        focusRate: decimal,
      }),
    ),
    seriesColumns: object({
      t: float64,
      rate: float64,
      emitted: float64,
      poolPower: float64,
      activeUnits: float64,
      focusReward: float64,
      focusRate: float64,
    }),
    tracked: record(object({ reward: array(decimal), rate: array(decimal) })),
  })(value, path);
  const a = r.activations;
  check(Number.isSafeInteger(a.length), `${path}.activations.length`);
  for (const row of a) activationRow(row, `${path}.activations[]`);
  const columns = object<Pick<typeof a, 'index' | 'id' | 'owner' | 'activatedAt' | 'miningStart' | 'wait' | 'reward'>>({
    index: uint32,
    id: readonlyArray(text),
    owner: readonlyArray(text),
    activatedAt: float64,
    miningStart: float64,
    wait: float64,
    reward: readonlyArray(decimal),
  });
  const { index, id, owner, activatedAt, miningStart, wait, reward } = a;
  columns({ index, id, owner, activatedAt, miningStart, wait, reward }, `${path}.activations`);
  for (const column of [index, id, owner, activatedAt, miningStart, wait, reward]) check(column.length === a.length, 'a column per row');
};

// --- the calls -----------------------------------------------------------------------------------

const cbm: Cbm = await load();
used.add('load');
const DAY = 86400;

// The module's own exports.
check(checked('describe', text, describe([1, 2, 3])) === 'an array of 3', 'describe');
const version: string = cbm.version;
checked('version', text, version);
const bytes: number = checked('memoryBytes', whole, cbm.memoryBytes());

const limits = checked(
  'limits',
  object<ReturnType<Cbm['limits']>>({
    unitsPerActivation: whole,
    activations: whole,
    samples: whole,
    trackedOwners: whole,
    seconds: whole,
    requestedAt: whole,
    activationsPerSecond: whole,
    queueAhead: whole,
    checkins: whole,
  }),
  cbm.limits(),
);
check(limits.trackedOwners === 16 && limits.checkins === 36600, 'limits');

const defaults: Defaults = checked(
  'defaults',
  object<Defaults>({
    pool: object({
      schedule: array(stage),
      supplyCap: nullable(decimal),
      activationsPerSecond: whole,
      amortization: literal('none', 'linear', 'exponential'),
      lifetime: nullable(whole),
      halfLife: whole,
    }),
    points: object({
      base: decimal,
      decayRate: decimal,
      maxSessionSeconds: whole,
      cooldownSeconds: whole,
      weightCap: decimal,
      checkinTiers: array(tier),
      pointsTiers: array(tier),
      inviteTiers: array(tier),
    }),
    supplyControl: object({
      thresholds: array(object({ energy: decimal, releasedFraction: decimal })),
      basePrice: decimal,
      priceStep: decimal,
      burnStep: decimal,
      illustrative: bool,
    }),
    vesting: object({ total: decimal, duration: whole }),
    referral: object({ lines: array(object({ share: decimal, thresholdUsd: decimal })), payEvery: whole, lockFor: whole }),
    secondsPerYear: whole,
    summary: object({ lifetimeYears: decimal, stageDays: decimal }),
  }),
  cbm.defaults(),
);
const firstRate: Decimal = defaults.pool.schedule[0]!.rate;
check(firstRate === '8' && defaults.secondsPerYear === 31536000, 'defaults');

const preset = object<ReturnType<Cbm['presets']>['contract']>({
  label: text,
  source: text,
  rules: either(
    object<{ schedule: { rate: Decimal; duration: number }[] }>({ schedule: array(stage) }),
    object<{ baseRate: Decimal; halvingPeriod: number; stages: number }>({ baseRate: decimal, halvingPeriod: whole, stages: whole }),
  ),
  note: text,
});
const presets = checked(
  'presets',
  object<ReturnType<Cbm['presets']>>({ contract: preset, whitepaper: preset, stages729: preset }),
  cbm.presets(),
);

// The defaults and the presets go back in as rules.
const emission = checked(
  'emission',
  object<ReturnType<Cbm['emission']>>({
    emitted: decimal,
    rate: decimal,
    total: decimal,
    stage: whole,
    nextHalvingAt: nullable(whole),
    endsAt: whole,
    stages: array(object({ stage: whole, from: whole, to: whole, rate: decimal, emitted: decimal })),
  }),
  cbm.emission({ from: 0, to: 63072000, rules: defaults.pool }),
);
const emitted: Decimal = emission.emitted;
const nextHalving: number | null = emission.nextHalvingAt;
check(emitted === '482173056' && nextHalving === 57471264, 'emission');
check(cbm.emission({ rules: presets.whitepaper.rules }).total === '946080000', "the whitepaper's total");
// @ts-expect-error a points rule is not a rule of emission()
throwsCbmError(() => cbm.emission({ rules: { decayRate: 1 } }), 'INVALID_INPUT', 'rules.decayRate');
// Every rule name, in one object of their own kind: here the pool's.
const poolRules: Rules = { halvingPeriod: 62985600, supplyCap: null, lifetime: 'none', amortization: 'none' };
check(cbm.emission({ rules: { halvingPeriod: poolRules.halvingPeriod } }).endsAt === 4 * 62985600, 'the halving form');

const schedule = checked(
  'emissionSchedule',
  array(object<ReturnType<Cbm['emissionSchedule']>[number]>({ from: whole, to: whole, rate: decimal, stage: whole })),
  cbm.emissionSchedule(),
);
check(schedule.length === 4 && schedule[3]!.to === 229885062, 'emissionSchedule');

const vested: Decimal = checked('vesting', decimal, cbm.vesting({ elapsed: 1000 }));
check(vested === '2028.333238203957382039', 'vesting');

const wait = checked('queueWait', object<ReturnType<Cbm['queueWait']>>({ wait: whole, miningAfter: whole }), cbm.queueWait({ ahead: 10 }));
check(wait.wait === 10 && wait.miningAfter === 11, 'queueWait');

// APR and the pool behind it (seed 003).
const aprShape = object<Apr>({
  aprPercent: decimal,
  yearlyReward: decimal,
  yearlyRewardUsd: decimal,
  contributionUsd: decimal,
  netGainPercent: decimal,
  netGainUsd: decimal,
  withReferralsPercent: optional(decimal),
});
const apr: Apr = checked('apr', aprShape, cbm.apr({ blockReward: '0.00009804', tokenPrice: 0.17, units: 1000, unitPrice: 0.25 }));
const pct: string = apr.aprPercent;
check(pct === '210.24168192' && apr.withReferralsPercent === undefined, 'apr');
const withReferrals: Decimal | undefined = cbm.apr({
  blockReward: '0.00009804',
  tokenPrice: 0.17,
  units: 1000n,
  unitPrice: 0.25,
  referralReward: '0.00001',
}).withReferralsPercent;
check(withReferrals === '231.68616192', 'apr with referrals');
// @ts-expect-error aprPercent is a Decimal string, not a number
const aprNumber: number = apr.aprPercent;
// @ts-expect-error a misspelled result field
check(apr.aprPercentage === undefined, 'no aprPercentage');
check(typeof aprNumber === 'string', 'the string that was assigned');

const reward: Decimal = checked('blockReward', decimal, cbm.blockReward({ units: 1000, poolPower: 80000000 }));
const power: Decimal = checked('impliedPoolPower', decimal, cbm.impliedPoolPower({ units: 1000, blockReward: 0.00009804 }));
const others: string = checked('impliedOtherUnits', wholeText, cbm.impliedOtherUnits({ units: 1000, blockReward: 0.00009804 }));
check(reward === '0.0001' && power.startsWith('81599347.2') && others === '81598347', 'the pool behind the APR');

// Bad input: a CbmError naming the field, for a machine too.
const error = throwsCbmError(
  () => cbm.apr({ blockReward: '0.00009804', tokenPrice: 0.17, units: -5, unitPrice: 0.25 }),
  'INVALID_INPUT',
  'units',
);
check(error.code === 'INVALID_INPUT' && error.field === 'units', 'error code and field');
check(error.problem?.kind === 'not-positive' && error.problem.got === '-5', 'error problem');
check(error.message === 'units: must be greater than 0, got "-5"' && error.name === 'CbmError' && error instanceof Error, 'error message');
throwsCbmError(
  // @ts-expect-error unitprice is not a field of apr()
  () => cbm.apr({ blockReward: '0.00009804', tokenPrice: 0.17, units: 1000, unitPrice: 0.25, unitprice: 0.25 }),
  'INVALID_INPUT',
  'unitprice',
);
const made = new CbmError('made here', { code: 'NOT_ALLOWED' });
check(made.problem === null && made.field === '', 'a CbmError of its own');

// Points.
const weight = checked(
  'pointsWeight',
  object<ReturnType<Cbm['pointsWeight']>>({
    weight: decimal,
    checkin: decimal,
    points: decimal,
    invites: decimal,
    vip: decimal,
    extra: decimal,
  }),
  cbm.pointsWeight({ streakDays: 30, totalPoints: 5000, invites: 30, rules: defaults.points }),
);
check(weight.weight === '3', 'pointsWeight');
const points: Decimal = checked('pointsReward', decimal, cbm.pointsReward({ elapsedSeconds: 7200, weight: 1 }));
check(points === '51.324774404002834994', 'pointsReward');
const streak = checked(
  'streak',
  object<ReturnType<Cbm['streak']>>({ days: whole, checkedInOnDay: bool }),
  cbm.streak({ checkins: ['2026-11-19', '2026-11-20', new Date(Date.UTC(2026, 10, 21, 23, 59))], on: '2026-11-21' }),
);
check(streak.days === 3 && streak.checkedInOnDay, 'streak');
const projection = checked(
  'pointsProjection',
  object<ReturnType<Cbm['pointsProjection']>>({
    days: array(
      object({
        date: day,
        checkedIn: bool,
        streakDays: whole,
        invites: whole,
        weight: decimal,
        checkinWeight: decimal,
        pointsWeight: decimal,
        invitesWeight: decimal,
        reward: decimal,
        totalPoints: decimal,
      }),
    ),
    milestones: array(object({ date: day, factor: literal('checkin', 'points', 'invites', 'weight'), weight: decimal })),
  }),
  cbm.pointsProjection({
    checkins: ['2026-11-20', '2026-11-21', '2026-11-22'],
    from: '2026-11-23',
    days: 60,
    invites: 3,
    invitesPerWeek: 1.5,
    sessionSeconds: 28800,
    checkinWeekdays: '1111100',
  }),
);
check(projection.days.at(-1)!.totalPoints === '3067.562020789065405179', 'pointsProjection');
throwsCbmError(
  // @ts-expect-error a weekday mask is seven 0s and 1s
  () => cbm.pointsProjection({ from: '2026-11-23', days: 5, checkinWeekdays: 'weekdays' }),
  'INVALID_INPUT',
  'checkinWeekdays',
);

// A points account through a session.
const start = Date.UTC(2026, 10, 21, 8) / 1000;
const fresh = checked('newAccount', account, cbm.newAccount({ totalPoints: 1000 }));
const running = checked('startSession', account, cbm.startSession({ account: fresh, now: start, weight: 1 }));
const startedAt: number | undefined = running.session?.startedAt;
check(startedAt === start, 'startSession');
const status: SessionStatus = checked(
  'sessionStatus',
  either(
    object<Extract<SessionStatus, { active: true }>>({
      active: literal(true),
      startedAt: whole,
      elapsedSeconds: whole,
      estimatedPoints: decimal,
      weight: decimal,
      lastReward: nullable(decimal),
      lastCollectedAt: nullable(whole),
      nextStartAt: whole,
      secondsToNextStart: whole,
    }),
    object<Extract<SessionStatus, { active: false }>>({
      active: literal(false),
      startedAt: literal(null),
      elapsedSeconds: literal(null),
      estimatedPoints: literal(null),
      weight: literal(null),
      lastReward: nullable(decimal),
      lastCollectedAt: nullable(whole),
      nextStartAt: whole,
      secondsToNextStart: whole,
    }),
  ),
  cbm.sessionStatus({ account: running, now: start + 7200 }),
);
if (status.active) {
  const estimated: Decimal = status.estimatedPoints;
  check(estimated === '51.324774404002834994', 'sessionStatus');
} else {
  // @ts-expect-error no estimate without a running session
  const estimated: Decimal = status.estimatedPoints;
  check(false, `a running session, got ${estimated}`);
}
const refused = throwsCbmError(() => cbm.startSession({ account: running, now: start + 3600, weight: 1 }), 'NOT_ALLOWED', '');
check(refused.problem?.kind === 'session-running' && refused.problem.since === String(start), 'a refusal names its rule');
const stopped = checked(
  'stopSession',
  object<ReturnType<Cbm['stopSession']>>({ account, reward: decimal, alreadyCollected: bool }),
  cbm.stopSession({ account: running, now: new Date((start + 8 * 3600) * 1000), session: start }),
);
check(stopped.reward === '94.386523716586627852' && !stopped.alreadyCollected, 'stopSession');
// Stored as JSON and checked back.
const stored = checked('checkAccount', account, cbm.checkAccount({ account: JSON.parse(JSON.stringify(stopped.account)) }));
check(stored.revision === 2 && stored.lastReward === stopped.reward, 'checkAccount');

// Supply control.
const supply = checked(
  'supplyControl',
  array(
    object<ReturnType<Cbm['supplyControl']>[number]>({
      t: whole,
      energy: decimal,
      mined: decimal,
      releasedFraction: decimal,
      liquid: decimal,
      locked: decimal,
    }),
  ),
  cbm.supplyControl({
    thresholds: defaults.supplyControl.thresholds,
    series: [
      { t: 0, energy: 0, mined: 100 },
      { t: 20, energy: 1000000, mined: '1000.123456789' },
    ],
  }),
);
check(supply[1]!.liquid === '100.0123456789', 'supplyControl');
const energy: Decimal = checked('energyPrice', decimal, cbm.energyPrice({ burnedUsd: 3000000, basePrice: 1 }));
check(energy === '1.3', 'energyPrice');

// A holder's earnings (tests/node/amounts.mjs's holder).
const holder: EarningsInput = {
  genesis: '2025-06-01',
  now: 200 * DAY,
  purchases: [{ at: 200 * DAY, units: 1000, unitPrice: '0.25' }],
  pool: { units: 81_598_347, growthPerDay: 50_000 },
  tokenPrice: '0.17',
  period: 'month',
};
const earnings: Earnings = checked('projectEarnings', earningsShape, cbm.projectEarnings(holder));
const breakevenAt: number | null = earnings.breakevenAt;
const perDay: Decimal = earnings.now.wfiPerDay;
check(breakevenAt !== null && perDay.length > 0 && earnings.nextHalving?.date === '2027-03-28', 'projectEarnings');
// @ts-expect-error the breakeven may be null
const breakevenNumber: number = earnings.breakevenAt;
check(breakevenNumber === breakevenAt, 'the breakeven that was assigned');
// Days and a Date.
const byDays = cbm.projectEarnings({
  ...holder,
  genesis: new Date(Date.UTC(2025, 5, 1)),
  now: '2025-12-18',
  purchases: [{ at: '2025-12-18', units: 1000, unitPrice: 0.25 }],
});
check(byDays.total.wfi === earnings.total.wfi, 'times as days');
// The run behind the figures, by day: its last sample is what the holder mines in all.
const daily = checked('projectEarnings', earningsShape, cbm.projectEarnings(holder, { sampleEvery: DAY }));
const series: EarningsSeries | null = daily.series;
check(series !== null && series.t[0] === 200 * DAY && series.mined.at(-1) === earnings.total.wfi, 'projectEarnings series');
check(earnings.series === null && daily.purchases[0].reward === earnings.total.wfi, 'projectEarnings without a series');
throwsCbmError(() => cbm.projectEarnings(holder, { sampleEvery: 60 }), 'INVALID_INPUT', 'sampleEvery');
// With a referral line, its income comes with the series.
const withLine = checked(
  'projectEarnings',
  earningsShape,
  cbm.projectEarnings({ ...holder, lines: [{ units: 50_000 }] }, { sampleEvery: DAY }),
);
check(withLine.referral !== null && withLine.referral.series.paid.length === withLine.series!.t.length, 'projectEarnings referral');
check(daily.referral === null, 'projectEarnings without lines has no referral income');
throwsCbmError(() => cbm.projectEarnings({ ...holder, period: 'month', tokenPrice: '-1' }), 'INVALID_INPUT', 'tokenPrice');
// @ts-expect-error "fortnight" is not a period
throwsCbmError(() => cbm.projectEarnings({ ...holder, period: 'fortnight' }), 'INVALID_INPUT', 'period');

const plan = checked(
  'holderActivations',
  object<ReturnType<Cbm['holderActivations']>>({
    start: whole,
    horizon: whole,
    activations: object({ id: array(text), owner: array(text), units: float64, requestedAt: float64 }),
    focusOwner: text,
    trackOwners: array(text),
  }),
  cbm.holderActivations({
    now: 200 * DAY,
    purchases: [{ at: 200 * DAY, units: 1000 }],
    pool: { units: 81_598_347, growthPerDay: 50_000 },
    lines: [{ units: 4000 }],
  }),
);
check(plan.focusOwner === 'you' && plan.trackOwners[0] === 'line-1', 'holderActivations');

const calibrated = checked(
  'calibratePool',
  object<ReturnType<Cbm['calibratePool']>>({ poolUnits: wholeText }),
  cbm.calibratePool({ now: 200 * DAY, purchases: [{ at: 200 * DAY, units: 1000 }], blockReward: earnings.now.blockReward }),
);
const poolUnits: string = calibrated.poolUnits;
check(Number(poolUnits) > 80_000_000, 'calibratePool');

const order: -1 | 0 | 1 = checked('compareAmounts', literal(-1, 0, 1), cbm.compareAmounts('0.1', 0.2));
check(order === -1, 'compareAmounts');

const path: Decimal[] = checked(
  'growthPath',
  array(decimal),
  cbm.growthPath({ value: '0.17', monthlyPercent: 2, from: 0, t: [0, 30 * DAY] }),
);
check(path[0] === '0.17' && Number(path[1]) > 0.17, 'growthPath');

// Valuing a holder's mining: 10 units at $1 mining 1 WFI a second, at $0.5.
const t = Array.from({ length: 41 }, (_, i) => i);
const valued = checked(
  'valueEarnings',
  object<ReturnType<Cbm['valueEarnings']>>({
    contributionUsd: decimal,
    totalUnits: whole,
    unitsBy: float64,
    now: nullable(whole),
    perDayNow: nullable(decimal),
    perUnitWfiEnd: decimal,
    paths: array(
      object<ValuedPath>({
        monthly: float,
        price: float64,
        usd: float64,
        apr: float64,
        aprWithReferrals: nullable(float64),
        breakeven: nullable(whole),
        usdEnd: decimal,
        priceNow: nullable(decimal),
        aprNow: nullable(aprShape),
        priceRows: optional(array(decimal)),
        usdRows: optional(array(decimal)),
        aprRows: optional(array(nullable(decimal))),
      }),
    ),
  }),
  cbm.valueEarnings({
    t,
    mined: t.map((i) => String(Math.max(0, i - 1))),
    rate: t.map((i) => (i >= 1 ? '1' : '0')),
    purchases: [{ at: 0, units: 10, miningStart: 1, unitPrice: '1' }],
    unitPrice: '1',
    tokenPrice: '0.5',
    today: 0,
    paths: [0, 10],
    rows: true,
  }),
);
const breakeven: number | null = valued.paths[0]!.breakeven;
check(breakeven === 20 && valued.paths[1]!.priceRows?.[0] === '0.5', 'valueEarnings');
// 1 WFI/s a year at $0.5 over the $10 paid: 157,680,000 %.
const aprNow: Decimal | undefined = valued.paths[0]!.aprNow?.aprPercent;
check(
  aprNow === '157680000' && valued.paths[0]!.aprRows?.[0] === '0' && valued.paths[0]!.aprRows?.[5] === '157680000',
  'valueEarnings APR',
);

// The pool: rows, columns, the lazily read activations, and the hand-driven run.
const scenario: PoolScenario = {
  horizon: 100,
  sampleEvery: 10,
  focusOwner: 'alice',
  trackOwners: ['bob'],
  rules: { halvingPeriod: 50 },
  activations: [
    { id: 'first', owner: 'alice', units: 1000, requestedAt: 9 },
    { id: 'b-1', owner: 'bob', units: '10', requestedAt: 9 },
    { id: '', units: 1, requestedAt: 0 },
    { id: 'late', units: 1, requestedAt: 500 },
  ],
};
const run: PoolResult = checked('simulatePool', poolResult, cbm.simulatePool(scenario));
const aliceReward: Decimal = run.owners['alice']!.reward;
const last = run.activations.at(-1);
const lateActivation: number | null | undefined = last?.activatedAt;
check(aliceReward.length > 0 && lateActivation === null && run.rejected[0]!.index === 2, 'simulatePool');
const rewards: string[] = run.activations.map((row) => row.reward);
const queued = run.activations.filter((row) => row.activatedAt === null);
check(rewards.length === run.activations.length && queued.length === 1 && [...run.activations].length === 3, 'the rows');
const line: Decimal[] = run.tracked['bob']!.rate;
check(line.length === run.series.length, 'a tracked owner beside the series');
const byColumns = cbm.simulatePool({
  horizon: 10,
  activations: { id: ['x', 'y'], units: new Float64Array([1, 3]), requestedAt: [0, 0] },
});
check(byColumns.activations.owner.join() === 'x,y', 'columns');
const holderRun = cbm.simulatePool({ horizon: plan.start + 10 * DAY, activations: plan.activations, focusOwner: plan.focusOwner });
check(holderRun.rejected.length === 0, "holderActivations' columns run as they are");
throwsCbmError(
  // @ts-expect-error owner names are texts (or numbers), not objects
  () => cbm.simulatePool({ horizon: 10, activations: [{ id: {}, units: 1, requestedAt: 0 }] }),
  'INVALID_INPUT',
  'activations[0].id',
);

const handle = cbm.startPoolSimulation({ horizon: 100, activations: [{ id: 'a', units: 1, requestedAt: 0 }] });
used.add('startPoolSimulation');
try {
  while (!handle.step(10)) check(handle.progress() >= 0 && handle.progress() <= 1, 'progress');
  const byHand = handle.result();
  poolResult(byHand, 'startPoolSimulation');
  check(byHand.activations.at(0)?.reward === '792', 'startPoolSimulation');
} finally {
  handle.dispose();
}

const fractions: number[] = [];
const later = await cbm.simulatePoolAsync(scenario, { onProgress: (fraction) => fractions.push(fraction), sliceEvents: 1 });
checked('simulatePoolAsync', poolResult, later);
check(fractions.at(-1) === 1 && later.dust === run.dust, 'simulatePoolAsync');
try {
  await cbm.simulatePoolAsync(scenario, { signal: { aborted: true } });
  check(false, 'cancelled');
} catch (e) {
  const cancelled: CbmErrorCode | undefined = e instanceof CbmError ? e.code : undefined;
  check(cancelled === 'CANCELLED', 'simulatePoolAsync cancelled');
}

// Referral income from a tracked line.
const referral = checked(
  'referralIncome',
  referralShape,
  cbm.referralIncome({
    t: [0, 604800, 1209600],
    lines: [{ mined: ['0', '100', '200'], rate: ['0', '1', '1'] }],
    purchases: [{ at: 0, units: 1000, unitPrice: '0.25' }],
    rules: defaults.referral,
  }),
);
const paid: Decimal = referral.total;
check(paid === '6' && referral.payouts[0]!.at === 604800, 'referralIncome');

// The decision tools (full build).
const percentiles = object<{ p10: Decimal; p50: Decimal; p90: Decimal }>({ p10: decimal, p50: decimal, p90: decimal });
const runsDone: number[] = [];
const bands = checked(
  'earningsBands',
  object<ReturnType<Cbm['earningsBands']>>({
    periods: array(object({ ...calendar, p10: decimal, p50: decimal, p90: decimal, cumulative: percentiles })),
    breakevenAt: object({ p10: nullable(whole), p50: nullable(whole), p90: nullable(whole) }),
    breakevenRuns: whole,
    runs: whole,
    seed: whole,
    paidUsd: decimal,
  }),
  cbm.earningsBands({
    ...holder,
    priceModel: { drift: 0.2, volatility: 0.8 },
    poolModel: { spread: 0.4 },
    runs: 20,
    seed: 2026,
    onProgress: (n) => runsDone.push(n),
  }),
);
const median: Decimal = bands.periods[0]!.p50;
check(median.length > 0 && runsDone.length === 20 && bands.seed === 2026, 'earningsBands');

const outcome = object<{ yearWfi: Decimal; yearUsd: Decimal; breakevenAt: number | null }>({
  yearWfi: decimal,
  yearUsd: decimal,
  breakevenAt: nullable(whole),
});
const sensitivity = checked(
  'sensitivity',
  object<ReturnType<Cbm['sensitivity']>>({
    base: outcome,
    swings: array(
      object({
        input: literal('tokenPrice', 'poolUnits', 'poolGrowth', 'unitPrice', 'lifetime'),
        base: decimal,
        low: decimal,
        high: decimal,
        atLow: outcome,
        atHigh: outcome,
      }),
    ),
  }),
  cbm.sensitivity({ ...holder, step: '0.1' }),
);
check(sensitivity.swings.length === 5, 'sensitivity');

const standing = { minedWfi: decimal, spentWfi: decimal, heldWfi: decimal, heldUsd: decimal, units: whole };
const reinvested = checked(
  'reinvest',
  object<ReturnType<Cbm['reinvest']>>({
    unitPrice: decimal,
    best: literal('hold', 'week', 'month', 'unit'),
    plans: array(
      object({
        ...standing,
        cadence: literal('hold', 'week', 'month', 'unit'),
        until: nullable(whole),
        untilDate: nullable(day),
        bought: array(object({ at: whole, date: day, units: whole, paidWfi: decimal })),
        periods: array(object({ ...calendar, ...standing })),
      }),
    ),
  }),
  cbm.reinvest({
    ...holder,
    cadences: ['month'],
    until: '2026-06-01',
    onProgress: (done) => check(done >= 0 && done <= 1, 'reinvest progress'),
  }),
);
check(reinvested.plans.map((p) => p.cadence).join() === 'hold,month', 'reinvest');
// @ts-expect-error "fortnight" is not a cadence
throwsCbmError(() => cbm.reinvest({ ...holder, cadences: ['fortnight'] }), 'INVALID_INPUT', 'cadences[0]');

const explainedApr = checked(
  'explain',
  object<ReturnType<typeof cbm.explain<'apr'>>>({
    aprPercent: explanation,
    yearlyReward: explanation,
    yearlyRewardUsd: explanation,
    contributionUsd: explanation,
    netGainPercent: explanation,
    netGainUsd: explanation,
    withReferralsPercent: optional(explanation),
  }),
  cbm.explain('apr', { blockReward: '0.00009804', tokenPrice: '0.17', units: 1000, unitPrice: '0.25' }),
);
const formula: string = explainedApr.aprPercent.formula;
check(formula.startsWith('{aprPercent} ='), 'explain apr');
const explainedEarnings = cbm.explain('projectEarnings', holder, { at: 230 * DAY });
object<typeof explainedEarnings>({
  'now.blockReward': explanation,
  'now.wfiPerDay': explanation,
  'now.usdPerDay': explanation,
  'now.aprPercent': explanation,
  'firstYear.usd': explanation,
  'firstYear.returnPercent': explanation,
  breakevenAt: explanation,
  nextHalving: optional(explanation),
})(explainedEarnings, 'explain projectEarnings');
const blockRewardTerms = explainedEarnings['now.blockReward'].terms;
check(
  blockRewardTerms.some((term) => term.kind === 'date' && term.value === '2026-01-17'),
  'explained at another second',
);
const explainedPoints = cbm.explain('points', { streakDays: 3, totalPoints: '1500', invites: 2, elapsedSeconds: 7200 });
object<typeof explainedPoints>({
  reward: explanation,
  weight: explanation,
  checkin: explanation,
  points: explanation,
  invites: explanation,
})(explainedPoints, 'explain points');
const explainedPool = cbm.explain('pool', {
  horizon: scenario.horizon,
  emitted: run.emitted,
  distributed: run.distributed,
  unallocated: run.unallocated,
  dust: run.dust,
  requests: 4,
  accepted: run.activations.length,
  rejected: run.rejected.length,
  maxWait: run.queue.maxWait,
});
object<typeof explainedPool>({
  emitted: explanation,
  distributed: explanation,
  unallocated: explanation,
  dust: explanation,
  accepted: explanation,
  maxWait: explanation,
})(explainedPool, 'explain pool');
// @ts-expect-error "supply" is not a call explain() knows
throwsCbmError(() => cbm.explain('supply', {}), 'INVALID_INPUT', 'call');
// @ts-expect-error explain("points") takes a weight's counts, not a block reward
throwsCbmError(() => cbm.explain('points', { blockReward: '1', elapsedSeconds: 1 }), 'INVALID_INPUT', 'blockReward');

const figures = object<ReturnType<Cbm['compareEarnings']>['a']>({
  totalWfi: decimal,
  totalUsd: decimal,
  paidUsd: decimal,
  firstYearWfi: decimal,
  firstYearUsd: decimal,
  firstYearReturnPercent: decimal,
  aprPercentNow: decimal,
  breakevenAt: nullable(float),
  from: whole,
});
const compared = checked(
  'compareEarnings',
  object<ReturnType<Cbm['compareEarnings']>>({
    a: figures,
    b: figures,
    difference: figures,
    earned: array(object({ end: whole, endDate: day, a: decimal, b: decimal })),
  }),
  cbm.compareEarnings({ a: holder, b: { ...holder, purchases: [{ at: 382 * DAY, units: 1000, unitPrice: '0.25' }] } }),
);
const later6Months: number | null = compared.difference.breakevenAt;
check(later6Months !== null && later6Months > 0, 'compareEarnings');
throwsCbmError(() => cbm.compareEarnings({ a: holder, b: { ...holder, tokenPrice: '-1' } }), 'INVALID_INPUT', 'b.tokenPrice');

const dates = checked(
  'buyDates',
  object<ReturnType<Cbm['buyDates']>>({
    days: object({
      at: float64,
      units: float64,
      miningStart: float64,
      unitPrice: array(decimal),
      wfi: array(decimal),
      usd: array(decimal),
    }),
    best: whole,
    halvings: array(whole),
    emissionEnd: whole,
    endTokenPrice: decimal,
    ownRuns: whole,
  }),
  cbm.buyDates({ genesis: holder.genesis, now: holder.now, pool: holder.pool, budgetUsd: 1000, unitPrice: '0.25', tokenPrice: '0.17' }),
);
check(dates.days.at.length === dates.days.wfi.length && dates.days.units[0] === 4000 && dates.best === 0, 'buyDates');
throwsCbmError(
  () => cbm.buyDates({ genesis: holder.genesis, now: holder.now, pool: holder.pool, budgetUsd: 0, unitPrice: '0.25', tokenPrice: '0.17' }),
  'INVALID_INPUT',
  'budgetUsd',
);

// The lite build: the same API, its decision tools refused.
const lite = await load({ build: 'lite' });
const notHere = throwsCbmError(() => lite.sensitivity(holder), 'NOT_ALLOWED', '');
check(notHere.problem?.kind === 'not-in-build', 'the lite build says where the call is');
// @ts-expect-error there is no "tiny" build
const tiny = load({ build: 'tiny' });
await tiny.then(
  () => check(false, 'a tiny build'),
  (e: unknown) => check(e instanceof CbmError && e.field === 'build', 'a bad build rejects'),
);

// Every member of the API was used and checked.
const missing = Object.keys(cbm).filter((name) => !used.has(name));
check(missing.length === 0, `every call is used (not yet: ${missing.join(', ')})`);
check(bytes > 0, 'memoryBytes');
console.log(`every call typed and checked: ${used.size} calls`);
