/**
 * The package reader (package-read.ts), which `gnlc score` and `gnlc clear` read with when the copy
 * is the input patched, against exceljs (read.ts) as the oracle: for every workbook here, the
 * HostRead of every sheet (values and their types, formula results, number formats, displayed
 * text, merges, fills with theme colours, tints and patterns, protection, hidden sheets, the
 * product's state and summary sheets), the sheet list and the active sheet are the same.
 * Workbooks: the bundled examples, packages written as Excel, openpyxl, LibreOffice and Google
 * Sheets write them (test/fixtures/packages.ts), workbooks exceljs writes (test/fixtures/xlsx.ts),
 * their scored and cleared copies, and generated packages (fast-check) written part by part.
 * Where the two differ because exceljs is wrong, a test says so and checks what the file says.
 */
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import JSZip from 'jszip';
import { loadWorkbook } from '../../../src/hosts/xlsx';
import { XlsxHost } from '../../../src/hosts/xlsx/host';
import { buildAppendix, buildAppendixSheet, sampleValues, withValue } from '../../../src/testing/appendix';
import { ToolStyle, writePackage } from '../../fixtures/packages';
import { snapshotToBuffer } from '../../fixtures/xlsx';
import { ROOT, loadCriteria } from './helpers';
import { clearBytes, partsOf, scoreBytes } from './package-helpers';

const criteria = loadCriteria();

/** Both readers on the same bytes: the same sheets, active sheet, state and HostRead of every sheet. */
async function expectSameRead(bytes: Buffer): Promise<void> {
  const fromPackage = await XlsxHost.open(bytes, { workbookName: 'book.xlsx' });
  expect(fromPackage.readsPackage).toBe(true);
  const oracle = new XlsxHost(await loadWorkbook(bytes), { workbookName: 'book.xlsx' });
  const sheets = await oracle.sheets();
  expect(await fromPackage.sheets()).toEqual(sheets);
  expect(fromPackage.activeSheet()).toEqual(oracle.activeSheet());
  expect(await fromPackage.readState()).toEqual(await oracle.readState());
  for (const { name } of sheets) expect({ name, read: await fromPackage.read(name) }).toEqual({ name, read: await oracle.read(name) });
}

const examples = [path.join(ROOT, 'examples', 'phu-luc-thanh-pho-mau.xlsx'), ...fs.readdirSync(path.join(ROOT, 'examples', 'returns')).map((f) => path.join(ROOT, 'examples', 'returns', f))];

describe('the bundled examples', () => {
  test.each(examples.map((f) => [path.relative(ROOT, f), f]))('%s reads the same, and so do its scored and cleared copies', async (_name, file) => {
    const bytes = fs.readFileSync(file);
    await expectSameRead(bytes);
    const scored = (await scoreBytes(bytes)).buffer;
    await expectSameRead(scored);
    await expectSameRead(await clearBytes(scored));
  });
});

describe('packages as other tools write them', () => {
  const appendix = buildAppendixSheet(criteria, sampleValues(criteria));
  const extras = { otherSheets: 2, names: true, table: true, validation: true, conditionalFormat: true, notes: true, protection: true, customProperties: true, themedFills: true, font: { name: 'Times New Roman', size: 13 } };
  test.each<ToolStyle>(['excel', 'openpyxl', 'libreoffice', 'google'])('%s: rich-text and inline strings, s="0", absolute targets, theme fills read the same; scored, the same again', async (style) => {
    const bytes = await writePackage(appendix, style, extras);
    await expectSameRead(bytes);
    await expectSameRead((await scoreBytes(bytes)).buffer);
  });
});

describe('workbooks exceljs writes', () => {
  test('hidden sheets, merges, fills, formulas with and without results, dates, errors, text that looks like a number', async () => {
    const built = buildAppendix(criteria, withValue(withValue(sampleValues(criteria), 'CS1', 'value', { value: '#N/A', type: 'error' }), 'CS2', 'value', { value: 45000.25, numberFormat: 'dd/mm/yyyy hh:mm' }));
    const sheet = built.sheet;
    // A fill of the department's on one value cell.
    const first = Object.values(Object.values(built.expected)[0]!.valueCells)[0]!;
    const other = { name: 'Ẩn', origin: { row: 1, col: 2 }, cells: [[{ value: '00123' }, { value: true }, { value: 0.25, numberFormat: '0.0%' }]], merges: [{ top: 3, left: 2, bottom: 4, right: 4 }], fills: new Map([['C2', { color: '#FFC000' }]]) };
    const bytes = await snapshotToBuffer([{ ...sheet, fills: new Map([...(sheet.fills ?? []), [first, { color: '#92D050' }]]) }, other], {
      states: { Ẩn: 'hidden' },
      formulas: { [sheet.name]: { Z1: 'SUM(1,2)', Z2: 'NOW()' }, Ẩn: { F2: 'C2*2' } },
    });
    await expectSameRead(bytes);
    await expectSameRead((await scoreBytes(bytes)).buffer);
  });
});

// ---------------------------------------------------------------------------------------------
// Generated packages, written part by part.

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const T = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Fills of the generated styles.xml: none, gray125, RGB, theme colours with tints, indexed, patterns, a gradient, a pattern with no type. */
const FILLS = [
  '<patternFill patternType="none"/>',
  '<patternFill patternType="gray125"/>',
  '<patternFill patternType="solid"><fgColor rgb="FFFF0000"/><bgColor indexed="64"/></patternFill>',
  '<patternFill patternType="solid"><fgColor theme="4" tint="0.39997558519241921"/><bgColor indexed="64"/></patternFill>',
  '<patternFill patternType="solid"><fgColor theme="9" tint="-0.249977111117893"/></patternFill>',
  '<patternFill patternType="solid"><fgColor indexed="13"/></patternFill>',
  '<patternFill patternType="darkGrid"><fgColor rgb="FF000000"/><bgColor theme="2"/></patternFill>',
  '<patternFill patternType="lightUp"><fgColor auto="1"/><bgColor rgb="FF92D050"/></patternFill>',
  '<gradientFill degree="90"><stop position="0"><color theme="0"/></stop><stop position="1"><color theme="4"/></stop></gradientFill>',
  '<gradientFill type="path"><stop position="0"><color rgb="FFFFFF00"/></stop><stop position="1"><color rgb="FF00B0F0"/></stop></gradientFill>',
  '<patternFill><fgColor rgb="FF00FF00"/></patternFill>',
];
/** Number formats: built-in ids, custom codes (an escaped per cent sign, and a plain one that exceljs reads alike), dates. */
const CUSTOM = ['0.0\\%', 'dd/mm/yyyy', '#,##0\\ "đ"', '0.0%', '[h]:mm', '0\\ \\k\\g', 'm/d/yyyy h:mm', '#,##0.00;[Red]\\-#,##0.00'];
const FORMAT_IDS = [0, 1, 2, 3, 4, 9, 10, 14, 20, 22, 49, ...CUSTOM.map((_c, i) => 164 + i)];
const DATE_IDS = new Set([14, 20, 22, 165, 168, 170]);

type GenValue =
  | { t: 'n'; v: number }
  | { t: 's'; v: string }
  | { t: 'rich'; v: string[] }
  | { t: 'inline'; v: string }
  | { t: 'inlineRich'; v: string[] }
  | { t: 'str'; v: string }
  | { t: 'fnum'; v: number | null }
  | { t: 'fstr'; v: string }
  | { t: 'b'; v: boolean }
  | { t: 'e'; v: string }
  | { t: 'none' };

interface GenCell {
  col: number;
  value: GenValue;
  /** Index into the workbook's xfs (0: none written). */
  s: number;
  /** Written without its `r` (the column after the cell before). */
  noRef: boolean;
}
interface GenRow {
  r: number;
  cells: GenCell[];
  s: number;
}
interface GenSheet {
  rows: GenRow[];
  cols: Array<{ min: number; max: number; s: number }>;
  merges: Array<{ top: number; left: number; bottom: number; right: number }>;
  state: 'visible' | 'hidden' | 'veryHidden';
  protect: boolean;
}
interface GenBook {
  xfs: Array<{ fmt: number; fill: number }>;
  sheets: GenSheet[];
  activeTab: number;
  date1904: boolean;
}

const text = fc.string({ unit: fc.constantFrom('a', 'Ă', 'ệ', ' ', '<', '&', '"', "'", '1', '_x0041_', '\n', '%', 'đ', 'Ω'), minLength: 1, maxLength: 8 });
const number = fc.oneof(fc.integer({ min: -100000, max: 100000 }), fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }));
const valueArb: fc.Arbitrary<GenValue> = fc.oneof(
  number.map((v) => ({ t: 'n' as const, v })),
  text.map((v) => ({ t: 's' as const, v })),
  fc.array(text, { minLength: 1, maxLength: 3 }).map((v) => ({ t: 'rich' as const, v })),
  text.map((v) => ({ t: 'inline' as const, v })),
  fc.array(text, { minLength: 1, maxLength: 3 }).map((v) => ({ t: 'inlineRich' as const, v })),
  text.map((v) => ({ t: 'str' as const, v })),
  fc.option(number, { nil: null }).map((v) => ({ t: 'fnum' as const, v })),
  text.map((v) => ({ t: 'fstr' as const, v })),
  fc.boolean().map((v) => ({ t: 'b' as const, v })),
  fc.constantFrom('#N/A', '#DIV/0!', '#VALUE!').map((v) => ({ t: 'e' as const, v })),
  fc.constant({ t: 'none' as const }),
);

const bookArb: fc.Arbitrary<GenBook> = fc
  .record({
    xfs: fc.array(fc.record({ fmt: fc.constantFrom(...FORMAT_IDS), fill: fc.nat(FILLS.length - 1) }), { minLength: 1, maxLength: 8 }),
    sheetCount: fc.integer({ min: 1, max: 3 }),
    activeTab: fc.nat(2),
    date1904: fc.boolean(),
  })
  .chain(({ xfs, sheetCount, activeTab, date1904 }) => {
    const s = fc.nat(xfs.length); // 0..xfs.length: 0 is no `s`, i is xfs[i - 1] (index i in cellXfs)
    const cell = fc.record({ col: fc.nat(8), value: valueArb, s, noRef: fc.boolean() });
    const row = fc.record({ r: fc.integer({ min: 1, max: 14 }), cells: fc.array(cell, { maxLength: 6 }), s });
    const sheet = fc.record({
      rows: fc.array(row, { maxLength: 8 }),
      cols: fc.array(fc.record({ min: fc.integer({ min: 1, max: 9 }), span: fc.nat(3), s }), { maxLength: 3 }).map((cs) => cs.map((c) => ({ min: c.min, max: c.min + c.span, s: c.s }))),
      merges: fc.array(fc.record({ top: fc.nat(14), left: fc.nat(8), h: fc.nat(2), w: fc.nat(2) }), { maxLength: 3 }),
      state: fc.constantFrom<GenSheet['state']>('visible', 'visible', 'hidden', 'veryHidden'),
      protect: fc.boolean(),
    });
    return fc.record({ sheets: fc.array(sheet, { minLength: sheetCount, maxLength: sheetCount }) }).map(({ sheets }) => ({
      xfs,
      activeTab: Math.min(activeTab, sheets.length - 1),
      date1904,
      sheets: sheets.map((sh, i) => {
        // Rows in order, each once; cells in order, each once (as a file has them); merged areas apart.
        const rows = [...new Map(sh.rows.map((r) => [r.r, r])).values()].sort((a, b) => a.r - b.r).map((r) => ({ ...r, cells: [...new Map(r.cells.map((c) => [c.col, c])).values()].sort((a, b) => a.col - b.col) }));
        const merges: GenSheet['merges'] = [];
        for (const m of sh.merges) {
          const area = { top: m.top, left: m.left, bottom: m.top + m.h, right: m.left + m.w };
          if (area.bottom === area.top && area.right === area.left) continue;
          if (!merges.some((o) => o.top <= area.bottom && area.top <= o.bottom && o.left <= area.right && area.left <= o.right)) merges.push(area);
        }
        return { ...sh, rows, merges, state: i === 0 ? 'visible' : sh.state };
      }),
    }));
  });

const colName = (c: number) => String.fromCharCode(65 + c);
const preserve = (s: string) => `<t xml:space="preserve">${esc(s)}</t>`;

/** The generated workbook as a package: shared strings (plain and rich), inline strings, formulas, styles by index. */
async function writeGenerated(book: GenBook): Promise<Buffer> {
  const zip = new JSZip();
  const strings: string[] = [];
  const shared = (si: string) => strings.push(si) - 1;
  const fmtOf = (s: number) => (s === 0 ? 0 : book.xfs[s - 1]!.fmt);
  const cellXml = (c: GenCell, r: number, prevCol: number | null) => {
    // Without `r` only where exceljs's reader can restore the code: where `0.0\%` and `0.0%` are both in the file it finds
    // the cells of `0.0\%` by their `r` (number-formats.ts), and a cell without one would read as `0.0%` (this reader: `0.0\%`).
    const ref = c.noRef && prevCol === c.col - 1 && fmtOf(c.s) !== 164 ? '' : ` r="${colName(c.col)}${r}"`;
    const s = c.s ? ` s="${c.s}"` : '';
    const v = c.value;
    // A number under a date format is a date: kept to dates a calendar has.
    const num = (n: number) => (DATE_IDS.has(fmtOf(c.s)) ? Math.abs(n) % 60000 : n);
    switch (v.t) {
      case 'n':
        return `<c${ref}${s}><v>${num(v.v)}</v></c>`;
      case 's':
        return `<c${ref}${s} t="s"><v>${shared(`<si>${preserve(v.v)}</si>`)}</v></c>`;
      case 'rich':
        return `<c${ref}${s} t="s"><v>${shared(`<si>${v.v.map((x, i) => `<r>${i % 2 ? '<rPr><b/><sz val="11"/></rPr>' : ''}${preserve(x)}</r>`).join('')}<phoneticPr fontId="1"/></si>`)}</v></c>`;
      case 'inline':
        return `<c${ref}${s} t="inlineStr"><is>${preserve(v.v)}</is></c>`;
      case 'inlineRich':
        return `<c${ref}${s} t="inlineStr"><is>${v.v.map((x) => `<r><rPr><i/></rPr>${preserve(x)}</r>`).join('')}</is></c>`;
      case 'str':
        return `<c${ref}${s} t="str"><v>${esc(v.v)}</v></c>`;
      case 'fnum':
        // A result of 0 is left to its own test below (exceljs reads it as no result).
        return `<c${ref}${s}><f>1+1</f>${v.v === null ? '' : `<v>${num(v.v) || 1}</v>`}</c>`;
      case 'fstr':
        // A formula's text result: no date format on it (exceljs would turn it into "Invalid Date").
        return `<c${ref}${DATE_IDS.has(fmtOf(c.s)) ? '' : s} t="str"><f>"x"&amp;"y"</f><v>${esc(v.v)}</v></c>`;
      case 'b':
        return `<c${ref}${DATE_IDS.has(fmtOf(c.s)) ? '' : s} t="b"><v>${v.v ? 1 : 0}</v></c>`;
      case 'e':
        return `<c${ref}${s} t="e"><v>${esc(v.v)}</v></c>`;
      case 'none':
        return `<c${ref}${s}/>`;
    }
  };
  const sheetXml = (sh: GenSheet) => {
    const cols = sh.cols.length ? `<cols>${sh.cols.map((c) => `<col min="${c.min}" max="${c.max}" width="12"${c.s ? ` style="${c.s}"` : ''}/>`).join('')}</cols>` : '';
    const rows = sh.rows
      .map((row) => {
        // A cell without `r` follows the cell before it that is a cell (exceljs skips an empty <c/> without a style and fails on what follows).
        let prev: number | null = null;
        const cells = row.cells
          .map((c) => {
            const x = cellXml(c, row.r, prev);
            prev = c.value.t === 'none' && !c.s ? null : c.col;
            return x;
          })
          .join('');
        return `<row r="${row.r}"${row.s ? ` s="${row.s}" customFormat="1"` : ''}>${cells}</row>`;
      })
      .join('');
    const protect = sh.protect ? '<sheetProtection sheet="1" objects="1" scenarios="1"/>' : '';
    const merges = sh.merges.length ? `<mergeCells count="${sh.merges.length}">${sh.merges.map((m) => `<mergeCell ref="${colName(m.left)}${m.top + 1}:${colName(m.right)}${m.bottom + 1}"/>`).join('')}</mergeCells>` : '';
    return `${DECL}<worksheet xmlns="${MAIN}" xmlns:r="${R}"><sheetViews><sheetView workbookViewId="0"/></sheetViews>${cols}<sheetData>${rows}</sheetData>${protect}${merges}</worksheet>`;
  };
  const names = ['Phụ lục', 'Trang 2', 'Số liệu'];
  const ct = [
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>',
    '<Default Extension="xml" ContentType="application/xml"/>',
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>',
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>',
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>',
  ];
  const rels: string[] = [];
  const entries: string[] = [];
  book.sheets.forEach((sh, i) => {
    zip.file(`xl/worksheets/sheet${i + 1}.xml`, sheetXml(sh));
    ct.push(`<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`);
    rels.push(`<Relationship Id="rId${i + 1}" Type="${T}worksheet" Target="worksheets/sheet${i + 1}.xml"/>`);
    entries.push(`<sheet name="${esc(names[i]!)}" sheetId="${i + 1}"${sh.state === 'visible' ? '' : ` state="${sh.state}"`} r:id="rId${i + 1}"/>`);
  });
  const k = book.sheets.length;
  rels.push(`<Relationship Id="rId${k + 1}" Type="${T}styles" Target="styles.xml"/>`, `<Relationship Id="rId${k + 2}" Type="${T}sharedStrings" Target="sharedStrings.xml"/>`);
  zip.file('xl/workbook.xml', `${DECL}<workbook xmlns="${MAIN}" xmlns:r="${R}"><workbookPr${book.date1904 ? ' date1904="1"' : ''}/><bookViews><workbookView activeTab="${book.activeTab}"/></bookViews><sheets>${entries.join('')}</sheets></workbook>`);
  zip.file('xl/_rels/workbook.xml.rels', `${DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`);
  const numFmts = `<numFmts count="${CUSTOM.length}">${CUSTOM.map((c, i) => `<numFmt numFmtId="${164 + i}" formatCode="${esc(c)}"/>`).join('')}</numFmts>`;
  const fills = `<fills count="${FILLS.length}">${FILLS.map((f) => `<fill>${f}</fill>`).join('')}</fills>`;
  const xfs = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>', ...book.xfs.map((x) => `<xf numFmtId="${x.fmt}" fontId="0" fillId="${x.fill}" borderId="0" xfId="0" applyNumberFormat="1" applyFill="1"/>`)];
  zip.file(
    'xl/styles.xml',
    `${DECL}<styleSheet xmlns="${MAIN}">${numFmts}<fonts count="1"><font><sz val="11"/><name val="Times New Roman"/></font></fonts>${fills}<borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="${xfs.length}">${xfs.join('')}</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`,
  );
  zip.file('xl/sharedStrings.xml', `${DECL}<sst xmlns="${MAIN}" count="${strings.length}" uniqueCount="${strings.length}">${strings.join('')}</sst>`);
  zip.file('_rels/.rels', `${DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${T}officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  zip.file('[Content_Types].xml', `${DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">${ct.join('')}</Types>`);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

test('generated packages read the same through both readers', async () => {
  await fc.assert(
    fc.asyncProperty(bookArb, async (book) => {
      await expectSameRead(await writeGenerated(book));
    }),
    { numRuns: 60 },
  );
});

describe('where exceljs is wrong, the package reader reads what the file says', () => {
  /** A one-sheet package: `code` as number format 164 (cellXfs 1), the sheet's XML and the workbook's properties as given. */
  async function package1(code: string, sheetData: string, opts: { protection?: string; workbookPr?: string } = {}): Promise<Buffer> {
    const zip = await JSZip.loadAsync(await writeGenerated({ xfs: [{ fmt: 164, fill: 0 }], sheets: [{ rows: [], cols: [], merges: [], state: 'visible', protect: false }], activeTab: 0, date1904: false }));
    const styles = (await zip.file('xl/styles.xml')!.async('string')).replace(/formatCode="[^"]*"/, `formatCode="${esc(code)}"`);
    zip.file('xl/styles.xml', styles);
    zip.file('xl/worksheets/sheet1.xml', `${DECL}<worksheet xmlns="${MAIN}"><sheetData>${sheetData}</sheetData>${opts.protection ?? ''}</worksheet>`);
    if (opts.workbookPr) zip.file('xl/workbook.xml', (await zip.file('xl/workbook.xml')!.async('string')).replace('<workbookPr/>', opts.workbookPr));
    return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  }
  const a1 = async (bytes: Buffer) => {
    const host = await XlsxHost.open(bytes);
    expect(host.readsPackage).toBe(true);
    return (await host.read('Phụ lục')).sheet;
  };

  test('a number under a format whose date letters are escaped (0\\ \\n\\g\\à\\y) keeps its exact value', async () => {
    // exceljs drops the backslashes (NumFmtXform), reads "0 ngày" as a date format (its y) and turns 0.1 into a Date and back.
    const sheet = await a1(await package1('0\\ \\n\\g\\à\\y', '<row r="1"><c r="A1" s="1"><v>0.1</v></c></row>'));
    expect(sheet.cells[0]![0]).toEqual({ value: 0.1, type: 'number', numberFormat: '0\\ \\n\\g\\à\\y', text: '0 ngày' });
  });

  test('sheet="true" protects a sheet and date1904="true" is the 1904 date system (xsd:boolean; exceljs reads "1" only)', async () => {
    const sheet = await a1(await package1('dd/mm/yyyy', '<row r="1"><c r="A1" s="1"><v>0</v></c></row>', { protection: '<sheetProtection sheet="true"/>', workbookPr: '<workbookPr date1904="true"/>' }));
    expect(sheet.protected).toBe(true);
    expect(sheet.cells[0]![0]).toMatchObject({ text: '01/01/1904' });
  });

  test('a formula whose result is 0 or FALSE holds that result', async () => {
    // exceljs's FormulaValue copies only truthy results (lib/doc/cell.js _copyModel), so a formula computing 0 reads as empty.
    const sheet = await a1(await package1('0', '<row r="1"><c r="A1"><f>1-1</f><v>0</v></c><c r="B1" t="b"><f>1=2</f><v>0</v></c></row>'));
    expect(sheet.cells[0]).toEqual([
      { value: 0, type: 'number', text: '0' },
      { value: false, type: 'boolean', text: 'FALSE' },
    ]);
  });

  test('a shared-string index that is not in the table is an empty cell (exceljs cannot open the file)', async () => {
    const bytes = await package1('0', '<row r="1"><c r="A1" t="s"><v>99</v></c><c r="B1"><v>7</v></c></row>');
    await expect(loadWorkbook(bytes)).rejects.toThrow();
    const sheet = await a1(bytes);
    expect(sheet.cells[0]).toEqual([null, { value: 7, type: 'number', text: '7' }]);
  });
});

describe('a sheet the plain XML scan leaves to saxes (xml-scan.ts)', () => {
  const example = path.join(ROOT, 'examples', 'phu-luc-thanh-pho-mau.xlsx');
  /** The example with a part's XML changed by `edit` (by default its appendix sheet's). */
  async function withSheetXml(edit: (xml: string) => string, part = 'xl/worksheets/sheet1.xml'): Promise<Buffer> {
    const zip = await JSZip.loadAsync(fs.readFileSync(example));
    const xml = await zip.file(part)!.async('string');
    zip.file(part, edit(xml));
    return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  }
  const readOf = async (bytes: Buffer) => (await XlsxHost.open(bytes)).read('Phụ lục');

  test('reads the same values, and scores into a copy that keeps what saxes read past', async () => {
    const plain = await readOf(fs.readFileSync(example));
    // A comment and a CDATA section: well-formed XML that the scan leaves to saxes.
    const bytes = await withSheetXml((xml) => xml.replace('<sheetData>', '<sheetData><!-- điền số liệu -->').replace('<v>0</v>', '<v><![CDATA[0]]></v>'));
    expect(await readOf(bytes)).toEqual(plain);
    const scored = partsOf((await scoreBytes(bytes)).buffer).get('xl/worksheets/sheet1.xml')!.content.toString('utf8');
    expect(scored).toContain('<sheetData><!-- điền số liệu -->');
    expect(scored).toContain('<v><![CDATA[0]]></v>');
  });

  test('shared strings and styles that the scan leaves to saxes read the same', async () => {
    const plain = await readOf(fs.readFileSync(example));
    const comment = (xml: string) => xml.replace(/(<\?xml[^>]*>)/, '$1<!-- tool -->');
    expect(await readOf(await withSheetXml(comment, 'xl/sharedStrings.xml'))).toEqual(plain);
    expect(await readOf(await withSheetXml(comment, 'xl/styles.xml'))).toEqual(plain);
  });

  test('a sheet whose tags cross is still refused as damaged, as saxes finds it', async () => {
    const bytes = await withSheetXml((xml) => xml.replace('</c>', '</row>'));
    await expect(readOf(bytes)).rejects.toMatchObject({ name: 'XlsxReadError', message: expect.stringContaining('xl/worksheets/sheet1.xml') });
  });
});
