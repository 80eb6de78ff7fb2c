import type { DataSource } from 'typeorm';
import { rowCount } from './row-count';

/** Channels whose user ids can name a deployment administrator. */
export const ADMIN_CHANNELS = ['teams', 'slack'] as const;
export type AdminChannel = (typeof ADMIN_CHANNELS)[number];

export interface DeploymentAdminRow {
  channel: string;
  userId: string;
  createdAt: Date;
}

/** True when this channel user administers the whole deployment (national roll-ups and the like). */
export async function isDeploymentAdmin(dataSource: DataSource, channel: string, userId: string): Promise<boolean> {
  const rows = await dataSource.query('SELECT 1 FROM deployment_admins WHERE channel = $1 AND user_id = $2', [channel, userId]);
  return rows.length > 0;
}

/** Adds an administrator; false when they were one already. */
export async function addDeploymentAdmin(dataSource: DataSource, channel: AdminChannel, userId: string): Promise<boolean> {
  const added = await dataSource.query(
    `INSERT INTO deployment_admins (channel, user_id) VALUES ($1, $2)
     ON CONFLICT (channel, user_id) DO NOTHING RETURNING id`,
    [channel, userId],
  );
  return added.length > 0;
}

/** Removes an administrator; false when there was none. */
export async function removeDeploymentAdmin(dataSource: DataSource, channel: AdminChannel, userId: string): Promise<boolean> {
  const removed = await dataSource.query('DELETE FROM deployment_admins WHERE channel = $1 AND user_id = $2 RETURNING id', [channel, userId]);
  return rowCount(removed) > 0;
}

export async function listDeploymentAdmins(dataSource: DataSource): Promise<DeploymentAdminRow[]> {
  const rows = await dataSource.query<{ channel: string; user_id: string; created_at: Date }[]>(
    'SELECT channel, user_id, created_at FROM deployment_admins ORDER BY channel, user_id',
  );
  return rows.map((row) => ({ channel: row.channel, userId: row.user_id, createdAt: row.created_at }));
}
