/** A change to an entry sent by the page: any of its fields, each checked like the entry schema (bot/entry.ts). */
import { z } from 'zod';
import { WORK_FORMS } from '../entry';
import type { PhraseKey } from '../i18n';

const count = z.number().int().min(0).max(100_000).nullable();

export const entryPatchSchema = z
  .object({
    date: z.iso.date(),
    unitId: z.guid().nullable(),
    workForm: z.enum(WORK_FORMS).nullable(),
    durationMinutes: z.number().int().min(0).max(24 * 60 * 14).nullable(),
    participants: z.object({ total: count, girls: count, boys: count, nonBinary: count, new: count }).partial().strict(),
    youthLed: z.boolean().nullable(),
    themes: z.array(z.string().min(1).max(64)).max(50),
    notes: z.string().max(10_000).nullable(),
  })
  .partial()
  .strict();

export type EntryPatch = z.infer<typeof entryPatchSchema>;

/** The phrase naming each field, for messages about it. */
export const FIELD_LABELS: Record<string, PhraseKey> = {
  date: 'fieldDate',
  unitId: 'fieldUnit',
  unit: 'fieldUnit',
  workForm: 'fieldWorkForm',
  durationMinutes: 'fieldDuration',
  participants: 'fieldParticipants',
  'participants.total': 'fieldParticipants',
  'participants.girls': 'fieldGirls',
  'participants.boys': 'fieldBoys',
  'participants.nonBinary': 'fieldNonBinary',
  'participants.new': 'fieldNew',
  youthLed: 'fieldYouthLed',
  themes: 'fieldThemes',
  notes: 'fieldNotes',
};
