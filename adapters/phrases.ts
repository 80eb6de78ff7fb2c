import { fillPhrase } from '../bot/i18n';
import type { Locale } from '../bot/locale';

/** What the channel adapters themselves tell users about delivering files, in fi, sv and en. */
export const DELIVERY_PHRASES = {
  downloadButton: { en: 'Download', fi: 'Lataa', sv: 'Ladda ner' },
  downloadsNeedPublicUrl: {
    en: 'The file {filename} cannot be offered here: downloads need PUBLIC_BASE_URL to be configured. Ask the administrator of your Logbook service.',
    fi: 'Tiedostoa {filename} ei voi tarjota täällä: lataukset vaativat, että PUBLIC_BASE_URL on määritetty. Kysy Logbook-palvelusi ylläpitäjältä.',
    sv: 'Filen {filename} kan inte erbjudas här: nedladdningar kräver att PUBLIC_BASE_URL är konfigurerad. Fråga administratören för er Logbook-tjänst.',
  },
  attachmentFailed: {
    en: 'Sorry, I could not send the file {filename}.',
    fi: 'Pahoittelen, en saanut lähetettyä tiedostoa {filename}.',
    sv: 'Förlåt, jag kunde inte skicka filen {filename}.',
  },
  attachmentOnlyInDirectMessage: {
    en: 'I can send the file {filename} only in a direct message with me: ask me there.',
    fi: 'Voin lähettää tiedoston {filename} vain yksityisviestissä: kysy minulta siellä.',
    sv: 'Jag kan skicka filen {filename} bara i ett direktmeddelande till mig: fråga mig där.',
  },
  attachmentSaved: {
    en: '{description}: saved to {path}',
    fi: '{description}: tallennettu tiedostoon {path}',
    sv: '{description}: sparad i {path}',
  },
} satisfies Record<string, Record<Locale, string>>;

export type DeliveryPhraseKey = keyof typeof DELIVERY_PHRASES;

/** A delivery phrase in the reply's language, with its `{name}` parameters filled. */
export function deliveryText(locale: Locale, key: DeliveryPhraseKey, params: Record<string, string | number> = {}): string {
  return fillPhrase(DELIVERY_PHRASES[key][locale], params);
}
