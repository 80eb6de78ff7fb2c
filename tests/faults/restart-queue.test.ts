import { ensureOrganisation } from '../../storage/organisations';
import { createDirectoryStore } from '../../storage/directory-store';
import { cliStorage, type CliStorage } from '../support/cli-storage';
import { engineName } from '../support/database';
import { FakeSlack, type SlackApiCall } from '../support/fake-slack';
import { postEvent, postInteraction, SIGNING_SECRET } from '../support/slack-signing';
import { startServeProcess, type ServeProcess } from '../support/serve-process';

// Two start-ups of the built service, a job expiry and a pg-boss retry.
jest.setTimeout(60_000);

const TEAM = 'T0RESTART';
const STALLED = 'U0STALLED';
const WAITING = 'U0WAITING';

/** A DM as the Events API delivers it. */
function dm(user: string, text: string, id: string) {
  return {
    type: 'event_callback',
    team_id: TEAM,
    event_id: `Ev${id}`,
    event_time: Math.floor(Date.now() / 1000),
    event: { type: 'message', channel_type: 'im', channel: `D${user}`, user, text, ts: `${Math.floor(Date.now() / 1000)}.000100`, client_msg_id: `cmid-${id}`, team: TEAM },
  };
}

function saveClick(user: string, card: SlackApiCall) {
  const blocks = card.body.blocks as { elements?: { action_id: string; value: string }[] }[];
  const button = blocks.flatMap((block) => block.elements ?? []).find((element) => JSON.parse(element.value).action === 'save')!;
  return {
    type: 'block_actions',
    user: { id: user, name: 'worker', team_id: TEAM },
    team: { id: TEAM },
    channel: { id: `D${user}` },
    container: { type: 'message', channel_id: `D${user}`, is_ephemeral: false },
    message: { type: 'message', ts: '1700000000.000200', text: card.body.text },
    trigger_id: `trigger.${user}`,
    response_url: 'http://127.0.0.1:9/unused',
    actions: [{ type: 'button', action_id: button.action_id, value: button.value, action_ts: '1700000001.000300' }],
  };
}

describe(`acknowledged Slack work survives a killed process on ${engineName()}`, () => {
  let store: CliStorage;
  let fake: FakeSlack;
  let server: ServeProcess | undefined;

  beforeAll(async () => {
    fake = await new FakeSlack().start();
    store = await cliStorage();
    const database = await store.open();
    try {
      const organisation = await ensureOrganisation(database.dataSource, { name: 'Restart org', timeZone: 'Europe/Helsinki', slackTeamId: TEAM });
      const directory = createDirectoryStore(database.dataSource);
      for (const user of [STALLED, WAITING]) {
        await directory.addMember(organisation.id, { displayName: user, email: null, role: 'worker', locale: 'en' }, { channel: 'slack', tenant: TEAM, userId: user });
      }
    } finally {
      await database.close();
    }
  });
  afterAll(async () => {
    await server?.kill();
    await fake.stop();
    store.remove();
  });

  it('runs a job taken before the kill and one not yet taken, each once, after a restart', async () => {
    const env = {
      ...store.env,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_BOT_TOKEN: 'xoxb-restart',
      SLACK_API_URL: fake.apiUrl,
      LOCAL_CHAT: 'false',
      OPENAI_API_KEY: '',
      MicrosoftAppId: '',
      RATE_LIMIT_PER_MINUTE: '0',
      // A job of a dead instance is tried again 10 s after it started, once maintenance (every second) sees it.
      // Shorter risks a live job being expired too: pg-boss's maintenance tries again a job still running at its expiry.
      SLACK_JOB_EXPIRE_SECONDS: '10',
      JOB_MAINTENANCE_SECONDS: '1',
      // One job at a time, so the second event stays queued while the first stalls.
      SLACK_JOB_CONCURRENCY: '1',
    };
    // Slack's users.info does not answer: the first job stalls after the ack, before the core sees it.
    fake.hanging.add('users.info');
    server = await startServeProcess(env);
    expect((await postEvent(server.url, dm(STALLED, 'Group today, 6 kids', 'stalled'))).status).toBe(200);
    await fake.waitFor((call) => call.method === 'users.info:hang' && call.body.user === STALLED, 10_000);
    // The worker is busy with that job, so the second stays queued, not taken.
    expect((await postEvent(server.url, dm(WAITING, 'Camp this weekend, 25 kids', 'waiting'))).status).toBe(200);
    await server.kill();
    expect(fake.calls.some((call) => call.body.user === WAITING)).toBe(false);
    expect(fake.posts()).toEqual([]);

    fake.hanging.delete('users.info');
    server = await startServeProcess(env);
    const cards = await Promise.all(
      [STALLED, WAITING].map((user) =>
        fake.waitFor((call) => call.method === 'chat.postMessage' && call.body.channel === `D${user}` && String(call.body.text).includes('Shall I save it?'), 30_000),
      ),
    );
    // The drafts the cards stand for were made by the restarted instance: Save works.
    expect((await postInteraction(server.url, saveClick(STALLED, cards[0]))).status).toBe(200);
    await fake.waitFor((call) => call.method === 'chat.postMessage' && call.body.channel === `D${STALLED}` && String(call.body.text).includes('Saved'), 15_000);
    await server.stop();
    server = undefined;

    const postsTo = (user: string) => fake.posts().filter((call) => call.body.channel === `D${user}`).map((call) => String(call.body.text));
    expect(postsTo(STALLED)).toEqual([expect.stringContaining('Shall I save it?'), expect.stringContaining('Saved')]);
    expect(postsTo(WAITING)).toEqual([expect.stringContaining('Shall I save it?')]);
    const database = await store.open();
    try {
      const count = async (sql: string, user: string) =>
        Number((await database.dataSource.query<{ n: string }[]>(`${sql}`, [user]))[0].n);
      const byUser = `JOIN channel_identities ci ON ci.member_id = t.%s WHERE ci.channel = 'slack' AND ci.user_id = $1`;
      const entries = (user: string) => count(`SELECT count(*) AS n FROM entries t ${byUser.replace('%s', 'author_id')}`, user);
      const drafts = (user: string) => count(`SELECT count(*) AS n FROM drafts t ${byUser.replace('%s', 'member_id')}`, user);
      expect(await entries(STALLED)).toBe(1);
      expect(await entries(WAITING)).toBe(0);
      expect(await drafts(STALLED)).toBe(0);
      expect(await drafts(WAITING)).toBe(1);
      const handled = await database.dataSource.query<{ message_id: string }[]>(
        `SELECT message_id FROM processed_messages WHERE channel = 'slack' AND message_id LIKE 'cmid-%' ORDER BY message_id`,
      );
      expect(handled.map((row) => row.message_id)).toEqual(['cmid-stalled', 'cmid-waiting']);
      // The job the dead process had taken was expired and tried again; the other ran on the first try.
      const jobs = await database.dataSource.query<{ key: string; state: string; retry_count: number }[]>(
        `SELECT data->>'key' AS key, state, retry_count FROM pgboss.job WHERE name = 'slack-work'
         UNION ALL SELECT data->>'key', state, retry_count FROM pgboss.archive WHERE name = 'slack-work' ORDER BY 1`,
      );
      expect(jobs).toEqual([
        { key: `action:${TEAM}:trigger.${STALLED}`, state: 'completed', retry_count: 0 },
        { key: `message:${TEAM}:cmid-stalled`, state: 'completed', retry_count: 1 },
        { key: `message:${TEAM}:cmid-waiting`, state: 'completed', retry_count: 0 },
      ]);
    } finally {
      await database.close();
    }
  });
});
