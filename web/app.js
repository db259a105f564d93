// The page: loads the API once, sets up each section, restores a shared link (at load, and when
// a new one is pasted into the address), and keeps the address in step with the inputs.
import { load } from './lib/cbmcalc.js';
import { debounce } from './ui/forms.js';
import { setUpApr } from './ui/apr-section.js';
import { setUpMining } from './ui/mining-section.js';
import { joined, linkHas, linkTooLong, MAX_LINK_TEXT, onSave, restore, saveState, shareForm } from './ui/share.js';
import { setUpTheme } from './ui/theme.js';

// An address too long to be a link is dropped at once (and said below): kept, it weighs on
// every later load of the page's files, at a cost of hundreds of milliseconds per megabyte.
const tooLong = linkTooLong();
if (tooLong) history.replaceState(history.state, '', `${location.pathname}${location.search}`);
const cbm = await load({ build: 'lite' });
document.getElementById('version').textContent = cbm.version;
const save = debounce(saveState, 300);
const linkStatus = document.getElementById('copy-link-status');

/** Runs `step` of the section `id`; a failure there is said in that section, and the rest of
 * the page (the other sections, the ready flag, the offline copy) goes on without it. */
function attempt(id, step) {
  try {
    return step();
  } catch (error) {
    console.error(error);
    const section = document.getElementById(id);
    const note = section.querySelector('.setup-error') ?? document.createElement('p');
    note.className = 'status bad setup-error';
    note.setAttribute('role', 'alert');
    note.textContent = `This section could not start: ${String(error.message).replace(/\.$/, '')}. The rest of the page works; reloading may help.`;
    section.querySelector('h2').after(note);
    return null;
  }
}

/** Joins the shared forms inside the section `id` and applies a shared link's values to them. */
function restoreIn(id) {
  attempt(id, () => {
    for (const form of document.getElementById(id).querySelectorAll('form[data-share]')) shareForm(form);
    restore();
  });
}

/** Says that the address was too long to be read as a link. */
function sayTooLong() {
  linkStatus.textContent = `This link is too long to read (over ${MAX_LINK_TEXT / 1024} KB): the page opened with its usual inputs.`;
}
if (tooLong) sayTooLong();

// The top of the page first: its figures are the first thing a visitor reads.
let supply = null;
let points = null;
let compare = null; // loaded by "Compare" or a link with two scenarios
const mining = attempt('mining', () =>
  setUpMining(cbm, {
    onResult: (state) => {
      supply?.setMining(state);
      compare?.update();
    },
    onChange: save,
  }),
);
const apr = attempt('apr', () => setUpApr(cbm, { usePool: (units) => mining?.setPool(units), onChange: save }));
restoreIn('mining');
restoreIn('apr');
attempt('mining', () => mining?.refresh({ answersFirst: true }));
attempt('apr', () => apr?.refresh());
// The first frame that shows results (what the benchmark measures); the rest after it is
// painted: My mining units' charts and table (queued first, by its refresh), then the sections
// further down.
requestAnimationFrame(() => {
  performance.mark('cbm-first-result');
  setTimeout(setUpLowerSections, 0);
});

const setUpCompare = async (fromLink) => {
  compare ??= (await import('./ui/compare-section.js')).setUpCompare(mining, { save: save.now, fromLink });
  restore();
  return compare;
};
document.getElementById('c-start').addEventListener('click', async () => (await setUpCompare(false)).start());
if (mining && linkHas('cmp')) setUpCompare(true);

// Their modules load with them: nothing of theirs stands between the visitor and the first figures.
async function setUpLowerSections() {
  const [{ setUpPool }, { setUpPoints }, { setUpSupply }] = await Promise.all([
    import('./ui/pool-section.js'),
    import('./ui/points-section.js'),
    import('./ui/supply-section.js'),
  ]);
  const pool = attempt('pool', () => setUpPool(cbm));
  points = attempt('points', () => setUpPoints(cbm, { onChange: save }));
  supply = attempt('supply', () => setUpSupply(cbm, { onChange: save }));
  for (const id of ['pool', 'points', 'supply']) restoreIn(id);
  attempt('pool', () => pool?.refresh());
  attempt('points', () => points?.refresh());
  attempt('supply', () => supply?.setMining(mining?.state ?? null));
  document.querySelector('[data-form=pool]').addEventListener('input', save);
  document.documentElement.dataset.ready = 'true';
  // Offline after one visit: sw.js, once the page is idle.
  const sw = location.protocol.startsWith('http') && navigator.serviceWorker;
  if (sw)
    (self.requestIdleCallback ?? setTimeout)(() => {
      sw.register('sw.js').catch(() => {});
      sw.controller?.postMessage('update');
    });
}

// A link pasted into the address of the open page: its inputs replace the ones shown, and
// everything recomputes as if they were typed. (The page's own writes to the address use
// replaceState, which fires no hashchange; "#points" and an empty hash hold no inputs.)
window.addEventListener('hashchange', () => {
  if (linkTooLong()) {
    history.replaceState(history.state, '', `${location.pathname}${location.search}`);
    return sayTooLong();
  }
  if (!linkHas()) return;
  restore({ again: true });
  for (const form of joined.forms) form.dispatchEvent(new Event('input', { bubbles: true }));
  attempt('points', () => points?.refresh());
  if (mining && linkHas('cmp') && !compare) setUpCompare(true);
});

setUpTheme(document.getElementById('theme'), async () => {
  const { rethemeCharts } = await import('./ui/charts.js');
  rethemeCharts();
});

// In-page links scroll without touching the hash: it holds the inputs.
document.addEventListener('click', (event) => {
  const link = event.target.closest('a[href^="#"]');
  const target = link && document.getElementById(link.getAttribute('href').slice(1));
  if (!target) return;
  event.preventDefault();
  target.scrollIntoView();
  target.focus({ preventScroll: true });
});

document.getElementById('copy-link').addEventListener('click', async () => {
  save.now();
  try {
    await navigator.clipboard.writeText(location.href);
    linkStatus.textContent = 'Link copied: it opens this page with these inputs.';
  } catch {
    linkStatus.textContent = `Copy this link: ${location.href}`;
  }
});
onSave(() => (linkStatus.textContent = ''));
