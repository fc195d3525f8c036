/** The workbooks the benchmarks score: the example appendix, copies of it, and it grown tall. */
import * as fs from 'fs';
import * as path from 'path';
import { CriteriaSet } from '../src/core/criteria';
import { findAppendixSheet } from '../src/core/mapping';
import { SheetSnapshot, toA1 } from '../src/core/snapshot';
import { loadWorkbook, readWorkbookSnapshot } from '../src/hosts/xlsx/read';
import { loadCriteria } from '../test/core/helpers';
import { ROOT } from './measure';

export const SAMPLE_PATH = path.join(ROOT, 'examples', 'phu-luc-thanh-pho-mau.xlsx');

let criteria: CriteriaSet | null = null;
export function benchCriteria(): CriteriaSet {
  return (criteria ??= loadCriteria());
}

export interface Sample {
  /** Every visible sheet of the example workbook, the appendix first. */
  sheets: SheetSnapshot[];
  appendix: SheetSnapshot;
}

let sample: Sample | null = null;
/** The example workbook (examples/phu-luc-thanh-pho-mau.xlsx) read through the xlsx host. */
export async function loadSample(): Promise<Sample> {
  if (sample) return sample;
  const wb = await loadWorkbook(fs.readFileSync(SAMPLE_PATH));
  const read = readWorkbookSnapshot(wb);
  const found = findAppendixSheet(read.snapshot, benchCriteria());
  if (!found) throw new Error(`${SAMPLE_PATH}: no appendix sheet found`);
  const appendix = found.sheet;
  sample = { appendix, sheets: [appendix, ...read.snapshot.sheets.filter((s) => s !== appendix)] };
  return sample;
}

/** The same sheet under another name. */
export function renamed(sheet: SheetSnapshot, name: string): SheetSnapshot {
  return { ...sheet, name };
}

/**
 * The sheet grown to `rows` rows: below the appendix, rows of a department's own notes (a name,
 * a number, a remark, in the first three columns), as large returns carry them.
 */
export function tallSheet(sheet: SheetSnapshot, rows: number): SheetSnapshot {
  const width = Math.max(3, ...sheet.cells.map((r) => r.length));
  const cells = sheet.cells.map((r) => [...r]);
  const first = sheet.origin.row + cells.length;
  for (let r = first; r < sheet.origin.row + rows; r++) {
    const line: SheetSnapshot['cells'][number] = new Array(width).fill(null);
    if (r > first) {
      line[0] = { value: `Đơn vị ${r + 1}`, type: 'string' };
      line[1] = { value: (r + 1) * 3, type: 'number' };
      line[2] = { value: 'ghi chú', type: 'string' };
    }
    cells.push(line);
  }
  return { ...sheet, cells };
}

/** A1 address of a sheet's last cell (for messages). */
export function lastCell(sheet: SheetSnapshot): string {
  return toA1(sheet.origin.row + sheet.cells.length - 1, sheet.origin.col + Math.max(0, ...sheet.cells.map((r) => r.length)) - 1);
}

/**
 * A large city workbook, written to `file`: the appendix grown to 10,000 rows (tallSheet) first,
 * then 20 other sheets (copies of the appendix, as a coordinator keeps the departments' sheets).
 */
export async function writeLargeWorkbook(file: string, rows = 10_000, others = 20): Promise<void> {
  const { snapshotToBuffer } = await import('../test/fixtures/xlsx');
  const { appendix } = await loadSample();
  const sheets = [tallSheet(appendix, rows), ...Array.from({ length: others }, (_, i) => renamed(appendix, `Sở ${i + 1}`))];
  fs.writeFileSync(file, await snapshotToBuffer(sheets));
}

/**
 * Thirty returns as a coordinator receives them, written as .xlsx files into `dir`: each of the
 * 13 responsible parties' appendix with its own rows filled, then 17 district returns
 * (UBND quận, huyện) with the districts' 4 indicators, a few of them disagreeing.
 */
export async function writeReturns(dir: string, count = 30): Promise<string[]> {
  const { buildAppendixSheet, sampleValues } = await import('../src/testing/appendix');
  const { snapshotToBuffer } = await import('../test/fixtures/xlsx');
  const { listParties } = await import('../src/core/template');
  const { listIndicators } = await import('../src/core/criteria');
  const criteria = benchCriteria();
  const all = sampleValues(criteria);
  const parties = listParties(criteria);
  const district = parties.find((p) => /UBND/.test(p.party)) ?? parties[0]!;
  const fieldsOf = new Map(listIndicators(criteria).map(({ indicator }) => [indicator.id, indicator.fields]));
  const files: string[] = [];
  for (let i = 0; i < count; i++) {
    const party = i < parties.length ? parties[i]! : district;
    const values: typeof all = {};
    for (const id of party.indicators) values[id] = { ...all[id] };
    if (i >= parties.length && i % 5 === 0) {
      const id = party.indicators[0]!;
      const key = fieldsOf.get(id)![0]!.key;
      values[id]![key] = 80 + (i % 3);
    }
    const name = i < parties.length ? `${String(i + 1).padStart(2, '0')} ${party.party}` : `${String(i + 1).padStart(2, '0')} Quận-huyện ${i - parties.length + 1}`;
    const file = path.join(dir, `${name.replace(/[\\/:*?"<>|,]/g, '')}.xlsx`);
    fs.writeFileSync(file, await snapshotToBuffer([buildAppendixSheet(criteria, values)]));
    files.push(file);
  }
  return files;
}
