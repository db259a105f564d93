// The page: loads the API once, sets up each section, restores a shared link (at load, and when
// a new one is pasted into the address), and keeps the address in step with the inputs.
import { load } from './lib/cbmcalc.js';
import { debounce } from './ui/forms.js';
import { setUpApr } from './ui/apr-section.js';
import { setUpMining } from './ui/mining-section.js';
import {
  joined,
  linkHas,
  linkHasSection,
  linkTooLong,
  MAX_LINK_TEXT,
  onSave,
  restore,
  saveState,
  shareForm,
  sharedNow,
  shareLater,
} from './ui/share.js';
import { nextTask } from './ui/tasks.js';
import { setUpTheme } from './ui/theme.js';

// An address too long to be a link is dropped at once (and said below): kept, it weighs on
// every later load of the page's files, at a cost of hundreds of milliseconds per megabyte.
const tooLong = linkTooLong();
if (tooLong) history.replaceState(history.state, '', `${location.pathname}${location.search}`);
const cbm = await load({ build: 'lite' });
await nextTask(); // the engine's start-up and the sections' set-ups in tasks of their own
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
    const heading = section.querySelector('h2, h3');
    if (heading) heading.after(note);
    else section.prepend(note); // the decision tools' markup, which holds their headings, did not load
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
      apr?.refresh(); // its implied pool is at the emission rate this section assumes today
    },
    onChange: save,
  }),
);
const apr = attempt('apr', () =>
  setUpApr(cbm, { usePool: (units) => mining?.setPool(units), rateNow: () => mining?.rateNow() ?? null, onChange: save }),
);
restoreIn('mining');
restoreIn('apr');
await nextTask(); // the set-ups and the first figures in two tasks, not one
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

// After the first figures: the sections below are built as they are looked at.
function setUpLowerSections() {
  watchLazySections();
  document.documentElement.dataset.ready = 'true';
  // Offline after one visit: sw.js, once the page is idle.
  const sw = location.protocol.startsWith('http') && navigator.serviceWorker;
  if (sw)
    (self.requestIdleCallback ?? setTimeout)(() => {
      sw.register('sw.js').catch(() => {});
      sw.controller?.postMessage('update');
    });
}

// Sections built when they are looked at: their markup waits in a <template> and their module
// is imported when they come near the screen, when their button, an in-page link or the
// address (#points, or a link with their values) goes to them. Until then the address keeps
// their values (shareLater).
const lazySections = {
  // Not a section: My mining units' decision tools (their modules load on their first Run).
  tools: {
    prefixes: ['b', 't', 'r'],
    module: async () => ({}),
    setUp: () => {
      mining?.setUpTools();
      return null;
    },
  },
  pool: {
    prefixes: ['s'],
    module: () => import('./ui/pool-section.js'),
    setUp: ({ setUpPool }) => {
      const pool = setUpPool(cbm);
      document.querySelector('[data-form=pool]').addEventListener('input', save);
      return () => pool.refresh();
    },
  },
  points: {
    prefixes: ['p', 'r'],
    module: () => import('./ui/points-section.js'),
    setUp: ({ setUpPoints }) => {
      points = setUpPoints(cbm, { onChange: save });
      return () => points.refresh();
    },
  },
  supply: {
    prefixes: ['c', 'e'],
    module: () => import('./ui/supply-section.js'),
    setUp: ({ setUpSupply }) => {
      supply = setUpSupply(cbm, { onChange: save });
      return () => supply.setMining(mining?.state ?? null);
    },
  },
};
for (const { prefixes } of Object.values(lazySections)) shareLater(prefixes);
const building = new Map();

/** The markup of the section `id`, from its own file: kept out of index.html, where the parser
 * would build it (a third of the page's DOM work before its first figures) for nothing. */
async function markupOf(id) {
  const response = await fetch(`sections/${id}.html`);
  if (!response.ok) throw new Error(`its markup did not load (HTTP ${response.status})`);
  const template = document.createElement('template');
  template.innerHTML = await response.text();
  return template.content;
}

/** Builds the section `id` once: its markup, its set-up, the link's values, its first figures;
 * resolves when it is done. A module or markup that does not load (offline with a stale copy,
 * say) is said in the section, as a set-up that fails. */
function buildSection(id) {
  if (!building.has(id))
    building.set(
      id,
      (async () => {
        const { prefixes, module, setUp } = lazySections[id];
        const failed = (error) => ({ error });
        const [loaded, markup] = await Promise.all([module().catch(failed), markupOf(id).catch(failed)]);
        const section = document.getElementById(id);
        if (!markup.error) section.querySelector('.lazy-section').replaceWith(markup);
        const start = attempt(id, () => {
          if (markup.error) throw markup.error;
          if (loaded.error) throw loaded.error;
          return setUp(loaded);
        });
        restoreIn(id);
        if (start) attempt(id, start);
        sharedNow(prefixes);
        section.dataset.built = 'true';
      })(),
    );
  return building.get(id);
}

/** Builds the sections built when looked at that come before `target` or hold it. */
function buildDownTo(target) {
  const ids = Object.keys(lazySections).filter((id) => {
    const section = document.getElementById(id);
    return section.contains(target) || section.compareDocumentPosition(target) & Node.DOCUMENT_POSITION_FOLLOWING;
  });
  return Promise.all(ids.map(buildSection));
}

/** Scrolls to `target` once what comes before it is built, and again while the sections around
 * it settle (charts drawn, tables filled). At once: a smooth scroll aims at where the target was
 * when it began. */
async function goTo(target) {
  await buildDownTo(target);
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  for (let tries = 0; tries < 5; tries++) {
    target.scrollIntoView({ behavior: 'instant' });
    const top = target.getBoundingClientRect().top;
    await frame();
    if (Math.abs(target.getBoundingClientRect().top - top) < 1) break;
  }
}

/** Builds the sections the address asks for now, and the rest as they are looked at. */
function watchLazySections() {
  const near = new IntersectionObserver(
    (entries) => {
      for (const entry of entries)
        if (entry.isIntersecting) {
          near.unobserve(entry.target);
          buildSection(entry.target.id);
        }
    },
    { rootMargin: '50% 0px' },
  );
  for (const [id, { prefixes }] of Object.entries(lazySections)) {
    const section = document.getElementById(id);
    near.observe(section);
    section.querySelector('[data-build]').addEventListener('click', async () => {
      await buildSection(id);
      section.focus(); // the button is gone: the keyboard goes on from the section
    });
    if (linkHasSection(prefixes)) buildSection(id);
  }
  // An address that names a place ("#points"): the page goes there once what comes before it is
  // built.
  const place = /^#[\w-]+$/.test(location.hash) && document.getElementById(location.hash.slice(1));
  if (place) goTo(place);
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
  for (const [id, { prefixes }] of Object.entries(lazySections)) if (linkHasSection(prefixes)) buildSection(id);
  for (const form of joined.forms) form.dispatchEvent(new Event('input', { bubbles: true }));
  attempt('points', () => points?.refresh());
  if (mining && linkHas('cmp') && !compare) setUpCompare(true);
});

setUpTheme(document.getElementById('theme'), async () => {
  const { rethemeCharts } = await import('./ui/charts.js');
  rethemeCharts();
});

// In-page links scroll without touching the hash: it holds the inputs. The sections built when
// looked at, down to the target, are built first: built after the scroll, they would move it.
document.addEventListener('click', async (event) => {
  const link = event.target.closest('a[href^="#"]');
  const target = link && document.getElementById(link.getAttribute('href').slice(1));
  if (!target) return;
  event.preventDefault();
  target.focus({ preventScroll: true });
  await goTo(target);
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
