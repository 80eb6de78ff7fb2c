import type { RunningApp } from '../app/app';
import { PHRASES } from '../bot/i18n';
import { createDirectoryStore } from '../storage/directory-store';
import { ensureOrganisation } from '../storage/organisations';
import { engineName } from './support/database';
import { startTestApp } from './support/app';
import { FakeConnector } from './support/fake-connector';
import { snapshot } from './support/members';
import { cardActionInvoke, channelMention, personalMessage, TENANT, teamsUser, type TeamsUser } from './support/teams-activities';

interface SentActivity {
  text?: string;
  attachments?: { content: { actions: { title: string; data: Record<string, unknown> }[] } }[];
}

const expectReplies = { deliveryMode: 'expectReplies' };

async function post(app: RunningApp, activity: unknown): Promise<{ status: number; activities: SentActivity[] }> {
  const response = await fetch(`${app.url}/api/messages`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(activity),
  });
  const text = await response.text();
  return { status: response.status, activities: text ? (JSON.parse(text).activities ?? []) : [] };
}

const replyText = (reply: { activities: SentActivity[] }) => reply.activities.map((a) => a.text ?? '').join('\n');
const buttonData = (reply: { activities: SentActivity[] }, action: string) =>
  reply.activities.flatMap((a) => a.attachments ?? []).flatMap((a) => a.content.actions).find((b) => b.data.action === action)?.data;

/** A channel message to the bot that @mentions colleagues, as Teams sends it. */
function mentioning(serviceUrl: string, from: TeamsUser, text: string, colleagues: TeamsUser[], locale = 'en-GB') {
  const activity = channelMention(serviceUrl, from, text);
  for (const colleague of colleagues) {
    activity.entities.push({ type: 'mention', text: `<at>${colleague.name}</at>`, mentioned: { id: colleague.id, name: colleague.name } });
  }
  return { ...activity, locale, ...expectReplies };
}

describe(`mentor administration in Teams on ${engineName()}`, () => {
  let app: RunningApp;
  let connector: FakeConnector;
  const mentor = teamsUser('Mia Mentor');
  const colleague = teamsUser('Anna Colleague');
  const query = (sql: string, params: unknown[] = []) => app.database.dataSource.query(sql, params);

  beforeAll(async () => {
    connector = await new FakeConnector().start();
    app = await startTestApp();
    const organisation = await ensureOrganisation(app.database.dataSource, { name: 'Teams youth services', timeZone: 'Europe/Helsinki', teamsTenantId: TENANT });
    await createDirectoryStore(app.database.dataSource).addMember(
      organisation.id,
      { displayName: mentor.name, email: null, role: 'mentor', locale: null },
      { channel: 'teams', tenant: TENANT, userId: mentor.aadObjectId },
    );
  });
  afterAll(async () => {
    await app.stop();
    await connector.stop();
  });

  it('a mentor adds a colleague by @mention, and the colleague can log at once', async () => {
    const stranger = await post(app, { ...personalMessage(connector.serviceUrl, colleague, 'Group today, 8 kids'), ...expectReplies });
    expect(replyText(stranger)).toContain('A mentor of your organisation must add you first');

    const added = await post(app, mentioning(connector.serviceUrl, mentor, 'add <at>Anna Colleague</at> as worker', [colleague]));
    expect(added.status).toBe(200);
    expect(replyText(added)).toBe('Added Anna Colleague as worker. They can start logging right away.');

    const card = await post(app, { ...personalMessage(connector.serviceUrl, colleague, 'Group today, 8 kids'), ...expectReplies });
    expect(replyText(card)).toContain('Shall I save it?');
    const saved = await post(app, { ...cardActionInvoke(connector.serviceUrl, colleague, buttonData(card, 'save')!), ...expectReplies });
    expect(replyText(saved)).toContain('Saved');
    const [entry] = await query(
      `SELECT e.total, m.display_name, m.role FROM entries e JOIN members m ON m.id = e.author_id WHERE m.display_name = 'Anna Colleague'`,
    );
    expect(entry).toEqual({ total: 8, display_name: 'Anna Colleague', role: 'worker' });
    const [event] = await query("SELECT after FROM audit_events WHERE action = 'member.add'");
    expect(event.after).toEqual({ name: 'Anna Colleague', email: null, role: 'worker', channel: 'teams' });

    const again = await post(app, mentioning(connector.serviceUrl, mentor, 'add <at>Anna Colleague</at>', [colleague]));
    expect(replyText(again)).toBe('Anna Colleague is a member already.');
  });

  it('refuses a worker\'s mentor command in their language and changes nothing', async () => {
    const someone = teamsUser('Sam Someone');
    const before = await snapshot(app);
    const refused = await post(app, mentioning(connector.serviceUrl, colleague, 'lisää <at>Sam Someone</at> mentoriksi', [someone], 'fi-FI'));
    expect(replyText(refused)).toBe(PHRASES.refusedMentorsOnly.fi);
    const alsoRefused = await post(app, { ...personalMessage(connector.serviceUrl, colleague, 'arkistoi yksikkö Digitiimi'), locale: 'fi-FI', ...expectReplies });
    expect(replyText(alsoRefused)).toBe(PHRASES.refusedMentorsOnly.fi);
    expect(await snapshot(app)).toEqual(before);
  });

  it('binds a colleague added by email on their first message, when Teams tells that email', async () => {
    const ella = teamsUser('Ella Esihenkilö');
    expect(replyText(await post(app, mentioning(connector.serviceUrl, mentor, 'add Ella.E@Example.org as manager', [])))).toBe(
      'Added ella.e@example.org as manager. Their account is connected when they first write to me here, if the channel shows that email address.',
    );
    connector.members.set(ella.id, { id: ella.id, aadObjectId: ella.aadObjectId, name: ella.name, email: 'ella.e@example.org', userPrincipalName: 'ella.e@example.org' });
    const help = await post(app, { ...personalMessage(connector.serviceUrl, ella, 'help'), ...expectReplies });
    expect(replyText(help)).toContain('I am Logbook');
    expect(replyText(help)).not.toContain('Mentor commands');
    const [bound] = await query(
      `SELECT m.display_name, m.role, ci.user_id FROM channel_identities ci JOIN members m ON m.id = ci.member_id WHERE m.email = 'ella.e@example.org'`,
    );
    expect(bound).toEqual({ display_name: 'Ella Esihenkilö', role: 'manager', user_id: ella.aadObjectId });
    expect(await query("SELECT before, after FROM audit_events WHERE action = 'member.bind'")).toEqual([
      { before: { name: 'Ella Esihenkilö', channels: [] }, after: { name: 'Ella Esihenkilö', channels: ['teams'] } },
    ]);

    // Someone whose email no member has stays a stranger.
    const other = teamsUser('Olli Other');
    connector.members.set(other.id, { id: other.id, email: 'olli@example.org' });
    expect(replyText(await post(app, { ...personalMessage(connector.serviceUrl, other, 'help'), ...expectReplies }))).toContain('must add you first');
  });

  it('keeps the organisation\'s last mentor (a mention resolved to the AAD id through the roster)', async () => {
    connector.members.set(mentor.id, { id: mentor.id, aadObjectId: mentor.aadObjectId, name: mentor.name });
    expect(replyText(await post(app, mentioning(connector.serviceUrl, mentor, 'make <at>Mia Mentor</at> a worker', [mentor])))).toBe(
      'The organisation must keep at least one mentor, so I changed nothing.',
    );
    expect(await query("SELECT role FROM members WHERE display_name = 'Mia Mentor'")).toEqual([{ role: 'mentor' }]);
  });

  it('removes a colleague after the Confirm button: they are a stranger again, their entries stay theirs', async () => {
    const asked = await post(app, mentioning(connector.serviceUrl, mentor, 'remove <at>Anna Colleague</at>', [colleague]));
    expect(replyText(asked)).toContain('Remove Anna Colleague from the organisation?');
    const confirm = buttonData(asked, 'adminConfirm')!;
    const done = await post(app, { ...channelMention(connector.serviceUrl, mentor, ''), text: '', value: confirm, ...expectReplies });
    expect(replyText(done)).toBe('Removed Anna Colleague. Their entries stay.');
    const stranger = await post(app, { ...personalMessage(connector.serviceUrl, colleague, 'Group today, 3 kids'), ...expectReplies });
    expect(replyText(stranger)).toContain('must add you first');
    const [member] = await query("SELECT id, removed_at FROM members WHERE display_name = 'Anna Colleague'");
    expect(member.removed_at).not.toBeNull();
    expect(await query('SELECT total FROM entries WHERE author_id = $1', [member.id])).toEqual([{ total: 8 }]);
  });
});
