/** Participant counts (total, girls, boys, non-binary, new) and staff count from masked, normalised text. */
import { emptyParticipants, type Participants } from '../entry';
import { ARTICLES, isNumberWord, numberValue } from './numbers';
import { tokenise, type Token } from './normalise';

export type CountCat = 'total' | 'girls' | 'boys' | 'nonBinary' | 'new' | 'staff';

const NOUN_LIST: Record<CountCat, string> = {
  total:
    'kids kid children child young youth youths youngster youngsters teen teens teenager teenagers tweens participant participants ' +
    'visitor visitors viewer viewers people persons person attendees attendee guests members players pupils students audience ' +
    'opiskelijaa opiskelijoita opiskelijat yp ypp leavers brothers sisters siblings veljestä siskosta sisarusta bröder systrar syskon individuals folks pers hlö hlöä henk henkeä henkilö henkilöä henkilöt henkilöitä hloa hlo henkiloa ' +
    'nuori nuorta nuoria nuoren nuoret nuorisoa lasta lapsi lapsia lapset osallistujaa osallistujia osallistuja osallistujat ' +
    'kävijää kävijöitä kävijä kävijät kavijaa tyyppiä tyyppi tyyppejä tyypit oppilasta oppilaita pelaajaa pelaajia ' +
    'katsojaa katsojia katsoja vierasta vieraita ihmistä ihmisiä teiniä teinejä yhteensä total totalt sammanlagt jäsentä jäseniä yleisöä ' +
    'ungdomar ungdommar ungdom ungdomen unga ungar barn barnen deltagare deltagarna besökare besökarna personer tonåringar ' +
    'valtuutettua valtuutettuja valtuutetut edustajaa edustajia councillors delegates representatives ' +
    'ledamöter ledamot elever spelare tittare gäster stycken st individer ungdomarna medlemmar publik publiken campers leiriläistä leiriläisiä kerholaista ' +
    // learners' plurals: "150 childs", "came 21 youngs"
    'childs childrens youngs peoples teenages ' +
    // people named by what they do or which school year they are in: "12 performers", "25 9th graders"
    'performers dancers singers musicians skaters gamers climbers riders runners swimmers listeners learners graders formers ' +
    'dansare musiker åskådare lyssnare skejtare skatare',
  girls:
    'girls girl gals ladies tytöt tyttöä tyttöjä tyttö tytön tyttoa tytot tyttoja tytsyä tyttösiä tjejer tjej tjejen tjejerna ' +
    'flickor flicka flickorna',
  boys:
    'boys boy lads lad guys guy poikaa pojat poikia poika pojan poikii killar kille killen killarna pojkar pojke pojkarna grabbar',
  nonBinary:
    'non-binary nonbinary enby enbies nb muunsukupuolinen muunsukupuolista muunsukupuolisia muunsukupuolista ' +
    'ickebinär ickebinära ickebinärt icke-binär icke-binära icke-binärt ei-binäärinen ei-binääristä ei-binäärisiä genderqueer',
  new:
    'new newcomer newcomers first-timers first-timer timers uutta uusia uusi uudet uusii uus ensikertalaista ensikertalaisia nya ny nykomlingar',
  staff:
    'workers worker staff leaders leader instructors instructor adults employees volunteers colleagues ohjaajaa ohjaajat ohjaaja ' +
    'työntekijää työntekijät aikuista aikuiset vapaaehtoista ledare fritidsledare personal vuxna anställda handledare volontärer',
};

const NOUNS = new Map<string, CountCat>();
for (const [cat, list] of Object.entries(NOUN_LIST) as [CountCat, string][]) {
  for (const w of list.split(/\s+/)) if (w && !NOUNS.has(w)) NOUNS.set(w, cat);
}

/** Nouns long enough for a one-letter typo to be safe ("ungdommar", "osallistujia"), by first letter. */
const FUZZY = new Map<string, string[]>();
for (const w of NOUNS.keys()) {
  if (w.length < 6 || w.includes('-')) continue;
  const list = FUZZY.get(w[0]);
  if (list) list.push(w);
  else FUZZY.set(w[0], [w]);
}

/** Whether a and b differ by one inserted, deleted or substituted letter. */
function oneEdit(a: string, b: string): boolean {
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    // two neighbouring letters swapped: "memebrs"
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** A near-miss of a known count noun: one letter off, same first letter, at least six letters. */
function fuzzyCat(t: string): CountCat | null {
  if (t.length < 6 || isNumberWord(t)) return null;
  const list = FUZZY.get(t[0]);
  if (!list) return null;
  for (const w of list) if (oneEdit(t, w)) return NOUNS.get(w) ?? null;
  return null;
}

function nounCat(t: string): CountCat | null {
  const c = NOUNS.get(t);
  if (c) return c;
  return nounCatRules(t) ?? fuzzyCat(t);
}

function nounCatRules(t: string): CountCat | null {
  if (/(?:ohjaajaa|ohjaajat|työntekijää|työntekijät|ledare|workers)$|^(?:opettaj|vetäj|valmentaj|kouluttaj)/.test(t)) return 'staff';
  if (/(?:deltagare|osallistujaa|kävijää|läistä|laista)$/.test(t)) return 'total';
  // role nouns in the plural: "kasiluokkalaisia", "leiriläiset"
  if (t.endsWith('laisia') || t.endsWith('läisiä') || t.endsWith('laiset') || t.endsWith('läiset')) return 'total';
  if (/^(?:nuor(?:ta|ia)|tyttö(?:ä|jä)|poik(?:aa|ia))$/.test(t)) return NOUNS.get(t) ?? null;
  // "leiri 20 nuorelle", "15 yläkoululaiselle": a numeral with a noun in the allative
  if (/(?:nuorelle|lapselle|osallistujalle|kävijälle|oppilaalle|opiskelijalle|laiselle)$/.test(t)) return 'total';
  if (/(?:tyttöä|tyttöjä|tytölle)$/.test(t)) return 'girls';
  if (/(?:poikaa|poikia|pojalle)$/.test(t)) return 'boys';
  if (/(?:nuorta|nuoria)$/.test(t) && !/(?:vanhempaa|nuorempaa)$/.test(t)) return 'total';
  // Swedish and English compounds: "gymnasieelever", "högstadieungdomar", "tonårstjejer", "schoolkids".
  if (t.length > 7) {
    if (/(?:elever|ungdomar|deltagare|besökare|klassare|oppilasta|oppilaita|kids|students|pupils)$/.test(t)) return 'total';
    if (/(?:tjejer|flickor)$/.test(t)) return 'girls';
    if (/(?:killar|pojkar)$/.test(t)) return 'boys';
    // Finnish agent nouns in -ja/-jä: "neljä soittajaa", "12 pelaajia", "30 harrastajaa"
    if (AGENT_FI.test(t)) return 'total';
  }
  return null;
}

const AGENT_FI = /[aeiouyäö]j(?:aa|ää|ia|iä|at|ät|oita|öitä)$/;

const FILLERS = new Set(
  ('of them which whom were was are is in total more other extra different young little small older younger happy great ' +
    'awesome amazing active regular lovely nice care first the these those all altogether in-total than ' +
    'joista heistä niistä oli olivat eri pientä isompaa vanhempaa nuorempaa iloista aktiivista innokasta ihanaa ' +
    'varav av dem var är glada nöjda äldre yngre andra stycken ' +
    // intensifiers: "3 ihan uusia", "2 brand new", "4 helt nya"
    'ihan aivan täysin ihka brand totally completely helt alldeles splitter').split(/\s+/),
);
const BACK_SKIP = new Set([':', '=', '-', '~', 'noin', 'n', 'ca', 'c', 'about', 'around', 'approx', 'roughly', 'runt', 'ungefär', 'cirka', 'circa', 'n.', 'ca.', 'oli', 'olivat', 'var', 'were', 'was', 'paikalla', 'present', 'på', 'plats', 'yht',
  'arviolta', 'suunnilleen', 'approximately', 'omkring', 'kring', 'max', 'maks', 'maksimissaan', 'enimmillään', 'peak', 'yli', 'över']);
/** Verbs after a number that make it a head count: "12 came", "12 kom", "12 tuli". */
const CAME = new Set(['came', 'showed', 'turned', 'attended', 'joined', 'kom', 'dök', 'deltog', 'tuli', 'kävi', 'osallistui', 'saapui']);
const MEET = new Set(['only', 'just', 'bara', 'endast', 'vain', 'ainoastaan', 'met', 'meet', 'saw', 'träffade', 'träffat', 'träffa', 'mötte', 'pratade', 'tapasin', 'tapasimme', 'tapasi', 'kohtasin', 'tavattiin', 'helped']);
const PREPS = new Set(['om', 'about', 'over', 'för', 'for', 'till', 'to', 'av', 'of', 'från', 'from', 'åt', 'by', 'like', 'som', 'än', 'than']);
const GENDER = new Set<CountCat>(['girls', 'boys', 'nonBinary']);
const ONE_WORDS = new Set(['one', 'yksi', 'yhden', 'yhtä', 'en', 'ett', 'a', 'an']);
/** Verbs before "with a ...": "talked with a girl", "pratade med en kille" make the article a count of one. */
const TALK = new Set(['talked', 'chatted', 'spoke', 'spent', 'worked', 'sat', 'walked', 'met', 'pratade', 'snackade', 'satt',
  'jobbade', 'träffades', 'promenerade', 'gick',
  // a session named before "with a girl": "walk-and-talk with a girl", "träff med en kille"
  'meeting', 'session', 'chat', 'call', 'walk', 'walk-and-talk', 'talk', 'coffee', 'samtal', 'träff', 'möte', 'mötet', 'promenad',
  'fika', 'telefonsamtal', 'videosamtal']);
const WITH = new Set(['with', 'w', 'med']);
/** Words right after a number that make it a head count: "9 närvarande", "9 paikalla", "15 online", "14 inne", "9 there". */
const PRESENT = new Set(['present', 'inne', 'there', 'närvarande', 'paikalla', 'mukana', 'online', 'linjoilla', 'linjalla', 'läsnä',
  'chatissa', 'chätissä', 'striimissä', 'streamissa', 'discordissa', 'servulla', 'palvelimella', 'puhelussa', 'kanavalla']);
/** Where people are online, after "in"/"i"/"on"/"på": "11 i chatten", "12 in the chat", "9 on the call". */
const ONLINE_PLACES = new Set(['chat', 'chatten', 'chatt', 'chatet', 'stream', 'streamen', 'call', 'samtalet', 'server', 'servern',
  'discord', 'discorden', 'zoom', 'teams', 'voice', 'lobby', 'lobbyn']);
/** Abbreviations whose dot is not a sentence end: "n. 40", "ca. 15", "approx. 20". */
const ABBREVIATIONS = new Set(['n', 'ca', 'c', 'approx', 'appr', 'esim', 'yht', 'mm', 'vrt']);
const ORDINAL_SUFFIX = new Set(['th', 'st', 'nd', 'rd']);
/** "2 ekaa kertaa", "3 first time", "2 för första gången": new ones. */
const FIRST = new Set(['ekaa', 'eka', 'ensimmäistä', 'ensimmäisen', 'ensi', 'first']);
const TIMES = new Set(['kertaa', 'kerran', 'time', 'gången']);
/** Words for people that may include adults: "35 henkeä, joista nuoria 25" counts the young ones. */
const GENERIC_PEOPLE = new Set(['henkeä', 'henkilöä', 'henkilöt', 'henkilöitä', 'henk', 'hlö', 'hlöä', 'hloa', 'hlo', 'henkiloa',
  'ihmistä', 'ihmisiä', 'people', 'persons', 'person', 'pers', 'personer', 'folks', 'individuals', 'individer']);

interface Hit {
  cat: CountCat;
  value: number;
  weak: boolean;
  sentence: number;
  /** A gender count opening a later sentence and followed by a verb: "20 nuorta. Kaks poikaa uhkaili ..." */
  mention: boolean;
  /** "helped a lad", "a boy came": the one person met, unless a head count is given elsewhere. */
  single: boolean;
  /** A total in words that may include adults: "35 henkeä", "40 people". */
  generic: boolean;
  /** After "joista", "varav", "of whom": a part of the number before. */
  part: boolean;
}

const NOBODY_RE =
  /(?<![\p{L}])(?:nobody|no one|no-one|noone|not a single|zero (?:kids|youth|young|visitors|participants)|no (?:kids|young people|youth|teens|visitors|participants) (?:came|showed|turned|were|at all)|ei (?:[\p{L}-]+ ){0,2}(?:ketään|kukaan|yhtään (?:nuorta|kävijää|osallistujaa))(?! (?:kenen|jolle|kenelle|jonka|jota|kehen|kenestä|kenellä|kelle|jolla))|kukaan ei|ketään ei|ingen (?:[\p{L}]+ )?(?:kom|dök)|(?:kom|dök) ingen|inga besökare|inga ungdomar|inga (?:på|i)(?= [\p{L}])|inga deltagare|ingen alls|ingen var)(?![\p{L}])/u;
/** No one got in touch, in online and chat work: "ei yhtään yhteydenottoa", "inga kontakter", "no messages". */
const NO_CONTACT_RE =
  /(?<![\p{L}])(?:ei (?:[\p{L}-]+ ){0,2}yhtään (?:yhteydenott\p{L}*|viestiä|soittoa|puhelua|katsojaa|kysymystä)|inga (?:kontakter|samtal|meddelanden|chattar|frågor)|ingen (?:hörde av sig|tog kontakt|skrev|ringde|chattade)|no (?:contacts|messages|calls|chats|dms|enquiries|inquiries)|(?:0|nolla|zero|noll) (?:yhteydenott\p{L}*|contacts|kontakter|messages|viestiä|meddelanden))(?![\p{L}])/u;

/** One young person without a number: "samtal med en ungdom", "puhelu nuoren kanssa". */
const ONE_PERSON_RE =
  /(?<![\p{L}])(?:(?:tapasin|tapasimme|tavattiin) (?:\p{L}+ )?(?:hänet|hänen|nuoren)|yh(?:d)?en [\p{L}\d-]+ kanssa|(?:träffade|träffat) (?:honom|henne)|(?:met|saw) (?:him|her) (?:for|at|in|today|yesterday)|(?:with|med|w|to|till|and) (?:a|an|one|en|ett) (?:young person|youth|teen|teenager|kid|young man|young woman|young dad|young mum|young mom|young carer|ungdom|ung tjej|ung kille|tonåring|pupil|student|elev)|träffade en elev|(?<!(?:muutaman|parin|useamman|usean|monen|muutamien|joidenkin|kaikkien|eri|toisen|kahden|kolmen) )(?:yhden )?(?:nuoren|tytön|pojan) kanssa)(?![\p{L}])/u;

/** "sat down with one of our regulars", "stödsamtal 40 min med ungdom": one young person. */
const ONE_OF_RE =
  /(?<![\p{L}])(?:(?:with|med|w) (?:one of (?:our|the|my) (?:regulars|young people|youths|kids|lads|boys|girls|members|visitors)|en av (?:våra |de )?(?:stammisar|ungdomarna|killarna|tjejerna|besökarna))|(?:samtal|träff|möte|promenad)\p{L}*\s+(?:[\d,.]+ ?(?:min|h|t|timmar|timme)\p{L}*\s+)?med (?:ungdom|ung tjej|ung kille|elev))(?![\p{L}])/u;

/** A message that opens with one young person as its subject: "young person disclosed ...", "nuori kertoi ...". */
const SUBJECT_ONE_RE = /^\s*(?:(?:a|one) )?(?:young person|nuori|en ungdom|ungdomen|yksi nuori) (?![\p{L}]*(?:ppl|people))/u;

/** "8 lag à 6 spelare", "6 teams of 5 players", "4 joukkuetta à 5 pelaajaa": teams times players. */
const TEAMS_RE =
  /(?<![\p{L}\d.,:])(\d{1,2}|\p{L}+) (?:lag|laget|teams?|joukkuetta|joukkueella|joukkuetta) (?:à |á |a |of |x |× |@ |med |with |per |, )?(\d{1,2}|\p{L}+) (?:spelare|players|pelaajaa|pelaajan|pelaajalla|deltagare|participants|hengen|henkeä|personer|people|kids|ungdomar|nuorta|each|vardera|kussakin)(?![\p{L}])/u;

const TEAM_WORD_RE = /(?:lag|laget|teams?|joukkuetta|joukkueella) /;

/** "7 new out of 25": the total after "out of". */
const OUT_OF_RE = /(?<![\p{L}])out of (?:about |approx\.? |~)?(\d{1,5})(?!\d)/u;

export interface CountsFound {
  participants: Participants;
  staffCount: number | null;
}

/** "young man", "young women": a gender noun after "young". */
const YOUNG_GENDER = new Map<string, CountCat>([
  ['man', 'boys'], ['men', 'boys'], ['woman', 'girls'], ['women', 'girls'],
]);
/** Pronouns after "of" that point back to a group named earlier: "the lads ... 9 of em". */
const OF_THEM = new Set(['them', 'em', 'those', 'us']);

/** The category of the nearest earlier group noun without a number of its own ("the lads", "poikien"). */
function antecedent(tokens: Token[], before: number): CountCat | null {
  for (let k = before - 1; k >= 0; k--) {
    const t = tokens[k];
    if (t.kind !== 'word') continue;
    const c = nounCat(t.text);
    if (!c || c === 'staff' || c === 'new') continue;
    const p = tokens[k - 1];
    if (p && (p.kind === 'num' || (p.kind === 'word' && isNumberWord(p.text) && !ARTICLES.has(p.text)))) return null;
    return c;
  }
  return null;
}

/** "of which", "joista", "varav": what follows is a part of the number before. */
const PARTITIVE = new Set(['joista', 'heistä', 'varav', 'which', 'whom']);

/** A head count named by a word for it: "kävijämäärä eilen 19", "antal besökare: 30", "attendance 25". */
const HEADCOUNT_RE =
  /(?<![\p{L}])(?:kävijämäär\p{L}*|osallistujamäär\p{L}*|kävijöitä yhteensä|besöksantal\p{L}*|deltagarantal\p{L}*|antal (?:besökare|deltagare|ungdomar)|attendance|headcount|head count|footfall)(?:[^\d.!?\n]{0,30}?)(?<![\d.,:-])(\d{1,4})(?![\d.,:]\d|\d| ?(?:min|h|t|tun|tim|%|€))/u;
/** No new ones: "uusia ei yhtään", "inga nya", "no new ones". */
const NO_NEW_RE =
  /(?<![\p{L}])(?:uusia ei (?:yhtään|ollut|tullut)|ei (?:yhtään |ollut |tullut )?uusia|ei uusia|inga nya|ingen ny|no new (?:ones|faces|kids|people|visitors|participants)|no newcomers|none new|0 new)(?![\p{L}])/u;
/** Only familiar faces, so no new ones: "all known to us", "kaikki tuttuja", "alla var kända". */
const ALL_KNOWN_RE =
  /(?<![\p{L}])(?:all (?:of them )?(?:were )?(?:known to us|familiar faces|familiar|regulars|usual faces|known faces|the usual crowd)|(?:only|just) (?:regulars|familiar faces)|kaikki (?:olivat |oli )?(?:(?:vanhoja |entuudestaan )?tuttuja|vakkareita|vakiokävijöitä|tuttuja naamoja)|pelkkiä (?:tuttuja|vakkareita|vakiokävijöitä)|alla (?:var )?(?:kända|bekanta|stammisar|gamla bekanta|kända ansikten)|bara (?:stammisar|kända ansikten))(?![\p{L}])/u;
/** "juteltiin n. 50 oppilaan kanssa": a count in the genitive before "kanssa". */
const WITH_COUNT_FI_RE =
  /(?<![\d.,:])(\d{1,3}) (?:[\p{L}-]+ )?(?:nuoren|oppilaan|opiskelijan|lapsen|kävijän|tytön|pojan|nuorten) kanssa(?![\p{L}])/u;
/** New ones named as not met before: "2 of whom we hadn't met before", "3 som vi inte träffat förut", "2 joita ei ollut ennen tavattu". */
const NOT_MET_BEFORE_RE =
  /(?<![\p{L}\d.,:])(\d{1,3}|\p{L}+) (?:of (?:them|whom|those) |av dem |heistä )?(?:(?:we|i) (?:hadn't|had not|haven't|have not|had never|have never|never) (?:met|seen)(?: before| previously)?|som (?:vi|jag) (?:inte|aldrig) (?:hade )?(?:träffat|mött|sett) (?:förut|tidigare|innan)|(?:joita|joihin) (?:ei|emme) (?:ole|ollut|oltu) (?:ennen|aiemmin|aikaisemmin) (?:tavattu|tavannut|tavanneet|nähty|törmätty))(?![\p{L}])/u;
/** The verb NOT_MET_BEFORE_RE needs; a cheap test first, as that pattern starts at every word. */
const NOT_MET_WORD_RE = /(?:n't|not|never) (?:met|seen)|(?:inte|aldrig) (?:hade )?(?:träffat|mött|sett)|(?:ei|emme) (?:ole|ollut|oltu) (?:ennen|aiemmin|aikaisemmin)/;
/** "En av dem var ny", "one of them was new", "yksi heistä oli uusi". */
const ONE_NEW_RE = /(?<![\p{L}])(?:en|one|yksi|yks) (?:av dem|of them|heistä) (?:var|was|oli) (?:ny|new|uusi)(?![\p{L}])/u;
/** "kaikki poikia paitsi 2 tyttöä", "all boys except 2 girls", "alla killar utom 2 tjejer". */
const ALL_EXCEPT_RE =
  /(?<![\p{L}])(?:kaikki|all|alla) (?:olivat |were |var )?(poikia|pojat|poikii|boys|lads|killar|pojkar|tyttöjä|tytöt|girls|tjejer|flickor) (?:paitsi|except|but|utom|förutom) (\d{1,3}|\p{L}+) (?:tyttö\p{L}*|girls?|tjej\p{L}*|flick\p{L}*|poik\p{L}*|poja\p{L}*|boys?|lads?|kill\p{L}*|pojk\p{L}*)/u;

/** "6 players, all boys", "sju ungdomar, alla killar", "kaikki poikia": everyone of one gender. */
const ALL_ONE_GENDER_RE =
  /(?<![\p{L}])(?:all|alla|kaikki|only|bara|enbart|pelkkiä|pelkästään|vain) (?:of them )?(?:were |var |olivat |oli )?(?:(poikia|poikii|boys|lads|killar|pojkar|grabbar)|(tyttöjä|tyttöi|girls|tjejer|flickor))(?![\p{L}])(?! (?:paitsi|except|but|utom|förutom|ja|and|och|sekä|\d))/u;
/** Words that make the rare patterns below worth a scan, noted while tokens are read: cheaper than scanning every text. */
const MET_CUE = 1;
const ALL_CUE = 2;
const APPROX_CUE = 4;
const CUE_WORDS = new Map<string, number>([
  ...['met', 'seen', 'träffat', 'mött', 'sett', 'tavattu', 'tavannut', 'tavanneet', 'nähty', 'törmätty'].map((w): [string, number] => [w, MET_CUE]),
  ...['all', 'alla', 'kaikki', 'only', 'bara', 'enbart', 'pelkkiä', 'pelkästään', 'vain'].map((w): [string, number] => [w, ALL_CUE]),
  ...['parikymmentä', 'kolmisenkymmentä', 'nelisenkymmentä', 'viitisenkymmentä', 'kuutisenkymmentä', 'kymmenkunta', 'tiotal', 'tjugotal',
    'trettiotal', 'fyrtiotal', 'femtiotal'].map((w): [string, number] => [w, APPROX_CUE]),
]);
/** A hedged round number standing alone at a clause end: "ehkä parikymmentä.", "ett tjugotal." */
const APPROX_ALONE_RE =
  /(?<![\p{L}])(?:(pari|kolmisen|nelisen|viitisen|kuutisen)kymmentä|kymmenkunta|(tio|tjugo|trettio|fyrtio|femtio)tal)(?=\s*(?:[.,;!?)]|$))/u;
const APPROX_TENS: Record<string, number> = { pari: 20, kolmisen: 30, nelisen: 40, viitisen: 50, kuutisen: 60, tio: 10, tjugo: 20, trettio: 30, fyrtio: 40, femtio: 50 };

/** Words that make a number approximate: "40ish", "40-odd". */
const APPROX = new Set(['ish', 'odd']);

function valueAt(tokens: Token[], i: number): { value: number; next: number } | null {
  const t = tokens[i];
  if (t.kind === 'num') {
    if (/[.,]/.test(t.text) || t.text.length > 6) return null;
    // "ett 40-tal ungdomar": about 40
    if (tokens[i + 1]?.text === '-' && tokens[i + 2]?.text === 'tal') return { value: parseInt(t.text, 10), next: i + 3 };
    // "40ish", "40-ish", "40-odd young people": about 40
    if (APPROX.has(tokens[i + 1]?.text ?? '')) return { value: parseInt(t.text, 10), next: i + 2 };
    if (tokens[i + 1]?.text === '-' && APPROX.has(tokens[i + 2]?.text ?? '')) return { value: parseInt(t.text, 10), next: i + 3 };
    return { value: parseInt(t.text, 10), next: i + 1 };
  }
  if (t.kind !== 'word') return null;
  // "half a dozen"
  if (t.text === 'half' && tokens[i + 1]?.text === 'a' && tokens[i + 2]?.text === 'dozen') return { value: 6, next: i + 3 };
  let v = numberValue(t.text);
  if (v === null) return null;
  // "kahden kesken" is "in private", not two
  if (t.text === 'kahden' && tokens[i + 1]?.text === 'kesken') return null;
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
interface NounAt {
  cat: CountCat;
  at: number;
  /** Found from a word like "present" rather than a noun: a noun before the number wins. */
  soft?: boolean;
}

function forwardNoun(tokens: Token[], from: number): NounAt | null {
  let j = from;
  for (let skipped = 0; j < tokens.length && skipped <= 3; j++) {
    const t = tokens[j];
    if (t.kind === 'word') {
      const c = nounCat(t.text);
      if (c) {
        const n = tokens[j + 1];
        // "a young man", "two young women"
        const g = t.text === 'young' && n?.kind === 'word' ? YOUNG_GENDER.get(n.text) : undefined;
        if (g) return { cat: g, at: j + 1 };
        const c2 = c === 'total' && n && n.kind === 'word' ? nounCat(n.text) : null;
        if (c2 && c2 !== 'total') return { cat: c2, at: j + 1 };
        // "young people": the noun is the second word
        if (c2 === 'total') return { cat: c, at: j + 1 };
        // "non binary"
        return { cat: c, at: j };
      }
      if (t.text === 'non' && tokens[j + 1]?.text === 'binary') return { cat: 'nonBinary', at: j + 1 };
      if (CAME.has(t.text) && skipped === 0) return { cat: 'total', at: -1 };
      if (PRESENT.has(t.text)) {
        const n = tokens[j + 1];
        // "15 online viewers": the noun comes next
        if (n && n.kind === 'word' && nounCat(n.text)) {
          skipped++;
          continue;
        }
        // "3 online sessions" is not a head count; "9 närvarande på ..." is
        // "9 there, 2hrs" and "14 inne varav 4 nya" count; "2 there was" does not
        const bare = t.text !== 'online' && t.text !== 'there' && t.text !== 'inne';
        const counted = !n || n.kind !== 'word' || (AFTER_COUNT.has(n.text) && t.text !== 'there') || bare;
        if (counted) return { cat: 'total', at: -1, soft: true };
        return null;
      }
      // "33 in, 4 first timers": a head count "in" the door
      if (t.text === 'in' && skipped === 0 && j === from && (!tokens[j + 1] || tokens[j + 1].kind === 'sep' || tokens[j + 1].text === ',')) {
        return { cat: 'total', at: -1 };
      }
      // "35 through the door"
      if (t.text === 'through' && j === from && tokens[j + 1]?.text === 'the' && tokens[j + 2]?.text === 'door') return { cat: 'total', at: -1 };
      // "11 i chatten", "12 in the chat", "9 on the call"
      if (j === from && (t.text === 'in' || t.text === 'i' || t.text === 'on' || t.text === 'på')) {
        const place = tokens[j + 1]?.text === 'the' ? tokens[j + 2] : tokens[j + 1];
        if (place && ONLINE_PLACES.has(place.text)) return { cat: 'total', at: -1, soft: true };
      }
      // "2 ekaa kertaa", "3 first time", "2 för första gången", "2 for the first time"
      if (FIRST.has(t.text) && TIMES.has(tokens[j + 1]?.text ?? '')) return { cat: 'new', at: j + 1 };
      if ((t.text === 'för' || t.text === 'for') && j === from) {
        const k = tokens[j + 1]?.text === 'the' ? j + 2 : j + 1;
        if ((tokens[k]?.text === 'första' || tokens[k]?.text === 'first') && TIMES.has(tokens[k + 1]?.text ?? '')) return { cat: 'new', at: k + 1 };
      }
      if (!FILLERS.has(t.text)) return null;
      skipped++;
    } else if (t.kind === 'punct' && j === from && t.text === '+') {
      // "60+ young people"
      skipped++;
    } else if (t.kind === 'num' && j === from && ORDINAL_SUFFIX.has(tokens[j + 1]?.text ?? '') && tokens[j + 2]?.kind === 'word') {
      // "25 9th graders": the school year between a number and its noun
      const c = nounCat(tokens[j + 2].text);
      return c ? { cat: c, at: j + 2 } : null;
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
  while (k >= 0 && skipped < 3 && (BACK_SKIP.has(tokens[k].text) || tokens[k].kind === 'punct' && tokens[k].text !== ',' ||
    tokens[k].text === '.' && ABBREVIATIONS.has(tokens[k - 1]?.text ?? ''))) {
    if (tokens[k].kind === 'punct' && !BACK_SKIP.has(tokens[k].text)) return null;
    k--;
    skipped++;
  }
  if (k < 0 || tokens[k].kind !== 'word' || claimed.has(k)) return null;
  const c = nounCat(tokens[k].text);
  return c ? { cat: c, at: k } : null;
}

/**
 * Gender shorthand in pairs: "16p/10t", "5t 3p", "12M/7F", "6b+4g", "8k 5t". A boy letter and a girl
 * letter must both be there, so "2t" alone stays a duration (tunti).
 */
const BOY_LETTERS = 'pbmk';
const GIRL_LETTERS = 'tgf';
export const GENDER_PAIR_RE =
  /(?<![\p{L}\d.,:])(\d{1,3}) ?([pbmktgf])(?:\s*[/,+&]\s*|\s+(?:ja|och|and|&)\s+|\s+)(\d{1,3}) ?([pbmktgf])(?![\p{L}\d])/gu;

function isPair(a: string, b: string): boolean {
  if (a === 'm' && b === 't') return false;
  return (BOY_LETTERS.includes(a) && GIRL_LETTERS.includes(b)) || (GIRL_LETTERS.includes(a) && BOY_LETTERS.includes(b));
}

/** Spans of gender shorthand pairs, so durations do not read "10t" as ten hours. */
export function genderPairSpans(s: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  if (!/\d ?[pbmktgf](?![\p{L}\d])/u.test(s)) return out;
  GENDER_PAIR_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = GENDER_PAIR_RE.exec(s)) !== null) {
    if (isPair(m[2], m[4])) out.push({ start: m.index, end: m.index + m[0].length });
    // "2t, 5t 3p": retry from the second number
    else GENDER_PAIR_RE.lastIndex = m.index + 1;
  }
  GENDER_PAIR_RE.lastIndex = 0;
  return out;
}

function expandPairs(s: string): string {
  const spans = genderPairSpans(s);
  if (!spans.length) return s;
  const word = (l: string): string => (BOY_LETTERS.includes(l) ? 'boys' : 'girls');
  let out = '';
  let pos = 0;
  for (const p of spans) {
    const m = new RegExp(GENDER_PAIR_RE.source, 'u').exec(s.slice(p.start, p.end));
    if (!m) continue;
    out += `${s.slice(pos, p.start)}${m[1]} ${word(m[2])} , ${m[3]} ${word(m[4])}`;
    pos = p.end;
  }
  return out + s.slice(pos);
}

/** Words that may follow a gender count that is a head count ("6 poikaa ja 4 tyttöä", "9 girls came"). */
const AFTER_COUNT = new Set(['and', 'ja', 'och', 'sekä', 'plus', 'of', 'joista', 'varav', 'with', 'med', 'in', 'at', 'on', 'from',
  'ages', 'aged', 'incl', 'including', 'inkl', 'inklusive', 'total', 'yhteensä', 'totalt', 'mukana', 'paikalla', 'present', 'were', 'was', 'oli', 'olivat', 'var']);

/** "2 of whom we hadn't met before": the new ones, at most the total; null when not said so. */
function notMetBefore(s: string, total: number): number | null {
  if (!NOT_MET_WORD_RE.test(s)) return null;
  const unmet = NOT_MET_BEFORE_RE.exec(s);
  const n = unmet ? (/^\d/.test(unmet[1]) ? Number(unmet[1]) : numberValue(unmet[1])) : null;
  return n !== null && n <= total ? n : null;
}

/** "ehkä parikymmentä.": a hedged round number standing alone, or null. */
function approximateAlone(s: string): number | null {
  const alone = APPROX_ALONE_RE.exec(s);
  return alone ? APPROX_TENS[alone[1] ?? alone[2] ?? ''] ?? 10 : null;
}

/** "all boys", "alla tjejer": the one gender everyone was, or null. */
function allOneGender(s: string): 'boys' | 'girls' | null {
  const one = ALL_ONE_GENDER_RE.exec(s);
  return one ? (one[1] ? 'boys' : 'girls') : null;
}

/** inferTotal: a total implied by girls + boys + non-binary when none is stated. */
export function findCounts(s: string, inferTotal = true, acceptWeak = false): CountsFound {
  s = expandPairs(s);
  const tokens = tokenise(s);
  const hits: Hit[] = [];
  const claimed = new Set<number>();
  let sentence = 0;
  let sentenceStart = 0;
  let cues = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind === 'word') cues |= CUE_WORDS.get(t.text) ?? 0;
    if (t.kind === 'sep') {
      // "n. 40", "ca. 15": an abbreviation's dot does not end the sentence
      if (t.text === '.' && ABBREVIATIONS.has(tokens[i - 1]?.text ?? '')) continue;
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
      if (after && (after.kind === 'num' || after.text === ':') && !(back.cat === 'total' && GENDER.has(found.cat))) found = back;
    }
    if (found?.soft && back) found = back;
    // "kävijöitä 27 joista tyttöjä 11": the number before "joista" counts the noun before it.
    if (back && found && found.at > v.next && tokens.slice(v.next, found.at).some((w) => PARTITIVE.has(w.text))) found = back;
    if (!found && back) {
      const n = tokens[v.next];
      if (!n || n.kind !== 'word' || !nounCat(n.text)) found = back;
    }
    if (!found && tokens[v.next]?.text === 'of') {
      // "9 of em": the group named earlier, when nothing after says who they are
      let k = v.next + 1;
      if (tokens[k]?.text === "'") k++;
      const n = tokens[k + 1];
      if (OF_THEM.has(tokens[k]?.text ?? '') && (!n || n.kind !== 'word' || !nounCat(n.text))) {
        const c = antecedent(tokens, i);
        if (c) found = { cat: c, at: -1 };
      }
    }
    if (!found) {
      i = v.next - 1;
      continue;
    }
    if (found.at >= 0) claimed.add(found.at);
    const word = t.text;
    if (word === 'one' && prev && (prev.text === 'no' || prev.text === 'not')) continue;
    let weak = t.kind === 'word' && ARTICLES.has(word) && v.value === 1;
    let single = false;
    if (weak && prev && (MEET.has(prev.text) || (WITH.has(prev.text) && TALK.has(tokens[i - 2]?.text ?? '')))) {
      weak = false;
      single = GENDER.has(found.cat) || found.cat === 'total';
    }
    // "bråk om en tjej", "talked about a girl": an article after a preposition is never a count.
    if (weak && prev && PREPS.has(prev.text)) continue;
    const after = found.at >= 0 ? tokens[found.at + 1] : undefined;
    if (v.value === 1 && ONE_WORDS.has(word) && i === sentenceStart && GENDER.has(found.cat)) {
      // "Yksi poika tuli käymään", "En kille kom förbi": the one person who came.
      if (after && CAME.has(after.text)) {
        weak = false;
        single = true;
      } else weak = true;
    }
    const mention = GENDER.has(found.cat) && after !== undefined && after.kind === 'word' && !PARTITIVE.has(prev?.text ?? '') &&
      !AFTER_COUNT.has(after.text) && !CAME.has(after.text) && !nounCat(after.text) && !isNumberWord(after.text);
    const first = found.at >= 0 ? Math.min(i, found.at) : i;
    const generic = found.cat === 'total' && found.at >= 0 && GENERIC_PEOPLE.has(tokens[found.at].text) && tokens[found.at - 1]?.text !== 'young';
    const part = PARTITIVE.has(tokens[first - 1]?.text ?? '') || PARTITIVE.has(tokens[first - 2]?.text ?? '');
    hits.push({ cat: found.cat, value: v.value, weak, sentence, mention, single, generic, part });
    i = Math.max(i, found.at, v.next - 1);
  }
  const participants = emptyParticipants();
  let staffCount: number | null = null;
  let totalIsGeneric = false;
  for (const h of hits) {
    // A sentence about what some of them did, after the head count was given in an earlier sentence.
    if (h.mention && hits.some((o, k) => o.cat === 'total' && !o.weak && k < hits.indexOf(h)) &&
      !hits.some((o) => o !== h && GENDER.has(o.cat) && o.sentence === h.sentence)) continue;
    if (h.weak && !acceptWeak && !hits.some((o) => !o.weak && o.sentence === h.sentence && o.cat !== 'staff')) continue;
    if (h.single && hits.some((o) => !o.weak && !o.single && o.cat !== 'staff' && o.sentence !== h.sentence)) continue;
    if (h.cat === 'staff') {
      if (staffCount === null) staffCount = h.value;
    } else if (participants[h.cat] === null) {
      participants[h.cat] = h.value;
      if (h.cat === 'total') totalIsGeneric = h.generic;
    } else if (h.cat === 'total' && totalIsGeneric && h.part && !h.generic && h.value < participants.total!) {
      // "35 henkeä, joista nuoria 25", "40 people, of whom 30 young people": the young ones
      participants.total = h.value;
      totalIsGeneric = false;
    }
  }
  const teams = TEAM_WORD_RE.test(s) ? TEAMS_RE.exec(s) : null;
  if (teams) {
    const count = (w: string): number | null => (/^\d/.test(w) ? Number(w) : numberValue(w));
    const n = count(teams[1]);
    const each = count(teams[2]);
    if (n !== null && each !== null && n > 1 && (participants.total === null || participants.total === each)) participants.total = n * each;
  }
  if (participants.total === null) {
    const named = HEADCOUNT_RE.exec(s);
    if (named) participants.total = Number(named[1]);
  }
  if (participants.total === null) {
    const withCount = WITH_COUNT_FI_RE.exec(s);
    if (withCount) participants.total = Number(withCount[1]);
  }
  if (participants.new === null && (NO_NEW_RE.test(s) || ALL_KNOWN_RE.test(s))) participants.new = 0;
  if (participants.new === null && ONE_NEW_RE.test(s)) participants.new = 1;
  if (cues & MET_CUE && participants.new === null && participants.total !== null) participants.new = notMetBefore(s, participants.total);
  const allBut = participants.total !== null ? ALL_EXCEPT_RE.exec(s) : null;
  if (allBut) {
    const others = /^\d/.test(allBut[2]) ? Number(allBut[2]) : numberValue(allBut[2]);
    const mainIsBoys = /^(?:poik|poja|boy|lad|kill|pojk)/u.test(allBut[1]);
    if (others !== null && others <= participants.total!) {
      const rest = participants.total! - others;
      if (mainIsBoys) {
        participants.boys ??= rest;
        participants.girls ??= others;
      } else {
        participants.girls ??= rest;
        participants.boys ??= others;
      }
    }
  }
  if (cues & APPROX_CUE && participants.total === null) participants.total = approximateAlone(s);
  if (cues & ALL_CUE && participants.total !== null && participants.girls === null && participants.boys === null && participants.nonBinary === null) {
    const gender = allOneGender(s);
    if (gender) participants[gender] = participants.total;
  }
  if (participants.total === null && inferTotal) {
    const parts = [participants.girls, participants.boys, participants.nonBinary];
    if (parts.some((p) => p !== null)) participants.total = parts.reduce<number>((a, p) => a + (p ?? 0), 0);
    else if (OUT_OF_RE.test(s)) participants.total = Number(OUT_OF_RE.exec(s)?.[1]);
    else if (NOBODY_RE.test(s) || NO_CONTACT_RE.test(s)) participants.total = 0;
    else if (participants.new === null && (ONE_PERSON_RE.test(s) || ONE_OF_RE.test(s) || SUBJECT_ONE_RE.test(s))) participants.total = 1;
  }
  return { participants, staffCount };
}

/** The one young person's gender in one-to-one work, from a bare noun ("tyttö halusi", "killen") or a pronoun ("his", "hon"). */
const ONE_GIRL_RE =
  /(?<![\p{L}])(?:tyttö|tytön|tyttöä|tytöllä|tytölle|tytöltä|tytöstä|tjej|tjejen|flicka|flickan|girl|young woman|she|her|hers|hon|henne|hennes)(?![\p{L}])/u;
const ONE_BOY_RE =
  /(?<![\p{L}])(?:poika|pojan|poikaa|pojalla|pojalle|pojalta|pojasta|kille|killen|pojke|pojken|boy|lad|guy|young man|he(?='s| is| was| has| had| said| told| wants| feels| doesn't| didn't| can't| will)|his|him|han|hans|honom)(?![\p{L}])/u;

export function findSingleGender(s: string): 'girls' | 'boys' | null {
  const girl = ONE_GIRL_RE.test(s);
  const boy = ONE_BOY_RE.test(s);
  if (girl === boy) return null;
  return girl ? 'girls' : 'boys';
}
