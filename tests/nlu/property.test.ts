import fc from 'fast-check';
import { extract, findPersonalData, maskPersonalData, parseAnswer, parseConfirmation, parseCorrection } from '../../bot/nlu';
import type { AnswerField } from '../../bot/nlu';
import { TEST_CTX } from './catalogue';

const FIELDS: AnswerField[] = ['date', 'workForm', 'participants.total', 'durationMinutes', 'unit', 'activity'];
const text = fc.oneof(
  fc.string({ maxLength: 10_000 }),
  fc.string({ unit: 'grapheme', maxLength: 2_000 }),
  fc.string({ unit: 'binary', maxLength: 10_000 }),
  fc.array(fc.constantFrom('12', ' ', 'nuorta', 'klo', '16-18', '.', '24.11.', 'h', '-', 'ja', '😀', '\u0000', '9'.repeat(40)), {
    maxLength: 500,
  }).map((a) => a.join('')),
);

describe('never throws', () => {
  it('on arbitrary strings up to 10 kB', () => {
    fc.assert(
      fc.property(text, fc.constantFrom(...FIELDS), (s, field) => {
        const e = extract(s, TEST_CTX);
        expect(e.notes === null || typeof e.notes === 'string').toBe(true);
        parseCorrection(s, TEST_CTX);
        parseAnswer(field, s, TEST_CTX);
        parseConfirmation(s);
        findPersonalData(s);
        maskPersonalData(s);
      }),
      { numRuns: 150 },
    );
  });

  it('on huge numbers and control characters', () => {
    for (const s of ['9'.repeat(10_000), '\u0000\u0001\u202e'.repeat(3000), '1'.repeat(500) + ' nuorta', '1e308 kids']) {
      expect(() => extract(s, TEST_CTX)).not.toThrow();
    }
  });
});
