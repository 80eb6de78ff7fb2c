/** The words of report questions in fi, sv and en: what to count, how to split, compare and show. */
import type { ChartKind, Comparison, GroupBy, Metric } from '../../reports/query';
import { B, words } from './scan';

/** A question or command at the start ("how many", "montako", "hur många", "show", "näytä", "visa"). */
const LEAD_IN = '(?:(?:and|but|so|ok|okay|hey|hi|please|pls|entä|entäs|mites|mitä|no|hei|moi|okei|och|men|så|hej|snälla|logbook|bot)[,!:]?\\s+){0,3}';
const CUES = [
  'how many', 'how much', 'how often', 'how (?:big|large|high|low) (?:a |was |is )?(?:the )?(?:share|percentage|proportion)', 'what (?:is|was|were|are|\'s) (?:the )?(?:number|total|share|count|amount|percentage|proportion|sum)',
  'what (?:share|percentage|proportion)', 'what (?:did|were|was) (?:they|we|young people|people|kids|the kids)? ?(?:talk|talked|discuss|discussed)', 'which (?:themes|topics|units|activities|work forms)', 'what (?:themes|topics)', 'number of', 'total (?:number|hours|participants)',
  'count (?:of|the)', 'show', 'give me', 'get me', 'list', 'report', 'tell me', 'compare', 'top', 'most common', 'breakdown', 'chart', 'graph', 'plot', 'can i (?:see|have|get)',
  'montako', 'monta', 'kuinka (?:monta|paljon|moni|usein|suuri)', 'paljonko', 'mikä (?:oli|on) (?:\\p{L}+ )?(?:määrä|osuus|lukumäärä|kävijämäärä|tuntimäärä|prosentti)', 'mitkä (?:teemat|aiheet|yksiköt)', 'mistä (?:puhuttiin|on puhuttu)',
  'näytä', 'anna', 'listaa', 'raportoi', 'raportti', 'kerro', 'vertaa', 'vertailu', 'yleisimmät', 'eniten', 'tilasto', 'kaavio', 'paljonko',
  'hur många', 'hur mycket', 'hur ofta', 'hur stor (?:var |är )?(?:andel(?:en)?)', 'vad (?:var|är) (?:andelen|antalet|summan)', 'vad (?:pratade|talade|diskuterade)', 'vilka (?:teman|ämnen|enheter)', 'antal(?:et)?', 'visa', 'ge mig', 'lista', 'rapport', 'berätta', 'jämför', 'vanligaste', 'topp', 'diagram',
];
export const QUESTION_START = new RegExp(`^${LEAD_IN}(?:${CUES.join('|')})(?![\\p{L}])`, 'u');
/** A counting question: "how many" and its kin. */
export const COUNT_START = new RegExp(`^${LEAD_IN}(?:how many|how much|montako|monta|kuinka (?:monta|paljon)|paljonko|hur många|hur mycket)(?![\\p{L}])`, 'u');
/** A command verb at the start ("show", "näytä", "visa"): blanked so that "show" is no event. */
export const COMMAND_START = new RegExp(`^${LEAD_IN}(?:show me|show|give me|get me|list|tell me|report|näytä|anna|listaa|kerro|raportoi|visa|ge mig|lista|berätta)(?![\\p{L}])`, 'u');

/** A count of people in the text ("14 kids", "8 tyttöä"): the mark of a log, not a question. */
export const LOGGED_COUNT = new RegExp(
  `${B}\\d{1,4}\\s+(?:kids|youths?|young people|teens|girls|boys|participants|nuorta|nuorista|tyttöä|poikaa|kävijää|osallistujaa|ungdomar|tjejer|killar|deltagare|flickor|pojkar)(?![\\p{L}])`,
  'u',
);

/** Metric phrases, most specific first: each match is blanked before the next list runs. */
export const METRIC_WORDS: [Metric, RegExp][] = [
  ['girlsShare', words([
    '(?:share|percentage|proportion|percent|%) of (?:the )?girls', 'girls\'? ?(?:share|percentage|proportion)', 'girl share',
    'tyttöjen (?:osuus|osuutta|osuuden|prosenttiosuus|prosentti|suhteellinen osuus)', 'tyttöosuu\\p{L}*',
    'andel(?:en)? (?:tjejer|flickor)', '(?:tjej|flick)andel(?:en)?', '(?:tjejernas|flickornas) andel',
  ])],
  ['youthLedShare', words([
    '(?:(?:share|percentage|proportion) of )?youth[- ]?led(?: share| sessions| activities| entries| activity)?', '(?:activities |sessions )?led by (?:the )?young people',
    '(?:nuorten )?(?:itse )?(?:toteuttam|järjestäm|ideoim|vetäm)\\p{L}*(?: osuus| toiminnan osuus)?', 'nuorten (?:toteuttaman|järjestämän) toiminnan osuus', 'nuorilähtöi\\p{L}*', 'nuorisolähtöi\\p{L}*',
    '(?:andel(?:en)? )?ungdomsledd\\p{L}*(?: andel)?', 'ungdomsstyrd\\p{L}*', 'ledd\\p{L}* av (?:unga|ungdomar)(?:na)?',
  ])],
  ['new', words([
    'new (?:participants|people|young people|youths?|kids|visitors|faces|ones|members|attendees|teens)', 'newcomers?', 'first[- ]timers?',
    'uu(?:det|sia|sien|siin|dennut) (?:kävijä\\p{L}*|kävijö\\p{L}*|nuor\\p{L}*|osallistuj\\p{L}*)', 'uudet', 'uusia', 'uusien', 'ensikertalai\\p{L}*', 'ensikäv\\p{L}*',
    'nya (?:deltagare|deltagarna|ungdomar|ungdomarna|besökare|besökarna|unga|ansikten)', 'nya', 'nykomling\\p{L}*', 'förstagångs\\p{L}*',
  ])],
  ['hours', words([
    'hours?', 'hrs', 'time spent', 'working time', 'how much time',
    'tunti\\p{L}*', 'tunnit', 'tunneissa', 'tunteja', 'tuntien', 'tuntimäär\\p{L}*', 'työtun\\p{L}*', 'työaika\\p{L}*', 'kuinka paljon aikaa', 'paljonko aikaa',
    'timm(?:ar|arna|e)', 'arbetstimm\\p{L}*', 'hur mycket tid', 'antal timmar',
  ])],
  ['nonBinary', words(['non-?binary', 'nonbinary', 'enby', 'enbies', 'other genders?', 'muunsukupuoli\\p{L}*', 'ei-binäär\\p{L}*', 'icke-?binär\\p{L}*'])],
  ['girls', words(['girls', 'tytöt', 'tyttöjä', 'tyttöjen', 'tyttöä', 'tjejer', 'tjejerna', 'tjejernas', 'flickor', 'flickorna', 'flickornas'])],
  ['boys', words(['boys', 'lads', 'pojat', 'poikia', 'poikien', 'poikaa', 'killar', 'killarna', 'killarnas', 'pojkar', 'pojkarna', 'pojkarnas'])],
  ['participants', words([
    'participants?', 'attendees?', 'attendance', 'visitors?', 'visits', 'young people', 'youngsters', 'youths?', 'kids', 'people', 'teens', 'teenagers', 'contacts', 'encounters', 'footfall', 'turnout', 'reach',
    'kävijä\\p{L}*', 'kävijö\\p{L}*', 'käyntikerr\\p{L}*', 'käyn(?:nit|tejä|tien)', 'osallistuj\\p{L}*', 'osallistu(?:i|neet|neita|neiden)', 'nuoret', 'nuoria', 'nuorten', 'nuorta', 'nuorien', 'kohtaami\\p{L}*', 'kontakte\\p{L}*', 'tavoitet\\p{L}*', 'ihmisiä', 'kävi',
    'deltagar\\p{L}*', 'deltog', 'besökar\\p{L}*', 'besök', 'ungdomar(?:na)?', 'unga', 'personer', 'kontakter',
  ])],
  ['entries', words([
    'entries', 'entry', 'logs', 'log entries', 'records', 'sessions?', 'meetings', 'times', 'occasions', 'how often',
    'merkin(?:nät|töjä|töjen|tää|nän|tä)', 'kirjau(?:kset|ksia|sten|sta)', 'kert(?:aa|oja|ojen|at)', 'tapaami(?:set|sia|sten)', 'tilaisuu(?:det|ksia|ksien)', 'toimintakert\\p{L}*', 'kokoontumi\\p{L}*', 'kuinka usein',
    'inlägg(?:en)?', 'logg(?:ar|arna|ningar)', 'tillfällen', 'gånger', 'träffar(?:na)?', 'sessioner', 'möten', 'hur ofta',
  ])],
];

/** "share", "osuus", "andel": with girls, the share of girls. */
export const SHARE_WORD = words(['share', 'percentage', 'proportion', 'percent', '%', 'osuus', 'osuutta', 'osuuden', 'prosentti\\p{L}*', 'kuinka suuri osa', 'mikä osa', 'andel(?:en)?', 'procent(?:andel)?', 'hur stor del']);

export const GROUP_WORDS: [GroupBy, RegExp][] = [
  ['month', words([
    '(?:by|per|each|every|for each|for every) month', 'monthly', 'month by month', 'a month',
    'kuukausittain', 'kuukausikohtaisesti', 'kuukauden mukaan', 'per kuukausi', 'kuukausittainen', 'joka kuukausi', 'kuukaudessa',
    'månadsvis', 'per månad', 'varje månad', 'efter månad', 'månad för månad', 'i månaden',
  ])],
  ['week', words([
    '(?:by|per|each|every|for each) week', 'weekly', 'week by week', 'a week',
    'viikoittain', 'viikkokohtaisesti', 'per viikko', 'viikon mukaan', 'joka viikko', 'viikossa',
    'veckovis', 'per vecka', 'vecka för vecka', 'varje vecka', 'efter vecka',
  ])],
  ['workForm', words([
    '(?:by|per|for each|each) (?:work ?form|type of work|form of work|kind of work|work type|type of activity|activity type)s?',
    'työmuodoittain', 'työmuodon mukaan', 'per työmuoto', 'toimintamuodoittain', 'toimintamuodon mukaan',
    '(?:per|efter) (?:verksamhetsform|arbetsform)(?:en)?', 'verksamhetsformsvis', 'top (?:\\d{1,2} |\\p{L}+ )?work ?forms',
  ])],
  ['unit', words([
    '(?:by|per|for each|each|across|in each|for every) (?:unit|centre|center|youth cent(?:re|er)|team|location|site|place|house|club)s?', 'unit by unit', 'top (?:\\d{1,2} |\\p{L}+ )?(?:units|centres|centers|teams|youth cent(?:re|er)s)', 'which (?:unit|centre|center|team|youth cent(?:re|er))s?',
    'yksiköittäin', 'yksikön mukaan', 'mi(?:kä|ssä|llä) yksikö(?:ssä|llä)?', 'mitkä yksiköt', 'per yksikkö', 'yksikkökohtaisesti', 'toimipisteittäin', 'toimipaikoittain', 'nuorisotaloittain', 'taloittain', 'tiimeittäin',
    'per enhet', 'enhetsvis', 'vilken enhet', 'vilka enheter', 'efter enhet', 'per (?:fritids)?gård', 'per team', 'per ställe', 'i varje enhet', 'för varje enhet',
  ])],
  ['activity', words([
    '(?:by|per|for each|each) (?:activity|activities|group|programme|program)', 'activity by activity', 'top (?:\\d{1,2} |\\p{L}+ )?(?:activities|groups)', 'which (?:activity|activities|group|groups)',
    'toiminnoittain', 'toiminnon mukaan', 'mi(?:kä|ssä) toiminno(?:ssa)?', 'mitkä toiminnot', 'per toiminto', 'ryhmittäin', 'ryhmäkohtaisesti', 'kerhoittain',
    'per aktivitet', 'per verksamhet', 'vilken aktivitet', 'vilka aktiviteter', 'aktivitetsvis', 'per grupp', 'efter aktivitet', 'gruppvis',
  ])],
  ['theme', words([
    '(?:by|per|for each) (?:theme|topic|subject)s?', '(?:the )?(?:most common |main |top |common |biggest )?(?:themes|topics)(?: discussed| talked about| covered)?', 'what\\s+(?:was|did they|did we|people)\\s+(?:talked|talk)\\s+about', 'what did (?:they|we|young people)\\s+talk\\s+about',
    'teemoittain', 'teeman mukaan', 'per teema', '(?:yleisimmät |tärkeimmät )?(?:teemat|teemoja|teemojen|aiheet|aiheita|puheenaiheet|puheenaiheita)', 'aiheittain', 'mistä\\s+(?:puhuttiin|on puhuttu|nuoret puhuivat)',
    'per tema', '(?:de )?(?:vanligaste |största )?(?:teman|temana|ämnen|ämnena|samtalsämnen|samtalsämnena)', 'efter tema', 'vad\\s+(?:pratade|talade)\\s+(?:de\\s+|vi\\s+|ungdomarna\\s+)?(?:mest\\s+)?om',
  ])],
  ['gender', words([
    '(?:by|per) (?:gender|sex)', 'gender (?:split|breakdown|distribution|balance)', 'girls and boys', 'boys and girls', 'girls, boys and non-?binary',
    'sukupuolittain', 'sukupuolen mukaan', 'sukupuolijakauma', 'tytöt ja pojat', 'pojat ja tytöt', 'tyttöjä ja poikia', 'poikia ja tyttöjä',
    'per kön', 'efter kön', 'könsfördelning(?:en)?', 'tjejer och killar', 'killar och tjejer', 'flickor och pojkar', 'pojkar och flickor',
  ])],
];

/** "top 5", "top five", "five most common", "viisi yleisintä", "de tre vanligaste": group 1 or 2 is the count. */
const COUNT_WORD = '\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|kolme|neljä|viisi|kuusi|seitsemän|kahdeksan|yhdeksän|kymmenen|tre|fyra|fem|sex|sju|åtta|nio|tio';
export const TOP_WORDS = new RegExp(
  `${B}(?:(?:top|topp)(?:\\s+(${COUNT_WORD}))?|(?:(?:the|de)\\s+)?(?:(${COUNT_WORD})\\s+)?` +
    '(?:most common|most frequent|biggest|largest|busiest|yleisin(?:tä)?|yleisimmät|suurimmat|vilkkaimmat|eniten|vanligaste|största|mest))(?![\\p{L}])',
  'gu',
);

export const COMPARISON_WORDS: [Comparison, RegExp][] = [
  ['sameLastYear', words([
    '(?:compared? (?:it |them |this )?(?:to|with)|vs\\.?|versus|than|against|relative to|to|with)\\s+(?:the\\s+)?(?:same (?:period|time|month|week|season) (?:of |in )?)?(?:last year|previous year|a year (?:ago|earlier|before)|the year before|year before|the previous year)',
    'same (?:period|time|month|week|season) (?:of |in )?(?:last year|a year ago|the previous year|the year before)', 'year[- ]over[- ]year', 'yoy',
    // The previous autumn is the same season a year earlier.
    '(?:compared? (?:it |them |this )?(?:to|with)|vs\\.?|versus|than|against|to|with)\\s+(?:the\\s+)?(?:previous|prior|preceding|last) (?:autumn|fall|spring|summer|season)',
    '(?:verrattuna|kuin)\\s+(?:edelliseen|viime) (?:syksyyn|kevääseen|kesään)', '(?:edelliseen|viime) (?:syksyyn|kevääseen|kesään) verrattuna',
    '(?:jämfört med|jämför (?:det |dem )?med|mot|än|med)\\s+(?:förra|föregående) (?:hösten|våren|sommaren)',
    '(?:verrattuna|verraten|vs\\.?|kuin)\\s+(?:viime vuo(?:teen|nna|den vastaava\\p{L}*(?: aika\\p{L}*| jakso\\p{L}*)?)|edelliseen vuoteen|edellisen vuoden vastaava\\p{L}*(?: aika\\p{L}*| jakso\\p{L}*)?|vuotta aiemmin|vuosi sitten)',
    '(?:viime|edellise(?:n|en)) vuo(?:teen|den vastaavaan (?:aikaan|jaksoon)) verrattuna', 'viime vuoteen', 'edelliseen vuoteen', 'viime vuoden vastaava\\p{L}*(?: aika\\p{L}*| jakso\\p{L}*)?', 'vuoden takaise\\p{L}*',
    '(?:jämfört med|jämför (?:det |dem )?med|mot|än|med|vs\\.?)\\s+(?:samma (?:period|tid|månad|vecka) )?(?:förra året|i fjol|ifjol|föregående år(?:et)?|året innan|året före|ett år tidigare)',
    'samma (?:period|tid|månad|vecka) (?:förra året|i fjol|ifjol|året innan)',
  ])],
  ['previousPeriod', words([
    '(?:compared? (?:it |them |this )?(?:to|with)|vs\\.?|versus|than|against|relative to|to|with)\\s+(?:the\\s+)?(?:last|previous|prior|preceding) (?:month|week|period|term)',
    '(?:the )?(?:month|week|period) before', 'previous period', 'period[- ]over[- ]period', 'month[- ]over[- ]month',
    '(?:verrattuna|verraten|vs\\.?|kuin)\\s+(?:edelliseen|viime|edellisellä|edellisessä) (?:kuukauteen|kuuhun|kuussa|kuukautena|jaksoon|jaksolla|viikkoon|viikolla|kauteen|kaudella)',
    '(?:edelliseen|viime) (?:kuukauteen|kuuhun|jaksoon|viikkoon|kauteen)(?: verrattuna)?', 'edelliseen ajanjaksoon(?: verrattuna)?',
    '(?:jämfört med|jämför (?:det |dem )?med|mot|än|med|vs\\.?)\\s+(?:förra|föregående) (?:månaden|månad|veckan|vecka|perioden|period|terminen)', 'föregående period(?:en)?',
  ])],
];
/** "vs 2024", "vuoteen 2024 verrattuna", "jämfört med 2024": a comparison with a named year. */
export const COMPARE_YEAR = new RegExp(
  `${B}(?:(?:compared? (?:to|with)|vs\\.?|versus|than|against|verrattuna|kuin|jämfört med|jämför med|mot|än)\\s+(?:vuoteen\\s+|vuoden\\s+|året\\s+|år\\s+)?((?:19|20)\\d{2})|(?:vuoteen|vuodesta)\\s+((?:19|20)\\d{2})\\s+verrattuna)(?![\\d\\p{L}])`,
  'gu',
);
/** A bare "compare" without a target: the comparison is still to be asked. */
export const COMPARE_VERB = words(['compare(?:d)?', 'comparison', 'vertaa\\p{L}*', 'vertailu\\p{L}*', 'verrattuna', 'jämför(?:t|else)?', 'jämförelse\\p{L}*']);

export const CHART_WORDS: [ChartKind | 'any', RegExp][] = [
  ['line', words(['(?:as a |in a |on a )?line (?:chart|graph|diagram)', 'as a line', 'trend ?line', 'viivakaavio\\p{L}*', 'viivadiagrammi\\p{L}*', 'viivana', 'käyränä', '(?:som (?:ett )?)?linjediagram\\p{L}*', 'som (?:en )?linje', 'som kurva'])],
  ['bar', words(['(?:as a |in a |on a )?(?:bar|column) (?:chart|graph|diagram)', 'as bars', 'pylväskaavio\\p{L}*', 'pylväinä', 'pylväsdiagrammi\\p{L}*', '(?:som (?:ett )?)?stapeldiagram\\p{L}*', 'som staplar'])],
  ['none', words(['as a table', 'in a table', 'table only', 'taulukko(?:na)?', 'taulukkona', 'som (?:en )?tabell', 'i tabellform'])],
  ['any', words(['(?:as a |in a |on a |with a )?(?:chart|graph|plot|diagram|picture|visual)', 'visuali[sz]e', 'kaavio(?:na|n|ksi)?', 'graafi(?:na|nen)?', 'kuvaaja(?:na)?', 'kuvio(?:na)?', '(?:som (?:ett )?)?diagram(?:met)?', 'som (?:en )?graf', 'som bild'])],
];

/** "only", "vain", "bara": a follow-up narrows the query. */
export const ONLY = words(['only', 'just', 'vain', 'pelkät', 'pelkästään', 'ainoastaan', 'bara', 'endast', 'enbart']);

/** Follow-up openers: "and", "what about", "entä", "och", "hur var det med". */
export const FOLLOW_UP_LEAD = new RegExp(
  `^\\s*(?:(?:and|but|what about|how about|and what about|entä|entäs|mites|mitäs|mitä entä|ja|och|men|hur (?:var|är) det med|hur blir det med|än)[,!:]?\\s+)+`,
  'u',
);
