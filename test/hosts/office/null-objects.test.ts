/// <reference types="office-js" />
/**
 * Objects derived from a null object before a sync: the documentation does not say what Excel
 * does. The fake answers both ways (nullObjectChains 'null' | 'fail'); "Chấm điểm" and "Xóa màu"
 * work either way, and a failure costs one more sync, not the run.
 */
import { loadCriteria } from '../../core/helpers';
import { buildAppendix, sampleValues } from '../../../src/testing/appendix';
import { createFakeExcel, sheetDataFromSnapshot } from '../../../src/testing/fake-excel';
import { OfficeHost } from '../../../src/hosts/office';
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

describe('Excel answers null objects for them (as the fake did before)', () => {
  test('a normal appendix: read 1 + write 1, no retry', async () => {
    const { host } = book('null');
    const result = await scoreCounted(host, criteria, 'vi', { summary: false });
    expect(result.counts).toMatchObject({ syncs: 2, readSyncs: 1, writeSyncs: 1, retries: 0 });
  });
});
