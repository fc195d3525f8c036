/**
 * foldWords returns a text that is words already (letters, digits and % between single spaces)
 * as it is, without the replace that turns punctuation into spaces: held here to the replace on
 * generated texts (Vietnamese letters, punctuation, runs of spaces, empty texts).
 */
import fc from 'fast-check';
import { foldText, foldWords } from '../../src/core/text';

const bySpec = (s: string) => foldText(s).replace(/[^a-z0-9%]+/g, ' ').trim();
const piece = fc.constantFrom('Sở', 'Y', 'tế', 'đạt', '93,5', '%', 'ABC', '1.250', ' ', '  ', '-', '(', ')', '\u00a0', '\n', 'Đ', 'x', '2019', '', '…');

describe('foldWords', () => {
  it('gives what the replace gives, for texts that are words already and for the others', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const s = pieces.join('');
        expect(foldWords(s)).toBe(bySpec(s));
      }),
      { numRuns: 1000, examples: [[['Sở', ' ', 'Y', ' ', 'tế']], [[' ', 'x', ' ']], [['93,5', '%']]] },
    );
  });
});
