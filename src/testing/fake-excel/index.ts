/// <reference types="office-js" />
/**
 * A strict in-memory fake of the Excel JavaScript API subset the Office host adapter uses, for
 * tests and the browser preview (no Node APIs). `createFakeExcel(data)` gives `Excel.run` over a
 * workbook held as data, the workbook for inspection and edits "by the user", and counters of
 * every sync, proxy, load, write and call.
 *
 *   const fake = createFakeExcel({ sheets: [sheetDataFromSnapshot(snapshot)] });
 *   const host = new OfficeHost(fake.Excel.run);
 *   …
 *   fake.counters.syncs; fake.workbook.fill('Phụ lục', 'E12');
 */
import { FakeRequestContext } from './workbook';
import { FakeOfficeError } from './errors';
import type { FakeEngine, NoFillReadBack } from './base';
import { DEFAULT_LIMITS, FakeCounters, FakeFault, FakeFaultRule, FakeLimits, FakeSyncInfo } from './proxy';
import { FakeChangeType, FakeChangedEventArgs, FakeEventHub, FakeEventOptions } from './events';
import { CellData, FakeCellInput, FakeChartData, FakeFill, FakeFillInput, toFakeFill, FakeSheetData, FakeWorkbookData, FakeWorkbookModel, Visibility, exportWorkbook, valueType, writeValue } from './model';
import { cellA1, parseLocalAddress } from './address';
import type { SheetSnapshot } from '../../core/snapshot';

export { FakeOfficeError, isFakeOfficeError } from './errors';
export type { FakeErrorCode } from './errors';
export type { NoFillReadBack } from './base';
export type { FakeFill, FakeFillInput } from './model';
export type { FakeCounters, FakeLimits, FakeLogEntry, FakeSyncRecord, FakeFault, FakeSyncInfo } from './proxy';
export type { FakeChangedEventArgs, FakeChangeType, FakeEventOptions } from './events';
export { DEFAULT_LIMITS, FakeClientResult } from './proxy';
export type { CellData, FakeCellInput, FakeChartData, FakeSheetData, FakeWorkbookData, Visibility, FakeFont, FakeHyperlink } from './model';
export { FakeRequestContext } from './workbook';
// Data validation, merge, freezeAt/freezeColumns, insertWorksheetsFromBase64 (templates, consolidation): see extras.ts.
export { fakeSheetExtras, fakeWorkbookBase64 } from './extras';
export type { FakeSheetExtrasView, FakeValidationRecord } from './extras';
// Worksheet.pageLayout (ExcelApi 1.9): see page-layout.ts.
export { fakePageLayout } from './page-layout';
export type { FakePageLayoutView } from './page-layout';

/** The enums the adapter may name (string values, as Office.js has them). */
export const FakeExcelEnums = {
  ChartType: { columnStacked: 'ColumnStacked', columnClustered: 'ColumnClustered', barStacked: 'BarStacked', line: 'Line', pie: 'Pie' },
  ChartSeriesBy: { auto: 'Auto', columns: 'Columns', rows: 'Rows' },
  ClearApplyTo: { all: 'All', formats: 'Formats', contents: 'Contents', hyperlinks: 'Hyperlinks' },
  SheetVisibility: { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' },
  RangeValueType: { unknown: 'Unknown', empty: 'Empty', string: 'String', integer: 'Integer', double: 'Double', boolean: 'Boolean', error: 'Error' },
  FillPattern: { none: 'None', solid: 'Solid', gray50: 'Gray50', gray75: 'Gray75', gray25: 'Gray25' },
  ErrorCodes: {
    itemNotFound: 'ItemNotFound',
    itemAlreadyExists: 'ItemAlreadyExists',
    invalidArgument: 'InvalidArgument',
    invalidOperation: 'InvalidOperation',
    accessDenied: 'AccessDenied',
    rangeExceedsLimit: 'RangeExceedsLimit',
    requestPayloadSizeLimitExceeded: 'RequestPayloadSizeLimitExceeded',
    responsePayloadSizeLimitExceeded: 'ResponsePayloadSizeLimitExceeded',
  },
} as const;

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** A cell as the tests see it after the fact. */
export interface CellView {
  value: string | number | boolean | null;
  formula: string | null;
  numberFormat: string;
  valueType: string;
  /** null = no fill. */
  fill: FakeFill | null;
  font: { bold: boolean; italic: boolean; color: string | null; size: number | null };
  wrap: boolean;
  hyperlink: CellData['hyperlink'] | null;
}

export interface FakeSheetView {
  name: string;
  visibility: Visibility;
  protected: boolean;
  frozenRows: number;
  position: number;
  charts: FakeChartData[];
  /** Merged areas, "A1:B2". */
  merges: string[];
  columnWidth(letters: string): number | null;
  cell(address: string): CellView;
  /** Every cell holding anything, by A1 address. */
  cells(): Record<string, CellView>;
}

export interface FakeWorkbookAccess {
  readonly name: string;
  sheetNames(): string[];
  sheet(name: string): FakeSheetView | null;
  activeSheet(): string | null;
  selection(): { sheet: string; addresses: string[] } | null;
  /** Whole workbook as data (what a test or the preview would save). */
  export(): FakeWorkbookData;
  // ---- what a person does between runs (not counted, not batched) ----
  /** Types into a cell: fires onChanged (triggerSource 'Unknown'; `source: 'Remote'` for a co-author in Excel on the web). */
  setCell(sheet: string, address: string, input: FakeCellInput, options?: { source?: 'Local' | 'Remote' }): void;
  /** Recolours a cell (fires onChanged when the fake's events report format changes). */
  setFill(sheet: string, address: string, fill: FakeFillInput | null): void;
  /** Protects or unprotects a sheet (Review › Protect Sheet). */
  protect(sheet: string, on?: boolean): void;
  /** Deletes a sheet, as a person or a co-author would. */
  deleteSheet(sheet: string): void;
  /** Fires a change event as Excel would for something the fake does not model (rows inserted, a paste). */
  emitChanged(sheet: string, address: string, options?: { source?: 'Local' | 'Remote'; changeType?: FakeChangeType }): void;
  select(sheet: string, addresses: string[]): void;
  activate(sheet: string): void;
  addSheet(data: FakeSheetData): void;
  renameSheet(from: string, to: string): void;
}

/** Worksheet change events, for live checking tests. */
export interface FakeEvents {
  readonly options: FakeEventOptions;
  /** Every event delivered to a handler, in order. */
  readonly delivered: readonly FakeChangedEventArgs[];
  /** Errors thrown by handlers (a handler should never throw). */
  readonly handlerErrors: readonly unknown[];
  handlerCount(sheet?: string): number;
  /** Resolves once every event so far is delivered and its handlers have settled. */
  idle(): Promise<void>;
}

/**
 * Excel.createWorkbook(base64File?) (ExcelApi 1.8), per @types/office-js: "Creates and opens a new
 * workbook. Optionally, the workbook can be pre-populated with a Base64-encoded .xlsx file"; it
 * returns Promise<void> (nothing of the new workbook comes back to the add-in, which stays with its
 * own workbook). Not part of a batch (no context, no sync). The fake cannot open an .xlsx: it
 * records what it was given (`createdWorkbooks`) and refuses text that is not base64
 * (InvalidArgument), leaving its own workbook as it was.
 */
export type CreateWorkbook = (base64File?: string) => Promise<void>;

export interface FakeExcel {
  /** Pass `Excel.run` where Office.js's would go; `Excel.createWorkbook` where Office.js's would go. */
  Excel: typeof FakeExcelEnums & { run: ExcelRun; createWorkbook: CreateWorkbook };
  /** What Excel.createWorkbook was given, call by call (null: an empty workbook). */
  createdWorkbooks: Array<{ base64: string | null }>;
  run: ExcelRun;
  workbook: FakeWorkbookAccess;
  counters: FakeCounters;
  /** Every command that ran, in order, with its sync. */
  log: FakeEngine['log'];
  /** One record per sync: request and response size, commands, error. */
  syncLog: FakeEngine['syncLog'];
  limits: FakeLimits;
  resetCounters(): void;
  /** Writes and calls in the log since the given sync (1-based, inclusive). */
  writesSince(sync: number): FakeEngine['log'];
  /**
   * Injects one of Excel's failure modes (see FakeFault) into the next sync, or into the syncs
   * `when` picks (`(s) => s.writes > 0`: the next write batch), `times` times (default 1).
   */
  inject(fault: FakeFault, options?: { when?: (sync: FakeSyncInfo) => boolean; times?: number }): void;
  /** Faults injected and not used yet. */
  pendingFaults(): number;
  events: FakeEvents;
}

export interface FakeExcelOptions {
  limits?: Partial<FakeLimits>;
  /**
   * How a cell with no fill reads back (getCellProperties, RangeFill): each variant is one
   * reported by Excel users (see fillReadBack in format.ts for the sources). Default 'pattern-none'.
   */
  noFillReadBack?: NoFillReadBack;
  /** Objects derived from a null object before a sync: null objects too ('null', default) or the sync fails ('fail'). Undocumented: see FakeObject.child. */
  nullObjectChains?: 'null' | 'fail';
  /** Change events: triggerSource support, format changes, delivery delay. */
  events?: Partial<FakeEventOptions>;
}

export function createFakeExcel(data?: FakeWorkbookData, options: FakeExcelOptions = {}): FakeExcel {
  const faults: FakeFaultRule[] = [];
  const engine: FakeEngine = {
    model: new FakeWorkbookModel(data),
    counters: { syncs: 0, proxies: 0, loads: 0, writes: 0, calls: 0 },
    log: [],
    syncLog: [],
    limits: { ...DEFAULT_LIMITS, ...options.limits },
    faults,
    noFillReadBack: options.noFillReadBack ?? 'pattern-none',
    nullObjectChains: options.nullObjectChains ?? 'null',
  };
  const hub = new FakeEventHub(() => engine.model, options.events);
  engine.events = hub;
  engine.afterSync = () => hub.flush();
  /** Excel.run(batch), and Excel.run(context, batch): a batch in an existing context (how an event handler is removed). */
  const run = (async <T>(first: unknown, second?: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const batch = (typeof first === 'function' ? first : second) as ((context: Excel.RequestContext) => Promise<T>) | undefined;
    if (!batch) throw new TypeError('Excel.run: no batch function');
    // Excel.run(options, batch): Excel.RunOptions (ExcelApi 1.11: delayForCellEdit).
    const options = typeof first === 'object' && first !== null && !(first instanceof FakeRequestContext) ? (first as { delayForCellEdit?: boolean }) : null;
    if (typeof first !== 'function' && !options && !(first instanceof FakeRequestContext)) throw new TypeError('Excel.run: the context given is not a request context');
    const context = first instanceof FakeRequestContext ? first : new FakeRequestContext(engine);
    if (options?.delayForCellEdit) context.delayForCellEdit = true;
    const result = await batch(context as unknown as Excel.RequestContext);
    // Excel.run sends what is still queued when the batch returns (nothing queued: no round trip).
    if (context._pending() > 0) await context.sync();
    return result;
  }) as ExcelRun;
  const model = () => engine.model;
  const sheetOf = (name: string) => {
    const s = model().find(name);
    if (!s) throw new Error(`fake workbook: no sheet ${name}`);
    return s;
  };
  const cellAt = (sheet: string, address: string) => {
    const r = parseLocalAddress(address);
    if (!r) throw new Error(`fake workbook: not an address ${address}`);
    return { s: sheetOf(sheet), row: r.top, col: r.left };
  };
  const view = (c: CellData | undefined): CellView => ({
    value: c?.value === undefined || c.value === '' ? null : c.value,
    formula: c?.formula ?? null,
    numberFormat: c?.numberFormat ?? 'General',
    valueType: valueType(c),
    fill: c?.fill ? { ...c.fill } : null,
    font: { bold: !!c?.font?.bold, italic: !!c?.font?.italic, color: c?.font?.color ?? null, size: c?.font?.size ?? null },
    wrap: !!c?.wrap,
    hyperlink: c?.hyperlink ? { ...c.hyperlink } : null,
  });
  const workbook: FakeWorkbookAccess = {
    get name() {
      return model().name;
    },
    sheetNames: () => model().sheets.map((s) => s.name),
    sheet(name) {
      const s = model().find(name);
      if (!s) return null;
      return {
        name: s.name,
        visibility: s.visibility,
        protected: s.protected,
        frozenRows: s.frozenRows,
        position: model().sheets.indexOf(s),
        charts: s.charts.map((c) => ({ ...c, series: c.series.map((x) => ({ ...x })) })),
        merges: s.merges.map((m) => `${cellA1(m.top, m.left)}:${cellA1(m.bottom, m.right)}`),
        columnWidth(letters) {
          const r = parseLocalAddress(`${letters}1`);
          return r ? s.columnWidths.get(r.left) ?? null : null;
        },
        cell(address) {
          const r = parseLocalAddress(address);
          if (!r) throw new Error(`fake workbook: not an address ${address}`);
          return view(s.get(r.top, r.left));
        },
        cells() {
          const out: Record<string, CellView> = {};
          for (const [k, c] of [...s.cells.entries()].sort((a, b) => a[0] - b[0])) out[cellA1(Math.floor(k / 16384), k % 16384)] = view(c);
          return out;
        },
      };
    },
    activeSheet: () => model().active?.name ?? null,
    selection() {
      const sel = model().selection;
      if (!sel) return null;
      return {
        sheet: sel.sheet.name,
        addresses: sel.rects.map((r) => (r.top === r.bottom && r.left === r.right ? cellA1(r.top, r.left) : `${cellA1(r.top, r.left)}:${cellA1(r.bottom, r.right)}`)),
      };
    },
    export: () => exportWorkbook(model()),
    setCell(sheet, address, input, options = {}) {
      const { s, row, col } = cellAt(sheet, address);
      const fire = () => hub.user(s, address.toUpperCase().replace(/\$/g, ''), { source: options.source ?? 'Local' });
      if (input === null) {
        const c = s.get(row, col);
        if (c) {
          delete c.value;
          delete c.formula;
          delete c.error;
          delete c.text;
          s.tidy(row, col);
        }
        fire();
        return;
      }
      const c = s.edit(row, col);
      if (typeof input !== 'object') writeValue(c, typeof input === 'string' ? "'" + input : input);
      else {
        if (input.value !== undefined) {
          if (input.value === null) delete c.value;
          else c.value = input.value;
        }
        if (input.formula !== undefined) c.formula = input.formula;
        if (input.numberFormat !== undefined) c.numberFormat = input.numberFormat;
        if (input.error !== undefined) c.error = input.error;
        if (input.fill !== undefined) {
          if (input.fill === null) delete c.fill;
          else c.fill = toFakeFill(input.fill);
        }
      }
      s.tidy(row, col);
      fire();
    },
    setFill(sheet, address, fill) {
      const { s, row, col } = cellAt(sheet, address);
      const c = s.edit(row, col);
      if (fill === null) delete c.fill;
      else c.fill = toFakeFill(fill);
      s.tidy(row, col);
      hub.user(s, address.toUpperCase(), { format: true });
    },
    protect(sheet, on = true) {
      sheetOf(sheet).protected = on;
    },
    deleteSheet(sheet) {
      model().remove(sheetOf(sheet));
    },
    emitChanged(sheet, address, options = {}) {
      hub.user(sheetOf(sheet), address, options);
    },
    select(sheet, addresses) {
      const s = sheetOf(sheet);
      const rects = addresses.map((a) => {
        const r = parseLocalAddress(a);
        if (!r) throw new Error(`fake workbook: not an address ${a}`);
        return r;
      });
      model().active = s;
      model().selection = { sheet: s, rects };
    },
    activate(sheet) {
      model().active = sheetOf(sheet);
      model().selection = null;
    },
    addSheet(sheetData) {
      const rebuilt = new FakeWorkbookModel({ sheets: [sheetData] });
      const s = rebuilt.sheets[0]!;
      if (model().find(s.name)) throw new Error(`fake workbook: sheet ${s.name} exists`);
      model().sheets.push(s);
    },
    renameSheet(from, to) {
      sheetOf(from).name = to;
    },
  };
  const createdWorkbooks: FakeExcel['createdWorkbooks'] = [];
  const createWorkbook: CreateWorkbook = async (base64File) => {
    if (base64File !== undefined && base64File !== null) {
      if (typeof base64File !== 'string') throw new FakeOfficeError('InvalidArgument', 'base64File is a string');
      try {
        atob(base64File);
      } catch {
        throw new FakeOfficeError('InvalidArgument', 'base64File is not base64');
      }
    }
    createdWorkbooks.push({ base64: base64File ?? null });
  };
  const fake: FakeExcel = {
    Excel: { ...FakeExcelEnums, run, createWorkbook },
    createdWorkbooks,
    run,
    workbook,
    counters: engine.counters,
    log: engine.log,
    syncLog: engine.syncLog,
    limits: engine.limits,
    resetCounters() {
      Object.assign(engine.counters, { syncs: 0, proxies: 0, loads: 0, writes: 0, calls: 0 });
      engine.log.length = 0;
      engine.syncLog.length = 0;
    },
    writesSince(sync) {
      return engine.log.filter((e) => e.sync >= sync && e.write);
    },
    inject(fault, opts = {}) {
      faults.push({ fault, when: opts.when ?? (() => true), times: opts.times ?? 1 });
    },
    pendingFaults: () => faults.length,
    events: hub,
  };
  return fake;
}

/**
 * A sheet snapshot (as the fixture builder makes them) as fake workbook data: values, error
 * types, number formats, texts, merges and the snapshot's fills.
 */
export function sheetDataFromSnapshot(snapshot: SheetSnapshot, extra: Partial<Omit<FakeSheetData, 'name' | 'cells'>> = {}): FakeSheetData {
  const cells: Record<string, FakeCellInput> = {};
  snapshot.cells.forEach((row, i) =>
    row.forEach((c, j) => {
      if (!c) return;
      const address = cellA1(snapshot.origin.row + i, snapshot.origin.col + j);
      const input: Exclude<FakeCellInput, string | number | boolean | null> = {};
      if (c.value !== null && c.value !== undefined && c.value !== '') input.value = c.value;
      if (c.type === 'error') input.error = true;
      if (c.numberFormat !== undefined && c.numberFormat !== 'General') input.numberFormat = c.numberFormat;
      if (c.text !== undefined) input.text = c.text;
      if (Object.keys(input).length) cells[address] = input;
    }),
  );
  for (const [address, f] of snapshot.fills ?? []) {
    if (f.color === null || f.pattern === 'None') continue;
    const existing = cells[address];
    const base = existing && typeof existing === 'object' ? existing : existing === undefined || existing === null ? {} : { value: existing };
    const fill: FakeFillInput = { color: f.color, pattern: f.pattern ?? 'Solid' };
    if (f.patternColor !== undefined) fill.patternColor = f.patternColor;
    if (f.tintAndShade !== undefined) fill.tintAndShade = f.tintAndShade;
    if (f.patternTintAndShade !== undefined) fill.patternTintAndShade = f.patternTintAndShade;
    cells[address] = { ...base, fill };
  }
  return {
    name: snapshot.name,
    cells,
    merges: snapshot.merges.map((m) => `${cellA1(m.top, m.left)}:${cellA1(m.bottom, m.right)}`),
    ...(snapshot.protected ? { protected: true } : {}),
    ...extra,
  };
}
