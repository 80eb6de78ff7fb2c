'use strict';
// Logbook dashboard: a Teams tab that also works in an ordinary browser. Plain JavaScript, no build step.
// In Teams it signs in with Teams SSO; elsewhere with the one-time link the chat command `dashboard` gives.
(function () {
  /** Every text of the page, in Finnish, Swedish and English. `{name}` marks a parameter. */
  const STRINGS = {
    en: {
      appTitle: 'Logbook',
      skipToContent: 'Skip to content',
      language: 'Language',
      views: 'Views',
      overview: 'Overview',
      entries: 'Entries',
      structure: 'Structure',
      signInHeading: 'Sign in',
      signedInAs: '{name}, {role} · {organisation}',
      connecting: 'Connecting…',
      signingIn: 'Signing in…',
      noSignInLink: 'Open the dashboard with the link the bot gives you: write "dashboard" in the chat.',
      linkExpired: 'This sign-in link has expired or has been used already. Write "dashboard" in the chat for a new link.',
      sessionExpired: 'Your session has ended. Write "dashboard" in the chat for a new link.',
      teamsSignInFailed: 'Signing in with Teams did not work. Write "dashboard" in the chat to get a sign-in link.',
      serverUnreachable: 'The server did not answer. Try again in a moment.',
      failed: 'Something went wrong: {message}',
      filters: 'Filters',
      period: 'Period',
      thisMonth: 'This month',
      lastMonth: 'Last month',
      thisYear: 'This year',
      lastYear: 'Last year',
      last12Months: 'Last 12 months',
      custom: 'Chosen dates',
      from: 'From',
      to: 'To',
      unit: 'Unit',
      allUnits: 'All units',
      workForm: 'Work form',
      allWorkForms: 'All work forms',
      fromAfterTo: 'The start date is after the end date.',
      invalidPeriod: 'Enter both dates of the period.',
      download: 'Download',
      exportCsv: 'CSV',
      exportXlsx: 'Excel (XLSX)',
      downloadStarted: 'Downloading {file}.',
      downloadFailed: 'The download did not work: {message}',
      keyFigures: 'Key figures',
      figureEntries: 'Entries',
      figureParticipants: 'Participants',
      figureGirls: 'Girls',
      figureBoys: 'Boys',
      figureNonBinary: 'Non-binary',
      figureNew: 'New participants',
      figureHours: 'Hours',
      figureGirlsShare: 'Girls’ share',
      figureYouthLedShare: 'Youth-led share',
      periodShown: '{from} – {to}, {unit}',
      chartHeading: 'Participants by month',
      chartAlt: 'Chart of participants by month, {from} – {to}, {unit}: {series}.',
      chartNoData: 'no entries',
      chartLoading: 'Loading the chart…',
      chartFailed: 'The chart could not be loaded.',
      chartAsTable: 'The chart as a table',
      month: 'Month',
      participants: 'Participants',
      topThemes: 'Top themes',
      themeEntries: '{label}: {count} entries',
      themeEntries_one: '{label}: {count} entry',
      noThemes: 'No themes in this period.',
      goals: 'Goals',
      noGoals: 'No goals set.',
      onlyManagers: 'Only managers and mentors see the overview. Your own entries are under Entries.',
      onlyMentors: 'Only mentors can open the structure.',
      overviewUpdated: 'Overview updated.',
      date: 'Date',
      activity: 'Activity',
      hours: 'Hours',
      girls: 'Girls',
      boys: 'Boys',
      nonBinary: 'Non-binary',
      newParticipants: 'New',
      total: 'Total',
      themes: 'Themes',
      author: 'Author',
      actions: 'Actions',
      notes: 'Notes',
      notesHint: 'No names or other details of young people.',
      youthLed: 'Youth-led',
      entriesCaption: 'Entries {first}–{last} of {total}',
      entriesNone: 'No entries for these filters.',
      entriesUpdated: '{total} entries.',
      entriesUpdated_one: '{total} entry.',
      previous: 'Previous',
      next: 'Next',
      edit: 'Edit',
      editLabel: 'Edit the entry of {date}, {unit}',
      editEntry: 'Edit entry',
      save: 'Save',
      cancel: 'Cancel',
      saving: 'Saving…',
      entrySaved: 'Entry saved.',
      invalidDate: 'Date: enter a date.',
      invalidNumber: '{field}: enter a whole number, 0 or more.',
      invalidHours: 'Hours: enter a number from 0 to 24.',
      structureHint: 'Mentors change the structure by chat, for example "add unit NAME" or "goals".',
      structureLoaded: 'Structure loaded.',
      units: 'Units',
      activities: 'Activities',
      users: 'Users',
      name: 'Name',
      aliases: 'Other names',
      state: 'State',
      key: 'Key',
      email: 'Email',
      role: 'Role',
      archived: 'Archived',
      inUse: 'In use',
      none: '–',
      roleWorker: 'worker',
      roleManager: 'manager',
      roleMentor: 'mentor',
      workForm_open: 'open activity',
      workForm_group: 'group',
      workForm_individual: 'individual meeting',
      workForm_event: 'event',
      workForm_outreach: 'outreach work',
      workForm_digital: 'online youth work',
      workForm_camp: 'camp',
    },
    fi: {
      appTitle: 'Logbook',
      skipToContent: 'Siirry sisältöön',
      language: 'Kieli',
      views: 'Näkymät',
      overview: 'Yleiskuva',
      entries: 'Merkinnät',
      structure: 'Rakenne',
      signInHeading: 'Kirjautuminen',
      signedInAs: '{name}, {role} · {organisation}',
      connecting: 'Yhdistetään…',
      signingIn: 'Kirjaudutaan…',
      noSignInLink: 'Avaa koontinäkymä botin antamalla linkillä: kirjoita chattiin "koontinäkymä" (tai "dashboard").',
      linkExpired: 'Tämä kirjautumislinkki on vanhentunut tai jo käytetty. Kirjoita chattiin "koontinäkymä", niin saat uuden linkin.',
      sessionExpired: 'Istuntosi on päättynyt. Kirjoita chattiin "koontinäkymä", niin saat uuden linkin.',
      teamsSignInFailed: 'Kirjautuminen Teamsilla ei onnistunut. Kirjoita chattiin "koontinäkymä", niin saat kirjautumislinkin.',
      serverUnreachable: 'Palvelin ei vastannut. Yritä hetken päästä uudelleen.',
      failed: 'Jokin meni vikaan: {message}',
      filters: 'Rajaukset',
      period: 'Ajanjakso',
      thisMonth: 'Tämä kuukausi',
      lastMonth: 'Viime kuukausi',
      thisYear: 'Tämä vuosi',
      lastYear: 'Viime vuosi',
      last12Months: 'Viimeiset 12 kuukautta',
      custom: 'Valitut päivät',
      from: 'Alkaen',
      to: 'Päättyen',
      unit: 'Yksikkö',
      allUnits: 'Kaikki yksiköt',
      workForm: 'Työmuoto',
      allWorkForms: 'Kaikki työmuodot',
      fromAfterTo: 'Alkupäivä on loppupäivän jälkeen.',
      invalidPeriod: 'Anna ajanjakson molemmat päivät.',
      download: 'Lataa',
      exportCsv: 'CSV',
      exportXlsx: 'Excel (XLSX)',
      downloadStarted: 'Ladataan {file}.',
      downloadFailed: 'Lataus ei onnistunut: {message}',
      keyFigures: 'Tunnusluvut',
      figureEntries: 'Merkinnät',
      figureParticipants: 'Osallistujat',
      figureGirls: 'Tytöt',
      figureBoys: 'Pojat',
      figureNonBinary: 'Muunsukupuoliset',
      figureNew: 'Uudet osallistujat',
      figureHours: 'Tunnit',
      figureGirlsShare: 'Tyttöjen osuus',
      figureYouthLedShare: 'Nuorten toteuttamien osuus',
      periodShown: '{from} – {to}, {unit}',
      chartHeading: 'Osallistujat kuukausittain',
      chartAlt: 'Kaavio osallistujista kuukausittain, {from} – {to}, {unit}: {series}.',
      chartNoData: 'ei merkintöjä',
      chartLoading: 'Ladataan kaaviota…',
      chartFailed: 'Kaaviota ei voitu ladata.',
      chartAsTable: 'Kaavio taulukkona',
      month: 'Kuukausi',
      participants: 'Osallistujat',
      topThemes: 'Yleisimmät teemat',
      themeEntries: '{label}: {count} merkintää',
      themeEntries_one: '{label}: {count} merkintä',
      noThemes: 'Ei teemoja tällä ajanjaksolla.',
      goals: 'Tavoitteet',
      noGoals: 'Tavoitteita ei ole asetettu.',
      onlyManagers: 'Yleiskuvan näkevät vain esihenkilöt ja mentorit. Omat merkintäsi löydät kohdasta Merkinnät.',
      onlyMentors: 'Rakenteen voivat avata vain mentorit.',
      overviewUpdated: 'Yleiskuva päivitetty.',
      date: 'Päivä',
      activity: 'Toiminto',
      hours: 'Tunnit',
      girls: 'Tytöt',
      boys: 'Pojat',
      nonBinary: 'Muunsukupuoliset',
      newParticipants: 'Uudet',
      total: 'Yhteensä',
      themes: 'Teemat',
      author: 'Kirjaaja',
      actions: 'Toiminnot',
      notes: 'Muistiinpanot',
      notesHint: 'Ei nuorten nimiä tai muita tunnistetietoja.',
      youthLed: 'Nuorten toteuttama',
      entriesCaption: 'Merkinnät {first}–{last} / {total}',
      entriesNone: 'Ei merkintöjä näillä rajauksilla.',
      entriesUpdated: '{total} merkintää.',
      entriesUpdated_one: '{total} merkintä.',
      previous: 'Edellinen',
      next: 'Seuraava',
      edit: 'Muokkaa',
      editLabel: 'Muokkaa merkintää {date}, {unit}',
      editEntry: 'Muokkaa merkintää',
      save: 'Tallenna',
      cancel: 'Peruuta',
      saving: 'Tallennetaan…',
      entrySaved: 'Merkintä tallennettu.',
      invalidDate: 'Päivä: anna päivämäärä.',
      invalidNumber: '{field}: anna kokonaisluku, 0 tai enemmän.',
      invalidHours: 'Tunnit: anna luku väliltä 0–24.',
      structureHint: 'Mentorit muuttavat rakennetta chatissa, esimerkiksi "lisää yksikkö NIMI" tai "tavoitteet".',
      structureLoaded: 'Rakenne ladattu.',
      units: 'Yksiköt',
      activities: 'Toiminnot',
      users: 'Käyttäjät',
      name: 'Nimi',
      aliases: 'Muut nimet',
      state: 'Tila',
      key: 'Tunniste',
      email: 'Sähköposti',
      role: 'Rooli',
      archived: 'Arkistoitu',
      inUse: 'Käytössä',
      none: '–',
      roleWorker: 'työntekijä',
      roleManager: 'esihenkilö',
      roleMentor: 'mentori',
      workForm_open: 'avoin toiminta',
      workForm_group: 'ryhmätoiminta',
      workForm_individual: 'yksilötyö',
      workForm_event: 'tapahtuma',
      workForm_outreach: 'jalkautuva työ',
      workForm_digital: 'digitaalinen nuorisotyö',
      workForm_camp: 'leiri',
    },
    sv: {
      appTitle: 'Logbook',
      skipToContent: 'Hoppa till innehållet',
      language: 'Språk',
      views: 'Vyer',
      overview: 'Översikt',
      entries: 'Inlägg',
      structure: 'Struktur',
      signInHeading: 'Inloggning',
      signedInAs: '{name}, {role} · {organisation}',
      connecting: 'Ansluter…',
      signingIn: 'Loggar in…',
      noSignInLink: 'Öppna översikten med länken som boten ger dig: skriv "översikt" (eller "dashboard") i chatten.',
      linkExpired: 'Den här inloggningslänken har gått ut eller använts redan. Skriv "översikt" i chatten för en ny länk.',
      sessionExpired: 'Din session har tagit slut. Skriv "översikt" i chatten för en ny länk.',
      teamsSignInFailed: 'Inloggningen med Teams fungerade inte. Skriv "översikt" i chatten för att få en inloggningslänk.',
      serverUnreachable: 'Servern svarade inte. Försök igen om en stund.',
      failed: 'Något gick fel: {message}',
      filters: 'Filter',
      period: 'Period',
      thisMonth: 'Den här månaden',
      lastMonth: 'Förra månaden',
      thisYear: 'I år',
      lastYear: 'Förra året',
      last12Months: 'Senaste 12 månaderna',
      custom: 'Valda datum',
      from: 'Från',
      to: 'Till',
      unit: 'Enhet',
      allUnits: 'Alla enheter',
      workForm: 'Verksamhetsform',
      allWorkForms: 'Alla verksamhetsformer',
      fromAfterTo: 'Startdatumet är efter slutdatumet.',
      invalidPeriod: 'Ange periodens båda datum.',
      download: 'Ladda ner',
      exportCsv: 'CSV',
      exportXlsx: 'Excel (XLSX)',
      downloadStarted: 'Laddar ner {file}.',
      downloadFailed: 'Nedladdningen fungerade inte: {message}',
      keyFigures: 'Nyckeltal',
      figureEntries: 'Inlägg',
      figureParticipants: 'Deltagare',
      figureGirls: 'Tjejer',
      figureBoys: 'Killar',
      figureNonBinary: 'Icke-binära',
      figureNew: 'Nya deltagare',
      figureHours: 'Timmar',
      figureGirlsShare: 'Andel tjejer',
      figureYouthLedShare: 'Andel ungdomsledda',
      periodShown: '{from} – {to}, {unit}',
      chartHeading: 'Deltagare per månad',
      chartAlt: 'Diagram över deltagare per månad, {from} – {to}, {unit}: {series}.',
      chartNoData: 'inga inlägg',
      chartLoading: 'Laddar diagrammet…',
      chartFailed: 'Diagrammet kunde inte laddas.',
      chartAsTable: 'Diagrammet som tabell',
      month: 'Månad',
      participants: 'Deltagare',
      topThemes: 'Vanligaste teman',
      themeEntries: '{label}: {count} inlägg',
      themeEntries_one: '{label}: {count} inlägg',
      noThemes: 'Inga teman under perioden.',
      goals: 'Mål',
      noGoals: 'Inga mål satta.',
      onlyManagers: 'Bara chefer och mentorer ser översikten. Dina egna inlägg finns under Inlägg.',
      onlyMentors: 'Bara mentorer kan öppna strukturen.',
      overviewUpdated: 'Översikten uppdaterad.',
      date: 'Datum',
      activity: 'Aktivitet',
      hours: 'Timmar',
      girls: 'Tjejer',
      boys: 'Killar',
      nonBinary: 'Icke-binära',
      newParticipants: 'Nya',
      total: 'Totalt',
      themes: 'Teman',
      author: 'Skribent',
      actions: 'Åtgärder',
      notes: 'Anteckningar',
      notesHint: 'Inga namn eller andra uppgifter om ungdomar.',
      youthLed: 'Ungdomsledd',
      entriesCaption: 'Inlägg {first}–{last} av {total}',
      entriesNone: 'Inga inlägg med de här filtren.',
      entriesUpdated: '{total} inlägg.',
      entriesUpdated_one: '{total} inlägg.',
      previous: 'Föregående',
      next: 'Nästa',
      edit: 'Redigera',
      editLabel: 'Redigera inlägget {date}, {unit}',
      editEntry: 'Redigera inlägg',
      save: 'Spara',
      cancel: 'Avbryt',
      saving: 'Sparar…',
      entrySaved: 'Inlägget sparat.',
      invalidDate: 'Datum: ange ett datum.',
      invalidNumber: '{field}: ange ett heltal, 0 eller mer.',
      invalidHours: 'Timmar: ange ett tal från 0 till 24.',
      structureHint: 'Mentorer ändrar strukturen i chatten, till exempel "lägg till enhet NAMN" eller "mål".',
      structureLoaded: 'Strukturen laddad.',
      units: 'Enheter',
      activities: 'Aktiviteter',
      users: 'Användare',
      name: 'Namn',
      aliases: 'Andra namn',
      state: 'Status',
      key: 'Nyckel',
      email: 'E-post',
      role: 'Roll',
      archived: 'Arkiverad',
      inUse: 'I bruk',
      none: '–',
      roleWorker: 'medarbetare',
      roleManager: 'chef',
      roleMentor: 'mentor',
      workForm_open: 'öppen verksamhet',
      workForm_group: 'gruppverksamhet',
      workForm_individual: 'enskilt möte',
      workForm_event: 'evenemang',
      workForm_outreach: 'fältarbete',
      workForm_digital: 'digitalt ungdomsarbete',
      workForm_camp: 'läger',
    },
  };
  const LANGUAGES = ['fi', 'sv', 'en'];
  const VIEWS = ['overview', 'entries', 'structure'];
  const SESSION_KEY = 'logbook-tab-session';
  const LANGUAGE_KEY = 'logbook-tab-language';
  const TEAMS_TIMEOUT_MS = 3000;
  const PAGE_SIZE = 50;
  // Exposed read-only so tests can check that every key exists in every language.
  window.LogbookStrings = Object.freeze(STRINGS);

  const state = {
    language: 'en',
    /** The language picked in the switcher, which wins over every other source. */
    chosenLanguage: null,
    teamsLanguage: null,
    session: null,
    me: null,
    view: null,
    entriesOffset: 0,
    editing: null,
    editOpener: null,
    /** Each load gets a number, so a slow older answer never overwrites a newer one. */
    loads: { overview: 0, entries: 0, structure: 0, chart: 0 },
  };

  const byId = (id) => document.getElementById(id);

  function t(key, params) {
    const table = STRINGS[state.language] || STRINGS.en;
    const template = key in table ? table[key] : STRINGS.en[key] || key;
    return template.replace(/\{(\w+)\}/g, (mark, name) => (params && name in params ? String(params[name]) : mark));
  }

  /** A counted text: the `_one` form when the language's plural rules call for it. */
  function tn(key, count, params) {
    const one = key + '_one';
    const form = new Intl.PluralRules(state.language).select(count);
    return t(form === 'one' && one in STRINGS.en ? one : key, params);
  }

  /** Numbers and dates follow the language as written in Finland: en-GB, fi-FI, sv-FI. */
  const formatLocale = () => ({ en: 'en-GB', fi: 'fi-FI', sv: 'sv-FI' })[state.language] || 'en-GB';

  function element(tag, properties, children) {
    const node = document.createElement(tag);
    Object.assign(node, properties || {});
    for (const child of children || []) node.append(child);
    return node;
  }

  function languageOf(locale) {
    const code = String(locale || '').slice(0, 2).toLowerCase();
    return LANGUAGES.includes(code) ? code : null;
  }

  /** Announces progress to screen readers (the status region is visually hidden). */
  function setStatus(text) {
    byId('status').textContent = text;
  }

  /** Shows an error to everyone (role=alert); an empty text clears it. */
  function setError(text) {
    byId('page-error').textContent = text;
  }

  // ---- language ----

  function pickLanguage() {
    const memberLanguage = state.me ? languageOf(state.me.member.locale) : state.session ? languageOf(state.session.member.locale) : null;
    return state.chosenLanguage || state.teamsLanguage || memberLanguage || languageOf(navigator.language) || 'en';
  }

  function applyLanguage() {
    state.language = pickLanguage();
    document.documentElement.lang = state.language;
    document.title = t('appTitle') + (state.session ? ' – ' + state.session.organisation.name : '');
    byId('language').value = state.language;
    for (const node of document.querySelectorAll('[data-text]')) node.textContent = t(node.dataset.text);
    renderSignedInAs();
    fillFilterOptions();
  }

  function workFormLabel(key) {
    return key ? t('workForm_' + key) : t('none');
  }

  function roleLabel(role) {
    return { worker: t('roleWorker'), manager: t('roleManager'), mentor: t('roleMentor') }[role] || role;
  }

  function formatNumber(value, digits) {
    if (value === null || value === undefined) return t('none');
    return new Intl.NumberFormat(formatLocale(), { maximumFractionDigits: digits || 0 }).format(value);
  }

  /** Shares come as fractions 0..1 (null when there is nothing to divide). */
  function formatShare(value) {
    if (value === null || value === undefined) return t('none');
    return new Intl.NumberFormat(formatLocale(), { style: 'percent', maximumFractionDigits: 0 }).format(value);
  }

  function formatDate(isoDate) {
    if (!isoDate) return t('none');
    const [year, month, day] = isoDate.split('-').map(Number);
    return new Intl.DateTimeFormat(formatLocale(), { day: 'numeric', month: 'numeric', year: 'numeric', timeZone: 'UTC' })
      .format(new Date(Date.UTC(year, month - 1, day)));
  }

  function formatMonth(yearMonth) {
    const [year, month] = yearMonth.split('-').map(Number);
    return new Intl.DateTimeFormat(formatLocale(), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(year, month - 1, 1)));
  }

  // ---- Teams and sign-in ----

  /** Resolves with the Teams context inside Teams, or null when the page is not in Teams within 3 s. */
  async function detectTeams() {
    const teams = window.microsoftTeams;
    if (!teams || !teams.app) return null;
    let timer;
    const timeout = new Promise((resolve) => {
      timer = setTimeout(() => resolve(false), TEAMS_TIMEOUT_MS);
    });
    const initialized = teams.app.initialize().then(() => true, () => false);
    const inTeams = await Promise.race([initialized, timeout]);
    clearTimeout(timer);
    if (!inTeams) return null;
    try {
      return await teams.app.getContext();
    } catch {
      return {};
    }
  }

  function applyTeamsContext(context) {
    const app = context.app || {};
    state.teamsLanguage = languageOf(app.locale);
    applyTheme(app.theme);
    if (window.microsoftTeams.app.registerOnThemeChangeHandler) window.microsoftTeams.app.registerOnThemeChangeHandler(applyTheme);
  }

  function applyTheme(theme) {
    document.documentElement.dataset.theme = theme === 'dark' || theme === 'contrast' ? theme : 'default';
  }

  /** The one-time token of a sign-in link (#signin=…), removed from the address at once. */
  function takeSignInToken() {
    const match = /^#(?:.*&)?signin=([^&]+)/.exec(location.hash);
    if (!match) return null;
    history.replaceState(null, '', location.pathname + location.search);
    try {
      return decodeURIComponent(match[1]);
    } catch {
      return match[1];
    }
  }

  function storedSession() {
    try {
      const stored = JSON.parse(sessionStorage.getItem(SESSION_KEY) || 'null');
      if (stored && stored.session && Date.parse(stored.expiresAt) > Date.now()) return stored;
    } catch {
      // An unreadable stored session is the same as none.
    }
    sessionStorage.removeItem(SESSION_KEY);
    return null;
  }

  async function postSession(body, bearer) {
    const headers = { 'Content-Type': 'application/json' };
    if (bearer) headers.Authorization = 'Bearer ' + bearer;
    const response = await fetch('/api/tab/session', { method: 'POST', headers, body: JSON.stringify(body) });
    if (!response.ok) return null;
    return response.json();
  }

  /** Shows why the page is not signed in; `reason` is a key of STRINGS, kept so a language change can redraw it. */
  function showSignIn(reason) {
    state.session = null;
    state.me = null;
    sessionStorage.removeItem(SESSION_KEY);
    document.body.dataset.signedIn = 'false';
    for (const id of ['views', 'filters', 'view-overview', 'view-entries', 'view-structure', 'signed-in-as']) byId(id).hidden = true;
    const dialog = byId('edit-dialog');
    if (dialog.open) dialog.close();
    byId('signin').dataset.reason = reason;
    byId('signin-message').textContent = t(reason);
    byId('signin').hidden = false;
    setStatus('');
    setError('');
  }

  async function signIn(context) {
    const token = takeSignInToken();
    try {
      if (token) {
        document.body.dataset.signIn = 'link';
        setStatus(t('signingIn'));
        const session = await postSession({ signInToken: token });
        if (!session) return { error: 'linkExpired' };
        return { session };
      }
      const stored = storedSession();
      if (stored) return { session: stored };
      if (context) {
        document.body.dataset.signIn = 'teams';
        setStatus(t('signingIn'));
        const ssoToken = await window.microsoftTeams.authentication.getAuthToken();
        const session = await postSession({}, ssoToken);
        return session ? { session } : { error: 'teamsSignInFailed' };
      }
      return { error: 'noSignInLink' };
    } catch {
      return { error: context ? 'teamsSignInFailed' : 'serverUnreachable' };
    }
  }

  // ---- API ----

  class ApiError extends Error {
    constructor(status, body) {
      super((body && body.message) || (body && body.error) || 'HTTP ' + status);
      this.status = status;
      this.body = body;
    }
  }

  function apiUrl(path, params) {
    const url = new URL(path, location.origin);
    for (const [name, value] of Object.entries(params || {})) {
      if (value !== null && value !== undefined && value !== '') url.searchParams.set(name, value);
    }
    const language = requestedLanguage();
    if (language && !url.searchParams.has('lang')) url.searchParams.set('lang', language);
    return url;
  }

  /** The language the labels of the server's answers should be in, when it is not the member's own. */
  function requestedLanguage() {
    return state.chosenLanguage || state.teamsLanguage;
  }

  /** A request with the session; 401 ends the session. Resolves with the Response. */
  async function request(url, options) {
    const target = new URL(url, location.href);
    const headers = Object.assign({}, (options && options.headers) || {});
    // The session goes only to this server, never to another origin.
    if (target.origin === location.origin && state.session) headers.Authorization = 'Bearer ' + state.session.session;
    let response;
    try {
      response = await fetch(target, Object.assign({}, options, { headers }));
    } catch {
      throw new ApiError(0, { message: t('serverUnreachable') });
    }
    if (response.status === 401 && target.origin === location.origin) {
      showSignIn('sessionExpired');
      throw new ApiError(401, { error: 'unauthenticated' });
    }
    if (!response.ok) {
      let body = null;
      try {
        body = await response.json();
      } catch {
        body = null;
      }
      throw new ApiError(response.status, body);
    }
    return response;
  }

  async function getJson(path, params) {
    const response = await request(apiUrl(path, params));
    return response.json();
  }

  function reportFailure(error) {
    if (error.status === 401) return;
    setError(error.status === 0 ? t('serverUnreachable') : t('failed', { message: error.message }));
  }

  // ---- filters ----

  const isoDate = (date) =>
    date.getFullYear() + '-' + String(date.getMonth() + 1).padStart(2, '0') + '-' + String(date.getDate()).padStart(2, '0');

  function presetPeriod(preset) {
    const today = new Date();
    const year = today.getFullYear();
    const month = today.getMonth();
    switch (preset) {
      case 'thisMonth':
        return [new Date(year, month, 1), new Date(year, month + 1, 0)];
      case 'lastMonth':
        return [new Date(year, month - 1, 1), new Date(year, month, 0)];
      case 'lastYear':
        return [new Date(year - 1, 0, 1), new Date(year - 1, 11, 31)];
      case 'last12Months':
        return [new Date(year - 1, month, today.getDate() + 1), today];
      default:
        return [new Date(year, 0, 1), new Date(year, 11, 31)];
    }
  }

  function setPreset(preset) {
    byId('period').value = preset;
    const [from, to] = presetPeriod(preset);
    byId('from').value = isoDate(from);
    byId('to').value = isoDate(to);
  }

  function fillFilterOptions() {
    if (!state.me) return;
    fillSelect(byId('unit'), [{ value: '', label: t('allUnits') }].concat(state.me.units.map((u) => ({ value: u.id, label: u.name }))));
    fillSelect(byId('work-form'), [{ value: '', label: t('allWorkForms') }].concat(state.me.workForms.map((w) => ({ value: w, label: workFormLabel(w) }))));
    fillSelect(byId('edit-unit'), [{ value: '', label: t('none') }].concat(state.me.units.map((u) => ({ value: u.id, label: u.name }))));
    fillSelect(byId('edit-work-form'), state.me.workForms.map((w) => ({ value: w, label: workFormLabel(w) })));
  }

  /** Replaces a select's options and keeps its value when it still exists. */
  function fillSelect(select, options) {
    const value = select.value;
    select.replaceChildren(...options.map((o) => element('option', { value: o.value, textContent: o.label })));
    if (options.some((o) => o.value === value)) select.value = value;
  }

  /** The period and unit of the filters, or null (with the error shown) when the dates do not make a period. */
  function filterValues() {
    const from = byId('from').value;
    const to = byId('to').value;
    const error = byId('filter-error');
    for (const id of ['from', 'to']) byId(id).removeAttribute('aria-invalid');
    error.textContent = '';
    if (!from || !to) {
      error.textContent = t('invalidPeriod');
      byId(from ? 'to' : 'from').setAttribute('aria-invalid', 'true');
      return null;
    }
    if (from > to) {
      error.textContent = t('fromAfterTo');
      byId('from').setAttribute('aria-invalid', 'true');
      return null;
    }
    return { from, to, unit: byId('unit').value };
  }

  function unitName(unitId) {
    const unit = state.me && state.me.units.find((u) => u.id === unitId);
    return unit ? unit.name : t('allUnits');
  }

  function filtersChanged() {
    state.entriesOffset = 0;
    loadView();
  }

  // ---- views ----

  function viewFromHash() {
    const name = location.hash.replace(/^#/, '');
    return VIEWS.includes(name) ? name : null;
  }

  function defaultView() {
    return state.me && state.me.can.overview ? 'overview' : 'entries';
  }

  function showView(view, moveFocus) {
    state.view = view;
    const can = state.me.can;
    for (const name of VIEWS) {
      byId('view-' + name).hidden = name !== view;
      const link = byId('nav-' + name);
      if (name === view) link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
    }
    // The filters follow the view's heading, so the focus order is heading, filters, content.
    byId(view + '-heading').after(byId('filters'));
    byId('filters').hidden = view === 'structure' || (view === 'overview' && !can.overview);
    byId('work-form-field').hidden = view !== 'entries';
    byId('export-buttons').hidden = !can.export || view === 'structure';
    document.body.dataset.view = view;
    setStatus('');
    setError('');
    if (moveFocus) byId(view + '-heading').focus();
    loadView();
  }

  function loadView() {
    if (!state.me) return;
    if (state.view === 'overview') loadOverview();
    if (state.view === 'entries') loadEntries();
    if (state.view === 'structure') loadStructure();
  }

  // ---- overview ----

  const FIGURES = [
    ['entries', 'figureEntries', (v) => formatNumber(v)],
    ['participants', 'figureParticipants', (v) => formatNumber(v)],
    ['girls', 'figureGirls', (v) => formatNumber(v)],
    ['boys', 'figureBoys', (v) => formatNumber(v)],
    ['nonBinary', 'figureNonBinary', (v) => formatNumber(v)],
    ['new', 'figureNew', (v) => formatNumber(v)],
    ['hours', 'figureHours', (v) => formatNumber(v, 1)],
    ['girlsShare', 'figureGirlsShare', formatShare],
    ['youthLedShare', 'figureYouthLedShare', formatShare],
  ];

  async function loadOverview() {
    const refused = byId('overview-refused');
    const content = byId('overview-content');
    if (!state.me.can.overview) {
      refused.textContent = t('onlyManagers');
      refused.hidden = false;
      content.hidden = true;
      return;
    }
    refused.hidden = true;
    content.hidden = false;
    const filters = filterValues();
    if (!filters) return;
    const load = ++state.loads.overview;
    try {
      const overview = await getJson('/api/tab/overview', filters);
      if (load !== state.loads.overview) return;
      renderOverview(overview, filters);
      setError('');
      setStatus(t('overviewUpdated'));
    } catch (error) {
      if (load === state.loads.overview) reportFailure(error);
    }
  }

  function renderOverview(overview, filters) {
    const period = overview.period || filters;
    const where = unitName(filters.unit);
    byId('overview-period').textContent = t('periodShown', { from: formatDate(period.from), to: formatDate(period.to), unit: where });
    const figures = overview.figures || {};
    byId('figures').replaceChildren(
      ...FIGURES.map(([key, label, format]) => {
        const figure = element('div', { className: 'figure' }, [element('dt', { textContent: t(label) }), element('dd', { textContent: format(figures[key]) })]);
        figure.dataset.figure = key;
        return figure;
      }),
    );
    const months = overview.byMonth || [];
    byId('by-month').replaceChildren(
      ...months.map((m) => element('tr', {}, [element('th', { scope: 'row', textContent: formatMonth(m.month) }), element('td', { textContent: formatNumber(m.participants) })])),
    );
    const withData = months.filter((m) => m.participants > 0);
    const series = withData.length ? withData.map((m) => formatMonth(m.month) + ' ' + formatNumber(m.participants)).join(', ') : t('chartNoData');
    showChart(overview.chart, t('chartAlt', { from: formatDate(period.from), to: formatDate(period.to), unit: where, series }));
    const themes = overview.topThemes || [];
    byId('top-themes').replaceChildren(
      ...(themes.length
        ? themes.map((theme) => element('li', { textContent: tn('themeEntries', theme.entries, { label: theme.label, count: formatNumber(theme.entries) }) }))
        : [element('li', { className: 'empty', textContent: t('noThemes') })]),
    );
    renderGoalLines(byId('goal-lines'), overview.goals);
  }

  function renderGoalLines(list, goals) {
    const lines = (goals || []).map((goal) => (typeof goal === 'string' ? goal : goal.description || goal.text || JSON.stringify(goal)));
    list.replaceChildren(...(lines.length ? lines.map((line) => element('li', { textContent: line })) : [element('li', { className: 'empty', textContent: t('noGoals') })]));
  }

  /** The chart needs the session header, which an img request cannot carry: fetch it and show it as a data: URL (the CSP allows data: images). */
  async function showChart(chartUrl, description) {
    const image = byId('chart');
    const caption = byId('chart-caption');
    const load = ++state.loads.chart;
    image.alt = description;
    if (!chartUrl) {
      image.hidden = true;
      caption.textContent = t('chartFailed');
      return;
    }
    image.setAttribute('aria-busy', 'true');
    caption.textContent = t('chartLoading');
    try {
      const response = await request(apiUrl(chartUrl));
      const dataUrl = await blobAsDataUrl(await response.blob());
      if (load !== state.loads.chart) return;
      image.dataset.source = chartUrl;
      image.src = dataUrl;
      image.hidden = false;
      caption.textContent = '';
    } catch (error) {
      if (load !== state.loads.chart) return;
      image.hidden = true;
      caption.textContent = t('chartFailed');
      reportFailure(error);
    } finally {
      if (load === state.loads.chart) image.removeAttribute('aria-busy');
    }
  }

  function blobAsDataUrl(blob) {
    return new Promise((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result);
      reader.onerror = () => reject(reader.error);
      reader.readAsDataURL(blob);
    });
  }

  // ---- entries ----

  async function loadEntries() {
    const filters = filterValues();
    if (!filters) return;
    const load = ++state.loads.entries;
    try {
      const page = await getJson('/api/tab/entries', {
        from: filters.from,
        to: filters.to,
        unit: filters.unit,
        workForm: byId('work-form').value,
        limit: PAGE_SIZE,
        offset: state.entriesOffset,
      });
      if (load !== state.loads.entries) return;
      renderEntries(page);
      setError('');
      setStatus(tn('entriesUpdated', page.total, { total: formatNumber(page.total) }));
    } catch (error) {
      if (load === state.loads.entries) reportFailure(error);
    }
  }

  function themeLabel(key) {
    const theme = state.me.themes.find((th) => th.key === key);
    return theme ? theme.label : key;
  }

  function renderEntries(page) {
    const first = page.total ? state.entriesOffset + 1 : 0;
    const last = state.entriesOffset + page.entries.length;
    byId('entries-caption').textContent = page.total ? t('entriesCaption', { first, last, total: page.total }) : t('entriesNone');
    byId('entries-body').replaceChildren(...page.entries.map(entryRow));
    byId('previous-page').disabled = state.entriesOffset === 0;
    byId('next-page').disabled = last >= page.total;
  }

  function entryRow(entry) {
    const p = entry.participants || {};
    const cells = [
      ['date', formatDate(entry.date)],
      ['unit', entry.unit || t('none')],
      ['activity', entry.activity || t('none')],
      ['workForm', workFormLabel(entry.workForm)],
      ['hours', entry.durationMinutes === null || entry.durationMinutes === undefined ? t('none') : formatNumber(entry.durationMinutes / 60, 2)],
      ['participants', formatNumber(p.total)],
      ['girls', formatNumber(p.girls)],
      ['boys', formatNumber(p.boys)],
      ['new', formatNumber(p.new)],
      ['themes', (entry.themes || []).map(themeLabel).join(', ') || t('none')],
      ['author', entry.author || t('none')],
    ];
    const row = element(
      'tr',
      {},
      cells.map(([field, text], index) => {
        const cell = index === 0 ? element('th', { scope: 'row', textContent: text }) : element('td', { textContent: text });
        cell.dataset.field = field;
        return cell;
      }),
    );
    // The edit button comes first, so it is in reach without scrolling the table sideways on a phone.
    const actions = element('td', { className: 'actions' });
    if (entry.editable) {
      const button = element('button', { type: 'button', className: 'secondary small', textContent: t('edit') });
      button.dataset.entryId = entry.id;
      button.setAttribute('aria-label', t('editLabel', { date: formatDate(entry.date), unit: entry.unit || t('none') }));
      button.addEventListener('click', () => openEditor(entry, button));
      actions.append(button);
    }
    row.prepend(actions);
    return row;
  }

  // ---- edit form ----

  function openEditor(entry, opener) {
    state.editing = entry;
    state.editOpener = opener;
    const p = entry.participants || {};
    const editUnit = byId('edit-unit');
    if (entry.unitId && !state.me.units.some((u) => u.id === entry.unitId)) {
      editUnit.append(element('option', { value: entry.unitId, textContent: entry.unit || entry.unitId }));
    }
    editUnit.value = entry.unitId || '';
    byId('edit-date').value = entry.date || '';
    byId('edit-work-form').value = entry.workForm || '';
    byId('edit-hours').value = entry.durationMinutes === null || entry.durationMinutes === undefined ? '' : String(Math.round((entry.durationMinutes / 60) * 100) / 100);
    byId('edit-total').value = numberText(p.total);
    byId('edit-girls').value = numberText(p.girls);
    byId('edit-boys').value = numberText(p.boys);
    byId('edit-non-binary').value = numberText(p.nonBinary);
    byId('edit-new').value = numberText(p.new);
    byId('edit-youth-led').checked = entry.youthLed === true;
    byId('edit-notes').value = entry.notes || '';
    const chosen = new Set(entry.themes || []);
    const themes = state.me.themes.map((th) => th.key);
    for (const key of chosen) if (!themes.includes(key)) themes.push(key);
    byId('edit-themes').replaceChildren(
      ...themes.map((key) => {
        const input = element('input', { type: 'checkbox', id: 'edit-theme-' + key, value: key, checked: chosen.has(key) });
        return element('div', { className: 'checkbox' }, [input, element('label', { htmlFor: input.id, textContent: themeLabel(key) })]);
      }),
    );
    clearEditErrors();
    byId('edit-save').disabled = false;
    byId('edit-dialog').showModal();
    byId('edit-date').focus();
  }

  const numberText = (value) => (value === null || value === undefined ? '' : String(value));

  function clearEditErrors() {
    byId('edit-error').textContent = '';
    for (const node of byId('edit-form').querySelectorAll('[aria-invalid]')) node.removeAttribute('aria-invalid');
  }

  /**
   * Shows a form error (announced: role=alert) and marks the field. With `focus`, the field gets the focus;
   * otherwise the dialog scrolls to its top, where the message is. Returns null, for `return editError(…)`.
   */
  function editError(message, field, focus = true) {
    const box = byId('edit-error');
    box.textContent = message;
    if (field) field.setAttribute('aria-invalid', 'true');
    if (field && focus) field.focus();
    else byId('edit-dialog').scrollTop = 0;
    return null;
  }

  /** The whole-number field's value, undefined when invalid; empty optional fields are null. */
  function wholeNumber(id, required) {
    const text = byId(id).value.trim();
    if (text === '') return required ? undefined : null;
    const value = Number(text);
    return Number.isInteger(value) && value >= 0 ? value : undefined;
  }

  /** The form's values as a PATCH body holding only what changed, or null after showing an error. */
  function editedFields() {
    const entry = state.editing;
    const date = byId('edit-date').value;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return editError(t('invalidDate'), byId('edit-date'));
    const hoursText = byId('edit-hours').value.trim();
    const hours = hoursText === '' ? null : Number(hoursText.replace(',', '.'));
    if (hours !== null && !(hours >= 0 && hours <= 24)) return editError(t('invalidHours'), byId('edit-hours'));
    const participants = {};
    const numberFields = [
      ['total', 'edit-total', 'total', true],
      ['girls', 'edit-girls', 'girls', false],
      ['boys', 'edit-boys', 'boys', false],
      ['nonBinary', 'edit-non-binary', 'nonBinary', false],
      ['new', 'edit-new', 'newParticipants', false],
    ];
    for (const [key, id, label, required] of numberFields) {
      const value = wholeNumber(id, required);
      if (value === undefined) return editError(t('invalidNumber', { field: t(label) }), byId(id));
      participants[key] = value;
    }
    const form = {
      date,
      unitId: byId('edit-unit').value || null,
      workForm: byId('edit-work-form').value || null,
      durationMinutes: hours === null ? null : Math.round(hours * 60),
      participants,
      youthLed: byId('edit-youth-led').checked,
      themes: [...byId('edit-themes').querySelectorAll('input:checked')].map((input) => input.value),
      notes: byId('edit-notes').value,
    };
    const before = {
      date: entry.date,
      unitId: entry.unitId || null,
      workForm: entry.workForm || null,
      durationMinutes: entry.durationMinutes === undefined ? null : entry.durationMinutes,
      participants: {
        total: numberOrNull(entry.participants && entry.participants.total),
        girls: numberOrNull(entry.participants && entry.participants.girls),
        boys: numberOrNull(entry.participants && entry.participants.boys),
        nonBinary: numberOrNull(entry.participants && entry.participants.nonBinary),
        new: numberOrNull(entry.participants && entry.participants.new),
      },
      youthLed: entry.youthLed === true,
      themes: entry.themes || [],
      notes: entry.notes || '',
    };
    const changed = {};
    for (const key of Object.keys(form)) {
      const same = key === 'themes' ? sameSet(form.themes, before.themes) : JSON.stringify(form[key]) === JSON.stringify(before[key]);
      if (!same) changed[key] = form[key];
    }
    return changed;
  }

  const numberOrNull = (value) => (value === undefined ? null : value);
  const sameSet = (a, b) => a.length === b.length && a.every((x) => b.includes(x));

  async function saveEdit(event) {
    event.preventDefault();
    clearEditErrors();
    const changes = editedFields();
    if (!changes) return;
    const entry = state.editing;
    if (!Object.keys(changes).length) return closeEditor();
    const save = byId('edit-save');
    save.disabled = true;
    setStatus(t('saving'));
    try {
      await request(apiUrl('/api/tab/entries/' + encodeURIComponent(entry.id)), {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(changes),
      });
      closeEditor();
      setStatus(t('entrySaved'));
      await loadEntries();
      const again = byId('entries-body').querySelector('button[data-entry-id="' + CSS.escape(entry.id) + '"]');
      if (again) again.focus();
    } catch (error) {
      save.disabled = false;
      if (error.status === 401) return;
      const message = error.status === 0 ? t('serverUnreachable') : (error.body && error.body.message) || t('failed', { message: error.message });
      const personalData = error.body && error.body.error === 'personalData';
      editError(message, personalData ? byId('edit-notes') : null, false);
      setStatus('');
    }
  }

  function closeEditor() {
    const dialog = byId('edit-dialog');
    if (dialog.open) dialog.close();
  }

  function editorClosed() {
    const opener = state.editOpener;
    state.editing = null;
    state.editOpener = null;
    if (opener && opener.isConnected) opener.focus();
  }

  // ---- structure ----

  async function loadStructure() {
    const refused = byId('structure-refused');
    const content = byId('structure-content');
    const load = ++state.loads.structure;
    // Asked even when the page knows the answer: the server decides, and says no with 403.
    try {
      const structure = await getJson('/api/tab/structure');
      if (load !== state.loads.structure) return;
      refused.hidden = true;
      renderStructure(structure);
      content.hidden = false;
      setError('');
      setStatus(t('structureLoaded'));
    } catch (error) {
      if (load !== state.loads.structure) return;
      content.hidden = true;
      if (error.status === 403) {
        refused.textContent = t('onlyMentors');
        refused.dataset.status = '403';
        refused.hidden = false;
        return;
      }
      refused.hidden = true;
      reportFailure(error);
    }
  }

  function rows(body, items, cells) {
    body.replaceChildren(
      ...items.map((item) => {
        const values = cells(item);
        return element('tr', {}, values.map((text, index) => (index === 0 ? element('th', { scope: 'row', textContent: text }) : element('td', { textContent: text }))));
      }),
    );
  }

  function renderStructure(structure) {
    const stateOf = (item) => (item.archived ? t('archived') : t('inUse'));
    rows(byId('structure-units'), structure.units || [], (u) => [u.name, (u.aliases || []).join(', ') || t('none'), stateOf(u)]);
    rows(byId('structure-activities'), structure.activities || [], (a) => [a.name, a.unit || t('none'), workFormLabel(a.workForm), stateOf(a)]);
    rows(byId('structure-themes'), structure.themes || [], (th) => [th.label, th.key, stateOf(th)]);
    rows(byId('structure-members'), structure.members || [], (m) => [
      m.name || t('none'),
      m.email || t('none'),
      roleLabel(m.role),
      (m.units || []).map((u) => (typeof u === 'string' ? u : u.name)).join(', ') || t('none'),
    ]);
    renderGoalLines(byId('structure-goals'), structure.goals);
  }

  // ---- export ----

  async function download(format) {
    const filters = filterValues();
    if (!filters) return;
    const error = byId('filter-error');
    try {
      const response = await request(apiUrl('/api/tab/export', { format, from: filters.from, to: filters.to, unit: filters.unit }));
      const filename = filenameOf(response.headers.get('Content-Disposition')) || 'logbook-' + filters.from + '-' + filters.to + '.' + format;
      const url = URL.createObjectURL(await response.blob());
      const link = element('a', { href: url, download: filename, hidden: true });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60000);
      setStatus(t('downloadStarted', { file: filename }));
    } catch (failure) {
      if (failure.status === 401) return;
      const message = t('downloadFailed', { message: (failure.body && failure.body.message) || failure.message });
      error.textContent = message;
    }
  }

  function filenameOf(disposition) {
    if (!disposition) return null;
    const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
    if (encoded) return decodeURIComponent(encoded[1]);
    const plain = /filename="?([^";]+)"?/i.exec(disposition);
    return plain ? plain[1] : null;
  }

  // ---- start ----

  function renderSignedInAs() {
    const who = byId('signed-in-as');
    const session = state.session;
    if (!session) return;
    const member = (state.me && state.me.member) || session.member;
    const organisation = (state.me && state.me.organisation) || session.organisation;
    who.textContent = t('signedInAs', { name: member.name || t('none'), role: roleLabel(member.role), organisation: organisation.name });
    who.hidden = false;
  }

  async function signedIn(session) {
    state.session = session;
    sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
    document.body.dataset.signedIn = 'true';
    byId('signin').hidden = true;
    applyLanguage();
    await loadMe();
    if (!state.me) return;
    byId('views').hidden = false;
    byId('nav-item-overview').hidden = !state.me.can.overview;
    byId('nav-item-structure').hidden = !state.me.can.structure;
    showView(viewFromHash() || defaultView(), false);
  }

  async function loadMe() {
    try {
      state.me = await getJson('/api/tab/me');
      applyLanguage();
    } catch (error) {
      reportFailure(error);
    }
  }

  function wireEvents() {
    byId('language').addEventListener('change', async () => {
      state.chosenLanguage = byId('language').value;
      localStorage.setItem(LANGUAGE_KEY, state.chosenLanguage);
      applyLanguage();
      if (state.session) {
        await loadMe();
        if (state.view) showView(state.view, false);
      } else if (!byId('signin').hidden) {
        byId('signin-message').textContent = t(byId('signin').dataset.reason || 'noSignInLink');
      }
    });
    byId('period').addEventListener('change', () => {
      if (byId('period').value !== 'custom') setPreset(byId('period').value);
      filtersChanged();
    });
    for (const id of ['from', 'to']) {
      byId(id).addEventListener('change', () => {
        byId('period').value = 'custom';
        filtersChanged();
      });
    }
    byId('unit').addEventListener('change', filtersChanged);
    byId('work-form').addEventListener('change', filtersChanged);
    byId('filters').addEventListener('submit', (event) => event.preventDefault());
    byId('export-csv').addEventListener('click', () => download('csv'));
    byId('export-xlsx').addEventListener('click', () => download('xlsx'));
    byId('previous-page').addEventListener('click', () => {
      state.entriesOffset = Math.max(0, state.entriesOffset - PAGE_SIZE);
      loadEntries();
    });
    byId('next-page').addEventListener('click', () => {
      state.entriesOffset += PAGE_SIZE;
      loadEntries();
    });
    byId('edit-form').addEventListener('submit', saveEdit);
    byId('edit-cancel').addEventListener('click', closeEditor);
    byId('edit-dialog').addEventListener('close', editorClosed);
    document.querySelector('.skip-link').addEventListener('click', (event) => {
      event.preventDefault();
      byId('main').focus();
    });
    window.addEventListener('hashchange', () => {
      const view = viewFromHash();
      if (view && state.me) showView(view, true);
    });
  }

  async function start() {
    state.chosenLanguage = languageOf(localStorage.getItem(LANGUAGE_KEY));
    applyLanguage();
    wireEvents();
    setPreset('thisYear');
    setStatus(t('connecting'));
    document.body.dataset.host = 'detecting';
    const context = await detectTeams();
    document.body.dataset.host = context ? 'teams' : 'browser';
    if (context) applyTeamsContext(context);
    applyLanguage();
    const result = await signIn(context);
    if (result.session) return signedIn(result.session);
    showSignIn(result.error);
  }

  start();
})();
