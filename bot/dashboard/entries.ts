/** The entries list: a worker sees their own entries, a manager their units' (and their own), a mentor all. */
import { isAllowed } from '../admin/permissions';
import { WORK_FORMS, type WorkForm } from '../entry';
import type { DashboardEntry, DashboardStore, EntryVisibility, ReportStore } from '../ports';
import { visibleScope } from '../reports/scope';
import { param, readInteger, readOpenPeriod, readUnit, type QueryInput } from './params';
import { failure, forbidden, ok, type DashboardAsker, type DashboardResult } from './result';

export const PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

/** An entry as the page shows it; `editable` when the asker may change it. */
export type EntryView = Omit<DashboardEntry, 'authorId'> & { editable: boolean };

export interface EntriesView {
  total: number;
  entries: EntryView[];
}

export interface EntryDependencies {
  dashboard: DashboardStore;
  reports: ReportStore;
}

export async function listEntries(deps: EntryDependencies, asker: DashboardAsker, input: QueryInput): Promise<DashboardResult<EntriesView>> {
  const { member, organisation } = asker.viewer;
  if (!isAllowed(member.role, 'dashboard')) return forbidden(asker.locale, 'dashboard');
  const period = readOpenPeriod(input, asker);
  if (!period.ok) return period;
  // Those who may read reports see the entries of the units they see (and their own); others only their own.
  const seesUnits = isAllowed(member.role, 'report');
  const scope = seesUnits ? await visibleScope({ reports: deps.reports, organisationId: organisation.id, member }) : { unitIds: null };
  const unit = await readUnit(input, asker, deps.reports, scope);
  if (!unit.ok) return unit;
  const workForm = param(input, 'workForm') ?? null;
  if (workForm !== null && !(WORK_FORMS as readonly string[]).includes(workForm)) {
    return failure('invalid', asker.locale, 'dashboardInvalidField', { field: 'workForm' });
  }
  const limit = readInteger(input, 'limit', { min: 1, max: MAX_PAGE_SIZE, fallback: PAGE_SIZE });
  const offset = readInteger(input, 'offset', { min: 0, max: 10_000_000, fallback: 0 });
  if (limit === null || offset === null) return failure('invalid', asker.locale, 'dashboardInvalidField', { field: limit === null ? 'limit' : 'offset' });

  const visible: EntryVisibility = seesUnits ? { unitIds: scope.unitIds, alsoAuthorId: member.id } : { authorId: member.id };
  const page = await deps.dashboard.listEntries(organisation.id, {
    visible,
    ...period.value,
    unitId: unit.value,
    workForm: workForm as WorkForm | null,
    limit,
    offset,
  });
  return ok({ total: page.total, entries: page.entries.map((entry) => entryView(entry, asker)) });
}

/** Whether the asker may change this entry: their own, or anyone's for those who may edit any. */
export function mayEdit(entry: Pick<DashboardEntry, 'authorId'>, asker: DashboardAsker): boolean {
  const { member } = asker.viewer;
  if (!isAllowed(member.role, 'editEntry')) return false;
  return entry.authorId === member.id || isAllowed(member.role, 'editAnyEntry');
}

export function entryView({ authorId, ...entry }: DashboardEntry, asker: DashboardAsker): EntryView {
  return { ...entry, editable: mayEdit({ authorId }, asker) };
}
