import { jobIdFor } from '../../adapters/slack/pg-boss-queue';
import type { RunningApp } from '../../app/app';
import { SCHEDULES_JOB } from '../../app/scheduled-jobs';
import type { Role } from '../../bot/ports';
import { createDirectoryStore } from '../../storage/directory-store';
import { ensureOrganisation } from '../../storage/organisations';
import { createScheduleStore } from '../../storage/schedule-store';
import { startTestApp } from '../support/app';
import { engineName } from '../support/database';
import { FakeConnector, type ConnectorCall } from '../support/fake-connector';
import { FakeSlack, type SlackApiCall } from '../support/fake-slack';
import { postCommand, postEvent, postInteraction, SIGNING_SECRET } from '../support/slack-signing';
import { personalMessage, TENANT, teamsUser, type TeamsUser } from '../support/teams-activities';

// Real waits: Retry-After of 1 s, backoffs, and a pg-boss retry 2–4 s after a failed job.
jest.setTimeout(60_000);

const TEAM = 'T0RETRY';
const RATE_LIMITED = { status: 429, retryAfter: 1 } as const;
const SERVER_ERROR = { status: 500 } as const;

let counter = 0;
const unique = (prefix: string) => `${prefix}${Date.now().toString(36).toUpperCase()}${++counter}`;

/** A DM as the Events API delivers it; `key` is the queue's job key for it. */
function dm(user: string, text: string) {
  const messageId = unique('cmid-');
  const event = {
    type: 'event_callback',
    team_id: TEAM,
    event_id: unique('Ev'),
    event_time: Math.floor(Date.now() / 1000),
    event: { type: 'message', channel_type: 'im', channel: `D${user}`, user, text, ts: `${Math.floor(Date.now() / 1000)}.${String(++counter).padStart(6, '0')}`, client_msg_id: messageId, team: TEAM },
  };
  return { event, key: `message:${TEAM}:${messageId}` };
}

/** A click on the card's Save button, as Slack's block_actions payload. */
function saveClick(user: string, card: SlackApiCall) {
  const blocks = card.body.blocks as { elements?: { action_id: string; value: string }[] }[];
  const button = blocks.flatMap((block) => block.elements ?? []).find((element) => JSON.parse(element.value).action === 'save');
  if (!button) throw new Error(`no save button in ${JSON.stringify(blocks)}`);
  const triggerId = unique('trigger.');
  const payload = {
    type: 'block_actions',
    user: { id: user, name: 'worker', team_id: TEAM },
    team: { id: TEAM },
    channel: { id: String(card.body.channel) },
    container: { type: 'message', channel_id: String(card.body.channel), is_ephemeral: false },
    message: { type: 'message', ts: '1700000000.000200', text: card.body.text },
    trigger_id: triggerId,
    response_url: 'http://127.0.0.1:9/unused',
    actions: [{ type: 'button', action_id: button.action_id, value: button.value, action_ts: '1700000001.000300' }],
  };
  return { payload, key: `action:${TEAM}:${triggerId}` };
}

describe(`outbound retries on ${engineName()}`, () => {
  let app: RunningApp;
  let slack: FakeSlack;
  let connector: FakeConnector;
  let organisationId: string;

  const query = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => app.database.dataSource.query<T[]>(sql, params);
  const entriesOf = (channel: 'slack' | 'teams', user: string) =>
    query(`SELECT e.id FROM entries e JOIN channel_identities ci ON ci.member_id = e.author_id WHERE ci.channel = $1 AND ci.user_id = $2`, [channel, user]);
  /** Every call into a Slack channel: failures as "method:status", then what was accepted. */
  const slackCallsTo = (channel: string) => slack.calls.filter((call) => call.body.channel === channel).map((call) => call.method);
  const postedTo = (channel: string) => slack.posts().filter((call) => call.body.channel === channel).map((call) => String(call.body.text));
  const teamsCallsTo = (user: TeamsUser) =>
    connector.calls.filter((call) => call.method === 'POST' && call.path.includes(encodeURIComponent(`a:personal-${user.aadObjectId}`)));

  /** Waits until pg-boss finished the job of a Slack request; returns how often it was tried again. */
  async function jobDone(key: string, timeoutMs = 30_000): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const [job] = await query<{ state: string; retry_count: number }>('SELECT state, retry_count FROM pgboss.job WHERE id = $1', [jobIdFor(key)]);
      if (job?.state === 'completed') return job.retry_count;
      if (job?.state === 'failed' || Date.now() > deadline) throw new Error(`Slack job ${key}: ${JSON.stringify(job)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async function addMember(channel: 'slack' | 'teams', userId: string, role: Role = 'worker') {
    return createDirectoryStore(app.database.dataSource).addMember(
      organisationId,
      { displayName: `Member ${userId.slice(0, 8)}`, email: null, role, locale: 'en' },
      { channel, tenant: channel === 'slack' ? TEAM : TENANT, userId },
    );
  }

  /** A logged session waiting on its card, in a Slack DM. */
  async function slackCard(user: string): Promise<SlackApiCall> {
    await addMember('slack', user);
    const { event, key } = dm(user, 'Group today, 6 kids');
    expect((await postEvent(app.url, event)).status).toBe(200);
    await jobDone(key);
    return slack.waitFor((call) => call.method === 'chat.postMessage' && call.body.channel === `D${user}` && String(call.body.text).includes('Shall I save it?'));
  }

  beforeAll(async () => {
    slack = await new FakeSlack().start();
    connector = await new FakeConnector().start();
    app = await startTestApp({ SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_BOT_TOKEN: 'xoxb-retry', SLACK_API_URL: slack.apiUrl, LOCAL_CHAT: 'false' });
    const organisation = await ensureOrganisation(app.database.dataSource, {
      name: 'Retry org',
      timeZone: 'Europe/Helsinki',
      slackTeamId: TEAM,
      teamsTenantId: TENANT,
    });
    organisationId = organisation.id;
  });
  afterAll(async () => {
    await app.stop();
    await slack.stop();
    await connector.stop();
  });

  it('Slack: a reply met by 429 (Retry-After 1) and then 500 goes out once, after both, and the Save makes one entry', async () => {
    const user = unique('U');
    const card = await slackCard(user);
    slack.script.add('chat.postMessage', RATE_LIMITED, SERVER_ERROR);
    const click = saveClick(user, card);
    expect((await postInteraction(app.url, click.payload)).status).toBe(200);
    expect(await jobDone(click.key)).toBe(0);
    expect(slackCallsTo(`D${user}`)).toEqual(['chat.postMessage', 'chat.postMessage:429', 'chat.postMessage:500', 'chat.postMessage']);
    expect(postedTo(`D${user}`)).toEqual([expect.stringContaining('Shall I save it?'), expect.stringContaining('Saved')]);
    const limited = slack.calls.find((call) => call.method === 'chat.postMessage:429' && call.body.channel === `D${user}`)!;
    const saved = slack.posts().find((call) => call.body.channel === `D${user}` && String(call.body.text).includes('Saved'))!;
    // Retry-After was waited out.
    expect(saved.at - limited.at).toBeGreaterThanOrEqual(900);
    expect(await entriesOf('slack', user)).toHaveLength(1);
  });

  it('Slack: a slash command’s response_url met by 429 and then 500 gets its answer once', async () => {
    const user = unique('U');
    await addMember('slack', user);
    const name = `cmd-${user}`;
    slack.script.add(`/response/${name}`, RATE_LIMITED, SERVER_ERROR);
    const triggerId = unique('trigger.');
    const response = await postCommand(app.url, {
      team_id: TEAM, channel_id: 'C0GENERAL', channel_name: 'general', user_id: user, user_name: 'anna',
      command: '/logbook', text: 'help', response_url: slack.responseUrl(name), trigger_id: triggerId,
    });
    expect(response.status).toBe(200);
    expect(await jobDone(`command:${TEAM}:${triggerId}`)).toBe(0);
    const calls = slack.calls.filter((call) => call.method.startsWith(`/response/${name}`));
    expect(calls.map((call) => call.method)).toEqual([`/response/${name}:429`, `/response/${name}:500`, `/response/${name}`]);
    expect(calls[2].body).toMatchObject({ response_type: 'ephemeral', text: expect.stringContaining('I am Logbook') });
    expect(calls[2].at - calls[0].at).toBeGreaterThanOrEqual(900);
  });

  it('Slack: when the second reply of a turn fails past the in-call retries, the job’s retry sends only it, and each reply goes once', async () => {
    await query(`UPDATE organisations SET settings = settings || '{"reflectionQuestions": [{"en": "What went well?"}]}'::jsonb WHERE id = $1`, [organisationId]);
    try {
      const user = unique('U');
      const card = await slackCard(user);
      // "Saved" goes through; the reflection question after it fails the first try and all three retries.
      slack.script.add('chat.postMessage', 'ok', SERVER_ERROR, SERVER_ERROR, SERVER_ERROR, SERVER_ERROR);
      const click = saveClick(user, card);
      expect((await postInteraction(app.url, click.payload)).status).toBe(200);
      // pg-boss tried the job again.
      expect(await jobDone(click.key)).toBe(1);
      expect(slack.script.pending('chat.postMessage')).toBe(0);
      expect(postedTo(`D${user}`)).toEqual([
        expect.stringContaining('Shall I save it?'),
        expect.stringContaining('Saved'),
        expect.stringContaining('What went well?'),
      ]);
      expect(slackCallsTo(`D${user}`).filter((method) => method === 'chat.postMessage:500')).toHaveLength(4);
      expect(await entriesOf('slack', user)).toHaveLength(1);
      const delivered = await query<{ part: string }>('SELECT part FROM reply_deliveries WHERE channel = $1 AND turn_key = $2 ORDER BY part', ['slack', click.key]);
      expect(delivered.map((row) => row.part)).toEqual(['0', '1']);
    } finally {
      await query(`UPDATE organisations SET settings = settings - 'reflectionQuestions' WHERE id = $1`, [organisationId]);
    }
  });

  it('Teams: a reply met by 429 (Retry-After 1) and then 500 goes out once, after both, and the Save makes one entry', async () => {
    const worker = teamsUser();
    await addMember('teams', worker.aadObjectId);
    const asked = await fetch(`${app.url}/api/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(personalMessage(connector.serviceUrl, worker, 'Group today, 6 kids', { deliveryMode: 'expectReplies' })),
    });
    const card = (await asked.json()) as { activities: { attachments?: { content: { actions: { data: Record<string, unknown> }[] } }[] }[] };
    const save = card.activities.flatMap((a) => a.attachments ?? [])[0].content.actions.find((a) => a.data.action === 'save')!.data;
    connector.script.add(`a:personal-${worker.aadObjectId}`, RATE_LIMITED, SERVER_ERROR);
    // Replies go to the connector (the serviceUrl), as in Teams.
    const response = await fetch(`${app.url}/api/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(personalMessage(connector.serviceUrl, worker, '', { value: save })),
    });
    expect(response.status).toBe(200);
    const calls = teamsCallsTo(worker);
    expect(calls.map((call: ConnectorCall) => call.status)).toEqual([429, 500, 200]);
    expect(String(calls[2].body.text)).toContain('Saved');
    expect(await entriesOf('teams', worker.aadObjectId)).toHaveLength(1);
  });

  it('Teams and Slack: a scheduled digest met by 429 and then 500 reaches each manager once', async () => {
    const teamsManager = teamsUser('Hanna Head');
    const slackManager = unique('U');
    const teamsInfo = await addMember('teams', teamsManager.aadObjectId, 'manager');
    const slackInfo = await addMember('slack', slackManager, 'manager');
    // Their first messages save the private conversations the digests go to.
    await fetch(`${app.url}/api/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(personalMessage(connector.serviceUrl, teamsManager, 'help', { deliveryMode: 'expectReplies' })),
    });
    const hello = dm(slackManager, 'help');
    await postEvent(app.url, hello.event);
    await jobDone(hello.key);
    // Mondays at 0:00, set long ago: this week's digest is due whenever the test runs.
    const schedules = createScheduleStore(app.database.dataSource);
    for (const member of [teamsInfo, slackInfo]) await schedules.setDigest(organisationId, member.id, { weekday: 1, time: '00:00' }, new Date('2000-01-01T00:00:00Z'));
    connector.script.add(`a:personal-${teamsManager.aadObjectId}`, RATE_LIMITED, SERVER_ERROR);
    slack.script.add('chat.postMessage', RATE_LIMITED, SERVER_ERROR);

    expect(await app.jobs.trigger(SCHEDULES_JOB)).toBe(true);
    await connector.waitFor((call) => call.status === 200 && call.path.includes(encodeURIComponent(`a:personal-${teamsManager.aadObjectId}`)) && String(call.body.text).startsWith('Weekly digest'), 20_000);
    await slack.waitFor((call) => call.method === 'chat.postMessage' && call.body.channel === `D${slackManager}` && String(call.body.text).startsWith('Weekly digest'), 20_000);
    // The run records each send once it went out.
    const statuses = () =>
      query<{ status: string }>(`SELECT status FROM scheduled_sends WHERE organisation_id = $1 AND kind = 'digest' AND member_id = ANY($2)`, [
        organisationId,
        [teamsInfo.id, slackInfo.id],
      ]);
    for (let i = 0; i < 100 && (await statuses()).some((row) => row.status !== 'sent'); i++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await statuses()).toEqual([{ status: 'sent' }, { status: 'sent' }]);
    expect(teamsCallsTo(teamsManager).map((call) => call.status)).toEqual([429, 500, 200]);
    expect(slackCallsTo(`D${slackManager}`)).toEqual(['chat.postMessage', 'chat.postMessage:429', 'chat.postMessage:500', 'chat.postMessage']);
    expect(postedTo(`D${slackManager}`).filter((text) => text.startsWith('Weekly digest'))).toHaveLength(1);
  });
});
