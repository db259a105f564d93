// The page: loads the API once, sets up each section, restores a shared link, and keeps the
// address in step with the inputs.
import { load } from './lib/cbmcalc.js';
import { debounce } from './ui/forms.js';
import { setUpApr } from './ui/apr-section.js';
import { setUpMining } from './ui/mining-section.js';
import { setUpPoints } from './ui/points-section.js';
import { setUpPool } from './ui/pool-section.js';
import { onSave, readState, restore, saveState, shareForm } from './ui/share.js';
import { setUpSupply } from './ui/supply-section.js';
import { setUpTheme } from './ui/theme.js';

const cbm = await load({ build: 'lite' });
document.getElementById('version').textContent = cbm.version;
const save = debounce(saveState, 300);

/** Joins the shared forms inside `section` and applies a shared link's values to them. */
function restoreIn(section) {
  for (const form of section.querySelectorAll('form[data-share]')) shareForm(form);
  restore();
}

// The top of the page first: its figures are the first thing a visitor reads.
let supply = null;
let compare = null; // loaded by "Compare" or a link with two scenarios
const mining = setUpMining(cbm, {
  onResult: (state) => {
    supply?.setMining(state);
    compare?.update();
  },
  onChange: save,
});
const apr = setUpApr(cbm, { usePool: mining.setPool, onChange: save });
restoreIn(document.getElementById('mining'));
restoreIn(document.getElementById('apr'));
mining.refresh();
apr.refresh();
// The first frame that shows results: what the benchmark measures.
requestAnimationFrame(() => performance.mark('cbm-first-result'));

const setUpCompare = async (fromLink) => {
  compare ??= (await import('./ui/compare-section.js')).setUpCompare(mining, { save: save.now, fromLink });
  restore();
  return compare;
};
document.getElementById('c-start').addEventListener('click', async () => (await setUpCompare(false)).start());
if (readState().has('cmp')) setUpCompare(true);

// The sections further down right after that frame.
setTimeout(() => {
  const pool = setUpPool(cbm);
  const points = setUpPoints(cbm, { onChange: save });
  supply = setUpSupply(cbm, { onChange: save });
  for (const id of ['pool', 'points', 'supply']) restoreIn(document.getElementById(id));
  pool.refresh();
  points.refresh();
  supply.setMining(mining.state);
  document.querySelector('[data-form=pool]').addEventListener('input', save);
  document.documentElement.dataset.ready = 'true';
  // Offline after one visit: sw.js, once the page is idle.
  const sw = location.protocol.startsWith('http') && navigator.serviceWorker;
  if (sw)
    (self.requestIdleCallback ?? setTimeout)(() => {
      sw.register('sw.js').catch(() => {});
      sw.controller?.postMessage('update');
    });
}, 0);

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

const linkStatus = document.getElementById('copy-link-status');
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
