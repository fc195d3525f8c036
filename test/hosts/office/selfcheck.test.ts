/// <reference types="office-js" />
/**
 * The self-check's contract (src/core/selfcheck/contract.ts) run by its runner against the fake,
 * in every variant the fake models of what Excel is reported to answer: the fake and the real
 * Excel are held to one list of expectations.
 */
import { CHECKS, judge, resultsAsText } from '../../../src/core/selfcheck/contract';
import { FakeExcel, NoFillReadBack, createFakeExcel, fakeWorkbookBase64 } from '../../../src/testing/fake-excel';
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
