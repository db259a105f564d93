// What a screen reader hears when figures change as someone types: one short sentence about the
// section being typed in, once the typing pauses, in the page's one polite status region
// (#announcer), instead of every figure of a large live region re-read at each keystroke.
import { debounce } from './forms.js';

const PAUSE_MS = 1000;
let said = '';
let typedIn = null; // the section of the person's last input; none at load

document.addEventListener(
  'input',
  (event) => {
    if (event.isTrusted) typedIn = event.target.closest?.('section') ?? null;
  },
  { capture: true },
);

const say = debounce((text) => {
  const region = document.getElementById('announcer');
  if (!region || text === said) return;
  said = text;
  region.textContent = text;
}, PAUSE_MS);

/** What an output shows: its rounded figure, not the exact digits kept beside it for "show all
 * digits". */
const shownText = (output) => (output?.querySelector('button.exact') ?? output)?.textContent.trim() ?? '';

/** After a pause, announces `title` and the figures the outputs show now, if the person's last
 * input was in the section of `from`: a section recomputed for another reason (a link, another
 * section's result) says nothing. `figures` are [label, output id] ("" for none: "$0.72" after
 * "a day now 4.235328 WFI"); a figure not shown (empty, "—") is left out. */
export function announceFigures(from, title, figures) {
  if (!typedIn || from.closest('section') !== typedIn) return;
  const parts = figures
    .map(([label, id]) => [label, shownText(document.getElementById(id))])
    .filter(([, text]) => /\d/.test(text))
    .map(([label, text]) => (label ? `${label} ${text}` : text));
  if (parts.length) say(`${title}: ${parts.join(', ')}.`);
}
