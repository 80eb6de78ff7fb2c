/**
 * The fuzz run of `npm run fuzz` (bench/fuzz.ts) in small: the same seeded generators against the app started
 * here, with Slack on. No garbage chat message or malformed request may get a 5xx, go unanswered or get the
 * bot's "I failed" reply; every body over the limit gets 413; the app still answers afterwards.
 * FUZZ_SEED picks another seed (the default one is fixed so a failure can be repeated).
 */
import type { RunningApp } from '../app/app';
import { malformedRequest, type BodyTargets } from '../bench/fuzz-bodies';
import { runFuzz, type FuzzTally } from '../bench/fuzz-http';
import { chatMessage, chatUsers, type ChatUser } from '../bench/fuzz-messages';
import { seedFrom } from '../bench/fuzz-random';
import { greetUsers, openDashboardSession, serverStillAnswers } from '../bench/fuzz-setup';
import { startTestApp } from './support/app';
import { engineName } from './support/database';
import { FakeConnector } from './support/fake-connector';
import { FakeSlack } from './support/fake-slack';
import { SIGNING_SECRET } from './support/slack-signing';

const SEED = seedFrom(process.env.FUZZ_SEED ?? '20251129');
// Small enough for the whole file to take well under a minute on an idle machine of two cores.
const MESSAGES = 1000;
const BODIES = 1000;
const LANES = 8;
const MAX_BODY_BYTES = 1024 * 1024;
/** A run takes 10–20 s; on a machine shared with other work it may take several times that. */
const RUN_TIMEOUT_MS = 120_000;

/** The failures, with the seed and index that make each input again. */
const failuresOf = (tally: FuzzTally) => tally.failures.map((failure) => ({ seed: SEED, ...failure }));

describe(`fuzzing the running app on ${engineName()} (seed ${SEED})`, () => {
  let app: RunningApp;
  let slack: FakeSlack;
  let connector: FakeConnector;
  let users: ChatUser[];
  let targets: BodyTargets;

  beforeAll(async () => {
    slack = await new FakeSlack().start();
    connector = await new FakeConnector().start();
    app = await startTestApp({
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_BOT_TOKEN: 'xoxb-fuzz',
      SLACK_API_URL: slack.apiUrl,
      TEAMS_SSO_JWKS_URL: `${connector.serviceUrl}jwks`,
      LOGBOOK_OPEN_SIGNUP: 'true',
      MAX_BODY_BYTES: String(MAX_BODY_BYTES),
    });
    // A multiple of the lanes, so each user's messages arrive in order.
    users = chatUsers(SEED, LANES * 4);
    await greetUsers(app.url, users, connector.serviceUrl);
    targets = {
      slackSigningSecret: SIGNING_SECRET,
      teamsServiceUrl: connector.serviceUrl,
      slackResponseUrl: slack.responseUrl('fuzz'),
      dashboard: await openDashboardSession(app.url),
      maxBodyBytes: MAX_BODY_BYTES,
    };
  });
  afterAll(async () => {
    await app?.stop();
    await slack?.stop();
    await connector?.stop();
  });

  it(`answers ${MESSAGES} garbage chat messages without a server error or a failure reply`, async () => {
    const tally = await runFuzz({ baseUrl: app.url, count: MESSAGES, lanes: LANES, make: (index) => chatMessage(SEED, index, users, connector.serviceUrl) });
    expect(failuresOf(tally)).toEqual([]);
    expect(tally.sent).toBe(MESSAGES);
    expect(tally.classes['2xx']).toBeGreaterThan(MESSAGES * 0.9);
  }, RUN_TIMEOUT_MS);

  it(`answers ${BODIES} malformed requests with a 4xx or 2xx, and every body over 1 MB with 413`, async () => {
    const tally = await runFuzz({ baseUrl: app.url, count: BODIES, lanes: LANES, make: (index) => malformedRequest(SEED, index, targets) });
    expect(failuresOf(tally)).toEqual([]);
    expect(tally.sent).toBe(BODIES);
    expect(tally.classes['4xx']).toBeGreaterThan(BODIES / 2);
    expect(tally.oversizedSent).toBeGreaterThan(0);
    expect(tally.oversizedAnswered413).toBe(tally.oversizedSent);
  }, RUN_TIMEOUT_MS);

  it('still answers its health check and a log message afterwards', async () => {
    const after = await serverStillAnswers(app.url);
    expect(after).toEqual({ ok: true, detail: expect.stringContaining('summary card') });
  });
});
