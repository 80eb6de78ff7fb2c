import type { DataSource } from 'typeorm';
import { findStaffMember } from './staff';

/** Keys whose values are notes about young people, not data about the staff member: left out of an export. */
const NOT_THEIRS = new Set(['notes', 'reflections']);

function withoutNotes(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNotes);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([key]) => !NOT_THEIRS.has(key)).map(([key, item]) => [key, withoutNotes(item)]));
  }
  return value;
}

/** Everything stored about one staff member (a GDPR access request), as one JSON-ready document. */
export interface MemberExport {
  exportedAt: string;
  organisation: { id: string; name: string };
  member: {
    id: string;
    displayName: string | null;
    email: string | null;
    role: string;
    locale: string | null;
    units: string[];
    createdAt: Date;
    removedAt: Date | null;
    erasedAt: Date | null;
  };
  channelIdentities: { channel: string; tenantId: string; userId: string; createdAt: Date }[];
  /** The entries they wrote: ids and dates only; the entries' notes are about young people. */
  entries: { count: number; items: { id: string; date: string; createdAt: Date; updatedAt: Date; deletedAt: Date | null }[] };
  drafts: { id: string; conversationKey: string; state: unknown; createdAt: Date; updatedAt: Date }[];
  conversationReferences: { channel: string; conversationId: string; reference: unknown; updatedAt: Date }[];
  /** Where they acted or were the target; notes inside the values are left out. */
  auditEvents: { id: string; as: ('actor' | 'target')[]; action: string; targetType: string; targetId: string | null; before: unknown; after: unknown; createdAt: Date }[];
  deploymentAdmin: { channel: string; userId: string; createdAt: Date }[];
  /** Digest and reminder settings, as stored. */
  schedules: Record<string, unknown> | null;
  /** When the member signed in to the dashboard (the tokens themselves are never stored). */
  dashboardSessions: { createdAt: Date; expiresAt: Date }[];
}

/** Null when there is no such member. */
export async function exportMember(dataSource: DataSource, memberId: string, now = new Date()): Promise<MemberExport | null> {
  const staff = await findStaffMember(dataSource, memberId);
  if (!staff) return null;
  const org = staff.organisationId;
  const query = <T>(sql: string, params: unknown[] = [org, memberId]) => dataSource.query<T[]>(sql, params);
  const [[organisation], [member], identities, entries, drafts, references, events, schedules, sessions] = await Promise.all([
    query<{ id: string; name: string }>('SELECT id, name FROM organisations WHERE id = $1', [org]),
    query<{ locale: string | null }>('SELECT locale FROM members WHERE organisation_id = $1 AND id = $2'),
    query<{ channel: string; tenant_id: string; user_id: string; created_at: Date }>(
      'SELECT channel, tenant_id, user_id, created_at FROM channel_identities WHERE organisation_id = $1 AND member_id = $2 ORDER BY created_at',
    ),
    query<{ id: string; date: string; created_at: Date; updated_at: Date; deleted_at: Date | null }>(
      `SELECT id, to_char(date, 'YYYY-MM-DD') AS date, created_at, updated_at, deleted_at
         FROM entries WHERE organisation_id = $1 AND author_id = $2 ORDER BY date, created_at`,
    ),
    query<{ id: string; conversation_key: string; state: unknown; created_at: Date; updated_at: Date }>(
      'SELECT id, conversation_key, state, created_at, updated_at FROM drafts WHERE organisation_id = $1 AND member_id = $2 ORDER BY created_at',
    ),
    query<{ channel: string; conversation_id: string; reference: unknown; updated_at: Date }>(
      `SELECT channel, conversation_id, reference, updated_at FROM conversation_references
        WHERE organisation_id = $1 AND member_id = $2 ORDER BY updated_at`,
    ),
    query<{ id: string; actor_id: string | null; target_id: string | null; action: string; target_type: string; before: unknown; after: unknown; created_at: Date }>(
      `SELECT id, actor_id, target_id, action, target_type, before, after, created_at FROM audit_events
        WHERE organisation_id = $1 AND (actor_id = $2 OR target_id = $3) ORDER BY created_at, id`,
      [org, memberId, memberId],
    ),
    query<Record<string, unknown>>(
      `SELECT digest_weekday, digest_time, digest_enabled, reminder_times, reminder_weekdays, reminder_after_hours,
              reminder_snoozed_until, reminder_stopped_at, quiet_start, quiet_end, updated_at
         FROM member_schedules WHERE organisation_id = $1 AND member_id = $2`,
    ),
    query<{ created_at: Date; expires_at: Date }>(
      'SELECT created_at, expires_at FROM dashboard_sessions WHERE organisation_id = $1 AND member_id = $2 ORDER BY created_at',
    ),
  ]);
  const identityPairs = identities.filter((i) => i.channel === 'teams' || i.channel === 'slack');
  const admins = identityPairs.length
    ? await dataSource.query<{ channel: string; user_id: string; created_at: Date }[]>(
        `SELECT channel, user_id, created_at FROM deployment_admins
          WHERE (channel, user_id) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
        [identityPairs.map((i) => i.channel), identityPairs.map((i) => i.user_id)],
      )
    : [];
  return {
    exportedAt: now.toISOString(),
    organisation,
    member: {
      id: staff.id,
      displayName: staff.displayName,
      email: staff.email,
      role: staff.role,
      locale: member?.locale ?? null,
      units: staff.units,
      createdAt: staff.createdAt,
      removedAt: staff.removedAt,
      erasedAt: staff.erasedAt,
    },
    channelIdentities: identities.map((i) => ({ channel: i.channel, tenantId: i.tenant_id, userId: i.user_id, createdAt: i.created_at })),
    entries: {
      count: entries.length,
      items: entries.map((e) => ({ id: e.id, date: e.date, createdAt: e.created_at, updatedAt: e.updated_at, deletedAt: e.deleted_at })),
    },
    drafts: drafts.map((d) => ({ id: d.id, conversationKey: d.conversation_key, state: withoutNotes(d.state), createdAt: d.created_at, updatedAt: d.updated_at })),
    conversationReferences: references.map((r) => ({ channel: r.channel, conversationId: r.conversation_id, reference: r.reference, updatedAt: r.updated_at })),
    auditEvents: events.map((e) => ({
      id: e.id,
      as: [...(e.actor_id === memberId ? ['actor' as const] : []), ...(e.target_id === memberId ? ['target' as const] : [])],
      action: e.action,
      targetType: e.target_type,
      targetId: e.target_id,
      before: withoutNotes(e.before),
      after: withoutNotes(e.after),
      createdAt: e.created_at,
    })),
    deploymentAdmin: admins.map((a) => ({ channel: a.channel, userId: a.user_id, createdAt: a.created_at })),
    schedules: schedules[0] ?? null,
    dashboardSessions: sessions.map((row) => ({ createdAt: row.created_at, expiresAt: row.expires_at })),
  };
}
