import type { Locale } from '../locale';
import type { CatalogueKind, Role } from '../ports';
import type { GoalComparator, GoalPer } from '../../reports/goal';
import type { Metric } from '../../reports/query';
import { parseGoalCommand } from './goal-commands';

/** A colleague named in a command: @mentioned, by email, or by (part of) their name. */
export type MemberRef = { mention: { userId: string; name: string | null } } | { email: string } | { name: string };

/** A mentor's command, read from a short fi, sv or en phrase. */
export type AdminCommand =
  | { kind: 'addMember'; members: MemberRef[]; role: Role }
  | { kind: 'setRole'; who: MemberRef; role: Role }
  | { kind: 'setUnits'; who: MemberRef; units: string[] }
  | { kind: 'removeMember'; who: MemberRef }
  | { kind: 'listMembers' }
  | { kind: 'addUnit'; name: string; aliases: string[] }
  /** `workForm` as written; the handler reads it. */
  | { kind: 'addActivity'; name: string; unit: string | null; workForm: string | null; aliases: string[] }
  | { kind: 'addTheme'; name: string; locale: Locale; keywords: Partial<Record<Locale, string[]>> }
  /** Themes are renamed in `locale`: the language of the command, or one named before the new name ("sv: Klimat"). */
  | { kind: 'rename'; target: CatalogueKind; name: string; newName: string; locale: Locale }
  | { kind: 'archive'; target: CatalogueKind; name: string }
  /** Aliases of a unit or activity, or keywords of a theme, per language. */
  | { kind: 'addAliases'; target: CatalogueKind; name: string; aliases: Partial<Record<Locale, string[]>> }
  | { kind: 'listCatalogue'; target: CatalogueKind }
  /** `fields` are entry field keys; `unknown` the names that are none. */
  | { kind: 'setRequiredFields'; fields: string[]; unknown: string[] }
  | { kind: 'setReflectionQuestions'; questions: string[]; locale: Locale }
  | { kind: 'setTimeZone'; timeZone: string }
  | { kind: 'setDefaultLocale'; locale: Locale }
  | { kind: 'setNoteRetention'; days: number | null }
  | { kind: 'showSettings' }
  | { kind: 'audit' }
  /** A goal as written: `target` in per cent for shares; null fields were not readable (the handler explains). */
  | { kind: 'setGoal'; metric: Metric | null; unit: string | null; comparator: GoalComparator; target: number | null; percent: boolean; per: GoalPer | null }
  | { kind: 'removeGoal'; metric: Metric | null; unit: string | null; per: GoalPer | null }
  | { kind: 'listGoals' };

export type AdminCommandKind = AdminCommand['kind'];

export interface Mention {
  userId: string;
  name: string | null;
}

type Groups = Record<string, string | undefined>;

interface Rule {
  re: RegExp;
  lang: Locale;
  build: (groups: Groups, mentions: Mention[], lang: Locale) => AdminCommand | null;
}

const L = String.raw`\p{L}`;
const ROLE_WORDS: Record<Role, string> = {
  worker: String.raw`(?:youth workers?|workers?|employees?|staff|työntekijä${L}*|nuoriso-ohjaaja${L}*|ohjaaja${L}*|ungdomsarbetare${L}*|medarbetare${L}*|arbetare${L}*|anställd${L}*)`,
  mentor: String.raw`(?:mentor${L}*)`,
  manager: String.raw`(?:managers?|esihenkilö${L}*|esimie${L}*|päällik${L}*|johtaja${L}*|chef${L}*|förman|förmän)`,
};
const ROLE = `(?<role>${ROLE_WORDS.worker}|${ROLE_WORDS.mentor}|${ROLE_WORDS.manager})`;
const KIND_WORDS: Record<CatalogueKind, string> = {
  unit: String.raw`(?:units?|yksikö${L}*|yksikkö${L}*|enhet${L}*)`,
  activity: String.raw`(?:activit(?:y|ies)|toimin${L}*|aktivitet${L}*)`,
  theme: String.raw`(?:themes?|topics?|teem${L}*|aihe${L}*|tema${L}*)`,
};
const KIND = `(?<kind>${KIND_WORDS.unit}|${KIND_WORDS.activity}|${KIND_WORDS.theme})`;
// As long as an address may be (RFC 5321: 64 before the @, 255 after), and no longer.
const EMAIL = String.raw`[^\s@<>"',;:]{1,64}@[^\s@<>"',;:]{1,191}\.[^\s@<>"',;:]{1,63}`;
const LANGUAGES: Record<string, Locale> = {
  fi: 'fi', suomi: 'fi', suomeksi: 'fi', suomeen: 'fi', finnish: 'fi', finska: 'fi',
  sv: 'sv', svenska: 'sv', ruotsi: 'sv', ruotsiksi: 'sv', swedish: 'sv',
  en: 'en', english: 'en', englanti: 'en', englanniksi: 'en', engelska: 'en',
};
const OFF = /^(?:none|off|no|never|nothing|no questions|ei|pois|ei mitään|ei yhtään|ei kysymyksiä|inga|inget|ingen|av|inga frågor)$/iu;

/** Entry fields a mentor may require, by their names in fi, sv and en. */
const FIELD_NAMES: [string, RegExp][] = [
  ['date', /^(?:date|day|päivä\p{L}*|pvm|datum)$/iu],
  ['workForm', /^(?:work ?forms?|työmuo\p{L}*|verksamhetsform\p{L}*|arbetsform\p{L}*)$/iu],
  ['participants.total', /^(?:participants?|participant count|count|total|osallistuj\p{L}*|määrä|deltagar\p{L}*|antal\p{L}*)$/iu],
  ['durationMinutes', /^(?:duration|length|hours|time|kesto|aika|tunnit|längd|tid)$/iu],
  ['unit', /^(?:units?|yksikkö|yksiköt|enhet\p{L}*)$/iu],
  ['activity', /^(?:activit(?:y|ies)|toimin\p{L}*|aktivitet\p{L}*)$/iu],
];

const rule = (lang: Locale, source: string, build: Rule['build']): Rule => ({ re: new RegExp(`^${source}$`, 'iu'), lang, build });
const fixed = (command: AdminCommand): Rule['build'] => () => command;

/** Reads a mentor command in fi, sv or en; null when the text is no such command. */
export function parseAdminCommand(text: string, mentions: Mention[] = []): AdminCommand | null {
  const cleaned = clean(text);
  if (!cleaned || cleaned.length > 2000) return null;
  const goal = parseGoalCommand(cleaned);
  if (goal) return goal;
  for (const { re, lang, build } of RULES) {
    const match = re.exec(cleaned);
    if (!match) continue;
    const command = build(match.groups ?? {}, mentions, lang);
    if (command) return command;
  }
  return null;
}

/** One line: line breaks become " | " (they separate questions), spaces collapse, trailing . and ! go. */
function clean(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u2018\u2019\u00b4`]/g, "'")
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s*\n+\s*/g, ' | ')
    .replace(/[\s\u00a0]+/g, ' ')
    .replace(/ ([:,;])/g, '$1')
    .trim()
    .replace(/[.!]+$/u, '')
    .replace(/^\|\s*|\s*\|$/g, '')
    .trim();
}

/** A name as typed: without surrounding quotes, a leading @ or trailing punctuation. */
export function unquote(value: string | undefined): string {
  let s = (value ?? '').trim().replace(/[.,;:!]+$/u, '').trim();
  const pairs: [string, string][] = [['"', '"'], ["'", "'"], ['“', '”'], ['”', '”'], ['„', '“'], ['«', '»'], ['»', '»']];
  for (const [open, close] of pairs) {
    if (s.length >= 2 && s.startsWith(open) && s.endsWith(close)) {
      s = s.slice(open.length, -close.length).trim();
      break;
    }
  }
  return s.replace(/^@/, '').trim();
}

/** Splits a list on commas, semicolons and bars, keeping quoted items whole. */
export function splitList(value: string | undefined): string[] {
  const items: string[] = [];
  let current = '';
  let quote: string | null = null;
  for (const ch of value ?? '') {
    if (quote) {
      current += ch;
      if (ch === quote || (quote === '“' && ch === '”')) quote = null;
    } else if (ch === '"' || ch === '“') {
      quote = ch;
      current += ch;
    } else if (ch === ',' || ch === ';' || ch === '|') {
      items.push(current);
      current = '';
    } else current += ch;
  }
  items.push(current);
  return items.map(unquote).filter(Boolean);
}

function roleOf(word: string | undefined): Role | null {
  if (!word) return null;
  for (const role of ['mentor', 'manager', 'worker'] as const) {
    if (new RegExp(`^${ROLE_WORDS[role]}$`, 'iu').test(word)) return role;
  }
  return null;
}

function kindOf(word: string | undefined): CatalogueKind | null {
  if (!word) return null;
  for (const kind of ['unit', 'activity', 'theme'] as const) {
    if (new RegExp(`^${KIND_WORDS[kind]}$`, 'iu').test(word)) return kind;
  }
  return null;
}

/** The colleague a command is about: the typed name or email, else the first @mention. */
function memberRef(who: string | undefined, mentions: Mention[], lang: Locale): MemberRef | null {
  let name = unquote(who);
  if (!name) return mentions[0] ? { mention: mentions[0] } : null;
  if (new RegExp(`^${EMAIL}$`, 'u').test(name)) return { email: name.toLowerCase() };
  // "tee Annasta mentori", "tee Anna:sta mentori": the elative ending is not part of the name.
  if (lang === 'fi') name = name.replace(/:?(?:sta|stä)$/u, '') || name;
  return { name };
}

const addMember: Rule['build'] = (g, mentions) => {
  const members: MemberRef[] = mentions.map((mention) => ({ mention }));
  if (g.email) members.push({ email: g.email.toLowerCase() });
  if (!members.length) return null;
  return { kind: 'addMember', members, role: roleOf(g.role) ?? 'worker' };
};

const namedOnly: Rule['build'] = (g, mentions) =>
  mentions.length ? null : { kind: 'addMember', members: [{ name: unquote(g.who) }], role: roleOf(g.role) ?? 'worker' };

const setRole: Rule['build'] = (g, mentions, lang) => {
  const who = memberRef(g.who, mentions, lang);
  const role = roleOf(g.role);
  return who && role ? { kind: 'setRole', who, role } : null;
};

const setUnits: Rule['build'] = (g, mentions, lang) => {
  const who = memberRef(g.who, mentions, lang);
  if (!who) return null;
  const units = splitList(g.list);
  return { kind: 'setUnits', who, units: units.length === 1 && OFF.test(units[0]) ? [] : units };
};

const removeMember: Rule['build'] = (g, mentions, lang) => {
  const who = memberRef(g.who, mentions, lang);
  return who ? { kind: 'removeMember', who } : null;
};

/** "NAME [in unit UNIT] [as WORK FORM] [aliases A, B]", with markers in any of the three languages. */
const ACTIVITY_MARKERS = new RegExp(
  String.raw`(?:^|,?\s+)(?:(?<unit>in (?:the )?unit|under (?:the )?unit|to (?:the )?unit|for (?:the )?unit|unit|yksikköön|yksikössä|yksikkö|yksikölle|i enheten|under enheten|till enheten|enhet|enheten)|(?<form>as|work ?form|työmuoto|työmuodoksi|som|arbetsform|verksamhetsform)|(?<alias>aliases|alias|aliakset|also called|även kallad|kallas även|myös)):?\s+`,
  'giu',
);

type Marker = 'unit' | 'form' | 'alias';

function qualifiers(rest: string, keys: Marker[]): { name: string; unit: string | null; workForm: string | null; aliases: string[] } {
  const found: { at: number; end: number; key: Marker }[] = [];
  ACTIVITY_MARKERS.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ACTIVITY_MARKERS.exec(rest)) !== null) {
    if (m.index === 0 && !/^,?\s/.test(m[0])) continue; // a marker word cannot start the name
    if (insideQuotes(rest, m.index)) continue;
    const key: Marker = m.groups?.unit ? 'unit' : m.groups?.form ? 'form' : 'alias';
    if (!keys.includes(key) || found.some((f) => f.key === key)) continue;
    found.push({ at: m.index, end: m.index + m[0].length, key });
  }
  const name = unquote(rest.slice(0, found[0]?.at ?? rest.length));
  const value = (key: string): string | null => {
    const i = found.findIndex((f) => f.key === key);
    if (i < 0) return null;
    return rest.slice(found[i].end, found[i + 1]?.at ?? rest.length);
  };
  return { name, unit: unquote(value('unit') ?? '') || null, workForm: unquote(value('form') ?? '') || null, aliases: splitList(value('alias') ?? '') };
}

function insideQuotes(s: string, at: number): boolean {
  return ((s.slice(0, at).match(/["“”]/g) ?? []).length % 2) === 1;
}

/** "fi: a, b; sv: c" → per language; an untagged list belongs to `lang`. */
export function keywordsByLanguage(value: string | undefined, lang: Locale): Partial<Record<Locale, string[]>> {
  const out: Partial<Record<Locale, string[]>> = {};
  const text = value ?? '';
  const tagged = /(?:^|[;|]\s*|\s)(fi|sv|en):\s*/giu;
  const tags = [...text.matchAll(tagged)];
  if (!tags.length) {
    const words = splitList(text);
    if (words.length) out[lang] = words;
    return out;
  }
  const head = splitList(text.slice(0, tags[0].index));
  if (head.length) out[lang] = head;
  tags.forEach((tag, i) => {
    const locale = tag[1].toLowerCase() as Locale;
    const end = tags[i + 1]?.index ?? text.length;
    const words = splitList(text.slice((tag.index ?? 0) + tag[0].length, end));
    if (words.length) out[locale] = [...(out[locale] ?? []), ...words];
  });
  return out;
}

const addUnit: Rule['build'] = (g) => {
  const { name, aliases } = qualifiers(g.rest ?? '', ['alias']);
  return name ? { kind: 'addUnit', name, aliases } : null;
};

const addActivity: Rule['build'] = (g) => {
  const { name, unit, workForm, aliases } = qualifiers(g.rest ?? '', ['unit', 'form', 'alias']);
  return name ? { kind: 'addActivity', name, unit, workForm, aliases } : null;
};

const addTheme: Rule['build'] = (g, _m, lang) => {
  let name = unquote(g.name);
  let keywords = g.keywords;
  // "add theme Climate fi: ilmasto": the language tag belongs to the keywords.
  const tagged = /^(.+?)\s+(fi|sv|en)$/iu.exec(name);
  if (tagged && keywords) [name, keywords] = [tagged[1], `${tagged[2]}: ${keywords}`];
  return name ? { kind: 'addTheme', name, locale: lang, keywords: keywordsByLanguage(keywords, lang) } : null;
};

const rename: Rule['build'] = (g, _m, lang) => {
  const target = kindOf(g.kind);
  const tagged = /^(fi|sv|en):\s*(.+)$/iu.exec(g.newName ?? '');
  const name = unquote(g.name);
  const newName = unquote(tagged ? tagged[2] : g.newName);
  if (!target || !name || !newName) return null;
  return { kind: 'rename', target, name, newName, locale: tagged ? (tagged[1].toLowerCase() as Locale) : lang };
};

const archive: Rule['build'] = (g) => {
  const target = kindOf(g.kind);
  const name = unquote(g.name);
  return target && name ? { kind: 'archive', target, name } : null;
};

const addAliases: Rule['build'] = (g, _m, lang) => {
  const target = kindOf(g.kind) ?? (g.keywordsWord ? 'theme' : null);
  const name = unquote(g.name);
  const aliases = keywordsByLanguage(g.aliases, lang);
  if (!target || !name || !Object.keys(aliases).length) return null;
  return { kind: 'addAliases', target, name, aliases };
};

const listCatalogue: Rule['build'] = (g) => {
  const target = kindOf(g.kind);
  return target ? { kind: 'listCatalogue', target } : null;
};

const setRequiredFields: Rule['build'] = (g) => {
  const names = splitList(g.list?.replace(/ (?:and|ja|och) /giu, ', '));
  if (names.length === 1 && OFF.test(names[0])) return { kind: 'setRequiredFields', fields: [], unknown: [] };
  const fields: string[] = [];
  const unknown: string[] = [];
  for (const name of names) {
    const field = FIELD_NAMES.find(([, re]) => re.test(name))?.[0];
    if (!field) unknown.push(name);
    else if (!fields.includes(field)) fields.push(field);
  }
  return { kind: 'setRequiredFields', fields, unknown };
};

const setReflectionQuestions: Rule['build'] = (g, _m, lang) => {
  const text = (g.questions ?? '').trim();
  if (OFF.test(text)) return { kind: 'setReflectionQuestions', questions: [], locale: lang };
  // Questions are separated by "|" or line breaks, or else each ends with a question mark.
  const parts = text.includes('|') ? text.split('|') : text.split(/(?<=\?)\s+/u);
  const questions = parts.map(unquote).filter(Boolean).map((q) => q.replace(/\?*$/u, '?'));
  return questions.length ? { kind: 'setReflectionQuestions', questions, locale: lang } : null;
};

const setTimeZone: Rule['build'] = (g) => (g.tz ? { kind: 'setTimeZone', timeZone: g.tz } : null);

const setDefaultLocale: Rule['build'] = (g) => {
  const locale = LANGUAGES[(g.lang ?? '').toLowerCase()];
  return locale ? { kind: 'setDefaultLocale', locale } : null;
};

const setNoteRetention: Rule['build'] = (g) => {
  const value = (g.value ?? '').trim();
  const days = /^(\d{1,6})/.exec(value);
  if (days) return { kind: 'setNoteRetention', days: Number(days[1]) };
  return { kind: 'setNoteRetention', days: null };
};

const WHO = String.raw`(?: (?<who>.+?))??`;
const OPTIONAL_EMAIL = `(?: (?<email>${EMAIL}))?`;
const RETENTION_OFF = String.raw`off|never|forever|none|pois|ikuisesti|ei|av|för alltid|ingen|aldrig`;

const RULES: Rule[] = [
  // Audit, settings and lists
  rule('en', String.raw`(?:show )?(?:the )?audit(?: log| trail)?`, fixed({ kind: 'audit' })),
  rule('fi', String.raw`(?:näytä )?(?:loki|tapahtumat|muutosloki|tapahtumaloki|muutokset)`, fixed({ kind: 'audit' })),
  rule('sv', String.raw`(?:visa )?(?:logg(?:en)?|händelser(?:na)?|ändringar(?:na)?|granskningslogg(?:en)?)`, fixed({ kind: 'audit' })),
  rule('en', String.raw`(?:show )?(?:the )?settings`, fixed({ kind: 'showSettings' })),
  rule('fi', String.raw`(?:näytä )?asetukset`, fixed({ kind: 'showSettings' })),
  rule('sv', String.raw`(?:visa )?inställningar(?:na)?`, fixed({ kind: 'showSettings' })),
  rule('en', String.raw`(?:list |show )?(?:the )?(?:all )?(?:users|members|colleagues|staff)`, fixed({ kind: 'listMembers' })),
  rule('fi', String.raw`(?:näytä |listaa )?(?:kaikki )?(?:käyttäjät|jäsenet|kollegat|työntekijät)`, fixed({ kind: 'listMembers' })),
  rule('sv', String.raw`(?:visa |lista )?(?:alla )?(?:användare|användarna|medlemmar(?:na)?|kolleger(?:na)?)`, fixed({ kind: 'listMembers' })),
  rule('en', String.raw`(?:list |show )?(?:the )?(?:all )?(?<kind>units|activities|themes|topics)`, listCatalogue),
  rule('fi', String.raw`(?:näytä |listaa )?(?:kaikki )?(?<kind>yksiköt|toiminnot|teemat|aiheet)`, listCatalogue),
  rule('sv', String.raw`(?:visa |lista )?(?:alla )?(?<kind>enheter(?:na)?|aktiviteter(?:na)?|teman(?:a)?)`, listCatalogue),

  // Organisation settings
  rule('en', String.raw`(?:set |change )?(?:the )?time ?zone(?: to)?:? (?<tz>[\w/+-]+)`, setTimeZone),
  rule('fi', String.raw`(?:aseta |vaihda )?aikavyöhyk${L}*:? (?<tz>[\w/+-]+)`, setTimeZone),
  rule('sv', String.raw`(?:ställ in |ändra |byt )?tidszon(?:en)?(?: till)?:? (?<tz>[\w/+-]+)`, setTimeZone),
  rule('en', String.raw`(?:set |change )?(?:the )?(?:default|organisation|organization)(?:'s)? language(?: to)?:? (?<lang>${L}+)`, setDefaultLocale),
  rule('fi', String.raw`(?:aseta |vaihda )?(?:oletuskiel|organisaation kiel)${L}*:? (?<lang>${L}+)`, setDefaultLocale),
  rule('sv', String.raw`(?:ställ in |ändra |byt )?(?:standardspråk|organisationens språk)(?:et)?(?: till)?:? (?<lang>${L}+)`, setDefaultLocale),
  rule('en', String.raw`(?:set )?(?:the )?notes? retention(?: period)?(?: to)?:? (?<value>\d+(?: days?)?|${RETENTION_OFF})`, setNoteRetention),
  rule('en', String.raw`keep notes(?: for)? (?<value>\d+ days?|forever)`, setNoteRetention),
  rule('fi', String.raw`(?:aseta )?muistiinpanojen säilytys(?:aika)?:? (?<value>\d+(?: päivää?)?|${RETENTION_OFF})`, setNoteRetention),
  rule('fi', String.raw`säilytä muistiinpano${L}* (?<value>\d+ päivää?|ikuisesti)`, setNoteRetention),
  rule('sv', String.raw`(?:lagringstid|sparandetid|gallring) (?:för|av) anteckningar(?:na)?:? (?<value>\d+(?: dagar?)?|${RETENTION_OFF})`, setNoteRetention),
  rule('sv', String.raw`spara anteckningar(?:na)?(?: i)? (?<value>\d+ dagar?|för alltid)`, setNoteRetention),
  rule('en', String.raw`(?:set )?(?:the )?required(?: fields?)?:? (?<list>.+)`, setRequiredFields),
  rule('en', String.raw`require (?<list>.+)`, setRequiredFields),
  rule('fi', String.raw`(?:aseta )?pakollis${L}*(?: kentät| tiedot)?:? (?<list>.+)`, setRequiredFields),
  rule('fi', String.raw`vaadi (?<list>.+)`, setRequiredFields),
  rule('sv', String.raw`(?:ställ in )?obligatoriska(?: fält| uppgifter)?:? (?<list>.+)`, setRequiredFields),
  rule('sv', String.raw`kräv (?<list>.+)`, setRequiredFields),
  rule('en', String.raw`(?:set )?(?:the )?reflection questions?:? (?<questions>.+)`, setReflectionQuestions),
  rule('fi', String.raw`(?:aseta )?(?:reflektio|pohdinta)kysymy${L}*:? (?<questions>.+)`, setReflectionQuestions),
  rule('sv', String.raw`(?:ställ in )?reflektionsfråg${L}*:? (?<questions>.+)`, setReflectionQuestions),

  // Structure: add, rename, archive, aliases and keywords
  rule('en', String.raw`(?:add|new|create) (?:a |an )?(?:new )?theme (?<name>.+?)(?:(?::| with keywords?:?| keywords?:?) (?<keywords>.+))?`, addTheme),
  rule('fi', String.raw`(?:lisää|uusi|luo) (?:uusi )?(?:teema|aihe) (?<name>.+?)(?:(?::|,? avainsana${L}*:?) (?<keywords>.+))?`, addTheme),
  rule('sv', String.raw`(?:lägg till|ny|nytt|skapa) (?:ett )?(?:nytt )?tema(?:t)? (?<name>.+?)(?:(?::|,? (?:med )?nyckelord(?:en)?:?) (?<keywords>.+))?`, addTheme),
  rule('en', String.raw`(?:add|new|create) (?:a |an )?(?:new )?unit (?<rest>.+)`, addUnit),
  rule('fi', String.raw`(?:lisää|uusi|luo) (?:uusi )?yksikkö (?<rest>.+)`, addUnit),
  rule('sv', String.raw`(?:lägg till|ny|skapa) (?:en )?(?:ny )?enhet(?:en)? (?<rest>.+)`, addUnit),
  rule('en', String.raw`(?:add|new|create) (?:a |an )?(?:new )?activity (?<rest>.+)`, addActivity),
  rule('fi', String.raw`(?:lisää|uusi|luo) (?:uusi )?toiminto (?<rest>.+)`, addActivity),
  rule('sv', String.raw`(?:lägg till|ny|skapa) (?:en )?(?:ny )?aktivitet(?:en)? (?<rest>.+)`, addActivity),
  rule('en', String.raw`rename (?:the )?${KIND} (?<name>.+?)(?: to| as|:| ->| →) (?<newName>.+)`, rename),
  rule('fi', String.raw`nimeä (?:uudelleen )?${KIND} (?<name>.+?)(?: uudelleen:?| nimelle| nimeksi| uudeksi nimeksi|:| ->| →) (?<newName>.+)`, rename),
  rule('fi', String.raw`(?:muuta|vaihda) ${KIND} (?<name>.+?) nime(?:ksi|ä)?:? (?<newName>.+)`, rename),
  rule('sv', String.raw`(?:byt namn på|döp om|ändra namn på) ${KIND} (?<name>.+?)(?: till|:| ->| →) (?<newName>.+)`, rename),
  rule('en', String.raw`(?:archive|remove|delete) (?:the )?${KIND} (?<name>.+)`, archive),
  rule('fi', String.raw`(?:arkistoi|poista) ${KIND} (?<name>.+)`, archive),
  rule('sv', String.raw`(?:arkivera|ta bort|radera) ${KIND} (?<name>.+)`, archive),
  rule('en', String.raw`(?:add )?(?:(?:an )?alias(?:es)?|(?<keywordsWord>keywords?)) (?<aliases>.+?) (?:to|for) (?:the )?${KIND} (?<name>.+)`, addAliases),
  rule('en', String.raw`(?:add )?(?:(?:an )?alias(?:es)?|(?<keywordsWord>keywords?)) (?:to|for|of) (?:the )?${KIND} (?<name>.+?): (?<aliases>.+)`, addAliases),
  rule('en', String.raw`${KIND} (?<name>.+?) (?:aliases|alias|(?<keywordsWord>keywords)): (?<aliases>.+)`, addAliases),
  rule('fi', String.raw`lisää (?:alias${L}*|lempinim${L}*|(?<keywordsWord>avainsan${L}*)) (?<aliases>.+?) ${KIND} (?<name>.+)`, addAliases),
  rule('fi', String.raw`${KIND} (?<name>.+?) (?:alias${L}*|lempinim${L}*|(?<keywordsWord>avainsan${L}*)): (?<aliases>.+)`, addAliases),
  rule('sv', String.raw`(?:lägg till )?(?:alias|(?<keywordsWord>nyckelord)) (?<aliases>.+?) (?:för|till|på) ${KIND} (?<name>.+)`, addAliases),
  rule('sv', String.raw`(?:alias|(?<keywordsWord>nyckelord)) (?:för|till|på) ${KIND} (?<name>.+?): (?<aliases>.+)`, addAliases),

  // Members
  rule('en', String.raw`(?:add|invite)(?: (?:a )?(?:new )?(?:users?|members?|colleagues?))?${OPTIONAL_EMAIL}(?: (?:as|to be) (?:an? )?${ROLE})?`, addMember),
  rule('fi', String.raw`(?:lisää|kutsu)(?: (?:uusi )?(?:käyttäjä${L}*|jäsen${L}*|kollega${L}*|työkaveri${L}*))?${OPTIONAL_EMAIL}(?: (?:rooli(?:ksi|lla)? )?${ROLE})?`, addMember),
  rule('sv', String.raw`(?:lägg till|bjud in)(?: (?:en )?(?:ny )?(?:användare(?:n)?|medlem(?:men)?|kollega(?:n)?))?${OPTIONAL_EMAIL}(?: som (?:en )?${ROLE})?`, addMember),
  // "add user Anna": a name alone cannot be bound to anyone; the handler explains how to add.
  rule('en', String.raw`(?:add|invite) (?:a )?(?:new )?(?:user|member|colleague)s? (?<who>.+)`, namedOnly),
  rule('fi', String.raw`(?:lisää|kutsu) (?:uusi )?(?:käyttäjä|jäsen|kollega|työkaveri)${L}* (?<who>.+)`, namedOnly),
  rule('sv', String.raw`(?:lägg till|bjud in) (?:en )?(?:ny )?(?:användaren|användare|medlemmen|medlem|kollegan|kollega) (?<who>.+)`, namedOnly),
  rule('en', String.raw`make${WHO} (?:an? |the )?${ROLE}`, setRole),
  rule('en', String.raw`(?:set|change) (?:the )?role (?:of|for)${WHO}(?: to|:) (?:an? )?${ROLE}`, setRole),
  rule('en', String.raw`(?:set|change)${WHO}(?:'s)? role(?: to|:) (?:an? )?${ROLE}`, setRole),
  rule('en', String.raw`role${WHO}: ${ROLE}`, setRole),
  rule('fi', String.raw`tee(?: käyttäjästä)?${WHO} ${ROLE}`, setRole),
  rule('fi', String.raw`(?:muuta|vaihda|aseta)(?: käyttäjän)?${WHO} rooli(?:ksi)?:? ${ROLE}`, setRole),
  rule('fi', String.raw`rooli${WHO}: ${ROLE}`, setRole),
  rule('sv', String.raw`gör${WHO} till (?:en )?${ROLE}`, setRole),
  rule('sv', String.raw`(?:ändra|byt|sätt) rolle?n? (?:för|på)${WHO} till (?:en )?${ROLE}`, setRole),
  rule('sv', String.raw`roll${WHO}: ${ROLE}`, setRole),
  rule('en', String.raw`(?:set )?units (?:of|for)${WHO}: (?<list>.+)`, setUnits),
  rule('en', String.raw`give${WHO} (?:the )?units? (?<list>.+)`, setUnits),
  rule('fi', String.raw`(?:käyttäjän )?yksiköt(?: käyttäjälle)?${WHO}: (?<list>.+)`, setUnits),
  rule('fi', String.raw`anna käyttäjälle${WHO} yksikö?t? (?<list>.+)`, setUnits),
  rule('fi', String.raw`aseta(?: käyttäjän)?${WHO} yksiköiksi:? (?<list>.+)`, setUnits),
  rule('sv', String.raw`enheter(?:na)? (?:för|åt)${WHO}: (?<list>.+)`, setUnits),
  rule('sv', String.raw`ge${WHO} enhet(?:en|erna)? (?<list>.+)`, setUnits),
  rule('en', String.raw`(?:remove|delete) (?:the )?(?:user|member|colleague)${WHO}`, removeMember),
  rule('fi', String.raw`poista (?:käyttäjä|jäsen|kollega)${WHO}`, removeMember),
  rule('sv', String.raw`(?:ta bort|radera) (?:användaren|användare|medlemmen|medlem|kollegan)${WHO}`, removeMember),
  // "remove @Anna" or "poista anna@example.org": a bare verb needs a mention or an email.
  rule('en', String.raw`(?:remove|delete)(?: (?<who>${EMAIL}))?`, mentionedOrEmail(removeMember)),
  rule('fi', String.raw`poista(?: (?<who>${EMAIL}))?`, mentionedOrEmail(removeMember)),
  rule('sv', String.raw`(?:ta bort|radera)(?: (?<who>${EMAIL}))?`, mentionedOrEmail(removeMember)),
];

function mentionedOrEmail(build: Rule['build']): Rule['build'] {
  return (g, mentions, lang) => (g.who || mentions.length ? build(g, mentions, lang) : null);
}
