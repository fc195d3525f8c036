/**
 * The preview's sample workbook: the appendix laid out as the seed prints it (src/testing/appendix.ts's
 * builder), every indicator filled with a met value, then a few entries changed the way real
 * returns go wrong — below target, impossible, contradictory, not yet reported, and one row whose
 * indicator text was deleted (so the mapping has to be fixed by hand). One value cell carries a
 * person's own fill, to show that "Xóa màu" restores it exactly.
 */
import { CriteriaSet } from '../core/criteria';
import { SheetSnapshot } from '../core/snapshot';
import { FakeCellInput, FakeWorkbookData, sheetDataFromSnapshot } from '../testing/fake-excel';
import { buildAppendix, sampleValues, withValue } from '../testing/appendix';

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
  sheet.fills = { [ownFillCell]: { color: ownFill, pattern: 'Solid' } };
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
