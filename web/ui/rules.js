// The pool rules a form describes: an emission schedule from the presets (SPEC 1, each with its
// source, from cbm.presets()) and the amortization model (SPEC 3), as the `rules` object of
// cbm.emission() and cbm.simulatePool(). Shared by the page and the widget.
import { CbmError } from '../lib/cbmcalc.js';
import { YEAR } from './dates.js';
import { plainNumber } from './numbers.js';

function years(text, field, { optional = false } = {}) {
  if (String(text ?? '').trim() === '' && optional) return null;
  const expects = 'must be a number of years > 0';
  const x = plainNumber(text, field, expects);
  if (x <= 0) throw new CbmError(`${field}: ${expects}, got "${String(text).trim()}"`, { field });
  return Math.round(x * YEAR);
}

/**
 * Rules from form values: { schedule (a key of `presets`, the contract's by default),
 * amortization: 'linear'|'none'|'exponential', lifetime (years, blank for never with
 * none/exponential), halfLife (years) }. `presets` is cbm.presets().
 */
export function rulesFrom({ schedule = 'contract', amortization = 'linear', lifetime = '8', halfLife = '2' }, presets) {
  const preset = presets[schedule];
  if (!preset) throw new CbmError(`schedule: must be one of ${Object.keys(presets).join(', ')}, got "${schedule}"`, { field: 'schedule' });
  const rules = { ...preset.rules, amortization };
  // Linear decay needs a lifetime; the others may run forever (README: lifetime null).
  rules.lifetime = years(lifetime, 'lifetime', { optional: amortization !== 'linear' });
  if (amortization === 'exponential') rules.halfLife = years(halfLife, 'halfLife');
  return rules;
}

/** Pool seconds where the emission rate changes: each halving, and the end of emission
 * (the last stage or the cap). [{ t, label }] before `horizon`. */
export function rateChanges(cbm, rules, horizon = Infinity) {
  const pieces = cbm.emissionSchedule({ rules });
  const marks = [];
  pieces.forEach((piece, i) => {
    if (i > 0 && piece.stage !== pieces[i - 1].stage && piece.from < horizon)
      marks.push({ t: piece.from, label: `halving ${piece.stage - 1}` });
  });
  const end = pieces.at(-1)?.to;
  if (end !== undefined && end < horizon) marks.push({ t: end, label: 'emission ends' });
  return marks;
}
