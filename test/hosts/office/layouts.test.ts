/// <reference types="office-js" />
/**
 * The layouts of issue #12 (part 3) through the Office host, against the fake Excel: what
 * Range.values / valueTypes / numberFormat give for error values and for a number format typed
 * with a literal percent sign (Excel keeps the code as typed, `0.0\%`), with merged headers.
 */
import { scoreWorkbook } from '../../../src/core/workbook';
import { SheetSnapshot } from '../../../src/core/snapshot';
import { OfficeHost } from '../../../src/hosts/office';
import { createFakeExcel, sheetDataFromSnapshot } from '../../../src/testing/fake-excel';
import { loadCriteria } from '../../core/helpers';
import { errorCell } from '../../core/layout-grid';
import * as L from '../../core/layout-sheets';

const criteria = loadCriteria();

async function statuses(sheet: SheetSnapshot, ids: string[]): Promise<Record<string, string>> {
  const fake = createFakeExcel({ name: 'Phu-luc.xlsx', sheets: [sheetDataFromSnapshot(sheet)] });
  const host = new OfficeHost(fake.run, { isSetSupported: () => true });
  const { run } = await scoreWorkbook(host, criteria, { lang: 'vi', sheet: sheet.name });
  return Object.fromEntries(ids.map((id) => [id, run.results.find((r) => r.id === id)!.status]));
}

test.each([
  ['0.0\\%', 91.5, '91.5%', 'met'],
  ['#,##0.00\\%', 89.25, '89.25%', 'unmet'],
])('a percent sign shown literally (%s): the number is the percentage as typed', async (format, value, text, status) => {
  expect(await statuses(L.literalPercent(format, value, text), ['1.1.1.b'])).toEqual({ '1.1.1.b': status });
});

test('error values beside printed choices are invalid', async () => {
  expect(await statuses(L.ratingWithError({ Tăng: 'x', Giảm: errorCell('#REF!'), '1 Yếu': errorCell('#VALUE!') }), ['1.3.2.b', '2.4.1.b'])).toEqual({ '1.3.2.b': 'invalid', '2.4.1.b': 'invalid' });
});

test('a merged two-row header with a column per year', async () => {
  expect(await statuses(L.yearColumns(), ['1.3.2.b', '1.1.1.a', '1.1.1.b'])).toEqual({ '1.3.2.b': 'met', '1.1.1.a': 'met', '1.1.1.b': 'missing' });
});

test('marks beside choices printed one to a row, and a flat table', async () => {
  expect(await statuses(L.marksOnePerRow({ accidents: { Giảm: 'x' }, wifi: { '2 Khá': '✓' } }), ['1.3.2.b', '2.4.1.b'])).toEqual({ '1.3.2.b': 'met', '2.4.1.b': 'unmet' });
  expect(await statuses(L.flatTable(), ['2.1.1.a', '2.1.3.a'])).toEqual({ '2.1.1.a': 'met', '2.1.3.a': 'met' });
});
