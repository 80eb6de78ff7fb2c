import { matches } from './normalise';

/** Dates in a message: explicit (24.11., 24/11, ISO, "24 November"), relative words and weekdays. */

export interface Span {
  start: number;
  end: number;
}

export interface DateFound {
  date: string | null;
  spans: Span[];
}

const DAY_MS = 86_400_000;

function parseIso(today: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(today);
  if (!m) return null;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return isNaN(d.getTime()) ? null : d;
}

function iso(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** today plus n days, as YYYY-MM-DD. */
export function addDays(today: string, n: number): string | null {
  const d = parseIso(today);
  return d ? iso(new Date(d.getTime() + n * DAY_MS)) : null;
}

function validDate(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 2200) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1) return null;
  return iso(dt);
}

/** A day and month with an optional year; without a year, a future date means last year. */
function resolve(today: string, day: number, month: number, year: number | null): string | null {
  const t = parseIso(today);
  if (!t) return null;
  if (year !== null) {
    if (year < 100) year += 2000;
    return validDate(year, month, day);
  }
  const y = t.getUTCFullYear();
  const d = validDate(y, month, day);
  if (d && d > today) return validDate(y - 1, month, day);
  return d;
}

const MONTHS: [RegExp, number][] = [
  [/^(january|jan|tammikuu|tammi|januari)/, 1],
  [/^(february|feb|helmikuu|helmi|februari)/, 2],
  [/^(march|mar(?!r)|maaliskuu|maalis|mars)/, 3],
  [/^(april|apr|huhtikuu|huhti)/, 4],
  [/^(may|toukokuu|touko|maj)/, 5],
  [/^(june|jun|kesäkuu|juni)/, 6],
  [/^(july|jul|heinäkuu|heinä|juli)/, 7],
  [/^(august|aug|elokuu|augusti)/, 8],
  [/^(september|sept|sep|syyskuu|syys)/, 9],
  [/^(october|oct|lokakuu|loka|oktober|okt)/, 10],
  [/^(november|nov|marraskuu|marras)/, 11],
  [/^(december|dec|joulukuu|joulu)/, 12],
];
const MONTH_WORD =
  '(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec|' +
  '(?:tammi|helmi|maalis|huhti|touko|kesä|heinä|elo|syys|loka|marras|joulu)kuu(?:ta|n|ssa)?|' +
  'januari|februari|mars|maj|juni|juli|augusti|oktober|okt)';

function monthOf(word: string): number | null {
  for (const [re, n] of MONTHS) if (re.test(word)) return n;
  return null;
}

const ISO_RE = /(?<![\d])(\d{4})-(\d{1,2})-(\d{1,2})(?![\d])/g;
const DMY_RE = /(?<![\d.:,])(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2}(?![\d]))?/g;
const NODOT_RE = /(?<![\d.:,/])(\d{1,2})\.(\d{1,2})(?![\d.:/]|,\d)/g;
const SLASH_RE = /(?<![\d/])(\d{1,2})\/(\d{1,2})(?:\/(\d{4}|\d{2}))?(?![\d/])/g;
const DAY_MONTH_RE = new RegExp(
  `(?<![\\d])(\\d{1,2})(?:\\.|:e|:a|st|nd|rd|th)?\\s*(?:of\\s+)?(${MONTH_WORD})(?![\\p{L}])(?:\\s+(\\d{4}))?`, 'gu');
const MONTH_DAY_RE = new RegExp(`(?<![\\p{L}])(${MONTH_WORD})\\s+(\\d{1,2})(?:st|nd|rd|th)?(?![\\d])`, 'gu');

const BEFORE_YESTERDAY =
  /day before yesterday|toissa ?päivänä|toissa ?iltana|toissa ?päivä|toissapäivän|i ?förrgår|förrgår/;
const YESTERDAY =
  /(?<![\p{L}])(?:yesterday|yday|yest|last (?:night|nite|evening)|eilen|eiln|eilein|eilinen|eilis\p{L}*|gårdagens|gårdagen|i ?går\p{L}*|igår|ig[aå]r)(?![\p{L}])/u;

const WEEKDAYS: [RegExp, number][] = [
  [/^(monday|maanantai|måndag|mandag)/, 1],
  [/^(tuesday|tiistai|tisdag)/, 2],
  [/^(wednesday|keskiviikko|onsdag)/, 3],
  [/^(thursday|torstai|torsdag)/, 4],
  [/^(friday|perjantai|fredag)/, 5],
  [/^(saturday|lauantai|lördag|lordag)/, 6],
  [/^(sunday|sunnuntai|söndag|sondag)/, 0],
];
const WEEKDAY_RE =
  /(?<![\p{L}])(monday|tuesday|wednesday|thursday|friday|saturday|sunday|maanantai|tiistai|keskiviikko|torstai|perjantai|lauantai|sunnuntai|måndag|mandag|tisdag|onsdag|torsdag|fredag|lördag|lordag|söndag|sondag)/u;

/** Weekday abbreviations: "ma", "tis", "Sat". Only standalone tokens in a position where they are a day. */
const ABBR: Record<string, number> = {
  ma: 1, ti: 2, ke: 3, to: 4, pe: 5, la: 6, su: 0, mon: 1, tue: 2, tues: 2, wed: 3, thu: 4, thur: 4, thurs: 4, fri: 5,
  sat: 6, sun: 0, weds: 3, mån: 1, tis: 2, ons: 3, tor: 4, tors: 4, fre: 5, lör: 6, sön: 0,
};
const ABBR_SCAN_RE = new RegExp(`(?<![\\p{L}\\d.:'-])(${Object.keys(ABBR).join('|')})(?![\\p{L}\\d'])`, 'gu');
/** Abbreviations that are also common words ("to", "sat", "sun", "ma" = minä, "la" = lade, "tor", "mon"). */
const AMBIGUOUS = new Set(['to', 'sat', 'sun', 'ma', 'la', 'tor', 'mon', 'wed', 'su']);
/** Abbreviations that are nothing but a day, wherever they stand ("jalkautuva työ pe ostarilla"). */
const CLEAR_ABBR = new Set(['ti', 'ke', 'pe', 'tue', 'tues', 'thu', 'thur', 'thurs', 'weds', 'tis', 'ons', 'tors', 'fre', 'lör', 'sön']);
/** "PE" the school subject: "pe lesson", "pe teacher". */
const PE_SUBJECT_AFTER_RE = /^\s+(?:lessons?|class|classes|teacher|kit|dept|department|hall)(?![\p{L}])/u;
/** After the abbreviation (and an optional dot): an evening word ("thu night", "to-iltana", "fre kväll"). */
const EVENING_AFTER_RE = /^(?:\s+|-)(?:night|evening|eve|morning|afternoon|ilta|iltana|illalla|kväll|kvällen)(?![\p{L}])/u;
/** After: a time or a number ("la 16-18", "sat 7h", "ti klo 17", "fri at 7"). */
const TIME_AFTER_RE = /^\s+(?:(klo|kl|kello|at)\.?\s*)?\d/;
/** After: a dash to another day, a span of days ("Fri–Sun", "fre-sön", "pe–su"): dated by its first day. */
const DAY_RANGE_AFTER_RE = new RegExp(`^\\s*[-–]\\s*(?:${Object.keys(ABBR).join('|')}|${WEEKDAY_RE.source.slice(WEEKDAY_RE.source.indexOf('(') , WEEKDAY_RE.source.lastIndexOf(')') + 1)})(?![\\p{L}\\d])`, 'u');
/** An activity noun just before the abbreviation: "Pelikerho ma", "Sählyvuoro ti", "Outreach Sat". */
const ACTIVITY_BEFORE_RE =
  /(?:kerho|vuoro|ryhmä|ilta|treenit|treeni|paja|disko|retki|kahvila|jalkautuminen|grupp|gruppen|klubb|klubben|kväll|kvällen|träff|träffen|fält|group|club|session|outreach|detached|drop-in|night|evening|work)\s*$/u;
/** Before "sat", "sun", "ma", "to": a subject or article makes it a word ("we sat,", "the sun,"). */
const WORD_BEFORE_RE =
  /(?:^|[^\p{L}])(?:we|i|they|he|she|you|who|it|kids|everyone|all|just|then|also|and|the|in|a|ja|och|mä|minä|ne|me|som|att|har|hon|han|vi|de|went|go|going|way|back|up|down|out|over|next)\s*$/u;
/** After "sat": a preposition or adverb makes it the verb ("sat with", "sat down"). */
const VERB_AFTER_RE = /^\s+(?:with|on|in|at|down|around|outside|together|and|by|next|there|for|talking|chatting)(?![\p{L}])/u;

/** The weekday an abbreviation names, or null when none is clearly a day. */
function abbrWeekday(s: string): number | null {
  if (!ABBR_SCAN_RE.test(s)) return null;
  ABBR_SCAN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  let found: number | null = null;
  while ((m = ABBR_SCAN_RE.exec(s)) !== null) {
    const a = m[1];
    let end = m.index + a.length;
    if (s[end] === '.') end++;
    const after = s.slice(end, end + 24);
    const before = s.slice(Math.max(0, m.index - 24), m.index);
    const atStart = s.slice(0, m.index).trim() === '';
    const ambiguous = AMBIGUOUS.has(a);
    let day = false;
    if (EVENING_AFTER_RE.test(after) || DAY_RANGE_AFTER_RE.test(after)) day = true;
    else if (CLEAR_ABBR.has(a) && !(a === 'pe' && PE_SUBJECT_AFTER_RE.test(after))) day = true;
    else if (atStart) day = after === '' || /^[\s\d,:]/.test(after);
    else if (ambiguous && WORD_BEFORE_RE.test(before)) day = false;
    else {
      const time = TIME_AFTER_RE.exec(after);
      if (time) day = a !== 'to' || (time[1] !== undefined && time[1] !== 'at');
      else if (after.startsWith(',') || after === '' || /^\s*[\n;!]/.test(after)) {
        day = !ambiguous || ACTIVITY_BEFORE_RE.test(before) || (a !== 'to' && /[\p{L}]\s+$/u.test(before) && !/^,\s*(?:and|or|ja|och)\s/.test(after));
      } else if (a !== 'to' && ACTIVITY_BEFORE_RE.test(before) && before.length === m.index && !VERB_AFTER_RE.test(after)) {
        // right after the activity noun that opens the message
        day = /^\s*[\p{L}-]+\s*$/u.test(before);
      }
    }
    if (day && a === 'sat' && VERB_AFTER_RE.test(after)) day = false;
    if (day) {
      found = ABBR[a];
      break;
    }
  }
  ABBR_SCAN_RE.lastIndex = 0;
  return found;
}

/** The most recent given weekday strictly before today. */
export function lastWeekday(today: string, weekday: number): string | null {
  const t = parseIso(today);
  if (!t) return null;
  let diff = (t.getUTCDay() - weekday + 7) % 7;
  if (diff === 0) diff = 7;
  return iso(new Date(t.getTime() - diff * DAY_MS));
}

function explicitDate(s: string, today: string, spans: Span[]): string | null {
  let found: string | null = null;
  const take = (m: RegExpExecArray, d: string | null): void => {
    if (!d) return;
    spans.push({ start: m.index, end: m.index + m[0].length });
    if (!found) found = d;
  };
  for (const m of matches(ISO_RE, s)) take(m, validDate(+m[1], +m[2], +m[3]));
  for (const m of matches(DMY_RE, s)) {
    const before = s.slice(Math.max(0, m.index - 6), m.index);
    if (/(klo|kl|kello|-)\s*$/.test(before)) continue;
    take(m, resolve(today, +m[1], +m[2], m[3] ? +m[3] : null));
  }
  // "24.11" without a trailing dot could be a time (18.30) or a decimal (1.5h): only a valid day and
  // month, a two-digit part, no time word before, and no range, unit or minutes after.
  for (const m of matches(NODOT_RE, s)) {
    if (spans.some((p) => m.index < p.end && m.index + m[0].length > p.start)) continue;
    const before = s.slice(Math.max(0, m.index - 8), m.index);
    if (/(?:(?<![\p{L}])(?:klo|kl|kello|at|from|to|till|until|mellan|från)|-|–|:)\s*$/u.test(before)) continue;
    const after = s.slice(m.index + m[0].length, m.index + m[0].length + 12);
    if (/^\s*(?:-|–|(?:to|till|asti|saakka|h|t|hrs?|e|x)(?![\p{L}])|min|tun|tim|hour|%|€|eur|km|kg)/u.test(after)) continue;
    if (m[1].length < 2 && m[2].length < 2) continue;
    if (+m[1] > 31 || +m[2] > 12 || +m[2] < 1) continue;
    take(m, resolve(today, +m[1], +m[2], null));
  }
  for (const m of matches(SLASH_RE, s)) take(m, resolve(today, +m[1], +m[2], m[3] ? +m[3] : null));
  for (const m of matches(DAY_MONTH_RE, s)) {
    const mon = monthOf(m[2]);
    if (mon) take(m, resolve(today, +m[1], mon, m[3] ? +m[3] : null));
  }
  for (const m of matches(MONTH_DAY_RE, s)) {
    const mon = monthOf(m[1]);
    if (mon) take(m, resolve(today, +m[2], mon, null));
  }
  return found;
}

/** Finds the session date; today when the text names none. */
export function findDate(s: string, today: string): DateFound {
  const spans: Span[] = [];
  const explicit = explicitDate(s, today, spans);
  return { date: explicit ?? relativeDate(s, today) ?? (parseIso(today) ? today : null), spans };
}

const TODAY_RE =
  /(?<![\p{L}])(?:today|tonight|this (?:evening|morning|afternoon)|tänään|tänäänki|tänä iltana|tänä aamuna|tänä päivänä|ikväll|i kväll|idag|i dag|i eftermiddag)(?![\p{L}])/u;

/** Relative words and weekdays only; null when there are none. */
export function relativeDate(s: string, today: string): string | null {
  if (BEFORE_YESTERDAY.test(s)) return addDays(today, -2);
  if (YESTERDAY.test(s)) return addDays(today, -1);
  const w = WEEKDAY_RE.exec(s);
  if (w) {
    for (const [re, n] of WEEKDAYS) if (re.test(w[1])) return lastWeekday(today, n);
  }
  const a = abbrWeekday(s);
  if (a !== null) return lastWeekday(today, a);
  if (TODAY_RE.test(s)) return parseIso(today) ? today : null;
  return null;
}

/** A date named in a short answer ("eilen", "24.11.", "lauantaina"), or null. */
export function parseDateAnswer(s: string, today: string): string | null {
  return explicitDate(s, today, []) ?? relativeDate(s, today);
}
