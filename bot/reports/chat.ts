/**
 * Report questions asked in chat: "how many participants this month by unit" becomes a query, run within
 * the units the asker may see, and answered with the numbers, a card and a summary of the period's notes.
 */
import { answerReport, type ReportAnswer } from '../../reports/answer';
import { metricLabel } from '../../reports/format';
import { rt } from '../../reports/phrases';
import type { Metric } from '../../reports/query';
import type { ReportResult } from '../../reports/run';
import { summariseNotes } from '../../reports/summary';
import { isAllowed, refusalKey } from '../admin/permissions';
import { t } from '../i18n';
import type { Locale } from '../locale';
import type { Card, Reply } from '../messages';
import type { Catalogue } from '../nlu/catalogue';
import type { MemberInfo, ReportStore, ReportUnitScope } from '../ports';
import { parseReportQuestion, type ReportCatalogue, type ReportParse } from './question';

export interface ReportChatContext {
  reports: ReportStore;
  organisationId: string;
  member: MemberInfo;
  locale: Locale;
  /** Today in the organisation's time zone, YYYY-MM-DD. */
  today: string;
  /** The extraction catalogue the core has at hand: enough to tell whether a message is a report question. */
  catalogue: Catalogue;
}

/** Rows of the table shown as card facts; a longer table keeps its first rows and the total. */
const MAX_FACTS = 12;

/** The replies to a report question, or null when the message is no report question (a log, then). */
export async function answerReportQuestion(text: string, ctx: ReportChatContext): Promise<Reply[] | null> {
  const { locale, member } = ctx;
  // Whether it is a question does not depend on ids, so the report catalogue is loaded only for questions.
  if (!parseReportQuestion(text, { today: ctx.today, catalogue: withoutIds(ctx.catalogue) })) return null;
  if (!isAllowed(member.role, 'report')) return [{ text: t(locale, refusalKey('report')), locale }];
  const catalogue = await ctx.reports.catalogue(ctx.organisationId);
  const parsed = parseReportQuestion(text, { today: ctx.today, catalogue });
  if (!parsed) return null;
  if (parsed.kind === 'clarify') return [{ text: clarifyingQuestion(parsed, locale), locale }];

  const scope: ReportUnitScope = { unitIds: await visibleUnits(ctx) };
  const result = await ctx.reports.run(ctx.organisationId, scope, parsed.query, { asOf: ctx.today, locale });
  const answer = answerReport(result, locale);
  const replies: Reply[] = [{ text: answer.text, card: cardOf(answer, result), locale }];
  if (result.rows.length) {
    const notes = await ctx.reports.notes(ctx.organisationId, scope, parsed.query, ctx.today);
    replies.push({ text: summariseNotes(notes, { locale, themes: catalogue.themes }).text, locale });
  }
  return replies;
}

/** Mentors see every unit; a manager the units they belong to, or all when none are set. */
async function visibleUnits(ctx: ReportChatContext): Promise<string[] | null> {
  if (ctx.member.role !== 'manager') return null;
  const units = await ctx.reports.memberUnits(ctx.organisationId, ctx.member.id);
  return units.length ? units : null;
}

function withoutIds(catalogue: Catalogue): ReportCatalogue {
  return {
    ...catalogue,
    units: catalogue.units.map((unit) => ({ ...unit, id: '' })),
    activities: catalogue.activities.map((activity) => ({ ...activity, id: '' })),
  };
}

function clarifyingQuestion(parsed: Extract<ReportParse, { kind: 'clarify' }>, locale: Locale): string {
  if (parsed.missing === 'period') return rt(locale, 'clarifyPeriod');
  if (parsed.missing === 'comparison') return rt(locale, 'clarifyComparison');
  if (!parsed.options?.length) return rt(locale, 'clarifyMetric');
  return rt(locale, 'clarifyMetricOptions', { options: optionList(parsed.options, locale) });
}

/** "participants, girls or hours" */
function optionList(metrics: Metric[], locale: Locale): string {
  const names = metrics.map((metric) => metricLabel(metric, locale).toLocaleLowerCase(locale));
  const last = names.pop() ?? '';
  return names.length ? `${names.join(', ')} ${rt(locale, 'or')} ${last}` : last;
}

/** The table as facts: the group (or the metric) as the label, the numbers as the value. */
function cardOf(answer: ReportAnswer, result: ReportResult): Card {
  const groups = result.dimensions.length;
  const { columns, rows } = answer.table;
  const withTotal = result.total !== null && groups > 0;
  const shown = rows.length <= MAX_FACTS ? rows : withTotal ? [...rows.slice(0, MAX_FACTS - 1), rows[rows.length - 1]] : rows.slice(0, MAX_FACTS);
  const facts = shown.map((cells) => ({
    label: groups ? cells.slice(0, groups).filter(Boolean).join(' / ') : columns[0],
    value: cells.slice(groups).filter(Boolean).join(' · '),
  }));
  return { title: answer.title, facts, buttons: [] };
}
