/**
 * wrappedLines measures each line where it is in the text instead of splitting the text: held to
 * the split it replaced (lines cut at a line feed, a carriage return before it not counted) on
 * generated texts with LF, CRLF, lone CRs, empty lines and long lines, at several column widths.
 */
import fc from 'fast-check';
import { wrappedLines } from '../../../src/hosts/xlsx/sheet-text';

const bySplit = (text: string, width: number) => {
  const perLine = Math.max(4, Math.floor(width * 1.1));
  return text.split(/\r?\n/).reduce((n, line) => n + Math.max(1, Math.ceil(line.length / perLine)), 0);
};

describe('wrappedLines', () => {
  it('counts the lines the split counts', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('Sở Y tế', 'x', 'một dòng rất dài của một chỉ số', '\n', '\r\n', '\r', ' ', ''), { maxLength: 20 }), fc.integer({ min: 0, max: 60 }), (pieces, width) => {
        const text = pieces.join('');
        expect(wrappedLines(text, width)).toBe(bySplit(text, width));
      }),
      { numRuns: 1000, examples: [[['\r\n'], 10], [['a', '\r', '\n', '\n'], 3], [[], 10]] },
    );
  });
});
