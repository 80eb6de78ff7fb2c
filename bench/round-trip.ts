/**
 * What the bench's users do. On the app: the log round trip through Teams' /api/messages — a log
 * without its work form, the bot's question, the answer, the summary card, and the card's Save —
 * every reply checked. On the echo bot: the same log messages, each answered "Echo: <text>".
 */
import { t } from '../bot/i18n';
import type { Locale } from '../bot/locale';
import { formatParticipants, workFormLabel } from '../bot/logging/format';
import type { PostTurn, Scenario } from './load';
import { personalMessage, repliesOf, teamsAccount, type ReplyActivity, type TeamsAccount } from './teams-activities';

export interface Language {
  locale: Locale;
  clientLocale: string;
  greeting: string;
  /** Logs that give a date and counts but no work form; {n} is the total, {g} the girls. */
  logs: string[];
  /** Answers to "what kind of work was it?" and the work form each means. */
  answers: [string, string][];
}

export const LANGUAGES: Language[] = [
  {
    locale: 'en',
    clientLocale: 'en-GB',
    greeting: 'hello',
    logs: ['tonight {n} kids, {g} girls, talked about exams', 'today {n} young people, {g} girls, chatted about gaming', 'yesterday {n} kids, {g} girls, talked about vaping'],
    answers: [['open', 'open'], ['group', 'group'], ['outreach', 'outreach']],
  },
  {
    locale: 'fi',
    clientLocale: 'fi-FI',
    greeting: 'moi',
    logs: ['tänään {n} nuorta, {g} tyttöä, juteltiin kokeista', 'tänään {n} nuorta, joista {g} tyttöjä, puhuttiin pelaamisesta', 'eilen {n} lasta, {g} tyttöä, puhuttiin nuuskasta'],
    answers: [['avoin', 'open'], ['ryhmä', 'group'], ['jalkautuva työ', 'outreach']],
  },
  {
    locale: 'sv',
    clientLocale: 'sv-SE',
    greeting: 'hej',
    logs: ['ikväll {n} ungdomar, {g} tjejer, pratade om prov', 'idag {n} ungdomar, {g} tjejer, pratade om skolan', 'igår {n} barn, {g} flickor, pratade om snus'],
    answers: [['öppen', 'open'], ['grupp', 'group'], ['fältarbete', 'outreach']],
  },
];

export interface BenchUser {
  account: TeamsAccount;
  language: Language;
  sequence: number;
}

function newUser(index: number): BenchUser {
  const language = LANGUAGES[index % LANGUAGES.length];
  return { account: teamsAccount(`Bench user ${index + 1}`, language.clientLocale), language, sequence: 0 };
}

export interface BenchLog {
  text: string;
  total: number;
  girls: number;
  /** The answer to the work-form question, and the work form it means. */
  answer: string;
  workForm: string;
}

/** A log in `language`: template, counts and answer varying with `sequence`; `seed` varies them per user. */
export function logFor(language: Language, sequence: number, seed: number): BenchLog {
  const total = 3 + ((sequence * 7 + seed) % 40);
  const girls = 1 + (sequence % total);
  const [answer, workForm] = language.answers[sequence % language.answers.length];
  const template = language.logs[(sequence + 1) % language.logs.length];
  return { text: template.replace('{n}', String(total)).replace('{g}', String(girls)), total, girls, answer, workForm };
}

/** The user's next log: language fixed per user, template, counts and answer varying per round trip. */
function nextLog(user: BenchUser): BenchLog {
  return logFor(user.language, user.sequence++, user.account.name.length);
}

const texts = (replies: ReplyActivity[]) => replies.map((reply) => reply.text ?? '').join(' | ');

function expectFirstText(step: string, replies: ReplyActivity[], expected: string): void {
  if (replies[0]?.text !== expected) throw new Error(`${step}: expected "${expected}", got "${texts(replies)}"`);
}

async function say(post: PostTurn, step: string, user: BenchUser, content: { text: string } | { value: Record<string, unknown> }) {
  const id = `${user.account.aadObjectId}-${user.sequence}-${step}`;
  return repliesOf(await post(step, personalMessage(user.account, id, content)));
}

/** Each user's first message creates its own organisation (LOGBOOK_OPEN_SIGNUP=true), with the user as mentor. */
export const logRoundTrip: Scenario<BenchUser> = {
  async prepare(index, post) {
    const user = newUser(index);
    const replies = await say(post, 'signUp', user, { text: user.language.greeting });
    const organisation = `Teams ${user.account.tenant.slice(0, 8)}`;
    expectFirstText('sign-up', replies, t(user.language.locale, 'welcomeNewOrganisation', { organisation }));
    return user;
  },
  async roundTrip(user, post) {
    const { locale } = user.language;
    const log = nextLog(user);
    expectFirstText('log message', await say(post, 'message', user, { text: log.text }), t(locale, 'askWorkForm'));

    const summary = await say(post, 'followUp', user, { text: log.answer });
    const card = summary.flatMap((reply) => reply.attachments ?? []).find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')?.content;
    if (!card) throw new Error(`follow-up: no summary card, got "${texts(summary)}"`);
    const facts = new Map(card.body.flatMap((block) => block.facts ?? []).map((fact) => [fact.title, fact.value]));
    const participants = formatParticipants({ total: log.total, girls: log.girls, boys: null, nonBinary: null, new: null }, locale);
    if (facts.get(t(locale, 'fieldParticipants')) !== participants || facts.get(t(locale, 'fieldWorkForm')) !== workFormLabel(log.workForm, locale)) {
      throw new Error(`follow-up: the card reads ${JSON.stringify([...facts])} for "${log.text}" + "${log.answer}"`);
    }
    const save = card.actions.find((action) => action.data.action === 'save');
    if (!save) throw new Error('follow-up: the card has no Save button');

    expectFirstText('Save', await say(post, 'save', user, { value: save.data }), t(locale, 'saved'));
  },
};

/** The baseline's users send the same log messages; one turn each. */
export const echoTurn: Scenario<BenchUser> = {
  async prepare(index) {
    return newUser(index);
  },
  async roundTrip(user, post) {
    const { text } = nextLog(user);
    expectFirstText('echo', await say(post, 'echo', user, { text }), `Echo: ${text}`);
  },
};
