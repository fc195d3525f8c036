/**
 * Worksheet change events of the fake (`worksheet.onChanged`, ExcelApi 1.7; `triggerSource`,
 * ExcelApi 1.14), so live checking can be tested against what Excel does:
 *
 * - a handler added with `onChanged.add` is registered at the next sync, removed with
 *   `result.remove()` + a sync on the same context;
 * - events are delivered asynchronously, after the sync that caused them has answered (as in
 *   Excel, where they arrive later through the host), each handler call counted until it settles;
 * - the add-in's own writes fire events with `triggerSource: 'ThisLocalAddin'` (or none at all,
 *   `triggerSource: false`, as builds before ExcelApi 1.14 do), `source: 'Local'`;
 * - format changes (fills) fire `onFormatChanged` (ExcelApi 1.9: "Occurs when the format is changed
 *   on a specific worksheet"), not onChanged ("Occurs when data changes in a specific worksheet"),
 *   both @types/office-js, Excel.Worksheet; `formatChangesFire: true` makes them fire onChanged
 *   as well, the pessimistic case an add-in must not loop on;
 * - what a person types (`workbook.setCell`) fires `triggerSource: 'Unknown'`, `source: 'Local'`,
 *   or `source: 'Remote'` for a co-author in Excel on the web.
 */
import { Rect, localAddress } from './address';
import type { FakeSheet, FakeWorkbookModel } from './model';

export type FakeChangeType = 'Unknown' | 'RangeEdited' | 'RowInserted' | 'RowDeleted' | 'ColumnInserted' | 'ColumnDeleted' | 'CellInserted' | 'CellDeleted';

/** The fields of Excel.WorksheetChangedEventArgs the fake gives. */
export interface FakeChangedEventArgs {
  type: 'WorksheetChanged';
  worksheetId: string;
  /** The changed range on the sheet, "E12" or "E12:E14" (several areas joined by commas). */
  address: string;
  changeType: FakeChangeType;
  source: 'Local' | 'Remote';
  /** ExcelApi 1.14; absent on older builds. */
  triggerSource?: 'ThisLocalAddin' | 'Unknown';
}

export interface FakeEventOptions {
  /** Report `triggerSource` (ExcelApi 1.14). Default true; false models older builds. */
  triggerSource: boolean;
  /** The add-in's and the person's format changes (fills) fire onChanged too. Default false (the documentation); true is the pessimistic case. */
  formatChangesFire: boolean;
  /** Milliseconds between a change and its delivery. Default 0 (the next macrotask). */
  delayMs: number;
}

export const DEFAULT_EVENT_OPTIONS: FakeEventOptions = { triggerSource: true, formatChangesFire: false, delayMs: 0 };

export type FakeChangedHandler = (args: FakeChangedEventArgs) => Promise<unknown>;

interface Registration {
  id: number;
  sheet: FakeSheet;
  handler: FakeChangedHandler;
  /** onChanged, or onFormatChanged (its args: type 'WorksheetFormatChanged', worksheetId, address, source). */
  event: 'changed' | 'format';
}

export class FakeEventHub {
  readonly options: FakeEventOptions;
  /** Every event delivered to at least one handler, in order. */
  readonly delivered: FakeChangedEventArgs[] = [];
  /** Handler calls that failed (a handler must not throw; the fake records it like Excel's console would). */
  readonly handlerErrors: unknown[] = [];
  private registrations: Registration[] = [];
  private nextId = 1;
  /** Writes made by the add-in in the sync running now: delivered after it. */
  private buffered: Array<{ sheet: FakeSheet; rects: Rect[]; kind: 'value' | 'format' }> = [];
  private inflight = 0;
  private waiters: Array<() => void> = [];

  constructor(
    private readonly model: () => FakeWorkbookModel,
    options: Partial<FakeEventOptions> = {},
  ) {
    this.options = { ...DEFAULT_EVENT_OPTIONS, ...options };
  }

  /** @internal A handler added through onChanged.add, registered when its sync runs. */
  register(sheet: FakeSheet, handler: FakeChangedHandler, event: 'changed' | 'format' = 'changed'): number {
    const id = this.nextId++;
    this.registrations.push({ id, sheet, handler, event });
    return id;
  }

  /** @internal */
  unregister(sheet: FakeSheet, handler: FakeChangedHandler): void {
    this.registrations = this.registrations.filter((r) => !(r.sheet === sheet && r.handler === handler));
  }

  /** Handlers registered now (on one sheet, or on all). */
  handlerCount(sheet?: string): number {
    const lower = sheet?.toLowerCase();
    return this.registrations.filter((r) => r.event === 'changed' && (lower === undefined || r.sheet.name.toLowerCase() === lower)).length;
  }

  /** @internal The add-in changed cells during the sync running now. */
  record(sheet: FakeSheet, rects: Rect[], kind: 'value' | 'format'): void {
    if (!rects.length) return;
    this.buffered.push({ sheet, rects: rects.map((r) => ({ ...r })), kind });
  }

  /** @internal After a sync: the add-in's changes, as events. */
  flush(): void {
    const changes = this.buffered;
    this.buffered = [];
    for (const { sheet, rects, kind } of changes) {
      const address = rects.map((r) => localAddress(r)).join(',');
      if (kind === 'format') this.deliverFormat(sheet, address);
      if (kind === 'format' && !this.options.formatChangesFire) continue;
      const args: FakeChangedEventArgs = {
        type: 'WorksheetChanged',
        worksheetId: this.idOf(sheet),
        address,
        changeType: 'RangeEdited',
        source: 'Local',
      };
      if (this.options.triggerSource) args.triggerSource = 'ThisLocalAddin';
      this.deliver(sheet, args);
    }
  }

  /** A change the person (or a co-author) made. */
  user(sheet: FakeSheet, address: string, options: { source?: 'Local' | 'Remote'; changeType?: FakeChangeType; format?: boolean } = {}): void {
    if (options.format) this.deliverFormat(sheet, address);
    if (options.format && !this.options.formatChangesFire) return;
    const args: FakeChangedEventArgs = {
      type: 'WorksheetChanged',
      worksheetId: this.idOf(sheet),
      address,
      changeType: options.changeType ?? 'RangeEdited',
      source: options.source ?? 'Local',
    };
    if (this.options.triggerSource) args.triggerSource = 'Unknown';
    this.deliver(sheet, args);
  }

  /** Resolves once every event scheduled so far has been delivered and its handlers have settled. */
  idle(): Promise<void> {
    if (this.inflight === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private idOf(sheet: FakeSheet): string {
    return sheet.id;
  }

  /** onFormatChanged's args (Excel.WorksheetFormatChangedEventArgs: type, worksheetId, address, source). */
  private deliverFormat(sheet: FakeSheet, address: string): void {
    this.deliver(sheet, { type: 'WorksheetFormatChanged', worksheetId: this.idOf(sheet), address, source: 'Local' } as unknown as FakeChangedEventArgs, 'format');
  }

  private deliver(sheet: FakeSheet, args: FakeChangedEventArgs, event: 'changed' | 'format' = 'changed'): void {
    const targets = this.registrations.filter((r) => r.sheet === sheet && r.event === event);
    if (!targets.length) return;
    this.inflight++;
    setTimeout(() => {
      // Handlers removed before delivery are not called.
      const live = targets.filter((t) => this.registrations.includes(t));
      if (live.length && event === 'changed') this.delivered.push(args);
      Promise.all(
        live.map((t) =>
          Promise.resolve()
            .then(() => t.handler({ ...args }))
            .catch((e) => void this.handlerErrors.push(e)),
        ),
      ).finally(() => this.settle());
    }, this.options.delayMs);
  }

  private settle(): void {
    this.inflight--;
    if (this.inflight > 0) return;
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }
}
