/** What a report asker may see, shared by answers, exports and goals. */
import type { Catalogue } from '../nlu/catalogue';
import type { MemberInfo, ReportStore, ReportUnitScope, Role } from '../ports';
import type { ReportCatalogue } from './question';

/** Mentors see every unit; a manager the units they belong to, or all when none are set. */
export function unitScopeOf(role: Role, memberUnitIds: string[]): ReportUnitScope {
  return { unitIds: role === 'manager' && memberUnitIds.length ? memberUnitIds : null };
}

/** The asker's unit scope, reading a manager's units from the store. */
export async function visibleScope(ctx: { reports: ReportStore; organisationId: string; member: MemberInfo }): Promise<ReportUnitScope> {
  if (ctx.member.role !== 'manager') return unitScopeOf(ctx.member.role, []);
  return unitScopeOf(ctx.member.role, await ctx.reports.memberUnits(ctx.organisationId, ctx.member.id));
}

const idless = new WeakMap<Catalogue, ReportCatalogue>();

/**
 * The extraction catalogue as a report catalogue without ids: enough to tell what a message asks for. One per
 * catalogue (the directory keeps one per version), so the name matchers compiled for its items are reused.
 */
export function withoutIds(catalogue: Catalogue): ReportCatalogue {
  let report = idless.get(catalogue);
  if (!report) {
    report = {
      ...catalogue,
      units: catalogue.units.map((unit) => ({ ...unit, id: '' })),
      activities: catalogue.activities.map((activity) => ({ ...activity, id: '' })),
    };
    idless.set(catalogue, report);
  }
  return report;
}

