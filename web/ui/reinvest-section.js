// "Reinvest or hold?" in the mining section: the core's reinvest plans for the holder (every
// week, every month, whenever a unit is affordable, against holding), run in the decisions
// worker; a verdict, a table of the plans at the end of emission, and charts of the WFI held and
// the units owned over time.
import { formatAmount, formatDate } from './format.js';
import { CbmError } from '../lib/cbmcalc.js';
import { clearErrors, problemMessage, showError, valuesOf } from './forms.js';
import { plainNumber } from './numbers.js';
import { Chart } from './charts.js';
import { tableRow } from './figures.js';
import { decisionRun, markStale } from './decision-run.js';

const $ = (id) => document.getElementById(id);
const planNames = { hold: 'Hold', week: 'Weekly', month: 'Monthly', unit: 'When affordable' };
const cadenceWords = { week: 'every week', month: 'every month', unit: 'whenever a whole unit is affordable' };
const planColors = { hold: '--muted', week: '--c1', month: '--c2', unit: '--c3' };

/** Sets up `form`; `current()` as for the range (bands-section.js). */
export function setUpReinvest(form, { current }) {
  const run = $('r-run'),
    results = $('r-results'),
    status = $('r-status');
  const say = (text) => (status.textContent = text);
  const runner = decisionRun({ run, cancel: $('r-cancel'), progress: $('r-progress'), say });
  let shown = null;

  function start() {
    clearErrors(form);
    const base = current();
    if (!base) return say('Fix the marked field above first: the plans start from those inputs.');
    const values = valuesOf(form);
    let warnAt;
    try {
      warnAt = plainNumber(values.warnShare, 'warnShare', 'must be a percentage from 0 to 100');
      if (!(warnAt >= 0 && warnAt <= 100))
        throw new CbmError(`warnShare: must be a percentage from 0 to 100, got "${values.warnShare}"`, { field: 'warnShare' });
    } catch (error) {
      showError(form, 'warnShare', problemMessage(error));
      return say(`Not compared: ${problemMessage(error)}`);
    }
    const input = { ...base.input };
    if (values.unitPrice.trim()) input.unitPrice = values.unitPrice.trim();
    if (values.until) input.until = values.until;
    if (values.maxUnits) input.maxUnits = values.maxUnits;
    if (values.maxSpentUsd) input.maxSpentUsd = values.maxSpentUsd;
    say('Comparing the plans…');
    runner.start('reinvest', input, {
      max: 1,
      onProgress: (done) => say(`Comparing the plans: ${formatAmount(String(done), 'share')} done…`),
      onDone(result, seconds) {
        shown = input;
        render(result, base);
        warnLarge(result, Number(base.input.pool.units), warnAt);
        say(`Four plans compared in ${seconds.toFixed(1)} s.`);
      },
      onError(error) {
        if (form.elements.namedItem(error.field)) showError(form, error.field, problemMessage(error));
        say(`Not compared: ${problemMessage(error)}`);
      },
    });
  }

  return {
    start,
    /** The mining inputs changed: plans on show are for the old ones. */
    inputsChanged: () => markStale({ shown, results, current, runner, say }, 'compare again to see their plans.'),
  };
}

/** The verdict and the table of the plans at the end of emission. */
function render(r, { genesis }) {
  const results = $('r-results');
  results.hidden = false;
  results.classList.remove('stale');
  const wfi = (text) => formatAmount(text, 'wfi');
  const usd = (text) => formatAmount(text, 'usd');
  const until = (plan) => (plan.until === null ? '—' : formatDate(genesis + plan.until));
  const hold = r.plans[0];
  const best = r.plans.find((p) => p.cadence === r.best);
  $('r-verdict').textContent =
    r.best === 'hold'
      ? `Holding pays best: at ${formatAmount(r.unitPrice, 'price')} a unit, fresh units do not earn back their price in WFI before emission ends. You hold ${wfi(hold.heldWfi)} at the end.`
      : `Best: reinvest ${cadenceWords[r.best]} until ${until(best)}, then hold: ${wfi(best.heldWfi)} at the end (${usd(best.heldUsd)} at today's price), against ${wfi(hold.heldWfi)} holding.`;
  $('r-verdict').dataset.best = r.best;
  $('r-table').tBodies[0].replaceChildren(
    ...r.plans.map((plan) => {
      const tr = tableRow([
        planNames[plan.cadence],
        until(plan),
        formatAmount(String(plan.bought.length), 'plain'),
        formatAmount(String(plan.units), 'units'),
        wfi(plan.minedWfi),
        wfi(plan.spentWfi),
        wfi(plan.heldWfi),
        usd(plan.heldUsd),
      ]);
      tr.dataset.cadence = plan.cadence;
      tr.dataset.held = plan.heldWfi;
      tr.dataset.until = plan.until ?? '';
      if (plan.cadence === r.best) tr.classList.add('best');
      return tr;
    }),
  );
  draw(r, genesis);
}

/** Plans that end owning more than `warnAt` % of the pool (everyone else's units today and
 * theirs), said: their units are bought by selling that much WFI, at a price held here. */
function warnLarge(r, others, warnAt) {
  const share = (plan) => plan.units / (others + plan.units); // a display ratio, not a figure
  const large = r.plans.filter((plan) => share(plan) * 100 > warnAt);
  const warning = $('r-warning');
  warning.hidden = large.length === 0;
  warning.textContent = large.length
    ? `${large.map((plan) => `${planNames[plan.cadence]} ends with ${formatAmount(String(plan.units), 'units')}, ${formatAmount(String(share(plan)), 'share')} of the pool`).join('; ')} ` +
      `(everyone else's ${formatAmount(String(others), 'units')} today, and its own). Buying that many units means selling that much WFI, which would move the price this comparison holds at today's: take such a plan's figures as an upper bound.`
    : '';
}

/** The WFI each plan holds and the units it owns over time. */
const charts = {};
function draw(r, genesis) {
  const x = Float64Array.from(r.plans[0].periods, (p) => genesis + p.end);
  const chart = (name, scale, pick, format, summary) => {
    if (!charts[name]) {
      charts[name] = new Chart(document.querySelector(`[data-chart=${name}]`));
      charts[name].configure({
        series: r.plans.map((plan) => ({ label: planNames[plan.cadence], color: planColors[plan.cadence], scale: 'y', format })),
        scales: { y: { ...scale, side: 3 } },
      });
    }
    charts[name].set([x, ...r.plans.map((plan) => Float64Array.from(plan.periods, (p) => Number(pick(p))))], {
      summary,
      table: {
        columns: ['Period to', ...r.plans.map((plan) => planNames[plan.cadence])],
        rows: Array.from(x, (t, k) => [formatDate(t), ...r.plans.map((plan) => format(pick(plan.periods[k])))]),
      },
    });
  };
  const wfi = (v) => formatAmount(String(v), 'wfi');
  const units = (v) => formatAmount(String(v), 'units');
  const ends = (pick, format) => r.plans.map((plan) => `${planNames[plan.cadence]} ${format(pick(plan))}`).join(', ');
  chart(
    'reinvest-held',
    { label: 'WFI held', format: (v) => formatAmount(String(v), 'compact') },
    (p) => p.heldWfi,
    wfi,
    `Chart of the WFI each plan holds over time, to ${formatDate(x.at(-1))}: ${ends((p) => p.heldWfi, wfi)}.`,
  );
  chart(
    'reinvest-units',
    { label: 'Units', format: (v) => formatAmount(String(v), 'compact') },
    (p) => p.units,
    units,
    `Chart of the units each plan owns over time: ${ends((p) => p.units, units)} at the end.`,
  );
}
