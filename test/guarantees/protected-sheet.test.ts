/**
 * Guarantee: a protected appendix is never written to. The pipeline refuses to colour it with a
 * 'sheet-protected' warning; the xlsx host then changes nothing on it (the summary and the state,
 * the product's own sheets, are still written) and the command line says why, in one line.
 * (The Office host's side is in office-failures.test.ts.)
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { SUMMARY_MARKER } from '../../src/core/plan';
import { scoreWorkbook } from '../../src/core/workbook';
import { loadWorkbook } from '../../src/hosts/xlsx';
import { XlsxHost } from '../../src/hosts/xlsx/host';
import { buildAppendix, sampleValues, withValue } from '../../src/testing/appendix';
import { snapshotToWorkbook } from '../fixtures/xlsx';
import { gnlc } from '../hostile/helpers';
import { SHEET, criteria, xlsxUserCells } from './helpers';

async function protectedWorkbook(): Promise<Buffer> {
  const built = buildAppendix(criteria(), withValue(sampleValues(criteria()), '1.1.1.a', 'value', '93,5%'), {}, SHEET);
  const wb = snapshotToWorkbook([built.sheet]);
  await wb.getWorksheet(SHEET)!.protect('', {});
  return Buffer.from(await wb.xlsx.writeBuffer());
}

test('xlsx host: not coloured, a sheet-protected warning, nothing on the sheet changes; the summary is written', async () => {
  const bytes = await protectedWorkbook();
  const wb = await loadWorkbook(bytes);
  const before = xlsxUserCells(wb, [SHEET]);
  const host = new XlsxHost(wb);
  expect((await host.read(SHEET)).sheet.protected).toBe(true);
  const { plan, warnings } = await scoreWorkbook(host, criteria(), { lang: 'vi', sheet: SHEET });
  expect(warnings.map((w) => w.code)).toEqual(['sheet-protected']);
  expect(plan.fills).toEqual([]);
  const applied = host.lastApply!;
  expect(applied.coloured).toBe(0);
  const again = await loadWorkbook(await host.toBuffer());
  expect(xlsxUserCells(again, [SHEET])).toEqual(before);
  expect(again.getWorksheet(applied.summarySheet!)!.getCell('A1').value).toBe(SUMMARY_MARKER);
});

test('command line: scored (exit 0), the copy is not coloured, and one line says why', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gnlc-protected-'));
  try {
    const input = path.join(dir, 'bao-ve.xlsx');
    fs.writeFileSync(input, await protectedWorkbook());
    const r = await gnlc('score', input, '--out', path.join(dir, 'da-cham.xlsx'));
    expect(r.code).toBe(0);
    const lines = r.stderr.split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^gnlc: .*"Phụ lục" đang được bảo vệ nên không tô màu được/);
    expect(r.stdout).toMatch(/tô màu 0 ô/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
