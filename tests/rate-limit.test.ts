import type { RunningApp } from '../app/app';
import { startTestApp } from './support/app';
import { engineName } from './support/database';
import { ChatUser, texts } from './support/local-chat';

/** The per-user limit, on the real app over HTTP: the next message is answered politely and nothing is kept. */
describe(`rate limiting per user on ${engineName()}`, () => {
  let app: RunningApp;
  const query = (sql: string) => app.database.dataSource.query(sql);

  beforeAll(async () => {
    app = await startTestApp({ RATE_LIMIT_PER_MINUTE: '3' });
  });
  afterAll(() => app.stop());

  it('answers the fourth message in a minute with a request to wait, in the user’s language, and saves nothing of it', async () => {
    const finn = new ChatUser(app.url, undefined, 'fi-FI');
    for (const text of ['apua', 'omat merkinnät', 'apua']) expect(texts(await finn.say(text))).not.toMatch(/Odota/);
    const drafts = await query('SELECT count(*)::int AS n FROM drafts');
    const limited = texts(await finn.say('avoin ilta tänään, 12 nuorta'));
    expect(limited).toMatch(/^Kirjoitat nopeammin kuin ehdin seurata\. Odota \d+ sekuntia/);
    expect(await query('SELECT count(*)::int AS n FROM drafts')).toEqual(drafts);
    // Another user is not slowed down by the first.
    const swede = new ChatUser(app.url, undefined, 'sv-SE');
    expect(texts(await swede.say('hjälp'))).not.toMatch(/Vänta/);
  });
});
