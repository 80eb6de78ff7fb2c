/** Finds the organisation's units and activities by name or alias, including inflected Finnish forms. */
import type { Catalogue, CatalogueActivity, CatalogueUnit } from './catalogue';
import { escapeRegExp } from './normalise';

interface NameMatcher<T> {
  item: T;
  re: RegExp;
}

interface Compiled {
  units: NameMatcher<CatalogueUnit>[];
  activities: NameMatcher<CatalogueActivity>[];
}

const cache = new WeakMap<Catalogue, Compiled>();

/** Finnish consonant gradation: "majakka" → "majaka" (Majakassa), "kipinä" stays. */
const GRADATION: [RegExp, string][] = [
  [/kk([aeiouyäö])$/, 'k$1'],
  [/pp([aeiouyäö])$/, 'p$1'],
  [/tt([aeiouyäö])$/, 't$1'],
  [/nk([aeiouyäö])$/, 'ng$1'],
  [/nt([aeiouyäö])$/, 'nn$1'],
  [/mp([aeiouyäö])$/, 'mm$1'],
  [/lt([aeiouyäö])$/, 'll$1'],
  [/rt([aeiouyäö])$/, 'rr$1'],
];

/** Word forms of a name: the name itself with any suffix, and for names ending in a vowel, the stem. */
function forms(name: string): string[] {
  const n = name.toLowerCase().normalize('NFC').trim().replace(/\s+/g, ' ');
  if (!n) return [];
  const out = new Set<string>([escapeRegExp(n)]);
  const last = n.split(' ').pop() ?? '';
  if (last.length >= 4 && /[aeiouyäö]$/.test(last)) {
    const head = n.slice(0, n.length - last.length);
    out.add(escapeRegExp(head + last.slice(0, -1)) + '[aeiouyäö]');
    for (const [re, rep] of GRADATION) {
      if (re.test(last)) out.add(escapeRegExp(head + last.replace(re, rep).slice(0, -1)) + '[aeiouyäö]');
    }
  }
  return [...out];
}

function matcher(names: string[]): RegExp | null {
  const alts = names.flatMap(forms).sort((a, b) => b.length - a.length);
  if (!alts.length) return null;
  try {
    return new RegExp(`(?<![\\p{L}\\d])(?:${alts.join('|')})[\\p{L}:'-]{0,8}(?![\\p{L}])`, 'u');
  } catch {
    return null;
  }
}

function compile(cat: Catalogue): Compiled {
  let c = cache.get(cat);
  if (c) return c;
  c = { units: [], activities: [] };
  for (const u of cat.units ?? []) {
    const re = matcher([u.name, ...(u.aliases ?? [])]);
    if (re) c.units.push({ item: u, re });
  }
  for (const a of cat.activities ?? []) {
    const re = matcher([a.name, ...(a.aliases ?? [])]);
    if (re) c.activities.push({ item: a, re });
  }
  cache.set(cat, c);
  return c;
}

/** The earliest, then longest, match in the text. */
function best<T>(s: string, list: NameMatcher<T>[]): T | null {
  let found: T | null = null;
  let at = Infinity;
  let len = 0;
  for (const m of list) {
    const r = m.re.exec(s);
    if (r && (r.index < at || (r.index === at && r[0].length > len))) {
      found = m.item;
      at = r.index;
      len = r[0].length;
    }
  }
  return found;
}

export function findUnit(s: string, cat: Catalogue | undefined): CatalogueUnit | null {
  return cat ? best(s, compile(cat).units) : null;
}

export function findActivity(s: string, cat: Catalogue | undefined): CatalogueActivity | null {
  return cat ? best(s, compile(cat).activities) : null;
}
