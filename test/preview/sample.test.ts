/**
 * The preview's sample workbooks (its "Sổ mẫu" selector), each scored through the real Office
 * adapter over the fake Excel, as the preview's pane does: the appendix (every status), a
 * department's own return (its indicators only), the coordinator's workbook of three returns (they
 * consolidate into one appendix), and an empty workbook (a clear message, nothing written).
 */
import { listIndicators } from '../../src/core/criteria';
import { indicatorsOf } from '../../src/core/template';
import { createFakeExcel } from '../../src/testing/fake-excel';
import { officeBackend } from '../../src/taskpane/office-backend';
import { PaneFailure } from '../../src/taskpane/backend';
import { SAMPLE_KINDS, sampleWorkbookOf } from '../../src/preview/sample';
import { loadCriteria } from '../core/helpers';

const criteria = loadCriteria();
const TOTAL = listIndicators(criteria).length;

function open(kind: (typeof SAMPLE_KINDS)[number]) {
  const fake = createFakeExcel(sampleWorkbookOf(kind, criteria));
  return { fake, backend: officeBackend(fake.run, criteria, { isSetSupported: () => true }) };
}

test('the selector offers the four workbooks', () => {
  expect(SAMPLE_KINDS).toEqual(['appendix', 'return', 'returns', 'empty']);
});

test('the appendix: every indicator found, every status shown', async () => {
  const { backend } = open('appendix');
  const out = await backend.score('vi', () => {});
  expect(out.run.results).toHaveLength(TOTAL);
  expect(new Set(out.run.results.map((r) => r.status))).toEqual(new Set(['met', 'unmet', 'invalid', 'missing']));
});

test('a department’s return: scored as its own indicators, one below target, one not reported', async () => {
  const { fake, backend } = open('return');
  expect(fake.workbook.sheetNames()).toEqual(['Biểu số liệu']);
  const out = await backend.score('vi', () => {});
  const mine = indicatorsOf(criteria, 'Sở Lao động - Thương binh và Xã hội').map((p) => p.indicator.id);
  expect(out.run.scope?.party).toBe('Sở Lao động - Thương binh và Xã hội');
  const byId = new Map(out.run.results.map((r) => [r.id, r.status]));
  expect(byId.get('2.3.3.a')).toBe('unmet');
  expect(byId.get('2.3.3.b')).toBe('missing');
  expect(mine.filter((id) => id !== '2.3.3.a' && id !== '2.3.3.b').map((id) => byId.get(id))).toEqual(mine.slice(2).map(() => 'met'));
});

test('the coordinator’s workbook: three returns offered and consolidated into one appendix', async () => {
  const { fake, backend } = open('returns');
  const sheets = await backend.tools!.sheets();
  // The coordinator's "Ghi chú" sheet is in the workbook but is no return: it is not offered.
  expect(fake.workbook.sheetNames()).toContain('Ghi chú');
  expect(sheets).toEqual(['Sở GD&ĐT', 'Sở Y tế', 'Sở LĐ-TB&XH']);
  const out = await backend.tools!.consolidate({ sheets: ['Sở GD&ĐT', 'Sở Y tế', 'Sở LĐ-TB&XH'], lang: 'vi' });
  expect(out.consolidation.returns).toHaveLength(3);
  expect(fake.workbook.sheetNames()).toContain(out.masterSheet);
  const filled = indicatorsOf(criteria, 'Sở Giáo dục và Đào tạo').length + indicatorsOf(criteria, 'Sở Y tế').length + indicatorsOf(criteria, 'Sở Lao động - Thương binh và Xã hội').length;
  expect(out.summary.totals.total).toBe(TOTAL);
  expect(out.summary.totals.met + out.summary.totals.unmet + out.summary.totals.invalid).toBe(filled);
});

test('an empty workbook: "Chấm điểm" says there is no appendix, and writes nothing', async () => {
  const { fake, backend } = open('empty');
  const failure = await backend.score('vi', () => {}).catch((e: unknown) => e);
  expect(failure).toBeInstanceOf(PaneFailure);
  expect((failure as PaneFailure).text.vi).toMatch(/phụ lục/);
  expect(fake.workbook.sheetNames()).toEqual(['Trang1']);
});
