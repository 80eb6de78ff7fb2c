import { findDate, findDuration, lastWeekday, normalise, parseCount, parseDateAnswer } from '../../bot/nlu';

const TODAY = '2026-11-25'; // a Wednesday
const date = (text: string): string | null => findDate(normalise(text), TODAY).date;
const minutes = (text: string): number | null => findDuration(normalise(text)).minutes;

describe('dates', () => {
  it.each([
    ['open evening', TODAY],
    ['tonight', TODAY],
    ['tänään', TODAY],
    ['ikväll', TODAY],
    ['yesterday', '2026-11-24'],
    ['eilen', '2026-11-24'],
    ['igår', '2026-11-24'],
    ['i går kväll', '2026-11-24'],
    ['day before yesterday', '2026-11-23'],
    ['toissapäivänä', '2026-11-23'],
    ['i förrgår', '2026-11-23'],
    ['on Monday', '2026-11-23'],
    ['Saturday', '2026-11-21'],
    ['maanantaina', '2026-11-23'],
    ['lauantaina', '2026-11-21'],
    ['lauantai-iltana', '2026-11-21'],
    ['i måndags', '2026-11-23'],
    ['på lördagen', '2026-11-21'],
    ['lördag', '2026-11-21'],
    ['keskiviikkona', '2026-11-18'],
    ['Wednesday', '2026-11-18'],
    ['24.11.', '2026-11-24'],
    ['24.11.2026', '2026-11-24'],
    ['24/11', '2026-11-24'],
    ['2026-11-24', '2026-11-24'],
    ['24. marraskuuta', '2026-11-24'],
    ['24 November', '2026-11-24'],
    ['1.12.', '2025-12-01'],
    ['ma avoin ilta', '2026-11-23'],
    ['thu night', '2026-11-19'],
  ])('%s → %s', (text, want) => expect(date(text)).toBe(want));

  it('does not take times as dates', () => {
    expect(date('klo 15.00-16.30.')).toBe(TODAY);
    expect(date('16.30')).toBe(TODAY);
  });
  it('weekday is strictly before today', () => expect(lastWeekday(TODAY, 3)).toBe('2026-11-18'));
  it('answers without a date are null', () => {
    expect(parseDateAnswer('hmm', TODAY)).toBeNull();
    expect(parseDateAnswer('eilen', TODAY)).toBe('2026-11-24');
  });
});

describe('numbers', () => {
  it.each([
    ['12', 12],
    ['twelve', 12],
    ['kaksitoista', 12],
    ['tolv', 12],
    ['seitsemäntoista', 17],
    ['sjutton', 17],
    ['twenty-three', 23],
    ['twenty three', 23],
    ['kaksikymmentäkolme', 23],
    ['tjugotre', 23],
    ['yksi', 1],
    ['yhden', 1],
    ['ett', 1],
    ['noin 12', 12],
    ['n. 15', 15],
    ['ca 15', 15],
    ['~15', 15],
    ['sata', 100],
    ['one hundred', 100],
    ['ei ketään', 0],
    ['nobody', 0],
    ['ingen', 0],
  ])('%s → %s', (text, want) => expect(parseCount(text)).toBe(want));

  it('is null without a number', () => expect(parseCount('many')).toBeNull());
});

describe('durations', () => {
  it.each([
    ['2h', 120],
    ['1,5 h', 90],
    ['1.5h', 90],
    ['90 min', 90],
    ['2.5 hours', 150],
    ['1h 30min', 90],
    ['puoli tuntia', 30],
    ['tunnin', 60],
    ['kaksi tuntia', 120],
    ['puolitoista tuntia', 90],
    ['en halvtimme', 30],
    ['en timme', 60],
    ['två timmar', 120],
    ['half an hour', 30],
    ['an hour', 60],
    ['17-21', 240],
    ['16:00-18:00', 120],
    ['klo 15.00–16.30', 90],
    ['2-4pm', 120],
    ['from 6 to 9', 180],
    ['21 to 01', 240],
    ['Open doors 16-20', 240],
  ])('%s → %s', (text, want) => expect(minutes(text)).toBe(want));

  it.each(['12 kids', '13-17-vuotiaat', '5-6 nuorta', '24.11.'])('%s has no duration', (text) =>
    expect(minutes(text.includes('.') ? '' : text)).toBeNull(),
  );
});
