/**
 * The xlsx host as the core's WorkbookHost: the active sheet is the one the file opens on, and
 * the command line chooses the sheet by the core's rule, as the add-in does.
 */
import * as fs from 'fs';
import * as path from 'path';
import { SUMMARY_MARKER } from '../../../src/core/plan';
import { scoreWorkbook } from '../../../src/core/workbook';
import { loadWorkbook } from '../../../src/hosts/xlsx';
import { XlsxHost } from '../../../src/hosts/xlsx/host';
import { buildAppendixSheet, sampleValues } from '../../../src/testing/appendix';
import { snapshotToWorkbook } from '../../fixtures/xlsx';
import { gnlc, loadCriteria, scratch } from '../../cli/helpers';

const criteria = loadCriteria();

/**
 * Two appendices and a note sheet, opening on the tab given. "Phụ lục" looks more like the
 * appendix (its name), so it is the best appendix; "Năm trước" is first.
 */
async function twoAppendices(activeTab: number): Promise<Buffer> {
  const wb = snapshotToWorkbook([buildAppendixSheet(criteria, sampleValues(criteria), {}, 'Năm trước'), buildAppendixSheet(criteria, sampleValues(criteria), {}, 'Phụ lục')]);
  wb.addWorksheet('Ghi chú').getCell('A1').value = 'ghi chú';
  wb.views = [{ x: 0, y: 0, width: 10000, height: 20000, firstSheet: 0, activeTab, visibility: 'visible' }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}

test('the active sheet is the tab the file opens on; an appendix there is the one scored', async () => {
  const host = new XlsxHost(await loadWorkbook(await twoAppendices(1)));
  expect(host.activeSheet()).toBe('Phụ lục');
  expect(new XlsxHost(await loadWorkbook(await twoAppendices(0))).activeSheet()).toBe('Năm trước');
  expect((await host.sheets()).map((s) => s.name)).toEqual(['Năm trước', 'Phụ lục', 'Ghi chú']);
  const done = await scoreWorkbook(host, criteria, { lang: 'vi' });
  expect(done.choice).toEqual({ sheet: 'Phụ lục', reason: 'active' });
  expect(host.lastApply?.summarySheet).toBe('Tổng hợp GNLC');
  // Scored again from the summary sheet (named): the appendix it summarises.
  const again = await scoreWorkbook(host, criteria, { lang: 'vi', sheet: 'Tổng hợp GNLC', write: false });
  expect(again.choice).toEqual({ sheet: 'Phụ lục', reason: 'summary-source' });
  expect(again.read.summarySheets).toEqual(['Tổng hợp GNLC']);
  expect((await host.read('Tổng hợp GNLC')).sheet.cells[0]?.[0]?.value).toBe(SUMMARY_MARKER);
});

test('the active tab not an appendix: the best appendix; the state alone can be written', async () => {
  const host = new XlsxHost(await loadWorkbook(await twoAppendices(2)));
  expect(host.activeSheet()).toBe('Ghi chú');
  const done = await scoreWorkbook(host, criteria, { lang: 'vi', write: false });
  expect(done.choice).toEqual({ sheet: 'Phụ lục', reason: 'best-appendix' });
  await host.writeState(done.plan.state);
  expect(await host.readState()).toEqual(done.plan.state);
});

test('gnlc score follows the same rule: the appendix on the active tab, even when another looks more like one', async () => {
  const dir = scratch();
  const report = path.join(dir, 'r.json');
  const sheetScored = async (activeTab: number) => {
    const input = path.join(dir, `tab-${activeTab}.xlsx`);
    fs.writeFileSync(input, await twoAppendices(activeTab));
    expect((await gnlc('score', input, '--report', report, '--force')).code).toBe(0);
    return (JSON.parse(fs.readFileSync(report, 'utf8')) as { sheet: string }).sheet;
  };
  expect(await sheetScored(0)).toBe('Năm trước');
  expect(await sheetScored(1)).toBe('Phụ lục');
  expect(await sheetScored(2)).toBe('Phụ lục');
});
