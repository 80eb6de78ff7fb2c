/**
 * Report questions asked in chat: "how many participants this month by unit" becomes a query, run within
 * the units the asker may see, and answered with the numbers, a card, a chart and a summary of the notes.
 * The query is kept, so a follow-up ("and the year before?", "only girls") refines it.
 */
import { answerReport, type ReportAnswer } from '../../reports/answer';
import { renderReportChart } from '../../reports/chart';
import { formatPeriod, metricLabel } from '../../reports/format';
import { rt } from '../../reports/phrases';
import type { Metric, ReportQuery } from '../../reports/query';
import type { ReportResult } from '../../reports/run';
import { summariseNotes, type NoteRow } from '../../reports/summary';
import { isAllowed, refusalKey } from '../admin/permissions';
import { t } from '../i18n';
import type { Locale } from '../locale';
import type { Attachment, Card, Reply } from '../messages';
import type { Catalogue } from '../nlu/catalogue';
import type { MemberInfo, ReportStore, ReportUnitScope } from '../ports';
import { goalLines } from './goals-chat';
import { parseReportQuestion, refineReportQuery, type ReportCatalogue, type ReportContext, type ReportDraft, type ReportParse } from './question';
import type { SummariseNotes } from '../understanding/notes-summary';
import { visibleScope, withoutIds } from './scope';

/** What the conversation remembers of the last report question: the query answered, or the one being clarified. */
export interface ReportingState {
  kind: 'reporting';
  revision: number;
  previous: { query: ReportQuery } | { draft: ReportDraft };
}

/** Reads a question the rules did not understand (an optional LLM); null when it is none or unclear. */
export type ReportInterpreter = (text: string, ctx: ReportContext & { locale: Locale }) => Promise<ReportParse>;

export interface ReportChatContext {
  reports: ReportStore;
  organisationId: string;
  member: MemberInfo;
  locale: Locale;
  /** Today in the organisation's time zone, YYYY-MM-DD. */
  today: string;
  /** The extraction catalogue the core has at hand: enough to tell whether a message is a report question. */
  catalogue: Catalogue;
  /** The conversation's last report question, for follow-ups. */
  state: ReportingState | null;
  interpret?: ReportInterpreter;
  /** Writes the notes paragraph (an optional LLM); null or absent leaves the extractive summary. */
  summarise?: SummariseNotes;
  /** Whether the text is worth asking the interpreter about (a question the rules did not read). */
  looksLikeQuestion?: (text: string) => boolean;
}

export interface ReportTurn {
  replies: Reply[];
  /** What to remember for a follow-up; null leaves the conversation's state as it was. */
  state: ReportingState | null;
}

/** Rows of the table shown as card facts; a longer table keeps its first rows and the total. */
const MAX_FACTS = 12;

/** The replies to a report question or a follow-up, or null when the message is neither (a log, then). */
export async function answerReportQuestion(text: string, ctx: ReportChatContext): Promise<ReportTurn | null> {
  const { locale, member } = ctx;
  // Whether it is a new question does not depend on ids, so the report catalogue is loaded only when needed.
  const question = parseReportQuestion(text, { today: ctx.today, catalogue: withoutIds(ctx.catalogue) });
  const mayInterpret = !!ctx.interpret && isAllowed(member.role, 'report') && !!ctx.looksLikeQuestion?.(text);
  if (!question && !ctx.state && !mayInterpret) return null;
  if (!isAllowed(member.role, 'report')) return question ? { replies: [{ text: t(locale, refusalKey('report')), locale }], state: null } : null;
  const catalogue = await ctx.reports.catalogue(ctx.organisationId);
  const readCtx: ReportContext = { today: ctx.today, catalogue };
  const previous = ctx.state?.previous;
  let parsed = previous ? refineReportQuery('query' in previous ? previous.query : previous.draft, text, readCtx) : null;
  parsed ??= question ? parseReportQuestion(text, readCtx) : null;
  if (!parsed && mayInterpret) parsed = await ctx.interpret!(text, { ...readCtx, locale });
  if (!parsed) return null;
  const revision = (ctx.state?.revision ?? 0) + 1;
  if (parsed.kind === 'clarify') {
    return { replies: [{ text: clarifyingQuestion(parsed, locale), locale }], state: { kind: 'reporting', revision, previous: { draft: parsed.draft } } };
  }
  const state: ReportingState = { kind: 'reporting', revision, previous: { query: parsed.query } };
  return { replies: await answerQuery(parsed.query, catalogue, ctx), state };
}

async function answerQuery(query: ReportQuery, catalogue: ReportCatalogue, ctx: ReportChatContext): Promise<Reply[]> {
  const { locale } = ctx;
  const scope: ReportUnitScope = await visibleScope(ctx);
  const result = await ctx.reports.run(ctx.organisationId, scope, query, { asOf: ctx.today, locale });
  const answer = answerReport(result, locale);
  const chart = chartOf(result, answer, locale);
  const goals = await goalLines(ctx, query);
  const text = goals ? `${answer.text}\n\n${goals}` : answer.text;
  const replies: Reply[] = [{ text, card: cardOf(answer, result), ...(chart ? { attachments: [chart] } : {}), locale }];
  if (result.rows.length) {
    const notes = await ctx.reports.notes(ctx.organisationId, scope, query, ctx.today);
    replies.push({ text: await notesParagraph(notes, result, catalogue, ctx), locale });
  }
  return replies;
}

/** The model's paragraph on the notes when one is configured and answers; the extractive one otherwise. */
async function notesParagraph(notes: NoteRow[], result: ReportResult, catalogue: ReportCatalogue, ctx: ReportChatContext): Promise<string> {
  const { locale } = ctx;
  const labels = new Map(catalogue.themes.map((theme) => [theme.key, theme.labels[locale]]));
  const written = ctx.summarise
    ? await ctx.summarise({
        locale,
        period: formatPeriod(result.period, locale),
        notes: notes.map((row) => ({ notes: row.notes, themes: row.themes.map((key) => labels.get(key) ?? key) })),
      })
    : null;
  return written ?? summariseNotes(notes, { locale, themes: catalogue.themes }).text;
}

/** A chart when there is something to compare: groups, a comparison, or one asked for. */
function chartOf(result: ReportResult, answer: ReportAnswer, locale: Locale): Attachment | null {
  if (!result.rows.length) return null;
  const worthDrawing = result.dimensions.length > 0 || result.comparisonPeriod !== null || result.query.chart !== 'none';
  if (!worthDrawing) return null;
  const image = renderReportChart(result, locale);
  return { kind: 'image', filename: 'chart.png', contentType: 'image/png', data: image.png, description: answer.title };
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
