/**
 * The mapper on generated appendix sheets (every layout variation of the seed appendix and some
 * combinations), on the project's own template, with saved mappings, duplicates and one
 * department's return. Each mapping is compared cell by cell with what the fixture builder
 * reports, then read and scored.
 */
import { CriteriaSet, listIndicators } from '../../src/core/criteria';
import { CURRENT_SUFFIX, PREVIOUS_SUFFIX, TEMPLATE_COLUMNS, TEMPLATE_HEADER, TEMPLATE_MARKER } from '../../src/core/layout';
import { LOW_CONFIDENCE, Mapping, findAppendixSheet, mapSheet, parseSavedMapping, readEntries, saveMapping } from '../../src/core/mapping';
import { CellContent } from '../../src/core/read';
import { IndicatorResult, scoreAll } from '../../src/core/score';
import { SheetSnapshot, toA1 } from '../../src/core/snapshot';
import { partyKey } from '../../src/core/parties';
import { AppendixVariant, BuiltAppendix, FixtureValues, buildAppendix, buildAppendixSheet, expectedCells, sampleValues, withValue } from '../../src/testing/appendix';
import { loadCriteria } from './helpers';

let criteria: CriteriaSet;
let values: FixtureValues;
let allIds: string[];

beforeAll(() => {
  criteria = loadCriteria();
  values = sampleValues(criteria);
  allIds = listIndicators(criteria).map((p) => p.indicator.id);
});

/** The mapping agrees with the builder: same rows, same cells, same responsible party; the rest unplaced. */
function expectExactMapping(built: BuiltAppendix, mapping: Mapping): void {
  const expectedIds = Object.keys(built.expected).sort();
  expect(mapping.conflicts).toEqual([]);
  expect(Object.keys(mapping.placements).sort()).toEqual(expectedIds);
  expect([...mapping.unplaced].sort()).toEqual(allIds.filter((id) => !built.expected[id]).sort());
  for (const id of expectedIds) {
    const want = built.expected[id]!;
    const got = mapping.placements[id]!;
    expect({ id, row: got.row, fields: { ...got.fields } }).toEqual({ id, row: want.row, fields: want.fields });
    expect(got.responsible).toEqual(want.responsible);
    if (want.responsibleCell) expect(got.responsibleCell).toBe(want.responsibleCell);
    expect(got.confidence).toBeGreaterThanOrEqual(LOW_CONFIDENCE);
    expect(got.confidence).toBeLessThanOrEqual(1);
  }
}

function score(sheet: SheetSnapshot, mapping: Mapping): IndicatorResult[] {
  return scoreAll(criteria, readEntries(sheet, mapping, criteria));
}

function statuses(results: IndicatorResult[]): Record<string, string> {
  return Object.fromEntries(results.map((r) => [r.id, r.status]));
}

const VARIANTS: Array<[string, AppendixVariant]> = [
  ['the seed layout', {}],
  ['columns in another order, with STT and Ghi chú', { columnOrder: ['stt', 'indicator', 'criterion', 'standard', 'data', 'responsible', 'note'] }],
  ['varied header words', { headerWords: 'varied' }],
  ['sub-fields in extra columns', { subFields: 'columns' }],
  ['units inside the values', { units: 'inline' }],
  ['values typed inside the label cells', { labelInline: true }],
  ['decomposed Unicode (NFD)', { nfd: true }],
  ['blank separator rows', { blankRows: true }],
  ['codes without the trailing dot', { trailingDot: false }],
  ['abbreviated indicator texts', { abbreviate: true }],
  ['texts broken over lines in their cells', { lineBreaks: true }],
  ['indicator texts broken over rows', { lineBreaks: 'rows' }],
  ['ratings and trends marked with an x', { ratingStyle: 'mark', trendStyle: 'mark' }],
  ['a rating marked with an x', { ratingStyle: 'mark' }],
  ['a trend marked with an x', { trendStyle: 'mark' }],
  ['no title rows', { titleRows: false }],
  ['no merged cells', { merges: false }],
  ['a table that does not start at A1', { origin: { row: 4, col: 2 } }],
  ['no header row at all', { noHeader: true }],
  ['no criterion or standard column', { columnOrder: ['indicator', 'responsible', 'data'] }],
  ['the data column before the indicator column', { columnOrder: ['stt', 'data', 'indicator', 'criterion', 'responsible', 'standard'] }],
  ['no responsible column', { columnOrder: ['standard', 'criterion', 'indicator', 'data'] }],
  ['only the indicator and data columns', { columnOrder: ['indicator', 'data'], merges: false }],
  // Combinations.
  ['columns + inline units + labels typed over + NFD', { subFields: 'columns', units: 'inline', labelInline: true, nfd: true }],
  ['no merges + blank rows + abbreviated + no titles + varied words', { merges: false, blankRows: true, abbreviate: true, titleRows: false, headerWords: 'varied' }],
  ['reordered + marks + no trailing dots + line breaks', { columnOrder: ['stt', 'standard', 'criterion', 'indicator', 'data', 'responsible', 'note'], ratingStyle: 'mark', trendStyle: 'mark', trailingDot: false, lineBreaks: true }],
  ['everything at once', {
    merges: false,
    subFields: 'columns',
    units: 'inline',
    labelInline: true,
    nfd: true,
    blankRows: true,
    abbreviate: true,
    lineBreaks: true,
    titleRows: false,
    headerWords: 'varied',
    columnOrder: ['stt', 'standard', 'criterion', 'indicator', 'data', 'responsible', 'note'],
    ratingStyle: 'mark',
    trendStyle: 'mark',
    trailingDot: false,
    origin: { row: 2, col: 1 },
  }],
  ['rows broken PDF-style without merges, columns mode', { lineBreaks: 'rows', merges: false, subFields: 'columns', blankRows: true }],
];

describe('mapSheet on the appendix layout', () => {
  test.each(VARIANTS)('%s: every indicator mapped to the cells it was typed in, and all 57 met', (_name, variant) => {
    const built = buildAppendix(criteria, values, variant);
    const mapping = mapSheet(built.sheet, criteria);
    expect(mapping.layout).toBe('appendix');
    expect(mapping.sheet).toBe('Phụ lục');
    expect(mapping.criteriaId).toBe(criteria.id);
    expect(mapping.criteriaVersion).toBe(criteria.version);
    expectExactMapping(built, mapping);
    const results = score(built.sheet, mapping);
    const notMet = results.filter((r) => r.status !== 'met').map((r) => `${r.id}: ${r.status} ${r.reason.en}`);
    expect(notMet).toEqual([]);
    expect(results).toHaveLength(57);
  });

  test('the seed layout is matched by code and order, with full confidence', () => {
    const mapping = mapSheet(buildAppendixSheet(criteria, values), criteria);
    for (const p of Object.values(mapping.placements)) {
      expect(p.method).toBe('code-order');
      expect(p.confidence).toBe(1);
    }
  });

  test('a choice printed across cells maps to every cell of the printed block, in reading order', () => {
    const built = buildAppendix(criteria, values);
    const mapping = mapSheet(built.sheet, criteria);
    const rating = mapping.placements['2.4.1.b']!;
    const row = built.expected['2.4.1.b']!.row;
    const [label, value, unit] = built.dataColumns as [number, number, number];
    expect(rating.fields.rating).toEqual([0, 1, 2, 3, 4].flatMap((i) => [toA1(row + i, label), toA1(row + i, value), toA1(row + i, unit)]));
    const entries = readEntries(built.sheet, mapping, criteria);
    const field = entries.get('2.4.1.b')!.fields.rating!;
    expect(field.reading).toEqual({ status: 'value', value: 4 });
    expect(field.raw).toBe(4);
    const trend = entries.get('1.3.1.c')!.fields.trend!;
    expect(trend.reading).toEqual({ status: 'value', value: 'decrease' });
    expect(trend.raw).toBe('Giảm');
  });

  test('the typed values reach the reader as typed (raw) and read as numbers', () => {
    const built = buildAppendix(criteria, values, { labelInline: true, units: 'inline' });
    const entries = readEntries(built.sheet, mapSheet(built.sheet, criteria), criteria);
    const male = entries.get('2.1.1.a')!.fields.male!;
    expect(male.cells).toEqual(built.expected['2.1.1.a']!.fields.male);
    expect(String(male.raw)).toMatch(/^Nam: /);
    expect(male.reading.status).toBe('value');
    expect(entries.get('2.1.1.a')!.responsible).toBe('Sở Giáo dục và Đào tạo');
  });
});

describe('values that are blank, unreadable or unmet', () => {
  function withValues(): FixtureValues {
    let v = values;
    v = withValue(v, '1.1.1.a', 'value', '#DIV/0!');
    v = withValue(v, '1.1.1.b', 'value', null);
    v = withValue(v, '1.2.1.a', 'value', 140);
    v = withValue(v, '2.1.1.a', 'rate', null);
    v = withValue(v, '2.1.2.a', 'entry_male', 1000);
    v = withValue(v, '2.1.2.a', 'entry_female', 500);
    v = withValue(v, '2.1.2.a', 'entry_total', 1600);
    v = withValue(v, '1.3.1.c', 'trend', 'Tăng');
    v = withValue(v, '1.2.4.b', 'trend', null);
    v = withValue(v, '2.4.1.b', 'rating', 2);
    v = withValue(v, '2.6.1.a', 'rating', null);
    v = withValue(v, '2.2.2.a', 'value', 'chưa có số liệu');
    v = withValue(v, '2.3.2.a', 'private', 'abc');
    return v;
  }
  const WANT: Record<string, string> = {
    '1.1.1.a': 'invalid',
    '1.1.1.b': 'missing',
    '1.2.1.a': 'unmet',
    '2.1.1.a': 'missing',
    '2.1.2.a': 'invalid',
    '1.3.1.c': 'unmet',
    '1.2.4.b': 'missing',
    '2.4.1.b': 'unmet',
    '2.6.1.a': 'missing',
    '2.2.2.a': 'missing',
    '2.3.2.a': 'invalid',
  };
  test.each(VARIANTS.filter(([, v]) => !v.noHeader || true))('%s: statuses follow the values', (_name, variant) => {
    const built = buildAppendix(criteria, withValues(), variant);
    const mapping = mapSheet(built.sheet, criteria);
    expectExactMapping(built, mapping);
    const got = statuses(score(built.sheet, mapping));
    for (const id of allIds) expect(`${id} ${got[id]}`).toBe(`${id} ${WANT[id] ?? 'met'}`);
  });

  test('issues point at the mapped cells', () => {
    const built = buildAppendix(criteria, withValues());
    const results = score(built.sheet, mapSheet(built.sheet, criteria));
    const byId = new Map(results.map((r) => [r.id, r]));
    const error = byId.get('1.1.1.a')!;
    expect(error.issues[0]).toMatchObject({ code: 'error-value', cell: built.expected['1.1.1.a']!.valueCells.value });
    expect(error.values.value).toBe('#DIV/0!');
    expect(byId.get('1.1.1.b')!.issues[0]).toMatchObject({ code: 'blank', cell: built.expected['1.1.1.b']!.valueCells.value });
    expect(byId.get('2.2.2.a')!.issues[0]).toMatchObject({ code: 'no-data' });
    expect(byId.get('2.1.2.a')!.issues[0]).toMatchObject({ code: 'sum-mismatch', field: 'entry_total' });
  });

  test('a printed "Nam …… Trẻ" left unfilled is blank, not unreadable', () => {
    let v = withValue(values, '2.1.1.a', 'male', null);
    v = withValue(v, '2.1.1.a', 'female', null);
    v = withValue(v, '2.1.1.a', 'total', null);
    const built = buildAppendix(criteria, v, { labelInline: true });
    const mapping = mapSheet(built.sheet, criteria);
    expectExactMapping(built, mapping);
    const entry = readEntries(built.sheet, mapping, criteria).get('2.1.1.a')!;
    expect(entry.fields.male!.reading.status).toBe('missing');
    expect(statuses(score(built.sheet, mapping))['2.1.1.a']).toBe('met'); // the rate alone is scored
  });

  test('a trend with nothing marked is missing; two marks are invalid', () => {
    const built = buildAppendix(criteria, withValue(values, '1.3.2.b', 'trend', null), { trendStyle: 'mark' });
    const mapping = mapSheet(built.sheet, criteria);
    const results = new Map(score(built.sheet, mapping).map((r) => [r.id, r]));
    expect(results.get('1.3.2.b')!.status).toBe('missing');
    expect(results.get('1.3.2.b')!.issues[0]!.code).toBe('nothing-marked');
    // Mark both words.
    const cells = mapping.placements['1.3.2.b']!.fields.trend!;
    const sheet = setCells(built.sheet, { [cells[1]!]: { value: 'x' }, [cells[cells.length - 1]!]: { value: 'x' } });
    const again = new Map(score(sheet, mapSheet(sheet, criteria)).map((r) => [r.id, r]));
    expect(again.get('1.3.2.b')!.status).toBe('invalid');
  });
});

describe('one department’s return', () => {
  test('holds only that department’s rows: they are mapped, the rest unplaced, nothing in conflict', () => {
    const parties = [...new Set(listIndicators(criteria).map((p) => p.indicator.responsible))];
    expect(parties.length).toBeGreaterThan(5);
    for (const party of parties) {
      for (const variant of [{ onlyParty: party }, { onlyParty: party, merges: false, abbreviate: true, blankRows: true }] as AppendixVariant[]) {
        const built = buildAppendix(criteria, values, variant);
        const own = listIndicators(criteria).filter((p) => partyKey(p.indicator.responsible) === partyKey(party));
        expect(Object.keys(built.expected).sort()).toEqual(own.map((p) => p.indicator.id).sort());
        const mapping = mapSheet(built.sheet, criteria);
        expectExactMapping(built, mapping);
        const results = score(built.sheet, mapping);
        for (const r of results) {
          if (built.expected[r.id]) expect(`${r.id} ${r.status}`).toBe(`${r.id} met`);
          else {
            expect(r.status).toBe('missing');
            expect(r.issues[0]!.code).toBe('unmapped');
          }
        }
      }
    }
  });

  test('the responsible party is read as the department typed it', () => {
    const built = buildAppendix(criteria, values, { onlyParty: 'Sở Y tế' });
    const sheet = setCells(built.sheet, { [built.expected['1.3.2.e']!.responsibleCell!]: { value: '  Sở   Y tế\nHà Nội ' } });
    const mapping = mapSheet(sheet, criteria);
    expect(mapping.placements['1.3.2.e']!.responsible).toBe('Sở Y tế Hà Nội');
    expect(readEntries(sheet, mapping, criteria).get('1.3.2.e')!.responsible).toBe('Sở Y tế Hà Nội');
  });
});

/** A copy of a sheet with some cells replaced (addresses in sheet coordinates). */
function setCells(sheet: SheetSnapshot, cells: Record<string, CellContent | null>): SheetSnapshot {
  const copy: SheetSnapshot = { ...sheet, cells: sheet.cells.map((r) => r.slice()), merges: sheet.merges.slice() };
  for (const [address, content] of Object.entries(cells)) {
    const m = /^([A-Z]+)(\d+)$/.exec(address)!;
    let col = 0;
    for (const ch of m[1]!) col = col * 26 + ch.charCodeAt(0) - 64;
    const r = Number(m[2]) - 1 - sheet.origin.row;
    const c = col - 1 - sheet.origin.col;
    while (copy.cells.length <= r) copy.cells.push([]);
    const row = copy.cells[r]!;
    while (row.length <= c) row.push(null);
    row[c] = content;
  }
  return copy;
}

/** A copy of a sheet with rows [from..to] repeated right below themselves; merged areas follow. */
function duplicateRows(sheet: SheetSnapshot, from: number, to: number): SheetSnapshot {
  const n = to - from + 1;
  const i0 = from - sheet.origin.row;
  const cells = [...sheet.cells.slice(0, i0 + n), ...sheet.cells.slice(i0, i0 + n).map((r) => r.slice()), ...sheet.cells.slice(i0 + n)];
  const merges = [];
  for (const m of sheet.merges) {
    if (m.top > to) merges.push({ ...m, top: m.top + n, bottom: m.bottom + n });
    else if (m.top >= from && m.bottom <= to) merges.push({ ...m }, { ...m, top: m.top + n, bottom: m.bottom + n });
    else if (m.bottom >= from) merges.push({ ...m, bottom: m.bottom + n });
    else merges.push({ ...m });
  }
  return { ...sheet, cells, merges };
}

describe('an indicator on several rows', () => {
  test.each([
    ['merged', {}],
    ['not merged', { merges: false }],
  ] as Array<[string, AppendixVariant]>)('%s: a duplicated row is a conflict, never a guess', (_name, variant) => {
    const built = buildAppendix(criteria, values, variant);
    const exp = built.expected['1.1.1.a']!;
    const sheet = duplicateRows(built.sheet, exp.row, exp.rows[exp.rows.length - 1]!);
    const mapping = mapSheet(sheet, criteria);
    expect(mapping.conflicts).toEqual([{ id: '1.1.1.a', rows: [exp.row, exp.row + exp.rows.length] }]);
    expect(mapping.placements['1.1.1.a']).toBeUndefined();
    expect(mapping.unplaced).not.toContain('1.1.1.a');
    // Its neighbour is still found, one row lower.
    expect(mapping.placements['1.1.1.b']!.row).toBe(built.expected['1.1.1.b']!.row + exp.rows.length);
    expect(Object.keys(mapping.placements)).toHaveLength(56);

    const entries = readEntries(sheet, mapping, criteria);
    const entry = entries.get('1.1.1.a')!;
    expect(entry.mapped).toBe(false);
    expect(entry.mappingIssues).toHaveLength(1);
    expect(entry.mappingIssues![0]).toMatchObject({ code: 'duplicate-row', params: { rows: `${exp.row + 1}, ${exp.row + exp.rows.length + 1}` } });
    const result = scoreAll(criteria, entries).find((r) => r.id === '1.1.1.a')!;
    expect(result.status).toBe('missing');
    expect(result.issues.map((i) => i.code)).toEqual(['unmapped', 'duplicate-row']);
  });

  test('a multi-row indicator duplicated is a conflict too', () => {
    const built = buildAppendix(criteria, values);
    const exp = built.expected['2.1.2.a']!;
    const sheet = duplicateRows(built.sheet, exp.row, exp.rows[exp.rows.length - 1]!);
    const mapping = mapSheet(sheet, criteria);
    expect(mapping.conflicts.map((c) => c.id)).toEqual(['2.1.2.a']);
    expect(mapping.placements['2.1.2.b']!.fields.diploma_male).toEqual([
      built.expected['2.1.2.b']!.fields.diploma_male![0]!.replace(/\d+$/, (n) => String(Number(n) + exp.rows.length)),
    ]);
  });
});

describe('an unsure match', () => {
  test('a row whose text no longer matches is placed by code and order, flagged low-confidence', () => {
    const built = buildAppendix(criteria, values);
    const exp = built.expected['1.1.2.a']!;
    const indicatorCell = toA1(exp.row, 2);
    const sheet = setCells(built.sheet, { [indicatorCell]: { value: '(nội dung đã bị xóa)' } });
    const mapping = mapSheet(sheet, criteria);
    const p = mapping.placements['1.1.2.a']!;
    expect(p.row).toBe(exp.row);
    expect(p.method).toBe('code-order');
    expect(p.confidence).toBeLessThan(LOW_CONFIDENCE);
    expect(p.confidence).toBeGreaterThanOrEqual(0.5);
    const entry = readEntries(sheet, mapping, criteria).get('1.1.2.a')!;
    expect(entry.mapped).toBe(true);
    expect(entry.mappingIssues).toEqual([
      expect.objectContaining({ code: 'low-confidence', params: { confidence: Math.round(p.confidence * 100), row: exp.row + 1 } }),
    ]);
    const result = scoreAll(criteria, readEntries(sheet, mapping, criteria)).find((r) => r.id === '1.1.2.a')!;
    expect(result.status).toBe('met');
    expect(result.issues.map((i) => i.code)).toEqual(['low-confidence']);
  });

  test('a text that matches no indicator well enough is not placed', () => {
    const built = buildAppendix(criteria, values, { columnOrder: ['indicator', 'responsible', 'data'] });
    const exp = built.expected['2.5.3.a']!;
    const sheet = setCells(built.sheet, { [toA1(exp.row, 0)]: { value: 'Một chỉ số hoàn toàn khác của thành phố' } });
    const mapping = mapSheet(sheet, criteria);
    expect(mapping.placements['2.5.3.a']).toBeUndefined();
    expect(mapping.unplaced).toEqual(['2.5.3.a']);
  });
});

describe('saved mappings', () => {
  test('round trip through JSON', () => {
    const sheet = buildAppendixSheet(criteria, values, { trendStyle: 'mark' });
    const mapping = mapSheet(sheet, criteria);
    const saved = saveMapping(mapping);
    expect(saved.version).toBe(1);
    expect(saved.criteriaId).toBe(criteria.id);
    expect(saved.sheet).toBe('Phụ lục');
    expect(Object.keys(saved.placements)).toHaveLength(57);
    const json = JSON.parse(JSON.stringify(saved)) as unknown;
    const parsed = parseSavedMapping(json);
    expect(parsed).not.toBeNull();
    expect(parsed).toEqual(JSON.parse(JSON.stringify(saved)));
    const again = mapSheet(sheet, criteria, parsed!);
    expect(Object.values(again.placements).every((p) => p.method === 'saved' && p.confidence === 1)).toBe(true);
    const strip = (m: Mapping) => Object.fromEntries(Object.entries(m.placements).map(([id, p]) => [id, { row: p.row, fields: { ...p.fields }, trendPairs: p.trendPairs }]));
    expect(strip(again)).toEqual(strip(mapping));
    expect(readEntries(sheet, again, criteria)).toEqual(readEntries(sheet, mapping, criteria));
    // A placement edited by hand stays "manual".
    const manual = parseSavedMapping({ ...saved, placements: { '1.1.1.a': { ...saved.placements['1.1.1.a']!, method: 'manual' } } })!;
    expect(mapSheet(sheet, criteria, manual).placements['1.1.1.a']!.method).toBe('manual');
  });

  test('a saved placement is used for its id (method saved, confidence 1); the rest are mapped automatically', () => {
    const built = buildAppendix(criteria, values);
    const exp = built.expected['1.1.1.a']!;
    // The department blanked the indicator's text and criterion: the automatic match cannot find it.
    const sheet = setCells(built.sheet, { [toA1(exp.row, 2)]: { value: 'Chỉ số A' }, [toA1(exp.row, 1)]: { value: 'Tiêu chí' } });
    const auto = mapSheet(sheet, criteria);
    expect(auto.placements['1.1.1.a']).toBeUndefined();
    const saved = { version: 1 as const, criteriaId: criteria.id, sheet: 'Phụ lục', placements: { '1.1.1.a': { row: exp.row, fields: { value: exp.fields.value! } } } };
    const mapping = mapSheet(sheet, criteria, saved);
    expect(mapping.placements['1.1.1.a']).toMatchObject({ id: '1.1.1.a', row: exp.row, method: 'saved', confidence: 1, fields: { value: exp.fields.value } });
    expect(mapping.unplaced).not.toContain('1.1.1.a');
    expect(Object.keys(mapping.placements)).toHaveLength(Object.keys(auto.placements).length + 1);
    expect(statuses(score(sheet, mapping))['1.1.1.a']).toBe('met');
  });

  test('a saved placement overrides an automatic one and frees the cells it claims', () => {
    const built = buildAppendix(criteria, values);
    const a = built.expected['1.1.1.a']!;
    const b = built.expected['1.1.1.b']!;
    const saved = { version: 1 as const, criteriaId: criteria.id, sheet: 'Phụ lục', placements: { '1.1.1.a': { row: b.row, fields: { value: b.fields.value! } } } };
    const mapping = mapSheet(built.sheet, criteria, saved);
    expect(mapping.placements['1.1.1.a']!.fields.value).toEqual(b.fields.value);
    expect(mapping.placements['1.1.1.b']).toBeUndefined();
    expect(mapping.unplaced).toContain('1.1.1.b');
    expect(a.row).not.toBe(b.row);
  });

  test('a saved mapping for another criteria set or another sheet is ignored', () => {
    const built = buildAppendix(criteria, values);
    const cells = built.expected['1.1.1.b']!.fields.value!;
    for (const saved of [
      { version: 1 as const, criteriaId: 'other-set', sheet: 'Phụ lục', placements: { '1.1.1.a': { row: 0, fields: { value: cells } } } },
      { version: 1 as const, criteriaId: criteria.id, sheet: 'Sheet9', placements: { '1.1.1.a': { row: 0, fields: { value: cells } } } },
    ]) {
      const mapping = mapSheet(built.sheet, criteria, saved);
      expect(mapping.placements['1.1.1.a']!.method).toBe('code-order');
      expect(mapping.placements['1.1.1.a']!.fields.value).toEqual(built.expected['1.1.1.a']!.fields.value);
    }
  });

  const good = () => ({ version: 1, criteriaId: 'gnlc-vn-2019', sheet: 'Phụ lục', placements: { '1.1.1.a': { row: 7, fields: { value: ['F8'] }, method: 'manual' } } });

  test('a well-formed saved mapping parses, addresses normalised', () => {
    const data = good();
    data.placements['1.1.1.a'].fields.value = ['$f$8'];
    expect(parseSavedMapping(data)).toEqual({ ...good(), placements: { '1.1.1.a': { row: 7, fields: { value: ['F8'] }, method: 'manual' } } });
    const withPairs = { ...good(), placements: { '1.2.4.b': { row: 3, fields: { trend: ['B2'] }, trendPairs: { trend: { previous: 'C2', current: 'D2' } } } } };
    expect(parseSavedMapping(withPairs)!.placements['1.2.4.b']!.trendPairs).toEqual({ trend: { previous: 'C2', current: 'D2' } });
  });

  test.each([
    ['null', null],
    ['a string', 'mapping'],
    ['an array', []],
    ['an empty object', {}],
    ['another version', { ...good(), version: 2 }],
    ['no criteria id', { ...good(), criteriaId: '' }],
    ['placements as an array', { ...good(), placements: [] }],
    ['a bad id', { ...good(), placements: { 'not-an-id': { row: 1, fields: { value: ['A1'] } } } }],
    ['a bad address', { ...good(), placements: { '1.1.1.a': { row: 1, fields: { value: ['ZZZZ1'] } } } }],
    ['an address that is not a string', { ...good(), placements: { '1.1.1.a': { row: 1, fields: { value: [7] } } } }],
    ['no cells', { ...good(), placements: { '1.1.1.a': { row: 1, fields: { value: [] } } } }],
    ['a negative row', { ...good(), placements: { '1.1.1.a': { row: -1, fields: { value: ['A1'] } } } }],
    ['a fractional row', { ...good(), placements: { '1.1.1.a': { row: 1.5, fields: { value: ['A1'] } } } }],
    ['an unknown method', { ...good(), placements: { '1.1.1.a': { row: 1, fields: { value: ['A1'] }, method: 'guess' } } }],
    ['an extra key', { ...good(), extra: true }],
    ['an extra placement key', { ...good(), placements: { '1.1.1.a': { row: 1, fields: { value: ['A1'] }, confidence: 0.1 } } }],
    ['a bad field key', { ...good(), placements: { '1.1.1.a': { row: 1, fields: { 'Bad Key': ['A1'] } } } }],
  ])('%s → null', (_name, data) => {
    expect(parseSavedMapping(data)).toBeNull();
  });

  test.each([
    ['a "__proto__" placement', '{"version":1,"criteriaId":"gnlc-vn-2019","sheet":"Phụ lục","placements":{"__proto__":{"row":1,"fields":{"value":["A1"]}}}}'],
    ['a "__proto__" field', '{"version":1,"criteriaId":"gnlc-vn-2019","sheet":"Phụ lục","placements":{"1.1.1.a":{"row":1,"fields":{"__proto__":["A1"]}}}}'],
    ['a "constructor" field', '{"version":1,"criteriaId":"gnlc-vn-2019","sheet":"Phụ lục","placements":{"1.1.1.a":{"row":1,"fields":{"constructor":["A1"]}}}}'],
    ['a "__proto__" at the top', '{"__proto__":{"polluted":true},"version":1,"criteriaId":"gnlc-vn-2019","sheet":"Phụ lục","placements":{}}'],
    ['a "prototype" trend pair', '{"version":1,"criteriaId":"gnlc-vn-2019","sheet":"Phụ lục","placements":{"1.1.1.a":{"row":1,"fields":{"value":["A1"]},"trendPairs":{"prototype":{"previous":"A1"}}}}}'],
  ])('hostile JSON with %s → null, and nothing polluted', (_name, text) => {
    const data = JSON.parse(text) as unknown;
    expect(parseSavedMapping(data)).toBeNull();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).row).toBeUndefined();
    // Given straight to mapSheet, it is ignored.
    const built = buildAppendix(criteria, values, { onlyParty: 'Sở Y tế' });
    expectExactMapping(built, mapSheet(built.sheet, criteria, data as never));
  });

  test('a deeply nested or huge value does not throw', () => {
    let deep: unknown = {};
    for (let i = 0; i < 10000; i++) deep = { placements: deep };
    expect(parseSavedMapping(deep)).toBeNull();
    const many: Record<string, unknown> = {};
    for (let i = 0; i < 1500; i++) many[`1.1.${i}.a`] = { row: 1, fields: { value: ['A1'] } };
    expect(parseSavedMapping({ ...good(), placements: many })).toBeNull();
  });
});

describe('the project template', () => {
  const W = TEMPLATE_COLUMNS.length;
  const col = (key: (typeof TEMPLATE_COLUMNS)[number]['key']) => TEMPLATE_COLUMNS.findIndex((c) => c.key === key);

  /** A tiny template, built by hand: marker, header block, table header, one row per field. */
  function template(rows: Array<[string, string, CellContent['value']]>, extra: { marker?: boolean; responsible?: Record<string, string> } = {}): SheetSnapshot {
    const cells: Array<Array<CellContent | null>> = [];
    const line = (values: Record<number, CellContent['value']>) => {
      const row: Array<CellContent | null> = Array.from({ length: W }, () => null);
      for (const [c, v] of Object.entries(values)) row[Number(c)] = v === null ? null : { value: v };
      cells.push(row);
    };
    if (extra.marker !== false) line({ 0: TEMPLATE_MARKER });
    line({ 0: TEMPLATE_HEADER[0].vi, 1: 'Hà Nội' });
    line({ 0: TEMPLATE_HEADER[1].vi, 1: 2024 });
    line({ 0: TEMPLATE_HEADER[2].vi, 1: 'Sở Y tế' });
    line({ 0: TEMPLATE_HEADER[3].vi, 1: 'Nguyễn Văn A, 0912 345 678' });
    line({});
    line(Object.fromEntries(TEMPLATE_COLUMNS.map((c, i) => [i, c.vi])));
    for (const [id, key, value] of rows) {
      const responsible = extra.responsible?.[id] ?? listIndicators(criteria).find((p) => p.indicator.id === id)?.indicator.responsible ?? '';
      line({ [col('id')]: id, [col('indicator')]: 'xem phụ lục', [col('responsible')]: responsible, [col('field')]: key, [col('value')]: value, [col('fieldKey')]: key });
    }
    return { name: 'Mẫu nhập liệu', origin: { row: 0, col: 0 }, cells, merges: [] };
  }

  const ROWS: Array<[string, string, CellContent['value']]> = [
    ['1.3.2.e', 'value', 100],
    ['1.3.2.f', 'value', '95%'],
    ['1.2.2.a', 'male', 2.1],
    ['1.2.2.a', 'female', 2.9],
    ['1.2.2.a', 'total', 2.5],
    ['1.2.4.b', 'trend', 'Tăng'],
    ['1.2.4.b', 'trend' + PREVIOUS_SUFFIX, 120],
    ['1.2.4.b', 'trend' + CURRENT_SUFFIX, 135],
    ['2.4.1.b', 'rating', '4 Rất tốt'],
  ];
  const FIRST = 7; // 0-based row of the first table row

  test('is matched exactly by indicator id and field key', () => {
    const sheet = template(ROWS);
    const mapping = mapSheet(sheet, criteria);
    expect(mapping.layout).toBe('template');
    expect(mapping.sheet).toBe('Mẫu nhập liệu');
    expect(mapping.header).toEqual({ city: 'Hà Nội', year: '2024', department: 'Sở Y tế', contact: 'Nguyễn Văn A, 0912 345 678' });
    expect(Object.keys(mapping.placements).sort()).toEqual(['1.2.2.a', '1.2.4.b', '1.3.2.e', '1.3.2.f', '2.4.1.b']);
    expect(mapping.unplaced).toHaveLength(52);
    expect(mapping.conflicts).toEqual([]);
    const V = col('value');
    const p = mapping.placements;
    for (const placement of Object.values(p)) {
      expect(placement.method).toBe('template-id');
      expect(placement.confidence).toBe(1);
    }
    expect(p['1.3.2.e']).toMatchObject({ row: FIRST, fields: { value: [toA1(FIRST, V)] }, statusCell: toA1(FIRST, col('status')), responsible: 'Sở Y tế', responsibleCell: toA1(FIRST, col('responsible')) });
    expect({ ...p['1.2.2.a']!.fields }).toEqual({ male: [toA1(FIRST + 2, V)], female: [toA1(FIRST + 3, V)], total: [toA1(FIRST + 4, V)] });
    expect(p['1.2.4.b']!.fields.trend).toEqual([toA1(FIRST + 5, V)]);
    expect(p['1.2.4.b']!.trendPairs).toEqual({ trend: { previous: toA1(FIRST + 6, V), current: toA1(FIRST + 7, V) } });

    const results = new Map(score(sheet, mapping).map((r) => [r.id, r]));
    expect(results.get('1.3.2.e')!.status).toBe('met');
    expect(results.get('1.3.2.f')!.status).toBe('unmet');
    expect(results.get('1.2.2.a')!.status).toBe('met');
    expect(results.get('1.2.4.b')!.status).toBe('met');
    expect(results.get('1.2.4.b')!.cells).toEqual([toA1(FIRST + 5, V), toA1(FIRST + 6, V), toA1(FIRST + 7, V)]);
    expect(results.get('2.4.1.b')!.status).toBe('met');
    expect(results.get('1.1.1.a')!.status).toBe('missing');
  });

  test('trend pairs are read: a typed trend that contradicts the figures is invalid', () => {
    const rows = ROWS.map((r): [string, string, CellContent['value']] => (r[1] === 'trend' ? [r[0], r[1], 'Giảm'] : r));
    const sheet = template(rows);
    const result = score(sheet, mapSheet(sheet, criteria)).find((r) => r.id === '1.2.4.b')!;
    expect(result.status).toBe('invalid');
    expect(result.issues[0]!.code).toBe('trend-contradiction');
  });

  test('is recognised by its header row without the marker, and rows may be in any order', () => {
    const sheet = template([...ROWS].reverse(), { marker: false });
    const mapping = mapSheet(sheet, criteria);
    expect(mapping.layout).toBe('template');
    expect(Object.keys(mapping.placements)).toHaveLength(5);
    expect(mapping.placements['1.3.2.e']!.fields.value).toEqual([toA1(FIRST - 1 + ROWS.length - 1, col('value'))]);
  });

  test('under the marker, a renamed value column is found at its place', () => {
    const sheet = template(ROWS);
    sheet.cells[6]![col('value')] = { value: 'Giá trị năm 2024' };
    const mapping = mapSheet(sheet, criteria);
    expect(mapping.layout).toBe('template');
    expect(mapping.placements['1.3.2.e']!.fields.value).toEqual([toA1(FIRST, col('value'))]);
  });

  test('a field key given twice for one id is a conflict', () => {
    const sheet = template([...ROWS, ['1.3.2.e', 'value', 98]]);
    const mapping = mapSheet(sheet, criteria);
    expect(mapping.conflicts).toEqual([{ id: '1.3.2.e', rows: [FIRST, FIRST + ROWS.length] }]);
    expect(mapping.placements['1.3.2.e']).toBeUndefined();
    const entry = readEntries(sheet, mapping, criteria).get('1.3.2.e')!;
    expect(entry.mapped).toBe(false);
    expect(entry.mappingIssues![0]!.code).toBe('duplicate-row');
  });

  test('unknown ids and field keys are ignored', () => {
    const sheet = template([...ROWS, ['9.9.9.z', 'value', 1], ['1.1.1.a', 'nonsense', 3]]);
    const mapping = mapSheet(sheet, criteria);
    expect(mapping.placements['1.1.1.a']).toMatchObject({ fields: {} });
    expect(Object.keys(mapping.placements).sort()).toEqual(['1.1.1.a', '1.2.2.a', '1.2.4.b', '1.3.2.e', '1.3.2.f', '2.4.1.b']);
    expect(score(sheet, mapping).find((r) => r.id === '1.1.1.a')!.issues[0]!.code).toBe('field-unmapped');
  });
});

describe('findAppendixSheet', () => {
  const blank: SheetSnapshot = { name: 'Sheet1', origin: { row: 0, col: 0 }, cells: [], merges: [] };
  const notes: SheetSnapshot = {
    name: 'Ghi chú',
    origin: { row: 0, col: 0 },
    cells: [[{ value: 'Báo cáo tháng 3' }], [{ value: 'Số liệu' }, { value: 12 }], [{ value: '1.1.1 là gì?' }]],
    merges: [],
  };

  test('picks the appendix among other sheets', () => {
    const appendix = buildAppendixSheet(criteria, values, { headerWords: 'varied' }, 'Số liệu 2024');
    const found = findAppendixSheet({ sheets: [blank, notes, appendix] }, criteria);
    expect(found?.sheet.name).toBe('Số liệu 2024');
    expect(found!.score).toBeGreaterThan(0);
  });

  test('finds a bare return with only the indicator and data columns', () => {
    const appendix = buildAppendixSheet(criteria, values, { columnOrder: ['indicator', 'data'], titleRows: false, onlyParty: 'Sở Y tế' }, 'Sheet2');
    expect(findAppendixSheet({ sheets: [blank, notes, appendix] }, criteria)?.sheet.name).toBe('Sheet2');
  });

  test('finds a header-less appendix by its criterion codes', () => {
    const appendix = buildAppendixSheet(criteria, values, { noHeader: true }, 'Data');
    expect(findAppendixSheet({ sheets: [notes, appendix] }, criteria)?.sheet.name).toBe('Data');
  });

  test('prefers a template', () => {
    const appendix = buildAppendixSheet(criteria, values);
    const tpl: SheetSnapshot = {
      name: 'Mẫu',
      origin: { row: 0, col: 0 },
      cells: [[{ value: TEMPLATE_MARKER }], TEMPLATE_COLUMNS.map((c) => ({ value: c.vi })), [{ value: '1.1.1.a' }, null, null, null, null, null, { value: 96 }, null, null, { value: 'value' }]],
      merges: [],
    };
    expect(findAppendixSheet({ sheets: [appendix, tpl] }, criteria)?.sheet.name).toBe('Mẫu');
  });

  test('null when no sheet plausibly is one', () => {
    expect(findAppendixSheet({ sheets: [] }, criteria)).toBeNull();
    expect(findAppendixSheet({ sheets: [blank, notes] }, criteria)).toBeNull();
    expect(findAppendixSheet({} as never, criteria)).toBeNull();
  });
});

describe('expectedCells', () => {
  test('agrees with buildAppendix', () => {
    expect(expectedCells(criteria, values, { subFields: 'columns' })).toEqual(buildAppendix(criteria, values, { subFields: 'columns' }).expected);
  });
});
