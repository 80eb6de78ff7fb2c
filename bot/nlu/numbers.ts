/** Number words 0-100 in Finnish, Swedish and English, including common inflected forms. */

const EN_UNITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven',
  'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const EN_TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const SV_UNITS = ['noll', 'en', 'två', 'tre', 'fyra', 'fem', 'sex', 'sju', 'åtta', 'nio', 'tio', 'elva', 'tolv',
  'tretton', 'fjorton', 'femton', 'sexton', 'sjutton', 'arton', 'nitton'];
const SV_TENS = ['', '', 'tjugo', 'trettio', 'fyrtio', 'femtio', 'sextio', 'sjuttio', 'åttio', 'nittio'];
const FI_UNITS = ['nolla', 'yksi', 'kaksi', 'kolme', 'neljä', 'viisi', 'kuusi', 'seitsemän', 'kahdeksan', 'yhdeksän'];
/** Finnish genitive and partitive stems for 1-9 (yhden/yhtä ...). */
const FI_GEN = ['', 'yhden', 'kahden', 'kolmen', 'neljän', 'viiden', 'kuuden', 'seitsemän', 'kahdeksan', 'yhdeksän'];
const FI_PART = ['', 'yhtä', 'kahta', 'kolmea', 'neljää', 'viittä', 'kuutta', 'seitsemää', 'kahdeksaa', 'yhdeksää'];

const WORDS = new Map<string, number>();

function add(word: string, n: number): void {
  if (!WORDS.has(word)) WORDS.set(word, n);
}

(function build(): void {
  for (let n = 0; n < 20; n++) add(EN_UNITS[n], n);
  for (let t = 2; t < 10; t++) {
    add(EN_TENS[t], t * 10);
    add(SV_TENS[t], t * 10);
    for (let u = 1; u < 10; u++) {
      add(`${EN_TENS[t]}-${EN_UNITS[u]}`, t * 10 + u);
      add(`${EN_TENS[t]}${EN_UNITS[u]}`, t * 10 + u);
      add(`${SV_TENS[t]}${SV_UNITS[u]}`, t * 10 + u);
    }
    add(`${SV_TENS[t]}ett`, t * 10 + 1);
  }
  for (let n = 0; n < 20; n++) add(SV_UNITS[n], n);
  add('ett', 1);
  add('aderton', 18);
  add('tju', 20);
  for (let n = 0; n < 10; n++) add(FI_UNITS[n], n);
  add('kymmenen', 10);
  add('kymmentä', 10);
  for (let u = 1; u < 10; u++) {
    add(`${FI_UNITS[u]}toista`, 10 + u);
    add(`${FI_GEN[u]}toista`, 10 + u);
    add(FI_GEN[u], u);
    add(FI_PART[u], u);
  }
  for (let t = 2; t < 10; t++) {
    const tens = `${FI_UNITS[t]}kymmentä`;
    add(tens, t * 10);
    add(`${FI_GEN[t]}kymmenen`, t * 10);
    for (let u = 1; u < 10; u++) add(`${tens}${FI_UNITS[u]}`, t * 10 + u);
  }
  // Spoken Finnish and other common forms.
  const extra: Record<string, number> = {
    yks: 1, kaks: 2, viis: 5, kuus: 6, seittemän: 7, kaheksan: 8, yheksän: 9, kymmene: 10,
    kakstoista: 12, kakstoist: 12, kakskyt: 20, kolkyt: 30, nelkyt: 40, viiskyt: 50,
    sata: 100, sataa: 100, hundred: 100, hundra: 100, etthundra: 100, 'one-hundred': 100,
    parikymmentä: 20, kolmisenkymmentä: 30, nelisenkymmentä: 40, viitisenkymmentä: 50, kymmenkunta: 10, kymmenisen: 10,
    viitisen: 5, kuutisen: 6, tiotal: 10, tjugotal: 20, trettiotal: 30, fyrtiotal: 40, femtiotal: 50, hundratal: 100,
    dozen: 12, tusina: 12, tusinaa: 12, dussin: 12, pari: 2, couple: 2,
    // spoken genitives: "yhen pojan kanssa", "kahen nuoren kanssa"
    yhen: 1, kahen: 2,
  };
  // Approximate numbers and their genitives: "kymmenkunnan nuoren kanssa", "parinkymmenen nuoren", "ett femtontal".
  const approximate: Record<string, number> = {
    kymmenkunnan: 10, kymmenkuntaa: 10, parinkymmenen: 20, nelisen: 4, satakunta: 100, satakunnan: 100,
    parisataa: 200, parinsadan: 200, puolisensataa: 50, puolitusinaa: 6, femtontal: 15,
  };
  for (const [w, n] of Object.entries(approximate)) add(w, n);
  const approxTens = ['', '', '', 'kolmi', 'neli', 'viiti', 'kuuti', 'seitsemi', 'kahdeksi', 'yhdeksi'];
  for (let t = 3; t < 10; t++) {
    add(`${approxTens[t]}senkymmentä`, t * 10);
    add(`${approxTens[t]}senkymmenen`, t * 10);
    add(`${SV_TENS[t]}tal`, t * 10);
  }
  for (const [w, n] of Object.entries(extra)) add(w, n);
  // Spoken Finnish teens and tens: "viistoist", "kolmetoist", "kakskytviis", "nelkytkaks".
  const spokenUnits: [string, number][] = [['yks', 1], ['kaks', 2], ['kolme', 3], ['neljä', 4], ['viis', 5], ['kuus', 6],
    ['seittemän', 7], ['seitsemän', 7], ['kaheksan', 8], ['kahdeksan', 8], ['yheksän', 9], ['yhdeksän', 9], ['kasi', 8], ['ysi', 9]];
  const spokenTens: [string, number][] = [['kaks', 2], ['kol', 3], ['kolme', 3], ['nel', 4], ['neljä', 4], ['viis', 5], ['kuus', 6],
    ['seitkyt', 7], ['seittemän', 7], ['kasi', 8], ['kaheksan', 8], ['ysi', 9], ['yheksän', 9]];
  for (const [w, u] of spokenUnits) if (w !== 'kasi' && w !== 'ysi') add(`${w}toist`, 10 + u);
  for (const [w, t] of spokenTens) {
    const tens = w.endsWith('kyt') ? w : `${w}kyt`;
    add(tens, t * 10);
    for (const [w2, u] of spokenUnits) add(`${tens}${w2}`, t * 10 + u);
  }
})();

/** Words that are '1' only as an article ("a girl", "en tjej"): weak evidence of a count. */
export const ARTICLES = new Set(['a', 'an', 'en', 'ett']);

/** The value of one token (digits or a number word), or null. Decimals and huge values are not counts. */
export function numberValue(token: string): number | null {
  if (/^\d{1,6}$/.test(token)) return parseInt(token, 10);
  if (ARTICLES.has(token)) return 1;
  const w = WORDS.get(token);
  if (w !== undefined) return w;
  // "twentyish", "forty-odd": about that many
  const c = token.charCodeAt(token.length - 1);
  if (c === 104 && token.endsWith('ish')) return WORDS.get(token.slice(0, token.endsWith('-ish') ? -4 : -3)) ?? null;
  if (c === 100 && token.endsWith('-odd')) return WORDS.get(token.slice(0, -4)) ?? null;
  return null;
}

export function isNumberWord(token: string): boolean {
  return WORDS.has(token);
}

const NOBODY =
  /(?:^|[^\p{L}])(?:nobody|no ?one|no-one|none|zero|ei ketään|ei kukaan|ei yhtään|kukaan ei|ingen|inte en enda|noll)(?![\p{L}])/u;

/** "12", "twelve", "noin 12", "n. 12 nuorta", "ei ketään" → a count; null when there is none. */
export function parseCount(text: string): number | null {
  const s = (typeof text === 'string' ? text : '').slice(0, 2000).toLowerCase();
  const tokens = s.match(/\d+(?:[.,]\d+)?|[\p{L}]+(?:-[\p{L}]+)*/gu) ?? [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (/^\d+[.,]\d+$/.test(t)) continue;
    if (ARTICLES.has(t) && t !== 'en' && t !== 'ett') continue;
    let v = numberValue(t);
    if (v === null) continue;
    // "twenty three", "one hundred"
    const next = tokens[i + 1];
    if (v >= 20 && v < 100 && v % 10 === 0 && next) {
      const u = WORDS.get(next);
      if (u !== undefined && u > 0 && u < 10) v += u;
    } else if (v < 10 && next && (next === 'hundred' || next === 'hundra')) v *= 100;
    if (v > 100000) continue;
    return v;
  }
  return NOBODY.test(s) ? 0 : null;
}
