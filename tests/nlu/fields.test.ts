import { extract } from '../../bot/nlu';
import { TEST_CTX } from './catalogue';

const get = (text: string) => extract(text, TEST_CTX);

describe('units and activities', () => {
  it.each([
    ['Avoin ilta Majakassa', 'Nuorisotalo Majakka'],
    ['Kipinästä lähdettiin retkelle', 'Nuorisotalo Kipinä'],
    ['Kipinän avoin ilta', 'Nuorisotalo Kipinä'],
    ['Öppet på Fyren', 'Ungdomsgården Fyren'],
    ['open evening at Nuorisotalo Kipinä', 'Nuorisotalo Kipinä'],
    ['open evening', null],
  ])('%s → %s', (text, unit) => expect(get(text).unit).toBe(unit));

  it('finds the activity and its work form', () => {
    const e = get('draamaryhmässä 8 nuorta');
    expect(e.activity).toBe('Drama group');
    expect(e.workForm).toBe('group');
  });
});

describe('age groups, staff and youth-led', () => {
  it.each([
    ['13-17-vuotiaat, 12 nuorta', ['13-17']],
    ['kids aged 13-15', ['13-15']],
    ['20 ungdomar 13–17 år', ['13-17']],
    ['12 kids', null],
  ])('%s → ages %j', (text, ages) => expect(get(text).ageGroups).toEqual(ages));

  it.each([
    ['open evening, 2 workers, 14 kids', 2],
    ['3 ohjaajaa ja 12 nuorta', 3],
    ['två ledare, 20 ungdomar', 2],
    ['Pizza night, 2 youth workers and 14 kids', 2],
    ['14 kids', null],
  ])('%s → staff %s', (text, staff) => expect(get(text).staffCount).toBe(staff));

  it('does not count staff or ages as participants', () => {
    expect(get('Pizza night, 2 youth workers and 14 kids').participants.total).toBe(14);
    expect(get('12 13-vuotiasta poikaa').participants.boys).toBe(12);
  });

  it.each([
    ['Disco organised by the youth council', true],
    ['Nuorten järjestämä turnaus', true],
    ['nuorisovaltuuston järjestämä disko', true],
    ['ungdomarna ordnade en fest', true],
    ['ordnat av ungdomsrådet', true],
    ['youth-led session', true],
    ['open evening with 12 kids', null],
  ])('%s → youthLed %s', (text, led) => expect(get(text).youthLed).toBe(led));
});

describe('notes and robustness', () => {
  it('keeps the worker’s own words, trimmed', () => expect(get('  Avoin ilta 😀 12 nuorta \n').notes).toBe('Avoin ilta 😀 12 nuorta'));
  it('defaults the date to today and leaves unstated counts null', () => {
    const e = get('Open evening, talked about school');
    expect(e.date).toBe('2026-11-25');
    expect(e.participants).toEqual({ total: null, girls: null, boys: null, nonBinary: null, new: null });
    expect(e.themes).toEqual(['school']);
  });
  it('does not take times, dates, durations or ages as counts', () => {
    const e = get('klo 16-18 24.11. 2h 13-vuotiaat');
    expect(e.participants.total).toBeNull();
  });
  it('avoids theme false positives', () => {
    expect(get('Detached work in the centre, 12 youths').themes).toEqual([]);
    expect(get('Open doors, youth work as usual, 9 kids').themes).toEqual([]);
    expect(get('sex killar och fem tjejer').themes).toEqual([]);
  });
});
