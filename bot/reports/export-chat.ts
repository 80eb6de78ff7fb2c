/**
 * Exports asked for in chat: "export March as Excel" is answered with a short text and the file, holding
 * the period's entries within the units the asker may see.
 */
import { formatNumber, formatPeriod } from '../../reports/format';
import { isWholeMonths, monthSpan } from '../../reports/period';
import type { Period } from '../../reports/query';
import { isAllowed, refusalKey } from '../admin/permissions';
import { t } from '../i18n';
import type { Locale } from '../locale';
import type { Reply } from '../messages';
import { ExportTooLargeError, type ExportedFile, type ExportFileFormat, type ReportUnitScope } from '../ports';
import type { ReportChatContext } from './chat';
import { parseExportRequest } from './export-request';
import { visibleScope, withoutIds } from './scope';

const CONTENT_TYPES: Record<ExportFileFormat, string> = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
const FORMAT_NAMES: Record<ExportFileFormat, string> = { csv: 'CSV', xlsx: 'Excel' };

/** The replies to an export request, or null when the message is none (a log or a question, then). */
export async function answerExportRequest(text: string, ctx: ReportChatContext): Promise<Reply[] | null> {
  const { locale, member } = ctx;
  // Whether it is an export request does not depend on ids: nothing is read before the role is checked.
  const request = parseExportRequest(text, { today: ctx.today, catalogue: withoutIds(ctx.catalogue) });
  if (!request) return null;
  if (!isAllowed(member.role, 'export')) return [reply(t(locale, refusalKey('export')), locale)];
  if ('missing' in request) return [reply(t(locale, 'exportClarifyPeriod'), locale)];

  const catalogue = await ctx.reports.catalogue(ctx.organisationId);
  const parsed = parseExportRequest(text, { today: ctx.today, catalogue });
  if (!parsed || 'missing' in parsed) return [reply(t(locale, 'exportClarifyPeriod'), locale)];
  const { period, unitIds, format } = parsed;
  const scope: ReportUnitScope = await visibleScope(ctx);
  const periodName = formatPeriod(period, locale);

  let file: ExportedFile;
  try {
    file = await ctx.reports.exportEntries(ctx.organisationId, scope, { period, unitIds }, format);
  } catch (error) {
    if (!(error instanceof ExportTooLargeError)) throw error;
    const numbers = { count: formatNumber(error.count, locale), limit: formatNumber(error.limit, locale) };
    return [reply(t(locale, 'exportTooLarge', numbers), locale)];
  }
  if (!file.count) return [reply(t(locale, 'exportNone', { period: periodName }), locale)];

  const formatName = FORMAT_NAMES[format];
  const unitNames = unitIds.map((id) => catalogue.units.find((unit) => unit.id === id)?.name ?? '').filter(Boolean);
  const lines = [
    file.count === 1
      ? t(locale, 'exportReadyOne', { period: periodName, format: formatName })
      : t(locale, 'exportReady', { count: formatNumber(file.count, locale), period: periodName, format: formatName }),
  ];
  if (unitNames.length) lines.push(t(locale, 'exportUnits', { units: unitNames.join(', ') }));
  if (scope.unitIds) lines.push(t(locale, 'exportOwnUnitsOnly'));
  return [
    {
      text: lines.join(' '),
      attachments: [
        {
          kind: 'file',
          filename: exportFilename(period, unitNames, format),
          contentType: CONTENT_TYPES[format],
          data: file.data,
          description: t(locale, 'exportFileDescription', { period: periodName, format: formatName }),
        },
      ],
      locale,
    },
  ];
}

/** "logbook-2026-03.xlsx", "logbook-kallio-youth-centre-2026.csv", "logbook-2026-03-01_2026-03-15.csv": ASCII only. */
export function exportFilename(period: Period, unitNames: string[], format: ExportFileFormat): string {
  const units = unitNames.map(asciiSlug).filter(Boolean).join('-').slice(0, 60).replace(/-+$/, '');
  return ['logbook', units, periodSlug(period)].filter(Boolean).join('-') + `.${format}`;
}

function periodSlug(period: Period): string {
  if (isWholeMonths(period)) {
    const span = monthSpan(period);
    if (span % 12 === 0 && period.from.endsWith('-01-01')) {
      return span === 12 ? period.from.slice(0, 4) : `${period.from.slice(0, 4)}_${period.to.slice(0, 4)}`;
    }
    return span === 1 ? period.from.slice(0, 7) : `${period.from.slice(0, 7)}_${period.to.slice(0, 7)}`;
  }
  return period.from === period.to ? period.from : `${period.from}_${period.to}`;
}

/** "Nuorisotalo Kipinä" → "nuorisotalo-kipina". */
function asciiSlug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function reply(text: string, locale: Locale): Reply {
  return { text, locale };
}
