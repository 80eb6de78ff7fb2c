import type { AddressInfo } from 'node:net';
import type restify from 'restify';
import { createHttpServer } from '../../adapters/http/server';
import { createPgBossQueue, type DurableSlackQueue } from '../../adapters/slack/pg-boss-queue';
import { computeSlackSignature } from '../../adapters/slack/signature';
import { createSlackChannel, type SlackChannel } from '../../adapters/slack/slack-channel';
import { createAppCore } from '../../app/app';
import { loadConfig } from '../../app/config';
import { createLogger } from '../../app/logger';
import type { Database } from '../../storage/database';
import { createDirectoryStore } from '../../storage/directory-store';
import { ensureOrganisation } from '../../storage/organisations';
import { engineName, openTestDatabase } from '../support/database';
import { FakeSlack, type SlackApiCall } from '../support/fake-slack';
import { postCommand, postEvent, postInteraction, postSlack, SIGNING_SECRET, type SlackResponse } from '../support/slack-signing';

const TEAM = 'T0LOGBOOK';
const BOT = 'U0BOT';
const BOT_TOKEN = 'xoxb-test-token';

interface Block {
  type: string;
  elements?: { action_id: string; value: string; text: { text: string } }[];
}

let userCounter = 0;
const newUser = () => `U${Date.now().toString(36).toUpperCase()}${++userCounter}`;
let eventCounter = 0;
const nextId = (prefix: string) => `${prefix}${Date.now().toString(36)}${++eventCounter}`;

/** A DM as the Events API delivers it (message.im). */
function dmEvent(user: string, text: string, extra: Record<string, unknown> = {}, envelope: Record<string, unknown> = {}) {
  const ts = `${Math.floor(Date.now() / 1000)}.${String(++eventCounter).padStart(6, '0')}`;
  return {
    token: 'legacy-token-ignored',
    team_id: TEAM,
    api_app_id: 'A0LOGBOOK',
    type: 'event_callback',
    event_id: nextId('Ev'),
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ enterprise_id: null, team_id: TEAM, user_id: BOT, is_bot: true, is_enterprise_install: false }],
    event: { type: 'message', channel_type: 'im', channel: `D${user}`, user, text, ts, client_msg_id: nextId('cmid-'), team: TEAM, ...extra },
    ...envelope,
  };
}

/** A button click on a card the bot posted, as Slack's interactivity payload. */
function buttonClick(user: string, post: SlackApiCall, action: string, extra: Record<string, unknown> = {}) {
  const blocks = post.body.blocks as Block[];
  const button = blocks.flatMap((block) => block.elements ?? []).find((element) => JSON.parse(element.value).action === action);
  if (!button) throw new Error(`no ${action} button in ${JSON.stringify(blocks)}`);
  const channel = String(post.body.channel);
  return {
    type: 'block_actions',
    user: { id: user, username: 'worker', name: 'worker', team_id: TEAM },
    api_app_id: 'A0LOGBOOK',
    team: { id: TEAM, domain: 'youth' },
    channel: { id: channel, name: 'directmessage' },
    container: { type: 'message', message_ts: '1700000000.000200', channel_id: channel, is_ephemeral: false, ...(post.body.thread_ts ? { thread_ts: post.body.thread_ts } : {}) },
    message: { type: 'message', ts: '1700000000.000200', text: post.body.text, ...(post.body.thread_ts ? { thread_ts: post.body.thread_ts } : {}) },
    trigger_id: nextId('trigger.'),
    response_url: 'http://127.0.0.1:9/unused',
    actions: [{ type: 'button', action_id: button.action_id, block_id: 'b1', value: button.value, action_ts: '1700000001.000300' }],
    ...extra,
  };
}

describe.each(['memory', 'pg-boss'] as const)(`Slack channel (%s queue) on ${engineName()}`, (queueKind) => {
  let durable: DurableSlackQueue | undefined;
  /** Waits until every acknowledged job has been handled. */
  const settle = async () => (durable ? durable.idle() : slack.drain());
  let database: Database;
  let server: restify.Server;
  let slack: SlackChannel;
  let fake: FakeSlack;
  let baseUrl: string;
  let clock = Date.now();
  const responses: SlackResponse[] = [];
  const track = async (pending: Promise<SlackResponse>) => {
    const response = await pending;
    responses.push(response);
    return response;
  };

  const entries = (user: string) =>
    database.dataSource.query(
      `SELECT e.* FROM entries e JOIN channel_identities ci ON ci.member_id = e.author_id WHERE ci.user_id = $1 AND ci.channel = 'slack'`,
      [user],
    );
  const postsTo = (channel: string) => fake.posts().filter((call) => call.body.channel === channel);
  const waitForPost = (channel: string, match: (text: string) => boolean) =>
    fake.waitFor((call) => call.method === 'chat.postMessage' && call.body.channel === channel && match(String(call.body.text ?? '')));

  async function addWorker(user: string): Promise<void> {
    const organisation = await ensureOrganisation(database.dataSource, { name: 'Slack org', timeZone: 'Europe/Helsinki', slackTeamId: TEAM });
    await createDirectoryStore(database.dataSource).addMember(
      organisation.id,
      { displayName: 'Worker', email: null, role: 'worker', locale: null },
      { channel: 'slack', tenant: TEAM, userId: user },
    );
  }

  beforeAll(async () => {
    fake = await new FakeSlack().start();
    database = await openTestDatabase();
    const config = loadConfig({ LOG_LEVEL: 'silent', LOCAL_CHAT: 'false' });
    const logger = createLogger('silent');
    const core = createAppCore(config, database, logger);
    server = createHttpServer({ logger, maxBodyBytes: config.MAX_BODY_BYTES });
    slack = createSlackChannel(
      {
        signingSecret: SIGNING_SECRET,
        botToken: BOT_TOKEN,
        apiUrl: fake.apiUrl,
        now: () => clock,
        retries: 2,
        ...(queueKind === 'pg-boss' ? { createQueue: (handle) => (durable = createPgBossQueue(database.dataSource, handle, logger)) } : {}),
      },
      core,
      logger,
    );
    slack.register(server);
    await slack.start();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  beforeEach(() => {
    clock = Date.now();
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => {
      server.server.close(() => resolve());
      server.server.closeAllConnections();
    });
    await slack.stop();
    await database.close();
    await fake.stop();
    // Every acknowledgement came well inside Slack's 3 s.
    expect(responses.length).toBeGreaterThan(10);
    for (const response of responses) expect(response.ms).toBeLessThan(500);
  });

  it('answers the url_verification challenge', async () => {
    const response = await track(postEvent(baseUrl, { token: 't', challenge: '3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P', type: 'url_verification' }));
    expect(response.status).toBe(200);
    expect(JSON.parse(response.text)).toEqual({ challenge: '3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P' });
  });

  // Found by the fuzz run: a signed body of JSON null passed the parse and failed reading its type, with a 500.
  it('answers signed bodies that are JSON but no object with 400', async () => {
    for (const body of ['null', '[]', '7', '"event_callback"']) {
      expect((await track(postSlack(`${baseUrl}/slack/events`, body, 'application/json'))).status).toBe(400);
      expect((await track(postSlack(`${baseUrl}/slack/interactions`, new URLSearchParams({ payload: body }).toString(), 'application/x-www-form-urlencoded'))).status).toBe(400);
    }
    // Found by the fuzz run: String() of a challenge nested 10,000 deep ran out of stack, a 500.
    const nested = `${'['.repeat(10_000)}1${']'.repeat(10_000)}`;
    const challenge = await track(postSlack(`${baseUrl}/slack/events`, `{"type":"url_verification","challenge":${nested}}`, 'application/json'));
    expect(challenge.status).toBe(400);
    await settle();
    expect(fake.calls).toEqual([]);
  });

  it('answers ssl_check and acknowledges view_submission', async () => {
    const response = await track(postCommand(baseUrl, { ssl_check: '1', token: 't' }));
    expect(response.status).toBe(200);
    // view_submission is acknowledged only: the bot opens no modals.
    const submission = await track(postInteraction(baseUrl, { type: 'view_submission', user: { id: 'U1', team_id: TEAM }, team: { id: TEAM }, view: { id: 'V1' } }));
    expect(submission).toMatchObject({ status: 200, text: '' });
    await settle();
    expect(fake.calls).toEqual([]);
  });

  it('logs a session end to end: DM, follow-up answer, Save button, replies through chat.postMessage', async () => {
    const user = newUser();
    await addWorker(user);
    const channel = `D${user}`;
    const first = await track(postEvent(baseUrl, dmEvent(user, 'Outreach in the town centre yesterday, talked about safety')));
    expect(first).toMatchObject({ status: 200, text: '' });
    const asked = await waitForPost(channel, (text) => text.includes('How many young people'));
    expect(asked.token).toBe(BOT_TOKEN);
    expect(asked.body.thread_ts).toBeUndefined();

    await track(postEvent(baseUrl, dmEvent(user, '15')));
    const card = await waitForPost(channel, (text) => text.includes('Shall I save it?'));
    const blocks = card.body.blocks as Block[];
    expect(blocks.map((b) => b.type)).toEqual(['section', 'header', 'section', 'actions']);
    expect(blocks[3].elements?.map((e) => e.text.text)).toEqual(['Save', 'Edit', 'Cancel']);

    const saved = await track(postInteraction(baseUrl, buttonClick(user, card, 'save')));
    expect(saved).toMatchObject({ status: 200, text: '' });
    await waitForPost(channel, (text) => text.includes('Saved'));
    expect(await entries(user)).toMatchObject([{ work_form: 'outreach', total: 15, channel: 'slack' }]);
    const [reference] = await database.dataSource.query('SELECT reference FROM conversation_references WHERE conversation_id = $1', [channel]);
    expect(reference.reference).toEqual({ channel, thread_ts: null, team: TEAM });
    // users.info gave the locale (en-US by default in the fake).
    expect(fake.posts('users.info').some((call) => call.body.user === user)).toBe(true);
  });

  // Found by the fuzz run: PostgreSQL refused the queued job (JSON with \u0000 or a lone surrogate) and Slack got a 500.
  it('takes a DM with NUL characters and lone surrogates, and a button value nested 100 deep', async () => {
    const user = newUser();
    await addWorker(user);
    const channel = `D${user}`;
    const ack = await track(postEvent(baseUrl, dmEvent(user, 'Outreach yesterday 2 h, 15 kids \u0000 talked about \ud800 safety')));
    expect(ack).toMatchObject({ status: 200, text: '' });
    const card = await waitForPost(channel, (text) => text.includes('Shall I save it?'));
    const click = buttonClick(user, card, 'save');
    const deep = `${'['.repeat(100)}1${']'.repeat(100)}`;
    const action = { ...click.actions[0], value: click.actions[0].value.replace(/}$/, `,"deep":${deep}}`) };
    expect((await track(postInteraction(baseUrl, { ...click, actions: [action] }))).status).toBe(200);
    await waitForPost(channel, (text) => text.includes('Saved'));
    const [entry] = await entries(user);
    expect(entry.notes).toBe('Outreach yesterday 2 h, 15 kids   talked about \ufffd safety');
  });

  it('keeps a dialog started in a thread in that thread', async () => {
    const user = newUser();
    await addWorker(user);
    const channel = `D${user}`;
    const thread = '1700000100.000100';
    await track(postEvent(baseUrl, dmEvent(user, 'Group today', { thread_ts: thread })));
    const asked = await waitForPost(channel, (text) => text.includes('How many young people'));
    expect(asked.body.thread_ts).toBe(thread);
    await track(postEvent(baseUrl, dmEvent(user, '8', { thread_ts: thread })));
    const card = await waitForPost(channel, (text) => text.includes('Shall I save it?'));
    expect(card.body.thread_ts).toBe(thread);
    await track(postInteraction(baseUrl, buttonClick(user, card, 'save')));
    const saved = await waitForPost(channel, (text) => text.includes('Saved'));
    expect(saved.body.thread_ts).toBe(thread);
    expect(await entries(user)).toHaveLength(1);
  });

  it('gives one reply and one entry when Slack delivers the same event and click five times', async () => {
    const user = newUser();
    await addWorker(user);
    const channel = `D${user}`;
    const event = dmEvent(user, 'Camp this weekend, 25 kids');
    const deliveries = await Promise.all(
      [0, 1, 2, 3, 4].map((retry) =>
        track(postEvent(baseUrl, event, retry ? { 'X-Slack-Retry-Num': String(retry), 'X-Slack-Retry-Reason': 'http_timeout' } : {})),
      ),
    );
    for (const delivery of deliveries) expect(delivery.status).toBe(200);
    const card = await waitForPost(channel, (text) => text.includes('Shall I save it?'));
    const click = buttonClick(user, card, 'save');
    for (let i = 0; i < 5; i++) expect((await track(postInteraction(baseUrl, click))).status).toBe(200);
    await waitForPost(channel, (text) => text.includes('Saved'));
    await settle();
    expect(postsTo(channel).map((call) => String(call.body.text))).toEqual([expect.stringContaining('Shall I save it?'), expect.stringContaining('Saved')]);
    expect(await entries(user)).toHaveLength(1);
  });

  it('refuses unsigned, badly signed and stale requests with 401 and does nothing', async () => {
    const user = newUser();
    await addWorker(user);
    const channel = `D${user}`;
    const body = JSON.stringify(dmEvent(user, 'Group today, 9 kids'));
    const url = `${baseUrl}/slack/events`;
    const unsigned = await track(
      fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body }).then(async (r) => ({ status: r.status, ms: 0, text: await r.text() })),
    );
    expect(unsigned.status).toBe(401);
    const badSignature = await track(postSlack(url, body, 'application/json', { 'X-Slack-Signature': `v0=${'0'.repeat(64)}` }));
    expect(badSignature.status).toBe(401);
    const wrongSecret = await track(
      postSlack(url, body, 'application/json', {
        'X-Slack-Signature': computeSlackSignature('other', String(Math.floor(clock / 1000)), body),
      }),
    );
    expect(wrongSecret.status).toBe(401);
    const stale = await track(postSlack(url, body, 'application/json', {}, clock - 5 * 60_000 - 2000));
    expect(stale.status).toBe(401);
    const control = await track(postSlack(url, body, 'application/json', {}, clock));
    expect(control.status).toBe(200); // the control: the same body correctly signed is accepted…
    await waitForPost(channel, () => true);
    const commandForm = new URLSearchParams({ team_id: TEAM, user_id: user, channel_id: channel, text: 'help', response_url: fake.responseUrl('nope'), trigger_id: 'x' }).toString();
    expect((await track(postSlack(`${baseUrl}/slack/commands`, commandForm, 'application/x-www-form-urlencoded', { 'X-Slack-Signature': 'v0=bad' }))).status).toBe(401);
    const click = new URLSearchParams({ payload: JSON.stringify({ type: 'block_actions' }) }).toString();
    expect((await track(postSlack(`${baseUrl}/slack/interactions`, click, 'application/x-www-form-urlencoded', { 'X-Slack-Request-Timestamp': '' }))).status).toBe(401);
    // A url_verification is not answered without a signature either.
    const challenge = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ type: 'url_verification', challenge: 'c' }) });
    expect(challenge.status).toBe(401);
    await settle();
    // …and only that one produced anything.
    expect(postsTo(channel)).toHaveLength(1);
    expect(fake.calls.some((call) => call.method === '/response/nope')).toBe(false);
  });

  it('replies to the slash command through its response_url, in the user’s Slack locale', async () => {
    const user = newUser();
    await addWorker(user);
    fake.locales.set(user, 'fi-FI');
    const response = await track(
      postCommand(baseUrl, {
        token: 't', team_id: TEAM, team_domain: 'youth', channel_id: 'C0GENERAL', channel_name: 'general', user_id: user, user_name: 'anna',
        command: '/logbook', text: 'help', api_app_id: 'A0LOGBOOK', response_url: fake.responseUrl(`cmd-${user}`), trigger_id: nextId('trigger.'),
      }),
    );
    expect(response).toMatchObject({ status: 200, text: '' });
    const answer = await fake.waitFor((call) => call.method === `/response/cmd-${user}`);
    expect(answer.body).toMatchObject({ response_type: 'ephemeral', text: expect.stringContaining('Olen Logbook') });
  });

  it('ignores bot messages, its own messages and subtypes, and answers a mention without the mention', async () => {
    const user = newUser();
    await addWorker(user);
    const channel = `D${user}`;
    const ignored = [
      dmEvent(user, 'from a bot', { bot_id: 'B0OTHER', subtype: 'bot_message' }),
      dmEvent(BOT, 'my own reply', { channel, bot_id: 'B0SELF' }),
      dmEvent(BOT, 'my own reply without bot_id', { channel }),
      dmEvent(user, 'edited', { subtype: 'message_changed' }),
      dmEvent(user, 'joined', { subtype: 'channel_join' }),
    ];
    for (const event of ignored) expect((await track(postEvent(baseUrl, event))).status).toBe(200);
    const mention = dmEvent(user, `<@${BOT}> help`, { type: 'app_mention', channel_type: undefined, channel: 'C0TEAM' });
    await track(postEvent(baseUrl, mention));
    const help = await waitForPost('C0TEAM', (text) => text.includes('I am Logbook'));
    expect(help.body.thread_ts).toBeUndefined();
    await settle();
    expect(postsTo(channel)).toHaveLength(0);
  });

  it('waits out a 429 with Retry-After and delivers the reply once', async () => {
    const user = newUser();
    await addWorker(user);
    const channel = `D${user}`;
    fake.rateLimitOnce = { method: 'chat.postMessage', retryAfter: 1 };
    const started = Date.now();
    const response = await track(postEvent(baseUrl, dmEvent(user, 'help')));
    expect(response.status).toBe(200);
    const help = await waitForPost(channel, (text) => text.includes('I am Logbook'));
    expect(help.at - started).toBeGreaterThanOrEqual(900);
    expect(fake.calls.filter((call) => call.method === 'chat.postMessage:429')).toHaveLength(1);
    await settle();
    expect(postsTo(channel)).toHaveLength(1);
  });
});

describe(`Slack work in pg-boss on ${engineName()}`, () => {
  it('survives the instance that acknowledged it: a later instance handles the job', async () => {
    const fake = await new FakeSlack().start();
    const database = await openTestDatabase();
    const config = loadConfig({ LOG_LEVEL: 'silent', LOCAL_CHAT: 'false' });
    const logger = createLogger('silent');
    const core = createAppCore(config, database, logger);
    const options = { signingSecret: SIGNING_SECRET, botToken: BOT_TOKEN, apiUrl: fake.apiUrl, retries: 1 };
    try {
      const user = newUser();
      const organisation = await ensureOrganisation(database.dataSource, { name: 'Slack org', timeZone: 'Europe/Helsinki', slackTeamId: TEAM });
      await createDirectoryStore(database.dataSource).addMember(
        organisation.id,
        { displayName: 'Worker', email: null, role: 'worker', locale: null },
        { channel: 'slack', tenant: TEAM, userId: user },
      );
      // The first instance takes the request and dies before handling it (here: it never works jobs).
      const server = createHttpServer({ logger, maxBodyBytes: config.MAX_BODY_BYTES });
      const first = createSlackChannel(
        { ...options, createQueue: (handle) => createPgBossQueue(database.dataSource, handle, logger, { work: false }) },
        core,
        logger,
      );
      first.register(server);
      await first.start();
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const response = await postEvent(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, dmEvent(user, 'Outreach yesterday'));
      expect(response).toMatchObject({ status: 200, text: '' });
      await new Promise<void>((resolve) => {
        server.server.close(() => resolve());
        server.server.closeAllConnections();
      });
      await first.stop();
      expect(fake.posts()).toEqual([]);

      // The next instance, on the same database, picks the job up.
      let durable: DurableSlackQueue | undefined;
      const second = createSlackChannel(
        { ...options, createQueue: (handle) => (durable = createPgBossQueue(database.dataSource, handle, logger)) },
        core,
        logger,
      );
      await second.start();
      const asked = await fake.waitFor((call) => call.method === 'chat.postMessage' && String(call.body.text).includes('How many young people'), 10_000);
      expect(asked.body.channel).toBe(`D${user}`);
      await durable?.idle();
      await second.stop();
      expect(fake.posts()).toHaveLength(1);
    } finally {
      await database.close();
      await fake.stop();
    }
  });
});
