/**
 * Report questions in fi, sv or en become a ReportQuery, by rules and without a language hint.
 * A question that leaves the metric, the period or the comparison open gets a clarifying question
 * back (never a guess); a follow-up ("and the year before?", "vain tytöt", "som diagram") refines
 * the previous query.
 */
import type { WorkForm } from '../entry';
import type { Catalogue, CatalogueActivity, CatalogueUnit } from '../nlu/catalogue';
import { findActivity, findUnit } from '../nlu/catalogue-match';
import { escapeRegExp, normalise } from '../nlu/normalise';
import { numberValue } from '../nlu/numbers';
import { findThemes } from '../nlu/themes';
import { findWorkForm } from '../nlu/work-form';
import { monthPeriod, previousPeriod, shiftPeriodYears, weekOf, yearPeriod } from '../../reports/period';
import {
  reportQuerySchema,
  TIME_GROUPS,
  type ChartKind,
  type Comparison,
  type GroupBy,
  type Metric,
  type Period,
  type ReportQuery,
} from '../../reports/query';
import { findPeriod } from './period-words';
import { Scan, words } from './scan';
import {
  CHART_WORDS,
  COMPARE_VERB,
  COMPARE_YEAR,
  COMPARISON_WORDS,
  COMMAND_START,
  COUNT_START,
  FOLLOW_UP_LEAD,
  GROUP_WORDS,
  LOGGED_COUNT,
  METRIC_WORDS,
  ONLY,
  QUESTION_START,
  SHARE_WORD,
  TOP_WORDS,
} from './vocabulary';

/** The organisation's catalogue with ids, so names in a question become unit and activity ids. */
export interface ReportCatalogue extends Catalogue {
  units: (CatalogueUnit & { id: string })[];
  activities: (CatalogueActivity & { id: string })[];
}

export interface ReportContext {
  /** Today in the organisation's time zone, YYYY-MM-DD. */
  today: string;
  catalogue: ReportCatalogue;
}

export type ClarifyField = 'metric' | 'period' | 'comparison';

/** A query still being put together: what a clarifying question is about. */
export interface ReportDraft {
  metric: Metric | null;
  period: Period | null;
  unitIds: string[];
  activityIds: string[];
  workForms: WorkForm[];
  themes: string[];
  groupBy: GroupBy;
  thenBy: GroupBy;
  comparison: Comparison;
  chart: ChartKind;
  limit: number | null;
}

export type ReportParse =
  | { kind: 'query'; query: ReportQuery }
  /** `options` lists the metrics the question named when it named more than one. */
  | { kind: 'clarify'; missing: ClarifyField; draft: ReportDraft; options?: Metric[] }
  | null;

/** What one message says about a query; null fields were not mentioned. */
interface Reading {
  metric: Metric | null;
  metricOptions: Metric[];
  period: Period | null;
  periodAmbiguous: boolean;
  groups: GroupBy[];
  comparison: Comparison | null;
  comparisonYear: number | null;
  comparisonAsked: boolean;
  /** The current period a comparison target implies ("compare hours to last year": this year). */
  impliedCurrent: 'year' | 'month' | 'week' | null;
  chart: ChartKind | 'any' | null;
  limit: number | null;
  unitIds: string[];
  activityIds: string[];
  workForms: WorkForm[];
  themes: string[];
}

const TOP_DEFAULT = 5;

const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  kolme: 3, neljä: 4, viisi: 5, kuusi: 6, seitsemän: 7, kahdeksan: 8, yhdeksän: 9, kymmenen: 10,
  tre: 3, fyra: 4, fem: 5, sex: 6, sju: 7, åtta: 8, nio: 9, tio: 10,
};

function topLimit(scan: Scan): number | null {
  const m = new RegExp(TOP_WORDS.source, 'u').exec(scan.text);
  if (!m) return null;
  const word = m[1] ?? m[2];
  const n = word ? (NUMBER_WORDS[word] ?? numberValue(word)) : null;
  return n !== null && n >= 1 && n <= 100 ? n : TOP_DEFAULT;
}

function readChart(scan: Scan): ChartKind | 'any' | null {
  let chart: ChartKind | 'any' | null = null;
  for (const [kind, re] of CHART_WORDS) if (scan.take(re).length && chart === null) chart = kind;
  return chart;
}

/** "to last year" alone compares this year with the last; "to last month", this month with the last. */
const IMPLIED_CURRENT: [RegExp, 'year' | 'month' | 'week'][] = [
  [/(?:last|previous) year|the year before|viime vuo|edellise\p{L}* vuo|förra året|i fjol|ifjol|föregående år|året (?:innan|före)/u, 'year'],
  [/(?:last|previous) month|viime kuu|edellise\p{L}* kuu|förra månaden|föregående månad/u, 'month'],
  [/(?:last|previous) week|viime viikko|edellise\p{L}* viikko|förra veckan|föregående vecka/u, 'week'],
];
const SAME_PERIOD = /same (?:period|time|month|week|season)|vastaava|samma (?:period|tid|månad|vecka)/u;

function readComparison(scan: Scan): Pick<Reading, 'comparison' | 'comparisonYear' | 'comparisonAsked' | 'impliedCurrent'> {
  const years = scan.take(COMPARE_YEAR).map((m) => Number(m[1] ?? m[2]));
  let comparison: Comparison | null = null;
  let impliedCurrent: Reading['impliedCurrent'] = null;
  for (const [kind, re] of COMPARISON_WORDS) {
    const hits = scan.take(re);
    if (!hits.length || comparison !== null) continue;
    comparison = kind;
    if (!SAME_PERIOD.test(hits[0][0])) impliedCurrent = IMPLIED_CURRENT.find(([words]) => words.test(hits[0][0]))?.[1] ?? null;
  }
  const asked = scan.take(COMPARE_VERB).length > 0;
  return { comparison, comparisonYear: years[0] ?? null, comparisonAsked: asked || years.length > 0 || comparison !== null, impliedCurrent };
}

function readGroups(scan: Scan): GroupBy[] {
  const found: { group: GroupBy; at: number }[] = [];
  for (const [group, re] of GROUP_WORDS) for (const m of scan.take(re)) found.push({ group, at: m.index });
  const groups = [...new Set(found.sort((a, b) => a.at - b.at).map((f) => f.group))];
  // Time goes first: "by unit per month" is months along the axis, one series per unit.
  return groups.sort((a, b) => Number(TIME_GROUPS.includes(b)) - Number(TIME_GROUPS.includes(a)));
}

function readMetric(scan: Scan): { metric: Metric | null; options: Metric[]; gender: boolean } {
  const found = new Set<Metric>();
  for (const [metric, re] of METRIC_WORDS) if (scan.take(re).length) found.add(metric);
  const share = scan.take(SHARE_WORD).length > 0;
  if (share && found.has('girls') && !found.has('boys')) {
    found.delete('girls');
    found.add('girlsShare');
  }
  const shares = [...found].filter((m) => m === 'girlsShare' || m === 'youthLedShare');
  if (shares.length) return { metric: shares.length === 1 ? shares[0] : null, options: shares.length > 1 ? shares : [], gender: false };
  const genders = [...found].filter((m) => m === 'girls' || m === 'boys' || m === 'nonBinary');
  if (genders.length > 1) return { metric: 'participants', options: [], gender: true };
  const specific = [...found].filter((m) => m !== 'participants' && m !== 'entries' && m !== 'hours');
  const others = [...found].filter((m) => m === 'entries' || m === 'hours');
  // "participants" is the general word: a specific group of participants wins over it.
  const candidates = [...specific, ...others];
  if (candidates.length === 0) return { metric: found.has('participants') ? 'participants' : null, options: [], gender: false };
  if (candidates.length === 1 && !(others.length && found.has('participants'))) return { metric: candidates[0], options: [], gender: false };
  const options = found.has('participants') && !specific.length ? ['participants' as Metric, ...candidates] : candidates;
  return { metric: null, options, gender: false };
}

/** Names of units and activities, each blanked so no other rule reads them again. */
function readCatalogue(scan: Scan, catalogue: ReportCatalogue): Pick<Reading, 'unitIds' | 'activityIds'> {
  const activityIds: string[] = [];
  const unitIds: string[] = [];
  for (const activity of catalogue.activities ?? []) {
    if (findActivity(scan.rest, single(activity))) {
      activityIds.push(activity.id);
      blankNames(scan, [activity.name, ...(activity.aliases ?? [])]);
    }
  }
  for (const unit of catalogue.units ?? []) {
    if (findUnit(scan.rest, single(unit))) {
      unitIds.push(unit.id);
      blankNames(scan, [unit.name, ...(unit.aliases ?? [])]);
    }
  }
  return { unitIds, activityIds };
}

const singles = new WeakMap<object, Catalogue>();

/** A catalogue of one unit or activity, cached, so the shared name matcher can test each one. */
function single(item: CatalogueUnit | CatalogueActivity): Catalogue {
  let cat = singles.get(item);
  if (!cat) {
    cat = 'workForm' in item ? { units: [], activities: [item], themes: [] } : { units: [item], activities: [], themes: [] };
    singles.set(item, cat);
  }
  return cat;
}

function blankNames(scan: Scan, names: string[]): void {
  for (const name of names) {
    const n = normalise(name).trim();
    if (n.length < 3) continue;
    scan.take(new RegExp(`(?<![\\p{L}\\d])${escapeRegExp(n.slice(0, -1))}[\\p{L}:'-]*`, 'gu'));
  }
}

function read(text: string, ctx: ReportContext): { scan: Scan; reading: Reading } {
  const scan = new Scan(normalise(text));
  scan.takeFirst(COMMAND_START);
  const chart = readChart(scan);
  const comparison = readComparison(scan);
  const limit = topLimit(scan);
  const groups = readGroups(scan);
  scan.take(TOP_WORDS);
  // "only girls": the metric says it all, the word itself changes nothing.
  scan.take(ONLY);
  const metric = readMetric(scan);
  const period = findPeriod(scan, ctx.today);
  const names = readCatalogue(scan, ctx.catalogue);
  const workForm = findWorkForm(scan.rest);
  const themes = findThemes(scan.rest, ctx.catalogue.themes ?? []);
  return {
    scan,
    reading: {
      metric: metric.metric,
      metricOptions: metric.options,
      period: period && 'period' in period ? period.period : null,
      periodAmbiguous: period !== null && 'ambiguous' in period,
      groups: metric.gender && !groups.includes('gender') ? [...groups, 'gender'] : groups,
      ...comparison,
      chart,
      limit,
      ...names,
      workForms: workForm ? [workForm] : [],
      themes,
    },
  };
}

/** A draft that says nothing yet. */
export function emptyDraft(): ReportDraft {
  return {
    metric: null,
    period: null,
    unitIds: [],
    activityIds: [],
    workForms: [],
    themes: [],
    groupBy: 'none',
    thenBy: 'none',
    comparison: 'none',
    chart: 'none',
    limit: null,
  };
}

function currentPeriod(unit: 'year' | 'month' | 'week', today: string): Period {
  const [y, m] = today.split('-').map(Number);
  if (unit === 'year') return yearPeriod(y);
  if (unit === 'month') return monthPeriod(y, m);
  return weekOf(today);
}

function chartFor(chart: ChartKind | 'any', groupBy: GroupBy): ChartKind {
  if (chart !== 'any') return chart;
  return TIME_GROUPS.includes(groupBy) ? 'line' : 'bar';
}

/** A comparison with a named year ("2025 vs 2024") fits only the year just before the period. */
function yearComparison(period: Period | null, year: number): Comparison | null {
  if (!period) return null;
  const from = Number(period.from.slice(0, 4));
  return from - 1 === year && period.to.slice(0, 4) === period.from.slice(0, 4) ? 'sameLastYear' : null;
}

/** Applies what a message says to a draft; returns the clarification it still needs, if any. */
function apply(draft: ReportDraft, r: Reading, today: string): { draft: ReportDraft; missing: ClarifyField | null; options?: Metric[] } {
  const next: ReportDraft = { ...draft };
  let missing: ClarifyField | null = null;
  let options: Metric[] | undefined;
  if (r.metric) next.metric = r.metric;
  if (r.period) next.period = r.period;
  else if (!next.period && !r.periodAmbiguous && r.impliedCurrent) next.period = currentPeriod(r.impliedCurrent, today);
  if (r.groups.length) {
    next.groupBy = r.groups[0];
    next.thenBy = r.groups[1] ?? 'none';
  }
  if (r.unitIds.length) next.unitIds = r.unitIds;
  if (r.activityIds.length) next.activityIds = r.activityIds;
  if (r.workForms.length) next.workForms = r.workForms;
  if (r.themes.length) next.themes = r.themes;
  if (r.limit !== null) next.limit = r.limit;
  if (r.comparison) next.comparison = r.comparison;
  if (r.comparisonYear !== null) {
    const c = yearComparison(next.period, r.comparisonYear);
    if (c) next.comparison = c;
    else missing = 'comparison';
  } else if (r.comparisonAsked && !r.comparison && next.comparison === 'none') missing = 'comparison';
  if (r.chart) next.chart = chartFor(r.chart, next.groupBy);

  // Top themes count entries; splitting by gender splits participants.
  if (!next.metric && !r.metricOptions.length && [next.groupBy, next.thenBy].includes('theme')) next.metric = 'entries';
  if ([next.groupBy, next.thenBy].includes('gender')) {
    if (!next.metric || ['girls', 'boys', 'nonBinary'].includes(next.metric)) next.metric = 'participants';
    else if (next.metric !== 'participants') {
      next.metric = null;
      options = ['participants'];
    }
  }
  if (r.metricOptions.length) {
    next.metric = null;
    options = r.metricOptions;
  }
  if (!next.metric) missing = 'metric';
  else if (r.periodAmbiguous || !next.period) missing = missing ?? 'period';
  if (missing === 'period' && r.periodAmbiguous) next.period = null;
  return { draft: next, missing, options };
}

/** A draft as the query schema's input; the schema checks that metric and period are set. */
export function queryInputOf(draft: ReportDraft): Record<string, unknown> {
  const { metric, period, unitIds, activityIds, workForms, themes, groupBy, thenBy, comparison, chart, limit } = draft;
  return { metric, filters: { period, unitIds, activityIds, workForms, themes }, groupBy, thenBy, comparison, chart, limit };
}

function toParse(result: { draft: ReportDraft; missing: ClarifyField | null; options?: Metric[] }): ReportParse {
  const { draft, missing } = result;
  if (missing || !draft.metric || !draft.period) {
    const clarify: ReportParse = { kind: 'clarify', missing: missing ?? (draft.metric ? 'period' : 'metric'), draft };
    if (result.options?.length) clarify.options = result.options;
    return clarify;
  }
  const parsed = reportQuerySchema.safeParse(queryInputOf(draft));
  if (!parsed.success) return { kind: 'clarify', missing: 'metric', draft: { ...draft, metric: null } };
  return { kind: 'query', query: parsed.data };
}

/** True when the message asks for a report rather than telling about a session. */
function isReportQuestion(text: string, scan: Scan, r: Reading): boolean {
  const t = scan.text.trim();
  if (LOGGED_COUNT.test(t)) return false;
  const counting = COUNT_START.test(t);
  const named = r.metric !== null || r.metricOptions.length > 0;
  const substance = named || r.groups.length > 0 || r.comparisonAsked || (counting && r.period !== null);
  if (!substance) return false;
  if (QUESTION_START.test(t)) return true;
  if (t.endsWith('?')) return r.period !== null || r.groups.length > 0 || r.comparisonAsked || r.limit !== null;
  if (!named || text.length > 160 || /\d/u.test(scan.rest)) return false;
  // A noun phrase that opens with what to count: "participants last month by unit", "tyttöjen osuus tänä vuonna".
  const firstWord = /^\s*\S+/u.exec(scan.text)?.[0] ?? '';
  if (scan.rest.slice(0, firstWord.length).trim() !== '') return false;
  if (r.groups.length > 0 || r.comparisonAsked || r.chart !== null) return true;
  const longPeriod = r.period !== null && r.period.from !== r.period.to;
  return longPeriod && !r.workForms.length && !r.activityIds.length && t.split(/\s+/u).length <= 10;
}

/** A report question → a query, a clarification, or null when the message is no report question. */
export function parseReportQuestion(text: string, ctx: ReportContext): ReportParse {
  if (typeof text !== 'string' || !text.trim()) return null;
  const { scan, reading } = read(text, ctx);
  // A work form or activity counted with "how many" ("how many events") counts entries.
  if (!reading.metric && !reading.metricOptions.length && (reading.workForms.length || reading.activityIds.length) && COUNT_START.test(scan.text.trim())) {
    reading.metric = 'entries';
  }
  if (!isReportQuestion(text, scan, reading)) return null;
  return toParse(apply(emptyDraft(), reading, ctx.today));
}

const YEAR_BEFORE = words([
  '(?:the )?(?:year|yr) before', '(?:the )?previous year', 'a year (?:earlier|before)', 'edellise(?:nä|n) vuo(?:nna|den)', 'sitä edellise(?:nä|n) vuo(?:nna|den)', 'vuotta (?:aiemmin|aikaisemmin|ennen)',
  '(?:året|år) (?:innan|före)', 'föregående år(?:et)?', 'ett år tidigare',
]);
const PERIOD_BEFORE = words([
  '(?:the )?(?:month|week|period|term|season) before', '(?:the )?previous (?:month|week|period|term|season)', 'edellise(?:nä|llä|ssä) (?:kuussa|kuukautena|viikolla|jaksolla|kaudella)',
  'sitä edellise(?:nä|llä|ssä) (?:kuussa|kuukautena|viikolla|jaksolla|kaudella)', '(?:kuukautta|viikkoa) (?:aiemmin|aikaisemmin)', '(?:månaden|veckan|perioden|terminen) (?:innan|före)', 'föregående (?:månad|vecka|period)(?:en)?',
]);
const NO_GROUPING = words(['in total', 'total', 'overall', 'altogether', 'without (?:grouping|split)', 'yhteensä', 'kaikkiaan', 'ilman jaottelua', 'totalt', 'sammanlagt', 'utan uppdelning']);
const ALL_UNITS = words(['all units', 'every unit', 'kaikki yksiköt', 'kaikissa yksiköissä', 'alla enheter', 'i alla enheter']);
const NO_COMPARISON = words(['without (?:a |the )?comparison', 'no comparison', 'ilman vertailua', 'utan jämförelse']);

/**
 * A follow-up to the previous query, or to the draft of a clarifying question. Null when the message
 * changes nothing (it is no follow-up). A message that names both a metric and a period is a new
 * question, read without the previous one.
 */
export function refineReportQuery(previous: ReportQuery | ReportDraft, text: string, ctx: ReportContext): ReportParse {
  if (typeof text !== 'string' || !text.trim()) return null;
  const draft = 'filters' in previous ? draftOf(previous) : { ...previous };
  const lead = FOLLOW_UP_LEAD.exec(normalise(text));
  // A whole question of its own ("top themes this autumn") starts afresh, unless it opens like a follow-up.
  const fresh = lead ? null : parseReportQuestion(text, ctx);
  if (fresh?.kind === 'query') return fresh;
  const body = lead ? text.slice(lead[0].length) : text;

  const scan = new Scan(normalise(body));
  let changed = false;
  if (draft.period && scan.take(YEAR_BEFORE).length) {
    draft.period = shiftPeriodYears(draft.period, 1);
    changed = true;
  }
  if (draft.period && scan.take(PERIOD_BEFORE).length) {
    draft.period = previousPeriod(draft.period);
    changed = true;
  }
  if (scan.take(NO_COMPARISON).length) {
    draft.comparison = 'none';
    changed = true;
  }
  if (scan.take(NO_GROUPING).length) {
    draft.groupBy = 'none';
    draft.thenBy = 'none';
    draft.limit = null;
    changed = true;
  }
  if (scan.take(ALL_UNITS).length) {
    draft.unitIds = [];
    changed = true;
  }
  const { scan: rest, reading } = read(scan.rest, ctx);
  const says =
    reading.metric !== null || reading.metricOptions.length > 0 || reading.period !== null || reading.periodAmbiguous || reading.groups.length > 0 ||
    reading.comparisonAsked || reading.chart !== null || reading.unitIds.length > 0 || reading.activityIds.length > 0 ||
    reading.workForms.length > 0 || reading.themes.length > 0 || reading.limit !== null;
  if (!says && !changed) return null;
  if (LOGGED_COUNT.test(rest.text)) return null;
  // A new split replaces the old one, and "only girls" narrows the count to girls.
  if (reading.groups.length && !reading.groups.includes('gender') && [draft.groupBy, draft.thenBy].includes('gender')) {
    draft.groupBy = 'none';
    draft.thenBy = 'none';
  }
  if (reading.metric && draft.groupBy === 'gender' && !reading.groups.length && reading.metric !== 'participants') {
    draft.groupBy = draft.thenBy === 'none' ? 'none' : draft.thenBy;
    draft.thenBy = 'none';
  }
  return toParse(apply(draft, reading, ctx.today));
}

function draftOf(q: ReportQuery): ReportDraft {
  return {
    metric: q.metric,
    period: q.filters.period,
    unitIds: [...q.filters.unitIds],
    activityIds: [...q.filters.activityIds],
    workForms: [...q.filters.workForms],
    themes: [...q.filters.themes],
    groupBy: q.groupBy,
    thenBy: q.thenBy,
    comparison: q.comparison,
    chart: q.chart,
    limit: q.limit,
  };
}
