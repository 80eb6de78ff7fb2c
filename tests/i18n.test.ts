import { PHRASES, t } from '../bot/i18n';
import { LOCALES } from '../bot/locale';
import { parseCommand } from '../bot/commands';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('phrases', () => {
  it.each(Object.keys(PHRASES))('%s exists in fi, sv and en with the same parameters', (key) => {
    const phrase = PHRASES[key as keyof typeof PHRASES];
    for (const locale of LOCALES) expect(phrase[locale].trim()).not.toBe('');
    expect(placeholders(phrase.fi)).toEqual(placeholders(phrase.en));
    expect(placeholders(phrase.sv)).toEqual(placeholders(phrase.en));
  });

  it('fills parameters', () => {
    expect(t('fi', 'participantsCount', { count: 7 })).toBe('7 osallistujaa');
  });
});

describe('commands', () => {
  it.each([
    ['help', { kind: 'help' }],
    ['Apua', { kind: 'help' }],
    ['hjälp!', { kind: 'help' }],
    ['undo', { kind: 'undo' }],
    ['peru viimeisin', { kind: 'undo' }],
    ['Ångra', { kind: 'undo' }],
    ['my entries', { kind: 'myEntries' }],
    ['omat merkinnät', { kind: 'myEntries' }],
    ['mina inlägg', { kind: 'myEntries' }],
    ['language fi', { kind: 'language', locale: 'fi' }],
    ['kieli ruotsi', { kind: 'language', locale: 'sv' }],
    ['språk engelska', { kind: 'language', locale: 'en' }],
  ])('reads "%s"', (text, command) => {
    expect(parseCommand(text)).toEqual(command);
  });

  it.each(['peru', 'help me log a group', 'drop-in tonight, 14 kids', 'language klingon'])('leaves "%s" to the dialog', (text) => {
    expect(parseCommand(text)).toBeNull();
  });
});
