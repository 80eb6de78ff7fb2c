import type { DataSource } from 'typeorm';
import { parseLocale } from '../bot/locale';
import type { ChannelUser, MemberInfo, MembershipRequests, Role } from '../bot/ports';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The audit target of a request: the channel user's ids only, no name or email. */
function targetOf(user: ChannelUser): string {
  return `${user.channel}:${user.tenant}:${user.userId}`;
}

/** Requests are audit events 'member.requested' whose target is the channel user. */
export function createMembershipRequests(dataSource: DataSource): MembershipRequests {
  return {
    async record(organisationId, user, since) {
      const target = targetOf(user);
      return dataSource.transaction(async (manager) => {
        // One request at a time per channel user, so two quick messages notify once.
        await manager.query('SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2))', [organisationId, target]);
        const [recent] = await manager.query<{ id: string }[]>(
          `SELECT id FROM audit_events
            WHERE organisation_id = $1 AND action = 'member.requested' AND target_id = $2 AND created_at > $3 LIMIT 1`,
          [organisationId, target, since],
        );
        if (recent) return null;
        // Ids only; the mentors' audit listing hides them.
        const [created] = await manager.query<{ id: string }[]>(
          `INSERT INTO audit_events (organisation_id, actor_id, action, target_type, target_id, before, after)
           VALUES ($1, NULL, 'member.requested', 'channel_user', $2, NULL, $3) RETURNING id`,
          [organisationId, target, JSON.stringify({ channel: user.channel, tenantId: user.tenant, userId: user.userId })],
        );
        return created.id;
      });
    },

    async find(organisationId, requestId) {
      if (!UUID.test(requestId)) return null;
      const [row] = await dataSource.query<{ after: { channel?: string; tenantId?: string; userId?: string } | null }[]>(
        `SELECT after FROM audit_events WHERE organisation_id = $1 AND id = $2 AND action = 'member.requested'`,
        [organisationId, requestId],
      );
      const user = row?.after;
      return user?.channel && user.tenantId && user.userId ? { channel: user.channel, tenant: user.tenantId, userId: user.userId } : null;
    },

    async mentors(organisationId) {
      const rows = await dataSource.query<{ id: string; display_name: string | null; locale: string | null }[]>(
        `SELECT id, display_name, locale FROM members
          WHERE organisation_id = $1 AND role = 'mentor' AND removed_at IS NULL ORDER BY created_at, id`,
        [organisationId],
      );
      return rows.map((row): MemberInfo => ({
        id: row.id,
        organisationId,
        displayName: row.display_name,
        role: 'mentor' satisfies Role,
        locale: parseLocale(row.locale),
      }));
    },
  };
}
