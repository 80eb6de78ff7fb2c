/** Session length: explicit durations ("2h", "puoli tuntia", "en timme") or a time range ("16-18"). */
import { matches } from './normalise';
import { numberValue } from './numbers';
import { genderPairSpans } from './counts';
import type { Span } from './dates';

export interface DurationFound {
  minutes: number | null;
  /** Spans of times and durations, so counts do not take them. */
  spans: Span[];
}

const H = '(?:h|hr|hrs|hour|hours|tunti|tuntia|tunnin|tuntii|tuntis|t|tim|timme|timmar|timmen|timmes|std)';
const M = '(?:min|mins|minute|minutes|minuutti|minuuttia|minuutin|minsa|minuter|minuten|minuters|m)';
const NUM = '(\\d{1,2}(?:[.,]\\d{1,2})?|½|\\d\\s?½)';

const HOURS_MIN_RE = new RegExp(
  `(?<![\\d.,:/])${NUM}\\s*-?\\s*${H}(?![\\p{L}])(?:\\s*(?:and|ja|och|\\+)?\\s*(\\d{1,2})\\s*${M}(?![\\p{L}])|(\\d{2})(?![\\d\\p{L}]))?`,
  'gu');
const M2 = '(?:min|mins|minute|minutes|minuutti|minuuttia|minuutin|minsa|minuter|minuten|minuters)';
const MIN_RE = new RegExp(`(?<![\\d.,:/])(\\d{1,3})\\s*-?\\s*${M2}(?![\\p{L}])`, 'gu');
const WORD_UNIT_RE = new RegExp(
  `(?<![\\p{L}])([\\p{L}]+(?:-[\\p{L}]+)?)\\s+(?:of\\s+)?(hours?|tuntia|tunnin|tuntii|timmar|timme|minutes|minuuttia|minuutin|minuter|mins?)(?![\\p{L}])`,
  'gu');
const PHRASES: [RegExp, number][] = [
  [/(?<![\p{L}])(?:an?|one) hour and a half(?![\p{L}])|(?<![\p{L}])one and a half hours?|puol(?:i)?toista tunti\p{L}*|en och en halv timme|en och en halv timma|1,5 timme/u, 90],
  [/(?<![\p{L}])(?:half an hour|half hour|puoli ?tuntia|puolen tunnin|puolisen tuntia|puolisen tunnin|en halvtimme|en halvtimma|halvtimme|halvtimma|en halv timme|en halvtimmes?|halvtimmen)(?![\p{L}])/u, 30],
  [/(?<![\p{L}])(?:a quarter of an hour|quarter of an hour|vartin|vartti|en kvart|kvart)(?![\p{L}])/u, 15],
  [/(?<![\p{L}])(?:a couple of hours|a couple hours|couple of hours|pari tuntia|parisen tuntia|ett par timmar|några timmar)(?![\p{L}])/u, 120],
];

/** "2 and a half hours", "två och en halv timme", "kaksi ja puoli tuntia". */
const AND_A_HALF_RE =
  /(?<![\p{L}\d])(\d{1,2}|\p{L}+) (?:and a half|och en halv|ja puoli) (?:hours?|hrs?|timmar|timme|timma|tuntia|tunnin)(?![\p{L}])/gu;

/** Before a duration, a count of repeated sessions: "2 x 45 min", "3×20min", "2 kertaa 45 min", "2 gånger 30 min". */
const TIMES_BEFORE_RE =
  /(?<![\d.,:/\p{L}])(\d|two|three|four|kaksi|kaks|kolme|neljä|två|tre|fyra) ?(?:x|×|\*|kertaa|times|gånger|ggr) ?$/u;

/** How many times a duration starting at index is repeated, and where that count starts; null when it is not. */
function repeatedBefore(s: string, index: number): { times: number; start: number } | null {
  const c = s.charCodeAt(index - 1);
  // only after "x", "×", "*", a letter of "kertaa/times/gånger/ggr", or a space
  if (index < 2 || !(c === 32 || c === 120 || c === 215 || c === 42 || c === 97 || c === 115 || c === 114)) return null;
  const m = TIMES_BEFORE_RE.exec(s.slice(Math.max(0, index - 14), index));
  if (!m) return null;
  const times = /^\d/.test(m[1]) ? +m[1] : numberValue(m[1]);
  return times !== null && times > 1 ? { times, start: index - m[0].length } : null;
}

const BARE_HOUR = /(?<![\p{L}])(?:(?:an|one) hour|tunnin|tunti|tunnin ajan|en timme|en timma|timmen)(?![\p{L}])/u;

function num(s: string): number {
  if (s.includes('½')) {
    const whole = s.replace('½', '').trim();
    return (whole ? parseFloat(whole) : 0) + 0.5;
  }
  return parseFloat(s.replace(',', '.'));
}

// A time range: "16-18", "16:00-18:00", "klo 15.00–16.30", "2-4pm", "from 6 to 9", "21 to 01".
const T = '(\\d{1,2})(?:[:.](\\d{2}))?\\s*(am|pm|a\\.m\\.|p\\.m\\.)?';
const RANGE_RE = new RegExp(
  `(?<![\\d.,:/-])(?:(klo|kl|kello|at|from|between|mellan|från|fr\\.o\\.m\\.?|välillä)\\.?\\s*)?${T}\\s*(-|to|till|until|tills|and|och)\\s*(?:klo\\s*)?${T}(?![\\d]|[.,:]\\d)`,
  'g');
const SINGLE_TIME_RE =
  /(?<![\d.,:/])(?:(?:klo|kl|kello|at)\.?\s*\d{1,2}(?:[:.]\d{2})?(?:\s*(?:am|pm))?|\d{1,2}[:.]\d{2}(?:\s*(?:am|pm))?|\d{1,2}\s*(?:am|pm))(?![\d\p{L}])/gu;
/** After a range: a count noun or age word makes it a number range, not a time. */
const NOT_TIME_AFTER =
  /^\s*-?\s*(?:[\p{L}]*(?:kids|young|youth|teen|people|person|girl|boy|nuor|las|tyt|poik|pojk|kill|tjej|flick|ungdom|barn|deltag|besök|osallistuj|kävij)|vuot|år|year|yrs|(?:v|h)(?![\p{L}])|hours?|tunti|min|timm|%|€|eur|kr)/u;

/** After a range, a place ("16-18 nuorisotilalla", "15-20 ungdomsgården") keeps it a time. */
const PLACE_AFTER = /^\s*(?:nuoriso|ungdomsgård|fritidsgård|youth (?:centre|center|club))/u;

/** Before a range: a count noun ("kävijöitä 5-6") makes it a number range. */
const COUNT_BEFORE = /(?:kids|youths?|people|girls|boys|nuoria|kävijöitä|osallistujia|tyttöjä|poikia|ungdomar|deltagare|besökare|tjejer|killar)\s*:?\s*$/u;

function rangeMinutes(m: RegExpExecArray): number | null {
  const [, prefix, h1s, m1s, ap1, conn, h2s, m2s, ap2] = m;
  let h1 = +h1s;
  let h2 = +h2s;
  const m1 = m1s ? +m1s : 0;
  const m2 = m2s ? +m2s : 0;
  if (h1 > 24 || h2 > 24 || m1 > 59 || m2 > 59) return null;
  const hasMin = !!(m1s || m2s);
  const pm2 = ap2 && ap2.startsWith('p');
  if ((conn === 'and' || conn === 'och') && !prefix) return null;
  if (!prefix && !hasMin && !ap1 && !ap2) {
    if (conn !== '-' && !(h1s.length === 2 || h2s.length === 2)) return null;
    // "3-6" in a log is an afternoon: 15-18.
    if (h1 < 8 && h2 < 12) {
      if (h1 === 0 || h2 <= h1 || h2 > 11) return null;
      h1 += 12;
      h2 += 12;
    }
  }
  if (pm2 && h2 < 12) {
    h2 += 12;
    if (!ap1 && h1 + 12 <= h2) h1 += 12;
  } else if (ap1 && ap1.startsWith('p') && h1 < 12) h1 += 12;
  const start = h1 * 60 + m1;
  let end = h2 * 60 + m2;
  if (end <= start) end += end + 720 > start && h2 < 12 ? 720 : 1440;
  const d = end - start;
  return d > 0 && d <= 16 * 60 ? d : null;
}

/** Opening and closing times named apart: "opened at 6, closed 9:30". */
const CLOCK = '(\\d{1,2})(?:[:.](\\d{2}))?\\s*(am|pm)?';
const OPEN_CLOSE_RE = new RegExp(
  `(?<![\\p{L}])(?:opened|opening|open|avattiin|avasimme|avasin|aukesi|öppnade|öppnades|öppnar)(?![\\p{L}])[^.!?\\n\\d]{0,40}?(?:at|klo|kl|kello)?\\.?\\s*${CLOCK}(?![\\d\\p{L}])[^.!?\\n\\d]{0,20}?(?:closed|closing|close|shut|suljettiin|suljimme|suljin|sulki|stängde|stängdes|stänger)(?![\\p{L}])\\s*(?:at|klo|kl|kello)?\\.?\\s*${CLOCK}(?![\\d\\p{L}])`,
  'u');

const MIDNIGHT_RE = /(?<![\p{L}])(?:midnight|midnatt|keskiyö\p{L}*|puoleenyöhön|puoliyö\p{L}*)(?![\p{L}])/gu;

/** Blanks gender shorthand ("16p/10t") and writes "midnight" as 24, keeping every offset. */
function prepare(s: string): string {
  let out = s;
  for (const p of genderPairSpans(s)) out = out.slice(0, p.start) + ' '.repeat(p.end - p.start) + out.slice(p.end);
  if (/mid|keskiy|puol/.test(out)) out = out.replace(MIDNIGHT_RE, (w: string) => '24'.padEnd(w.length, ' '));
  return out;
}

/** Finds the duration in minutes (explicit length first, then a time range). */
export function findDuration(text: string): DurationFound {
  const s = prepare(text);
  const spans: Span[] = [];
  let explicit: number | null = null;
  const take = (m: RegExpExecArray, minutes: number | null): void => {
    spans.push({ start: m.index, end: m.index + m[0].length });
    if (explicit === null && minutes !== null && minutes > 0 && minutes <= 24 * 60) explicit = Math.round(minutes);
  };
  let rest = s;
  const blank = (m: RegExpExecArray): void => {
    rest = rest.slice(0, m.index) + ' '.repeat(m[0].length) + rest.slice(m.index + m[0].length);
  };
  for (const m of matches(HOURS_MIN_RE, s)) {
    const h = num(m[1]);
    const extra = m[2] ? +m[2] : m[3] ? +m[3] : 0;
    const rep = repeatedBefore(s, m.index);
    take(m, (h * 60 + extra) * (rep?.times ?? 1));
    if (rep) spans.push({ start: rep.start, end: m.index });
    blank(m);
  }
  for (const m of matches(AND_A_HALF_RE, s)) {
    const h = /^\d/.test(m[1]) ? +m[1] : numberValue(m[1]);
    if (h !== null) {
      take(m, h * 60 + 30);
      blank(m);
    }
  }
  for (const [re, minutes] of PHRASES) {
    const m = re.exec(rest);
    if (m) {
      take(m, minutes);
      blank(m);
    }
  }
  for (const m of matches(WORD_UNIT_RE, rest)) {
    const v = numberValue(m[1]);
    if (v === null || m[1] === 'a' || m[1] === 'an') continue;
    take(m, /^(h|t)/.test(m[2]) ? v * 60 : v);
    blank(m);
  }
  const m60 = BARE_HOUR.exec(rest);
  if (m60) {
    take(m60, 60);
    blank(m60);
  }
  for (const m of matches(MIN_RE, rest)) {
    const rep = repeatedBefore(rest, m.index);
    take(m, +m[1] * (rep?.times ?? 1));
    if (rep) spans.push({ start: rep.start, end: m.index });
    blank(m);
  }
  let range: number | null = null;
  for (const m of matches(RANGE_RE, rest)) {
    const after = rest.slice(m.index + m[0].length, m.index + m[0].length + 24);
    if (NOT_TIME_AFTER.test(after) && !PLACE_AFTER.test(after)) continue;
    if (COUNT_BEFORE.test(rest.slice(Math.max(0, m.index - 24), m.index))) continue;
    const d = rangeMinutes(m);
    if (d === null) continue;
    spans.push({ start: m.index, end: m.index + m[0].length });
    if (range === null) range = d;
    blank(m);
  }
  if (range === null && explicit === null) {
    // "opened at 6, closed 9:30", "avattiin klo 16 ja suljettiin 20", "öppnade kl 18, stängde 21"
    const m = OPEN_CLOSE_RE.exec(rest);
    if (m) range = rangeMinutes(['', 'from', m[1], m[2], m[3], '-', m[4], m[5], m[6]] as unknown as RegExpExecArray);
  }
  for (const m of matches(SINGLE_TIME_RE, rest)) spans.push({ start: m.index, end: m.index + m[0].length });
  return { minutes: explicit ?? range, spans };
}

/** A short duration answer: "2h", "90 min", "puoli tuntia", "16-18"; a bare number is hours up to 12, else minutes. */
export function parseDurationAnswer(s: string): number | null {
  const d = findDuration(s).minutes;
  if (d !== null) return d;
  const m = /^\s*(?:about|noin|n\.?|ca\.?|runt|ungefär|~)?\s*(\d{1,3}(?:[.,]\d)?)\s*$/.exec(s);
  if (!m) return null;
  const v = parseFloat(m[1].replace(',', '.'));
  if (!(v > 0)) return null;
  return v <= 12 ? Math.round(v * 60) : Math.round(v);
}
