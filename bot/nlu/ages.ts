/** Age bands: "13-17-vuotiaat", "aged 13-15", "13–17 år", "13-year-olds". */
import type { Span } from './dates';
import { matches } from './normalise';

const AGE_WORD =
  '(?:-?\\s*(?:v\\.?(?![\\p{L}])|vuotia\\p{L}*|vuotiai\\p{L}*|vuotias\\p{L}*|vuot\\.?|v-|åringar\\p{L}*|åriga\\p{L}*|åring\\p{L}*|år(?![\\p{L}])|års\\p{L}*|years? old|year-olds?|yo(?![\\p{L}])|y/o|yrs(?: old)?))';
const RANGE_AFTER = new RegExp(`(?<![\\d.,:/])(\\d{1,2})\\s*(?:-|to|till)\\s*(\\d{1,2})\\s*${AGE_WORD}`, 'gu');
const RANGE_BEFORE = new RegExp(
  '(?<![\\p{L}])(?:aged|ages|age|ikä|iältään|ikäiset|åldern|ålder|åldrarna|i åldrarna|i åldern)\\s*:?\\s*(\\d{1,2})(?:\\s*(?:-|to|till)\\s*(\\d{1,2}))?(?![\\d])',
  'gu');
const SINGLE = new RegExp(`(?<![\\d.,:/-])(\\d{1,2})\\s*${AGE_WORD}`, 'gu');

export interface AgesFound {
  ageGroups: string[] | null;
  spans: Span[];
}

function band(a: number, b: number | null): string | null {
  if (a < 3 || a > 35) return null;
  if (b === null || b === a) return String(a);
  if (b < a || b > 35) return null;
  return `${a}-${b}`;
}

export function findAges(s: string): AgesFound {
  const spans: Span[] = [];
  const groups: string[] = [];
  let rest = s;
  const use = (re: RegExp, two: boolean): void => {
    for (const m of matches(re, rest)) {
      const g = band(+m[1], two && m[2] ? +m[2] : null);
      if (!g) continue;
      spans.push({ start: m.index, end: m.index + m[0].length });
      if (!groups.includes(g)) groups.push(g);
      rest = rest.slice(0, m.index) + ' '.repeat(m[0].length) + rest.slice(m.index + m[0].length);
    }
  };
  use(RANGE_AFTER, true);
  use(RANGE_BEFORE, true);
  use(SINGLE, false);
  return { ageGroups: groups.length ? groups : null, spans };
}
