/**
 * Goal commands in fi, sv and en: "goal girls share at least 40 %", "tavoite kävijät 300 kuukaudessa",
 * "mål Kallio nya 10 per vecka", "remove goal girls share", "tavoitteet". The metric is read with the report
 * questions' words; what is left beside the metric, the target and per month or week names the unit.
 */
import type { GoalComparator, GoalPer } from '../../reports/goal';
import type { Metric } from '../../reports/query';
import { normalise } from '../nlu/normalise';
import { B, E, Scan, words } from '../reports/scan';
import { METRIC_WORDS, SHARE_WORD } from '../reports/vocabulary';
import type { AdminCommand } from './commands';

type GoalCommand = Extract<AdminCommand, { kind: 'setGoal' | 'removeGoal' | 'listGoals' }>;

const LIST: RegExp[] = [
  /^(?:(?:show|list) )?(?:(?:all|our|the) )*(?:goals|targets)$/iu,
  /^(?:(?:näytä|listaa) )?(?:kaikki )?(?:tavoitteet|tavoitteemme)$/iu,
  /^(?:(?:visa|lista) )?(?:alla )?(?:mål|målen|våra mål)$/iu,
];

/** `explicit`: a verb says a goal is being set, so even an unreadable one is answered with how to write it. */
const SET: { re: RegExp; explicit: boolean }[] = [
  { re: /^(?:set|add|new) (?:a |an |the |our )?(?:new )?(?:goal|target)(?: for| of)?:? (?<rest>.+)$/iu, explicit: true },
  { re: /^goal(?: for)?:? (?<rest>.+)$/iu, explicit: false },
  { re: /^(?:(?:aseta|lisää) (?:uusi )?|uusi )tavoite:? (?<rest>.+)$/iu, explicit: true },
  { re: /^tavoite:? (?<rest>.+)$/iu, explicit: false },
  { re: /^(?:(?:sätt|lägg till|ställ in) (?:ett )?(?:nytt )?|nytt )mål(?:et)?(?: för)?:? (?<rest>.+)$/iu, explicit: true },
  { re: /^mål(?:et)?(?: för)?:? (?<rest>.+)$/iu, explicit: false },
];

const REMOVE: RegExp[] = [
  /^(?:remove|delete|drop|clear) (?:the |our )?(?:goal|target)(?: for| of)?:?(?: (?<rest>.+))?$/iu,
  /^poista tavoite:?(?: (?<rest>.+))?$/iu,
  /^(?:ta bort|radera) mål(?:et)?(?: för)?:?(?: (?<rest>.+))?$/iu,
];

const PER_WORDS: [Exclude<GoalPer, 'period'>, RegExp][] = [
  ['month', words([
    'per month', 'a month', 'each month', 'every month', 'monthly', 'in a month', 'per mo',
    'kuukaudessa', 'kuussa', 'kuukausittain', 'per kuukausi', 'kuukaudelle', 'kk:ssa', 'joka kuukausi',
    'per månad', 'i månaden', 'varje månad', 'i månad', 'månadsvis', 'per mån',
  ])],
  ['week', words([
    'per week', 'a week', 'each week', 'every week', 'weekly', 'in a week', 'per wk',
    'viikossa', 'viikoittain', 'per viikko', 'viikolle', 'joka viikko',
    'per vecka', 'i veckan', 'varje vecka', 'veckovis',
  ])],
];
/** "300/month", "10 / vko". */
const PER_SLASH: [Exclude<GoalPer, 'period'>, RegExp][] = [
  ['month', /\/\s*(?:month|mo|kk|kuukausi|mån|månad)(?![\p{L}])/gu],
  ['week', /\/\s*(?:week|wk|vko|vk|viikko|v|vecka)(?![\p{L}])/gu],
];

const AT_MOST = [
  'no more than', 'not more than', 'at most', 'at the most', 'maximum(?: of)?', 'max', 'up to', 'under', 'below', 'less than', 'fewer than', '<=', '≤',
  'enintään', 'korkeintaan', 'maksimissaan', 'alle', 'högst', 'som mest', 'maximalt', 'mindre än', 'färre än',
];
const AT_LEAST = [
  'no less than', 'not less than', 'no fewer than', 'at least', 'minimum(?: of)?', 'over', 'above', 'more than', '>=', '≥',
  'vähintään', 'ainakin', 'yli', 'minimissään', 'minst', 'åtminstone', 'över', 'mer än', 'fler än',
];
const COMPARATOR = new RegExp(`${B}(?:(?<most>${AT_MOST.join('|')})|(?<least>${AT_LEAST.join('|')}))${E}`, 'gu');

const NUMBER = /(?<![\p{L}\d.,])(\d+(?:[.,]\d+)?)(?:\s*(%|percent|per cent|prosenttia|prosentti|procent))?(?![\p{L}\d])/gu;

/** "new" alone ("goal Kallio new 10 per month"): the report words need "new participants". */
const NEW_ALONE = words(['new']);

/** Words around a unit's name that are not part of it. */
const FILLERS = new Set([
  'for', 'in', 'at', 'of', 'the', 'unit', 'our', 'a', 'an', 'to', 'is', 'be', 'should', 'and', 'with',
  'yksikkö', 'yksikön', 'yksikössä', 'yksikölle', 'yksikköön', 'on', 'olla', 'pitäisi', 'ja',
  'för', 'i', 'på', 'vid', 'enhet', 'enheten', 'ska', 'vara', 'av', 'och', 'med',
]);
/** A leftover longer than this is no unit name: the message is something else (a log, say). */
const MAX_UNIT_WORDS = 4;

interface GoalReading {
  metric: Metric | null;
  /** Several metrics were named. */
  ambiguous: boolean;
  unit: string | null;
  unitWords: number;
  comparator: GoalComparator;
  target: number | null;
  percent: boolean;
  per: GoalPer | null;
}

/** A goal command in an already cleaned message (see parseAdminCommand); null when it is none. */
export function parseGoalCommand(text: string): GoalCommand | null {
  if (LIST.some((re) => re.test(text))) return { kind: 'listGoals' };
  for (const re of REMOVE) {
    const m = re.exec(text);
    if (!m) continue;
    const r = readGoal(m.groups?.rest ?? '');
    return { kind: 'removeGoal', metric: r.ambiguous ? null : r.metric, unit: r.unit, per: r.per };
  }
  for (const { re, explicit } of SET) {
    const m = re.exec(text);
    if (!m) continue;
    const r = readGoal(m.groups?.rest ?? '');
    const readable = (r.metric !== null || r.ambiguous) && r.target !== null && r.unitWords <= MAX_UNIT_WORDS;
    if (!readable && !explicit) return null;
    return { kind: 'setGoal', metric: r.ambiguous ? null : r.metric, unit: r.unit, comparator: r.comparator, target: r.target, percent: r.percent, per: r.per };
  }
  return null;
}

function readGoal(rest: string): GoalReading {
  const scan = new Scan(normalise(rest));
  let per: GoalPer | null = null;
  for (const [kind, re] of [...PER_WORDS, ...PER_SLASH]) if (scan.take(re).length && per === null) per = kind;

  const comparators = scan.take(COMPARATOR);
  const comparator: GoalComparator = comparators[0]?.groups?.most ? 'atMost' : 'atLeast';

  const numbers = scan.take(NUMBER);
  const target = numbers.length === 1 ? Number(numbers[0][1].replace(',', '.')) : null;
  const percent = numbers.some((m) => m[2] !== undefined);

  const found = new Set<Metric>();
  for (const [metric, re] of METRIC_WORDS) if (scan.take(re).length) found.add(metric);
  if (scan.take(NEW_ALONE).length) found.add('new');
  const share = scan.take(SHARE_WORD).length > 0 || percent;
  if (share && found.has('girls')) {
    found.delete('girls');
    found.add('girlsShare');
  }
  // "participants" is the general word: a more specific metric beside it wins.
  if (found.size > 1) found.delete('participants');
  const metrics = [...found];

  const unit = leftover(rest, scan);
  return {
    metric: metrics.length === 1 ? metrics[0] : null,
    ambiguous: metrics.length > 1,
    unit: unit.text,
    unitWords: unit.words,
    comparator,
    target,
    percent,
    per,
  };
}

/** What no rule read, in its original letters, without the filler words at its ends. */
function leftover(original: string, scan: Scan): { text: string | null; words: number } {
  const source = original.length === scan.rest.length ? original : scan.text;
  const kept = scan.rest.split('').map((ch, i) => (ch === ' ' ? ' ' : source[i])).join('');
  const tokens = kept.split(/[\s,;:–—]+/u).filter((token) => token && !/^[-.!?()]+$/u.test(token));
  while (tokens.length && FILLERS.has(tokens[0].toLowerCase())) tokens.shift();
  while (tokens.length && FILLERS.has(tokens[tokens.length - 1].toLowerCase())) tokens.pop();
  const text = tokens.join(' ').replace(/^["'“”]+|["'“”]+$/gu, '').trim();
  return { text: text || null, words: tokens.length };
}
