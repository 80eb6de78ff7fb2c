/** Runs the goal commands (the core has checked the role): set, remove and list the organisation's goals. */
import { metricLabel } from '../../reports/format';
import { goalPer, isShareMetric, type GoalPer } from '../../reports/goal';
import { goalDescription, goalLabel, goalListLine, goalTarget } from '../../reports/goal-status';
import type { Metric } from '../../reports/query';
import { t, type PhraseKey } from '../i18n';
import type { Locale } from '../locale';
import type { Reply } from '../messages';
import { findUnit } from '../nlu/catalogue-match';
import { normalise } from '../nlu/normalise';
import type { AdminCommand } from './commands';
import type { AdminContext, AdminDecision } from './handle';

type GoalCommand = Extract<AdminCommand, { kind: 'setGoal' | 'removeGoal' | 'listGoals' }>;

export async function handleGoalCommand(command: GoalCommand, ctx: AdminContext): Promise<AdminDecision> {
  const { admin, locale } = ctx;
  const org = ctx.organisation.id;
  const say = (key: PhraseKey, params: Record<string, string | number> = {}): AdminDecision => ({ replies: [reply(locale, t(locale, key, params))] });

  switch (command.kind) {
    case 'listGoals': {
      const goals = await admin.goals.list(org);
      if (!goals.length) return say('goalsNone');
      return { replies: [reply(locale, [t(locale, 'goalsTitle', { count: goals.length }), ...goals.map((goal) => goalListLine(goal, locale))].join('\n'))] };
    }

    case 'setGoal': {
      const { metric, target } = command;
      if (!metric || target === null) return say('goalHow');
      const share = isShareMetric(metric);
      if (share && target > 100) return say('goalInvalidShare');
      if (!share && command.percent) return say('goalInvalidCount', { metric: metricLabel(metric, locale) });
      const unit = await unitName(command.unit, ctx);
      if (typeof unit === 'object' && unit !== null) return unit;
      const change = await admin.goals.set(org, ctx.actor.id, {
        unit,
        metric,
        comparator: command.comparator,
        // Shares are kept as fractions, as the reports compute them.
        target: share ? Math.round(target * 10_000) / 1_000_000 : target,
        per: goalPer(metric, command.per),
      });
      if (change.status === 'unknownUnit') return unknownUnit(command.unit ?? '', ctx);
      const goal = goalDescription(change.goal, locale);
      if (change.status === 'unchanged') return say('goalUnchanged', { goal });
      if (change.status === 'updated' && change.previous) return say('goalUpdated', { goal, before: goalTarget(change.previous, locale) });
      return say('goalAdded', { goal });
    }

    case 'removeGoal': {
      const { metric } = command;
      if (!metric) return say('goalRemoveHow');
      // A goal of an archived unit can still be removed by the unit's name.
      const unit = await unitName(command.unit, ctx, true);
      if (typeof unit === 'object' && unit !== null) return unit;
      const per: GoalPer | null = command.per === null ? null : goalPer(metric, command.per);
      const result = await admin.goals.remove(org, ctx.actor.id, { unit, metric, per });
      if (result.status === 'unknownUnit') return unknownUnit(command.unit ?? '', ctx);
      if (result.status === 'notFound') return say('goalNotFound', { what: selectorLabel(metric, per, unit, locale) });
      return say('goalRemoved', { goals: result.removed.map((goal) => goalDescription(goal, locale)).join('; ') });
    }
  }
}

/** The active unit a command names, also inflected ("Kalliossa"); the reply when none; null for no unit. */
async function unitName(written: string | null, ctx: AdminContext, fallBackToWritten = false): Promise<string | null | AdminDecision> {
  if (written === null) return null;
  const units = await ctx.admin.catalogue.list(ctx.organisation.id, 'unit');
  const found = findUnit(normalise(written), { units: units.map(({ name, aliases }) => ({ name, aliases })), activities: [], themes: [] });
  if (found) return found.name;
  return fallBackToWritten ? written : unknownUnit(written, ctx);
}

async function unknownUnit(name: string, ctx: AdminContext): Promise<AdminDecision> {
  const units = await ctx.admin.catalogue.list(ctx.organisation.id, 'unit');
  const options = units.map((unit) => unit.name).join(', ') || t(ctx.locale, 'listEmpty');
  return { replies: [reply(ctx.locale, t(ctx.locale, 'unknownUnit', { name, options }))] };
}

function selectorLabel(metric: Metric, per: GoalPer | null, unit: string | null, locale: Locale): string {
  return goalLabel({ metric, per: per ?? 'period', unitName: unit }, locale);
}

function reply(locale: Locale, text: string): Reply {
  return { text: text.charAt(0).toUpperCase() + text.slice(1), locale };
}
