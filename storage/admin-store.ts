import type { DataSource, EntityManager } from 'typeorm';
import { parseLocale, type Locale } from '../bot/locale';
import {
  DEFAULT_REQUIRED_FIELDS,
  type AdminStore,
  type AuditLine,
  type CatalogueItem,
  type CatalogueKind,
  type ChangeStatus,
  type MemberInfo,
  type MemberListing,
  type MemberQuery,
  type OrganisationSettingsView,
  type Role,
  type SettingChange,
} from '../bot/ports';
import type { OrganisationSettings } from './entities/organisation';
import { createGoalAdmin } from './goal-store';
import { createMembershipRequests } from './membership-requests';

/** Rolls a change's transaction back and answers with this status instead. */
class Refused extends Error {
  constructor(readonly status: ChangeStatus) {
    super(status);
  }
}

interface MemberRow {
  id: string;
  display_name: string | null;
  email: string | null;
  role: Role;
  unit_names: string[];
  channels: string[];
}

const MEMBER_LISTING = `
  SELECT m.id, m.display_name, m.email, m.role,
         COALESCE((SELECT array_agg(u.name ORDER BY u.name) FROM units u
                    WHERE u.organisation_id = m.organisation_id AND u.id = ANY(m.unit_ids)), '{}') AS unit_names,
         COALESCE((SELECT array_agg(DISTINCT ci.channel ORDER BY ci.channel) FROM channel_identities ci
                    WHERE ci.organisation_id = m.organisation_id AND ci.member_id = m.id), '{}') AS channels
    FROM members m
   WHERE m.organisation_id = $1 AND m.removed_at IS NULL`;

/** Units and activities are found by name or alias, case-insensitively; an exact name wins. */
const NAMED = `(lower(name) = lower($2) OR EXISTS (SELECT 1 FROM unnest(aliases) AS a(alias) WHERE lower(a.alias) = lower($2)))`;
/** Themes are found by key or by their label in any language. */
const THEME_NAMED = `(key = lower($2) OR EXISTS (SELECT 1 FROM jsonb_each_text(labels) AS l WHERE lower(l.value) = lower($2)))`;

const TABLE: Record<Exclude<CatalogueKind, 'theme'>, string> = { unit: 'units', activity: 'activities' };

export function createAdminStore(dataSource: DataSource): AdminStore {
  /** Runs a change in one transaction; a Refused status rolls it back and is returned. */
  async function change<T>(work: (manager: EntityManager) => Promise<T>): Promise<T | ChangeStatus> {
    try {
      return await dataSource.transaction(work);
    } catch (error) {
      if (error instanceof Refused) return error.status;
      throw error;
    }
  }

  async function listing(manager: EntityManager | DataSource, organisationId: string, memberId: string): Promise<MemberListing> {
    const [row] = await manager.query<MemberRow[]>(`${MEMBER_LISTING} AND m.id = $2`, [organisationId, memberId]);
    return toListing(row);
  }

  return {
    members: {
      async add(organisationId, actorId, spec) {
        const email = spec.email?.trim().toLowerCase() || null;
        const result = await change(async (manager) => {
          if (spec.identity) {
            const [bound] = await manager.query<{ member_id: string }[]>(
              `SELECT ci.member_id FROM channel_identities ci
                 JOIN members m ON m.organisation_id = ci.organisation_id AND m.id = ci.member_id AND m.removed_at IS NULL
                WHERE ci.organisation_id = $1 AND ci.channel = $2 AND ci.tenant_id = $3 AND ci.user_id = $4`,
              [organisationId, spec.identity.channel, spec.identity.tenant, spec.identity.userId],
            );
            if (bound) return { status: 'exists' as const, member: await listing(manager, organisationId, bound.member_id) };
          }
          if (email) {
            const [known] = await manager.query<{ id: string; removed_at: Date | null; role: Role }[]>(
              'SELECT id, removed_at, role FROM members WHERE organisation_id = $1 AND lower(email) = $2 FOR UPDATE',
              [organisationId, email],
            );
            if (known && !known.removed_at) return { status: 'exists' as const, member: await listing(manager, organisationId, known.id) };
            if (known) {
              await manager.query('UPDATE members SET removed_at = NULL, role = $3 WHERE organisation_id = $1 AND id = $2', [
                organisationId,
                known.id,
                spec.role,
              ]);
              const member = await listing(manager, organisationId, known.id);
              await audit(manager, organisationId, actorId, 'member.restore', 'member', known.id, { name: member.displayName ?? email, role: known.role, removed: true }, { name: member.displayName ?? email, role: spec.role, removed: false });
              return { status: 'restored' as const, member };
            }
          }
          const [created] = await manager.query<{ id: string }[]>(
            'INSERT INTO members (organisation_id, display_name, email, role) VALUES ($1, $2, $3, $4) RETURNING id',
            [organisationId, spec.displayName, email, spec.role],
          );
          if (spec.identity) {
            const inserted = await manager.query(
              `INSERT INTO channel_identities (organisation_id, channel, tenant_id, user_id, member_id) VALUES ($1, $2, $3, $4, $5)
               ON CONFLICT (channel, tenant_id, user_id) DO NOTHING RETURNING id`,
              [organisationId, spec.identity.channel, spec.identity.tenant, spec.identity.userId, created.id],
            );
            if (!inserted.length) throw new Refused('exists');
          }
          await audit(manager, organisationId, actorId, 'member.add', 'member', created.id, null, {
            name: spec.displayName ?? email,
            email,
            role: spec.role,
            channel: spec.identity?.channel ?? null,
          });
          return { status: 'done' as const, member: await listing(manager, organisationId, created.id) };
        });
        if (typeof result !== 'string') return result;
        // Someone bound that channel user at the same moment: report the member who has it now.
        const [bound] = await findMembers(dataSource, organisationId, spec.identity ? { mention: spec.identity } : { email: email ?? '' });
        if (!bound) throw new Error('a member was added concurrently but cannot be found');
        return { status: 'exists', member: bound };
      },

      find: (organisationId, query) => findMembers(dataSource, organisationId, query),

      async list(organisationId) {
        const rows = await dataSource.query<MemberRow[]>(`${MEMBER_LISTING} ORDER BY lower(coalesce(m.display_name, m.email, '')), m.id`, [organisationId]);
        return rows.map(toListing);
      },

      async updateRole(organisationId, actorId, memberId, role) {
        return change<ChangeStatus>(async (manager) => {
          const mentors = await lockMentors(manager, organisationId);
          const member = await lockMember(manager, organisationId, memberId);
          if (member.role === role) return 'unchanged';
          if (member.role === 'mentor' && mentors.length <= 1) throw new Refused('lastMentor');
          await manager.query('UPDATE members SET role = $3 WHERE organisation_id = $1 AND id = $2', [organisationId, memberId, role]);
          const name = member.display_name ?? member.email;
          await audit(manager, organisationId, actorId, 'member.role', 'member', memberId, { name, role: member.role }, { name, role });
          return 'done';
        });
      },

      async updateUnits(organisationId, actorId, memberId, unitNames) {
        const result = await change(async (manager) => {
          const units: { id: string; name: string }[] = [];
          const unknown: string[] = [];
          for (const name of unitNames) {
            const [unit] = await manager.query<{ id: string; name: string }[]>(
              `SELECT id, name FROM units WHERE organisation_id = $1 AND archived_at IS NULL AND ${NAMED}
                ORDER BY lower(name) = lower($2) DESC LIMIT 1`,
              [organisationId, name],
            );
            if (unit) units.push(unit);
            else unknown.push(name);
          }
          if (unknown.length) return { status: 'notFound' as const, unknown };
          const member = await lockMember(manager, organisationId, memberId);
          const ids = [...new Set(units.map((u) => u.id))];
          const [current] = await manager.query<{ names: string[] }[]>(
            `SELECT COALESCE(array_agg(name ORDER BY name), '{}') AS names FROM units WHERE organisation_id = $1 AND id = ANY($2::uuid[])`,
            [organisationId, member.unit_ids],
          );
          const names = [...new Set(units.map((u) => u.name))].sort();
          if (JSON.stringify([...member.unit_ids].sort()) === JSON.stringify([...ids].sort())) return { status: 'unchanged' as const, unknown };
          await manager.query('UPDATE members SET unit_ids = $3::uuid[] WHERE organisation_id = $1 AND id = $2', [organisationId, memberId, ids]);
          const name = member.display_name ?? member.email;
          await audit(manager, organisationId, actorId, 'member.units', 'member', memberId, { name, units: current.names }, { name, units: names });
          return { status: 'done' as const, unknown };
        });
        return typeof result === 'string' ? { status: result, unknown: [] } : result;
      },

      async remove(organisationId, actorId, memberId) {
        return change<ChangeStatus>(async (manager) => {
          const mentors = await lockMentors(manager, organisationId);
          const member = await lockMember(manager, organisationId, memberId);
          if (member.role === 'mentor' && mentors.length <= 1) throw new Refused('lastMentor');
          await manager.query('UPDATE members SET removed_at = now() WHERE organisation_id = $1 AND id = $2', [organisationId, memberId]);
          // TypeORM answers a DELETE with [rows, affected count].
          const [unbound] = await manager.query<[{ channel: string }[], number]>(
            'DELETE FROM channel_identities WHERE organisation_id = $1 AND member_id = $2 RETURNING channel',
            [organisationId, memberId],
          );
          await manager.query('DELETE FROM drafts WHERE organisation_id = $1 AND member_id = $2', [organisationId, memberId]);
          const name = member.display_name ?? member.email;
          await audit(
            manager,
            organisationId,
            actorId,
            'member.remove',
            'member',
            memberId,
            { name, role: member.role, channels: [...new Set(unbound.map((u) => u.channel))].sort(), removed: false },
            { name, role: member.role, channels: [], removed: true },
          );
          return 'done';
        });
      },

      async bindByEmail(organisationId, email, identity, displayName) {
        return dataSource.transaction(async (manager) => {
          const [member] = await manager.query<{ id: string; display_name: string | null; role: Role; locale: string | null }[]>(
            `SELECT m.id, m.display_name, m.role, m.locale FROM members m
              WHERE m.organisation_id = $1 AND lower(m.email) = lower($2) AND m.removed_at IS NULL
                AND NOT EXISTS (SELECT 1 FROM channel_identities ci
                                 WHERE ci.organisation_id = m.organisation_id AND ci.member_id = m.id AND ci.channel = $3)
              FOR UPDATE`,
            [organisationId, email.trim(), identity.channel],
          );
          if (!member) return null;
          const bound = await manager.query(
            `INSERT INTO channel_identities (organisation_id, channel, tenant_id, user_id, member_id) VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (channel, tenant_id, user_id) DO NOTHING RETURNING id`,
            [organisationId, identity.channel, identity.tenant, identity.userId, member.id],
          );
          if (!bound.length) return null;
          const name = member.display_name ?? displayName;
          if (!member.display_name && displayName) {
            await manager.query('UPDATE members SET display_name = $3 WHERE organisation_id = $1 AND id = $2', [organisationId, member.id, displayName]);
          }
          await audit(manager, organisationId, member.id, 'member.bind', 'member', member.id, { name, channels: [] }, { name, channels: [identity.channel] });
          const info: MemberInfo = { id: member.id, organisationId, displayName: name, role: member.role, locale: parseLocale(member.locale) };
          return info;
        });
      },
    },

    catalogue: {
      async list(organisationId, kind) {
        if (kind === 'theme') {
          const rows = await dataSource.query<{ key: string; labels: Record<string, string> }[]>(
            'SELECT key, labels FROM themes WHERE organisation_id = $1 AND archived_at IS NULL ORDER BY key',
            [organisationId],
          );
          return rows.map((row): CatalogueItem => ({ name: row.key, aliases: [], labels: row.labels }));
        }
        if (kind === 'unit') {
          return dataSource.query<CatalogueItem[]>(
            'SELECT name, aliases FROM units WHERE organisation_id = $1 AND archived_at IS NULL ORDER BY name',
            [organisationId],
          );
        }
        const rows = await dataSource.query<{ name: string; aliases: string[]; unit: string | null; work_form: string | null }[]>(
          `SELECT a.name, a.aliases, u.name AS unit, a.work_form FROM activities a
             LEFT JOIN units u ON u.organisation_id = a.organisation_id AND u.id = a.unit_id
            WHERE a.organisation_id = $1 AND a.archived_at IS NULL ORDER BY a.name`,
          [organisationId],
        );
        return rows.map((row): CatalogueItem => ({ name: row.name, aliases: row.aliases, unit: row.unit, workForm: row.work_form }));
      },

      async resolve(organisationId, kind, name) {
        if (kind === 'theme') {
          const [theme] = await dataSource.query<{ key: string; label: string | null }[]>(
            `SELECT key, (SELECT l.value FROM jsonb_each_text(labels) AS l WHERE lower(l.value) = lower($2) LIMIT 1) AS label
               FROM themes WHERE organisation_id = $1 AND archived_at IS NULL AND ${THEME_NAMED} LIMIT 1`,
            [organisationId, name],
          );
          return theme ? (theme.label ?? theme.key) : null;
        }
        const [row] = await dataSource.query<{ name: string }[]>(
          `SELECT name FROM ${TABLE[kind]} WHERE organisation_id = $1 AND archived_at IS NULL AND ${NAMED}
            ORDER BY lower(name) = lower($2) DESC LIMIT 1`,
          [organisationId, name],
        );
        return row?.name ?? null;
      },

      async add(organisationId, actorId, kind, item) {
        return change<ChangeStatus>(async (manager) => {
          await bumpCatalogue(manager, organisationId);
          if (kind === 'theme') return addTheme(manager, organisationId, actorId, item.name, item.keywords ?? {}, item.locale ?? 'en');
          const table = TABLE[kind];
          const [existing] = await manager.query<{ id: string; name: string; aliases: string[]; archived_at: Date | null }[]>(
            `SELECT id, name, aliases, archived_at FROM ${table} WHERE organisation_id = $1 AND lower(name) = lower($2) FOR UPDATE`,
            [organisationId, item.name],
          );
          const unitId = kind === 'activity' && item.unit ? await unitIdOf(manager, organisationId, item.unit) : null;
          if (kind === 'activity' && item.unit && !unitId) throw new Refused('unknownUnit');
          if (existing && !existing.archived_at) throw new Refused('exists');
          if (existing) {
            const aliases = mergeWords(existing.aliases, item.aliases, existing.name);
            await manager.query(`UPDATE ${table} SET archived_at = NULL, aliases = $3 WHERE organisation_id = $1 AND id = $2`, [
              organisationId,
              existing.id,
              aliases,
            ]);
            await audit(manager, organisationId, actorId, `${kind}.restore`, kind, existing.id, { name: existing.name, archived: true }, { name: existing.name, archived: false, aliases });
            return 'restored';
          }
          const aliases = mergeWords([], item.aliases, item.name);
          const [created] =
            kind === 'unit'
              ? await manager.query<{ id: string }[]>('INSERT INTO units (organisation_id, name, aliases) VALUES ($1, $2, $3) RETURNING id', [
                  organisationId,
                  item.name,
                  aliases,
                ])
              : await manager.query<{ id: string }[]>(
                  'INSERT INTO activities (organisation_id, name, aliases, unit_id, work_form) VALUES ($1, $2, $3, $4, $5) RETURNING id',
                  [organisationId, item.name, aliases, unitId, item.workForm ?? null],
                );
          const after = kind === 'unit' ? { name: item.name, aliases } : { name: item.name, aliases, unit: item.unit ?? null, workForm: item.workForm ?? null };
          await audit(manager, organisationId, actorId, `${kind}.add`, kind, created.id, null, after);
          return 'done';
        });
      },

      async rename(organisationId, actorId, kind, name, newName, locale) {
        return change<ChangeStatus>(async (manager) => {
          await bumpCatalogue(manager, organisationId);
          if (kind === 'theme') {
            const theme = await lockTheme(manager, organisationId, name);
            const [taken] = await manager.query(
              `SELECT 1 FROM themes WHERE organisation_id = $1 AND id <> $3 AND ${THEME_NAMED}`,
              [organisationId, newName, theme.id],
            );
            if (taken) throw new Refused('exists');
            const old = theme.labels[locale] ?? name;
            if (old === newName) return 'unchanged';
            const labels = { ...theme.labels, [locale]: newName };
            const keywords = { ...theme.keywords, [locale]: mergeWords(theme.keywords[locale] ?? [], [newName.toLowerCase()], '') };
            await manager.query('UPDATE themes SET labels = $3, keywords = $4 WHERE organisation_id = $1 AND id = $2', [
              organisationId,
              theme.id,
              JSON.stringify(labels),
              JSON.stringify(keywords),
            ]);
            await audit(manager, organisationId, actorId, 'theme.rename', 'theme', theme.key, { name: old, labels: theme.labels }, { name: newName, labels });
            return 'done';
          }
          const table = TABLE[kind];
          const row = await lockNamed(manager, table, organisationId, name);
          if (row.name === newName) return 'unchanged';
          const [taken] = await manager.query(`SELECT 1 FROM ${table} WHERE organisation_id = $1 AND lower(name) = lower($2) AND id <> $3`, [
            organisationId,
            newName,
            row.id,
          ]);
          if (taken) throw new Refused('exists');
          // The old name stays an alias, so logs that still use it are understood.
          const aliases = mergeWords(row.aliases.filter((a) => a.toLowerCase() !== newName.toLowerCase()), [row.name], newName);
          await manager.query(`UPDATE ${table} SET name = $3, aliases = $4 WHERE organisation_id = $1 AND id = $2`, [organisationId, row.id, newName, aliases]);
          await audit(manager, organisationId, actorId, `${kind}.rename`, kind, row.id, { name: row.name, aliases: row.aliases }, { name: newName, aliases });
          return 'done';
        });
      },

      async archive(organisationId, actorId, kind, name) {
        return change<ChangeStatus>(async (manager) => {
          await bumpCatalogue(manager, organisationId);
          if (kind === 'theme') {
            const theme = await lockTheme(manager, organisationId, name);
            await manager.query('UPDATE themes SET archived_at = now() WHERE organisation_id = $1 AND id = $2', [organisationId, theme.id]);
            const label = theme.labels.en ?? theme.key;
            await audit(manager, organisationId, actorId, 'theme.archive', 'theme', theme.key, { name: label, archived: false }, { name: label, archived: true });
            return 'done';
          }
          const table = TABLE[kind];
          const row = await lockNamed(manager, table, organisationId, name);
          await manager.query(`UPDATE ${table} SET archived_at = now() WHERE organisation_id = $1 AND id = $2`, [organisationId, row.id]);
          await audit(manager, organisationId, actorId, `${kind}.archive`, kind, row.id, { name: row.name, archived: false }, { name: row.name, archived: true });
          return 'done';
        });
      },

      async addAliases(organisationId, actorId, kind, name, aliases) {
        return change<ChangeStatus>(async (manager) => {
          await bumpCatalogue(manager, organisationId);
          if (kind === 'theme') {
            const theme = await lockTheme(manager, organisationId, name);
            const keywords = { ...theme.keywords };
            for (const [locale, words] of Object.entries(aliases) as [Locale, string[]][]) {
              keywords[locale] = mergeWords(keywords[locale] ?? [], words.map((w) => w.toLowerCase()), '');
            }
            if (JSON.stringify(keywords) === JSON.stringify(theme.keywords)) return 'unchanged';
            await manager.query('UPDATE themes SET keywords = $3 WHERE organisation_id = $1 AND id = $2', [organisationId, theme.id, JSON.stringify(keywords)]);
            const changed = Object.keys(aliases) as Locale[];
            const pick = (all: Record<string, string[]>) => Object.fromEntries(changed.map((l) => [l, all[l] ?? []]));
            const label = theme.labels.en ?? theme.key;
            await audit(manager, organisationId, actorId, 'theme.keywords', 'theme', theme.key, { name: label, keywords: pick(theme.keywords) }, { name: label, keywords: pick(keywords) });
            return 'done';
          }
          const table = TABLE[kind];
          const row = await lockNamed(manager, table, organisationId, name);
          const merged = mergeWords(row.aliases, Object.values(aliases).flat(), row.name);
          if (merged.length === row.aliases.length) return 'unchanged';
          await manager.query(`UPDATE ${table} SET aliases = $3 WHERE organisation_id = $1 AND id = $2`, [organisationId, row.id, merged]);
          await audit(manager, organisationId, actorId, `${kind}.alias`, kind, row.id, { name: row.name, aliases: row.aliases }, { name: row.name, aliases: merged });
          return 'done';
        });
      },
    },

    settings: {
      async get(organisationId) {
        const [row] = await dataSource.query<OrganisationRow[]>(
          'SELECT name, time_zone, default_locale, settings FROM organisations WHERE id = $1',
          [organisationId],
        );
        return toSettings(row);
      },

      async set(organisationId, actorId, setting) {
        return change<ChangeStatus>(async (manager) => {
          const [row] = await manager.query<OrganisationRow[]>(
            'SELECT name, time_zone, default_locale, settings FROM organisations WHERE id = $1 FOR UPDATE',
            [organisationId],
          );
          const current = toSettings(row);
          const before = current[setting.setting];
          if (JSON.stringify(before) === JSON.stringify(setting.value)) return 'unchanged';
          await writeSetting(manager, organisationId, setting);
          await audit(manager, organisationId, actorId, `settings.${setting.setting}`, 'organisation', organisationId, { [setting.setting]: before }, { [setting.setting]: setting.value });
          return 'done';
        });
      },
    },

    requests: createMembershipRequests(dataSource),
    goals: createGoalAdmin(dataSource),

    async recentAudit(organisationId, limit) {
      const rows = await dataSource.query<
        { created_at: Date; action: string; target_type: string; target_id: string | null; before: unknown; after: unknown; actor_id: string | null; actor: string | null }[]
      >(
        `SELECT a.created_at, a.action, a.target_type, a.target_id, a.before, a.after, a.actor_id, coalesce(m.display_name, m.email) AS actor
           FROM audit_events a
           LEFT JOIN members m ON m.organisation_id = a.organisation_id AND m.id = a.actor_id
          WHERE a.organisation_id = $1
          ORDER BY a.created_at DESC, a.id DESC
          LIMIT $2`,
        [organisationId, limit],
      );
      return rows.map(
        (row): AuditLine => ({
          at: row.created_at,
          actorId: row.actor_id,
          actorName: row.actor,
          action: row.action,
          targetType: row.target_type,
          targetId: row.target_id,
          before: row.before,
          after: row.after,
        }),
      );
    },
  };
}

async function findMembers(dataSource: DataSource, organisationId: string, query: MemberQuery): Promise<MemberListing[]> {
  if ('mention' in query) {
    const rows = await dataSource.query<MemberRow[]>(
      `${MEMBER_LISTING} AND m.id IN (SELECT member_id FROM channel_identities
                                        WHERE organisation_id = $1 AND channel = $2 AND tenant_id = $3 AND user_id = $4)`,
      [organisationId, query.mention.channel, query.mention.tenant, query.mention.userId],
    );
    return rows.map(toListing);
  }
  if ('email' in query) {
    const rows = await dataSource.query<MemberRow[]>(`${MEMBER_LISTING} AND lower(m.email) = lower($2)`, [organisationId, query.email]);
    return rows.map(toListing);
  }
  const exact = await dataSource.query<MemberRow[]>(`${MEMBER_LISTING} AND lower(m.display_name) = lower($2)`, [organisationId, query.name]);
  if (exact.length) return exact.map(toListing);
  const pattern = `%${query.name.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const partial = await dataSource.query<MemberRow[]>(
    `${MEMBER_LISTING} AND (m.display_name ILIKE $2 OR m.email ILIKE $2) ORDER BY m.display_name`,
    [organisationId, pattern],
  );
  return partial.map(toListing);
}

interface OrganisationRow {
  name: string;
  time_zone: string;
  default_locale: string;
  settings: OrganisationSettings;
}

function toSettings(row: OrganisationRow): OrganisationSettingsView {
  return {
    name: row.name,
    timeZone: row.time_zone,
    defaultLocale: parseLocale(row.default_locale) ?? 'fi',
    requiredFields: row.settings.requiredFields ?? [...DEFAULT_REQUIRED_FIELDS],
    reflectionQuestions: row.settings.reflectionQuestions ?? [],
    noteRetentionDays: row.settings.noteRetentionDays ?? null,
  };
}

async function writeSetting(manager: EntityManager, organisationId: string, setting: SettingChange): Promise<void> {
  if (setting.setting === 'timeZone') {
    await manager.query('UPDATE organisations SET time_zone = $2 WHERE id = $1', [organisationId, setting.value]);
  } else if (setting.setting === 'defaultLocale') {
    await manager.query('UPDATE organisations SET default_locale = $2 WHERE id = $1', [organisationId, setting.value]);
  } else {
    await manager.query('UPDATE organisations SET settings = settings || jsonb_build_object($2::text, $3::jsonb) WHERE id = $1', [
      organisationId,
      setting.setting,
      JSON.stringify(setting.value),
    ]);
  }
}

function toListing(row: MemberRow): MemberListing {
  return {
    id: row.id,
    displayName: row.display_name,
    email: row.email,
    role: row.role,
    unitNames: row.unit_names ?? [],
    channels: row.channels ?? [],
  };
}

async function audit(
  manager: EntityManager,
  organisationId: string,
  actorId: string | null,
  action: string,
  targetType: string,
  targetId: string | null,
  before: unknown,
  after: unknown,
): Promise<void> {
  await manager.query(
    `INSERT INTO audit_events (organisation_id, actor_id, action, target_type, target_id, before, after)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [organisationId, actorId, action, targetType, targetId, before == null ? null : JSON.stringify(before), after == null ? null : JSON.stringify(after)],
  );
}

/** Every instance reloads its cached catalogue once it sees the new version; also serialises catalogue changes. */
async function bumpCatalogue(manager: EntityManager, organisationId: string): Promise<void> {
  await manager.query(
    `UPDATE organisations
        SET settings = jsonb_set(settings, '{catalogueVersion}', to_jsonb(COALESCE((settings->>'catalogueVersion')::int, 0) + 1))
      WHERE id = $1`,
    [organisationId],
  );
}

/** The organisation's mentors, locked, so two demotions cannot leave it without one. */
async function lockMentors(manager: EntityManager, organisationId: string): Promise<string[]> {
  const rows = await manager.query<{ id: string }[]>(
    `SELECT id FROM members WHERE organisation_id = $1 AND role = 'mentor' AND removed_at IS NULL ORDER BY id FOR UPDATE`,
    [organisationId],
  );
  return rows.map((row) => row.id);
}

async function lockMember(
  manager: EntityManager,
  organisationId: string,
  memberId: string,
): Promise<{ role: Role; display_name: string | null; email: string | null; unit_ids: string[] }> {
  const [member] = await manager.query<{ role: Role; display_name: string | null; email: string | null; unit_ids: string[] }[]>(
    'SELECT role, display_name, email, unit_ids FROM members WHERE organisation_id = $1 AND id = $2 AND removed_at IS NULL FOR UPDATE',
    [organisationId, memberId],
  );
  if (!member) throw new Refused('notFound');
  return member;
}

async function lockNamed(manager: EntityManager, table: string, organisationId: string, name: string): Promise<{ id: string; name: string; aliases: string[] }> {
  const [row] = await manager.query<{ id: string; name: string; aliases: string[] }[]>(
    `SELECT id, name, aliases FROM ${table} WHERE organisation_id = $1 AND archived_at IS NULL AND ${NAMED}
      ORDER BY lower(name) = lower($2) DESC LIMIT 1 FOR UPDATE`,
    [organisationId, name],
  );
  if (!row) throw new Refused('notFound');
  return row;
}

interface ThemeRow {
  id: string;
  key: string;
  labels: Partial<Record<Locale, string>>;
  keywords: Partial<Record<Locale, string[]>>;
}

async function lockTheme(manager: EntityManager, organisationId: string, name: string): Promise<ThemeRow> {
  const [theme] = await manager.query<ThemeRow[]>(
    `SELECT id, key, labels, keywords FROM themes WHERE organisation_id = $1 AND archived_at IS NULL AND ${THEME_NAMED} LIMIT 1 FOR UPDATE`,
    [organisationId, name],
  );
  if (!theme) throw new Refused('notFound');
  return theme;
}

async function addTheme(
  manager: EntityManager,
  organisationId: string,
  actorId: string,
  label: string,
  keywords: Partial<Record<Locale, string[]>>,
  locale: Locale,
): Promise<ChangeStatus> {
  const key = themeKey(label);
  const [existing] = await manager.query<(ThemeRow & { archived_at: Date | null })[]>(
    `SELECT id, key, labels, keywords, archived_at FROM themes WHERE organisation_id = $1 AND (key = $3 OR ${THEME_NAMED}) FOR UPDATE`,
    [organisationId, label, key],
  );
  const words: Partial<Record<Locale, string[]>> = {};
  for (const [language, list] of Object.entries(keywords) as [Locale, string[]][]) words[language] = mergeWords([], list.map((w) => w.toLowerCase()), '');
  // Without keywords, the label itself is the keyword.
  if (!Object.values(words).some((list) => list?.length)) words[locale] = [label.toLowerCase()];
  if (existing && !existing.archived_at) throw new Refused('exists');
  if (existing) {
    const merged = { ...existing.keywords };
    for (const [language, list] of Object.entries(words) as [Locale, string[]][]) merged[language] = mergeWords(merged[language] ?? [], list, '');
    await manager.query('UPDATE themes SET archived_at = NULL, keywords = $3 WHERE organisation_id = $1 AND id = $2', [
      organisationId,
      existing.id,
      JSON.stringify(merged),
    ]);
    const name = existing.labels[locale] ?? label;
    await audit(manager, organisationId, actorId, 'theme.restore', 'theme', existing.key, { name, archived: true }, { name, archived: false, keywords: words });
    return 'restored';
  }
  const labels = { fi: label, sv: label, en: label };
  await manager.query('INSERT INTO themes (organisation_id, key, labels, keywords) VALUES ($1, $2, $3, $4)', [
    organisationId,
    key,
    JSON.stringify(labels),
    JSON.stringify({ fi: [], sv: [], en: [], ...words }),
  ]);
  await audit(manager, organisationId, actorId, 'theme.add', 'theme', key, null, { name: label, key, keywords: words });
  return 'done';
}

async function unitIdOf(manager: EntityManager, organisationId: string, name: string): Promise<string | null> {
  const [unit] = await manager.query<{ id: string }[]>(
    `SELECT id FROM units WHERE organisation_id = $1 AND archived_at IS NULL AND ${NAMED} ORDER BY lower(name) = lower($2) DESC LIMIT 1`,
    [organisationId, name],
  );
  return unit?.id ?? null;
}

/** A theme key from its label: "Ilmasto ja ympäristö" → "ilmasto_ja_ymparisto". */
export function themeKey(label: string): string {
  const key = label
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return key || `theme_${Buffer.from(label).toString('hex').slice(0, 12)}`;
}

/** The old words plus new ones, without case-insensitive repeats and without `name` itself. */
function mergeWords(old: string[], added: string[], name: string): string[] {
  const out = [...old];
  const seen = new Set([...old.map((w) => w.toLowerCase()), name.toLowerCase()]);
  for (const word of added.map((w) => w.trim()).filter(Boolean)) {
    if (seen.has(word.toLowerCase())) continue;
    seen.add(word.toLowerCase());
    out.push(word);
  }
  return out;
}
