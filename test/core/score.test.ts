import fc from 'fast-check';
import { CriteriaSetInput, listIndicators, parseCriteria, parseCriteriaText } from '../../src/core/criteria';
import { makeIssue } from '../../src/core/issues';
import { canonicalParty } from '../../src/core/parties';
import { readField } from '../../src/core/read';
import { IndicatorEntry, scoreAll, scoreIndicator } from '../../src/core/score';
import { headline, summarise } from '../../src/core/summary';
import { entryFrom, indicatorById, loadCriteria } from './helpers';

const criteria = loadCriteria();
const literacy = indicatorById(criteria, '1.1.1.a');

describe('reasons a person can read', () => {
  test('unmet shows the value, the target and the gap, in Vietnamese and English', () => {
    const r = scoreIndicator(literacy, entryFrom(literacy, { value: '93,5%' }), criteria);
    expect(r.status).toBe('unmet');
    expect(r.reason.vi).toBe('93,5% — cần ≥ 95%, thiếu 1,5 điểm');
    expect(r.reason.en).toBe('93.5% — needs ≥ 95%, short by 1.5 points');
  });
  test('an upper bound tells by how much it is exceeded', () => {
    const housing = indicatorById(criteria, '1.3.2.a');
    expect(scoreIndicator(housing, entryFrom(housing, { value: 6.25 }), criteria).reason.vi).toBe('6,25% — cần ≤ 5%, vượt 1,25 điểm');
  });
  test('met names the target', () => {
    expect(scoreIndicator(literacy, entryFrom(literacy, { value: 96 }), criteria).reason.vi).toBe('96%: đạt mục tiêu ≥ 95%');
  });
  test('several conditions name their fields', () => {
    const i = indicatorById(criteria, '2.3.1.a');
    const r = scoreIndicator(i, entryFrom(i, { trained: 85, women: 42 }), criteria);
    expect(r.status).toBe('unmet');
    expect(r.reason.vi).toContain('42%');
    expect(r.reason.vi).toContain('thiếu 8 điểm');
    expect(r.reason.vi).not.toContain('85%'); // only the failing condition is explained
  });
  test('the gap is exact, not float noise', () => {
    expect(scoreIndicator(literacy, entryFrom(literacy, { value: 94.99 }), criteria).reason.vi).toContain('thiếu 0,01 điểm');
  });
});

describe('statuses and their precedence', () => {
  const poverty = indicatorById(criteria, '1.2.1.b');
  test('invalid wins over missing', () => {
    const r = scoreIndicator(poverty, entryFrom(poverty, { poor: '#DIV/0!', near_poor: null }), criteria);
    expect(r.status).toBe('invalid');
    expect(r.issues.map((i) => i.code)).toEqual(['error-value', 'blank']);
    expect(r.values.poor).toBe('#DIV/0!'); // what was typed, for the reviewer
  });
  test('missing wins over met and unmet', () => {
    expect(scoreIndicator(poverty, entryFrom(poverty, { poor: 3 }), criteria).status).toBe('missing');
    expect(scoreIndicator(poverty, entryFrom(poverty, { poor: 30 }), criteria).status).toBe('missing');
  });
  test('a "no data" phrase is missing, never unmet', () => {
    const r = scoreIndicator(literacy, entryFrom(literacy, { value: 'đang cập nhật' }), criteria);
    expect(r.status).toBe('missing');
    expect(r.reason.vi).toContain('Chưa có số liệu');
  });
  test('Nam + Nữ must equal Tổng', () => {
    const i = indicatorById(criteria, '2.1.1.a');
    const r = scoreIndicator(i, entryFrom(i, { male: '1.250', female: '1.300', total: '2.600', rate: 97 }), criteria);
    expect(r.status).toBe('invalid');
    expect(r.issues[0]!.code).toBe('sum-mismatch');
    expect(r.reason.vi).toBe('Nam + Nữ = 2.550, khác Tổng = 2.600');
  });
  test('a total unemployment rate outside the male and female rates is invalid', () => {
    const i = indicatorById(criteria, '1.2.2.a');
    const r = scoreIndicator(i, entryFrom(i, { male: 3, female: 4, total: 2 }), criteria);
    expect(r.status).toBe('invalid');
    expect(r.issues[0]!.code).toBe('total-outside-range');
  });
  test('an unmapped indicator is missing with a message saying so', () => {
    const r = scoreIndicator(literacy, undefined, criteria);
    expect(r.status).toBe('missing');
    expect(r.issues[0]!.code).toBe('unmapped');
  });
  test('a trend word in a change field decides "> 0"', () => {
    const i = indicatorById(criteria, '1.2.4.a');
    expect(scoreIndicator(i, entryFrom(i, { change: 'tăng' }), criteria).status).toBe('met');
  });
});

describe('trends computed from last year and this year', () => {
  const accidents = indicatorById(criteria, '1.3.2.b'); // target: Giảm
  const pair = (previous: number | string, current: number | string): IndicatorEntry['trendPairs'] => ({
    trend: {
      previous: { reading: readField({ value: previous }, { kind: 'number' }, 'F20'), cells: ['F20'] },
      current: { reading: readField({ value: current }, { kind: 'number' }, 'G20'), cells: ['G20'] },
    },
  });
  test('the trend is computed when both figures are given', () => {
    const entry = { ...entryFrom(accidents, {}), trendPairs: pair('1.250', '1.100') };
    const r = scoreIndicator(accidents, entry, criteria);
    expect(r.status).toBe('met');
    expect(r.values.trend).toBe('Giảm');
    expect(r.cells).toEqual(expect.arrayContaining(['F20', 'G20']));
  });
  test('a typed word that contradicts the figures is invalid', () => {
    const entry = { ...entryFrom(accidents, { trend: 'Giảm' }), trendPairs: pair(1100, 1250) };
    const r = scoreIndicator(accidents, entry, criteria);
    expect(r.status).toBe('invalid');
    expect(r.issues[0]!.code).toBe('trend-contradiction');
  });
});

describe('summaries', () => {
  const entries = new Map<string, IndicatorEntry>();
  const all = listIndicators(criteria);
  for (const { indicator } of all) {
    if (indicator.id === '1.1.1.a') entries.set(indicator.id, entryFrom(indicator, { value: 90 }));
    else if (indicator.id === '2.1.3.a') entries.set(indicator.id, entryFrom(indicator, { value: 'abc' }));
    else if (indicator.fields.length === 1 && indicator.fields[0]!.kind === 'percent') entries.set(indicator.id, entryFrom(indicator, { value: 100 }));
    else if (indicator.fields[0]!.kind === 'rating') entries.set(indicator.id, entryFrom(indicator, { rating: 5 }));
  }
  const results = scoreAll(criteria, entries);
  const summary = summarise(criteria, results);

  test('one result per indicator, in id order', () => {
    expect(results.map((r) => r.id)).toEqual(all.map((p) => p.indicator.id));
  });
  test('counts add up overall, per area, per standard, per criterion and per party', () => {
    const { totals } = summary;
    expect(totals.total).toBe(all.length);
    expect(totals.met + totals.unmet + totals.invalid + totals.missing).toBe(all.length);
    // 90% misses 1.1.1.a; 100% misses the targets that cap or bound a rate (≤ 5, ≤ 3, 40–60) and GDP ≥ 150
    expect(results.filter((r) => r.status === 'unmet').map((r) => r.id)).toEqual(['1.1.1.a', '1.1.3.b', '1.2.1.a', '1.3.2.a', '2.3.3.a']);
    for (const groups of [summary.byArea, summary.byStandard, summary.byCriterion, summary.byResponsible]) {
      expect(groups.reduce((a, g) => a + g.counts.total, 0)).toBe(all.length);
      expect(groups.reduce((a, g) => a + g.counts.met, 0)).toBe(totals.met);
    }
    expect(summary.byArea.map((g) => g.key)).toEqual(['1', '2', '3']);
    expect(summary.byStandard).toHaveLength(12);
    expect(summary.byCriterion).toHaveLength(35);
    expect(summary.byResponsible.find((g) => g.key === 'Đánh giá của chuyên gia')!.counts.met).toBe(9);
  });
  test('the gaps list every indicator not met, with its reason', () => {
    expect(summary.gaps.map((g) => g.id)).toEqual(results.filter((r) => r.status !== 'met').map((r) => r.id));
    expect(summary.gaps.find((g) => g.id === '1.1.1.a')!.reason.vi).toContain('thiếu 5 điểm');
    expect(summary.gaps.find((g) => g.id === '2.1.3.a')!.status).toBe('invalid');
  });
  test('the headline', () => {
    expect(headline(summary.totals, 'vi')).toBe(`${summary.totals.met} / 57 chỉ số đạt`);
    expect(headline({ met: 50, unmet: 7, invalid: 0, missing: 0, total: 57 }, 'en')).toBe('50 of 57 indicators met');
  });
});

describe('responsible parties', () => {
  test('spellings of one party meet under one name', () => {
    const canonical = 'Sở Lao động - Thương binh và Xã hội';
    for (const name of ['Sở LĐ-TB&XH', 'Sở Lao động – Thương bình và Xã hội', 'Sở Lao động - Thương binh và Xã hội', 'SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI'])
      expect(canonicalParty(name, criteria)).toBe(canonical);
  });
  test("the workbook's own department name counts for that workbook", () => {
    const entry = { ...entryFrom(literacy, { value: 96 }), responsible: 'Sở Giáo dục, Khoa học và Công nghệ' };
    expect(scoreIndicator(literacy, entry, criteria).responsible).toBe('Sở Giáo dục, Khoa học và Công nghệ');
  });
});

describe('criteria files', () => {
  const base = JSON.parse(JSON.stringify(criteria)) as CriteriaSetInput;
  test('a bad file is rejected with the path and the problem', () => {
    const bad = JSON.parse(JSON.stringify(base));
    bad.areas[0].standards[1].criteria[0].indicators[0].target.all[0].bound = '95';
    const load = parseCriteria(bad);
    expect(load.ok).toBe(false);
    if (!load.ok) expect(load.problems).toContainEqual({ path: 'areas[0].standards[1].criteria[0].indicators[0].target.all[0].bound', message: 'expected a number' });
  });
  test('unknown fields in a target, duplicate ids and stray codes are named', () => {
    const bad = JSON.parse(JSON.stringify(base));
    bad.areas[0].standards[0].criteria[0].indicators[0].target.all[0].fields = ['nope'];
    bad.areas[0].standards[0].criteria[0].indicators[1].id = '1.1.1.a';
    const load = parseCriteria(bad);
    expect(!load.ok && load.problems.map((p) => p.message)).toEqual(expect.arrayContaining(['unknown field nope', 'duplicate indicator id 1.1.1.a']));
  });
  test('not JSON, deep nesting and prototype keys are refused without throwing', () => {
    expect(parseCriteriaText('{').ok).toBe(false);
    let deep: unknown = {};
    for (let i = 0; i < 10000; i++) deep = { a: deep };
    expect(parseCriteria(deep).ok).toBe(false);
    const proto = parseCriteriaText(JSON.stringify(base).replace('"partyAliases":{', '"partyAliases":{"__proto__":{"polluted":"yes"},'));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(typeof proto.ok).toBe('boolean');
  });
  test("a city's own file: changed targets, a renamed department, an extra indicator", () => {
    const own = JSON.parse(JSON.stringify(base));
    const first = own.areas[0].standards[0].criteria[0];
    first.indicators[0].target.all[0].bound = 90;
    first.indicators[0].responsible = 'Sở Giáo dục, Khoa học và Công nghệ';
    first.indicators.push({ ...first.indicators[0], id: '1.1.1.c', text: 'Chỉ số bổ sung của thành phố', textEn: 'City extra indicator' });
    const load = parseCriteria(own);
    expect(load.ok).toBe(true);
    if (!load.ok) return;
    const results = scoreAll(load.criteria, new Map());
    expect(results).toHaveLength(58);
    const ind = load.criteria.areas[0]!.standards[0]!.criteria[0]!.indicators[0]!;
    expect(scoreIndicator(ind, entryFrom(ind, { value: 91 }), load.criteria).status).toBe('met');
    expect(headline(summarise(load.criteria, results).totals, 'vi')).toBe('0 / 58 chỉ số đạt');
  });
});

describe('properties', () => {
  test('scoring is deterministic and every result is a status with a reason', () => {
    const all = listIndicators(criteria).map((p) => p.indicator);
    const typed = fc.oneof(fc.double({ min: -10, max: 200, noNaN: true }), fc.string(), fc.constantFrom('Tăng', 'Giảm', '95,5 %', null, '#N/A', 'x', '3 Tốt'));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: all.length - 1 }), fc.array(typed, { minLength: 8, maxLength: 8 }), (index, vals) => {
        const indicator = all[index]!;
        const given = Object.fromEntries(indicator.fields.map((f, i) => [f.key, vals[i % vals.length]!]));
        const a = scoreIndicator(indicator, entryFrom(indicator, given), criteria);
        const b = scoreIndicator(indicator, entryFrom(indicator, given), criteria);
        expect(b).toEqual(a);
        return ['met', 'unmet', 'invalid', 'missing'].includes(a.status) && a.reason.vi.length > 0 && a.reason.en.length > 0;
      }),
      { numRuns: 3000 },
    );
  });
  test('mapping issues travel with the result', () => {
    const entry = { ...entryFrom(literacy, { value: 96 }), mappingIssues: [makeIssue('low-confidence', { confidence: 62, row: 14 })] };
    const r = scoreIndicator(literacy, entry, criteria);
    expect(r.status).toBe('met');
    expect(r.issues[0]!.message.vi).toContain('62%');
  });
});
