/**
 * Theme matching. Keyword syntax (case-insensitive):
 *   "stem"   matches at the start of a word ("kiusa" → "kiusaamisesta"),
 *   "*stem"  matches anywhere inside a word ("*mobb" → "skolmobbning"),
 *   "stem$"  matches a whole word only, "!stem" excludes words that start with stem.
 * Multi-word keywords ("spel om pengar") are matched as phrases.
 * Keywords are compiled once per theme list into two character tries (cached in a WeakMap).
 */
import type { CatalogueTheme } from './catalogue';

interface End {
  theme: number;
  whole: boolean;
  exclude: boolean;
}

interface Node {
  next: Map<number, Node>;
  ends: End[] | null;
}

interface Matcher {
  keys: string[];
  start: Node;
  anywhere: Node;
}

const cache = new WeakMap<CatalogueTheme[], Matcher>();

function node(): Node {
  return { next: new Map(), ends: null };
}

function insert(root: Node, stem: string, end: End): void {
  let n = root;
  for (let i = 0; i < stem.length; i++) {
    const ch = stem.charCodeAt(i);
    let c = n.next.get(ch);
    if (!c) n.next.set(ch, (c = node()));
    n = c;
  }
  (n.ends ??= []).push(end);
}

function compile(themes: CatalogueTheme[]): Matcher {
  const m: Matcher = { keys: [], start: node(), anywhere: node() };
  themes.forEach((t, i) => {
    m.keys.push(String(t?.key ?? ''));
    for (const list of Object.values(t?.keywords ?? {})) {
      if (!Array.isArray(list)) continue;
      for (const raw of list) {
        let k = String(raw).toLowerCase().normalize('NFC').trim();
        const exclude = k.startsWith('!');
        if (exclude) k = k.slice(1);
        const any = !exclude && k.startsWith('*');
        if (any) k = k.slice(1);
        const whole = k.endsWith('$');
        if (whole) k = k.slice(0, -1);
        if (!k) continue;
        insert(any ? m.anywhere : m.start, k, { theme: i, whole, exclude });
      }
    }
  });
  return m;
}

function matcher(themes: CatalogueTheme[]): Matcher {
  let m = cache.get(themes);
  if (!m) cache.set(themes, (m = compile(themes)));
  return m;
}

const LETTER = /\p{L}/u;

function isLetter(c: string | undefined): boolean {
  if (c === undefined) return false;
  const code = c.charCodeAt(0);
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
  return LETTER.test(c);
}

const WORD = /[\p{L}\p{M}\d]+/gu;

/** Marks themes whose keywords start at p (within one word, or a phrase running past wordEnd). */
function walk(s: string, p: number, wordEnd: number, root: Node, hits: Int8Array, anywhere: boolean): void {
  let n: Node | undefined = root;
  for (let i = p; i < s.length; i++) {
    n = n.next.get(s.charCodeAt(i));
    if (n === undefined) return;
    const ends = n.ends;
    if (ends === null) continue;
    const atEnd = i + 1 === wordEnd || (i + 1 > wordEnd && !isLetter(s[i + 1]));
    for (let k = 0; k < ends.length; k++) {
      const e = ends[k];
      if (e.whole && !atEnd) continue;
      if (e.exclude) hits[e.theme] = -1;
      else if (hits[e.theme] === 0 || anywhere) hits[e.theme] = hits[e.theme] === -1 ? -1 : 1;
    }
  }
}

/** Phrases whose words would otherwise hit the wrong theme ("youth work" is not the work theme). */
const PHRASES: [RegExp, string][] = [
  [/(?:detached|street|youth|outreach|social|digital|group|online|field|open youth|digital youth|online youth|detached youth) work/g, ' youthwork '],
  [/mental health|mental wellbeing|mental well-being/g, ' mentalhealth '],
  [/sexual health|sexual and reproductive health/g, ' sexualhealth '],
  [/sexuell hälsa|sexuella hälsa|sexuell och reproduktiv hälsa/g, ' sexualhealth '],
  [/psykisk (?:o?hälsa)|psykiska (?:o?hälsan)/g, ' mentalhealth '],
  [/spel om pengar/g, ' penningspel '],
  [/(?:ask|asking|asked|asks) (?:her |him |them )?for (?:pics|pictures|photos|nudes)|pyy(?:tää|si|täny?t|detään) (?:häneltä |heiltä )?(?:kuvia|alastonkuvia)|(?:ber|bad|frågar|frågade) (?:henne |honom )?om (?:bilder|nakenbilder)/gu, ' picsrequest '],
  [/e-urheilu\p{L}*|e-sport\p{L}*|esport\p{L}*/gu, ' esport '],
  [/vanhem(?:mat|pien|pia) (?:pojat|tytöt|nuoret|lapset|kaverit|poikien|tyttöjen|nuorten|poikia|tyttöjä|nuoria)/gu, ' older '],
  [/(?:bråk|gräl|riidel|riitel|argu|fight)\p{L}* (?:om|about|over) (?:en |sin |a |his |her )?(?:tjej|kille|flickvän|pojkvän|girl|boy|girlfriend|boyfriend)\p{L}*|(?:tytöstä|pojasta|tyttöystävästä|poikaystävästä) (?:riidel|riitel|tappel)\p{L}*/gu, ' relationsgräl '],
  [/substance abuse|substance misuse|drug abuse|alcohol abuse/g, ' substanceabuse '],
  [/(?:online|internet|digital|cyber) safety|nettiturvallisuu\p{L}*|tietoturva\p{L}*|säkerhet på nätet|nätsäkerhet/gu, ' onlinesafety '],
  [/youth budget\w*|participatory budget\w*|nuorten budjet\p{L}*|osallistava budjet\p{L}*|osallistuva budjet\p{L}*|ungdomsbudget\p{L}*/gu, ' youthbudget '],
  [/(?:laga|lagade|lagat|lagar) mat/g, ' matlagning '],
  [/(?:nuoriso|jalkautuva|jalkautuvaa|etsivä|etsivää|katu|digitaalinen|digitaalista) ?(?:työ|työtä|työn|työssä)/g, ' youthwork '],
  [/(?:youth|young people's|ungdoms|nuorten) (?:council|parliament|fullmäktige|råd|valtuusto)/g, ' youthcouncil '],
];

/** All phrases in one pass: one alternation with a group per phrase. */
const PHRASE_RE = new RegExp(PHRASES.map(([re]) => `(${re.source})`).join('|'), 'gu');

export function themeText(s: string): string {
  return s.replace(PHRASE_RE, (...args: unknown[]) => {
    for (let i = 0; i < PHRASES.length; i++) if (args[i + 1] !== undefined) return PHRASES[i][1];
    return String(args[0]);
  });
}

/** Theme keys whose keywords occur in the (normalised) text, in catalogue order. */
export function findThemes(s: string, themes: CatalogueTheme[]): string[] {
  if (!Array.isArray(themes) || !themes.length) return [];
  const m = matcher(themes);
  const t = themeText(s);
  const n = m.keys.length;
  const found = new Uint8Array(n);
  const word = new Int8Array(n);
  WORD.lastIndex = 0;
  let w: RegExpExecArray | null;
  while ((w = WORD.exec(t)) !== null) {
    // One word: its start-stems, its exclusions (-1), and stems anywhere inside it.
    const p = w.index;
    const end = p + w[0].length;
    word.fill(0);
    walk(t, p, end, m.start, word, false);
    for (let q = p; q < end - 1; q++) if (m.anywhere.next.has(t.charCodeAt(q))) walk(t, q, end, m.anywhere, word, true);
    for (let i = 0; i < n; i++) if (word[i] === 1) found[i] = 1;
  }
  const out: string[] = [];
  for (let i = 0; i < n; i++) if (found[i] === 1 && m.keys[i] && !out.includes(m.keys[i])) out.push(m.keys[i]);
  return out;
}
