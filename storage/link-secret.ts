import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';

/**
 * The deployment's download-link secret: created once (the first instance to ask wins) and then read
 * by every instance, so a link signed by one is accepted by all. Used when LOGBOOK_LINK_SECRET is unset.
 */
export async function storedLinkSecret(dataSource: DataSource): Promise<string> {
  await dataSource.query('INSERT INTO download_link_secret (id, secret) VALUES (true, $1) ON CONFLICT (id) DO NOTHING', [
    randomBytes(32).toString('hex'),
  ]);
  const [row] = await dataSource.query<{ secret: string }[]>('SELECT secret FROM download_link_secret WHERE id');
  return row.secret;
}
