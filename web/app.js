// The page: wires the calculators to the cbmcalc API.
import { load } from './lib/cbmcalc.js';
import { showFigure } from './ui/figures.js';
import { live, showError } from './ui/forms.js';

const cbm = await load();
document.getElementById('version').textContent = cbm.version;

const figure = (id, value) => showFigure(document.getElementById(id), value);
const clear = (ids) => ids.forEach((id) => figure(id, null));

// --- APR ---
const aprOutputs = ['aprPercent', 'netGainPercent', 'yearlyReward', 'yearlyRewardUsd', 'contributionUsd', 'netGainUsd'];
const aprForm = document.querySelector('[data-form=apr]');
live(aprForm, (values) => {
  clear(aprOutputs.map((k) => `apr-${k}`));
  const result = cbm.apr(values);
  for (const key of aprOutputs) figure(`apr-${key}`, result[key]);
});

// --- Points ---
const pointsForm = document.querySelector('[data-form=points]');
live(pointsForm, ({ streakDays, totalPoints, invites, hours }) => {
  clear(['points-weight', 'points-checkin', 'points-points', 'points-invitesWeight', 'points-reward']);
  const w = cbm.pointsWeight({ streakDays, totalPoints, invites });
  figure('points-weight', w.weight);
  figure('points-checkin', w.checkin);
  figure('points-points', w.points);
  figure('points-invitesWeight', w.invites);
  const seconds = Math.round(Number(hours) * 3600);
  if (hours === '' || !Number.isFinite(seconds) || seconds < 0) {
    showError(pointsForm, 'hours', 'hours: must be a number of hours >= 0');
    return;
  }
  figure('points-reward', cbm.pointsReward({ elapsedSeconds: seconds, weight: w.weight }));
});

document.documentElement.dataset.ready = 'true';
