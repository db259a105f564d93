// My mining units' charts: WFI mined and its USD value, the referral income, the APR over time.
// Loaded after the first figures are shown, with the chart library.
import { Chart, sampleIndices } from './charts.js';
import { formatAmount, formatDate } from './format.js';
import { nextTask } from './tasks.js';

const pathStyle = {
  bear: { color: '--c4', dash: [6, 4] },
  base: { color: '--c2' },
  bull: { color: '--c3', dash: [2, 3] },
};
const usdValue = (v) => formatAmount(String(v), 'usd');
const wfiValue = (v) => formatAmount(String(v), 'wfi');

function signedPercent(x) {
  return `${x > 0 ? '+' : x < 0 ? '−' : ''}${formatAmount(String(Math.abs(x)), 'plain')}%/month`;
}

function pathLabel(path, scenario) {
  if (scenario === 'flat') return 'flat price';
  if (scenario === 'growth') return signedPercent(path.monthly);
  return `${path.key} ${signedPercent(path.monthly)}`;
}

/** The section's three charts, in their places in the page. */
export function miningCharts() {
  const chart = (name) => new Chart(document.querySelector(`[data-chart=${name}]`));
  return { earned: chart('earned'), apr: chart('apr'), referral: chart('referral'), layout: '', top: null };
}

/** Draws `state` in `charts` (miningCharts()), a chart a task; stops when `isCurrent()` says a
 * newer result is on its way. */
export async function drawMiningCharts(charts, state, { today, isCurrent }) {
  const { sim, priced, scenario } = state;
  const x = sim.series.t;
  const base = priced.paths.find((p) => p.key === 'base');
  const reward = Float64Array.from(sim.series.reward, Number);
  // At a flat price the USD line is the WFI line scaled: one line, read in WFI on the left and
  // in USD on the right, the two axes in proportion (a drawing's geometry, not a figure).
  const last = x.length - 1;
  const aligned = scenario === 'flat' && base.usd[last] > 0;
  if (aligned) {
    const usdTop = Math.max(base.usd[last], Number(priced.contributionUsd)) * 1.05;
    charts.top = { usd: usdTop, wfi: (usdTop * reward[last]) / base.usd[last] };
  }
  configure(charts, { scenario, aligned, paths: priced.paths, withReferrals: priced.referral !== null });
  const drawn = {
    x,
    reward,
    base,
    rows: sampleIndices(x.length, 30),
    marks: [...sim.marks, { t: today, label: 'today', solid: true }],
    span: `from ${formatDate(x[0])} to ${formatDate(x.at(-1))}`,
  };
  drawEarned(charts.earned, state, drawn, aligned);
  // Each chart drawn in a task of its own: the page answers in between.
  await nextTask();
  if (!isCurrent()) return;
  if (priced.referral !== null) drawReferral(charts.referral, state, drawn);
  drawApr(charts.apr, state, drawn);
}

/** The charts' series and scales: they depend on the scenario (one price path or three), on
 * whether WFI and USD share a line, and on the referral lines. */
function configure(charts, { scenario, aligned, paths, withReferrals }) {
  const layout = `${scenario}|${aligned}|${withReferrals}`;
  if (charts.layout === layout) return;
  charts.layout = layout;
  const usdFormat = (v) => formatAmount(String(v), 'usdCompact');
  charts.earned.configure({
    series: [
      {
        label: aligned ? 'WFI mined (its USD value on the right)' : 'WFI mined',
        color: '--c1',
        scale: 'wfi',
        fill: true,
        width: 1.5,
        format: wfiValue,
      },
      ...(aligned ? [] : paths).map((p) => ({
        label: `USD, ${pathLabel(p, scenario)}`,
        scale: 'usd',
        format: usdValue,
        ...pathStyle[p.key],
      })),
      { label: 'You paid', color: '--muted', scale: 'usd', dash: [2, 4], width: 1.5, format: usdValue },
    ],
    // Bear, base and bull can be far apart: a log scale keeps each one readable.
    scales: aligned
      ? {
          wfi: { label: 'WFI', side: 3, range: () => [0, charts.top.wfi] },
          usd: { label: 'USD', side: 1, format: usdFormat, range: () => [0, charts.top.usd] },
        }
      : {
          wfi: { label: 'WFI', side: 3 },
          usd: { label: scenario === 'band' ? 'USD, log scale' : 'USD', side: 1, format: usdFormat, log: scenario === 'band' },
        },
  });
  charts.apr.configure({
    series: [
      ...paths.map((p) => ({ label: `APR, ${pathLabel(p, scenario)}`, scale: 'apr', ...pathStyle[p.key] })),
      ...(withReferrals ? [{ label: 'APR with referral income, base', scale: 'apr', color: '--c5', dash: [8, 3] }] : []),
    ],
    scales: { apr: { label: 'APR %', side: 3, format: (v) => formatAmount(String(v), 'percent') } },
  });
  if (withReferrals)
    charts.referral.configure({
      series: [
        { label: 'WFI mined', color: '--c1', scale: 'wfi', width: 1.5, format: wfiValue },
        { label: 'Referral WFI, locked', color: '--c4', scale: 'wfi', dash: [6, 4], format: wfiValue },
        { label: 'Referral WFI, unlocked', color: '--c3', scale: 'wfi', format: wfiValue },
      ],
      scales: { wfi: { label: 'WFI', side: 3 } },
    });
}

/** WFI mined, its USD value on each price path, and what was paid. */
function drawEarned(chart, { sim, priced, scenario }, { x, reward, base, rows, marks, span }, aligned) {
  const paid = new Float64Array(x.length).fill(Number(priced.contributionUsd));
  const breakeven = base.breakeven === null ? [] : [{ t: base.breakeven, label: 'breakeven', solid: true }];
  chart.set([x, reward, ...(aligned ? [] : priced.paths.map((p) => p.usd)), paid], {
    marks: [...marks, ...breakeven],
    summary: `Line chart ${span}: the WFI you mine grows to ${formatAmount(priced.wfiEnd, 'wfi')}, worth ${formatAmount(base.usdEnd, 'usd')} at the base price; you paid ${formatAmount(priced.contributionUsd, 'usd')}.`,
    table: {
      columns: ['Date', 'WFI mined', ...priced.paths.map((p) => `USD, ${pathLabel(p, scenario)}`)],
      rows: rows.map((i) => [formatDate(x[i]), formatAmount(sim.series.reward[i], 'wfi'), ...priced.paths.map((p) => usdValue(p.usd[i]))]),
    },
  });
}

/** WFI mined beside the referral income, locked and unlocked. */
function drawReferral(chart, { sim, priced }, { x, reward, rows, marks, span }) {
  const ref = priced.referral.series;
  chart.set([x, reward, Float64Array.from(ref.locked, Number), Float64Array.from(ref.unlocked, Number)], {
    marks,
    summary: `Line chart ${span}: the WFI you mine grows to ${formatAmount(priced.wfiEnd, 'wfi')}; referral income adds ${formatAmount(priced.referral.total, 'wfi')}, each weekly payout locked for a year.`,
    table: {
      columns: ['Date', 'WFI mined', 'Referral WFI paid', 'locked', 'unlocked'],
      rows: rows.map((i) => [
        formatDate(x[i]),
        formatAmount(sim.series.reward[i], 'wfi'),
        formatAmount(ref.paid[i], 'wfi'),
        formatAmount(ref.locked[i], 'wfi'),
        formatAmount(ref.unlocked[i], 'wfi'),
      ]),
    },
  });
}

/** The APR over time on each price path, and with the referral income. */
function drawApr(chart, { priced, scenario }, { x, base, rows, marks, span }) {
  const aprStart = priced.now ? x.indexOf(priced.now.t) : 0;
  const withReferrals = priced.referral !== null;
  chart.set([x, ...priced.paths.map((p) => p.apr), ...(withReferrals ? [base.aprWithReferrals] : [])], {
    marks,
    summary: `Line chart of the APR ${span}: ${formatAmount(String(base.apr[Math.max(0, aprStart)] ?? 0), 'percent')} at first, stepping down at each halving and falling as units age and the pool grows.`,
    table: {
      columns: ['Date', ...priced.paths.map((p) => `APR, ${pathLabel(p, scenario)}`)],
      rows: rows.map((i) => [
        formatDate(x[i]),
        ...priced.paths.map((p) => (p.apr[i] === null ? '—' : formatAmount(String(p.apr[i]), 'percent'))),
      ]),
    },
  });
}
