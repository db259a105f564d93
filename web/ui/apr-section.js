// The APR calculator of seed 003: block reward, WFI price, units and unit price in; APR, net gain
// and the pool that block reward implies out. Recomputes on every keystroke.
import { explainSource } from './how.js';
import { showFigure } from './figures.js';
import { parseDay } from './dates.js';
import { formatAmount, formatDate } from './format.js';
import { announceFigures } from './announce.js';
import { live } from './forms.js';

const outputs = ['aprPercent', 'netGainPercent', 'yearlyReward', 'yearlyRewardUsd', 'contributionUsd', 'netGainUsd'];

/** `usePool(units)` receives everyone else's units when the user asks to take this pool over;
 * `rateNow()` is the emission now as My mining units assumes it ({ rate, stage, genesis }; null:
 * stage 1's 8 WFI a second), at which the block reward implies a pool. */
export function setUpApr(cbm, { usePool, rateNow = () => null, onChange = () => {} }) {
  const form = document.querySelector('[data-form=apr]');
  const figure = (key, value) => showFigure(document.getElementById(`apr-${key}`), value);
  let others = null;
  const firstRate = cbm.emission().rate; // stage 1's, until My mining units has its figures
  let shown = null; // the values of the figures on show
  const use = document.getElementById('apr-use-pool');

  explainSource('apr', () => shown && { call: 'apr', input: shown });

  const meaning = document.getElementById('apr-meaning');
  /** What this APR means for these figures, in money (the core's amounts, formatted). */
  const sayMeaning = (r) => {
    const apr = formatAmount(r.aprPercent, 'percent');
    const usd = (text) => formatAmount(text, 'usd');
    meaning.textContent = r.netGainUsd.startsWith('-')
      ? `An APR of ${apr} here: a year at this block reward and price pays ${usd(r.yearlyRewardUsd)}, less than the ${usd(r.contributionUsd)} you paid.`
      : `An APR of ${apr} here: a year at this block reward and price pays back your ${usd(r.contributionUsd)} and ${usd(r.netGainUsd)} more (${formatAmount(r.netGainPercent, 'percent')}).`;
  };
  const clear = () => {
    shown = null;
    meaning.textContent = '';
    others = null;
    use.disabled = true;
    for (const key of [...outputs, 'poolPower']) figure(key, null);
  };
  const refresh = live(
    form,
    (values) => {
      const result = cbm.apr(values);
      shown = values;
      for (const key of outputs) figure(key, result[key]);
      sayMeaning(result);
      // The pool in which these units earn this block reward at today's emission, as My mining
      // units has it (its start date and schedule): a block reward is a share of today's rate.
      const now = rateNow();
      const rate = now?.rate ?? firstRate;
      const why = document.getElementById('apr-poolWhy');
      document.getElementById('apr-poolRate').textContent = `units at ${formatAmount(rate, 'plain')} WFI/s`;
      if (now?.stage === 0) {
        why.textContent = 'none: emission has ended, as My mining units assumes it';
        figure('poolPower', null);
      } else {
        why.textContent = now
          ? `today's emission, stage ${now.stage}, for emission begun ${formatDate(parseDay(now.genesis))} as My mining units assumes`
          : 'stage 1 of the emission';
        const asked = { units: values.units, blockReward: values.blockReward, rate };
        const positive = Number(values.blockReward) > 0;
        figure('poolPower', positive ? cbm.impliedPoolPower(asked) : null);
        others = positive ? Number(cbm.impliedOtherUnits(asked)) : null;
        use.disabled = !positive;
      }
      announceFigures(form, 'APR', [
        ['', 'apr-aprPercent'],
        ['a year', 'apr-yearlyReward'],
        ['', 'apr-yearlyRewardUsd'],
      ]);
    },
    { onError: clear },
  );
  form.addEventListener('input', onChange);
  use.addEventListener('click', () => {
    if (others === null) return;
    usePool(others);
    document.getElementById('mining').scrollIntoView();
    document.getElementById('m-poolUnits').focus({ preventScroll: true });
  });
  return { refresh };
}
