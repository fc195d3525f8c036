import { affectedIndicators, indicatorCells, parseRangeAddress, patchSnapshot, rescore } from '../../src/core/live';
import { scoreSheet } from '../../src/core/pipeline';
import { buildAppendix, sampleValues } from '../../src/testing/appendix';
import { loadCriteria } from './helpers';

const criteria = loadCriteria();
const built = buildAppendix(criteria, sampleValues(criteria));
const run = scoreSheet(built.sheet, criteria);
const literacyCell = built.expected['1.1.1.a']!.valueCells.value!;

test('ranges as Excel reports them in change events', () => {
  expect(parseRangeAddress('B7')).toEqual([{ top: 6, left: 1, bottom: 6, right: 1 }]);
  expect(parseRangeAddress("'Phụ lục'!$B$7:$D$9")).toEqual([{ top: 6, left: 1, bottom: 8, right: 3 }]);
  expect(parseRangeAddress('A1:A2,C3')).toHaveLength(2);
  expect(parseRangeAddress('not an address')).toEqual([]);
});

test('a change to one value cell touches only its indicator', () => {
  expect(run.results.every((r) => r.status === 'met')).toBe(true);
  expect(affectedIndicators(run.mapping, literacyCell)).toEqual(['1.1.1.a']);
  expect(affectedIndicators(run.mapping, 'A1')).toEqual([]); // the title row
  expect(indicatorCells(run.mapping, ['1.1.1.a'])).toEqual([literacyCell]);
});

test('a pasted block touches every indicator it covers', () => {
  const whole = `A1:Z${built.sheet.cells.length + 5}`;
  expect(affectedIndicators(run.mapping, whole)).toHaveLength(Object.keys(run.mapping.placements).length);
});

test('re-scoring the changed indicators gives what a full run gives, and nothing else changes', () => {
  const patched = patchSnapshot(built.sheet, { [literacyCell]: { value: '93,5%' } });
  const live = rescore(run, patched, criteria, affectedIndicators(run.mapping, literacyCell));
  const full = scoreSheet(patched, criteria);
  expect(live.results).toEqual(full.results);
  expect(live.summary.totals).toEqual(full.summary.totals);
  expect(live.results.find((r) => r.id === '1.1.1.a')!.reason.vi).toBe('93,5% — cần ≥ 95%, thiếu 1,5 điểm');
  // the original snapshot is untouched
  expect(scoreSheet(built.sheet, criteria).results.find((r) => r.id === '1.1.1.a')!.status).toBe('met');
});
