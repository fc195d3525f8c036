/**
 * Scoring's patch from the layout the read recorded (sheet-patch.ts patchLaidOut) against the
 * streaming patch (patchSheetXml) as the oracle: on generated worksheet parts (rows and cells the
 * part lacks, self-closing rows and sheetData, cells without `r`, rows whose format applies to
 * their empty cells, column formats, a namespace prefix, text in Vietnamese, white space and
 * escapes the stream writes otherwise), both make the same edits, asked in the same order with the
 * same current formats, and give the same XML; where the part is written as the stream writes
 * (its own serialiser's spelling), the same bytes. And the layout patch leaves every byte outside
 * the start tags it rewrites and the elements it adds as it was.
 */
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import fc from 'fast-check';
import { a1Column, columnName, parseA1 } from '../../../src/core/snapshot';
import { PackageBook } from '../../../src/hosts/xlsx/package-read';
import { XlsxPackage } from '../../../src/hosts/xlsx/package';
import { SheetLayout, StyleEdit, patchLaidOut, patchSheetXml } from '../../../src/hosts/xlsx/sheet-patch';
import { newEntry, writeZip } from '../../../src/hosts/xlsx/zip';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const PART = 'xl/worksheets/sheet1.xml';

interface CellSpec {
  col: number;
  /** Written without `r` (it follows the cell before). */
  noRef: boolean;
  style: number;
  text: string | null;
  selfClosing: boolean;
}
interface RowSpec {
  r: number;
  noRef: boolean;
  customFormat: number | null;
  cells: CellSpec[];
}
interface SheetSpec {
  prefix: string;
  cols: Array<{ min: number; max: number; style: number }>;
  rows: RowSpec[];
  /** White space and spellings the stream's serialiser writes otherwise (`a  ="1"`, a literal `>` in text, `&#10;` in a value). */
  noisy: boolean;
}


function sheetXml(spec: SheetSpec): string {
  const p = spec.prefix ? `${spec.prefix}:` : '';
  const sp = spec.noisy ? '  ' : ' ';
  let xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}worksheet xmlns${spec.prefix ? ':' + spec.prefix : ''}="${MAIN}">`;
  if (spec.cols.length) xml += `<${p}cols>${spec.cols.map((c) => `<${p}col min="${c.min}" max="${c.max}"${c.style ? ` style="${c.style}"` : ''} width="12"/>`).join('')}</${p}cols>`;
  if (!spec.rows.length) xml += `<${p}sheetData/>`;
  else {
    xml += `<${p}sheetData>`;
    for (const row of spec.rows) {
      let attrs = row.noRef ? '' : ` r="${row.r}"`;
      if (row.customFormat !== null) attrs += ` s="${row.customFormat}" customFormat="1"`;
      if (spec.noisy) attrs += `${sp}spans="1:9"${sp}`;
      if (!row.cells.length) {
        xml += `<${p}row${attrs}/>`;
        continue;
      }
      xml += `<${p}row${attrs}>`;
      for (const c of row.cells) {
        let a = c.noRef ? '' : `${sp}r="${columnName(c.col)}${row.r}"`;
        if (c.style) a += ` s="${c.style}"`;
        if (c.text !== null) {
          if (spec.noisy) a += ` x="a&#10;b"`;
          const text = spec.noisy ? c.text.replace(/&gt;/g, '>') : c.text;
          xml += `<${p}c${a} t="inlineStr"><${p}is><${p}t>${text}</${p}t></${p}is></${p}c>`;
        } else if (c.selfClosing) xml += `<${p}c${a}/>`;
        else xml += `<${p}c${a}></${p}c>`;
      }
      xml += `</${p}row>`;
    }
    xml += `</${p}sheetData>`;
  }
  return xml + `<${p}pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></${p}worksheet>`;
}

function packageOf(sheet: string): Buffer {
  const d = new Date(Date.UTC(2025, 0, 1));
  const parts: Record<string, string> = {
    '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/${PART}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`,
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${MAIN}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
    'xl/styles.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${MAIN}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellXfs></styleSheet>`,
    [PART]: sheet,
  };
  return writeZip(Object.entries(parts).map(([name, content]) => newEntry(name, content, d)));
}

/** The part's bytes and the layout its read recorded. */
function readLayout(sheet: string): { bytes: Buffer; layout: SheetLayout } {
  const pkg = new XlsxPackage(packageOf(sheet));
  const book = new PackageBook(pkg);
  book.snapshot('S');
  const layout = book.layout(PART);
  expect(layout).toBeDefined();
  return { bytes: pkg.bytes(PART)!, layout: layout! };
}

/** Edits that log what they are asked (address, current format) and give a format of their own. */
function loggedEdits(addresses: readonly string[], log: string[]): Map<string, StyleEdit> {
  return new Map(addresses.map((a, i) => [a, (current: number) => (log.push(`${a}:${current}`), 500 + i)]));
}

const canonical = (xml: string) => new XMLSerializer().serializeToString(new DOMParser().parseFromString(xml, 'text/xml'));

const vietnamese = fc.constantFrom('Sở Y tế', 'Đạt', 'a &amp; b', '1 &lt; 2 &gt; 0', 'Tỷ lệ người học (%)', 'x');

const sheetArb: fc.Arbitrary<SheetSpec> = fc
  .record({
    prefix: fc.constantFrom('', 'x'),
    cols: fc.array(fc.record({ min: fc.integer({ min: 1, max: 6 }), span: fc.integer({ min: 0, max: 3 }), style: fc.integer({ min: 0, max: 3 }) }), { maxLength: 2 }),
    rows: fc.uniqueArray(
      fc.record({
        r: fc.integer({ min: 1, max: 14 }),
        noRef: fc.boolean(),
        customFormat: fc.option(fc.integer({ min: 0, max: 4 }), { freq: 4 }),
        cells: fc.uniqueArray(
          fc.record({ col: fc.integer({ min: 0, max: 7 }), noRef: fc.boolean(), style: fc.integer({ min: 0, max: 4 }), text: fc.option(vietnamese), selfClosing: fc.boolean() }),
          { selector: (c) => c.col, maxLength: 5 },
        ),
      }),
      { selector: (r) => r.r, maxLength: 8 },
    ),
    noisy: fc.boolean(),
  })
  .map(({ prefix, cols, rows, noisy }) => {
    // Rows and cells in order; a row or cell without `r` only where it follows the one before.
    const sorted = [...rows].sort((a, b) => a.r - b.r).map((row, i, all) => {
      const cells = [...row.cells].sort((a, b) => a.col - b.col).map((c, j, cs) => ({ ...c, noRef: c.noRef && c.col === (j === 0 ? 0 : cs[j - 1]!.col + 1) }));
      return { ...row, cells, noRef: row.noRef && row.r === (i === 0 ? 1 : all[i - 1]!.r + 1) };
    });
    const colRanges = [...cols].sort((a, b) => a.min - b.min).reduce<Array<{ min: number; max: number; style: number }>>((out, c) => {
      const min = Math.max(c.min, (out[out.length - 1]?.max ?? 0) + 1);
      if (min <= c.min + c.span) out.push({ min, max: c.min + c.span, style: c.style });
      return out;
    }, []);
    return { prefix, cols: colRanges, rows: sorted, noisy };
  });

const addressesArb = fc.uniqueArray(fc.record({ row: fc.integer({ min: 1, max: 16 }), col: fc.integer({ min: 0, max: 8 }) }), { selector: (a) => `${a.row}:${a.col}`, minLength: 1, maxLength: 20 });

describe('scoring’s patch from the layout the read recorded', () => {
  test('property: the same edits, in the same order, and the same XML as the streaming patch', () => {
    fc.assert(
      fc.property(sheetArb, addressesArb, (spec, cells) => {
        const { bytes, layout } = readLayout(sheetXml(spec));
        const addresses = cells.map((a) => `${columnName(a.col)}${a.row}`);
        const laidLog: string[] = [];
        const streamLog: string[] = [];
        const laid = patchLaidOut(bytes, layout, loggedEdits(addresses, laidLog));
        const streamed = patchSheetXml(bytes, { cells: loggedEdits(addresses, streamLog), restore: false });
        expect(laid).toBeDefined();
        expect(laidLog).toEqual(streamLog);
        expect(canonical(laid!.toString('utf8'))).toBe(canonical(streamed.toString('utf8')));
        if (!spec.noisy) expect(laid!.toString('utf8')).toBe(streamed.toString('utf8'));
      }),
      { numRuns: 300, seed: 2026 },
    );
  });

  test('property: every byte outside the start tags it rewrites and the elements it adds is the input’s', () => {
    fc.assert(
      fc.property(sheetArb, addressesArb, (spec, cells) => {
        const { bytes, layout } = readLayout(sheetXml({ ...spec, noisy: true }));
        const addresses = cells.map((a) => `${columnName(a.col)}${a.row}`);
        const laid = patchLaidOut(bytes, layout, loggedEdits(addresses, []))!.toString('utf8');
        // Taking out of both every self-closing cell and every cell's start tag, then the rows left empty, leaves the same text.
        const p = spec.prefix ? `${spec.prefix}:` : '';
        const strip = (xml: string) =>
          xml
            .replace(new RegExp(`<${p}c(?:\\s[^>]*)?/>`, 'g'), '')
            .replace(new RegExp(`<${p}c(?:\\s[^>]*)?>`, 'g'), '<c>')
            .replace(new RegExp(`<${p}row r="\\d+"></${p}row>`, 'g'), '');
        const input = bytes.toString('utf8');
        // A self-closing row or sheetData the patch opened is written open in the copy.
        const opened = (xml: string) => xml.replace(new RegExp(`<(${p}(?:row|sheetData))((?:\\s[^>]*)?)/>`, 'g'), '<$1$2></$1>');
        const spaces = (xml: string) => xml.replace(/\s+/g, ' ').replace(/ (\/?)>/g, '$1>');
        expect(spaces(strip(opened(laid)))).toBe(spaces(strip(opened(input))));
        // Outside sheetData, the bytes themselves.
        const after = (xml: string) => xml.slice(xml.lastIndexOf('sheetData'));
        expect(after(laid)).toBe(after(input).startsWith('sheetData/>') ? after(input).replace(/^sheetData\/>/, 'sheetData>') : after(input));
      }),
      { numRuns: 200, seed: 2027 },
    );
  });

  test('a part of more than one decoded piece (1 MiB each) with Vietnamese text throughout: positions in bytes stay exact', () => {
    const rows: RowSpec[] = [];
    for (let r = 1; r <= 12000; r++) rows.push({ r, noRef: false, customFormat: null, cells: [0, 1, 2].map((col) => ({ col, noRef: false, style: 1, text: col === 1 ? 'Tỷ lệ người học được công nhận (%) — Sở Giáo dục' : null, selfClosing: true })) });
    const xml = sheetXml({ prefix: '', cols: [], rows, noisy: false });
    expect(Buffer.byteLength(xml)).toBeGreaterThan(2 * (1 << 20));
    const { bytes, layout } = readLayout(xml);
    const addresses = ['C1', 'B4000', 'D4001', 'C8999', 'A11999', 'E12001'];
    const laidLog: string[] = [];
    const streamLog: string[] = [];
    const laid = patchLaidOut(bytes, layout, loggedEdits(addresses, laidLog))!;
    expect(laid.toString('utf8')).toBe(patchSheetXml(bytes, { cells: loggedEdits(addresses, streamLog), restore: false }).toString('utf8'));
    expect(laidLog).toEqual(['C1:1', 'B4000:1', 'D4001:0', 'C8999:1', 'A11999:1', 'E12001:0']);
    expect(streamLog).toEqual(laidLog);
  });

  test('a layout that does not fit the bytes is refused (the caller streams the part instead)', () => {
    const { bytes, layout } = readLayout(sheetXml({ prefix: '', cols: [], rows: [{ r: 2, noRef: false, customFormat: null, cells: [{ col: 1, noRef: false, style: 1, text: 'Đạt', selfClosing: false }] }], noisy: false }));
    const edits = loggedEdits(['B2'], []);
    expect(patchLaidOut(Buffer.concat([bytes, Buffer.from(' ')]), layout, edits)).toBeUndefined();
    const shifted = Buffer.from(bytes.toString('utf8').replace('<row', ' <row'), 'utf8').subarray(0, bytes.length);
    expect(patchLaidOut(shifted, layout, edits)).toBeUndefined();
  });
});

describe('a cell reference’s column, as the reader takes it', () => {
  test('property: a1Column agrees with parseA1 on references and near-references', () => {
    const refChar = fc.constantFrom(...'$AaBbZzXxFfDd019@[`{ '.split(''));
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: refChar, maxLength: 12 }), fc.tuple(fc.integer({ min: 0, max: 16383 }), fc.integer({ min: 1, max: 9_999_999 }), fc.boolean(), fc.boolean()).map(([c, r, d1, d2]) => `${d1 ? '$' : ''}${columnName(c)}${d2 ? '$' : ''}${r}`)), (ref) => {
        expect(a1Column(ref)).toBe(parseA1(ref)?.col ?? -1);
      }),
      { numRuns: 2000, seed: 2028 },
    );
  });
});
