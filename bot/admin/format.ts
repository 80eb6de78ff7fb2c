import { t, type PhraseKey } from '../i18n';
import type { Locale } from '../locale';
import { workFormLabel } from '../logging/format';
import type { AuditLine, CatalogueItem, CatalogueKind, MemberListing, Role } from '../ports';

const INTL_LOCALE: Record<Locale, string> = { fi: 'fi-FI', sv: 'sv-SE', en: 'en-GB' };
const ROLE_PHRASE: Record<Role, PhraseKey> = { worker: 'roleWorker', mentor: 'roleMentor', manager: 'roleManager' };
const LANGUAGE_PHRASE: Record<Locale, PhraseKey> = { fi: 'languageFi', sv: 'languageSv', en: 'languageEn' };
const LIST_PHRASE: Record<CatalogueKind, PhraseKey> = { unit: 'listUnits', activity: 'listActivities', theme: 'listThemes' };

/** Entry fields a mentor can make required, in the order a log asks for them. */
export const REQUIRABLE_FIELDS = ['date', 'workForm', 'participants.total', 'durationMinutes', 'unit', 'activity'] as const;
const FIELD_PHRASE: Record<(typeof REQUIRABLE_FIELDS)[number], PhraseKey> = {
  date: 'fieldDate',
  workForm: 'fieldWorkForm',
  'participants.total': 'fieldParticipants',
  durationMinutes: 'fieldDuration',
  unit: 'fieldUnit',
  activity: 'fieldActivity',
};

export function roleLabel(role: Role, locale: Locale): string {
  return t(locale, ROLE_PHRASE[role]);
}

export function languageName(language: Locale, locale: Locale): string {
  return t(locale, LANGUAGE_PHRASE[language]);
}

export function fieldLabel(field: string, locale: Locale): string {
  const key = FIELD_PHRASE[field as keyof typeof FIELD_PHRASE];
  return key ? t(locale, key) : field;
}

/** How a member is called in replies: name, else email, else a placeholder. */
export function memberName(member: Pick<MemberListing, 'displayName' | 'email'>, locale: Locale): string {
  return member.displayName ?? member.email ?? t(locale, 'memberNoName');
}

export function memberLine(member: MemberListing, locale: Locale): string {
  const parts = [
    member.displayName ?? t(locale, 'memberNoName'),
    member.email,
    roleLabel(member.role, locale),
    member.unitNames.length ? member.unitNames.join(', ') : null,
    member.channels.length ? member.channels.join(', ') : null,
  ];
  return `• ${parts.filter(Boolean).join(' · ')}`;
}

/** A unit's or activity's name; a theme's label in the reader's language. */
export function itemName(item: CatalogueItem, locale: Locale): string {
  return item.labels?.[locale] ?? item.name;
}

export function catalogueLines(kind: CatalogueKind, items: CatalogueItem[], locale: Locale): string[] {
  const lines = items.map((item) => {
    const details = [item.unit, item.workForm ? workFormLabel(item.workForm, locale) : null].filter(Boolean).join(', ');
    const aliases = kind !== 'theme' && item.aliases.length ? ` (${t(locale, 'aliasesLabel')}: ${item.aliases.join(', ')})` : '';
    return `• ${itemName(item, locale)}${details ? ` — ${details}` : ''}${aliases}`;
  });
  return [t(locale, LIST_PHRASE[kind]), ...(lines.length ? lines : [t(locale, 'listEmpty')])];
}

/** One line per audit event: when, who, what, and the values before and after. */
export function auditLines(lines: AuditLine[], timeZone: string, locale: Locale): string[] {
  const when = new Intl.DateTimeFormat(INTL_LOCALE[locale], { timeZone, dateStyle: 'short', timeStyle: 'short' });
  return lines.map((line) => {
    const target = targetLabel(line.before, line.after);
    const change = describeChange(line.before, line.after);
    const head = [when.format(line.at), line.actorName ?? t(locale, line.actorId ? 'memberNoName' : 'auditSystem'), line.action, target].filter(Boolean).join(' · ');
    return `• ${head}${change ? `: ${change}` : ''}`;
  });
}

/** Keys an audit line leaves out: ids, timestamps and free text that may hold personal data. */
const HIDDEN = /(?:^id$|_id$|Id$|_at$|At$|^notes$|^reflections$|^channel$|^source_message_id$)/;
const MAX_VALUE = 60;
const MAX_PAIRS = 6;

function record(value: unknown): Record<string, unknown> | null {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

function targetLabel(before: unknown, after: unknown): string | null {
  const name = record(after)?.name ?? record(before)?.name;
  return typeof name === 'string' ? name : null;
}

/** "role: worker → mentor"; for a new or removed thing, its values. */
export function describeChange(before: unknown, after: unknown): string {
  const b = record(before);
  const a = record(after);
  if (b && a) {
    const fb = flatten(b);
    const fa = flatten(a);
    const keys = [...new Set([...Object.keys(fb), ...Object.keys(fa)])].filter((k) => !HIDDEN.test(k));
    return keys
      .filter((k) => JSON.stringify(fb[k]) !== JSON.stringify(fa[k]))
      .slice(0, MAX_PAIRS)
      .map((k) => `${k}: ${difference(fb[k], fa[k])}`)
      .join('; ');
  }
  const only = a ?? b;
  if (!only) return '';
  return Object.entries(only)
    .filter(([k, v]) => !HIDDEN.test(k) && k !== 'name' && v != null && !(Array.isArray(v) && !v.length))
    .slice(0, MAX_PAIRS)
    .map(([k, v]) => `${k}: ${show(v)}`)
    .join('; ');
}

/** Nested objects one level down as "keywords.fi". */
function flatten(value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    const nested = record(inner);
    if (nested) for (const [k, v] of Object.entries(nested)) out[`${key}.${k}`] = v;
    else out[key] = inner;
  }
  return out;
}

/** "old → new"; for two lists of words, what was added (+) and taken away (−). */
function difference(before: unknown, after: unknown): string {
  const words = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === 'string');
  if ((words(before) || before == null) && words(after) && (before != null || (after as string[]).length > 0)) {
    const old = (before as string[] | null) ?? [];
    const now = after as string[];
    const changes = [...now.filter((x) => !old.includes(x)).map((x) => `+${x}`), ...old.filter((x) => !now.includes(x)).map((x) => `−${x}`)];
    if (changes.length && old.length) return show(changes.join(', '));
  }
  return `${show(before)} → ${show(after)}`;
}

function show(value: unknown): string {
  let text: string;
  if (value == null) text = '–';
  else if (Array.isArray(value)) text = value.map((v) => (record(v) ? Object.values(record(v)!).join(' / ') : String(v))).join(', ') || '–';
  else if (typeof value === 'object') text = JSON.stringify(value);
  else text = String(value);
  if (text.length <= MAX_VALUE) return text;
  // By code points: cutting between the halves of an emoji leaves a lone surrogate, which PostgreSQL's JSON refuses.
  return `${[...text].slice(0, MAX_VALUE - 1).join('')}…`;
}
