/**
 * Guarantee: the product never changes what a person typed, and "Xóa màu" gives every fill back.
 *
 * Generated workbooks (random layouts, values with garbage, fills with white and no fill kept
 * apart, patterns, the product's own status colours already on cells, formulas, extra merged
 * areas, extra sheets, one named like the summary or the state sheet) go through the whole
 * pipeline — score, score again, clear — in the fake Excel (OfficeHost, with a new host for each
 * action: the state is read back from the workbook each time) and in the xlsx host (written to
 * bytes and opened again between actions). Every value, formula and number format of every
 * sheet a person owns is compared before and after each action; the fills, after "Xóa màu".
 * A layout in which the core finds no appendix (isScorableSheet) is refused before anything is
 * written, and that is checked too.
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { clearWorkbook, isScorableSheet, scoreWorkbook } from '../../src/core/workbook';
import { scoreCounted, clearCounted } from '../hosts/office/counted';
import { PlanError, loadWorkbook } from '../../src/hosts/xlsx';
import { XlsxHost } from '../../src/hosts/xlsx/host';
import { SHEET, criteria, fakeUserCells, generate, isStateName, officeHost, recipeArb, runs, toExcelJs, toFakeExcel, withoutFills, xlsxUserCells } from './helpers';

const FAKE_RUNS = runs(80);
const XLSX_RUNS = runs(50);


test(`fake Excel: score, score again, clear never change a typed value; clear restores every fill (${FAKE_RUNS} generated workbooks)`, async () => {
  const c = criteria();
  let cases = 0;
  let refused = 0;
  let coloured = 0;
  await fc.assert(
    fc.asyncProperty(recipeArb, async (recipe) => {
      cases++;
      const g = generate(recipe);
      const fake = toFakeExcel(g);
      // Before the first run every sheet is the person's.
      const users = fake.workbook.sheetNames();
      const before = fakeUserCells(fake, users);
      const exported = fake.workbook.export();
      if (!isScorableSheet(g.sheet, c)) {
        // A layout the mapper finds nothing in is no appendix by the core's rule: refused, nothing written.
        refused++;
        await expect(scoreCounted(officeHost(fake), c, 'vi', { sheet: SHEET })).rejects.toMatchObject({ code: 'NotAppendix' });
        expect(fake.workbook.export()).toEqual(exported);
        return;
      }
      if (g.extraSheets.some((s) => isStateName(s.name))) {
        // A person's sheet named like the state sheet: refused before anything is written.
        refused++;
        await expect(scoreCounted(officeHost(fake), c, 'vi', { sheet: SHEET })).rejects.toMatchObject({ code: 'StateSheetNotOwned' });
        expect(fake.workbook.export()).toEqual(exported);
        return;
      }
      const others = users.filter((n) => n !== SHEET);
      const othersBefore = fakeUserCells(fake, others);

      const first = await scoreCounted(officeHost(fake), c, 'vi', { sheet: SHEET });
      if (first.plan.fills.length) coloured++;
      expect(withoutFills(fakeUserCells(fake, users))).toEqual(withoutFills(before));
      expect(fakeUserCells(fake, others)).toEqual(othersBefore);

      await scoreCounted(officeHost(fake), c, 'vi', { sheet: SHEET });
      expect(withoutFills(fakeUserCells(fake, users))).toEqual(withoutFills(before));

      const cleared = await clearCounted(officeHost(fake), { sheet: SHEET });
      expect(cleared.kept).toEqual([]);
      expect(fakeUserCells(fake, users)).toEqual(before);
      expect(fake.workbook.sheetNames().slice(0, exported.sheets.length)).toEqual(exported.sheets.map((s) => s.name));
    }),
    { numRuns: FAKE_RUNS, seed: 20250101 },
  );
  expect(cases).toBe(FAKE_RUNS);
  // The runs mean something: most workbooks were coloured; some had a sheet named like the state sheet.
  expect(coloured).toBeGreaterThan((cases - refused) / 2);
  expect(refused).toBeGreaterThan(0);
}, 120_000);

/** Scores an opened workbook in place (the core through the xlsx host) and writes it. */
async function xlsxScore(wb: ExcelJS.Workbook): Promise<Buffer> {
  const host = new XlsxHost(wb, { workbookName: 'Phu-luc.xlsx' });
  await scoreWorkbook(host, criteria(), { lang: 'vi', sheet: SHEET });
  return host.toBuffer();
}

/** "Xóa màu" on an opened workbook, written. */
async function xlsxClear(wb: ExcelJS.Workbook): Promise<{ bytes: Buffer; kept: string[] }> {
  const host = new XlsxHost(wb);
  const { kept } = await clearWorkbook(host, criteria(), { sheet: SHEET });
  return { bytes: await host.toBuffer(), kept };
}

test(`xlsx file: score, score again, clear never change a typed value; clear restores every fill (${XLSX_RUNS} generated workbooks)`, async () => {
  const c = criteria();
  let cases = 0;
  await fc.assert(
    fc.asyncProperty(recipeArb, async (recipe) => {
      cases++;
      const g = generate(recipe);
      const opened = await loadWorkbook(Buffer.from(await toExcelJs(g).xlsx.writeBuffer()));
      // Before the first run every sheet is the person's.
      const users = opened.worksheets.map((w) => w.name);
      const before = xlsxUserCells(opened, users);

      if (!isScorableSheet(g.sheet, c)) {
        await expect(scoreWorkbook(new XlsxHost(opened), c, { lang: 'vi', sheet: SHEET })).rejects.toMatchObject({ code: 'NotAppendix' });
        expect(xlsxUserCells(opened, users)).toEqual(before);
        return;
      }
      if (g.extraSheets.some((s) => isStateName(s.name))) {
        // A person's sheet named like the state sheet: PlanError before anything changes.
        await expect(scoreWorkbook(new XlsxHost(opened), c, { lang: 'vi', sheet: SHEET })).rejects.toThrow(PlanError);
        expect(xlsxUserCells(opened, users)).toEqual(before);
        expect(opened.worksheets.map((w) => w.name)).toEqual(users);
        return;
      }
      const others = users.filter((n) => n !== SHEET);
      const othersBefore = xlsxUserCells(opened, others);

      // Each step's file is opened again: what is checked is what the next step reads.
      const once = await loadWorkbook(await xlsxScore(opened));
      expect(withoutFills(xlsxUserCells(once, users))).toEqual(withoutFills(before));
      expect(xlsxUserCells(once, others)).toEqual(othersBefore);

      const twice = await loadWorkbook(await xlsxScore(once));
      expect(withoutFills(xlsxUserCells(twice, users))).toEqual(withoutFills(before));

      const cleared = await xlsxClear(twice);
      expect(cleared.kept).toEqual([]);
      expect(xlsxUserCells(await loadWorkbook(cleared.bytes), users)).toEqual(before);
    }),
    { numRuns: XLSX_RUNS, seed: 20250102 },
  );
  expect(cases).toBe(XLSX_RUNS);
}, 240_000);
