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
    if (existing) return existing;
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
  });
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

/** A new organisation for a channel workspace; the name gets the workspace id added if it is taken. */
export async function createWorkspaceOrganisation(dataSource: DataSource, spec: NewOrganisation & { tenant: string }): Promise<Organisation> {
  const taken = await findOrganisationByName(dataSource, spec.name);
  const name = taken ? `${spec.name} (${spec.tenant.slice(0, 8)})` : spec.name;
  return ensureOrganisation(dataSource, { ...spec, name });
}

export async function findOrganisationByName(dataSource: DataSource, name: string): Promise<Organisation | null> {
  return dataSource.getRepository(Organisation).findOneBy({ name });
}
