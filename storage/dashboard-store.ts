import type { DataSource, EntityManager } from 'typeorm';
import { parseLocale } from '../bot/locale';
import type { WorkForm } from '../bot/entry';
import {
  DEFAULT_REQUIRED_FIELDS,
  type DashboardEntry,
  type DashboardEntryFilter,
  type DashboardStore,
  type EntryChange,
  type Role,
  type StructureListing,
} from '../bot/ports';
import type { OrganisationSettings } from './entities/organisation';
import { rowCount } from './row-count';

interface ViewerRow {
  organisation_id: string;
  organisation_name: string;
  time_zone: string;
  default_locale: string;
  settings: OrganisationSettings;
  member_id: string;
  display_name: string | null;
  role: Role;
  member_locale: string | null;
  session_locale: string | null;
  expires_at: Date;
}

interface EntryRow {
  id: string;
  date: string;
  unit_id: string | null;
  unit: string | null;
  activity: string | null;
  work_form: WorkForm | null;
  duration_minutes: number | null;
  total: number | null;
  girls: number | null;
  boys: number | null;
  non_binary: number | null;
  new_participants: number | null;
  youth_led: boolean | null;
  themes: string[];
  notes: string | null;
  author_id: string | null;
  author: string | null;
}

const ENTRY_SELECT = `
  SELECT e.id, to_char(e.date, 'YYYY-MM-DD') AS date, e.unit_id, u.name AS unit, a.name AS activity, e.work_form,
         e.duration_minutes, e.total, e.girls, e.boys, e.non_binary, e.new_participants, e.youth_led, e.themes, e.notes,
         e.author_id, m.display_name AS author
    FROM entries e
    LEFT JOIN units u ON u.organisation_id = e.organisation_id AND u.id = e.unit_id
    LEFT JOIN activities a ON a.organisation_id = e.organisation_id AND a.id = e.activity_id
    LEFT JOIN members m ON m.organisation_id = e.organisation_id AND m.id = e.author_id`;

/** Entry columns the dashboard may change, by the EntryChange field (participants apart). */
const CHANGE_COLUMNS: [keyof Omit<EntryChange, 'participants'>, string][] = [
  ['date', 'date'],
  ['unitId', 'unit_id'],
  ['workForm', 'work_form'],
  ['durationMinutes', 'duration_minutes'],
  ['youthLed', 'youth_led'],
  ['themes', 'themes'],
  ['notes', 'notes'],
];

const PARTICIPANT_COLUMNS: [keyof DashboardEntry['participants'], string][] = [
  ['total', 'total'],
  ['girls', 'girls'],
  ['boys', 'boys'],
  ['nonBinary', 'non_binary'],
  ['new', 'new_participants'],
];

/** Sign-ins and sessions of the dashboard page, its entry list and edits, and the structure listing. */
export function createDashboardStore(dataSource: DataSource): DashboardStore {
  return {
    async createSignIn(organisationId, memberId, tokenHash, expiresAt, locale) {
      await dataSource.query(
        `INSERT INTO dashboard_sign_ins (organisation_id, token_hash, member_id, expires_at, locale) VALUES ($1, $2, $3, $4, $5)`,
        [organisationId, tokenHash, memberId, expiresAt, locale],
      );
    },

    async consumeSignIn(tokenHash, now) {
      const [row] = returnedRows<{ organisation_id: string; member_id: string; locale: string | null }>(
        await dataSource.query(
          `UPDATE dashboard_sign_ins s SET used_at = $2
             FROM members m
            WHERE s.token_hash = $1 AND s.used_at IS NULL AND s.expires_at > $2
              AND m.organisation_id = s.organisation_id AND m.id = s.member_id AND m.removed_at IS NULL
            RETURNING s.organisation_id, s.member_id, s.locale`,
          [tokenHash, now],
        ),
      );
      return row ? { organisationId: row.organisation_id, memberId: row.member_id, locale: parseLocale(row.locale) } : null;
    },

    async createSession(organisationId, memberId, tokenHash, expiresAt, locale) {
      await dataSource.query(
        `INSERT INTO dashboard_sessions (organisation_id, token_hash, member_id, expires_at, locale) VALUES ($1, $2, $3, $4, $5)`,
        [organisationId, tokenHash, memberId, expiresAt, locale],
      );
    },

    async findSession(tokenHash, now) {
      const [row] = await dataSource.query<ViewerRow[]>(
        `SELECT o.id AS organisation_id, o.name AS organisation_name, o.time_zone, o.default_locale, o.settings,
                m.id AS member_id, m.display_name, m.role, m.locale AS member_locale, s.locale AS session_locale, s.expires_at
           FROM dashboard_sessions s
           JOIN organisations o ON o.id = s.organisation_id
           JOIN members m ON m.organisation_id = s.organisation_id AND m.id = s.member_id AND m.removed_at IS NULL
          WHERE s.token_hash = $1 AND s.expires_at > $2`,
        [tokenHash, now],
      );
      if (!row) return null;
      return {
        organisation: {
          id: row.organisation_id,
          name: row.organisation_name,
          timeZone: row.time_zone,
          defaultLocale: parseLocale(row.default_locale) ?? 'fi',
          requiredFields: row.settings.requiredFields ?? [...DEFAULT_REQUIRED_FIELDS],
          reflectionQuestions: row.settings.reflectionQuestions ?? [],
          catalogueVersion: row.settings.catalogueVersion ?? 0,
        },
        member: {
          id: row.member_id,
          organisationId: row.organisation_id,
          displayName: row.display_name,
          role: row.role,
          locale: parseLocale(row.member_locale),
        },
        locale: parseLocale(row.session_locale),
        expiresAt: row.expires_at,
      };
    },

    async listEntries(organisationId, filter) {
      const { where, params } = entryConditions(organisationId, filter);
      const [{ count }] = await dataSource.query<{ count: string }[]>(`SELECT count(*) AS count FROM entries e WHERE ${where}`, params);
      const rows = await dataSource.query<EntryRow[]>(
        `${ENTRY_SELECT} WHERE ${where}
          ORDER BY e.date DESC, e.created_at DESC, e.id
          LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
        [...params, filter.limit, filter.offset],
      );
      return { total: Number(count), entries: rows.map(toEntry) };
    },

    async findEntry(organisationId, entryId) {
      return findEntry(dataSource.manager, organisationId, entryId);
    },

    async updateEntry(organisationId, actorId, entryId, change, onlyAuthorId) {
      return dataSource.transaction(async (manager) => {
        const [before] = await manager.query<{ row: unknown }[]>(
          `SELECT to_jsonb(e) AS row FROM entries e
            WHERE organisation_id = $1 AND id = $2 AND deleted_at IS NULL AND ($3::uuid IS NULL OR author_id = $3)
            FOR UPDATE`,
          [organisationId, entryId, onlyAuthorId],
        );
        if (!before) return null;
        const { assignments, values } = changeAssignments(change);
        const [after] = returnedRows<{ row: unknown }>(
          await manager.query(
            `UPDATE entries e SET ${[...assignments, 'updated_at = now()'].join(', ')}
              WHERE organisation_id = $1 AND id = $2 RETURNING to_jsonb(e) AS row`,
            [organisationId, entryId, ...values],
          ),
        );
        await manager.query(
          `INSERT INTO audit_events (organisation_id, actor_id, action, target_type, target_id, before, after)
           VALUES ($1, $2, 'entry.update', 'entry', $3, $4, $5)`,
          [organisationId, actorId, entryId, JSON.stringify(before.row), JSON.stringify(after.row)],
        );
        return findEntry(manager, organisationId, entryId);
      });
    },

    async structure(organisationId): Promise<StructureListing> {
      const units = await dataSource.query<{ id: string; name: string; aliases: string[]; archived: boolean }[]>(
        `SELECT id::text AS id, name, aliases, archived_at IS NOT NULL AS archived FROM units
          WHERE organisation_id = $1 ORDER BY archived_at IS NOT NULL, lower(name)`,
        [organisationId],
      );
      const activities = await dataSource.query<{ id: string; name: string; unit: string | null; work_form: WorkForm | null; archived: boolean }[]>(
        `SELECT a.id::text AS id, a.name, u.name AS unit, a.work_form, a.archived_at IS NOT NULL AS archived
           FROM activities a
           LEFT JOIN units u ON u.organisation_id = a.organisation_id AND u.id = a.unit_id
          WHERE a.organisation_id = $1 ORDER BY a.archived_at IS NOT NULL, lower(a.name)`,
        [organisationId],
      );
      const themes = await dataSource.query<{ key: string; labels: Record<string, string>; archived: boolean }[]>(
        `SELECT key, labels, archived_at IS NOT NULL AS archived FROM themes
          WHERE organisation_id = $1 ORDER BY archived_at IS NOT NULL, key`,
        [organisationId],
      );
      return {
        units,
        activities: activities.map((a) => ({ id: a.id, name: a.name, unit: a.unit, workForm: a.work_form, archived: a.archived })),
        themes,
      };
    },
  };
}

/** Deletes the organisation's expired sign-ins and sessions in the caller's transaction (the retention job). */
export async function deleteExpiredDashboardTokens(manager: EntityManager, organisationId: string): Promise<number> {
  let deleted = 0;
  for (const table of ['dashboard_sign_ins', 'dashboard_sessions']) {
    deleted += rowCount(await manager.query(`DELETE FROM ${table} WHERE organisation_id = $1 AND expires_at <= now()`, [organisationId]));
  }
  return deleted;
}

/** Deletes a member's sign-ins and sessions in the caller's transaction (erasure). */
export async function deleteMemberDashboardTokens(manager: EntityManager, organisationId: string, memberId: string): Promise<number> {
  let deleted = 0;
  for (const table of ['dashboard_sign_ins', 'dashboard_sessions']) {
    deleted += rowCount(await manager.query(`DELETE FROM ${table} WHERE organisation_id = $1 AND member_id = $2`, [organisationId, memberId]));
  }
  return deleted;
}

/** The rows of an UPDATE … RETURNING, which TypeORM answers as [rows, rowCount]. */
function returnedRows<T>(result: unknown): T[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
  return (result as T[]) ?? [];
}

async function findEntry(manager: EntityManager, organisationId: string, entryId: string): Promise<DashboardEntry | null> {
  const [row] = await manager.query<EntryRow[]>(`${ENTRY_SELECT} WHERE e.organisation_id = $1 AND e.id = $2 AND e.deleted_at IS NULL`, [
    organisationId,
    entryId,
  ]);
  return row ? toEntry(row) : null;
}

/** The WHERE clause of an entry list (alias e) and its parameters, the organisation first. */
function entryConditions(organisationId: string, filter: DashboardEntryFilter): { where: string; params: unknown[] } {
  const params: unknown[] = [organisationId];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const conditions = ['e.organisation_id = $1', 'e.deleted_at IS NULL'];
  const { visible } = filter;
  if ('authorId' in visible) conditions.push(`e.author_id = ${param(visible.authorId)}::uuid`);
  else if (visible.unitIds) conditions.push(`(e.unit_id = ANY(${param(visible.unitIds)}::uuid[]) OR e.author_id = ${param(visible.alsoAuthorId)}::uuid)`);
  if (filter.from) conditions.push(`e.date >= ${param(filter.from)}::date`);
  if (filter.to) conditions.push(`e.date <= ${param(filter.to)}::date`);
  if (filter.unitId) conditions.push(`e.unit_id = ${param(filter.unitId)}::uuid`);
  if (filter.workForm) conditions.push(`e.work_form = ${param(filter.workForm)}`);
  return { where: conditions.join(' AND '), params };
}

/** SET assignments for the changed fields; their values are parameters from $3 on. */
function changeAssignments(change: EntryChange): { assignments: string[]; values: unknown[] } {
  const assignments: string[] = [];
  const values: unknown[] = [];
  const assign = (column: string, value: unknown) => {
    values.push(value);
    assignments.push(`${column} = $${values.length + 2}`);
  };
  for (const [field, column] of CHANGE_COLUMNS) if (change[field] !== undefined) assign(column, change[field]);
  if (change.participants) for (const [field, column] of PARTICIPANT_COLUMNS) assign(column, change.participants[field]);
  return { assignments, values };
}

function toEntry(row: EntryRow): DashboardEntry {
  return {
    id: row.id,
    date: row.date,
    unitId: row.unit_id,
    unit: row.unit,
    activity: row.activity,
    workForm: row.work_form,
    durationMinutes: row.duration_minutes,
    participants: { total: row.total, girls: row.girls, boys: row.boys, nonBinary: row.non_binary, new: row.new_participants },
    youthLed: row.youth_led,
    themes: row.themes ?? [],
    notes: row.notes,
    authorId: row.author_id,
    author: row.author,
  };
}
