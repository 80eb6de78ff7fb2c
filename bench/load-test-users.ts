/**
 * The load test's users: organisations of ten people in Teams (Bot Framework /api/messages, expectReplies),
 * Slack (signed Events API and interactivity requests, answered through a loopback Web API) and the local
 * web chat (/api/local/messages). Each round trip logs a complete entry: the log, the bot's work-form
 * question, the answer, the summary card, Save. Every fifth Save is delivered twice, as Bot Framework and
 * Slack do when an answer is late. Each entry the bot confirmed is remembered, to be counted in the database.
 */
import { randomUUID } from 'node:crypto';
import { computeSlackSignature } from '../adapters/slack/signature';
import { t } from '../bot/i18n';
import type { Locale } from '../bot/locale';
import { formatParticipants, workFormLabel } from '../bot/logging/format';
import type { BenchConnector } from './fake-connector';
import type { BenchSlack, SlackPost } from './fake-slack';
import type { PostTurn, Scenario, TurnTools } from './load';
import { LANGUAGES, logFor, type BenchLog, type Language } from './round-trip';
import { mentionText, personalMessage, repliesOf, teamsAccount, type ReplyActivity, type TeamsAccount } from './teams-activities';

export type LoadChannel = 'teams' | 'slack' | 'local';

/** An entry the bot said it saved: what was logged, by whom, under which source message id. */
export interface ConfirmedEntry {
  sourceMessageId: string;
  channel: LoadChannel;
  tenant: string;
  userId: string;
  total: number;
  girls: number;
  workForm: string;
}

/** The local web chat's organisation (app/app.ts LOCAL_ORGANISATION); everyone there is its mentor. */
const LOCAL_TENANT = 'Demo';
const SLACK_BOT_USER = 'U0LOADBOT';
/** Every this many round trips, a user's Save is delivered a second time. */
const REDELIVER_EVERY = 5;

/** A reply as the user sees it in any channel: its text, the card's facts, and its buttons by action. */
interface SeenReply {
  text: string;
  facts: Map<string, string>;
  /** What pressing the button sends, by the button's `action` (save, edit, cancel). */
  buttons: Map<string, unknown>;
}

interface Organisation {
  channel: LoadChannel;
  tenant: string;
  ready: Promise<void>;
  markReady(): void;
}

interface LoadUser {
  index: number;
  channel: LoadChannel;
  organisation: Organisation;
  /** The first of each Teams or Slack organisation signs it up and adds the others. */
  colleagues: LoadUser[];
  language: Language;
  name: string;
  userId: string;
  teams: TeamsAccount | null;
  /** Slack: the user's direct-message channel with the bot. */
  slackChannel: string;
  sequence: number;
}

export interface LoadTestPlan {
  users: number;
  organisationSize: number;
  /** Slack's signing secret in the server's environment. */
  slackSigningSecret: string;
  slack: BenchSlack;
  /** Where a slow Teams turn's result is sent. */
  connector: BenchConnector;
  /** How long a reply through Slack's Web API or the connector may take before the turn counts as failed. */
  replyTimeoutMs: number;
}

/** What the users saw besides their entries. */
export interface LoadTestTally {
  /** Teams turns that answered "working on it" and sent their result through the connector later. */
  slowTeamsTurns: number;
}

/** Organisation 0 uses the local web chat, 1 and every seventh after it Slack, the rest Teams. */
export function channelOfOrganisation(index: number): LoadChannel {
  if (index === 0) return 'local';
  return index % 7 === 1 ? 'slack' : 'teams';
}

export function createLoadTestScenario(plan: LoadTestPlan): {
  scenario: Scenario<LoadUser>;
  confirmed: ConfirmedEntry[];
  tally: LoadTestTally;
  organisations: Record<LoadChannel, number>;
  users: Record<LoadChannel, number>;
} {
  const confirmed: ConfirmedEntry[] = [];
  const tally: LoadTestTally = { slowTeamsTurns: 0 };
  const people = planUsers(plan);
  const organisations = { teams: 0, slack: 0, local: 0 };
  const users = { teams: 0, slack: 0, local: 0 };
  for (const organisation of new Set(people.map((user) => user.organisation))) organisations[organisation.channel]++;
  for (const user of people) users[user.channel]++;

  const clientOf = (user: LoadUser, post: PostTurn, tools: TurnTools): ChannelClient =>
    user.channel === 'teams' ? teamsClient(user, tools, plan, tally) : user.channel === 'slack' ? slackClient(user, tools, plan) : localClient(user, post);

  const scenario: Scenario<LoadUser> = {
    group: (user) => user.channel,
    async prepare(index, post, tools) {
      const user = people[index];
      const client = clientOf(user, post, tools);
      const locale = user.language.locale;
      if (user.channel === 'local') {
        // The local chat makes everyone who writes a mentor of its organisation.
        const [help] = await client.say('help', 'help', randomUUID());
        if (!help?.text.startsWith(t(locale, 'help'))) throw new Error(`local chat: expected the help text, got "${help?.text}"`);
        return user;
      }
      if (user === firstOf(people, user.organisation)) {
        const organisation = `${user.channel === 'teams' ? 'Teams' : 'Slack'} ${user.organisation.tenant.slice(0, 8)}`;
        expectText('sign-up', await client.say('signUp', user.language.greeting, randomUUID(), [], 2), t(locale, 'welcomeNewOrganisation', { organisation }));
        for (const colleague of user.colleagues) {
          const text = user.channel === 'teams' ? `add ${mentionText(colleague.teams!)} as worker` : `add <@${colleague.userId}> as worker`;
          const added = await client.say('addMember', text, randomUUID(), colleague.teams ? [colleague.teams] : []);
          expectText('add member', added, t(locale, 'memberAdded', { name: colleague.name, role: t(locale, 'roleWorker') }));
        }
        user.organisation.markReady();
      }
      await user.organisation.ready;
      return user;
    },
    async roundTrip(user, post, tools) {
      const client = clientOf(user, post, tools);
      const { locale } = user.language;
      const log = logFor(user.language, user.sequence++, user.index);
      const logId = randomUUID();
      expectText('log message', await client.say('message', log.text, logId), t(locale, 'askWorkForm'));

      const summary = await client.say('followUp', log.answer, randomUUID());
      const card = summary.find((reply) => reply.buttons.size);
      if (!card) throw new Error(`follow-up: no summary card, got "${texts(summary)}"`);
      expectFacts(card, log, locale);
      const save = card.buttons.get('save');
      if (save === undefined) throw new Error('follow-up: the card has no Save button');

      const saveId = randomUUID();
      expectText('Save', await client.press('save', save, saveId, false), t(locale, 'saved'));
      confirmed.push({
        sourceMessageId: `${user.channel}:${logId}`,
        channel: user.channel,
        tenant: user.organisation.tenant,
        userId: user.userId,
        total: log.total,
        girls: log.girls,
        workForm: log.workForm,
      });
      if (user.sequence % REDELIVER_EVERY === 0) {
        const again = await client.press('redelivery', save, saveId, true);
        // Teams and the local chat answer a redelivery with the stored replies; Slack's is acknowledged and dropped.
        if (user.channel !== 'slack') expectText('redelivered Save', again, t(locale, 'saved'));
      }
    },
  };
  return { scenario, confirmed, tally, organisations, users };
}

const firstOf = (people: LoadUser[], organisation: Organisation) => people.find((user) => user.organisation === organisation);

function planUsers(plan: LoadTestPlan): LoadUser[] {
  const people: LoadUser[] = [];
  const organisations: Organisation[] = [];
  for (let index = 0; index < plan.users; index++) {
    const organisationIndex = Math.floor(index / plan.organisationSize);
    const channel = channelOfOrganisation(organisationIndex);
    let organisation = organisations[organisationIndex];
    if (!organisation) {
      let markReady = () => undefined as void;
      const ready = new Promise<void>((resolve) => (markReady = resolve));
      const tenant = channel === 'local' ? LOCAL_TENANT : channel === 'slack' ? `T${String(organisationIndex).padStart(3, '0')}LOADTEST` : randomUUID();
      organisation = organisations[organisationIndex] = { channel, tenant, ready, markReady: () => markReady() };
      if (channel === 'local') organisation.markReady();
    }
    const language = LANGUAGES[index % LANGUAGES.length];
    const name = `Load user ${index + 1}`;
    const teams = channel === 'teams' ? teamsAccount(name, language.clientLocale, organisation.tenant) : null;
    const userId = teams ? teams.aadObjectId : channel === 'slack' ? `U0LOAD${String(index).padStart(5, '0')}` : `load-user-${index + 1}`;
    const user: LoadUser = { index, channel, organisation, colleagues: [], language, name, userId, teams, slackChannel: `D0LOAD${String(index).padStart(5, '0')}`, sequence: 0 };
    if (channel === 'slack') plan.slack.profiles.set(userId, { name, locale: language.clientLocale });
    const first = firstOf(people, organisation);
    if (first && channel !== 'local') first.colleagues.push(user);
    people.push(user);
  }
  return people;
}

interface ChannelClient {
  /** Sends a message and returns the replies; through Slack or the connector, it waits for `replies` messages. */
  say(step: string, text: string, id: string, mentions?: TeamsAccount[], replies?: number): Promise<SeenReply[]>;
  /** Presses a card button; `redelivery` sends the same request again as the channel retries it. */
  press(step: string, button: unknown, id: string, redelivery: boolean): Promise<SeenReply[]>;
}

function teamsClient(user: LoadUser, tools: TurnTools, plan: LoadTestPlan, tally: LoadTestTally): ChannelClient {
  const account = user.teams!;
  const conversation = `a:personal-${account.aadObjectId}`;
  const workingOnIt = t(user.language.locale, 'workingOnIt');
  const seen = (activity: ReplyActivity): SeenReply => {
    const card = (activity.attachments ?? []).find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')?.content;
    return {
      text: activity.text ?? '',
      facts: new Map((card?.body ?? []).flatMap((block) => block.facts ?? []).map((fact) => [fact.title, fact.value])),
      buttons: new Map((card?.actions ?? []).map((action) => [String(action.data.action), action.data])),
    };
  };
  /** The replies in the HTTP answer; after "working on it", the `count` activities the bot sends to the connector. */
  function turn(step: string, activity: unknown, count: number): Promise<SeenReply[]> {
    const stray = plan.connector.activities.unread(conversation);
    if (stray.length) throw new Error(`Teams: an unexpected message before ${step}: "${stray[0].text}"`);
    return tools.time(step, async () => {
      const { status, text } = await tools.send('/api/messages', JSON.stringify(activity), { 'Content-Type': 'application/json' });
      if (status !== 200) throw new Error(`HTTP ${status}: ${text.slice(0, 200)}`);
      const replies = repliesOf(JSON.parse(text));
      if (replies.length !== 1 || replies[0].text !== workingOnIt) return replies.map(seen);
      tally.slowTeamsTurns++;
      const later: ReplyActivity[] = [];
      for (let i = 0; i < count; i++) later.push(await plan.connector.activities.next(conversation, plan.replyTimeoutMs));
      return later.map(seen);
    });
  }
  const options = (mentioned: TeamsAccount[] = []) => ({ mentioned, serviceUrl: plan.connector.serviceUrl });
  return {
    say: (step, text, id, mentions = [], replies = 1) => turn(step, personalMessage(account, id, { text }, options(mentions)), replies),
    press: (step, button, id) => turn(step, personalMessage(account, id, { value: button as Record<string, unknown> }, options()), 1),
  };
}

const LOCAL_PATH = '/api/local/messages';

function localClient(user: LoadUser, post: PostTurn): ChannelClient {
  interface LocalReply {
    text: string;
    card?: { facts: { label: string; value: string }[]; buttons: { data: Record<string, unknown> }[] };
  }
  const seen = (answer: unknown): SeenReply[] => {
    const replies = (answer as { replies?: LocalReply[] } | null)?.replies;
    if (!Array.isArray(replies)) throw new Error(`local chat: no replies in ${JSON.stringify(answer).slice(0, 200)}`);
    return replies.map((reply) => ({
      text: reply.text,
      facts: new Map((reply.card?.facts ?? []).map((fact) => [fact.label, fact.value])),
      buttons: new Map((reply.card?.buttons ?? []).map((button) => [String(button.data.action), button.data])),
    }));
  };
  const body = (id: string, content: { text: string } | { actionData: unknown }) => ({ user: user.userId, locale: user.language.clientLocale, messageId: id, ...content });
  return {
    say: async (step, text, id) => seen(await post(step, body(id, { text }), LOCAL_PATH)),
    press: async (step, button, id) => seen(await post(step, body(id, { actionData: button }), LOCAL_PATH)),
  };
}

function slackClient(user: LoadUser, tools: TurnTools, plan: LoadTestPlan): ChannelClient {
  const team = user.organisation.tenant;
  const channel = user.slackChannel;

  async function signedPost(path: string, body: string, contentType: string, redelivery: boolean): Promise<void> {
    const timestamp = String(Math.floor(Date.now() / 1000));
    const headers: Record<string, string> = {
      'Content-Type': contentType,
      'X-Slack-Request-Timestamp': timestamp,
      'X-Slack-Signature': computeSlackSignature(plan.slackSigningSecret, timestamp, body),
      ...(redelivery ? { 'X-Slack-Retry-Num': '1', 'X-Slack-Retry-Reason': 'http_timeout' } : {}),
    };
    const { status, text } = await tools.send(path, body, headers);
    if (status !== 200) throw new Error(`Slack ${path}: HTTP ${status}: ${text.slice(0, 200)}`);
  }

  /** Posts, then waits for the bot's `count` messages in the user's channel; nothing unread may be left before. */
  async function turn(step: string, send: () => Promise<void>, count: number): Promise<SeenReply[]> {
    const stray = plan.slack.posts.unread(channel);
    if (stray.length) throw new Error(`Slack: an unexpected message before ${step}: "${stray[0].text}"`);
    return tools.time(step, async () => {
      await send();
      const posts: SlackPost[] = [];
      for (let i = 0; i < count; i++) posts.push(await plan.slack.posts.next(channel, plan.replyTimeoutMs));
      return posts.map(seenSlack);
    });
  }

  const messageTs = () => `${(Date.now() / 1000).toFixed(6)}`;
  let lastPress: { id: string; payload: string } | null = null;
  return {
    say(step, text, id, _mentions, replies = 1) {
      const ts = messageTs();
      const event = {
        token: 'load-test',
        team_id: team,
        api_app_id: 'A0LOADAPP',
        type: 'event_callback',
        event_id: `Ev${id.replace(/-/g, '').slice(0, 16)}`,
        event_time: Math.floor(Date.now() / 1000),
        authorizations: [{ enterprise_id: null, team_id: team, user_id: SLACK_BOT_USER, is_bot: true }],
        event: { type: 'message', channel_type: 'im', channel, user: user.userId, text, ts, event_ts: ts, client_msg_id: id },
      };
      return turn(step, () => signedPost('/slack/events', JSON.stringify(event), 'application/json', false), replies);
    },
    press(step, button, id, redelivery) {
      const { actionId, value } = button as { actionId: string; value: string };
      // A redelivery repeats the very same payload; only the signature's timestamp is new.
      const payload =
        (lastPress?.id === id ? lastPress.payload : null) ??
        JSON.stringify({
          type: 'block_actions',
          user: { id: user.userId, name: user.name, team_id: team },
          team: { id: team },
          channel: { id: channel },
          container: { type: 'message', channel_id: channel, message_ts: messageTs(), is_ephemeral: false },
          message: { ts: messageTs(), text: '' },
          trigger_id: id,
          response_url: `${plan.slack.apiUrl}response/${id}`,
          actions: [{ type: 'button', block_id: 'actions', action_id: actionId, value, action_ts: messageTs() }],
        });
      lastPress = { id, payload };
      const body = new URLSearchParams({ payload }).toString();
      const send = () => signedPost('/slack/interactions', body, 'application/x-www-form-urlencoded', redelivery);
      return redelivery ? tools.time(step, send).then(() => []) : turn(step, send, 1);
    },
  };
}

/** A Block Kit message as the user reads it: section fields are "*label*\nvalue", buttons carry the core's data as JSON. */
function seenSlack(post: SlackPost): SeenReply {
  const unescape = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  const facts = new Map<string, string>();
  const buttons = new Map<string, unknown>();
  for (const block of post.blocks) {
    for (const field of block.fields ?? []) {
      const [label, ...value] = field.text.split('\n');
      facts.set(unescape(label.replace(/^\*|\*$/g, '')), unescape(value.join('\n')));
    }
    for (const element of block.elements ?? []) {
      const data = JSON.parse(element.value) as { action?: unknown };
      buttons.set(String(data.action), { actionId: element.action_id, value: element.value });
    }
  }
  return { text: post.text, facts, buttons };
}

const texts = (replies: SeenReply[]) => replies.map((reply) => reply.text).join(' | ');

function expectText(step: string, replies: SeenReply[], expected: string): void {
  if (replies[0]?.text !== expected) throw new Error(`${step}: expected "${expected}", got "${texts(replies)}"`);
}

function expectFacts(card: SeenReply, log: BenchLog, locale: Locale): void {
  const participants = formatParticipants({ total: log.total, girls: log.girls, boys: null, nonBinary: null, new: null }, locale);
  if (card.facts.get(t(locale, 'fieldParticipants')) !== participants || card.facts.get(t(locale, 'fieldWorkForm')) !== workFormLabel(log.workForm, locale)) {
    throw new Error(`follow-up: the card reads ${JSON.stringify([...card.facts])} for "${log.text}" + "${log.answer}"`);
  }
}
