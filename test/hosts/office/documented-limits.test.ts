/// <reference types="office-js" />
/**
 * What the typings and the documentation say Excel does, that the fake now does too, against the
 * Office host: a heavily merged appendix (getMergedAreasOrNullObject fails past 512 merged areas)
 * and imported returns (insertWorksheetsFromBase64 answers IDs; each file is a request's payload).
 */
import { loadCriteria } from '../../core/helpers';
import { buildAppendix, sampleValues } from '../../../src/testing/appendix';
import { createFakeExcel, fakeWorkbookBase64, sheetDataFromSnapshot } from '../../../src/testing/fake-excel';
import { OfficeHost, importReturnFiles } from '../../../src/hosts/office';
import { scoreCounted } from './counted';

const criteria = loadCriteria();
const SHEET = 'Phụ lục';

function hostFor(fake: ReturnType<typeof createFakeExcel>) {
  return new OfficeHost(fake.run, { isSetSupported: () => true });
}

describe('a heavily merged appendix (more than 512 merged areas)', () => {
  /** The sample appendix with `extra` pairs of cells merged below it (notes a department merged). */
  function merged(extra: number) {
    const sheet = sheetDataFromSnapshot(buildAppendix(criteria, sampleValues(criteria)).sheet);
    const below = 400;
    const merges = [...(sheet.merges ?? [])];
    for (let i = 0; i < extra; i++) merges.push(`A${below + i}:B${below + i}`);
    const cells = { ...sheet.cells } as Record<string, unknown>;
    cells[`A${below + extra}`] = 'Ghi chú';
    return createFakeExcel({ name: 'a.xlsx', sheets: [{ ...sheet, cells: cells as typeof sheet.cells, merges }] });
  }

  test('is scored all the same, with every merged area read, for two more syncs', async () => {
    const fake = merged(700);
    const result = await scoreCounted(hostFor(fake), criteria, 'vi', { summary: false });
    expect(result.run.summary.totals.total).toBe(57);
    expect(result.read.sheet.merges.length).toBe(fake.workbook.sheet(SHEET)!.merges.length);
    expect(result.read.sheet.merges.length).toBeGreaterThan(700);
    // The failed first batch, the batch again, the merged areas in bands, the write.
    expect(fake.syncLog.filter((s) => s.error).length).toBe(1);
    expect(result.counts).toMatchObject({ syncs: 4, readSyncs: 2, readChunkSyncs: 1, retries: 1, writeSyncs: 1 });
  });

  test('bands that still hold too many merged areas are halved until they answer', async () => {
    const fake = merged(3000);
    const result = await scoreCounted(hostFor(fake), criteria, 'vi', { summary: false });
    expect(result.read.sheet.merges.length).toBe(fake.workbook.sheet(SHEET)!.merges.length);
    expect(result.run.summary.totals.total).toBe(57);
  });

  test('a normal appendix: still read 1 + write 1', async () => {
    const fake = merged(0);
    const result = await scoreCounted(hostFor(fake), criteria, 'vi', { summary: false });
    expect(result.counts).toMatchObject({ syncs: 2, readSyncs: 1, writeSyncs: 1, retries: 0 });
  });
});

describe('importing returns from files', () => {
  const file = (name: string, sheet: string) => ({ name, base64: fakeWorkbookBase64({ sheets: [{ name: sheet, cells: { A1: 'x'.repeat(3000) } }] }) });

  test('answers the new sheets by name (Excel answers IDs), a taken name as Excel renames it', async () => {
    const fake = createFakeExcel({ sheets: [{ name: 'Y tế', cells: { A1: 1 } }] });
    const out = await importReturnFiles(fake.run, [file('a.xlsx', 'Y tế'), file('b.xlsx', 'GD')]);
    expect(out).toEqual([
      { file: 'a.xlsx', sheets: ['Y tế (2)'] },
      { file: 'b.xlsx', sheets: ['GD'] },
    ]);
    expect(fake.workbook.sheetNames()).toEqual(['Y tế', 'Y tế (2)', 'GD']);
  });

  test('files that together pass the 5 MB request limit go in, one request each', async () => {
    const fake = createFakeExcel({ sheets: [{ name: 'Y tế', cells: { A1: 1 } }] }, { limits: { maxRequestBytes: 10_000 } });
    const files = [file('a.xlsx', 'A'), file('b.xlsx', 'B'), file('c.xlsx', 'C')];
    expect(files.reduce((n, f) => n + f.base64.length, 0)).toBeGreaterThan(10_000);
    const out = await importReturnFiles(fake.run, files);
    expect(out.map((o) => o.sheets[0])).toEqual(['A', 'B', 'C']);
    expect(fake.syncLog.every((s) => !s.error)).toBe(true);
  });

  test('a file alone over the limit fails with the file named, after the files before it went in', async () => {
    const fake = createFakeExcel({ sheets: [{ name: 'Y tế', cells: { A1: 1 } }] }, { limits: { maxRequestBytes: 5_000 } });
    const big = { name: 'lớn.xlsx', base64: fakeWorkbookBase64({ sheets: [{ name: 'L', cells: { A1: 'x'.repeat(9000) } }] }) };
    const small = { name: 'nhỏ.xlsx', base64: fakeWorkbookBase64({ sheets: [{ name: 'N', cells: { A1: 'x' } }] }) };
    await expect(importReturnFiles(fake.run, [small, big])).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded', file: 'lớn.xlsx', imported: ['nhỏ.xlsx'] });
    expect(fake.workbook.sheetNames()).toEqual(['Y tế', 'N']);
  });
});
