/**
 * The xlsx file host, read side: an exceljs workbook → snapshots and a HostRead, in one pass.
 * Translates only: what a cell holds, its number format, its displayed text, merges and fills.
 */
import ExcelJS from 'exceljs';
import type { HostRead } from '../../core/pipeline';
import { STATE_SHEET, SUMMARY_MARKER, WorkbookState, decodeState } from '../../core/plan';
import { summarySource } from '../../core/product-sheets';
import type { CellContent } from '../../core/read';
import { CellArea, FillSpec, SheetSnapshot, WorkbookSnapshot, toA1 } from '../../core/snapshot';
import { fillSpecOf, themeColors } from './colors';
import { displayNumber } from './format';
import { InputLimitError, LimitDetail, checkZipLimits } from './limits';

const V = ExcelJS.ValueType;

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
  /** Sheets whose A1 holds the summary marker: the product's own summary sheets. */
  summarySheets: string[];
  /** Summary sheet → the sheet it summarises (its B1), where recorded. */
  summarySources?: Record<string, string>;
  workbookName?: string;
}

/**
 * Opens an .xlsx from its bytes. Throws XlsxReadError when the bytes are not a workbook
 * (not a zip; an old .xls or a password-protected file, which are OLE compound files; a damaged
 * zip), or are over an input limit ('too-large': a zip bomb; checked before exceljs inflates anything).
 */
export async function loadWorkbook(data: Uint8Array): Promise<ExcelJS.Workbook> {
  const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (bytes.length >= 8 && bytes.readUInt32BE(0) === 0xd0cf11e0 && bytes.readUInt32BE(4) === 0xa1b11ae1) {
    throw new XlsxReadError('legacy-or-encrypted', 'an OLE compound file: an Excel 97–2003 .xls, or an .xlsx protected by a password');
  }
  if (bytes.length < 4 || bytes.readUInt32BE(0) !== 0x504b0304) {
    throw new XlsxReadError('not-zip', 'not an .xlsx file (an .xlsx is a zip archive)');
  }
  try {
    await checkZipLimits(data);
  } catch (e) {
    if (e instanceof InputLimitError) throw new XlsxReadError('too-large', e.message, e.detail);
    throw e;
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (e) {
    throw new XlsxReadError('damaged', `the workbook could not be read (${(e as Error).message})`);
  }
  if (wb.worksheets.length === 0) throw new XlsxReadError('damaged', 'the file holds no worksheet');
  return wb;
}

/** Reads every visible sheet of a workbook, the product's state and summary sheets. */
export function readWorkbookSnapshot(wb: ExcelJS.Workbook, options: { workbookName?: string } = {}): WorkbookRead {
  const theme = workbookTheme(wb);
  const date1904 = !!wb.properties?.date1904;
  const sheets: SheetSnapshot[] = [];
  const summarySheets: string[] = [];
  const summarySources: Record<string, string> = {};
  let state: WorkbookState | null = null;
  for (const ws of wb.worksheets) {
    if (ws.name === STATE_SHEET) {
      state = readState(ws);
      continue;
    }
    if (isSummarySheet(ws)) {
      summarySheets.push(ws.name);
      const b1 = ws.findRow(1)?.findCell(2);
      const source = b1 ? summarySource(cellString(b1)) : null;
      if (source !== null) summarySources[ws.name] = source;
    }
    if (ws.state === 'visible' || ws.state === undefined) sheets.push(sheetSnapshot(ws, { theme, date1904 }));
  }
  const read: WorkbookRead = { snapshot: { sheets }, sheetNames: wb.worksheets.map((w) => w.name), state, summarySheets };
  if (Object.keys(summarySources).length) read.summarySources = summarySources;
  if (options.workbookName !== undefined) read.workbookName = options.workbookName;
  return read;
}

/** The HostRead of one sheet (a hidden sheet is read on demand when `wb` is given). */
export function toHostRead(read: WorkbookRead, sheetName: string, wb?: ExcelJS.Workbook): HostRead {
  let sheet = read.snapshot.sheets.find((s) => s.name === sheetName);
  if (!sheet && wb) {
    const ws = wb.getWorksheet(sheetName);
    if (ws) sheet = sheetSnapshot(ws, { theme: workbookTheme(wb), date1904: !!wb.properties?.date1904 });
  }
  if (!sheet) throw new Error(`no sheet named ${JSON.stringify(sheetName)}`);
  const host: HostRead = { sheet, sheetNames: read.sheetNames, state: read.state, summarySheets: read.summarySheets };
  if (read.summarySources) host.summarySources = read.summarySources;
  if (read.workbookName !== undefined) host.workbookName = read.workbookName;
  return host;
}

export function isSummarySheet(ws: ExcelJS.Worksheet): boolean {
  const a1 = ws.findRow(1)?.findCell(1);
  return !!a1 && cellString(a1) === SUMMARY_MARKER;
}

function readState(ws: ExcelJS.Worksheet): WorkbookState | null {
  const column: unknown[] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const cell = ws.findRow(r)?.findCell(1);
    column.push(cell ? cellString(cell) ?? null : null);
  }
  return decodeState(column);
}

/** A cell's value as a plain string when it holds text (rich text joined), else undefined. */
function cellString(cell: ExcelJS.Cell): string | undefined {
  const v = cell.value;
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object' && 'richText' in v) return richText(v);
  return undefined;
}

function richText(v: ExcelJS.CellRichTextValue): string {
  return (v.richText ?? []).map((r) => r.text ?? '').join('');
}

export function workbookTheme(wb: ExcelJS.Workbook): string[] {
  const themes = (wb as unknown as { _themes?: Record<string, string> })._themes;
  return themeColors(themes?.theme1 ?? (themes ? Object.values(themes)[0] : undefined));
}

/** Excel's serial number of a date as exceljs gives it (exceljs reads dates as UTC). */
export function dateToSerial(d: Date, date1904: boolean): number {
  return 25569 + d.getTime() / 86400000 - (date1904 ? 1462 : 0);
}

interface ReadContext {
  theme: string[];
  date1904: boolean;
}

/** What one cell holds, as the core's reader wants it. A merged area's other cells are empty. */
export function cellContent(cell: ExcelJS.Cell, ctx: ReadContext): CellContent | null {
  if (cell.type === V.Merge) return null;
  const numberFormat = cell.numFmt || undefined;
  let v: unknown = cell.value;
  if (cell.type === V.Formula) {
    // A formula is scored by its computed value; without a cached result it is empty.
    v = (v as { result?: unknown }).result;
  }
  return contentOf(v, numberFormat, ctx);
}

function contentOf(v: unknown, numberFormat: string | undefined, ctx: ReadContext): CellContent | null {
  const withFormat = (c: CellContent): CellContent => (numberFormat !== undefined ? { ...c, numberFormat } : c);
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'number') return withFormat({ value: v, type: 'number', text: displayNumber(v, numberFormat, ctx.date1904) });
  if (typeof v === 'string') return withFormat({ value: v, type: 'string', text: v });
  if (typeof v === 'boolean') return withFormat({ value: v, type: 'boolean', text: v ? 'TRUE' : 'FALSE' });
  if (v instanceof Date) {
    const serial = dateToSerial(v, ctx.date1904);
    if (!Number.isFinite(serial)) return withFormat({ value: String(v), type: 'string', text: String(v) });
    // The number format (a date format) tells the reader it is a date.
    return { value: serial, type: 'number', numberFormat: numberFormat ?? 'yyyy-mm-dd', text: displayNumber(serial, numberFormat ?? 'yyyy-mm-dd', ctx.date1904) };
  }
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.error === 'string') return withFormat({ value: o.error, type: 'error', text: o.error });
    if (Array.isArray(o.richText)) {
      const t = richText(o as unknown as ExcelJS.CellRichTextValue);
      return t === '' ? null : withFormat({ value: t, type: 'string', text: t });
    }
    if ('hyperlink' in o || 'text' in o) return contentOf(o.text, numberFormat, ctx);
    if ('formula' in o || 'sharedFormula' in o) return contentOf(o.result, numberFormat, ctx);
  }
  const t = String(v);
  return withFormat({ value: t, type: 'string', text: t });
}

/** One worksheet as a snapshot: the used range (every cell exceljs holds, values or formats), merges, fills. */
export function sheetSnapshot(ws: ExcelJS.Worksheet, ctx: ReadContext): SheetSnapshot {
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  const rowCount = ws.rowCount;
  for (let r = 1; r <= rowCount; r++) {
    const row = ws.findRow(r);
    if (!row) continue;
    for (let c = 1; c <= row.cellCount; c++) {
      if (!row.findCell(c)) continue;
      if (r - 1 < top) top = r - 1;
      if (r - 1 > bottom) bottom = r - 1;
      if (c - 1 < left) left = c - 1;
      if (c - 1 > right) right = c - 1;
    }
  }
  const merges = readMerges(ws);
  for (const m of merges) {
    top = Math.min(top, m.top);
    left = Math.min(left, m.left);
    bottom = Math.max(bottom, m.bottom);
    right = Math.max(right, m.right);
  }
  const snapshot: SheetSnapshot = { name: ws.name, origin: { row: 0, col: 0 }, cells: [], merges, fills: {} };
  if (bottom < 0) return withProtection(snapshot, ws);
  snapshot.origin = { row: top, col: left };
  const fills: Record<string, FillSpec> = {};
  const columnFill = new Map<number, FillSpec | null>();
  const inherited = (col: number): FillSpec | null => {
    if (!columnFill.has(col)) {
      // ws.columns, not ws.getColumn(): reading must not add columns to the model.
      const f = (ws.columns as Array<Partial<ExcelJS.Column>> | undefined)?.[col]?.style?.fill;
      const spec = f ? fillSpecOf(f, ctx.theme) : null;
      columnFill.set(col, spec && spec.color !== null ? spec : null);
    }
    return columnFill.get(col)!;
  };
  for (let r = top; r <= bottom; r++) {
    const row = ws.findRow(r + 1);
    const line: Array<CellContent | null> = [];
    const rowStyleFill = (row as unknown as { style?: Partial<ExcelJS.Style> } | undefined)?.style?.fill;
    const rowFill = rowStyleFill ? fillSpecOf(rowStyleFill, ctx.theme) : null;
    for (let c = left; c <= right; c++) {
      const cell = row?.findCell(c + 1);
      if (cell) {
        line.push(cellContent(cell, ctx));
        fills[toA1(r, c)] = fillSpecOf(cell.style?.fill, ctx.theme);
      } else {
        line.push(null);
        // A cell that is not in the file shows its row's or column's format.
        const f = rowFill && rowFill.color !== null ? rowFill : inherited(c);
        if (f) fills[toA1(r, c)] = { ...f };
      }
    }
    while (line.length && line[line.length - 1] === null) line.pop();
    snapshot.cells.push(line);
  }
  snapshot.fills = fills;
  return withProtection(snapshot, ws);
}

function withProtection(snapshot: SheetSnapshot, ws: ExcelJS.Worksheet): SheetSnapshot {
  const p = (ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection;
  if (p?.sheet) snapshot.protected = true;
  return snapshot;
}

/** Merged areas in sheet coordinates (0-based, inclusive). */
export function readMerges(ws: ExcelJS.Worksheet): CellArea[] {
  const out: CellArea[] = [];
  // exceljs keeps merges by master address; reading `ws.model` instead would serialise the whole sheet.
  const merges = (ws as unknown as { _merges?: Record<string, { model?: { top: number; left: number; bottom: number; right: number } }> })._merges ?? {};
  for (const range of Object.values(merges)) {
    const m = range?.model;
    if (m) out.push({ top: m.top - 1, left: m.left - 1, bottom: m.bottom - 1, right: m.right - 1 });
  }
  return out.sort((a, b) => a.top - b.top || a.left - b.left);
}

