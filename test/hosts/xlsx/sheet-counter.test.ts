/**
 * The input limits count a sheet's cells, rows and merged cells from its XML in chunks
 * (limits.ts SheetXmlCounter), without a match object per cell. Checked against the rule as one
 * regular expression, `<(?:[A-Za-z_][\w.-]*:)?(c|row|mergeCell)(?=[\s/>])`, on generated sheet
 * XML: prefixes (`x:`, `_p:`, two colons, a colon first), names that only start like a counted
 * one (`<cols>`, `<rowBreaks>`, `<mergeCells>`), merged areas of every size, and every way of
 * cutting the text into chunks.
 */
import fc from 'fast-check';
import { SheetXmlCounter, mergedSize } from '../../../src/hosts/xlsx/limits';

/** The rule as the regular expression states it. */
function byRegex(text: string): { cells: number; rows: number; mergedCells: number } {
  const out = { cells: 0, rows: 0, mergedCells: 0 };
  for (const m of text.matchAll(/<(?:[A-Za-z_][\w.-]*:)?(c|row|mergeCell)(?=[\s/>])([^>]*)/g)) {
    if (m[1] === 'c') out.cells++;
    else if (m[1] === 'row') out.rows++;
    else out.mergedCells += mergedSize(m[2]!);
  }
  return out;
}

const prefix = fc.constantFrom('', 'x:', '_p:', 'a.b-c:', 'a:b:', ':', '1x:');
const name = fc.constantFrom('c', 'row', 'mergeCell', 'cols', 'col', 'rowBreaks', 'mergeCells', 'v', 'is', 't', 'cc', 'sheetData');
const after = fc.constantFrom(' ', '/', '>', '\t', '\n', '\r', 'x', '');
const ref = fc.tuple(fc.constantFrom('A', 'B', 'AA', 'XFD', '$C'), fc.integer({ min: 1, max: 9999 }), fc.constantFrom('', ':D9', ':$AB$120', ':A1'));
const piece = fc.oneof(
  fc.tuple(prefix, name, after, ref).map(([p, n, a, [col, row, end]]) => `<${p}${n}${a}${a === ' ' ? `ref="${col}${row}${end}" r="${col}${row}"` : ''}${a ? '>' : ''}`),
  fc.constantFrom('</c>', '</row>', '<v>12</v>', 'chữ Việt', ' ', '<', '>', '<?xml version="1.0"?>'),
);

describe('SheetXmlCounter', () => {
  it('counts what the rule counts, however the text is cut into chunks', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), fc.array(fc.integer({ min: 0, max: 2000 }), { maxLength: 5 }), (pieces, cuts) => {
        const text = pieces.join('');
        const bytes = Buffer.from(text, 'latin1');
        const counter = new SheetXmlCounter();
        let at = 0;
        for (const cut of [...cuts].sort((a, b) => a - b)) {
          const to = Math.min(bytes.length, cut);
          if (to <= at) continue;
          counter.push(bytes.subarray(at, to));
          at = to;
        }
        counter.push(bytes.subarray(at));
        counter.end();
        expect({ cells: counter.cells, rows: counter.rows, mergedCells: counter.mergedCells }).toEqual(byRegex(text));
      }),
      {
        numRuns: 1000,
        // Found by this property: a `<` inside a counted tag starts no other (the rule takes the tag up to its `>`).
        examples: [[['<c', ' ', '<c ref="A1" r="A1">'], []]],
      },
    );
  });

  it('counts a sheet as Excel writes it', () => {
    const counter = new SheetXmlCounter();
    counter.push(Buffer.from('<worksheet><cols><col min="1" max="2"/></cols><sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1" s="2"/></row><row r="2"/></sheetData>'));
    counter.push(Buffer.from('<mergeCells count="1"><mergeCell ref="A3:C4"/></mergeCells></worksheet>'));
    counter.end();
    expect([counter.cells, counter.rows, counter.mergedCells]).toEqual([2, 2, 6]);
  });
});
