import { matches } from './normalise';

/** Finds and masks personal data: full names, phone numbers, personal identity numbers, e-mail addresses. */

export type PersonalDataKind = 'name' | 'phone' | 'personal_id' | 'email';

export interface PersonalData {
  kind: PersonalDataKind;
  value: string;
}

const FI_CHECK = '0123456789ABCDEFHJKLMNPRSTUVWXY';
const FI_CENTURY: Record<string, number> = { '+': 1800, '-': 1900, Y: 1900, X: 1900, W: 1900, V: 1900, U: 1900, A: 2000, B: 2000, C: 2000, D: 2000, E: 2000, F: 2000 };

function validDay(y: number, m: number, d: number): boolean {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return m >= 1 && m <= 12 && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/** Finnish henkilötunnus: DDMMYY, century sign, three digits, mod-31 check character. */
export function isValidHetu(id: string): boolean {
  const m = /^(\d{2})(\d{2})(\d{2})([-+A-FYXWVU])(\d{3})([0-9A-Y])$/i.exec(id.trim());
  if (!m) return false;
  const century = FI_CENTURY[m[4].toUpperCase()];
  if (!validDay(century + +m[3], +m[2], +m[1])) return false;
  return FI_CHECK[parseInt(m[1] + m[2] + m[3] + m[5], 10) % 31] === m[6].toUpperCase();
}

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(i) - 48;
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** Swedish personnummer (YYMMDD-XXXX or YYYYMMDDXXXX; samordningsnummer day + 60), Luhn-checked. */
export function isValidPersonnummer(id: string): boolean {
  const m = /^(\d{2})?(\d{2})(\d{2})(\d{2})[-+ ]?(\d{4})$/.exec(id.trim());
  if (!m) return false;
  const month = +m[3];
  let day = +m[4];
  if (day > 60) day -= 60;
  const year = m[1] ? +(m[1] + m[2]) : 2000 + +m[2];
  if (!validDay(year, month, day)) return false;
  return luhn(m[2] + m[3] + m[4] + m[5]);
}

const EMAIL_RE = /(?<![\p{L}\d._%+-])[\p{L}\d._%+-]{1,64}@[\p{L}\d-]{1,63}(?:\.[\p{L}\d-]{1,63}){0,8}\.[\p{L}]{2,24}(?![\p{L}])/gu;
const HETU_RE = /(?<![\p{L}\d])\d{6}[-+A-FYXWVU]\d{3}[0-9A-Y](?![\p{L}\d])/giu;
const PNR_RE = /(?<![\d-])(?:\d{8}|\d{6})[-+]?\d{4}(?![\d-])/g;
const PHONE_RE = /(?<![\d\p{L}+])(?:\+|00)?\d[\d\s()-]{6,17}\d(?![\d\p{L}])/gu;

function phoneOk(v: string): boolean {
  const digits = v.replace(/\D/g, '');
  if (digits.length < 9 || digits.length > 13) return false;
  if (/^\+|^00/.test(v)) return /^(?:\+|00)(?:358|46|47|45|44|1|49)/.test(v.replace(/[\s()-]/g, ''));
  // Finnish and Swedish mobiles, landlines with an area code
  return /^0(?:4\d|50|7\d|[1-9])/.test(digits) && !/\s{2,}/.test(v);
}

/** Common first names (fi, sv, en). A capitalised first name followed by a capitalised surname is a full name. */
const FIRST_NAMES = new Set(
  ('matti mikko juha timo jari antti jukka markku pekka mika hannu heikki janne petri ville sami tuomas lauri joni teemu jani ' +
    'aleksi eetu elias leo onni eino väinö oliver lenni niilo veeti veikka eemeli aapo akseli arttu joel juho jesse niko ' +
    'otto patrik rasmus roope santeri valtteri daniel samuel konsta nooa luka oskari topias miro iiro tuukka kalle kasper ' +
    'anna maria aino helmi sofia emma ella olivia lilja venla aada linnea isla eevi elli siiri iida pihla kerttu hilla ' +
    'ilona sara aada emilia jenna laura noora veera sanni nelli oona milla roosa julia neea viivi vilma inka essi ' +
    'minna tiina sanna johanna katja heidi riikka päivi satu hanna kaisa niina jenni tanja merja marja ' +
    'erik lars anders johan karl per nils sven lucas william hugo liam noah elias adam alexander oscar ludvig axel ' +
    'filip viktor isak albin emil theo melvin casper vincent gustav edvin olle arvid sixten love malte wilmer ' +
    'alice maja elsa astrid wilma ebba freja saga agnes alma signe stella ellen ester moa tilda vera nora lova ' +
    'ida ellie selma matilda felicia linn frida hedda ronja tuva elin amanda klara ines lisa karin eva kristina ' +
    'james john robert michael david richard joseph thomas charles christopher matthew anthony mark steven paul ' +
    'andrew joshua kevin brian george jack harry charlie jacob ethan mason logan jayden ryan tyler dylan ' +
    'mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa betty sandra ashley ' +
    'emily chloe sophie grace lily mia ava isabella amelia evie poppy ruby jessica hannah lucy megan ' +
    'ahmed mohamed mohammed ali omar hassan fatima amina aisha yusuf ibrahim mustafa zeynep leyla sami').split(/\s+/),
);

/** Capitalised words that look like surnames but are places, weekdays or our own vocabulary. */
const NOT_SURNAME = new Set(
  ('helsinki helsingin helsingissä espoo espoossa vantaa tampere turku oulu stockholm göteborg malmö uppsala london ' +
    'kipinä majakka fyren nuorisotalo ungdomsgården maanantaina tiistaina keskiviikkona torstaina perjantaina lauantaina sunnuntaina ' +
    'monday tuesday wednesday thursday friday saturday sunday måndag tisdag onsdag torsdag fredag lördag söndag ' +
    'the and och ja och ei kanssa with was tuli kom came oli var is ' +
    'discord twitch teams slack').split(/\s+/),
);

const STEMS = [...NOT_SURNAME].filter((w) => w.length >= 5).map((w) => w.slice(0, -1));

function notSurname(w: string): boolean {
  return NOT_SURNAME.has(w) || STEMS.some((st) => w.startsWith(st));
}

const NAME_RE = /(?<![\p{L}\d])(\p{Lu}[\p{Ll}]+(?:-\p{Lu}[\p{Ll}]+)?)\s+(\p{Lu}[\p{Ll}]{1,}(?:-\p{Lu}[\p{Ll}]+)?)(?![\p{L}])/gu;
/** Endings that make a capitalised word surname-shaped (Finnish and Swedish surnames, inflected). */
const SURNAME_SHAPE =
  /(?:nen|sen|sta|stä|selle|sessa|sesta|lla|llä|la|lä|nen|inen|son|sson|ssons|berg|ström|qvist|kvist|lund|gren|holm|dahl|blad|man|mann|ton|ley|ith|ams|wood|ford|ington|vaara|mäki|niemi|oja|koski|salo|aho|vuori|järvi|lahti|harju|korpi|rinne|kallio|nen|ka|kka|ki|nen)$/u;

function names(text: string, out: PersonalData[]): void {
  NAME_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NAME_RE.exec(text)) !== null) {
    // Overlapping pairs: "Tapasin Matti Virtasen" must still test "Matti Virtasen".
    NAME_RE.lastIndex = m.index + m[1].length;
    const first = m[1].toLowerCase();
    const last = m[2].toLowerCase();
    const firstBase = first.split('-')[0];
    if (!FIRST_NAMES.has(firstBase) || FIRST_NAMES.has(last) || notSurname(last)) continue;
    // At a sentence start the second word must look like a surname.
    const before = text.slice(Math.max(0, m.index - 3), m.index);
    const sentenceStart = m.index === 0 || /[.!?:]\s*$/.test(before) || /\n\s*$/.test(before);
    if (sentenceStart && !SURNAME_SHAPE.test(last) && last.length < 5) continue;
    out.push({ kind: 'name', value: m[0] });
  }
}

/** Personal data in the text, in order of appearance. */
export function findPersonalData(text: string): PersonalData[] {
  const s = typeof text === 'string' ? text.slice(0, 20_000) : '';
  const found: { at: number; item: PersonalData }[] = [];
  const taken: [number, number][] = [];
  const free = (a: number, b: number): boolean => taken.every(([x, y]) => b <= x || a >= y);
  const add = (at: number, value: string, kind: PersonalDataKind): void => {
    if (!free(at, at + value.length)) return;
    taken.push([at, at + value.length]);
    found.push({ at, item: { kind, value } });
  };
  try {
    if (s.includes('@')) for (const m of matches(EMAIL_RE, s)) add(m.index, m[0], 'email');
    for (const m of matches(HETU_RE, s)) if (isValidHetu(m[0])) add(m.index, m[0], 'personal_id');
    for (const m of matches(PNR_RE, s)) if (isValidPersonnummer(m[0])) add(m.index, m[0], 'personal_id');
    for (const m of matches(PHONE_RE, s)) {
      const v = m[0].trim();
      if (phoneOk(v)) add(m.index, v, 'phone');
    }
    const nameHits: PersonalData[] = [];
    names(s, nameHits);
    let from = 0;
    for (const n of nameHits) {
      const at = s.indexOf(n.value, from);
      if (at >= 0) {
        add(at, n.value, 'name');
        from = at + n.value.length;
      }
    }
  } catch {
    // never throw on odd input
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.item);
}

const MASK: Record<PersonalDataKind, string> = { name: '[name]', phone: '[phone]', personal_id: '[id]', email: '[email]' };

/** The text with each piece of personal data replaced by [name], [phone], [id] or [email]. */
export function maskPersonalData(text: string): string {
  const s = typeof text === 'string' ? text : '';
  let out = '';
  let pos = 0;
  for (const d of findPersonalData(s)) {
    const at = s.indexOf(d.value, pos);
    if (at < 0) continue;
    out += s.slice(pos, at) + MASK[d.kind];
    pos = at + d.value.length;
  }
  return out + s.slice(pos);
}
