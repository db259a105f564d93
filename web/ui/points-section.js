// The "Points" section (SPEC 7): check-in history, weight and session reward as you type; a
// session simulator with its own clock and the 24 h rule; a projection over N days. What it
// computes and says comes from points-state.js; this file puts it in the page and wires events.
import { CbmError } from '../lib/cbmcalc.js';
import { DAY, compressDays, dayText, expandDays, parseDay } from './dates.js';
import { downloadCsv, downloadJson } from './export.js';
import { explainSource } from './how.js';
import { showFigure, showText, tableRow } from './figures.js';
import { formatAmount, formatDate, formatDateTime, formatDuration } from './format.js';
import { debounce, runForm, setDisabled, valuesOf } from './forms.js';
import { announceFigures } from './announce.js';
import {
  ACCOUNT_KEY,
  CLOCK_KEY,
  historyRuns,
  historySummary,
  lastDays,
  linkTotalOffer,
  milestoneRows,
  pointsFigures,
  pointsStore,
  projectPoints,
  projectionChart,
  projectionRequest,
  projectionTable,
  refusal,
  sessionView,
  sessionWeight,
  withPasted,
  withStreak,
} from './points-state.js';
import { shareList } from './share.js';

const $ = (id) => document.getElementById(id);
// localStorage itself can throw (storage blocked): read inside the store's guards.
const browserStorage = { getItem: (key) => localStorage.getItem(key), setItem: (key, value) => localStorage.setItem(key, value) };

export function setUpPoints(cbm, { onChange = () => {} } = {}) {
  const form = document.querySelector('[data-form=points]');
  const notes = []; // what went wrong with the stored state, said with the next message
  const stored = pointsStore(cbm, browserStorage, notes);
  // The section's state. The simulator's clock, which the whole section follows: its day is the
  // day the streak, the weight and the check-ins are of (today, unless the clock was moved on).
  const s = {
    offset: stored.offset() ?? 0, // seconds the simulated clock is ahead
    now: () => Math.floor(Date.now() / 1000) + s.offset,
    day: () => Math.floor(s.now() / DAY) * DAY,
    checkins: [], // by default, every day of the last 30
    linkTooLong: false, // a shared link held more days than a history can
    figures: null, // pointsFigures of the valid inputs
    account: stored.account(),
    unsaved: false, // the last write failed: this tab's account is the one, not the stored
  };
  s.checkins = lastDays(s.day(), 30);
  const total = totalField();
  const message = messageLine(notes);

  // The formula's values beside the seed's contradicting table.
  for (const hours of [2, 8, 24]) showFigure($(`points-${hours}h`), cbm.pointsReward({ elapsedSeconds: hours * 3600, weight: 1 }));

  function calculate() {
    const ok = runForm(form, ({ totalPoints, invites, hours }) => {
      const dayName = s.offset ? `on ${formatDate(s.day())}` : 'today';
      s.figures = pointsFigures(cbm, {
        checkins: s.checkins,
        day: dayText(s.day()),
        dayName,
        totalPoints: total.exact(totalPoints),
        invites,
        hours,
      });
      renderFigures(s.figures, dayName);
      announceFigures(form, 'Points', [
        ['mining weight', 'p-weight'],
        ['points for this session', 'p-reward'],
      ]);
    });
    if (!ok) {
      s.figures = null;
      for (const id of ['p-weight', 'p-checkin', 'p-points', 'p-invitesWeight', 'p-reward']) showFigure($(id), null);
    }
  }
  const projection = setUpProjection(cbm, s, onChange);
  // After a change of the days or of the total: the figures now, the projection after a pause.
  const changed = () => {
    calculate();
    projection.later();
    onChange();
  };
  const history = setUpHistory(cbm, s, changed);
  const session = setUpSession(cbm, { s, stored, total, message, calculate, checkIn: (day) => history.set([...s.checkins, day]) });
  session.onTotal(changed); // a stopped session's reward goes back into the Total points field
  explainSource('points', () => s.figures && { call: 'points', input: s.figures.session });
  form.addEventListener('input', (e) => {
    total.typed(e.target);
    changed();
    if (e.target.name === 'totalPoints') {
      $('p-linkTotal').replaceChildren(); // the user chose a total
      session.followTotal();
    }
  });
  form.addEventListener('submit', (e) => e.preventDefault());

  return {
    /** Draws everything from the current inputs (after a shared link was applied): a stored
     * account's total in the Total points field, a link's total offered beside it. */
    refresh() {
      history.render();
      offerLinkTotal(cbm, { s, form, total, message, followTotal: session.followTotal });
      s.account ??= cbm.newAccount(); // none stored: a new one, with the field's total
      calculate();
      session.followTotal();
      session.render();
      projection.run();
      if (message.pending()) message.say('');
    },
  };
}

/** The figures of the section's day: the streak (also in its field, unless it is being typed
 * in), the weight and its parts, the session's reward. */
function renderFigures(figures, dayName) {
  const streakInput = $('p-streakDays');
  $('p-streakDays-day').textContent = $('p-streak-day').textContent = dayName;
  if (document.activeElement !== streakInput) {
    streakInput.value = String(figures.streak.days);
    streakInput.removeAttribute('aria-invalid');
    $('p-streakDays-error').textContent = '';
  }
  showText($('p-streak'), figures.streakText, figures.streak.days);
  const w = figures.weight;
  showFigure($('p-weight'), w.weight);
  showFigure($('p-checkin'), w.checkin);
  showFigure($('p-points'), w.points);
  showFigure($('p-invitesWeight'), w.invites);
  showFigure($('p-reward'), figures.reward);
}

/** The Total points field shows the account's total to 2 decimals; its 18 stay beside it, said
 * under the field and used for the figures while the field shows their rounding. */
function totalField() {
  const field = $('p-totalPoints');
  const rounded = (exact) => formatAmount(exact, 'points2', 'en-US');
  const note = $('p-totalPoints-exact');
  /** The total the figures use: the account's exact one while the field shows its rounding. */
  const exact = (text) => {
    const held = field.dataset.exact;
    return held !== undefined && text === rounded(held) ? held : text;
  };
  return {
    field,
    exact,
    show(total) {
      field.value = rounded(total);
      field.dataset.exact = total;
      note.textContent = field.value === total ? '' : `Exactly ${total} points, as the account holds them.`;
    },
    /** An input event at `target`: a total typed is the field's own (the account's decimals are
     * not this one's). */
    typed(target) {
      if (target !== field || exact(field.value) !== field.value) return;
      delete field.dataset.exact;
      note.textContent = '';
    },
  };
}

/** The simulator's message line: says a text, and after it what went wrong with the stored
 * state (`notes`), if anything did. */
function messageLine(notes) {
  const line = $('ses-message');
  let said = { text: '', tone: '' };
  function say(text, tone = '') {
    said = { text, tone };
    const wrong = [...new Set(notes.splice(0))].join(' ');
    line.textContent = [text, wrong].filter(Boolean).join(' ');
    line.className = `status ${wrong ? 'bad' : tone}`;
  }
  return {
    say,
    /** Says the last text again (with what went wrong since). */
    repeat: () => say(said.text, said.tone),
    /** Whether something went wrong that is not said yet. */
    pending: () => notes.length > 0,
  };
}

/** The check-in history: its list (a run a line, each removable), the day picker, the streak
 * field, the paste box, and the link's list. `changed()` after each change of the days. */
function setUpHistory(cbm, s, changed) {
  const maxDays = cbm.limits().checkins;
  const list = $('p-history');
  function render() {
    list.replaceChildren(
      ...historyRuns(s.checkins).map(({ run, text }) => {
        const li = document.createElement('li');
        const label = document.createElement('span');
        label.textContent = text;
        const remove = document.createElement('button');
        remove.type = 'button';
        remove.textContent = '×';
        remove.setAttribute('aria-label', `Remove ${text}`);
        remove.addEventListener('click', () => {
          const gone = new Set(expandDays(run).days);
          set(s.checkins.filter((d) => !gone.has(d)));
          (list.querySelector('button') ?? $('p-checkinDate')).focus();
        });
        li.append(label, remove);
        return li;
      }),
    );
    $('p-history-summary').textContent = historySummary(s.checkins, { maxDays, linkTooLong: s.linkTooLong });
  }
  function set(days) {
    s.checkins = [...new Set(days)].sort();
    s.linkTooLong = false;
    render();
    changed();
  }
  $('p-addDay').addEventListener('click', () => {
    const day = $('p-checkinDate').value;
    if (parseDay(day) !== null) set([...s.checkins, day]);
  });
  // A plain streak typed in; the form's input listener then recomputes everything.
  const streakInput = $('p-streakDays');
  streakInput.addEventListener('input', () => {
    const { checkins, error } = withStreak(s.checkins, streakInput.value.trim(), s.day());
    markField(streakInput, $('p-streakDays-error'), error);
    if (error) return;
    s.checkins = checkins;
    render();
  });
  $('p-addPasted').addEventListener('click', () => {
    const paste = $('p-paste');
    const { checkins, error, clear } = withPasted(s.checkins, paste.value, maxDays);
    markField(paste, $('p-paste-error'), error);
    if (clear) paste.value = '';
    if (checkins) set(checkins);
  });
  $('p-clearDays').addEventListener('click', () => set([]));
  $('p-checkinDate').value = dayText(s.day());
  // Always in a shared link ("none" when empty): "the last 30 days" means the sharer's days.
  shareList('p.ci', {
    get: () => compressDays(s.checkins) || 'none',
    set: (text) => {
      const { days, over } = text === 'none' ? { days: [], over: false } : expandDays(text, maxDays);
      s.checkins = days;
      s.linkTooLong = over;
    },
  });
  return { render, set };
}

/** Marks `field` invalid with `error` at `errorLine`, or clears it ('' : valid). */
function markField(field, errorLine, error) {
  if (error) field.setAttribute('aria-invalid', 'true');
  else field.removeAttribute('aria-invalid');
  errorLine.textContent = error;
}

/** The session simulator: start, stop, a new account, the clock moved on or back to real time,
 * a check-in on its day; the account and clock stored, and kept in step with other tabs. */
function setUpSession(cbm, { s, stored, total, message, calculate, checkIn }) {
  let onTotal = () => {};
  /** Moves the clock forward to the account's last start or collection if it is behind it (the
   * clock was moved back, or another tab moved it on): before that moment the rules could only
   * refuse. Returns whether it moved. */
  function keepClockAfterAccount() {
    const { account } = s;
    const last = Math.max(account?.session?.startedAt ?? 0, account?.lastStartedAt ?? 0, account?.lastCollectedAt ?? 0);
    if (last <= s.now()) return false;
    s.offset += last - s.now();
    return true;
  }
  /** The account and clock another tab may have stored since: the newest state is the stored
   * one, so nothing collected there is written over here. Not after a failed write: then the
   * stored state is older than this tab's. */
  function reload() {
    if (s.unsaved) return;
    s.account = stored.account() ?? s.account;
    s.offset = stored.offset() ?? s.offset;
    keepClockAfterAccount();
  }
  const save = () => !(s.unsaved = !stored.save(s.account, s.offset));
  function render() {
    keepClockAfterAccount();
    const view = sessionView(cbm, s.account, s.now(), s.offset);
    $('ses-clock').textContent = view.clock;
    for (const [name, [text, value]] of Object.entries(view.texts)) showText($(`ses-${name}`), text, value);
    for (const [name, value] of Object.entries(view.figures)) showFigure($(`ses-${name}`), value);
    $('ses-checkin').textContent = view.checkin;
    $('ses-start').disabled = false;
    setDisabled($('ses-stop'), !view.active, $('ses-start'));
  }
  /** The account's total into the Total points field, if it differs. */
  function showTotal() {
    if (total.exact(total.field.value) === s.account.totalPoints) return;
    total.show(s.account.totalPoints);
    onTotal();
  }
  window.addEventListener('storage', (e) => {
    if (e.key !== ACCOUNT_KEY && e.key !== CLOCK_KEY && e.key !== null) return;
    reload();
    if (!s.account) return; // not set up yet: refresh() reads the stored state
    showTotal();
    render();
    if (message.pending()) message.say('');
  });
  function act(fn) {
    reload();
    try {
      fn();
      if (!save()) message.repeat(); // and that it could not be kept
    } catch (e) {
      if (!(e instanceof CbmError)) throw e;
      message.say(refusal(e), 'bad');
    }
    render();
    calculate(); // the clock may be on another day now: the streak and weight are that day's
  }
  sessionButtons(cbm, { s, message, total, act, showTotal, keepClockAfterAccount, checkIn });
  // The live estimate ticks while a session runs.
  setInterval(() => s.account?.session && render(), 1000);
  return {
    render,
    onTotal: (fn) => (onTotal = fn),
    /** Typing a total sets the account's. */
    followTotal() {
      if (!s.figures || !s.account || s.account.totalPoints === s.figures.totalPoints) return;
      s.account = cbm.checkAccount({ account: { ...s.account, totalPoints: s.figures.totalPoints } });
      if (!save()) message.say('');
      render();
    },
  };
}

/** The simulator's buttons, each an `act` (what it does is stored, said, drawn). */
function sessionButtons(cbm, { s, message, total, act, showTotal, keepClockAfterAccount, checkIn }) {
  const on = (id, fn) => $(id).addEventListener('click', () => act(fn));
  on('ses-start', () => {
    const { weight, why } = sessionWeight(cbm, { figures: s.figures, account: s.account, checkins: s.checkins, now: s.now() });
    s.account = cbm.startSession({ account: s.account, now: s.now(), weight });
    message.say(`Mining started at ${formatDateTime(s.now())} with weight ${formatAmount(weight, 'plain')}${why}.`, 'good');
  });
  on('ses-stop', () => {
    const out = cbm.stopSession({ account: s.account, now: s.now() });
    s.account = out.account;
    showTotal();
    message.say(
      `Mining stopped: ${formatAmount(out.reward, 'points')} collected (${out.reward} exactly); total points are now ${formatAmount(s.account.totalPoints, 'points')}.`,
      'good',
    );
  });
  on('ses-reset', () => {
    s.account = cbm.newAccount({ totalPoints: valuesOf(total.field.form).totalPoints || '0' });
    message.say(`New account with ${formatAmount(s.account.totalPoints, 'points')}.`);
  });
  for (const button of document.querySelectorAll('[data-advance]'))
    button.addEventListener('click', () =>
      act(() => {
        s.offset += Number(button.dataset.advance);
        message.say(`The clock moved ${formatDuration(Number(button.dataset.advance))} ahead.`);
      }),
    );
  on('ses-checkin', () => {
    checkIn(dayText(s.now()));
    message.say(`Checked in on ${formatDate(s.now())}.`);
  });
  on('ses-realtime', () => {
    s.offset = 0;
    message.say(
      keepClockAfterAccount()
        ? `The clock can go back only to ${formatDateTime(s.now())}, the account's last start or collection; it runs on from there.`
        : 'The clock is back to real time.',
    );
  });
}

/** A link's total points are offered, never applied: a link carries its sender's total, and the
 * account is the user's. The field shows the account's total until the user chooses. */
function offerLinkTotal(cbm, { s, form, total, message, followTotal }) {
  const offer = $('p-linkTotal');
  const linked = total.field.value.trim();
  const fromLink = s.account && total.field.value !== total.field.defaultValue;
  if (s.account) total.show(s.account.totalPoints);
  const offered = fromLink ? linkTotalOffer(cbm, s.account, linked) : null;
  if (!offered) return offer.replaceChildren();
  const button = (label, fn) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'secondary small';
    b.textContent = label;
    b.addEventListener('click', () => {
      fn();
      offer.replaceChildren();
      total.field.focus();
    });
    return b;
  };
  const text = document.createElement('span');
  text.textContent = offered.text;
  const use = () => {
    total.field.value = offered.total;
    form.dispatchEvent(new Event('input', { bubbles: true }));
    followTotal();
    message.say(`Total points set to the link's, ${formatAmount(offered.total, 'points')}.`);
  };
  offer.replaceChildren(
    text,
    ...(offered.total === null ? [] : [button("Use the link's total", use)]),
    button(offered.total === null ? 'Dismiss' : 'Keep mine', () => {}),
  );
}

/** The projection over N days from the simulator's day: its week masks, figures, tier changes,
 * chart and exports. `run()` now, `later()` after a pause. */
function setUpProjection(cbm, s, onChange) {
  const projForm = document.querySelector('[data-form=projection]');
  const weekdayName = new Intl.DateTimeFormat(undefined, { weekday: 'short', timeZone: 'UTC' });
  for (const [fieldset, prefix] of [
    [$('r-checkinDays'), 'ci'],
    [$('r-sessionDays'), 'se'],
  ])
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
  let projected = null;
  let chart = null;
  function run() {
    const ok = runForm(projForm, (values) => {
      const input = projectionRequest(values, { checkins: s.checkins, from: dayText(s.day()), figures: s.figures });
      const out = projectPoints(cbm, input);
      projected = { input, out };
      renderProjection(out);
    });
    if (!ok) {
      projected = null;
      showFigure($('r-total'), null);
      showFigure($('r-weight'), null);
      $('r-milestones').tBodies[0].replaceChildren();
    }
  }
  async function renderProjection(out) {
    showFigure($('r-total'), out.days.at(-1).totalPoints);
    showFigure($('r-weight'), out.days.at(-1).weight);
    renderMilestones(out);
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
    const { x, points, weight, ...drawn } = projectionChart(out, sampleIndices(out.days.length, 30));
    chart.set([x, points, weight], drawn);
  }
  const later = debounce(run, 100);
  projForm.addEventListener('input', () => {
    later();
    onChange();
  });
  projForm.addEventListener('submit', (e) => e.preventDefault());
  document.querySelector('[data-export=points-csv]').addEventListener('click', () => {
    if (!projected) return;
    const { columns, rows } = projectionTable(projected.out);
    downloadCsv('cbmcalc-points.csv', columns, rows);
  });
  document.querySelector('[data-export=points-json]').addEventListener('click', () => {
    if (projected) downloadJson('cbmcalc-points.json', { generator: `cbmcalc ${cbm.version}`, input: projected.input, ...projected.out });
  });
  return { run, later };
}

/** The projection's tier changes, the total weight's rows marked; a line when there are none. */
function renderMilestones(out) {
  const rows = milestoneRows(out).map(({ cells, total }) => {
    const tr = tableRow(cells);
    tr.cells[1].className = 'text';
    if (total) tr.className = 'total';
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
  $('r-milestones').tBodies[0].replaceChildren(...rows);
}
