/**
 * The xlsx file host, read side: an exceljs workbook → snapshots and a HostRead, in one pass.
 * Translates only: what a cell holds, its number format, its displayed text, merges and fills.
 */
import ExcelJS from 'exceljs';
import type { HostRead } from '../../core/pipeline';
import { STATE_SHEET, SUMMARY_MARKER } from '../../core/plan';
import { summarySource } from '../../core/product-sheets';
import { StateRead, readStateColumn } from '../../core/state';
import type { CellContent } from '../../core/read';
import { CellArea, FillSpec, SheetSnapshot } from '../../core/snapshot';
import { fillSpecOf, themeColors } from './colors';
import { normalizeForReading } from './normalize';
import { InputLimitError, checkZipLimits } from './limits';
import { formatCodesOf, readFormatCodes, rememberFormatCodes } from './number-formats';
import { ModelRow, ReadContext, WorkbookRead, XlsxReadError, contentOf, richText, snapshotOf } from './snapshot-model';

export { XlsxReadError, contentOf, dateToSerial, snapshotOf } from './snapshot-model';
export type { ModelRow, ReadContext, SheetModel, WorkbookRead, XlsxReadProblem } from './snapshot-model';

const V = ExcelJS.ValueType;


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
    // Other tools' part names and absolute targets, given Excel's for exceljs (normalize.ts); the bytes as they are otherwise.
    await wb.xlsx.load(normalizeForReading(bytes) as unknown as ExcelJS.Buffer);
  } catch (e) {
    throw new XlsxReadError('damaged', `the workbook could not be read (${(e as Error).message})`);
  }
  if (wb.worksheets.length === 0) throw new XlsxReadError('damaged', 'the file holds no worksheet');
  rememberFormatCodes(wb, await readFormatCodes(data));
  return wb;
}

/** Reads every visible sheet of a workbook, the product's state and summary sheets. */
export function readWorkbookSnapshot(wb: ExcelJS.Workbook, options: { workbookName?: string } = {}): WorkbookRead {
  const theme = workbookTheme(wb);
  const date1904 = !!wb.properties?.date1904;
  const sheets: SheetSnapshot[] = [];
  const summarySheets: string[] = [];
  const summarySources: Record<string, string> = {};
  let stateRead: StateRead = { state: null, status: 'none', dropped: 0 };
  for (const ws of wb.worksheets) {
    if (ws.name === STATE_SHEET) {
      stateRead = readState(ws);
      continue;
    }
    if (isSummarySheet(ws)) {
      summarySheets.push(ws.name);
      const b1 = ws.findRow(1)?.findCell(2);
      const source = b1 ? summarySource(cellString(b1)) : null;
      if (source !== null) summarySources[ws.name] = source;
    }
    if (ws.state === 'visible' || ws.state === undefined) {
      const formats = formatCodesOf(wb, ws.name);
      sheets.push(sheetSnapshot(ws, formats ? { theme, date1904, formats } : { theme, date1904 }));
    }
  }
  const read: WorkbookRead = {
    snapshot: { sheets },
    sheetNames: wb.worksheets.map((w) => w.name),
    state: stateRead.state,
    stateRead: { status: stateRead.status, dropped: stateRead.dropped },
    summarySheets,
  };
  if (Object.keys(summarySources).length) read.summarySources = summarySources;
  if (options.workbookName !== undefined) read.workbookName = options.workbookName;
  return read;
}

/** The HostRead of one sheet (a hidden sheet is read on demand when `wb` is given). */
export function toHostRead(read: WorkbookRead, sheetName: string, wb?: ExcelJS.Workbook): HostRead {
  let sheet = read.snapshot.sheets.find((s) => s.name === sheetName);
  if (!sheet && wb) {
    const ws = wb.getWorksheet(sheetName);
    if (ws) {
      const formats = formatCodesOf(wb, ws.name);
      sheet = sheetSnapshot(ws, { theme: workbookTheme(wb), date1904: !!wb.properties?.date1904, ...(formats ? { formats } : {}) });
    }
  }
  if (!sheet) throw new Error(`no sheet named ${JSON.stringify(sheetName)}`);
  const host: HostRead = { sheet, sheetNames: read.sheetNames, state: read.state, stateRead: read.stateRead, summarySheets: read.summarySheets };
  if (read.summarySources) host.summarySources = read.summarySources;
  if (read.workbookName !== undefined) host.workbookName = read.workbookName;
  return host;
}

export function isSummarySheet(ws: ExcelJS.Worksheet): boolean {
  const a1 = ws.findRow(1)?.findCell(1);
  return !!a1 && cellString(a1) === SUMMARY_MARKER;
}

function readState(ws: ExcelJS.Worksheet): StateRead {
  const column: unknown[] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const cell = ws.findRow(r)?.findCell(1);
    column.push(cell ? cellString(cell) ?? null : null);
  }
  return readStateColumn(column);
}

/** A cell's value as a plain string when it holds text (rich text joined), else undefined. */
function cellString(cell: ExcelJS.Cell): string | undefined {
  const v = cell.value;
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object' && 'richText' in v) return richText(v);
  return undefined;
}

export function workbookTheme(wb: ExcelJS.Workbook): string[] {
  const themes = (wb as unknown as { _themes?: Record<string, string> })._themes;
  return themeColors(themes?.theme1 ?? (themes ? Object.values(themes)[0] : undefined));
}

/** What one cell holds, as the core's reader wants it. A merged area's other cells are empty. */
export function cellContent(cell: ExcelJS.Cell, ctx: ReadContext): CellContent | null {
  if (cell.type === V.Merge) return null;
  const numberFormat = (cell.numFmt && (ctx.formats?.byCell?.get(cell.address) ?? ctx.formats?.byCode.get(cell.numFmt))) || cell.numFmt || undefined;
  let v: unknown = cell.value;
  if (cell.type === V.Formula) {
    // A formula is scored by its computed value; without a cached result it is empty.
    v = (v as { result?: unknown }).result;
  }
  return contentOf(v, numberFormat, ctx);
}

/** The rows exceljs holds for a sheet, skipping the rows and cells that are not in the file (exceljs keeps them as holes). */
function presentRows(ws: ExcelJS.Worksheet): Array<{ r: number; row: ExcelJS.Row; cells: Array<{ c: number; cell: ExcelJS.Cell }> }> {
  const out: Array<{ r: number; row: ExcelJS.Row; cells: Array<{ c: number; cell: ExcelJS.Cell }> }> = [];
  const rows = (ws as unknown as { _rows?: Array<ExcelJS.Row | undefined> })._rows ?? [];
  // forEach skips holes: the cost is the rows and cells in the file, not the used range's area.
  rows.forEach((row, i) => {
    if (!row) return;
    const cells: Array<{ c: number; cell: ExcelJS.Cell }> = [];
    const list = (row as unknown as { _cells?: Array<ExcelJS.Cell | undefined> })._cells ?? [];
    list.forEach((cell, j) => {
      if (cell) cells.push({ c: j, cell });
    });
    out.push({ r: i, row, cells });
  });
  return out;
}

/**
 * One worksheet as a snapshot: the used range (every cell exceljs holds, values or formats),
 * merges, fills. Only the rows and cells in the file are walked: a sheet with one value in A1 and
 * one in XFD1048576 costs two cells and a million empty rows, not the 17 billion cells between
 * them. A cell that is not in the file gets its row's or its column's fill; only the columns that
 * have a fill are walked down the rows, and every slot is counted against a budget.
 */
export function sheetSnapshot(ws: ExcelJS.Worksheet, ctx: ReadContext): SheetSnapshot {
  const rows: ModelRow[] = presentRows(ws).map(({ r, row, cells }) => {
    const rowStyleFill = (row as unknown as { style?: Partial<ExcelJS.Style> }).style?.fill;
    return { r, fill: rowStyleFill ? fillSpecOf(rowStyleFill, ctx.theme) : null, cells: cells.map(({ c, cell }) => ({ c, content: cellContent(cell, ctx), fill: fillSpecOf(cell.style?.fill, ctx.theme) })) };
  });
  // Column fills (ws.columns, not ws.getColumn(): reading must not add columns to the model), for the columns that have one.
  const columnFills: Array<{ c: number; fill: FillSpec }> = [];
  ((ws.columns as Array<Partial<ExcelJS.Column> | undefined> | undefined) ?? []).forEach((col, c) => {
    const f = col?.style?.fill;
    const spec = f ? fillSpecOf(f, ctx.theme) : null;
    if (spec && spec.color !== null) columnFills.push({ c, fill: spec });
  });
  const p = (ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection;
  return snapshotOf({ name: ws.name, rows, merges: readMerges(ws), columnFills, protected: !!p?.sheet });
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

