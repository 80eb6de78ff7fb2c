import { ADMIN_PHRASES } from './admin/phrases';
import { GOAL_PHRASES } from './admin/goal-phrases';
import { DASHBOARD_PHRASES } from './dashboard/phrases';
import { EXPORT_PHRASES } from './reports/export-phrases';
import { SCHEDULE_PHRASES } from './schedules/phrases';
import type { Locale } from './locale';

type Phrase = Record<Locale, string>;

/** Every reply the bot sends, in Finnish, Swedish and English. `{name}` marks a parameter. */
export const PHRASES = {
  ...ADMIN_PHRASES,
  ...GOAL_PHRASES,
  ...EXPORT_PHRASES,
  ...SCHEDULE_PHRASES,
  ...DASHBOARD_PHRASES,
  help: {
    en: 'Hi! I am Logbook. After a session, tell me what happened in one message, for example "drop-in tonight, 14 kids, 8 girls, talked about exams and vaping". I will ask for anything missing and save it when you confirm.\nCommands: help, my entries, undo, dashboard (a sign-in link to the dashboard), language fi|sv|en.',
    fi: 'Hei! Olen Logbook. Kerro kohtaamisen jälkeen yhdellä viestillä, mitä tapahtui, esimerkiksi "avoin ilta tänään, 14 nuorta, 8 tyttöä, puhuttiin kokeista ja vapettamisesta". Kysyn puuttuvat tiedot ja tallennan, kun vahvistat.\nKomennot: apua, omat merkinnät, peru viimeisin, koontinäkymä (kirjautumislinkki koontinäkymään), kieli fi|sv|en.',
    sv: 'Hej! Jag är Logbook. Berätta efter en träff i ett meddelande vad som hände, till exempel "öppen kväll ikväll, 14 ungdomar, 8 tjejer, pratade om prov och vejp". Jag frågar efter det som saknas och sparar när du bekräftar.\nKommandon: hjälp, mina inlägg, ångra, översikt (en inloggningslänk till översikten), språk fi|sv|en.',
  },
  unknownOrganisation: {
    en: 'This workspace has no Logbook organisation yet. The administrator of your Logbook service can set it up with "npx logbook org create --name NAME --teams-tenant ID --mentor …" (see the README).',
    fi: 'Tällä työtilalla ei ole vielä Logbook-organisaatiota. Logbook-palvelusi ylläpitäjä voi luoda sen komennolla "npx logbook org create --name NIMI --teams-tenant ID --mentor …" (katso README).',
    sv: 'Den här arbetsytan har ingen Logbook-organisation än. Administratören för er Logbook-tjänst kan skapa den med "npx logbook org create --name NAMN --teams-tenant ID --mentor …" (se README).',
  },
  unknownMember: {
    en: 'Hi! You are not a member of {organisation} in Logbook yet. A mentor of your organisation must add you first.',
    fi: 'Hei! Et ole vielä Logbookissa organisaation {organisation} jäsen. Organisaatiosi mentorin täytyy ensin lisätä sinut.',
    sv: 'Hej! Du är inte medlem i {organisation} i Logbook än. En mentor i din organisation måste först lägga till dig.',
  },
  rateLimited: {
    en: 'You are writing faster than I can keep up with. Please wait {seconds} seconds and send it again; nothing of this message was saved.',
    fi: 'Kirjoitat nopeammin kuin ehdin seurata. Odota {seconds} sekuntia ja lähetä viesti uudelleen; tästä viestistä ei tallennettu mitään.',
    sv: 'Du skriver snabbare än jag hinner med. Vänta {seconds} sekunder och skicka det igen; inget av det här meddelandet sparades.',
  },
  unavailable: {
    en: 'Sorry, I cannot reach the database right now, so nothing was saved. Please try again in a moment.',
    fi: 'Pahoittelen, en saa juuri nyt yhteyttä tietokantaan, joten mitään ei tallennettu. Yritä hetken päästä uudelleen.',
    sv: 'Förlåt, jag når inte databasen just nu, så inget sparades. Försök igen om en stund.',
  },
  tooManyAtOnce: {
    en: 'Several of your messages arrived at the same moment and I could not keep up, so nothing of this one was saved. Please send it again.',
    fi: 'Useita viestejäsi saapui samalla hetkellä enkä pysynyt perässä, joten tästä viestistä ei tallennettu mitään. Lähetä se uudelleen.',
    sv: 'Flera av dina meddelanden kom i samma ögonblick och jag hann inte med, så inget av det här sparades. Skicka det igen.',
  },
  askWorkForm: {
    en: 'What kind of work was it? For example open activity, group, individual meeting, event, outreach, online or camp.',
    fi: 'Mikä työmuoto oli kyseessä? Esimerkiksi avoin toiminta, ryhmä, yksilötapaaminen, tapahtuma, jalkautuva työ, verkossa tai leiri.',
    sv: 'Vilken verksamhetsform var det? Till exempel öppen verksamhet, grupp, enskilt möte, evenemang, fältarbete, på nätet eller läger.',
  },
  askTotal: {
    en: 'How many young people took part? A number is enough, for example 12.',
    fi: 'Montako nuorta osallistui? Pelkkä luku riittää, esimerkiksi 12.',
    sv: 'Hur många ungdomar deltog? Det räcker med en siffra, till exempel 12.',
  },
  askDate: {
    en: 'When was it? For example today, yesterday, Monday or 24.11.',
    fi: 'Milloin se oli? Esimerkiksi tänään, eilen, maanantaina tai 24.11.',
    sv: 'När var det? Till exempel idag, igår, i måndags eller 24.11.',
  },
  askDuration: {
    en: 'How long did it take? For example 2 h, 90 min or 16-18.',
    fi: 'Kauanko se kesti? Esimerkiksi 2 h, 90 min tai 16-18.',
    sv: 'Hur länge höll det på? Till exempel 2 h, 90 min eller 16-18.',
  },
  askUnit: {
    en: 'Which unit was it? ({options})',
    fi: 'Missä yksikössä se oli? ({options})',
    sv: 'Vilken enhet var det? ({options})',
  },
  askActivity: {
    en: 'Which activity was it? ({options})',
    fi: 'Mikä toiminto se oli? ({options})',
    sv: 'Vilken aktivitet var det? ({options})',
  },
  notUnderstood: {
    en: 'Sorry, I did not catch that.',
    fi: 'Anteeksi, en ymmärtänyt.',
    sv: 'Förlåt, det förstod jag inte.',
  },
  countConflict: {
    en: 'The numbers do not add up: the groups you mentioned make {parts}, but the total is {total}. How many took part in total?',
    fi: 'Luvut eivät täsmää: mainitsemasi ryhmät ovat yhteensä {parts}, mutta kokonaismäärä on {total}. Montako osallistui yhteensä?',
    sv: 'Siffrorna går inte ihop: grupperna du nämnde blir {parts}, men totalen är {total}. Hur många deltog totalt?',
  },
  summaryIntro: {
    en: 'Here is what I understood. Shall I save it?',
    fi: 'Näin ymmärsin. Tallennetaanko?',
    sv: 'Så här förstod jag det. Ska jag spara?',
  },
  summaryTitle: {
    en: 'New log',
    fi: 'Uusi merkintä',
    sv: 'Ny logg',
  },
  save: { en: 'Save', fi: 'Tallenna', sv: 'Spara' },
  edit: { en: 'Edit', fi: 'Muokkaa', sv: 'Ändra' },
  cancel: { en: 'Cancel', fi: 'Peru', sv: 'Avbryt' },
  saved: {
    en: 'Saved, thank you! If something is wrong, write "undo".',
    fi: 'Tallennettu, kiitos! Jos jokin meni väärin, kirjoita "peru viimeisin".',
    sv: 'Sparat, tack! Om något blev fel, skriv "ångra".',
  },
  cancelled: {
    en: 'OK, I discarded the log. Nothing was saved.',
    fi: 'Selvä, hylkäsin merkinnän. Mitään ei tallennettu.',
    sv: 'Okej, jag slängde loggen. Inget sparades.',
  },
  editPrompt: {
    en: 'What should I change? For example "actually 14 kids", "it was 3 hours" or "date yesterday".',
    fi: 'Mitä muutetaan? Esimerkiksi "oikeasti 14 nuorta", "oli 3 tuntia" tai "päivä eilen".',
    sv: 'Vad ska jag ändra? Till exempel "egentligen 14 ungdomar", "det var 3 timmar" eller "datum igår".',
  },
  confirmReminder: {
    en: 'Shall I save it? Answer yes, edit or cancel, or tell me what to change.',
    fi: 'Tallennetaanko? Vastaa kyllä, muokkaa tai peru, tai kerro mitä muutetaan.',
    sv: 'Ska jag spara? Svara ja, ändra eller avbryt, eller berätta vad som ska ändras.',
  },
  privacyWarning: {
    en: 'Your notes seem to contain personal data ({kinds}). Please do not store young people\'s names, phone numbers or ID numbers. Send the notes again without them, or choose below.',
    fi: 'Muistiinpanoissasi näyttää olevan henkilötietoja ({kinds}). Älä tallenna nuorten nimiä, puhelinnumeroita tai henkilötunnuksia. Lähetä muistiinpanot uudelleen ilman niitä tai valitse alta.',
    sv: 'Dina anteckningar verkar innehålla personuppgifter ({kinds}). Spara inte ungdomars namn, telefonnummer eller personnummer. Skicka anteckningarna igen utan dem, eller välj nedan.',
  },
  privacyTitle: { en: 'Personal data in the notes', fi: 'Henkilötietoja muistiinpanoissa', sv: 'Personuppgifter i anteckningarna' },
  maskPersonalData: { en: 'Remove them for me', fi: 'Poista ne puolestani', sv: 'Ta bort dem åt mig' },
  keepNotes: { en: 'Keep as written', fi: 'Pidä sellaisenaan', sv: 'Behåll som det är' },
  personalName: { en: 'a name', fi: 'nimi', sv: 'ett namn' },
  personalPhone: { en: 'a phone number', fi: 'puhelinnumero', sv: 'ett telefonnummer' },
  personalId: { en: 'an ID number', fi: 'henkilötunnus', sv: 'ett personnummer' },
  personalEmail: { en: 'an e-mail address', fi: 'sähköpostiosoite', sv: 'en e-postadress' },
  staleCard: {
    en: 'That card is out of date. Here is the log as it is now.',
    fi: 'Tuo kortti on vanhentunut. Tässä merkintä nykyisellään.',
    sv: 'Det kortet är inaktuellt. Här är loggen som den är nu.',
  },
  noDraft: {
    en: 'There is no log in progress. Tell me about a session to start one.',
    fi: 'Keskeneräistä merkintää ei ole. Kerro kohtaamisesta, niin aloitetaan uusi.',
    sv: 'Det finns ingen påbörjad logg. Berätta om en träff så börjar vi en ny.',
  },
  replacedDraft: {
    en: 'I discarded your earlier unsaved log and started a new one from this message.',
    fi: 'Hylkäsin aiemman tallentamattoman merkintäsi ja aloitin uuden tästä viestistä.',
    sv: 'Jag slängde din tidigare osparade logg och började en ny från det här meddelandet.',
  },
  undone: {
    en: 'Removed your last entry: {entry}.',
    fi: 'Poistin viimeisimmän merkintäsi: {entry}.',
    sv: 'Tog bort ditt senaste inlägg: {entry}.',
  },
  nothingToUndo: {
    en: 'You have no saved entries to undo.',
    fi: 'Sinulla ei ole tallennettuja merkintöjä, joita perua.',
    sv: 'Du har inga sparade inlägg att ångra.',
  },
  myEntries: { en: 'Your latest entries:', fi: 'Viimeisimmät merkintäsi:', sv: 'Dina senaste inlägg:' },
  noEntries: {
    en: 'You have no saved entries yet.',
    fi: 'Sinulla ei ole vielä tallennettuja merkintöjä.',
    sv: 'Du har inga sparade inlägg än.',
  },
  languageSet: {
    en: 'OK, I will answer in English from now on.',
    fi: 'Selvä, vastaan tästä lähtien suomeksi.',
    sv: 'Okej, jag svarar på svenska från och med nu.',
  },
  participantsCount: { en: '{count} participants', fi: '{count} osallistujaa', sv: '{count} deltagare' },
  yes: { en: 'yes', fi: 'kyllä', sv: 'ja' },
  no: { en: 'no', fi: 'ei', sv: 'nej' },
  fieldDate: { en: 'Date', fi: 'Päivä', sv: 'Datum' },
  fieldUnit: { en: 'Unit', fi: 'Yksikkö', sv: 'Enhet' },
  fieldActivity: { en: 'Activity', fi: 'Toiminto', sv: 'Aktivitet' },
  fieldWorkForm: { en: 'Work form', fi: 'Työmuoto', sv: 'Verksamhetsform' },
  fieldDuration: { en: 'Duration', fi: 'Kesto', sv: 'Längd' },
  fieldParticipants: { en: 'Participants', fi: 'Osallistujat', sv: 'Deltagare' },
  fieldGirls: { en: 'girls', fi: 'tyttöä', sv: 'tjejer' },
  fieldBoys: { en: 'boys', fi: 'poikaa', sv: 'killar' },
  fieldNonBinary: { en: 'non-binary', fi: 'muunsukupuolista', sv: 'icke-binära' },
  fieldNew: { en: 'new', fi: 'uutta', sv: 'nya' },
  fieldThemes: { en: 'Themes', fi: 'Teemat', sv: 'Teman' },
  fieldYouthLed: { en: 'Youth-led', fi: 'Nuorten toteuttama', sv: 'Ungdomsledd' },
  fieldStaff: { en: 'Staff', fi: 'Ohjaajia', sv: 'Personal' },
  fieldAges: { en: 'Ages', fi: 'Ikäryhmät', sv: 'Åldrar' },
  fieldNotes: { en: 'Notes', fi: 'Muistiinpanot', sv: 'Anteckningar' },
  workFormOpen: { en: 'open activity', fi: 'avoin toiminta', sv: 'öppen verksamhet' },
  workFormGroup: { en: 'group', fi: 'ryhmätoiminta', sv: 'gruppverksamhet' },
  workFormIndividual: { en: 'individual meeting', fi: 'yksilötyö', sv: 'enskilt möte' },
  workFormEvent: { en: 'event', fi: 'tapahtuma', sv: 'evenemang' },
  workFormOutreach: { en: 'outreach work', fi: 'jalkautuva työ', sv: 'fältarbete' },
  workFormDigital: { en: 'online youth work', fi: 'digitaalinen nuorisotyö', sv: 'digitalt ungdomsarbete' },
  workFormCamp: { en: 'camp', fi: 'leiri', sv: 'läger' },
  workingOnIt: {
    en: 'Working on it…',
    fi: 'Hetki, käsittelen…',
    sv: 'Ett ögonblick, jag jobbar på det…',
  },
  welcomeNewOrganisation: {
    en: 'Welcome to Logbook! I created the organisation "{organisation}" for this workspace, and you are its mentor. Your colleagues can start logging once you add them.',
    fi: 'Tervetuloa Logbookiin! Loin tälle työtilalle organisaation "{organisation}", ja sinä olet sen mentori. Kollegasi voivat aloittaa kirjaamisen, kun lisäät heidät.',
    sv: 'Välkommen till Logbook! Jag skapade organisationen "{organisation}" för den här arbetsytan, och du är dess mentor. Dina kolleger kan börja logga när du lägger till dem.',
  },
} satisfies Record<string, Phrase>;

export type PhraseKey = keyof typeof PHRASES;

export function t(locale: Locale, key: PhraseKey, params: Record<string, string | number> = {}): string {
  return fillPhrase(PHRASES[key][locale], params);
}

/** Puts the parameters into a phrase's `{name}` marks; unknown marks stay as they are. */
export function fillPhrase(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
