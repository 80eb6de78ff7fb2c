import type { EntryFields, WorkForm } from '../entry';
import { t, type PhraseKey } from '../i18n';
import type { Locale } from '../locale';
import type { Catalogue } from '../nlu/catalogue';

const INTL_LOCALE: Record<Locale, string> = { fi: 'fi-FI', sv: 'sv-SE', en: 'en-GB' };

const WORK_FORM_PHRASE: Record<WorkForm, PhraseKey> = {
  open: 'workFormOpen',
  group: 'workFormGroup',
  individual: 'workFormIndividual',
  event: 'workFormEvent',
  outreach: 'workFormOutreach',
  digital: 'workFormDigital',
  camp: 'workFormCamp',
};

/** Intl formatters are slow to make: one per language. */
const DATE_FORMATS = Object.fromEntries(
  Object.entries(INTL_LOCALE).map(([locale, tag]) => [locale, new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeZone: 'UTC' })]),
) as Record<Locale, Intl.DateTimeFormat>;

/** A YYYY-MM-DD date as people of that language write it. */
export function formatDate(date: string, locale: Locale): string {
  return DATE_FORMATS[locale].format(new Date(`${date}T12:00:00Z`));
}

export function formatDuration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return [hours ? `${hours} h` : '', rest ? `${rest} min` : ''].filter(Boolean).join(' ') || '0 min';
}

export function workFormLabel(workForm: string | null, locale: Locale): string {
  return workForm && workForm in WORK_FORM_PHRASE ? t(locale, WORK_FORM_PHRASE[workForm as WorkForm]) : '–';
}

export function formatParticipants(participants: EntryFields['participants'], locale: Locale): string {
  const parts = [
    participants.girls != null ? `${participants.girls} ${t(locale, 'fieldGirls')}` : null,
    participants.boys != null ? `${participants.boys} ${t(locale, 'fieldBoys')}` : null,
    participants.nonBinary != null ? `${participants.nonBinary} ${t(locale, 'fieldNonBinary')}` : null,
    participants.new != null ? `${participants.new} ${t(locale, 'fieldNew')}` : null,
  ].filter(Boolean);
  const total = participants.total != null ? String(participants.total) : '–';
  return parts.length ? `${total} (${parts.join(', ')})` : total;
}

export function themeLabels(keys: string[], catalogue: Catalogue, locale: Locale): string {
  return keys.map((key) => catalogue.themes.find((theme) => theme.key === key)?.labels[locale] ?? key).join(', ');
}

/** One line about an entry, for lists and confirmations. */
export function entryLine(
  entry: { date: string; workForm: string | null; total: number | null; unit: string | null },
  locale: Locale,
): string {
  return [
    formatDate(entry.date, locale),
    workFormLabel(entry.workForm, locale),
    entry.total != null ? t(locale, 'participantsCount', { count: entry.total }) : null,
    entry.unit,
  ]
    .filter(Boolean)
    .join(', ');
}
