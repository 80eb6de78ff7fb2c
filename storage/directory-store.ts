import type { DataSource } from 'typeorm';
import type { Catalogue } from '../bot/nlu/catalogue';
import type { WorkForm } from '../bot/entry';
import type { DirectoryStore, Identity } from '../bot/ports';
import { MEMBER_COLUMNS, toMember, toOrganisation, type MemberRow, type OrganisationRow } from './identity-rows';
import { createWorkspaceOrganisation } from './organisations';
import { ORGANISATION_BY_CHANNEL } from './channel-organisation';

/** How long a loaded catalogue is reused; extraction compiles its matchers once per catalogue object. */
const CATALOGUE_TTL_MS = 30_000;
/** A catalogue not asked for this long is dropped, with its matchers (about 1.5 MB for custom themes). */
const IDLE_CATALOGUE_MS = 5 * 60_000;

export function createDirectoryStore(dataSource: DataSource): DirectoryStore {
  const catalogues = new Map<string, { loaded: number; version: number | undefined; catalogue: Promise<Catalogue> }>();
  let swept = Date.now();
  const dropIdleCatalogues = (now: number) => {
    if (now - swept < CATALOGUE_TTL_MS) return;
    swept = now;
    for (const [organisationId, cached] of catalogues) if (now - cached.loaded > IDLE_CATALOGUE_MS) catalogues.delete(organisationId);
  };
  // Organisations with the same themes share one array, and so one compiled keyword matcher (about 1.5 MB each).
  // The arrays are held weakly: a theme list no organisation's catalogue uses any more, such as the one before
  // a theme was added, goes with its matcher.
  const themeCatalogues = new Map<string, WeakRef<Catalogue['themes']>>();
  const forget = new FinalizationRegistry<string>((key) => {
    if (!themeCatalogues.get(key)?.deref()) themeCatalogues.delete(key);
  });
  const sharedThemes = (themes: Catalogue['themes']): Catalogue['themes'] => {
    const key = JSON.stringify(themes);
    const known = themeCatalogues.get(key)?.deref();
    if (known) return known;
    themeCatalogues.set(key, new WeakRef(themes));
    forget.register(themes, key);
    return themes;
  };
  return {
    async identify(channel, tenant, userId, otherUserIds = []) {
      const condition = ORGANISATION_BY_CHANNEL[channel];
      if (!condition) return null;
      const [organisation] = await dataSource.query<OrganisationRow[]>(
        `SELECT id, name, time_zone, default_locale, settings FROM organisations WHERE ${condition}`,
        [tenant],
      );
      if (!organisation) return null;
      const [member] = await dataSource.query<MemberRow[]>(
        `SELECT ${MEMBER_COLUMNS}
           FROM channel_identities ci
           JOIN members m ON m.organisation_id = ci.organisation_id AND m.id = ci.member_id
          WHERE ci.channel = $1 AND ci.tenant_id = $2 AND ci.user_id = ANY($3::text[])
            AND ci.organisation_id = $4 AND m.removed_at IS NULL
          ORDER BY ci.user_id = $5 DESC LIMIT 1`,
        [channel, tenant, [userId, ...otherUserIds], organisation.id, userId],
      );
      const identity: Identity = { organisation: toOrganisation(organisation), member: member ? toMember(member) : null };
      return identity;
    },

    async addMember(organisationId, member, identity) {
      return dataSource.transaction(async (manager) => {
        const [created] = await manager.query<MemberRow[]>(
          `INSERT INTO members (organisation_id, display_name, email, role, locale)
           VALUES ($1, $2, $3, $4, $5)
           RETURNING id, organisation_id, display_name, role, locale`,
          [organisationId, member.displayName, member.email, member.role, member.locale],
        );
        const bound = await manager.query<{ member_id: string }[]>(
          `INSERT INTO channel_identities (organisation_id, channel, tenant_id, user_id, member_id)
           VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (channel, tenant_id, user_id) DO NOTHING
           RETURNING member_id`,
          [organisationId, identity.channel, identity.tenant, identity.userId, created.id],
        );
        if (bound.length > 0) return toMember(created);
        // Another request bound this user first: keep that member, drop ours.
        await manager.query('DELETE FROM members WHERE organisation_id = $1 AND id = $2', [organisationId, created.id]);
        const [existing] = await manager.query<MemberRow[]>(
          `SELECT ${MEMBER_COLUMNS}
             FROM channel_identities ci
             JOIN members m ON m.organisation_id = ci.organisation_id AND m.id = ci.member_id
            WHERE ci.organisation_id = $1 AND ci.channel = $2 AND ci.tenant_id = $3 AND ci.user_id = $4`,
          [organisationId, identity.channel, identity.tenant, identity.userId],
        );
        // Never another organisation's member: that channel user is bound elsewhere.
        if (!existing) throw new Error(`the ${identity.channel} user is a member of another organisation`);
        return toMember(existing);
      });
    },

    async createOrganisation(spec) {
      const organisation = await createWorkspaceOrganisation(dataSource, {
        name: spec.name,
        timeZone: spec.timeZone,
        defaultLocale: spec.defaultLocale,
        teamsTenantId: spec.channel === 'teams' ? spec.tenant : null,
        slackTeamId: spec.channel === 'slack' ? spec.tenant : null,
        tenant: spec.tenant,
      });
      if (!organisation) return null;
      return toOrganisation({
        id: organisation.id,
        name: organisation.name,
        time_zone: organisation.timeZone,
        default_locale: organisation.defaultLocale,
        settings: organisation.settings,
      });
    },

    catalogue(organisationId, version): Promise<Catalogue> {
      const cached = catalogues.get(organisationId);
      const current = version === undefined || cached?.version === version;
      if (cached && current && Date.now() - cached.loaded < CATALOGUE_TTL_MS) return cached.catalogue;
      const now = Date.now();
      dropIdleCatalogues(now);
      const catalogue = loadCatalogue(dataSource, organisationId).then((loaded) => ({ ...loaded, themes: sharedThemes(loaded.themes) }));
      catalogues.set(organisationId, { loaded: now, version, catalogue });
      catalogue.catch(() => catalogues.delete(organisationId));
      return catalogue;
    },
  };
}

async function loadCatalogue(dataSource: DataSource, organisationId: string): Promise<Catalogue> {
  const [units, activities, themes] = await Promise.all([
    dataSource.query<{ name: string; aliases: string[] }[]>(
      'SELECT name, aliases FROM units WHERE organisation_id = $1 AND archived_at IS NULL ORDER BY name',
      [organisationId],
    ),
    dataSource.query<{ name: string; unit: string | null; aliases: string[]; work_form: WorkForm | null }[]>(
      `SELECT a.name, u.name AS unit, a.aliases, a.work_form
         FROM activities a
         LEFT JOIN units u ON u.organisation_id = a.organisation_id AND u.id = a.unit_id
        WHERE a.organisation_id = $1 AND a.archived_at IS NULL ORDER BY a.name`,
      [organisationId],
    ),
    dataSource.query<Catalogue['themes']>(
      'SELECT key, labels, keywords FROM themes WHERE organisation_id = $1 AND archived_at IS NULL ORDER BY key',
      [organisationId],
    ),
  ]);
  return {
    units,
    activities: activities.map((a) => ({ name: a.name, unit: a.unit, aliases: a.aliases, workForm: a.work_form })),
    themes,
  };
}
