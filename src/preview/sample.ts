/**
 * The preview's sample workbook: the appendix laid out as the seed prints it (src/testing/appendix.ts's
 * builder), every indicator filled with a met value, then a few entries changed the way real
 * returns go wrong — below target, impossible, contradictory, not yet reported, and one row whose
 * indicator text was deleted (so the mapping has to be fixed by hand). One value cell carries a
 * person's own fill, to show that "Xóa màu" restores it exactly.
 */
import { CriteriaSet, listIndicators } from '../core/criteria';
import { SheetSnapshot } from '../core/snapshot';
import { TemplateSheet, buildTemplate } from '../core/template';
import { charsToPoints } from '../hosts/office/write';
import { FakeCellInput, FakeSheetData, FakeWorkbookData, sheetDataFromSnapshot } from '../testing/fake-excel';
import { cellA1, columnLetters } from '../testing/fake-excel/address';
import { FixtureValue, buildAppendix, sampleValues, withValue } from '../testing/appendix';

export interface SampleAppendix {
  sheet: SheetSnapshot;
  /** The indicator whose row lost its text (not found until mapped by hand). */
  lostId: string;
  /** Its value cell (what a person selects to fix the mapping). */
  valueCell: string;
  /** The value cell that carries a person's own fill. */
  ownFillCell: string;
  ownFill: string;
  /** 0-based sheet row of the table's header. */
  headerRow: number;
  /** The value cell of each indicator (first field). */
  cells: Record<string, string>;
}

export function sampleAppendix(criteria: CriteriaSet): SampleAppendix {
  let v = sampleValues(criteria);
  v = withValue(v, '1.1.1.a', 'value', '93,5%'); // below ≥ 95%
  v = withValue(v, '2.4.2.b', 'value', 55); // below ≥ 60%
  v = withValue(v, '1.1.3.a', 'value', '120%'); // a rate above 100%
  v = withValue(v, '2.1.1.a', 'total', 999); // Nam + Nữ ≠ Tổng
  v = withValue(v, '1.3.2.e', 'value', 'đang cập nhật'); // not reported yet
  const built = buildAppendix(criteria, v);
  const sheet = built.sheet;
  const lostId = '2.4.1.c';
  const lost = built.expected[lostId]!;
  for (const r of lost.rows) {
    const row = sheet.cells[r - sheet.origin.row];
    if (!row) continue;
    for (const col of [built.columns.indicator, built.columns.responsible, built.dataColumns[0]]) if (col !== undefined) row[col - sheet.origin.col] = null;
  }
  const ownFillCell = built.expected['1.1.2.a']!.valueCells.value!;
  const ownFill = '#FFF2CC';
  sheet.fills = new Map([[ownFillCell, { color: ownFill, pattern: 'Solid' }]]);
  const cells: Record<string, string> = {};
  for (const [id, e] of Object.entries(built.expected)) {
    const first = Object.values(e.valueCells)[0];
    if (first) cells[id] = first;
  }
  return { sheet, lostId, valueCell: lost.valueCells.value!, ownFillCell, ownFill, headerRow: built.headerRow, cells };
}

/** The sample as a fake workbook: the appendix (with header styling and column widths) and a notes sheet. */
export function sampleWorkbook(criteria: CriteriaSet): FakeWorkbookData {
  const sample = sampleAppendix(criteria);
  const data = sheetDataFromSnapshot(sample.sheet, {
    columnWidths: { A: 96, B: 120, C: 210, D: 110, E: 80, F: 58, G: 40 },
  });
  // Title rows bold, the table header bold on a light blue fill, as printed.
  const cells: Record<string, FakeCellInput> = {};
  for (const [address, input] of Object.entries(data.cells ?? {})) {
    const row = Number(/\d+$/.exec(address)?.[0] ?? 0) - 1;
    const base = input !== null && typeof input === 'object' ? input : { value: input };
    if (row < sample.headerRow) cells[address] = { ...base, font: { bold: true } };
    else if (row === sample.headerRow) cells[address] = { ...base, font: { bold: true }, fill: { color: '#DDEBF7' }, wrap: true };
    else cells[address] = typeof base.value === 'string' && base.value.length > 12 ? { ...base, wrap: true } : input;
  }
  return {
    name: 'Phu-luc-GNLC-mau.xlsx',
    active: sample.sheet.name,
    sheets: [
      { ...data, cells },
      {
        name: 'Ghi chú',
        cells: {
          A1: { value: 'Sổ mẫu để xem thử phần bổ trợ', font: { bold: true } },
          A2: 'Số liệu là giả định; vài ô được sửa để minh họa các trạng thái Chưa đạt, Không hợp lệ, Chưa có số liệu.',
        },
        columnWidths: { A: 480 },
      },
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// The other sample workbooks: a department's return, the coordinator's workbook of returns, an empty one

/** The sample workbooks the preview offers (its "Sổ mẫu" selector). */
export const SAMPLE_KINDS = ['appendix', 'return', 'returns', 'empty'] as const;
export type SampleKind = (typeof SAMPLE_KINDS)[number];

/** A sheet the product lays out (a template) as the fake holds it once written: values, formats, fills, merges, widths. */
export function sheetDataFromContent(content: TemplateSheet, name = content.name): FakeSheetData {
  const cells: Record<string, FakeCellInput> = {};
  content.rows.forEach((row, r) =>
    row.forEach((c, col) => {
      if (!c) return;
      const font = { ...(c.bold ? { bold: true } : {}), ...(c.italic ? { italic: true } : {}), ...(c.font ? { color: c.font } : {}), ...(c.size ? { size: c.size } : {}) };
      const input = {
        ...(c.value !== null && c.value !== '' ? { value: c.value } : {}),
        ...(c.numberFormat ? { numberFormat: c.numberFormat } : {}),
        ...(c.fill ? { fill: { color: c.fill } } : {}),
        ...(Object.keys(font).length ? { font } : {}),
        ...(c.wrap ? { wrap: true } : {}),
      };
      if (Object.keys(input).length) cells[cellA1(r, col)] = input;
    }),
  );
  const columnWidths: Record<string, number> = {};
  content.columnWidths.forEach((w, c) => (columnWidths[columnLetters(c)] = charsToPoints(w)));
  return {
    name,
    cells,
    merges: content.merges.map((m) => (m.top === m.bottom && m.left === m.right ? cellA1(m.top, m.left) : `${cellA1(m.top, m.left)}:${cellA1(m.bottom, m.right)}`)),
    columnWidths,
    ...(content.frozenRows ? { frozenRows: content.frozenRows } : {}),
  };
}

type Typed = FixtureValue;

/** A department's template (the core's), filled as the department would: every value cell of its indicators, ratings from the list. */
export function departmentReturn(criteria: CriteriaSet, department: string, name: string, changes: Record<string, Record<string, Typed>> = {}): FakeSheetData {
  const template = buildTemplate(criteria, { department, city: 'Hà Nội', year: 2024, name });
  const data = sheetDataFromContent(template, name);
  const values = sampleValues(criteria);
  for (const id of template.indicators) {
    const indicator = listIndicators(criteria).find((p) => p.indicator.id === id)!.indicator;
    const typed: Record<string, Typed> = { ...values[id], ...changes[id] };
    for (const f of indicator.fields) if (f.kind === 'rating' && changes[id]?.[f.key] === undefined) typed[f.key] = '4 - Rất tốt';
    for (const [key, value] of Object.entries(typed)) {
      const address = template.valueCells[id]?.[key];
      if (!address) continue;
      const old = data.cells![address];
      const base = old !== null && typeof old === 'object' ? old : {};
      data.cells![address] = value !== null && typeof value === 'object' ? { ...base, value: value.value as string | number | boolean | null, ...(value.numberFormat ? { numberFormat: value.numberFormat } : {}) } : { ...base, value };
    }
  }
  return data;
}

/** The preview's sample workbook of a kind. */
export function sampleWorkbookOf(kind: SampleKind, criteria: CriteriaSet): FakeWorkbookData {
  switch (kind) {
    case 'appendix':
      return sampleWorkbook(criteria);
    case 'return': {
      // Sở LĐ-TB&XH's own file: its 7 indicators, one below target (unemployment above 3%), one not reported yet.
      const sheet = departmentReturn(criteria, 'Sở Lao động - Thương binh và Xã hội', 'Biểu số liệu', {
        '2.3.3.a': { value: 3.4 },
        '2.3.3.b': { value: 'đang cập nhật' },
      });
      return { name: 'So-LDTBXH-2024.xlsx', active: sheet.name, sheets: [sheet] };
    }
    case 'returns': {
      // The coordinator's workbook: three departments' returns, one sheet each, to consolidate.
      const sheets = [
        departmentReturn(criteria, 'Sở Giáo dục và Đào tạo', 'Sở GD&ĐT', { '1.1.1.a': { value: 93.5 } }),
        departmentReturn(criteria, 'Sở Y tế', 'Sở Y tế'),
        departmentReturn(criteria, 'Sở Lao động - Thương binh và Xã hội', 'Sở LĐ-TB&XH', { '2.3.3.a': { value: 3.4 } }),
      ];
      return {
        name: 'Tong-hop-bao-cao-2024.xlsx',
        active: sheets[0]!.name,
        sheets: [
          ...sheets,
          {
            name: 'Ghi chú',
            cells: {
              A1: { value: 'Báo cáo của các sở, mỗi sở một trang', font: { bold: true } },
              A2: 'Mở "Mẫu và tổng hợp" trong khung tác vụ để tổng hợp các trang này thành một phụ lục.',
            },
            columnWidths: { A: 480 },
          },
        ],
      };
    }
    case 'empty':
      return { name: 'So-moi.xlsx', active: 'Trang1', sheets: [{ name: 'Trang1' }] };
  }
}
