/** The words of report answers, tables, charts and clarifying questions, in fi, sv and en. */
import { fillPhrase } from '../bot/i18n';
import type { Locale } from '../bot/locale';

type Phrase = Record<Locale, string>;

export const REPORT_PHRASES = {
  metricEntries: { en: 'Entries', fi: 'Merkinnät', sv: 'Inlägg' },
  metricParticipants: { en: 'Participants', fi: 'Osallistujat', sv: 'Deltagare' },
  metricGirls: { en: 'Girls', fi: 'Tytöt', sv: 'Tjejer' },
  metricBoys: { en: 'Boys', fi: 'Pojat', sv: 'Killar' },
  metricNonBinary: { en: 'Non-binary participants', fi: 'Muunsukupuoliset', sv: 'Icke-binära' },
  metricNew: { en: 'New participants', fi: 'Uudet osallistujat', sv: 'Nya deltagare' },
  metricHours: { en: 'Hours', fi: 'Tunnit', sv: 'Timmar' },
  metricYouthLedShare: { en: 'Youth-led share', fi: 'Nuorten toteuttamien osuus', sv: 'Andel ungdomsledda' },
  metricGirlsShare: { en: 'Share of girls', fi: 'Tyttöjen osuus', sv: 'Andel tjejer' },

  byMonth: { en: 'by month', fi: 'kuukausittain', sv: 'per månad' },
  byWeek: { en: 'by week', fi: 'viikoittain', sv: 'per vecka' },
  byUnit: { en: 'by unit', fi: 'yksiköittäin', sv: 'per enhet' },
  byActivity: { en: 'by activity', fi: 'toiminnoittain', sv: 'per aktivitet' },
  byWorkForm: { en: 'by work form', fi: 'työmuodoittain', sv: 'per verksamhetsform' },
  byTheme: { en: 'by theme', fi: 'teemoittain', sv: 'per tema' },
  byGender: { en: 'by gender', fi: 'sukupuolittain', sv: 'per kön' },
  byOrganisation: { en: 'by organisation', fi: 'organisaatioittain', sv: 'per organisation' },

  columnMonth: { en: 'Month', fi: 'Kuukausi', sv: 'Månad' },
  columnWeek: { en: 'Week', fi: 'Viikko', sv: 'Vecka' },
  columnUnit: { en: 'Unit', fi: 'Yksikkö', sv: 'Enhet' },
  columnActivity: { en: 'Activity', fi: 'Toiminto', sv: 'Aktivitet' },
  columnWorkForm: { en: 'Work form', fi: 'Työmuoto', sv: 'Verksamhetsform' },
  columnTheme: { en: 'Theme', fi: 'Teema', sv: 'Tema' },
  columnGender: { en: 'Gender', fi: 'Sukupuoli', sv: 'Kön' },
  columnOrganisation: { en: 'Organisation', fi: 'Organisaatio', sv: 'Organisation' },
  columnChange: { en: 'Change', fi: 'Muutos', sv: 'Förändring' },
  total: { en: 'Total', fi: 'Yhteensä', sv: 'Totalt' },

  genderGirls: { en: 'Girls', fi: 'Tytöt', sv: 'Tjejer' },
  genderBoys: { en: 'Boys', fi: 'Pojat', sv: 'Killar' },
  genderNonBinary: { en: 'Non-binary', fi: 'Muunsukupuoliset', sv: 'Icke-binära' },
  noUnit: { en: '(no unit)', fi: '(ei yksikköä)', sv: '(ingen enhet)' },
  noActivity: { en: '(no activity)', fi: '(ei toimintoa)', sv: '(ingen aktivitet)' },
  noWorkForm: { en: '(no work form)', fi: '(ei työmuotoa)', sv: '(ingen verksamhetsform)' },
  unknown: { en: '(unknown)', fi: '(tuntematon)', sv: '(okänd)' },
  week: { en: 'week {week}, {year}', fi: 'vko {week}/{year}', sv: 'v. {week} {year}' },

  /** "Participants, March 2026: 1 234." */
  answerOne: { en: '{metric}, {period}: {value}.', fi: '{metric}, {period}: {value}.', sv: '{metric}, {period}: {value}.' },
  answerGrouped: {
    en: '{metric} {grouping}, {period}: {top}.',
    fi: '{metric} {grouping}, {period}: {top}.',
    sv: '{metric} {grouping}, {period}: {top}.',
  },
  answerTotal: { en: 'In total {value}.', fi: 'Yhteensä {value}.', sv: 'Totalt {value}.' },
  answerComparison: {
    en: '{period}: {value}, change {change}.',
    fi: '{period}: {value}, muutos {change}.',
    sv: '{period}: {value}, förändring {change}.',
  },
  answerShareOf: { en: '{num} of {den}', fi: '{num}/{den}', sv: '{num} av {den}' },
  answerNoData: {
    en: 'No entries for {period}.',
    fi: 'Ajalta {period} ei ole merkintöjä.',
    sv: 'Inga inlägg för {period}.',
  },
  answerNoShare: { en: 'no data', fi: 'ei tietoa', sv: 'inga uppgifter' },
  answerMore: { en: '{count} more in the table', fi: '{count} muuta taulukossa', sv: '{count} till i tabellen' },
  percentagePoints: { en: '{value} pp', fi: '{value} %-yksikköä', sv: '{value} procentenheter' },

  clarifyMetric: {
    en: 'What should I count: entries, participants, girls, boys, non-binary participants, new participants, hours, the share of girls or the youth-led share?',
    fi: 'Mitä lasken: merkintöjä, osallistujia, tyttöjä, poikia, muunsukupuolisia, uusia osallistujia, tunteja, tyttöjen osuutta vai nuorten toteuttamien osuutta?',
    sv: 'Vad ska jag räkna: inlägg, deltagare, tjejer, killar, icke-binära, nya deltagare, timmar, andelen tjejer eller andelen ungdomsledda?',
  },
  clarifyMetricOptions: {
    en: 'Which one should I count: {options}?',
    fi: 'Kumman lasken: {options}?',
    sv: 'Vilken ska jag räkna: {options}?',
  },
  clarifyPeriod: {
    en: 'For which period? For example last month, March, this year, this autumn or 2025.',
    fi: 'Miltä ajalta? Esimerkiksi viime kuu, maaliskuu, tämä vuosi, tämä syksy tai 2025.',
    sv: 'För vilken period? Till exempel förra månaden, mars, i år, i höstas eller 2025.',
  },
  clarifyComparison: {
    en: 'Compared with what: the previous period or the same period last year?',
    fi: 'Mihin verrataan: edelliseen jaksoon vai viime vuoden vastaavaan aikaan?',
    sv: 'Jämfört med vad: föregående period eller samma period förra året?',
  },
  or: { en: 'or', fi: 'vai', sv: 'eller' },

  summaryThemes: {
    en: 'Most common themes: {themes}.',
    fi: 'Yleisimmät teemat: {themes}.',
    sv: 'Vanligaste teman: {themes}.',
  },
  summaryExcerpts: { en: 'From the notes: {excerpts}', fi: 'Muistiinpanoista: {excerpts}', sv: 'Ur anteckningarna: {excerpts}' },
  summaryNone: {
    en: 'There are no notes for this period.',
    fi: 'Tältä ajalta ei ole muistiinpanoja.',
    sv: 'Det finns inga anteckningar för den här perioden.',
  },
} satisfies Record<string, Phrase>;

export type ReportPhraseKey = keyof typeof REPORT_PHRASES;

export function rt(locale: Locale, key: ReportPhraseKey, params: Record<string, string | number> = {}): string {
  return fillPhrase(REPORT_PHRASES[key][locale], params);
}
