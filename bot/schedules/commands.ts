/**
 * Digest and reminder commands in fi, sv and en. Times are 24-hour ("8", "8:00", "18.30"; English also
 * "3pm"), weekdays full or short ("monday", "Tue", "maanantaisin", "ti", "tis", ranges "ma-pe"), and all
 * times are in the organisation's time zone. The grammar, word order free after the keyword:
 *
 *   digest:    (weekly) digest DAY TIME · digest off · digest            (en)
 *              (viikko)kooste DAY (klo) TIME · kooste pois · kooste      (fi)
 *              (vecko)sammanfattning DAY (kl) TIME · … av · …            (sv)
 *   reminder:  remind me [N hours] [after my sessions] at TIME[, TIME] [on DAY[ and DAY]]   (N defaults to 2;
 *              no day means every day) · muistuta [N tuntia] [session jälkeen] [DAY ja DAY] klo TIME ·
 *              påminn mig [N timmar] [efter mina pass] [DAY och DAY] kl TIME
 *   quiet:     reminders quiet 21-8 · quiet hours off · hiljaiset tunnit 21-8 · tysta timmar 21-8
 *   snooze:    snooze reminders 3 days · torkku 3 päivää · snooza påminnelser 3 dagar (default one day; days,
 *              weeks or hours, at most 90 days)
 *   stop:      stop reminders · lopeta muistutukset · stoppa påminnelser
 *   show:      reminders · muistutukset · påminnelser
 *
 * A message that starts with a keyword but cannot be read gets `usage` (how to write it); a digest keyword
 * followed by no day or time at all is left to the report questions ("sammanfattning av förra månaden").
 */
import type { Locale } from '../locale';
import { normalise } from '../nlu/normalise';
import { numberValue } from '../nlu/numbers';
import type { QuietHours, Weekday } from '../ports';

export type DigestAction = { type: 'set'; weekday: Weekday; time: string } | { type: 'off' } | { type: 'show' } | { type: 'usage' };

export type ReminderAction =
  | { type: 'set'; times: string[]; weekdays: Weekday[]; afterHours: number }
  | { type: 'quiet'; hours: QuietHours | null }
  | { type: 'snooze'; hours: number }
  | { type: 'stop' }
  | { type: 'show' }
  | { type: 'usage' };

/** Digests are for managers and mentors, reminders for everyone (bot/admin/permissions.ts). */
export type ScheduleCommand = { kind: 'digest'; action: DigestAction } | { kind: 'reminders'; action: ReminderAction };

export type ScheduleCommandKind = ScheduleCommand['kind'];

export const DEFAULT_AFTER_HOURS = 2;
export const MAX_AFTER_HOURS = 24;
export const MAX_SNOOZE_DAYS = 90;
const MAX_TIMES = 6;

const L = String.raw`\p{L}`;
const WEEKDAYS: Record<Locale, RegExp[]> = {
  en: [/^mon(day)?s?$/, /^tue(s(day)?)?s?$/, /^wed(nesday)?s?$/, /^thu(r(s(day)?)?)?s?$/, /^fri(day)?s?$/, /^sat(urday)?s?$/, /^sun(day)?s?$/],
  fi: ['ma|maanantai', 'ti|tiistai', 'ke|keskiviikko', 'to|torstai', 'pe|perjantai', 'la|lauantai', 'su|sunnuntai'].map((w) => {
    const [short, long] = w.split('|');
    return new RegExp(`^(?:${short}|${long}${L}*)$`, 'u');
  }),
  sv: ['mån', 'tis', 'ons', 'tor|tors', 'fre', 'lör', 'sön'].map((short) => {
    const stem = short.split('|')[0];
    return new RegExp(`^(?:${short}|${stem}dag${L}*)$`, 'u');
  }),
};
const WORKDAYS: Record<Locale, RegExp> = {
  en: /^(?:weekdays|workdays)$/,
  fi: /^(?:arkisin|arkipäivisin|arkipäivinä)$/u,
  sv: /^(?:vardagar|vardagarna|vardag)$/,
};
const HOURS: Record<Locale, RegExp> = {
  en: /^(?:h|hr|hrs|hour|hours)$/,
  fi: /^(?:h|t|tunti|tuntia|tunnin|tunniksi)$/,
  sv: /^(?:h|tim|timme|timmar|timmen)$/,
};
const DAYS: Record<Locale, RegExp> = {
  en: /^(?:d|day|days)$/,
  fi: /^(?:pv|vrk|päivä|päivää|päiväksi|päiviksi|päivän)$/u,
  sv: /^(?:d|dag|dagar|dygn)$/,
};
const WEEKS: Record<Locale, RegExp> = {
  en: /^(?:w|wk|week|weeks)$/,
  fi: /^(?:vko|viikko|viikoksi|viikkoa|viikon)$/,
  sv: /^(?:v|vecka|veckor|veckan)$/,
};
const OFF: Record<Locale, RegExp> = {
  en: /^(?:off|stop|none|no|turn off)$/,
  fi: /^(?:pois|pois päältä|ei|lopeta|off)$/u,
  sv: /^(?:av|stopp|stoppa|ingen|inga|off|stäng av)$/u,
};
/** Words that carry no meaning of their own in a command. */
const FILLERS: Record<Locale, Set<string>> = {
  en: new Set('me my the a an after sessions session shifts shift work at on and every each day days daily o\'clock oclock in for reminders reminder'.split(' ')),
  fi: new Set('minua minulle minut session sessiot sessioiden sessioni sessioideni kerran kertojen vuoron vuoroni työvuoron jälkeen klo kello ja sekä joka päivä päivittäin aina muistutukset muistutuksia muistutus'.split(' ')),
  sv: new Set('mig efter mina mitt min pass passet passen kl klockan och på varje dag dagligen om alla i för påminnelser påminnelserna'.split(' ')),
};

const STOP: Record<Locale, string[]> = {
  en: ['stop reminders', 'stop the reminders', 'stop my reminders', 'stop reminding me', 'stop reminding', 'reminders off', 'reminders stop', 'no more reminders', 'turn off reminders', 'turn reminders off'],
  fi: ['lopeta muistutukset', 'lopeta muistuttaminen', 'lopeta muistutus', 'muistutukset pois', 'muistutukset pois päältä', 'ei muistutuksia', 'ei enää muistutuksia'],
  sv: ['stoppa påminnelser', 'stoppa påminnelserna', 'stoppa mina påminnelser', 'sluta påminna', 'sluta påminna mig', 'påminnelser av', 'påminnelserna av', 'stäng av påminnelser', 'stäng av påminnelserna', 'inga påminnelser', 'inga fler påminnelser'],
};
const SHOW = new Set(['reminders', 'my reminders', 'muistutukset', 'muistutukseni', 'omat muistutukset', 'påminnelser', 'påminnelserna', 'mina påminnelser']);

type Parse = (rest: string[], lang: Locale) => ScheduleCommand | null;

interface Rule {
  lang: Locale;
  /** The first words, each a pattern. */
  prefix: RegExp[];
  parse: Parse;
}

const words = (...patterns: (string | RegExp)[]): RegExp[] =>
  patterns.map((p) => (typeof p === 'string' ? new RegExp(`^(?:${p})$`, 'u') : p));

const digest: Parse = (rest, lang) => {
  const action = parseDigest(rest, lang);
  return action && { kind: 'digest', action };
};
const reminder = (parse: (rest: string[], lang: Locale) => ReminderAction): Parse => (rest, lang) => ({ kind: 'reminders', action: parse(rest, lang) });

/** Longer prefixes first, so "reminders quiet" wins over a shorter rule. */
const RULES: Rule[] = [
  { lang: 'en', prefix: words('my', 'weekly', 'digest'), parse: digest },
  { lang: 'en', prefix: words('weekly', 'digest'), parse: digest },
  { lang: 'en', prefix: words('my', 'digest'), parse: digest },
  { lang: 'en', prefix: words('digest'), parse: digest },
  { lang: 'fi', prefix: words('(?:viikko)?kooste(?:ni|en)?'), parse: digest },
  { lang: 'sv', prefix: words('(?:vecko)?sammanfattning(?:en|ar)?'), parse: digest },

  { lang: 'en', prefix: words('reminders?', 'quiet', 'hours?'), parse: reminder(parseQuiet) },
  { lang: 'en', prefix: words('reminders?', 'quiet'), parse: reminder(parseQuiet) },
  { lang: 'en', prefix: words('quiet', 'hours|time'), parse: reminder(parseQuiet) },
  { lang: 'fi', prefix: words('muistutukset|muistutusten', 'hiljaiset', 'tunnit'), parse: reminder(parseQuiet) },
  { lang: 'fi', prefix: words('muistutukset', 'hiljaa'), parse: reminder(parseQuiet) },
  { lang: 'fi', prefix: words('hiljaiset', 'tunnit'), parse: reminder(parseQuiet) },
  { lang: 'fi', prefix: words('hiljainen', 'aika'), parse: reminder(parseQuiet) },
  { lang: 'sv', prefix: words('påminnelser(?:na)?', 'tysta', 'timmar'), parse: reminder(parseQuiet) },
  { lang: 'sv', prefix: words('påminnelser(?:na)?', 'tyst'), parse: reminder(parseQuiet) },
  { lang: 'sv', prefix: words('tysta', 'timmar'), parse: reminder(parseQuiet) },
  { lang: 'sv', prefix: words('tyst', 'tid'), parse: reminder(parseQuiet) },

  { lang: 'en', prefix: words('snooze'), parse: reminder(parseSnooze) },
  { lang: 'fi', prefix: words('torkku|torkuta'), parse: reminder(parseSnooze) },
  { lang: 'sv', prefix: words('snooza'), parse: reminder(parseSnooze) },

  { lang: 'en', prefix: words('remind'), parse: reminder(parseReminder) },
  { lang: 'fi', prefix: words('muistuta'), parse: reminder(parseReminder) },
  { lang: 'sv', prefix: words('påminn'), parse: reminder(parseReminder) },
];

/** A digest or reminder command, or null for anything else. */
export function parseScheduleCommand(text: string): ScheduleCommand | null {
  const tokens = tokenise(text);
  if (!tokens.length) return null;
  const phrase = tokens.join(' ');
  if (SHOW.has(phrase)) return { kind: 'reminders', action: { type: 'show' } };
  if (Object.values(STOP).some((phrases) => phrases.includes(phrase))) return { kind: 'reminders', action: { type: 'stop' } };
  for (const rule of RULES) {
    if (tokens.length < rule.prefix.length || !rule.prefix.every((re, i) => re.test(tokens[i]))) continue;
    return rule.parse(tokens.slice(rule.prefix.length), rule.lang);
  }
  return null;
}

function tokenise(text: string): string[] {
  return normalise(text)
    .replace(/[.!?]+\s*$/u, '')
    .replace(/[,;&()]/g, ' ')
    .replace(/\s*-\s*/g, '-')
    .split(/\s+/)
    .map((token) => token.replace(/^[.:]+|[.:]+$/g, ''))
    .filter(Boolean);
}

/** "8", "8:00", "18.30", "3pm" (with "pm" as the next token too) → "HH:MM" and how many tokens it took. */
function timeAt(tokens: string[], i: number): { time: string; used: number } | null {
  const m = /^(\d{1,2})(?:[:.](\d{2}))?(am|pm)?$/.exec(tokens[i] ?? '');
  if (!m) return null;
  let hours = Number(m[1]);
  const minutes = m[2] ? Number(m[2]) : 0;
  const suffix = m[3] ?? (/^(?:am|pm)$/.test(tokens[i + 1] ?? '') ? tokens[i + 1] : null);
  if (suffix) {
    if (hours < 1 || hours > 12) return null;
    hours = (hours % 12) + (suffix === 'pm' ? 12 : 0);
  }
  if (hours > 23 || minutes > 59) return null;
  return { time: `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`, used: suffix && !m[3] ? 2 : 1 };
}

function weekdayOf(token: string, lang: Locale): Weekday | null {
  const index = WEEKDAYS[lang].findIndex((re) => re.test(token));
  return index < 0 ? null : ((index + 1) as Weekday);
}

/** A weekday, a range ("ma-pe", "mon-fri") or "weekdays"; null when the token is none of them. */
function weekdaysOf(token: string, lang: Locale): Weekday[] | null {
  if (WORKDAYS[lang].test(token)) return [1, 2, 3, 4, 5];
  const single = weekdayOf(token, lang);
  if (single) return [single];
  const [from, to, ...more] = token.split('-');
  const first = from ? weekdayOf(from, lang) : null;
  const last = to ? weekdayOf(to, lang) : null;
  if (!first || !last || more.length) return null;
  const days: Weekday[] = [];
  for (let day = first; ; day = ((day % 7) + 1) as Weekday) {
    days.push(day);
    if (day === last) return days;
  }
}

function parseDigest(rest: string[], lang: Locale): DigestAction | null {
  if (!rest.length) return { type: 'show' };
  if (OFF[lang].test(rest.join(' '))) return { type: 'off' };
  const weekdays: Weekday[] = [];
  const times: string[] = [];
  let unknown = false;
  for (let i = 0; i < rest.length; i++) {
    const time = timeAt(rest, i);
    if (time) {
      times.push(time.time);
      i += time.used - 1;
      continue;
    }
    const days = weekdaysOf(rest[i], lang);
    if (days) weekdays.push(...days);
    else if (!FILLERS[lang].has(rest[i])) unknown = true;
  }
  if (!weekdays.length && !times.length) return null;
  if (unknown || weekdays.length !== 1 || times.length !== 1) return { type: 'usage' };
  return { type: 'set', weekday: weekdays[0], time: times[0] };
}

function parseReminder(rest: string[], lang: Locale): ReminderAction {
  let afterHours: number | null = null;
  const times = new Set<string>();
  const weekdays = new Set<Weekday>();
  for (let i = 0; i < rest.length; i++) {
    const token = rest[i];
    const amount = numberValue(token);
    if (amount !== null && HOURS[lang].test(rest[i + 1] ?? '') && afterHours === null) {
      afterHours = amount;
      i++;
      continue;
    }
    // "tunnin jälkeen", "an hour after" without a number: one hour.
    if (HOURS[lang].test(token) && afterHours === null) {
      afterHours = 1;
      continue;
    }
    const time = timeAt(rest, i);
    if (time) {
      times.add(time.time);
      i += time.used - 1;
      continue;
    }
    const days = weekdaysOf(token, lang);
    if (days) days.forEach((day) => weekdays.add(day));
    else if (!FILLERS[lang].has(token)) return { type: 'usage' };
  }
  const hours = afterHours ?? DEFAULT_AFTER_HOURS;
  if (!times.size || times.size > MAX_TIMES || hours < 1 || hours > MAX_AFTER_HOURS) return { type: 'usage' };
  return {
    type: 'set',
    times: [...times].sort(),
    weekdays: weekdays.size === 7 ? [] : [...weekdays].sort((a, b) => a - b),
    afterHours: hours,
  };
}

function parseQuiet(rest: string[], lang: Locale): ReminderAction {
  if (OFF[lang].test(rest.join(' '))) return { type: 'quiet', hours: null };
  const meaningful = rest.filter((token) => !/^(?:from|between|klo|kello|kl|klockan|mellan|från|välillä)$/u.test(token));
  let start: string | null = null;
  let end: string | null = null;
  if (meaningful.length === 1 && meaningful[0].includes('-')) {
    const [from, to, ...more] = meaningful[0].split('-');
    if (!more.length) [start, end] = [timeAt([from], 0)?.time ?? null, timeAt([to], 0)?.time ?? null];
  } else if (meaningful.length === 3 && /^(?:to|until|till|and|ja|och|-)$/.test(meaningful[1])) {
    [start, end] = [timeAt(meaningful, 0)?.time ?? null, timeAt(meaningful, 2)?.time ?? null];
  }
  if (!start || !end || start === end) return { type: 'usage' };
  return { type: 'quiet', hours: { start, end } };
}

function parseSnooze(rest: string[], lang: Locale): ReminderAction {
  let hours: number | null = null;
  for (let i = 0; i < rest.length; i++) {
    const amount = numberValue(rest[i]);
    const unit = amount !== null ? rest[i + 1] : rest[i];
    const perUnit = DAYS[lang].test(unit ?? '') ? 24 : WEEKS[lang].test(unit ?? '') ? 24 * 7 : HOURS[lang].test(unit ?? '') ? 1 : null;
    if (perUnit !== null && hours === null) {
      hours = (amount ?? 1) * perUnit;
      if (amount !== null) i++;
      continue;
    }
    if (!FILLERS[lang].has(rest[i])) return { type: 'usage' };
  }
  const total = hours ?? 24;
  if (total < 1 || total > MAX_SNOOZE_DAYS * 24) return { type: 'usage' };
  return { type: 'snooze', hours: total };
}
