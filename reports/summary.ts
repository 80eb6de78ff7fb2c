/**
 * The extractive summary of a period's notes, for when no language model writes one: the most common
 * themes, and two or three representative note excerpts with personal data masked.
 * Representative = shares the period's frequent words and top themes, repeated notes weigh more,
 * and each further excerpt adds a theme or words the earlier ones did not have.
 */
import type { Locale } from '../bot/locale';
import type { CatalogueTheme } from '../bot/nlu/catalogue';
import { DEFAULT_THEMES } from '../bot/nlu/default-themes';
import { normalise } from '../bot/nlu/normalise';
import { maskPersonalData } from '../bot/nlu/privacy';
import { formatNumber } from './format';
import { clipPeriod } from './period';
import { rt } from './phrases';
import type { ReportQuery } from './query';
import type { ReportDb } from './run';
import type { ReportScope } from './sql';

export interface NoteRow {
  notes: string | null;
  themes: string[];
}

export interface NotesSummary {
  topThemes: { key: string; label: string; count: number }[];
  excerpts: string[];
  /** One paragraph in the user's language. */
  text: string;
  /** Entries read (with notes or themes). */
  entries: number;
}

export interface SummaryOptions {
  locale: Locale;
  /** Theme labels; the default catalogue's labels otherwise. */
  themes?: CatalogueTheme[];
  topThemes?: number;
  excerpts?: number;
  /** Excerpts are cut to about this many characters. */
  excerptLength?: number;
}

const QUOTES: Record<Locale, [string, string]> = { fi: ['”', '”'], sv: ['”', '”'], en: ['“', '”'] };
const WORD = /[\p{L}]{4,}/gu;
/** Frequent words that say nothing about the content. */
const STOP = new Set(
  ('that this with they them their there were have what when about from into also just very some then than been were ' +
    'oli olivat kanssa sitten myös mutta kuin joka jotka tämä siitä sekä paljon vähän ' +
    'från eller också efter några mycket över inte till hade varit under sina deras vara').split(' '),
);

function wordsOf(note: string): Set<string> {
  return new Set((normalise(note).match(WORD) ?? []).filter((w) => !STOP.has(w)));
}

/** The start of a note: whole sentences while they fit, else whole words, with an ellipsis when cut. */
export function excerpt(note: string, max = 160): string {
  const text = note.replace(/\s+/g, ' ').trim();
  if (text.length <= max) return text;
  const sentences = text.match(/[^.!?]+[.!?]+(?=\s|$)/g) ?? [];
  let out = '';
  for (const sentence of sentences) {
    if ((out + sentence).length > max) break;
    out += sentence;
  }
  if (out.trim().length >= max / 3) return out.trim();
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:-]+$/u, '')}…`;
}

/** Summarises the rows of a period (see fetchPeriodNotes). */
export function summariseNotes(rows: NoteRow[], options: SummaryOptions): NotesSummary {
  const { locale } = options;
  const labels = new Map<string, string>();
  for (const theme of [...DEFAULT_THEMES, ...(options.themes ?? [])]) labels.set(theme.key, theme.labels?.[locale] ?? theme.key);

  const themeCounts = new Map<string, number>();
  for (const row of rows) for (const key of new Set(row.themes ?? [])) themeCounts.set(key, (themeCounts.get(key) ?? 0) + 1);
  const topThemes = [...themeCounts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, options.topThemes ?? 3)
    .map(([key, count]) => ({ key, label: labels.get(key) ?? key, count }));
  const top = new Set(topThemes.map((t) => t.key));

  // Distinct notes, with how often each was written and the themes of their entries.
  const notes = new Map<string, { text: string; count: number; themes: Set<string>; words: Set<string> }>();
  for (const row of rows) {
    const text = row.notes?.trim();
    if (!text) continue;
    const key = normalise(text).replace(/\s+/g, ' ');
    const note = notes.get(key) ?? { text, count: 0, themes: new Set<string>(), words: wordsOf(text) };
    note.count++;
    for (const theme of row.themes ?? []) note.themes.add(theme);
    notes.set(key, note);
  }
  const frequency = new Map<string, number>();
  for (const note of notes.values()) for (const w of note.words) frequency.set(w, (frequency.get(w) ?? 0) + note.count);
  const scored = [...notes.values()].map((note) => {
    const words = [...note.words];
    const common = words.length ? words.reduce((sum, w) => sum + Math.log1p(frequency.get(w) ?? 0), 0) / words.length : 0;
    const themed = [...note.themes].filter((t) => top.has(t)).length;
    const shortPenalty = note.text.length < 25 ? 0.5 : 1;
    return { note, score: (common + 2 * themed + Math.log1p(note.count)) * shortPenalty };
  });
  scored.sort((a, b) => b.score - a.score || a.note.text.localeCompare(b.note.text));

  const chosen: typeof scored = [];
  const covered = new Set<string>();
  const wanted = options.excerpts ?? 3;
  for (const candidate of scored) {
    if (chosen.length >= wanted) break;
    const newTheme = [...candidate.note.themes].some((t) => top.has(t) && !covered.has(t));
    const overlap = Math.max(0, ...chosen.map((c) => jaccard(c.note.words, candidate.note.words)));
    if (chosen.length && !newTheme && overlap > 0.5) continue;
    chosen.push(candidate);
    for (const t of candidate.note.themes) covered.add(t);
  }
  // Too few diverse notes: fill up with the best remaining ones.
  for (const candidate of scored) {
    if (chosen.length >= Math.min(wanted, 2)) break;
    if (!chosen.includes(candidate)) chosen.push(candidate);
  }
  const excerpts = chosen.map((c) => excerpt(maskPersonalData(c.note.text), options.excerptLength ?? 160));

  const [open, close] = QUOTES[locale];
  const parts: string[] = [];
  if (topThemes.length) {
    const list = topThemes.map((t) => `${t.label.toLowerCase()} (${formatNumber(t.count, locale)})`).join(', ');
    parts.push(rt(locale, 'summaryThemes', { themes: list }));
  }
  if (excerpts.length) parts.push(rt(locale, 'summaryExcerpts', { excerpts: excerpts.map((e) => `${open}${e}${close}`).join(' ') }));
  return { topThemes, excerpts, text: parts.length ? parts.join(' ') : rt(locale, 'summaryNone'), entries: rows.length };
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (!a.size && !b.size) return 1;
  let both = 0;
  for (const w of a) if (b.has(w)) both++;
  return both / (a.size + b.size - both);
}

/**
 * The period's entries that have notes or themes, newest first, at most `limit` of them: scoped to the
 * organisation and the asker's units, with the query's filters; soft-deleted entries excluded.
 */
export function buildNotesSql(
  query: ReportQuery,
  scope: ReportScope,
  options: { asOf?: string | null; limit?: number } = {},
): { text: string; params: unknown[] } {
  const period = clipPeriod(query.filters.period, options.asOf);
  const params: unknown[] = [scope.organisationId, period.from, period.to, options.limit ?? 5000];
  const where = [
    'e.organisation_id = $1::uuid',
    'e.deleted_at IS NULL',
    'e.date >= $2::date',
    'e.date <= $3::date',
    "((e.notes IS NOT NULL AND btrim(e.notes) <> '') OR cardinality(e.themes) > 0)",
  ];
  const add = (condition: (ref: string) => string, value: unknown, cast: string) => {
    params.push(value);
    where.push(condition(`$${params.length}::${cast}`));
  };
  if (scope.unitIds) add((ref) => `e.unit_id = ANY(${ref})`, scope.unitIds, 'uuid[]');
  const f = query.filters;
  if (f.unitIds.length) add((ref) => `e.unit_id = ANY(${ref})`, f.unitIds, 'uuid[]');
  if (f.activityIds.length) add((ref) => `e.activity_id = ANY(${ref})`, f.activityIds, 'uuid[]');
  if (f.workForms.length) add((ref) => `e.work_form = ANY(${ref})`, f.workForms, 'text[]');
  if (f.themes.length) add((ref) => `e.themes && ${ref}`, f.themes, 'text[]');
  const text = `SELECT e.notes, e.themes FROM entries e WHERE ${where.join(' AND ')} ORDER BY e.date DESC, e.id LIMIT $4::int`;
  return { text, params };
}

export async function fetchPeriodNotes(
  db: ReportDb,
  query: ReportQuery,
  scope: ReportScope,
  options: { asOf?: string | null; limit?: number } = {},
): Promise<NoteRow[]> {
  const { text, params } = buildNotesSql(query, scope, options);
  return (await db.query(text, params)) as NoteRow[];
}
