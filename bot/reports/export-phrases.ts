import type { Locale } from '../locale';

/** The replies to export requests in chat, in fi, sv and en. */
export const EXPORT_PHRASES = {
  exportReady: {
    en: 'Here are the {count} entries of {period} ({format}).',
    fi: 'Tässä {count} merkintää ajalta {period} ({format}).',
    sv: 'Här är de {count} inläggen från {period} ({format}).',
  },
  exportReadyOne: {
    en: 'Here is the one entry of {period} ({format}).',
    fi: 'Tässä ainoa merkintä ajalta {period} ({format}).',
    sv: 'Här är det enda inlägget från {period} ({format}).',
  },
  exportUnits: { en: 'Units: {units}.', fi: 'Yksiköt: {units}.', sv: 'Enheter: {units}.' },
  exportOwnUnitsOnly: {
    en: 'Only the entries of your units are included.',
    fi: 'Mukana ovat vain omien yksiköidesi merkinnät.',
    sv: 'Bara inläggen från dina egna enheter är med.',
  },
  exportNone: {
    en: 'There are no entries for {period}, so there is no file this time.',
    fi: 'Ajalta {period} ei ole merkintöjä, joten tiedostoa ei tällä kertaa tullut.',
    sv: 'Det finns inga inlägg för {period}, så det blev ingen fil den här gången.',
  },
  exportTooLarge: {
    en: 'That would be {count} entries, more than the {limit} I can send in chat. Ask for a shorter period, or ask your administrator for the command line export (npx logbook export).',
    fi: 'Merkintöjä olisi {count}, enemmän kuin {limit}, jonka voin lähettää chatissa. Pyydä lyhyempi ajanjakso tai pyydä ylläpitäjältä komentorivin vienti (npx logbook export).',
    sv: 'Det skulle bli {count} inlägg, fler än de {limit} jag kan skicka i chatten. Be om en kortare period, eller be er administratör om exporten på kommandoraden (npx logbook export).',
  },
  exportClarifyPeriod: {
    en: 'Which period should I export? Say for example "export last month as Excel", "export March csv" or "export 2025 as Excel".',
    fi: 'Miltä ajalta vien merkinnät? Sano esimerkiksi "vie viime kuu Exceliin", "vie maaliskuu csv:nä" tai "vie 2025 Exceliin".',
    sv: 'Vilken period ska jag exportera? Säg till exempel "exportera förra månaden som Excel", "exportera mars som csv" eller "exportera 2025 som Excel".',
  },
  exportFileDescription: {
    en: 'Logbook entries, {period} ({format})',
    fi: 'Logbook-merkinnät, {period} ({format})',
    sv: 'Logbook-inlägg, {period} ({format})',
  },
} satisfies Record<string, Record<Locale, string>>;
