/**
 * The Excel objects of the fake, one small class each, on top of the generic proxy core. Only
 * what the Office host adapter uses, with Excel's semantics (see proxy.ts for the rules).
 *
 * API sets modelled: ExcelApi 1.1–1.13 subset — worksheets (getItem/OrNullObject, add,
 * getActiveWorksheet, getFirst/getNext/OrNullObject 1.5), ranges (values, valueTypes,
 * numberFormat, text, formulas, getResizedRange 1.7, getIntersection/OrNullObject,
 * getUsedRange/OrNullObject, getCellProperties 1.9, getMergedAreasOrNullObject 1.13, hyperlink
 * 1.7), RangeAreas via getRanges (1.9), formats (fill, font, wrapText, columnWidth), protection,
 * freezePanes.freezeRows (1.7), charts (add, title, series fill), selection.
 */
import { FakeOfficeError } from './errors';
import { MAX_COLS, MAX_ROWS, Rect, cellA1, fullAddress, intersect, localAddress, parseAddressOn, parseLocalAddress, rectCells, rectCols, rectRows, splitSheet } from './address';
import { Batch, FakeClientResult, FakeEngineBase, FakeObject, FakeRequestContextBase, ProxyLike, jsonSize } from './proxy';
import { CellData, FakeChartData, FakeSheet, FakeWorkbookModel, Visibility, displayText, normaliseColor, valueType, writeValue } from './model';
import type { FakeChangedHandler, FakeEventHub } from './events';

export interface FakeEngine extends FakeEngineBase {
  model: FakeWorkbookModel;
  /** Worksheet change events (see events.ts); absent: no events. */
  events?: FakeEventHub;
}

/** The add-in changed cells of a sheet: an onChanged event after the sync. */
function changed(ctx: Ctx, sheet: FakeSheet, rects: Rect[], kind: 'value' | 'format'): void {
  ctx.engine.events?.record(sheet, rects, kind);
}

export class FakeRequestContext extends FakeRequestContextBase {
  declare readonly engine: FakeEngine;
  private wb: FakeWorkbook | null = null;
  constructor(engine: FakeEngine) {
    super(engine);
  }
  get workbook(): FakeWorkbook {
    if (!this.wb) this.wb = new FakeWorkbook(this, () => this.engine.model);
    return this.wb;
  }
  get model(): FakeWorkbookModel {
    return this.engine.model;
  }
}

type Ctx = FakeRequestContext;
const ctxOf = (o: { context: FakeRequestContextBase }) => o.context as Ctx;

interface RangeT {
  sheet: FakeSheet;
  rect: Rect;
}
interface AreasT {
  sheet: FakeSheet;
  rects: Rect[];
}

function alive(ctx: Ctx, sheet: FakeSheet): FakeSheet {
  if (!ctx.model.sheets.includes(sheet)) throw new FakeOfficeError('ItemNotFound', `the sheet ${sheet.name} was deleted`);
  return sheet;
}
function writable(ctx: Ctx, sheet: FakeSheet): FakeSheet {
  alive(ctx, sheet);
  if (sheet.protected) throw new FakeOfficeError('AccessDenied', `the sheet ${sheet.name} is protected`);
  return sheet;
}
function checkGet(ctx: Ctx, rect: Rect): void {
  if (rectCells(rect) > ctx.engine.limits.maxGetCells) throw new FakeOfficeError('RangeExceedsLimit', `${rectCells(rect)} cells`);
}
function grid<V>(rect: Rect, f: (row: number, col: number) => V): V[][] {
  const out: V[][] = [];
  for (let r = rect.top; r <= rect.bottom; r++) {
    const line: V[] = [];
    for (let c = rect.left; c <= rect.right; c++) line.push(f(r, c));
    out.push(line);
  }
  return out;
}
/** Every cell of the rectangles (creating records), for formatting. */
function eachCell(sheet: FakeSheet, rects: Rect[], f: (cell: CellData, row: number, col: number) => void): void {
  for (const r of rects) {
    if (rectCells(r) > 4_000_000) throw new FakeOfficeError('InvalidArgument', 'the fake does not format whole columns or rows');
    for (let row = r.top; row <= r.bottom; row++)
      for (let col = r.left; col <= r.right; col++) {
        f(sheet.edit(row, col), row, col);
        sheet.tidy(row, col);
      }
  }
}
/** One value for all cells, or null when they differ (Excel's convention for ranges). */
function uniform<V>(sheet: FakeSheet, rects: Rect[], f: (c: CellData | undefined) => V): V | null {
  let first = true;
  let value: V | null = null;
  for (const r of rects) {
    checkGetLimit(r);
    for (let row = r.top; row <= r.bottom; row++)
      for (let col = r.left; col <= r.right; col++) {
        const v = f(sheet.get(row, col));
        if (first) {
          value = v;
          first = false;
        } else if (v !== value) return null;
      }
  }
  return value;
}
function checkGetLimit(r: Rect): void {
  if (rectCells(r) > 5_000_000) throw new FakeOfficeError('RangeExceedsLimit');
}
function matrix(value: unknown, rect: Rect, what: string): unknown[][] {
  if (!Array.isArray(value)) return grid(rect, () => value);
  if (value.length !== rectRows(rect) || value.some((row) => !Array.isArray(row) || row.length !== rectCols(rect)))
    throw new FakeOfficeError('InvalidArgument', `The number of rows or columns in the ${what} array doesn't match the size or dimensions of the range.`);
  return value as unknown[][];
}

// ---------------------------------------------------------------- workbook and worksheets

export class FakeWorkbook extends FakeObject<FakeWorkbookModel> {
  readonly _typeName = 'Workbook';
  protected _scalars() {
    return { name: (m: FakeWorkbookModel) => m.name };
  }
  protected override _navigation() {
    return { worksheets: () => this.worksheets };
  }
  get name(): string {
    return this.prop('name');
  }
  get worksheets(): FakeWorksheetCollection {
    return this.nav('worksheets', () => new FakeWorksheetCollection(this.context, this.child((m) => m)));
  }
  getSelectedRange(): FakeRange {
    this.counted();
    return new FakeRange(
      this.context,
      this.child((m) => {
        const s = m.selection ?? (m.active ? { sheet: m.active, rects: [{ top: 0, left: 0, bottom: 0, right: 0, kind: 'cells' as const }] } : null);
        if (!s) throw new FakeOfficeError('ItemNotFound', 'no selection');
        if (s.rects.length !== 1) throw new FakeOfficeError('InvalidSelection', 'several areas are selected');
        return { sheet: s.sheet, rect: s.rects[0]! };
      }),
    );
  }
  getSelectedRanges(): FakeRangeAreas {
    this.counted();
    return new FakeRangeAreas(
      this.context,
      this.child((m) => {
        const s = m.selection ?? (m.active ? { sheet: m.active, rects: [{ top: 0, left: 0, bottom: 0, right: 0, kind: 'cells' as const }] } : null);
        if (!s) throw new FakeOfficeError('ItemNotFound', 'no selection');
        return { sheet: s.sheet, rects: s.rects.map((r) => ({ ...r })) };
      }),
    );
  }
}

abstract class FakeCollection<T, I extends ProxyLike, E> extends FakeObject<T> {
  protected abstract _elements(t: T): E[];
  protected abstract _item(e: E): I;
  protected _scalars() {
    return {};
  }
  get items(): I[] {
    return this.prop('items');
  }
  override _load(paths: string[] | null, batch: Batch): void {
    const t = this._resolve();
    const rest: string[] = [];
    let wantsItems = paths === null;
    for (const p of paths ?? []) {
      if (p === 'items') wantsItems = true;
      else if (p.startsWith('items/')) {
        wantsItems = true;
        rest.push(p.slice(6));
      } else throw new FakeOfficeError('InvalidArgument', `${this._typeName} has no property ${JSON.stringify(p)} to load`);
    }
    if (!wantsItems || t === null) return;
    const items = this._elements(t).map((e) => this._item(e));
    for (const item of items) item._load(rest.length ? rest : null, batch);
    batch.publish(2, () => this.local.set('items', items));
  }
  getCount(): FakeClientResult<number> {
    const result = new FakeClientResult<number>();
    this.invoke('getCount', [], (t) => this._elements(t).length, { write: false, result });
    return result;
  }
}

export class FakeWorksheetCollection extends FakeCollection<FakeWorkbookModel, FakeWorksheet, FakeSheet> {
  readonly _typeName = 'WorksheetCollection';
  protected _elements(m: FakeWorkbookModel) {
    return m.sheets;
  }
  protected _item(s: FakeSheet) {
    return new FakeWorksheet(this.context, () => s);
  }
  getItem(key: string): FakeWorksheet {
    this.counted();
    return new FakeWorksheet(
      this.context,
      this.child((m) => {
        const s = m.find(key);
        if (!s) throw new FakeOfficeError('ItemNotFound', `no sheet named ${key}`);
        return s;
      }),
      jsonSize(key),
    );
  }
  getItemOrNullObject(key: string): FakeWorksheet {
    this.counted();
    return new FakeWorksheet(this.context, this.child((m) => m.find(key)), jsonSize(key));
  }
  getActiveWorksheet(): FakeWorksheet {
    this.counted();
    return new FakeWorksheet(
      this.context,
      this.child((m) => {
        if (!m.active) throw new FakeOfficeError('ItemNotFound', 'no active sheet');
        return m.active;
      }),
    );
  }
  getFirst(visibleOnly?: boolean): FakeWorksheet {
    this.counted();
    return new FakeWorksheet(
      this.context,
      this.child((m) => {
        const s = m.sheets.find((x) => !visibleOnly || x.visibility === 'Visible');
        if (!s) throw new FakeOfficeError('ItemNotFound', 'no sheet');
        return s;
      }),
    );
  }
  add(name?: string): FakeWorksheet {
    let created: FakeSheet | null = null;
    this.invoke('add', [name], (m) => void (created = m.add(name)), { write: true });
    return new FakeWorksheet(this.context, () => created, jsonSize(name));
  }
}

export class FakeWorksheet extends FakeObject<FakeSheet> {
  readonly _typeName = 'Worksheet';
  override _describe(): string | undefined {
    return this.peek()?.name;
  }
  private peek(): FakeSheet | null {
    try {
      return this._resolve();
    } catch {
      return null;
    }
  }
  protected _scalars() {
    const ctx = ctxOf(this);
    return {
      name: (s: FakeSheet) => s.name,
      visibility: (s: FakeSheet) => s.visibility,
      position: (s: FakeSheet) => ctx.model.sheets.indexOf(s),
      id: (s: FakeSheet) => `{sheet-${ctx.model.sheets.indexOf(s)}-${s.name}}`,
    };
  }
  protected override _navigation() {
    return { protection: () => this.protection, freezePanes: () => this.freezePanes, charts: () => this.charts };
  }
  get name(): string {
    return this.prop('name');
  }
  set name(v: string) {
    this.setProperty('name', v, (s, n) => {
      const m = ctxOf(this).model;
      const other = m.find(String(n));
      if (other && other !== s) throw new FakeOfficeError('ItemAlreadyExists');
      s.name = String(n);
    });
  }
  get visibility(): Visibility {
    return this.prop('visibility');
  }
  set visibility(v: Visibility) {
    this.setProperty('visibility', v, (s, x) => {
      if (x !== 'Visible' && x !== 'Hidden' && x !== 'VeryHidden') throw new FakeOfficeError('InvalidArgument', `visibility ${String(x)}`);
      const m = ctxOf(this).model;
      if (x !== 'Visible' && s.visibility === 'Visible' && m.sheets.filter((o) => o.visibility === 'Visible').length === 1) throw new FakeOfficeError('InvalidOperation', 'a workbook must keep one visible sheet');
      s.visibility = x;
      if (x !== 'Visible' && m.active === s) m.active = m.sheets.find((o) => o.visibility === 'Visible') ?? null;
    });
  }
  get position(): number {
    return this.prop('position');
  }
  get protection(): FakeWorksheetProtection {
    return this.nav('protection', () => new FakeWorksheetProtection(this.context, this.child((s) => s)));
  }
  get freezePanes(): FakeFreezePanes {
    return this.nav('freezePanes', () => new FakeFreezePanes(this.context, this.child((s) => s)));
  }
  get charts(): FakeChartCollection {
    return this.nav('charts', () => new FakeChartCollection(this.context, this.child((s) => s)));
  }
  getRange(address?: string): FakeRange {
    this.counted();
    return new FakeRange(
      this.context,
      this.child((s) => ({ sheet: s, rect: address === undefined ? { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLS - 1, kind: 'sheet' } : parseAddressOn(address, s.name) })),
      jsonSize(address),
    );
  }
  getCell(row: number, column: number): FakeRange {
    this.counted();
    return new FakeRange(this.context, this.child((s) => ({ sheet: s, rect: { top: row, left: column, bottom: row, right: column, kind: 'cells' } })), 16);
  }
  getRanges(address: string): FakeRangeAreas {
    this.counted();
    const limit = ctxOf(this).engine.limits.maxAddressLength;
    return new FakeRangeAreas(
      this.context,
      this.child((s) => {
        if (address.length > limit) throw new FakeOfficeError('InvalidArgument', `the address is ${address.length} characters; the limit is ${limit}`);
        const rects = address.split(',').map((a) => parseAddressOn(a, s.name));
        return { sheet: s, rects };
      }),
      jsonSize(address),
    );
  }
  getUsedRange(valuesOnly?: boolean): FakeRange {
    this.counted();
    return new FakeRange(this.context, this.child((s) => ({ sheet: s, rect: s.usedRect(!!valuesOnly) ?? { top: 0, left: 0, bottom: 0, right: 0, kind: 'cells' } })));
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    this.counted();
    return new FakeRange(
      this.context,
      this.child((s) => {
        const r = s.usedRect(!!valuesOnly);
        return r ? { sheet: s, rect: r } : null;
      }),
    );
  }
  getNext(visibleOnly?: boolean): FakeWorksheet {
    this.counted();
    return new FakeWorksheet(
      this.context,
      this.child((s) => {
        const n = this.nextOf(s, !!visibleOnly);
        if (!n) throw new FakeOfficeError('ItemNotFound', `no sheet after ${s.name}`);
        return n;
      }),
    );
  }
  getNextOrNullObject(visibleOnly?: boolean): FakeWorksheet {
    this.counted();
    return new FakeWorksheet(this.context, this.child((s) => this.nextOf(s, !!visibleOnly)));
  }
  private nextOf(s: FakeSheet, visibleOnly: boolean): FakeSheet | null {
    const sheets = ctxOf(this).model.sheets;
    for (let i = sheets.indexOf(s) + 1; i < sheets.length; i++) if (!visibleOnly || sheets[i]!.visibility === 'Visible') return sheets[i]!;
    return null;
  }
  activate(): void {
    this.invoke(
      'activate',
      [],
      (s) => {
        alive(ctxOf(this), s);
        if (s.visibility !== 'Visible') throw new FakeOfficeError('InvalidOperation', 'a hidden sheet cannot be activated');
        ctxOf(this).model.active = s;
      },
      { write: true },
    );
  }
  delete(): void {
    this.invoke('delete', [], (s) => ctxOf(this).model.remove(alive(ctxOf(this), s)), { write: true });
  }
  /** Worksheet.onChanged (ExcelApi 1.7): add registers at the next sync; the result's remove() at the sync after it. */
  get onChanged(): { add(handler: FakeChangedHandler): { context: FakeRequestContextBase; remove(): void } } {
    return {
      add: (handler: FakeChangedHandler) => {
        this.invoke('onChanged.add', [], (s) => void ctxOf(this).engine.events?.register(alive(ctxOf(this), s), handler), { write: false });
        return {
          context: this.context,
          remove: () => {
            this.invoke('onChanged.remove', [], (s) => ctxOf(this).engine.events?.unregister(s, handler), { write: false });
          },
        };
      },
    };
  }
}

export class FakeWorksheetProtection extends FakeObject<FakeSheet> {
  readonly _typeName = 'WorksheetProtection';
  protected _scalars() {
    return { protected: (s: FakeSheet) => s.protected };
  }
  get protected(): boolean {
    return this.prop('protected');
  }
}

export class FakeFreezePanes extends FakeObject<FakeSheet> {
  readonly _typeName = 'WorksheetFreezePanes';
  protected _scalars() {
    return {};
  }
  freezeRows(count?: number): void {
    this.invoke('freezeRows', [count], (s) => void (alive(ctxOf(this), s).frozenRows = count ?? 1), { write: true });
  }
  unfreeze(): void {
    this.invoke('unfreeze', [], (s) => void (alive(ctxOf(this), s).frozenRows = 0), { write: true });
  }
}

// ---------------------------------------------------------------- ranges

interface CellPropertiesLoad {
  address?: boolean;
  format?: { fill?: { color?: boolean; pattern?: boolean }; font?: { bold?: boolean; italic?: boolean; color?: boolean; size?: boolean }; wrapText?: boolean };
}

function cellProperties(sheet: FakeSheet, row: number, col: number, want: CellPropertiesLoad): Record<string, unknown> {
  const c = sheet.get(row, col);
  const out: Record<string, unknown> = {};
  if (want.address) out.address = fullAddress(sheet.name, { top: row, left: col, bottom: row, right: col });
  if (want.format) {
    const format: Record<string, unknown> = {};
    const wf = want.format;
    if (wf.fill) {
      const fill: Record<string, unknown> = {};
      // Excel reports "no fill" as white with pattern None.
      if (wf.fill.color) fill.color = c?.fill ? c.fill.color : '#FFFFFF';
      if (wf.fill.pattern) fill.pattern = c?.fill ? c.fill.pattern : 'None';
      format.fill = fill;
    }
    if (wf.font) {
      const font: Record<string, unknown> = {};
      if (wf.font.bold) font.bold = !!c?.font?.bold;
      if (wf.font.italic) font.italic = !!c?.font?.italic;
      if (wf.font.color) font.color = c?.font?.color ?? '#000000';
      if (wf.font.size) font.size = c?.font?.size ?? 11;
      format.font = font;
    }
    if (wf.wrapText) format.wrapText = !!c?.wrap;
    out.format = format;
  }
  return out;
}

export class FakeRange extends FakeObject<RangeT> {
  readonly _typeName = 'Range';
  override _describe(): string | undefined {
    try {
      const t = this._resolve();
      return t ? fullAddress(t.sheet.name, t.rect) : undefined;
    } catch {
      return undefined;
    }
  }
  protected _scalars() {
    const ctx = ctxOf(this);
    const cells = <V>(f: (c: CellData | undefined) => V) => (t: RangeT) => {
      checkGet(ctx, t.rect);
      return grid(t.rect, (r, c) => f(t.sheet.get(r, c)));
    };
    return {
      address: (t: RangeT) => fullAddress(t.sheet.name, t.rect),
      addressLocal: (t: RangeT) => fullAddress(t.sheet.name, t.rect),
      rowIndex: (t: RangeT) => t.rect.top,
      columnIndex: (t: RangeT) => t.rect.left,
      rowCount: (t: RangeT) => rectRows(t.rect),
      columnCount: (t: RangeT) => rectCols(t.rect),
      cellCount: (t: RangeT) => rectCells(t.rect),
      values: cells((c) => (c?.value === undefined ? '' : c.value)),
      valueTypes: cells((c) => valueType(c)),
      numberFormat: cells((c) => c?.numberFormat ?? 'General'),
      text: cells((c) => displayText(c)),
      formulas: cells((c) => c?.formula ?? (c?.value === undefined ? '' : c.value)),
      hyperlink: (t: RangeT) => t.sheet.get(t.rect.top, t.rect.left)?.hyperlink ?? null,
    };
  }
  protected override _navigation() {
    return { format: () => this.format, worksheet: () => this.worksheet };
  }
  get address(): string {
    return this.prop('address');
  }
  get rowIndex(): number {
    return this.prop('rowIndex');
  }
  get columnIndex(): number {
    return this.prop('columnIndex');
  }
  get rowCount(): number {
    return this.prop('rowCount');
  }
  get columnCount(): number {
    return this.prop('columnCount');
  }
  get cellCount(): number {
    return this.prop('cellCount');
  }
  get values(): unknown[][] {
    return this.prop('values');
  }
  set values(v: unknown[][]) {
    this.setProperty('values', v, (t, x) => {
      writable(ctxOf(this), t.sheet);
      const m = matrix(x, t.rect, 'values');
      m.forEach((line, i) =>
        line.forEach((value, j) => {
          if (value === null || value === undefined) return; // null leaves a cell as it is
          const row = t.rect.top + i;
          const col = t.rect.left + j;
          writeValue(t.sheet.edit(row, col), value);
          t.sheet.tidy(row, col);
        }),
      );
      changed(ctxOf(this), t.sheet, [t.rect], 'value');
    });
  }
  get valueTypes(): string[][] {
    return this.prop('valueTypes');
  }
  get numberFormat(): string[][] {
    return this.prop('numberFormat');
  }
  set numberFormat(v: unknown[][]) {
    this.setProperty('numberFormat', v, (t, x) => {
      writable(ctxOf(this), t.sheet);
      matrix(x, t.rect, 'numberFormat').forEach((line, i) =>
        line.forEach((f, j) => {
          if (f === null || f === undefined) return;
          const row = t.rect.top + i;
          const col = t.rect.left + j;
          const cell = t.sheet.edit(row, col);
          if (f === 'General') delete cell.numberFormat;
          else cell.numberFormat = String(f);
          t.sheet.tidy(row, col);
        }),
      );
      changed(ctxOf(this), t.sheet, [t.rect], 'format');
    });
  }
  get text(): string[][] {
    return this.prop('text');
  }
  get formulas(): unknown[][] {
    return this.prop('formulas');
  }
  set formulas(v: unknown[][]) {
    this.setProperty('formulas', v, (t, x) => {
      writable(ctxOf(this), t.sheet);
      matrix(x, t.rect, 'formulas').forEach((line, i) =>
        line.forEach((value, j) => {
          if (value === null || value === undefined) return;
          writeValue(t.sheet.edit(t.rect.top + i, t.rect.left + j), value);
          t.sheet.tidy(t.rect.top + i, t.rect.left + j);
        }),
      );
      changed(ctxOf(this), t.sheet, [t.rect], 'value');
    });
  }
  get hyperlink(): { address?: string; documentReference?: string; textToDisplay?: string; screenTip?: string } | null {
    return this.prop('hyperlink');
  }
  set hyperlink(v: { address?: string; documentReference?: string; textToDisplay?: string; screenTip?: string } | null) {
    this.setProperty('hyperlink', v, (t, x) => {
      writable(ctxOf(this), t.sheet);
      const link = x as { address?: string; documentReference?: string; textToDisplay?: string; screenTip?: string } | null;
      if (link && link.documentReference !== undefined) {
        const { sheet, local } = splitSheet(link.documentReference.replace(/^#/, ''));
        if (sheet === null || !ctxOf(this).model.find(sheet) || !parseLocalAddress(local)) throw new FakeOfficeError('InvalidArgument', `bad documentReference ${link.documentReference}`);
      }
      eachCell(t.sheet, [t.rect], (cell) => {
        if (!link) {
          delete cell.hyperlink;
          return;
        }
        cell.hyperlink = { ...link };
        if (link.textToDisplay !== undefined) writeValue(cell, "'" + link.textToDisplay);
      });
      changed(ctxOf(this), t.sheet, [t.rect], 'value');
    });
  }
  get format(): FakeRangeFormat {
    return this.nav('format', () => new FakeRangeFormat(this.context, this.child((t) => ({ sheet: t.sheet, rects: [t.rect] }))));
  }
  get worksheet(): FakeWorksheet {
    return this.nav('worksheet', () => new FakeWorksheet(this.context, this.child((t) => t.sheet)));
  }

  getCellProperties(load: CellPropertiesLoad): FakeClientResult<Array<Array<Record<string, unknown>>>> {
    const result = new FakeClientResult<Array<Array<Record<string, unknown>>>>();
    this.invoke(
      'getCellProperties',
      [load],
      (t) => {
        checkGet(ctxOf(this), t.rect);
        return grid(t.rect, (r, c) => cellProperties(t.sheet, r, c, load));
      },
      { write: false, result },
    );
    return result;
  }
  getMergedAreasOrNullObject(): FakeRangeAreas {
    this.counted();
    return new FakeRangeAreas(
      this.context,
      this.child((t) => {
        const rects = t.sheet.merges.filter((m) => intersect(m, t.rect)).map((m) => ({ ...m, kind: 'cells' as const }));
        return rects.length ? { sheet: t.sheet, rects } : null;
      }),
    );
  }
  getIntersection(other: FakeRange | string): FakeRange {
    this.counted();
    return new FakeRange(
      this.context,
      this.child((t) => {
        const r = this.intersection(t, other);
        if (!r) throw new FakeOfficeError('ItemNotFound', 'the ranges do not intersect');
        return r;
      }),
    );
  }
  getIntersectionOrNullObject(other: FakeRange | string): FakeRange {
    this.counted();
    return new FakeRange(this.context, this.child((t) => this.intersection(t, other)));
  }
  private intersection(t: RangeT, other: FakeRange | string): RangeT | null {
    let o: Rect;
    if (typeof other === 'string') o = parseAddressOn(other, t.sheet.name);
    else {
      const ot = other._resolve();
      if (!ot) return null;
      if (ot.sheet !== t.sheet) throw new FakeOfficeError('InvalidArgument', 'the ranges are on different sheets');
      o = ot.rect;
    }
    const r = intersect(t.rect, o);
    return r ? { sheet: t.sheet, rect: r } : null;
  }
  getRow(row: number): FakeRange {
    this.counted();
    return new FakeRange(
      this.context,
      this.child((t) => {
        if (row < 0 || row >= rectRows(t.rect)) throw new FakeOfficeError('InvalidArgument', `row ${row}`);
        return { sheet: t.sheet, rect: { top: t.rect.top + row, bottom: t.rect.top + row, left: t.rect.left, right: t.rect.right, kind: 'cells' } };
      }),
    );
  }
  getCell(row: number, column: number): FakeRange {
    this.counted();
    return new FakeRange(this.context, this.child((t) => ({ sheet: t.sheet, rect: { top: t.rect.top + row, bottom: t.rect.top + row, left: t.rect.left + column, right: t.rect.left + column, kind: 'cells' } })));
  }
  getResizedRange(deltaRows: number, deltaColumns: number): FakeRange {
    this.counted();
    return new FakeRange(
      this.context,
      this.child((t) => {
        const rect: Rect = { top: t.rect.top, left: t.rect.left, bottom: t.rect.bottom + deltaRows, right: t.rect.right + deltaColumns, kind: 'cells' };
        if (rect.bottom < rect.top || rect.right < rect.left || rect.bottom >= MAX_ROWS || rect.right >= MAX_COLS) throw new FakeOfficeError('InvalidArgument', 'resized outside the sheet');
        return { sheet: t.sheet, rect };
      }),
    );
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    this.counted();
    return new FakeRange(
      this.context,
      this.child((t) => {
        const r = t.sheet.usedRect(!!valuesOnly, t.rect);
        return r ? { sheet: t.sheet, rect: r } : null;
      }),
    );
  }
  clear(applyTo: 'All' | 'Formats' | 'Contents' | 'Hyperlinks' = 'All'): void {
    this.invoke('clear', [applyTo], (t) => clearRects(ctxOf(this), t.sheet, [t.rect], applyTo), { write: true });
  }
  select(): void {
    this.invoke('select', [], (t) => selectRects(ctxOf(this), t.sheet, [t.rect]), { write: true });
  }
}

function clearRects(ctx: Ctx, sheet: FakeSheet, rects: Rect[], applyTo: string): void {
  writable(ctx, sheet);
  changed(ctx, sheet, rects, applyTo === 'All' || applyTo === 'Contents' ? 'value' : 'format');
  for (const r of rects) {
    for (const { row, col, cell } of [...sheet.cellsIn(r)]) {
      if (applyTo === 'All' || applyTo === 'Contents') {
        delete cell.value;
        delete cell.formula;
        delete cell.error;
        delete cell.text;
      }
      if (applyTo === 'All' || applyTo === 'Formats') {
        delete cell.fill;
        delete cell.font;
        delete cell.wrap;
        delete cell.numberFormat;
      }
      if (applyTo === 'All' || applyTo === 'Hyperlinks') delete cell.hyperlink;
      sheet.tidy(row, col);
    }
    if (applyTo === 'All' || applyTo === 'Formats') sheet.merges = sheet.merges.filter((m) => !(m.top >= r.top && m.bottom <= r.bottom && m.left >= r.left && m.right <= r.right));
  }
}

function selectRects(ctx: Ctx, sheet: FakeSheet, rects: Rect[]): void {
  alive(ctx, sheet);
  if (sheet.visibility !== 'Visible') throw new FakeOfficeError('InvalidSelection', 'the sheet is hidden');
  ctx.model.active = sheet;
  ctx.model.selection = { sheet, rects: rects.map((r) => ({ ...r })) };
}

export class FakeRangeAreas extends FakeObject<AreasT> {
  readonly _typeName = 'RangeAreas';
  override _describe(): string | undefined {
    try {
      const t = this._resolve();
      return t ? t.rects.map((r) => localAddress(r)).join(',') : undefined;
    } catch {
      return undefined;
    }
  }
  protected _scalars() {
    return {
      address: (t: AreasT) => t.rects.map((r) => fullAddress(t.sheet.name, r)).join(','),
      addressLocal: (t: AreasT) => t.rects.map((r) => fullAddress(t.sheet.name, r)).join(','),
      areaCount: (t: AreasT) => t.rects.length,
      cellCount: (t: AreasT) => t.rects.reduce((n, r) => n + rectCells(r), 0),
    };
  }
  protected override _navigation() {
    return { areas: () => this.areas, format: () => this.format, worksheet: () => this.worksheet };
  }
  get address(): string {
    return this.prop('address');
  }
  get areaCount(): number {
    return this.prop('areaCount');
  }
  get areas(): FakeRangeCollection {
    return this.nav('areas', () => new FakeRangeCollection(this.context, this.child((t) => t)));
  }
  get format(): FakeRangeFormat {
    return this.nav('format', () => new FakeRangeFormat(this.context, this.child((t) => t)));
  }
  get worksheet(): FakeWorksheet {
    return this.nav('worksheet', () => new FakeWorksheet(this.context, this.child((t) => t.sheet)));
  }
  clear(applyTo: 'All' | 'Formats' | 'Contents' | 'Hyperlinks' = 'All'): void {
    this.invoke('clear', [applyTo], (t) => clearRects(ctxOf(this), t.sheet, t.rects, applyTo), { write: true });
  }
  select(): void {
    this.invoke('select', [], (t) => selectRects(ctxOf(this), t.sheet, t.rects), { write: true });
  }
}

export class FakeRangeCollection extends FakeCollection<AreasT, FakeRange, RangeT> {
  readonly _typeName = 'RangeCollection';
  protected _elements(t: AreasT) {
    return t.rects.map((rect) => ({ sheet: t.sheet, rect }));
  }
  protected _item(e: RangeT) {
    return new FakeRange(this.context, () => e);
  }
}

// ---------------------------------------------------------------- formats

export class FakeRangeFormat extends FakeObject<AreasT> {
  readonly _typeName = 'RangeFormat';
  override _describe(): string | undefined {
    return describeAreas(this);
  }
  protected _scalars() {
    return {
      wrapText: (t: AreasT) => uniform(t.sheet, t.rects, (c) => !!c?.wrap),
      columnWidth: (t: AreasT) => {
        const widths = new Set<number>();
        for (const r of t.rects) for (let c = r.left; c <= r.right; c++) widths.add(t.sheet.columnWidths.get(c) ?? 48);
        return widths.size === 1 ? [...widths][0]! : null;
      },
    };
  }
  protected override _navigation() {
    return { fill: () => this.fill, font: () => this.font };
  }
  get fill(): FakeRangeFill {
    return this.nav('fill', () => new FakeRangeFill(this.context, this.child((t) => t)));
  }
  get font(): FakeRangeFont {
    return this.nav('font', () => new FakeRangeFont(this.context, this.child((t) => t)));
  }
  get wrapText(): boolean | null {
    return this.prop('wrapText');
  }
  set wrapText(v: boolean | null) {
    this.setProperty('wrapText', v, (t, x) => {
      writable(ctxOf(this), t.sheet);
      eachCell(t.sheet, t.rects, (c) => {
        if (x) c.wrap = true;
        else delete c.wrap;
      });
      changed(ctxOf(this), t.sheet, t.rects, 'format');
    });
  }
  get columnWidth(): number | null {
    return this.prop('columnWidth');
  }
  set columnWidth(v: number | null) {
    this.setProperty('columnWidth', v, (t, x) => {
      writable(ctxOf(this), t.sheet);
      if (typeof x !== 'number' || !(x >= 0) || x > 255 * 7.5) throw new FakeOfficeError('InvalidArgument', `column width ${String(x)}`);
      for (const r of t.rects) for (let c = r.left; c <= r.right; c++) t.sheet.columnWidths.set(c, x);
    });
  }
}

function describeAreas(o: FakeObject<AreasT>): string | undefined {
  try {
    const t = o._resolve();
    return t ? `${t.sheet.name}!${t.rects.map((r) => localAddress(r)).join(',')}` : undefined;
  } catch {
    return undefined;
  }
}

export class FakeRangeFill extends FakeObject<AreasT> {
  readonly _typeName = 'RangeFill';
  override _describe(): string | undefined {
    return describeAreas(this);
  }
  protected _scalars() {
    return {
      color: (t: AreasT) => uniform(t.sheet, t.rects, (c) => c?.fill?.color ?? '#FFFFFF'),
      pattern: (t: AreasT) => uniform(t.sheet, t.rects, (c) => c?.fill?.pattern ?? 'None'),
    };
  }
  get color(): string {
    return this.prop('color');
  }
  set color(v: string) {
    this.setProperty('color', v, (t, x) => {
      writable(ctxOf(this), t.sheet);
      const color = normaliseColor(String(x));
      eachCell(t.sheet, t.rects, (c) => {
        c.fill = { color, pattern: c.fill && c.fill.pattern !== 'None' ? c.fill.pattern : 'Solid' };
      });
      changed(ctxOf(this), t.sheet, t.rects, 'format');
    });
  }
  get pattern(): string {
    return this.prop('pattern');
  }
  set pattern(v: string) {
    this.setProperty('pattern', v, (t, x) => {
      writable(ctxOf(this), t.sheet);
      const pattern = String(x);
      eachCell(t.sheet, t.rects, (c) => {
        if (pattern === 'None') delete c.fill;
        else c.fill = { color: c.fill?.color ?? '#000000', pattern };
      });
      changed(ctxOf(this), t.sheet, t.rects, 'format');
    });
  }
  clear(): void {
    this.invoke(
      'clear',
      [],
      (t) => {
        writable(ctxOf(this), t.sheet);
        for (const r of t.rects)
          for (const { row, col, cell } of [...t.sheet.cellsIn(r)]) {
            delete cell.fill;
            t.sheet.tidy(row, col);
          }
        changed(ctxOf(this), t.sheet, t.rects, 'format');
      },
      { write: true },
    );
  }
}

export class FakeRangeFont extends FakeObject<AreasT> {
  readonly _typeName = 'RangeFont';
  override _describe(): string | undefined {
    return describeAreas(this);
  }
  protected _scalars() {
    return {
      bold: (t: AreasT) => uniform(t.sheet, t.rects, (c) => !!c?.font?.bold),
      italic: (t: AreasT) => uniform(t.sheet, t.rects, (c) => !!c?.font?.italic),
      color: (t: AreasT) => uniform(t.sheet, t.rects, (c) => c?.font?.color ?? '#000000'),
      size: (t: AreasT) => uniform(t.sheet, t.rects, (c) => c?.font?.size ?? 11),
    };
  }
  private setFont(name: 'bold' | 'italic' | 'color' | 'size', v: unknown): void {
    this.setProperty(name, v, (t, x) => {
      writable(ctxOf(this), t.sheet);
      let value: boolean | string | number;
      if (name === 'color') value = normaliseColor(String(x));
      else if (name === 'size') {
        if (typeof x !== 'number' || x < 1 || x > 409) throw new FakeOfficeError('InvalidArgument', `font size ${String(x)}`);
        value = x;
      } else value = !!x;
      eachCell(t.sheet, t.rects, (c) => {
        c.font = { ...(c.font ?? {}), [name]: value };
      });
      changed(ctxOf(this), t.sheet, t.rects, 'format');
    });
  }
  get bold(): boolean {
    return this.prop('bold');
  }
  set bold(v: boolean) {
    this.setFont('bold', v);
  }
  get italic(): boolean {
    return this.prop('italic');
  }
  set italic(v: boolean) {
    this.setFont('italic', v);
  }
  get color(): string {
    return this.prop('color');
  }
  set color(v: string) {
    this.setFont('color', v);
  }
  get size(): number {
    return this.prop('size');
  }
  set size(v: number) {
    this.setFont('size', v);
  }
}

// ---------------------------------------------------------------- charts

interface ChartT {
  sheet: FakeSheet;
  chart: FakeChartData;
}
interface SeriesT {
  chart: FakeChartData;
  index: number;
}

const CHART_TYPES = new Set(['ColumnClustered', 'ColumnStacked', 'ColumnStacked100', 'BarClustered', 'BarStacked', 'Line', 'Pie', 'XYScatter']);

/** How many series Excel makes of a source: leading text columns (rows) are categories. */
function seriesCount(sheet: FakeSheet, rect: Rect, byRows: boolean): number {
  const lines = byRows ? rectRows(rect) : rectCols(rect);
  const isText = (row: number, col: number) => typeof sheet.get(row, col)?.value === 'string';
  let categories = 0;
  for (let i = 0; i < lines; i++) {
    let text = true;
    if (byRows) for (let c = rect.left + 1; c <= rect.right; c++) text = text && isText(rect.top + i, c);
    else for (let r = rect.top + 1; r <= rect.bottom; r++) text = text && isText(r, rect.left + i);
    if (!text) break;
    categories++;
  }
  return Math.max(1, lines - Math.max(categories, 0));
}

export class FakeChartCollection extends FakeCollection<FakeSheet, FakeChart, ChartT> {
  readonly _typeName = 'ChartCollection';
  protected _elements(s: FakeSheet) {
    return s.charts.map((chart) => ({ sheet: s, chart }));
  }
  protected _item(e: ChartT) {
    return new FakeChart(this.context, () => e);
  }
  add(type: string, sourceData: FakeRange, seriesBy: string = 'Auto'): FakeChart {
    let created: ChartT | null = null;
    this.invoke(
      'add',
      [type, seriesBy],
      (s) => {
        writable(ctxOf(this), s);
        if (!CHART_TYPES.has(type)) throw new FakeOfficeError('InvalidArgument', `chart type ${type}`);
        const src = sourceData._resolve();
        if (!src || src.sheet !== s) throw new FakeOfficeError('InvalidArgument', 'the source is not on this sheet');
        const n = seriesCount(s, src.rect, seriesBy === 'Rows');
        const chart: FakeChartData = {
          name: ctxOf(this).model.nextChartName(),
          type,
          source: localAddress(src.rect),
          seriesBy: seriesBy === 'Auto' ? 'Columns' : seriesBy,
          title: null,
          series: Array.from({ length: n }, () => ({ color: null })),
          position: null,
        };
        s.charts.push(chart);
        created = { sheet: s, chart };
      },
      { write: true },
    );
    return new FakeChart(this.context, () => created);
  }
  getItem(name: string): FakeChart {
    this.counted();
    return new FakeChart(
      this.context,
      this.child((s) => {
        const chart = s.charts.find((c) => c.name === name);
        if (!chart) throw new FakeOfficeError('ItemNotFound', `no chart ${name}`);
        return { sheet: s, chart };
      }),
    );
  }
  getItemOrNullObject(name: string): FakeChart {
    this.counted();
    return new FakeChart(
      this.context,
      this.child((s) => {
        const chart = s.charts.find((c) => c.name === name);
        return chart ? { sheet: s, chart } : null;
      }),
    );
  }
}

export class FakeChart extends FakeObject<ChartT> {
  readonly _typeName = 'Chart';
  protected _scalars() {
    return { name: (t: ChartT) => t.chart.name };
  }
  protected override _navigation() {
    return { title: () => this.title, series: () => this.series };
  }
  get name(): string {
    return this.prop('name');
  }
  set name(v: string) {
    this.setProperty('name', v, (t, x) => {
      t.chart.name = String(x);
    });
  }
  get title(): FakeChartTitle {
    return this.nav('title', () => new FakeChartTitle(this.context, this.child((t) => t)));
  }
  get series(): FakeChartSeriesCollection {
    return this.nav('series', () => new FakeChartSeriesCollection(this.context, this.child((t) => t)));
  }
  setPosition(startCell: string | FakeRange, endCell?: string | FakeRange): void {
    this.invoke(
      'setPosition',
      [typeof startCell === 'string' ? startCell : 'range', typeof endCell === 'string' ? endCell : null],
      (t) => {
        const start = typeof startCell === 'string' ? parseAddressOn(startCell, t.sheet.name) : startCell._resolve()?.rect;
        if (!start) throw new FakeOfficeError('InvalidArgument', 'no start cell');
        t.chart.position = cellA1(start.top, start.left);
      },
      { write: true },
    );
  }
  delete(): void {
    this.invoke(
      'delete',
      [],
      (t) => {
        t.sheet.charts = t.sheet.charts.filter((c) => c !== t.chart);
      },
      { write: true },
    );
  }
}

export class FakeChartTitle extends FakeObject<ChartT> {
  readonly _typeName = 'ChartTitle';
  protected _scalars() {
    return { text: (t: ChartT) => t.chart.title ?? '' };
  }
  get text(): string {
    return this.prop('text');
  }
  set text(v: string) {
    this.setProperty('text', v, (t, x) => {
      t.chart.title = String(x);
    });
  }
}

export class FakeChartSeriesCollection extends FakeCollection<ChartT, FakeChartSeries, SeriesT> {
  readonly _typeName = 'ChartSeriesCollection';
  protected _elements(t: ChartT) {
    return t.chart.series.map((_, index) => ({ chart: t.chart, index }));
  }
  protected _item(e: SeriesT) {
    return new FakeChartSeries(this.context, () => e);
  }
  getItemAt(index: number): FakeChartSeries {
    this.counted();
    return new FakeChartSeries(
      this.context,
      this.child((t) => {
        if (index < 0 || index >= t.chart.series.length) throw new FakeOfficeError('ItemNotFound', `no series ${index}`);
        return { chart: t.chart, index };
      }),
    );
  }
}

export class FakeChartSeries extends FakeObject<SeriesT> {
  readonly _typeName = 'ChartSeries';
  protected _scalars() {
    return {};
  }
  protected override _navigation() {
    return { format: () => this.format };
  }
  get format(): FakeChartSeriesFormat {
    return this.nav('format', () => new FakeChartSeriesFormat(this.context, this.child((t) => t)));
  }
}

export class FakeChartSeriesFormat extends FakeObject<SeriesT> {
  readonly _typeName = 'ChartSeriesFormat';
  protected _scalars() {
    return {};
  }
  protected override _navigation() {
    return { fill: () => this.fill };
  }
  get fill(): FakeChartFill {
    return this.nav('fill', () => new FakeChartFill(this.context, this.child((t) => t)));
  }
}

export class FakeChartFill extends FakeObject<SeriesT> {
  readonly _typeName = 'ChartFill';
  protected _scalars() {
    return {};
  }
  setSolidColor(color: string): void {
    this.invoke('setSolidColor', [color], (t) => void (t.chart.series[t.index]!.color = normaliseColor(color)), { write: true });
  }
  clear(): void {
    this.invoke('clear', [], (t) => void (t.chart.series[t.index]!.color = null), { write: true });
  }
}
