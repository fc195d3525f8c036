/**
 * One party's return (docs/scoring.md): a sheet holding one responsible party's rows is scored in
 * that party's scope — found by the template's header, by the rows laid out, or by the rows
 * filled — and the other parties' indicators are `missing` with 'other-party', never counted as
 * the party's missing data. Sheets are built the way the project's template and departments'
 * cuts of the appendix are (src/core/template.ts, src/testing/appendix.ts).
 */
import { listIndicators } from '../../src/core/criteria';
import { scoreSheet } from '../../src/core/pipeline';
import { buildSummarySheet } from '../../src/core/summary-sheet';
import { buildTemplate } from '../../src/core/template';
import { buildAppendixSheet, sampleValues } from '../../src/testing/appendix';
import { SheetSnapshot } from '../../src/core/snapshot';
import { loadCriteria } from './helpers';
import { fillTemplate, metTemplateValues, toSnapshot } from './template-helpers';

const criteria = loadCriteria();
const ALL = listIndicators(criteria).map((p) => p.indicator.id);
const values = metTemplateValues(criteria);
const HEALTH = ['1.3.2.e', '1.3.2.f'];

function only(ids: readonly string[]) {
  return Object.fromEntries(ids.map((id) => [id, values[id]!]));
}

describe('a department template: scored in its department’s scope', () => {
  const template = buildTemplate(criteria, { department: 'Sở Y tế', city: 'Hải Vân', year: 2025 });
  const sheet = fillTemplate(template, only(HEALTH));

  test('the headline and counts cover its 2 indicators; the 55 others are “thuộc đơn vị khác”, not missing data', () => {
    const run = scoreSheet(sheet, criteria);
    expect(run.scope).toEqual({ party: 'Sở Y tế', ids: HEALTH, by: 'header' });
    expect(run.summary.totals).toEqual({ met: 2, unmet: 0, invalid: 0, missing: 0, total: 2 });
    expect(run.summary.scope).toEqual({ party: 'Sở Y tế', others: 55 });
    expect(run.summary.gaps).toEqual([]);
    expect(run.summary.byResponsible.map((g) => g.key)).toEqual(['Sở Y tế']);
    // Every indicator still has a result (the report lists 57); the others say why, and are not coloured.
    expect(run.results).toHaveLength(ALL.length);
    const other = run.results.find((r) => r.id === '1.1.1.a')!;
    expect(other).toMatchObject({ status: 'missing', cells: [] });
    expect(other.issues.map((i) => i.code)).toEqual(['other-party']);
    expect(other.reason.vi).toBe('Thuộc đơn vị khác (Sở Giáo dục và Đào tạo): không có trong báo cáo của Sở Y tế');
  });

  test('a blank cell of its own is still its missing data', () => {
    const run = scoreSheet(fillTemplate(template, only(['1.3.2.e'])), criteria);
    expect(run.summary.totals).toMatchObject({ met: 1, missing: 1, total: 2 });
    expect(run.summary.gaps.map((g) => g.id)).toEqual(['1.3.2.f']);
  });

  test('the summary sheet: the scoped headline, the others once, together, and not listed', () => {
    const run = scoreSheet(sheet, criteria);
    const content = buildSummarySheet(criteria, run.results, run.summary, { lang: 'vi', sourceSheet: sheet.name, name: 'Tổng hợp GNLC' });
    const texts = content.rows.flat().map((c) => c.value);
    expect(texts).toContain('Sở Y tế: 2 / 2 chỉ số đạt');
    expect(texts).toContain('55 chỉ số thuộc đơn vị khác (không tính vào kết quả)');
    expect(texts).not.toContain('1.1.1.a');
    expect(texts).toContain('1.3.2.e');
  });

  test('"all": a coordinator scores the same sheet against every indicator', () => {
    const run = scoreSheet(sheet, criteria, null, 'all');
    expect(run.scope).toBeNull();
    expect(run.summary.totals).toMatchObject({ met: 2, missing: ALL.length - 2, total: ALL.length });
  });
});

describe('how the party is found', () => {
  test('the header names the party in any spelling the criteria file knows (aliases)', () => {
    const template = buildTemplate(criteria, { city: 'Hải Vân' }); // the whole city's template
    const sheet = fillTemplate(template, only(['1.1.1.a']));
    const header = template.headerCells.department;
    const at = Number(/\d+/.exec(header)![0]) - 1;
    sheet.cells[at]![1] = { value: 'Sở LĐ-TB&XH' };
    const run = scoreSheet(sheet, criteria);
    expect(run.scope?.party).toBe('Sở Lao động - Thương binh và Xã hội');
    expect(run.scope?.by).toBe('header');
    expect(run.summary.totals.total).toBe(7);
  });

  test('a department’s cut of the appendix (its rows only, no header): by its rows', () => {
    const sheet = buildAppendixSheet(criteria, sampleValues(criteria), { onlyParty: 'Sở Y tế' }, 'Phụ lục');
    const run = scoreSheet(sheet, criteria);
    expect(run.scope).toEqual({ party: 'Sở Y tế', ids: HEALTH, by: 'rows' });
  });

  test('the expert panel is a party of its own', () => {
    const sheet = buildAppendixSheet(criteria, sampleValues(criteria), { onlyParty: 'Đánh giá của chuyên gia' }, 'Chuyên gia');
    const run = scoreSheet(sheet, criteria);
    expect(run.scope?.party).toBe('Đánh giá của chuyên gia');
    expect(run.scope?.ids).toHaveLength(9);
    expect(run.summary.totals.total).toBe(9);
  });

  test('a city template only one department filled: by the rows filled', () => {
    const sheet = fillTemplate(buildTemplate(criteria, {}), only(HEALTH));
    const run = scoreSheet(sheet, criteria);
    expect(run.scope).toEqual({ party: 'Sở Y tế', ids: HEALTH, by: 'filled' });
  });

  test('a whole appendix, filled by many parties, or empty: no scope (all 57 count)', () => {
    const full = buildAppendixSheet(criteria, sampleValues(criteria), {}, 'Phụ lục');
    expect(scoreSheet(full, criteria).scope).toBeNull();
    expect(scoreSheet(full, criteria).summary.totals.total).toBe(ALL.length);
    const empty: SheetSnapshot = toSnapshot(buildTemplate(criteria, {}), 'Mẫu');
    expect(scoreSheet(empty, criteria).scope).toBeNull();
    expect(scoreSheet(empty, criteria).summary.totals.missing).toBe(ALL.length);
  });

  test('a header naming no known party (a consolidation’s master) is no scope', () => {
    const template = buildTemplate(criteria, {});
    const sheet = fillTemplate(template, values);
    const at = Number(/\d+/.exec(template.headerCells.department)![0]) - 1;
    sheet.cells[at]![1] = { value: 'Tổng hợp từ 5 báo cáo' };
    expect(scoreSheet(sheet, criteria).scope).toBeNull();
  });
});
