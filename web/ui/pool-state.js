// The "Pool simulation" section as state: the run's request from the form, the worker's
// messages in words, the results' figures and chart, the owners table's order and pages. No
// DOM: pool-section.js puts these in the page, and node tests read them as a person would.
import { DAY } from './dates.js';
import { formatAmount, formatDuration } from './format.js';
import { MAX_FILE_BYTES } from './pool-limits.js'; // the worker checks it too
import { rateChanges, rulesFrom } from './rules.js';

export const PAGE = 20; // owners a page
const plain = (n) => formatAmount(String(n), 'plain');

/** The worker's `run` message (without its id) from the form's values: a described pool, the
 * pasted text (`json`) or a chosen `file`. `scenario`: pool-scenario.js (it loads with the first
 * run). Throws a CbmError at the field that is wrong. */
export function runRequest(values, { presets, limits, file, json, scenario }) {
  const rules = rulesFrom(values, presets);
  const horizon = scenario.horizonSeconds(values);
  const from =
    values.source !== 'json'
      ? { source: 'generate', params: scenario.poolParameters(values, limits) }
      : file
        ? { source: 'file', file }
        : { source: 'json', json };
  return { ...from, horizon, rules };
}

/** A progress message in words: { value (null: indeterminate), text }. */
export function progressView({ phase, fraction }) {
  const percent = Math.floor(fraction * 100);
  if (phase === 'read') return { value: fraction, text: `Reading the file… ${percent}%` };
  if (phase === 'prepare') return { value: null, text: 'Preparing the requests…' }; // while the requests are built
  return { value: fraction, text: `Simulating… ${percent}%` };
}

/** A file chosen for the run: { ok, text } (too large: not ok, and why). */
export function fileView({ name, size }) {
  if (size > MAX_FILE_BYTES)
    return {
      ok: false,
      text: `${name} is ${plain(Math.ceil(size / 1e6))} MB; a file of requests may have at most ${plain(MAX_FILE_BYTES / 1e6)} MB (a million requests take about 70 MB).`,
    };
  return {
    ok: true,
    text: `${name} (${plain(Math.ceil(size / 1e3))} KB) is ready: press Run simulation. It is read when the run starts, off this page's thread.`,
  };
}

/** A run's results: the totals (figures), the counts and waits ([text, value]), the rejected
 * sample, and the sentence that says it is done. */
export function summaryView(summary) {
  const ms = Math.round(summary.elapsedMs);
  return {
    done: `Done: ${plain(summary.accepted)} activations over ${formatDuration(summary.horizon)} simulated in ${plain(ms)} ms.`,
    figures: { emitted: summary.emitted, distributed: summary.distributed, unallocated: summary.unallocated, dust: summary.dust },
    texts: {
      accepted: [`${plain(summary.accepted)} of ${plain(summary.requests)}`, summary.accepted],
      rejected: [plain(summary.rejected), summary.rejected],
      maxWait: [`${formatDuration(summary.maxWait)} (mean ${formatDuration(Math.round(summary.meanWait))})`, summary.maxWait],
      elapsed: [`${plain(ms)} ms`, ms],
    },
    rejected: summary.rejectedSample.map((r) => `${r.id}: ${r.reason}`),
  };
}

/** The chart of pool power and emission rate by day after genesis, rate changes marked; its
 * table at `sample`'s rows. */
export function poolChart(cbm, summary, sampleIndices) {
  const s = summary.series;
  const days = Float64Array.from(s.t, (t) => t / DAY);
  const marks = rateChanges(cbm, summary.rules, summary.horizon + 1).map((m) => ({ t: m.t / DAY, label: m.label }));
  const peak = s.poolPower.reduce((m, v) => Math.max(m, v), 0);
  const changes = marks.length ? ` with ${marks.length} rate changes` : '';
  return {
    columns: [days, s.poolPower, s.rate],
    marks,
    summary: `Chart over ${plain(Math.round(summary.horizon / DAY))} days: pool power rises to a peak of ${formatAmount(String(Math.round(peak)), 'units')}; the emission rate steps from ${plain(s.rate[0])} WFI/s${changes}.`,
    table: {
      columns: ['Day', 'Pool power (units)', 'Active units', 'Emission rate (WFI/s)'],
      rows: sampleIndices(days.length, 30).map((i) => [
        plain(Math.round(days[i])),
        plain(s.poolPower[i]),
        plain(s.activeUnits[i]),
        plain(s.rate[i]),
      ]),
    },
  };
}

/** The owners table's order after a click on the column `key`: the same column reverses, a new
 * one starts descending (owners' names ascending), at the first page. */
export const sortedBy = (table, key) => ({ sort: key, descending: key === table.sort ? !table.descending : key !== 'owner', offset: 0 });

/** A page of owners: each row's cells (the owner's label as the worker escaped it, and whether it
 * looks like another's), the page line and which way one can page. */
export function ownersView({ rows, total, offset }) {
  const pages = Math.max(1, Math.ceil(total / PAGE));
  const page = Math.floor(offset / PAGE) + 1;
  return {
    rows: rows.map((r) => ({
      label: r.label,
      lookalike: r.lookalike,
      cells: [plain(r.activations), plain(r.units), formatAmount(r.reward, 'wfi'), formatAmount(r.share, 'poolShare')],
      exact: `${r.reward} WFI`,
    })),
    text: `Page ${page} of ${pages} (${plain(total)} owners)`,
    first: page <= 1,
    last: page >= pages,
  };
}
