import { parseLocale } from '../bot/locale';
import { DEFAULT_REQUIRED_FIELDS, type MemberInfo, type OrganisationInfo, type Role } from '../bot/ports';
import type { OrganisationSettings } from './entities/organisation';

/** The columns of organisations that make an OrganisationInfo. */
export interface OrganisationRow {
  id: string;
  name: string;
  time_zone: string;
  default_locale: string;
  settings: OrganisationSettings;
}

/** The columns of members that make a MemberInfo. */
export interface MemberRow {
  id: string;
  organisation_id: string;
  display_name: string | null;
  role: Role;
  locale: string | null;
}

export const MEMBER_COLUMNS = 'm.id, m.organisation_id, m.display_name, m.role, m.locale';

export function toOrganisation(row: OrganisationRow): OrganisationInfo {
  return {
    id: row.id,
    name: row.name,
    timeZone: row.time_zone,
    defaultLocale: parseLocale(row.default_locale) ?? 'fi',
    requiredFields: row.settings.requiredFields ?? [...DEFAULT_REQUIRED_FIELDS],
    reflectionQuestions: row.settings.reflectionQuestions ?? [],
    catalogueVersion: row.settings.catalogueVersion ?? 0,
  };
}

export function toMember(row: MemberRow): MemberInfo {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    displayName: row.display_name,
    role: row.role,
    locale: parseLocale(row.locale),
  };
}
