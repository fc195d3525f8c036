/// <reference types="office-js" />
/**
 * Live checking while a person types (ExcelApi 1.7 `Worksheet.onChanged`; 1.14 `triggerSource`).
 *
 *   const session = await startLiveChecking(host, criteria, { lang, from: scored, onResults, onError });
 *   …
 *   await session.stop();
 *
 * On each change event of the scored sheet: the indicators whose cells the change touches
 * (core/live.ts affectedIndicators) are re-read — their cells only, one batch (indicatorCells) — and
 * re-scored (rescore); what is recoloured is the core's decision (core/recolour.ts
 * planLiveColouring: only cells whose status colour changed, only while the sheet holds the
 * product's colours), written with the state in one write batch; a re-check that finds nothing
 * new writes nothing. Rows or columns moved: the whole sheet goes through the core's
 * scoreWorkbook again (the sheet named, no summary, colours only where the product's are).
 *
 * Never loops: events the add-in's own writes cause are ignored (`triggerSource ===
 * 'ThisLocalAddin'`; on builds without triggerSource, a change to exactly the cells the add-in is
 * writing or has just written, whose value did not change); and even an own event that got
 * through finds no status change and writes nothing. Events are coalesced: a burst is checked
 * once, `debounceMs` after the last event (at most `maxWaitMs` after the first), and never two
 * checks at once. Changes made by co-authors (`source === 'Remote'`, Excel on the web) are checked
 * like the person's own. Rows or columns inserted or deleted move the cells: the whole sheet is
 * read and mapped again (one read, one write at most).
 *
 * The summary sheet is not rewritten on each change (it is rewritten by the next "Chấm điểm");
 * `onResults` gives the whole run, so the pane shows live totals.
 */
import { CriteriaSet, compareIds } from '../../core/criteria';
import type { Issue } from '../../core/issues';
import { affectedIndicators, indicatorCells, parseRangeAddress, patchSnapshot, rescore } from '../../core/live';
import type { HostRead, ScoreRun } from '../../core/pipeline';
import type { FillGroup, WorkbookState } from '../../core/plan';
import { planLiveColouring } from '../../core/recolour';
import { scoreWorkbook } from '../../core/workbook';
import type { CellContent } from '../../core/read';
import type { IndicatorResult } from '../../core/score';
import { FillSpec, SheetSnapshot, toA1 } from '../../core/snapshot';
import { Lang } from '../../i18n/format';
import { areaAddress, compressAddresses } from './addresses';
import { DescribedError, describeOfficeError, failureKind } from './errors';
import type { OfficeHost } from './host';
import { fillSpecOf, queueStateRead } from './read';
import { VALUE_TYPE } from './value-types';

export interface LiveUpdate {
  /** The whole run, with the changed indicators re-scored (totals for the pane). */
  run: ScoreRun;
  /** Ids re-scored by this check, in id order. */
  changed: string[];
  /** Their results. */
  results: IndicatorResult[];
  /** Cells recoloured by this check. */
  recoloured: number;
  /** What the person should know ('sheet-protected': the sheet cannot be coloured). */
  warnings: Issue[];
  /** True when rows or columns moved and the whole sheet was read and mapped again. */
  full: boolean;
  /** True when a co-author's change (Excel on the web) was part of this check. */
  remote: boolean;
}

export interface LiveOptions {
  lang: Lang;
  /** What the pane has from its last "Chấm điểm" (scoreWorkbook's read and run): saves the first read. */
  from?: { read: HostRead; run: ScoreRun };
  /** The sheet to watch (default: the sheet of `from`, else the one the core's sheet choice picks). */
  sheet?: string;
  /** The sheet this front end scored last (the sheet choice goes back to it from the summary sheet). */
  lastSheet?: string | null;
  onResults(update: LiveUpdate): void;
  /** A check that failed (never thrown): the message is ready to show. */
  onError?(error: DescribedError, cause: unknown): void;
  /** Quiet time after the last event before checking. Default 300 ms. */
  debounceMs?: number;
  /** Longest wait after the first event of a burst. Default 2,000 ms. */
  maxWaitMs?: number;
  /** Without triggerSource: how long after its own write a change to the same cells is taken as the add-in's. Default 2,000 ms. */
  ownWriteWindowMs?: number;
  /** Recolour indicators whose status changed (default true). */
  colour?: boolean;
  /**
   * Runs a batch in the context an event handler was added in (Office.js removes a handler only
   * there: `Excel.run(result.context, …)`). Default: Excel.run when Office.js is loaded, else the
   * context itself (the fake).
   */
  runInContext?: (context: OfficeExtension.ClientRequestContext, batch: (context: OfficeExtension.ClientRequestContext) => Promise<void>) => Promise<void>;
}

export interface LiveStats {
  /** Change events received. */
  events: number;
  /** Events ignored as the add-in's own writes. */
  ignored: number;
  /** Checks made (each: one read batch, at most one write batch). */
  checks: number;
  /** Read syncs made by checks. */
  readSyncs: number;
  /** Checks that recoloured cells (one write batch each). */
  writes: number;
  /** Checks that found nothing to recolour. */
  unchanged: number;
}

export interface LiveSession {
  readonly sheet: string;
  readonly stats: LiveStats;
  /** The run as it stands. */
  current(): ScoreRun;
  /** Checks now what is pending, without waiting for the quiet time. */
  flush(): Promise<void>;
  /** Resolves when nothing is pending and no check is running. */
  idle(): Promise<void>;
  /** Unregisters the handler and waits for a check already running; pending changes are dropped, nothing more is written. */
  stop(): Promise<void>;
  readonly stopped: boolean;
}

const STRUCTURAL = new Set(['RowInserted', 'RowDeleted', 'ColumnInserted', 'ColumnDeleted', 'CellInserted', 'CellDeleted']);
/** A change wider than this is never taken as the add-in's own. */
const OWN_WRITE_MAX_CELLS = 20_000;

interface CellsRead {
  contents: Record<string, CellContent | null>;
  fills: Map<string, FillSpec>;
  protected: boolean;
  state: WorkbookState | null;
}

/** The cells of some indicators, the sheet's protection and the state: one batch. */
async function readCells(host: OfficeHost, sheet: string, cells: readonly string[]): Promise<CellsRead> {
  return host.batch(async (context) => {
    const sheets = context.workbook.worksheets;
    const ws = sheets.getItem(sheet);
    ws.load('name,protection/protected');
    const blocks = compressAddresses(cells).map((area) => {
      const range = ws.getRange(areaAddress(area));
      range.load('values,valueTypes,numberFormat,text');
      return { area, range, props: range.getCellProperties({ format: { fill: { color: true, pattern: true } } }) };
    });
    const storedState = queueStateRead(sheets);
    await context.sync();
    const out: CellsRead = { contents: {}, fills: new Map(), protected: !!ws.protection.protected, state: storedState() };
    for (const { area, range, props } of blocks) {
      const { values, valueTypes, numberFormat, text } = range;
      for (let i = 0; i <= area.bottom - area.top; i++)
        for (let j = 0; j <= area.right - area.left; j++) {
          const address = toA1(area.top + i, area.left + j);
          out.fills.set(address, fillSpecOf(props.value[i]?.[j]));
          const type = VALUE_TYPE[String(valueTypes?.[i]?.[j])];
          if (!Array.isArray(values) || type === 'empty') {
            out.contents[address] = null;
            continue;
          }
          const cell: CellContent = { value: values[i]?.[j] as CellContent['value'] };
          if (type !== undefined) cell.type = type;
          const format = numberFormat?.[i]?.[j];
          if (typeof format === 'string' && format !== 'General') cell.numberFormat = format;
          const shown = text?.[i]?.[j];
          if (typeof shown === 'string') cell.text = shown;
          out.contents[address] = cell;
        }
    }
    return out;
  });
}

/** Every cell of an event's address, or null when it is not one or too many. */
function eventCells(address: string): string[] | null {
  const areas = parseRangeAddress(address);
  if (!areas.length) return null;
  let n = 0;
  for (const a of areas) n += (a.bottom - a.top + 1) * (a.right - a.left + 1);
  if (n > OWN_WRITE_MAX_CELLS) return null;
  const out: string[] = [];
  for (const a of areas) for (let r = a.top; r <= a.bottom; r++) for (let c = a.left; c <= a.right; c++) out.push(toA1(r, c));
  return out;
}

const defaultRunInContext: NonNullable<LiveOptions['runInContext']> = async (context, batch) => {
  const excel = (globalThis as { Excel?: { run?: unknown } }).Excel;
  if (excel && typeof excel.run === 'function') {
    await (excel.run as (c: OfficeExtension.ClientRequestContext, b: (c: OfficeExtension.ClientRequestContext) => Promise<void>) => Promise<void>)(context, batch);
  } else await batch(context);
};

/**
 * Starts live checking of a scored sheet: registers `onChanged` on it (one sync; one more read
 * when `from` is not given). See the file comment for what each change costs and writes.
 */
export async function startLiveChecking(host: OfficeHost, criteria: CriteriaSet, options: LiveOptions): Promise<LiveSession> {
  const debounceMs = options.debounceMs ?? 300;
  const maxWaitMs = options.maxWaitMs ?? 2000;
  const ownWindow = options.ownWriteWindowMs ?? 2000;
  const colour = options.colour !== false;
  const lang = options.lang;

  let read: HostRead;
  let run: ScoreRun;
  if (options.from && (options.sheet === undefined || options.sheet === options.from.read.sheet.name)) {
    read = options.from.read;
    run = options.from.run;
  } else {
    const first = await scoreWorkbook(host, criteria, {
      lang,
      summary: false,
      colour: false,
      write: false,
      ...(options.sheet !== undefined ? { sheet: options.sheet } : {}),
      ...(options.lastSheet ? { lastSheet: options.lastSheet } : {}),
    });
    read = first.read;
    run = first.run;
  }
  const sheet = read.sheet.name;
  let snapshot: SheetSnapshot = read.sheet;

  const stats: LiveStats = { events: 0, ignored: 0, checks: 0, readSyncs: 0, writes: 0, unchanged: 0 };
  let stopped = false;
  let pending: { addresses: string[]; full: boolean; remote: boolean } = { addresses: [], full: false, remote: false };
  let firstPendingAt: number | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running = false;
  let waiters: Array<() => void> = [];
  /** The cells the add-in is writing or wrote last, and until when a change to them is taken as its own. */
  let own: { cells: Set<string>; until: number } | null = null;

  const hasPending = () => pending.addresses.length > 0 || pending.full;
  const notifyIdle = () => {
    if (timer || running || (hasPending() && !stopped)) return;
    const w = waiters;
    waiters = [];
    for (const f of w) f();
  };

  const isOwnWrite = (args: Excel.WorksheetChangedEventArgs): boolean => {
    if (args.triggerSource === 'ThisLocalAddin') return true;
    if (args.triggerSource !== undefined || args.source === 'Remote' || !own) return false;
    if (Date.now() > own.until) return false;
    // ExcelApi 1.9 details (one cell): a changed value is the person's, whatever the address.
    const details = (args as { details?: { valueBefore?: unknown; valueAfter?: unknown } }).details;
    if (details && details.valueBefore !== details.valueAfter) return false;
    const cells = eventCells(args.address);
    return !!cells && cells.every((c) => own!.cells.has(c));
  };

  const handler = async (args: Excel.WorksheetChangedEventArgs): Promise<void> => {
    stats.events++;
    if (stopped) return;
    if (isOwnWrite(args)) {
      stats.ignored++;
      return;
    }
    pending.addresses.push(args.address);
    if (STRUCTURAL.has(String(args.changeType))) pending.full = true;
    if (args.source === 'Remote') pending.remote = true;
    schedule();
  };

  function schedule(): void {
    if (stopped) return;
    const now = Date.now();
    firstPendingAt ??= now;
    if (timer) clearTimeout(timer);
    const wait = Math.max(0, Math.min(debounceMs, firstPendingAt + maxWaitMs - now));
    timer = setTimeout(() => {
      timer = null;
      void drain();
    }, wait);
  }

  /** The check running now, if any (stop() waits for it). */
  let draining: Promise<void> = Promise.resolve();
  function drain(): Promise<void> {
    if (running) return draining;
    draining = drainNow();
    return draining;
  }

  async function drainNow(): Promise<void> {
    running = true;
    try {
      while (hasPending() && !stopped) {
        const batch = pending;
        pending = { addresses: [], full: false, remote: false };
        firstPendingAt = null;
        try {
          await check(batch);
        } catch (e) {
          if (stopped) break;
          options.onError?.(describeOfficeError(e, lang), e);
          // The sheet is gone: nothing left to watch.
          if (failureKind(e) === 'sheet-missing') await stopSession().catch(() => undefined);
        }
      }
    } finally {
      running = false;
      notifyIdle();
    }
  }

  /** Writes the state and the fills (one batch: the state first), remembering the cells as the add-in's own. */
  async function writeColours(groups: FillGroup[], state: WorkbookState): Promise<number> {
    const cells = new Set<string>();
    for (const g of groups) for (const a of g.addresses) cells.add(a);
    own = { cells, until: Number.POSITIVE_INFINITY };
    try {
      await host.apply({ sheet, fills: groups, restore: [], state });
    } finally {
      own = { cells, until: Date.now() + ownWindow };
    }
    return cells.size;
  }

  async function check(batch: { addresses: string[]; full: boolean; remote: boolean }): Promise<void> {
    stats.checks++;
    if (batch.full) return fullCheck(batch.remote);
    const ids = [...new Set(batch.addresses.flatMap((a) => affectedIndicators(run.mapping, a)))].sort(compareIds);
    if (!ids.length) return;
    const got = await readCells(host, sheet, indicatorCells(run.mapping, ids));
    stats.readSyncs++;
    if (stopped) return;
    // An emptied cell is null in a snapshot, as the full read gives it.
    snapshot = patchSnapshot(snapshot, got.contents as Record<string, CellContent>);
    run = rescore(run, snapshot, criteria, ids);
    const wanted = new Set(ids);
    const results = run.results.filter((r) => wanted.has(r.id));
    const decided = planLiveColouring(sheet, results, got.fills, got.state, { colour, protected: got.protected });
    let recoloured = 0;
    if (decided.write && !stopped) {
      recoloured = await writeColours(decided.write.groups, decided.write.state);
      stats.writes++;
    } else if (!decided.warnings.length) stats.unchanged++;
    const warnings: Issue[] = decided.warnings;
    if (!stopped) options.onResults({ run, changed: ids, results, recoloured, warnings, full: false, remote: batch.remote });
  }

  async function fullCheck(remote: boolean): Promise<void> {
    const scored = await scoreWorkbook(host, criteria, { lang, sheet, summary: false, colour: colour ? 'if-coloured' : false, write: false });
    stats.readSyncs++;
    if (stopped) return;
    snapshot = scored.read.sheet;
    run = scored.run;
    let recoloured = 0;
    if (scored.plan.fills.length && !stopped) {
      recoloured = await writeColours(scored.plan.fills, scored.plan.state);
      stats.writes++;
    } else stats.unchanged++;
    if (!stopped) options.onResults({ run, changed: run.results.map((r) => r.id), results: run.results, recoloured, warnings: scored.warnings, full: true, remote });
  }

  const registration = await host.batch(async (context) => {
    const result = context.workbook.worksheets.getItem(sheet).onChanged.add(handler);
    await context.sync();
    return result;
  });

  async function stopSession(): Promise<void> {
    if (stopped) return;
    stopped = true;
    if (timer) clearTimeout(timer);
    timer = null;
    pending = { addresses: [], full: false, remote: false };
    try {
      await (options.runInContext ?? defaultRunInContext)(registration.context, async (context) => {
        registration.remove();
        await context.sync();
      });
    } finally {
      notifyIdle();
    }
  }

  return {
    sheet,
    stats,
    current: () => run,
    get stopped() {
      return stopped;
    },
    async flush() {
      if (timer) clearTimeout(timer);
      timer = null;
      await drain();
    },
    idle() {
      if (!timer && !running && (!hasPending() || stopped)) return Promise.resolve();
      return new Promise<void>((resolve) => waiters.push(resolve));
    },
    /** Unregisters, and waits for a check already running (it writes nothing more once stopped). */
    async stop() {
      await stopSession();
      await draining;
    },
  };
}
