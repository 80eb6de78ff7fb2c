import type { RunningApp } from '../../app/app';
import { createDirectoryStore } from '../../storage/directory-store';
import { ensureOrganisation } from '../../storage/organisations';
import { engineName } from '../support/database';
import { startTestApp } from '../support/app';
import { FakeSlack } from '../support/fake-slack';
import { postEvent, SIGNING_SECRET } from '../support/slack-signing';

const TEAM = 'T0WIRED';

describe(`Slack in the running app on ${engineName()}`, () => {
  let app: RunningApp;
  let fake: FakeSlack;

  beforeAll(async () => {
    fake = await new FakeSlack().start();
    app = await startTestApp({ SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_BOT_TOKEN: 'xoxb-wired', SLACK_API_URL: fake.apiUrl });
    const organisation = await ensureOrganisation(app.database.dataSource, { name: 'Slack org', timeZone: 'Europe/Stockholm', slackTeamId: TEAM });
    await createDirectoryStore(app.database.dataSource).addMember(
      organisation.id,
      { displayName: 'Worker', email: null, role: 'worker', locale: null },
      { channel: 'slack', tenant: TEAM, userId: 'UWIRED1' },
    );
  });
  afterAll(async () => {
    await app.stop();
    await fake.stop();
  });

  it('answers the challenge and refuses unsigned requests', async () => {
    const challenge = await postEvent(app.url, { type: 'url_verification', challenge: 'abc123', token: 'x' });
    expect(challenge.status).toBe(200);
    expect(JSON.parse(challenge.text)).toEqual({ challenge: 'abc123' });
    const unsigned = await fetch(`${app.url}/slack/events`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(unsigned.status).toBe(401);
  });

  it('acknowledges a signed DM at once and replies through chat.postMessage from the queue', async () => {
    const started = Date.now();
    const ack = await postEvent(app.url, {
      type: 'event_callback',
      team_id: TEAM,
      event_id: 'EvWIRED1',
      event_time: Math.floor(Date.now() / 1000),
      event: { type: 'message', channel_type: 'im', channel: 'DWIRED1', user: 'UWIRED1', text: 'Öppen kväll ikväll, 12 ungdomar', ts: '1764000000.000100', client_msg_id: 'cmid-wired-1', team: TEAM },
    });
    expect(ack.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(500);
    for (let i = 0; i < 100 && !fake.posts('chat.postMessage').length; i++) await new Promise((r) => setTimeout(r, 100));
    const [post] = fake.posts('chat.postMessage');
    expect(post.body.channel).toBe('DWIRED1');
    expect(String(post.body.text)).toMatch(/save/i);
  });
});
