/// <reference types="office-js" />
/**
 * The person is editing a cell (ExcelApi 1.11 delayForCellEdit: the batch waits instead of being
 * refused), and format changes arrive on onFormatChanged, not onChanged (the documentation).
 */
import { loadCriteria } from '../../core/helpers';
import { buildAppendix, sampleValues } from '../../../src/testing/appendix';
import { createFakeExcel, sheetDataFromSnapshot } from '../../../src/testing/fake-excel';
import { OfficeHost } from '../../../src/hosts/office';
import { scoreCounted } from './counted';

const criteria = loadCriteria();
const book = () => createFakeExcel({ name: 'a.xlsx', sheets: [sheetDataFromSnapshot(buildAppendix(criteria, sampleValues(criteria)).sheet)] });

test('ExcelApi 1.11: "Chấm điểm" while the person edits a cell waits for them, then scores and colours', async () => {
  const fake = book();
  fake.inject({ kind: 'refuse', code: 'InvalidOperationInCellEditMode' });
  const result = await scoreCounted(new OfficeHost(fake.run, { isSetSupported: () => true }), criteria, 'vi', { summary: false });
  expect(result.run.summary.totals.total).toBe(57);
  expect(result.counts).toMatchObject({ syncs: 2, retries: 0 });
  expect(fake.syncLog.filter((s) => s.error)).toEqual([]);
  expect(fake.pendingFaults()).toBe(0);
});

test('without ExcelApi 1.11 the same edit refuses the batch (the pane then says to press Enter or Esc)', async () => {
  const fake = book();
  fake.inject({ kind: 'refuse', code: 'InvalidOperationInCellEditMode' });
  await expect(scoreCounted(new OfficeHost(fake.run, { isSetSupported: (_s, v) => v !== '1.11' }), criteria, 'vi')).rejects.toMatchObject({ code: 'InvalidOperationInCellEditMode' });
});

test('a fill the add-in sets fires onFormatChanged, not onChanged; a value fires onChanged', async () => {
  const fake = createFakeExcel({ sheets: [{ name: 'S', cells: { A1: 1 } }] });
  const changed: string[] = [];
  const format: string[] = [];
  await fake.run(async (context) => {
    const ws = context.workbook.worksheets.getItem('S');
    ws.onChanged.add(async (a) => void changed.push(a.address));
    ws.onFormatChanged.add(async (a) => void format.push(`${a.type} ${a.address}`));
    await context.sync();
    ws.getRange('B2').format.fill.color = '#FF0000';
    ws.getRange('C3').values = [[3]];
    await context.sync();
  });
  await fake.events.idle();
  expect(changed).toEqual(['C3']);
  expect(format).toEqual(['WorksheetFormatChanged B2']);
});
