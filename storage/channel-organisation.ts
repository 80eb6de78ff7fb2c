import type { DataSource } from 'typeorm';

/** How a channel names its organisation: Teams tenant, Slack team, or (local channels) the name. */
export const ORGANISATION_BY_CHANNEL: Record<string, string> = {
  teams: 'teams_tenant_id = $1',
  slack: 'slack_team_id = $1',
  local: 'name = $1',
  terminal: 'name = $1',
};

/** The id of the organisation a channel workspace belongs to, or null when there is none. */
export async function organisationIdForChannel(dataSource: DataSource, channel: string, tenant: string): Promise<string | null> {
  const condition = ORGANISATION_BY_CHANNEL[channel];
  if (!condition) return null;
  const [row] = await dataSource.query<{ id: string }[]>(`SELECT id FROM organisations WHERE ${condition}`, [tenant]);
  return row?.id ?? null;
}
