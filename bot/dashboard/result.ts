/** What a dashboard use case answers: a value, or why not, with a message in the asker's language. */
import { refusalKey, type CommandKind } from '../admin/permissions';
import { t, type PhraseKey } from '../i18n';
import type { Locale } from '../locale';
import type { DashboardViewer } from '../ports';

export type DashboardError = 'forbidden' | 'invalid' | 'notFound' | 'personalData';

export type DashboardResult<T> = { ok: true; value: T } | { ok: false; error: DashboardError; message: string };

/** A signed-in viewer with the language and day of this request. */
export interface DashboardAsker {
  viewer: DashboardViewer;
  locale: Locale;
  /** Today in the organisation's time zone, YYYY-MM-DD. */
  today: string;
}

export const ok = <T>(value: T): DashboardResult<T> => ({ ok: true, value });

export function failure<T>(error: DashboardError, locale: Locale, key: PhraseKey, params: Record<string, string | number> = {}): DashboardResult<T> {
  return { ok: false, error, message: t(locale, key, params) };
}

/** The refusal chat gives for the same kind of request. */
export function forbidden<T>(locale: Locale, kind: CommandKind): DashboardResult<T> {
  return failure('forbidden', locale, refusalKey(kind));
}
