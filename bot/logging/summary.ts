import { t } from '../i18n';
import type { Locale } from '../locale';
import type { Card, Reply } from '../messages';
import type { Catalogue } from '../nlu/catalogue';
import type { DraftState } from './draft';
import { formatDate, formatDuration, formatParticipants, themeLabels, workFormLabel } from './format';

/** Data carried by the buttons of a draft's cards, checked when they come back. */
export interface DraftButton {
  action: 'save' | 'edit' | 'cancel' | 'mask' | 'keep';
  origin: string;
  revision: number;
}

export function isDraftButton(data: Record<string, unknown> | null | undefined): data is Record<string, unknown> & DraftButton {
  return (
    !!data &&
    ['save', 'edit', 'cancel', 'mask', 'keep'].includes(data.action as string) &&
    typeof data.origin === 'string' &&
    typeof data.revision === 'number'
  );
}

function button(state: DraftState, action: DraftButton['action']): Record<string, unknown> {
  return { action, origin: state.originMessageId, revision: state.revision } satisfies DraftButton;
}

/** The draft as a card with Save, Edit and Cancel. */
export function summaryCard(state: DraftState, catalogue: Catalogue, locale: Locale): Card {
  const f = state.fields;
  const facts: Card['facts'] = [
    { label: t(locale, 'fieldDate'), value: f.date ? formatDate(f.date, locale) : '–' },
    { label: t(locale, 'fieldWorkForm'), value: workFormLabel(f.workForm, locale) },
    { label: t(locale, 'fieldParticipants'), value: formatParticipants(f.participants, locale) },
  ];
  if (f.unit) facts.push({ label: t(locale, 'fieldUnit'), value: f.unit });
  if (f.activity) facts.push({ label: t(locale, 'fieldActivity'), value: f.activity });
  if (f.durationMinutes != null) facts.push({ label: t(locale, 'fieldDuration'), value: formatDuration(f.durationMinutes) });
  if (f.themes.length) facts.push({ label: t(locale, 'fieldThemes'), value: themeLabels(f.themes, catalogue, locale) });
  if (f.ageGroups?.length) facts.push({ label: t(locale, 'fieldAges'), value: f.ageGroups.join(', ') });
  if (f.staffCount != null) facts.push({ label: t(locale, 'fieldStaff'), value: String(f.staffCount) });
  if (f.youthLed != null) facts.push({ label: t(locale, 'fieldYouthLed'), value: t(locale, f.youthLed ? 'yes' : 'no') });
  if (f.notes) facts.push({ label: t(locale, 'fieldNotes'), value: f.notes });
  return {
    title: t(locale, 'summaryTitle'),
    facts,
    buttons: [
      { label: t(locale, 'save'), data: button(state, 'save'), style: 'primary' },
      { label: t(locale, 'edit'), data: button(state, 'edit') },
      { label: t(locale, 'cancel'), data: button(state, 'cancel'), style: 'danger' },
    ],
  };
}

export function summaryReply(state: DraftState, catalogue: Catalogue, locale: Locale, lead?: string): Reply {
  const intro = t(locale, 'summaryIntro');
  return { text: lead ? `${lead}\n${intro}` : intro, card: summaryCard(state, catalogue, locale), locale };
}

export function privacyCard(state: DraftState, locale: Locale): Card {
  return {
    title: t(locale, 'privacyTitle'),
    facts: [{ label: t(locale, 'fieldNotes'), value: state.fields.notes ?? '' }],
    buttons: [
      { label: t(locale, 'maskPersonalData'), data: button(state, 'mask'), style: 'primary' },
      { label: t(locale, 'keepNotes'), data: button(state, 'keep') },
      { label: t(locale, 'cancel'), data: button(state, 'cancel'), style: 'danger' },
    ],
  };
}
