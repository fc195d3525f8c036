/// <reference types="office-js" />
/**
 * The read batch: everything a scoring run needs, queued before ONE context.sync().
 *
 * Queued together: the target sheet's name and protection; its used range's position and size;
 * values, valueTypes, numberFormat, text and getCellProperties (fill colour + pattern) of its
 * first `firstReadRows` rows; its merged areas (ExcelApi 1.13); every sheet's name and
 * visibility; the state sheet's column A (getItemOrNullObject); and, walking the tabs with
 * getFirst/getNextOrNullObject (ExcelApi 1.5), the A1 value and chart names of the first
 * `probeSheets` sheets (a sheet whose A1 holds SUMMARY_MARKER is the product's summary).
 *
 * Documented limits, each costing one more sync, counted apart in the host's stats:
 * - a used range taller than the first window is read in row chunks of about `readCellsPerSync`
 *   cells (Excel on the web answers at most ~5 MB per sync; every platform at most 5,000,000
 *   cells per get); a chunk Excel refuses as too large is halved and read again;
 * - sheets beyond the first `probeSheets` tabs get their A1 read in one extra sync.
 *
 * Assumption (as Office.js's null-object design implies): objects derived from a null object in
 * the same batch are null objects too, so loading through them yields nothing rather than an error.
 */
import { STATE_SHEET, WorkbookState } from '../../core/plan';
import { isSummaryMarker, summarySource } from '../../core/product-sheets';
import { StateRead, readStateColumn } from '../../core/state';
import type { HostRead } from '../../core/pipeline';
import type { CellContent } from '../../core/read';
import { CellArea, FillSpec, SheetSnapshot, parseA1, toA1 } from '../../core/snapshot';
import { rectAddress } from './addresses';
import { VALUE_TYPE } from './value-types';

export type SyncKind = 'read' | 'readChunk' | 'marker' | 'probe' | 'write' | 'writeChunk';
/** Counts a context.sync() about to be made (the call itself stays visible at the call site). */
export type Tally = (kind: SyncKind) => void;

export interface ReadSettings {
  firstReadRows: number;
  readCellsPerSync: number;
  probeSheets: number;
  maxSheetCells: number;
  mergedAreas: boolean;
  workbookName: boolean;
  /**
   * Never derive an object from one that may be a null object before a sync (the state sheet's column
   * through getItemOrNullObject, the tab walk through getNextOrNullObject): what Excel does with such a
   * chain is not documented. Set after a read batch failed that way (see readWorkbook).
   */
  chainSafe?: boolean;
}

/** What the adapter remembers of the workbook between a read and the apply that follows it. */
export interface WorkbookFacts {
  sheetNames: string[];
  stateSheet: boolean;
  /** Sheet name → its charts' names (for the sheets whose A1 was read). */
  charts: Map<string, string[]>;
  /** Sheet name → cells of the read sheet filled with a pattern (setting a colour keeps a pattern, as Interior.Color does). */
  patterned: Map<string, Set<string>>;
}

export class OfficeHostError extends Error {
  constructor(
    readonly code: 'SheetTooLarge' | 'NoValues',
    message: string,
  ) {
    super(message);
    this.name = 'OfficeHostError';
  }
}

export function errorCode(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}
const tooLarge = (e: unknown) => errorCode(e) === 'ResponsePayloadSizeLimitExceeded';

/** Every fill property Office.js exposes (ExcelApi 1.9), so the original fill is recorded, and restored, whole. */
export const CELL_PROPERTIES: Excel.CellPropertiesLoadOptions = { format: { fill: { color: true, pattern: true, patternColor: true, tintAndShade: true, patternTintAndShade: true } } };

interface CellBlock {
  range: Excel.Range;
  props: OfficeExtension.ClientResult<Excel.CellProperties[][]>;
}

/** Queues the cell data of a range: the leaf properties the snapshot needs, and the fills. */
function queueCells(range: Excel.Range): CellBlock {
  range.load('values,valueTypes,numberFormat,text,rowCount');
  return { range, props: range.getCellProperties(CELL_PROPERTIES) };
}

const HEX = /^#[0-9a-f]{6}$/i;

/**
 * A cell's fill as read. Excel answers "no fill" in more than one way, and the product must never
 * take a fill it did not set for none (clearing would then remove it):
 * - pattern "None": no fill;
 * - tintAndShade null: no fill, whatever the pattern and colour say (OfficeDev/office-js#4900:
 *   "No Fill" reads tintAndShade null, any fill, white included, a number; there, and in #6218,
 *   "No Fill" and white both read color "#FFFFFF" with pattern null);
 * - otherwise a fill: a missing (null) pattern is taken for Solid, and every property read is kept
 *   (patternColor, tintAndShade, patternTintAndShade), so "Xóa màu" puts back exactly this fill.
 * When Excel says nothing that tells no fill from white (pattern null, tintAndShade not a number),
 * the cell is recorded as white: restoring white over a cell that had no fill loses nothing; clearing
 * a white one would.
 */
export function fillSpecOf(p: Excel.CellProperties | undefined): FillSpec {
  const fill = p?.format?.fill;
  if (!fill) return { color: null };
  const pattern = typeof fill.pattern === 'string' ? fill.pattern : undefined;
  if (pattern === 'None' || fill.tintAndShade === null) return { color: null };
  const color = typeof fill.color === 'string' && HEX.test(fill.color) ? fill.color.toUpperCase() : null;
  if (color === null) return { color: null };
  const out: FillSpec = { color };
  if (pattern !== undefined) out.pattern = pattern;
  if (pattern !== undefined && pattern !== 'Solid') {
    if (typeof fill.patternColor === 'string' && HEX.test(fill.patternColor)) out.patternColor = fill.patternColor.toUpperCase();
    if (typeof fill.patternTintAndShade === 'number' && fill.patternTintAndShade !== 0) out.patternTintAndShade = fill.patternTintAndShade;
  }
  if (typeof fill.tintAndShade === 'number' && fill.tintAndShade !== 0) out.tintAndShade = fill.tintAndShade;
  return out;
}

/** Appends a loaded block of rows to the snapshot (sheet coordinates from `top`, `left`). */
function appendBlock(snapshot: SheetSnapshot, fills: Map<string, FillSpec>, block: CellBlock, top: number, left: number): void {
  const { values, valueTypes, numberFormat, text } = block.range;
  const props = block.props.value;
  values.forEach((row, i) => {
    const line: Array<CellContent | null> = [];
    row.forEach((value, j) => {
      const r = top + i;
      const c = left + j;
      fills.set(toA1(r, c), fillSpecOf(props[i]?.[j]));
      const type = VALUE_TYPE[String(valueTypes[i]?.[j])];
      if (type === 'empty') {
        line.push(null);
        return;
      }
      const cell: CellContent = { value: value as CellContent['value'] };
      if (type !== undefined) cell.type = type;
      const format = numberFormat[i]?.[j];
      if (typeof format === 'string' && format !== 'General') cell.numberFormat = format;
      const shown = text[i]?.[j];
      if (typeof shown === 'string') cell.text = shown;
      line.push(cell);
    });
    while (line.length && line[line.length - 1] === null) line.pop();
    snapshot.cells.push(line);
  });
}

interface Probe {
  sheet: Excel.Worksheet;
  a1: Excel.Range;
}

/** Walks the first `count` tabs in the same batch (no sync in the loop). */
function queueProbes(sheets: Excel.WorksheetCollection, count: number): Probe[] {
  const probes: Probe[] = [];
  let sheet = sheets.getFirst();
  for (let i = 0; i < count; i++) {
    if (i > 0) sheet = sheet.getNextOrNullObject();
    sheet.load('name');
    // A1: the product's marker; B1: the sheet a summary summarises.
    const a1 = sheet.getRange('A1:B1');
    a1.load('values');
    sheet.charts.load('items/name');
    probes.push({ sheet, a1 });
  }
  return probes;
}

/** The read of one scoring run. */
export async function readWorkbook(
  context: Excel.RequestContext,
  sheetName: string | undefined,
  settings: ReadSettings,
  tally: Tally,
  onRetry: () => void,
  onChainSafe?: () => void,
): Promise<{ read: HostRead; facts: WorkbookFacts }> {
  let windowRows = Math.max(1, settings.firstReadRows);
  let mergesInBatch = settings.mergedAreas;
  let chainSafe = settings.chainSafe === true;
  for (;;) {
    try {
      return await readOnce(context, sheetName, { ...settings, firstReadRows: windowRows, chainSafe }, mergesInBatch, tally, onRetry);
    } catch (e) {
      if (tooLarge(e) && windowRows > 1) {
        // The first batch's answer was too large (a very wide sheet): the same batch, a smaller window.
        windowRows = Math.max(1, Math.floor(windowRows / 4));
        onRetry();
        continue;
      }
      if (!mayBeDerivedCall(e)) throw e;
      onRetry();
      if (mergesInBatch && (chainSafe || errorAt(e, /merged/i))) {
        // getMergedAreasOrNullObject fails past 512 merged areas, failing the whole batch with it: the
        // batch again without it, the merged areas then read in row bands (readMergesInBands).
        mergesInBatch = false;
      } else if (!chainSafe) {
        // Maybe Excel refuses calls on an object derived from a null object: the batch again without any.
        chainSafe = true;
        onChainSafe?.();
      } else throw e;
    }
  }
}

/** Failures no retry of the batch in another shape would help with. */
const NOT_DERIVED = new Set(['ResponsePayloadSizeLimitExceeded', 'RequestPayloadSizeLimitExceeded', 'InvalidOperationInCellEditMode', 'AccessDenied', 'SyncTimeout', 'StateSheetNotOwned']);

/**
 * Whether a failed read batch may have failed on a call the documentation does not vouch for: a
 * call on an object derived from a null object, or getMergedAreasOrNullObject past 512 merged areas
 * (the typings say it "will fail to return the result", not with which code).
 */
export function mayBeDerivedCall(e: unknown): boolean {
  const code = errorCode(e);
  return code !== undefined && !NOT_DERIVED.has(code) && !(e instanceof OfficeHostError);
}

/** Whether Excel's debugInfo.errorLocation names the call. */
function errorAt(e: unknown, call: RegExp): boolean {
  const location = (e as { debugInfo?: { errorLocation?: unknown } } | null)?.debugInfo?.errorLocation;
  return typeof location === 'string' && call.test(location);
}

/** Range.getMergedAreasOrNullObject answers at most this many merged areas (@types/office-js). */
export const MERGED_AREAS_CAP = 512;

/**
 * The merged areas of a used range too merged for one getMergedAreasOrNullObject: the rows in bands,
 * all bands in one sync; when a band still fails, the bands halve (an area crossing bands is
 * answered by each, and kept once).
 */
/**
 * The rectangles of a RangeAreas.address ("Sheet1!A1:B4, Sheet1!D1:D4", the typings' example; a
 * sheet name with spaces or marks quoted, quotes doubled). The sheet is known, so its prefix is
 * taken off exactly (a name may hold commas).
 */
export function areasOfAddress(address: string | null | undefined, sheet: string): CellArea[] {
  if (typeof address !== 'string') return [];
  const prefixes = [`'${sheet.replace(/'/g, "''")}'!`, `${sheet}!`];
  const out: CellArea[] = [];
  let rest = address.trim();
  while (rest) {
    const prefix = prefixes.find((p) => rest.startsWith(p));
    if (prefix) rest = rest.slice(prefix.length);
    const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?\s*(?:,\s*|$)/i.exec(rest);
    if (!m) break;
    const p = parseA1(`${m[1]}${m[2]}`);
    const q = m[3] ? parseA1(`${m[3]}${m[4]}`) : p;
    if (p && q) out.push({ top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) });
    rest = rest.slice(m[0].length);
  }
  return out;
}

async function readMergesInBands(context: Excel.RequestContext, ws: Excel.Worksheet, top: number, left: number, rows: number, cols: number, tally: Tally, onRetry: () => void): Promise<CellArea[]> {
  let bandRows = Math.max(1, Math.ceil(rows / 4));
  for (;;) {
    const bands: Excel.RangeAreas[] = [];
    for (let r = 0; r < rows; r += bandRows) {
      const band = ws.getRange(rectAddress(top + r, left, top + Math.min(rows, r + bandRows) - 1, left + cols - 1)).getMergedAreasOrNullObject();
      band.load('address');
      bands.push(band);
    }
    try {
      tally('readChunk');
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- only past the documented cap: one sync per halving
      await context.sync();
    } catch (e) {
      if (bandRows === 1 || !mayBeDerivedCall(e)) throw e;
      bandRows = Math.max(1, Math.ceil(bandRows / 2));
      onRetry();
      continue;
    }
    const seen = new Map<string, CellArea>();
    for (const band of bands) {
      if (band.isNullObject) continue;
      for (const area of areasOfAddress(band.address, ws.name)) seen.set(`${area.top},${area.left},${area.bottom},${area.right}`, area);
    }
    return [...seen.values()].sort((a, b) => a.top - b.top || a.left - b.left);
  }
}

async function readOnce(context: Excel.RequestContext, sheetName: string | undefined, settings: ReadSettings, mergesInBatch: boolean, tally: Tally, onRetry: () => void): Promise<{ read: HostRead; facts: WorkbookFacts }> {
  const workbook = context.workbook;
  const sheets = workbook.worksheets;
  sheets.load('items/name,items/visibility');
  const ws = sheetName === undefined ? sheets.getActiveWorksheet() : sheets.getItem(sheetName);
  ws.load('name');
  ws.protection.load('protected');
  // getUsedRange (not …OrNullObject): on a blank sheet it gives A1, so everything below is never null.
  const used = ws.getUsedRange(false);
  used.load('rowIndex,columnIndex,rowCount,columnCount');
  const window = used.getIntersection(used.getRow(0).getResizedRange(settings.firstReadRows - 1, 0));
  const first = queueCells(window);
  let merged: Excel.RangeAreas | null = null;
  if (mergesInBatch) {
    // Its own address, not its `areas` (a collection derived from what may be a null object).
    merged = used.getMergedAreasOrNullObject();
    merged.load('address');
  }
  const stateSheet = sheets.getItemOrNullObject(STATE_SHEET);
  stateSheet.load('name');
  const safe = settings.chainSafe === true;
  let storedState = safe ? null : queueStateColumnRead(sheets);
  if (settings.workbookName) workbook.load('name');
  const probes = safe ? [] : queueProbes(sheets, settings.probeSheets);
  tally('read');
  await context.sync();

  const top = used.rowIndex;
  const left = used.columnIndex;
  const rows = used.rowCount;
  const cols = used.columnCount;
  if (rows * cols > settings.maxSheetCells)
    throw new OfficeHostError('SheetTooLarge', `the used range of ${ws.name} holds ${rows * cols} cells; the limit is ${settings.maxSheetCells}`);
  const snapshot: SheetSnapshot = { name: ws.name, origin: { row: top, col: left }, cells: [], merges: [] };
  const fills = new Map<string, FillSpec>();
  let loaded = 0;
  if (Array.isArray(first.range.values)) {
    appendBlock(snapshot, fills, first, top, left);
    loaded = first.range.rowCount;
  }

  // Rows below the first window: one sync per chunk (Excel's payload limit; see the file comment).
  let chunkRows = Math.max(1, Math.floor(settings.readCellsPerSync / Math.max(1, cols)));
  while (loaded < rows) {
    const n = Math.min(chunkRows, rows - loaded);
    const block = queueCells(ws.getRange(rectAddress(top + loaded, left, top + loaded + n - 1, left + cols - 1)));
    try {
      tally('readChunk');
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per chunk is the point of chunking
      await context.sync();
    } catch (e) {
      if (!tooLarge(e) || n === 1) throw e;
      chunkRows = Math.max(1, Math.floor(n / 2));
      onRetry();
      continue;
    }
    if (!Array.isArray(block.range.values)) throw new OfficeHostError('NoValues', `Excel returned no values for rows ${top + loaded + 1}–${top + loaded + n}`);
    appendBlock(snapshot, fills, block, top + loaded, left);
    loaded += n;
  }

  // A blank sheet: Excel's used range is A1, empty.
  if (rows === 1 && cols === 1 && snapshot.cells[0]?.length === 0 && fills.get('A1')?.color === null && top === 0 && left === 0) snapshot.cells = [];
  snapshot.fills = fills;
  if (ws.protection.protected) snapshot.protected = true;
  if (merged && !merged.isNullObject) snapshot.merges = areasOfAddress(merged.address, ws.name);
  else if (settings.mergedAreas && !mergesInBatch) snapshot.merges = await readMergesInBands(context, ws, top, left, rows, cols, tally, onRetry);

  const sheetNames = sheets.items.map((s) => s.name);
  const markers = new Map<string, unknown>();
  const sources = new Map<string, unknown>();
  const charts = new Map<string, string[]>();
  for (const p of probes) {
    if (p.sheet.isNullObject) break;
    markers.set(p.sheet.name, p.a1.values?.[0]?.[0]);
    sources.set(p.sheet.name, p.a1.values?.[0]?.[1]);
    charts.set(p.sheet.name, p.sheet.charts.items.map((c) => c.name));
  }
  const rest = sheetNames.filter((n) => !markers.has(n));
  if (!storedState && !stateSheet.isNullObject) storedState = queueStateColumnRead(sheets, true);
  if (rest.length || (safe && storedState)) {
    // More tabs than the probe walked: their A1 in one more batch (names are known now).
    const extra = rest.map((name) => {
      const s = sheets.getItem(name);
      const a1 = s.getRange('A1:B1');
      a1.load('values');
      s.charts.load('items/name');
      return { name, a1, sheet: s };
    });
    tally('marker');
    await context.sync();
    for (const e of extra) {
      markers.set(e.name, e.a1.values?.[0]?.[0]);
      sources.set(e.name, e.a1.values?.[0]?.[1]);
      charts.set(e.name, e.sheet.charts.items.map((c) => c.name));
    }
  }
  const summarySheets = sheetNames.filter((n) => n !== STATE_SHEET && isSummaryMarker(markers.get(n)));
  const hiddenSheets = sheets.items.filter((s) => s.visibility !== 'Visible').map((s) => s.name);

  const stored = storedState ? storedState() : ({ state: null, status: 'none', dropped: 0 } as StateRead);
  const read: HostRead = { sheet: snapshot, sheetNames, hiddenSheets, state: stored.state, stateRead: { status: stored.status, dropped: stored.dropped }, summarySheets };
  const summarySources: Record<string, string> = {};
  for (const n of summarySheets) {
    const source = summarySource(sources.get(n));
    if (source !== null) summarySources[n] = source;
  }
  if (Object.keys(summarySources).length) read.summarySources = summarySources;
  if (settings.workbookName && typeof workbook.name === 'string' && workbook.name !== '') read.workbookName = workbook.name;
  const patterned = new Set([...fills].filter(([, f]) => f.pattern !== undefined && f.pattern !== 'Solid').map(([a]) => a));
  return { read, facts: { sheetNames, stateSheet: !stateSheet.isNullObject, charts, patterned: new Map([[snapshot.name, patterned]]) } };
}

/** What apply needs to know when no read came before it (one small batch). */
export async function probeWorkbook(context: Excel.RequestContext, summarySheet: string | null, tally: Tally): Promise<WorkbookFacts> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  const stateSheet = sheets.getItemOrNullObject(STATE_SHEET);
  stateSheet.load('name');
  let summary: Excel.Worksheet | null = null;
  if (summarySheet !== null) {
    summary = sheets.getItem(summarySheet);
    summary.charts.load('items/name');
  }
  tally('probe');
  await context.sync();
  const map = new Map<string, string[]>();
  if (summarySheet !== null && summary) map.set(summarySheet, summary.charts.items.map((c) => c.name));
  return { sheetNames: sheets.items.map((s) => s.name), stateSheet: !stateSheet.isNullObject, charts: map, patterned: new Map() };
}

/**
 * Queues the load of the state sheet's column A (one range, nothing when there is no such sheet);
 * after the sync, the state it holds, or null (no state sheet, or none the product wrote).
 */
/* eslint-disable office-addins/call-sync-before-read, office-addins/call-sync-after-load -- the answer is read by the caller, after its sync */
export function queueStateRead(sheets: Excel.WorksheetCollection, exists?: boolean): () => WorkbookState | null {
  const read = queueStateColumnRead(sheets, exists);
  return () => read().state;
}

/** As queueStateRead, with how the state read (state.ts: none, ok with records dropped, or damaged). */
export function queueStateColumnRead(sheets: Excel.WorksheetCollection, exists?: boolean): () => StateRead {
  // Known to be absent (a sync told): nothing to read, nothing queued.
  if (exists === false) return () => ({ state: null, status: 'none', dropped: 0 });
  // Known to exist: getItem (no object derived from a null object); else the undocumented chain.
  const column = (exists ? sheets.getItem(STATE_SHEET) : sheets.getItemOrNullObject(STATE_SHEET)).getRange('A:A').getUsedRangeOrNullObject(true);
  column.load('values,rowIndex');
  return () => (!column.isNullObject && column.rowIndex === 0 ? readStateColumn(column.values.map((r) => r[0])) : { state: null, status: 'none', dropped: 0 });
}
/* eslint-enable office-addins/call-sync-before-read, office-addins/call-sync-after-load */
