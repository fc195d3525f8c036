/** The workbook, its worksheet collection and worksheets (protection, frozen panes) of the fake; the request context that holds the workbook. */
import { FakeOfficeError } from './errors';
import { MAX_COLS, MAX_ROWS, parseAddressOn } from './address';
import { FakeObject, FakeRequestContextBase, jsonSize } from './proxy';
import { FakeSheet, FakeWorkbookModel, Visibility } from './model';
import type { FakeChangedHandler } from './events';
import { FakeCollection, FakeEngine, alive, ctxOf } from './base';
import { FakeRange, FakeRangeAreas } from './range';
import { FakeChartCollection } from './chart';

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
  worksheetOf(resolve: () => FakeSheet | null): FakeWorksheet {
    return new FakeWorksheet(this, resolve);
  }
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
      id: (s: FakeSheet) => s.id,
    };
  }
  protected override _navigation() {
    return { protection: () => this.protection, freezePanes: () => this.freezePanes, charts: () => this.charts };
  }
  /** Worksheet.id (ExcelApi 1.1): stable across renames (model.ts, FakeSheet.id). */
  get id(): string {
    return this.prop('id');
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
    return this.eventHandlers('onChanged', 'changed');
  }
  /** Worksheet.onFormatChanged (ExcelApi 1.9): format changes (fills) arrive here (events.ts). */
  get onFormatChanged(): { add(handler: FakeChangedHandler): { context: FakeRequestContextBase; remove(): void } } {
    return this.eventHandlers('onFormatChanged', 'format');
  }
  private eventHandlers(name: string, event: 'changed' | 'format'): { add(handler: FakeChangedHandler): { context: FakeRequestContextBase; remove(): void } } {
    return {
      add: (handler: FakeChangedHandler) => {
        this.invoke(`${name}.add`, [], (s) => void ctxOf(this).engine.events?.register(alive(ctxOf(this), s), handler, event), { write: false });
        return {
          context: this.context,
          remove: () => {
            this.invoke(`${name}.remove`, [], (s) => ctxOf(this).engine.events?.unregister(s, handler), { write: false });
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
  /** WorksheetProtection.protect (ExcelApi 1.2; "Protects a worksheet. Fails if the worksheet has already been protected"). */
  protect(): void {
    this.invoke('protect', [], (s) => {
      if (s.protected) throw new FakeOfficeError('InvalidOperation', 'the sheet is already protected');
      s.protected = true;
    }, { write: true });
  }
  /** WorksheetProtection.unprotect (ExcelApi 1.2). */
  unprotect(): void {
    this.invoke('unprotect', [], (s) => void (s.protected = false), { write: true });
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
