import type { Locale } from './locale';

export type Command = { kind: 'help' } | { kind: 'undo' } | { kind: 'myEntries' } | { kind: 'dashboard' } | { kind: 'language'; locale: Locale };

const HELP = /^(help|\?|apua|ohje|ohjeet|hjälp|start|\/help|\/start)$/;
const UNDO = /^(undo|undo last|kumoa|peru viimeisin|peruuta viimeisin|poista viimeisin|ångra|ångra senaste)$/;
const MY_ENTRIES = /^(my entries|my logs|list|omat merkinnät|merkintäni|omat|mina inlägg|mina loggar|lista)$/;
const DASHBOARD = /^(dashboard|\/dashboard|koontinäkymä|kojelauta|översikt|instrumentpanel)$/;
const LANGUAGE = /^(language|lang|kieli|språk)\s+(fi|sv|en|suomi|svenska|english|ruotsi|englanti|finska|engelska)$/;

const LANGUAGE_NAMES: Record<string, Locale> = {
  fi: 'fi', suomi: 'fi', finska: 'fi',
  sv: 'sv', svenska: 'sv', ruotsi: 'sv',
  en: 'en', english: 'en', englanti: 'en', engelska: 'en',
};

/** A short command in fi, sv or en, or null for anything else. */
export function parseCommand(text: string): Command | null {
  const words = text.toLowerCase().replace(/[.!]+$/u, '').replace(/\s+/g, ' ').trim();
  if (HELP.test(words)) return { kind: 'help' };
  if (UNDO.test(words)) return { kind: 'undo' };
  if (MY_ENTRIES.test(words)) return { kind: 'myEntries' };
  if (DASHBOARD.test(words)) return { kind: 'dashboard' };
  const language = LANGUAGE.exec(words);
  if (language) return { kind: 'language', locale: LANGUAGE_NAMES[language[2]] };
  return null;
}
