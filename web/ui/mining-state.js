// "My mining units" as state: what the form asks the core (the request), what comes back (the
// state the section draws) and the words, figures and rows drawn from it. No DOM: the section
// (mining-section.js) puts these in the page, and node tests read them as a person would.
import { dayText, parseDay } from './dates.js';
import { formatAmount, formatDate, formatDateTime, formatDays, formatDuration, formatPeriod } from './format.js';
import { paybackDays, priceMining } from './mining.js';
import { rulesFrom } from './rules.js';

const percent = (share) => formatAmount(share, 'share');

/** The referral lines' hint, from the core's rules: shares, thresholds, how it is paid. */
export function referralHint(lines) {
  const numbers = lines.map((_, i) => i + 1);
  return (
    `Your referrals' units, besides everyone else's above. You earn ${lines.map((l) => percent(l.share)).join(' / ')} of what lines ` +
    `${numbers.join(', ')} mine, each once your purchases reach ${lines.map((l) => formatAmount(l.thresholdUsd, 'usd')).join(' / ')}: ` +
    'paid weekly, each payout locked in staking for a year. It comes from the referral pool, not from your referrals.'
  );
}

/** What the run depends on, from the form's values (readValues) and its purchase rows
 * ([{ date, units }]): projectMining's input. A price scenario is applied afterwards. */
export function miningRequest(values, purchases, { today, presets, lines }) {
  return {
    genesis: values.genesis,
    today,
    purchases,
    unitPrice: values.unitPrice,
    tokenPrice: values.tokenPrice,
    period: values.period,
    poolUnits: values.poolUnits,
    poolGrowth: values.poolGrowth,
    poolGrowthUnit: values.poolGrowthUnit,
    poolCeiling: values.poolCeiling,
    referrals: lines.map((_, i) => ({ units: values[`ref${i + 1}Units`], growth: values[`ref${i + 1}Growth`] })),
    rules: rulesFrom(values, presets),
  };
}

/** The section's state for `request` (the run from `cache`, a cachedMining) valued at the
 * form's price scenario: { request, values, sim, priced, earnings, scenario }. */
export function computeMining(cbm, cache, request, values) {
  const sim = cache.run(request);
  const priced = priceMining(cbm, sim, values);
  return { request, values, sim, priced, earnings: sim.earnings, scenario: values.scenario };
}

/** The decision tools' current mining inputs (null before a good result). */
export const decisionInput = (state, today) =>
  state && { input: state.sim.earningsInput, genesis: state.sim.genesis, today, growthUnit: state.values.poolGrowthUnit };

/** The emission now, as `state` assumes it (its start date and schedule): { rate (WFI a
 * second), stage, genesis }; null without a state. */
export function emissionNow(cbm, state, today) {
  if (!state) return null;
  const { rate, stage } = cbm.emission({ from: Math.max(0, today - state.sim.genesis), rules: state.sim.rules });
  return { rate, stage, genesis: state.values.genesis };
}

/** The first screen's answers: a day, 30 days and 12 months (WFI and USD), the return, the price
 * they are at and the day emission is assumed to have begun, the next halving. `examplePrice`:
 * the price the page starts with (WeFi's example, not a market price); `genesis`: Unix seconds or
 * null. */
export function answersView(earnings, { tokenPrice, examplePrice, scenario, genesis }) {
  // At today's price whatever the scenario: said beside them, not implied.
  const flat = scenario === 'flat' ? '' : ', held flat (the price scenario moves the breakeven and the charts)';
  const price = formatAmount(tokenPrice, 'price');
  const halving = earnings.nextHalving;
  return {
    note: tokenPrice === examplePrice ? `at ${price} a WFI, WeFi's example price: type today's${flat}` : `at today's ${price} a WFI${flat}`,
    figures: {
      earnDayWfi: earnings.now.wfiPerDay,
      earnDayUsd: earnings.now.usdPerDay,
      earnMonthWfi: earnings.next30Days.wfi,
      earnMonthUsd: earnings.next30Days.usd,
      earnYearWfi: earnings.firstYear.wfi,
      earnYearUsd: earnings.firstYear.usd,
      return: earnings.firstYear.returnPercent,
    },
    assumes: genesis === null ? null : `Assumes emission began on ${formatDate(genesis)}`,
    halving: {
      text: halving ? formatDate(parseDay(halving.date)) : 'none before emission ends',
      value: halving?.at ?? null,
      effect: halving
        ? `A day then: ${formatAmount(halving.wfiPerDay, 'wfi')} (${formatAmount(halving.usdPerDay, 'usd')}), from ${formatAmount(earnings.now.wfiPerDay, 'wfi')} now`
        : '',
    },
  };
}

/** The pool in words, as the form says it: the holder's units among everyone else's, their
 * growth, the end of emission and the next change of rate. */
function poolText({ sim, priced, values }, today) {
  const { poolUnits, poolGrowth, poolGrowthUnit, poolCeiling } = values;
  const grows = Number(poolGrowth) > 0;
  let growth =
    poolGrowthUnit === 'percent'
      ? `growing ${formatAmount(poolGrowth, 'plain')}% a month`
      : `with ${formatAmount(poolGrowth, 'units')} more a day`;
  if (poolCeiling) growth += `, levelling off toward ${formatAmount(poolCeiling, 'units')}`;
  const next = sim.marks.find((m) => m.t > today);
  return [
    `Your ${formatAmount(String(priced.totalUnits), 'units')} among ${formatAmount(poolUnits, 'units')} of others`,
    grows ? `, ${growth}` : '',
    `. Emission ends ${formatDate(sim.end)}`,
    next ? `; next rate change: ${next.label} on ${formatDate(next.t)} (genesis ${formatDate(sim.genesis)}, assumed).` : '.',
  ].join('');
}

/** The breakeven: its date at the base path, "paid back in N days" from the last purchase (as
 * mining calculators say it), and the other paths' in days. */
function breakevenView({ sim, priced }) {
  const { paths } = priced;
  const base = paths.find((p) => p.key === 'base');
  const when = (p) => (p.breakeven === null ? 'not before emission ends' : formatDate(p.breakeven));
  const days = (p) => formatDays(paybackDays(p.breakeven, sim.purchases));
  const purchase = sim.purchases.length > 1 ? 'your last purchase' : 'your purchase';
  const payback = base.breakeven === null ? '' : `paid back in ${days(base)} from ${purchase}: `;
  const others = paths.filter((p) => p.key !== 'base').map((p) => `${p.key}: ${p.breakeven === null ? when(p) : days(p)}`);
  return {
    text: when(base),
    value: base.breakeven === null ? 'never' : dayText(base.breakeven),
    band: paths.length > 1 ? `${payback}${others.join(' · ')}` : `${payback}mined WFI worth what you paid, at the day’s price`,
  };
}

/** The figures beside the answers: the APR now and when it is, what is mined, the breakeven, the
 * pool in words, and whether the amortization note (one age of units) applies. */
export function headlineView(state, today) {
  const { sim, priced, values } = state;
  const { now } = priced;
  const base = priced.paths.find((p) => p.key === 'base');
  return {
    figures: {
      apr: now?.apr?.aprPercent ?? null,
      netGain: now?.apr?.netGainPercent ?? null,
      blockReward: now?.blockReward ?? null,
      perDay: now?.perDay ?? null,
      contribution: priced.contributionUsd,
      mined: now?.mined ?? null,
      wfiEnd: priced.wfiEnd,
      usdEnd: base.usdEnd,
    },
    minedLabel: now ? `Mined by ${formatDate(now.t)}` : 'Mined so far',
    aprWhen: now
      ? `${now.isToday ? 'today' : `${formatDate(now.t)}, the first full day mining`}, at ${formatAmount(now.price, 'price')} per WFI`
      : 'emission has ended',
    breakeven: breakevenView(state),
    pool: poolText(state, today),
    // Amortization only moves shares between units of different ages.
    oneAge: !(Number(values.poolGrowth) > 0) && values.amortization !== 'none' && new Set(sim.purchases.map((p) => p.at)).size <= 1,
  };
}

/** The referral income (null: no lines described): its figures, the next payout and each line's
 * state. */
export function referralView({ sim, priced }) {
  const { referral, now } = priced;
  if (!referral) return null;
  const next = referral.now?.nextPayout;
  return {
    figures: {
      aprMining: now?.apr?.aprPercent ?? null,
      aprReferrals: referral.now?.aprPercent ?? null,
      refWeek: next ? next.amount : referral.now ? '0' : null,
      refLocked: referral.now?.locked ?? null,
      refUnlocked: referral.now?.unlocked ?? null,
      refTotal: referral.total,
    },
    weekWhen: next ? `paid ${formatDate(sim.genesis + next.at)}, unlocks ${formatDate(sim.genesis + next.unlocksAt)}` : '',
    lines: referral.lines
      .map((line, i) =>
        line.unlockedAt === null
          ? `Line ${i + 1} (${percent(line.share)}): locked until your purchases reach ${formatAmount(line.thresholdUsd, 'usd')}`
          : `Line ${i + 1} (${percent(line.share)}): unlocked ${formatDate(sim.genesis + line.unlockedAt)}`,
      )
      .join(' · '),
  };
}

/** The earnings table shows this many periods from today's on, until "Show all" (a table of days
 * would hold thousands of rows). */
export const SHOWN_PERIODS = 12;

/** The earnings table: a row a calendar period ({ head, mark, cells, breakeven }), halvings
 * marked and the row of the breakeven at today's price lit; `all`: every period, else the
 * SHOWN_PERIODS from today's; `more`: the "Show all" button's state. */
export function periodsView({ sim, earnings, priced, values }, { today, all }) {
  const halvings = sim.marks.filter((m) => m.label.startsWith('halving')).map((m) => m.t);
  const { periods } = earnings;
  const breakevenAt = priced.flatBreakeven === null ? null : priced.flatBreakeven - sim.genesis;
  const now = Math.max(
    0,
    periods.findIndex((p) => parseDay(p.endDate) > today),
  );
  const shown = all || periods.length <= SHOWN_PERIODS ? periods : periods.slice(now, now + SHOWN_PERIODS);
  return {
    more: {
      hidden: periods.length <= SHOWN_PERIODS,
      text: all ? `Show the ${SHOWN_PERIODS} from today` : `Show all ${formatAmount(String(periods.length), 'plain')} periods`,
      expanded: all,
    },
    rows: shown.map((p) => {
      const [from, to] = [parseDay(p.startDate), parseDay(p.endDate)];
      const halving = halvings.some((t) => t >= from && t < to);
      const breakeven = breakevenAt !== null && breakevenAt >= p.start && breakevenAt < p.end;
      return {
        head: formatPeriod(from, values.period),
        mark: [halving ? 'halving' : '', breakeven ? 'breakeven' : ''].filter(Boolean).join(', '),
        cells: [
          formatAmount(p.wfi, 'wfi'),
          formatAmount(p.usd, 'usd'),
          formatAmount(p.cumulativeWfi, 'wfi'),
          formatAmount(p.cumulativeUsd, 'usd'),
        ],
        breakeven,
      };
    }),
  };
}

/** The activation table: a row a purchase (when it was bought, units, activated, the wait, what
 * it mined). */
export const activationRows = (sim) =>
  sim.purchases.map((p, i) => [
    `${i + 1}: ${formatDate(p.at)}`,
    formatAmount(String(p.units), 'plain'),
    formatDateTime(p.activatedAt),
    formatDuration(p.wait),
    formatAmount(p.reward, 'wfi'),
  ]);

/** The earnings table's CSV: every period, exact. */
export function periodsTable({ earnings, values }) {
  return {
    name: `cbmcalc-earnings-by-${values.period}.csv`,
    columns: ['start', 'end', 'pool_seconds_start', 'pool_seconds_end', 'wfi', 'usd', 'wfi_to_date', 'usd_to_date'],
    rows: earnings.periods.map((p) => [p.startDate, p.endDate, p.start, p.end, p.wfi, p.usd, p.cumulativeWfi, p.cumulativeUsd]),
  };
}

/** The run by day for the CSV and JSON exports: each row's exact price, USD value and APR (over
 * what was paid by then) per price path: the same valuation, asked for its rows. */
export function exportTable(cbm, { sim, values }) {
  const priced = priceMining(cbm, sim, values, { rows: true });
  const { paths } = priced;
  const columns = [
    'date',
    'pool_seconds',
    'wfi_mined',
    'wfi_per_second',
    ...paths.flatMap((p) => [`wfi_price_${p.key}`, `usd_value_${p.key}`, `apr_percent_${p.key}`]),
    'pool_power',
    'emission_rate',
  ];
  const rows = sim.series.t.map((t, i) => [
    dayText(t),
    t - sim.genesis,
    sim.series.reward[i],
    sim.series.rate[i],
    ...paths.flatMap((p) => [p.priceRows[i], p.usdRows[i], p.aprRows[i] ?? '']),
    String(sim.series.poolPower[i]),
    String(sim.series.emissionRate[i]),
  ]);
  return { columns, rows };
}

/** The JSON export: the inputs, the assumptions, the rules, the results and the run by day. */
export function exportDocument(cbm, state, { today }) {
  const { sim, priced, values, request } = state;
  const { columns, rows } = exportTable(cbm, state);
  const { now } = priced;
  return {
    generator: `cbmcalc ${cbm.version}`,
    inputs: { ...values, purchases: request.purchases, today: dayText(today) },
    assumptions: {
      genesis: dayText(sim.genesis),
      pool: 'everyone else as one block at the start, plus one activation a day for the growth',
      pricesBeforeToday: 'taken as today’s price',
    },
    rules: sim.rules,
    results: {
      contributionUsd: priced.contributionUsd,
      now: now && { date: dayText(now.t), blockReward: now.blockReward, wfiPerDay: now.perDay, tokenPrice: now.price, ...now.apr },
      wfiWhenEmissionEnds: priced.wfiEnd,
      emissionEnds: dayText(sim.end),
      paths: priced.paths.map((p) => ({
        key: p.key,
        monthlyGrowthPercent: p.monthly,
        breakeven: p.breakeven === null ? null : dayText(p.breakeven),
        usdWhenEmissionEnds: p.usdEnd,
      })),
      activations: sim.purchases.map((p) => ({
        date: dayText(p.at),
        units: p.units,
        unitPrice: p.unitPrice,
        activatedAt: p.activatedAt,
        miningStart: p.miningStart,
        waitSeconds: p.wait,
        reward: p.reward,
      })),
      rateChanges: sim.marks.map((m) => ({ date: dayText(m.t), what: m.label })),
    },
    series: rows.map((r) => Object.fromEntries(columns.map((c, k) => [c, r[k]]))),
  };
}

/** cbm.calibratePool's input: the pool that gives the holder `blockReward` (the app's figure)
 * today, with the purchases and rules of `state`. */
export const calibrationRequest = ({ sim }, blockReward, today) => ({
  rules: sim.rules,
  now: today - sim.genesis,
  purchases: sim.purchases.map((p) => ({ at: p.at - sim.genesis, units: p.units })),
  blockReward,
});
