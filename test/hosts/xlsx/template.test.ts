/**
 * The xlsx host writes a TemplateSheet fully: values and styles, the data validation (with its
 * Vietnamese input message and a "stop" alert) of every value cell and of nothing else, merges,
 * frozen header rows and id column, the autofilter, number formats. Read back with exceljs from
 * real bytes, and read back by the host and the mapper as the template it is.
 */
import ExcelJS from 'exceljs';
import { TEMPLATE_COL } from '../../../src/core/layout';
import { mapSheet, readEntries } from '../../../src/core/mapping';
import { scoreAll } from '../../../src/core/score';
import { parseA1, toA1 } from '../../../src/core/snapshot';
import { INPUT_FILL, TemplateSheet, buildTemplate, numberFormatFor, validationCells } from '../../../src/core/template';
import { createWorkbook, dataValidationOf, loadWorkbook, readMerges, readWorkbookSnapshot, writeTemplateSheet, writeWorkbookBuffer } from '../../../src/hosts/xlsx';
import { cellsByAddress, loadCriteria } from './helpers';

const criteria = loadCriteria();

async function roundTrip(template: TemplateSheet): Promise<{ wb: ExcelJS.Workbook; ws: ExcelJS.Worksheet; bytes: Buffer }> {
  const wb = createWorkbook({ date: new Date(Date.UTC(2025, 0, 1)) });
  writeTemplateSheet(wb.addWorksheet(template.name), template);
  const bytes = await writeWorkbookBuffer(wb);
  const back = await loadWorkbook(bytes);
  return { wb: back, ws: back.getWorksheet(template.name)!, bytes };
}

/** Every value cell of a template, with the kind of its rule. */
function valueCellsOf(template: TemplateSheet): string[] {
  return Object.values(template.valueCells).flatMap((cells) => Object.values(cells));
}

describe('a city template written to .xlsx and read back', () => {
  const template = buildTemplate(criteria, { city: 'Hà Nội', year: 2024, contact: 'Nguyễn Văn A' });
  let ws: ExcelJS.Worksheet;
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    ({ ws, wb } = await roundTrip(template));
  });

  test('every value cell has its validation, with the Vietnamese input message and a stop alert', () => {
    const cells = valueCellsOf(template);
    expect(cells.length).toBeGreaterThan(57);
    for (const rule of template.validations) {
      for (const address of validationCells(rule.address)) {
        const dv = ws.getCell(address).dataValidation;
        expect([address, dv]).toEqual([
          address,
          expect.objectContaining({
            type: rule.type,
            allowBlank: true,
            showInputMessage: true,
            promptTitle: rule.prompt.title,
            prompt: rule.prompt.text,
            showErrorMessage: true,
            errorStyle: 'stop',
            errorTitle: rule.error.title,
            error: rule.error.text,
          }),
        ]);
        expect(dv.formulae.map(String)).toEqual(rule.formulae.map(String));
        if (rule.operator === 'greaterThanOrEqual') expect(dv.operator).toBe('greaterThanOrEqual');
      }
    }
    // Every value cell is covered, in Vietnamese.
    for (const address of cells) {
      const dv = ws.getCell(address).dataValidation;
      expect(dv?.prompt).toMatch(/Nhập|Chọn/);
      expect(dv?.promptTitle).toBeTruthy();
    }
    const percent = template.valueCells['1.1.1.a']!.value!;
    expect(ws.getCell(percent).dataValidation).toMatchObject({ type: 'decimal', promptTitle: 'Tỷ lệ (%)', prompt: 'Nhập tỷ lệ % từ 0 đến 100, ví dụ 95,5 (không nhập dạng 0,955)' });
    expect(ws.getCell(template.valueCells['1.3.1.c']!.trend!).dataValidation).toMatchObject({ type: 'list', formulae: ['"Tăng,Giảm"'] });
    expect(ws.getCell(template.valueCells['2.6.1.a']!.rating!).dataValidation.formulae).toEqual(['"5 - Xuất sắc,4 - Rất tốt,3 - Tốt,2 - Khá,1 - Yếu"']);
  });

  test('no other cell has a validation', () => {
    const values = new Set(valueCellsOf(template));
    for (const [address, cell] of cellsByAddress(ws)) if (!values.has(address)) expect([address, cell.dataValidation]).toEqual([address, undefined]);
  });

  test('merges, frozen header rows and id column, autofilter over the table', () => {
    expect(readMerges(ws)).toEqual(template.merges.map((m) => ({ ...m })).sort((a, b) => a.top - b.top || a.left - b.left));
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: template.headerRow + 1, topLeftCell: toA1(template.headerRow + 1, 1) });
    const f = template.autoFilter;
    expect(ws.autoFilter).toBe(`${toA1(f.top, f.left)}:${toA1(f.bottom, f.right)}`);
  });

  test('values, number formats and input fills as the template says', () => {
    for (const [id, fields] of Object.entries(template.valueCells)) {
      for (const [key, address] of Object.entries(fields)) {
        const row = parseA1(address)!.row + 1;
        expect(ws.getCell(row, TEMPLATE_COL.id + 1).value).toBe(id);
        expect(ws.getCell(row, TEMPLATE_COL.fieldKey + 1).value).toBe(key);
        expect(ws.getCell(address).value).toBeNull();
        expect(ws.getCell(address).fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF' + INPUT_FILL.slice(1) } });
      }
    }
    expect(ws.getCell(template.valueCells['1.1.1.a']!.value!).numFmt).toBe(numberFormatFor('percent'));
    expect(ws.getCell(template.valueCells['2.1.1.a']!.male!).numFmt).toBe(numberFormatFor('count'));
    expect(ws.getCell(template.valueCells['1.3.1.c']!.trend!).numFmt).toBe('@');
    expect(ws.getCell(template.headerCells.city).value).toBe('Hà Nội');
    expect(ws.getCell(template.headerCells.year).value).toBe(2024);
    expect(ws.getCell('A1').value).toBe(template.marker);
    expect(ws.getColumn(TEMPLATE_COL.indicator + 1).width).toBe(template.columnWidths[TEMPLATE_COL.indicator]);
    expect(wb.creator).toBe('gnlc');
  });

  test('the instructions merged across the table are not given a towering row', () => {
    expect(ws.getRow(3).height ?? 15).toBeLessThanOrEqual(60);
  });

  test('the host reads it back as the template: every indicator placed by id, the header block read', async () => {
    const read = readWorkbookSnapshot(wb);
    const sheet = read.snapshot.sheets[0]!;
    const mapping = mapSheet(sheet, criteria);
    expect(mapping.layout).toBe('template');
    expect(mapping.unplaced).toEqual([]);
    expect(mapping.header).toMatchObject({ city: 'Hà Nội', year: '2024', contact: 'Nguyễn Văn A' });
    const results = scoreAll(criteria, readEntries(sheet, mapping, criteria));
    expect(results.every((r) => r.status === 'missing')).toBe(true);
  });
});

describe('other templates', () => {
  test('a department template in English: English prompts, no trend pairs when asked', async () => {
    const template = buildTemplate(criteria, { department: 'Công an TP', lang: 'en', trendPairs: false });
    const { ws } = await roundTrip(template);
    expect(template.indicators).toEqual(['1.3.2.b', '1.3.2.c', '1.3.2.d']);
    expect(ws.getCell(template.valueCells['1.3.2.b']!.trend!).dataValidation).toMatchObject({ type: 'list', promptTitle: 'Trend', formulae: ['"Increase,Decrease"'] });
    expect(Object.keys(template.valueCells['1.3.2.b']!)).toEqual(['trend']);
    for (const address of valueCellsOf(template)) expect(ws.getCell(address).dataValidation?.showInputMessage).toBe(true);
  });

  test('dataValidationOf: the list formula in Excel’s quoted form, bounds as given', () => {
    const template = buildTemplate(criteria, { department: 'Sở Y tế' });
    const rule = template.validations[0]!;
    expect(dataValidationOf(rule)).toEqual({
      type: 'decimal',
      operator: 'between',
      allowBlank: true,
      formulae: [0, 100],
      showInputMessage: true,
      promptTitle: rule.prompt.title,
      prompt: rule.prompt.text,
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: rule.error.title,
      error: rule.error.text,
    });
  });

  test('createWorkbook with a fixed date: the same workbook twice, dated as given', async () => {
    const template = buildTemplate(criteria, { department: 'Sở Y tế' });
    const a = await roundTrip(template);
    const b = await roundTrip(template);
    const wa = readWorkbookSnapshot(a.wb).snapshot;
    const wbb = readWorkbookSnapshot(b.wb).snapshot;
    expect(wbb).toEqual(wa);
    expect(a.wb.created?.toISOString()).toBe('2025-01-01T00:00:00.000Z');
  });
});
