/**
 * Goals in chat: a question about the goals is answered with the status of each, and an ordinary report
 * answer can carry the status of the goals about its metric and period.
 */
import { formatPeriod } from '../../reports/format';
import type { Goal } from '../../reports/goal';
import { goalLabel, goalStatusLine, goalStatusParts } from '../../reports/goal-status';
import { coversOnePer, type GoalProgress } from '../../reports/goals';
import { rt } from '../../reports/phrases';
import type { ReportQuery } from '../../reports/query';
import { isAllowed, refusalKey } from '../admin/permissions';
import { t } from '../i18n';
import type { Locale } from '../locale';
import type { Reply } from '../messages';
import type { ReportChatContext } from './chat';
import { parseGoalsQuestion } from './goal-question';
import { visibleScope } from './scope';

/** The replies to a question about the goals, or null when the message is none. */
export async function answerGoalsQuestion(text: string, ctx: ReportChatContext): Promise<Reply[] | null> {
  const { locale } = ctx;
  const question = parseGoalsQuestion(text, ctx.today, ctx.catalogue);
  if (!question) return null;
  if (!isAllowed(ctx.member.role, 'report')) return [{ text: t(locale, refusalKey('report')), locale }];
  if (question.kind === 'clarify') return [{ text: rt(locale, 'clarifyPeriod'), locale }];

  const only = question.metrics.length ? { metrics: question.metrics } : {};
  const all = await ctx.reports.goals(ctx.organisationId, await visibleScope(ctx), question.period, ctx.today, only);
  const progress = question.unit ? all.filter((p) => p.goal.unitName?.toLowerCase() === question.unit?.toLowerCase()) : all;
  if (!progress.length) {
    if (!question.metrics.length && !question.unit) return [{ text: t(locale, 'goalsNone'), locale }];
    const what = question.metrics.map((metric) => goalLabel({ metric, per: 'period', unitName: question.unit }, locale)).join(', ') || question.unit || '';
    return [{ text: t(locale, 'goalNotFound', { what }), locale }];
  }
  const facts = progress.map((p) => {
    const { label, status } = goalStatusParts(p, locale);
    return { label, value: status };
  });
  return [{ text: linesOf(progress, locale), card: { title: titleOf(progress, locale), facts, buttons: [] }, locale }];
}

/**
 * The status of the goals that concern a report query: its metric, over its period, for the units it is
 * about (the organisation's goals for a question about the whole organisation, and the units' goals when it
 * is split by unit). Null when there are none, or the period is too short for a per-month or per-week goal.
 */
export async function goalLines(ctx: ReportChatContext, query: ReportQuery): Promise<string | null> {
  const { locale } = ctx;
  if (!isAllowed(ctx.member.role, 'report')) return null;
  const progress = await ctx.reports.goals(ctx.organisationId, await visibleScope(ctx), query.filters.period, ctx.today, { metrics: [query.metric] });
  const concerned = progress.filter((p) => concerns(p.goal, query) && measurable(p, ctx.today));
  if (!concerned.length) return null;
  return linesOf(concerned, locale);
}

/** "Goals, 1.1.–15.3.2026": the period measured, cut at today. */
function titleOf(progress: GoalProgress[], locale: Locale): string {
  return t(locale, 'goalsProgressTitle', { period: formatPeriod(progress[0].period, locale) });
}

function linesOf(progress: GoalProgress[], locale: Locale): string {
  return [`${titleOf(progress, locale)}:`, ...progress.map((p) => `• ${goalStatusLine(p, locale)}`)].join('\n');
}

function concerns(goal: Goal, query: ReportQuery): boolean {
  if (goal.metric !== query.metric) return false;
  const units = query.filters.unitIds;
  if (units.length) return goal.unitId !== null && units.includes(goal.unitId);
  return goal.unitId === null || query.groupBy === 'unit' || query.thenBy === 'unit';
}

/** A period that has begun, and is long enough for an average per month or week to say something. */
function measurable(progress: GoalProgress, today: string): boolean {
  return progress.period.from <= today && coversOnePer(progress.period, progress.goal.per);
}

