/**
 * "Tạo mẫu" as a new workbook, below the pane: the .xlsx built from the core's template (the same
 * buildTemplate as the sheet and `gnlc template`), and the fake's Excel.createWorkbook, which
 * records what it was given and refuses what is not base64 (@types/office-js: createWorkbook(base64?)).
 */
import ExcelJS from 'exceljs';
import { listIndicators } from '../../../src/core/criteria';
import { createFakeExcel } from '../../../src/testing/fake-excel';
import { templateWorkbook } from '../../../src/hosts/office/template-file';
import { loadCriteria } from '../../core/helpers';

const criteria = loadCriteria();

async function open(base64: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  return wb;
}

test('the whole city\'s template: one sheet with every indicator, the template\'s own name and title, frozen header, print setup', async () => {
  const file = await templateWorkbook(criteria, { lang: 'en', city: 'Hà Nội', year: 2025 }, new Date(2026, 0, 2));
  const wb = await open(file.base64);
  expect(wb.worksheets.map((w) => w.name)).toEqual([file.template.name]);
  expect(wb.title).toBe(file.title);
  expect(wb.creator).toBe('gnlc');
  const ws = wb.worksheets[0]!;
  expect(file.template.indicators).toHaveLength(listIndicators(criteria).length);
  const ids = new Set<string>();
  ws.eachRow((row) => {
    const v = row.getCell(1).value;
    if (typeof v === 'string' && /^\d+\.\d+\.\d+\.[a-z]$/.test(v)) ids.add(v);
  });
  expect(ids.size).toBe(listIndicators(criteria).length);
  expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: file.template.frozenRows });
  expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1, fitToHeight: 0 });
});

test('the fake\'s Excel.createWorkbook records the base64 it was given, or null for an empty workbook, and refuses text that is not base64', async () => {
  const fake = createFakeExcel({ sheets: [{ name: 'S', cells: { A1: 1 } }] });
  await fake.Excel.createWorkbook('UEsDBA==');
  await fake.Excel.createWorkbook();
  await expect(fake.Excel.createWorkbook('not base64 at all!')).rejects.toMatchObject({ code: 'InvalidArgument' });
  expect(fake.createdWorkbooks).toEqual([{ base64: 'UEsDBA==' }, { base64: null }]);
  // The add-in's own workbook is not changed by it.
  expect(fake.workbook.sheetNames()).toEqual(['S']);
});
