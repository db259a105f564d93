// The page's "How?" buttons (button.how, data-source naming a section): each section says how
// to ask cbm.explain() about what it shows, and explain.js (with the decisions worker) loads
// with the first click. Apart from figures.js so that the widget, which has none, leaves it out.
const sources = {};
/** `request(button.dataset)`: cbm.explain()'s { call, input, options }, or null. */
export const explainSource = (name, request) => (sources[name] = request);
globalThis.document?.addEventListener('click', async ({ target }) => {
  const button = target.closest?.('button.how');
  const asked = button && sources[button.dataset.source]?.(button.dataset);
  if (asked) (await import('./explain.js')).explain(button, asked);
});
