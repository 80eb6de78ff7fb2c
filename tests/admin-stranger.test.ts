import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RunningApp } from '../app/app';
import { PHRASES } from '../bot/i18n';
import { createDirectoryStore } from '../storage/directory-store';
import { ensureOrganisation } from '../storage/organisations';
import { engineName } from './support/database';
import { startTestApp } from './support/app';
import { FakeConnector, type ConnectorCall } from './support/fake-connector';
import { snapshot } from './support/members';
import { cardActionInvoke, personalMessage, TENANT, teamsUser, type TeamsUser } from './support/teams-activities';

interface SentActivity {
  text?: string;
}
interface CardAttachment {
  content: { body: { type: string; text?: string; facts?: { title: string; value: string }[] }[]; actions: { title: string; data: Record<string, unknown> }[] };
}

const ORGANISATION = 'Nuorisopalvelut';
const expectReplies = { deliveryMode: 'expectReplies' };

async function post(app: RunningApp, activity: unknown): Promise<string> {
  const response = await fetch(`${app.url}/api/messages`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ ...(activity as object), ...expectReplies }),
  });
  expect(response.status).toBe(200);
  const text = await response.text();
  return ((text ? JSON.parse(text).activities : []) as SentActivity[]).map((a) => a.text).filter(Boolean).join('\n');
}

const conversationOf = (user: TeamsUser) => `a:personal-${user.aadObjectId}`;
const cardOf = (call: ConnectorCall) => (call.body.attachments as CardAttachment[] | undefined)?.[0]?.content;
/** Proactive request cards the connector received in this user's personal chat. */
const isRequestCard = (call: ConnectorCall, to: TeamsUser) =>
  call.method === 'POST' && call.path.includes(encodeURIComponent(conversationOf(to))) && !!cardOf(call)?.actions.some((a) => a.data.action === 'memberRequestAdd');
const requestCards = (connector: FakeConnector, to: TeamsUser) => connector.calls.filter((call) => isRequestCard(call, to));
/** The mentors are told in the background: waits for the card about this stranger. */
const noticeAbout = (connector: FakeConnector, to: TeamsUser, stranger: TeamsUser) =>
  connector.waitFor((call) => isRequestCard(call, to) && String(call.body.text).startsWith(stranger.name));

describe(`strangers and the mentors' "Add as worker" button in Teams on ${engineName()}`, () => {
  let app: RunningApp;
  let connector: FakeConnector;
  const mentor = teamsUser('Mia Mentori');
  const worker = teamsUser('Wille Worker');
  const query = (sql: string, params: unknown[] = []) => app.database.dataSource.query(sql, params);

  beforeAll(async () => {
    connector = await new FakeConnector().start();
    app = await startTestApp();
    const organisation = await ensureOrganisation(app.database.dataSource, { name: ORGANISATION, timeZone: 'Europe/Helsinki', teamsTenantId: TENANT });
    const directory = createDirectoryStore(app.database.dataSource);
    await directory.addMember(organisation.id, { displayName: mentor.name, email: null, role: 'mentor', locale: 'fi' }, { channel: 'teams', tenant: TENANT, userId: mentor.aadObjectId });
    await directory.addMember(organisation.id, { displayName: worker.name, email: null, role: 'worker', locale: null }, { channel: 'teams', tenant: TENANT, userId: worker.aadObjectId });
    // The mentor's personal chat is saved by their first message; a worker's too.
    expect(await post(app, personalMessage(connector.serviceUrl, mentor, 'apua', { locale: 'fi-FI' }))).toContain('Olen Logbook');
    expect(await post(app, personalMessage(connector.serviceUrl, worker, 'help'))).toContain('I am Logbook');
  });
  afterAll(async () => {
    await app.stop();
    await connector.stop();
  });

  it('tells the mentor in Finnish; the mentor adds the stranger with one press, and the stranger can log', async () => {
    const stranger = teamsUser('Stina Främling');
    connector.members.set(stranger.id, { id: stranger.id, aadObjectId: stranger.aadObjectId, name: stranger.name, email: 'stina@example.org' });
    const polite = await post(app, personalMessage(connector.serviceUrl, stranger, 'Grupp idag, 5 ungdomar', { locale: 'sv-SE' }));
    expect(polite).toBe(PHRASES.unknownMember.sv.replace('{organisation}', ORGANISATION));

    const notice = await noticeAbout(connector, mentor, stranger);
    expect(notice.body.text).toBe(`Stina Främling kirjoitti minulle (Microsoft Teams), mutta ei ole vielä organisaation ${ORGANISATION} jäsen. Lisäänkö hänet työntekijäksi?`);
    const card = cardOf(notice)!;
    expect(card.body.find((b) => b.type === 'FactSet')?.facts).toEqual([
      { title: 'Nimi', value: 'Stina Främling' },
      { title: 'Sähköposti', value: 'stina@example.org' },
      { title: 'Kanava', value: 'Microsoft Teams' },
    ]);
    expect(card.actions.map((a) => a.title)).toEqual(['Lisää työntekijäksi', 'Ohita']);
    const add = card.actions[0].data;

    // Action.Submit in a personal chat arrives as a message carrying the button's value.
    const added = await post(app, personalMessage(connector.serviceUrl, mentor, '', { locale: 'fi-FI', value: add }));
    expect(added).toBe('Lisäsin käyttäjän Stina Främling (työntekijä). Hän voi aloittaa kirjaamisen heti.');
    const [event] = await query("SELECT after FROM audit_events WHERE action = 'member.add'");
    expect(event.after).toEqual({ name: 'Stina Främling', email: 'stina@example.org', role: 'worker', channel: 'teams' });
    expect(await query("SELECT target_type, actor_id FROM audit_events WHERE action = 'member.requested'")).toEqual([{ target_type: 'channel_user', actor_id: null }]);

    const draft = await post(app, personalMessage(connector.serviceUrl, stranger, 'Grupp idag, 5 ungdomar', { locale: 'sv-SE' }));
    expect(draft).toContain(PHRASES.summaryIntro.sv);

    // A second press (here as Action.Execute) changes nothing and says so.
    const before = await snapshot(app);
    expect(await post(app, { ...cardActionInvoke(connector.serviceUrl, mentor, add), locale: 'fi-FI' })).toBe(
      'Stina Främling on jo jäsen (työntekijä), joten en muuttanut mitään.',
    );
    expect(await snapshot(app)).toEqual(before);
  });

  it('does not tell the mentors again when the same stranger writes again within a day', async () => {
    const stranger = teamsUser('Olli Outsider');
    await post(app, personalMessage(connector.serviceUrl, stranger, 'hello'));
    await noticeAbout(connector, mentor, stranger);
    const again = await post(app, personalMessage(connector.serviceUrl, stranger, 'hello again?'));
    expect(again).toContain('must add you first');
    // The request is recorded before the reply, so a second notice would have started by now.
    await app.core.drain?.();
    expect(requestCards(connector, mentor).filter((call) => String(call.body.text).startsWith(stranger.name))).toHaveLength(1);
    expect(await query("SELECT count(*)::int AS n FROM audit_events WHERE action = 'member.requested'")).toEqual([{ n: 2 }]);
    // Workers are not told.
    expect(requestCards(connector, worker)).toHaveLength(0);
  });

  it('refuses a worker who presses the button, and nothing changes', async () => {
    const stranger = teamsUser('Pekka Pyytäjä');
    await post(app, personalMessage(connector.serviceUrl, stranger, 'moi', { locale: 'fi-FI' }));
    const notice = await noticeAbout(connector, mentor, stranger);
    const add = cardOf(notice)!.actions[0].data;
    const before = await snapshot(app);
    expect(await post(app, personalMessage(connector.serviceUrl, worker, '', { value: add }))).toBe(PHRASES.refusedMentorsOnly.en);
    expect(await snapshot(app)).toEqual(before);
    expect(await post(app, personalMessage(connector.serviceUrl, stranger, 'moi', { locale: 'fi-FI' }))).toContain('täytyy ensin lisätä sinut');
  });

  it('answers the stranger even when the connector refuses the mentor\'s notice with 500', async () => {
    const refused: string[] = [];
    const broken: Server = createServer((req, res) => {
      refused.push(`${req.method} ${req.url}`);
      req.resume();
      res.writeHead(500, { 'Content-Type': 'application/json' });
      res.end('{"error":{"code":"ServiceError","message":"boom"}}');
    });
    await new Promise<void>((resolve) => broken.listen(0, '127.0.0.1', resolve));
    try {
      // The mentor's saved conversation now points at the failing connector.
      const brokenUrl = `http://127.0.0.1:${(broken.address() as AddressInfo).port}/`;
      expect(await post(app, personalMessage(brokenUrl, mentor, 'apua', { locale: 'fi-FI' }))).toContain('Olen Logbook');
      const stranger = teamsUser('Erkki Esimerkki');
      const polite = await post(app, personalMessage(connector.serviceUrl, stranger, 'Hei, 4 nuorta tänään', { locale: 'fi-FI' }));
      expect(polite).toBe(PHRASES.unknownMember.fi.replace('{organisation}', ORGANISATION));
      await app.core.drain?.();
      expect(refused.some((call) => call.startsWith('POST') && call.includes(encodeURIComponent(conversationOf(mentor))))).toBe(true);
    } finally {
      broken.closeAllConnections();
      await new Promise<void>((resolve) => broken.close(() => resolve()));
    }
  });
});
