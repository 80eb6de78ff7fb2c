/**
 * What the model answers to a report question: is it one, what to ask back, and the query as a flat
 * draft (the shape of ReportDraft). Organisation, role and SQL have no place in it.
 */
import { z } from 'zod';
import { WORK_FORMS } from '../entry';
import { CHARTS, COMPARISONS, GROUP_BYS, METRICS } from '../../reports/query';
import type { ReportCatalogue } from '../reports/question';

export const CLARIFY_FIELDS = ['metric', 'period', 'comparison'] as const;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** The shape only; ids, theme keys and the period are checked against the catalogue afterwards. Extra keys are refused. */
export const llmReportAnswer = z.strictObject({
  isReportQuestion: z.boolean(),
  clarify: z.enum(CLARIFY_FIELDS).nullable(),
  query: z.strictObject({
    metric: z.enum(METRICS).nullable(),
    period: z.strictObject({ from: isoDate, to: isoDate }).nullable(),
    unitIds: z.array(z.string()).max(100),
    activityIds: z.array(z.string()).max(100),
    workForms: z.array(z.enum(WORK_FORMS)).max(WORK_FORMS.length),
    themes: z.array(z.string()).max(50),
    groupBy: z.enum(GROUP_BYS),
    thenBy: z.enum(GROUP_BYS),
    comparison: z.enum(COMPARISONS),
    chart: z.enum(CHARTS),
    limit: z.number().int().min(1).max(100).nullable(),
  }),
});

export type LlmReportAnswer = z.infer<typeof llmReportAnswer>;

const nullableEnum = (values: readonly string[]) => ({ type: ['string', 'null'], enum: [...values, null] });
const isoDateJson = { type: 'string', description: 'YYYY-MM-DD' };

/** Strings limited to the catalogue's values; an empty catalogue leaves only the empty list valid after validation. */
const idList = (values: string[]) => ({ type: 'array', items: values.length ? { type: 'string', enum: values } : { type: 'string' } });

/** The same shape as a strict JSON schema for structured outputs, with ids and keys from the catalogue. */
export function reportAnswerJsonSchema(catalogue: ReportCatalogue): Record<string, unknown> {
  const query = {
    metric: nullableEnum(METRICS),
    period: {
      anyOf: [
        { type: 'object', additionalProperties: false, required: ['from', 'to'], properties: { from: isoDateJson, to: isoDateJson } },
        { type: 'null' },
      ],
    },
    unitIds: idList(catalogue.units.map((unit) => unit.id)),
    activityIds: idList(catalogue.activities.map((activity) => activity.id)),
    workForms: { type: 'array', items: { type: 'string', enum: [...WORK_FORMS] } },
    themes: idList(catalogue.themes.map((theme) => theme.key)),
    groupBy: { type: 'string', enum: [...GROUP_BYS] },
    thenBy: { type: 'string', enum: [...GROUP_BYS] },
    comparison: { type: 'string', enum: [...COMPARISONS] },
    chart: { type: 'string', enum: [...CHARTS] },
    limit: { type: ['integer', 'null'], description: '1 to 100' },
  };
  return {
    type: 'object',
    additionalProperties: false,
    required: ['isReportQuestion', 'clarify', 'query'],
    properties: {
      isReportQuestion: { type: 'boolean' },
      clarify: nullableEnum(CLARIFY_FIELDS),
      query: { type: 'object', additionalProperties: false, required: Object.keys(query), properties: query },
    },
  };
}
