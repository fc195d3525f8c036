/**
 * One vocabulary of how values are typed (src/core/vocabulary.ts), for the reader and the mapper
 * alike. The reader used to know "tỉ đồng" but not "trẻ em"; the mapper "trẻ em" but not "tỉ đồng".
 * Both words now work in both.
 */
import { CriteriaSet } from '../../src/core/criteria';
import { mapSheet, readEntries } from '../../src/core/mapping';
import { CellContent, parseNumberText, readField } from '../../src/core/read';
import { SheetSnapshot } from '../../src/core/snapshot';
import { foldWords } from '../../src/core/text';
import { MARK_ONLY, UNITS, isNoDataText, isNoteHeading, isUnitWords } from '../../src/core/vocabulary';
import { indicatorById, loadCriteria } from './helpers';

let criteria: CriteriaSet;
beforeAll(() => {
  criteria = loadCriteria();
});

const FORMERLY_MISSING = ['tỉ đồng', 'Tỉ đồng', 'trẻ em', 'Trẻ em', 'em'];

describe('the vocabulary', () => {
  test.each(FORMERLY_MISSING)('"%s" is a unit', (unit) => {
    expect(isUnitWords(foldWords(unit))).toBe(true);
  });

  test('the union of the two old lists of units', () => {
    for (const u of ['%', 'tre', 'nguoi', 'ho', 'hoc sinh', 'ty dong', 'ti dong', 'trieu dong', 'tre em', 'em', 'ca nhan']) expect(UNITS.has(u)).toBe(true);
  });

  test('marks and no-data phrases', () => {
    for (const m of ['x', 'X', '✓', '✔', ' x ']) expect(MARK_ONLY.test(m)).toBe(true);
    expect(MARK_ONLY.test('xx')).toBe(false);
    for (const t of ['Chưa có số liệu.', 'N/A', '……', 'đang cập nhật']) expect(isNoDataText(t)).toBe(true);
    expect(isNoDataText('x')).toBe(false);
  });
});

describe('the reader knows every unit', () => {
  test.each([
    ['1.250 trẻ em', 1250],
    ['1.250 Trẻ em', 1250],
    ['12 em', 12],
    ['1.250 tỉ đồng', 1250],
    ['1.250 tỷ đồng', 1250],
  ])('a count typed as "%s" reads %d', (typed, want) => {
    const field = { kind: 'count' as const, unit: 'Trẻ', label: 'Nam' };
    expect(parseNumberText(typed, field)).toBe(want);
    expect(readField({ value: typed }, field, 'F2')).toEqual({ status: 'value', value: want });
  });
});

describe('the mapper knows every unit', () => {
  const HEADER: Array<CellContent | null> = ['STT', 'Tiêu chuẩn', 'Tiêu chí', 'Chỉ số', 'Phân công phụ trách', 'Số liệu', null].map((v) => (v === null ? null : { value: v }));

  /** A one-row appendix: indicator 1.1.1.a with its value cell (F) and the cell beside it (G). */
  function sheet(value: CellContent['value'], beside: string): SheetSnapshot {
    const indicator = indicatorById(criteria, '1.1.1.a');
    const row: Array<CellContent | null> = [{ value: 1 }, { value: '1.1. Tiêu chuẩn' }, { value: '1.1.1. Bảo đảm xóa mù chữ' }, { value: indicator.text }, { value: indicator.responsible }, value === null ? null : { value }, { value: beside }];
    // The "Số liệu" header spans F:G, so both columns are the data area.
    return { name: 'Phụ lục', origin: { row: 0, col: 0 }, cells: [HEADER, row], merges: [{ top: 0, left: 5, bottom: 0, right: 6 }] };
  }

  test.each(FORMERLY_MISSING)('a unit printed as "%s" beside a blank value is a unit, not the value', (unit) => {
    const s = sheet(null, unit);
    const mapping = mapSheet(s, criteria);
    expect(mapping.placements['1.1.1.a']?.fields).toEqual({ value: ['F2'] });
    // Read: a blank waiting to be filled, not the unit's text as an invalid figure.
    const reading = readEntries(s, mapping, criteria).get('1.1.1.a')!.fields.value!.reading;
    expect(reading.status).toBe('missing');
  });

  test.each(FORMERLY_MISSING)('a value typed beside "%s" is read', (unit) => {
    const s = sheet(96, unit);
    const mapping = mapSheet(s, criteria);
    expect(mapping.placements['1.1.1.a']?.fields).toEqual({ value: ['F2'] });
    expect(readEntries(s, mapping, criteria).get('1.1.1.a')!.fields.value!.reading).toEqual({ status: 'value', value: 96 });
  });
});

describe('the headings of a notes column', () => {
  test.each(['Ghi chú', 'Ghi chu', 'GHI CHÚ', 'Ghi chú (nguồn số liệu)', 'Chú thích', 'Giải trình', 'Thuyết minh', 'Note', 'Notes', 'Remarks', 'Comment'])('"%s" heads a notes column', (h) => {
    expect(isNoteHeading(foldWords(h))).toBe(true);
  });
  test.each(['Số liệu', 'Nội dung số liệu', 'Notebook', 'Chỉ số', 'Ghi', ''])('"%s" does not', (h) => {
    expect(isNoteHeading(foldWords(h))).toBe(false);
  });
});
