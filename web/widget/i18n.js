// The widget's words in each language it speaks. Numbers and dates are not here: Intl formats
// them in the same language (ui/format.js).
import { englishProblems } from '../ui/forms.js';
import { englishQuestion } from '../ui/numbers.js';

export const languages = {
  en: {
    title: 'WFI mining calculator',
    units: 'Units',
    unitPrice: 'Unit price (USD)',
    tokenPrice: 'WFI price (USD)',
    more: 'Pool and start date',
    poolUnits: "Everyone else's units",
    poolGrowth: 'New units per day',
    poolGrowthPercent: 'Or growth, % a month',
    genesis: 'Emission started (assumed)',
    apr: 'APR (simple, not APY)',
    return: 'Return over the next 12 months',
    perDay: 'A day now',
    perMonth: 'The next 30 days',
    perYear: 'The next 12 months',
    breakeven: 'Breakeven',
    never: 'not before emission ends',
    wfiEnd: 'WFI mined until emission ends',
    usdEnd: 'Worth then, at this price',
    loading: 'Loading…',
    failed: 'The calculator could not start.',
    fix: 'Fix the marked field to see results.',
    note: ({ end, lifetimeYears, stageDays, growth }) =>
      `Your units mine from today, their efficiency falling linearly over ${lifetimeYears} years; emission halves every ${stageDays} days (WeFi's distribution contract) and ends ${end}. ${growth}. The APR is a year at today's rate; the return counts the halvings, aging and pool growth of the next 12 months. WFI price held constant.`,
    growth: ({ daily, amount }) =>
      amount === '0'
        ? "Everyone else's units stay as they are"
        : `Everyone else's units grow ${daily ? `by ${amount} a day` : `${amount}% a month`}`,
    problems: englishProblems,
    ask: englishQuestion,
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
    poolGrowthPercent: 'Oder Wachstum, % pro Monat',
    genesis: 'Beginn der Emission (angenommen)',
    apr: 'APR (einfach, kein APY)',
    return: 'Rendite der nächsten 12 Monate',
    perDay: 'Ein Tag derzeit',
    perMonth: 'Die nächsten 30 Tage',
    perYear: 'Die nächsten 12 Monate',
    breakeven: 'Gewinnschwelle',
    never: 'nicht vor Ende der Emission',
    wfiEnd: 'Geschürfte WFI bis Emissionsende',
    usdEnd: 'Wert dann, zu diesem Kurs',
    loading: 'Wird geladen …',
    failed: 'Der Rechner konnte nicht starten.',
    fix: 'Korrigieren Sie das markierte Feld.',
    note: ({ end, lifetimeYears, stageDays, growth }) =>
      `Ihre Einheiten schürfen ab heute, ihre Effizienz sinkt linear über ${lifetimeYears} Jahre; die Emission halbiert sich alle ${stageDays} Tage (WeFis Verteilungsvertrag) und endet am ${end}. ${growth}. Die APR rechnet ein Jahr zum heutigen Satz; die Rendite berücksichtigt Halbierungen, Alterung und Poolwachstum der nächsten 12 Monate. WFI-Kurs konstant.`,
    growth: ({ daily, amount }) =>
      amount === '0'
        ? 'Die Einheiten aller anderen bleiben gleich'
        : `Die Einheiten aller anderen wachsen ${daily ? `um ${amount} pro Tag` : `um ${amount} % pro Monat`}`,
    // Messages built from the core's problem kinds (the English message is the fallback).
    problems: {
      'not-positive': () => 'muss größer als 0 sein',
      negative: () => 'darf nicht negativ sein',
      'not-a-number': () => 'muss eine Zahl sein, etwa 0,25',
      'too-many-decimals': () => 'hat mehr als 18 Nachkommastellen',
      'too-large': () => 'ist zu groß',
      'not-whole-in-range': ({ min, max }, number) =>
        max === undefined
          ? `muss eine ganze Zahl ab ${number(min)} sein`
          : `muss eine ganze Zahl von ${number(min)} bis ${number(max)} sein`,
      'not-a-date': () => 'muss ein Datum sein',
      required: () => 'fehlt',
    },
    ask: (...candidates) =>
      candidates.length === 1
        ? `Meinen Sie ${candidates[0]}? Schreiben Sie Dezimalstellen mit Komma.`
        : `Meinen Sie ${candidates.join(' oder ')}? Schreiben Sie es ohne Tausenderpunkt oder mit Komma.`,
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
  return Object.hasOwn(languages, base) ? languages[base] : languages.en;
}
