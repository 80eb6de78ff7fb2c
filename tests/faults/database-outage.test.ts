import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { RunningApp } from '../../app/app';
import { t } from '../../bot/i18n';
import type { Locale } from '../../bot/locale';
import { startTestApp } from '../support/app';
import { ChatUser, texts } from '../support/local-chat';
import { PrivatePostgres } from '../support/private-postgres';

const LOG_TEXT: Record<Locale, (tag: string) => string> = {
  en: (tag) => `Drop-in tonight, 14 kids, 8 girls and 6 boys, talked about exams and vaping, ref ${tag}`,
  fi: (tag) => `Avoin ilta tänään, 12 nuorta, puhuttiin koulusta, viite ${tag}`,
  sv: (tag) => `Öppen kväll igår 17-21, 23 ungdomar varav 3 nya, pratade om mobbning, ref ${tag}`,
};
const YES: Record<Locale, string> = { en: 'yes', fi: 'kyllä', sv: 'ja' };
const USERS_PER_LOCALE = 4;
const OUTAGE_MS = 4000;
const LOAD_AFTER_RECOVERY_MS = 3000;
/** A reply slower than this counts as a hang. */
const HANG_MS = 5000;
/** A user who still gets no answer after this long gives up and fails the test. */
const STEP_DEADLINE_MS = 20_000;
const RETRY_PAUSE_MS = 200;

/** A tag of letters only, so that numbers in it cannot change how the log is read. */
const tagOf = (user: number, round: number) =>
  `q${[...`${user}z${round}`].map((c) => (c === 'z' ? 'z' : 'bcdfghjklm'[Number(c)])).join('')}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Load {
  stopping: boolean;
  /** Source message ids of the entries whose save a user saw confirmed, with when. */
  confirmed: { sourceMessageId: string; at: number }[];
  /** Logs where a step had to be sent again because the bot said nothing was saved. */
  resent: Set<string>;
  outageReplies: Record<Locale, number>;
  unexpected: string[];
  latencies: number[];
}

/**
 * One worker logging sessions over the local web chat: the log, then "yes". A step that gets the
 * "nothing was saved" answer is sent again with the same message id, as a channel's retry would be.
 */
async function worker(baseUrl: string, index: number, locale: Locale, load: Load): Promise<void> {
  const user = new ChatUser(baseUrl, `outage-worker-${index}`, locale);
  const step = async (text: string, messageId: string, logId: string, expected: string): Promise<number> => {
    const began = Date.now();
    for (;;) {
      const sent = Date.now();
      const answer = texts(await user.say(text, messageId));
      load.latencies.push(Date.now() - sent);
      if (answer.includes(expected)) return Date.now();
      if (answer !== t(locale, 'unavailable')) throw new Error(`${locale} worker ${index} got ${JSON.stringify(answer)} instead of ${JSON.stringify(expected)}`);
      load.outageReplies[locale]++;
      load.resent.add(logId);
      if (Date.now() - began > STEP_DEADLINE_MS) throw new Error(`${locale} worker ${index} got no answer for ${STEP_DEADLINE_MS} ms`);
      await sleep(RETRY_PAUSE_MS);
    }
  };
  try {
    for (let round = 0; !load.stopping; round++) {
      const logId = randomUUID();
      await step(LOG_TEXT[locale](tagOf(index, round)), logId, logId, t(locale, 'summaryIntro'));
      const savedAt = await step(YES[locale], randomUUID(), logId, t(locale, 'saved'));
      load.confirmed.push({ sourceMessageId: `local:${logId}`, at: savedAt });
    }
  } catch (error) {
    load.unexpected.push((error as Error).message);
  }
}

/** How long a turn's query waits for the database in these tests, well under HANG_MS. */
const QUERY_TIMEOUT_SECONDS = '1';

/** A stopped server refuses connections; a frozen one (SIGSTOP) keeps them open and answers nothing. */
const OUTAGES: Record<string, { begin(server: PrivatePostgres): Promise<void>; end(server: PrivatePostgres): Promise<void> }> = {
  stopped: { begin: (server) => server.stop('immediate'), end: (server) => server.start() },
  frozen: { begin: (server) => server.signal('SIGSTOP'), end: (server) => server.signal('SIGCONT') },
};

describe.each(Object.keys(OUTAGES))('the database is %s under load and comes back', (kind) => {
  const outage = OUTAGES[kind];
  let postgres: PrivatePostgres | undefined;
  let app: RunningApp | undefined;

  beforeAll(async () => {
    postgres = await PrivatePostgres.create();
    app = await startTestApp({ DATABASE_QUERY_TIMEOUT_SECONDS: QUERY_TIMEOUT_SECONDS }, { databaseUrl: postgres.url, dataDir: null });
  }, 60_000);
  afterAll(async () => {
    try {
      await app?.stop();
    } finally {
      await postgres?.destroy();
    }
  });

  it('answers "nothing was saved" during the outage, recovers by itself, and saves every confirmed entry exactly once', async () => {
    const server = postgres!;
    const running = app!;
    const load: Load = { stopping: false, confirmed: [], resent: new Set(), outageReplies: { en: 0, fi: 0, sv: 0 }, unexpected: [], latencies: [] };
    const locales: Locale[] = ['en', 'fi', 'sv'];
    const workers = locales.flatMap((locale, l) =>
      Array.from({ length: USERS_PER_LOCALE }, (_, i) => worker(running.url, l * USERS_PER_LOCALE + i, locale, load)),
    );
    const health = async () => (await fetch(`${running.url}/healthz`)).status;

    while (load.confirmed.length < workers.length && !load.unexpected.length) await sleep(50);
    const confirmedBefore = load.confirmed.length;
    await outage.begin(server);
    const down = Date.now();
    let healthDuringOutage: number;
    let outageRepliesDuring: number;
    try {
      await sleep(OUTAGE_MS / 2);
      healthDuringOutage = await health();
      await sleep(OUTAGE_MS / 2);
      outageRepliesDuring = Object.values(load.outageReplies).reduce((a, b) => a + b, 0);
    } finally {
      await outage.end(server);
    }
    const back = Date.now();
    await sleep(LOAD_AFTER_RECOVERY_MS);
    load.stopping = true;
    await Promise.all(workers);
    const firstSaveAfter = load.confirmed.find((c) => c.at > back);
    console.log(
      `database ${kind}: ${load.confirmed.length} confirmed entries (${confirmedBefore} before the outage), ` +
        `outage replies ${JSON.stringify(load.outageReplies)} (${outageRepliesDuring} while down for ${back - down} ms), ` +
        `${load.resent.size} logs re-sent, first save ${firstSaveAfter ? firstSaveAfter.at - back : '-'} ms after the database was back, ` +
        `slowest reply ${Math.max(...load.latencies)} ms of ${load.latencies.length}`,
    );

    expect(load.unexpected).toEqual([]);
    // Every language got the clear answer while the database was away, and no reply hung.
    expect(Math.min(...Object.values(load.outageReplies))).toBeGreaterThan(0);
    expect(Math.max(...load.latencies)).toBeLessThan(HANG_MS);
    expect(healthDuringOutage).toBe(503);
    // Recovered without a restart: new logs were saved after the database came back.
    expect(firstSaveAfter).toBeDefined();
    expect(await health()).toBe(200);

    const db = new Client({ connectionString: server.url });
    await db.connect();
    try {
      const rows = await db.query<{ source_message_id: string; notes: string }>(
        "SELECT source_message_id, notes FROM entries WHERE channel = 'local' AND deleted_at IS NULL",
      );
      const confirmedIds = load.confirmed.map((c) => c.sourceMessageId).sort();
      // Exactly the confirmed entries, each once: nothing lost, nothing saved twice.
      expect(rows.rows.map((row) => row.source_message_id).sort()).toEqual(confirmedIds);
      expect(new Set(rows.rows.map((row) => row.notes)).size).toBe(rows.rows.length);
      // The logs sent again after "nothing was saved" are among them, once each.
      expect(load.resent.size).toBeGreaterThan(0);
      for (const logId of load.resent) expect(confirmedIds.filter((id) => id === `local:${logId}`)).toHaveLength(1);
    } finally {
      await db.end();
    }
  });
});
