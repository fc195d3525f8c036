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
