/**
 * The layouts of issue #12 (part 3) through the xlsx host, where the host matters: real .xlsx
 * files written by exceljs (number formats with a literal percent sign, error values, merged
 * two-row headers) read back from their bytes and scored by the core's scoreWorkbook.
 */
import ExcelJS from 'exceljs';
import { SheetSnapshot } from '../../../src/core/snapshot';
import { loadWorkbook, readWorkbookSnapshot } from '../../../src/hosts/xlsx';
import { snapshotToBuffer } from '../../fixtures/xlsx';
import { errorCell } from '../../core/layout-grid';
import * as L from '../../core/layout-sheets';
import { scoreThroughHost } from './helpers';

async function statuses(sheet: SheetSnapshot, ids: string[]): Promise<Record<string, string>> {
  const { run } = await scoreThroughHost(await snapshotToBuffer([sheet]), { sheet: sheet.name });
  return Object.fromEntries(ids.map((id) => [id, run!.results.find((r) => r.id === id)!.status]));
}

describe('a number format that shows a percent sign literally', () => {
  test.each([
    ['0.0\\%', 91.5, 'met'],
    ['unseen: #,##0.00\\%', 89.25, 'unmet'],
    ['unseen: [Blue]0\\%', 95, 'met'],
    ['0.0"%"', 91.5, 'met'],
    ['a real percent format: 0.0%', 0.915, 'met'],
  ])('%s', async (name, value, status) => {
    const format = name.replace(/^(unseen|a real percent format): /, '');
    expect(await statuses(L.literalPercent(format, value, ''), ['1.1.1.b'])).toEqual({ '1.1.1.b': status });
  });

  test('the reader is handed the file\'s own code (exceljs alone gives 0.0% for 0.0\\%)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.getCell('A1').value = 91.5;
    ws.getCell('A1').numFmt = '0.0\\%';
    ws.getCell('A2').value = 0.5;
    ws.getCell('A2').numFmt = '0%'; // Excel's built-in format 9
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const plain = new ExcelJS.Workbook();
    await plain.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    expect(plain.getWorksheet('S')!.getCell('A1').numFmt).toBe('0.0%'); // what exceljs makes of it
    const cells = readWorkbookSnapshot(await loadWorkbook(bytes)).snapshot.sheets[0]!.cells;
    expect(cells[0]![0]).toMatchObject({ value: 91.5, numberFormat: '0.0\\%' });
    expect(cells[1]![0]).toMatchObject({ value: 0.5, numberFormat: '0%' });
  });

  test('a literal 0.0\\% and a custom 0.0% in one file are told apart cell by cell (exceljs reads both as 0.0%)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Số liệu 2024');
    ws.getCell('B2').value = 91.5;
    ws.getCell('B2').numFmt = '0.0\\%';
    ws.getCell('C3').value = 0.915;
    ws.getCell('C3').numFmt = '0.0%';
    ws.getCell('D4').value = 12.5;
    ws.getCell('D4').numFmt = '0.0\\%';
    const cells = readWorkbookSnapshot(await loadWorkbook(Buffer.from(await wb.xlsx.writeBuffer()))).snapshot.sheets[0]!;
    const at = (r: number, c: number) => cells.cells[r - cells.origin.row]![c - cells.origin.col];
    expect(at(1, 1)).toMatchObject({ value: 91.5, numberFormat: '0.0\\%' });
    expect(at(2, 2)).toMatchObject({ value: 0.915, numberFormat: '0.0%' });
    expect(at(3, 3)).toMatchObject({ value: 12.5, numberFormat: '0.0\\%' });
  });
});

describe('layouts where the file matters', () => {
  test('a merged two-row header with a column per year', async () => {
    expect(await statuses(L.yearColumns(), ['1.3.2.b', '1.1.1.a', '1.1.1.b', '1.3.2.d'])).toEqual({ '1.3.2.b': 'met', '1.1.1.a': 'met', '1.1.1.b': 'missing', '1.3.2.d': 'missing' });
  });

  test('error values beside printed choices, as exceljs writes them ({ error })', async () => {
    expect(await statuses(L.ratingWithError({ 'Tăng': 'x', 'Giảm': errorCell('#REF!'), '1 Yếu': errorCell('#VALUE!') }), ['1.3.2.b', '2.4.1.b'])).toEqual({ '1.3.2.b': 'invalid', '2.4.1.b': 'invalid' });
  });

  test('marks beside choices printed one to a row, in a "Nội dung" column', async () => {
    expect(await statuses(L.marksOnePerRow({ accidents: { Giảm: 'x' }, wifi: { '4 Rất tốt': 'X' } }), ['1.3.2.b', '2.4.1.b'])).toEqual({ '1.3.2.b': 'met', '2.4.1.b': 'met' });
  });

  test('an English-language return', async () => {
    expect(await statuses(L.englishReturn(), ['2.1.1.a', '1.1.1.a'])).toEqual({ '2.1.1.a': 'met', '1.1.1.a': 'met' });
  });
});
