/**
 * Appendices laid out the ways departments lay them out, each written to a real .xlsx, read back
 * through the host, mapped and scored: the host must hand the core exactly what the sheet shows,
 * so the results equal those of the in-memory sheet, and the statuses are the ones typed in.
 */
import { findAppendixSheet } from '../../../src/core/mapping';
import { scoreSheet } from '../../../src/core/pipeline';
import { Status } from '../../../src/core/score';
import { loadWorkbook, readWorkbookSnapshot } from '../../../src/hosts/xlsx';
import { AppendixVariant, FixtureValues, buildAppendixSheet, sampleValues, withValue } from '../../../src/testing/appendix';
import { snapshotToWorkbook } from '../../fixtures/xlsx';
import { loadCriteria, toBuffer } from './helpers';

const criteria = loadCriteria();

function values(): FixtureValues {
  let v = sampleValues(criteria);
  v = withValue(v, '1.1.1.a', 'value', '93,8%'); // unmet
  v = withValue(v, '2.1.1.a', 'total', 99999); // invalid: Nam + Nữ ≠ Tổng
  v = withValue(v, '2.3.3.a', 'value', { value: 45731, numberFormat: 'dd/mm/yyyy' }); // invalid: a date
  v = withValue(v, '2.2.2.c', 'value', 'đang cập nhật'); // missing
  v = withValue(v, '1.3.2.b', 'trend', 'Tăng'); // unmet: accidents must fall
  return v;
}

const EXPECTED: Record<string, Status> = { '1.1.1.a': 'unmet', '2.1.1.a': 'invalid', '2.3.3.a': 'invalid', '2.2.2.c': 'missing', '1.3.2.b': 'unmet' };

const VARIANTS: Array<[string, AppendixVariant]> = [
  ['the seed layout', {}],
  ['other header words, a numbering and a notes column', { headerWords: 'varied', columnOrder: ['stt', 'standard', 'criterion', 'indicator', 'responsible', 'data', 'note'] }],
  ['sub-fields side by side', { subFields: 'columns' }],
  ['units typed with the figures', { units: 'inline' }],
  ['figures typed in the label cells', { labelInline: true }],
  ['decomposed Unicode and line breaks', { nfd: true, lineBreaks: true }],
  ['blank rows, codes without a trailing dot, abbreviated texts', { blankRows: true, trailingDot: false, abbreviate: true }],
  ['ratings and trends marked with an x', { ratingStyle: 'mark', trendStyle: 'mark' }],
  ['no title rows, no merges, away from A1', { titleRows: false, merges: false, origin: { row: 3, col: 2 } }],
];

describe.each(VARIANTS)('%s', (_, variant) => {
  test('read from an .xlsx, it scores as typed, exactly like the sheet in memory', async () => {
    const sheet = buildAppendixSheet(criteria, values(), variant);
    const other = { name: 'Hướng dẫn', origin: { row: 0, col: 0 }, cells: [[{ value: 'Điền số liệu vào cột Số liệu; không sửa các cột khác.' }]], merges: [] };
    const wb = await loadWorkbook(await toBuffer(snapshotToWorkbook([other, sheet])));
    const read = readWorkbookSnapshot(wb);
    const found = findAppendixSheet(read.snapshot, criteria);
    expect(found?.sheet.name).toBe('Phụ lục');

    const fromFile = scoreSheet(found!.sheet, criteria);
    const inMemory = scoreSheet(sheet, criteria);
    const statuses = Object.fromEntries(fromFile.results.map((r) => [r.id, r.status]));
    const expected = Object.fromEntries(fromFile.results.map((r) => [r.id, EXPECTED[r.id] ?? 'met']));
    expect(statuses).toEqual(expected);
    expect(fromFile.results.map((r) => [r.id, r.status, r.values, r.cells])).toEqual(inMemory.results.map((r) => [r.id, r.status, r.values, r.cells]));
  });
});

test("a department's own return: its rows are scored, the others are missing as other parties' (not its missing data)", async () => {
  const sheet = buildAppendixSheet(criteria, values(), { onlyParty: 'Sở Y tế' });
  const wb = await loadWorkbook(await toBuffer(snapshotToWorkbook([sheet])));
  const run = scoreSheet(readWorkbookSnapshot(wb).snapshot.sheets[0]!, criteria);
  const byStatus = (s: Status) => run.results.filter((r) => r.status === s).map((r) => r.id);
  expect(byStatus('met')).toEqual(['1.3.2.e', '1.3.2.f']);
  expect(byStatus('missing')).toHaveLength(55);
  expect(run.results.find((r) => r.id === '1.1.1.a')!.issues[0]!.code).toBe('other-party');
  expect(run.summary.totals).toMatchObject({ met: 2, missing: 0, total: 2 });
});
