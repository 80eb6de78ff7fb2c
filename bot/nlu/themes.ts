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
  /** The first two characters of every "*stem", so most positions inside a word skip the walk. */
  anyPairs: Set<number>;
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
/**
 * How a phrase is matched. gate: a phrase can only match a text its gate matches (keeps slow patterns off most texts).
 * inWords: the phrase may start inside a word, as the tail of a compound ("sählyvuoro koululla"); other phrases start a word.
 */
interface PhraseOptions {
  gate?: RegExp;
  inWords?: boolean;
}

const PHRASES: [RegExp, string, PhraseOptions?][] = [
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
  [/(?<![\p{L}-])[\p{L}-]+ (?:peruttiin|peruuntui|peruuntuivat|oli peruttu|was cancell?ed|got cancell?ed|ställdes in|blev inställd|var inställd)|(?:cancell?ed|peruttiin|inställd|ställde in) (?:the |our )?[\p{L}-]+/gu, ' cancelled ', { gate: /perut|peruun|cancel|ställd|ställde/, inWords: true }],
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
  [/(?<![\p{L}])[\p{L}-]+n (?:edessä|edustalla|luona|vieressä|parkkipaikalla|pihalla|kulmalla)|(?:outside|in front of|next to|behind) (?:the |a )?[\p{L}-]+(?: (?:centre|center|hall|pool|park|station|shop|store))?|(?:utanför|framför|bakom|vid) (?:[\p{L}-]+en|[\p{L}-]+et)(?![\p{L}])/gu, ' venue ', { gate: /edessä|edustalla|luona|vieressä|parkkipaikalla|pihalla|kulmalla|outside|in front of|next to|behind|utanför|framför|bakom|vid / }],
  // The reason few came is not a theme: "pga hockeymatchen", "ottelun takia".
  [/(?:pga\.?|på grund av|because of|due to) (?:the |a )?[\p{L}-]*(?:match|matchen|matchens|game|derby|final|finalen|cup)(?![\p{L}])|[\p{L}-]*(?:ottelu\p{L}*|matsi\p{L}*|pelin|finaalin) (?:takia|vuoksi|johdosta)/gu, ' because ', { gate: /pga|grund av|because of|due to|takia|vuoksi|johdosta/ }],
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
  [/(?<=(?<![\p{L}])(?!idag|igår)\p{L}*(?:dag|kväll|föreläsning|workshop|besök|disco|disko|fältarbete|evenemang|turnering|tävling|info|event)\p{L}*(?: \p{L}+){1,3} )på (?:gymnasiet|högstadiet|mellanstadiet|lågstadiet|skolan)(?![\p{L}])/gu, ' venue ', { gate: /på (?:gymnasiet|högstadiet|mellanstadiet|lågstadiet|skolan)/ }],
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
function phraseSet(list: [RegExp, string, PhraseOptions?][]): PhraseSet {
  const atWordStart = list.filter(([, , o]) => !o?.inWords);
  const inWords = list.filter(([, , o]) => o?.inWords);
  const alternatives = (l: [RegExp, string, PhraseOptions?][]): string => l.map(([re]) => `(${re.source})`).join('|');
  return {
    re: new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives(atWordStart)})|${alternatives(inWords)}`, 'gu'),
    tokens: [...atWordStart, ...inWords].map(([, token]) => token),
  };
}

const ALL_PHRASES = phraseSet(PHRASES);
/** Without the gated phrases: the same result on a text no gate matches, and faster. */
const UNGATED_PHRASES = phraseSet(PHRASES.filter(([, , o]) => !o?.gate));
const GATES = new RegExp(PHRASES.flatMap(([, , o]) => (o?.gate ? [o.gate.source] : [])).join('|'), 'u');

export function themeText(s: string): string {
  const set = GATES.test(s) ? ALL_PHRASES : UNGATED_PHRASES;
  return s.replace(set.re, (...args: unknown[]) => {
    for (let i = 0; i < set.tokens.length; i++) if (args[i + 1] !== undefined) return set.tokens[i];
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
