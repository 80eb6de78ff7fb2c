import type { EntityManager } from 'typeorm';

/** What replaces a staff member's personal data that cannot simply be deleted. */
export const ERASED = '[erased]';

/** Shorter strings would match almost anything. */
const MIN_NEEDLE_LENGTH = 3;

/** The identifying strings of a person (name, email, channel ids), trimmed and deduplicated ignoring case. */
export function needlesOf(values: unknown[]): string[] {
  const seen = new Map<string, string>();
  for (const value of values) {
    if (typeof value !== 'string') continue;
    const needle = value.trim();
    if (needle.length >= MIN_NEEDLE_LENGTH && !seen.has(needle.toLowerCase())) seen.set(needle.toLowerCase(), needle);
  }
  return [...seen.values()];
}

/**
 * The needles as a SQL parameter for `mentionsSql`: as written, lower-cased, and as they appear in JSON text
 * (jsonb::text escapes quotes, backslashes and control characters). SQL finds candidates; JS decides.
 */
export function sqlNeedles(needles: string[]): string[] {
  const variants = needles.flatMap((needle) => {
    const json = JSON.stringify(needle).slice(1, -1);
    return [needle, needle.toLowerCase(), json, json.toLowerCase()];
  });
  return [...new Set(variants)];
}

/** A SQL condition: the text of `expression` contains one of the needles in parameter `param` (see sqlNeedles). */
export function mentionsSql(expression: string, param: string): string {
  return `EXISTS (SELECT 1 FROM unnest(${param}::text[]) AS n(needle)
                   WHERE strpos((${expression})::text, n.needle) > 0 OR strpos(lower((${expression})::text), n.needle) > 0)`;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function pattern(needles: string[]): RegExp | null {
  return needles.length ? new RegExp(needles.map(escapeRegExp).join('|'), 'giu') : null;
}

export function mentions(text: string, needles: string[]): boolean {
  const regExp = pattern(needles);
  return regExp ? regExp.test(text) : false;
}

/** Free text with each mention replaced: "Ran it with Megan" → "Ran it with [erased]". */
export function redactText(text: string, needles: string[]): string {
  const regExp = pattern(needles);
  return regExp ? text.replace(regExp, ERASED) : text;
}

/**
 * JSON with every string (and object key) that mentions a needle replaced: the whole string by default
 * (audit values), or only the mention with `{ inText: true }` (free-text answers).
 */
export function redactJson(value: unknown, needles: string[], options: { inText?: boolean } = {}): unknown {
  if (typeof value === 'string') {
    if (!mentions(value, needles)) return value;
    return options.inText ? redactText(value, needles) : ERASED;
  }
  if (Array.isArray(value)) return value.map((item) => redactJson(item, needles, options));
  if (value && typeof value === 'object') {
    const result: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      let safeKey = mentions(key, needles) ? ERASED : key;
      for (let n = 2; safeKey in result; n++) safeKey = `${ERASED}${n}`;
      result[safeKey] = redactJson(item, needles, options);
    }
    return result;
  }
  return value;
}

export interface Mention {
  table: string;
  column: string;
  rows: number;
}

const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;

/**
 * Every text, varchar, array-of-text, json and jsonb column of every table in the public schema
 * (found through information_schema, so new tables are covered) that still mentions a needle.
 * Tables with organisation_id are searched within the organisation only.
 */
export async function findMentions(manager: EntityManager, organisationId: string, needles: string[]): Promise<Mention[]> {
  if (!needles.length) return [];
  const columns = await manager.query<{ table_name: string; column_name: string }[]>(
    `SELECT c.table_name, c.column_name
       FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
      WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
        AND (c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb')
             OR (c.data_type = 'ARRAY' AND c.udt_name IN ('_text', '_varchar', '_bpchar', '_json', '_jsonb')))
      ORDER BY c.table_name, c.ordinal_position`,
  );
  const scoped = new Set(
    (
      await manager.query<{ table_name: string }[]>(
        `SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'organisation_id'`,
      )
    ).map((row) => row.table_name),
  );
  const byTable = new Map<string, string[]>();
  for (const { table_name, column_name } of columns) byTable.set(table_name, [...(byTable.get(table_name) ?? []), column_name]);
  const found: Mention[] = [];
  for (const [table, names] of byTable) {
    const counts = names.map((name, i) => `count(*) FILTER (WHERE ${mentionsSql(quote(name), '$1')}) AS c${i}`).join(', ');
    const where = scoped.has(table) ? 'WHERE organisation_id = $2' : table === 'organisations' ? 'WHERE id = $2' : '';
    const params = where ? [sqlNeedles(needles), organisationId] : [sqlNeedles(needles)];
    const [row] = await manager.query<Record<string, number>[]>(`SELECT ${counts} FROM ${quote(table)} ${where}`, params);
    names.forEach((column, i) => {
      if (row[`c${i}`] > 0) found.push({ table, column, rows: row[`c${i}`] });
    });
  }
  return found;
}
