/** Helpers for the xlsx host tests: criteria, workbook bytes, one scoring or clearing run through the host. */
import * as path from 'path';
import ExcelJS from 'exceljs';
import { CriteriaSet } from '../../../src/core/criteria';
import { ScoreRun, WritePlan } from '../../../src/core/pipeline';
import { clearWorkbook, scoreWorkbook } from '../../../src/core/workbook';
import { Lang } from '../../../src/i18n/format';
import { loadCriteria as loadBundled } from '../../core/helpers';
import { ApplyResult, loadWorkbook } from '../../../src/hosts/xlsx';
import { XlsxHost } from '../../../src/hosts/xlsx/host';

export const ROOT = path.join(__dirname, '..', '..', '..');
export const CRITERIA_PATH = path.join(ROOT, 'criteria', 'gnlc-vn-2019.json');

let cached: CriteriaSet | undefined;
/** The bundled criteria, loaded once for the file's tests. */
export function loadCriteria(): CriteriaSet {
  return (cached ??= loadBundled());
}

export async function toBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A fresh exceljs workbook from bytes (never the one a run changed). */
export async function open(data: Buffer): Promise<ExcelJS.Workbook> {
  return loadWorkbook(data);
}

export interface HostRun {
  buffer: Buffer;
  plan: WritePlan;
  run?: ScoreRun;
  applied: ApplyResult;
  kept?: string[];
}

/** The core's scoreWorkbook through the xlsx host on the bytes (the sheet by the core's rule, or `sheet`), written to new bytes. */
export async function scoreThroughHost(data: Buffer, options: { sheet?: string; lang?: Lang } = {}): Promise<HostRun> {
  const host = await XlsxHost.open(data, { workbookName: 'test.xlsx' });
  const { run, plan } = await scoreWorkbook(host, loadCriteria(), { lang: options.lang ?? 'vi', ...(options.sheet !== undefined ? { sheet: options.sheet } : {}) });
  return { buffer: await host.toBuffer(), plan, run, applied: host.lastApply! };
}

/** The core's clearWorkbook ("Xóa màu") through the xlsx host. */
export async function clearThroughHost(data: Buffer, sheet: string): Promise<HostRun> {
  const host = await XlsxHost.open(data);
  const { plan, kept } = await clearWorkbook(host, loadCriteria(), { sheet });
  return { buffer: await host.toBuffer(), plan, applied: host.lastApply!, kept };
}

/** Everything about a cell a person could see or rely on, as plain data. */
export function cellModel(cell: ExcelJS.Cell): Record<string, unknown> {
  const plain = (x: unknown) => (x === undefined ? undefined : JSON.parse(JSON.stringify(x)));
  return {
    type: cell.type,
    value: plain(cell.value),
    formula: cell.formula,
    numFmt: cell.numFmt,
    font: plain(cell.font),
    border: plain(cell.border),
    alignment: plain(cell.alignment),
    protection: plain(cell.protection),
    fill: plain(cell.fill),
    note: plain(cell.note),
  };
}

/** Every cell exceljs holds on a sheet, by address. */
export function cellsByAddress(ws: ExcelJS.Worksheet): Map<string, ExcelJS.Cell> {
  const out = new Map<string, ExcelJS.Cell>();
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.findRow(r);
    if (!row) continue;
    for (let c = 1; c <= row.cellCount; c++) {
      const cell = row.findCell(c);
      if (cell) out.set(cell.address, cell);
    }
  }
  return out;
}

/** "No fill" as exceljs reports it: no fill object, or the pattern "none". */
export function isNoFill(fill: ExcelJS.Fill | undefined): boolean {
  return !fill || (fill.type === 'pattern' && fill.pattern === 'none');
}
