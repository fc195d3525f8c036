/**
 * A1 addresses both ways. parseA1 reads an address character by character; the rule it follows is
 * the pattern below, on the address in upper case (as the product read addresses before).
 */
import fc from 'fast-check';
import { a1Column, parseA1, toA1 } from '../../src/core/snapshot';

/** The rule: `$`, one to three letters, `$`, one to seven digits, in any case. */
function byPattern(address: string): { row: number; col: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(address.toUpperCase());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

describe('parseA1', () => {
  it('reads the addresses people and files write', () => {
    expect(parseA1('B7')).toEqual({ row: 6, col: 1 });
    expect(parseA1('$B$7')).toEqual({ row: 6, col: 1 });
    expect(parseA1('aa10')).toEqual({ row: 9, col: 26 });
    expect(parseA1('XFD1048576')).toEqual({ row: 1048575, col: 16383 });
    expect(parseA1('A0007')).toEqual({ row: 6, col: 0 });
  });

  it('refuses what is not an address', () => {
    for (const a of ['', 'B', '7', 'ABCD1', 'A12345678', 'B 7', 'B7 ', '$$B7', 'B$$7', 'B-7', 'Sheet1!B7', 'B7:C8', 'Ｂ7']) expect(parseA1(a)).toBeNull();
  });

  it('reads a text with letters outside ASCII as the upper-case rule does ("ß" is "SS")', () => {
    expect(parseA1('ß1')).toEqual({ row: 0, col: byPattern('SS1')!.col });
    expect(parseA1('ı1')).toEqual({ row: 0, col: 8 }); // dotless i upper-cases to I
    expect(parseA1('é1')).toBeNull();
  });

  it('gives what the rule gives, for any text made of address-like pieces', () => {
    const piece = fc.constantFrom('$', 'A', 'b', 'Z', 'x', 'F', 'D', '0', '1', '7', '9', 'ß', 'ı', 'ﬀ', ' ', ':', '!', 'é', '٣');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const address = pieces.join('');
        expect(parseA1(address)).toEqual(byPattern(address));
      }),
      { numRuns: 5000 },
    );
  });

  it('gives the column a1Column gives for an address in ASCII; a1Column takes nothing outside ASCII', () => {
    for (const a of ['B7', '$b$7', 'XFD1', 'ZZZ9999999']) expect(a1Column(a)).toBe(parseA1(a)!.col);
    for (const a of ['B', 'ABCD1', 'B-7']) expect(a1Column(a)).toBe(-1);
    expect(parseA1('ß1')).not.toBeNull();
    expect(a1Column('ß1')).toBe(-1);
  });

  it('reads back what toA1 writes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1048575 }), fc.integer({ min: 0, max: 16383 }), (row, col) => {
        expect(parseA1(toA1(row, col))).toEqual({ row, col });
      }),
    );
  });
});
