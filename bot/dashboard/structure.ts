/** The organisation's structure for mentors: units, activities, themes, members and goals. */
import { goalDescription } from '../../reports/goal-status';
import { isAllowed } from '../admin/permissions';
import type { WorkForm } from '../entry';
import type { AdminStore, DashboardStore, Role } from '../ports';
import { forbidden, ok, type DashboardAsker, type DashboardResult } from './result';

export interface StructureView {
  units: { id: string; name: string; aliases: string[]; archived: boolean }[];
  activities: { id: string; name: string; unit: string | null; workForm: WorkForm | null; archived: boolean }[];
  themes: { key: string; label: string; archived: boolean }[];
  members: { id: string; name: string | null; email: string | null; role: Role; units: string[] }[];
  /** Each goal described in the asker's language, e.g. "Share of girls — at least 40 %". */
  goals: string[];
}

export async function structure(deps: { dashboard: DashboardStore; admin: AdminStore }, asker: DashboardAsker): Promise<DashboardResult<StructureView>> {
  const { member, organisation } = asker.viewer;
  const { locale } = asker;
  if (!isAllowed(member.role, 'structure')) return forbidden(locale, 'structure');
  const listing = await deps.dashboard.structure(organisation.id);
  const members = await deps.admin.members.list(organisation.id);
  const goals = await deps.admin.goals.list(organisation.id);
  return ok({
    units: listing.units,
    activities: listing.activities,
    themes: listing.themes.map((theme) => ({ key: theme.key, label: theme.labels[locale] ?? theme.key, archived: theme.archived })),
    members: members.map((m) => ({ id: m.id, name: m.displayName, email: m.email, role: m.role, units: m.unitNames })),
    goals: goals.map((goal) => goalDescription(goal, locale)),
  });
}
