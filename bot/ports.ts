import type { Locale } from './locale';
import type { Catalogue } from './nlu/catalogue';

export type Role = 'worker' | 'mentor' | 'manager';

export interface OrganisationInfo {
  id: string;
  name: string;
  timeZone: string;
  defaultLocale: Locale;
}

export interface MemberInfo {
  id: string;
  organisationId: string;
  displayName: string | null;
  role: Role;
  locale: Locale | null;
}

export interface Identity {
  organisation: OrganisationInfo;
  member: MemberInfo | null;
}

/** Who is writing: implemented in storage/, so no SQL lives in bot/. */
export interface DirectoryStore {
  /** The organisation of a channel tenant and the member behind a channel user, if known. */
  identify(channel: string, tenant: string, userId: string): Promise<Identity | null>;
  /** Binds a channel user to a new member of the organisation. */
  addMember(
    organisationId: string,
    member: { displayName: string | null; email: string | null; role: Role; locale: Locale | null },
    identity: { channel: string; tenant: string; userId: string },
  ): Promise<MemberInfo>;
  setMemberLocale(organisationId: string, memberId: string, locale: Locale): Promise<void>;
  catalogue(organisationId: string): Promise<Catalogue>;
}

/** Inbound message ids already answered, with their replies, so redeliveries change nothing. */
export interface ProcessedMessageStore {
  find(organisationId: string, channel: string, messageId: string): Promise<unknown | null>;
}
