import type { DataSource } from 'typeorm';

/** How many of a member's saved conversations a proactive message considers, newest first. */
const ADDRESS_LIMIT = 10;

/** A member's saved conversation addresses (conversation_references), the most recently used first. */
export async function memberAddresses(
  dataSource: DataSource,
  organisationId: string,
  memberId: string,
): Promise<{ channel: string; address: Record<string, unknown> }[]> {
  const rows = await dataSource.query<{ channel: string; reference: Record<string, unknown> }[]>(
    `SELECT channel, reference FROM conversation_references
      WHERE organisation_id = $1 AND member_id = $2 ORDER BY updated_at DESC LIMIT $3`,
    [organisationId, memberId, ADDRESS_LIMIT],
  );
  return rows.map((row) => ({ channel: row.channel, address: row.reference }));
}
