import type { RunningApp } from '../app/app';
import { createDirectoryStore } from '../storage/directory-store';
import { ensureOrganisation } from '../storage/organisations';
import { engineName } from './support/database';
import { startTestApp } from './support/app';
import { FakeSlack } from './support/fake-slack';
import { postEvent, SIGNING_SECRET } from './support/slack-signing';

const TEAM = 'T0ADMIN';
const BOT = 'U0BOTADMIN';
let counter = 0;

/** A signed DM to the bot as the Events API delivers it. */
function dm(user: string, text: string) {
  counter += 1;
  return {
    type: 'event_callback',
    team_id: TEAM,
    event_id: `EvADMIN${counter}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: TEAM, user_id: BOT, is_bot: true }],
    event: { type: 'message', channel_type: 'im', channel: `D${user}`, user, text, ts: `1764000000.${String(counter).padStart(6, '0')}`, client_msg_id: `cmid-admin-${counter}`, team: TEAM },
  };
}

describe(`mentor administration in Slack on ${engineName()}`, () => {
  let app: RunningApp;
  let slack: FakeSlack;

  /** Sends a DM and waits for the bot's next post in that DM. */
  async function say(user: string, text: string): Promise<string> {
    const before = slack.posts().length;
    expect((await postEvent(app.url, dm(user, text))).status).toBe(200);
    const post = await slack.waitFor((call) => call.method === 'chat.postMessage' && call.body.channel === `D${user}` && slack.posts().indexOf(call) >= before);
    return String(post.body.text);
  }

  beforeAll(async () => {
    slack = await new FakeSlack().start();
    app = await startTestApp({ SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_BOT_TOKEN: 'xoxb-admin', SLACK_API_URL: slack.apiUrl });
    const organisation = await ensureOrganisation(app.database.dataSource, { name: 'Slack youth services', timeZone: 'Europe/Helsinki', slackTeamId: TEAM });
    await createDirectoryStore(app.database.dataSource).addMember(
      organisation.id,
      { displayName: 'Mentor', email: null, role: 'mentor', locale: null },
      { channel: 'slack', tenant: TEAM, userId: 'U0MENTOR' },
    );
  });
  afterAll(async () => {
    await app.stop();
    await slack.stop();
  });

  it('adds a colleague by <@mention>, who can log at once', async () => {
    expect(await say('U0ANNA', 'Group today, 6 kids')).toContain('must add you first');
    expect(await say('U0MENTOR', `add <@U0ANNA> as worker`)).toBe('Added User U0ANNA as worker. They can start logging right away.');
    expect(await say('U0ANNA', 'Group today, 6 kids')).toContain('Shall I save it?');
  });

  it('binds a colleague added by email when users.info shows that email', async () => {
    slack.emails.set('U0ELLA', 'ella@example.org');
    slack.locales.set('U0ELLA', 'sv-SE');
    expect(await say('U0MENTOR', 'add ella@example.org as manager')).toContain('Added ella@example.org as manager.');
    expect(await say('U0ELLA', 'hjälp')).toContain('Hej! Jag är Logbook');
    const [member] = await app.database.dataSource.query(
      "SELECT m.role, m.display_name FROM channel_identities ci JOIN members m ON m.id = ci.member_id WHERE ci.user_id = 'U0ELLA'",
    );
    expect(member).toEqual({ role: 'manager', display_name: 'User U0ELLA' });
  });
});
