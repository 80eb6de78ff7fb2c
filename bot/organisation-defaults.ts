import type { CatalogueActivity, CatalogueUnit } from './nlu/catalogue';

/** The structure a new organisation starts with; its mentor changes it by chat. */
export const DEFAULT_UNITS: CatalogueUnit[] = [
  { name: 'Nuorisotalo Kipinä', aliases: ['Kipinä', 'Kipinän', 'Kipinässä', 'Kipinästä'] },
  { name: 'Nuorisotalo Majakka', aliases: ['Majakka', 'Majakan', 'Majakassa', 'Majakasta'] },
  { name: 'Jalkautuva tiimi', aliases: ['jalkautuva tiimi', 'fältteamet', 'outreach team'] },
  { name: 'Digitiimi', aliases: ['digitiimi', 'digiteamet', 'digital team'] },
];

export const DEFAULT_ACTIVITIES: CatalogueActivity[] = [
  { name: 'Avoin ilta', unit: 'Nuorisotalo Kipinä', aliases: ['avoin ilta', 'open evening', 'öppen kväll'], workForm: 'open' },
  { name: 'Draamaryhmä', unit: 'Nuorisotalo Majakka', aliases: ['draamaryhmä', 'drama group', 'dramagrupp'], workForm: 'group' },
  { name: 'Nyrkkeilyryhmä', unit: 'Nuorisotalo Majakka', aliases: ['nyrkkeilyryhmä', 'boxing group', 'boxningsgrupp'], workForm: 'group' },
  { name: 'Pelistriimi', unit: 'Digitiimi', aliases: ['pelistriimi', 'gaming stream', 'spelstream'], workForm: 'digital' },
];
