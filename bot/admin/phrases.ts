import type { Locale } from '../locale';

/** The replies of mentor commands, role checks, confirmations and reflection questions, in fi, sv and en. */
export const ADMIN_PHRASES = {
  helpMentor: {
    en: 'Mentor commands:\n• add @name [as worker|manager|mentor] · add name@example.org · make @name a manager · units for @name: Kipinä, Majakka · remove user @name · users\n• add unit NAME [aliases A, B] · add activity NAME [in unit UNIT] [as group] · add theme NAME: keyword, keyword (or fi: …; sv: …; en: …)\n• rename unit OLD to NEW · archive unit NAME · add alias A to unit NAME · add keywords A, B to theme NAME · units · activities · themes\n• required fields date, work form, participants · reflection questions What went well? | What was hard? · reflection questions none\n• time zone Europe/Helsinki · default language fi · note retention 365 days · settings · audit',
    fi: 'Mentorin komennot:\n• lisää @nimi [työntekijäksi|esihenkilöksi|mentoriksi] · lisää nimi@esimerkki.fi · tee @nimi esihenkilöksi · yksiköt @nimi: Kipinä, Majakka · poista käyttäjä @nimi · käyttäjät\n• lisää yksikkö NIMI [aliakset A, B] · lisää toiminto NIMI [yksikköön YKSIKKÖ] [työmuoto ryhmä] · lisää teema NIMI: avainsana, avainsana (tai fi: …; sv: …; en: …)\n• nimeä yksikkö VANHA uudelleen: UUSI · arkistoi yksikkö NIMI · lisää alias A yksikölle NIMI · teeman NIMI avainsanat: A, B · yksiköt · toiminnot · teemat\n• pakolliset kentät: päivä, työmuoto, osallistujat · reflektiokysymykset: Mikä meni hyvin? | Mikä oli vaikeaa? · reflektiokysymykset: ei\n• aikavyöhyke Europe/Helsinki · oletuskieli fi · muistiinpanojen säilytys 365 päivää · asetukset · loki',
    sv: 'Kommandon för mentorer:\n• lägg till @namn [som medarbetare|chef|mentor] · lägg till namn@exempel.fi · gör @namn till chef · enheter för @namn: Kipinä, Majakka · ta bort användaren @namn · användare\n• lägg till enhet NAMN [alias A, B] · lägg till aktivitet NAMN [i enheten ENHET] [som grupp] · lägg till tema NAMN: nyckelord, nyckelord (eller fi: …; sv: …; en: …)\n• byt namn på enheten GAMMALT till NYTT · arkivera enheten NAMN · lägg till alias A för enheten NAMN · nyckelord för temat NAMN: A, B · enheter · aktiviteter · teman\n• obligatoriska fält: datum, verksamhetsform, deltagare · reflektionsfrågor: Vad gick bra? | Vad var svårt? · reflektionsfrågor: inga\n• tidszon Europe/Helsinki · standardspråk sv · spara anteckningar 365 dagar · inställningar · logg',
  },
  refusedMentorsOnly: {
    en: 'Sorry, only a mentor of your organisation can do that, so nothing was changed. Ask one of your mentors.',
    fi: 'Valitettavasti vain organisaatiosi mentori voi tehdä tämän, joten mitään ei muutettu. Pyydä apua mentoriltanne.',
    sv: 'Tyvärr kan bara en mentor i din organisation göra det, så inget ändrades. Fråga någon av era mentorer.',
  },
  refusedReports: {
    en: 'Sorry, reports are for managers and mentors. Ask a mentor of your organisation if you need one.',
    fi: 'Valitettavasti raportit ovat esihenkilöille ja mentoreille. Pyydä organisaatiosi mentoria, jos tarvitset sellaisen.',
    sv: 'Tyvärr är rapporter till för chefer och mentorer. Fråga en mentor i din organisation om du behöver en.',
  },
  roleWorker: { en: 'worker', fi: 'työntekijä', sv: 'medarbetare' },
  roleMentor: { en: 'mentor', fi: 'mentori', sv: 'mentor' },
  roleManager: { en: 'manager', fi: 'esihenkilö', sv: 'chef' },
  memberNoName: { en: '(no name yet)', fi: '(ei vielä nimeä)', sv: '(inget namn än)' },
  memberAdded: {
    en: 'Added {name} as {role}. They can start logging right away.',
    fi: 'Lisäsin käyttäjän {name} ({role}). Hän voi aloittaa kirjaamisen heti.',
    sv: 'La till {name} som {role}. Hen kan börja logga direkt.',
  },
  memberAddedByEmail: {
    en: 'Added {name} as {role}. Their account is connected when they first write to me here, if the channel shows that email address.',
    fi: 'Lisäsin käyttäjän {name} ({role}). Tili yhdistyy, kun hän kirjoittaa minulle ensimmäisen kerran ja kanava kertoo tämän sähköpostiosoitteen.',
    sv: 'La till {name} som {role}. Kontot kopplas när hen skriver till mig första gången, om kanalen visar den e-postadressen.',
  },
  memberRestored: {
    en: '{name} was removed earlier; they are back as {role}, with their old entries.',
    fi: '{name} oli aiemmin poistettu; palautin hänet ({role}) vanhoine merkintöineen.',
    sv: '{name} var borttagen tidigare; hen är tillbaka som {role}, med sina gamla inlägg.',
  },
  memberExists: {
    en: '{name} is a member already.',
    fi: '{name} on jo jäsen.',
    sv: '{name} är redan medlem.',
  },
  memberAddHow: {
    en: 'Whom should I add? @mention the colleague or give their email address, for example "add name@example.org as worker".',
    fi: 'Kenet lisään? @mainitse kollega tai anna hänen sähköpostiosoitteensa, esimerkiksi "lisää nimi@esimerkki.fi työntekijäksi".',
    sv: 'Vem ska jag lägga till? @nämn kollegan eller ange e-postadressen, till exempel "lägg till namn@exempel.fi som medarbetare".',
  },
  memberNotFound: {
    en: 'I found no member called "{who}". Write "users" to see them all.',
    fi: 'En löytänyt jäsentä "{who}". Kirjoita "käyttäjät", niin näet kaikki.',
    sv: 'Jag hittade ingen medlem som heter "{who}". Skriv "användare" för att se alla.',
  },
  memberAmbiguous: {
    en: '"{who}" matches several members: {names}. Please write the name in full or use the email address.',
    fi: '"{who}" sopii useaan jäseneen: {names}. Kirjoita koko nimi tai käytä sähköpostiosoitetta.',
    sv: '"{who}" passar flera medlemmar: {names}. Skriv hela namnet eller använd e-postadressen.',
  },
  roleSet: {
    en: '{name} is now {role}.',
    fi: '{name} on nyt rooliltaan {role}.',
    sv: '{name} är nu {role}.',
  },
  roleUnchanged: {
    en: '{name} is {role} already.',
    fi: '{name} on jo rooliltaan {role}.',
    sv: '{name} är redan {role}.',
  },
  lastMentor: {
    en: 'The organisation must keep at least one mentor, so I changed nothing.',
    fi: 'Organisaatiolla täytyy olla ainakin yksi mentori, joten en muuttanut mitään.',
    sv: 'Organisationen måste ha minst en mentor, så jag ändrade ingenting.',
  },
  cannotRemoveSelf: {
    en: 'You cannot remove yourself. Another mentor can do it.',
    fi: 'Et voi poistaa itseäsi. Toinen mentori voi tehdä sen.',
    sv: 'Du kan inte ta bort dig själv. En annan mentor kan göra det.',
  },
  unitsSet: {
    en: 'Units of {name}: {units}.',
    fi: 'Käyttäjän {name} yksiköt: {units}.',
    sv: 'Enheter för {name}: {units}.',
  },
  unitsCleared: {
    en: '{name} has no units now (the whole organisation).',
    fi: 'Käyttäjällä {name} ei nyt ole yksiköitä (koko organisaatio).',
    sv: '{name} har inga enheter nu (hela organisationen).',
  },
  unknownUnits: {
    en: 'I do not know these units: {names}. The units are: {options}.',
    fi: 'En tunne näitä yksiköitä: {names}. Yksiköt ovat: {options}.',
    sv: 'Jag känner inte till de här enheterna: {names}. Enheterna är: {options}.',
  },
  confirmRemoveMember: {
    en: 'Remove {name} from the organisation? Their entries stay and stay theirs, but they can no longer use Logbook.',
    fi: 'Poistetaanko {name} organisaatiosta? Hänen merkintänsä säilyvät hänen niminään, mutta hän ei voi enää käyttää Logbookia.',
    sv: 'Ta bort {name} från organisationen? Hens inlägg finns kvar och är fortfarande hens, men hen kan inte längre använda Logbook.',
  },
  memberRemoved: {
    en: 'Removed {name}. Their entries stay.',
    fi: 'Poistin käyttäjän {name}. Hänen merkintänsä säilyvät.',
    sv: 'Tog bort {name}. Hens inlägg finns kvar.',
  },
  membersTitle: { en: 'Members ({count}):', fi: 'Jäsenet ({count}):', sv: 'Medlemmar ({count}):' },
  kindUnit: { en: 'unit', fi: 'yksikkö', sv: 'enheten' },
  kindActivity: { en: 'activity', fi: 'toiminto', sv: 'aktiviteten' },
  kindTheme: { en: 'theme', fi: 'teema', sv: 'temat' },
  catalogueAdded: {
    en: 'Added the {kind} "{name}".',
    fi: 'Lisätty {kind} "{name}".',
    sv: 'La till {kind} "{name}".',
  },
  catalogueRestored: {
    en: 'The {kind} "{name}" was archived; it is in use again.',
    fi: 'Arkistoitu {kind} "{name}" on taas käytössä.',
    sv: 'Jag tog {kind} "{name}" ur arkivet och i bruk igen.',
  },
  catalogueExists: {
    en: 'The {kind} "{name}" exists already.',
    fi: '{kind} "{name}" on jo olemassa.',
    sv: '{kind} "{name}" finns redan.',
  },
  catalogueNotFound: {
    en: 'I found no {kind} called "{name}". There are: {options}.',
    fi: 'En löytänyt nimeä "{name}" ({kind}). Nyt on: {options}.',
    sv: 'Jag hittade inget som heter "{name}" ({kind}). Nu finns: {options}.',
  },
  catalogueRenamed: {
    en: 'Renamed the {kind} "{name}" to "{newName}". The old name still works as an alias.',
    fi: 'Nimesin uudelleen: {kind} "{name}" on nyt "{newName}". Vanha nimi toimii edelleen aliaksena.',
    sv: 'Bytte namn på {kind} "{name}" till "{newName}". Det gamla namnet fungerar fortfarande som alias.',
  },
  themeRenamed: {
    en: 'The theme "{name}" is now called "{newName}" in {language}.',
    fi: 'Teeman "{name}" nimi on nyt "{newName}" ({language}).',
    sv: 'Temat "{name}" heter nu "{newName}" på {language}.',
  },
  confirmArchive: {
    en: 'Archive the {kind} "{name}"? It will no longer be offered or recognised in new logs. Saved entries stay as they are.',
    fi: 'Arkistoidaanko {kind} "{name}"? Sitä ei enää tarjota eikä tunnisteta uusissa merkinnöissä. Tallennetut merkinnät säilyvät ennallaan.',
    sv: 'Arkivera {kind} "{name}"? Den erbjuds och känns inte längre igen i nya loggar. Sparade inlägg förblir som de är.',
  },
  catalogueArchived: {
    en: 'Archived the {kind} "{name}". Saved entries stay as they are, and it can be added again later.',
    fi: 'Arkistoitu {kind} "{name}". Tallennetut merkinnät säilyvät, ja sen voi myöhemmin lisätä takaisin.',
    sv: 'Arkiverade {kind} "{name}". Sparade inlägg förblir som de är, och namnet kan läggas till igen senare.',
  },
  aliasesAdded: {
    en: 'The {kind} "{name}" is now also recognised by: {aliases}.',
    fi: 'Tunnistan nyt myös nämä ({kind} "{name}"): {aliases}.',
    sv: 'Nu känner jag också igen {kind} "{name}" på: {aliases}.',
  },
  aliasesUnchanged: {
    en: 'I recognise the {kind} "{name}" by those already.',
    fi: 'Tunnistan jo nuo ({kind} "{name}").',
    sv: 'Jag känner redan igen {kind} "{name}" på dem.',
  },
  unknownUnit: {
    en: 'I found no unit called "{name}". The units are: {options}.',
    fi: 'En löytänyt yksikköä "{name}". Yksiköt ovat: {options}.',
    sv: 'Jag hittade ingen enhet som heter "{name}". Enheterna är: {options}.',
  },
  unknownWorkForm: {
    en: 'I do not know the work form "{value}". Use open, group, individual, event, outreach, digital or camp.',
    fi: 'En tunne työmuotoa "{value}". Käytä jotain näistä: avoin, ryhmä, yksilö, tapahtuma, jalkautuva, digitaalinen tai leiri.',
    sv: 'Jag känner inte till verksamhetsformen "{value}". Använd öppen, grupp, enskild, evenemang, fältarbete, digital eller läger.',
  },
  listUnits: { en: 'Units:', fi: 'Yksiköt:', sv: 'Enheter:' },
  listActivities: { en: 'Activities:', fi: 'Toiminnot:', sv: 'Aktiviteter:' },
  listThemes: { en: 'Themes:', fi: 'Teemat:', sv: 'Teman:' },
  listEmpty: { en: '(none)', fi: '(ei yhtään)', sv: '(inga)' },
  aliasesLabel: { en: 'also', fi: 'myös', sv: 'även' },
  requiredFieldsSet: {
    en: 'A log now needs: {fields}.',
    fi: 'Merkinnässä täytyy nyt olla: {fields}.',
    sv: 'En logg behöver nu: {fields}.',
  },
  requiredFieldsNone: {
    en: 'No field is required now; I save a log as soon as it is confirmed.',
    fi: 'Mikään kenttä ei ole nyt pakollinen; tallennan merkinnän heti, kun se vahvistetaan.',
    sv: 'Inget fält är obligatoriskt nu; jag sparar en logg så fort den bekräftas.',
  },
  unknownFields: {
    en: 'I do not know these fields: {names}. You can require: {options}.',
    fi: 'En tunne näitä kenttiä: {names}. Pakollisiksi voi asettaa: {options}.',
    sv: 'Jag känner inte till de här fälten: {names}. Du kan kräva: {options}.',
  },
  reflectionQuestionsSet: {
    en: 'After each saved log I will now ask:\n{questions}',
    fi: 'Kysyn nyt jokaisen tallennetun merkinnän jälkeen:\n{questions}',
    sv: 'Efter varje sparad logg frågar jag nu:\n{questions}',
  },
  reflectionQuestionsCleared: {
    en: 'I will no longer ask reflection questions.',
    fi: 'En enää kysy reflektiokysymyksiä.',
    sv: 'Jag ställer inte längre reflektionsfrågor.',
  },
  timeZoneSet: {
    en: 'The organisation\'s time zone is now {timeZone} (it is {time} there).',
    fi: 'Organisaation aikavyöhyke on nyt {timeZone} (siellä kello on {time}).',
    sv: 'Organisationens tidszon är nu {timeZone} (där är klockan {time}).',
  },
  invalidTimeZone: {
    en: '"{value}" is not a time zone I know. Use a name such as Europe/Helsinki or Europe/Stockholm.',
    fi: '"{value}" ei ole tuntemani aikavyöhyke. Käytä nimeä kuten Europe/Helsinki tai Europe/Stockholm.',
    sv: '"{value}" är ingen tidszon jag känner till. Använd ett namn som Europe/Helsinki eller Europe/Stockholm.',
  },
  defaultLocaleSet: {
    en: 'The organisation\'s default language is now {language}.',
    fi: 'Organisaation oletuskieli on nyt {language}.',
    sv: 'Organisationens standardspråk är nu {language}.',
  },
  noteRetentionSet: {
    en: 'Notes are now kept for {days} days, then removed from the entries.',
    fi: 'Muistiinpanoja säilytetään nyt {days} päivää, minkä jälkeen ne poistetaan merkinnöistä.',
    sv: 'Anteckningar sparas nu i {days} dagar och tas sedan bort från inläggen.',
  },
  noteRetentionOff: {
    en: 'Notes are now kept as long as their entries.',
    fi: 'Muistiinpanot säilytetään nyt yhtä kauan kuin merkinnät.',
    sv: 'Anteckningar sparas nu lika länge som inläggen.',
  },
  invalidRetention: {
    en: 'The retention period must be between 1 and 36500 days.',
    fi: 'Säilytysajan täytyy olla 1–36500 päivää.',
    sv: 'Lagringstiden måste vara mellan 1 och 36500 dagar.',
  },
  settingUnchanged: {
    en: 'That is the setting already; nothing changed.',
    fi: 'Asetus on jo tuo; mitään ei muuttunut.',
    sv: 'Inställningen är redan sådan; inget ändrades.',
  },
  settingsSummary: {
    en: 'Settings of {name}:\n• time zone: {timeZone}\n• default language: {language}\n• required fields: {fields}\n• reflection questions: {questions}\n• note retention: {retention}',
    fi: 'Organisaation {name} asetukset:\n• aikavyöhyke: {timeZone}\n• oletuskieli: {language}\n• pakolliset kentät: {fields}\n• reflektiokysymykset: {questions}\n• muistiinpanojen säilytys: {retention}',
    sv: 'Inställningar för {name}:\n• tidszon: {timeZone}\n• standardspråk: {language}\n• obligatoriska fält: {fields}\n• reflektionsfrågor: {questions}\n• lagringstid för anteckningar: {retention}',
  },
  retentionDays: { en: '{days} days', fi: '{days} päivää', sv: '{days} dagar' },
  retentionForever: { en: 'as long as the entries', fi: 'yhtä kauan kuin merkinnät', sv: 'lika länge som inläggen' },
  languageFi: { en: 'Finnish', fi: 'suomi', sv: 'finska' },
  languageSv: { en: 'Swedish', fi: 'ruotsi', sv: 'svenska' },
  languageEn: { en: 'English', fi: 'englanti', sv: 'engelska' },
  auditTitle: {
    en: 'The latest changes, newest first:',
    fi: 'Viimeisimmät muutokset, uusin ensin:',
    sv: 'De senaste ändringarna, nyaste först:',
  },
  auditNone: { en: 'No changes recorded yet.', fi: 'Muutoksia ei ole vielä kirjattu.', sv: 'Inga ändringar har registrerats än.' },
  auditSystem: { en: 'system', fi: 'järjestelmä', sv: 'systemet' },
  confirmTitle: { en: 'Please confirm', fi: 'Vahvista', sv: 'Bekräfta' },
  confirm: { en: 'Confirm', fi: 'Vahvista', sv: 'Bekräfta' },
  confirmHint: {
    en: 'Answer yes or no, or use the buttons.',
    fi: 'Vastaa kyllä tai peru, tai käytä painikkeita.',
    sv: 'Svara ja eller avbryt, eller använd knapparna.',
  },
  adminCancelled: { en: 'OK, nothing was changed.', fi: 'Selvä, mitään ei muutettu.', sv: 'Okej, inget ändrades.' },
  adminNotConfirmed: {
    en: 'You did not confirm, so I changed nothing.',
    fi: 'Et vahvistanut, joten en muuttanut mitään.',
    sv: 'Du bekräftade inte, så jag ändrade ingenting.',
  },
  staleConfirmation: {
    en: 'That confirmation is out of date, so I changed nothing.',
    fi: 'Tuo vahvistus on vanhentunut, joten en muuttanut mitään.',
    sv: 'Den bekräftelsen är inaktuell, så jag ändrade ingenting.',
  },
  reflectionIntro: {
    en: 'A reflection question (answer, or write "skip"):',
    fi: 'Pohdintakysymys (vastaa tai kirjoita "ohita"):',
    sv: 'En reflektionsfråga (svara, eller skriv "hoppa över"):',
  },
  reflectionQuestion: { en: '{number}/{count}: {question}', fi: '{number}/{count}: {question}', sv: '{number}/{count}: {question}' },
  reflectionThanks: {
    en: 'Thank you, your reflections are saved with the entry.',
    fi: 'Kiitos, pohdintasi on tallennettu merkinnän yhteyteen.',
    sv: 'Tack, dina reflektioner är sparade med inlägget.',
  },
  reflectionSkipped: {
    en: 'OK, no reflections this time.',
    fi: 'Selvä, ei pohdintoja tällä kertaa.',
    sv: 'Okej, inga reflektioner den här gången.',
  },
  reflectionMasked: {
    en: 'I left out what looked like personal data (names, phone numbers, ID numbers) from your answer.',
    fi: 'Jätin vastauksestasi pois henkilötiedoilta näyttävät kohdat (nimet, puhelinnumerot, henkilötunnukset).',
    sv: 'Jag tog bort det som såg ut som personuppgifter (namn, telefonnummer, personnummer) ur ditt svar.',
  },
} satisfies Record<string, Record<Locale, string>>;
