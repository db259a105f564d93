// The widget's words in each language it speaks. Numbers and dates are not here: Intl formats
// them in the same language (ui/format.js).
export const languages = {
  en: {
    title: 'WFI mining calculator',
    units: 'Units',
    unitPrice: 'Unit price (USD)',
    tokenPrice: 'WFI price (USD)',
    more: 'Pool and start date',
    poolUnits: "Everyone else's units",
    poolGrowth: 'New units per day',
    genesis: 'Emission started (assumed)',
    apr: 'APR (simple, not APY)',
    return: 'Return over the next 12 months',
    perDay: 'WFI per day now',
    perMonth: 'WFI in the next 30 days',
    perYear: 'WFI in the next 12 months',
    breakeven: 'Breakeven',
    never: 'not before emission ends',
    wfiEnd: 'WFI mined until emission ends',
    usdEnd: 'Worth then, at this price',
    loading: 'Loading…',
    failed: 'The calculator could not start.',
    fix: 'Fix the marked field to see results.',
    note: ({ end, lifetimeYears, stageDays }) =>
      `Your units mine from today, their efficiency falling linearly over ${lifetimeYears} years; emission halves every ${stageDays} days (WeFi's distribution contract) and ends ${end}. The APR is a year at today's rate; the return counts the halvings and aging of the next 12 months. WFI price held constant.`,
    copy: 'Copy',
    copied: 'Copied',
    selected: 'Selected',
    exact: (text) => `Exact: ${text}. Press to show every digit.`,
  },
  de: {
    title: 'WFI-Mining-Rechner',
    units: 'Einheiten',
    unitPrice: 'Preis je Einheit (USD)',
    tokenPrice: 'WFI-Kurs (USD)',
    more: 'Pool und Startdatum',
    poolUnits: 'Einheiten aller anderen',
    poolGrowth: 'Neue Einheiten pro Tag',
    genesis: 'Beginn der Emission (angenommen)',
    apr: 'APR (einfach, kein APY)',
    return: 'Rendite der nächsten 12 Monate',
    perDay: 'WFI pro Tag derzeit',
    perMonth: 'WFI in den nächsten 30 Tagen',
    perYear: 'WFI in den nächsten 12 Monaten',
    breakeven: 'Gewinnschwelle',
    never: 'nicht vor Ende der Emission',
    wfiEnd: 'Geschürfte WFI bis Emissionsende',
    usdEnd: 'Wert dann, zu diesem Kurs',
    loading: 'Wird geladen …',
    failed: 'Der Rechner konnte nicht starten.',
    fix: 'Korrigieren Sie das markierte Feld.',
    note: ({ end, lifetimeYears, stageDays }) =>
      `Ihre Einheiten schürfen ab heute, ihre Effizienz sinkt linear über ${lifetimeYears} Jahre; die Emission halbiert sich alle ${stageDays} Tage (WeFis Verteilungsvertrag) und endet am ${end}. Die APR rechnet ein Jahr zum heutigen Satz; die Rendite berücksichtigt Halbierungen und Alterung der nächsten 12 Monate. WFI-Kurs konstant.`,
    copy: 'Kopieren',
    copied: 'Kopiert',
    selected: 'Markiert',
    exact: (text) => `Genau: ${text}. Drücken, um alle Stellen zu sehen.`,
  },
};

/** The texts for a language tag ("de-AT" -> de), English when we do not speak it. */
export function textsFor(lang) {
  const base = String(lang ?? '')
    .toLowerCase()
    .split('-')[0];
  return languages[base] ?? languages.en;
}
