import { listIndicators } from '../../src/core/criteria';
import { TEMPLATE_COL, TEMPLATE_COLUMNS, TEMPLATE_HEADER, TEMPLATE_MARKER } from '../../src/core/layout';
import { mapSheet, readEntries } from '../../src/core/mapping';
import { readField } from '../../src/core/read';
import { IndicatorResult, scoreAll } from '../../src/core/score';
import { parseA1, toA1 } from '../../src/core/snapshot';
import { INPUT_FILL, buildTemplate, listParties, ratingItems, trendItems, validationCells } from '../../src/core/template';
import { loadCriteria } from './helpers';
import { cellValue, fillTemplate, metTemplateValues, toSnapshot, validationAt } from './template-helpers';

const criteria = loadCriteria();
const all = listIndicators(criteria);

const LDTBXH = ['1.1.3.b', '1.2.1.b', '1.2.2.a', '2.3.1.a', '2.3.2.a', '2.3.3.a', '2.3.3.b'];

function byId(results: IndicatorResult[]): Record<string, IndicatorResult> {
  return Object.fromEntries(results.map((r) => [r.id, r]));
}

function metValues() {
  return metTemplateValues(criteria);
}

function score(sheet: ReturnType<typeof toSnapshot>) {
  const mapping = mapSheet(sheet, criteria);
  const entries = readEntries(sheet, mapping, criteria);
  return { mapping, entries, results: byId(scoreAll(criteria, entries)) };
}

describe('city template', () => {
  const t = buildTemplate(criteria, { city: 'Hà Nội', year: 2024, contact: 'Nguyễn Văn A' });

  test('holds every indicator, marked and headed in the canonical layout', () => {
    expect(t.indicators).toEqual(all.map((p) => p.indicator.id));
    expect(t.indicators).toHaveLength(57);
    expect(t.marker).toBe(TEMPLATE_MARKER);
    expect(t.rows[0]![0]!.value).toBe(TEMPLATE_MARKER);
    expect(t.rows[t.headerRow]!.map((c) => c.value)).toEqual(TEMPLATE_COLUMNS.map((c) => c.vi));
    expect(t.frozenRows).toBe(t.headerRow + 1);
    // The header block: label in A, value in B.
    for (const h of TEMPLATE_HEADER) {
      const at = parseA1(t.headerCells[h.key])!;
      expect(at.col).toBe(1);
      expect(t.rows[at.row]![0]!.value).toBe(h.vi);
    }
    expect(cellValue(t, t.headerCells.city)).toBe('Hà Nội');
    expect(cellValue(t, t.headerCells.year)).toBe(2024);
    expect(cellValue(t, t.headerCells.department)).toBeNull();
    expect(cellValue(t, t.headerCells.contact)).toBe('Nguyễn Văn A');
    // A blank row between the header block and the table.
    expect(t.rows[t.headerRow - 1]).toEqual([]);
  });

  test('fills the id and the field key on every row of the table', () => {
    const body = t.rows.slice(t.headerRow + 1, t.autoFilter.bottom + 1);
    const ids = new Set(t.indicators);
    let rows = 0;
    for (const row of body) {
      expect(ids.has(String(row[TEMPLATE_COL.id]!.value))).toBe(true);
      expect(String(row[TEMPLATE_COL.fieldKey]!.value)).toMatch(/^[a-z][a-z0-9_]*(@previous|@current)?$/);
      rows++;
    }
    const fields = all.reduce((n, p) => n + p.indicator.fields.length, 0);
    const trends = all.reduce((n, p) => n + p.indicator.fields.filter((f) => f.kind === 'trend').length, 0);
    expect(rows).toBe(fields + 2 * trends);
    // The indicator's text and its standard are written in full on its first row.
    const first = body[0]!;
    expect(first[TEMPLATE_COL.indicator]!.value).toBe(all[0]!.indicator.text);
    expect(first[TEMPLATE_COL.standard]!.value).toBe(`1.1 ${all[0]!.standard.title}`);
    expect(first[TEMPLATE_COL.criterion]!.value).toBe(`1.1.1 ${all[0]!.criterion.title}`);
    expect(first[TEMPLATE_COL.responsible]!.value).toBe('Sở Giáo dục và Đào tạo');
    expect(first[TEMPLATE_COL.note]!.value).toBe('Mục tiêu: ≥ 95%');
  });

  test('marks every value cell as an input, with a number format that matches its kind', () => {
    for (const { indicator } of all) {
      for (const field of indicator.fields) {
        const address = t.valueCells[indicator.id]![field.key]!;
        const cell = t.rows[parseA1(address)!.row]![TEMPLATE_COL.value]!;
        expect(toA1(parseA1(address)!.row, TEMPLATE_COL.value)).toBe(address);
        expect(cell.fill).toBe(INPUT_FILL);
        expect(cell.value).toBeNull();
        const expected = { percent: '0.0##', count: '#,##0', change: '+0.0##;-0.0##;0', trend: '@', rating: '@', number: 'General' }[field.kind];
        expect(cell.numberFormat).toBe(expected);
        // A rate is typed 0–100: never a % format, or Excel would store 95 as 0.95.
        if (field.kind === 'percent') {
          expect(cell.numberFormat).not.toContain('%');
          expect(cellValue(t, toA1(parseA1(address)!.row, TEMPLATE_COL.unit))).toBe('%');
        }
      }
    }
    // Labels are not inputs.
    const labelCell = t.rows[t.headerRow + 1]![TEMPLATE_COL.field]!;
    expect(labelCell.fill).toBeUndefined();
    expect(labelCell.value).toBe('Tỷ lệ');
  });

  test('gives every value cell, and only value cells, a validation of its kind', () => {
    const covered = new Set(t.validations.flatMap((v) => validationCells(v.address)));
    const valueAddresses = Object.values(t.valueCells).flatMap((f) => Object.values(f));
    expect([...covered].sort()).toEqual([...valueAddresses].sort());
    for (const { indicator } of all) {
      for (const field of indicator.fields) {
        const v = validationAt(t, t.valueCells[indicator.id]![field.key]!)!;
        expect(v.kind).toBe(field.kind);
        expect(v.allowBlank).toBe(true);
        expect(v.prompt.title.length).toBeLessThanOrEqual(32);
        expect(v.prompt.text.length).toBeLessThanOrEqual(255);
        expect(v.error.title.length).toBeLessThanOrEqual(32);
        expect(v.error.text.length).toBeLessThanOrEqual(255);
        switch (field.kind) {
          case 'percent':
            expect(v).toMatchObject({ type: 'decimal', operator: 'between', formulae: [0, field.max ?? 100] });
            break;
          case 'count':
            expect(v).toMatchObject({ type: 'whole', operator: 'greaterThanOrEqual', formulae: [0] });
            break;
          case 'change':
            expect(v).toMatchObject({ type: 'decimal', operator: 'greaterThanOrEqual', formulae: [-100] });
            break;
          case 'trend':
            expect(v).toMatchObject({ type: 'list', formulae: ['"Tăng,Giảm"'], list: ['Tăng', 'Giảm'] });
            break;
          case 'rating':
            expect(v).toMatchObject({ type: 'list', formulae: ['"5 - Xuất sắc,4 - Rất tốt,3 - Tốt,2 - Khá,1 - Yếu"'] });
            break;
        }
      }
    }
    expect(validationAt(t, t.valueCells['1.1.1.a']!.value!)!.prompt.text).toBe('Nhập tỷ lệ % từ 0 đến 100, ví dụ 95,5 (không nhập dạng 0,955)');
    // GDP per head may exceed the national figure: its rate goes to 1000%.
    expect(validationAt(t, t.valueCells['1.2.1.a']!.value!)!.formulae).toEqual([0, 1000]);
    // The previous/current-year figures of a trend take a non-negative number.
    expect(validationAt(t, t.valueCells['1.3.1.c']!['trend@previous']!)).toMatchObject({ kind: 'number', type: 'decimal', formulae: [0] });
    const pairRow = parseA1(t.valueCells['1.3.1.c']!['trend@current']!)!.row;
    expect(t.rows[pairRow]![TEMPLATE_COL.value]!.numberFormat).toBe('General');
    expect(t.rows[pairRow]![TEMPLATE_COL.field]!.value).toBe('Số liệu năm nay');
  });

  test('groups consecutive value cells with the same rule into one range', () => {
    const first = t.validations[0]!;
    // 1.1.1.a, 1.1.1.b, 1.1.2.a, 1.1.3.a, 1.1.3.b: five rates 0–100 in a row.
    expect(first.address).toBe(`${t.valueCells['1.1.1.a']!.value}:${t.valueCells['1.1.3.b']!.value}`);
    expect(t.validations.length).toBeLessThan(Object.values(t.valueCells).flatMap((f) => Object.values(f)).length);
  });

  test('offers previous- and current-year rows for every trend field, unless asked not to', () => {
    expect(Object.keys(t.valueCells['1.3.2.b']!)).toEqual(['trend', 'trend@previous', 'trend@current']);
    const without = buildTemplate(criteria, { trendPairs: false });
    expect(Object.keys(without.valueCells['1.3.2.b']!)).toEqual(['trend']);
    expect(JSON.stringify(without.rows)).not.toContain('@previous');
    // The input message only points at the two rows below when they are there.
    expect(validationAt(t, t.valueCells['1.3.2.b']!.trend!)!.prompt.text).toContain('hai dòng bên dưới');
    expect(validationAt(without, without.valueCells['1.3.2.b']!.trend!)!.prompt.text).toBe('Chọn Tăng hoặc Giảm so với năm trước');
  });

  test('the reader reads every list item the template offers', () => {
    const rating = { kind: 'rating' as const };
    expect(ratingItems('vi')).toEqual(['5 - Xuất sắc', '4 - Rất tốt', '3 - Tốt', '2 - Khá', '1 - Yếu']);
    ratingItems('vi').forEach((item, i) => expect(readField({ value: item }, rating)).toEqual({ status: 'value', value: 5 - i }));
    ratingItems('en').forEach((item, i) => expect(readField({ value: item }, rating)).toEqual({ status: 'value', value: 5 - i }));
    expect(readField({ value: '3 - Tốt' }, rating)).toEqual({ status: 'value', value: 3 });
    const trend = { kind: 'trend' as const };
    expect(trendItems('vi').map((w) => readField({ value: w }, trend))).toEqual([
      { status: 'value', value: 'increase' },
      { status: 'value', value: 'decrease' },
    ]);
    expect(trendItems('en').map((w) => readField({ value: w }, trend))).toEqual([
      { status: 'value', value: 'increase' },
      { status: 'value', value: 'decrease' },
    ]);
  });
});

describe('department templates', () => {
  test('"Sở Y tế" gets its two indicators only, named in the header', () => {
    const t = buildTemplate(criteria, { department: 'Sở Y tế', year: 2024 });
    expect(t.indicators).toEqual(['1.3.2.e', '1.3.2.f']);
    expect(t.department).toBe('Sở Y tế');
    expect(cellValue(t, t.headerCells.department)).toBe('Sở Y tế');
    expect(t.rows[1]![0]!.value).toBe('Biểu thu thập số liệu của Sở Y tế');
    const ids = t.rows.slice(t.headerRow + 1, t.autoFilter.bottom + 1).map((r) => r[TEMPLATE_COL.id]!.value);
    expect(ids).toEqual(['1.3.2.e', '1.3.2.f']);
  });

  test('an abbreviation selects the full name: "Sở LĐ-TB&XH" gets the labour department\'s indicators', () => {
    const t = buildTemplate(criteria, { department: 'Sở LĐ-TB&XH' });
    expect(t.indicators).toEqual(LDTBXH);
    expect(t.department).toBe('Sở Lao động - Thương binh và Xã hội');
    // 1.2.2.a has three fields, each on its row, each row with the id.
    expect(Object.keys(t.valueCells['1.2.2.a']!)).toEqual(['male', 'female', 'total']);
    const rows = t.rows.slice(t.headerRow + 1, t.autoFilter.bottom + 1);
    expect(rows.filter((r) => r[TEMPLATE_COL.id]!.value === '1.2.2.a').map((r) => r[TEMPLATE_COL.fieldKey]!.value)).toEqual(['male', 'female', 'total']);
  });

  test('"Sở GD&ĐT" gets the education department\'s 17 indicators', () => {
    const t = buildTemplate(criteria, { department: 'Sở GD&ĐT' });
    const expected = all.filter((p) => p.indicator.responsible === 'Sở Giáo dục và Đào tạo').map((p) => p.indicator.id);
    expect(t.indicators).toEqual(expected);
    expect(t.indicators).toHaveLength(17);
  });

  test('a department responsible for nothing gets an empty table that says so', () => {
    const t = buildTemplate(criteria, { department: 'Sở Ngoại vụ' });
    expect(t.indicators).toEqual([]);
    expect(t.validations).toEqual([]);
    expect(String(t.rows[t.autoFilter.bottom]![0]!.value)).toContain('Không có chỉ số nào do “Sở Ngoại vụ” phụ trách');
  });

  test('listParties names every responsible party once, with its indicators', () => {
    const parties = listParties(criteria);
    expect(parties.map((p) => p.party)).toContain('Đánh giá của chuyên gia');
    expect(parties.find((p) => p.party === 'Sở Y tế')!.indicators).toEqual(['1.3.2.e', '1.3.2.f']);
    expect(parties.reduce((n, p) => n + p.indicators.length, 0)).toBe(57);
  });

  test('an English template speaks English and still reads back', () => {
    const t = buildTemplate(criteria, { department: 'Sở TT&TT', lang: 'en' });
    expect(t.rows[t.headerRow]!.map((c) => c.value)).toEqual(TEMPLATE_COLUMNS.map((c) => c.en));
    expect(validationAt(t, t.valueCells['2.4.1.b']!.rating!)!.list).toEqual(['5 - Excellent', '4 - Very good', '3 - Good', '2 - Fair', '1 - Weak']);
    const sheet = fillTemplate(t, { '2.4.1.b': { rating: '3 - Good' }, '2.4.2.a': { value: 75 }, '2.4.2.b': { value: 59.5 } });
    const { results } = score(sheet);
    expect(results['2.4.1.b']!.status).toBe('met');
    expect(results['2.4.1.b']!.values.rating).toBe(3);
    expect(results['2.4.2.a']!.status).toBe('met');
    expect(results['2.4.2.b']!.status).toBe('unmet');
  });
});

describe('round trip: template → filled by code → mapped → scored', () => {
  test('a city template filled with met values scores 57 / 57 met, read by id and field key', () => {
    const t = buildTemplate(criteria, { city: 'Hà Nội', year: 2024, department: undefined });
    const sheet = fillTemplate(t, metValues(), 'Phụ lục');
    const { mapping, results } = score(sheet);
    expect(mapping.layout).toBe('template');
    expect(mapping.unplaced).toEqual([]);
    expect(mapping.header).toMatchObject({ city: 'Hà Nội', year: '2024' });
    for (const id of t.indicators) {
      expect(mapping.placements[id]!.method).toBe('template-id');
      expect(mapping.placements[id]!.statusCell).toBe(t.statusCells[id]);
      expect(results[id]!.status).toBe('met');
    }
    // The value cells are the ones the template reported.
    expect(results['2.1.1.a']!.cells).toEqual(['male', 'female', 'total', 'rate'].map((k) => t.valueCells['2.1.1.a']![k]));
  });

  test('the statuses a department would expect come out of a filled city template', () => {
    const t = buildTemplate(criteria);
    const values = metValues();
    values['1.1.1.a'] = { value: 94.99 }; // just short of ≥ 95
    values['1.3.2.e'] = { value: null as unknown as number }; // left blank
    values['2.1.1.a'] = { male: 1250, female: 1300, total: 2500, rate: 96 }; // Nam + Nữ ≠ Tổng
    values['1.3.1.c'] = { 'trend@previous': 120, 'trend@current': 100 }; // emissions fall: computed, not typed
    values['1.2.4.b'] = { trend: 'Tăng', 'trend@previous': 10, 'trend@current': 8 }; // typed against the figures
    values['1.3.2.d'] = { 'trend@previous': '1.250', 'trend@current': '1.100' }; // public transport falls: unmet
    values['2.6.1.a'] = { rating: '2 - Khá' };
    values['3.1.1.a'] = { rating: '3 - Tốt' };
    values['1.1.3.a'] = { value: 'chưa có' };
    const sheet = fillTemplate(t, values);
    const { results } = score(sheet);
    expect(results['1.1.1.a']!.status).toBe('unmet');
    expect(results['1.1.1.a']!.reason.vi).toContain('94,99%');
    expect(results['1.3.2.e']!.status).toBe('missing');
    expect(results['1.1.3.a']!.status).toBe('missing');
    expect(results['2.1.1.a']!.status).toBe('invalid');
    expect(results['2.1.1.a']!.issues[0]!.code).toBe('sum-mismatch');
    expect(results['1.3.1.c']!.status).toBe('met');
    expect(results['1.3.1.c']!.values.trend).toBe('Giảm');
    expect(results['1.2.4.b']!.status).toBe('invalid');
    expect(results['1.2.4.b']!.issues[0]!.code).toBe('trend-contradiction');
    expect(results['1.3.2.d']!.status).toBe('unmet');
    expect(results['2.6.1.a']!.status).toBe('unmet');
    expect(results['3.1.1.a']!.status).toBe('met');
    expect(results['3.1.1.a']!.values.rating).toBe(3);
    const met = Object.values(results).filter((r) => r.status === 'met').length;
    expect(met).toBe(57 - 7);
  });

  test('a department template: its rows scored, every other indicator missing as unmapped', () => {
    const t = buildTemplate(criteria, { department: 'Sở Y tế', city: 'Hà Nội', year: 2024, contact: 'Trần Thị B, 024 3825 1234' });
    const sheet = fillTemplate(t, { '1.3.2.e': { value: 100 }, '1.3.2.f': { value: '100%' } }, 'Sở Y tế');
    const { mapping, results } = score(sheet);
    expect(mapping.header).toMatchObject({ department: 'Sở Y tế', city: 'Hà Nội', contact: 'Trần Thị B, 024 3825 1234' });
    expect(results['1.3.2.e']!.status).toBe('met');
    expect(results['1.3.2.f']!.status).toBe('met');
    expect(results['1.3.2.e']!.responsible).toBe('Sở Y tế');
    for (const [id, r] of Object.entries(results)) {
      if (id === '1.3.2.e' || id === '1.3.2.f') continue;
      expect(r.status).toBe('missing');
      expect(r.issues[0]!.code).toBe('unmapped');
    }
  });

  test('a labour-department template reads its multi-field indicators back', () => {
    const t = buildTemplate(criteria, { department: 'Sở LĐTBXH' });
    const sheet = fillTemplate(t, {
      '1.1.3.b': { value: 48 },
      '1.2.1.b': { poor: 2.5, near_poor: 3 },
      '1.2.2.a': { male: 2.1, female: 2.9, total: 2.5 },
      '2.3.1.a': { trained: 85, women: '52,5' },
      '2.3.2.a': { state: 12, private: 0 },
      '2.3.3.a': { value: 2.8 },
      '2.3.3.b': { value: 55 },
    });
    const { results } = score(sheet);
    expect(LDTBXH.map((id) => results[id]!.status)).toEqual(['met', 'met', 'met', 'met', 'unmet', 'met', 'met']);
    expect(results['2.3.1.a']!.values).toEqual({ trained: 85, women: 52.5 });
    expect(results['1.1.1.a']!.status).toBe('missing');
  });
});
