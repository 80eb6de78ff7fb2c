/** Work form from cue words; the earliest strong cue wins, then the earliest weak one. */
import type { WorkForm } from '../entry';

const B = '(?<![\\p{L}])';
const E = '(?![\\p{L}])';

/**
 * A tier of cues compiled into one alternation with a group per cue: the leftmost match is the earliest
 * cue, and at the same position the earlier cue in the list wins.
 */
interface Tier {
  forms: WorkForm[];
  re: RegExp;
}

function cues(list: [WorkForm, string][]): Tier {
  return { forms: list.map(([f]) => f), re: new RegExp(list.map(([, src]) => `(${src})`).join('|'), 'u') };
}

const STRONG: Tier = cues([
  ['open', `${B}(?:late(?:-night)? opening|\\p{L}*öppet${E}(?! möte)|yökahvil|nattkaf[ée]|night ?caf[ée]|open (?:evening|night|doors?|house|hall|gym|youth|activit|session|day|centre|center|café|cafe|club)|pop-?up[- ]?(?:gård|fritidsgård|ungdomsgård|nuokkari|nuokku|nuorisotila|youth club|youth centre|club)|drop-?in|drop in|youth club|youth centre open(?!ing)|avoi(?:n|met|men|nta|messa|mia|mella|missa|milla|miin|meen|mien)${E}(?! (?:lava|mikki|mic))|avoinilta|(?:nuoriso(?:tila|talo)|nuokkari|nuokku|talo|tila) (?:oli |on )?auki|öppe[nt]${E}(?! möte| scen)|öppna${E}(?! möte)|öppna (?:kvällen|verksamheten)|öppen(?! scen)|fritidsgård|fritids${E}|fritidsen${E}|fritis${E}|fritisen)`],
  ['outreach', `${B}(?:detached|street ?work|streetwork|outreach|jalkautu|jalkaudu|katutyö|etsivä|liikkuva\\p{L}* (?:nuoriso)?työ|fältarbete|fälta(?:de|t|r|re|rna|)${E}|fältet${E}|on the streets?|kaduilla|street[- ]based|(?:kvälls|natt|helg|sommar)?fält|nattvandr|night ?walk|(?:yö|ilta)kävel|ute (?:på|i) (?:stan|centrum|byn)${E}|walked (?:around |round |about |through )?(?:the )?(?:town|city|streets?|(?:town |city )?cent(?:re|er)|high street|shopping centre|mall|estate|neighbou?rhood|area)|patroll?(?:ed|ing)${E}|(?:käytiin|kävimme|kävin) (?:\\p{L}+ )?(?:jututtamassa|juttelemassa|moikkaamassa|tapaamassa) (?:\\p{L}+ )?nuori|(?:katu|yö|ilta|viikonloppu|kävely|turva)partio|uppsökande|skolfält|(?:natt|gatu|kvälls|helg)patrull|(?:street|night|foot|town|city|weekend|evening) patrols?${E})`],
  ['individual', `^\\s*1(?:-on-|-to-| on | to |on|-|–)1(?![\\d.,:/])|(?<![\\p{L}\\d.,:/-])1(?:-on-|-to-| on | to |on|-|–)1(?=\\s*$| ?(?:med|with|w/|kanssa|-?tapaami|samtal|session|meeting|keskustelu|ohjaus|chat|talk|call|puhelu))|${B}(?:one[- ]to[- ]one|one[- ]on[- ]one|1:1|1-2-1|one 2 one|individual|yksilö|henkilökohta(?:i|n)|kotikäyn|hembesök|home visit|(?:nuoren|tytön|pojan) (?:ja|sekä) (?:hänen |tämän )?(?:äi|isä|vanhem|huoltaj)\\p{L}* kanssa|(?:ungdom|ungdomen|tjej|tjejen|kille|killen) (?:\\+|och|o|med) (?:hens |hans |hennes |sin )?(?:mamma|pappa|mamman|pappan|förälder|föräldrar|vårdnadshavare)${E}|(?:a|one|the) (?:young person|youth|teen|girl|boy) and (?:his|her|their) (?:mum|mom|dad|mother|father|parents?|carer)${E}|henk\\.? ?koht|kahdenkeski|enskil|individuell|walk(?:-| )?(?:and|&|n|'n')(?:-| )?talk|walk ?& ?talk|promenadsamtal|kävelytapaami|kävelykeskustel|kävelypalaver|stödsamtal|tukikeskustelu|tukitapaami|(?:sat down (?:with|w/)|satt (?:ned|ner) med) (?:(?:en|1) (?:ungdom|tjej|kille|elev|stammis)|(?:a|one|1) (?:young|youth|teen|kid|girl|boy|lad|guy|pupil|student|regular)|one of (?:our|the|my) (?:regulars|young people|youths|kids|lads|boys|girls|members|visitors))|met (?:with )?(?:one|a|1) (?:young|youth|teen|kid|girl|boy)|(?:met|tapasin|träffade) (?:with )?[bdfghjklmpqrstvwxz]\\.(?= )|tapasin (?:\\p{L}+ )?(?:yhden |1 )?(?:nuoren|tytön|pojan)|yh(?:d)?en [\\p{L}\\d-]+ kanssa|tapasin yh(?:d)?en|träffade (?:en|1) (?:ungdom|ung|tjej|kille|flicka|pojke)|(?:enskilt |personligt )?samtal med (?:en |1 )?(?:ungdom|ung|tjej|kille|flicka|pojke|\\d{1,2}-?åring)${E}|mentoring|mentorointi|mentorsamtal|helped (?:a|one|1) (?:lad|boy|girl|young (?:person|man|woman|lad|mum|mom|dad)|youth|teen|teenager|kid)${E}|keskustelin (?:yhden )?(?:nuoren|tytön|pojan) kanssa|(?:autoin|auttelin|neuvoin|opastin|ohjasin|tuin) (?:yhtä )?(?:nuorta|tyttöä|poikaa)${E}|kahden kesken|\\p{L}*(?:träff|möte|samtal|promenad)\\p{L}*(?: (?:~ ?|ca\\.? |cirka |ungefär )?[\\d,.]+ ?(?:min|h|t|timmar|timme)\\p{L}*)? med (?:en |1 )?(?:ungdom|ung|tjej|kille|flicka|pojke|poika|tyttö|nuori|elev)${E}|träffade (?:en|1) elev${E}|(?:with|and) (?:a|one) (?:pupil|student)${E})`],
  ['camp', `camps?${E}|leiri|läger|lägr|${B}residential${E}|${B}kollo`],
  ['digital', `stream|${B}(?:web|webb|netti|verkko)[- ]?chat\\p{L}*|(?:insta|instagram|tiktok|snapchat|snap|some|netti|verkko|online|nät|webb|web|discord)\\p{L}*[- ]?(?:poll|survey|kysely|enkät|omröstning|gallup)|(?:instagramissa|instassa|tiktokissa|snapissa|somessa|netissä|verkossa|discordissa|on insta(?:gram)?|on tiktok|on snapchat|on discord|online|på insta(?:gram)?|på tiktok|på nätet|på discord) (?:\\p{L}+ )?(?:poll|survey|kysely|gallup|enkät|omröstning)|(?:poll|survey|kysely|enkät|omröstning)\\p{L}* (?:on|in|på|via) (?:our |vår |vårt )?(?:insta(?:gram)?|tiktok|snapchat|discord)${E}|striim|(?:some|netti|verkko|chat|chatti|discord|insta|tiktok|snap|whatsapp|twitch)-?päivystys|päivystys (?:\\p{L}+ )?(?:tiktokissa|instagramissa|instassa|discordissa|snapissa|somessa|netissä|verkossa)|(?:minecraft|discord|roblox|fortnite|game|gaming|peli)[- ]?(?:server|servu|palvelin)|nätjour|(?:club|group|session|evening|night|meeting|kerho|ryhmä|ilta|klubb|grupp|kväll|träff)\\p{L}* (?:online|verkossa|netissä|på nätet|på discord|discordissa)|${B}(?:(?:online|virtual|virtuaali|virtuell) ?(?:club|group|session|evening|meeting|event|chat|drop-?in|drop in|youth club|youth centre|youth center|open|café|cafe|hangout|nuokkari|nuorisotila|fritidsgård)|chat (?:service|shift|duty)|chatti(?:päivys|palvelu)|chattpass|chattjour|nettinuokkari|netari|nettari|verkkonuokkari|discord|twitch|(?:insta|instagram|tiktok|youtube)[- ]?(?:live|q&a|stream)|digital[at]? (?:[\\p{L}-]*(?:arbete|gård\\p{L}*|träff\\p{L}*|kväll\\p{L}*|session\\p{L}*|club|group|meeting|evening|möte|mötet|träff))|digital youth work|digitaal|digitaalinen|verkkonuorisotyö|digi-?nuorisotyö|digital ungdomsarbete|minecraft-server|zoom|teams-|via (?:teams|zoom|discord|google meet|meet|snapchat|instagram|whatsapp|messenger)${E}|(?:chatt|chatten|chat|chatti|chattia)(?: [\\d:–-]+)? (?:på|via|on|in) (?:instagram|snapchat|tiktok|discord|facebook|messenger|whatsapp)|nettinuorisotyö|(?:on|in|på) (?:our|the|vår|vår egen) (?:[\\p{L}-]+ )?server${E}|digital[at]? (?:ungdoms\\p{L}*|rådgivning\\p{L}*|samtal\\p{L}*|chatt\\p{L}*))`],
  ['event', `${B}(?:(?:öppe[tn]|öppna|offentligt?) möte|(?:open|public|town hall) meeting|möte med (?:politiker|beslutsfattare)|meeting with (?:local )?(?:politicians|councillors|decision[- ]makers)|(?:vaikuttamis|vaikuttaja|päättäjä)foorumi|päättäjätapaami|keskustelutilaisuu|anti\\p{L}*dag(?:en|ar)?${E})|teema-?ilt|tema-?kväll|avajai|vernissa|premiär|${B}(?:grand opening|opening (?:night|party|ceremony)|launch (?:party|event|night)|private view|prom|awards? (?:night|evening|ceremony|show)|prisutdelning\\p{L}*|gaala\\p{L}*|tanssiai\\p{L}*)${E}|(?<=\\p{L}{3})-?info(?:tilaisuu\\p{L}*|ilta\\p{L}*|t|ssa|on|n)?${E}|${B}info(?:rmation)? (?:session|meeting)s?${E}|infomöte|informationsmöte|informationsträff|infoträff|teemapäiv|tema-?dag|${B}(?:awareness|action|fun|sports?|careers?|activity|family|wellbeing|health|anti-[\\p{L}]+)[- ]days?${E}|(?:liikunta|toiminta|hyvinvointi|kampanja|tapahtuma|ura|perhe|urheilu|harrastus|tutustumis)päiv|(?:idrotts|frilufts|aktivitets|familje|hälso|karriär|prova-på-?)dag(?:en|ar)?${E}|${B}(?:theme|awareness|information|parents'?) (?:evening|night|day)s?${E}|open mic|${B}open stage|öppen scen|avoi(?:n|met|mella) (?:lava|mikki|mic)|${B}(?:nuorten|lasten) yö(?:n|hön|ssä|nä)?${E}|ungdomarnas natt|${B}gigs?${E}|spelning(?:en|ar)?${E}|${B}(?:graffiti|art|street art|skate|scooter|bmx|music|dance|rap|hip-?hop|open)[- ]jams?${E}|${B}jam (?:nights?|days?)${E}|${B}jamit${E}|${B}(?:på |i )?bion${E}|biograf(?:en)?${E}|elokuvateatter|at the cinema${E}|bändi-ilt|band ?night|keikka-ilt|disco|disko|festival|pikkujoulu|joulujuhl|julfest|luciajuhl|halloween|(?<=\\p{L}{3})show(?:en)?${E}|konsert|tapahtum|juhla|juhlis|bileet|bileis|fest${E}|festen${E}|mässa${E}|mässan${E}|messut${E}|messuill|markkin(?:at|oilla|oille|oita|oiden)${E}|myyjäi|marknad(?:en|er)?${E}|${B}(?:events?${E}|festari|concert|party${E}|gala${E}|evenemang|fair${E}|markkin|show${E}|(?:christmas|xmas|craft|flea|winter|spring|summer|night|street|food) markets?${E}|bazaar|info(?:rmation)? (?:evening|night|event)|infoil|infotilaisuu|infokväll|informationskväll)`],
  ['group', `(?<!whatsapp-?|wa-|snap-|chatti|chat)(?:ryhmä(?!paine|chat|keskustelu)|ryhmi|kerho|grupp(?!tryck|chatt|chat)|klubb|klubi)|bändiharj|bändireen|${B}band(?:et)? (?:repade|repar|övade|övar|rehearsed|practised|practiced)${E}|bändiharkat|bandrep|bandövning|${B}band (?:practice|rehearsal)|(?<=\\p{L}{3})(?<!ilta|yö|aamu|päivä|työ|vapaa|lomitus)vuoro(?:t|n|a|lla|ssa|lle|on|ja)?${E}|${B}(?:groups?${E}(?! chats?${E})|grp${E}|\\p{L}+-?group${E}|(?<!youth )club${E})`],
]);

const WEAK: Tier = cues([
  ['event', `turnau|turnering|tävling|kilpailu|cup${E}|kisa(?:t|n|an|ssa|oissa|oihin|oja|ihin)?${E}|näyttely|utställning|${B}(?:exhibition|tournament|tourney|contests?${E}|championships?${E}|competition|excursion|trip${E}|retki|utflykt)`],
  ['digital', `^\\s*(?:chatten|chatti)${E}|${B}(?:online|netissä|verkossa|nätet|på nätet|internet|dms?|direct messages)${E}|${B}(?:on|in|via|på) (?:our|vår|vårt) (?:tiktok|instagram|insta|snapchat|snap|discord|twitch|youtube|whatsapp)${E}|(?:tiktok|instagram|insta|snapchat|snap|discord|twitch|youtube|whatsapp)-?(?:tilillä|tilillämme|kanavalla|kanavallamme)${E}|${B}(?:answered|answering|replied to|replying to|svarade på|vastailtiin|vastasin|vastattiin) (?:\\p{L}+ ){0,2}(?:dms?|messages|meddelanden|viesteihin|yksityisviest\\p{L}*)${E}`],
  // A youth council or board meeting is a group, unless a stronger cue names the session ("turnaus ... valtuuston järjestämä").
  ['group', `läxhjälp|läxläsning|läxcaf|läksyapu|läksyparkki|läksytuki|${B}homework (?:help|support)${E}|nuorisovaltuust|${B}nuva(?:n|t|an|ssa|lla|lle|sta)?${E}|ungdomsråd|ungdomsfullmäktige|${B}(?:youth (?:council|board|parliament|forum|panel)|nuorisoparlament|nuorisoraati|elevråd|oppilaskun|student council|pupil council)|(?:tjej|kill|spel|film|pyssel|brädspel|gaming|lan|schack|pingis|mat)kväll(?:en|ar|arna)?${E}|${B}(?:gaming|games?|film|movie|craft|cooking|chess|quiz) (?:evening|night)s?${E}|workshop|paja${E}|pajassa|pajan${E}|verkstad|kurssi|kurs${E}|kursen|treenit|träning|${B}(?:course|training|practice)|${B}(?:football|soccer|floorball|basketball|futsal|volleyball|climbing|boxing|dance|art|cooking|music|drama|gym|sports?) (?:session|sessions)${E}`],
  ['open', `${B}(?:open${E}|auki${E}|på gården${E}|nuorisotalo|nuorisotila|nuokkari|nuokku|ungdomsgård|youth centre|youth center|café|cafe|(?:at|in) the cent(?:re|er)${E})`],
]);

/** One young person met at an office (job centre, TE-toimisto, Arbetsförmedlingen): individual work. */
const ONE_AT_OFFICE = new RegExp(
  `${B}(?:met|meeting|saw|tapasin|tapasimme|tapasi|tavattiin|träffade|träffat|mötte) (?:with )?(?:a |one |the |en |ett |1 |yhden )?` +
    `(?:young person|youth|teen|girl|boy|lad|young man|young woman|ungdom|ungdomen|tjej|tjejen|kille|killen|nuoren|nuori|tytön|pojan)${E}` +
    `[^.!?\\n]{0,30}?(?:te-toimisto(?:lla|ssa)|työkkäri(?:llä|ssä)|kela(?:ssa|n toimistolla)|sossu(?:ssa|lla)|` +
    `(?:på|hos) (?:arbetsförmedlingen|af|försäkringskassan|socialen|soc)${E}|(?:at|to) (?:the )?(?:job ?cent(?:re|er)|jobcentre|benefits office))`,
  'u',
);

function earliest(s: string, tier: Tier): WorkForm | null {
  const m = tier.re.exec(s);
  if (!m) return null;
  for (let i = 0; i < tier.forms.length; i++) if (m[i + 1] !== undefined) return tier.forms[i];
  return null;
}

/** The work form the text names, or null. */
export function findWorkForm(s: string): WorkForm | null {
  if (ONE_AT_OFFICE.test(s)) return 'individual';
  return earliest(s, STRONG) ?? earliest(s, WEAK);
}

const ANSWER: [WorkForm, RegExp][] = [
  ['open', /^(?:open|avoin|avoi\p{L}*|öppe\p{L}*|öppna|drop-?in)/u],
  ['group', /^(?:group|ryhmä\p{L}*|grupp\p{L}*|kerho|club)/u],
  ['individual', /^(?:individual|yksilö\p{L}*|enskil\p{L}*|individuell\p{L}*|1:1|one-to-one)/u],
  ['event', /^(?:event|tapahtuma|evenemang|disco|disko)/u],
  ['outreach', /^(?:outreach|street|detached|jalkautu\p{L}*|katutyö|etsivä|fält\p{L}*)/u],
  ['digital', /^(?:digital|digi\p{L}*|online|verkko\p{L}*|netti\p{L}*|nät\p{L}*)/u],
  ['camp', /^(?:camp|leiri\p{L}*|läger)/u],
];

/** A work form in a short answer ("avoin", "öppen", "group"), or null. */
export function parseWorkFormAnswer(s: string): WorkForm | null {
  const t = s.trim();
  for (const [form, re] of ANSWER) if (re.test(t)) return form;
  return findWorkForm(t);
}
