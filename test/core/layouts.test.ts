/**
 * Layouts departments use that the seed appendix does not (issue #12, part 3), read by the mapper
 * and the cell reader as a general rule each: marks beside choices printed one to a row, values
 * typed in label cells, a column per year, a column of sub-field labels, a flat table, an
 * English-language return, an error value among printed ratings, a percent sign shown literally.
 * Statuses follow docs/scoring.md. Each rule has an "unseen" variant it was not tuned on.
 */
import { CriteriaSet } from '../../src/core/criteria';
import { Mapping, mapSheet, readEntries } from '../../src/core/mapping';
import { readField } from '../../src/core/read';
import { IndicatorResult, scoreAll } from '../../src/core/score';
import { SheetSnapshot } from '../../src/core/snapshot';
import { loadCriteria } from './helpers';
import { errorCell } from './layout-grid';
import * as L from './layout-sheets';

let criteria: CriteriaSet;
beforeAll(() => {
  criteria = loadCriteria();
});

function scored(sheet: SheetSnapshot): { mapping: Mapping; result: (id: string) => IndicatorResult; status: (id: string) => string } {
  const mapping = mapSheet(sheet, criteria);
  const results = scoreAll(criteria, readEntries(sheet, mapping, criteria));
  const result = (id: string) => results.find((r) => r.id === id)!;
  return { mapping, result, status: (id) => result(id).status };
}

describe('a mark beside one of the choices printed one to a row', () => {
  test.each([
    ['x beside Giảm, X beside "4 Rất tốt"', { accidents: { Giảm: 'x' }, wifi: { '4 Rất tốt': 'X' } }, 'met', 'met'],
    ['✓ beside Tăng, ✓ beside "1 Yếu"', { accidents: { Tăng: '✓' }, wifi: { '1 Yếu': '✓' } }, 'unmet', 'unmet'],
    ['two marks', { accidents: { Tăng: 'x', Giảm: 'x' }, wifi: { '5 Xuất sắc': 'x', '2 Khá': 'x' } }, 'invalid', 'invalid'],
    ['no mark', { accidents: {}, wifi: {} }, 'missing', 'missing'],
  ])('%s', (_name, marks, accidents, wifi) => {
    const { status } = scored(L.marksOnePerRow(marks));
    expect(status('1.3.2.b')).toBe(accidents);
    expect(status('2.4.1.b')).toBe(wifi);
  });

  test('unseen: the choices in a "Chi tiết" column parted from the values by the party\'s column, a ✓ or ✔', () => {
    expect(scored(L.marksOnePerRowUnseen('✓', 'Tăng')).status('1.3.2.d')).toBe('met');
    expect(scored(L.marksOnePerRowUnseen('✔', 'Giảm')).status('1.3.2.d')).toBe('unmet');
  });
});

describe('values typed inside the label cells, the value column empty, columns reordered', () => {
  test('"Nam: 1.250 trẻ" … "Tỷ lệ: 97,2%" read as each field', () => {
    const { result, mapping } = scored(L.labelsCarryValues());
    expect(mapping.placements['2.1.1.a']!.fields).toEqual({ male: ['C2'], female: ['C3'], total: ['C4'], rate: ['C5'] });
    expect(result('2.1.1.a')).toMatchObject({ status: 'met', values: { male: 1250, female: 1200, total: 2450, rate: 97.2 } });
  });

  test('unseen: "Nam - 3,1%", "Nữ = 2,9 %", "Tổng số: 3,0%" in the first column', () => {
    expect(scored(L.labelsCarryValuesUnseen('Tổng số: 3,0%')).result('1.2.2.a')).toMatchObject({ status: 'met', values: { male: 3.1, female: 2.9, total: 3 } });
    // The total outside [Nữ, Nam] contradicts them: the labels were read, not guessed by position.
    expect(scored(L.labelsCarryValuesUnseen('Tổng: 4,0%')).status('1.2.2.a')).toBe('invalid');
  });
});

describe('a column per year', () => {
  test('"Số liệu" over "Năm 2023 | Năm 2024": the latest year is scored, the earlier one gives the trend', () => {
    const { status, result, mapping } = scored(L.yearColumns());
    expect(status('1.3.2.b')).toBe('met'); // accidents 1.245 → 1.180: Giảm
    expect(result('1.1.1.a')).toMatchObject({ status: 'met', values: { value: 96 } }); // 96 in 2024, not 93 from 2023
    expect(mapping.placements['1.1.1.a']!.fields).toEqual({ value: ['E4'] });
    expect(status('1.1.1.b')).toBe('missing'); // a value only under 2023
    expect(status('1.3.2.d')).toBe('missing'); // a trend with this year's figure only
  });

  test('the trend follows the figures: a rise where a fall is wanted is unmet', () => {
    const rows = L.YEAR_ROWS.map((r, i) => (i === 0 ? { ...r, earlier: '1.180', later: '1.245' } : r));
    expect(scored(L.yearColumns(rows)).status('1.3.2.b')).toBe('unmet');
  });

  const transport = 'Tỷ lệ người dân sử dụng các phương tiện giao thông công cộng tăng hàng năm';
  const emissions = 'Lượng phát thải khí gây hiệu ứng nhà kính giảm so với năm trước';
  test('unseen: "2024 | 2023" (the latest on the left), the year row not merged, no "Năm"', () => {
    const sheet = L.yearColumnsUnseen(['2024', '2023'], [
      { text: transport, criterion: '1.3.2. Cải thiện điều kiện sống của thành phố', party: 'Công an Thành phố', left: 5400, right: 5000 },
      { text: 'Số thanh niên từ 18 đến 24 tuổi được tiếp cận giáo dục đại học đạt 35% trở lên', criterion: '2.1.3. Mở rộng khả năng tiếp cận và tham gia vào giáo dục đại học', party: 'Sở Giáo dục và Đào tạo', left: 33, right: 36 },
    ]);
    const { status, result } = scored(sheet);
    expect(status('1.3.2.d')).toBe('met'); // 5.000 (2023) → 5.400 (2024): Tăng
    expect(result('2.1.3.a')).toMatchObject({ status: 'unmet', values: { value: 33 } }); // 2024 is the left-hand column
  });

  test('unseen: headings that cannot be told apart ("Năm … | Năm …"): the right-hand column is the latest', () => {
    const sheet = L.yearColumnsUnseen(['Năm ……', 'Năm ……'], [
      { text: emissions, criterion: '1.3.1. Giảm thiểu tác động tiêu cực của kinh tế và các hoạt động khác của con người đối với môi trường tự nhiên', party: 'Sở Tài nguyên và Môi trường', left: 120, right: 110 },
    ]);
    expect(scored(sheet).status('1.3.1.c')).toBe('met');
  });
});

describe('a column of its own for the sub-field labels', () => {
  test.each(['Nội dung', 'Item', 'Hạng mục'])('"%s": Tổng, Nam, Nữ, Tỷ lệ beside the values (not in the criteria\'s order)', (heading) => {
    const { result, mapping } = scored(L.contentColumn(heading, { Nam: 1250, Nữ: 1200, Tổng: 2450, 'Tỷ lệ': 97.2 }));
    expect(mapping.placements['2.1.1.a']!.fields).toEqual({ total: ['F2'], male: ['F3'], female: ['F4'], rate: ['F5'] });
    expect(result('2.1.1.a')).toMatchObject({ status: 'met', values: { rate: 97.2 } });
  });

  test('unseen: "Item" right of the values, poverty (Hộ nghèo, Hộ cận nghèo)', () => {
    const { result, mapping } = scored(L.contentColumnUnseen('2,1%', '9,4%'));
    expect(mapping.placements['1.2.1.b']!.fields).toEqual({ poor: ['B2'], near_poor: ['B3'] });
    expect(result('1.2.1.b').status).toBe('unmet'); // 2,1 + 9,4 > 10
  });
});

describe('a flat table: standard, criterion and indicator typed on every row', () => {
  test('one row per sub-field is one indicator; the next indicator is its own', () => {
    const { result, mapping } = scored(L.flatTable());
    expect(mapping.conflicts).toEqual([]);
    expect(mapping.placements['2.1.1.a']!.rows).toEqual([1, 2, 3, 4]);
    expect(result('2.1.1.a')).toMatchObject({ status: 'met', values: { male: 1250, female: 1200, total: 2450, rate: 97.2 } });
    expect(result('2.1.3.a')).toMatchObject({ status: 'met', values: { value: 36.5 } });
  });

  test('unseen: labels typed with their values, STT repeated, the party first', () => {
    const { result, mapping } = scored(L.flatTableUnseen());
    expect(mapping.conflicts).toEqual([]);
    expect(result('1.2.1.b')).toMatchObject({ status: 'met', values: { poor: 2.1, near_poor: 3.4 } });
    expect(result('1.2.2.a')).toMatchObject({ status: 'met', values: { male: 3.1, female: 2.9, total: 3 } });
  });
});

describe('an English-language return', () => {
  test('English headers, texts, labels, "1,234 children" and "97.2%"', () => {
    const { result } = scored(L.englishReturn());
    expect(result('2.1.1.a')).toMatchObject({ status: 'met', values: { male: 1250, female: 1200, total: 2450, rate: 97.2 } });
    expect(result('1.1.1.a')).toMatchObject({ status: 'met', values: { value: 97.2 } });
  });

  test('unseen: short English texts, an "Item" column, "Value", units as words', () => {
    const { result } = scored(L.englishReturnUnseen());
    expect(result('1.2.2.a')).toMatchObject({ status: 'met', values: { male: 3.1, female: 2.9, total: 3 } });
    expect(result('2.1.1.a')).toMatchObject({ status: 'met', values: { male: 1250, total: 2450 } });
  });

  test.each(['1,250 children', '1,250 people', '1 250 persons', '1.250 households'])('"%s" is a count with its unit', (text) => {
    expect(readField({ value: text }, { kind: 'count', unit: 'Trẻ' })).toEqual({ status: 'value', value: 1250 });
  });
});

describe('an error value among printed ratings', () => {
  test('#VALUE! beside "1 Yếu" is invalid, not "nothing marked"', () => {
    const r = scored(L.ratingWithError({ '1 Yếu': errorCell('#VALUE!') })).result('2.4.1.b');
    expect(r.status).toBe('invalid');
    expect(r.issues[0]).toMatchObject({ code: 'error-value', cell: 'E8' });
  });

  test('unseen: #N/A beside "5 Xuất sắc" and an x beside "3 Tốt" in a "Nội dung" column layout; #REF! and an x beside Tăng / Giảm', () => {
    const { result } = scored(L.marksOnePerRow({ accidents: { Tăng: 'x', Giảm: errorCell('#REF!') }, wifi: { '5 Xuất sắc': errorCell('#N/A'), '3 Tốt': 'x' } }));
    expect(result('2.4.1.b')).toMatchObject({ status: 'invalid', issues: [{ code: 'error-value' }] });
    expect(result('1.3.2.b')).toMatchObject({ status: 'invalid', issues: [{ code: 'error-value' }] });
  });

  test('an error with a mark elsewhere is still invalid (the error outranks the mark)', () => {
    const sheet = L.ratingWithError({ Giảm: 'x', Tăng: errorCell('#REF!'), '3 Tốt': 'x', '2 Khá': errorCell('#DIV/0!') });
    const { status } = scored(sheet);
    expect(status('1.3.2.b')).toBe('invalid');
    expect(status('2.4.1.b')).toBe('invalid');
  });
});
