import { listIndicators } from '../../src/core/criteria';
import { Consolidation, ReturnInput, SourcedFieldEntry, buildMasterSheet, completenessTable, consolidate, fieldSource } from '../../src/core/consolidate';
import { TEMPLATE_COL } from '../../src/core/layout';
import { mapSheet, readEntries } from '../../src/core/mapping';
import { STATUS_FILL } from '../../src/core/plan';
import { IndicatorResult, scoreAll } from '../../src/core/score';
import { SheetSnapshot, parseA1 } from '../../src/core/snapshot';
import { buildTemplate } from '../../src/core/template';
import { buildAppendix } from '../../src/testing/appendix';
import { loadCriteria } from './helpers';
import { cellValue, fillTemplate, metTemplateValues, toSnapshot, typeInto } from './template-helpers';

const criteria = loadCriteria();
const all = listIndicators(criteria);
const met = metTemplateValues(criteria);
const idsOf = (party: string) => all.filter((p) => p.indicator.responsible === party).map((p) => p.indicator.id);
const pick = (ids: string[]) => Object.fromEntries(ids.map((id) => [id, met[id]!]));

function returnFrom(name: string, sheet: SheetSnapshot, department?: string): ReturnInput {
  const mapping = mapSheet(sheet, criteria);
  const entries = readEntries(sheet, mapping, criteria);
  const out: ReturnInput = { name, entries, mappedIds: Object.keys(mapping.placements) };
  if (mapping.header) out.header = mapping.header;
  if (department !== undefined) out.department = department;
  return out;
}

function byId(results: IndicatorResult[]): Record<string, IndicatorResult> {
  return Object.fromEntries(results.map((r) => [r.id, r]));
}

const GD = 'Sở Giáo dục và Đào tạo';
const LD = 'Sở Lao động - Thương binh và Xã hội';
const UB = 'UBND quận, huyện, thị xã';

/**
 * Six returns, as a coordinator receives them:
 * - Sở Y tế: its own template (1.3.2.e, 1.3.2.f = 100).
 * - Sở GD&ĐT: a city template, its header naming it by abbreviation; its 17 indicators, and also
 *   1.3.2.f = 98 (Sở Y tế's: the responsible department wins), 1.1.3.a = 60 (Sở Nội vụ's, who
 *   sent nothing), 2.1.3.a = 35.5.
 * - UBND cấp huyện: a city template; its 4 indicators, 1.1.3.a = 65 (a conflict between two
 *   returns neither of which is responsible: invalid), 2.1.3.a = "35,5%" (equal to 35.5: no conflict).
 * - Sở LĐTBXH: its template with the department left out of the header (inferred, flagged).
 * - Sở VH&TT: the seed's own appendix layout (not a template), department given by the user.
 * - Công an: its template, trends given as last year's and this year's figures.
 */
function sixReturns(): ReturnInput[] {
  const yte = fillTemplate(buildTemplate(criteria, { department: 'Sở Y tế', city: 'Hà Nội', year: 2024 }), { '1.3.2.e': { value: 100 }, '1.3.2.f': { value: 100 } });

  const gdTemplate = buildTemplate(criteria, { city: 'Hà Nội', year: 2024 });
  const gd = fillTemplate(gdTemplate, { ...pick(idsOf(GD)), '1.3.2.f': { value: 98 }, '1.1.3.a': { value: 60 }, '2.1.3.a': { value: 35.5 } });
  typeInto(gd, gdTemplate.headerCells.department, 'Sở GD&ĐT');

  const ubTemplate = buildTemplate(criteria, {});
  const ub = fillTemplate(ubTemplate, { ...pick(idsOf(UB)), '1.1.3.a': { value: 65 }, '2.1.3.a': { value: '35,5%' } });
  typeInto(ub, ubTemplate.headerCells.department, 'UBND cấp huyện');

  const ldTemplate = buildTemplate(criteria, { department: 'Sở LĐ-TB&XH' });
  const ld = fillTemplate(ldTemplate, pick(idsOf(LD)));
  typeInto(ld, ldTemplate.headerCells.department, null);

  const vh = buildAppendix(criteria, { '1.2.3.a': { value: '55,5%' }, '2.2.1.b': { value: 40 } }, { onlyParty: 'Sở Văn hóa và Thể thao' }, 'Phụ lục').sheet;

  const ca = fillTemplate(buildTemplate(criteria, { department: 'Công an TP' }), {
    '1.3.2.b': { 'trend@previous': 1250, 'trend@current': 1100 },
    '1.3.2.c': { trend: 'Giảm' },
    '1.3.2.d': { 'trend@previous': 12, 'trend@current': 15.5 },
  });

  return [
    returnFrom('Sở Y tế.xlsx', yte),
    returnFrom('Sở GD&ĐT.xlsx', gd),
    returnFrom('UBND huyện.xlsx', ub),
    returnFrom('LĐTBXH.xlsx', ld),
    returnFrom('VHTT (phụ lục).xlsx', vh, 'Sở VH&TT'),
    returnFrom('Công an.xlsx', ca),
  ];
}

describe('consolidating six departments\' returns', () => {
  let c: Consolidation;
  let results: Record<string, IndicatorResult>;
  beforeAll(() => {
    c = consolidate(criteria, sixReturns());
    results = byId(scoreAll(criteria, c.entries));
  });

  test('each return gets its department: from the header (any spelling), from the user, or inferred and flagged', () => {
    expect(c.returns.map((r) => [r.name, r.department, r.departmentSource, r.inferred])).toEqual([
      ['Sở Y tế.xlsx', 'Sở Y tế', 'header', false],
      ['Sở GD&ĐT.xlsx', GD, 'header', false],
      ['UBND huyện.xlsx', UB, 'header', false],
      ['LĐTBXH.xlsx', LD, 'inferred', true],
      ['VHTT (phụ lục).xlsx', 'Sở Văn hóa và Thể thao', 'given', false],
      ['Công an.xlsx', 'Công an Thành phố', 'header', false],
    ]);
    expect(c.returns.map((r) => r.indicators)).toEqual([2, 19, 6, 7, 2, 3]);
    // The city templates lay out all 57 indicators; department templates and the seed layout their own.
    expect(c.returns.map((r) => r.mapped)).toEqual([2, 57, 57, 7, 2, 3]);
    const inferred = c.issues.find((i) => i.code === 'department-inferred')!;
    expect(inferred.return).toBe('LĐTBXH.xlsx');
    expect(inferred.message.vi).toBe(`Báo cáo "LĐTBXH.xlsx" không ghi đơn vị báo cáo; đoán là ${LD} (phụ trách 7 / 7 chỉ số đã điền). Hãy xác nhận`);
  });

  test('a conflict with the responsible department: its value wins, both sources listed', () => {
    const conflict = c.conflicts.find((x) => x.id === '1.3.2.f')!;
    expect(conflict.resolved).toBe('responsible');
    expect(conflict.chosen).toBe('Sở Y tế.xlsx');
    expect(conflict.values.map((v) => [v.return, v.value, v.responsible])).toEqual([
      ['Sở Y tế.xlsx', 100, true],
      ['Sở GD&ĐT.xlsx', 98, false],
    ]);
    expect(conflict.values.every((v) => /^G\d+$/.test(v.cell))).toBe(true);
    expect(results['1.3.2.f']!.status).toBe('met');
    expect(results['1.3.2.f']!.values.value).toBe(100);
    expect(fieldSource(c.entries.get('1.3.2.f'), 'value')).toMatchObject({ return: 'Sở Y tế.xlsx', department: 'Sở Y tế' });
    // The reviewer sees the settled conflict among the indicator's notes.
    expect(results['1.3.2.f']!.issues.map((i) => i.message.vi).join(' ')).toContain('Dùng số liệu của đơn vị phụ trách (Sở Y tế, Sở Y tế.xlsx › G');
    const sources = c.sources['1.3.2.f']!;
    expect(sources.map((s) => [s.return, s.values.value, s.used])).toEqual([
      ['Sở Y tế.xlsx', 100, true],
      ['Sở GD&ĐT.xlsx', 98, false],
      ['UBND huyện.xlsx', null, false],
    ]);
  });

  test('a conflict between two returns, neither responsible: the indicator is invalid and the message names both', () => {
    const conflict = c.conflicts.find((x) => x.id === '1.1.3.a')!;
    expect(conflict.resolved).toBe('invalid');
    expect(conflict.values.map((v) => [v.return, v.value])).toEqual([
      ['Sở GD&ĐT.xlsx', 60],
      ['UBND huyện.xlsx', 65],
    ]);
    const r = results['1.1.3.a']!;
    expect(r.status).toBe('invalid');
    expect(r.reason.vi).toContain('Sở GD&ĐT.xlsx › G');
    expect(r.reason.vi).toContain('UBND huyện.xlsx › G');
    expect(r.reason.vi).toContain('= 60%');
    expect(r.reason.vi).toContain('= 65%');
    expect(r.reason.vi).toContain('Sở Nội vụ');
    expect(r.reason.en).toContain('None of them is the responsible party');
    expect(r.issues[0]!.code as string).toBe('conflict');
  });

  test('equal values typed differently are no conflict; a blank against a value is none either', () => {
    expect(c.conflicts.find((x) => x.id === '2.1.3.a')).toBeUndefined();
    expect(results['2.1.3.a']!.status).toBe('met');
    expect(c.sources['2.1.3.a']!.filter((s) => s.values.value !== null).map((s) => [s.return, s.values.value])).toEqual([
      ['Sở GD&ĐT.xlsx', 35.5],
      ['UBND huyện.xlsx', 35.5],
    ]);
    // The responsible department's own return is used where the others agree with it.
    expect(fieldSource(c.entries.get('2.1.3.a'), 'value')!.return).toBe('Sở GD&ĐT.xlsx');
    // Only the two real disagreements are conflicts, though three city templates overlap with blanks.
    expect(c.conflicts.map((x) => x.id).sort()).toEqual(['1.1.3.a', '1.3.2.f']);
  });

  test('a party that sent no return is named, and the completeness table shows who reported what', () => {
    expect(c.missingParties).toContain('Sở Nội vụ');
    expect(c.missingParties).not.toContain('Sở Y tế');
    expect(c.missingParties).not.toContain(LD);
    expect(c.missingParties).toEqual([
      'Sở Nội vụ',
      'Sở Kế hoạch và Đầu tư',
      'Sở Khoa học và Công nghệ',
      'Sở Tài nguyên và Môi trường',
      'Hội Khuyến học Hà Nội',
      'Sở Thông tin và Truyền thông',
      'Đánh giá của chuyên gia',
    ]);
    const row = (party: string) => c.completeness.find((r) => r.party === party)!;
    expect(row('Sở Y tế')).toMatchObject({ expected: 2, reported: 2, met: 2, returned: true, returns: ['Sở Y tế.xlsx'] });
    expect(row(GD)).toMatchObject({ expected: 17, reported: 17, met: 17, returned: true });
    expect(row(LD)).toMatchObject({ expected: 7, reported: 7, met: 7, returned: true, returns: ['LĐTBXH.xlsx'] });
    // Sở Nội vụ sent nothing; another return's figures for its 1.1.3.a conflict (invalid, so reported).
    expect(row('Sở Nội vụ')).toMatchObject({ expected: 2, reported: 1, met: 0, returned: false, notReported: ['2.1.4.a'] });
    expect(row('Sở Văn hóa và Thể thao')).toMatchObject({ expected: 2, reported: 2, met: 1, returned: true });
    expect(row('Công an Thành phố')).toMatchObject({ expected: 3, reported: 3, met: 3, returned: true });
    expect(c.completeness.reduce((n, r) => n + r.expected, 0)).toBe(57);
    expect(c.issues.filter((i) => i.code === 'no-return').map((i) => i.message.vi)).toContain('Sở Nội vụ chưa gửi báo cáo (2 chỉ số)');
    // The same table from any results (here: the consolidated ones scored by the caller).
    expect(completenessTable(criteria, Object.values(results), c)).toEqual(c.completeness);
  });

  test('a return typed in the seed\'s appendix layout is read and merged like a template', () => {
    expect(results['1.2.3.a']!.status).toBe('met');
    expect(results['1.2.3.a']!.values.value).toBe(55.5);
    expect(results['2.2.1.b']!.status).toBe('unmet');
    expect(fieldSource(c.entries.get('1.2.3.a'), 'value')).toMatchObject({ return: 'VHTT (phụ lục).xlsx', department: 'Sở Văn hóa và Thể thao' });
  });

  test('trend figures of two years travel with their sources and the trend is computed', () => {
    expect(results['1.3.2.b']!.status).toBe('met');
    expect(results['1.3.2.b']!.values.trend).toBe('Giảm');
    expect(results['1.3.2.d']!.values.trend).toBe('Tăng');
    expect(fieldSource(c.entries.get('1.3.2.b'), 'trend@previous')!.return).toBe('Công an.xlsx');
    const police = c.sources['1.3.2.b']!.find((s) => s.return === 'Công an.xlsx')!;
    expect(police).toMatchObject({ used: true, values: { 'trend@previous': 1250, 'trend@current': 1100, trend: null } });
    // The city templates that left the rows blank are listed, unused.
    expect(c.sources['1.3.2.b']!.filter((s) => !s.used).map((s) => s.return)).toEqual(['Sở GD&ĐT.xlsx', 'UBND huyện.xlsx']);
  });

  test('every consolidated field notes the return it comes from', () => {
    for (const [id, entry] of c.entries) {
      for (const fe of Object.values(entry.fields)) {
        if (!fe) continue;
        const source = (fe as SourcedFieldEntry).source;
        expect(source).toBeDefined();
        expect(c.returns.map((r) => r.name)).toContain(source.return);
        expect(c.sources[id]!.map((s) => s.return)).toContain(source.return);
      }
    }
  });

  test('the master sheet: the canonical layout, values filled, status text, each figure\'s source', () => {
    const list = scoreAll(criteria, c.entries);
    const master = buildMasterSheet(criteria, c, list, { lang: 'vi' });
    expect(master.indicators).toHaveLength(57);
    expect(cellValue(master, master.headerCells.city)).toBe('Hà Nội');
    expect(cellValue(master, master.headerCells.year)).toBe(2024);
    expect(cellValue(master, master.headerCells.department)).toBe('Tổng hợp từ 6 báo cáo');
    expect(String(master.rows[1]![0]!.value)).toMatch(/^Bảng tổng hợp số liệu — \d+ \/ 57 chỉ số đạt$/);
    const f = master.valueCells['1.3.2.f']!.value!;
    const row = parseA1(f)!.row;
    expect(cellValue(master, f)).toBe(100);
    expect(master.rows[row]![TEMPLATE_COL.value]!.fill).toBe(STATUS_FILL.met);
    expect(cellValue(master, master.statusCells['1.3.2.f']!)).toBe('✔ Đạt');
    const note = String(master.rows[row]![TEMPLATE_COL.note]!.value);
    expect(note).toMatch(/^Sở Y tế\.xlsx › G\d+ \(khác: Sở GD&ĐT\.xlsx › G\d+ = 98%\)$/);
    // The unsettled conflict is left blank for the coordinator, with both figures in the note.
    const a = master.valueCells['1.1.3.a']!.value!;
    expect(cellValue(master, a)).toBeNull();
    expect(String(master.rows[parseA1(a)!.row]![TEMPLATE_COL.note]!.value)).toMatch(/^Mâu thuẫn: Sở GD&ĐT\.xlsx › G\d+ = 60%; UBND huyện\.xlsx › G\d+ = 65% — cần thống nhất$/);
    expect(cellValue(master, master.statusCells['1.1.3.a']!)).toBe('⚠ Không hợp lệ');
    // Ratings are written as their list item, trends as their word.
    expect(cellValue(master, master.valueCells['2.6.1.a']!.rating!)).toBe('4 - Rất tốt');
    expect(cellValue(master, master.valueCells['1.3.2.c']!.trend!)).toBe('Giảm');
  });

  test('the master sheet reads back with the mapper and scores the same (the conflict left to settle)', () => {
    const list = scoreAll(criteria, c.entries);
    const master = buildMasterSheet(criteria, c, list, { lang: 'vi' });
    const sheet = toSnapshot(master);
    const mapping = mapSheet(sheet, criteria);
    expect(mapping.layout).toBe('template');
    const again = byId(scoreAll(criteria, readEntries(sheet, mapping, criteria)));
    for (const r of list) {
      if (r.id === '1.1.3.a') expect(again[r.id]!.status).toBe('missing');
      else expect([r.id, again[r.id]!.status]).toEqual([r.id, r.status]);
    }
  });
});

describe('consolidation rules, one at a time', () => {
  const yte = (value: number | string | null, dept = 'Sở Y tế') => {
    const t = buildTemplate(criteria, { department: dept });
    return fillTemplate(t, { '1.3.2.e': { value }, '1.3.2.f': { value: 100 } });
  };

  test('two returns of the responsible department that differ: invalid, naming both', () => {
    const c = consolidate(criteria, [returnFrom('Y tế lần 1.xlsx', yte(100)), returnFrom('Y tế lần 2.xlsx', yte(97))]);
    const conflict = c.conflicts.find((x) => x.id === '1.3.2.e')!;
    expect(conflict.resolved).toBe('invalid');
    expect(conflict.issue.code).toBe('conflict-responsible-returns');
    const r = byId(scoreAll(criteria, c.entries))['1.3.2.e']!;
    expect(r.status).toBe('invalid');
    expect(r.reason.vi).toContain('Y tế lần 1.xlsx');
    expect(r.reason.vi).toContain('Y tế lần 2.xlsx');
    expect(byId(scoreAll(criteria, c.entries))['1.3.2.f']!.status).toBe('met');
  });

  test('the user\'s department wins over the header; a blank in one return and a value in another is no conflict', () => {
    const c = consolidate(criteria, [returnFrom('a.xlsx', yte(null), 'Sở GD&ĐT'), returnFrom('b.xlsx', yte(100))]);
    expect(c.returns[0]).toMatchObject({ department: GD, departmentSource: 'given', inferred: false });
    expect(c.conflicts).toEqual([]);
    expect(fieldSource(c.entries.get('1.3.2.e'), 'value')!.return).toBe('b.xlsx');
    // 1.3.2.f agrees in both: the responsible department's return (b) is the source.
    expect(fieldSource(c.entries.get('1.3.2.f'), 'value')!.return).toBe('b.xlsx');
  });

  test('a "no data" phrase is a blank, not a value that conflicts', () => {
    const c = consolidate(criteria, [returnFrom('a.xlsx', yte('chưa có')), returnFrom('b.xlsx', yte(100), 'Sở GD&ĐT')]);
    expect(c.conflicts).toEqual([]);
    expect(byId(scoreAll(criteria, c.entries))['1.3.2.e']!.status).toBe('met');
  });

  test('an unreadable value against a number is a conflict the responsible return settles', () => {
    const other = fillTemplate(buildTemplate(criteria, {}), { '1.3.2.e': { value: 'khoảng 90' } });
    const c = consolidate(criteria, [returnFrom('Y tế.xlsx', yte(100)), returnFrom('Khác.xlsx', other, 'Sở Nội vụ')]);
    expect(c.conflicts).toHaveLength(1);
    expect(c.conflicts[0]!.values.map((v) => v.value)).toEqual([100, 'khoảng 90']);
    expect(c.conflicts[0]!.resolved).toBe('responsible');
  });

  test('an empty return without a header: no department, said so; its party still counts as missing', () => {
    const blank = toSnapshot(buildTemplate(criteria, {}));
    const c = consolidate(criteria, [returnFrom('trống.xlsx', blank)]);
    expect(c.returns[0]).toMatchObject({ department: '', inferred: false, departmentSource: 'none', indicators: 0 });
    expect(c.issues.map((i) => i.code)).toContain('return-empty');
    expect(c.missingParties).toHaveLength(13);
    expect(byId(scoreAll(criteria, c.entries))['1.1.1.a']!.status).toBe('missing');
  });

  test('a department is inferred from the rows a return filled, also in the seed\'s layout, and flagged for confirmation', () => {
    const seed = buildAppendix(criteria, { '1.2.3.a': { value: 52 }, '2.2.1.b': { value: 61 } }, { onlyParty: 'Sở Văn hóa và Thể thao' }).sheet;
    const mixed = fillTemplate(buildTemplate(criteria, {}), {
      '1.3.2.e': { value: 100 },
      '1.3.2.f': { value: 100 },
      '1.1.1.a': { value: 96 },
      '1.1.1.b': { value: 91 },
      '2.1.3.a': { value: 40 },
    });
    const c = consolidate(criteria, [returnFrom('văn hóa.xlsx', seed), returnFrom('hỗn hợp.xlsx', mixed)]);
    expect(c.returns.map((r) => [r.department, r.inferred, r.indicators])).toEqual([
      ['Sở Văn hóa và Thể thao', true, 2],
      [GD, true, 5],
    ]);
    expect(c.issues.filter((i) => i.code === 'department-inferred').map((i) => i.message.en)).toEqual([
      `The return "văn hóa.xlsx" names no reporting department; it looks like Sở Văn hóa và Thể thao's (responsible for 2 of the 2 indicators filled). Please confirm`,
      `The return "hỗn hợp.xlsx" names no reporting department; it looks like ${GD}'s (responsible for 3 of the 5 indicators filled). Please confirm`,
    ]);
    // Sở Y tế's figures came in the education department's return: used, but Sở Y tế has still sent nothing.
    expect(byId(scoreAll(criteria, c.entries))['1.3.2.e']!.status).toBe('met');
    expect(c.missingParties).toContain('Sở Y tế');
    expect(c.completeness.find((r) => r.party === 'Sở Y tế')).toMatchObject({ returned: false, reported: 2, met: 2 });
  });

  test('a department the criteria do not know is reported', () => {
    const c = consolidate(criteria, [returnFrom('ngoại vụ.xlsx', yte(100), 'Sở Ngoại vụ')]);
    expect(c.issues.find((i) => i.code === 'department-unknown')!.message.vi).toBe('Đơn vị "Sở Ngoại vụ" của báo cáo "ngoại vụ.xlsx" không phụ trách chỉ số nào trong bộ tiêu chí');
    expect(c.completeness.find((r) => r.party === 'Sở Ngoại vụ')).toMatchObject({ expected: 0, returned: true });
    expect(c.missingParties).toContain('Sở Y tế');
  });

  test('no returns at all: every indicator missing, every party missing', () => {
    const c = consolidate(criteria, []);
    expect(c.entries.size).toBe(0);
    expect(c.missingParties).toHaveLength(13);
    expect(c.completeness.every((r) => !r.returned && r.reported === 0)).toBe(true);
  });
});
