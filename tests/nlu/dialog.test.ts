import { extract, isLikelyLog, parseAnswer, parseConfirmation, parseCorrection } from '../../bot/nlu';
import { TEST_CTX } from './catalogue';

describe('parseAnswer', () => {
  it.each([
    ['participants.total', '12', 12],
    ['participants.total', 'twelve', 12],
    ['participants.total', 'noin 12', 12],
    ['participants.total', 'n. 15 nuorta', 15],
    ['participants.total', 'ingen kom', 0],
    ['workForm', 'avoin', 'open'],
    ['workForm', 'öppen', 'open'],
    ['workForm', 'group', 'group'],
    ['workForm', 'ryhmä', 'group'],
    ['workForm', 'jalkautuva', 'outreach'],
    ['date', 'eilen', '2026-11-24'],
    ['date', 'igår', '2026-11-24'],
    ['date', '24.11.', '2026-11-24'],
    ['durationMinutes', '2h', 120],
    ['durationMinutes', 'puoli tuntia', 30],
    ['durationMinutes', '90', 90],
    ['unit', 'Majakassa', 'Nuorisotalo Majakka'],
    ['unit', 'Kipinästä', 'Nuorisotalo Kipinä'],
    ['unit', 'fyren', 'Ungdomsgården Fyren'],
    ['activity', 'draamaryhmässä', 'Drama group'],
  ] as const)('%s: %s → %s', (field, text, want) => expect(parseAnswer(field, text, TEST_CTX)).toBe(want));

  it('returns null when the text does not answer', () => {
    expect(parseAnswer('participants.total', 'hmm', TEST_CTX)).toBeNull();
    expect(parseAnswer('workForm', 'banana', TEST_CTX)).toBeNull();
    expect(parseAnswer('unit', 'somewhere', TEST_CTX)).toBeNull();
  });
});

describe('parseCorrection', () => {
  it.each([
    ['actually 14 kids', { participants: { total: 14 } }],
    ['no, 14', { participants: { total: 14 } }],
    ['it was 3 hours', { durationMinutes: 180 }],
    ['oli 3 tuntia', { durationMinutes: 180 }],
    ['itse asiassa 5 tyttöä', { participants: { girls: 5 } }],
    ['korjaa: 10 nuorta', { participants: { total: 10 } }],
    ['ändra till 5 tjejer', { participants: { girls: 5 } }],
    ['det var 12 ungdomar', { participants: { total: 12 } }],
    ['date yesterday', { date: '2026-11-24' }],
    ['change work form to group', { workForm: 'group' }],
    ['työmuoto: avoin', { workForm: 'open' }],
  ])('%s', (text, want) => expect(parseCorrection(text, TEST_CTX)).toEqual(want));

  it.each(['Avoin ilta, 12 nuorta', 'hello', 'thanks!', ''])('%s is not a correction', (text) =>
    expect(parseCorrection(text, TEST_CTX)).toBeNull(),
  );
});

describe('parseConfirmation', () => {
  it.each(['yes', 'Yeah!', 'ok', 'save', 'kyllä', 'joo', 'juu', 'tallenna', 'ja', 'japp', 'spara', '👍'])('%s → yes', (t) =>
    expect(parseConfirmation(t)).toBe('yes'),
  );
  it.each(['no', 'cancel', 'peru', 'peruuta', 'ei', 'avbryt', 'nej'])('%s → no', (t) => expect(parseConfirmation(t)).toBe('no'));
  it.each(['edit', 'muokkaa', 'muuta', 'ändra', 'redigera'])('%s → edit', (t) => expect(parseConfirmation(t)).toBe('edit'));
  it.each(['what?', '12 kids', ''])('%s → null', (t) => expect(parseConfirmation(t)).toBeNull());
});

describe('isLikelyLog', () => {
  const log = (t: string): boolean => isLikelyLog(t, extract(t, TEST_CTX));
  it.each(['hi', 'thanks', 'moi', 'kiitos', 'hej', 'tack', 'how do I log a session?', 'what can you do', 'mitä osaat?', 'hur gör jag?'])(
    '%s is not a log',
    (t) => expect(log(t)).toBe(false),
  );
  it.each([
    'Avoin ilta 12 nuorta',
    'Open evening tonight',
    '2h with the drama group',
    'Träffade en ungdom i en halvtimme',
    'Talked about bullying with some kids at the youth centre',
  ])('%s is a log', (t) => expect(log(t)).toBe(true));
});
