import type { Locale } from '../locale';

/** The dashboard's sign-in link in chat and the messages of its page's API, in fi, sv and en. */
export const DASHBOARD_PHRASES = {
  dashboardLink: {
    en: 'Here is your link to the dashboard. It works once, within 10 minutes:\n{url}',
    fi: 'Tässä linkkisi koontinäkymään. Se toimii kerran, 10 minuutin ajan:\n{url}',
    sv: 'Här är din länk till översikten. Den fungerar en gång, inom 10 minuter:\n{url}',
  },
  dashboardPrivateOnly: {
    en: 'I send the link to the dashboard only in a private chat, as it signs you in. Write "dashboard" to me there.',
    fi: 'Lähetän linkin koontinäkymään vain yksityisessä keskustelussa, koska sillä kirjaudutaan sisään. Kirjoita minulle siellä "koontinäkymä".',
    sv: 'Jag skickar länken till översikten bara i en privat chatt, eftersom den loggar in dig. Skriv "översikt" till mig där.',
  },
  dashboardSignInFailed: {
    en: 'This sign-in link has expired or has been used already. Write "dashboard" to the Logbook bot for a new one.',
    fi: 'Tämä kirjautumislinkki on vanhentunut tai jo käytetty. Kirjoita Logbook-botille "koontinäkymä", niin saat uuden.',
    sv: 'Den här inloggningslänken har gått ut eller redan använts. Skriv "översikt" till Logbook-boten för att få en ny.',
  },
  dashboardTeamsSignInFailed: {
    en: 'Signing in with your Microsoft account did not work, or you are not a member of a Logbook organisation yet. Ask a mentor to add you.',
    fi: 'Kirjautuminen Microsoft-tililläsi ei onnistunut, tai et ole vielä minkään Logbook-organisaation jäsen. Pyydä mentoria lisäämään sinut.',
    sv: 'Inloggningen med ditt Microsoft-konto fungerade inte, eller så är du inte medlem i någon Logbook-organisation än. Be en mentor lägga till dig.',
  },
  dashboardSessionExpired: {
    en: 'Your dashboard session has ended. Open the dashboard again to sign in.',
    fi: 'Koontinäkymän istuntosi on päättynyt. Avaa koontinäkymä uudelleen kirjautuaksesi.',
    sv: 'Din session i översikten har tagit slut. Öppna översikten igen för att logga in.',
  },
  dashboardInvalidField: {
    en: 'Please check this value: {field}.',
    fi: 'Tarkista tämä arvo: {field}.',
    sv: 'Kontrollera det här värdet: {field}.',
  },
  dashboardInvalidPeriod: {
    en: 'Please choose a period with a start and an end date, the start not after the end.',
    fi: 'Valitse ajanjakso, jolla on alku- ja loppupäivä, eikä alku ole lopun jälkeen.',
    sv: 'Välj en period med ett start- och ett slutdatum, där starten inte är efter slutet.',
  },
  dashboardUnknownUnit: {
    en: 'There is no such unit in your organisation.',
    fi: 'Organisaatiossasi ei ole tällaista yksikköä.',
    sv: 'Det finns ingen sådan enhet i din organisation.',
  },
  dashboardUnknownTheme: {
    en: 'These themes are not in your organisation\'s list: {themes}.',
    fi: 'Nämä teemat eivät ole organisaatiosi listalla: {themes}.',
    sv: 'De här temana finns inte i din organisations lista: {themes}.',
  },
  dashboardOwnUnitsOnly: {
    en: 'You can see the numbers of your own units only.',
    fi: 'Näet vain omien yksiköidesi luvut.',
    sv: 'Du kan bara se siffrorna för dina egna enheter.',
  },
  dashboardNothingToChange: {
    en: 'Nothing to change: send at least one field of the entry.',
    fi: 'Ei muutettavaa: lähetä ainakin yksi merkinnän kenttä.',
    sv: 'Inget att ändra: skicka minst ett fält i inlägget.',
  },
  dashboardRequiredField: {
    en: 'An entry of your organisation must have this: {field}.',
    fi: 'Organisaatiosi merkinnässä on oltava tämä: {field}.',
    sv: 'Ett inlägg i din organisation måste ha det här: {field}.',
  },
  dashboardCountsExceedTotal: {
    en: 'The numbers do not add up: {parts} is more than the total of {total} participants.',
    fi: 'Luvut eivät täsmää: {parts} on enemmän kuin osallistujien kokonaismäärä {total}.',
    sv: 'Siffrorna går inte ihop: {parts} är fler än totalt {total} deltagare.',
  },
  dashboardEntryNotFound: {
    en: 'That entry does not exist or has been removed.',
    fi: 'Merkintää ei ole tai se on poistettu.',
    sv: 'Inlägget finns inte eller har tagits bort.',
  },
  dashboardPersonalData: {
    en: 'The notes seem to contain personal data ({kinds}). Please do not store young people\'s names, phone numbers or ID numbers: remove them and save again.',
    fi: 'Muistiinpanoissa näyttää olevan henkilötietoja ({kinds}). Älä tallenna nuorten nimiä, puhelinnumeroita tai henkilötunnuksia: poista ne ja tallenna uudelleen.',
    sv: 'Anteckningarna verkar innehålla personuppgifter ({kinds}). Spara inte ungdomars namn, telefonnummer eller personnummer: ta bort dem och spara igen.',
  },
} satisfies Record<string, Record<Locale, string>>;
