// The "Points" section (SPEC 7): check-in history, weight and session reward as you type; a
// session simulator with its own clock and the 24 h rule; a projection over N days.
import { CbmError } from '../lib/cbmcalc.js';
import { DAY, compressDays, dayText, expandDays, parseDay } from './dates.js';
import { downloadCsv, downloadJson } from './export.js';
import { explainSource, showFigure, showText, tableRow } from './figures.js';
import { formatAmount, formatDate, formatDateTime, formatDuration } from './format.js';
import { debounce, runForm, setDisabled, valuesOf } from './forms.js';
import { plainNumber } from './numbers.js';
import { announceFigures } from './announce.js';
import { shareList } from './share.js';

const $ = (id) => document.getElementById(id);
const MAX_STREAK_DAYS = 3650; // the streak field's limit: ten years of days is plenty
const ACCOUNT_KEY = 'cbmcalc.points.account';
const CLOCK_KEY = 'cbmcalc.points.clockOffset';
const factorNames = { checkin: 'Check-in streak', points: 'Total points', invites: 'Invites', weight: 'Total weight' };

const NOT_SAVED = "Could not save: the browser's storage is full or blocked; this session lives in this tab only.";

/** The text stored under `key`, or null (none stored, or storage blocked). */
function readStored(key) {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

/** Stores `value` under `key`; false when the browser refuses (storage full or blocked). */
function store(key, value) {
  try {
    localStorage.setItem(key, value);
    return true;
  } catch {
    return false;
  }
}

/** Hours as whole seconds, checked. */
function hoursToSeconds(text, field) {
  const expects = `must be a number of hours from 0 to ${formatAmount(8760, 'plain')}`;
  const hours = plainNumber(text, field, expects);
  if (!(hours >= 0) || hours > 8760) throw new CbmError(`${field}: ${expects}, got "${String(text).trim()}"`, { field });
  return Math.round(hours * 3600);
}

export function setUpPoints(cbm, { onChange = () => {} } = {}) {
  const form = document.querySelector('[data-form=points]');
  // The session simulator's clock, which the whole section follows: its day is the day the
  // streak, the weight and the check-ins are of (today, unless the clock was moved on).
  const notes = []; // what went wrong with the stored state, said with the next message
  let offset = storedOffset() ?? 0; // seconds the simulated clock is ahead
  const now = () => Math.floor(Date.now() / 1000) + offset;
  const clockDay = () => Math.floor(now() / DAY) * DAY;

  // The Total points field shows the account's total to 2 decimals; its 18 stay beside it, said
  // under the field and used for the figures while the field shows their rounding.
  const totalField = $('p-totalPoints');
  const rounded = (exact) => formatAmount(exact, 'points2', 'en-US');
  function showAccountTotal(exact) {
    totalField.value = rounded(exact);
    totalField.dataset.exact = exact;
    $('p-totalPoints-exact').textContent = totalField.value === exact ? '' : `Exactly ${exact} points, as the account holds them.`;
  }
  /** The total the figures use: the account's exact one while the field shows its rounding. */
  function exactTotal(text) {
    const exact = totalField.dataset.exact;
    return exact !== undefined && text === rounded(exact) ? exact : text;
  }

  // The formula's values beside the seed's contradicting table.
  for (const hours of [2, 8, 24]) showFigure($(`points-${hours}h`), cbm.pointsReward({ elapsedSeconds: hours * 3600, weight: 1 }));

  // --- check-in history ---
  // By default the user has checked in every day for the last 30 days. The list is always in a
  // shared link ("none" when empty): "the last 30 days" means the sharer's days.
  const lastDays = (n) => Array.from({ length: n }, (_, k) => dayText(clockDay() - k * DAY)).reverse();
  let checkins = lastDays(30);
  const maxDays = cbm.limits().checkins;
  let linkTooLong = false; // a shared link held more days than a history can
  const history = $('p-history');
  function setCheckins(days) {
    checkins = [...new Set(days)].sort();
    linkTooLong = false;
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
    $('p-history-summary').textContent =
      (checkins.length
        ? `${checkins.length} check-in ${checkins.length === 1 ? 'day' : 'days'}, from ${formatDate(parseDay(checkins[0]))} to ${formatDate(parseDay(checkins.at(-1)))}.`
        : 'No check-ins yet.') +
      (linkTooLong
        ? ` The link held more than ${formatAmount(maxDays, 'plain')} days, as many as a history holds: the earliest ones are kept.`
        : '');
  }
  $('p-addDay').addEventListener('click', () => {
    const day = $('p-checkinDate').value;
    if (parseDay(day) !== null) setCheckins([...checkins, day]);
  });
  // A plain streak: the last N days checked in, the day before them not; older days stay. The
  // form's input listener then recomputes everything.
  const streakInput = $('p-streakDays');
  streakInput.addEventListener('input', () => {
    const text = streakInput.value.trim();
    const error = $('p-streakDays-error');
    if (!/^\d{1,4}$/.test(text) || Number(text) > MAX_STREAK_DAYS) {
      streakInput.setAttribute('aria-invalid', 'true');
      error.textContent = `must be a whole number of days from 0 to ${formatAmount(MAX_STREAK_DAYS, 'plain')}`;
      return;
    }
    streakInput.removeAttribute('aria-invalid');
    error.textContent = '';
    const gap = dayText(clockDay() - Number(text) * DAY);
    checkins = [...new Set([...checkins.filter((d) => d < gap), ...lastDays(Number(text))])].sort();
    renderHistory();
  });
  $('p-addPasted').addEventListener('click', () => {
    const paste = $('p-paste');
    const { days, bad, over } = expandDays(paste.value, maxDays);
    const error = $('p-paste-error');
    if (over || new Set([...checkins, ...days]).size > maxDays) {
      paste.setAttribute('aria-invalid', 'true');
      error.textContent = `A history holds at most ${formatAmount(maxDays, 'plain')} days; with these it would hold more. Nothing was added.`;
      return;
    }
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
  $('p-checkinDate').value = dayText(clockDay());
  shareList('p.ci', {
    get: () => compressDays(checkins) || 'none',
    set: (text) => {
      const { days, over } = text === 'none' ? { days: [], over: false } : expandDays(text, maxDays);
      checkins = days;
      linkTooLong = over;
    },
  });

  // --- weight and session reward, on every keystroke ---
  const weightOutputs = ['p-weight', 'p-checkin', 'p-points', 'p-invitesWeight', 'p-reward'];
  let current = null; // { streakDays, weight } of the valid figures
  function calculate() {
    const ok = runForm(form, ({ totalPoints: typed, invites, hours }) => {
      const totalPoints = exactTotal(typed);
      const streak = cbm.streak({ checkins, on: dayText(clockDay()) });
      const day = offset ? `on ${formatDate(clockDay())}` : 'today';
      $('p-streakDays-day').textContent = $('p-streak-day').textContent = day;
      if (document.activeElement !== streakInput) {
        streakInput.value = String(streak.days);
        streakInput.removeAttribute('aria-invalid');
        $('p-streakDays-error').textContent = '';
      }
      showText(
        $('p-streak'),
        `${streak.days} ${streak.days === 1 ? 'day' : 'days'}${streak.checkedInOnDay || streak.days === 0 ? '' : ` (check in ${day} to keep it)`}`,
        streak.days,
      );
      const w = cbm.pointsWeight({ streakDays: streak.days, totalPoints, invites });
      showFigure($('p-weight'), w.weight);
      showFigure($('p-checkin'), w.checkin);
      showFigure($('p-points'), w.points);
      showFigure($('p-invitesWeight'), w.invites);
      const elapsedSeconds = hoursToSeconds(hours, 'hours');
      current = { totalPoints, invites, weight: w, session: { streakDays: streak.days, totalPoints, invites, elapsedSeconds } };
      showFigure($('p-reward'), cbm.pointsReward({ elapsedSeconds, weight: w.weight }));
      announceFigures(form, 'Points', [
        ['mining weight', 'p-weight'],
        ['points for this session', 'p-reward'],
      ]);
    });
    if (!ok) {
      current = null;
      for (const id of weightOutputs) showFigure($(id), null);
    }
  }
  explainSource('points', () => current && { call: 'points', input: current.session });
  form.addEventListener('input', (e) => {
    if (e.target === totalField && exactTotal(totalField.value) === totalField.value) {
      delete totalField.dataset.exact; // a total typed: the account's decimals are not this one's
      $('p-totalPoints-exact').textContent = '';
    }
    calculate();
    if (e.target.name === 'totalPoints') {
      offer.replaceChildren(); // the user chose a total
      followTotal();
    }
    projection.later();
    onChange();
  });
  form.addEventListener('submit', (e) => e.preventDefault());

  // --- session simulator ---
  let account = storedAccount();
  let unsaved = false; // the last write failed: this tab's account is the one, not the stored
  /** Moves the clock forward to the account's last start or collection if it is behind it
   * (the clock was moved back, or another tab moved it on): before that moment the rules could
   * only refuse. Returns whether it moved. */
  function keepClockAfterAccount() {
    const last = Math.max(account?.session?.startedAt ?? 0, account?.lastStartedAt ?? 0, account?.lastCollectedAt ?? 0);
    if (last <= now()) return false;
    offset += last - now();
    return true;
  }
  /** The account and clock another tab may have stored since: the newest state is the stored
   * one, so nothing collected there is written over here. Not after a failed write: then the
   * stored state is older than this tab's. */
  function reload() {
    if (unsaved) return;
    account = storedAccount() ?? account;
    offset = storedOffset() ?? offset;
    keepClockAfterAccount();
  }
  window.addEventListener('storage', (e) => {
    if (e.key !== ACCOUNT_KEY && e.key !== CLOCK_KEY && e.key !== null) return;
    reload();
    if (!account) return; // not set up yet: refresh() reads the stored state
    showTotal();
    renderSession();
    if (notes.length) say('');
  });
  /** The stored account, checked by the core; null when none is stored or it is damaged (a
   * note says so, and a new one starts). */
  function storedAccount() {
    const text = readStored(ACCOUNT_KEY);
    if (text === null) return null;
    try {
      return cbm.checkAccount({ account: JSON.parse(text) });
    } catch {
      notes.push('The stored points account was unreadable and was started anew.');
      return null;
    }
  }
  /** The stored clock: whole seconds ahead, at which the core takes the time (a damaged one,
   * "0.5" or "1e20", would make every session call throw); null when none is stored, 0 (reset,
   * with a note) when it is unreadable. */
  function storedOffset() {
    const text = readStored(CLOCK_KEY);
    if (text === null) return null;
    if (/^\d{1,15}$/.test(text) && clockWorks(Number(text))) return Number(text);
    store(CLOCK_KEY, '0');
    notes.push('The stored simulator clock was unreadable and was reset.');
    return 0;
  }
  function clockWorks(ahead) {
    try {
      cbm.sessionStatus({ account: cbm.newAccount(), now: Math.floor(Date.now() / 1000) + ahead });
      return true;
    } catch {
      return false;
    }
  }
  /** Stores the account and the clock; a refusal is noted and leaves this tab's state in charge. */
  function save() {
    const stored = store(ACCOUNT_KEY, JSON.stringify(account)) && store(CLOCK_KEY, String(offset));
    unsaved = !stored;
    if (unsaved) notes.push(NOT_SAVED);
    return stored;
  }
  const message = $('ses-message');
  let said = { text: '', tone: '' };
  /** Says `text`, and after it what went wrong with the stored state, if anything did. */
  function say(text, tone = '') {
    said = { text, tone };
    const wrong = [...new Set(notes.splice(0))].join(' ');
    message.textContent = [text, wrong].filter(Boolean).join(' ');
    message.className = `status ${wrong ? 'bad' : tone}`;
  }
  // The account's total is the Total points field: typing there sets it, a stopped session's
  // reward goes back into the field.
  function followTotal() {
    if (!current || !account || account.totalPoints === current.totalPoints) return;
    account = cbm.checkAccount({ account: { ...account, totalPoints: current.totalPoints } });
    if (!save()) say('');
    renderSession();
  }
  function showTotal() {
    if (exactTotal(totalField.value) === account.totalPoints) return;
    showAccountTotal(account.totalPoints);
    calculate();
    projection.later();
    onChange();
  }

  // A link's total points are offered, never applied: a link carries its sender's total, and
  // the account is the user's. The field shows the account's total until the user chooses.
  const offer = $('p-linkTotal');
  /** Takes a total that a link put in the field back out of it, and offers it. */
  function offerLinkTotal() {
    const field = $('p-totalPoints');
    const linked = field.value.trim();
    if (!account || field.value === field.defaultValue) {
      if (account) showAccountTotal(account.totalPoints);
      return offer.replaceChildren();
    }
    showAccountTotal(account.totalPoints);
    let total = null;
    try {
      total = cbm.checkAccount({ account: { ...account, totalPoints: linked } }).totalPoints;
    } catch {
      // Not a number of points: said below, nothing offered.
    }
    if (total === account.totalPoints) return offer.replaceChildren();
    const yours = formatAmount(account.totalPoints, 'points');
    const text = document.createElement('span');
    text.textContent =
      total === null
        ? `This link's total points, "${linked.length > 40 ? `${linked.slice(0, 40)}...` : linked}", are not a number of points; yours, ${yours}, stay.`
        : `This link gives ${formatAmount(total, 'points')} as the total; yours is ${yours}.`;
    const use = offerButton("Use the link's total", () => {
      field.value = total;
      form.dispatchEvent(new Event('input', { bubbles: true }));
      followTotal();
      say(`Total points set to the link's, ${formatAmount(total, 'points')}.`);
    });
    offer.replaceChildren(
      text,
      ...(total === null ? [] : [use]),
      offerButton(total === null ? 'Dismiss' : 'Keep mine', () => {}),
    );
  }
  /** A button of the offer: it does `fn`, then the offer goes and the field has the focus. */
  function offerButton(label, fn) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'secondary small';
    button.textContent = label;
    button.addEventListener('click', () => {
      fn();
      offer.replaceChildren();
      $('p-totalPoints').focus();
    });
    return button;
  }
  /** The weight a session started now gets, and why it differs from the figures above: the
   * simulated clock may be on another day, where the streak is not today's. */
  function sessionWeight() {
    if (!current) throw new CbmError('Fix the figures above first: the weight comes from them.', { code: 'NOT_ALLOWED' });
    const day = dayText(now());
    const streak = cbm.streak({ checkins, on: day });
    const w = cbm.pointsWeight({ streakDays: streak.days, totalPoints: account.totalPoints, invites: current.invites });
    const why = [];
    if (w.checkin !== current.weight.checkin) {
      const missed = streak.checkedInOnDay ? '' : `, no check-in that day`;
      why.push(
        `on ${formatDate(now())} the streak is ${streak.days} ${streak.days === 1 ? 'day' : 'days'}${missed}, so check-ins weigh ${formatAmount(w.checkin, 'plain')} (${formatAmount(current.weight.checkin, 'plain')} today)`,
      );
    }
    if (w.points !== current.weight.points) why.push(`total points weigh ${formatAmount(w.points, 'plain')}`);
    return { weight: w.weight, why: why.length ? `, not ${formatAmount(current.weight.weight, 'plain')} as above: ${why.join('; ')}` : '' };
  }
  /** A refusal of the session rules in the reader's words and time zone. */
  function refusal(e) {
    const { kind, since, lastStartedAt, allowedAt } = e.problem ?? {};
    if (kind === 'session-running')
      return `A session is already running, since ${formatDateTime(Number(since))}. Stop it before starting another.`;
    if (kind === 'cooldown')
      return `Not yet: the last session started ${formatDateTime(Number(lastStartedAt))}, and the next can start ${formatDateTime(Number(allowedAt))}.`;
    if (kind === 'no-session') return 'No session is running, so there is nothing to stop.';
    return e.message;
  }
  function act(fn) {
    reload();
    try {
      fn();
      if (!save()) say(said.text, said.tone); // and that it could not be kept
    } catch (e) {
      if (!(e instanceof CbmError)) throw e;
      say(refusal(e), 'bad');
    }
    renderSession();
    calculate(); // the clock may be on another day now: the streak and weight are that day's
  }
  $('ses-start').addEventListener('click', () =>
    act(() => {
      const { weight, why } = sessionWeight();
      account = cbm.startSession({ account, now: now(), weight });
      say(`Mining started at ${formatDateTime(now())} with weight ${formatAmount(weight, 'plain')}${why}.`, 'good');
    }),
  );
  $('ses-stop').addEventListener('click', () =>
    act(() => {
      const out = cbm.stopSession({ account, now: now() });
      account = out.account;
      showTotal();
      say(
        `Mining stopped: ${formatAmount(out.reward, 'points')} collected (${out.reward} exactly); total points are now ${formatAmount(account.totalPoints, 'points')}.`,
        'good',
      );
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
  $('ses-checkin').addEventListener('click', () =>
    act(() => {
      setCheckins([...checkins, dayText(now())]);
      say(`Checked in on ${formatDate(now())}.`);
    }),
  );
  $('ses-realtime').addEventListener('click', () =>
    act(() => {
      offset = 0;
      say(
        keepClockAfterAccount()
          ? `The clock can go back only to ${formatDateTime(now())}, the account's last start or collection; it runs on from there.`
          : 'The clock is back to real time.',
      );
    }),
  );

  function renderSession() {
    keepClockAfterAccount();
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
    showText(
      $('ses-nextStartAt'),
      s.active
        ? `after you stop, and not before ${formatDateTime(s.nextStartAt)}`
        : s.secondsToNextStart > 0
          ? `${formatDateTime(s.nextStartAt)} (in ${formatDuration(s.secondsToNextStart)})`
          : 'now',
      s.nextStartAt,
    );
    $('ses-checkin').textContent = `Check in on ${formatDate(t)}`;
    showFigure($('ses-total'), account.totalPoints);
    $('ses-start').disabled = false;
    setDisabled($('ses-stop'), !s.active, $('ses-start'));
  }
  // The live estimate ticks while a session runs.
  setInterval(() => account?.session && renderSession(), 1000);

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
          from: dayText(clockDay()), // the simulator's day, as the streak above
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
      const tr = tableRow([formatDate(parseDay(m.date)), factorNames[m.factor] ?? m.factor, formatAmount(m.weight, 'plain')]);
      tr.cells[1].className = 'text';
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
    /** Draws everything from the current inputs (after a shared link was applied): a stored
     * account's total in the Total points field, a link's total offered beside it. */
    refresh() {
      renderHistory();
      offerLinkTotal();
      account ??= cbm.newAccount(); // none stored: a new one, with the field's total
      calculate();
      followTotal();
      renderSession();
      projection.run();
      if (notes.length) say('');
    },
  };
}
