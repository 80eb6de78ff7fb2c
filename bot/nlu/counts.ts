/** Participant counts (total, girls, boys, non-binary, new) and staff count from masked, normalised text. */
import { emptyParticipants, type Participants } from '../entry';
import { ARTICLES, isNumberWord, numberValue } from './numbers';
import { tokenise, type Token } from './normalise';

export type CountCat = 'total' | 'girls' | 'boys' | 'nonBinary' | 'new' | 'staff';

const NOUN_LIST: Record<CountCat, string> = {
  total:
    'kids kid children child young youth youths youngster youngsters teen teens teenager teenagers tweens participant participants ' +
    'visitor visitors viewer viewers people persons person attendees attendee guests members players pupils students audience ' +
    'individuals folks pers hlö hlöä henk henkeä henkilö henkilöä henkilöt henkilöitä hloa hlo henkiloa ' +
    'nuori nuorta nuoria nuoren nuoret nuorisoa lasta lapsi lapsia lapset osallistujaa osallistujia osallistuja osallistujat ' +
    'kävijää kävijöitä kävijä kävijät kavijaa tyyppiä tyyppi tyyppejä tyypit oppilasta oppilaita pelaajaa pelaajia ' +
    'katsojaa katsojia katsoja vierasta vieraita ihmistä ihmisiä teiniä teinejä yhteensä total totalt sammanlagt jäsentä jäseniä yleisöä ' +
    'ungdomar ungdom ungdomen unga ungar barn barnen deltagare deltagarna besökare besökarna personer tonåringar ' +
    'elever spelare tittare gäster stycken st individer ungdomarna medlemmar publik publiken campers leiriläistä leiriläisiä kerholaista',
  girls:
    'girls girl gals ladies tytöt tyttöä tyttöjä tyttö tytön tyttoa tytot tyttoja tytsyä tyttösiä tjejer tjej tjejen tjejerna ' +
    'flickor flicka flickorna',
  boys:
    'boys boy lads guys poikaa pojat poikia poika pojan poikii killar kille killen killarna pojkar pojke pojkarna grabbar',
  nonBinary:
    'non-binary nonbinary enby enbies nb muunsukupuolinen muunsukupuolista muunsukupuolisia muunsukupuolista ' +
    'ickebinär ickebinära ickebinärt',
  new:
    'new newcomer newcomers first-timers first-timer uutta uusia uusi uudet uusii ensikertalaista ensikertalaisia nya ny nykomlingar',
  staff:
    'workers worker staff leaders leader instructors instructor adults employees volunteers colleagues ohjaajaa ohjaajat ohjaaja ' +
    'työntekijää työntekijät aikuista aikuiset vapaaehtoista ledare fritidsledare personal vuxna anställda handledare volontärer',
};

const NOUNS = new Map<string, CountCat>();
for (const [cat, list] of Object.entries(NOUN_LIST) as [CountCat, string][]) {
  for (const w of list.split(/\s+/)) if (w && !NOUNS.has(w)) NOUNS.set(w, cat);
}

function nounCat(t: string): CountCat | null {
  const c = NOUNS.get(t);
  if (c) return c;
  if (/(?:ohjaajaa|ohjaajat|työntekijää|työntekijät|ledare|workers)$/.test(t)) return 'staff';
  if (/(?:deltagare|osallistujaa|kävijää|läistä|laista)$/.test(t)) return 'total';
  if (/^(?:nuor(?:ta|ia)|tyttö(?:ä|jä)|poik(?:aa|ia))$/.test(t)) return NOUNS.get(t) ?? null;
  if (/(?:tyttöä|tyttöjä)$/.test(t)) return 'girls';
  if (/(?:poikaa|poikia)$/.test(t)) return 'boys';
  if (/(?:nuorta|nuoria)$/.test(t) && !/(?:vanhempaa|nuorempaa)$/.test(t)) return 'total';
  return null;
}

const FILLERS = new Set(
  ('of them which whom were was are is in total more other extra different young little small older younger happy great ' +
    'awesome amazing active regular lovely nice the these those all altogether in-total than ' +
    'joista heistä niistä oli olivat eri pientä isompaa vanhempaa nuorempaa iloista aktiivista innokasta ihanaa ' +
    'varav av dem var är glada nöjda äldre yngre andra stycken').split(/\s+/),
);
const BACK_SKIP = new Set([':', '=', '-', '~', 'noin', 'n', 'ca', 'c', 'about', 'around', 'approx', 'roughly', 'runt', 'ungefär', 'cirka', 'circa', 'n.', 'ca.', 'oli', 'olivat', 'var', 'were', 'was', 'paikalla', 'present', 'på', 'plats', 'yht']);
/** Verbs after a number that make it a head count: "12 came", "12 kom", "12 tuli". */
const CAME = new Set(['came', 'showed', 'turned', 'attended', 'joined', 'kom', 'dök', 'deltog', 'tuli', 'kävi', 'osallistui', 'saapui']);
const MEET = new Set(['only', 'just', 'bara', 'endast', 'vain', 'ainoastaan', 'met', 'meet', 'saw', 'träffade', 'träffat', 'träffa', 'mötte', 'pratade', 'tapasin', 'tapasimme', 'tapasi', 'kohtasin', 'tavattiin', 'helped']);
const GENDER = new Set<CountCat>(['girls', 'boys', 'nonBinary']);
const ONE_WORDS = new Set(['one', 'yksi', 'yhden', 'yhtä', 'en', 'ett', 'a', 'an']);

interface Hit {
  cat: CountCat;
  value: number;
  weak: boolean;
  sentence: number;
}

const NOBODY_RE =
  /(?<![\p{L}])(?:nobody|no one|no-one|noone|not a single|zero (?:kids|youth|young|visitors|participants)|ei ketään|ei kukaan|ei yhtään|kukaan ei|ketään ei|ingen kom|ingen dök|inga besökare|inga ungdomar|inga deltagare|ingen alls|ingen var)(?![\p{L}])/u;

/** One young person without a number: "samtal med en ungdom", "puhelu nuoren kanssa". */
const ONE_PERSON_RE =
  /(?<![\p{L}])(?:(?:with|med|w) (?:a|an|one|en|ett) (?:young person|youth|teen|teenager|kid|young man|young woman|ungdom|ung tjej|ung kille|tonåring)|(?:yhden )?(?:nuoren|tytön|pojan) kanssa)(?![\p{L}])/u;

/** "7 new out of 25": the total after "out of". */
const OUT_OF_RE = /(?<![\p{L}])out of (?:about |approx\.? |~)?(\d{1,5})(?!\d)/u;

export interface CountsFound {
  participants: Participants;
  staffCount: number | null;
}

function valueAt(tokens: Token[], i: number): { value: number; next: number } | null {
  const t = tokens[i];
  if (t.kind === 'num') {
    if (/[.,]/.test(t.text) || t.text.length > 6) return null;
    return { value: parseInt(t.text, 10), next: i + 1 };
  }
  if (t.kind !== 'word') return null;
  let v = numberValue(t.text);
  if (v === null) return null;
  let next = i + 1;
  const n = tokens[next];
  if (n && n.kind === 'word' && isNumberWord(n.text)) {
    const u = numberValue(n.text);
    if (u !== null && v >= 20 && v < 100 && v % 10 === 0 && u > 0 && u < 10) {
      v += u;
      next++;
    } else if (u === 100 && v > 0 && v < 10) {
      v *= 100;
      next++;
    } else if (u === 12 && v === 1) {
      // "a dozen"
      v = 12;
      next++;
    }
  }
  return { value: v, next };
}

/** Finds the noun a number counts, forwards ("12 nuorta") or backwards ("tytöt: 5"). */
function forwardNoun(tokens: Token[], from: number): { cat: CountCat; at: number } | null {
  let j = from;
  for (let skipped = 0; j < tokens.length && skipped <= 3; j++) {
    const t = tokens[j];
    if (t.kind === 'word') {
      const c = nounCat(t.text);
      if (c) {
        const n = tokens[j + 1];
        const c2 = c === 'total' && n && n.kind === 'word' ? nounCat(n.text) : null;
        if (c2 && c2 !== 'total') return { cat: c2, at: j + 1 };
        // "non binary"
        return { cat: c, at: j };
      }
      if (t.text === 'non' && tokens[j + 1]?.text === 'binary') return { cat: 'nonBinary', at: j + 1 };
      if (CAME.has(t.text) && skipped === 0) return { cat: 'total', at: -1 };
      if (!FILLERS.has(t.text)) return null;
      skipped++;
    } else if (t.kind === 'punct' && !/[\p{L}\p{N},.;:()[\]"'+/&*#<>=-]/u.test(t.text)) {
      // emoji and symbols between a number and its noun
      skipped++;
    } else return null;
  }
  return null;
}

function backwardNoun(tokens: Token[], from: number, claimed: Set<number>): { cat: CountCat; at: number } | null {
  let k = from;
  let skipped = 0;
  while (k >= 0 && skipped < 3 && (BACK_SKIP.has(tokens[k].text) || tokens[k].kind === 'punct' && tokens[k].text !== ',')) {
    if (tokens[k].kind === 'punct' && !BACK_SKIP.has(tokens[k].text)) return null;
    k--;
    skipped++;
  }
  if (k < 0 || tokens[k].kind !== 'word' || claimed.has(k)) return null;
  const c = nounCat(tokens[k].text);
  return c ? { cat: c, at: k } : null;
}

/** inferTotal: a total implied by girls + boys + non-binary when none is stated. */
export function findCounts(s: string, inferTotal = true, acceptWeak = false): CountsFound {
  const tokens = tokenise(s);
  const hits: Hit[] = [];
  const claimed = new Set<number>();
  let sentence = 0;
  let sentenceStart = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind === 'sep') {
      sentence++;
      sentenceStart = i + 1;
      continue;
    }
    const v = valueAt(tokens, i);
    if (!v || v.value > 100000) continue;
    const prev = tokens[i - 1];
    if (prev && (prev.text === '#' || prev.text === '€' || prev.text === '$')) continue;
    let found = forwardNoun(tokens, v.next);
    const back = backwardNoun(tokens, i - 1, claimed);
    if (back && found && found.at >= 0) {
      // "girls 5 boys 7": the noun ahead belongs to the next number.
      const after = tokens[found.at + 1];
      if (after && (after.kind === 'num' || after.text === ':')) found = back;
    }
    if (!found && back) {
      const n = tokens[v.next];
      if (!n || n.kind !== 'word' || !nounCat(n.text)) found = back;
    }
    if (!found) {
      i = v.next - 1;
      continue;
    }
    if (found.at >= 0) claimed.add(found.at);
    const word = t.text;
    if (word === 'one' && prev && (prev.text === 'no' || prev.text === 'not')) continue;
    let weak = t.kind === 'word' && ARTICLES.has(word) && v.value === 1;
    if (weak && prev && MEET.has(prev.text)) weak = false;
    if (!weak && v.value === 1 && ONE_WORDS.has(word) && i === sentenceStart && GENDER.has(found.cat)) weak = true;
    hits.push({ cat: found.cat, value: v.value, weak, sentence });
    i = Math.max(i, found.at, v.next - 1);
  }
  const participants = emptyParticipants();
  let staffCount: number | null = null;
  for (const h of hits) {
    if (h.weak && !acceptWeak && !hits.some((o) => !o.weak && o.sentence === h.sentence && o.cat !== 'staff')) continue;
    if (h.cat === 'staff') {
      if (staffCount === null) staffCount = h.value;
    } else if (participants[h.cat] === null) participants[h.cat] = h.value;
  }
  if (participants.total === null && inferTotal) {
    const parts = [participants.girls, participants.boys, participants.nonBinary];
    if (parts.some((p) => p !== null)) participants.total = parts.reduce<number>((a, p) => a + (p ?? 0), 0);
    else if (OUT_OF_RE.test(s)) participants.total = Number(OUT_OF_RE.exec(s)?.[1]);
    else if (NOBODY_RE.test(s)) participants.total = 0;
    else if (participants.new === null && ONE_PERSON_RE.test(s)) participants.total = 1;
  }
  return { participants, staffCount };
}
