/** Short follow-up answers, free-text corrections and confirmations. */
import type { EntryFields, Participants, WorkForm } from '../entry';
import type { ExtractContext } from './catalogue';
import { findAges } from './ages';
import { findActivity, findUnit } from './catalogue-match';
import { findCounts } from './counts';
import { findDate, parseDateAnswer } from './dates';
import { findDuration, parseDurationAnswer } from './duration';
import { normalise } from './normalise';
import { parseCount } from './numbers';
import { findWorkForm, parseWorkFormAnswer } from './work-form';

export type AnswerField = 'date' | 'workForm' | 'participants.total' | 'durationMinutes' | 'unit' | 'activity';

/** The value type of each answerable field. */
export interface AnswerValues {
  date: string;
  workForm: WorkForm;
  'participants.total': number;
  durationMinutes: number;
  unit: string;
  activity: string;
}

export type AnswerValue = AnswerValues[AnswerField] | null;

function maskSpans(s: string, spans: { start: number; end: number }[]): string {
  let out = s;
  for (const { start, end } of spans) out = out.slice(0, start) + ' '.repeat(end - start) + out.slice(end);
  return out;
}

/** Masks ages, dates and times so that counting does not take them. */
function countText(s: string): string {
  let m = maskSpans(s, findAges(s).spans);
  m = maskSpans(m, findDate(m, '2000-01-01').spans);
  return maskSpans(m, findDuration(m).spans);
}

function totalAnswer(s: string): number | null {
  const c = findCounts(countText(s)).participants.total;
  return c ?? parseCount(s);
}

function run(field: AnswerField, text: string, ctx: ExtractContext): AnswerValue {
  const s = normalise(text).trim();
  if (!s) return null;
  switch (field) {
    case 'date':
      return parseDateAnswer(s, ctx?.today ?? '');
    case 'workForm':
      return parseWorkFormAnswer(s);
    case 'participants.total':
      return totalAnswer(s);
    case 'durationMinutes':
      return parseDurationAnswer(s);
    case 'unit':
      return findUnit(s, ctx?.catalogue)?.name ?? null;
    case 'activity':
      return findActivity(s, ctx?.catalogue)?.name ?? null;
    default:
      return null;
  }
}

/** Parses a short answer to one follow-up question; null when it does not answer it. Never throws. */
export function parseAnswer<F extends AnswerField>(field: F, text: string, ctx: ExtractContext): AnswerValues[F] | null {
  try {
    return run(field, typeof text === 'string' ? text : '', ctx) as AnswerValues[F] | null;
  } catch {
    return null;
  }
}

const MARKER_START = new RegExp(
  '^(?:no|nope|nah|not|ei|eikä|nej|nä|nää|actually|correction|correct|fix|change|set|make it|update|sorry|oops|wait|' +
    "it was|it's|its|there were|was|were|oli|olikin|olivat|olin|korjaa|korjaus|korjataan|muuta|muutetaan|vaihda|vaihdetaan|" +
    'itse asiassa|anteeksi|sori|hups|ups|ändra|rätta|korrigera|rättelse|det var|det blev|de var|vi var|egentligen|förlåt|oj|' +
    'date|datum|päivä|päivämäärä|pvm|work ?form|työmuoto|arbetsform|duration|kesto|längd|tid|total|yhteensä|totalt|' +
    'girls|boys|tytöt|tyttöjä|pojat|poikia|tjejer|killar|new|uusia|nya|unit|yksikkö|enhet|activity|toiminta|aktivitet)(?![\\p{L}])',
  'u',
);
const MARKER_ANY =
  /should be|should have been|pitäisi olla|piti olla|pitää olla|ska vara|skulle vara|borde vara|actually|itse asiassa|egentligen|ei vaan|ei kun|inte \p{L}+ utan|not \p{L}+ but/u;

export type Correction = Partial<Omit<EntryFields, 'participants'>> & { participants?: Partial<Participants> };

function correction(text: string, ctx: ExtractContext): Correction | null {
  const s = normalise(text).trim();
  if (!s || s.length > 500) return null;
  if (!MARKER_START.test(s) && !MARKER_ANY.test(s)) return null;
  const out: Correction = {};
  const ages = findAges(s);
  let m = maskSpans(s, ages.spans);
  const today = ctx?.today ?? '';
  const dateHit = findDate(m, today);
  const date = parseDateAnswer(m, today);
  if (date) out.date = date;
  m = maskSpans(m, dateHit.spans);
  const dur = findDuration(m);
  if (dur.minutes !== null) out.durationMinutes = dur.minutes;
  m = maskSpans(m, dur.spans);
  const counts = findCounts(m, false);
  const p: Partial<Participants> = {};
  for (const k of ['total', 'girls', 'boys', 'nonBinary', 'new'] as const) {
    const v = counts.participants[k];
    if (v !== null) p[k] = v;
  }
  if (Object.keys(p).length) out.participants = p;
  if (counts.staffCount !== null) out.staffCount = counts.staffCount;
  if (ages.ageGroups) out.ageGroups = ages.ageGroups;
  const wf = /(?:work ?form|työmuoto|työmuodoksi|arbetsform)\s*(?:to|till|:|=|on|är|->)?\s*(.+)$/u.exec(s);
  const form = wf ? parseWorkFormAnswer(wf[1]) : findWorkForm(s);
  if (form) out.workForm = form;
  const unit = findUnit(s, ctx?.catalogue);
  if (unit) out.unit = unit.name;
  const activity = findActivity(s, ctx?.catalogue);
  if (activity) out.activity = activity.name;
  if (!Object.keys(out).length) {
    const n = parseCount(m);
    if (n !== null) out.participants = { total: n };
  }
  return Object.keys(out).length ? out : null;
}

/**
 * Recognises a free-text correction ("actually 14 kids", "oli 3 tuntia", "ändra till 5 tjejer", "date yesterday").
 * Returns only the fields it changes; null when the message is not a correction. Never throws.
 */
export function parseCorrection(text: string, ctx: ExtractContext): Correction | null {
  try {
    return correction(typeof text === 'string' ? text : '', ctx);
  } catch {
    return null;
  }
}

const EDIT = /(?<![\p{L}])(?:edit|modify|change|muokkaa|muokkaus|muuta|korjaa|ändra|redigera|fix)(?![\p{L}])/u;
const NO =
  /^(?:no|nope|nah|n|cancel|discard|delete|stop|don't|dont|peru|peruuta|peruta|ei|eikä|älä|avbryt|nej|nä|nää|ta bort|radera|släng|👎|❌|✖️)(?![\p{L}])/u;
const YES =
  /^(?:yes|yeah|yea|yep|yup|y|ok|okay|okey|okei|oki|k|sure|save|correct|right|looks good|lgtm|perfect|great|fine|kyllä|kylä|joo|juu|jep|jees|jes|tallenna|tallena|selvä|hyvä|oikein|ok|ja|japp|jajamän|jo|jadå|spara|stämmer|rätt|precis|absolut|kör|👍|✅|👌|✔️|✔|🆗)(?![\p{L}])/u;

/** yes / no / edit for the confirmation step; null when the text is something else. */
export function parseConfirmation(text: string): 'yes' | 'no' | 'edit' | null {
  const s = normalise(typeof text === 'string' ? text : '').trim().slice(0, 200);
  if (!s || s.split(/\s+/).length > 6) return null;
  if (EDIT.test(s)) return 'edit';
  if (NO.test(s)) return 'no';
  if (YES.test(s)) return 'yes';
  return null;
}
