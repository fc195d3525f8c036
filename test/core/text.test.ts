/**
 * Text normalisation returns a text that needs nothing as it is, without the replaces that would
 * copy it: cleanText a text whose white space is single spaces between words, foldWords a text
 * that is words already (letters, digits and % between single spaces). Held here to the replaces
 * on generated texts (Vietnamese letters, decomposed marks, punctuation, runs and kinds of white
 * space, invisible characters, empty texts).
 */
import fc from 'fast-check';
import { cleanText, foldText, foldWords } from '../../src/core/text';

/** cleanText as its comment states it: NFC, invisible characters removed, white space runs one space, trimmed. */
const cleanBySpec = (s: string) =>
  s
    .normalize('NFC')
    .replace(/[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\u00AD]/g, '')
    .replace(/[\s\u00A0\u2000-\u200A\u202F\u205F\u3000]+/g, ' ')
    .trim();
const textPiece = fc.constantFrom('Sở', 'Y', 'tế', 'đạt', 'e\u0301', '93,5', '%', 'ABC', ' ', '  ', '\t', '\n', '\u00a0', '\u2003', '\u200b', '\ufeff', '\u00ad', '-', '');

/** `fast` gives what `spec` gives on texts joined from `pieces` (and on the examples, joined alike). */
function agrees(fast: (s: string) => string, spec: (s: string) => string, pieces: fc.Arbitrary<string>, examples: string[][]): void {
  fc.assert(
    fc.property(fc.array(pieces, { maxLength: 12 }), (parts) => {
      const s = parts.join('');
      expect(fast(s)).toBe(spec(s));
    }),
    { numRuns: 1000, examples: examples.map((e) => [e]) },
  );
}

describe('cleanText', () => {
  it('gives what the replaces give, whether the text needs them or not', () => {
    agrees(cleanText, cleanBySpec, textPiece, [['Sở', ' ', 'Y', ' ', 'tế'], [' ', 'đạt'], ['đạt', '\u00a0'], ['a', '\u200b', ' ', ' ', 'b']]);
  });
});

const bySpec = (s: string) => foldText(s).replace(/[^a-z0-9%]+/g, ' ').trim();
const piece = fc.constantFrom('Sở', 'Y', 'tế', 'đạt', '93,5', '%', 'ABC', '1.250', ' ', '  ', '-', '(', ')', '\u00a0', '\n', 'Đ', 'x', '2019', '', '…');

describe('foldWords', () => {
  it('gives what the replace gives, for texts that are words already and for the others', () => {
    agrees(foldWords, bySpec, piece, [['Sở', ' ', 'Y', ' ', 'tế'], [' ', 'x', ' '], ['93,5', '%']]);
  });
});
