// The APR calculator of seed 003: block reward, WFI price, units and unit price in; APR, net gain
// and the pool that block reward implies out. Recomputes on every keystroke.
import { explainSource, showFigure } from './figures.js';
import { formatAmount } from './format.js';
import { announceFigures } from './announce.js';
import { live } from './forms.js';

const outputs = ['aprPercent', 'netGainPercent', 'yearlyReward', 'yearlyRewardUsd', 'contributionUsd', 'netGainUsd'];

/** `usePool(units)` receives everyone else's units when the user asks to take this pool over. */
export function setUpApr(cbm, { usePool, onChange = () => {} }) {
  const form = document.querySelector('[data-form=apr]');
  const figure = (key, value) => showFigure(document.getElementById(`apr-${key}`), value);
  let others = null;
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
      // The pool in which these units earn this block reward at stage 1's 8 WFI/s.
      if (Number(values.blockReward) > 0) {
        const pool = cbm.impliedPoolPower({ units: values.units, blockReward: values.blockReward });
        figure('poolPower', pool);
        others = Number(cbm.impliedOtherUnits({ units: values.units, blockReward: values.blockReward }));
        use.disabled = false;
      } else figure('poolPower', null);
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
