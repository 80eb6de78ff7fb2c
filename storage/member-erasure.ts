import type { DataSource, EntityManager } from 'typeorm';
import { deleteMemberDashboardTokens } from './dashboard-store';
import { findMentions, mentionsSql, needlesOf, redactJson, redactText, sqlNeedles, type Mention } from './personal-data';
import { rowCount } from './row-count';

/** What an erasure removed or rewrote; counts only, no personal data. */
export interface ErasureReport {
  memberId: string;
  organisationId: string;
  /** The member had been erased before; nothing was left to do. */
  alreadyErased: boolean;
  channelIdentities: number;
  drafts: number;
  conversationReferences: number;
  processedMessages: number;
  auditEventsScrubbed: number;
  /** Entries (anyone's) whose notes or reflections mentioned the member, rewritten. */
  entriesScrubbed: number;
  /** Drafts of others that mentioned the member, rewritten. */
  otherDraftsScrubbed: number;
  deploymentAdmins: number;
  /** The member's digest and reminder settings and their send log. */
  schedules: number;
  /** The member's dashboard sign-in links and sessions. */
  dashboardSessions: number;
  /** Finished pg-boss jobs whose data mentioned the member. */
  queueJobs: number;
  /** The member's own entries, kept and now anonymous. */
  entriesKept: number;
  /** Columns that still mention the member after the erasure (should be none). */
  residue: Mention[];
}

interface Subject {
  organisationId: string;
  memberId: string;
  needles: string[];
  /** sqlNeedles(needles), the parameter of mentionsSql. */
  search: string[];
}

/**
 * GDPR erasure of a staff member, in one transaction: their name, email, channel identities, drafts and
 * conversation references go, and every other place that mentions them (audit values, replies kept for
 * redelivery, notes naming them) is rewritten. Their entries stay, with author_id on the now empty member row.
 * Null when there is no such member in the organisation.
 */
export async function eraseMember(dataSource: DataSource, organisationId: string, memberId: string): Promise<ErasureReport | null> {
  return dataSource.transaction(async (manager) => {
    const [member] = await manager.query<{ display_name: string | null; email: string | null; erased_at: Date | null }[]>(
      'SELECT display_name, email, erased_at FROM members WHERE organisation_id = $1 AND id = $2 FOR UPDATE',
      [organisationId, memberId],
    );
    if (!member) return null;
    const identities = await manager.query<{ channel: string; user_id: string }[]>(
      'SELECT channel, user_id FROM channel_identities WHERE organisation_id = $1 AND member_id = $2',
      [organisationId, memberId],
    );
    const needles = needlesOf([member.display_name, member.email, ...identities.map((i) => i.user_id), ...(await referenceUser(manager, organisationId, memberId))]);
    const subject: Subject = { organisationId, memberId, needles, search: sqlNeedles(needles) };
    const report: ErasureReport = {
      memberId,
      organisationId,
      alreadyErased: member.erased_at !== null,
      channelIdentities: 0,
      drafts: 0,
      conversationReferences: 0,
      processedMessages: 0,
      auditEventsScrubbed: 0,
      entriesScrubbed: 0,
      otherDraftsScrubbed: 0,
      deploymentAdmins: 0,
      schedules: 0,
      dashboardSessions: 0,
      queueJobs: 0,
      entriesKept: 0,
      residue: [],
    };
    if (report.alreadyErased) return report;

    report.deploymentAdmins = await removeAdminRights(manager, identities);
    const ids = [organisationId, memberId];
    report.channelIdentities = await remove(manager, 'DELETE FROM channel_identities WHERE organisation_id = $1 AND member_id = $2', ids);
    report.drafts = await remove(manager, 'DELETE FROM drafts WHERE organisation_id = $1 AND member_id = $2', ids);
    report.schedules =
      (await remove(manager, 'DELETE FROM member_schedules WHERE organisation_id = $1 AND member_id = $2', ids)) +
      (await remove(manager, 'DELETE FROM scheduled_sends WHERE organisation_id = $1 AND member_id = $2', ids));
    report.dashboardSessions = await deleteMemberDashboardTokens(manager, organisationId, memberId);
    report.conversationReferences = await remove(
      manager,
      `DELETE FROM conversation_references WHERE organisation_id = $1
          AND (member_id = $2 OR ${mentionsSql('reference', '$3')} OR ${mentionsSql('conversation_id', '$3')})`,
      [...ids, subject.search],
    );
    // Replies are kept only to answer a redelivered message the same way; some may name the member.
    report.processedMessages = await remove(
      manager,
      `DELETE FROM processed_messages WHERE organisation_id = $1 AND ${mentionsSql('replies', '$2')}`,
      [organisationId, subject.search],
    );
    report.auditEventsScrubbed = await scrubAuditEvents(manager, subject);
    report.entriesScrubbed = await scrubEntries(manager, subject);
    report.otherDraftsScrubbed = await scrubOtherDrafts(manager, subject);
    report.queueJobs = await removeFinishedJobs(manager, subject);
    await manager.query(
      `UPDATE members SET display_name = NULL, email = NULL, locale = NULL, unit_ids = '{}',
              removed_at = COALESCE(removed_at, now()), erased_at = now()
        WHERE organisation_id = $1 AND id = $2`,
      [organisationId, memberId],
    );
    const [{ count }] = await manager.query<{ count: number }[]>(
      'SELECT count(*) AS count FROM entries WHERE organisation_id = $1 AND author_id = $2',
      [organisationId, memberId],
    );
    report.entriesKept = count;
    const { residue: _residue, alreadyErased: _already, memberId: _m, organisationId: _o, ...counts } = report;
    await manager.query(
      `INSERT INTO audit_events (organisation_id, actor_id, action, target_type, target_id, before, after)
       VALUES ($1, NULL, 'member.erased', 'member', $2, NULL, $3)`,
      [organisationId, memberId, JSON.stringify(counts)],
    );
    report.residue = await findMentions(manager, organisationId, needles);
    return report;
  });
}

async function remove(manager: EntityManager, sql: string, params: unknown[]): Promise<number> {
  return rowCount(await manager.query(sql, params));
}

/** Names and ids a channel put in the member's conversation references (Teams: user.id, user.name, user.aadObjectId). */
async function referenceUser(manager: EntityManager, organisationId: string, memberId: string): Promise<unknown[]> {
  const rows = await manager.query<{ id: unknown; name: unknown; aad: unknown }[]>(
    `SELECT reference->'user'->>'id' AS id, reference->'user'->>'name' AS name, reference->'user'->>'aadObjectId' AS aad
       FROM conversation_references WHERE organisation_id = $1 AND member_id = $2`,
    [organisationId, memberId],
  );
  return rows.flatMap((row) => [row.id, row.name, row.aad]);
}

async function removeAdminRights(manager: EntityManager, identities: { channel: string; user_id: string }[]): Promise<number> {
  if (!identities.length) return 0;
  return rowCount(
    await manager.query(
      'DELETE FROM deployment_admins WHERE (channel, user_id) IN (SELECT * FROM unnest($1::text[], $2::text[]))',
      [identities.map((i) => i.channel), identities.map((i) => i.user_id)],
    ),
  );
}

/** Audit events keep who did what (ids); values naming the member become "[erased]". */
async function scrubAuditEvents(manager: EntityManager, subject: Subject): Promise<number> {
  if (!subject.needles.length) return 0;
  const rows = await manager.query<{ id: string; target_id: string | null; before: unknown; after: unknown }[]>(
    `SELECT id, target_id, before, after FROM audit_events
      WHERE organisation_id = $1 AND (${mentionsSql('before', '$2')} OR ${mentionsSql('after', '$2')} OR ${mentionsSql('target_id', '$2')})
      FOR UPDATE`,
    [subject.organisationId, subject.search],
  );
  for (const row of rows) {
    await manager.query('UPDATE audit_events SET target_id = $3, before = $4, after = $5 WHERE organisation_id = $1 AND id = $2', [
      subject.organisationId,
      row.id,
      row.target_id === null ? null : redactJson(row.target_id, subject.needles),
      json(redactJson(row.before, subject.needles)),
      json(redactJson(row.after, subject.needles)),
    ]);
  }
  return rows.length;
}

/** Notes and reflections that name the member (anyone's entries): only the mention is replaced. */
async function scrubEntries(manager: EntityManager, subject: Subject): Promise<number> {
  if (!subject.needles.length) return 0;
  const rows = await manager.query<{ id: string; notes: string | null; reflections: unknown }[]>(
    `SELECT id, notes, reflections FROM entries
      WHERE organisation_id = $1 AND (${mentionsSql('notes', '$2')} OR ${mentionsSql('reflections', '$2')})
      FOR UPDATE`,
    [subject.organisationId, subject.search],
  );
  for (const row of rows) {
    await manager.query('UPDATE entries SET notes = $3, reflections = $4, updated_at = now() WHERE organisation_id = $1 AND id = $2', [
      subject.organisationId,
      row.id,
      row.notes === null ? null : redactText(row.notes, subject.needles),
      json(redactJson(row.reflections, subject.needles, { inText: true })),
    ]);
  }
  return rows.length;
}

async function scrubOtherDrafts(manager: EntityManager, subject: Subject): Promise<number> {
  if (!subject.needles.length) return 0;
  const rows = await manager.query<{ id: string; state: unknown }[]>(
    `SELECT id, state FROM drafts WHERE organisation_id = $1 AND ${mentionsSql('state', '$2')} FOR UPDATE`,
    [subject.organisationId, subject.search],
  );
  for (const row of rows) {
    await manager.query('UPDATE drafts SET state = $3 WHERE organisation_id = $1 AND id = $2', [
      subject.organisationId,
      row.id,
      json(redactJson(row.state, subject.needles, { inText: true })),
    ]);
  }
  return rows.length;
}

/** pg-boss keeps finished jobs (Slack messages with user ids) for days; those naming the member go now. */
async function removeFinishedJobs(manager: EntityManager, subject: Subject): Promise<number> {
  if (!subject.needles.length) return 0;
  const [{ present }] = await manager.query<{ present: boolean }[]>(
    `SELECT to_regclass('pgboss.job') IS NOT NULL AND to_regclass('pgboss.archive') IS NOT NULL AS present`,
  );
  if (!present) return 0;
  let removed = 0;
  for (const table of ['pgboss.job', 'pgboss.archive']) {
    removed += rowCount(
      await manager.query(
        `DELETE FROM ${table} WHERE state::text IN ('completed', 'cancelled', 'failed') AND ${mentionsSql('data', '$1')}`,
        [subject.search],
      ),
    );
  }
  return removed;
}

const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));
