/** Ranges, range areas (several rectangles of one sheet) and their collections in the fake: values, types, formats, text, formulas, hyperlinks, cell properties, merges, clear and select. */
import { FakeOfficeError } from './errors';
import { MAX_COLS, MAX_ROWS, Rect, fullAddress, intersect, localAddress, parseAddressOn, parseLocalAddress, rectCells, rectCols, rectRows, splitSheet } from './address';
import { FakeClientResult, FakeObject } from './proxy';
import { CellData, FakeSheet, displayText, valueType, writeValue } from './model';
import { AreasT, Ctx, FakeCollection, NoFillReadBack, RangeT, alive, changed, checkGet, ctxOf, eachCell, grid, matrix, writable } from './base';
import { FakeRangeFormat, fillReadBack } from './format';

interface CellPropertiesLoad {
  address?: boolean;
  format?: { fill?: { color?: boolean; pattern?: boolean; patternColor?: boolean; tintAndShade?: boolean; patternTintAndShade?: boolean }; font?: { bold?: boolean; italic?: boolean; color?: boolean; size?: boolean }; wrapText?: boolean };
}

function cellProperties(sheet: FakeSheet, row: number, col: number, want: CellPropertiesLoad, noFill: NoFillReadBack | undefined): Record<string, unknown> {
  const c = sheet.get(row, col);
  const out: Record<string, unknown> = {};
  if (want.address) out.address = fullAddress(sheet.name, { top: row, left: col, bottom: row, right: col });
  if (want.format) {
    const format: Record<string, unknown> = {};
    const wf = want.format;
    if (wf.fill) {
      const fill: Record<string, unknown> = {};
      // As RangeFill reads back (the sources: fillReadBack in format.ts).
      const back = fillReadBack(c, noFill);
      for (const key of ['color', 'pattern', 'patternColor', 'tintAndShade', 'patternTintAndShade'] as const) if (wf.fill[key]) fill[key] = back[key];
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

/** Range.getMergedAreasOrNullObject fails past this many merged areas (@types/office-js). */
export const MAX_MERGED_AREAS = 512;

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
  get worksheet(): FakeObject<FakeSheet> {
    return this.nav('worksheet', () => ctxOf(this).worksheetOf(this.child((t) => t.sheet)));
  }

  getCellProperties(load: CellPropertiesLoad): FakeClientResult<Array<Array<Record<string, unknown>>>> {
    const result = new FakeClientResult<Array<Array<Record<string, unknown>>>>();
    this.invoke(
      'getCellProperties',
      [load],
      (t) => {
        checkGet(ctxOf(this), t.rect);
        return grid(t.rect, (r, c) => cellProperties(t.sheet, r, c, load, ctxOf(this).engine.noFillReadBack));
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
        // "if the merged areas count in this range is more than 512, then this method will fail to return
        // the result" (@types/office-js, Range.getMergedAreasOrNullObject). The error code is not documented:
        // the fake answers GeneralException, located at the call.
        if (rects.length > MAX_MERGED_AREAS) throw new FakeOfficeError('GeneralException', `${rects.length} merged areas (more than ${MAX_MERGED_AREAS})`, 'Range.getMergedAreasOrNullObject');
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
  get worksheet(): FakeObject<FakeSheet> {
    return this.nav('worksheet', () => ctxOf(this).worksheetOf(this.child((t) => t.sheet)));
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

