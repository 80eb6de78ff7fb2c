/**
 * The one entry schema, shared by extraction, the dialog, export (jsonl) and the LLM.
 * A field that was not understood is null.
 */
export const WORK_FORMS = ['open', 'group', 'individual', 'event', 'outreach', 'digital', 'camp'] as const;
export type WorkForm = (typeof WORK_FORMS)[number];

export interface Participants {
  total: number | null;
  girls: number | null;
  boys: number | null;
  nonBinary: number | null;
  new: number | null;
}

export interface EntryFields {
  /** YYYY-MM-DD in the organisation's time zone. */
  date: string | null;
  /** Unit name as in the organisation's catalogue. */
  unit: string | null;
  /** Activity name as in the organisation's catalogue. */
  activity: string | null;
  workForm: WorkForm | null;
  durationMinutes: number | null;
  participants: Participants;
  /** Age bands such as "13-17"; null when not stated. */
  ageGroups: string[] | null;
  youthLed: boolean | null;
  staffCount: number | null;
  /** Theme keys from the organisation's catalogue. */
  themes: string[];
  notes: string | null;
}

export function emptyParticipants(): Participants {
  return { total: null, girls: null, boys: null, nonBinary: null, new: null };
}

export function emptyEntry(): EntryFields {
  return {
    date: null,
    unit: null,
    activity: null,
    workForm: null,
    durationMinutes: null,
    participants: emptyParticipants(),
    ageGroups: null,
    youthLed: null,
    staffCount: null,
    themes: [],
    notes: null,
  };
}
