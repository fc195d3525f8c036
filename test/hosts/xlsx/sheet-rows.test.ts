/**
 * The package reader reads a scored sheet's rows in place where they take the usual forms
 * (package-read.ts readRows, through xml-scan.ts's content hook) and as elements otherwise. Held
 * here to the same reader taking the part through saxes alone, on generated worksheet parts: cells
 * empty or self-closing, with values, formulas (shared ones too), inline strings, rich text, every
 * value type, rows with and without references and formats, white space between elements as tools
 * that indent write it, a namespace prefix, entities and Vietnamese text; and then spoiled
 * (comments, CDATA, carriage returns, duplicate attributes, elements out of place). Both give the
 * same rows, cells, merged areas, protection and layout (where each row and cell starts and ends in
 * bytes, which the patch relies on), or both refuse the part.
 */
import fc from 'fast-check';
import * as xmlScan from '../../../src/hosts/xlsx/xml-scan';

// The in-place read's tokenisers, watched (they do what they did).
jest.mock('../../../src/hosts/xlsx/xml-scan', () => {
  const actual = jest.requireActual('../../../src/hosts/xlsx/xml-scan');
  return { ...actual, readTag: jest.fn(actual.readTag), endTagNamed: jest.fn(actual.endTagNamed) };
});
import { PackageBook } from '../../../src/hosts/xlsx/package-read';
import { XlsxPackage } from '../../../src/hosts/xlsx/package';
import { newEntry, writeZip } from '../../../src/hosts/xlsx/zip';
import { columnName } from '../../../src/core/snapshot';
import { spoiled } from './spoil';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const PART = 'xl/worksheets/sheet1.xml';
const STRINGS = ['Sở Y tế', 'Đạt', 'a &amp; b'];

function packageOf(sheet: string): Buffer {
  const d = new Date(Date.UTC(2025, 0, 1));
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const parts: Record<string, string> = {
    '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>`,
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${MAIN}" xmlns:r="${rel}"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${rel}/styles" Target="styles.xml"/><Relationship Id="rId3" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    'xl/styles.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFFFF2CC"/></patternFill></fill></fills><borders count="1"><border/></borders><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/><xf numFmtId="0" fontId="0" fillId="2" borderId="0" applyFill="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`,
    'xl/sharedStrings.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${MAIN}" count="3" uniqueCount="3">${STRINGS.map((s) => `<si><t>${s}</t></si>`).join('')}</sst>`,
    [PART]: sheet,
  };
  return writeZip(Object.entries(parts).map(([name, content]) => newEntry(name, content, d)));
}

/** Dates as their time (an invalid date is not equal to another in toEqual). */
function comparable(x: unknown): unknown {
  if (x instanceof Date) return `Date(${x.getTime()})`;
  if (Array.isArray(x)) return x.map(comparable);
  if (x && typeof x === 'object') return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, comparable(v)]));
  return x;
}

/** What the reader makes of the part: through the plain scanner (and its in-place rows) when `plain`, else through saxes alone. */
function parsed(sheet: string, plain: boolean): unknown {
  const book = new PackageBook(new XlsxPackage(packageOf(sheet)));
  const reader = book as unknown as { parsePart(sheet: unknown, firstRowOnly: boolean, plain: boolean): unknown };
  try {
    return comparable(reader.parsePart(book.sheet('S'), false, plain));
  } catch (e) {
    return { refused: (e as Error).name };
  }
}

const gap = fc.constantFrom('', '', '', '\n', '\n    ', ' ', '\t');
const text = fc.constantFrom('12', '0.5', '-3.25E-2', '1', '0', 'TRUE', '#N/A', 'Sở Y tế', 'a &amp; b &lt; c', ' chỉ số ', '&#65;&#x1F600;', '2', '45000');
const attr = (name: string, value: fc.Arbitrary<string>) => fc.option(value.map((v) => ` ${name}="${v}"`), { nil: '' });

/** A cell in one of the forms tools write (some the in-place read takes, some it leaves to the scanner). */
const cell = (row: number, col: number, p: string) =>
  fc
    .record({
      ref: fc.constantFrom(`${columnName(col)}${row}`, `${columnName(col)}${row}`, '', `$${columnName(col)}$${row}`, 'bad'),
      s: attr('s', fc.constantFrom('0', '1', '2', '7', 'x')),
      t: attr('t', fc.constantFrom('s', 'str', 'b', 'e', 'n', 'inlineStr', 'd', '')),
      extra: attr('cm', fc.constantFrom('1')),
      form: fc.constantFrom('self', 'empty', 'v', 'v-empty', 'f', 'f-shared', 'f-shared-self', 'is', 'is-preserve', 'is-empty', 'rich', 'v-v', 'v-f'),
      value: text,
      index: fc.constantFrom('0', '1', '2', '7'),
      g: gap,
    })
    .map(({ ref, s, t, extra, form, value, index, g }) => {
      const v = t === ' t="s"' ? index : value;
      const open = `<${p}c${ref ? ` r="${ref}"` : ''}${s}${t}${extra}`;
      const inner: Record<string, string> = {
        empty: '',
        v: `<${p}v>${v}</${p}v>`,
        'v-empty': `<${p}v/>`,
        f: `<${p}f>SUM(A1:B2)</${p}f>${g}<${p}v>${v}</${p}v>`,
        'f-shared': `<${p}f t="shared" ref="A1:A3" si="0">A1*2</${p}f><${p}v>${v}</${p}v>`,
        'f-shared-self': `<${p}f t="shared" si="0"/>${g}<${p}v>${v}</${p}v>`,
        is: `<${p}is><${p}t>${value}</${p}t></${p}is>`,
        'is-preserve': `<${p}is>${g}<${p}t xml:space="preserve">${value}</${p}t>${g}</${p}is>`,
        'is-empty': `<${p}is><${p}t/></${p}is>`,
        rich: `<${p}is><${p}r><${p}t>a</${p}t></${p}r><${p}r><${p}rPr><${p}b/></${p}rPr><${p}t xml:space="preserve"> ${value}</${p}t></${p}r></${p}is>`,
        'v-v': `<${p}v>1</${p}v><${p}v>2</${p}v>`,
        'v-f': `<${p}v>${v}</${p}v><${p}f>A1</${p}f>`,
      };
      return form === 'self' ? `${open}/>` : `${open}>${g}${inner[form]}${g}</${p}c>`;
    });

const row = (r: number, p: string) =>
  fc
    .record({
      ref: fc.constantFrom(String(r), String(r), '', `${r}x`),
      format: fc.constantFrom('', ' s="1" customFormat="1"', ' s="2" customFormat="true"', ' s="1"'),
      spans: attr('spans', fc.constantFrom('1:5')),
      cols: fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { maxLength: 5 }),
      g: gap,
      self: fc.boolean(),
    })
    .chain(({ ref, format, spans, cols, g, self }) =>
      fc.tuple(...[...cols].sort((a, b) => a - b).map((c) => cell(r, c, p))).map((cells) => {
        const open = `<${p}row${ref ? ` r="${ref}"` : ''}${format}${spans}`;
        return self && !cells.length ? `${open}/>` : `${open}>${cells.map((c) => g + c).join('')}${g}</${p}row>`;
      }),
    );

const worksheet = fc
  .record({
    p: fc.constantFrom('', '', '', 'x:'),
    rows: fc.uniqueArray(fc.integer({ min: 1, max: 12 }), { maxLength: 7 }),
    g: gap,
    merges: fc.boolean(),
    protect: fc.boolean(),
  })
  .chain(({ p, rows, g, merges, protect }) =>
    fc.tuple(...[...rows].sort((a, b) => a - b).map((r) => row(r, p))).map((rs) => {
      const ns = p ? ` xmlns:${p.slice(0, -1)}="${MAIN}"` : ` xmlns="${MAIN}"`;
      const data = rs.length ? `<${p}sheetData>${rs.map((r) => g + r).join('')}${g}</${p}sheetData>` : `<${p}sheetData/>`;
      const protection = protect ? `<${p}sheetProtection sheet="1"/>` : '';
      const merged = merges ? `<${p}mergeCells count="1"><${p}mergeCell ref="B2:C3"/></${p}mergeCells>` : '';
      return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<${p}worksheet${ns}><${p}cols><${p}col min="2" max="3" width="12" style="1"/></${p}cols>${data}${protection}${merged}</${p}worksheet>`;
    }),
  );

const spoiler = fc.constantFrom('<!-- n -->', '<![CDATA[1]]>', '\r', '\u0001', '&nbsp;', ' r="1" r="2"', ' constructor="1"', '<x/>', '<row/>', '<c/>', '</c>', '<v>9</v>', '"', 'é', ' ', '\n');

describe('the rows of a sheet read in place', () => {
  it('are read in place for a sheet as Excel writes it', () => {
    const readTag = jest.mocked(xmlScan.readTag);
    const endTag = jest.mocked(xmlScan.endTagNamed);
    readTag.mockClear();
    endTag.mockClear();
    const sheet = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<worksheet xmlns="${MAIN}"><sheetData><row r="1" spans="1:2"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"/></row><row r="2"><c r="A2"><f>1+1</f><v>2</v></c></row></sheetData></worksheet>`;
    const plain = parsed(sheet, true);
    // Every start tag in sheetData read in place (2 rows, 3 cells, 1 formula, 2 values), and the last row closed there.
    expect(readTag).toHaveBeenCalledTimes(8);
    const rowEnds = endTag.mock.calls.map((c, i) => [c[2], endTag.mock.results[i]!.value] as const).filter(([name]) => name === 'row');
    expect(rowEnds[rowEnds.length - 1]![1]).toBeGreaterThan(0);
    expect(plain).toEqual(parsed(sheet, false));
    expect((plain as { rows: Array<{ cells: Array<{ content: { value: unknown } | null }> }> }).rows.map((r) => r.cells.map((c) => c.content?.value ?? null))).toEqual([['Sở Y tế', null], [2]]);
  });

  it('give what saxes gives, on generated sheets in the forms tools write', () => {
    fc.assert(
      fc.property(worksheet, (sheet) => {
        expect(parsed(sheet, true)).toEqual(parsed(sheet, false));
      }),
      { numRuns: 1500 },
    );
  });

  it('give what saxes gives, or are refused as saxes refuses them, on spoiled sheets', () => {
    fc.assert(
      fc.property(spoiled(worksheet, spoiler), (sheet) => {
        expect(parsed(sheet, true)).toEqual(parsed(sheet, false));
      }),
      { numRuns: 1500 },
    );
  });
});
