/** A1 addresses as Excel writes and accepts them: cells, rectangles, whole columns and rows. */
import { FakeOfficeError } from './errors';
import { columnName, toA1 } from '../../core/snapshot';

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

/** 0-based, inclusive. `kind` says how Excel prints it ("A:C" for whole columns, "1:3" for whole rows). */
export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
  kind?: 'cells' | 'columns' | 'rows' | 'sheet';
}

/** The core's address helpers, under the names the fake uses. */
export const columnLetters = columnName;
export const cellA1 = toA1;

function lettersToCol(letters: string): number {
  let col = 0;
  for (const ch of letters) col = col * 26 + (ch.charCodeAt(0) - 64);
  return col - 1;
}

export function rectRows(r: Rect): number {
  return r.bottom - r.top + 1;
}
export function rectCols(r: Rect): number {
  return r.right - r.left + 1;
}
export function rectCells(r: Rect): number {
  return rectRows(r) * rectCols(r);
}

export function intersect(a: Rect, b: Rect): Rect | null {
  const top = Math.max(a.top, b.top);
  const left = Math.max(a.left, b.left);
  const bottom = Math.min(a.bottom, b.bottom);
  const right = Math.min(a.right, b.right);
  return top <= bottom && left <= right ? { top, left, bottom, right, kind: 'cells' } : null;
}

export function contains(r: Rect, row: number, col: number): boolean {
  return row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
}

/** "A1", "$A$1:B2", "A:C", "3:5" (no sheet part) → a rectangle; null when it is not an address. */
export function parseLocalAddress(address: string): Rect | null {
  const a = address.trim().toUpperCase().replace(/\$/g, '');
  let m = /^([A-Z]{1,3})(\d{1,7})(?::([A-Z]{1,3})(\d{1,7}))?$/.exec(a);
  if (m) {
    const r1 = Number(m[2]) - 1;
    const c1 = lettersToCol(m[1]!);
    const r2 = m[4] !== undefined ? Number(m[4]) - 1 : r1;
    const c2 = m[3] !== undefined ? lettersToCol(m[3]) : c1;
    return checked({ top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2), kind: 'cells' });
  }
  m = /^([A-Z]{1,3}):([A-Z]{1,3})$/.exec(a);
  if (m) {
    const c1 = lettersToCol(m[1]!);
    const c2 = lettersToCol(m[2]!);
    return checked({ top: 0, left: Math.min(c1, c2), bottom: MAX_ROWS - 1, right: Math.max(c1, c2), kind: 'columns' });
  }
  m = /^(\d{1,7}):(\d{1,7})$/.exec(a);
  if (m) {
    const r1 = Number(m[1]) - 1;
    const r2 = Number(m[2]) - 1;
    return checked({ top: Math.min(r1, r2), left: 0, bottom: Math.max(r1, r2), right: MAX_COLS - 1, kind: 'rows' });
  }
  return null;
}

function checked(r: Rect): Rect | null {
  if (r.top < 0 || r.left < 0 || r.bottom >= MAX_ROWS || r.right >= MAX_COLS) return null;
  return r;
}

/** Splits "'My sheet'!A1:B2" into its sheet part (unquoted) and local part. */
export function splitSheet(address: string): { sheet: string | null; local: string } {
  const t = address.trim();
  if (t.startsWith("'")) {
    let i = 1;
    let name = '';
    while (i < t.length) {
      if (t[i] === "'" && t[i + 1] === "'") {
        name += "'";
        i += 2;
      } else if (t[i] === "'") break;
      else name += t[i++];
    }
    if (t[i + 1] !== '!') return { sheet: null, local: t };
    return { sheet: name, local: t.slice(i + 2) };
  }
  const bang = t.lastIndexOf('!');
  return bang < 0 ? { sheet: null, local: t } : { sheet: t.slice(0, bang), local: t.slice(bang + 1) };
}

/** Parses an address of one worksheet, optionally "Sheet!…"; throws InvalidArgument like Excel. */
export function parseAddressOn(address: string, sheetName: string): Rect {
  const { sheet, local } = splitSheet(address);
  if (sheet !== null && sheet.toLowerCase() !== sheetName.toLowerCase()) throw new FakeOfficeError('InvalidArgument', `address ${address} is not on ${sheetName}`);
  const r = parseLocalAddress(local);
  if (!r) throw new FakeOfficeError('InvalidArgument', `not an address: ${address}`);
  return r;
}

/** Excel quotes a sheet name in an address unless it is plain letters, digits and underscores (not starting with a digit). */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function localAddress(r: Rect): string {
  if (r.kind === 'sheet') return `1:${MAX_ROWS}`;
  if (r.kind === 'columns') return `${columnLetters(r.left)}:${columnLetters(r.right)}`;
  if (r.kind === 'rows') return `${r.top + 1}:${r.bottom + 1}`;
  const a = cellA1(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? a : `${a}:${cellA1(r.bottom, r.right)}`;
}

export function fullAddress(sheet: string, r: Rect): string {
  return `${quoteSheet(sheet)}!${localAddress(r)}`;
}
