/** The rule-based extractor: one worker message → EntryFields. */
import { emptyEntry, type EntryFields } from '../entry';
import type { ExtractContext } from './catalogue';
import { findAges } from './ages';
import { findActivity, findUnit } from './catalogue-match';
import { findCounts, findSingleGender } from './counts';
import { findDate, type Span } from './dates';
import { findDuration } from './duration';
import { normalise } from './normalise';
import { findThemes } from './themes';
import { findWorkForm } from './work-form';
import { findYouthLed } from './youth-led';

function mask(s: string, spans: Span[]): string {
  if (!spans.length) return s;
  const sorted = spans.length > 1 ? [...spans].sort((a, b) => a.start - b.start) : spans;
  let out = '';
  let pos = 0;
  for (const { start, end } of sorted) {
    if (end <= pos) continue;
    const from = Math.max(start, pos);
    out += s.slice(pos, from) + ' '.repeat(end - from);
    pos = end;
  }
  return out + s.slice(pos);
}

function run(text: string, ctx: ExtractContext): EntryFields {
  const e = emptyEntry();
  const raw = typeof text === 'string' ? text : '';
  const today = typeof ctx?.today === 'string' ? ctx.today : '';
  const cat = ctx?.catalogue;
  const s = normalise(raw);
  e.notes = raw.trim() || null;

  const ages = findAges(s);
  e.ageGroups = ages.ageGroups;
  let m = mask(s, ages.spans);
  const date = findDate(m, today);
  e.date = date.date;
  m = mask(m, date.spans);
  const dur = findDuration(m);
  e.durationMinutes = dur.minutes;
  m = mask(m, dur.spans);
  const unit = findUnit(s, cat);
  const activity = findActivity(s, cat);
  e.activity = activity?.name ?? null;
  e.unit = unit?.name ?? activity?.unit ?? null;
  e.workForm = activity?.workForm ?? findWorkForm(s);

  // In one-to-one work "a young person" is a count of one.
  const individual = e.workForm === 'individual';
  const counts = findCounts(m, true, individual);
  e.participants = counts.participants;
  e.staffCount = counts.staffCount;
  if (individual && e.participants.total === null) e.participants.total = 1;
  if (!e.workForm && e.participants.total === 1) e.workForm = 'individual';
  const p = e.participants;
  if (e.workForm === 'individual' && p.total === 1 && p.girls === null && p.boys === null && p.nonBinary === null) {
    const gender = findSingleGender(m);
    if (gender) p[gender] = 1;
  }

  e.youthLed = findYouthLed(s);
  const themes = cat?.themes ?? [];
  e.themes = findThemes(s, themes);
  if (e.youthLed && !e.themes.includes('participation') && themes.some((t) => t.key === 'participation')) {
    e.themes.push('participation');
  }
  return e;
}

/** Extracts what a message states; fields it does not state stay null. Never throws. */
export function extract(text: string, ctx: ExtractContext): EntryFields {
  try {
    return run(text, ctx);
  } catch {
    const e = emptyEntry();
    e.date = typeof ctx?.today === 'string' ? ctx.today : null;
    e.notes = typeof text === 'string' ? text.trim() || null : null;
    return e;
  }
}
