// The "Points" section (SPEC 7): check-in history, weight and session reward as you type; a
// session simulator with its own clock and the 24 h rule; a projection over N days.
import { CbmError } from '../lib/cbmcalc.js';
import { DAY, compressDays, dayText, expandDays, parseDay, today as todayUtc } from './dates.js';
import { downloadCsv, downloadJson } from './export.js';
import { showFigure, showText } from './figures.js';
import { formatAmount, formatDate, formatDateTime, formatDuration } from './format.js';
import { debounce, runForm, setDisabled, valuesOf } from './forms.js';
import { shareList } from './share.js';

const $ = (id) => document.getElementById(id);
const ACCOUNT_KEY = 'cbmcalc.points.account';
const CLOCK_KEY = 'cbmcalc.points.clockOffset';
const factorNames = { checkin: 'Check-in streak', points: 'Total points', invites: 'Invites', weight: 'Total weight' };

function storage(key, value) {
  try {
    if (value === undefined) return localStorage.getItem(key);
    localStorage.setItem(key, value);
  } catch {
    // Blocked storage: the simulator still works for this visit.
  }
  return null;
}

/** Hours as whole seconds, checked. */
function hoursToSeconds(text, field) {
  const t = String(text).trim();
  const hours = Number(t);
  if (t === '' || !(hours >= 0) || hours > 8760)
    throw new CbmError(`${field}: must be a number of hours from 0 to 8760, got "${t}"`, { field });
  return Math.round(hours * 3600);
}

export function setUpPoints(cbm, { onChange = () => {} } = {}) {
  const form = document.querySelector('[data-form=points]');

  // The formula's values beside the seed's contradicting table.
  for (const hours of [2, 8, 24]) showFigure($(`points-${hours}h`), cbm.pointsReward({ elapsedSeconds: hours * 3600, weight: 1 }));

  // --- check-in history ---
  // By default the user has checked in every day for the last 30 days. The list is always in a
  // shared link ("none" when empty): "the last 30 days" means the sharer's days.
  const lastDays = (n) => Array.from({ length: n }, (_, k) => dayText(todayUtc() - k * DAY)).reverse();
  let checkins = lastDays(30);
  const history = $('p-history');
  function setCheckins(days) {
    checkins = [...new Set(days)].sort();
    renderHistory();
    calculate();
    projection.later();
    onChange();
  }
  function renderHistory() {
    const runs = compressDays(checkins).split(',').filter(Boolean);
    history.replaceChildren(
      ...runs.map((run) => {
        const [from, to = from] = run.split('~');
        const li = document.createElement('li');
        const count = (parseDay(to) - parseDay(from)) / DAY + 1;
        const text =
          from === to ? formatDate(parseDay(from)) : `${formatDate(parseDay(from))} – ${formatDate(parseDay(to))} (${count} days)`;
        const label = document.createElement('span');
        label.textContent = text;
        const remove = document.createElement('button');
        remove.type = 'button';
        remove.textContent = '×';
        remove.setAttribute('aria-label', `Remove ${text}`);
        remove.addEventListener('click', () => {
          const gone = new Set(expandDays(run).days);
          setCheckins(checkins.filter((d) => !gone.has(d)));
          (history.querySelector('button') ?? $('p-checkinDate')).focus();
        });
        li.append(label, remove);
        return li;
      }),
    );
    $('p-history-summary').textContent = checkins.length
      ? `${checkins.length} check-in ${checkins.length === 1 ? 'day' : 'days'}, from ${formatDate(parseDay(checkins[0]))} to ${formatDate(parseDay(checkins.at(-1)))}.`
      : 'No check-ins yet.';
  }
  $('p-addDay').addEventListener('click', () => {
    const day = $('p-checkinDate').value;
    if (parseDay(day) !== null) setCheckins([...checkins, day]);
  });
  $('p-fill').addEventListener('click', () => {
    const n = Math.min(3650, Math.max(0, Math.floor(Number($('p-fillDays').value)) || 0));
    setCheckins([...checkins, ...lastDays(n)]);
  });
  $('p-addPasted').addEventListener('click', () => {
    const paste = $('p-paste');
    const { days, bad } = expandDays(paste.value);
    const error = $('p-paste-error');
    if (bad.length) {
      paste.setAttribute('aria-invalid', 'true');
      error.textContent = `Not a day: ${bad.slice(0, 3).join(', ')}${bad.length > 3 ? ` and ${bad.length - 3} more` : ''}. Write days as YYYY-MM-DD.`;
    } else {
      paste.removeAttribute('aria-invalid');
      error.textContent = '';
      paste.value = '';
    }
    if (days.length) setCheckins([...checkins, ...days]);
  });
  $('p-clearDays').addEventListener('click', () => setCheckins([]));
  $('p-checkinDate').value = dayText(todayUtc());
  shareList('p.ci', {
    get: () => compressDays(checkins) || 'none',
    set: (text) => (checkins = text === 'none' ? [] : expandDays(text).days),
  });

  // --- weight and session reward, on every keystroke ---
  const weightOutputs = ['p-weight', 'p-checkin', 'p-points', 'p-invitesWeight', 'p-reward'];
  let current = null; // { streakDays, weight } of the valid figures
  function calculate() {
    const ok = runForm(form, ({ totalPoints, invites, hours }) => {
      const streak = cbm.streak({ checkins, on: dayText(todayUtc()) });
      showText(
        $('p-streak'),
        `${streak.days} ${streak.days === 1 ? 'day' : 'days'}${streak.checkedInOnDay || streak.days === 0 ? '' : ' (check in today to keep it)'}`,
        streak.days,
      );
      const w = cbm.pointsWeight({ streakDays: streak.days, totalPoints, invites });
      showFigure($('p-weight'), w.weight);
      showFigure($('p-checkin'), w.checkin);
      showFigure($('p-points'), w.points);
      showFigure($('p-invitesWeight'), w.invites);
      current = { totalPoints, invites };
      showFigure($('p-reward'), cbm.pointsReward({ elapsedSeconds: hoursToSeconds(hours, 'hours'), weight: w.weight }));
    });
    if (!ok) {
      current = null;
      for (const id of weightOutputs) showFigure($(id), null);
    }
  }
  form.addEventListener('input', () => {
    calculate();
    projection.later();
    onChange();
  });
  form.addEventListener('submit', (e) => e.preventDefault());

  // --- session simulator ---
  let offset = Number(storage(CLOCK_KEY)) || 0; // seconds the simulated clock is ahead
  const now = () => Math.floor(Date.now() / 1000) + offset;
  let account = loadAccount();
  function loadAccount() {
    try {
      const stored = JSON.parse(storage(ACCOUNT_KEY) ?? 'null');
      if (stored) return cbm.checkAccount({ account: stored });
    } catch {
      // A damaged or old account: start a new one.
    }
    return cbm.newAccount({ totalPoints: valuesOf(form).totalPoints || '0' });
  }
  function save() {
    storage(ACCOUNT_KEY, JSON.stringify(account));
    storage(CLOCK_KEY, String(offset));
  }
  const message = $('ses-message');
  function say(text, tone = '') {
    message.textContent = text;
    message.className = `status ${tone}`;
  }
  function sessionWeight() {
    if (!current) throw new CbmError('Fix the figures above first: the weight comes from them.', { code: 'NOT_ALLOWED' });
    const streak = cbm.streak({ checkins, on: dayText(now()) });
    return cbm.pointsWeight({ streakDays: streak.days, totalPoints: account.totalPoints, invites: current.invites }).weight;
  }
  function act(fn) {
    try {
      fn();
      save();
    } catch (e) {
      if (!(e instanceof CbmError)) throw e;
      say(e.message, 'bad'); // the rule's own words: what is running, when the next start is allowed
    }
    renderSession();
  }
  $('ses-start').addEventListener('click', () =>
    act(() => {
      const weight = sessionWeight();
      account = cbm.startSession({ account, now: now(), weight });
      say(`Mining started at ${formatDateTime(now())} with weight ${formatAmount(weight, 'plain')}.`, 'good');
    }),
  );
  $('ses-stop').addEventListener('click', () =>
    act(() => {
      const out = cbm.stopSession({ account, now: now() });
      account = out.account;
      say(`Mining stopped: ${formatAmount(out.reward, 'points')} collected (${out.reward} exactly).`, 'good');
    }),
  );
  $('ses-reset').addEventListener('click', () =>
    act(() => {
      account = cbm.newAccount({ totalPoints: valuesOf(form).totalPoints || '0' });
      say(`New account with ${formatAmount(account.totalPoints, 'points')}.`);
    }),
  );
  for (const button of document.querySelectorAll('[data-advance]')) {
    button.addEventListener('click', () =>
      act(() => {
        offset += Number(button.dataset.advance);
        say(`The clock moved ${formatDuration(Number(button.dataset.advance))} ahead.`);
      }),
    );
  }
  $('ses-realtime').addEventListener('click', () =>
    act(() => {
      offset = 0;
      say('The clock is back to real time.');
    }),
  );

  function renderSession() {
    const t = now();
    const s = cbm.sessionStatus({ account, now: t });
    $('ses-clock').textContent = `${formatDateTime(t)}${offset ? ` (${formatDuration(offset)} ahead)` : ''}`;
    showText($('ses-state'), s.active ? 'Mining in progress' : 'Not mining', s.active ? 'active' : 'idle');
    showText($('ses-startedAt'), s.active ? formatDateTime(s.startedAt) : '—', s.startedAt);
    showText(
      $('ses-elapsed'),
      s.active ? `${formatDuration(s.elapsedSeconds)}${s.elapsedSeconds > 86400 ? ' (counted up to 24 h)' : ''}` : '—',
      s.elapsedSeconds,
    );
    showFigure($('ses-estimate'), s.estimatedPoints);
    showFigure($('ses-weight'), s.weight);
    showFigure($('ses-lastReward'), s.lastReward);
    showText($('ses-lastCollectedAt'), s.lastCollectedAt === null ? '—' : formatDateTime(s.lastCollectedAt), s.lastCollectedAt);
    const wait = s.nextStartAt - t;
    showText(
      $('ses-nextStartAt'),
      s.active
        ? 'after you stop, and 24 h after the last start'
        : wait > 0
          ? `${formatDateTime(s.nextStartAt)} (in ${formatDuration(wait)})`
          : 'now',
      s.nextStartAt,
    );
    showFigure($('ses-total'), account.totalPoints);
    $('ses-start').disabled = false;
    setDisabled($('ses-stop'), !s.active, $('ses-start'));
  }
  // The live estimate ticks while a session runs.
  setInterval(() => account.session && renderSession(), 1000);

  // --- projection ---
  const projForm = document.querySelector('[data-form=projection]');
  const weekdayName = new Intl.DateTimeFormat(undefined, { weekday: 'short', timeZone: 'UTC' });
  for (const [fieldset, prefix] of [
    [$('r-checkinDays'), 'ci'],
    [$('r-sessionDays'), 'se'],
  ]) {
    for (let d = 0; d < 7; d++) {
      const label = document.createElement('label');
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.name = `${prefix}${d}`;
      box.checked = box.defaultChecked = true;
      // 2024-01-01 was a Monday: masks are Monday first.
      label.append(box, ` ${weekdayName.format(new Date(Date.UTC(2024, 0, 1 + d)))}`);
      fieldset.append(label);
    }
  }
  let projected = null;
  let chart = null;
  const projection = {
    run() {
      const ok = runForm(projForm, (values) => {
        if (!current) throw new CbmError('days: fix the figures above first (total points, invites)', { field: 'days' });
        const mask = (prefix) => Array.from({ length: 7 }, (_, d) => (values[`${prefix}${d}`] ? '1' : '0')).join('');
        const input = {
          checkins,
          from: dayText(todayUtc()),
          days: values.days,
          totalPoints: current.totalPoints,
          invites: current.invites,
          invitesPerWeek: values.invitesPerWeek,
          sessionSeconds: hoursToSeconds(values.sessionHours, 'sessionHours'),
          checkinWeekdays: mask('ci'),
          sessionWeekdays: mask('se'),
        };
        let out;
        try {
          out = cbm.pointsProjection(input);
        } catch (e) {
          if (e instanceof CbmError && e.field === 'sessionSeconds')
            throw new CbmError(e.message.replace('sessionSeconds', 'sessionHours'), { field: 'sessionHours' });
          throw e;
        }
        projected = { input, out };
        renderProjection(out);
      });
      if (!ok) {
        projected = null;
        showFigure($('r-total'), null);
        showFigure($('r-weight'), null);
        $('r-milestones').tBodies[0].replaceChildren();
      }
    },
    later: debounce(() => projection.run(), 100),
  };
  projForm.addEventListener('input', () => {
    projection.later();
    onChange();
  });
  projForm.addEventListener('submit', (e) => e.preventDefault());

  async function renderProjection(out) {
    const last = out.days.at(-1);
    showFigure($('r-total'), last.totalPoints);
    showFigure($('r-weight'), last.weight);
    const body = $('r-milestones').tBodies[0];
    const rows = out.milestones.map((m) => {
      const tr = document.createElement('tr');
      const cells = [formatDate(parseDay(m.date)), factorNames[m.factor] ?? m.factor, formatAmount(m.weight, 'plain')];
      cells.forEach((text, k) => {
        const cell = document.createElement(k === 0 ? 'th' : 'td');
        if (k === 0) cell.scope = 'row';
        if (k === 1) cell.className = 'text';
        cell.textContent = text;
        tr.append(cell);
      });
      if (m.factor === 'weight') tr.className = 'total';
      return tr;
    });
    if (!rows.length) {
      const tr = document.createElement('tr');
      const td = document.createElement('td');
      td.colSpan = 3;
      td.textContent = 'No tier changes in this period.';
      tr.append(td);
      rows.push(tr);
    }
    body.replaceChildren(...rows);

    const { Chart, sampleIndices } = await import('./charts.js');
    if (projected?.out !== out) return;
    chart ??= new Chart(document.querySelector('[data-chart=points]'), {
      series: [
        { label: 'Total points', color: '--c1', scale: 'points', format: (v) => formatAmount(String(v), 'points') },
        { label: 'Weight', color: '--c2', scale: 'weight', stepped: true },
      ],
      scales: {
        points: { label: 'Points', side: 3 },
        weight: { label: 'Weight', side: 1, range: (u, min, max) => [0, Math.max(1, Math.ceil(max))] },
      },
    });
    const x = Float64Array.from(out.days, (d) => parseDay(d.date));
    const sample = sampleIndices(out.days.length, 30);
    chart.set([x, Float64Array.from(out.days, (d) => Number(d.totalPoints)), Float64Array.from(out.days, (d) => Number(d.weight))], {
      marks: out.milestones
        .filter((m) => m.factor === 'weight')
        .map((m) => ({ t: parseDay(m.date), label: `weight ${formatAmount(m.weight, 'plain')}` })),
      summary: `Chart over ${out.days.length} days: total points grow from ${formatAmount(out.days[0].totalPoints, 'points')} to ${formatAmount(last.totalPoints, 'points')}; the weight steps from ${formatAmount(out.days[0].weight, 'plain')} to ${formatAmount(last.weight, 'plain')}.`,
      table: {
        columns: ['Date', 'Checked in', 'Streak', 'Weight', 'Points that day', 'Total points'],
        rows: sample.map((i) => {
          const d = out.days[i];
          return [
            formatDate(parseDay(d.date)),
            d.checkedIn ? 'yes' : 'no',
            String(d.streakDays),
            formatAmount(d.weight, 'plain'),
            formatAmount(d.reward, 'points'),
            formatAmount(d.totalPoints, 'points'),
          ];
        }),
      },
    });
  }

  const projectionColumns = [
    'date',
    'checked_in',
    'streak_days',
    'invites',
    'weight',
    'checkin_weight',
    'points_weight',
    'invites_weight',
    'reward',
    'total_points',
  ];
  document.querySelector('[data-export=points-csv]').addEventListener('click', () => {
    if (!projected) return;
    downloadCsv(
      'cbmcalc-points.csv',
      projectionColumns,
      projected.out.days.map((d) => [
        d.date,
        d.checkedIn ? 1 : 0,
        d.streakDays,
        d.invites,
        d.weight,
        d.checkinWeight,
        d.pointsWeight,
        d.invitesWeight,
        d.reward,
        d.totalPoints,
      ]),
    );
  });
  document.querySelector('[data-export=points-json]').addEventListener('click', () => {
    if (projected) downloadJson('cbmcalc-points.json', { generator: `cbmcalc ${cbm.version}`, input: projected.input, ...projected.out });
  });

  return {
    /** Draws everything from the current inputs (after a shared link was applied). */
    refresh() {
      renderHistory();
      calculate();
      renderSession();
      projection.run();
    },
  };
}
