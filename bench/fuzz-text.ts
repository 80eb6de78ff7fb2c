/**
 * Garbage chat text: random code points (emoji, control characters, lone surrogates, bidi and zero-width
 * marks), SQL- and HTML-like strings, channel markup, commands with garbage arguments, numbers and dates,
 * and Finnish, Swedish and English log fragments, mixed in any order and now and then very long.
 */
import type { Random } from './fuzz-random';

const LOGS = [
  'avoin ilta tänään, 14 nuorta, 8 tyttöä, puhuttiin kokeista ja vapettamisesta',
  'eilen ryhmä Kipinässä 6 nuorta 2h',
  'jalkautuva työ klo 18-21, 23 kohtaamista, uusia 4',
  'leiri 3 päivää 12 nuorta',
  'öppen verksamhet idag 12 unga, 5 tjejer, pratade om skolan',
  'fältarbete igår kväll 2 h, 9 ungdomar',
  'läger i helgen 20 deltagare',
  'drop-in tonight, 14 kids, 8 girls, talked about exams and vaping',
  'group yesterday 7 young people 90 min, 3 new',
  'outreach 16-18 met 11 youth, bullying and sleep',
  'individual meeting today 1 boy 45 min',
  'online gaming night 30 participants 4 non-binary',
  'kokeet lähestyy, puhuttiin mielenterveydestä',
  'Matti Meikäläinen 040 123 4567 puhui kiusaamisesta',
  'hetu 131052-308T',
] as const;

const COMMANDS = [
  'help', 'apua', 'hjälp', 'undo', 'peru viimeisin', 'ångra', 'my entries', 'omat merkinnät', 'mina inlägg',
  'dashboard', 'koontinäkymä', 'översikt', 'users', 'units', 'settings', 'goals', 'audit', 'loki', 'logg',
  'yes', 'no', 'kyllä', 'ei', 'ja', 'nej', 'peru', 'avbryt', 'skip', 'ohita', 'hoppa över', 'save', 'tallenna',
] as const;

/** Commands whose `{}` are filled with garbage. */
const COMMAND_TEMPLATES = [
  'add unit {}', 'add unit {} aliases {}, {}', 'lisää yksikkö {}', 'lägg till enhet {}', 'rename unit {} to {}',
  'arkivera enheten {}', 'archive unit {}', 'add alias {} to unit {}', 'add activity {} in unit {} as group',
  'lisää teema {}: fi: {}; sv: {}', 'add theme {}', 'add @{} as manager', 'lisää {}@example.org', 'make {} a mentor',
  'units for {}: {}, {}', 'remove user {}', 'ta bort användaren {}', 'poista käyttäjä {}',
  'required fields {}', 'reflection questions {} | {}', 'time zone {}', 'default language {}', 'note retention {} days',
  'goal {} at least {}%', 'goal girls share at least {}', 'tavoite kävijät {} kuukaudessa', 'mål {} nya {} per vecka',
  'remove goal {}', 'language {}', 'kieli {}', 'språk {}', 'export {} as Excel', 'vie {} csv:nä', 'exportera {} som Excel',
  'how many participants {} by unit', 'montako kävijää {}', 'hur många tjejer {} per verksamhet', 'top themes {}',
  'compare hours to {}', 'and the year before?', 'only {}', 'as a chart', 'digest {} {}', 'viikkokooste {} {}',
  'sammanfattning {}', 'remind me {} hours after my sessions at {} on {}', 'reminders quiet {}-{}',
  'snooze reminders {} days', 'lopeta muistutukset {}', 'how are we doing on our goals {}', 'tavoitteet {}',
] as const;

const SQL_ISH = [
  "'; DROP TABLE entries; --", "' OR '1'='1", '1; SELECT pg_sleep(10)', "admin'--", '"; DELETE FROM member; --',
  '$1', '$$', "E'\\x00'", "\\'", '%s%s%s%n', '${7*7}', '{{7*7}}', 'NULL', 'undefined', '__proto__', 'constructor',
  "1' UNION SELECT * FROM organisation --", '/* */', '\\\\', '%00', '%', '_', "ON CONFLICT DO NOTHING'",
] as const;

const HTML_ISH = [
  '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '<at>Logbook</at>', '<at>', '</at>', '&nbsp;&nbsp;',
  '&lt;b&gt;', '<b>bold</b>', '<!channel>', '<!here>', '<@U0123ABCD>', '<@W1|name>', '<#C123|general>',
  '<hxxps://example.invalid|link>', '<mailto:a@b.c|a>', '*bold* _it_ ~st~ `code`', '```\ncode\n```', '> quote',
  '<a href="javascript:alert(1)">x</a>', '<<<>>>', '<>', ']]>', '<![CDATA[x]]>', '<?xml?>', '&#0;', '&#x1F600;',
] as const;

const NUMBERS = [
  '0', '-1', '-0', '1e308', '1e-308', '99999999999999999999999', 'NaN', 'Infinity', '0x1F', '0o17', '1_000',
  '3,14', '½', '١٢٣', '一二三', 'seitsemäntoista', 'tjugoåtta', 'twenty-one', '10 000', '1.2.3', '2^53',
  '32.13.2025', '2025-02-30', '29.2.2023', '0.0.0000', '24:61', '25-99', '18.00-', '-', '16-18-20', '99 h', '-5 min',
] as const;

const WORDS = [
  'tänään', 'eilen', 'huomenna', 'maanantaina', 'idag', 'igår', 'i måndags', 'today', 'yesterday', 'Monday',
  'nuorta', 'tyttöä', 'poikaa', 'unga', 'tjejer', 'killar', 'kids', 'girls', 'boys', 'non-binary', 'uusia', 'nya', 'new',
  'avoin', 'ryhmä', 'öppen', 'grupp', 'open', 'group', 'event', 'camp', 'leiri', 'läger', 'online', 'verkossa',
  'Kipinä', 'Majakka', 'Kallio', 'koulu', 'skolan', 'school', 'vaping', 'vapettaminen', 'kiusaaminen', 'mobbning',
] as const;

const SPECIAL = [
  '\u0000', '\u0007', '\u0008', '\u001b[31m', '\u007f', '\u0085', '\u009b', '\r\n', '\r', '\t', '\v', '\f',
  '\u200b', '\u200c', '\u200d', '\ufeff', '\u2028', '\u2029', '\u00ad', '\u034f',
  '\u200e', '\u200f', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069',
  'שלום עולם', 'مرحبا بالعالم', '\u202eevil.exe', 'Z̴̡̢͎̳̈́a̸̛͖͒l̷̨̓g̶͍̈o̵͇͐',
  '\ud800', '\udbff', '\udc00', '\udfff', '\udc00\ud800', '\ufffd', '\uffff', '\ufffe',
  '😀', '👩‍👩‍👧‍👦', '🏳️‍🌈', '🇫🇮', '👍🏽', '\u{1F9D1}\u{200D}\u{1F4BB}', '\u{10FFFF}', '\u{E0001}', '𝕳𝖊𝖑𝖑𝖔', '𒐫',
  'ﷺ', 'ẞ', 'ß', 'İ', 'ı', 'ǅ', '\u00c5', 'A\u030a', '\u00e4', 'a\u0308', '\u00f6', 'o\u0308',
] as const;

/** Ranges of code points, by weight: printable ASCII, Latin-1 and Nordic letters, controls, astral planes, surrogates. */
const CODE_POINT_RANGES: readonly (readonly [number, readonly [number, number]])[] = [
  [30, [0x20, 0x7e]],
  [8, [0xa0, 0x17f]],
  [4, [0x00, 0x1f]],
  [2, [0x7f, 0x9f]],
  [10, [0x100, 0xd7ff]],
  [4, [0xd800, 0xdfff]],
  [4, [0xe000, 0xffff]],
  [8, [0x1f300, 0x1faff]],
  [4, [0x10000, 0x10ffff]],
];

export function randomCodePoints(rng: Random, length: number): string {
  let text = '';
  for (let i = 0; i < length; i++) {
    const [from, to] = rng.weighted(CODE_POINT_RANGES);
    const point = rng.int(from, to);
    // Surrogates are single UTF-16 units, so they stay lone.
    text += point >= 0xd800 && point <= 0xdfff ? String.fromCharCode(point) : String.fromCodePoint(point);
  }
  return text;
}

/** A short garbage argument: a word, a number, markup, SQL or random code points. */
export function garbageWord(rng: Random): string {
  return rng.weighted<() => string>([
    [3, () => rng.pick(WORDS)],
    [2, () => rng.pick(NUMBERS)],
    [1, () => rng.pick(SQL_ISH)],
    [1, () => rng.pick(HTML_ISH)],
    [2, () => rng.pick(SPECIAL)],
    [3, () => randomCodePoints(rng, rng.int(0, 12))],
    [1, () => ''],
    [1, () => ' '.repeat(rng.int(1, 5))],
  ])();
}

function command(rng: Random): string {
  const template = rng.pick(COMMAND_TEMPLATES);
  return template.replace(/\{\}/g, () => garbageWord(rng));
}

/** A log fragment with some words replaced by garbage. */
function mangledLog(rng: Random): string {
  return rng
    .pick(LOGS)
    .split(' ')
    .map((word) => (rng.chance(0.2) ? garbageWord(rng) : word))
    .join(rng.chance(0.9) ? ' ' : rng.pick(['', '  ', '\n', '\u00a0', '\t', ',']));
}

function piece(rng: Random): string {
  return rng.weighted<() => string>([
    [6, () => rng.pick(LOGS)],
    [5, () => mangledLog(rng)],
    [4, () => rng.pick(COMMANDS)],
    [6, () => command(rng)],
    [3, () => rng.pick(SQL_ISH)],
    [3, () => rng.pick(HTML_ISH)],
    [3, () => rng.pick(NUMBERS)],
    [4, () => rng.pick(SPECIAL)],
    [6, () => randomCodePoints(rng, rng.int(1, 40))],
    [3, () => rng.pick(WORDS)],
  ])();
}

/** A command whose argument is long: names, aliases and questions as long as a message may be. */
function longCommand(rng: Random, maxLength: number): string {
  const argument = () => (rng.chance(0.5) ? randomCodePoints(rng, rng.int(100, 2000)) : rng.pick(WORDS).repeat(rng.int(20, 400)));
  return rng.pick(COMMAND_TEMPLATES).replace(/\{\}/g, argument).slice(0, maxLength);
}

/** Garbage chat text of at most `maxLength` UTF-16 units; empty now and then, very long now and then. */
export function garbageText(rng: Random, maxLength: number): string {
  if (rng.chance(0.02)) return rng.pick(['', ' ', '\n', '\u0000', '\u200b', '\ud800']);
  if (rng.chance(0.01)) return longCommand(rng, maxLength);
  let text = '';
  const pieces = rng.int(1, 6);
  for (let i = 0; i < pieces; i++) text += (i ? rng.pick([' ', ' ', ', ', '\n', '']) : '') + piece(rng);
  if (rng.chance(0.015)) {
    // A long message: one piece repeated, or random code points, up to the limit.
    const target = rng.int(1000, maxLength);
    const unit = rng.chance(0.5) ? `${text} ` : randomCodePoints(rng, 64);
    text = unit.repeat(Math.ceil(target / Math.max(1, unit.length)));
    return text.slice(0, target);
  }
  return text.slice(0, maxLength);
}

/** A garbage value of any JSON type, nested up to `depth`. */
export function garbageJson(rng: Random, depth = 3): unknown {
  const kinds: (readonly [number, () => unknown])[] = [
    [4, () => garbageWord(rng)],
    [2, () => rng.pick([0, -1, 1.5, 1e308, -1e308, 2 ** 53 + 1, Number.MIN_VALUE, -0, 4294967296])],
    [1, () => rng.chance(0.5)],
    [1, () => null],
  ];
  if (depth > 0) {
    kinds.push(
      [1, () => Array.from({ length: rng.int(0, 4) }, () => garbageJson(rng, depth - 1))],
      [
        1,
        () => Object.fromEntries(Array.from({ length: rng.int(0, 4) }, () => [garbageKey(rng), garbageJson(rng, depth - 1)])),
      ],
    );
  }
  return rng.weighted(kinds)();
}

export function garbageKey(rng: Random): string {
  return rng.weighted<() => string>([
    [4, () => rng.pick(['action', 'origin', 'revision', 'request', 'text', 'value', 'data', 'id', 'type', 'verb'])],
    [1, () => rng.pick(['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'])],
    [2, () => garbageWord(rng)],
  ])();
}

/** A nested array or object `depth` levels deep, as JSON text (to reach parsers' and walkers' recursion limits). */
export function deeplyNested(depth: number, kind: 'array' | 'object'): string {
  return kind === 'array' ? `${'['.repeat(depth)}1${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}
