/** The report contract, built from results without any file: shape, order, messages, language. */
import { scoreSheet } from '../../src/core/pipeline';
import { buildReport, reportSchema } from '../../src/cli/report';
import { buildAppendixSheet, sampleValues, withValue } from '../../src/testing/appendix';
import { IDS, loadCriteria } from './helpers';

const criteria = loadCriteria();

function run() {
  let values = sampleValues(criteria);
  values = withValue(values, '1.2.2.a', 'total', 9);
  values = withValue(values, '2.5.3.a', 'value', null);
  return scoreSheet(buildAppendixSheet(criteria, values), criteria);
}

test('one entry per indicator in id order, whatever order the results come in; a result never given is missing and says why', () => {
  const { results } = run();
  const shuffled = [...results].reverse().filter((r) => r.id !== '2.4.1.b');
  const report = buildReport({ criteria, results: shuffled, workbook: 'a.xlsx', sheet: 'Phụ lục', lang: 'vi' });
  expect(reportSchema.safeParse(report).success).toBe(true);
  expect(report.indicators.map((i) => i.id)).toEqual(IDS);
  expect(report.indicators.find((i) => i.id === '2.4.1.b')).toEqual({
    id: '2.4.1.b',
    status: 'missing',
    responsible: 'Sở Thông tin và Truyền thông',
    cells: [],
    values: { rating: null },
    messages: [{ code: 'unmapped', text: 'Không tìm thấy dòng của chỉ số này trong bảng' }],
  });
  expect(report.totals).toMatchObject({ met: 54, unmet: 0, invalid: 1, missing: 2 });
});

test('messages: the issues with their cells, or else one message with the status and the reason, in the chosen language', () => {
  const { results } = run();
  const vi = buildReport({ criteria, results, workbook: 'a.xlsx', sheet: 'Phụ lục', lang: 'vi' });
  const en = buildReport({ criteria, results, workbook: 'a.xlsx', sheet: 'Phụ lục', lang: 'en' });
  const pick = (r: typeof vi, id: string) => r.indicators.find((i) => i.id === id)!;
  expect(pick(vi, '1.2.2.a').messages[0]).toMatchObject({ code: 'total-outside-range', text: expect.stringContaining('phải nằm giữa') });
  expect(pick(en, '1.2.2.a').messages[0]).toMatchObject({ code: 'total-outside-range', text: expect.stringContaining('must lie between') });
  expect(pick(vi, '2.5.3.a').messages).toEqual([{ code: 'blank', text: 'Ô trống: chưa có số liệu', cell: expect.stringMatching(/^[A-Z]+\d+$/), field: 'value' }]);
  expect(pick(en, '2.5.3.a').messages[0]!.text).toBe('Blank cell: no data yet');
  const met = pick(en, '1.1.1.a');
  expect(met.status).toBe('met');
  expect(met.messages).toEqual([{ code: 'met', text: expect.stringContaining('meets the target ≥ 95%') }]);
});

test('the schema rejects what breaks the contract', () => {
  const report = buildReport({ criteria, results: run().results, workbook: 'a.xlsx', sheet: 'Phụ lục', lang: 'vi' });
  type Loose = { totals: Record<string, unknown>; indicators: Array<{ status: unknown; messages: unknown[]; values: Record<string, unknown>; cells: unknown[] }>; [key: string]: unknown };
  const broken = (f: (r: Loose) => void) => {
    const copy = JSON.parse(JSON.stringify(report));
    f(copy);
    return reportSchema.safeParse(copy).success;
  };
  expect(broken(() => {})).toBe(true);
  expect(broken((r) => (r.extra = { anything: 1 }))).toBe(true);
  expect(broken((r) => delete r.totals.missing)).toBe(false);
  expect(broken((r) => (r.indicators[0]!.status = 'passed'))).toBe(false);
  expect(broken((r) => (r.indicators[0]!.messages = []))).toBe(false);
  expect(broken((r) => (r.indicators[0]!.values.value = true))).toBe(false);
  expect(broken((r) => (r.indicators[0]!.cells = ['e12']))).toBe(false);
});
