// The widget's styles, adopted by its shadow root as a constructed stylesheet: no inline <style>
// (a strict Content-Security-Policy allows it) and nothing leaks in or out. The page's rules
// still style the host element itself (they win over :host), so the inner root sets every
// inherited property the widget relies on: the page's fonts and colours stop there. Sizes are
// in em, not rem: the host page's root font size is not the widget's business.
export const css = `
:host {
  all: initial;
  display: block;
}
:host([hidden]) { display: none; }
.cbm {
  color-scheme: light dark;
  --bg: light-dark(#ffffff, #17202a);
  --raised: light-dark(#f4f6f8, #1e2935);
  --text: light-dark(#17202a, #e8edf2);
  --muted: light-dark(#52606d, #a9b4bf);
  --accent: light-dark(#0b5cad, #74b9ff);
  --border: light-dark(#d3dae1, #2e3d4c);
  --error: light-dark(#b3261e, #ff8a80);
  --focus: #f0a500;
  font: 400 16px/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
  color: var(--text);
  letter-spacing: normal;
  text-align: left;
  text-transform: none;
  word-spacing: normal;
  background: var(--bg);
  border: 1px solid var(--border);
  border-radius: 12px;
  padding: 1em;
}
:host([theme='light']) .cbm { color-scheme: light; }
:host([theme='dark']) .cbm { color-scheme: dark; }
* { box-sizing: border-box; }
h2 { margin: 0 0 0.75em; font-size: 1.15em; color: var(--accent); }
form { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 9em), 1fr)); gap: 0.5em 0.75em; }
label { display: block; font-weight: 600; font-size: 0.9em; margin-bottom: 0.15em; }
input {
  font: inherit; color: inherit; width: 100%; min-height: 2.4em; padding: 0.4em 0.55em;
  border: 1px solid var(--border); border-radius: 6px; background: var(--raised);
}
input[aria-invalid='true'] { border-color: var(--error); outline: 1px solid var(--error); }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
details { grid-column: 1 / -1; }
details > div { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 9em), 1fr)); gap: 0.5em 0.75em; margin-top: 0.5em; }
summary { cursor: pointer; color: var(--accent); font-weight: 600; font-size: 0.9em; }
.error { color: var(--error); font-size: 0.85em; margin: 0.1em 0 0; }
.error:empty { display: none; }
.results { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 9em), 1fr)); gap: 0.5em; margin-top: 0.9em; }
.figure { display: flex; flex-direction: column; padding: 0.45em 0.6em; border-radius: 8px; background: var(--raised); min-width: 0; container-type: inline-size; }
.figure .label { color: var(--muted); font-size: 0.82em; }
/* A number never breaks: a long one gets a smaller font (--chars, set with the value). */
output { font-weight: 700; font-variant-numeric: tabular-nums; }
output.usd { font-weight: 400; color: var(--muted); }
.figure output { font-size: min(1em, 100cqi / (var(--chars, 1) * 0.62)); }
.big output { font-size: min(1.5em, 100cqi / (var(--chars, 1) * 0.62)); color: var(--accent); line-height: 1.2; }
button.exact { all: unset; cursor: pointer; border-bottom: 1px dashed currentColor; }
button.exact:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.exact-value { display: block; font: 400 0.8em ui-monospace, SFMono-Regular, Menlo, monospace; color: var(--text); overflow-wrap: anywhere; }
.exact-value button {
  margin-left: 0.4em; font: inherit; padding: 0 0.4em; cursor: pointer;
  border: 1px solid var(--accent); border-radius: 4px; background: transparent; color: var(--accent);
}
.note, .status { color: var(--muted); font-size: 0.8em; margin: 0.75em 0 0; }
.status:empty { display: none; }
[hidden] { display: none !important; }
`;

let sheet = null;

/** One constructed stylesheet shared by every widget on the page. */
export function styleSheet() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
  }
  return sheet;
}
