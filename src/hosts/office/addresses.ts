/**
 * Address lists for multi-area calls: runs of cells compressed into ranges, lists cut under
 * Excel's 8,192-character address limit, sheet references for hyperlinks, selection parsing.
 */
import { CellArea, columnName, parseA1, toA1 } from '../../core/snapshot';

/** Excel's limit on the address string of one RangeAreas (Worksheet.getRanges). */
export const MAX_ADDRESS_LENGTH = 8192;

/** "A1:B3" (or "A1" for one cell). */
export function areaAddress(a: CellArea): string {
  const first = toA1(a.top, a.left);
  return a.top === a.bottom && a.left === a.right ? first : `${first}:${toA1(a.bottom, a.right)}`;
}

/**
 * Cell addresses → the fewest areas by simple runs: vertical runs in a column, then runs of
 * equal vertical runs side by side. Order: by top row, then left column. Unknown addresses are
 * dropped (the plan only holds A1 cells).
 */
export function compressAddresses(addresses: readonly string[]): CellArea[] {
  const byCol = new Map<number, number[]>();
  for (const a of addresses) {
    const p = parseA1(a);
    if (!p) continue;
    let rows = byCol.get(p.col);
    if (!rows) byCol.set(p.col, (rows = []));
    rows.push(p.row);
  }
  const runs: CellArea[] = [];
  for (const [col, rows] of byCol) {
    const sorted = [...new Set(rows)].sort((x, y) => x - y);
    let start = sorted[0]!;
    let prev = start;
    for (let i = 1; i <= sorted.length; i++) {
      const r = sorted[i];
      if (r !== undefined && r === prev + 1) {
        prev = r;
        continue;
      }
      runs.push({ top: start, bottom: prev, left: col, right: col });
      if (r !== undefined) start = prev = r;
    }
  }
  // Join runs with the same rows in adjacent columns.
  runs.sort((a, b) => a.top - b.top || a.bottom - b.bottom || a.left - b.left);
  const out: CellArea[] = [];
  for (const r of runs) {
    const last = out[out.length - 1];
    if (last && last.top === r.top && last.bottom === r.bottom && last.right + 1 === r.left) last.right = r.right;
    else out.push({ ...r });
  }
  return out.sort((a, b) => a.top - b.top || a.left - b.left);
}

/** Cuts a list of areas into comma-joined address strings of at most `maxLength` characters. */
export function chunkAddressList(areas: readonly CellArea[], maxLength = MAX_ADDRESS_LENGTH, maxCells = Infinity): Array<{ address: string; cells: number; areas: number }> {
  const out: Array<{ address: string; cells: number; areas: number }> = [];
  let current = '';
  let cells = 0;
  let count = 0;
  for (const a of areas) {
    const s = areaAddress(a);
    const n = (a.bottom - a.top + 1) * (a.right - a.left + 1);
    if (current !== '' && (current.length + 1 + s.length > maxLength || count + 1 > maxCells)) {
      out.push({ address: current, cells, areas: count });
      current = '';
      cells = 0;
      count = 0;
    }
    current = current === '' ? s : `${current},${s}`;
    cells += n;
    count++;
  }
  if (current !== '') out.push({ address: current, cells, areas: count });
  return out;
}

/** A sheet name quoted for a reference: 'Phụ lục'!E12 (quotes doubled inside). */
export function sheetReference(sheet: string, address: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${address}`;
}

/** "A1:C3" → every cell, row by row. */
export function areaCells(a: CellArea): string[] {
  const out: string[] = [];
  for (let r = a.top; r <= a.bottom; r++) for (let c = a.left; c <= a.right; c++) out.push(toA1(r, c));
  return out;
}

/** 0-based contiguous columns → "A:A" or "B:D". */
export function columnsAddress(first: number, last: number): string {
  return `${columnName(first)}:${columnName(last)}`;
}

/** A rectangle in sheet coordinates → "A1:F20". */
export function rectAddress(top: number, left: number, bottom: number, right: number): string {
  return areaAddress({ top, left, bottom, right });
}
