// Applies a stored light/dark choice before the page paints: a classic script in <head>, so a
// dark-theme reader never sees a light flash. ui/theme.js owns the button and the storage key.
try {
  const theme = localStorage.getItem('cbmcalc.theme');
  if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
} catch {
  // Storage blocked: the system's scheme applies.
}
