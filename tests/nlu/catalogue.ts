import { DEFAULT_THEMES } from '../../bot/nlu';
import type { ExtractContext } from '../../bot/nlu';

/** The test catalogue: the default themes plus three units and one activity. */
export const TEST_CTX: ExtractContext = {
  today: '2026-11-25',
  catalogue: {
    units: [
      { name: 'Nuorisotalo Kipinä', aliases: ['Kipinä', 'Kipinän'] },
      { name: 'Nuorisotalo Majakka', aliases: ['Majakka'] },
      { name: 'Ungdomsgården Fyren', aliases: ['Fyren'] },
    ],
    activities: [{ name: 'Drama group', unit: null, aliases: ['draamaryhmä', 'dramagruppen'], workForm: 'group' }],
    themes: DEFAULT_THEMES,
  },
};
