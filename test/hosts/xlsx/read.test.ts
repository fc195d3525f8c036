/**
 * The xlsx host's read side: a real .xlsx (written by exceljs, read back from bytes) gives the
 * snapshot the core expects — values with their types, number formats, displayed text, merges,
 * fills (no fill and white kept apart), the product's state and summary sheets.
 */
import ExcelJS from 'exceljs';
import { STATE_MARKER, STATE_SHEET, SUMMARY_MARKER, emptyState, encodeState } from '../../../src/core/plan';
import { inferType, readField } from '../../../src/core/read';
import { FillSpec, SheetSnapshot, cellAt, toA1 } from '../../../src/core/snapshot';
import { XlsxReadError, loadWorkbook, readWorkbookSnapshot, toHostRead } from '../../../src/hosts/xlsx';
import { AppendixVariant, buildAppendix, sampleValues } from '../../../src/testing/appendix';
import { snapshotToWorkbook } from '../../fixtures/xlsx';
import { loadCriteria, toBuffer } from './helpers';

async function readBack(wb: ExcelJS.Workbook) {
  const loaded = await loadWorkbook(await toBuffer(wb));
  return { wb: loaded, read: readWorkbookSnapshot(loaded, { workbookName: 'book.xlsx' }) };
}

/** A workbook with one sheet built cell by cell. */
async function oneSheet(build: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void): Promise<SheetSnapshot> {
  const wb = new ExcelJS.Workbook();
  build(wb.addWorksheet('Phụ lục'), wb);
  const { read } = await readBack(wb);
  return read.snapshot.sheets[0]!;
}

function at(sheet: SheetSnapshot, address: string) {
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  const col = [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return cellAt(sheet, Number(m[2]) - 1, col);
}

describe('round trip through a real .xlsx', () => {
  const criteria = loadCriteria();
  const variants: Array<[string, AppendixVariant]> = [
    ['the seed layout', {}],
    ['line breaks and decomposed Unicode, away from A1', { lineBreaks: true, nfd: true, origin: { row: 2, col: 1 } }],
    ['sub-fields in columns, units inline', { subFields: 'columns', units: 'inline', columnOrder: ['stt', 'indicator', 'responsible', 'data', 'note'] }],
  ];

  test.each(variants)('%s: values, types, number formats, merges and fills come back', async (_, variant) => {
    const built = buildAppendix(criteria, sampleValues(criteria), variant);
    const sheet = built.sheet;
    // Fills a department might leave: white on some value cells, yellow on others, the rest no fill.
    const valueCells = Object.values(built.expected).flatMap((e) => Object.values(e.valueCells));
    const fills: Record<string, FillSpec> = {};
    valueCells.forEach((a, i) => {
      if (i % 5 === 0) fills[a] = { color: '#FFFFFF' };
      else if (i % 5 === 1) fills[a] = { color: '#FFF2CC' };
    });
    sheet.fills = new Map(Object.entries(fills));
    const wb = snapshotToWorkbook([sheet], { headerRows: { [sheet.name]: -1 } });
    const { read } = await readBack(wb);
    const back = read.snapshot.sheets[0]!;

    expect(back.name).toBe(sheet.name);
    expect(back.origin).toEqual(sheet.origin);
    let compared = 0;
    sheet.cells.forEach((row, i) =>
      row.forEach((content, j) => {
        const r = sheet.origin.row + i;
        const c = sheet.origin.col + j;
        const got = cellAt(back, r, c);
        const type = content ? content.type ?? inferType(content.value) : 'empty';
        if (type === 'empty') {
          expect({ at: toA1(r, c), got }).toEqual({ at: toA1(r, c), got: null });
          return;
        }
        compared++;
        expect({ at: toA1(r, c), value: got?.value, type: got?.type, numberFormat: got?.numberFormat }).toEqual({
          at: toA1(r, c),
          value: content!.value,
          type,
          numberFormat: content!.numberFormat,
        });
      }),
    );
    expect(compared).toBeGreaterThan(200);
    expect([...back.merges].sort((a, b) => a.top - b.top || a.left - b.left)).toEqual([...sheet.merges].sort((a, b) => a.top - b.top || a.left - b.left));
    // Every listed fill comes back; every other cell the file holds has no fill.
    for (const [address, fill] of Object.entries(fills)) expect({ address, fill: back.fills!.get(address) }).toEqual({ address, fill: { ...fill, pattern: 'Solid' } });
    expect(back.fills!.size).toBeGreaterThan(Object.keys(fills).length);
    for (const [address, fill] of back.fills!) if (!fills[address]) expect({ address, fill }).toEqual({ address, fill: { color: null, pattern: 'None' } });
    const white = Object.keys(fills).find((a) => fills[a]!.color === '#FFFFFF')!;
    const none = valueCells.find((a) => !fills[a] && back.fills!.get(a))!;
    expect(back.fills!.get(white)!.color).toBe('#FFFFFF');
    expect(back.fills!.get(none)!.color).toBeNull();
  });
});

describe('what a cell holds', () => {
  test('a formula is read as its cached result; without one it is blank; an error result is an error', async () => {
    const sheet = await oneSheet((ws) => {
      ws.getCell('A1').value = 1250;
      ws.getCell('A2').value = 1300;
      ws.getCell('A3').value = { formula: 'A1+A2', result: 2550 } as ExcelJS.CellFormulaValue;
      ws.getCell('A4').value = { formula: 'A1/0', result: { error: '#DIV/0!' } } as unknown as ExcelJS.CellFormulaValue;
      ws.getCell('A5').value = { formula: 'A1+A2' } as ExcelJS.CellFormulaValue;
      ws.getCell('A6').value = { formula: 'IF(A1>0,"Tăng","Giảm")', result: 'Tăng' } as ExcelJS.CellFormulaValue;
      // Shared formulas, as Excel writes a formula filled down: each clone keeps its own result.
      ws.fillFormula('B1:B3', 'A1*2', [2500, 2600, 5100]);
    });
    expect(at(sheet, 'A3')).toMatchObject({ value: 2550, type: 'number' });
    expect(at(sheet, 'A4')).toMatchObject({ value: '#DIV/0!', type: 'error' });
    expect(at(sheet, 'A5')).toBeNull();
    expect(at(sheet, 'A6')).toMatchObject({ value: 'Tăng', type: 'string' });
    expect([at(sheet, 'B1')?.value, at(sheet, 'B2')?.value, at(sheet, 'B3')?.value]).toEqual([2500, 2600, 5100]);
    expect(readField(at(sheet, 'A4')!, { kind: 'percent' }, 'A4')).toMatchObject({ status: 'invalid', issue: { code: 'error-value' } });
    expect(readField(at(sheet, 'A5') ?? { value: null }, { kind: 'percent' }, 'A5')).toMatchObject({ status: 'missing', issue: { code: 'blank' } });
  });

  test('an error typed as a value, rich text, a hyperlink, a boolean', async () => {
    const sheet = await oneSheet((ws) => {
      ws.getCell('A1').value = { error: '#N/A' } as ExcelJS.CellErrorValue;
      ws.getCell('A2').value = { richText: [{ text: '95,' }, { text: '5 %', font: { bold: true } }] };
      ws.getCell('A3').value = { text: 'Tăng', hyperlink: 'https://example.org/bao-cao' };
      ws.getCell('A4').value = true;
    });
    expect(at(sheet, 'A1')).toMatchObject({ value: '#N/A', type: 'error' });
    expect(at(sheet, 'A2')).toMatchObject({ value: '95,5 %', type: 'string', text: '95,5 %' });
    expect(readField(at(sheet, 'A2')!, { kind: 'percent' })).toEqual({ status: 'value', value: 95.5 });
    expect(at(sheet, 'A3')).toMatchObject({ value: 'Tăng', type: 'string' });
    expect(at(sheet, 'A4')).toMatchObject({ value: true, type: 'boolean', text: 'TRUE' });
  });

  test('a date is its serial number with the date format, so the reader flags it; the text is what Excel shows', async () => {
    const sheet = await oneSheet((ws) => {
      ws.getCell('A1').value = new Date(Date.UTC(2025, 2, 15));
      ws.getCell('A1').numFmt = 'dd/mm/yyyy';
      ws.getCell('A2').value = 0.955;
      ws.getCell('A2').numFmt = '0.0%';
      ws.getCell('A3').value = 1250;
      ws.getCell('A3').numFmt = '#,##0';
    });
    expect(at(sheet, 'A1')).toEqual({ value: 45731, type: 'number', numberFormat: 'dd/mm/yyyy', text: '15/03/2025' });
    expect(readField(at(sheet, 'A1')!, { kind: 'percent' }, 'A1')).toMatchObject({ status: 'invalid', issue: { code: 'date-value', message: { vi: 'Ô chứa ngày tháng (15/03/2025), không phải số liệu' } } });
    expect(at(sheet, 'A2')).toEqual({ value: 0.955, type: 'number', numberFormat: '0.0%', text: '95.5%' });
    expect(readField(at(sheet, 'A2')!, { kind: 'percent' })).toEqual({ status: 'value', value: 95.5 });
    expect(at(sheet, 'A3')).toMatchObject({ value: 1250, text: '1,250' });
  });

  test('a 1904-date workbook gives the same serial numbers Excel shows', async () => {
    const sheet = await oneSheet((ws, wb) => {
      wb.properties.date1904 = true;
      ws.getCell('A1').value = new Date(Date.UTC(2025, 2, 15));
      ws.getCell('A1').numFmt = 'dd/mm/yyyy';
    });
    expect(at(sheet, 'A1')).toMatchObject({ value: 45731 - 1462, text: '15/03/2025' });
  });

  test('a merged area holds its value in the top-left cell only, and is reported in sheet coordinates', async () => {
    const sheet = await oneSheet((ws) => {
      ws.getCell('C5').value = 'Sở Giáo dục và Đào tạo';
      ws.mergeCells('C5:D7');
      ws.getCell('F9').value = 1;
    });
    expect(sheet.origin).toEqual({ row: 4, col: 2 });
    expect(at(sheet, 'C5')).toMatchObject({ value: 'Sở Giáo dục và Đào tạo' });
    expect(at(sheet, 'D5')).toBeNull();
    expect(at(sheet, 'C6')).toBeNull();
    expect(sheet.merges).toEqual([{ top: 4, left: 2, bottom: 6, right: 3 }]);
  });

  test('an empty worksheet is an empty snapshot', async () => {
    const sheet = await oneSheet(() => {});
    expect(sheet.cells).toEqual([]);
    expect(sheet.merges).toEqual([]);
  });
});

describe('fills', () => {
  test('no fill, white, a theme colour with tint, an indexed colour, a pattern, a gradient', async () => {
    const sheet = await oneSheet((ws) => {
      for (const a of ['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7']) ws.getCell(a).value = 1;
      ws.getCell('A2').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFFFF' } };
      ws.getCell('A3').fill = { type: 'pattern', pattern: 'solid', fgColor: { theme: 0, tint: -0.1499984740745262 } as never };
      ws.getCell('A4').fill = { type: 'pattern', pattern: 'solid', fgColor: { indexed: 13 } as never };
      ws.getCell('A5').fill = { type: 'pattern', pattern: 'gray125', bgColor: { argb: 'FFFFFF00' } };
      ws.getCell('A6').fill = { type: 'pattern', pattern: 'none' };
      ws.getCell('A7').fill = { type: 'gradient', gradient: 'angle', degree: 0, stops: [{ position: 0, color: { argb: 'FF00B050' } }, { position: 1, color: { argb: 'FFFFFFFF' } }] };
    });
    expect(sheet.fills).toEqual(
      new Map(
        Object.entries({
          A1: { color: null, pattern: 'None' },
          A2: { color: '#FFFFFF', pattern: 'Solid' },
          A3: { color: '#D9D9D9', pattern: 'Solid' }, // "White, Background 1, Darker 15%"
          A4: { color: '#FFFF00', pattern: 'Solid' },
          A5: { color: '#FFFF00', pattern: 'Gray16' },
          A6: { color: null, pattern: 'None' },
          A7: { color: '#00B050', pattern: 'LinearGradient' },
        }),
      ),
    );
  });

  test("a blank cell that is not in the file shows its column's fill", async () => {
    const sheet = await oneSheet((ws) => {
      ws.getCell('A1').value = 'Số liệu';
      ws.getCell('B3').value = 'x';
      ws.getColumn(2).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
    });
    // B2 was never written; Excel shows it with column B's fill.
    expect(sheet.fills!.get('B2')).toEqual({ color: '#FFF2CC', pattern: 'Solid' });
  });
});

describe("the workbook's sheets", () => {
  async function workbookWith(build: (wb: ExcelJS.Workbook) => void) {
    const wb = new ExcelJS.Workbook();
    build(wb);
    return readBack(wb);
  }

  test('hidden sheets are named but not snapshot; the state sheet is read, never snapshot', async () => {
    const state = { ...emptyState(), colours: { 'Phụ lục': { E12: { original: { color: '#FFFFFF' }, applied: '#C6EFCE' } } } };
    const { wb, read } = await workbookWith((w) => {
      w.addWorksheet('Phụ lục').getCell('A1').value = 'Phụ lục';
      w.addWorksheet('Nháp', { state: 'hidden' }).getCell('A1').value = 'nháp';
      const s = w.addWorksheet(STATE_SHEET, { state: 'veryHidden' });
      encodeState(state).forEach((v, i) => (s.getCell(i + 1, 1).value = v));
    });
    expect(read.sheetNames).toEqual(['Phụ lục', 'Nháp', STATE_SHEET]);
    expect(read.snapshot.sheets.map((s) => s.name)).toEqual(['Phụ lục']);
    expect(read.state).toEqual(state);
    // A hidden sheet can still be read on demand.
    expect(toHostRead(read, 'Nháp', wb).sheet.cells[0]![0]).toMatchObject({ value: 'nháp' });
  });

  test('a damaged state is no state; a sheet is a summary only when its A1 holds the marker', async () => {
    const { read } = await workbookWith((w) => {
      w.addWorksheet('Phụ lục').getCell('A1').value = 'x';
      w.addWorksheet('Tổng hợp GNLC').getCell('A1').value = 'Tổng hợp của phòng';
      w.addWorksheet('Tổng hợp GNLC (2)').getCell('A1').value = SUMMARY_MARKER;
      const s = w.addWorksheet(STATE_SHEET, { state: 'veryHidden' });
      s.getCell('A1').value = STATE_MARKER;
      s.getCell('A2').value = '{"version":1,"colours":';
    });
    expect(read.state).toBeNull();
    expect(read.summarySheets).toEqual(['Tổng hợp GNLC (2)']);
    const host = toHostRead(read, 'Phụ lục');
    expect(host.summarySheets).toEqual(['Tổng hợp GNLC (2)']);
    expect(host.workbookName).toBe('book.xlsx');
  });
});

describe('files that are not workbooks', () => {
  test('text, an old .xls (OLE), a damaged zip: each a distinct problem', async () => {
    const problem = async (data: Buffer) => {
      try {
        await loadWorkbook(data);
        return 'loaded';
      } catch (e) {
        return e instanceof XlsxReadError ? e.problem : String(e);
      }
    };
    expect(await problem(Buffer.from('Tiêu chuẩn;Tiêu chí;Chỉ số\n'))).toBe('not-zip');
    expect(await problem(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]))).toBe('legacy-or-encrypted');
    expect(await problem(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]))).toBe('damaged');
    expect(await problem(Buffer.alloc(0))).toBe('not-zip');
  });
});
