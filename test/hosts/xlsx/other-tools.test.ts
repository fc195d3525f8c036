/**
 * Workbooks saved by other tools than Excel, written part by part as those tools write them
 * (test/fixtures/packages.ts): openpyxl's absolute relationship targets, LibreOffice's rich-text
 * shared strings and explicit s="0", Google Sheets' inline strings in part names of its own.
 * Each reads as the same sheet as Excel's file, scores the same, and its scored copy reads back.
 */
import { readWorkbookSnapshot, loadWorkbook } from '../../../src/hosts/xlsx';
import { buildAppendixSheet, sampleValues } from '../../../src/testing/appendix';
import { ToolStyle, writePackage } from '../../fixtures/packages';
import { loadCriteria } from './helpers';
import { scoreBytes } from './package-helpers';

const criteria = loadCriteria();
const appendix = buildAppendixSheet(criteria, sampleValues(criteria));
const EXTRAS = { otherSheets: 2, names: true, table: true, validation: true, conditionalFormat: true, notes: true, protection: true, customProperties: true, font: { name: 'Times New Roman', size: 13 } };

async function readAll(style: ToolStyle) {
  const wb = await loadWorkbook(await writePackage(appendix, style, EXTRAS));
  return readWorkbookSnapshot(wb);
}

const plain = (cells: unknown) => JSON.parse(JSON.stringify(cells));

describe.each<ToolStyle>(['openpyxl', 'libreoffice', 'google'])('a workbook saved by %s', (style) => {
  test('reads as the same sheets, cell for cell, as the file Excel saves', async () => {
    const excel = await readAll('excel');
    const other = await readAll(style);
    expect(other.sheetNames).toEqual(excel.sheetNames);
    for (const sheet of excel.snapshot.sheets) {
      const got = other.snapshot.sheets.find((s) => s.name === sheet.name)!;
      expect(plain(got.cells)).toEqual(plain(sheet.cells));
    }
  });

  test('scores the same and its scored copy reads back with the state', async () => {
    const excel = await scoreBytes(await writePackage(appendix, 'excel', EXTRAS));
    const other = await scoreBytes(await writePackage(appendix, style, EXTRAS));
    expect(other.coloured).toEqual(excel.coloured);
    const back = readWorkbookSnapshot(await loadWorkbook(other.buffer));
    expect(back.summarySheets).toEqual(['Tổng hợp GNLC']);
    expect(Object.keys(back.state!.colours['Phụ lục']!).sort()).toEqual([...other.coloured].sort());
  });
});

test('a number format is read as the file writes it: an escaped per cent sign is text, not a percentage', async () => {
  const read = await readAll('excel');
  const sheet = read.snapshot.sheets.find((s) => s.name === 'Dữ liệu 1')!;
  expect(sheet.cells[1]![2]).toMatchObject({ value: 0.5, numberFormat: '0.0\\%', text: '0.5%' });
  expect(sheet.cells[2]![2]).toMatchObject({ value: 2, numberFormat: '0\\ \\n\\g\\à\\y', text: '2 ngày' });
});
