import type { EntryFields } from '../entry';
import type { Catalogue } from '../nlu/catalogue';
import type { LlmEntry } from './llm-schema';

/**
 * Rules win wherever they found a value; the model only fills gaps, and only with values the
 * organisation knows (its units, activities, themes) and dates that are not in the future.
 */
export function mergeWithRules(rules: EntryFields, model: LlmEntry, catalogue: Catalogue, today: string): EntryFields {
  const known = (name: string | null, items: { name: string }[]) => (name && items.some((item) => item.name === name) ? name : null);
  const themeKeys = new Set(catalogue.themes.map((theme) => theme.key));
  const modelDate = model.date && model.date <= today && !Number.isNaN(Date.parse(model.date)) ? model.date : null;
  const rulesDateIsDefault = rules.date === today;
  return {
    date: rulesDateIsDefault && modelDate ? modelDate : rules.date,
    unit: rules.unit ?? known(model.unit, catalogue.units),
    activity: rules.activity ?? known(model.activity, catalogue.activities),
    workForm: rules.workForm ?? model.workForm,
    durationMinutes: rules.durationMinutes ?? model.durationMinutes,
    participants: {
      total: rules.participants.total ?? model.participants.total,
      girls: rules.participants.girls ?? model.participants.girls,
      boys: rules.participants.boys ?? model.participants.boys,
      nonBinary: rules.participants.nonBinary ?? model.participants.nonBinary,
      new: rules.participants.new ?? model.participants.new,
    },
    ageGroups: rules.ageGroups ?? model.ageGroups,
    youthLed: rules.youthLed ?? model.youthLed,
    staffCount: rules.staffCount ?? model.staffCount,
    themes: [...new Set([...rules.themes, ...model.themes.filter((key) => themeKeys.has(key))])],
    notes: rules.notes,
  };
}
