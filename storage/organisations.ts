import type { DataSource, EntityManager } from 'typeorm';
import type { Locale } from '../bot/locale';
import { DEFAULT_THEMES } from '../bot/nlu/default-themes';
import { DEFAULT_ACTIVITIES, DEFAULT_UNITS } from '../bot/organisation-defaults';
import { Activity, Organisation, Theme, Unit } from './entities';

export interface NewOrganisation {
  name: string;
  timeZone: string;
  defaultLocale?: Locale;
  teamsTenantId?: string | null;
  slackTeamId?: string | null;
}

/** Finds the organisation by name, or creates it with the default units, activities and themes. */
export async function ensureOrganisation(dataSource: DataSource, spec: NewOrganisation): Promise<Organisation> {
  return dataSource.transaction(async (manager) => {
    await manager.query('LOCK TABLE organisations IN SHARE ROW EXCLUSIVE MODE');
    const existing = await manager.findOneBy(Organisation, { name: spec.name });
    return existing ?? insertOrganisation(manager, spec);
  });
}

async function insertOrganisation(manager: EntityManager, spec: NewOrganisation): Promise<Organisation> {
  const organisation = await manager.save(
    manager.create(Organisation, {
      name: spec.name,
      timeZone: spec.timeZone,
      defaultLocale: spec.defaultLocale ?? 'fi',
      teamsTenantId: spec.teamsTenantId ?? null,
      slackTeamId: spec.slackTeamId ?? null,
      settings: {},
    }),
  );
  await addDefaultStructure(manager, organisation.id);
  return organisation;
}

async function addDefaultStructure(manager: EntityManager, organisationId: string): Promise<void> {
  const units = await manager.save(
    DEFAULT_UNITS.map((unit) => manager.create(Unit, { organisationId, name: unit.name, aliases: unit.aliases })),
  );
  const unitIds = new Map(units.map((unit) => [unit.name, unit.id]));
  await manager.save(
    DEFAULT_ACTIVITIES.map((activity) =>
      manager.create(Activity, {
        organisationId,
        name: activity.name,
        unitId: activity.unit ? (unitIds.get(activity.unit) ?? null) : null,
        aliases: activity.aliases,
        workForm: activity.workForm,
      }),
    ),
  );
  await manager.save(
    DEFAULT_THEMES.map((theme) =>
      manager.create(Theme, { organisationId, key: theme.key, labels: theme.labels, keywords: theme.keywords }),
    ),
  );
}

/**
 * A new organisation for a channel workspace, named the first free way (see freeName). Null when
 * the workspace has an organisation already: the first messages of a new workspace can arrive together, and
 * only one of them signs it up.
 */
export async function createWorkspaceOrganisation(dataSource: DataSource, spec: NewOrganisation & { tenant: string }): Promise<Organisation | null> {
  return dataSource.transaction(async (manager) => {
    await manager.query('LOCK TABLE organisations IN SHARE ROW EXCLUSIVE MODE');
    const workspace = spec.teamsTenantId ? { teamsTenantId: spec.teamsTenantId } : spec.slackTeamId ? { slackTeamId: spec.slackTeamId } : null;
    if (workspace && (await manager.findOneBy(Organisation, workspace))) return null;
    return insertOrganisation(manager, { ...spec, name: await freeName(manager, spec.name, spec.tenant) });
  });
}

/** The name, or the name with the workspace id added, shortened or whole, or then a number: the first that is free. */
async function freeName(manager: EntityManager, name: string, tenant: string): Promise<string> {
  const free = async (candidate: string) => !(await manager.findOneBy(Organisation, { name: candidate }));
  for (const candidate of [name, `${name} (${tenant.slice(0, 8)})`, `${name} (${tenant})`]) if (await free(candidate)) return candidate;
  for (let n = 2; ; n++) if (await free(`${name} (${tenant}) ${n}`)) return `${name} (${tenant}) ${n}`;
}

export async function findOrganisationByName(dataSource: DataSource, name: string): Promise<Organisation | null> {
  return dataSource.getRepository(Organisation).findOneBy({ name });
}
