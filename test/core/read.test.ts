import fc from 'fast-check';
import { CellContent, FieldSpec, Reading, isPrintedChoice, readField, readFieldFromCells, parseNumberText } from '../../src/core/read';
import { looksLegacyEncoded } from '../../src/core/text';

const percent: FieldSpec = { key: 'value', kind: 'percent', unit: '%' };
const count: FieldSpec = { key: 'male', kind: 'count', unit: 'Trẻ', label: 'Nam' };
const change: FieldSpec = { key: 'change', kind: 'change', unit: '%' };
const trend: FieldSpec = { key: 'trend', kind: 'trend' };
const rating: FieldSpec = { key: 'rating', kind: 'rating' };

const value = (cell: CellContent, field: FieldSpec) => {
  const r = readField(cell, field, 'E12');
  return r.status === 'value' ? r.value : r.status + ':' + r.issue.code;
};
const text = (s: string, field: FieldSpec) => value({ value: s }, field);

describe('percent', () => {
  test('a numeric cell formatted as a percent holds a fraction', () => {
    expect(value({ value: 0.955, numberFormat: '0.0%' }, percent)).toBe(95.5);
    expect(value({ value: 0.57, numberFormat: '0%' }, percent)).toBe(57); // not 56.99999999999999
    expect(value({ value: 1, numberFormat: '0.00%' }, percent)).toBe(100);
  });
  test('any other numeric cell holds the percent itself', () => {
    expect(value({ value: 95.5 }, percent)).toBe(95.5);
    expect(value({ value: 95.5, numberFormat: '0.0' }, percent)).toBe(95.5);
    expect(value({ value: 95, numberFormat: '0.0"%"' }, percent)).toBe(95); // a literal "%" is not a percent format
  });
  test.each([
    ['95%', 95],
    ['95 %', 95],
    ['95,5%', 95.5],
    ['95,5 %', 95.5],
    ['95.5', 95.5],
    ['95,5', 95.5],
    [' 100 ', 100],
    ['0', 0],
    ['87,25 %', 87.25],
  ])('text %j ⇒ %d', (s, n) => expect(text(s, percent)).toBe(n));
  test('outside 0–100 is invalid, unless the field allows more', () => {
    expect(text('101%', percent)).toBe('invalid:percent-out-of-range');
    expect(value({ value: -1 }, percent)).toBe('invalid:percent-out-of-range');
    expect(value({ value: 1.5, numberFormat: '0%' }, percent)).toBe('invalid:percent-out-of-range');
    expect(text('320%', { ...percent, max: 1000 })).toBe(320);
  });
  test('words and garbage are invalid with the text quoted', () => {
    const r = readField({ value: 'khoảng chín mươi' }, percent, 'E12');
    expect(r.status).toBe('invalid');
    if (r.status === 'invalid') {
      expect(r.issue.code).toBe('not-a-number');
      expect(r.issue.cell).toBe('E12');
      expect(r.issue.message.vi).toContain('khoảng chín mươi');
      expect(r.issue.message.en).toContain('is not a number');
    }
    expect(text('95%%', percent)).toBe('invalid:not-a-number');
    expect(text('9 5', percent)).toBe('invalid:not-a-number');
  });
});

describe('count', () => {
  test.each([
    ['1.234', 1234],
    ['1 234', 1234],
    ['1,234', 1234],
    ['1.234.567', 1234567],
    ['1250 trẻ', 1250],
    ['1.250 Trẻ', 1250],
    ['Nam: 1.250 trẻ', 1250],
    ['Nam …… 1.250 Trẻ', 1250],
    ['980 người', 980],
  ])('text %j ⇒ %d', (s, n) => expect(text(s, count)).toBe(n));
  test('a fractional or negative count is invalid', () => {
    expect(text('12,5', count)).toBe('invalid:fractional-count');
    expect(value({ value: 12.5 }, count)).toBe('invalid:fractional-count');
    expect(value({ value: -3 }, count)).toBe('invalid:negative-count');
  });
  test('malformed thousands groups are not guessed', () => {
    expect(text('1.23.4', count)).toBe('invalid:not-a-number');
    expect(text('12 34', count)).toBe('invalid:not-a-number');
  });
});

describe('change', () => {
  test.each([
    ['+3,2%', 3.2],
    ['-1.5', -1.5],
    ['−2,5 %', -2.5],
  ])('text %j ⇒ %d', (s, n) => expect(text(s, change)).toBe(n));
  test('numbers, percent-formatted fractions, and a trend word as its sign', () => {
    expect(value({ value: 3.2 }, change)).toBe(3.2);
    expect(value({ value: 0.032, numberFormat: '0.0%' }, change)).toBe(3.2);
    expect(text('Tăng', change)).toBe('increase');
    expect(text('giam', change)).toBe('decrease');
  });
});

describe('trend', () => {
  test.each([
    ['Tăng', 'increase'],
    ['TĂNG', 'increase'],
    ['tang', 'increase'],
    ['Giảm', 'decrease'],
    ['Gia\u0309m'.normalize('NFD'), 'decrease'],
    ['giam', 'decrease'],
    ['Tăng x', 'increase'],
    ['Tăng    Giảm x', 'decrease'],
    ['x Tăng     Giảm', 'increase'],
    ['Tăng ☑ Giảm ☐', 'increase'],
    ['+3,2%', 'increase'],
    ['-1', 'decrease'],
  ])('text %j ⇒ %s', (s, t) => expect(text(s, trend)).toBe(t));
  test('a decomposed (NFD) "Giảm" reads as Giảm', () => {
    const nfd = 'Giảm'.normalize('NFD');
    expect(nfd).not.toBe('Giảm');
    expect(text(nfd, trend)).toBe('decrease');
  });
  test('numbers in a trend field are changes', () => {
    expect(value({ value: 2 }, trend)).toBe('increase');
    expect(value({ value: -0.5 }, trend)).toBe('decrease');
  });
  test('both words printed and none marked is missing; both marked is invalid', () => {
    expect(text('Tăng Giảm', trend)).toBe('missing:nothing-marked');
    expect(text('Tăng x Giảm x', trend)).toBe('invalid:ambiguous-mark');
    expect(text('lên', trend)).toBe('invalid:not-a-trend');
  });
});

describe('rating', () => {
  const printed = '5 Xuất sắc\n4 Rất tốt\n3 Tốt\n2 Khá\n1 Yếu';
  test('a number or a label', () => {
    expect(value({ value: 4 }, rating)).toBe(4);
    expect(text('3', rating)).toBe(3);
    expect(text('Rất tốt', rating)).toBe(4);
    expect(text('rat tot', rating)).toBe(4);
    expect(text('Tốt', rating)).toBe(3);
    expect(text('XUẤT SẮC', rating)).toBe(5);
    expect(text('2 - Khá', rating)).toBe(2);
  });
  test('"x" beside "3 Tốt" among the five printed labels ⇒ 3', () => {
    expect(text('5 Xuất sắc\n4 Rất tốt\n3 Tốt x\n2 Khá\n1 Yếu', rating)).toBe(3);
    expect(text('5 Xuất sắc\n4 Rất tốt\nx 3 Tốt\n2 Khá\n1 Yếu', rating)).toBe(3);
    expect(text('5 Xuất sắc 4 Rất tốt 3 Tốt 2 Khá (x) 1 Yếu', rating)).toBe(2);
  });
  test('the only label left in the cell', () => {
    expect(text('4 Rất tốt', rating)).toBe(4);
  });
  test('a value typed beside the printed labels', () => {
    expect(text(printed + '\n4', rating)).toBe(4);
  });
  test('labels printed, nothing marked ⇒ missing; two marked ⇒ invalid; 6 ⇒ invalid', () => {
    expect(text(printed, rating)).toBe('missing:nothing-marked');
    expect(text('5 Xuất sắc x\n4 Rất tốt x\n3 Tốt', rating)).toBe('invalid:ambiguous-mark');
    expect(value({ value: 6 }, rating)).toBe('invalid:not-a-rating');
    expect(value({ value: 3.5 }, rating)).toBe('invalid:not-a-rating');
  });
  test('labels printed in separate cells, marked in the cell beside one', () => {
    const cells = [
      { content: { value: '5 Xuất sắc' }, address: 'E20', row: 19 },
      { content: { value: '4 Rất tốt' }, address: 'E21', row: 20 },
      { content: { value: '3 Tốt' }, address: 'E22', row: 21 },
      { content: { value: 'x' }, address: 'F22', row: 21 },
      { content: { value: '2 Khá' }, address: 'E23', row: 22 },
      { content: { value: '1 Yếu' }, address: 'E24', row: 23 },
    ];
    const r = readFieldFromCells(cells, rating);
    expect(r.status === 'value' && r.value).toBe(3);
  });
  test('a word typed beside the printed "Tăng Giảm" is the answer', () => {
    const cells = [
      { content: { value: 'Tăng Giảm' }, address: 'F24', row: 23 },
      { content: { value: 'Giảm' }, address: 'G24', row: 23 },
    ];
    expect(readFieldFromCells(cells, trend)).toEqual({ status: 'value', value: 'decrease' });
    expect(isPrintedChoice('Tăng Giảm', 'trend')).toBe(true);
    expect(isPrintedChoice('5 Xuất sắc', 'rating')).toBe(true);
    expect(isPrintedChoice('Giảm', 'trend')).toBe(false);
    expect(isPrintedChoice('Đang cập nhật', 'rating')).toBe(false);
  });
  test('"đang cập nhật" typed beside the printed labels is "no data", not "nothing marked"', () => {
    const cells = ['5 Xuất sắc', '4 Rất tốt', '3 Tốt', '2 Khá', '1 Yếu'].map((v, i) => ({ content: { value: v }, address: `E${20 + i}`, row: 19 + i }));
    const r = readFieldFromCells([...cells, { content: { value: 'Đang cập nhật' }, address: 'F20', row: 19 }], rating);
    expect(r.status === 'missing' && [r.issue.code, r.issue.cell]).toEqual(['no-data', 'F20']);
  });
});

describe('no data, errors, dates, odd types', () => {
  test.each(['chưa có số liệu', 'Chưa có', 'đang cập nhật', 'Đang cập nhật...', '-', '…', '...', '……', 'N/A', 'chua co so lieu'])(
    '%j ⇒ missing',
    (s) => expect(text(s, percent)).toBe('missing:no-data'),
  );
  test('blank and whitespace ⇒ missing', () => {
    expect(value({ value: null }, percent)).toBe('missing:blank');
    expect(value({ value: '' }, percent)).toBe('missing:blank');
    expect(value({ value: '  \u00A0 ' }, percent)).toBe('missing:blank');
    expect(value({ value: '\u200B' }, percent)).toBe('missing:blank');
  });
  test('error values are invalid', () => {
    expect(value({ value: '#DIV/0!' }, percent)).toBe('invalid:error-value');
    expect(value({ value: '#N/A', type: 'error' }, percent)).toBe('invalid:error-value');
    expect(value({ value: '#REF!' }, count)).toBe('invalid:error-value');
  });
  test('a date where a percent belongs is invalid', () => {
    expect(value({ value: 45292, numberFormat: 'dd/mm/yyyy', text: '01/01/2024' }, percent)).toBe('invalid:date-value');
    expect(value({ value: 45292, numberFormat: 'm/d/yy' }, count)).toBe('invalid:date-value');
  });
  test('booleans are invalid', () => {
    expect(value({ value: true }, percent)).toBe('invalid:boolean-value');
  });
  test('legacy TCVN3/VNI text is flagged "văn bản mã cũ"', () => {
    expect(looksLegacyEncoded('Ch­a cã sè liÖu')).toBe(true);
    expect(looksLegacyEncoded('Vieät Nam')).toBe(true);
    expect(looksLegacyEncoded('Chưa có số liệu')).toBe(false);
    expect(looksLegacyEncoded('Sở Giáo dục và Đào tạo')).toBe(false);
    const r = readField({ value: 'Ch­a cã sè liÖu' }, percent, 'E9');
    expect(r.status === 'invalid' && r.issue.message.vi).toMatch(/mã cũ/);
  });
  test('zero-width and bidi characters do not get in the way', () => {
    expect(text('\u200B95,5\u200F%', percent)).toBe(95.5);
    expect(text('\u202BTăng\u202C', trend)).toBe('increase');
  });
  test('very long cells are invalid, not parsed', () => {
    expect(text('9'.repeat(5000), percent)).toBe('invalid:too-long');
  });
});

describe('parseNumberText', () => {
  test('returns null for anything that is not one figure', () => {
    expect(parseNumberText('95 và 96', percent)).toBeNull();
    expect(parseNumberText('abc', percent)).toBeNull();
    expect(parseNumberText('1,234.5', percent)).toBe(1234.5);
    expect(parseNumberText('1.234,5', percent)).toBe(1234.5);
  });
});

describe('properties', () => {
  const kinds: FieldSpec[] = [percent, count, change, trend, rating, { kind: 'number' }];
  const anyValue = fc.oneof(
    fc.string(),
    fc.string({ unit: 'grapheme' }),
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.constantFrom('#DIV/0!', '#N/A', 'Tăng Giảm', '5 Xuất sắc 4 Rất tốt', 'x', '1.234,5', '…', '\u200B', '95,5 %'),
  );
  const anyCell = fc.record(
    {
      value: anyValue,
      type: fc.constantFrom('empty', 'string', 'number', 'boolean', 'error', undefined),
      numberFormat: fc.oneof(fc.string(), fc.constantFrom('0.0%', 'General', 'dd/mm/yyyy', '#,##0', '@')),
      text: fc.string(),
    },
    { requiredKeys: ['value'] },
  ) as fc.Arbitrary<CellContent>;

  test('reading any cell content never throws and yields a value or an issue', () => {
    fc.assert(
      fc.property(anyCell, fc.constantFrom(...kinds), (cell, kind) => {
        const r: Reading = readField(cell, kind, 'A1');
        if (r.status === 'value') return typeof r.value === 'number' ? Number.isFinite(r.value) : ['increase', 'decrease', 'unchanged'].includes(r.value);
        return r.issue.code.length > 0 && r.issue.message.vi.length > 0 && r.issue.message.en.length > 0 && r.issue.cell === 'A1';
      }),
      { numRuns: 10000 },
    );
  });

  test('a percent typed in either convention reads back as the number', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10000 }), fc.boolean(), fc.boolean(), (hundredths, comma, sign) => {
        const n = hundredths / 100;
        const typed = (comma ? String(n).replace('.', ',') : String(n)) + (sign ? ' %' : '');
        return text(typed, percent) === n;
      }),
    );
  });
});
