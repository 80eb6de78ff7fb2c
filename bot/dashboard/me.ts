/** The signed-in member, what they may do, and the lists the page's filters and forms offer. */
import { isAllowed } from '../admin/permissions';
import { WORK_FORMS, type WorkForm } from '../entry';
import type { Locale } from '../locale';
import type { ReportStore, Role } from '../ports';
import { visibleScope } from '../reports/scope';
import { forbidden, ok, type DashboardAsker, type DashboardResult } from './result';

export interface MeView {
  member: { id: string; name: string | null; role: Role; locale: Locale };
  organisation: { id: string; name: string };
  /** The units the member may filter by: a manager's own, or all (archived ones too: their entries still count). */
  units: { id: string; name: string }[];
  workForms: WorkForm[];
  themes: { key: string; label: string }[];
  can: { overview: boolean; structure: boolean; editAnyEntry: boolean; export: boolean };
}

export async function me(reports: ReportStore, asker: DashboardAsker): Promise<DashboardResult<MeView>> {
  const { viewer, locale } = asker;
  const { member, organisation } = viewer;
  if (!isAllowed(member.role, 'dashboard')) return forbidden(locale, 'dashboard');
  const catalogue = await reports.catalogue(organisation.id);
  const scope = await visibleScope({ reports, organisationId: organisation.id, member });
  return ok({
    member: { id: member.id, name: member.displayName, role: member.role, locale },
    organisation: { id: organisation.id, name: organisation.name },
    units: catalogue.units.filter((unit) => !scope.unitIds || scope.unitIds.includes(unit.id)).map((unit) => ({ id: unit.id, name: unit.name })),
    workForms: [...WORK_FORMS],
    themes: catalogue.themes.map((theme) => ({ key: theme.key, label: theme.labels[locale] ?? theme.key })),
    can: {
      overview: isAllowed(member.role, 'report'),
      structure: isAllowed(member.role, 'structure'),
      editAnyEntry: isAllowed(member.role, 'editAnyEntry'),
      export: isAllowed(member.role, 'export'),
    },
  });
}
