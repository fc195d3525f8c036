/**
 * The scored copy is the input's package patched (issue #13): a property over generated
 * workbooks shaped as Excel, openpyxl, LibreOffice and Google Sheets write them, with other
 * sheets, names, a table, validations, Excel 2010 conditional formats, notes, protection, custom
 * properties and a non-Calibri default font. Every part but the scored sheet, styles.xml,
 * workbook.xml, its relationships, the content types and the app properties is byte-identical in
 * the copy (stored bytes included); the scored sheet differs only in the `s` of coloured cells;
 * clearing the copy gives the input back part for part.
 */
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import ExcelJS from 'exceljs';
import { buildAppendixSheet, sampleValues } from '../../../src/testing/appendix';
import { PackageExtras, ToolStyle, writePackage } from '../../fixtures/packages';
import { ROOT, loadCriteria } from './helpers';
import { clearBytes, partsOf, scoreBytes, sheetPart, stylesCutTo, withoutStyles } from './package-helpers';

const criteria = loadCriteria();
const appendix = buildAppendixSheet(criteria, sampleValues(criteria));

const extrasArb: fc.Arbitrary<{ style: ToolStyle; extras: PackageExtras }> = fc.record({
  style: fc.constantFrom<ToolStyle>('excel', 'openpyxl', 'libreoffice', 'google'),
  extras: fc.record({
    otherSheets: fc.integer({ min: 1, max: 3 }),
    names: fc.boolean(),
    table: fc.boolean(),
    validation: fc.boolean(),
    conditionalFormat: fc.boolean(),
    notes: fc.boolean(),
    protection: fc.boolean(),
    customProperties: fc.boolean(),
    themedFills: fc.boolean(),
    font: fc.constantFrom({ name: 'Times New Roman', size: 13 }, { name: 'Arial', size: 10 }),
  }),
});

const MAY_CHANGE = new Set(['xl/styles.xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml', 'docProps/app.xml']);

async function checkScoredCopy(input: Buffer): Promise<void> {
  const { buffer, sheet, coloured } = await scoreBytes(input);
  expect(coloured.length).toBeGreaterThan(0);
  const before = partsOf(input);
  const after = partsOf(buffer);
  const scoredPart = sheetPart(before, sheet);
  for (const [name, part] of before) {
    expect({ name, present: after.has(name) }).toEqual({ name, present: true });
    if (MAY_CHANGE.has(name) || name === scoredPart) continue;
    // The same stored bytes: the part was copied, not inflated and deflated again.
    expect({ name, same: after.get(name)!.raw.equals(part.raw) }).toEqual({ name, same: true });
  }
  const set = new Set(coloured);
  expect(withoutStyles(after.get(scoredPart)!.content.toString('utf8'), set)).toBe(withoutStyles(before.get(scoredPart)!.content.toString('utf8'), set));
  // And it is coloured: every coloured cell has a style index of its own now.
  expect(after.get(scoredPart)!.content.equals(before.get(scoredPart)!.content)).toBe(false);
}

async function checkClearGivesBack(input: Buffer): Promise<void> {
  const { buffer } = await scoreBytes(input);
  const back = partsOf(await clearBytes(buffer));
  const before = partsOf(input);
  expect([...back.keys()].sort()).toEqual([...before.keys()].sort());
  for (const [name, part] of before) {
    if (name === 'docProps/app.xml') continue;
    const got = back.get(name)!.content;
    if (name === 'xl/styles.xml') {
      // The formats the product appended stay (nothing uses them); everything before them is as it was.
      expect(stylesCutTo(got.toString('utf8'), part.content.toString('utf8'))).toBe(stylesCutTo(part.content.toString('utf8'), part.content.toString('utf8')));
      continue;
    }
    expect({ name, same: got.equals(part.content) }).toEqual({ name, same: true });
  }
}

describe('the scored copy is the input package patched', () => {
  test('property: only the scored sheet’s coloured cells’ style, styles.xml and the workbook’s own parts change', async () => {
    await fc.assert(
      fc.asyncProperty(extrasArb, async ({ style, extras }) => {
        await checkScoredCopy(await writePackage(appendix, style, extras));
      }),
      { numRuns: 8, seed: 1313 },
    );
  }, 180_000);

  test('property: clear(score(x)) gives x back part for part', async () => {
    await fc.assert(
      fc.asyncProperty(extrasArb, async ({ style, extras }) => {
        await checkClearGivesBack(await writePackage(appendix, style, extras));
      }),
      { numRuns: 8, seed: 1314 },
    );
  }, 180_000);

  const examples = [
    ...fs.readdirSync(path.join(ROOT, 'examples')).filter((f) => f.endsWith('.xlsx')).map((f) => path.join('examples', f)),
    ...fs.readdirSync(path.join(ROOT, 'examples', 'returns')).filter((f) => f.endsWith('.xlsx')).map((f) => path.join('examples', 'returns', f)),
  ];
  test.each(examples)('%s: the copy keeps every other part, and clearing it gives the file back', async (file) => {
    const input = fs.readFileSync(path.join(ROOT, file));
    await checkScoredCopy(input);
    await checkClearGivesBack(input);
  }, 60_000);
});

describe('clearing a copy that was edited and saved again after scoring', () => {
  // exceljs renumbers every cell format when it saves (as other tools may), and a person may
  // change a coloured cell's number format: the recorded style index is then put back only where
  // the format there still has the recorded fill and differs from the cell's only in its fill.
  test('a number format set after scoring stays, and every coloured cell gets its original fill back', async () => {

    const input = await writePackage(appendix, 'excel', { otherSheets: 1, names: false, table: false, validation: false, conditionalFormat: false, notes: false, protection: false, customProperties: false, themedFills: true, font: { name: 'Times New Roman', size: 13 } });
    const fillsOf = async (data: Buffer, sheet: string, addresses: string[]) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(data as unknown as ExcelJS.Buffer);
      const ws = wb.getWorksheet(sheet)!;
      const fill = (a: string) => ws.getCell(a).fill as { type?: string; pattern?: string } | undefined;
      // No fill, whether absent or written as the pattern "none".
      return Object.fromEntries(addresses.map((a) => [a, fill(a)?.type === 'pattern' && fill(a)?.pattern === 'none' ? null : JSON.parse(JSON.stringify(fill(a) ?? null))]));
    };
    const { buffer, sheet, coloured } = await scoreBytes(input);
    const before = await fillsOf(input, sheet, coloured);
    const edited = coloured[0]!;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
    wb.getWorksheet(sheet)!.getCell(edited).numFmt = '0.000';
    const resaved = Buffer.from(await wb.xlsx.writeBuffer());
    const cleared = await clearBytes(resaved);
    expect(await fillsOf(cleared, sheet, coloured)).toEqual(before);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(cleared as unknown as ExcelJS.Buffer);
    expect(back.getWorksheet(sheet)!.getCell(edited).numFmt).toBe('0.000');
  }, 60_000);
});
