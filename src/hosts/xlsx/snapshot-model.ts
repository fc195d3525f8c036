/**
 * What both readers of the xlsx host share, and nothing that loads exceljs: the read's shape
 * (WorkbookRead), its errors, a cell value as the core's content (the value, its type, its number
 * format and the text Excel displays) and a sheet model as a snapshot. read.ts fills them from an
 * exceljs workbook, package-read.ts from the package's parts.
 */
import type ExcelJS from 'exceljs';
import type { CellContent, CellValueType } from '../../core/read';
import { CellArea, FillSpec, SheetSnapshot, WorkbookSnapshot, columnName, toA1 } from '../../core/snapshot';
import type { StateRead } from '../../core/state';
import type { WorkbookState } from '../../core/plan';
import { displayNumber } from './format';
import { INPUT_LIMITS, LimitDetail } from './limits';
import type { SheetFormatCodes } from './number-formats';

/** Why a file could not be opened as a workbook ('too-large': over an input limit, see limits.ts). */
export type XlsxReadProblem = 'not-zip' | 'legacy-or-encrypted' | 'damaged' | 'too-large';

export class XlsxReadError extends Error {
  constructor(
    readonly problem: XlsxReadProblem,
    message: string,
    /** The limit the file is over, for 'too-large' (describeLimit gives it in Vietnamese or English). */
    readonly limit?: LimitDetail,
  ) {
    super(message);
    this.name = 'XlsxReadError';
  }
}

/** What one read of a workbook gives: its visible sheets as snapshots, and the product's own sheets and state. */
export interface WorkbookRead {
  /** Every visible worksheet, in tab order (the product's summary sheets included: see `summarySheets`). */
  snapshot: WorkbookSnapshot;
  /** Every sheet's name in tab order, hidden ones included. */
  sheetNames: string[];
  /** The product's stored state, or null when the workbook has none (or it is damaged). */
  state: WorkbookState | null;
  /** How the state read: none, ok (with records dropped, counted) or damaged (kept as it is). */
  stateRead: { status: StateRead['status']; dropped: number };
  /** Sheets whose A1 holds the summary marker: the product's own summary sheets. */
  summarySheets: string[];
  /** Summary sheet → the sheet it summarises (its B1), where recorded. */
  summarySources?: Record<string, string>;
  workbookName?: string;
}

export interface ReadContext {
  theme: string[];
  date1904: boolean;
  /** The file's own number-format codes where exceljs reads them differently (number-formats.ts). */
  formats?: SheetFormatCodes;
}

export function richText(v: ExcelJS.CellRichTextValue): string {
  return (v.richText ?? []).map((r) => r.text ?? '').join('');
}

/** Excel's serial number of a date as exceljs gives it (exceljs reads dates as UTC). */
export function dateToSerial(d: Date, date1904: boolean): number {
  return 25569 + d.getTime() / 86400000 - (date1904 ? 1462 : 0);
}

/**
 * A cell's content, written as one object literal of one shape whatever the value: a copy with a
 * property added (`{ ...c, numberFormat }`) is, once V8 has seen it with several shapes, given a
 * hidden class of its own per object (Node 20), and every core function that reads the cells then
 * takes its slowest path.
 */
function content(value: CellContent['value'], type: CellValueType, text: string, numberFormat: string | undefined): CellContent {
  return numberFormat !== undefined ? { value, type, text, numberFormat } : { value, type, text };
}

export function contentOf(v: unknown, numberFormat: string | undefined, ctx: ReadContext): CellContent | null {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'number') return content(v, 'number', displayNumber(v, numberFormat, ctx.date1904), numberFormat);
  if (typeof v === 'string') return content(v, 'string', v, numberFormat);
  if (typeof v === 'boolean') return content(v, 'boolean', v ? 'TRUE' : 'FALSE', numberFormat);
  if (v instanceof Date) {
    const serial = dateToSerial(v, ctx.date1904);
    if (!Number.isFinite(serial)) return content(String(v), 'string', String(v), numberFormat);
    // The number format (a date format) tells the reader it is a date.
    return { value: serial, type: 'number', numberFormat: numberFormat ?? 'yyyy-mm-dd', text: displayNumber(serial, numberFormat ?? 'yyyy-mm-dd', ctx.date1904) };
  }
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.error === 'string') return content(o.error, 'error', o.error, numberFormat);
    if (Array.isArray(o.richText)) {
      const t = richText(o as unknown as ExcelJS.CellRichTextValue);
      return t === '' ? null : content(t, 'string', t, numberFormat);
    }
    if ('hyperlink' in o || 'text' in o) return contentOf(o.text, numberFormat, ctx);
    if ('formula' in o || 'sharedFormula' in o) return contentOf(o.result, numberFormat, ctx);
  }
  const t = String(v);
  return content(t, 'string', t, numberFormat);
}

/** One row of a sheet as the file gives it: its own fill, and the cells it holds (content null: empty or the covered part of a merged area). */
export interface ModelRow {
  r: number;
  /** The row's format fill (its `s`), or null. */
  fill: FillSpec | null;
  /** In column order. */
  cells: Array<{ c: number; content: CellContent | null; fill: FillSpec }>;
}

/** A sheet as the snapshot is built from it, whoever read it (exceljs, or the package reader). */
export interface SheetModel {
  name: string;
  /** The rows in the file (and those a merged area adds), in row order. */
  rows: ModelRow[];
  merges: CellArea[];
  /** Columns (0-based) whose format has a fill with a colour. */
  columnFills: Array<{ c: number; fill: FillSpec }>;
  protected: boolean;
}

/** The snapshot of a sheet model (see sheetSnapshot). */
export function snapshotOf(model: SheetModel): SheetSnapshot {
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  const rows = model.rows;
  for (const { r, cells } of rows) {
    if (!cells.length) continue;
    top = Math.min(top, r);
    bottom = Math.max(bottom, r);
    left = Math.min(left, cells[0]!.c);
    right = Math.max(right, cells[cells.length - 1]!.c);
  }
  const merges = model.merges;
  for (const m of merges) {
    top = Math.min(top, m.top);
    left = Math.min(left, m.left);
    bottom = Math.max(bottom, m.bottom);
    right = Math.max(right, m.right);
  }
  const snapshot: SheetSnapshot = { name: model.name, origin: { row: 0, col: 0 }, cells: [], merges, fills: new Map() };
  if (model.protected) snapshot.protected = true;
  if (bottom < 0) return snapshot;
  snapshot.origin = { row: top, col: left };
  const fills = new Map<string, FillSpec>();
  const columnFills = model.columnFills.filter(({ c }) => c >= left && c <= right);
  // Every slot of the snapshot (a cell, a null before it in its row, an inherited fill) is counted against a budget.
  let slots = bottom - top + 1;
  const spend = (n: number) => {
    slots += n;
    if (slots > INPUT_LIMITS.snapshotSlots) throw new XlsxReadError('too-large', `the sheet ${model.name} is too spread out to read`, { kind: 'sheet-area', actual: slots, limit: INPUT_LIMITS.snapshotSlots, entry: model.name });
  };
  spend(0);
  const cells: Array<Array<CellContent | null>> = [];
  for (let i = top; i <= bottom; i++) cells.push([]);
  /** One row into the snapshot (its own function: called per row, it is optimised early). */
  const place = (r: number, rowFill: FillSpec | null, present: ModelRow['cells']): void => {
    const line = cells[r - top]!;
    const rowText = String(r + 1); // each address is its column's letters and this (toA1)
    // The columns the row has, only when a row's or columns' fill is to be given to the others.
    const inherits = (rowFill && rowFill.color !== null) || columnFills.length > 0;
    const has = inherits ? new Set<number>() : null;
    for (const { c, content, fill } of present) {
      if (c < left || c > right) continue;
      has?.add(c);
      if (content !== null) {
        spend(c - left + 1 - line.length);
        while (line.length < c - left) line.push(null);
        line[c - left] = content;
      }
      // The model's object: read.ts makes one per cell; package-read.ts gives every cell of a format its format's (frozen) one.
      fills.set(columnName(c) + rowText, fill);
    }
    // A cell that is not in the file shows its row's or column's format.
    if (!has) return;
    if (rowFill && rowFill.color !== null) {
      spend(right - left + 1);
      for (let c = left; c <= right; c++) if (!has.has(c)) fills.set(columnName(c) + rowText, { ...rowFill });
    } else {
      spend(columnFills.length);
      for (const { c, fill } of columnFills) if (!has.has(c)) fills.set(columnName(c) + rowText, { ...fill });
    }
  };
  for (const { r, fill: rowFill, cells: present } of rows) if (r >= top && r <= bottom) place(r, rowFill, present);
  // A row that is not in the file shows the columns' fills (no cost when no column has one).
  if (columnFills.length) {
    const inFile = new Set(rows.map((x) => x.r));
    for (let r = top; r <= bottom; r++) {
      if (inFile.has(r)) continue;
      spend(columnFills.length);
      for (const { c, fill } of columnFills) fills.set(toA1(r, c), { ...fill });
    }
  }
  snapshot.cells = cells;
  snapshot.fills = fills;
  return snapshot;
}

