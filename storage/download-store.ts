import type { DataSource, EntityManager } from 'typeorm';
import { rowCount } from './row-count';

/** A file kept for download: what a reply attachment carries, without its kind. */
export interface DownloadFile {
  filename: string;
  contentType: string;
  data: Uint8Array;
}

export interface SavedDownload {
  id: string;
  /** Whole seconds, so a link's expiry names the same instant. */
  expiresAt: Date;
}

export interface DownloadStore {
  /** Keeps the file for the organisation for `ttlMs` milliseconds. */
  save(organisationId: string, file: DownloadFile, ttlMs: number): Promise<SavedDownload>;
  /** The file, or null when it is unknown or has expired. The id comes from a verified signed link. */
  load(id: string): Promise<DownloadFile | null>;
  /** Deletes every expired download (all organisations; the retention job does it per organisation). */
  deleteExpired(): Promise<number>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Downloads in the `downloads` table; `now` is the clock of expiry (tests move it). */
export function createDownloadStore(dataSource: DataSource, now: () => Date = () => new Date()): DownloadStore {
  return {
    async save(organisationId, file, ttlMs) {
      const expiresAt = new Date(Math.ceil((now().getTime() + ttlMs) / 1000) * 1000);
      const [row] = await dataSource.query<{ id: string }[]>(
        `INSERT INTO downloads (organisation_id, filename, content_type, data, expires_at)
         VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [organisationId, file.filename, file.contentType, Buffer.from(file.data.buffer, file.data.byteOffset, file.data.byteLength), expiresAt],
      );
      return { id: row.id, expiresAt };
    },

    async load(id) {
      if (!UUID.test(id)) return null;
      const [row] = await dataSource.query<{ filename: string; content_type: string; data: Buffer }[]>(
        'SELECT filename, content_type, data FROM downloads WHERE id = $1 AND expires_at > $2',
        [id, now()],
      );
      return row ? { filename: row.filename, contentType: row.content_type, data: new Uint8Array(row.data) } : null;
    },

    async deleteExpired() {
      return rowCount(await dataSource.query('DELETE FROM downloads WHERE expires_at <= $1', [now()]));
    },
  };
}

/** Deletes the organisation's expired downloads in the caller's transaction (the retention job). */
export async function deleteExpiredDownloads(manager: EntityManager, organisationId: string): Promise<number> {
  return rowCount(await manager.query('DELETE FROM downloads WHERE organisation_id = $1 AND expires_at <= now()', [organisationId]));
}
