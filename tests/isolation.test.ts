/**
 * Isolation between organisations (issue 6, item 7). Two organisations on two Teams tenants, each with a
 * mentor, a manager and a worker, and units, themes and names carrying the organisation's marker. fast-check
 * runs random turns in both over the real Teams endpoint (loopback connector) and the real database, and
 * random report queries through reports/run.ts; then proves that no reply and no stored row of one
 * organisation ever holds the other's data, and that report numbers equal independent SQL over one
 * organisation's rows. A static check walks the storage ports: every method takes the organisation id first.
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type { RunningApp } from '../app/app';
import { answerReport } from '../reports/answer';
import { reportQuery, type GroupBy, type Metric } from '../reports/query';
import { runReport } from '../reports/run';
import { createAdminStore } from '../storage/admin-store';
import { createConversationStore } from '../storage/conversation-store';
import { createDirectoryStore } from '../storage/directory-store';
import { createEntryStore } from '../storage/entry-store';
import { createReportStore } from '../storage/report-store';
import { ensureOrganisation } from '../storage/organisations';
import { engineName } from './support/database';
import { startTestApp } from './support/app';
import { FakeConnector } from './support/fake-connector';
import { cardActionInvoke, personalMessage, teamsUser, type TeamsUser } from './support/teams-activities';

const ROLES = ['mentor', 'manager', 'worker'] as const;
type Role = (typeof ROLES)[number];

interface Org {
  marker: string;
  tenant: string;
  id: string;
  unit: string;
  themeWord: string;
  members: Record<Role, TeamsUser>;
}

interface SentActivity {
  text?: string;
  attachments?: { content: { actions?: { data: Record<string, unknown> }[] } }[];
}

/** A turn to run: who of which organisation writes what. Texts get their unique numbers when the turn runs. */
type Action =
  | { kind: 'log'; org: 0 | 1; role: Role; total: number; withUnit: boolean; withTheme: boolean; confirm: 'button' | 'text' | 'cancel' | 'leave' }
  | { kind: 'say'; org: 0 | 1; role: Role; text: string }
  | { kind: 'addUnit'; org: 0 | 1; role: Role }
  /** A mentor names the other organisation's unit or member: nothing of theirs may change. */
  | { kind: 'probe'; org: 0 | 1; target: 'unit' | 'member' }
  /** A member of one organisation writes from the other's tenant: a stranger there. */
  | { kind: 'stranger'; org: 0 | 1; role: Role };

const SAYINGS = ['my entries', 'undo', 'users', 'audit', 'units', 'themes', 'settings', 'help', 'omat merkinnät', 'logg'];
const PERIOD = { from: '2020-01-01', to: '2035-12-31' };

const ACTIONS: fc.Arbitrary<Action> = fc.oneof(
  { weight: 4, arbitrary: fc.record({
    kind: fc.constant('log' as const),
    org: fc.constantFrom(0 as const, 1 as const),
    role: fc.constantFrom(...ROLES),
    total: fc.integer({ min: 1, max: 40 }),
    withUnit: fc.boolean(),
    withTheme: fc.boolean(),
    confirm: fc.constantFrom('button' as const, 'text' as const, 'cancel' as const, 'leave' as const),
  }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('say' as const), org: fc.constantFrom(0 as const, 1 as const), role: fc.constantFrom(...ROLES), text: fc.constantFrom(...SAYINGS) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('addUnit' as const), org: fc.constantFrom(0 as const, 1 as const), role: fc.constantFrom(...ROLES) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('probe' as const), org: fc.constantFrom(0 as const, 1 as const), target: fc.constantFrom('unit' as const, 'member' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('stranger' as const), org: fc.constantFrom(0 as const, 1 as const), role: fc.constantFrom(...ROLES) }) },
);

/** The report queries fast-check picks from: counts over the whole period, split by what may leak names. */
const REPORTS: fc.Arbitrary<{ metric: Metric; groupBy: GroupBy }> = fc.record({
  metric: fc.constantFrom<Metric>('entries', 'participants'),
  groupBy: fc.constantFrom<GroupBy>('none', 'unit', 'theme', 'workForm', 'month'),
});

describe(`isolation between organisations on ${engineName()}`, () => {
  let app: RunningApp;
  let connector: FakeConnector;
  const orgs: Org[] = [];
  let seq = 0;
  /** Replies that named an organisation's own marker: the reply check must not be vacuous. */
  const ownMarkerSeen = [0, 0];
  /** How often each kind of turn ran, so no kind of check went untried. */
  const performed = new Map<Action['kind'], number>();
  const query = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => app.database.dataSource.query<T[]>(sql, params);

  beforeAll(async () => {
    connector = await new FakeConnector().start();
    app = await startTestApp();
    const dataSource = app.database.dataSource;
    const directory = createDirectoryStore(dataSource);
    const admin = createAdminStore(dataSource);
    for (const marker of ['AlfaX', 'BetaY']) {
      const tenant = randomUUID();
      const organisation = await ensureOrganisation(dataSource, { name: `${marker} youth services`, timeZone: 'Europe/Helsinki', teamsTenantId: tenant });
      const members = {} as Record<Role, TeamsUser>;
      for (const role of ROLES) {
        members[role] = teamsUser(`${marker} ${role} ${role === 'mentor' ? 'Maija' : role === 'manager' ? 'Mikko' : 'Wilma'}`);
        await directory.addMember(
          organisation.id,
          { displayName: members[role].name, email: `${role}@${marker.toLowerCase()}.example.org`, role, locale: 'en' },
          { channel: 'teams', tenant, userId: members[role].aadObjectId },
        );
      }
      const [mentor] = await query<{ id: string }>("SELECT id FROM members WHERE organisation_id = $1 AND role = 'mentor'", [organisation.id]);
      const unit = `${marker} Talo`;
      const themeWord = `${marker.toLowerCase()}word`;
      expect(await admin.catalogue.add(organisation.id, mentor.id, 'unit', { name: unit, aliases: [`${marker}-talo`] })).toBe('done');
      expect(await admin.catalogue.add(organisation.id, mentor.id, 'theme', { name: `${marker} teema`, aliases: [], keywords: { en: [themeWord] } })).toBe('done');
      orgs.push({ marker, tenant, id: organisation.id, unit, themeWord, members });
    }
  });
  afterAll(async () => {
    await app?.stop();
    await connector?.stop();
  });

  async function post(activity: Record<string, unknown>): Promise<SentActivity[]> {
    const response = await fetch(`${app.url}/api/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...activity, deliveryMode: 'expectReplies' }),
    });
    const text = await response.text();
    expect(response.status).toBe(200);
    return text ? (JSON.parse(text).activities ?? []) : [];
  }

  /** A personal message on the tenant of `org` (not necessarily the sender's own). */
  const onTenant = (org: Org, activity: Record<string, unknown>, id?: string) => ({
    ...activity,
    ...(id ? { id } : {}),
    conversation: { ...(activity.conversation as object), tenantId: org.tenant },
    channelData: { tenant: { id: org.tenant } },
  });
  const message = (org: Org, user: TeamsUser, text: string, id?: string) => onTenant(org, personalMessage(connector.serviceUrl, user, text), id);
  const press = (org: Org, user: TeamsUser, data: Record<string, unknown>) => onTenant(org, cardActionInvoke(connector.serviceUrl, user, data));
  const buttonData = (activities: SentActivity[], action: string) =>
    activities.flatMap((a) => a.attachments ?? []).flatMap((a) => a.content.actions ?? []).find((b) => b.data.action === action)?.data;

  /** No reply to `audience` (text, card facts, buttons: the whole activity) holds the other organisation's marker. */
  function checkReplies(audience: 0 | 1, activities: SentActivity[], echoed: string[] = []): void {
    let json = JSON.stringify(activities).toLowerCase();
    for (const words of echoed) json = json.split(words.toLowerCase()).join('');
    const other = orgs[1 - audience].marker.toLowerCase();
    if (json.includes(other)) throw new Error(`a reply to ${orgs[audience].marker} names ${orgs[1 - audience].marker}: ${JSON.stringify(activities)}`);
    if (json.includes(orgs[audience].marker.toLowerCase())) ownMarkerSeen[audience]++;
  }

  async function perform(action: Action): Promise<void> {
    const n = ++seq;
    performed.set(action.kind, (performed.get(action.kind) ?? 0) + 1);
    const org = orgs[action.org];
    const other = orgs[1 - action.org];
    switch (action.kind) {
      case 'log': {
        const user = org.members[action.role];
        const parts = ['Group today', action.withUnit ? `at ${org.unit}` : null, `${action.total} kids`, action.withTheme ? `talked about ${org.themeWord}` : null, `${org.marker}-note-${n}`];
        const asked = await post(message(org, user, parts.filter(Boolean).join(', ')));
        checkReplies(action.org, asked);
        const save = buttonData(asked, 'save');
        let answer: SentActivity[] | null = null;
        if (action.confirm === 'button' && save) answer = await post(press(org, user, save));
        if (action.confirm === 'text') answer = await post(message(org, user, 'yes'));
        if (action.confirm === 'cancel') answer = await post(message(org, user, 'cancel'));
        if (answer) checkReplies(action.org, answer);
        return;
      }
      case 'say':
        checkReplies(action.org, await post(message(org, org.members[action.role], action.text)));
        return;
      case 'addUnit':
        checkReplies(action.org, await post(message(org, org.members[action.role], `add unit ${org.marker} Unit ${n}`)));
        return;
      case 'probe': {
        const before = await otherState(other);
        const name = action.target === 'unit' ? other.unit : other.members.worker.name;
        const text = action.target === 'unit' ? `add alias Probe${n} to unit ${name}` : `make ${name} a mentor`;
        const replies = await post(message(org, org.members.mentor, text, `probe-${n}`));
        checkReplies(action.org, replies, [name]);
        expect(replies.map((r) => r.text).join('\n')).toContain(`I found no ${action.target} called "${name}"`);
        expect(await otherState(other)).toEqual(before);
        return;
      }
      case 'stranger': {
        // The other organisation's member, by their Teams ids, writes on this tenant: a stranger here. Their
        // mentors may be asked to add them (an id-only 'member.requested' audit event); nothing else is written.
        const before = await counts();
        const stranger = { ...other.members[action.role], name: 'Guest Person' };
        const replies = await post(message(org, stranger, `Group today, 5 kids, ${other.marker}-stranger-${n}`, `probe-${n}`));
        checkReplies(action.org, replies, [`${other.marker}-stranger-${n}`]);
        expect(JSON.stringify(replies)).toContain('must add you first');
        expect(await counts()).toEqual(before);
        const requests = await query<{ organisation_id: string }>(
          "SELECT organisation_id FROM audit_events WHERE action = 'member.requested' AND target_id = $1",
          [`teams:${org.tenant}:${stranger.aadObjectId}`],
        );
        expect(requests.every((r) => r.organisation_id === org.id)).toBe(true);
        return;
      }
    }
  }

  /** Proactive messages (the mentors' new-user cards) carry nothing of the other organisation either. */
  function checkProactive(): void {
    for (const call of connector.calls) {
      const tenant = (call.body.conversation as { tenantId?: string } | undefined)?.tenantId;
      const audience = orgs.findIndex((org) => org.tenant === tenant);
      if (audience < 0) continue;
      const json = JSON.stringify(call.body).toLowerCase();
      expect(json).not.toContain(orgs[1 - audience].marker.toLowerCase());
    }
  }

  /** What a probe from the other organisation must leave alone. */
  const otherState = async (org: Org) => ({
    units: await query('SELECT name, aliases, archived_at FROM units WHERE organisation_id = $1 ORDER BY id', [org.id]),
    members: await query('SELECT id, role, removed_at FROM members WHERE organisation_id = $1 ORDER BY id', [org.id]),
    audit: await query('SELECT count(*)::int AS n FROM audit_events WHERE organisation_id = $1', [org.id]),
  });
  const counts = async () =>
    query(`SELECT (SELECT count(*) FROM entries)::int AS entries, (SELECT count(*) FROM drafts)::int AS drafts,
                  (SELECT count(*) FROM audit_events WHERE action <> 'member.requested')::int AS audit,
                  (SELECT count(*) FROM members)::int AS members, (SELECT count(*) FROM channel_identities)::int AS identities`);

  /** Every stored row sits in its author's organisation, and no row of one organisation holds the other's marker. */
  async function checkStorage(): Promise<void> {
    const crossed = await query(`
      SELECT 'entry' AS what, e.id::text FROM entries e JOIN members m ON m.id = e.author_id WHERE m.organisation_id <> e.organisation_id
      UNION ALL SELECT 'audit', a.id::text FROM audit_events a JOIN members m ON m.id = a.actor_id WHERE m.organisation_id <> a.organisation_id
      UNION ALL SELECT 'draft', d.id::text FROM drafts d JOIN members m ON m.id = d.member_id WHERE m.organisation_id <> d.organisation_id
      UNION ALL SELECT 'identity', c.id::text FROM channel_identities c JOIN members m ON m.id = c.member_id WHERE m.organisation_id <> c.organisation_id
      UNION ALL SELECT 'reference', r.conversation_id FROM conversation_references r JOIN members m ON m.id = r.member_id WHERE m.organisation_id <> r.organisation_id
      UNION ALL SELECT 'entry unit', e.id::text FROM entries e JOIN units u ON u.id = e.unit_id WHERE u.organisation_id <> e.organisation_id
      UNION ALL SELECT 'entry activity', e.id::text FROM entries e JOIN activities a ON a.id = e.activity_id WHERE a.organisation_id <> e.organisation_id`);
    expect(crossed).toEqual([]);
    for (const [index, org] of orgs.entries()) {
      const pattern = `%${orgs[1 - index].marker.toLowerCase()}%`;
      const leaked = await query(
        `SELECT 'entry' AS what, id::text FROM entries WHERE organisation_id = $1 AND lower(coalesce(notes, '') || array_to_string(themes, ' ')) LIKE $2
         UNION ALL SELECT 'audit', id::text FROM audit_events WHERE organisation_id = $1 AND lower(coalesce(before::text, '') || coalesce(after::text, '')) LIKE $2
         UNION ALL SELECT 'draft', id::text FROM drafts WHERE organisation_id = $1 AND lower(state::text) LIKE $2
         UNION ALL SELECT 'reply', message_id FROM processed_messages
                    WHERE organisation_id = $1 AND message_id NOT LIKE 'probe-%' AND lower(coalesce(replies::text, '')) LIKE $2
         UNION ALL SELECT 'reference', conversation_id FROM conversation_references WHERE organisation_id = $1 AND lower(reference::text) LIKE $2
         UNION ALL SELECT 'member', id::text FROM members WHERE organisation_id = $1 AND lower(coalesce(display_name, '') || coalesce(email, '')) LIKE $2
         UNION ALL SELECT 'unit', id::text FROM units WHERE organisation_id = $1 AND lower(name || array_to_string(aliases, ' ')) LIKE $2
         UNION ALL SELECT 'theme', id::text FROM themes WHERE organisation_id = $1 AND lower(key || labels::text || keywords::text) LIKE $2`,
        [org.id, pattern],
      );
      expect(leaked).toEqual([]);
    }
  }

  /** Report numbers for one organisation equal hand-written SQL over its own live rows, and name nothing of the other's. */
  async function checkReport(index: 0 | 1, metric: Metric, groupBy: GroupBy): Promise<void> {
    const org = orgs[index];
    const other = orgs[1 - index];
    const result = await runReport(app.database.dataSource, reportQuery({ metric, groupBy, filters: { period: PERIOD } }), { organisationId: org.id });
    const value = metric === 'entries' ? 'count(*)' : 'coalesce(sum(e.total), 0)';
    const live = `e.organisation_id = $1 AND e.deleted_at IS NULL AND e.date BETWEEN '${PERIOD.from}' AND '${PERIOD.to}'`;
    const key: Record<GroupBy, string> = {
      none: 'NULL',
      unit: 'e.unit_id::text',
      workForm: 'e.work_form',
      month: `to_char(e.date, 'YYYY-MM')`,
      week: 'NULL',
      activity: 'e.activity_id::text',
      gender: 'NULL',
      theme: 't.theme',
    };
    const from = groupBy === 'theme' ? 'entries e CROSS JOIN LATERAL (SELECT DISTINCT unnest(e.themes) AS theme) t' : 'entries e';
    const expected = await query<{ k: string | null; v: string }>(`SELECT ${key[groupBy]} AS k, ${value} AS v FROM ${from} WHERE ${live} GROUP BY 1`, [org.id]);
    const wanted = new Map(expected.filter((row) => groupBy === 'none' || Number(row.v) !== 0).map((row) => [row.k, Number(row.v)]));
    const got = new Map(result.rows.map((row) => [groupBy === 'none' ? null : row.keys[0], row.value ?? 0]));
    if (groupBy === 'none') {
      expect(got.get(null) ?? 0).toBe(wanted.get(null) ?? 0);
    } else {
      expect(Object.fromEntries([...got].filter(([, v]) => v !== 0))).toEqual(Object.fromEntries(wanted));
    }
    if (groupBy === 'unit' || groupBy === 'theme') {
      const own = await query<{ k: string }>(
        groupBy === 'unit' ? 'SELECT id::text AS k FROM units WHERE organisation_id = $1' : 'SELECT key AS k FROM themes WHERE organisation_id = $1',
        [org.id],
      );
      const ownKeys = new Set(own.map((row) => row.k));
      for (const row of result.rows) if (row.keys[0] !== null) expect(ownKeys).toContain(row.keys[0]);
    }
    const answer = JSON.stringify(answerReport(result, 'en')).toLowerCase() + JSON.stringify(result.rows).toLowerCase();
    expect(answer).not.toContain(other.marker.toLowerCase());

    // The other organisation's units as a filter, within this organisation's scope: nothing.
    const otherUnits = await query<{ id: string }>('SELECT id::text AS id FROM units WHERE organisation_id = $1', [other.id]);
    const foreign = await runReport(
      app.database.dataSource,
      reportQuery({ metric, filters: { period: PERIOD, unitIds: otherUnits.map((u) => u.id) } }),
      { organisationId: org.id },
    );
    expect(foreign.rows.reduce((sum, row) => sum + (row.value ?? 0), 0)).toBe(0);
  }

  it('seeds two organisations that share nothing but the defaults', async () => {
    const [a, b] = orgs;
    expect(a.id).not.toBe(b.id);
    const names = await query<{ organisation_id: string; name: string }>('SELECT organisation_id, name FROM units WHERE name LIKE $1 OR name LIKE $2', ['AlfaX%', 'BetaY%']);
    expect(names.map((u) => [u.organisation_id === a.id ? 'A' : 'B', u.name]).sort()).toEqual([['A', 'AlfaX Talo'], ['B', 'BetaY Talo']]);
  });

  it('never hands back another organisation\'s member when a channel user is bound already', async () => {
    // A channel user bound in A (here on B's tenant, as a mistaken `org create` could leave it) is not B's member.
    const [a, b] = orgs;
    const directory = createDirectoryStore(app.database.dataSource);
    const user = teamsUser('Bound Elsewhere');
    const spec = { displayName: user.name, email: null, role: 'worker' as const, locale: null };
    const identity = { channel: 'teams', tenant: b.tenant, userId: user.aadObjectId };
    expect((await directory.addMember(a.id, spec, identity)).organisationId).toBe(a.id);
    const before = await counts();
    await expect(directory.addMember(b.id, spec, identity)).rejects.toThrow('member of another organisation');
    expect(await counts()).toEqual(before);
    await query('DELETE FROM channel_identities WHERE organisation_id = $1 AND user_id = $2', [a.id, user.aadObjectId]);
  });

  it('random turns and reports in both organisations never cross between them', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(ACTIONS, { minLength: 2, maxLength: 7 }), fc.array(fc.tuple(fc.constantFrom(0 as const, 1 as const), REPORTS), { minLength: 1, maxLength: 2 }), async (actions, reports) => {
        for (const action of actions) await perform(action);
        await checkStorage();
        checkProactive();
        for (const [index, report] of reports) await checkReport(index, report.metric, report.groupBy);
      }),
      // The database keeps its state between runs, so shrinking would replay against different data.
      { numRuns: 25, endOnFailure: true },
    );
    // The checks were not vacuous: both organisations saw their own data and saved entries, and every kind of turn ran.
    expect(ownMarkerSeen.every((count) => count > 0)).toBe(true);
    expect([...performed.keys()].sort()).toEqual(['addUnit', 'log', 'probe', 'say', 'stranger']);
    expect(await query('SELECT DISTINCT organisation_id FROM entries')).toHaveLength(2);
  });
});

/**
 * Methods of the storage ports that do not take the organisation id first, and why. Every other method's first
 * parameter must be called organisationId (read from the implementation's source).
 */
const EXCEPTIONS: Record<string, string> = {
  'directory.identify': 'finds the organisation from the channel tenant; it has no id yet',
  'directory.createOrganisation': 'creates the organisation; it has no id yet',
  'conversations.startTurn': 'finds the organisation from the channel tenant, as directory.identify does',
  'conversations.commit': 'takes a TurnScope, whose organisationId scopes every write',
};

describe('the storage ports take the organisation id', () => {
  /** Every function of a store, nested groups (admin.members, admin.catalogue, ...) included, by dotted name. */
  function methods(prefix: string, value: object): [string, (...args: unknown[]) => unknown][] {
    return Object.entries(value).flatMap(([name, member]): [string, (...args: unknown[]) => unknown][] => {
      if (typeof member === 'function') return [[`${prefix}.${name}`, member as (...args: unknown[]) => unknown]];
      return member && typeof member === 'object' ? methods(`${prefix}.${name}`, member) : [];
    });
  }
  /** The first parameter's name of a method, function or arrow function, from its source. */
  const firstParameter = (fn: (...args: unknown[]) => unknown): string =>
    /^[^(=]*\(\s*([\w$]*)/.exec(fn.toString())?.[1] ?? /^(?:async\s+)?([\w$]+)\s*=>/.exec(fn.toString())?.[1] ?? '';

  // The stores only keep the data source; no query runs while they are built.
  const dataSource = {} as never;
  const all = [
    ...methods('directory', createDirectoryStore(dataSource)),
    ...methods('entries', createEntryStore(dataSource)),
    ...methods('conversations', createConversationStore(dataSource)),
    ...methods('admin', createAdminStore(dataSource)),
    ...methods('reports', createReportStore(dataSource)),
  ];

  it('finds the methods of all five stores', () => {
    const names = all.map(([name]) => name);
    expect(names).toEqual(expect.arrayContaining(['directory.catalogue', 'entries.recentByAuthor', 'conversations.loadDraft', 'admin.members.list', 'admin.recentAudit', 'reports.run']));
    expect(names.length).toBeGreaterThanOrEqual(20);
  });

  it.each(all.map(([name, fn]) => [name, fn] as const))('%s', (name, fn) => {
    const first = firstParameter(fn);
    if (name in EXCEPTIONS) expect(first).not.toBe('organisationId');
    else expect(first).toBe('organisationId');
  });

  it('lists only exceptions that exist', () => {
    expect(Object.keys(EXCEPTIONS).filter((name) => !all.some(([method]) => method === name))).toEqual([]);
  });
});
