import type { Locale } from './locale';

type Phrase = Record<Locale, string>;

/** Every reply the bot sends, in Finnish, Swedish and English. `{name}` marks a parameter. */
export const PHRASES = {
  help: {
    en: 'Hi! I am Logbook. After a session, tell me what happened in one message, for example "drop-in tonight, 14 kids, 8 girls, talked about exams and vaping". I will ask for anything missing and save it when you confirm.\nCommands: help, my entries, undo, language fi|sv|en.',
    fi: 'Hei! Olen Logbook. Kerro kohtaamisen jälkeen yhdellä viestillä, mitä tapahtui, esimerkiksi "avoin ilta tänään, 14 nuorta, 8 tyttöä, puhuttiin kokeista ja vapettamisesta". Kysyn puuttuvat tiedot ja tallennan, kun vahvistat.\nKomennot: apua, omat merkinnät, peru viimeisin, kieli fi|sv|en.',
    sv: 'Hej! Jag är Logbook. Berätta efter en träff i ett meddelande vad som hände, till exempel "öppen kväll ikväll, 14 ungdomar, 8 tjejer, pratade om prov och vejp". Jag frågar efter det som saknas och sparar när du bekräftar.\nKommandon: hjälp, mina inlägg, ångra, språk fi|sv|en.',
  },
  unknownOrganisation: {
    en: 'This workspace has no Logbook organisation yet. An administrator can set it up with "npx logbook org create".',
    fi: 'Tällä työtilalla ei ole vielä Logbook-organisaatiota. Ylläpitäjä voi luoda sen komennolla "npx logbook org create".',
    sv: 'Den här arbetsytan har ingen Logbook-organisation än. En administratör kan skapa den med "npx logbook org create".',
  },
  unknownMember: {
    en: 'Hi! You are not a member of {organisation} in Logbook yet. A mentor of your organisation must add you first.',
    fi: 'Hei! Et ole vielä Logbookissa organisaation {organisation} jäsen. Organisaatiosi mentorin täytyy ensin lisätä sinut.',
    sv: 'Hej! Du är inte medlem i {organisation} i Logbook än. En mentor i din organisation måste först lägga till dig.',
  },
  unavailable: {
    en: 'Sorry, I cannot reach the database right now, so nothing was saved. Please try again in a moment.',
    fi: 'Pahoittelen, en saa juuri nyt yhteyttä tietokantaan, joten mitään ei tallennettu. Yritä hetken päästä uudelleen.',
    sv: 'Förlåt, jag når inte databasen just nu, så inget sparades. Försök igen om en stund.',
  },
} satisfies Record<string, Phrase>;

export type PhraseKey = keyof typeof PHRASES;

export function t(locale: Locale, key: PhraseKey, params: Record<string, string | number> = {}): string {
  return PHRASES[key][locale].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
