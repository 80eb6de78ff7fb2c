import { randomUUID } from 'node:crypto';
import type { RunningApp } from '../../app/app';
import type { Role } from '../../bot/ports';
import { createDirectoryStore } from '../../storage/directory-store';
import { findOrganisationByName } from '../../storage/organisations';
import { ChatUser } from './local-chat';

/** A member of the local organisation "Demo" with this role, chatting over the local web chat. */
export async function localMember(app: RunningApp, role: Role, locale = 'en-GB', name: string | null = null): Promise<ChatUser> {
  const organisation = await findOrganisationByName(app.database.dataSource, 'Demo');
  if (!organisation) throw new Error('the local organisation Demo is missing');
  const user = new ChatUser(app.url, `${role}-${randomUUID()}`, locale);
  await createDirectoryStore(app.database.dataSource).addMember(
    organisation.id,
    { displayName: name, email: null, role, locale: null },
    { channel: 'local', tenant: 'Demo', userId: user.user },
  );
  return user;
}

/** Every row of the tables a command may change, for comparing before and after. */
export async function snapshot(app: RunningApp): Promise<Record<string, unknown[]>> {
  const tables = ['organisations', 'members', 'channel_identities', 'units', 'activities', 'themes', 'entries', 'drafts', 'audit_events'];
  const out: Record<string, unknown[]> = {};
  for (const table of tables) {
    out[table] = await app.database.dataSource.query(`SELECT * FROM ${table} ORDER BY id`);
  }
  return out;
}
