import { z } from 'zod';
import { WORK_FORMS } from '../entry';

/** What the model is asked to return: the entry schema without notes (they stay the worker's own words). */
export const llmEntry = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  unit: z.string().nullable(),
  activity: z.string().nullable(),
  workForm: z.enum(WORK_FORMS).nullable(),
  durationMinutes: z.number().int().min(0).max(24 * 60 * 14).nullable(),
  participants: z.object({
    total: z.number().int().min(0).max(100_000).nullable(),
    girls: z.number().int().min(0).max(100_000).nullable(),
    boys: z.number().int().min(0).max(100_000).nullable(),
    nonBinary: z.number().int().min(0).max(100_000).nullable(),
    new: z.number().int().min(0).max(100_000).nullable(),
  }),
  ageGroups: z.array(z.string()).nullable(),
  youthLed: z.boolean().nullable(),
  staffCount: z.number().int().min(0).max(1000).nullable(),
  themes: z.array(z.string()),
});

export type LlmEntry = z.infer<typeof llmEntry>;

const nullable = (type: string) => ({ type: [type, 'null'] });
const count = nullable('integer');

/** The same shape as a strict JSON schema for structured outputs. */
export function entryJsonSchema(themeKeys: string[]): Record<string, unknown> {
  return {
    type: 'object',
    additionalProperties: false,
    required: ['date', 'unit', 'activity', 'workForm', 'durationMinutes', 'participants', 'ageGroups', 'youthLed', 'staffCount', 'themes'],
    properties: {
      date: { ...nullable('string'), description: 'YYYY-MM-DD' },
      unit: nullable('string'),
      activity: nullable('string'),
      workForm: { type: ['string', 'null'], enum: [...WORK_FORMS, null] },
      durationMinutes: count,
      participants: {
        type: 'object',
        additionalProperties: false,
        required: ['total', 'girls', 'boys', 'nonBinary', 'new'],
        properties: { total: count, girls: count, boys: count, nonBinary: count, new: count },
      },
      ageGroups: { type: ['array', 'null'], items: { type: 'string' } },
      youthLed: nullable('boolean'),
      staffCount: count,
      themes: { type: 'array', items: { type: 'string', enum: themeKeys } },
    },
  };
}
