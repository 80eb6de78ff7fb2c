/**
 * The period a report question names, in fi, sv or en: explicit dates and ranges, "last N days",
 * week numbers, months (most recent past or current), seasons, this/last week, month or year, a year.
 * Seasons follow the youth-work terms: spring January–May, summer June–July, autumn August–December.
 */
import { parseDateAnswer } from '../nlu/dates';
import { numberValue } from '../nlu/numbers';
import {
  addDays,
  addMonths,
  daysInMonth,
  isoOf,
  isoWeekPeriod,
  monthPeriod,
  weekOf,
  yearPeriod,
} from '../../reports/period';
import type { Period } from '../../reports/query';
import { B, E, Scan, words } from './scan';

export type PeriodResult = { period: Period } | { ambiguous: true } | null;

const MONTHS: [number, string][] = [
  [1, 'january|tammikuu\\p{L}*|januari'],
  [2, 'february|helmikuu\\p{L}*|februari'],
  [3, 'march|maaliskuu\\p{L}*|mars'],
  [4, 'april|huhtikuu\\p{L}*'],
  // "may" is also a verb: a month only after in/during/of/last/this or before a year
  [5, '(?<=(?:in|during|of|for|since|last|this) )may|may(?= \\d{4})|toukokuu\\p{L}*|maj'],
  [6, 'june|kesäkuu\\p{L}*|juni'],
  [7, 'july|heinäkuu\\p{L}*|juli'],
  [8, 'august|elokuu\\p{L}*|augusti'],
  [9, 'september|syyskuu\\p{L}*'],
  [10, 'october|lokakuu\\p{L}*|oktober'],
  [11, 'november|marraskuu\\p{L}*'],
  [12, 'december|joulukuu\\p{L}*'],
];
const FI_MONTH_PREFIX = ['tammi', 'helmi', 'maalis', 'huhti', 'touko', 'kesä', 'heinä', 'elo', 'syys', 'loka', 'marras', 'joulu'];

const MONTH_ALT = MONTHS.map(([, src]) => `(${src})`).join('|');
const MONTH_RE = new RegExp(`${B}(?:(?:in|during|i|under|för|for)\\s+)?(?:${MONTH_ALT})${E}`, 'gu');
/** "maalis–toukokuussa", "March to May", "mars–maj", "from March till May". */
const MONTH_RANGE_RE = new RegExp(
  `${B}(?:from\\s+|från\\s+)?(?:(${FI_MONTH_PREFIX.join('|')})-|(?:${MONTH_ALT})\\s*(?:-|–|to|till|through|until|thru)\\s*)(?:${MONTH_ALT})${E}`,
  'gu',
);

function monthNumber(word: string): number | null {
  const w = word.replace(/^(?:in|during|i|under|för|for|from|från)\s+/, '');
  if (w === 'may') return 5;
  for (const [n, src] of MONTHS) if (new RegExp(`^(?:${src})$`, 'u').test(w)) return n;
  return null;
}

type Season = 'spring' | 'summer' | 'autumn';
const SEASON_MONTHS: Record<Season, [number, number]> = { spring: [1, 5], summer: [6, 7], autumn: [8, 12] };

const SEASONS: [Season, RegExp][] = [
  ['autumn', words(['(?:this |last |the )?(?:autumn|fall)(?: term| semester)?', '(?:tänä |viime )?syksy(?:llä|n|nä|ä)?', 'syyskau(?:si|della|den|della)', 'syyslukukau\\p{L}*', 'i höstas', 'i höst', '(?:under |förra )?hösten', 'höstterminen'])],
  ['spring', words(['(?:this |last |the )?spring(?: term| semester)?', '(?:tänä |viime )?kevää(?:llä|n|nä)', '(?:tänä |viime )?kevät', 'kevätkau(?:si|della|den)', 'kevätlukukau\\p{L}*', 'i våras', 'i vår', '(?:under |förra )?våren', 'vårterminen'])],
  ['summer', words(['(?:this |last |the )?summer', '(?:tänä |viime )?kesä(?:llä|nä)', 'kesän', 'i somras', 'i sommar', '(?:under |förra )?sommaren'])],
];
const LAST_SEASON = /^(?:last|viime|förra)/;

const YEAR_RE = new RegExp(`${B}(?:(?:in|year|vuonna|vuoden|vuosi|år|året|under)\\s+)?((?:19|20)\\d{2})(?::\\p{L}+)?(?![\\d/.-]\\d)`, 'gu');
const YEAR_RANGE_RE = new RegExp(`${B}((?:19|20)\\d{2})\\s*(?:-|–|to|till)\\s*((?:19|20)\\d{2})(?!\\d)`, 'gu');
const YEAR_BEFORE_LAST = words(['the year before last', 'toissa vuonna', 'toissa vuoden', 'toissavuonna', 'förrförra året', 'i förrfjol']);
const LAST_YEAR = words([
  'last year(?:\'s)?', 'previous year', 'past year', 'viime vuo(?:nna|den|si|teen)', 'edellise(?:nä|n) vuo(?:nna|den)', 'förra året(?:s)?', 'föregående år(?:et)?', 'i fjol', 'ifjol',
]);
const THIS_YEAR = words([
  '(?:so far )?this year(?: so far)?', 'current year', 'year to date', 'ytd', 'tänä vuonna', 'tämän vuoden', 'kuluva(?:n|na) vuo(?:den|nna)', 'tähän mennessä tänä vuonna', '(?:hittills )?i år', 'det här året', 'detta år(?:et)?', 'innevarande år',
]);
const LAST_MONTH = words(['last month', 'previous month', 'past month', 'viime kuu(?:ssa|n|lta|kautena)?', 'edellise(?:ssä|n|llä) kuu(?:ssa|n|kaudella|kautena)', 'förra månaden', 'föregående månad(?:en)?', 'senaste månaden']);
const THIS_MONTH = words(['this month', 'current month', 'tä(?:ssä|män|llä) kuu(?:ssa|n|lla|kaudella)', 'kuluva(?:n|na|ssa) kuu(?:n|ssa|kautena)', 'den här månaden', 'denna månad', 'innevarande månad']);
const LAST_WEEK = words(['last week', 'previous week', 'past week', 'viime viikolla', 'viime viikon', 'edellisellä viikolla', 'förra veckan', 'föregående vecka']);
const THIS_WEEK = words(['this week', 'tällä viikolla', 'tämän viikon', 'den här veckan', 'denna vecka', 'i veckan']);
const TODAY = words(['today', 'tänään', 'idag', 'i dag']);
const YESTERDAY = words(['yesterday', 'eilen', 'igår', 'i går']);
const WEEK_NUMBER = new RegExp(`${B}(?:week|wk|viikko|viikolla|viikon|vko|vk|vecka|veckan|v)\\.?\\s*(\\d{1,2})(?:\\s*(?:\\/|,)?\\s*((?:19|20)\\d{2}))?(?!\\d)`, 'gu');
const LAST_N = new RegExp(
  `${B}(?:(?:the\\s+)?(?:last|past|previous)|viimeise(?:t|n|ssä)|edellise(?:t|n)|senaste|de senaste)\\s+(\\d{1,3}|\\p{L}+)\\s+` +
    '(days|weeks|months|päivää|päivän|viikkoa|viikon|kuukautta|kuukauden|dagarna|dagar|veckorna|veckor|månaderna|månader)(?![\\p{L}])',
  'gu',
);

const ISO_DATE = /(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)/g;
const DMY_DATE = /(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2}(?!\d))?/g;
const TEXT_DATE = new RegExp(`(?<!\\d)(\\d{1,2})(?:\\.|:e|:a|st|nd|rd|th)?\\s+(?:of\\s+)?(?:${MONTH_ALT})${E}(?:\\s+((?:19|20)\\d{2}))?`, 'gu');

interface DateHit {
  iso: string;
  hasYear: boolean;
  at: number;
}

function explicitDates(scan: Scan, today: string): DateHit[] {
  const hits: DateHit[] = [];
  for (const m of scan.take(ISO_DATE)) {
    const iso = parseDateAnswer(m[0], today);
    if (iso) hits.push({ iso, hasYear: true, at: m.index });
  }
  for (const m of scan.take(DMY_DATE)) {
    const iso = parseDateAnswer(m[0].endsWith('.') || m[3] ? m[0] : `${m[0]}.`, today);
    if (iso) hits.push({ iso, hasYear: m[3] !== undefined, at: m.index });
  }
  for (const m of scan.take(TEXT_DATE)) {
    const iso = parseDateAnswer(m[0], today);
    if (iso) hits.push({ iso, hasYear: m[2] !== undefined, at: m.index });
  }
  return hits.sort((a, b) => a.at - b.at);
}

/** The month's year: the most recent past or current such month. */
function recentYear(month: number, today: string): number {
  const [y, m] = today.split('-').map(Number);
  return month <= m ? y : y - 1;
}

function seasonPeriod(season: Season, year: number): Period {
  const [first, last] = SEASON_MONTHS[season];
  return { from: isoOf(year, first, 1), to: isoOf(year, last, daysInMonth(year, last)) };
}

function countWord(token: string): number | null {
  const n = numberValue(token);
  return n !== null && n > 0 && n <= 500 ? n : null;
}

/**
 * Finds and blanks the period of a question. Year words combine with a month or season
 * ("March last year", "syksyllä 2025"); two periods that do not combine are ambiguous.
 */
export function findPeriod(scan: Scan, today: string): PeriodResult {
  const [ty, tm] = today.split('-').map(Number);

  const dates = explicitDates(scan, today);
  if (dates.length > 2) return { ambiguous: true };
  if (dates.length === 2) {
    const to = dates[1].iso;
    let from = dates[0].iso;
    if (from > to && !dates[0].hasYear) from = addMonths(from, -12);
    if (from > to) return { ambiguous: true };
    return { period: { from, to } };
  }
  if (dates.length === 1) return { period: { from: dates[0].iso, to: dates[0].iso } };

  const lastN = scan.take(LAST_N);
  if (lastN.length) {
    const n = countWord(lastN[0][1]);
    if (n === null || lastN.length > 1) return { ambiguous: true };
    const unit = lastN[0][2];
    if (/^(?:day|päiv|dag)/.test(unit)) return { period: { from: addDays(today, 1 - n), to: today } };
    if (/^(?:week|viiko|veck)/.test(unit)) return { period: { from: addDays(today, 1 - 7 * n), to: today } };
    return { period: { from: addDays(addMonths(today, -n), 1), to: today } };
  }

  const weekNumbers = scan.take(WEEK_NUMBER);
  const yearRanges = scan.take(YEAR_RANGE_RE);
  const beforeLast = scan.take(YEAR_BEFORE_LAST).length > 0;
  const lastYear = scan.take(LAST_YEAR).length > 0;
  const thisYear = scan.take(THIS_YEAR).length > 0;
  const years = [...new Set(scan.take(YEAR_RE).map((m) => Number(m[1])))];
  const yearWords = [beforeLast, lastYear, thisYear].filter(Boolean).length + years.length;
  if (yearWords > 1 || (yearRanges.length && yearWords)) return { ambiguous: true };
  const namedYear: number | null = beforeLast ? ty - 2 : lastYear ? ty - 1 : thisYear ? ty : (years[0] ?? null);

  if (weekNumbers.length) {
    if (weekNumbers.length > 1) return { ambiguous: true };
    const week = Number(weekNumbers[0][1]);
    const explicitYear = weekNumbers[0][2] ? Number(weekNumbers[0][2]) : namedYear;
    let period = isoWeekPeriod(explicitYear ?? ty, week);
    if (explicitYear === null && period && period.from > today) period = isoWeekPeriod(ty - 1, week);
    return period ? { period } : { ambiguous: true };
  }

  const monthRanges = scan.take(MONTH_RANGE_RE);
  if (monthRanges.length) {
    if (monthRanges.length > 1) return { ambiguous: true };
    const m = monthRanges[0];
    const parts = m.slice(1).filter((g): g is string => g !== undefined);
    const first = m[1] !== undefined ? FI_MONTH_PREFIX.indexOf(m[1]) + 1 : monthNumber(parts[0]);
    const last = monthNumber(parts[parts.length - 1]);
    if (!first || !last) return { ambiguous: true };
    const endYear = namedYear ?? recentYear(last, today);
    const startYear = first <= last ? endYear : endYear - 1;
    return { period: { from: monthPeriod(startYear, first).from, to: monthPeriod(endYear, last).to } };
  }

  const months = scan.take(MONTH_RE);
  if (months.length) {
    const numbers = [...new Set(months.map((m) => monthNumber(m[0])))];
    if (numbers.length > 1 || numbers[0] === null) return { ambiguous: true };
    const month = numbers[0];
    return { period: monthPeriod(namedYear ?? recentYear(month, today), month) };
  }

  const seasons: { season: Season; last: boolean }[] = [];
  for (const [season, re] of SEASONS) for (const m of scan.take(re)) seasons.push({ season, last: LAST_SEASON.test(m[0]) });
  if (seasons.length) {
    if (new Set(seasons.map((s) => s.season)).size > 1) return { ambiguous: true };
    const { season, last } = seasons[0];
    const [first, end] = SEASON_MONTHS[season];
    let year = namedYear ?? (tm >= first ? ty : ty - 1);
    if (namedYear === null && last && tm >= first && tm <= end) year -= 1;
    return { period: seasonPeriod(season, year) };
  }

  if (yearRanges.length) {
    if (yearRanges.length > 1) return { ambiguous: true };
    const [a, b] = [Number(yearRanges[0][1]), Number(yearRanges[0][2])];
    if (a > b) return { ambiguous: true };
    return { period: { from: yearPeriod(a).from, to: yearPeriod(b).to } };
  }

  const relative: Period[] = [];
  if (scan.take(LAST_MONTH).length) relative.push(monthPeriod(...yearMonth(addMonths(today, -1))));
  if (scan.take(THIS_MONTH).length) relative.push(monthPeriod(ty, tm));
  if (scan.take(LAST_WEEK).length) relative.push(weekOf(addDays(today, -7)));
  if (scan.take(THIS_WEEK).length) relative.push(weekOf(today));
  if (scan.take(YESTERDAY).length) relative.push({ from: addDays(today, -1), to: addDays(today, -1) });
  if (scan.take(TODAY).length) relative.push({ from: today, to: today });
  if (relative.length > 1 || (relative.length && namedYear !== null)) return { ambiguous: true };
  if (relative.length) return { period: relative[0] };

  if (namedYear !== null) return { period: yearPeriod(namedYear) };
  return null;
}

function yearMonth(iso: string): [number, number] {
  const [y, m] = iso.split('-').map(Number);
  return [y, m];
}
