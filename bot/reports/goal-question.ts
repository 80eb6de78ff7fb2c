/**
 * A question about the goals in fi, sv or en: "how are we doing on our goals this year", "tavoitteet tänä
 * vuonna", "hur går det med målen i år". It may name a period (this year when it names none), metrics
 * ("the girls' share goal") and a unit. A message with a count of people in it is a log, never a question.
 */
import { yearPeriod } from '../../reports/period';
import type { Metric, Period } from '../../reports/query';
import type { Catalogue } from '../nlu/catalogue';
import { findUnit } from '../nlu/catalogue-match';
import { escapeRegExp, normalise } from '../nlu/normalise';
import { findPeriod } from './period-words';
import { Scan, words } from './scan';
import { LOGGED_COUNT, METRIC_WORDS, QUESTION_START, SHARE_WORD } from './vocabulary';

export type GoalsQuestion =
  | { kind: 'goals'; period: Period; metrics: Metric[]; unit: string | null }
  /** The period named is unclear ("March and May"). */
  | { kind: 'clarify' };

const GOAL_WORD = words([
  'goals?', 'targets?', 'objectives?',
  'tavoite(?:tta)?', 'tavoittee(?:t|n|mme|ssa|seen|na)', 'tavoittei(?:ta|den|ssa|siin|sta|tamme|ssamme|siimme|lla)',
  'mål(?:en|et|s)?', 'målsättning(?:en|ar|arna)?',
]);

/** Words that ask how things stand: with a goal word, the message is a question whatever else it says. */
const CUES = words([
  'how are we(?: doing)?', 'how do we', 'how did we', 'how is', 'how are', 'how\'s', 'are we', 'did we', 'have we', 'progress', 'status', 'on track',
  'miten', 'kuinka', 'onko', 'ollaanko', 'päästiinkö', 'saavutettiinko', 'saavutimmeko', 'missä mennään', 'tilanne',
  'hur går det', 'hur gick det', 'hur ligger vi', 'hur ser', 'når vi', 'nådde vi', 'har vi', 'läget', 'lägesrapport',
]);

/** Words that may stand around the goal word without making the message anything else. */
const FILLERS = words([
  'show(?: me)?', 'list', 'what about', 'the', 'our', 'my', 'all', 'on', 'with', 'for', 'of', 'in', 'and', 'so far', 'doing', 'going', 'met', 'reached',
  'näytä', 'meidän', 'kaikki', 'ja', 'menee', 'mennään', 'tähän asti', 'toistaiseksi', 'saavutettu', 'täyttyneet', 'täyttyvät',
  'visa', 'våra', 'alla', 'med', 'för', 'och', 'i', 'hittills', 'nått', 'uppnått', 'går', 'det',
]);

/** The goals question in a message; null when the message is none. */
export function parseGoalsQuestion(text: string, today: string, catalogue: Catalogue): GoalsQuestion | null {
  if (typeof text !== 'string' || text.length > 300) return null;
  const normal = normalise(text).trim();
  if (!normal || LOGGED_COUNT.test(normal)) return null;
  const scan = new Scan(normal);
  if (!scan.take(GOAL_WORD).length) return null;
  const asks = QUESTION_START.test(normal) || scan.take(CUES).length > 0 || normal.endsWith('?');

  const period = findPeriod(scan, today);
  const metrics = readMetrics(scan);
  const unit = findUnit(scan.rest, catalogue);
  if (unit) blankNames(scan, [unit.name, ...(unit.aliases ?? [])]);
  scan.take(FILLERS);
  // Without a question word, the message must say nothing but goals, a period, metrics and a unit.
  if (!asks && /[\p{L}\d]/u.test(scan.rest)) return null;

  if (period && 'ambiguous' in period) return { kind: 'clarify' };
  return {
    kind: 'goals',
    period: period?.period ?? yearPeriod(Number(today.slice(0, 4))),
    metrics,
    unit: unit?.name ?? null,
  };
}

function readMetrics(scan: Scan): Metric[] {
  const found = new Set<Metric>();
  for (const [metric, re] of METRIC_WORDS) if (scan.take(re).length) found.add(metric);
  if (scan.take(SHARE_WORD).length && found.delete('girls')) found.add('girlsShare');
  if (found.size > 1) found.delete('participants');
  return [...found];
}

/** Blanks a unit's names, inflected forms included, so they are not read as anything else. */
function blankNames(scan: Scan, names: string[]): void {
  for (const name of names) {
    const n = normalise(name).trim();
    if (n.length < 3) continue;
    scan.take(new RegExp(`(?<![\\p{L}\\d])${escapeRegExp(n.slice(0, -1))}[\\p{L}:'-]*`, 'gu'));
  }
}
