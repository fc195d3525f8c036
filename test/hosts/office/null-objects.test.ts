/// <reference types="office-js" />
/**
 * Objects derived from a null object before a sync: the documentation does not say what Excel
 * does. The fake answers both ways (nullObjectChains 'null' | 'fail'); "Chấm điểm" and "Xóa màu"
 * work either way, and a failure costs one more sync, not the run.
 */
import { loadCriteria } from '../../core/helpers';
import { buildAppendix, sampleValues } from '../../../src/testing/appendix';
import { createFakeExcel, sheetDataFromSnapshot } from '../../../src/testing/fake-excel';
import { OfficeHost, consolidateSheets, workbookOutcome } from '../../../src/hosts/office';
import type { ExcelRunner } from '../../../src/hosts/office';
import { STATE_SHEET } from '../../../src/core/plan';
import { clearCounted, scoreCounted } from './counted';

const criteria = loadCriteria();
const SHEET = 'Phụ lục';

function book(nullObjectChains: 'null' | 'fail') {
  const fake = createFakeExcel({ name: 'a.xlsx', sheets: [sheetDataFromSnapshot(buildAppendix(criteria, sampleValues(criteria)).sheet)] }, { nullObjectChains });
  return { fake, host: new OfficeHost(fake.run, { isSetSupported: () => true }) };
}

const filled = (fake: ReturnType<typeof createFakeExcel>) => Object.values(fake.workbook.sheet(SHEET)!.cells()).filter((c) => c.fill).length;

describe('Excel rejects calls on objects derived from a null object', () => {
  test('"Chấm điểm" scores and colours all the same, for one more sync than the read needs', async () => {
    const { fake, host } = book('fail');
    const first = await scoreCounted(host, criteria, 'vi', { summary: false });
    expect(first.run.summary.totals.total).toBe(57);
    expect(filled(fake)).toBeGreaterThan(50);
    expect(fake.syncLog.filter((s) => s.error).map((s) => s.error)).toEqual(['InvalidObjectPath']);
    // failed read, the read again without chains, the tabs' A1, the write.
    expect(first.counts).toMatchObject({ syncs: 4, writeSyncs: 1, retries: 1 });
  });

  test('the next run does not fail again, and reads the stored state', async () => {
    const { fake, host } = book('fail');
    await scoreCounted(host, criteria, 'vi', { summary: false });
    const errors = fake.syncLog.filter((s) => s.error).length;
    const second = await scoreCounted(host, criteria, 'vi', { summary: false });
    expect(fake.syncLog.filter((s) => s.error).length).toBe(errors);
    expect(second.read.state).not.toBeNull();
    expect(second.counts.retries).toBe(0);
    const cleared = await clearCounted(host);
    expect(cleared.kept).toEqual([]);
    expect(filled(fake)).toBe(0);
  });

  test('a fresh host (the pane reopened) on a scored workbook: "Xóa màu" still finds the state', async () => {
    const { fake, host } = book('fail');
    await scoreCounted(host, criteria, 'vi', { summary: false });
    const again = new OfficeHost(fake.run, { isSetSupported: () => true });
    const cleared = await clearCounted(again);
    expect(cleared.plan.restore.length).toBeGreaterThan(50);
    expect(filled(fake)).toBe(0);
  });
});

describe('Excel rejects them, after a write Excel applied only in part (the recovery read)', () => {
  test.each([
    ['a first run, Excel stopping after 0 commands', false, 0],
    ['a first run, Excel stopping after 1 command', false, 1],
    ['a first run, Excel stopping after 2 commands', false, 2],
    ['a workbook scored then cleared, its state sheet deleted', true, 1],
  ])('%s: the run fails with a clear outcome, the stored state matches the fills, "Xóa màu" restores every fill', async (_, scoredBefore, commands) => {
    const { fake } = book('fail');
    const original = fake.workbook.sheet(SHEET)!.cells();
    if (scoredBefore) {
      await scoreCounted(new OfficeHost(fake.run, { isSetSupported: () => true }), criteria, 'vi', { summary: false });
      await clearCounted(new OfficeHost(fake.run, { isSetSupported: () => true }));
      // The state sheet gone: the recovery's chain on it fails.
      fake.workbook.deleteSheet(STATE_SHEET);
    }
    const host = new OfficeHost(fake.run, { isSetSupported: () => true, writeCellsPerSync: 30 });
    let seen = 0;
    fake.inject({ kind: 'fail-after', commands, code: 'GeneralException' }, { when: (s) => s.writes > 0 && seen++ === 0 });
    const e = await scoreCounted(host, criteria, 'vi', { summary: false }).then(
      () => null,
      (x: unknown) => x,
    );
    expect(e).toMatchObject({ code: 'GeneralException' });
    expect(['unchanged', 'consistent']).toContain(workbookOutcome(e));
    await clearCounted(new OfficeHost(fake.run, { isSetSupported: () => true }));
    const after = fake.workbook.sheet(SHEET)!.cells();
    for (const [a, c] of Object.entries(original)) expect([a, after[a]?.fill ?? null]).toEqual([a, c.fill ?? null]);
    expect(filled(fake)).toBe(0);
  });
});

describe('Excel rejects them in "Gộp báo cáo" (no state sheet; a sheet named that is not there)', () => {
  const run = (fake: ReturnType<typeof createFakeExcel>) => fake.run as unknown as ExcelRunner;
  test('the returns are consolidated, for one failed sync and one for the sheets\' names', async () => {
    const { fake } = book('fail');
    const before = fake.counters.syncs;
    const out = await consolidateSheets(run(fake), criteria, { sheets: [SHEET], lang: 'vi', isSetSupported: () => true });
    expect(out.results.length).toBe(57);
    expect(fake.workbook.sheetNames()).toEqual([SHEET, out.masterSheet, out.summarySheet]);
    expect(fake.syncLog.filter((s) => s.error).map((s) => s.error)).toEqual(['InvalidObjectPath']);
    // …and two more for the master's and the summary's page setup, each synced apart (page-layout.ts).
    expect(fake.counters.syncs - before).toBe(6);
    expect(out.syncs).toBe(6);
  });

  test('a sheet that is not there is still told by name, before anything is written', async () => {
    const { fake } = book('fail');
    await expect(consolidateSheets(run(fake), criteria, { sheets: [SHEET, 'Không có'], lang: 'vi', isSetSupported: () => true })).rejects.toMatchObject({ code: 'SheetMissing', sheet: 'Không có' });
    expect(fake.workbook.sheetNames()).toEqual([SHEET]);
  });
});

describe('Excel answers null objects for them (as the fake did before)', () => {
  test('a normal appendix: read 1 + write 1, no retry', async () => {
    const { host } = book('null');
    const result = await scoreCounted(host, criteria, 'vi', { summary: false });
    expect(result.counts).toMatchObject({ syncs: 2, readSyncs: 1, writeSyncs: 1, retries: 0 });
  });
});
