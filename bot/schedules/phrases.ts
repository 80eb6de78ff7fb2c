import type { Locale } from '../locale';

/** The replies of digest and reminder commands, the reminders and the weekly digest, in fi, sv and en. */
export const SCHEDULE_PHRASES = {
  weekdayEvery1: { en: 'on Mondays', fi: 'maanantaisin', sv: 'på måndagar' },
  weekdayEvery2: { en: 'on Tuesdays', fi: 'tiistaisin', sv: 'på tisdagar' },
  weekdayEvery3: { en: 'on Wednesdays', fi: 'keskiviikkoisin', sv: 'på onsdagar' },
  weekdayEvery4: { en: 'on Thursdays', fi: 'torstaisin', sv: 'på torsdagar' },
  weekdayEvery5: { en: 'on Fridays', fi: 'perjantaisin', sv: 'på fredagar' },
  weekdayEvery6: { en: 'on Saturdays', fi: 'lauantaisin', sv: 'på lördagar' },
  weekdayEvery7: { en: 'on Sundays', fi: 'sunnuntaisin', sv: 'på söndagar' },
  weekdayShort1: { en: 'Mon', fi: 'ma', sv: 'mån' },
  weekdayShort2: { en: 'Tue', fi: 'ti', sv: 'tis' },
  weekdayShort3: { en: 'Wed', fi: 'ke', sv: 'ons' },
  weekdayShort4: { en: 'Thu', fi: 'to', sv: 'tors' },
  weekdayShort5: { en: 'Fri', fi: 'pe', sv: 'fre' },
  weekdayShort6: { en: 'Sat', fi: 'la', sv: 'lör' },
  weekdayShort7: { en: 'Sun', fi: 'su', sv: 'sön' },
  everyDay: { en: 'every day', fi: 'joka päivä', sv: 'varje dag' },

  helpDigest: {
    en: 'Weekly digest: digest monday 8:00 · digest off.',
    fi: 'Viikkokooste: viikkokooste maanantaisin 8:00 · kooste pois.',
    sv: 'Veckosammanfattning: veckosammanfattning måndag 8:00 · sammanfattning av.',
  },
  helpReminders: {
    en: 'Reminders: remind me 2 hours after my sessions at 18:00 on Tue and Thu · reminders quiet 21-8 · snooze reminders 3 days · stop reminders.',
    fi: 'Muistutukset: muistuta 2 tuntia session jälkeen ti ja to klo 18 · hiljaiset tunnit 21-8 · torkku 3 päivää · lopeta muistutukset.',
    sv: 'Påminnelser: påminn mig 2 timmar efter mina pass tis och tors kl 18 · tysta timmar 21-8 · snooza påminnelser 3 dagar · stoppa påminnelser.',
  },

  digestSet: {
    en: 'Done: your weekly digest comes {weekday} at {time} ({timeZone}), with the numbers and notes of the last 7 days. To stop it, write "digest off".',
    fi: 'Selvä: viikkokooste tulee {weekday} klo {time} ({timeZone}), ja siinä ovat edellisten 7 päivän luvut ja muistiinpanot. Lopettaaksesi kirjoita "kooste pois".',
    sv: 'Klart: veckosammanfattningen kommer {weekday} kl. {time} ({timeZone}), med siffrorna och anteckningarna från de senaste 7 dagarna. Skriv "sammanfattning av" för att stoppa den.',
  },
  digestOff: {
    en: 'OK, no more weekly digests. "digest monday 8:00" turns it on again.',
    fi: 'Selvä, viikkokoostetta ei enää lähetetä. "viikkokooste maanantaisin 8:00" ottaa sen taas käyttöön.',
    sv: 'Okej, inga fler veckosammanfattningar. "veckosammanfattning måndag 8:00" slår på den igen.',
  },
  digestShow: {
    en: 'Your weekly digest comes {weekday} at {time} ({timeZone}). "digest off" stops it.',
    fi: 'Viikkokooste tulee {weekday} klo {time} ({timeZone}). "kooste pois" lopettaa sen.',
    sv: 'Veckosammanfattningen kommer {weekday} kl. {time} ({timeZone}). "sammanfattning av" stoppar den.',
  },
  digestNone: {
    en: 'You get no weekly digest. For example "digest monday 8:00" sends you the last 7 days every Monday at 8:00.',
    fi: 'Et saa viikkokoostetta. Esimerkiksi "viikkokooste maanantaisin 8:00" lähettää edelliset 7 päivää joka maanantai klo 8.00.',
    sv: 'Du får ingen veckosammanfattning. Till exempel "veckosammanfattning måndag 8:00" skickar de senaste 7 dagarna varje måndag kl. 8.00.',
  },
  digestUsage: {
    en: 'Tell me the day and the time, for example "digest monday 8:00" or "weekly digest friday 15". "digest off" stops it.',
    fi: 'Kerro päivä ja kellonaika, esimerkiksi "viikkokooste maanantaisin 8:00" tai "kooste pe klo 15". "kooste pois" lopettaa sen.',
    sv: 'Ange dag och tid, till exempel "veckosammanfattning måndag 8:00" eller "sammanfattning fredag kl 15". "sammanfattning av" stoppar den.',
  },

  reminderSet: {
    en: 'Done: when you have not logged {hours} h after a session at {times} ({days}), I will remind you. "snooze reminders 3 days" pauses the reminders, "stop reminders" stops them.',
    fi: 'Selvä: jos et ole kirjannut mitään {hours} h session alun jälkeen (klo {times}, {days}), muistutan sinua. "torkku 3 päivää" tauottaa muistutukset, "lopeta muistutukset" lopettaa ne.',
    sv: 'Klart: om du inte har loggat {hours} h efter ett pass kl. {times} ({days}) påminner jag dig. "snooza påminnelser 3 dagar" pausar påminnelserna, "stoppa påminnelser" stoppar dem.',
  },
  reminderShow: {
    en: 'I remind you {hours} h after your sessions at {times} ({days}) when you have not logged by then.',
    fi: 'Muistutan sinua {hours} h session alun jälkeen (klo {times}, {days}), jos et ole kirjannut siihen mennessä.',
    sv: 'Jag påminner dig {hours} h efter dina pass kl. {times} ({days}) om du inte har loggat då.',
  },
  reminderNone: {
    en: 'You have no reminders. For example "remind me 2 hours after my sessions at 18:00 on Tue and Thu".',
    fi: 'Sinulla ei ole muistutuksia. Esimerkiksi "muistuta 2 tuntia session jälkeen ti ja to klo 18".',
    sv: 'Du har inga påminnelser. Till exempel "påminn mig 2 timmar efter mina pass tis och tors kl 18".',
  },
  reminderUsage: {
    en: 'Tell me when your sessions start, for example "remind me 2 hours after my sessions at 18:00 on Tue and Thu" (without days: every day; without hours: 2 hours). Also: "reminders quiet 21-8", "snooze reminders 3 days", "stop reminders".',
    fi: 'Kerro, milloin sessiosi alkavat, esimerkiksi "muistuta 2 tuntia session jälkeen ti ja to klo 18" (ilman päiviä: joka päivä; ilman tunteja: 2 tuntia). Lisäksi: "hiljaiset tunnit 21-8", "torkku 3 päivää", "lopeta muistutukset".',
    sv: 'Berätta när dina pass börjar, till exempel "påminn mig 2 timmar efter mina pass tis och tors kl 18" (utan dagar: varje dag; utan timmar: 2 timmar). Dessutom: "tysta timmar 21-8", "snooza påminnelser 3 dagar", "stoppa påminnelser".',
  },
  reminderStopped: {
    en: 'OK, I stopped your reminders. "remind me at 18:00" turns them on again.',
    fi: 'Selvä, lopetin muistutukset. "muistuta klo 18" ottaa ne taas käyttöön.',
    sv: 'Okej, jag stoppade dina påminnelser. "påminn mig kl 18" slår på dem igen.',
  },
  reminderStoppedShow: {
    en: 'Your reminders are stopped. "remind me at 18:00" turns them on again.',
    fi: 'Muistutuksesi on lopetettu. "muistuta klo 18" ottaa ne taas käyttöön.',
    sv: 'Dina påminnelser är stoppade. "påminn mig kl 18" slår på dem igen.',
  },
  reminderSnoozed: {
    en: 'OK, no reminders until {until}.',
    fi: 'Selvä, muistutukset ovat tauolla {until} asti.',
    sv: 'Okej, inga påminnelser förrän {until}.',
  },
  reminderSnoozedShow: { en: 'Paused until {until}.', fi: 'Tauolla {until} asti.', sv: 'Pausade till {until}.' },
  quietHoursSet: {
    en: 'Done: no reminders between {start} and {end}; one that falls due then comes at {end}.',
    fi: 'Selvä: ei muistutuksia klo {start}–{end}; sinä aikana erääntyvä muistutus tulee klo {end}.',
    sv: 'Klart: inga påminnelser mellan {start} och {end}; en som infaller då kommer kl. {end}.',
  },
  quietHoursOff: { en: 'Done: no quiet hours.', fi: 'Selvä: ei hiljaisia tunteja.', sv: 'Klart: inga tysta timmar.' },
  quietHoursShow: { en: 'Quiet hours {start}–{end}.', fi: 'Hiljaiset tunnit klo {start}–{end}.', sv: 'Tysta timmar {start}–{end}.' },
  reminderMessage: {
    en: 'Hi! I have no log from you since your session of {session}. Tell me about it in one message, for example "drop-in tonight, 14 kids, talked about exams". "snooze reminders 3 days" pauses these reminders, "stop reminders" stops them.',
    fi: 'Hei! En ole saanut sinulta merkintää sessiosi ({session}) jälkeen. Kerro siitä yhdellä viestillä, esimerkiksi "avoin ilta tänään, 14 nuorta, puhuttiin kokeista". "torkku 3 päivää" tauottaa muistutukset, "lopeta muistutukset" lopettaa ne.',
    sv: 'Hej! Jag har ingen logg från dig sedan ditt pass {session}. Berätta om det i ett meddelande, till exempel "öppen kväll ikväll, 14 ungdomar, pratade om prov". "snooza påminnelser 3 dagar" pausar påminnelserna, "stoppa påminnelser" stoppar dem.',
  },

  digestTitle: { en: 'Weekly digest, {period}', fi: 'Viikkokooste, {period}', sv: 'Veckosammanfattning, {period}' },
  digestTotals: {
    en: 'Entries {entries}, participants {participants}.',
    fi: 'Merkintöjä {entries}, osallistujia {participants}.',
    sv: 'Inlägg {entries}, deltagare {participants}.',
  },
  digestBefore: {
    en: 'The 7 days before: entries {entries}, participants {participants}.',
    fi: 'Edelliset 7 päivää: merkintöjä {entries}, osallistujia {participants}.',
    sv: 'De 7 dagarna före: inlägg {entries}, deltagare {participants}.',
  },
  digestUnits: {
    en: 'By unit (entries / participants): {units}.',
    fi: 'Yksiköittäin (merkinnät / osallistujat): {units}.',
    sv: 'Per enhet (inlägg / deltagare): {units}.',
  },
  digestThemes: { en: 'Top themes: {themes}.', fi: 'Yleisimmät teemat: {themes}.', sv: 'Vanligaste teman: {themes}.' },
  digestNoEntries: { en: 'No entries in {period}.', fi: 'Ajalta {period} ei ole merkintöjä.', sv: 'Inga inlägg för {period}.' },
  digestFactUnits: { en: 'By unit', fi: 'Yksiköittäin', sv: 'Per enhet' },
  digestFactThemes: { en: 'Top themes', fi: 'Yleisimmät teemat', sv: 'Vanligaste teman' },
} satisfies Record<string, Record<Locale, string>>;
