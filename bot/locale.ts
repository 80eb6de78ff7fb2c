export const LOCALES = ['fi', 'sv', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** Maps a channel locale such as "fi-FI" or "sv_SE" to one of ours; null for any other language. */
export function parseLocale(value: string | null | undefined): Locale | null {
  const lang = (value ?? '').slice(0, 2).toLowerCase();
  return (LOCALES as readonly string[]).includes(lang) ? (lang as Locale) : null;
}
