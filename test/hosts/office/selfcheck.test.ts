/// <reference types="office-js" />
/**
 * The self-check's contract (src/core/selfcheck/contract.ts) run by its runner against the fake,
 * in every variant the fake models of what Excel is reported to answer: the fake and the real
 * Excel are held to one list of expectations.
 */
import { CHECKS, judge, resultsAsText } from '../../../src/core/selfcheck/contract';
import { FakeExcel, NoFillReadBack, createFakeExcel, fakePageLayout, fakeWorkbookBase64 } from '../../../src/testing/fake-excel';
import { runSelfCheck } from '../../../src/hosts/office/selfcheck';

const sample = fakeWorkbookBase64({ sheets: [{ name: 'Mẫu', cells: { A1: 'x' } }] });
const book = (options: Parameters<typeof createFakeExcel>[1] = {}) => createFakeExcel({ name: 'a.xlsx', sheets: [{ name: 'Phụ lục', cells: { A1: 'của tôi' } }] }, options);
const run = (fake: FakeExcel) => runSelfCheck(fake.run, { importSample: sample, isSetSupported: () => true, eventWaitMs: 20 });

const variants: Array<[NoFillReadBack, 'null' | 'fail', boolean]> = [];
for (const fill of ['pattern-none', 'pattern-null-white'] as NoFillReadBack[]) for (const chains of ['null', 'fail'] as const) for (const formatOnChanged of [false, true]) variants.push([fill, chains, formatOnChanged]);

describe.each(variants)('the fake with no fill read as %s, null-object chains %s, fills on onChanged %s', (noFillReadBack, nullObjectChains, formatChangesFire) => {
  test('every check passes, and the workbook is as it was', async () => {
    const fake = book({ noFillReadBack, nullObjectChains, events: { formatChangesFire } });
    const out = await run(fake);
    expect(out.results.map((r) => r.id)).toEqual(CHECKS.map((c) => c.id));
    expect(out.results.filter((r) => r.outcome !== 'pass')).toEqual([]);
    expect(out.sheetRemoved).toBe(true);
    expect(fake.workbook.sheetNames()).toEqual(['Phụ lục']);
    expect(fake.workbook.sheet('Phụ lục')!.cell('A1').value).toBe('của tôi');
  });
});

test('it says which way this Excel answered', async () => {
  const out = await run(book({ noFillReadBack: 'pattern-null-white', nullObjectChains: 'fail' }));
  const by = (id: string) => out.results.find((r) => r.id === id)!;
  expect(by('fill-none').variant).toBe('pattern null, tintAndShade null');
  expect(by('null-chain').variant).toBe('error InvalidObjectPath');
  expect(by('merged-cap').variant).toBe('error GeneralException');
  expect(by('import').variant).toBe('IDs');
  expect(by('events').variant).toContain('onFormatChanged true');
});

test('a check Excel fails on is reported with what Excel said; the others still run and the scratch sheet still goes', async () => {
  const fake = book();
  // The third sync (after adding the sheet and setting the fills) is the fills' read back.
  fake.inject({ kind: 'refuse', code: 'GeneralException' }, { when: (s) => s.index === 3 });
  const out = await runSelfCheck(fake.run, { isSetSupported: () => true, eventWaitMs: 5 });
  expect(out.results.filter((r) => r.outcome === 'skip').map((r) => [r.id, r.answered])).toEqual([
    ['fill-none', 'error GeneralException'],
    ['fill-white', 'error GeneralException'],
    ['fill-theme', 'error GeneralException'],
    ['fill-pattern', 'error GeneralException'],
    ['fill-restore', 'error GeneralException'],
    ['import', 'no sample file'],
  ]);
  expect(out.results.filter((r) => r.outcome === 'pass')).toHaveLength(CHECKS.length - 6);
  expect(out.sheetRemoved).toBe(true);
  expect(fake.workbook.sheetNames()).toEqual(['Phụ lục']);
});

test('the judge fails what the product could not work with', () => {
  expect(judge({ id: 'protection', protectedRead: true, writeRefused: false })).toMatchObject({ outcome: 'fail' });
  expect(judge({ id: 'fill-none', raw: {}, read: { color: '#FFFFFF' } })).toMatchObject({ outcome: 'fail' });
  expect(judge({ id: 'fill-restore', pairs: [{ before: { color: '#FFC000', tintAndShade: 0.4 }, after: { color: '#FFC000' } }] })).toMatchObject({ outcome: 'fail' });
  expect(judge({ id: 'merged-cap', areas: 513, direct: 'error', code: 'GeneralException', productRead: 0 })).toMatchObject({ outcome: 'fail' });
  expect(judge({ id: 'events', valueEvent: false, formatOnChanged: false, formatOnFormatChanged: true })).toMatchObject({ outcome: 'fail' });
});

test('the copied text names every check, its outcome and what Excel answered', async () => {
  const out = await run(book());
  const text = resultsAsText(out.results, 'vi', 'Excel 16.0 (test)');
  expect(text.split('\n')).toHaveLength(CHECKS.length + 1);
  expect(text).toContain('[OK] fill-none — Ô không tô màu được đọc là "không tô"');
  expect(text).toContain('"pattern":"None"');
});

describe('page setup (Worksheet.pageLayout): either answer of Excel is safe, and nothing is left behind', () => {
  test('accepted: it reads back as the product set it, and the scratch sheet goes with its page setup', async () => {
    const fake = book();
    const out = await run(fake);
    const check = out.results.find((r) => r.id === 'page-layout')!;
    expect(check).toMatchObject({ outcome: 'pass', variant: 'accepted' });
    expect(check.answered).toContain('"orientation":"Landscape","paperSize":"A4","horizontalFitToPages":1,"centerFooter":"Trang &P / &N"');
    expect(fake.workbook.sheetNames()).toEqual(['Phụ lục']);
    // The person's own sheet keeps Excel's default page setup.
    expect(await fakePageLayout(fake, 'Phụ lục')).toMatchObject({ orientation: 'Portrait', paperSize: 'Letter', printArea: null, printTitleRows: null, centerFooter: '' });
  });

  test('refused: reported with Excel\'s code, the other checks still pass, the scratch sheet still goes', async () => {
    // The page setup is the one batch that sets a paper size: a first run finds which sync it is, the second refuses that sync.
    const probe = book();
    await run(probe);
    const pageSync = probe.log.find((e) => e.type === 'PageLayout' && e.member === 'paperSize')!.sync;
    const fake = book();
    fake.inject({ kind: 'refuse', code: 'InvalidArgument' }, { when: (s) => s.index === pageSync });
    const out = await run(fake);
    expect(fake.log.some((e) => e.type === 'PageLayout' && e.member === 'paperSize')).toBe(false);
    const check = out.results.find((r) => r.id === 'page-layout')!;
    expect(check).toMatchObject({ outcome: 'pass', variant: 'refused InvalidArgument' });
    expect(out.results.filter((r) => r.outcome !== 'pass')).toEqual([]);
    expect(out.sheetRemoved).toBe(true);
    expect(fake.workbook.sheetNames()).toEqual(['Phụ lục']);
  });

  test('accepted but read back otherwise: the sheets would not print as the product says, so it fails', () => {
    const read = { orientation: 'Portrait', paperSize: 'A4', horizontalFitToPages: 1, centerFooter: 'Trang &P / &N' };
    expect(judge({ id: 'page-layout', refused: null, read })).toMatchObject({ outcome: 'fail', variant: 'accepted' });
    expect(judge({ id: 'page-layout', refused: null, read: { ...read, orientation: 'Landscape' } })).toMatchObject({ outcome: 'pass' });
  });

  test('without ExcelApi 1.9 it is skipped and says why', async () => {
    const out = await runSelfCheck(book().run, { isSetSupported: (_s, v) => v !== '1.9', eventWaitMs: 5 });
    expect(out.results.find((r) => r.id === 'page-layout')).toMatchObject({ outcome: 'skip', answered: 'ExcelApi 1.9 not supported' });
  });
});

describe('a new workbook (Excel.createWorkbook, ExcelApi 1.8): only asked, never opened', () => {
  test('supported: ExcelApi 1.8 and the function are there; no workbook is opened', async () => {
    const fake = book();
    const out = await runSelfCheck(fake.run, { isSetSupported: () => true, eventWaitMs: 5, createWorkbook: fake.Excel.createWorkbook });
    expect(out.results.find((r) => r.id === 'create-workbook')).toMatchObject({ outcome: 'pass', variant: 'supported', answered: 'ExcelApi 1.8 supported; typeof Excel.createWorkbook function' });
    expect(fake.createdWorkbooks).toEqual([]);
  });

  test.each([
    ['ExcelApi 1.8 not supported', (_s: string, v: string) => v !== '1.8', 'function', 'ExcelApi 1.8 not supported; typeof Excel.createWorkbook function'],
    ['no Excel.createWorkbook', () => true, undefined, 'ExcelApi 1.8 supported; typeof Excel.createWorkbook undefined'],
  ])('refused (%s): it passes and says so, as the pane then offers only "add as a sheet"', async (_what, isSetSupported, member, answered) => {
    const fake = book();
    const out = await runSelfCheck(fake.run, { isSetSupported, eventWaitMs: 5, createWorkbook: member === 'function' ? fake.Excel.createWorkbook : undefined });
    expect(out.results.find((r) => r.id === 'create-workbook')).toMatchObject({ outcome: 'pass', variant: 'not supported', answered });
    expect(fake.createdWorkbooks).toEqual([]);
  });
});
