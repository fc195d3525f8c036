/** Results to report on: a city template filled and scored (50 / 57 met), with hostile text typed in, and a consolidation. */
import { CriteriaSet } from '../../src/core/criteria';
import { Consolidation, consolidate } from '../../src/core/consolidate';
import { mapSheet, readEntries } from '../../src/core/mapping';
import { IndicatorResult, scoreAll } from '../../src/core/score';
import { Summary, summarise } from '../../src/core/summary';
import { buildTemplate } from '../../src/core/template';
import { fillTemplate, metTemplateValues, typeInto } from './template-helpers';

export const HOSTILE = {
  script: '<script>alert(1)</script>',
  img: '"><img src=x onerror=alert(2)>',
  amp: 'Sở A & B',
  workbook: 'Phụ lục <b>2024</b> & "bản cuối".xlsx',
};

export interface ReportFixture {
  results: IndicatorResult[];
  summary: Summary;
}

/** A city's appendix with 7 gaps: 2 unmet, 2 invalid (one holding a script), 3 missing; one responsible party renamed with markup. */
export function cityResults(criteria: CriteriaSet): ReportFixture {
  const t = buildTemplate(criteria, { city: 'Hà Nội', year: 2024 });
  const values = metTemplateValues(criteria);
  values['1.1.1.a'] = { value: 94.5 }; // unmet
  values['2.3.3.a'] = { value: 3.4 }; // unmet (≤ 3)
  values['1.3.2.e'] = { value: HOSTILE.script }; // invalid, and its text must come out inert
  values['2.1.1.a'] = { male: 1250, female: 1300, total: 2500, rate: 96 }; // invalid: Nam + Nữ ≠ Tổng
  values['1.3.2.f'] = { value: null }; // missing
  values['3.1.1.a'] = { rating: 'đang cập nhật' }; // missing
  values['2.2.2.a'] = { value: null }; // missing
  const sheet = fillTemplate(t, values, 'Phụ lục');
  // A department name typed with markup in the responsible column of 2.2.2.a.
  typeInto(sheet, `E${Number(t.valueCells['2.2.2.a']!.value!.slice(1))}`, HOSTILE.img);
  const mapping = mapSheet(sheet, criteria);
  const results = scoreAll(criteria, readEntries(sheet, mapping, criteria));
  return { results, summary: summarise(criteria, results) };
}

/** Three returns merged: Sở Y tế, Sở GD&ĐT (a city template, also reporting 1.3.2.f differently), and "Sở A & B" (unknown). */
export function consolidated(criteria: CriteriaSet): ReportFixture & { consolidation: Consolidation } {
  const values = metTemplateValues(criteria);
  const returnOf = (name: string, department: string | undefined, fill: Record<string, Record<string, string | number | null>>, header?: string) => {
    const t = buildTemplate(criteria, department ? { department } : {});
    const sheet = fillTemplate(t, fill);
    if (header !== undefined) typeInto(sheet, t.headerCells.department, header);
    const mapping = mapSheet(sheet, criteria);
    return { name, entries: readEntries(sheet, mapping, criteria), mappedIds: Object.keys(mapping.placements), ...(mapping.header ? { header: mapping.header } : {}) };
  };
  const gdIds = ['1.1.1.a', '1.1.1.b', '2.1.3.a', '2.1.5.a', '2.2.1.a', '2.4.1.c', '2.4.1.d', '2.5.1.a', '2.5.1.b', '2.5.2.a', '2.5.3.a'];
  const gdFill: Record<string, Record<string, string | number | null>> = {};
  for (const id of gdIds) gdFill[id] = values[id] as Record<string, string | number | null>;
  gdFill['1.3.2.f'] = { value: 98 };
  const consolidation = consolidate(criteria, [
    returnOf('Sở Y tế.xlsx', 'Sở Y tế', { '1.3.2.e': { value: 100 }, '1.3.2.f': { value: 100 } }),
    returnOf('GD <tổng hợp>.xlsx', undefined, gdFill, 'Sở GD&ĐT'),
    returnOf(HOSTILE.script + '.xlsx', undefined, { '1.1.1.b': { value: 95 } }, HOSTILE.amp),
  ]);
  const results = scoreAll(criteria, consolidation.entries);
  return { results, summary: summarise(criteria, results), consolidation };
}
