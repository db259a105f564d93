// Light, dark or the system's choice: a button cycles through them, the choice is kept in local
// storage, and `onChange` hears every change (charts redraw in the new colours).
const order = ['auto', 'light', 'dark'];
const names = { auto: 'Theme: system', light: 'Theme: light', dark: 'Theme: dark' };
const key = 'cbmcalc.theme';

function stored() {
  try {
    const theme = localStorage.getItem(key);
    return order.includes(theme) ? theme : 'auto';
  } catch {
    return 'auto'; // storage blocked (a sandboxed frame)
  }
}

function apply(theme, button) {
  if (theme === 'auto') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
  button.textContent = names[theme];
}

/** Wires the theme `button`; `onChange()` runs after the theme or the system's scheme changes. */
export function setUpTheme(button, onChange) {
  let theme = stored();
  apply(theme, button);
  button.addEventListener('click', () => {
    theme = order[(order.indexOf(theme) + 1) % order.length];
    try {
      localStorage.setItem(key, theme);
    } catch {
      // Not kept: it still applies to this visit.
    }
    apply(theme, button);
    onChange();
  });
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => theme === 'auto' && onChange());
}
