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

/** A trie node. Most have one child, kept without a Map (a Map per node made a theme list's trie 3 MB). */
interface Node {
  /** The only child and its character code, until a second child moves both into `next`. */
  one: Node | null;
  oneCode: number;
  next: Map<number, Node> | null;
  ends: End[] | null;
}

interface Matcher {
  keys: string[];
  start: Node;
  anywhere: Node;
  /** The first two characters of every "*stem", so most positions inside a word skip the walk. */
  anyPairs: Set<number>;
}

const cache = new WeakMap<CatalogueTheme[], Matcher>();

function node(): Node {
  return { one: null, oneCode: -1, next: null, ends: null };
}

function child(n: Node, code: number): Node | undefined {
  if (n.one !== null) return n.oneCode === code ? n.one : undefined;
  return n.next === null ? undefined : n.next.get(code);
}

function addChild(n: Node, code: number): Node {
  const existing = child(n, code);
  if (existing) return existing;
  const c = node();
  if (n.one === null && n.next === null) {
    n.one = c;
    n.oneCode = code;
    return c;
  }
  if (n.next === null) {
    n.next = new Map<number, Node>();
    if (n.one !== null) n.next.set(n.oneCode, n.one);
    n.one = null;
    n.oneCode = -1;
  }
  n.next.set(code, c);
  return c;
}

function insert(root: Node, stem: string, end: End): void {
  let n = root;
  for (let i = 0; i < stem.length; i++) n = addChild(n, stem.charCodeAt(i));
  (n.ends ??= []).push(end);
}

function compile(themes: CatalogueTheme[]): Matcher {
  const m: Matcher = { keys: [], start: node(), anywhere: node(), anyPairs: new Set() };
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
        if (any) m.anyPairs.add(k.length > 1 ? (k.charCodeAt(0) << 16) | k.charCodeAt(1) : -1 - k.charCodeAt(0));
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
    n = child(n, s.charCodeAt(i));
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
/**
 * How a phrase is matched. gate: strings one of which a text must contain for the phrase to match (keeps slow patterns
 * off most texts).
 * inWords: the phrase may start inside a word, as the tail of a compound ("sählyvuoro koululla"); other phrases start a word.
 */
interface PhraseOptions {
  gate?: string[];
  inWords?: boolean;
}

const PLATFORMS = ['instagram', 'insta', 'tiktok', 'snapchat', 'snap', 'twitch', 'youtube', 'discord'];

/** Every a followed by every b: pairs(["on "], ["insta"]) = ["on insta"]. */
function pairs(a: string[], b: string[]): string[] {
  return a.flatMap((x) => b.map((y) => x + y));
}

interface CharTrie {
  end: boolean;
  next: Map<string, CharTrie>;
}

/**
 * A pattern that finds any of the strings, written as a trie ("a(?:b|cd)") so the engine picks the branch by its
 * first character instead of trying every string at every position.
 */
function literalsSource(strings: string[]): string {
  const root: CharTrie = { end: false, next: new Map() };
  for (const w of strings) {
    let n = root;
    for (const ch of w) {
      let c = n.next.get(ch);
      if (!c) n.next.set(ch, (c = { end: false, next: new Map() }));
      n = c;
    }
    n.end = true;
  }
  const escape = (ch: string): string => (/[\\^$.*+?()[\]{}|/]/.test(ch) ? `\\${ch}` : ch);
  // A text that contains a string contains it whatever follows, so nothing below an end is needed.
  const source = (n: CharTrie): string => {
    if (n.end) return '';
    const branches = [...n.next].map(([ch, c]) => escape(ch) + source(c));
    return branches.length === 1 ? branches[0] : `(?:${branches.join('|')})`;
  };
  return strings.length ? source(root) : '(?!)';
}

const PHRASES: [RegExp, string, PhraseOptions?][] = [
  // Cooking on a campfire on a trip is part of the outing, not cooking skills.
  [/(?:ruokaa|ruoat|ruuat|makkaraa|lettuja|lettuu|ruokaa itse) (?:\p{L}+ )?(?:nuotiolla|trangialla|retkikeittimellä)|nuotioruo\p{L}*|(?:lagade|lagat|lagar) (?:\p{L}+ )?mat (?:över|på|vid) (?:\p{L}+ )?(?:elden|lägerelden|stormkök\p{L}*|trangia\p{L}*)|(?:cooked|cooking|made (?:\p{L}+ )?food) (?:on|over) (?:the |a )?(?:campfire|fire|camp stove)|campfire cooking/gu, ' campfire ', { gate: ['nuotio', 'trangia', 'retkikeit', 'elden', 'stormkök', 'fire', 'camp stove'] }],
  [/(?:detached|street|youth|outreach|social|digital|group|online|field|open youth|digital youth|online youth|detached youth) work/g, ' youthwork '],
  [/mental health|mental wellbeing|mental well-being/g, ' mentalhealth '],
  [/sexual health|sexual and reproductive health|sex education|sexual education|sex ed(?![\p{L}])/gu, ' sexualhealth '],
  [/under the influence/g, ' undertheinfluence '],
  [/sexuella trakasserier|sexual harassment|seksuaali\p{L}* häir\p{L}*|sexuellt ofredande/gu, ' sexualharassment '],
  // Nude images spread or shared of someone: image-based abuse.
  [/(?:nudes?|nude (?:pics|photos|images)|nakenbild\p{L}*|alastonkuv\p{L}*|intimate images?) (?:of|av|från) |(?:spread|spreading|leaked|leaking|levit\p{L}*|sprid\p{L}*|spreds)(?: \p{L}+){0,3} (?:nudes?|nakenbild\p{L}*|alastonkuv\p{L}*|intimate images?)|(?:nudes?|nakenbild\p{L}*|alastonkuv\p{L}*) (?:som )?(?:har )?(?:spridits|spreds|levisi|levitettiin|leaked|got leaked|were shared|was shared)/gu, ' imageabuse '],
  // Violence by a family member: "pappa slår henne", "isä lyö".
  [/(?:pappa|mamma|pappan|mamman|styvpappa|styvfar|föräldr\p{L}*|brorsan|isä|äiti|isäpuoli|dad|mum|mom|father|mother|stepdad|parents?) (?:slår|slog|lyö|löi|lyövät|hakkaa|hakkasi|hits|hit|beats|beat)(?![\p{L}])/gu, ' homeviolence ', { inWords: true }],
  // Pressured into carrying or selling drugs: exploitation.
  [/(?:pressured|pressuring|forced|groomed|made|used|asked|painost\p{L}*|pakot\p{L}*|tvingad\p{L}*|pressad\p{L}*)(?: \p{L}+){0,3} (?:to|into|att|\p{L}+maan) (?:carry|carrying|sell|selling|deal|dealing|hold|move|kuljett\p{L}*|myy\p{L}*|bära|sälja|langa) (?:drugs|weed|stuff|packages|huume\p{L}*|kamaa|droger|knark)/gu, ' drugexploitation '],
  // Contacting parents is an action, not the family theme.
  [/(?:called|phoned|rang|contacted|informed|soitettiin|soitin|soitimme|ringde|ringt|kontaktade) (?:the |their |his |her |hänen |hens )?(?:parents|mum|dad|mom|vanhemmille|vanhemmat|kotiin|föräldrarna|föräldrar|hem)(?![\p{L}])/gu, ' contactparent '],
  // School holidays are a time, not the school theme.
  [/school holidays?|school break|half[- ]term|koulujen lo\p{L}*|skollov\p{L}*|sportlov\p{L}*/gu, ' holiday ', { inWords: true }],
  // Planning with the young people: participation.
  [/(?:nuorten kanssa|yhdessä nuorten kanssa|nuoret itse|tillsammans med ungdomarna|ungdomarna själva|with the young people|with the kids|together with (?:the )?(?:young people|youth|kids)) (?:\p{L}+ )?(?:suunnit\p{L}*|ideoi\p{L}*|planer\p{L}*|plann\p{L}*|päätt\p{L}*|bestäm\p{L}*|decided|designed)|(?:suunniteltiin|ideoitiin|päätettiin|planerade|planned|designed) (?:\p{L}+ )?(?:yhdessä|tillsammans|together)(?: (?:nuorten|med ungdomarna|with (?:the )?(?:young people|youth|kids)))?/gu, ' youthvoice '],
  // A cancelled activity did not happen: "bänditreenit peruttiin", "football was cancelled".
  [/(?<![\p{L}-])[\p{L}-]+ (?:peruttiin|peruuntui|peruuntuivat|oli peruttu|was cancell?ed|got cancell?ed|ställdes in|blev inställd|var inställd)|(?:cancell?ed|peruttiin|inställd|ställde in) (?:the |our )?[\p{L}-]+/gu, ' cancelled ', { gate: ['perut', 'peruun', 'cancel', 'ställd', 'ställde'], inWords: true }],
  // School exclusion is the school theme, not being left out: "got excluded for it", "excluded from school".
  [/(?:excluded|suspended|expelled) (?:from (?:school|college|class|lessons)|for (?:it|that|this|a (?:week|day|term)|\d+ days?|\p{L}+ing))/gu, ' schoolexclusion '],
  [/driving lessons?|körlektion\p{L}*|ajotun\p{L}*/gu, ' drivinglessons '],
  [/(?:dance|dancing) (?:lessons?|classes|school)|(?:guitar|piano|music|singing|drum|drumming) lessons?/g, ' dancelessons '],
  [/martial arts?/g, ' kampsport '],
  [/mens (?:group|club|shed|team|football)/g, ' menssession '],
  // Board games are not gaming: "spelkväll med brädspel", "peli-ilta: lautapelejä".
  [/(?:spelkväll\p{L}*|spelkvällen|peli-?ilta\p{L}*|pelailta\p{L}*|games? night|gaming night)(?: (?:med|with|jossa|ja|and))?:? (?:\p{L}+ )?(?:brädspel|board ?games?|lautapel|sällskapsspel|kortspel|korttipel|card games)\p{L}*|board ?games? night|lautapeli-?ilta\p{L}*|brädspelskväll\p{L}*/gu, ' boardgames '],
  // A young person and their parent as the people met: "möte med en ungdom och hens mamma".
  [/(?:ungdom\p{L}*|young person|youth|nuore\p{L}*|nuori|tjej\p{L}*|kille\p{L}*|girl|boy|pojan|tytön) (?:och|and|ja|sekä) (?:hens|hans|hennes|his|her|their|hänen|tämän) (?:mamma|pappa|mum|mom|dad|mother|father|förälder|föräldrar|parents?|äiti\p{L}*|isä\p{L}*|vanhem\p{L}*)/gu, ' withparent '],
  [/sexuell hälsa|sexuella hälsa|sexuell och reproduktiv hälsa/g, ' sexualhealth '],
  [/psykisk (?:o?hälsa)|psykiska (?:o?hälsan)/g, ' mentalhealth '],
  [/spel om pengar/g, ' penningspel '],
  [/(?:ask|asking|asked|asks) (?:her |him |them )?for (?:pics|pictures|photos|nudes)|pyy(?:tää|si|täny?t|detään) (?:häneltä |heiltä )?(?:kuvia|alastonkuvia)|(?:ber|bad|frågar|frågade) (?:henne |honom )?om (?:bilder|nakenbilder)|(?:pressur\w*|push\w*|forc\w*) (?:her |him |them )?(?:in)?to send (?:pics|pictures|photos|nudes|images)|painost\p{L}* (?:\p{L}+ )?lähettämään (?:\p{L}+ )?(?:kuvia|kuvan|alastonkuvia|nudeja)|(?:pressa\p{L}*|tvinga\p{L}*) (?:henne |honom |dem )?(?:att )?skicka (?:\p{L}+ )?(?:bilder|bild|nakenbilder|nudes)/gu, ' picsrequest '],
  [/(?:friendship|relationship|friend|girl|boy|kaveri|kaveriporukan|kaveriporukka|ystävyys|kompis|vänskaps|tjej|kill|group chat|chat|gruppchatt|ryhmächat)[- ]?dra(?:ma|amaa|amat|aman|maa|man|mat)(?![\p{L}])/gu, ' relationsgräl ', { inWords: true }],
  [/(?:parents|mum and dad|mom and dad|his parents|her parents|their parents) (?:fighting|arguing|fight|argue|fought|argued)|vanhem(?:mat|pien) (?:riidel\p{L}*|riitel\p{L}*|riidat|tappel\p{L}*)|(?:föräldrarna|föräldrar|föräldrarnas) (?:bråkar|bråkade|grälar|grälade|bråk|gräl)/gu, ' parentsquarrel ', { inWords: true }],
  // A school visit is a setting, not the school theme: "skolbesök på högstadiet", "kouluvierailu yläkoululle".
  [/(?:school visits?|kouluvierailu\p{L}*|koulukäyn\p{L}*|koulukäyntej\p{L}*|skolbesök\p{L}*|luokkavierailu\p{L}*|klassbesök\p{L}*|vierailu (?:\p{L}+ )?(?:koululla|kouluun|yläkoulu\p{L}*|lukio\p{L}*))(?: (?:på|i|at|to|in) (?:the |a )?[\p{L}-]+| [\p{L}-]+(?:lle|lla|ssa|seen|hin|uun|iin))?/gu, ' kvisit ', { inWords: true }],
  [/e-urheilu\p{L}*|e-sport\p{L}*|esport\p{L}*/gu, ' esport '],
  [/vanhem(?:mat|pien|pia) (?:pojat|tytöt|nuoret|lapset|kaverit|poikien|tyttöjen|nuorten|poikia|tyttöjä|nuoria)/gu, ' older '],
  [/(?:bråk|gräl|riidel|riitel|argu|fight)\p{L}* (?:om|about|over) (?:en |sin |a |his |her )?(?:tjej|kille|flickvän|pojkvän|girl|boy|girlfriend|boyfriend)\p{L}*|(?:tytöstä|pojasta|tyttöystävästä|poikaystävästä) (?:riidel|riitel|tappel)\p{L}*/gu, ' relationsgräl ', { inWords: true }],
  [/substance abuse|substance misuse|drug abuse|alcohol abuse/g, ' substanceabuse '],
  [/(?:online|internet|digital|cyber) safety|(?:stay|staying|keep|keeping|be|being) safe online|nettiturvallisuu\p{L}*|tietoturva\p{L}*|säkerhet på nätet|nätsäkerhet/gu, ' onlinesafety '],
  [/youth budget\w*|participatory budget\w*|nuorten budjet\p{L}*|osallistava budjet\p{L}*|osallistuva budjet\p{L}*|ungdomsbudget\p{L}*/gu, ' youthbudget '],
  [/(?:laga|lagade|lagat|lagar) mat/g, ' matlagning '],
  [/(?:nuoriso|jalkautuva|jalkautuvaa|etsivä|etsivää|katu|digitaalinen|digitaalista) ?(?:työ|työtä|työn|työssä)/g, ' youthwork ', { inWords: true }],
  [/(?:youth|young people's|ungdoms|nuorten) (?:council|parliament|fullmäktige|råd|valtuusto|forum|board|panel|raati)|youth forum\p{L}*|ungdomsforum\p{L}*|nuorisofoorumi\p{L}*|nuorisoraati\p{L}*/gu, ' youthcouncil '],
  // The place of a session is not its theme: "sählyvuoro koululla", "school gym", "skolans idrottshall".
  [/(?:vuoro|kerho|ryhmä|treeni|treenit|ilta|kokoontui|kokoonnuttiin|päivä|tapahtuma|info|paja|työpaja|vierailu)\p{L}* (?:[\p{L}-]+ )?(?:koululla|yläkoululla|alakoululla|lukiolla|ammattikoululla|amiksella)|koulun (?:liikunta|jumppa|voimistelu)?sali\p{L}*|(?:liikunta|jumppa|voimistelu)salissa|school (?:gym|hall|sports hall|field|playground|grounds|toilets?|bathrooms?|loos?|corridors?|hallways?|canteen|bus|yard)|skolans (?:gympasal|gymnastiksal|idrottshall|aula|matsal|gård|toalett|korridor)\p{L}*|koulun (?:vessa|wc|käytävä|piha|ruokala)\p{L}*|skolgården|i skolan på kvällen|(?:outreach|session|stall|stand|workshop|visit|info|talk|assembly|clinic|drop-in) (?:at|in) (?:the |a )?(?:local )?(?:college|school|university|sixth form|academy)|(?:föreläsning|workshop|info|besök|tält|monter|pass|lektion)\p{L}* (?:på|i) (?:skolan|gymnasiet|högstadiet|mellanstadiet)/gu, ' venue ', { inWords: true }],
  [/body (?:confidence|positivity|image|ideals?)|beauty (?:standards|ideals?)|kroppsideal\p{L}*|skönhetsideal\p{L}*|kroppsuppfattning\p{L}*|kauneusihante\p{L}*|ulkonäköpain\p{L}*|kehonkuva\p{L}*|kehopositiiv\p{L}*/gu, ' bodyimage '],
  // Someone drinking at home is alcohol: "mamma dricker", "äiti juo", "dad drinks".
  [/(?:mamma|pappa|mamman|pappan|morsan|farsan|föräldrarna|äiti|isä|isi|faija|mutsi|iskä|mum|mom|dad|mother|father|parents?) (?:dricker|drack|super|juo|joi|ryyppää|ryyppäsi|drinks|drank)(?![\p{L}])/gu, ' parentdrinks ', { inWords: true }],
  // Money taken by threat or theft is safety, not money skills.
  [/(?:hot|rån|stj[äa]l|stulit|rob|steal|stole|threat|mug|ryöst|varast|kirist|utpress|extort)\p{L}*(?: [\p{L}]+){0,5} (?:för |på |for |of |)(?:pengar|money|rahaa|rahat|rahoja|rahasta|cash)(?![\p{L}])/gu, ' hotpengar '],
  [/(?:get|got|been|getting|gets) jumped|jumped by/g, ' jumped '],
  // "after school" is a time of day: "koulun jälkeen", "efter skolan".
  [/after school|koulun jälkeen|koulupäivän jälkeen|efter skolan|efter skoltid/g, ' afterwards '],
  // Quarrels with a family member are the family theme, not friendships.
  [/(?:isä|äiti|isäpuol|äitipuol|vanhem|sisko|siskon|velje|veli|isi|faija|mutsi)\p{L}* (?:kanssa )?(?:on |oli )?(?:jatkuva\p{L}* |paljon |koko ajan |taas )?(?:riita|riido|riidel|riitel|riitoja|tappel)\p{L}*|(?:bråk|gräl|konflikt)\p{L}* (?:(?:mycket|ofta|jämt|alltid|hela tiden|mest) )?med (?:sin |hans |hennes |deras )?(?:mamma|pappa|föräldr|styvpapp|styvmamm|bonuspapp|bonusmamm|syster|bror|syskon)\p{L}*|(?:argu\p{L}*|rows?|fights?|fighting|conflict) (?:(?:a lot|constantly|all the time|loads|a bit) )?with (?:his |her |their |my )?(?:mum|mom|dad|parents?|stepdad|stepmum|stepmom|step-dad|brother|sister|siblings?)(?![\p{L}])/gu, ' parentsquarrel ', { inWords: true }],
  // A family member's illness or care is the family theme: "mum who's ill", "young carer".
  [/(?:mum|mom|dad|mother|father|parent|äiti|isä|mamma|pappa)(?:'s| who's| who is| is| on| är)? (?:ill|sick|sairas|sjuk|seriously ill|vakavasti sairas)(?![\p{L}])|young carers?|nuor\p{L}* omaishoitaj\p{L}*|unga? anhörigvårdar\p{L}*/gu, ' familycare ', { inWords: true }],
  // Passing someone on to a professional is not that professional's theme.
  [/(?:kontaktade|kontakta|hänvisade|ohjattiin|ohjasin|ohjattu|otettiin yhteyttä|otin yhteyttä|referred|contacted|contact|signposted)(?: \p{L}+){0,3} (?:skolkurator\p{L}*|kurator\p{L}*|kuraattori\p{L}*|koulukuraattori\p{L}*|school counsell?or|school nurse|terveydenhoitaj\p{L}*|skolsköterska\p{L}*)/gu, ' referral '],
  // An adult making contact with a young person: grooming.
  [/(?:aikui\p{L}*|vanh\p{L}* mie\p{L}*|mies|adult|older man|grown man|vuxen|äldre man)(?: \p{L}+){0,3} (?:lähesty\p{L}*|houkutel\p{L}*|approached|contacted|messaging|messaged|kontakta\p{L}*|tog kontakt)/gu, ' adultcontact '],
  // Siblings met as a pair are a head count, not the family theme: "met 2 brothers at the park".
  [/(?:met|saw|tapasin|tapasimme|tavattiin|nähtiin|träffade|träffat|mötte|såg) (?:\d|two|three|kaksi|kaks|kolme|två|tre) (?:brothers|sisters|siblings|veljestä|siskosta|sisarusta|veljeä|bröder|systrar|syskon)(?![\p{L}])/gu, ' peoplecount '],
  // Break time is a time of day at school, like "after school": "välitunnilla", "på rasten", "at break time".
  [/välitunneilla|välitunnilla|välitunnin aikana|välituntitoimin\p{L}*|välkkäri\p{L}*|rastverksamhet\p{L}*|(?:på|under) (?:lunch|fika)?rasten|(?:på|under) (?:lunch|fika)?rasterna|at (?:break ?time|recess|lunch ?break)|during (?:break ?time|recess|(?:the )?lunch ?break)/gu, ' breaktime '],
  // The platform a session runs on is its venue, not the digital theme: "chattipäivystys Instagramissa", "Instagram live".
  [/(?:chat\p{L}*|päivystys|päivyst\p{L}*|jour\p{L}*|live|lähetys|sessio\p{L}*|session|stream\p{L}*|striimi\p{L}*) (?:on |in |via |på |i )?(?:instagram|insta|tiktok|snapchat|twitch|youtube|discord)\p{L}*|(?:instagram|insta|tiktok|twitch|youtube)[- ]?(?:live|stream|striimi|chat|chatti|lähetys|q&a)\p{L}*/gu, ' onplatform ', { inWords: true }],
  // Rehearsing for a show is culture, not sports training: "treenattiin joulukonserttiin".
  [/(?:treena|treenat|treeni)\p{L}* (?:\p{L}+ )?\p{L}*(?:konsert|keikka|keikal|keikkaa|esity|näytelm|musikaal|joulujuhl|kevätjuhl|show|biisi|biise|kappal)\p{L}*|(?:tränade|träna|träning|övade)\p{L}* (?:inför|till|för) (?:\p{L}+ )?\p{L}*(?:konsert|föreställning|spelning|pjäs|uppträdande|show)\p{L}*/gu, ' rehearsal ', { inWords: true }],
  // Where a session happened or who it was run with is not its theme: "koululla", "school cooperation", "shopping centre".
  [/(?<![\p{L}])(?:koululla|yläkoululla|alakoululla|koulun kanssa|koulujen kanssa|kouluyhteistyö\p{L}*|koulupäivä\p{L}*|skolsamarbete\p{L}*|i samarbete med skolan|school (?:cooperation|co-operation|collaboration|partnership)|(?:in )?(?:cooperation|collaboration|partnership) with (?:the |a |local )?school|shopping (?:centre|center|mall|precinct)|kauppakeskus\p{L}*|köpcent\p{L}*)(?![\p{L}])/gu, ' venue '],
  // A place named by what stands next to it: "uimahallin edessä", "outside the sports centre", "utanför simhallen".
  [/(?<![\p{L}])[\p{L}-]+n (?:edessä|edustalla|luona|vieressä|parkkipaikalla|pihalla|kulmalla)|(?:outside|in front of|next to|behind) (?:the |a )?[\p{L}-]+(?: (?:centre|center|hall|pool|park|station|shop|store))?|(?:utanför|framför|bakom|vid) (?:[\p{L}-]+en|[\p{L}-]+et)(?![\p{L}])/gu, ' venue ', { gate: ['edessä', 'edustalla', 'luona', 'vieressä', 'parkkipaikalla', 'pihalla', 'kulmalla', 'outside', 'in front of', 'next to', 'behind', 'utanför', 'framför', 'bakom', 'vid '] }],
  // The reason few came is not a theme: "pga hockeymatchen", "ottelun takia".
  [/(?:pga\.?|på grund av|because of|due to) (?:the |a )?[\p{L}-]*(?:match|matchen|matchens|game|derby|final|finalen|cup)(?![\p{L}])|[\p{L}-]*(?:ottelu\p{L}*|matsi\p{L}*|pelin|finaalin) (?:takia|vuoksi|johdosta)/gu, ' because ', { gate: ['pga', 'grund av', 'because of', 'due to', 'takia', 'vuoksi', 'johdosta'] }],
  // Young people who planned or ran it themselves: participation.
  [/(?:nuoret|nuorten oma\p{L}*(?: [\p{L}-]+)?|ungdomarna|ungdomarnas egen? [\p{L}-]+|the young people|the kids|young people) (?:\p{L}+ ){0,2}(?:suunnitteli\p{L}*|järjesti\p{L}*|ideoivat|planerade|hade planerat|planerat|bestämde|hade bestämt|organi[sz]ed|planned|ran it|ran the)|(?:planerat|bestämt|planerade|organi[sz]ed|planned|suunnittelivat|järjestivät) (?:\p{L}+ ){0,2}(?:själva|themselves|itse)/gu, ' youthvoice '],
  // Board games played are not gaming: "pelailtiin lautapelejä", "spelade brädspel".
  [/(?:pelail\p{L}*|pelattiin|pelasimme|pelasivat|spelade|spelat|played|playing) (?:\p{L}+ )?(?:lautapel\p{L}*|korttipel\p{L}*|brädspel\p{L}*|kortspel\p{L}*|sällskapsspel\p{L}*|kortt\p{L}*|kort|board ?games?|card games?|cards)(?![\p{L}])/gu, ' boardgames '],
  // Parents quarrelling at home: the family theme, not violence ("mamma och styvpappa bråkar").
  [/(?:mamma|pappa|styvpappa|styvmamma|bonuspappa|bonusmamma|föräldrarna)(?: och (?:mamma|pappa|styvpappa|styvmamma|bonuspappa|bonusmamma))? (?:bråkar|bråkade|grälar|grälade)(?![\p{L}])|(?:äiti|isä|isäpuoli|äitipuoli)(?: ja (?:äiti|isä|isäpuoli|äitipuoli))? (?:riitelevät|riitelee|riiteli|riitelivät|tappelevat)(?![\p{L}])/gu, ' parentsquarrel '],
  // Cooking with an adjective in between: "lagade billig mat".
  [/(?:laga|lagade|lagat|lagar) (?:\p{L}+ )?mat(?![\p{L}])/gu, ' matlagning '],
  // Being hit is violence: "she's being hit at home", "gets hit".
  [/(?:being|getting|gets|got|been) (?:hit|beaten|slapped)(?![\p{L}])|lyödään|lyötiin|blir slagen|blev slagen/gu, ' gethit '],
  [/(?:voice|voices) heard|have (?:their|a) say|had (?:their|a) say|äänensä kuuluviin|äänen kuuluviin|sin röst hörd|sina röster hörda/gu, ' youthvoice '],
  // Staying up late is sleep: "kuinka myöhään valvotaan", "valvoo öisin".
  [/(?:myöhään|yöllä|öisin|koko yön|aamuun|aamuyöhön) (?:asti )?valvo\p{L}*|valvo\p{L}* (?:myöhään|öisin|yöllä|koko yön|aamuun)/gu, ' valvominen '],
  // Quarrels at home are the family theme, not friendships or violence: "kotona riidellään", "det bråkas hemma", "fighting at home".
  [/kotona (?:\p{L}+ ){0,2}(?:riidel|riitel|tappel|huudet|riita|riido)\p{L}*|(?:riidel|riitel|tappel)\p{L}* (?:\p{L}+ )?kotona|(?:riita|riido|riidel|riitel|tappel|riitoja|riitaa)\p{L}* (?:\p{L}+ )?(?:vanhem|isä|äiti|isäpuol|äitipuol|sisko|velje|isin|faija|mutsi)\p{L}* kanssa|hemma (?:\p{L}+ ){0,2}(?:bråk|gräl)\p{L}*|(?:bråk|gräl)\p{L}* (?:\p{L}+ ){0,2}(?:där )?hemma|(?:fighting|arguing|rows|arguments?|fights?|shouting|yelling) (?:\p{L}+ )?at home/gu, ' parentsquarrel '],
  // Trouble or not being accepted at home: "ettei kotona hyväksytä", "tufft hemma", "problems at home".
  [/(?:ettei|eikä) kotona (?:\p{L}+ )?(?:hyväksy|ymmärre|tue|kuunnel|välite)\p{L}*|kotona ei (?:\p{L}+ )?(?:hyväksy|ymmärre|tue|kuunnel|välite)\p{L}*|kotona (?:on |oli |menee )?(?:tosi |ihan )?(?:vaikeaa|hankalaa|rankkaa|huonosti|ongelmia|kurjaa)|(?:tufft|jobbigt|svårt|bråkigt|stökigt|kämpigt|dåligt|problem) (?:där )?hemma|(?:inte )?accepteras (?:inte )?hemma|(?:problems?|trouble|issues|tough|hard|difficult|rough|struggling|going on|(?:not |isn't |aren't |doesn't |don't )?(?:accepted|supported)|(?:situation|things|stuff|life)) at home/gu, ' homeissues '],
  // Asking the young people what they want: participation ("kyseltiin toiveita", "vad de vill ha på gården", "what they want from the centre").
  [/(?:keräsi|kerättiin|keräsimme|kysyttiin|kyseltiin|kysyimme|kyselimme|kysyin|kyselin|kartoitettiin|pyydettiin|ideoitiin) (?:\p{L}+ ){0,2}(?:ideoita|ideat|toiveita|toiveet|toivomuksia|mielipiteitä|ehdotuksia|palautetta)|(?:samlade|samlat|frågade efter|bad om|tog in) (?:\p{L}+ ){0,2}(?:idéer|önskemål|förslag|åsikter|synpunkter)|(?:collected|gathered|asked for|asked (?:them|the young people|the kids) for) (?:\p{L}+ ){0,2}(?:ideas|wishes|suggestions|opinions|views)|(?:vad|vilka \p{L}+) (?:de|ungdomarna) (?:vill|önskar) (?:ha |att )|what (?:\p{L}+ )?(?:they|the young people|young people|the kids) (?:want|would like|wanted) (?:from|in|at|to see|for)|mitä (?:nuoret|he) (?:haluavat|toivovat|haluaisivat) (?:nuoriso|toimint|kunna|tila)/gu, ' youthvoice '],
  // Worry about a topic is that topic, not mental health: "worried about debts", "oroar sig för hyran".
  [/(?:worried|worries|worrying|concerned) (?:about|that|over)|(?:orolig|oroar sig|oroade sig|oroad) (?:för|över|inför|att)/g, ' concern '],
  // Table tennis as a pastime is not sport; a tournament or training is.
  [/(?:pingis|pöytätennis|table tennis|ping[- ]?pong|bordtennis)[- ]?(?:turn\p{L}*|tournament|tourney|turnering\p{L}*|tävling\p{L}*|competition|kisa\p{L}*|cup|liiga|league|träning\p{L}*|treeni\p{L}*|training|club|kerho\p{L}*|klubb\p{L}*|group|ryhmä\p{L}*|grupp\p{L}*)|(?:tävling|turnering|tournament|turnaus|kisa)\p{L}* (?:i |in )?(?:pingis|table tennis|pöytätennis|bordtennis)/gu, ' pingpongsport '],
  [/table tennis|pöytätennis\p{L}*|bordtennis|ping[- ]?pong/gu, ' pastime '],
  // A professional the session was run with is not a theme: "with the school nurse", "tillsammans med ungdomsmottagningen".
  [/(?:tillsammans med|together with|alongside|jointly with|with|med|yhdessä) (?:the |our |a |vår |en )?(?:ungdomsmottagning\p{L}*|skolsköterska\p{L}*|skolkurator\p{L}*|kurator\p{L}*|school nurse|school counsell?or|youth clinic|terveydenhoitaja\p{L}*|kuraattori\p{L}*)|(?:terveydenhoitajan|kuraattorin|koulukuraattorin) kanssa/gu, ' partner '],
  // An event held at a school: "temadag om droger på högstadiet".
  [/(?<=(?<![\p{L}])(?!idag|igår)\p{L}*(?:dag|kväll|föreläsning|workshop|besök|disco|disko|fältarbete|evenemang|turnering|tävling|info|event)\p{L}*(?: \p{L}+){0,3} )på (?:gymnasiet|högstadiet|mellanstadiet|lågstadiet|skolan)(?![\p{L}])/gu, ' venue ', { gate: ['på gymnasiet', 'på högstadiet', 'på mellanstadiet', 'på lågstadiet', 'på skolan'] }],
  // Parents invited along with the young people: "nuorille ja vanhemmille", "for young people and parents".
  [/(?:nuorille|nuorisolle|lapsille) (?:ja|sekä|\+|&) (?:heidän |niiden )?(?:vanhemmille\p{L}*|huoltajille\p{L}*)|(?:för|åt) (?:unga|ungdomar|elever|barn|tonåringar)\p{L}* (?:och|\+|&) (?:deras |sina )?(?:föräldrar\p{L}*|vårdnadshavare)|for (?:young people|youth|kids|pupils|students|teens|teenagers|children) (?:and|\+|&) (?:their )?(?:parents|guardians|carers)/gu, ' withparent '],
  // Who came, named by school year, is not the school theme: "15 yläkoululaista", "för mellanstadiet", "secondary school pupils".
  [/(?:(?:ylä|ala)?koululai|lukiolai|(?:ysi|kasi|seiska|\d{1,2}\.?-?)luokkalai|(?:ylä|ala)kouluikäi)\p{L}*(?: (?:ja|sekä) (?:heidän |niiden )?(?:vanhemmille\p{L}*|huoltajille\p{L}*))?|(?:högstadie|mellanstadie|lågstadie|gymnasie)(?:elever|ungdomar|barn|tjejer|killar|klass\p{L}*)|(?<![\p{L}])(?:för (?:högstadiet|mellanstadiet|lågstadiet|gymnasiet)|vid (?:skolan|skolgården|högstadiet|gymnasiet))(?![\p{L}])|(?:primary|secondary|high|middle|upper secondary) school (?:pupils|students|kids|children|classes|class)|school (?:area|gates?|premises|car ?park|entrance)|(?:around|outside|near|by) the school(?![\p{L}])/gu, ' audience '],
  // What food costs is money skills, not health: "vad mat kostar", "food shopping on a budget".
  [/(?:vad |hur mycket )?mat(?:en)? kostar|matpris\p{L}*|food (?:shopping|prices|costs?|budget)|(?:cost|price) of food|ruoan (?:hin\p{L}*|ostami\p{L}*)|ruokaostok\p{L}*|ruoka maksaa/gu, ' matekonomi '],
  // A walk-and-talk is a way to meet, not sport.
  [/promenadsamtal\p{L}*|promenad(?:en)? med (?:en|1|ungdom)(?![\p{L}])|walk(?:-| )?(?:and|&|n|'n')(?:-| )?talk\p{L}*|walk ?& ?talk|kävelytapaami\p{L}*|kävelykeskustelu\p{L}*|kävelypalaveri\p{L}*/gu, ' walkandtalk '],
  // The online service itself is the work form, not the digital theme: "netti-päivystys", "Some-päivystys TikTokissa", "on our TikTok".
  [/(?:netti|verkko|digi|some|online)-?(?:nuorisotyö|päivystys|päivyst|nuokkari|chat|kahvila|ilta)\p{L}*(?: (?:(?:on|in|via|på|i) )?(?:instagram|insta|tiktok|snapchat|snap|twitch|youtube|discord|whatsapp)\p{L}*)?|(?:on|in|via|på) (?:our|vår|vårt|meidän) (?:[\p{L}-]+ )?(?:instagram|insta|tiktok|snapchat|snap|twitch|youtube|discord|whatsapp|account|kanal\p{L}*|channel|server)\p{L}*/gu, ' onplatform '],
  [/mår (?:\p{L}+ )?(?:skit|kass|piss|inte bra)/gu, ' mentalhealth '],
  // "joint meeting" is not cannabis.
  [/joint (?:meeting|session|event|project|workshop|visit|call|effort|initiative)s?/g, ' together '],
  // Visiting a school is a setting: "besökte skolan", "visited the secondary school".
  [/(?:besökte|besöker|besök på) (?:\p{L}+ )?(?:skolan|högstadiet|gymnasiet|mellanstadiet|lågstadiet|skola)|(?:visited|visiting|visit to) (?:the |a |our local |a local |the local )?(?:[\p{L}-]+ )?(?:school|college|academy)(?![\p{L}])|vierail\p{L}* (?:\p{L}+ )?koulu\p{L}*/gu, ' kvisit '],
  // Quarrels among friends are friendships, not violence: "kompisbråk", "kaveririita".
  // An event free of substances is not about substances: "päihteetön konsertti", "drogfri fest", "alcohol-free party".
  [/päihteetön|päihteettöm(?!yy)\p{L}*|alkoholiton|alkoholittom(?!uu)\p{L}*|savuton|savuttom(?!uu)\p{L}*|drogfri(?:a|tt)?(?![\p{L}])|alkoholfri(?:a|tt)?(?![\p{L}])|rökfri(?:a|tt)?(?![\p{L}])|(?:substance|drug|alcohol|smoke|vape)[- ]free/gu, ' xfreeevent ', { gate: ['päihteet', 'alkoholit', 'savut', 'drogfri', 'alkoholfri', 'rökfri', '-free', ' free'] }],
  // Music in the background is not a culture theme.
  [/musik (?:i|på|från) (?:högtalarna|högtalaren|bakgrunden|spotify)|bakgrundsmusik\p{L}*|background music|music (?:on |playing )?in the background|taustamusiik\p{L}*|musiikki soi|musiikkia soi\p{L}*/gu, ' backgroundmusic ', { gate: ['högtalar', 'bakgrund', 'spotify', 'background', 'taustamusiik', 'musiikki soi', 'musiikkia soi'] }],
  // Artificial turf is not art: "konstgräset", "konstgräsplan".
  [/konstgräs\p{L}*|konstis(?:en|plan\p{L}*)?(?![\p{L}])/gu, ' turf ', { inWords: true, gate: ['konstgräs', 'konstis'] }],
  // Money from the youth budget is participation, not money skills.
  [/(?:pengarna|pengar|rahat|rahaa|rahoja|the money|money) (?:från|i|ur|from|in|of) (?:the )?(?:ungdomsbudget\p{L}*|youth budget|nuorten budjet\p{L}*)/gu, ' youthbudget ', { gate: ['budget', 'budjet'] }],
  // A culture of behaviour is its behaviour, not arts: "somen vertailukulttuuri", "drinking culture".
  [/(?:vertailu|kiusaamis|häirintä|suorittamis|sukupuoli)kulttuuri\p{L}*|(?:cancel|hustle|comparison|gang|toxic|rape|lad) culture|(?:jämförelse|gäng|mobbnings|prestations)kultur\p{L}*/gu, ' behaviourculture ', { inWords: true, gate: ['kulttuur', 'culture', 'kultur'] }],
  [/(?:juoma|ryyppy)kulttuuri\p{L}*|drinking culture|dryckeskultur\p{L}*/gu, ' drinking ', { inWords: true, gate: ['kulttuur', 'culture', 'kultur'] }],
  // Parents along as volunteers, as the audience or at a meeting are not the family theme.
  [/(?:ungdom|ungdomen|kille|killen|tjej|tjejen|nuori|youth|young person|teen|girl|boy) (?:\+|&) (?:mamma|pappa|mum|mom|dad|äiti|isä|förälder|parent)(?![\p{L}])|(?:nattvandr\p{L}*|night ?walk\p{L}*|yökävel\p{L}*) (?:med|m|with|w|yhdessä) (?:\p{L}+ )?(?:föräldrar|vuxna|vanhempien|parents)|for (?:the )?parents (?:and|&|\+) (?:their )?(?:teens|teenagers|young people|kids|youth|children)|(?:teens|teenagers|young people|youths|kids|nuorta|nuoria|ungdomar|unga) (?:\+|and|&|och|ja|sekä) (?:their|deras|sina|heidän|niiden) (?:parents|föräldrar|vanhempansa|vanhemmat|vanhempia)|(?:incl\.?|including|inklusive|inkl\.?|mukaan lukien) (?:their )?(?:families|parents|familjer|föräldrar|perheet|perheitä|vanhemmat|vanhempia)/gu, ' withparent ', { gate: ['nattvandr', 'night walk', 'nightwalk', 'yökävel', 'parents', 'föräldrar', 'vanhem', 'families', 'familjer', 'perhe', 'mamma', 'pappa', 'mum', 'mom', 'dad', 'äiti', 'isä', 'förälder', 'parent'] }],
  // The future of a place is not work and the future: "fritidsgårdarnas framtid", "the future of the youth centre".
  [/(?:fritidsgård|gård|verksamhet|ungdomshus|lokal|skatepark|klubb|förening|nuorisotalo|nuorisotila|nuokkari|talo|kerho)\p{L}* (?:framtid|tulevaisuu)\p{L}*|future of (?:the |our )?(?:youth centre|youth center|centre|center|club|building|skatepark|service)s?/gu, ' placefuture ', { inWords: true, gate: ['framtid', 'tulevaisuu', 'future'] }],
  // Not in education or work: the work theme ("ilman opiskelu- tai työpaikkaa").
  [/opiskelu- (?:tai|eikä|ja) työ\p{L}*|(?:ilman|vailla) opiskelu\p{L}* (?:tai|eikä|ja) työ\p{L}*|studie- (?:eller|och) arbets\p{L}*|utan (?:studie|skol)plats (?:eller|och) (?:jobb|arbete)|not in (?:education|school),? (?:or )?employment(?: or training)?/gu, ' noeduwork ', { gate: ['opiskelu', 'studie', 'skolplats', 'not in education', 'not in school'] }],
  // What someone wants to do when grown up is work and the future.
  [/(?:mitä|mikä|mihin) (?:\p{L}+ ){0,2}(?:haluu|haluaa|halus|haluais|haluaisi|aikoo) (?:tehdä|tehä|olla|ryhtyä) isona|vad (?:\p{L}+ )?(?:vill|ska) (?:bli|jobba med|göra) (?:när (?:\p{L}+ )?blir )?(?:stor|vuxen)|what (?:\p{L}+ )?wants? to (?:do|be) when (?:\p{L}+ )?grows? up/gu, ' futureplans ', { gate: ['isona', 'stor', 'vuxen', 'grow up', 'grows up'] }],
  // Gaming at night is gaming: "pelataan öisin", "spelar hela natten", "gaming all night".
  [/pela\p{L}* (?:öisin|yöllä|koko yön|aamuun)|(?:öisin|yöllä|koko yön) pela\p{L}*|(?:spela|gamea|gamar|gejmar)\p{L}* (?:på nätterna|hela natten|till sent)|gaming (?:at night|all night|late at night|till late)|(?:play|plays|playing|played) (?:games |video games )?(?:all night|late at night)/gu, ' nightgaming ', { gate: ['öisin', 'yöllä', 'koko yön', 'aamuun', 'nätterna', 'hela natten', 'till sent', 'all night', 'at night', 'till late'] }],
  // A parent losing a job is the family's situation, not work.
  [/(?:dad|mum|mom|father|mother|parent|isä|äiti|pappa|mamma|pappan|mamman)\p{L}* (?:(?:has |just |had |on )+)?(?:lost (?:his|her|their) job|got (?:laid off|fired|sacked)|been laid off|jäi työttömäksi|menetti työnsä|lomautettiin|förlorade jobbet|blev arbetslös|fick sparken)/gu, ' homeissues ', { inWords: true, gate: ['lost his job', 'lost her job', 'lost their job', 'laid off', 'fired', 'sacked', 'työttömäksi', 'työnsä', 'lomautet', 'förlorade jobbet', 'arbetslös', 'sparken'] }],
  // Roles of peer tutors are not friendships: "peer tutors", "tukioppilas", "kamratstödjare".
  [/peer (?:tutors?|mentors?|supporters?|support group|leaders?|educators?)|vertais(?:ohjaaj|tukija|tuki)\p{L}*|tukioppila\p{L}*|kamratstödj\p{L}*|kamratstöd(?:sgrupp\p{L}*)?(?![\p{L}])/gu, ' tutorrole ', { gate: ['peer', 'vertais', 'tukioppila', 'kamratstöd'] }],
  // Groups told apart by their school are not the school theme: "from different schools", "eri kouluista".
  [/from (?:different|other|two|rival|several|the same|neighbouring) schools?|eri kouluista|eri koulujen|från olika skolor|från två skolor/gu, ' venue ', { gate: ['schools', 'kouluista', 'koulujen', 'skolor'] }],
  // A bunch of young people is not a gang: "ett gäng hade druckit".
  [/ett (?:stort |litet )?gäng (?=(?:hade|var|kom|satt|stod|killar|tjejer|ungdomar|unga|av)(?![\p{L}]))/gu, ' bunch ', { gate: ['gäng'] }],
  // Someone who does not want to be at home: family.
  [/(?:inte vill|vill inte) (?:vara|gå|åka) hem(?:ma)?|ei (?:halua|haluu|haluaisi) (?:olla kotona|mennä kotiin)|(?:don't|doesn't|didn't|do not|does not) want to (?:be at home|go home|be home)/gu, ' homeissues ', { gate: ['vill inte', 'inte vill', 'ei halua', 'ei haluu', 'want to'] }],
  // Spoken Finnish "down": "oli tosi maassa".
  [/(?:tosi|ihan|aivan|niin|vähän|aika|todella|täysin) maassa(?![\p{L}])|(?:känner|kände|känt) sig (?:lite |väldigt |helt |så |jätte)?nere(?![\p{L}])|(?:var|är|verkade|verkar) (?:lite|väldigt|helt|så|jätte|rätt|ganska) nere(?![\p{L}]| (?:på|i|vid|hos|till|vid))/gu, ' mentalhealth ', { gate: ['maassa', 'nere'] }],
  // Relationships and sex as one topic: sexuality ("relationer och sex").
  [/(?:relationer|relationships|seurustelu) (?:och|o|and|&|ja) sex(?![\p{L}])|sex (?:och|o|and|&) (?:relationer|relationships)/gu, ' relation sexualhealth ', { gate: [...pairs(['och ', 'o ', 'and ', '& ', 'ja '], ['sex']), ...pairs(['sex '], ['och', 'o ', 'and', '&'])] }],
  [/(?:kärlek|love) (?:och|o|and|&) sex(?![\p{L}])|sex (?:och|o|and|&) (?:samlevnad|consent|samtycke)/gu, ' sexualhealth ', { gate: [...pairs(['och ', 'o ', 'and ', '& ', 'ja '], ['sex']), ...pairs(['sex '], ['och', 'o ', 'and', '&'])] }],
  // The name of a wellbeing day is not its theme; what was done there is ("Hyvinvointipäivä ... uni, ravinto ja liikunta").
  [/hyvinvointipäiv\p{L}*|hyvinvointitapahtum\p{L}*|hälsodag\p{L}*|välmåendedag\p{L}*|well-?being day|wellness day/gu, ' themeday ', { gate: ['hyvinvointi', 'hälsodag', 'välmående', 'wellbeing day', 'well-being day', 'wellness day'] }],
  // Having opinions in a discussion is not participation: "killarna hade många åsikter".
  [/(?:hade|har|med) (?:många|starka|olika|så många|mycket) åsikter|had (?:lots of|many|strong|plenty of) opinions|(?:oli|olivat) (?:paljon|vahvoja) mielipiteitä/gu, ' viewsheld ', { gate: ['åsikt', 'opinions', 'mielipite'] }],
  // Tuning or fixing mopeds is a hobby, not a life skill (a licence is): "mopedtrimning", "korjattiin mopoja".
  [/moped\p{L}*trimn\p{L}*|trimma\p{L}* (?:\p{L}+ )?moped\p{L}*|mopo\p{L}* (?:viritt|korja)\p{L}*|(?:viritt|korja)\p{L}* mopo\p{L}*|mopedreparation\p{L}*|(?:fixing|repairing|tuning|fixed|repaired|tuned) (?:\p{L}+ )?mopeds?|moped (?:repairs?|tuning)/gu, ' vehiclehobby ', { inWords: true, gate: ['moped', 'mopo'] }],
  // A theme day held at a school is set there: "Mental health awareness day at the upper secondary school".
  [/(?<=(?:awareness|theme|themed|sports|activity|wellbeing|careers?|fun|info|information|open|action) (?:day|evening|week) )(?:at|in) (?:the |a |our )?(?:local )?(?:(?:upper |lower )?(?:secondary|high|primary|middle|comprehensive) )?(?:school|college)(?![\p{L}])/gu, ' venue ', { gate: ['day at', 'day in', 'evening at', 'evening in', 'week at', 'week in'] }],
  // The channel a message came through is not the digital theme: "hot från ett ex via snap".
  [/via (?:snap(?:chat)?|insta(?:gram)?|tiktok|whatsapp|messenger|discord|sms|teams|zoom|dm)(?![\p{L}])/gu, ' viachannel ', { gate: ['via '] }],
  // A project for their school is set at the school, not about school: "anti-bullying campaign for their school".
  [/(?<=(?:campaign|project|event|fundraiser|kampanj|projekt|kampanja|projekti)\p{L}* )(?:for|at|till|för|på) (?:their |our |the |sin |sitt |deras |vår |own )*(?:school|skola|skolan|koululle|koulullensa)(?![\p{L}]| council| board| parliament)/gu, ' venue ', { gate: ['campaign', 'project', 'fundraiser', 'kampanj', 'projekt', ...pairs(['event', 'events'], [' for ', ' at ', ' till ', ' för ', ' på '])] }],
  // A parent's worry is the family's, not the young person's mental health: "mamma orolig", "äiti on huolissaan".
  [/(?:mamma|pappa|mamman|pappan|föräldrar\p{L}*|äiti|isä|vanhemmat|mum|mom|dad|parents?) (?:är |var |was |is |were |are |on |oli |ovat |olivat )?(?:\p{L}+ )?(?:orolig|oroliga|oroad|huolissaan|worried|concerned)(?![\p{L}])/gu, ' parent ', { gate: ['orolig', 'oroad', 'huolissa', 'worried', 'concerned'] }],
  // Gated additions to the phrases above (kept apart so the ungated alternation stays small and fast).
  [/school ?nights?|skolkvällar(?:na)?|kouluiltoina|kouluiltaisin|before school|ennen koulua|före skolan|innan skolan/g, ' afterwards ', { gate: ['school night', 'schoolnight', 'skolkväll', 'kouluilt', 'before school', 'ennen koulua', 'före skolan', 'innan skolan'] }],
  [/(?:sick|ill|sairas|sairaan|sairasta|sjuk|sjuka) (?:parent|mum|mom|dad|mother|father|äiti\p{L}*|isä\p{L}*|vanhem\p{L}*|förälder|mamma|pappa)/gu, ' familycare ', { gate: [' ill ', 'sick ', 'sairas', 'sjuk'] }],
  [/(?:kontaktade|kontakta|hänvisade|ohjattiin|ohjasin|ohjattu|otettiin yhteyttä|otin yhteyttä|referred|contacted|contact|signposted)(?: \p{L}+){0,3} (?:kouluterveydenhoitaj\p{L}*|kouluterkka\p{L}*|terkka\p{L}*|skolsyster\p{L}*)/gu, ' referral ', { gate: ['terkka', 'kouluterveydenhoitaj', 'skolsyster'] }],
  [/koulun (?:välitunneilla|välitunnilla|välkällä|välkkää|välkän aikana)|välkällä|välkkää|välkän aikana/gu, ' breaktime ', { gate: ['välkällä', 'välkkää', 'välkän', 'koulun välitun'] }],
  [/(?:fältarbete\p{L}*|fältpass\p{L}*|outreach|jalkautu\p{L}*) (?:on |in |via |på |i )(?:instagram|insta|tiktok|snapchat|snap|twitch|youtube|discord)\p{L}*(?: (?:och|o|and|&|ja) (?:instagram|insta|tiktok|snapchat|snap|twitch|youtube|discord)\p{L}*)?|(?:instagram|insta|tiktok|snapchat|snap|discord|twitch|whatsapp|messenger)[- ]?(?:dms?|direct messages|messages|viestit|yksityisviestit|meddelanden)(?![\p{L}])/gu, ' onplatform ', { gate: [...pairs(['on ', 'in ', 'via ', 'på ', 'i '], PLATFORMS), ...pairs([...PLATFORMS, 'whatsapp', 'messenger'], ['dm', ' dm', '-dm', ' direct', ' messages', ' viestit', '-viestit', ' yksityisviestit', ' meddelanden'])] }],
  [/(?:worried|worries|worrying|concerned) (?:they|he|she)(?:'ll| will| won't| might| can't| wouldn't)/g, ' concern ', { gate: ['worried they', 'worried he', 'worried she', 'worries they', 'worrying they', 'concerned they', 'concerned he', 'concerned she'] }],
  [/(?:tillsammans med|together with|alongside|jointly with|with|med|yhdessä) (?:the |our |a |vår |en )?(?:student counsell?or|studievägledare\p{L}*|opinto-ohjaaj\p{L}*)/gu, ' partner ', { gate: ['student counsel', 'studievägledare', 'opinto-ohjaaj'] }],
  [/från (?:högstadiet|mellanstadiet|lågstadiet|gymnasiet)(?![\p{L}])/gu, ' audience ', { gate: ['från högstadiet', 'från mellanstadiet', 'från lågstadiet', 'från gymnasiet'] }],
  [/(?:around|outside|near|by) the schools(?![\p{L}])/gu, ' venue ', { gate: ['the schools'] }],
  [/food waste|matsvinn\p{L}*|ruokahävik\p{L}*/gu, ' matekonomi ', { gate: ['food waste', 'matsvinn', 'ruokahävik'] }],
  [/kompisbråk\p{L}*|vänbråk\p{L}*|kaveririi\p{L}*|kaverien (?:kanssa )?riid\p{L}*/gu, ' relationsgräl ', { inWords: true }],
];

interface PhraseSet {
  re: RegExp;
  tokens: string[];
}

/**
 * Phrases in one pass: one alternation with a group per phrase. Phrases that start a word share one check for it, so
 * the alternation is tried only at word starts, except for the few phrases that may start inside a word.
 */
function phraseSet(list: [RegExp, string, PhraseOptions?][], detect?: { atWordStart: string[]; inWords: string[] }): PhraseSet {
  const atWordStart = list.filter(([, , o]) => !o?.inWords);
  const inWords = list.filter(([, , o]) => o?.inWords);
  const alternatives = (l: [RegExp, string, PhraseOptions?][]): string => l.map(([re]) => `(${re.source})`).join('|');
  // First: an empty match where a gate string starts, which tells themeText that gated phrases may match.
  const detectStart = detect ? `(?=${literalsSource(detect.atWordStart)})|` : '';
  const detectIn = detect ? `(?=${literalsSource(detect.inWords)})|` : '';
  return {
    re: new RegExp(`(?<![\\p{L}\\p{N}])(?:${detectStart}${alternatives(atWordStart)})|${detectIn}${alternatives(inWords)}`, 'gu'),
    tokens: [...atWordStart, ...inWords].map(([, token]) => token),
  };
}

/**
 * V8 stops optimising a regular expression whose source passes 20 KB, and a phrase pass then runs many times slower.
 * The phrases are therefore split, in list order, into alternations below that size.
 */
const MAX_SOURCE = 18000;

function phraseSets(list: [RegExp, string, PhraseOptions?][]): PhraseSet[] {
  const sets: PhraseSet[] = [];
  let chunk: [RegExp, string, PhraseOptions?][] = [];
  let size = 0;
  for (const p of list) {
    if (chunk.length && size + p[0].source.length > MAX_SOURCE) {
      sets.push(phraseSet(chunk));
      chunk = [];
      size = 0;
    }
    chunk.push(p);
    size += p[0].source.length + 3;
  }
  if (chunk.length) sets.push(phraseSet(chunk));
  return sets;
}

const ALL_PHRASES = phraseSets(PHRASES);
/** Gate strings that may start inside a word (the tail of a compound: "lägerelden", "alcohol-free", "inställd"). */
const GATE_IN_WORDS = new Set(['elden', 'fire', '-free', 'konstgräs', 'konstis', 'kulttuur', 'culture', 'kultur', 'perut', 'peruun', 'cancel',
  'ställd', 'ställde', 'budget', 'budjet', 'terkka']);
const GATE_STRINGS = [...new Set(PHRASES.flatMap(([, , o]) => o?.gate ?? []))];
const GATE_ANYWHERE = new RegExp(literalsSource(GATE_STRINGS), 'u');
const GATE_MAX_LENGTH = Math.max(0, ...GATE_STRINGS.map((g) => g.length));
/**
 * Without the gated phrases: the same result on a text no gate string is in, and faster. It also finds gate strings in the
 * same pass (gate strings that start a word only at word starts), so no separate scan is needed.
 */
const UNGATED_PHRASES = phraseSet(PHRASES.filter(([, , o]) => !o?.gate), {
  atWordStart: GATE_STRINGS.filter((g) => !GATE_IN_WORDS.has(g)).map((g) => g.trimStart()),
  inWords: GATE_STRINGS.filter((g) => GATE_IN_WORDS.has(g)),
});

function tokenOf(set: PhraseSet, m: RegExpExecArray): string {
  for (let i = 0; i < set.tokens.length; i++) if (m[i + 1] !== undefined) return set.tokens[i];
  return m[0];
}

/** Text with phrases replaced by their tokens; like one alternation of all sets: the earliest match wins, then the earlier set. */
export function themeText(s: string): string {
  let gated = false;
  const ungated = UNGATED_PHRASES;
  const out = s.replace(ungated.re, (...args: unknown[]) => {
    const match = String(args[0]);
    if (match === '') {
      gated = true;
      return '';
    }
    // A gate string inside (or running out of) a phrase match is not seen by the scan: look for it there.
    if (!gated) {
      const at = args[ungated.tokens.length + 1] as number;
      gated = GATE_ANYWHERE.test(s.slice(at, at + match.length + GATE_MAX_LENGTH));
    }
    for (let i = 0; i < ungated.tokens.length; i++) if (args[i + 1] !== undefined) return ungated.tokens[i];
    return match;
  });
  return gated ? replaceAll(s, ALL_PHRASES) : out;
}

/** The phrases of the sets replaced by their tokens; like one alternation of all sets: the earliest match wins, then the earlier set. */
function replaceAll(s: string, sets: PhraseSet[]): string {
  if (sets.length === 1) {
    const set = sets[0];
    return s.replace(set.re, (...args: unknown[]) => {
      for (let i = 0; i < set.tokens.length; i++) if (args[i + 1] !== undefined) return set.tokens[i];
      return String(args[0]);
    });
  }
  // The next match of each set from the current position (null: none left), reused while it lies ahead.
  const next: (RegExpExecArray | null | undefined)[] = new Array<undefined>(sets.length);
  let out = '';
  let pos = 0;
  for (;;) {
    let best = -1;
    for (let k = 0; k < sets.length; k++) {
      let m = next[k];
      if (m === undefined || (m !== null && m.index < pos)) {
        const re = sets[k].re;
        re.lastIndex = pos;
        next[k] = m = re.exec(s);
      }
      if (m && (best < 0 || m.index < (next[best] as RegExpExecArray).index)) best = k;
    }
    if (best < 0) break;
    const m = next[best] as RegExpExecArray;
    out += s.slice(pos, m.index) + tokenOf(sets[best], m);
    pos = m.index + m[0].length;
    next[best] = undefined;
    if (m[0].length === 0) {
      if (pos >= s.length) return out;
      out += s[pos];
      pos++;
    }
  }
  return out + s.slice(pos);
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
    const pairs = m.anyPairs;
    for (let q = p; q < end - 1; q++) {
      const c = t.charCodeAt(q);
      if (pairs.has((c << 16) | t.charCodeAt(q + 1)) || pairs.has(-1 - c)) walk(t, q, end, m.anywhere, word, true);
    }
    for (let i = 0; i < n; i++) if (word[i] === 1) found[i] = 1;
  }
  const out: string[] = [];
  for (let i = 0; i < n; i++) if (found[i] === 1 && m.keys[i] && !out.includes(m.keys[i])) out.push(m.keys[i]);
  return out;
}
