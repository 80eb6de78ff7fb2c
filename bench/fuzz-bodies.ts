/**
 * Malformed HTTP requests to every route that takes a body (Teams, the local chat, Slack's three, the dashboard's
 * sign-in and entry edit) and to the GET routes that read a query (dashboard, downloads): broken JSON, wrong
 * types, wrong or missing content types, bodies over the limit, invalid UTF-8, empty bodies, compressed
 * bodies, bad Slack signatures, oversized or garbage headers, garbage queries. Slack bodies are mostly signed
 * correctly, so they pass the signature check and reach the parsers.
 */
import { gzipSync } from 'node:zlib';
import { computeSlackSignature } from '../adapters/slack/signature';
import type { FuzzRequest } from './fuzz-http';
import { cardValue } from './fuzz-messages';
import { Random } from './fuzz-random';
import { deeplyNested, garbageJson, garbageText, garbageWord, randomCodePoints } from './fuzz-text';
import { BOT_ID, UNUSED_SERVICE_URL } from './teams-activities';

export interface BodyTargets {
  slackSigningSecret: string;
  /** A loopback Teams connector. */
  teamsServiceUrl: string;
  /** A loopback address that takes Slack response_url posts; no other address is ever put in a body. */
  slackResponseUrl: string;
  /** A dashboard session of a local mentor, and one of their entries. */
  dashboard: { session: string; entryId: string };
  maxBodyBytes: number;
}

type Route = 'teams' | 'local' | 'tabSession' | 'tabEntry' | 'slackEvents' | 'slackCommands' | 'slackInteractions';

const PATHS: Record<Route, string> = {
  teams: '/api/messages',
  local: '/api/local/messages',
  tabSession: '/api/tab/session',
  tabEntry: '/api/tab/entries/',
  slackEvents: '/slack/events',
  slackCommands: '/slack/commands',
  slackInteractions: '/slack/interactions',
};

const ROUTE_WEIGHTS: readonly (readonly [number, Route])[] = [
  [5, 'teams'],
  [4, 'local'],
  [2, 'tabSession'],
  [2, 'tabEntry'],
  [3, 'slackEvents'],
  [2, 'slackCommands'],
  [2, 'slackInteractions'],
];

const isSlack = (route: Route) => route.startsWith('slack');
const FORM = 'application/x-www-form-urlencoded';
const JSON_TYPE = 'application/json';
const SLACK_TEAMS = ['TFUZZ0', 'TFUZZ1', 'TFUZZ2'] as const;
/** Where a Slack or Teams body may point the server: only loopback addresses, or strings that are no address. */
const serviceUrl = (rng: Random, targets: BodyTargets): unknown => rng.pick([targets.teamsServiceUrl, targets.teamsServiceUrl, UNUSED_SERVICE_URL, 'not a url', '', 7, null]);
const responseUrl = (rng: Random, targets: BodyTargets): unknown => rng.pick([targets.slackResponseUrl, targets.slackResponseUrl, 'not a url', '', 'ftp://127.0.0.1:9/x']);

/** A plausible body of the route as a value (JSON routes, and the fields of Slack's forms). */
function plausible(rng: Random, route: Route, targets: BodyTargets): Record<string, unknown> {
  const text = garbageText(rng, 300);
  switch (route) {
    case 'teams': {
      const tenant = `fuzz-tenant-${rng.int(0, 5)}`;
      const user = { id: `29:fuzz-${rng.int(0, 50)}`, aadObjectId: `fuzz-aad-${rng.int(0, 50)}`, name: garbageWord(rng) };
      return {
        type: rng.pick(['message', 'message', 'invoke', 'conversationUpdate', 'event']),
        id: `fuzz-${rng.int(0, 2 ** 31)}`,
        timestamp: new Date().toISOString(),
        channelId: 'msteams',
        serviceUrl: serviceUrl(rng, targets),
        deliveryMode: 'expectReplies',
        from: user,
        conversation: { conversationType: 'personal', tenantId: tenant, id: `a:fuzz-${user.id}` },
        recipient: { id: BOT_ID, name: 'Logbook' },
        entities: [{ locale: 'fi-FI', platform: 'Web', type: 'clientInfo' }],
        channelData: { tenant: { id: tenant } },
        locale: rng.pick(['fi-FI', 'sv-SE', 'en-US']),
        text,
        value: rng.chance(0.3) ? cardValue(rng) : undefined,
        membersAdded: rng.chance(0.1) ? [{ id: BOT_ID }] : undefined,
        name: rng.chance(0.1) ? 'adaptiveCard/action' : undefined,
      };
    }
    case 'local':
      return { user: `fuzz-body-${rng.int(0, 30)}`, locale: rng.pick(['fi', 'sv', 'en']), text, actionData: rng.chance(0.2) ? cardValue(rng) : undefined, messageId: `fuzz-${rng.int(0, 2 ** 31)}` };
    case 'tabSession':
      return { signInToken: rng.chance(0.5) ? garbageWord(rng) : 'A'.repeat(rng.int(0, 64)) };
    case 'tabEntry':
      return {
        notes: rng.chance(0.7) ? text : null,
        date: rng.pick(['2025-03-01', '2025-02-30', '1900-01-01', '9999-12-31', garbageWord(rng)]),
        durationMinutes: rng.pick([90, 0, -1, 1e9, 1.5]),
        participants: { total: rng.int(-1, 200), girls: rng.int(0, 10) },
        themes: rng.chance(0.5) ? ['school'] : [garbageWord(rng)],
        workForm: rng.pick(['open', 'group', 'camp', 'x']),
      };
    case 'slackEvents': {
      const team = rng.pick(SLACK_TEAMS);
      const user = `UFUZZ${rng.int(0, 9)}`;
      return {
        type: rng.pick(['event_callback', 'event_callback', 'event_callback', 'url_verification', 'app_rate_limited', garbageWord(rng)]),
        challenge: garbageWord(rng),
        team_id: team,
        event_id: `Ev${rng.int(0, 2 ** 31)}`,
        authorizations: [{ user_id: 'UFUZZBOT', is_bot: true }],
        event: {
          type: rng.pick(['message', 'app_mention', 'reaction_added']),
          channel_type: 'im',
          user,
          channel: `D${user}`,
          ts: `${rng.int(1_700_000_000, 1_800_000_000)}.000100`,
          client_msg_id: `fuzz-${rng.int(0, 2 ** 31)}`,
          text,
          ...(rng.chance(0.1) ? { subtype: 'bot_message' } : {}),
        },
      };
    }
    case 'slackCommands':
      return {
        team_id: rng.pick(SLACK_TEAMS),
        team_domain: garbageWord(rng),
        user_id: `UFUZZ${rng.int(0, 9)}`,
        user_name: garbageWord(rng),
        channel_id: `DFUZZ${rng.int(0, 9)}`,
        channel_name: rng.pick(['directmessage', 'general', garbageWord(rng)]),
        command: '/logbook',
        text,
        response_url: responseUrl(rng, targets),
        trigger_id: `fuzz.${rng.int(0, 2 ** 31)}`,
        ...(rng.chance(0.05) ? { ssl_check: '1' } : {}),
      };
    case 'slackInteractions': {
      const user = `UFUZZ${rng.int(0, 9)}`;
      return {
        type: rng.pick(['block_actions', 'block_actions', 'view_submission', 'shortcut', garbageWord(rng)]),
        user: { id: user, team_id: rng.pick(SLACK_TEAMS), name: garbageWord(rng) },
        team: { id: rng.pick(SLACK_TEAMS) },
        channel: { id: `D${user}` },
        container: { type: 'message', is_ephemeral: rng.chance(0.3), channel_id: `D${user}` },
        message: { ts: '1700000000.000100' },
        trigger_id: `fuzz.${rng.int(0, 2 ** 31)}`,
        response_url: responseUrl(rng, targets),
        actions: [{ action_id: rng.chance(0.8) ? `logbook:${rng.int(0, 3)}` : garbageWord(rng), value: JSON.stringify(cardValue(rng)), action_ts: '1700000000.1' }],
      };
    }
  }
}

/** The route's body as it normally arrives: JSON, a form, or Slack's form with a JSON payload field. */
function encode(route: Route, value: unknown): { body: Buffer; contentType: string } {
  if (route === 'slackCommands') {
    const fields = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : { value };
    const form = new URLSearchParams(Object.entries(fields).map(([key, field]): [string, string] => [key, typeof field === 'string' ? field : (JSON.stringify(field) ?? '')]));
    return { body: Buffer.from(form.toString()), contentType: FORM };
  }
  if (route === 'slackInteractions') {
    return { body: Buffer.from(new URLSearchParams({ payload: JSON.stringify(value) ?? '' }).toString()), contentType: FORM };
  }
  return { body: Buffer.from(JSON.stringify(value) ?? ''), contentType: JSON_TYPE };
}

/** A value of another JSON type than `value`. */
function otherType(rng: Random, value: unknown): unknown {
  for (let tries = 0; tries < 10; tries++) {
    const other = rng.pick<unknown>([garbageJson(rng, 2), [], {}, null, 0, -1, '', true, 'x', [null], { '': {} }, 1e308]);
    if (typeof other !== typeof value || Array.isArray(other) !== Array.isArray(value) || (other === null) !== (value === null)) return other;
  }
  return null;
}

/** Replaces 1–3 fields, at any depth, with values of another type, or leaves them out. */
function withWrongTypes(rng: Random, value: Record<string, unknown>): unknown {
  if (rng.chance(0.15)) return rng.pick<unknown>([[], [value], 0, 42, -1.5, 'text', '', null, true, false]);
  const copy = structuredClone(value) as Record<string, unknown>;
  for (let changes = rng.int(1, 3); changes > 0; changes--) {
    let holder: Record<string, unknown> = copy;
    for (;;) {
      const keys = Object.keys(holder);
      if (!keys.length) break;
      const key = rng.pick(keys);
      const child = holder[key];
      if (child && typeof child === 'object' && !Array.isArray(child) && rng.chance(0.4)) {
        holder = child as Record<string, unknown>;
        continue;
      }
      if (Array.isArray(child) && child.length && child[0] && typeof child[0] === 'object' && rng.chance(0.4)) {
        holder = child[0] as Record<string, unknown>;
        continue;
      }
      if (rng.chance(0.25)) delete holder[key];
      else holder[key] = otherType(rng, child);
      break;
    }
  }
  return copy;
}

/** JSON text broken in one of the ways JSON gets broken. */
function breakJson(rng: Random, text: string): string {
  const at = rng.int(0, text.length);
  return rng.weighted<() => string>([
    [4, () => text.slice(0, at)],
    [2, () => text.slice(0, at) + rng.pick(['"', '{', '}', '[', ']', ',', ':', '\\', '\u0000', "'"]) + text.slice(at)],
    [2, () => text.slice(0, at) + text.slice(at + rng.int(1, 10))],
    [1, () => text.replace(/"/g, "'")],
    [1, () => text.replace(/}$/, ',}')],
    [1, () => `${text}${rng.pick(['x', '}', ']', ' {}', '\n\u0000', '//', ',{}'])}`],
    [1, () => `\ufeff${text}`],
    [1, () => text.replace(/:(\d+)/, ':NaN').replace(/"text":"/, '"text":undefined,"x":"')],
    [1, () => `{"a":1,"a":2,${text.slice(1)}`],
    [1, () => `/* comment */${text}`],
    [1, () => text.replace(/"([a-zA-Z]+)":/, '$1:')],
    [1, () => rng.pick(['{', '[', '"', '{"', '{"a"', '{"a":', '{"a":}', '[,]', '{,}', 'nul', 'tru', '-', '1e', '"\\u12"', '"\\x41"', '0123', '+1'])],
    [1, () => randomCodePoints(rng, rng.int(1, 200))],
  ])();
}

/** Bytes that are not UTF-8: overlong forms, lone continuation bytes, cut sequences, surrogates, beyond U+10FFFF. */
const BAD_UTF8 = [
  [0xc0, 0x80], [0xc1, 0xbf], [0xe0, 0x80, 0x80], [0xf0, 0x80, 0x80, 0x80], [0x80], [0xbf], [0x80, 0x80, 0x80],
  [0xc3], [0xe2, 0x82], [0xf0, 0x9f, 0x98], [0xed, 0xa0, 0x80], [0xed, 0xbf, 0xbf], [0xf4, 0x90, 0x80, 0x80],
  [0xf5, 0x80, 0x80, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xfe], [0xff], [0xff, 0xfe], [0xfe, 0xff], [0xc3, 0x28],
];

/** Puts invalid UTF-8 into the body: inside strings (the placeholder), or anywhere. */
function withBadUtf8(rng: Random, body: Buffer): Buffer {
  const bad = () => Buffer.from(rng.pick(BAD_UTF8));
  const text = body.toString('latin1');
  const strings = [...text.matchAll(/"(?:[^"\\]|\\.)*"/g)];
  if (strings.length && rng.chance(0.8)) {
    const chosen = rng.pick(strings);
    const at = (chosen.index ?? 0) + 1 + rng.int(0, Math.max(0, chosen[0].length - 2));
    return Buffer.concat([body.subarray(0, at), bad(), rng.chance(0.3) ? bad() : Buffer.alloc(0), body.subarray(at)]);
  }
  const at = rng.int(0, body.length);
  return Buffer.concat([body.subarray(0, at), bad(), body.subarray(at)]);
}

/** A value for a header: printable Latin-1 only, as HTTP allows. */
function headerValue(rng: Random, length: number): string {
  let value = '';
  while (value.length < length) value += String.fromCharCode(rng.chance(0.9) ? rng.int(0x20, 0x7e) : rng.int(0xa0, 0xff));
  return value;
}

/** A path with garbage percent escapes, raw Latin-1 bytes and dot segments (what Node's client lets through). */
function garbagePathPart(rng: Random): string {
  return rng.weighted<() => string>([
    [3, () => encodeURIComponent(garbageWord(rng).replace(/[\ud800-\udfff]/g, 'x'))],
    [1, () => rng.pick(['%', '%%', '%ZZ', '%C0%80', '%ED%A0%80', '%FF', '%00', '%2e%2e%2f', '..', '.', '%u0041', '%E2%82'])],
    [1, () => String.fromCharCode(rng.int(0x80, 0xff))],
    [1, () => 'a'.repeat(rng.int(100, 9000))],
    [1, () => ''],
  ])();
}

function garbageQuery(rng: Random): string {
  const keys = ['from', 'to', 'unit', 'lang', 'period', 'metric', 'by', 'format', 'page', 'limit', 'sort', 'expires', 'sig', 'id', 'q'];
  const parts: string[] = [];
  for (let n = rng.int(0, 6); n > 0; n--) {
    const key = rng.chance(0.8) ? rng.pick(keys) : garbagePathPart(rng);
    const repeat = rng.chance(0.1) ? 2 : 1;
    for (let r = 0; r < repeat; r++) parts.push(rng.chance(0.1) ? key : `${key}${rng.pick(['=', '[]=', '[a]=', '=='])}${garbagePathPart(rng)}`);
  }
  return parts.length ? `?${parts.join(rng.pick(['&', '&', ';', '&&']))}` : rng.pick(['', '?', '?&', '?=']);
}

/** A correct Slack signature over exactly these bytes, made now. */
function slackSigned(targets: BodyTargets, body: Buffer, nowSeconds = Math.floor(Date.now() / 1000)): Record<string, string> {
  const timestamp = String(nowSeconds);
  return { 'X-Slack-Request-Timestamp': timestamp, 'X-Slack-Signature': computeSlackSignature(targets.slackSigningSecret, timestamp, body) };
}

/** What a request needs besides its body to get past the front door: Slack's signature, the dashboard's session. */
function credentials(rng: Random, route: Route, targets: BodyTargets, body: Buffer): Record<string, string> {
  if (isSlack(route)) return rng.chance(0.85) ? slackSigned(targets, body) : {};
  if (route === 'tabEntry') return rng.chance(0.85) ? { Authorization: `Bearer ${targets.dashboard.session}` } : {};
  return {};
}

/** The route's path; the entry route sometimes with a garbage id, unless `exact`. */
function pathOf(rng: Random, route: Route, targets: BodyTargets, exact = false): string {
  if (route !== 'tabEntry') return PATHS[route];
  return PATHS.tabEntry + (exact || rng.chance(0.8) ? targets.dashboard.entryId : garbagePathPart(rng) || 'x');
}

function methodOf(route: Route): FuzzRequest['method'] {
  return route === 'tabEntry' ? 'PATCH' : 'POST';
}

type Make = (rng: Random, route: Route, targets: BodyTargets) => FuzzRequest;

function request(rng: Random, category: string, route: Route, targets: BodyTargets, body: Buffer, contentType: string | null, extra: Partial<FuzzRequest> = {}): FuzzRequest {
  const headers: Record<string, string> = { ...credentials(rng, route, targets, body) };
  if (contentType !== null) headers['Content-Type'] = contentType;
  // A body over the limit goes to a route that exists: an unknown path is answered 404 before any body is read.
  return { category, method: methodOf(route), path: pathOf(rng, route, targets, extra.oversized), headers, body, ...extra };
}

const brokenJson: Make = (rng, route, targets) => {
  const value = plausible(rng, route, targets);
  if (route === 'slackInteractions') {
    const payload = breakJson(rng, JSON.stringify(value));
    return request(rng, 'broken JSON', route, targets, Buffer.from(new URLSearchParams({ payload }).toString()), FORM);
  }
  if (route === 'slackCommands') {
    // A form cannot be broken JSON; a broken form is the nearest thing.
    const form = encode(route, value).body.toString();
    return request(rng, 'broken JSON', route, targets, Buffer.from(breakJson(rng, form).replace(/=/g, rng.pick(['==', '', '%', '&=&']))), FORM);
  }
  return request(rng, 'broken JSON', route, targets, Buffer.from(breakJson(rng, JSON.stringify(value))), JSON_TYPE);
};

const wrongTypes: Make = (rng, route, targets) => {
  const { body, contentType } = encode(route, withWrongTypes(rng, plausible(rng, route, targets)));
  return request(rng, 'wrong types', route, targets, body, contentType);
};

/** Identifier fields of each route, as paths into its body. */
const IDENTIFIERS: Partial<Record<Route, string[][]>> = {
  teams: [['id'], ['from', 'id'], ['from', 'aadObjectId'], ['from', 'name'], ['conversation', 'id'], ['conversation', 'tenantId'], ['channelData', 'tenant', 'id'], ['recipient', 'id'], ['locale'], ['replyToId']],
  local: [['user'], ['messageId'], ['conversation'], ['locale']],
  slackEvents: [['team_id'], ['event', 'user'], ['event', 'channel'], ['event', 'ts'], ['event', 'thread_ts'], ['event', 'client_msg_id'], ['event_id']],
  slackCommands: [['team_id'], ['team_domain'], ['user_id'], ['user_name'], ['channel_id'], ['trigger_id']],
  slackInteractions: [['user', 'id'], ['team', 'id'], ['channel', 'id'], ['trigger_id'], ['message', 'thread_ts']],
};

/** One identifier (user, tenant, conversation, message id) of a few thousand characters, ASCII or not. */
const longIdentifier: Make = (rng, route, targets) => {
  const chosen = IDENTIFIERS[route] ? route : rng.pick(['teams', 'slackEvents', 'slackCommands'] as const);
  const value = plausible(rng, chosen, targets);
  const path = rng.pick(IDENTIFIERS[chosen] ?? [['id']]);
  let holder = value;
  for (const key of path.slice(0, -1)) holder = (holder[key] ??= {}) as Record<string, unknown>;
  const length = rng.pick([300, 1000, 3000, 20_000]);
  holder[path[path.length - 1]] = rng.chance(0.5) ? 'x'.repeat(length) : randomCodePoints(rng, length);
  const { body, contentType: type } = encode(chosen, value);
  return request(rng, 'long identifier', chosen, targets, body, type);
};

const deepNesting: Make = (rng, route, targets) => {
  const depth = rng.pick([64, 1000, 10_000, 100_000]);
  const nested = deeplyNested(depth, rng.chance(0.5) ? 'array' : 'object');
  const value = plausible(rng, route, targets);
  const keys = Object.keys(value);
  const key = rng.chance(0.8) && keys.length ? rng.pick(keys) : 'value';
  const text = rng.chance(0.2) ? nested : JSON.stringify({ ...value, [key]: '\u0001NESTED\u0001' }).replace('"\\u0001NESTED\\u0001"', nested);
  if (route === 'slackCommands') return request(rng, 'deep nesting', route, targets, encode(route, { ...value, text: nested }).body, FORM);
  if (route === 'slackInteractions') return request(rng, 'deep nesting', route, targets, Buffer.from(new URLSearchParams({ payload: text }).toString()), FORM);
  return request(rng, 'deep nesting', route, targets, Buffer.from(text), JSON_TYPE);
};

const CONTENT_TYPES = [
  null, '', 'text/plain', 'text/html', 'text/csv', 'text/tsv', 'application/octet-stream', 'application/xml', 'application/json; charset=latin1',
  'application/json; charset=utf-16', 'application/json;;;', 'APPLICATION/JSON', 'application/vnd.api+json', 'application/x-www-form-urlencoded',
  'multipart/form-data', 'multipart/form-data; boundary=fuzz', 'image/png', '*/*', 'application', '/', ';', 'application/json, text/plain', 'ä/ö',
];

const contentType: Make = (rng, route, targets) => {
  const { body } = encode(route, plausible(rng, route, targets));
  const type = rng.pick(CONTENT_TYPES);
  if (type === 'multipart/form-data; boundary=fuzz' && rng.chance(0.7)) {
    // A real multipart body with a file part: nothing here takes files.
    const part = `--fuzz\r\nContent-Disposition: form-data; name="file"; filename="../../x.txt"\r\nContent-Type: text/plain\r\n\r\n${body.toString('latin1')}\r\n--fuzz--\r\n`;
    return request(rng, 'content type', route, targets, Buffer.from(part, 'latin1'), type);
  }
  return request(rng, 'content type', route, targets, body, type);
};

const overLimit: Make = (rng, route, targets) => {
  const size = targets.maxBodyBytes + rng.pick([1, 2, 1024, rng.int(1, 256 * 1024)]);
  const type = rng.pick([JSON_TYPE, JSON_TYPE, FORM, 'text/plain', 'application/octet-stream', null, 'multipart/form-data; boundary=fuzz']);
  const { body: start } = encode(route, plausible(rng, route, targets));
  // A plausible start, then padding inside a string, so a streaming parser would have to read it all.
  const head = start.subarray(0, Math.max(0, start.length - 2));
  const body = Buffer.concat([head, Buffer.alloc(Math.max(0, size - head.length), rng.pick(['a', ' ', '0', '\u00e4']))]).subarray(0, size);
  return request(rng, 'over the limit', route, targets, body, type, { oversized: true, chunked: rng.chance(0.3), ownConnection: true });
};

const badUtf8: Make = (rng, route, targets) => {
  const { body, contentType: type } = encode(route, plausible(rng, route, targets));
  return request(rng, 'bad UTF-8', route, targets, withBadUtf8(rng, body), type);
};

const empty: Make = (rng, route, targets) =>
  request(rng, 'empty', route, targets, Buffer.alloc(0), rng.pick([JSON_TYPE, FORM, 'text/plain', null]), { chunked: rng.chance(0.3) });

let bombPart: Buffer | null = null;

/**
 * Gzip that inflates to about `megabytes` MB: concatenated members of 16 MB of zeros each (gunzip reads them
 * all), made in a blink, so the sender never stalls its other connections.
 */
function gzipBomb(megabytes: number): Buffer {
  bombPart ??= gzipSync(Buffer.alloc(16 * 1024 * 1024), { level: 9 });
  return Buffer.concat(Array.from({ length: Math.max(1, Math.round(megabytes / 16)) }, () => bombPart as Buffer));
}

const compressed: Make = (rng, route, targets) => {
  const { body, contentType: type } = encode(route, plausible(rng, route, targets));
  const kind = rng.pick(['gzip', 'gzip bomb', 'not gzip', 'deflate', 'br', 'identity', 'gzip, gzip', 'x-fuzz']);
  if (kind === 'gzip bomb') {
    // Inflates past the body limit, and at 600 MB past V8's longest string.
    const fuzz = request(rng, 'compressed', route, targets, gzipBomb(rng.pick([16, 64, 640])), type);
    fuzz.headers['Content-Encoding'] = 'gzip';
    return fuzz;
  }
  const encoded = kind === 'gzip' || kind === 'gzip, gzip' ? gzipSync(body) : body;
  const fuzz = request(rng, 'compressed', route, targets, encoded, type);
  fuzz.headers['Content-Encoding'] = kind === 'not gzip' ? 'gzip' : kind;
  return fuzz;
};

const slackSignature: Make = (rng, _route, targets) => {
  const route = rng.pick(['slackEvents', 'slackCommands', 'slackInteractions'] as const);
  const { body, contentType: type } = encode(route, plausible(rng, route, targets));
  const now = Math.floor(Date.now() / 1000);
  const signed = slackSigned(targets, body, now);
  const headers: Record<string, string> = rng.weighted<() => Record<string, string>>([
    [1, () => ({})],
    [1, () => ({ 'X-Slack-Request-Timestamp': String(now) })],
    [1, () => ({ ...signed, 'X-Slack-Signature': `v0=${'0'.repeat(64)}` })],
    [1, () => ({ ...signed, 'X-Slack-Signature': signed['X-Slack-Signature'].toUpperCase() })],
    [1, () => ({ ...signed, 'X-Slack-Signature': headerValue(rng, rng.int(0, 200)) })],
    [1, () => slackSigned(targets, body, now - 301)],
    [1, () => slackSigned(targets, body, now + 3600)],
    [1, () => ({ ...signed, 'X-Slack-Request-Timestamp': rng.pick(['', '-1', '1e10', 'NaN', '0x10', ' 1', '99999999999999999999', headerValue(rng, 20)]) })],
    [1, () => ({ 'X-Slack-Request-Timestamp': String(now), 'X-Slack-Signature': computeSlackSignature('wrong-secret', String(now), body) })],
    [1, () => ({ ...signed, 'X-Slack-Retry-Num': headerValue(rng, 5), 'X-Slack-Retry-Reason': headerValue(rng, 30) })],
  ])();
  return { category: 'Slack signature', method: 'POST', path: PATHS[route], headers: { 'Content-Type': type, ...headers }, body };
};

const headers: Make = (rng, route, targets) => {
  const { body, contentType: type } = encode(route, plausible(rng, route, targets));
  const fuzz = request(rng, 'headers', route, targets, body, type);
  const kind = rng.pick(['too large', 'many', 'authorization', 'garbage values']);
  if (kind === 'too large') {
    // Node answers 431 and closes the connection at once: without a body, nothing is cut off mid-send.
    fuzz.headers['X-Fuzz'] = headerValue(rng, rng.int(17, 64) * 1024);
    fuzz.ownConnection = true;
    delete fuzz.body;
  } else if (kind === 'many') {
    for (let n = rng.int(100, 300); n > 0; n--) fuzz.headers[`X-Fuzz-${n}`] = headerValue(rng, rng.int(0, 40));
  } else if (kind === 'authorization') {
    fuzz.headers.Authorization = rng.pick(['Bearer', 'Bearer ', `Bearer ${headerValue(rng, rng.int(1, 8000)).replace(/\s/g, 'x')}`, 'Basic Zm9vOmJhcg==', headerValue(rng, 100), `Bearer ${'x'.repeat(10)}.${'y'.repeat(10)}.z`]);
  } else {
    for (const name of ['Accept', 'Accept-Language', 'Content-Language', 'X-Forwarded-For', 'User-Agent', 'Cookie', 'Origin', 'Expect', 'Range']) {
      if (rng.chance(0.4)) fuzz.headers[name] = headerValue(rng, rng.int(0, 300));
    }
  }
  return fuzz;
};

const wrongMethod: Make = (rng, route, targets) => {
  const fuzz = request(rng, 'method', route, targets, encode(route, plausible(rng, route, targets)).body, JSON_TYPE);
  fuzz.method = rng.pick(['GET', 'PATCH', 'POST'] as const);
  if (fuzz.method === 'GET') delete fuzz.body;
  return fuzz;
};

const GET_ROUTES = ['/api/tab/me', '/api/tab/overview', '/api/tab/entries', '/api/tab/chart.png', '/api/tab/export', '/api/tab/structure', '/downloads/', '/healthz', '/tab', '/'];

const query: Make = (rng, _route, targets) => {
  const base = rng.pick(GET_ROUTES);
  const path = base === '/downloads/' ? `${base}${rng.chance(0.5) ? targets.dashboard.entryId : garbagePathPart(rng)}` : base;
  const signedIn = base.startsWith('/api/tab/') && rng.chance(0.8);
  const headers: Record<string, string> = signedIn ? { Authorization: `Bearer ${targets.dashboard.session}` } : {};
  return {
    category: 'query',
    method: 'GET',
    path: `${path}${garbageQuery(rng)}`,
    headers,
  };
};

const CATEGORIES: readonly (readonly [number, Make])[] = [
  [16, brokenJson],
  [22, wrongTypes],
  [10, contentType],
  [4, overLimit],
  [10, badUtf8],
  [5, empty],
  [4, deepNesting],
  [4, compressed],
  [5, slackSignature],
  [4, headers],
  [2, wrongMethod],
  [10, query],
  [4, longIdentifier],
];

/** Percent escapes decoded where they are valid, left as they are where not (as a lenient form reader would). */
function percentDecoded(text: string): string {
  return text.replace(/\+/g, ' ').replace(/%([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** The loopback URLs bodies may carry, as written and as a form encodes them, longest first. */
function loopbackForms(targets: BodyTargets): string[] {
  const urls = [targets.teamsServiceUrl, targets.slackResponseUrl, UNUSED_SERVICE_URL, 'http://127.0.0.1:9'];
  return [...new Set(urls.flatMap((url) => [url, encodeURIComponent(url)]))].sort((a, b) => b.length - a.length);
}

/**
 * Whether the body could make the server call any address but the loopback stand-ins. Breaking a body can turn
 * http://127.0.0.1:… into http://0.1:… or http://27.0.0.1:…, and a URL parser drops tabs and line breaks and
 * takes "http:host" for "http://host"; so, once the exact loopback URLs are taken out, no "http" may be left,
 * in the bytes as sent or with their percent escapes decoded.
 */
function mayCallOut(body: Buffer, targets: BodyTargets): boolean {
  const forms = loopbackForms(targets);
  const raw = body.toString('latin1');
  return [raw, percentDecoded(raw)].some((text) => {
    let rest = text;
    for (const url of forms) rest = rest.split(url).join(' ');
    return /http/i.test(rest.replace(/[\t\n\r]/g, ''));
  });
}

/** The body with "http" outside the loopback URLs spelled "hxxp", re-signed for Slack; empty when that is not enough. */
function keptOnLoopback(fuzz: FuzzRequest, targets: BodyTargets): FuzzRequest {
  if (!fuzz.body || !mayCallOut(fuzz.body, targets)) return fuzz;
  const forms = loopbackForms(targets);
  const marked = forms.reduce((at, url, i) => at.split(url).join(`\u0002${i}\u0002`), fuzz.body.toString('latin1'));
  const defused = marked.replace(/h(?=[\t\n\r]*t[\t\n\r]*t[\t\n\r]*p)/gi, 'x').replace(/%68|%48/gi, 'x');
  let body = Buffer.from(forms.reduce((at, url, i) => at.split(`\u0002${i}\u0002`).join(url), defused), 'latin1');
  if (mayCallOut(body, targets)) body = Buffer.alloc(0);
  const headers = { ...fuzz.headers };
  const timestamp = headers['X-Slack-Request-Timestamp'];
  if (timestamp && headers['X-Slack-Signature'] && /^\d+$/.test(timestamp)) headers['X-Slack-Signature'] = computeSlackSignature(targets.slackSigningSecret, timestamp, body);
  return { ...fuzz, headers, body };
}

/** Malformed request number `index` of a run. */
export function malformedRequest(seed: number, index: number, targets: BodyTargets): FuzzRequest {
  const rng = Random.for(seed ^ 0xb0d1e5, index);
  const make = rng.weighted(CATEGORIES);
  // No body may point the server at any address but the loopback stand-ins.
  const fuzz = keptOnLoopback(make(rng, rng.weighted(ROUTE_WEIGHTS), targets), targets);
  if (/[^\x20-\x7e]/.test(fuzz.path)) {
    // Node's parser answers a raw non-ASCII byte in the path with 400 and closes the connection at once:
    // without a body nothing is cut off mid-send, and no other request shares that connection.
    fuzz.ownConnection = true;
    delete fuzz.body;
    delete fuzz.chunked;
  }
  return fuzz;
}
