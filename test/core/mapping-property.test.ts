/**
 * The mapper never throws, whatever a snapshot holds: random grids of codes, labels, numbers and
 * odd values with random merged areas; empty and enormous sheets; hostile saved mappings.
 */
import fc from 'fast-check';
import { CriteriaSet, listIndicators } from '../../src/core/criteria';
import { TEMPLATE_COLUMNS, TEMPLATE_MARKER } from '../../src/core/layout';
import { Mapping, findAppendixSheet, looksLikeAppendix, mapSheet, parseSavedMapping, readEntries, saveMapping } from '../../src/core/mapping';
import { CellContent } from '../../src/core/read';
import { scoreAll } from '../../src/core/score';
import { CellArea, SheetSnapshot, parseA1 } from '../../src/core/snapshot';
import { buildAppendix, sampleValues } from '../../src/testing/appendix';
import { loadCriteria } from './helpers';

let criteria: CriteriaSet;
let ids: string[];
beforeAll(() => {
  criteria = loadCriteria();
  ids = listIndicators(criteria).map((p) => p.indicator.id);
});

const WORDS = [
  '1.2.3', '1.1.1.', '1.1.1. Bảo đảm xóa mù chữ cơ bản vững chắc', '2.1.2', '3.1.1 Sự cam kết', '1.1.1.a', '1.', '1. Những lợi ích', '9.9.9', '1.2',
  'Tiêu chuẩn', 'Tiêu chí', 'Chỉ số', 'Phân công phụ trách', 'Số liệu thống kê hoặc kết quả khảo sát/đánh giá', 'STT', 'Ghi chú', 'Đơn vị',
  'Mã chỉ số', 'Mã trường', 'Số liệu', 'Trạng thái', TEMPLATE_MARKER, 'value', 'male', 'trend@previous',
  'Nam', 'Nữ', 'Tổng', 'Tỷ lệ', '%', 'Trẻ', 'người', 'Hộ nghèo', 'Hộ cận nghèo', 'Nam: 1.250 trẻ', 'Nam …… Trẻ',
  '5 Xuất sắc', '4 Rất tốt', '3 Tốt', 'Tăng Giảm', 'Tăng', 'Giảm', 'x', 'X', '✓',
  'Sở Y tế', 'Sở Giáo dục và Đào tạo', 'UBND quận, huyện, thị xã', 'Số trẻ em 6 tuổi vào lớp 1',
  'Tỷ lệ người trong độ tuổi 15-60 được công nhận đạt chuẩn biết chữ mức độ 2 đạt ≥ 95%',
  '95,5 %', '1.234', '#DIV/0!', '#N/A', 'chưa có', '', ' ', '\u200B', 'Tiêu chuẩn'.normalize('NFD'), '__proto__', 'constructor',
];

const cellArb: fc.Arbitrary<CellContent | null> = fc.oneof(
  fc.constant(null),
  fc.constantFrom(...WORDS).map((value) => ({ value })),
  fc.string({ maxLength: 20 }).map((value) => ({ value })),
  fc.oneof(fc.double(), fc.integer({ min: -5, max: 200 }), fc.constantFrom(NaN, Infinity, -Infinity, 0.955, 1e308)).map((value) => ({ value })),
  fc.boolean().map((value) => ({ value })),
  fc.record({
    value: fc.oneof(fc.constant(null), fc.constant(undefined), fc.string({ maxLength: 8 }), fc.double()),
    type: fc.constantFrom('empty', 'string', 'number', 'boolean', 'error', 'weird' as never),
    numberFormat: fc.constantFrom('General', '0.0%', 'dd/mm/yyyy', '@'),
  }),
  // Odd things a host should never send, but might.
  fc.constantFrom({ value: {} as never }, { value: [] as never }, { value: 1n as never }, { value: 'x', text: 42 as never }, 'text' as never, 7 as never, [] as never),
);

const areaArb: fc.Arbitrary<CellArea> = fc
  .record({ top: fc.integer({ min: -3, max: 40 }), left: fc.integer({ min: -3, max: 12 }), h: fc.integer({ min: -2, max: 30 }), w: fc.integer({ min: -2, max: 10 }) })
  .map(({ top, left, h, w }) => ({ top, left, bottom: top + h, right: left + w }));

const sheetArb: fc.Arbitrary<SheetSnapshot> = fc.record({
  name: fc.constantFrom('Phụ lục', 'Sheet1', ''),
  origin: fc.oneof(fc.constant({ row: 0, col: 0 }), fc.record({ row: fc.integer({ min: 0, max: 50 }), col: fc.integer({ min: 0, max: 5 }) })),
  cells: fc.array(fc.array(cellArb, { maxLength: 10 }), { maxLength: 30 }),
  merges: fc.array(fc.oneof(areaArb, fc.constant({ top: NaN, left: 0, bottom: 1, right: 1 }), fc.constant(null as never)), { maxLength: 8 }),
});

/** Every id is placed, unplaced or in conflict, exactly once; every cell named is an A1 address. */
function checkMapping(mapping: Mapping): void {
  const placed = Object.keys(mapping.placements);
  const conflicted = mapping.conflicts.map((c) => c.id);
  const all = [...placed, ...mapping.unplaced, ...conflicted].sort();
  expect(all).toEqual([...ids].sort());
  for (const p of Object.values(mapping.placements)) {
    expect(p.confidence).toBeGreaterThanOrEqual(0);
    expect(p.confidence).toBeLessThanOrEqual(1);
    for (const cells of Object.values(p.fields)) for (const c of cells) expect(parseA1(c)).not.toBeNull();
  }
}

describe('mapSheet and readEntries never throw', () => {
  test('on random grids with random merges (1,000 runs)', () => {
    fc.assert(
      fc.property(sheetArb, (sheet) => {
        const mapping = mapSheet(sheet, criteria);
        checkMapping(mapping);
        const entries = readEntries(sheet, mapping, criteria);
        expect(scoreAll(criteria, entries)).toHaveLength(ids.length);
        const saved = saveMapping(mapping);
        const parsed = parseSavedMapping(JSON.parse(JSON.stringify(saved)));
        if (mapping.sheet.length <= 31) expect(parsed).not.toBeNull();
        checkMapping(mapSheet(sheet, criteria, parsed ?? undefined));
        // Whether the sheet alone is plausibly the appendix: the count that stops once it is sure says what the full count says.
        expect(looksLikeAppendix(sheet, criteria)).toBe(findAppendixSheet({ sheets: [sheet] }, criteria) !== null);
      }),
      { numRuns: 1000, seed: 20240611 },
    );
  });

  test('on random rows inserted into a real appendix (100 runs): what is not disturbed still maps', () => {
    const built = buildAppendix(criteria, sampleValues(criteria));
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: built.sheet.cells.length }), fc.array(cellArb, { maxLength: 9 })), { maxLength: 4 }), (inserts) => {
        const cells = built.sheet.cells.map((r) => r.slice());
        for (const [at, row] of inserts) cells.splice(at, 0, row);
        const sheet: SheetSnapshot = { ...built.sheet, cells };
        const mapping = mapSheet(sheet, criteria);
        checkMapping(mapping);
        readEntries(sheet, mapping, criteria);
      }),
      { numRuns: 100, seed: 7 },
    );
  });

  test('on random saved mappings', () => {
    const sheet = buildAppendix(criteria, sampleValues(criteria)).sheet;
    fc.assert(
      fc.property(fc.jsonValue(), fc.dictionary(fc.constantFrom('1.1.1.a', '__proto__', 'constructor', '2.4.1.b', 'x'), fc.jsonValue()), (junk, placements) => {
        expect(parseSavedMapping(junk)).toBeNull();
        const data = { version: 1, criteriaId: criteria.id, sheet: 'Phụ lục', placements };
        const parsed = parseSavedMapping(data);
        checkMapping(mapSheet(sheet, criteria, (parsed ?? data) as never));
      }),
      { numRuns: 100, seed: 11 },
    );
  });

  test('on empty and degenerate snapshots', () => {
    const odd: unknown[] = [
      { name: 'Sheet1', origin: { row: 0, col: 0 }, cells: [], merges: [] },
      { name: 'Sheet1', origin: { row: 0, col: 0 }, cells: [[]], merges: [] },
      { name: 'Sheet1', origin: { row: -5, col: NaN }, cells: [[null, { value: 'Chỉ số' }]], merges: [{ top: 0, left: 0, bottom: 1e9, right: 1e9 }] },
      { name: 'Sheet1', origin: { row: 1_048_575, col: 16_383 }, cells: [[{ value: 'Chỉ số' }, { value: 'Tiêu chí' }]], merges: [] },
      { name: 42, origin: null, cells: 'cells', merges: 'merges' },
      { cells: [null, 5, 'row', [undefined]] },
      null,
      undefined,
      {},
    ];
    for (const sheet of odd) {
      const mapping = mapSheet(sheet as SheetSnapshot, criteria);
      expect(Object.keys(mapping.placements)).toEqual([]);
      expect(mapping.unplaced).toHaveLength(ids.length);
      expect(readEntries(sheet as SheetSnapshot, mapping, criteria).size).toBe(0);
      expect(findAppendixSheet({ sheets: [sheet as SheetSnapshot] }, criteria)).toBeNull();
    }
    const mapping = mapSheet(buildAppendix(criteria, {}).sheet, criteria);
    expect(readEntries({} as SheetSnapshot, mapping, criteria).size).toBe(57);
    expect(readEntries(buildAppendix(criteria, {}).sheet, {} as Mapping, criteria).size).toBe(0);
    expect(readEntries(buildAppendix(criteria, {}).sheet, null as never, criteria).size).toBe(0);
  });

  test('on a 100,000-row sheet with huge merged areas', () => {
    const built = buildAppendix(criteria, sampleValues(criteria));
    const cells = built.sheet.cells.slice();
    while (cells.length < 100_000) cells.push(cells.length % 2 ? [null, null, { value: `ghi chú ${cells.length}` }] : []);
    // A used range that reaches far to the right, where a giant merged area sits beside the table.
    cells[0] = [...cells[0]!, null, null, null, null, null, { value: 'ghi chú' }];
    const sheet: SheetSnapshot = {
      ...built.sheet,
      cells,
      merges: [...built.sheet.merges, { top: built.sheet.cells.length + 5, left: 0, bottom: 99_999, right: 6 }, { top: 0, left: 9, bottom: 1_048_575, right: 16_383 }],
    };
    const mapping = mapSheet(sheet, criteria);
    expect({ unplaced: mapping.unplaced, conflicts: mapping.conflicts }).toEqual({ unplaced: [], conflicts: [] });
    const results = scoreAll(criteria, readEntries(sheet, mapping, criteria));
    expect(results.filter((r) => r.status === 'met')).toHaveLength(57);
  });

  test('on a very wide template-looking sheet', () => {
    const header = TEMPLATE_COLUMNS.map((c) => ({ value: c.vi }));
    const wide: Array<CellContent | null> = Array.from({ length: 5000 }, (_, i) => ({ value: i % 7 ? 'Chỉ số' : i }));
    const sheet: SheetSnapshot = { name: 'W', origin: { row: 0, col: 0 }, cells: [wide, header, [{ value: '1.1.1.a' }, null, null, null, null, null, { value: 97 }, null, null, { value: 'value' }]], merges: [] };
    const mapping = mapSheet(sheet, criteria);
    expect(mapping.layout).toBe('template');
    expect(mapping.placements['1.1.1.a']!.fields.value).toEqual(['G3']);
  });
});
