/**
 * What every Excel object of the fake shares, on top of the generic proxy core (proxy.ts): the
 * request context's engine, the checks Excel makes before it reads or writes (the sheet still
 * exists, is not protected, the range is within the limits), grids of cells, and the collection
 * base class. The objects themselves: workbook.ts (workbook, worksheets), range.ts (ranges and
 * areas), format.ts (fill, font, wrap, width), chart.ts (charts).
 *
 * API sets modelled: ExcelApi 1.1–1.13 subset — worksheets (getItem/OrNullObject, add,
 * getActiveWorksheet, getFirst/getNext/OrNullObject 1.5), ranges (values, valueTypes,
 * numberFormat, text, formulas, getResizedRange 1.7, getIntersection/OrNullObject,
 * getUsedRange/OrNullObject, getCellProperties 1.9, getMergedAreasOrNullObject 1.13, hyperlink
 * 1.7), RangeAreas via getRanges (1.9), formats (fill, font, wrapText, columnWidth), protection,
 * freezePanes.freezeRows (1.7), charts (add, title, series fill), selection.
 */
import { FakeOfficeError } from './errors';
import { Rect, localAddress, rectCells, rectCols, rectRows } from './address';
import { Batch, FakeClientResult, FakeEngineBase, FakeObject, FakeRequestContextBase, ProxyLike } from './proxy';
import { CellData, FakeSheet, FakeWorkbookModel } from './model';
import type { FakeEventHub } from './events';

/** How "no fill" reads back: see fillReadBack (format.ts) for the sources of each variant. */
export type NoFillReadBack = 'pattern-none' | 'pattern-null-white';

export interface FakeEngine extends FakeEngineBase {
  model: FakeWorkbookModel;
  /** How a cell with no fill reads back (default 'pattern-none'). */
  noFillReadBack?: NoFillReadBack;
  /** Worksheet change events (see events.ts); absent: no events. */
  events?: FakeEventHub;
}

/** The add-in changed cells of a sheet: an onChanged event after the sync. */
export function changed(ctx: Ctx, sheet: FakeSheet, rects: Rect[], kind: 'value' | 'format'): void {
  ctx.engine.events?.record(sheet, rects, kind);
}

/** A request context as the objects use it (workbook.ts's FakeRequestContext; named by shape, so base.ts does not import it). */
export type Ctx = FakeRequestContextBase & {
  readonly engine: FakeEngine;
  readonly model: FakeWorkbookModel;
  /** A Worksheet proxy for a sheet (made by workbook.ts, so range.ts needs no import of it). */
  worksheetOf(resolve: () => FakeSheet | null): FakeObject<FakeSheet>;
};
export const ctxOf = (o: { context: FakeRequestContextBase }) => o.context as Ctx;

export interface RangeT {
  sheet: FakeSheet;
  rect: Rect;
}
export interface AreasT {
  sheet: FakeSheet;
  rects: Rect[];
}

export function alive(ctx: Ctx, sheet: FakeSheet): FakeSheet {
  if (!ctx.model.sheets.includes(sheet)) throw new FakeOfficeError('ItemNotFound', `the sheet ${sheet.name} was deleted`);
  return sheet;
}
export function writable(ctx: Ctx, sheet: FakeSheet): FakeSheet {
  alive(ctx, sheet);
  if (sheet.protected) throw new FakeOfficeError('AccessDenied', `the sheet ${sheet.name} is protected`);
  return sheet;
}
export function checkGet(ctx: Ctx, rect: Rect): void {
  if (rectCells(rect) > ctx.engine.limits.maxGetCells) throw new FakeOfficeError('RangeExceedsLimit', `${rectCells(rect)} cells`);
}
export function grid<V>(rect: Rect, f: (row: number, col: number) => V): V[][] {
  const out: V[][] = [];
  for (let r = rect.top; r <= rect.bottom; r++) {
    const line: V[] = [];
    for (let c = rect.left; c <= rect.right; c++) line.push(f(r, c));
    out.push(line);
  }
  return out;
}
/** Every cell of the rectangles (creating records), for formatting. */
export function eachCell(sheet: FakeSheet, rects: Rect[], f: (cell: CellData, row: number, col: number) => void): void {
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
export function uniform<V>(sheet: FakeSheet, rects: Rect[], f: (c: CellData | undefined) => V): V | null {
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
export function checkGetLimit(r: Rect): void {
  if (rectCells(r) > 5_000_000) throw new FakeOfficeError('RangeExceedsLimit');
}
export function matrix(value: unknown, rect: Rect, what: string): unknown[][] {
  if (!Array.isArray(value)) return grid(rect, () => value);
  if (value.length !== rectRows(rect) || value.some((row) => !Array.isArray(row) || row.length !== rectCols(rect)))
    throw new FakeOfficeError('InvalidArgument', `The number of rows or columns in the ${what} array doesn't match the size or dimensions of the range.`);
  return value as unknown[][];
}

export abstract class FakeCollection<T, I extends ProxyLike, E> extends FakeObject<T> {
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

/** "Sheet!A1:B2,C3", for error messages. */
export function describeAreas(o: FakeObject<AreasT>): string | undefined {
  try {
    const t = o._resolve();
    return t ? `${t.sheet.name}!${t.rects.map((r) => localAddress(r)).join(',')}` : undefined;
  } catch {
    return undefined;
  }
}

