/**
 * Export requests in chat, in fi, sv or en: "export March as Excel", "vie maaliskuu Exceliin",
 * "exportera förra månaden till csv", "export Kallio youth centre 2026 as xlsx". Read strictly, so that a
 * log which mentions exporting ("export workshop with 12 kids") stays a log.
 */
import type { CatalogueUnit } from '../nlu/catalogue';
import { findUnit } from '../nlu/catalogue-match';
import { escapeRegExp, normalise } from '../nlu/normalise';
import type { Period } from '../../reports/query';
import type { ExportFileFormat } from '../ports';
import { findPeriod } from './period-words';
import type { ReportCatalogue } from './question';
import { B, E, Scan, words } from './scan';
import { LOGGED_COUNT } from './vocabulary';

export interface ExportRequestContext {
  /** Today in the organisation's time zone, YYYY-MM-DD. */
  today: string;
  catalogue: ReportCatalogue;
}

export type ExportRequest = { period: Period; unitIds: string[]; format: ExportFileFormat } | { missing: 'period' } | null;

/** Politeness before the verb: "please", "hei", "kan du". */
const LEAD_IN = '(?:(?:please|pls|hey|hi|ok|okay|could you|can you|would you|hei|moi|voisitko|voitko|saisinko|snälla|hej|kan du|skulle du kunna)[,!:]?\\s+){0,3}';
/** Verbs that ask for an export by themselves. */
const EXPORT_VERBS = ['export', 'download', 'vie', 'lataa', 'eksportoi', 'exportera', 'ladda (?:ner|ned)'];
/** Verbs that ask for an export only with a file format: "give me March as Excel". */
const FILE_VERBS = [
  'give me', 'send me', 'send', 'get me', 'make', 'create', 'i need', 'i want', 'can i (?:get|have)',
  'anna', 'lähetä', 'tee', 'haluan', 'tarvitsen',
  'ge mig', 'skicka', 'gör', 'hämta', 'jag vill ha', 'jag behöver',
];
const EXPORT_START = new RegExp(`^\\s*${LEAD_IN}(?:${EXPORT_VERBS.join('|')})${E}`, 'u');
const FILE_START = new RegExp(`^\\s*${LEAD_IN}(?:${FILE_VERBS.join('|')})${E}`, 'u');

/** "as Excel", "Exceliin", "excel-tiedostona", "csv:nä", "till csv", "som xlsx-fil". */
const FILE_WORD = '(?:tiedosto\\p{L}*|muodo\\p{L}*|file|format|sheet|fil(?:en)?|format(?:et)?|ark(?:et)?)';
const FORMAT_RE = new RegExp(
  `${B}(?:(?:as|in|into|to|som|till|i)\\s+)?(?:(?:an?|en)\\s+)?` +
    `(?:(excel)(?:iin|inä|ina|issä|issa|ista|iksi|ille|in|-${FILE_WORD})?|(xlsx)(?:[:-]\\p{L}+)?|(csv)(?:[:-]\\p{L}+)?)` +
    `(?:\\s+(?:file|format|sheet|spreadsheet|fil(?:en)?|format(?:et)?))?${E}`,
  'gu',
);

/** Words an export request may hold besides the verb, the period, the units and the format. */
const FILLER = words([
  'all', 'the', 'of', 'for', 'from', 'in', 'at', 'our', 'my', 'me', 'us', 'a', 'an', 'and', 'with', 'please', 'thanks', 'thank you',
  'entries', 'entry', 'logs', 'data', 'records', 'everything', 'file', 'units?',
  'kaikki', 'kaikkien', 'meidän', 'minulle', 'meille', 'ja', 'kiitos', 'merkinn\\p{L}*', 'merkintö\\p{L}*', 'kirjau\\p{L}*', 'tiedot', 'yksikö\\p{L}*', 'yksikkö',
  'alla', 'från', 'för', 'av', 'i', 'på', 'och', 'med', 'till mig', 'åt mig', 'tack', 'inlägg(?:en)?', 'loggar(?:na)?', 'datan', 'fil(?:en)?', 'våra', 'mina', 'enhet(?:en|erna)?',
]);
const POSSESSIVE = /'s(?![\p{L}])/gu;

/** A request to export, its period missing, or null when the message is no export request. */
export function parseExportRequest(text: string, ctx: ExportRequestContext): ExportRequest {
  if (typeof text !== 'string' || !text.trim()) return null;
  const scan = new Scan(normalise(text));
  if (LOGGED_COUNT.test(scan.text)) return null;
  const exportVerb = scan.takeFirst(EXPORT_START) !== null;
  const fileVerb = !exportVerb && scan.takeFirst(FILE_START) !== null;
  const formats = scan.take(FORMAT_RE).map((m): ExportFileFormat => (m[3] ? 'csv' : 'xlsx'));
  if (!exportVerb && !formats.length) return null;

  const period = findPeriod(scan, ctx.today);
  const unitIds = readUnits(scan, ctx.catalogue.units);
  const filler = scan.take(FILLER).length > 0;
  scan.take(POSSESSIVE);
  const rest = scan.rest.replace(/[\s.,;:!?"'()]+/gu, ' ').trim();
  const leftover = rest ? rest.split(' ').length : 0;

  if (!isAsked({ exportVerb, fileVerb, format: formats.length > 0, leftover, named: period !== null || unitIds.length > 0 || filler })) return null;
  if (!period || 'ambiguous' in period) return { missing: 'period' };
  return { period: period.period, unitIds, format: formats[0] ?? 'xlsx' };
}

/**
 * Whether the words read make an export request. With a file format a few other words may stay ("for the
 * board"); with only the verb, every word must have been read; with only a format, something to export too.
 */
function isAsked(read: { exportVerb: boolean; fileVerb: boolean; format: boolean; leftover: number; named: boolean }): boolean {
  if (!read.format) return read.exportVerb && read.leftover === 0;
  if (read.exportVerb) return read.leftover <= 3;
  if (read.fileVerb) return read.leftover <= 2;
  return read.leftover === 0 && read.named;
}

/** Units named in the request, each name blanked so nothing else reads it. */
function readUnits(scan: Scan, units: ReportCatalogue['units']): string[] {
  const ids: string[] = [];
  for (const unit of units) {
    if (!findUnit(scan.rest, single(unit))) continue;
    ids.push(unit.id);
    for (const name of [unit.name, ...unit.aliases]) {
      const n = normalise(name).trim();
      if (n.length >= 3) scan.take(new RegExp(`(?<![\\p{L}\\d])${escapeRegExp(n.slice(0, -1))}[\\p{L}:'-]*`, 'gu'));
    }
  }
  return ids;
}

const singles = new WeakMap<CatalogueUnit, { units: CatalogueUnit[]; activities: []; themes: [] }>();

/** A catalogue of one unit, cached, so the shared name matcher can test each unit alone. */
function single(unit: CatalogueUnit): { units: CatalogueUnit[]; activities: []; themes: [] } {
  let catalogue = singles.get(unit);
  if (!catalogue) singles.set(unit, (catalogue = { units: [unit], activities: [], themes: [] }));
  return catalogue;
}
