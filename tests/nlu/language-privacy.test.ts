import { detectLanguage, findPersonalData, isValidHetu, isValidPersonnummer, maskPersonalData } from '../../bot/nlu';

describe('detectLanguage', () => {
  it.each([
    ['Avoin ilta tänään, 23 nuorta ja paljon juttua', 'fi'],
    ['Tapasin yhden nuoren puoli tuntia', 'fi'],
    ['Öppen kväll ikväll med 23 ungdomar och mycket prat', 'sv'],
    ['Träffade en ungdom på stan', 'sv'],
    ['Open evening tonight with 23 kids and lots of talk', 'en'],
    ['Met a young person in town', 'en'],
  ] as const)('%s → %s', (text, want) => expect(detectLanguage(text)).toBe(want));
  it.each(['12', '', '👍'])('%s → null', (text) => expect(detectLanguage(text)).toBeNull());
});

describe('personal identity numbers', () => {
  it('validates the henkilötunnus check character', () => {
    expect(isValidHetu('131052-308T')).toBe(true);
    expect(isValidHetu('131052-308U')).toBe(false);
    expect(isValidHetu('010101A123N')).toBe(true);
    expect(isValidHetu('010101A123M')).toBe(false);
    expect(isValidHetu('320152-308T')).toBe(false);
  });
  it('validates the personnummer with Luhn', () => {
    expect(isValidPersonnummer('811218-9876')).toBe(true);
    expect(isValidPersonnummer('19811218-9876')).toBe(true);
    expect(isValidPersonnummer('198112189876')).toBe(true);
    expect(isValidPersonnummer('811218-9875')).toBe(false);
  });
});

describe('findPersonalData / maskPersonalData', () => {
  it('finds names, phones, ids and e-mail', () => {
    const found = findPersonalData('Matti Virtanen 040 123 4567, id 131052-308T, matti@example.com');
    expect(found).toEqual([
      { kind: 'name', value: 'Matti Virtanen' },
      { kind: 'phone', value: '040 123 4567' },
      { kind: 'personal_id', value: '131052-308T' },
      { kind: 'email', value: 'matti@example.com' },
    ]);
  });
  it.each([
    ['Emma Andersson ringde från +46 70 123 45 67', '[name] ringde från [phone]'],
    ['Liam Smith, 811218-9876', '[name], [id]'],
    ['Tapasin Matti Virtasen eilen', 'Tapasin [name] eilen'],
    ['soita +358 40 1234567 tai 070-123 45 67', 'soita [phone] tai [phone]'],
  ])('%s', (text, want) => expect(maskPersonalData(text)).toBe(want));
  it.each([
    'Nuorisotalo Kipinä oli auki, 12 nuorta',
    'Helsinki Kipinä Majakka',
    'Saturday Emma came',
    'klo 16-18, 12 nuorta, 24.11.2026',
    'Invalid id 131052-308U and 811218-9875',
    'Ungdomsgården Fyren 16-20',
  ])('no false positives: %s', (text) => expect(findPersonalData(text)).toEqual([]));
});
