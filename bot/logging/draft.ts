import type { EntryFields, Participants } from '../entry';
import type { AnswerField, Correction } from '../nlu';

/** A log in progress, kept in the database between messages. */
export interface DraftState {
  /** Bumped on every save, so a stale button or a concurrent turn is noticed. */
  revision: number;
  fields: EntryFields;
  /** What the bot waits for next. */
  stage: 'collecting' | 'privacy' | 'confirming';
  /** The field the last question asked for, while collecting. */
  asking: AnswerField | null;
  /** The message that started the draft; the saved entry is unique on it. */
  originMessageId: string;
  /** The worker chose to keep notes that look like personal data. */
  privacyAcknowledged: boolean;
}

/** The fields that can be asked for, in the order they are asked. */
const ASKABLE: AnswerField[] = ['date', 'workForm', 'participants.total', 'durationMinutes', 'unit', 'activity'];

export function fieldValue(fields: EntryFields, field: string): unknown {
  if (field.startsWith('participants.')) return fields.participants[field.slice(13) as keyof Participants];
  return (fields as unknown as Record<string, unknown>)[field];
}

/** The first required field still empty, or null when the log can be confirmed. */
export function nextMissingField(fields: EntryFields, required: readonly string[]): AnswerField | null {
  return ASKABLE.find((field) => required.includes(field) && fieldValue(fields, field) == null) ?? null;
}

/** girls + boys + non-binary (or new), when that is more than the total. */
export function countConflict(participants: Participants): number | null {
  if (participants.total == null) return null;
  const parts = (participants.girls ?? 0) + (participants.boys ?? 0) + (participants.nonBinary ?? 0);
  const largest = Math.max(parts, participants.new ?? 0);
  return largest > participants.total ? largest : null;
}

/** Applies a correction: only the fields it names change. */
export function applyCorrection(fields: EntryFields, correction: Correction): EntryFields {
  const { participants, ...rest } = correction;
  const defined = Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined));
  const next: EntryFields = { ...fields, ...defined, participants: { ...fields.participants } };
  for (const [key, value] of Object.entries(participants ?? {})) {
    if (value !== undefined) next.participants[key as keyof Participants] = value;
  }
  // A total implied by its parts follows a corrected part.
  const { girls, boys, nonBinary } = next.participants;
  if (participants && participants.total === undefined && fields.participants.total != null) {
    const parts = (girls ?? 0) + (boys ?? 0) + (nonBinary ?? 0);
    const wasImplied = fields.participants.total === (fields.participants.girls ?? 0) + (fields.participants.boys ?? 0) + (fields.participants.nonBinary ?? 0);
    if (wasImplied && parts > 0) next.participants.total = parts;
  }
  return next;
}

/** Setting one answered field. */
export function setField(fields: EntryFields, field: AnswerField, value: unknown): EntryFields {
  if (field === 'participants.total') return { ...fields, participants: { ...fields.participants, total: value as number } };
  return { ...fields, [field]: value };
}

/** The fields of `found` worth merging into a draft: the ones stated, leaving notes and defaults alone. */
export function statedFields(found: EntryFields, today: string): Correction {
  const correction: Correction = {};
  if (found.date && found.date !== today) correction.date = found.date;
  for (const key of ['unit', 'activity', 'workForm', 'durationMinutes', 'youthLed', 'staffCount', 'ageGroups'] as const) {
    if (found[key] != null) (correction as Record<string, unknown>)[key] = found[key];
  }
  if (found.themes.length) correction.themes = found.themes;
  const participants = Object.fromEntries(Object.entries(found.participants).filter(([, v]) => v != null));
  if (Object.keys(participants).length) correction.participants = participants;
  return correction;
}

export function isEmptyCorrection(correction: Correction): boolean {
  return Object.keys(correction).length === 0;
}
