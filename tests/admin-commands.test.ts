import { splitMentions } from '../adapters/slack/payloads';
import { toIncoming } from '../adapters/teams/activity';
import { parseAdminCommand, type AdminCommand, type Mention } from '../bot/admin/commands';
import { describeChange } from '../bot/admin/format';
import { canonicalTimeZone } from '../bot/admin/handle';
import { isAllowed, PERMISSIONS } from '../bot/admin/permissions';
import { parseCommand } from '../bot/commands';
import { PHRASES } from '../bot/i18n';
import type { Activity } from 'botbuilder';
import { BOT_ID, channelMention, teamsUser } from './support/teams-activities';

const ANNA: Mention = { userId: 'U0ANNA', name: 'Anna Virtanen' };
const mention = { mention: ANNA };

type Case = [language: 'fi' | 'sv' | 'en', text: string, command: AdminCommand, mentions?: Mention[]];

/** Every mentor command in Finnish, Swedish and English. */
const CASES: Record<AdminCommand['kind'], Case[]> = {
  addMember: [
    ['en', 'add', { kind: 'addMember', members: [mention], role: 'worker' }, [ANNA]],
    ['en', 'Add as a manager.', { kind: 'addMember', members: [mention], role: 'manager' }, [ANNA]],
    ['en', 'add anna@example.org as mentor', { kind: 'addMember', members: [{ email: 'anna@example.org' }], role: 'mentor' }],
    ['fi', 'lisää mentoriksi', { kind: 'addMember', members: [mention], role: 'mentor' }, [ANNA]],
    ['fi', 'Lisää käyttäjä Anna@Example.org esihenkilöksi', { kind: 'addMember', members: [{ email: 'anna@example.org' }], role: 'manager' }],
    ['sv', 'lägg till som chef', { kind: 'addMember', members: [mention], role: 'manager' }, [ANNA]],
    ['sv', 'lägg till anna@example.org', { kind: 'addMember', members: [{ email: 'anna@example.org' }], role: 'worker' }],
    ['en', 'add user Anna Virtanen', { kind: 'addMember', members: [{ name: 'Anna Virtanen' }], role: 'worker' }],
    ['fi', 'lisää käyttäjä Anna', { kind: 'addMember', members: [{ name: 'Anna' }], role: 'worker' }],
  ],
  setRole: [
    ['en', 'make a mentor', { kind: 'setRole', who: mention, role: 'mentor' }, [ANNA]],
    ['en', 'Make "Anna Virtanen" a manager!', { kind: 'setRole', who: { name: 'Anna Virtanen' }, role: 'manager' }],
    ['en', 'change the role of anna@example.org to worker', { kind: 'setRole', who: { email: 'anna@example.org' }, role: 'worker' }],
    ['fi', 'tee Annasta mentori', { kind: 'setRole', who: { name: 'Anna' }, role: 'mentor' }],
    ['fi', 'muuta käyttäjän Anna rooliksi esihenkilö', { kind: 'setRole', who: { name: 'Anna' }, role: 'manager' }],
    ['sv', 'gör Anna Virtanen till chef', { kind: 'setRole', who: { name: 'Anna Virtanen' }, role: 'manager' }],
    ['sv', 'gör till mentor', { kind: 'setRole', who: mention, role: 'mentor' }, [ANNA]],
  ],
  setUnits: [
    ['en', 'units for Anna: Nuorisotalo Kipinä, "Majakka"', { kind: 'setUnits', who: { name: 'Anna' }, units: ['Nuorisotalo Kipinä', 'Majakka'] }],
    ['en', 'units for: none', { kind: 'setUnits', who: mention, units: [] }, [ANNA]],
    ['fi', 'yksiköt Anna: Kipinä', { kind: 'setUnits', who: { name: 'Anna' }, units: ['Kipinä'] }],
    ['fi', 'yksiköt : Kipinä, Majakka', { kind: 'setUnits', who: mention, units: ['Kipinä', 'Majakka'] }, [ANNA]],
    ['sv', 'enheter för Anna: Kipinä', { kind: 'setUnits', who: { name: 'Anna' }, units: ['Kipinä'] }],
  ],
  removeMember: [
    ['en', 'remove user Anna', { kind: 'removeMember', who: { name: 'Anna' } }],
    ['en', 'remove', { kind: 'removeMember', who: mention }, [ANNA]],
    ['fi', 'poista käyttäjä anna@example.org', { kind: 'removeMember', who: { email: 'anna@example.org' } }],
    ['sv', 'ta bort användaren Anna.', { kind: 'removeMember', who: { name: 'Anna' } }],
  ],
  listMembers: [
    ['en', 'users', { kind: 'listMembers' }],
    ['en', 'List members', { kind: 'listMembers' }],
    ['fi', 'käyttäjät', { kind: 'listMembers' }],
    ['sv', 'visa användare', { kind: 'listMembers' }],
  ],
  addUnit: [
    ['en', 'add unit Nuorisotalo Tuike, aliases Tuike, Tuikkeessa', { kind: 'addUnit', name: 'Nuorisotalo Tuike', aliases: ['Tuike', 'Tuikkeessa'] }],
    ['fi', 'lisää yksikkö "Nuorisotalo Tuike"', { kind: 'addUnit', name: 'Nuorisotalo Tuike', aliases: [] }],
    ['sv', 'Lägg till enhet Tuike alias tuike.', { kind: 'addUnit', name: 'Tuike', aliases: ['tuike'] }],
  ],
  addActivity: [
    [
      'en',
      'add activity Chess club in unit Nuorisotalo Kipinä as group, aliases chess, shakki',
      { kind: 'addActivity', name: 'Chess club', unit: 'Nuorisotalo Kipinä', workForm: 'group', aliases: ['chess', 'shakki'] },
    ],
    ['fi', 'lisää toiminto Shakkikerho yksikköön Kipinä työmuoto ryhmä', { kind: 'addActivity', name: 'Shakkikerho', unit: 'Kipinä', workForm: 'ryhmä', aliases: [] }],
    ['sv', 'lägg till aktivitet Schack i enheten Kipinä som grupp', { kind: 'addActivity', name: 'Schack', unit: 'Kipinä', workForm: 'grupp', aliases: [] }],
  ],
  addTheme: [
    ['en', 'add theme Climate: fi: ilmasto; sv: klimat; en: climate', { kind: 'addTheme', name: 'Climate', locale: 'en', keywords: { fi: ['ilmasto'], sv: ['klimat'], en: ['climate'] } }],
    ['fi', 'lisää teema Ilmasto: ilmasto, ympäristö', { kind: 'addTheme', name: 'Ilmasto', locale: 'fi', keywords: { fi: ['ilmasto', 'ympäristö'] } }],
    ['sv', 'lägg till tema Klimat med nyckelord klimat, miljö', { kind: 'addTheme', name: 'Klimat', locale: 'sv', keywords: { sv: ['klimat', 'miljö'] } }],
  ],
  rename: [
    ['en', 'rename unit Nuorisotalo Kipinä to Nuorisotalo Tuike.', { kind: 'rename', target: 'unit', name: 'Nuorisotalo Kipinä', newName: 'Nuorisotalo Tuike', locale: 'en' }],
    ['en', 'rename theme Climate to sv: Klimatet', { kind: 'rename', target: 'theme', name: 'Climate', newName: 'Klimatet', locale: 'sv' }],
    ['fi', 'nimeä yksikkö Kipinä uudelleen: Tuike', { kind: 'rename', target: 'unit', name: 'Kipinä', newName: 'Tuike', locale: 'fi' }],
    ['fi', 'muuta toiminnon Avoin ilta nimeksi Avoin perjantai', { kind: 'rename', target: 'activity', name: 'Avoin ilta', newName: 'Avoin perjantai', locale: 'fi' }],
    ['sv', 'byt namn på enheten Kipinä till Tuike', { kind: 'rename', target: 'unit', name: 'Kipinä', newName: 'Tuike', locale: 'sv' }],
  ],
  archive: [
    ['en', 'archive unit Digitiimi', { kind: 'archive', target: 'unit', name: 'Digitiimi' }],
    ['en', 'remove the activity "Pelistriimi"', { kind: 'archive', target: 'activity', name: 'Pelistriimi' }],
    ['fi', 'arkistoi teema Kiusaaminen', { kind: 'archive', target: 'theme', name: 'Kiusaaminen' }],
    ['sv', 'ta bort temat Mobbning', { kind: 'archive', target: 'theme', name: 'Mobbning' }],
  ],
  addAliases: [
    ['en', 'add alias Tuikku to unit Nuorisotalo Tuike', { kind: 'addAliases', target: 'unit', name: 'Nuorisotalo Tuike', aliases: { en: ['Tuikku'] } }],
    ['en', 'add keywords heat, drought to theme Climate', { kind: 'addAliases', target: 'theme', name: 'Climate', aliases: { en: ['heat', 'drought'] } }],
    ['fi', 'lisää alias Kipa yksikölle Nuorisotalo Kipinä', { kind: 'addAliases', target: 'unit', name: 'Nuorisotalo Kipinä', aliases: { fi: ['Kipa'] } }],
    ['fi', 'teeman Ilmasto avainsanat: helle, kuivuus', { kind: 'addAliases', target: 'theme', name: 'Ilmasto', aliases: { fi: ['helle', 'kuivuus'] } }],
    ['sv', 'alias för aktiviteten Schack: schackklubb', { kind: 'addAliases', target: 'activity', name: 'Schack', aliases: { sv: ['schackklubb'] } }],
    ['sv', 'nyckelord för temat Klimat: värme; en: heat', { kind: 'addAliases', target: 'theme', name: 'Klimat', aliases: { sv: ['värme'], en: ['heat'] } }],
  ],
  listCatalogue: [
    ['en', 'units', { kind: 'listCatalogue', target: 'unit' }],
    ['en', 'show activities', { kind: 'listCatalogue', target: 'activity' }],
    ['fi', 'teemat', { kind: 'listCatalogue', target: 'theme' }],
    ['sv', 'enheter', { kind: 'listCatalogue', target: 'unit' }],
  ],
  setRequiredFields: [
    ['en', 'required fields date, work form, participants and duration', { kind: 'setRequiredFields', fields: ['date', 'workForm', 'participants.total', 'durationMinutes'], unknown: [] }],
    ['en', 'require unit, colour', { kind: 'setRequiredFields', fields: ['unit'], unknown: ['colour'] }],
    ['fi', 'pakolliset kentät: päivä, työmuoto', { kind: 'setRequiredFields', fields: ['date', 'workForm'], unknown: [] }],
    ['sv', 'obligatoriska fält: datum, deltagare, aktivitet', { kind: 'setRequiredFields', fields: ['date', 'participants.total', 'activity'], unknown: [] }],
    ['en', 'required fields: none', { kind: 'setRequiredFields', fields: [], unknown: [] }],
  ],
  setReflectionQuestions: [
    ['en', 'reflection questions: What went well? What was hard?', { kind: 'setReflectionQuestions', questions: ['What went well?', 'What was hard?'], locale: 'en' }],
    ['fi', 'reflektiokysymykset: Mikä meni hyvin? | Mikä oli vaikeaa', { kind: 'setReflectionQuestions', questions: ['Mikä meni hyvin?', 'Mikä oli vaikeaa?'], locale: 'fi' }],
    ['sv', 'reflektionsfrågor:\nVad gick bra?\nVad var svårt?', { kind: 'setReflectionQuestions', questions: ['Vad gick bra?', 'Vad var svårt?'], locale: 'sv' }],
    ['sv', 'reflektionsfrågor: inga', { kind: 'setReflectionQuestions', questions: [], locale: 'sv' }],
  ],
  setTimeZone: [
    ['en', 'time zone Europe/Stockholm', { kind: 'setTimeZone', timeZone: 'Europe/Stockholm' }],
    ['fi', 'aikavyöhyke Europe/Helsinki', { kind: 'setTimeZone', timeZone: 'Europe/Helsinki' }],
    ['sv', 'tidszon: Europe/Stockholm', { kind: 'setTimeZone', timeZone: 'Europe/Stockholm' }],
  ],
  setDefaultLocale: [
    ['en', 'default language sv', { kind: 'setDefaultLocale', locale: 'sv' }],
    ['fi', 'oletuskieli ruotsi', { kind: 'setDefaultLocale', locale: 'sv' }],
    ['sv', 'standardspråk finska', { kind: 'setDefaultLocale', locale: 'fi' }],
  ],
  setNoteRetention: [
    ['en', 'note retention 365 days', { kind: 'setNoteRetention', days: 365 }],
    ['en', 'note retention off', { kind: 'setNoteRetention', days: null }],
    ['fi', 'muistiinpanojen säilytys 90 päivää', { kind: 'setNoteRetention', days: 90 }],
    ['sv', 'spara anteckningar 30 dagar', { kind: 'setNoteRetention', days: 30 }],
  ],
  showSettings: [
    ['en', 'settings', { kind: 'showSettings' }],
    ['fi', 'asetukset', { kind: 'showSettings' }],
    ['sv', 'inställningar', { kind: 'showSettings' }],
  ],
  audit: [
    ['en', 'audit', { kind: 'audit' }],
    ['en', 'Audit log', { kind: 'audit' }],
    ['fi', 'loki', { kind: 'audit' }],
    ['fi', 'tapahtumat', { kind: 'audit' }],
    ['sv', 'logg', { kind: 'audit' }],
    ['sv', 'händelser', { kind: 'audit' }],
  ],
  setGoal: [
    ['en', 'goal girls share at least 40%', { kind: 'setGoal', metric: 'girlsShare', unit: null, comparator: 'atLeast', target: 40, percent: true, per: null }],
    ['fi', 'tavoite kävijät 300 kuukaudessa', { kind: 'setGoal', metric: 'participants', unit: null, comparator: 'atLeast', target: 300, percent: false, per: 'month' }],
    ['sv', 'mål Kallio nya högst 5 per vecka', { kind: 'setGoal', metric: 'new', unit: 'Kallio', comparator: 'atMost', target: 5, percent: false, per: 'week' }],
  ],
  removeGoal: [
    ['en', 'remove goal girls share', { kind: 'removeGoal', metric: 'girlsShare', unit: null, per: null }],
    ['fi', 'poista tavoite Kallio uudet', { kind: 'removeGoal', metric: 'new', unit: 'Kallio', per: null }],
    ['sv', 'ta bort mål tjejandel', { kind: 'removeGoal', metric: 'girlsShare', unit: null, per: null }],
  ],
  listGoals: [
    ['en', 'goals', { kind: 'listGoals' }],
    ['fi', 'tavoitteet', { kind: 'listGoals' }],
    ['sv', 'mål', { kind: 'listGoals' }],
  ],
};

describe('mentor commands', () => {
  it.each(Object.values(CASES).flat())('reads (%s) "%s"', (_language, text, command, mentions = []) => {
    expect(parseAdminCommand(text, mentions)).toEqual(command);
  });

  it.each(Object.keys(CASES))('%s has phrasings in fi, sv and en', (kind) => {
    const languages = new Set(CASES[kind as AdminCommand['kind']].map(([language]) => language));
    expect([...languages].sort()).toEqual(['en', 'fi', 'sv']);
  });

  it.each([
    'add 2 girls',
    'add',
    'remove',
    'poista',
    'ta bort',
    'delete',
    'make it 14',
    'muuta 12 nuorta',
    'ändra till 9 deltagare',
    'Group today, 10 kids',
    'Avoin ilta Kipinässä, 12 nuorta',
    'help',
    'list',
    'how do I add a colleague?',
  ])('leaves "%s" to the dialog', (text) => {
    expect(parseAdminCommand(text, [])).toBeNull();
  });

  it('leaves the existing commands to the command parser', () => {
    for (const text of ['help', 'undo', 'my entries', 'language sv', 'kieli fi']) {
      expect(parseCommand(text)).not.toBeNull();
      expect(parseAdminCommand(text)).toBeNull();
    }
  });
});

describe('permissions', () => {
  it('has one row per command kind, mentor commands for mentors only', () => {
    for (const kind of Object.keys(CASES).filter((kind) => kind !== 'listGoals')) expect(PERMISSIONS[kind as keyof typeof PERMISSIONS]).toEqual(['mentor']);
    expect(PERMISSIONS.listGoals).toEqual(['manager', 'mentor']);
    for (const kind of ['help', 'language', 'log', 'undo', 'myEntries'] as const) {
      expect(['worker', 'manager', 'mentor'].every((role) => isAllowed(role as 'worker', kind))).toBe(true);
    }
    expect(PERMISSIONS.report).toEqual(['manager', 'mentor']);
    expect(isAllowed('worker', 'report')).toBe(false);
  });

  it('says every admin reply in fi, sv and en (the phrase table is shared)', () => {
    for (const key of ['helpMentor', 'refusedMentorsOnly', 'refusedReports', 'confirmRemoveMember', 'auditTitle'] as const) {
      expect(Object.keys(PHRASES[key]).sort()).toEqual(['en', 'fi', 'sv']);
    }
  });
});

describe('helpers', () => {
  it('validates time zones with Intl and gives their canonical name', () => {
    expect(canonicalTimeZone('europe/helsinki')).toBe('Europe/Helsinki');
    expect(canonicalTimeZone('UTC')).toBe('UTC');
    expect(canonicalTimeZone('Mars/Olympus')).toBeNull();
  });

  it('describes audit changes as before → after, and word lists as what was added', () => {
    expect(describeChange({ name: 'Anna', role: 'worker' }, { name: 'Anna', role: 'mentor' })).toBe('role: worker → mentor');
    expect(describeChange({ name: 'K', aliases: ['a'] }, { name: 'K', aliases: ['a', 'b'] })).toBe('aliases: +b');
    expect(describeChange({ timeZone: 'Europe/Helsinki' }, { timeZone: 'Europe/Stockholm' })).toBe('timeZone: Europe/Helsinki → Europe/Stockholm');
  });
});

describe('mentions from the channels', () => {
  it('Slack: colleagues\' <@U…> tokens become mentions, the bot\'s stays out', () => {
    expect(splitMentions('<@UBOT> add <@U0ANNA|anna> as manager', 'UBOT')).toEqual({
      text: '<@UBOT> add   as manager',
      mentions: [{ userId: 'U0ANNA', name: 'anna' }],
    });
    expect(splitMentions('<@UBOT> make <@U0ANNA> a mentor', null).mentions).toEqual([{ userId: 'U0ANNA', name: null }]);
  });

  it('Teams: mention entities other than the bot become mentions and leave the text', () => {
    const mentor = teamsUser('Mia Mentor');
    const colleague = teamsUser('Anna Virtanen');
    const activity = channelMention('http://127.0.0.1:9/', mentor, 'add <at>Anna Virtanen</at> as manager');
    activity.entities.push({ type: 'mention', text: '<at>Anna Virtanen</at>', mentioned: { id: colleague.id, name: colleague.name } });
    const incoming = toIncoming(activity as unknown as Activity);
    expect(incoming?.text.replace(/\s+/g, ' ')).toBe('add as manager');
    expect(incoming?.mentions).toEqual([{ userId: colleague.id, name: 'Anna Virtanen' }]);
    expect(incoming?.user.otherIds).toEqual([mentor.id]);
    expect(incoming?.mentions?.some((m) => m.userId === BOT_ID)).toBe(false);
  });
});
