/** The period's entries as CSV or XLSX, scoped like an export asked for in chat. */
import { formatNumber } from '../../reports/format';
import { isAllowed } from '../admin/permissions';
import { ExportTooLargeError, type ExportFileFormat, type ReportStore } from '../ports';
import { exportFilename } from '../reports/export-chat';
import { visibleScope } from '../reports/scope';
import { param, readPeriod, readUnit, type QueryInput } from './params';
import { failure, forbidden, ok, type DashboardAsker, type DashboardResult } from './result';

const CONTENT_TYPES: Record<ExportFileFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export interface ExportView {
  filename: string;
  contentType: string;
  data: Uint8Array;
  count: number;
}

export async function exportEntries(reports: ReportStore, asker: DashboardAsker, input: QueryInput): Promise<DashboardResult<ExportView>> {
  const { member, organisation } = asker.viewer;
  const { locale } = asker;
  if (!isAllowed(member.role, 'export')) return forbidden(locale, 'export');
  const format = param(input, 'format') ?? 'csv';
  if (format !== 'csv' && format !== 'xlsx') return failure('invalid', locale, 'dashboardInvalidField', { field: 'format' });
  const period = readPeriod(input, asker);
  if (!period.ok) return period;
  const scope = await visibleScope({ reports, organisationId: organisation.id, member });
  const unit = await readUnit(input, asker, reports, scope);
  if (!unit.ok) return unit;
  const unitIds = unit.value ? [unit.value] : [];
  try {
    const file = await reports.exportEntries(organisation.id, scope, { period: period.value, unitIds }, format);
    const catalogue = unit.value ? await reports.catalogue(organisation.id) : null;
    const unitNames = catalogue?.units.filter((known) => known.id === unit.value).map((known) => known.name) ?? [];
    return ok({ filename: exportFilename(period.value, unitNames, format), contentType: CONTENT_TYPES[format], data: file.data, count: file.count });
  } catch (error) {
    if (!(error instanceof ExportTooLargeError)) throw error;
    return failure('invalid', locale, 'exportTooLarge', { count: formatNumber(error.count, locale), limit: formatNumber(error.limit, locale) });
  }
}
