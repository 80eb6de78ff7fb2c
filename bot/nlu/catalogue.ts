import type { Locale } from '../locale';
import type { WorkForm } from '../entry';

/** What extraction knows of one organisation: its units, activities and themes. */
export interface CatalogueUnit {
  name: string;
  aliases: string[];
}

export interface CatalogueActivity {
  name: string;
  /** Name of the unit it belongs to. */
  unit: string | null;
  aliases: string[];
  workForm: WorkForm | null;
}

export interface CatalogueTheme {
  key: string;
  labels: Record<Locale, string>;
  /** Keyword stems per language; matched against inflected and compound forms. */
  keywords: Record<Locale, string[]>;
}

export interface Catalogue {
  units: CatalogueUnit[];
  activities: CatalogueActivity[];
  themes: CatalogueTheme[];
}

export interface ExtractContext {
  /** Today in the organisation's time zone, YYYY-MM-DD. */
  today: string;
  catalogue: Catalogue;
}
