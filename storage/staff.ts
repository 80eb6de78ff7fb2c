import type { DataSource } from 'typeorm';

/** A staff member as deployment administrators see them (CLI). */
export interface StaffMember {
  id: string;
  organisationId: string;
  organisationName: string;
  displayName: string | null;
  email: string | null;
  role: string;
  /** Unit names. */
  units: string[];
  /** "channel:userId", e.g. "teams:5b1c…" or "slack:U0456". */
  identities: string[];
  createdAt: Date;
  removedAt: Date | null;
  erasedAt: Date | null;
}

interface StaffRow {
  id: string;
  organisation_id: string;
  organisation_name: string;
  display_name: string | null;
  email: string | null;
  role: string;
  units: string[];
  identities: string[];
  created_at: Date;
  removed_at: Date | null;
  erased_at: Date | null;
}

const STAFF_SELECT = `
  SELECT m.id, m.organisation_id, (SELECT o.name FROM organisations o WHERE o.id = m.organisation_id) AS organisation_name, m.display_name, m.email, m.role, m.created_at, m.removed_at, m.erased_at,
         COALESCE((SELECT array_agg(u.name ORDER BY u.name) FROM units u
                    WHERE u.organisation_id = m.organisation_id AND u.id = ANY (m.unit_ids)), '{}') AS units,
         COALESCE((SELECT array_agg(ci.channel || ':' || ci.user_id ORDER BY ci.channel, ci.user_id) FROM channel_identities ci
                    WHERE ci.organisation_id = m.organisation_id AND ci.member_id = m.id), '{}') AS identities
    FROM members m`;

/** Every member of the organisation, removed ones included, oldest first. */
export async function listStaff(dataSource: DataSource, organisationId: string): Promise<StaffMember[]> {
  const rows = await dataSource.query<StaffRow[]>(`${STAFF_SELECT} WHERE m.organisation_id = $1 ORDER BY m.created_at, m.id`, [
    organisationId,
  ]);
  return rows.map(toStaffMember);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: string): boolean => UUID.test(value);

/**
 * A member by id alone, for the administrator's commands that take only an id. Member ids are random
 * UUIDs, unique across organisations; the organisation found here scopes every later query.
 */
export async function findStaffMember(dataSource: DataSource, memberId: string): Promise<StaffMember | null> {
  if (!isUuid(memberId)) return null;
  const [row] = await dataSource.query<StaffRow[]>(`${STAFF_SELECT} WHERE m.id = $1`, [memberId]);
  return row ? toStaffMember(row) : null;
}

function toStaffMember(row: StaffRow): StaffMember {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    displayName: row.display_name,
    email: row.email,
    role: row.role,
    units: row.units,
    identities: row.identities,
    createdAt: row.created_at,
    removedAt: row.removed_at,
    erasedAt: row.erased_at,
  };
}
