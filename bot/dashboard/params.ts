/** The page's query parameters (strings from the URL), read and checked for the use cases. */
import { z } from 'zod';
import { periodSchema, type Period } from '../../reports/query';
import type { ReportStore, ReportUnitScope } from '../ports';
import { failure, ok, type DashboardAsker, type DashboardResult } from './result';

/** Query parameters as the HTTP adapter hands them over. */
export type QueryInput = Record<string, unknown>;

const isoDate = z.iso.date();

/** One parameter as a string; a repeated one counts once, an empty one as absent. */
export function param(input: QueryInput, name: string): string | undefined {
  const raw = input[name];
  const value = Array.isArray(raw) ? raw[0] : raw;
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** from and to (inclusive); both absent means this year to date. */
export function readPeriod(input: QueryInput, asker: DashboardAsker): DashboardResult<Period> {
  const from = param(input, 'from');
  const to = param(input, 'to');
  if (from === undefined && to === undefined) return ok({ from: `${asker.today.slice(0, 4)}-01-01`, to: asker.today });
  const parsed = periodSchema.safeParse({ from, to });
  return parsed.success ? ok(parsed.data) : failure('invalid', asker.locale, 'dashboardInvalidPeriod');
}

/** Optional from and to for lists: either end may stay open. */
export function readOpenPeriod(input: QueryInput, asker: DashboardAsker): DashboardResult<{ from: string | null; to: string | null }> {
  const from = param(input, 'from') ?? null;
  const to = param(input, 'to') ?? null;
  const valid = (from === null || isoDate.safeParse(from).success) && (to === null || isoDate.safeParse(to).success) && (!from || !to || from <= to);
  return valid ? ok({ from, to }) : failure('invalid', asker.locale, 'dashboardInvalidPeriod');
}

/**
 * The `unit` parameter: null for every unit the asker sees, or a unit of the organisation that is within the
 * asker's scope (a manager sees their own units only).
 */
export async function readUnit(input: QueryInput, asker: DashboardAsker, reports: ReportStore, scope: ReportUnitScope): Promise<DashboardResult<string | null>> {
  const unit = param(input, 'unit');
  if (unit === undefined) return ok(null);
  if (!z.guid().safeParse(unit).success) return failure('invalid', asker.locale, 'dashboardUnknownUnit');
  const catalogue = await reports.catalogue(asker.viewer.organisation.id);
  if (!catalogue.units.some((known) => known.id === unit)) return failure('invalid', asker.locale, 'dashboardUnknownUnit');
  if (scope.unitIds && !scope.unitIds.includes(unit)) return failure('forbidden', asker.locale, 'dashboardOwnUnitsOnly');
  return ok(unit);
}

/** A whole number within bounds, or the fallback when absent; null when it is not one. */
export function readInteger(input: QueryInput, name: string, bounds: { min: number; max: number; fallback: number }): number | null {
  const value = param(input, name);
  if (value === undefined) return bounds.fallback;
  const parsed = z.coerce.number().int().min(bounds.min).max(bounds.max).safeParse(value);
  return parsed.success ? parsed.data : null;
}
