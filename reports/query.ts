/**
 * A report question as data: what to count, over which entries, split how, compared with what.
 * Questions become a ReportQuery (rules or an LLM, validated by this schema), never SQL.
 */
import { z } from 'zod';
import { WORK_FORMS } from '../bot/entry';

export const METRICS = [
  'entries',
  'participants',
  'girls',
  'boys',
  'nonBinary',
  'new',
  'hours',
  'youthLedShare',
  'girlsShare',
] as const;
export type Metric = (typeof METRICS)[number];

export const GROUP_BYS = ['none', 'month', 'week', 'unit', 'activity', 'workForm', 'theme', 'gender'] as const;
export type GroupBy = (typeof GROUP_BYS)[number];

export const COMPARISONS = ['none', 'previousPeriod', 'sameLastYear'] as const;
export type Comparison = (typeof COMPARISONS)[number];

export const CHARTS = ['bar', 'line', 'none'] as const;
export type ChartKind = (typeof CHARTS)[number];

/** Metrics that are a share (0..1) rather than a count. */
export const SHARE_METRICS: readonly Metric[] = ['youthLedShare', 'girlsShare'];

/** Groupings along time: charted as lines, sorted by time. */
export const TIME_GROUPS: readonly GroupBy[] = ['month', 'week'];

const isoDate = z.iso.date();

export const periodSchema = z
  .object({ from: isoDate, to: isoDate })
  .refine((p) => p.from <= p.to, { message: 'from must not be after to' })
  .refine((p) => Date.parse(p.to) - Date.parse(p.from) <= 20 * 366 * 86_400_000, { message: 'at most 20 years' });
export type Period = z.infer<typeof periodSchema>;

export const reportFiltersSchema = z.object({
  /** Inclusive dates, YYYY-MM-DD, in the organisation's time zone (as entries.date). */
  period: periodSchema,
  /** Empty means every unit the asker may see. */
  unitIds: z.array(z.guid()).max(100).default([]),
  activityIds: z.array(z.guid()).max(100).default([]),
  workForms: z.array(z.enum(WORK_FORMS)).max(WORK_FORMS.length).default([]),
  /** Theme keys; an entry counts when it has any of them. */
  themes: z.array(z.string().min(1).max(64)).max(50).default([]),
});
export type ReportFilters = z.infer<typeof reportFiltersSchema>;

export const reportQuerySchema = z
  .object({
    metric: z.enum(METRICS),
    filters: reportFiltersSchema,
    groupBy: z.enum(GROUP_BYS).default('none'),
    /** An optional second grouping, e.g. month × unit. */
    thenBy: z.enum(GROUP_BYS).default('none'),
    comparison: z.enum(COMPARISONS).default('none'),
    chart: z.enum(CHARTS).default('none'),
    /** Keep only the largest N groups ("top 5 themes"); null keeps all. */
    limit: z.number().int().min(1).max(100).nullable().default(null),
  })
  .superRefine((q, ctx) => {
    if (q.groupBy === 'none' && q.thenBy !== 'none') {
      ctx.addIssue({ code: 'custom', path: ['thenBy'], message: 'thenBy needs a groupBy' });
    }
    if (q.thenBy !== 'none' && q.thenBy === q.groupBy) {
      ctx.addIssue({ code: 'custom', path: ['thenBy'], message: 'thenBy must differ from groupBy' });
    }
    if ((q.groupBy === 'gender' || q.thenBy === 'gender') && q.metric !== 'participants') {
      ctx.addIssue({ code: 'custom', path: ['metric'], message: 'grouping by gender splits participants' });
    }
  });

/** A validated query: every default filled in. */
export type ReportQuery = z.infer<typeof reportQuerySchema>;
/** What a caller (or an LLM) may hand in before defaults are filled. */
export type ReportQueryInput = z.input<typeof reportQuerySchema>;

/** Validates and fills defaults; throws a ZodError on an invalid query. */
export function reportQuery(input: ReportQueryInput): ReportQuery {
  return reportQuerySchema.parse(input);
}

/** The non-empty groupings of a query, outermost first. */
export function groupings(query: Pick<ReportQuery, 'groupBy' | 'thenBy'>): Exclude<GroupBy, 'none'>[] {
  return [query.groupBy, query.thenBy].filter((g): g is Exclude<GroupBy, 'none'> => g !== 'none');
}
