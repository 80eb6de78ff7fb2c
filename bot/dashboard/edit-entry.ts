/**
 * Editing an entry on the page: a member changes their own entries, a mentor anyone's. The change is checked
 * like a log (counts, required fields, no personal data in the notes) and saved with its audit event.
 */
import { z } from 'zod';
import { isAllowed } from '../admin/permissions';
import { cleanText } from '../clean-input';
import { t, type PhraseKey } from '../i18n';
import type { Locale } from '../locale';
import { findPersonalData, type PersonalDataKind } from '../nlu/privacy';
import type { DashboardEntry, EntryChange } from '../ports';
import { entryPatchSchema, FIELD_LABELS, type EntryPatch } from './entry-patch';
import { entryView, mayEdit, type EntryDependencies, type EntryView } from './entries';
import { failure, forbidden, ok, type DashboardAsker, type DashboardResult } from './result';

const PERSONAL_DATA_LABELS: Record<PersonalDataKind, PhraseKey> = {
  name: 'personalName',
  phone: 'personalPhone',
  personal_id: 'personalId',
  email: 'personalEmail',
};

/** Required fields of the organisation's settings, as the patch names them. */
const REQUIRED_AS_PATCH: Record<string, string> = { unit: 'unitId', 'participants.total': 'participants.total' };

export async function editEntry(deps: EntryDependencies, asker: DashboardAsker, entryId: string, body: unknown): Promise<DashboardResult<EntryView>> {
  const { member, organisation } = asker.viewer;
  const { locale } = asker;
  if (!isAllowed(member.role, 'editEntry')) return forbidden(locale, 'editEntry');
  const entry = z.guid().safeParse(entryId).success ? await deps.dashboard.findEntry(organisation.id, entryId) : null;
  if (!entry) return failure('notFound', locale, 'dashboardEntryNotFound');
  if (!mayEdit(entry, asker)) return forbidden(locale, 'editAnyEntry');

  const parsed = entryPatchSchema.safeParse(body ?? {});
  if (!parsed.success) {
    const [issue] = parsed.error.issues;
    return invalidField(issue.code === 'unrecognized_keys' ? [...issue.path, ...issue.keys] : issue.path, locale);
  }
  const patch = parsed.data;
  if (!Object.keys(patch).length) return failure('invalid', locale, 'dashboardNothingToChange');
  const checked = await check(deps, asker, entry, patch);
  if (!checked.ok) return checked;

  // Only those who may edit anyone's entries write to another's: the store checks the author once more.
  const onlyAuthor = isAllowed(member.role, 'editAnyEntry') ? null : member.id;
  const updated = await deps.dashboard.updateEntry(organisation.id, member.id, entry.id, checked.value, onlyAuthor);
  if (!updated) return failure('notFound', locale, 'dashboardEntryNotFound');
  return ok(entryView(updated, asker));
}

/** The patch as a change to store, or what is wrong with it. */
async function check(deps: EntryDependencies, asker: DashboardAsker, entry: DashboardEntry, patch: EntryPatch): Promise<DashboardResult<EntryChange>> {
  const { locale } = asker;
  const { organisation } = asker.viewer;
  const catalogue = await deps.reports.catalogue(organisation.id);
  if (patch.unitId && !catalogue.units.some((unit) => unit.id === patch.unitId)) return failure('invalid', locale, 'dashboardUnknownUnit');
  const themes = patch.themes ? [...new Set(patch.themes)] : undefined;
  // A theme archived since the entry was saved may stay on it.
  const unknown = (themes ?? []).filter((key) => !catalogue.themes.some((theme) => theme.key === key) && !entry.themes.includes(key));
  if (unknown.length) return failure('invalid', locale, 'dashboardUnknownTheme', { themes: unknown.join(', ') });

  const participants = patch.participants ? { ...entry.participants, ...patch.participants } : undefined;
  if (participants) {
    const { total, girls, boys, nonBinary } = participants;
    const parts = (girls ?? 0) + (boys ?? 0) + (nonBinary ?? 0);
    if (total !== null && parts > total) return failure('invalid', locale, 'dashboardCountsExceedTotal', { parts, total });
    if (total !== null && participants.new !== null && participants.new > total) {
      return failure('invalid', locale, 'dashboardCountsExceedTotal', { parts: participants.new, total });
    }
  }
  // Notes are typed in a browser: no NUL or lone surrogate may reach the database.
  const notes = patch.notes === undefined ? undefined : (patch.notes === null ? '' : cleanText(patch.notes)).trim() || null;
  const { participants: _partial, themes: _themes, notes: _notes, ...plain } = patch;
  const change: EntryChange = { ...plain, ...(themes ? { themes } : {}), ...(participants ? { participants } : {}), ...(notes !== undefined ? { notes } : {}) };

  for (const required of organisation.requiredFields) {
    const field = REQUIRED_AS_PATCH[required] ?? required;
    if (valueAt(patch, field) === null) return failure('invalid', locale, 'dashboardRequiredField', { field: fieldLabel(field, locale) });
  }
  const personal = notes ? findPersonalData(notes) : [];
  if (personal.length) {
    const kinds = [...new Set(personal.map((found) => t(locale, PERSONAL_DATA_LABELS[found.kind])))].join(', ');
    return failure('personalData', locale, 'dashboardPersonalData', { kinds });
  }
  return ok(change);
}

/** The patch's value at "field" or "participants.total"; undefined when the patch leaves it alone. */
function valueAt(patch: EntryPatch, field: string): unknown {
  const [head, tail] = field.split('.');
  const value = (patch as Record<string, unknown>)[head];
  if (!tail) return value;
  return value && typeof value === 'object' ? (value as Record<string, unknown>)[tail] : undefined;
}

function invalidField<T>(path: PropertyKey[], locale: Locale): DashboardResult<T> {
  const field = path.filter((part) => typeof part === 'string').slice(0, 2).join('.');
  return failure('invalid', locale, 'dashboardInvalidField', { field: fieldLabel(field, locale) });
}

function fieldLabel(field: string, locale: Locale): string {
  const key = FIELD_LABELS[field] ?? FIELD_LABELS[field.split('.')[0]];
  return key ? t(locale, key) : field;
}
