import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { runInNewContext } from 'node:vm';
import pino from 'pino';
import type restify from 'restify';
import { httpSender } from '../adapters/cli/commands/chat';
import { contentDisposition } from '../adapters/http/download-route';
import { createDownloads, type Downloads } from '../adapters/http/downloads';
import { createHttpServer } from '../adapters/http/server';
import { registerWebChat } from '../adapters/local/web-chat';
import { DELIVERY_PHRASES } from '../adapters/phrases';
import { createSlackChannel, type SlackChannel } from '../adapters/slack/slack-channel';
import { createTeamsChannel, type TeamsChannel } from '../adapters/teams/teams-channel';
import { safeFilename } from '../adapters/terminal/save-attachment';
import { runTerminalChat } from '../adapters/terminal/terminal-chat';
import { ConfigError, loadConfig } from '../app/config';
import type { Logger } from '../app/logger';
import type { Core } from '../bot/core';
import { LOCALES } from '../bot/locale';
import type { Attachment, Incoming, Reply } from '../bot/messages';
import type { Database } from '../storage/database';
import { createDownloadStore } from '../storage/download-store';
import { storedLinkSecret } from '../storage/link-secret';
import { ensureOrganisation } from '../storage/organisations';
import { runRetention } from '../storage/retention';
import { engineName, openTestDatabase } from './support/database';
import { FakeConnector, type ConnectorCall } from './support/fake-connector';
import { FakeSlack } from './support/fake-slack';
import { postCommand, postEvent, SIGNING_SECRET } from './support/slack-signing';
import { personalMessage, TENANT, teamsUser } from './support/teams-activities';

const ORGANISATION = 'Demo';
const SLACK_TEAM = 'T0FILES';
const PUBLIC = 'https://logbook.example.org';
const DAY = 24 * 60 * 60 * 1000;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

const chart: Attachment = {
  kind: 'image',
  filename: 'visits.png',
  contentType: 'image/png',
  data: new Uint8Array(PNG),
  description: 'Bar chart: visits per month, 2025',
};
/** A few MB, like an export of many entries. */
const workbook: Attachment = {
  kind: 'file',
  filename: 'Käynnit 2025.xlsx',
  contentType: XLSX,
  data: new Uint8Array(randomBytes(3 * 1024 * 1024)),
  description: 'Käynnit 2025 Excel-tiedostona',
};
const csv: Attachment = { kind: 'file', filename: 'entries.csv', contentType: 'text/csv; charset=utf-8', data: new Uint8Array(Buffer.from('date,total\n2025-01-02,14\n')), description: 'Entries as CSV' };

/** A core that answers by keyword with files; what the adapters do with them is under test, not the core. */
function fakeCore(): Core {
  return {
    async handle(incoming: Incoming): Promise<Reply[]> {
      if (incoming.text.includes('chart')) return [{ text: 'Here is the chart.', locale: 'en', attachments: [chart] }];
      if (incoming.text.includes('export')) return [{ text: 'Tässä vienti.', locale: 'fi', attachments: [workbook] }];
      if (incoming.text.includes('both')) return [{ text: 'Chart and data.', locale: 'en', attachments: [chart, csv] }];
      return [{ text: 'Nothing to send.', locale: 'en' }];
    },
  };
}

/** A logger that keeps its lines, so a test can see what was warned. */
function recordingLogger(): { logger: Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const logger = pino({ level: 'warn' }, { write: (line: string) => lines.push(JSON.parse(line)) });
  return { logger, lines };
}

interface Listening {
  url: string;
  close(): Promise<void>;
}

async function listen(server: restify.Server): Promise<Listening> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.server.close(() => resolve());
        server.server.closeAllConnections();
      }),
  };
}

/** The little of the DOM that chat.js uses, recording what it builds. */
interface FakeElement {
  tagName: string;
  children: FakeElement[];
  className: string;
  textContent: string;
  value: string;
  [property: string]: unknown;
}

function fakeElement(tagName: string): FakeElement {
  const listeners = new Map<string, ((event: unknown) => void)[]>();
  const element: FakeElement = {
    tagName: tagName.toUpperCase(),
    children: [],
    className: '',
    textContent: '',
    value: '',
    appendChild: (child: FakeElement) => element.children.push(child),
    append: (...children: FakeElement[]) => element.children.push(...children),
    addEventListener: (type: string, listener: (event: unknown) => void) => listeners.set(type, [...(listeners.get(type) ?? []), listener]),
    dispatch: (type: string) => listeners.get(type)?.forEach((listener) => listener({ preventDefault: () => undefined })),
    scrollIntoView: () => undefined,
  };
  return element;
}

/** Runs the local chat page's script against the server; `say` types a message and waits for the answer. */
function runChatPage(baseUrl: string): { log: FakeElement; say(text: string): Promise<void> } {
  const elements: Record<string, FakeElement> = { log: fakeElement('ol'), composer: fakeElement('form'), text: fakeElement('input'), locale: fakeElement('select') };
  elements.locale.value = 'en-GB';
  const storage = new Map<string, string>();
  const context = {
    document: { getElementById: (id: string) => elements[id], createElement: fakeElement },
    localStorage: { getItem: (key: string) => storage.get(key) ?? null, setItem: (key: string, value: string) => storage.set(key, value) },
    fetch: (url: string, init: RequestInit) => fetch(`${baseUrl}${url}`, init),
    crypto: { randomUUID },
    JSON,
  };
  runInNewContext(readFileSync(join(__dirname, '..', 'adapters', 'local', 'public', 'chat.js'), 'utf8'), context);
  return {
    log: elements.log,
    async say(text) {
      const before = elements.log.children.length;
      elements.text.value = text;
      (elements.composer.dispatch as (type: string) => void)('submit');
      for (let i = 0; i < 200 && elements.log.children.length < before + 2; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    },
  };
}

const bytesOf = async (response: Response) => Buffer.from(await response.arrayBuffer());
/** The path and query of a link, so an absolute PUBLIC_BASE_URL link can be fetched from the test server. */
const local = (base: string, link: string) => `${base}${link.replace(/^https?:\/\/[^/]+/, '')}`;

describe(`Downloads on ${engineName()}`, () => {
  let database: Database;
  let organisationId: string;
  let clock = new Date();
  let downloads: Downloads;
  let http: Listening;
  const silent = pino({ level: 'silent' });

  beforeAll(async () => {
    database = await openTestDatabase();
    const organisation = await ensureOrganisation(database.dataSource, {
      name: ORGANISATION,
      timeZone: 'Europe/Helsinki',
      teamsTenantId: TENANT,
      slackTeamId: SLACK_TEAM,
    });
    organisationId = organisation.id;
    downloads = await createDownloads(database.dataSource, { publicBaseUrl: `${PUBLIC}/`, now: () => clock });
    const server = createHttpServer({ logger: silent, maxBodyBytes: 1024 * 1024 });
    downloads.register(server);
    registerWebChat(server, fakeCore(), ORGANISATION, downloads.publisher);
    http = await listen(server);
  });
  beforeEach(() => {
    clock = new Date();
  });
  afterAll(async () => {
    await http.close();
    await database.close();
  });

  describe('signed links', () => {
    it('serves an image inline with its bytes, content type and private, no-store caching', async () => {
      const link = await downloads.publisher.publish({ channel: 'teams', tenant: TENANT }, chart);
      expect(link).toMatch(new RegExp(`^${PUBLIC}/downloads/[0-9a-f-]{36}\\?expires=\\d+&sig=[0-9a-f]{64}$`));
      const response = await fetch(local(http.url, link!));
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/png');
      expect(response.headers.get('content-disposition')).toBe(`inline; filename="visits.png"; filename*=UTF-8''visits.png`);
      expect(response.headers.get('cache-control')).toBe('private, no-store');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect((await bytesOf(response)).equals(PNG)).toBe(true);
    });

    it('serves a file of several MB as an attachment, its non-ASCII name encoded', async () => {
      const link = await downloads.publisher.publish({ channel: 'slack', tenant: SLACK_TEAM }, workbook);
      const response = await fetch(local(http.url, link!));
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe(XLSX);
      expect(response.headers.get('content-disposition')).toBe(`attachment; filename="K_ynnit 2025.xlsx"; filename*=UTF-8''K%C3%A4ynnit%202025.xlsx`);
      expect((await bytesOf(response)).equals(Buffer.from(workbook.data))).toBe(true);
    });

    it('never shows markup inline: an SVG or HTML "image" is an attachment', () => {
      expect(contentDisposition('attachment', 'a"b\\c%.svg')).toBe(`attachment; filename="a_b_c_.svg"; filename*=UTF-8''a%22b%5Cc%25.svg`);
    });

    it('keeps files of the organisation the channel workspace belongs to, and none for an unknown workspace', async () => {
      const link = await downloads.publisher.publish({ channel: 'local', tenant: ORGANISATION }, csv, { relative: true });
      expect(link).toMatch(/^\/downloads\//);
      const id = /\/downloads\/([^?]+)/.exec(link!)![1];
      const [row] = await database.dataSource.query('SELECT organisation_id, filename, content_type FROM downloads WHERE id = $1', [id]);
      expect(row).toEqual({ organisation_id: organisationId, filename: 'entries.csv', content_type: 'text/csv; charset=utf-8' });
      expect(await downloads.publisher.publish({ channel: 'teams', tenant: 'another-tenant' }, csv)).toBeNull();
    });

    it('answers 403 to a tampered signature, another file’s signature or a changed expiry', async () => {
      const link = local(http.url, (await downloads.publisher.publish({ channel: 'teams', tenant: TENANT }, chart))!);
      const other = local(http.url, (await downloads.publisher.publish({ channel: 'teams', tenant: TENANT }, csv))!);
      const sig = /sig=([0-9a-f]+)/.exec(link)![1];
      const flipped = `${sig.slice(0, -1)}${sig.endsWith('0') ? '1' : '0'}`;
      const expires = Number(/expires=(\d+)/.exec(link)![1]);
      for (const url of [
        link.replace(sig, flipped),
        link.replace(/sig=[0-9a-f]+/, `sig=${/sig=([0-9a-f]+)/.exec(other)![1]}`),
        link.replace(/expires=\d+/, `expires=${expires + 3600}`),
        link.replace(/&sig=[0-9a-f]+/, ''),
        link.replace(/sig=[0-9a-f]+/, 'sig=not-hex'),
      ]) {
        const response = await fetch(url);
        expect(response.status).toBe(403);
        expect(response.headers.get('cache-control')).toBe('private, no-store');
      }
    });

    it('answers 410 once the link has expired: images after 30 days, files after 24 hours', async () => {
      const image = local(http.url, (await downloads.publisher.publish({ channel: 'teams', tenant: TENANT }, chart))!);
      const file = local(http.url, (await downloads.publisher.publish({ channel: 'teams', tenant: TENANT }, csv))!);
      const start = clock.getTime();
      clock = new Date(start + DAY - 60_000);
      expect((await fetch(file)).status).toBe(200);
      clock = new Date(start + DAY + 1000);
      expect((await fetch(file)).status).toBe(410);
      expect((await fetch(image)).status).toBe(200);
      clock = new Date(start + 30 * DAY - 60_000);
      expect((await fetch(image)).status).toBe(200);
      clock = new Date(start + 30 * DAY + 1000);
      expect((await fetch(image)).status).toBe(410);
    });

    it('answers 404 to a validly signed link of a file that does not exist', async () => {
      const link = downloads.links.url(randomUUID(), new Date(clock.getTime() + DAY));
      expect((await fetch(local(http.url, link))).status).toBe(404);
      expect((await fetch(`${http.url}/downloads/not-a-uuid?expires=1&sig=00`)).status).toBe(403);
    });

    it('signs with one secret kept in the database, so every instance accepts every link', async () => {
      const secret = await storedLinkSecret(database.dataSource);
      expect(secret).toMatch(/^[0-9a-f]{64}$/);
      expect(await storedLinkSecret(database.dataSource)).toBe(secret);
      const other = await createDownloads(database.dataSource, { publicBaseUrl: PUBLIC });
      const link = await other.publisher.publish({ channel: 'teams', tenant: TENANT }, chart);
      expect((await fetch(local(http.url, link!))).status).toBe(200);
    });

    it('uses LOGBOOK_LINK_SECRET when set (at least 32 characters); its links fail elsewhere', async () => {
      expect(() => loadConfig({ LOGBOOK_LINK_SECRET: 'too short' })).toThrow(ConfigError);
      const secret = loadConfig({ LOGBOOK_LINK_SECRET: 'x'.repeat(40) }).LOGBOOK_LINK_SECRET;
      const configured = await createDownloads(database.dataSource, { secret });
      const link = await configured.publisher.publish({ channel: 'teams', tenant: TENANT }, chart);
      expect(link).toMatch(/^\/downloads\//);
      expect((await fetch(`${http.url}${link}`)).status).toBe(403);
    });
  });

  describe('the local web chat', () => {
    it('sends files as links, never bytes, and the image link downloads the PNG', async () => {
      const response = await fetch(`${http.url}/api/local/messages`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ text: 'chart please', user: 'web-user' }),
      });
      expect(response.status).toBe(200);
      const body = (await response.json()) as { replies: { text: string; attachments: Record<string, unknown>[] }[] };
      expect(body.replies[0].text).toBe('Here is the chart.');
      expect(body.replies[0].attachments).toEqual([
        {
          kind: 'image',
          filename: 'visits.png',
          contentType: 'image/png',
          description: 'Bar chart: visits per month, 2025',
          url: expect.stringMatching(/^\/downloads\/[0-9a-f-]{36}\?expires=\d+&sig=[0-9a-f]{64}$/),
        },
      ]);
      const image = await fetch(`${http.url}${String(body.replies[0].attachments[0].url)}`);
      expect(image.status).toBe(200);
      expect((await bytesOf(image)).equals(PNG)).toBe(true);
    });

    it('renders an image with its description as alt text and a file as a download link in the page', async () => {
      const page = runChatPage(http.url);
      await page.say('both');
      const reply = page.log.children.find((item) => item.className === 'bot' && item.textContent === 'Chart and data.')!;
      const [figure, link] = reply.children;
      const [image] = figure.children;
      expect(image).toMatchObject({ tagName: 'IMG', alt: chart.description });
      expect((await bytesOf(await fetch(`${http.url}${image.src}`))).equals(PNG)).toBe(true);
      expect(link).toMatchObject({ tagName: 'A', download: 'entries.csv', textContent: csv.description });
      expect(link.children[0].textContent).toBe(' (entries.csv)');
      expect(link.href).toMatch(/^\/downloads\//);
    });

    it('gives the terminal chat (--url) the files’ bytes through their links', async () => {
      const [reply] = await httpSender(http.url, 'terminal-user', 'en')('both', null);
      expect(reply.attachments?.map((a) => [a.kind, a.filename, Buffer.from(a.data).toString('base64')])).toEqual([
        ['image', 'visits.png', PNG.toString('base64')],
        ['file', 'entries.csv', Buffer.from(csv.data).toString('base64')],
      ]);
    });
  });

  describe('Teams', () => {
    let connector: FakeConnector;
    let teams: TeamsChannel;
    let teamsHttp: Listening;
    const recorded = recordingLogger();

    beforeAll(async () => {
      connector = await new FakeConnector().start();
      const server = createHttpServer({ logger: silent, maxBodyBytes: 1024 * 1024 });
      teams = createTeamsChannel({ appType: 'MultiTenant', slowReplyMs: 5000, downloads: downloads.publisher }, fakeCore(), recorded.logger);
      teams.register(server);
      teamsHttp = await listen(server);
    });
    afterAll(async () => {
      await teams.drain();
      await teamsHttp.close();
      await connector.stop();
    });

    type Sent = { text?: string; attachments?: { contentType: string; contentUrl?: string; content?: Record<string, unknown> }[] };
    const sentTo = (conversation: string, text: string) =>
      connector.waitFor((call) => call.method === 'POST' && call.path.includes(encodeURIComponent(conversation)) && String(call.body.text ?? '').startsWith(text));

    async function say(text: string): Promise<Sent> {
      const user = teamsUser();
      const message = personalMessage(connector.serviceUrl, user, text);
      const response = await fetch(`${teamsHttp.url}/api/messages`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(message) });
      expect(response.status).toBe(200);
      const call: ConnectorCall = await sentTo(message.conversation.id, '');
      return call.body as Sent;
    }

    it('shows a chart as an Adaptive Card Image at its signed https link, with the description as alt text', async () => {
      const sent = await say('chart');
      expect(sent.text).toBe('Here is the chart.');
      const [card] = sent.attachments!;
      expect(card.contentType).toBe('application/vnd.microsoft.card.adaptive');
      const [image] = card.content!.body as { type: string; url: string; altText: string }[];
      expect(image).toMatchObject({ type: 'Image', altText: chart.description });
      expect(image.url.startsWith(`${PUBLIC}/downloads/`)).toBe(true);
      expect((await bytesOf(await fetch(local(http.url, image.url)))).equals(PNG)).toBe(true);
    });

    it('offers a file with an Action.OpenUrl download button in the reply’s language', async () => {
      const sent = await say('export');
      const card = sent.attachments![0].content as { body: { text: string }[]; actions: { type: string; title: string; url: string }[] };
      expect(card.body.map((b) => b.text)).toEqual([workbook.description, workbook.filename]);
      expect(card.actions).toEqual([expect.objectContaining({ type: 'Action.OpenUrl', title: 'Lataa', url: expect.stringMatching(`^${PUBLIC}/downloads/`) })]);
      const file = await fetch(local(http.url, card.actions[0].url));
      expect((await bytesOf(file)).equals(Buffer.from(workbook.data))).toBe(true);
    });

    it('renders files in proactive messages too', async () => {
      const user = teamsUser();
      const reference = {
        channelId: 'msteams',
        serviceUrl: connector.serviceUrl,
        conversation: { id: `a:proactive-${user.aadObjectId}`, conversationType: 'personal', tenantId: TENANT },
        user,
        bot: { id: '28:bot', name: 'Logbook' },
      };
      await teams.sender.send(reference, [{ text: 'Your monthly chart.', locale: 'en', attachments: [chart] }]);
      const call = await sentTo(reference.conversation.id, 'Your monthly chart.');
      const image = ((call.body as Sent).attachments![0].content!.body as { url: string }[])[0];
      expect(image.url.startsWith(`${PUBLIC}/downloads/`)).toBe(true);
    });

    it('without PUBLIC_BASE_URL, sends the image inline and says that downloads need it', async () => {
      const plain = await createDownloads(database.dataSource, { now: () => clock });
      const server = createHttpServer({ logger: silent, maxBodyBytes: 1024 * 1024 });
      const logged = recordingLogger();
      const channel = createTeamsChannel({ appType: 'MultiTenant', slowReplyMs: 5000, downloads: plain.publisher }, fakeCore(), logged.logger);
      channel.register(server);
      const bare = await listen(server);
      try {
        const user = teamsUser();
        const message = personalMessage(connector.serviceUrl, user, 'both');
        await fetch(`${bare.url}/api/messages`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(message) });
        const sent = (await sentTo(message.conversation.id, 'Chart and data.')).body as Sent;
        expect(sent.text).toContain('PUBLIC_BASE_URL');
        expect(sent.attachments).toEqual([{ contentType: 'image/png', contentUrl: `data:image/png;base64,${PNG.toString('base64')}`, name: 'visits.png' }]);
        expect(logged.lines.some((line) => line.level === 40 && String(line.msg).includes('PUBLIC_BASE_URL'))).toBe(true);
      } finally {
        await channel.drain();
        await bare.close();
      }
    });
  });

  describe('Slack', () => {
    let fake: FakeSlack;
    let slack: SlackChannel;
    let slackHttp: Listening;
    const recorded = recordingLogger();
    let counter = 0;

    const dm = (user: string, text: string, extra: Record<string, unknown> = {}) => ({
      type: 'event_callback',
      team_id: SLACK_TEAM,
      event_id: `EvFILES${++counter}`,
      event_time: Math.floor(Date.now() / 1000),
      authorizations: [{ team_id: SLACK_TEAM, user_id: 'U0BOT', is_bot: true }],
      event: { type: 'message', channel_type: 'im', channel: `D${user}`, user, text, ts: `1764000000.${String(counter).padStart(6, '0')}`, client_msg_id: `cmid-files-${counter}`, team: SLACK_TEAM, ...extra },
    });

    beforeAll(async () => {
      fake = await new FakeSlack().start();
      const server = createHttpServer({ logger: silent, maxBodyBytes: 1024 * 1024 });
      slack = createSlackChannel({ signingSecret: SIGNING_SECRET, botToken: 'xoxb-files', apiUrl: fake.apiUrl, retries: 0 }, fakeCore(), recorded.logger);
      slack.register(server);
      await slack.start();
      slackHttp = await listen(server);
    });
    afterAll(async () => {
      await slackHttp.close();
      await slack.stop();
      await fake.stop();
    });

    it('uploads a file with files.uploadV2 into the DM: the bytes, name and title reach Slack', async () => {
      expect((await postEvent(slackHttp.url, dm('UFILES1', 'export'))).status).toBe(200);
      await slack.drain();
      const [file] = fake.files;
      expect(file).toMatchObject({ filename: workbook.filename, title: workbook.description, channelId: 'DUFILES1', threadTs: null });
      expect(file.data.equals(Buffer.from(workbook.data))).toBe(true);
      expect(fake.posts('files.getUploadURLExternal')[0].body).toMatchObject({ filename: workbook.filename, length: String(workbook.data.byteLength) });
      const [post] = fake.posts().filter((call) => call.body.channel === 'DUFILES1');
      expect(post.body.text).toBe('Tässä vienti.');
    });

    it('uploads a chart into the thread it was asked in, with its description as alt text', async () => {
      await postEvent(slackHttp.url, dm('UFILES2', 'chart', { thread_ts: '1764000000.000001' }));
      await slack.drain();
      const file = fake.files.find((f) => f.channelId === 'DUFILES2')!;
      expect(file).toMatchObject({ filename: 'visits.png', title: chart.description, altText: chart.description, threadTs: '1764000000.000001' });
      expect(file.data.equals(PNG)).toBe(true);
    });

    it('uploads nothing for a slash command in a shared channel, whose answer only the user sees, and says why', async () => {
      const responses = fake.calls.length;
      await postCommand(slackHttp.url, {
        command: '/logbook',
        text: 'chart',
        team_id: SLACK_TEAM,
        team_domain: 'youth',
        user_id: 'UFILES4',
        user_name: 'worker',
        channel_id: 'C0GENERAL',
        channel_name: 'general',
        response_url: fake.responseUrl('files-4'),
        trigger_id: 'trigger.files.4',
      });
      await slack.drain();
      const answer = fake.calls.slice(responses).find((call) => call.method === '/response/files-4')!;
      expect(answer.body).toMatchObject({ response_type: 'ephemeral', text: 'Here is the chart.\n\nI can send the file visits.png only in a direct message with me: ask me there.' });
      expect(fake.calls.slice(responses).some((call) => call.method.startsWith('files.'))).toBe(false);
    });

    it('still sends the text when an upload fails, with a note, and logs the failure', async () => {
      fake.uploadError = 'file_uploads_disabled';
      try {
        await postEvent(slackHttp.url, dm('UFILES3', 'chart'));
        await slack.drain();
      } finally {
        fake.uploadError = null;
      }
      expect(fake.files.some((f) => f.channelId === 'DUFILES3')).toBe(false);
      const [post] = fake.posts().filter((call) => call.body.channel === 'DUFILES3');
      expect(post.body.text).toBe('Here is the chart.\n\nSorry, I could not send the file visits.png.');
      expect(recorded.lines.some((line) => line.level === 50 && String(line.msg).includes('upload failed'))).toBe(true);
    });
  });

  describe('the terminal chat', () => {
    it('writes files into the download folder and prints their paths, never overwriting', async () => {
      const directory = mkdtempSync(join(tmpdir(), 'logbook-downloads-'));
      const output = new PassThrough();
      let printed = '';
      output.on('data', (chunk: Buffer) => (printed += chunk));
      const core = fakeCore();
      const send = (text: string) => core.handle({ channel: 'terminal', tenant: ORGANISATION, user: { id: 'me' }, conversation: { id: 'me' }, text, locale: 'en' });
      try {
        await runTerminalChat(send, Readable.from(['chart\n', 'chart\n']), output, { downloadDir: directory });
        const first = join(directory, 'visits.png');
        const second = join(directory, 'visits (2).png');
        expect(readFileSync(first).equals(PNG)).toBe(true);
        expect(readFileSync(second).equals(PNG)).toBe(true);
        expect(printed).toContain(`${chart.description}: saved to ${first}`);
        expect(printed).toContain(second);
      } finally {
        rmSync(directory, { recursive: true, force: true });
      }
    });

    it('keeps a file name inside the folder', () => {
      expect(safeFilename('../../etc/passwd')).toBe('passwd');
      expect(safeFilename('..\\..\\boot.ini')).toBe('boot.ini');
      expect(safeFilename('.hidden')).toBe('hidden');
      expect(safeFilename('a\nb:c.csv')).toBe('a_b_c.csv');
      expect(safeFilename('..')).toBe('download');
    });
  });

  describe('retention', () => {
    it('deletes expired downloads of each organisation and counts them; live ones stay', async () => {
      const old = createDownloadStore(database.dataSource, () => new Date(Date.now() - 40 * DAY));
      const expired = await old.save(organisationId, chart, 30 * DAY);
      const live = await createDownloadStore(database.dataSource).save(organisationId, chart, 30 * DAY);
      const result = await runRetention(database.dataSource);
      expect(result.downloadsDeleted).toBe(1);
      const ids = (await database.dataSource.query('SELECT id FROM downloads WHERE id = ANY($1::uuid[])', [[expired.id, live.id]])).map((r: { id: string }) => r.id);
      expect(ids).toEqual([live.id]);
    });

    it('lets the store delete every expired download and never loads one', async () => {
      const later = createDownloadStore(database.dataSource, () => new Date(Date.now() + 31 * DAY));
      const saved = await createDownloadStore(database.dataSource).save(organisationId, chart, 30 * DAY);
      expect(await createDownloadStore(database.dataSource).load(saved.id)).toMatchObject({ filename: 'visits.png', contentType: 'image/png' });
      expect(await later.load(saved.id)).toBeNull();
      expect(await later.deleteExpired()).toBeGreaterThanOrEqual(1);
      expect(await createDownloadStore(database.dataSource).load(saved.id)).toBeNull();
    });
  });

  it.each(Object.keys(DELIVERY_PHRASES))('phrase %s exists in fi, sv and en with the same parameters', (key) => {
    const phrase = DELIVERY_PHRASES[key as keyof typeof DELIVERY_PHRASES];
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const locale of LOCALES) expect(phrase[locale].trim()).not.toBe('');
    expect(placeholders(phrase.fi)).toEqual(placeholders(phrase.en));
    expect(placeholders(phrase.sv)).toEqual(placeholders(phrase.en));
  });
});
