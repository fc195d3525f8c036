/// <reference types="office-js" />
/**
 * The Office.js host: reads a sheet for the pipeline in one batch and applies a write plan in
 * one batch. It translates; it never decides (what to colour, restore or write is the plan's).
 * Every context.sync() and every write call is counted in `stats`.
 *
 * API sets: ExcelApi 1.9 minimum; 1.13 (merged areas), 1.7 (workbook name), 1.18 (multi-area
 * select) and charts are checked with `isSetSupported` (see requirements.ts).
 *
 * Failures (see errors.ts): every sync times out after `syncTimeoutMs`; apply refuses to write
 * over a sheet named like the state sheet that is not the product's, resolves the sheets it
 * writes to before its first write (a sheet deleted since the read fails the batch before
 * anything is written), sends a batch Excel refused as too large again in smaller syncs, and
 * after a batch that failed part-way makes the stored state match the fills actually applied.
 */
import type { HostRead, WritePlan } from '../../core/pipeline';
import { STATE_SHEET, WorkbookState } from '../../core/plan';
import { ownsStateSheet } from '../../core/product-sheets';
import { reconcileColours } from '../../core/recolour';
import { CellArea, FillSpec, parseA1, toA1 } from '../../core/snapshot';
import type { SheetInfo, WorkbookHost } from '../../core/workbook';
import { MAX_ADDRESS_LENGTH, areaCells, chunkAddressList, compressAddresses, rectAddress } from './addresses';
import { OfficeActionError, guardSyncs, recordOutcome, refusedBeforeRunning } from './errors';
import { CELL_PROPERTIES, SyncKind, WorkbookFacts, errorCode, fillSpecOf, mayBeDerivedCall, probeWorkbook, queueStateRead, readWorkbook } from './read';
import { applyPlan } from './write';
import { API_SET, API_VERSIONS, IsSetSupported, officeIsSetSupported } from './requirements';

/** Excel.run, or the fake's run. */
export type ExcelRunner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
/** Excel.run with Excel.RunOptions first (Office.js's Excel.run, and the fake's, take both forms). */
type RunWithOptions = <T>(options: { delayForCellEdit?: boolean }, batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
/** Excel.RunOptions.delayForCellEdit. */
const DELAY_FOR_CELL_EDIT = '1.11';

export interface OfficeHostOptions {
  /** Office.context.requirements.isSetSupported by default; tests pass their own. */
  isSetSupported?: IsSetSupported;
  /** Rows of the used range read in the first (only) read batch. Default 2,000. */
  firstReadRows?: number;
  /**
   * Cells per extra read sync below the first window (≈ 160 bytes each against Excel on the web's 5 MB, with all five
   * fill properties read: the sample appendix's read answer grew from 112.6 kB to 179.2 kB in the fake). Default 25,000.
   */
  readCellsPerSync?: number;
  /** Tabs whose A1 (summary marker) is read in the first batch. Default 40. */
  probeSheets?: number;
  /** Larger used ranges are refused (OfficeHostError 'SheetTooLarge'). Default 5,000,000 cells. */
  maxSheetCells?: number;
  /** Payload budget of one write sync, in cells (a long text counts one per 100 characters). Default 20,000. */
  writeCellsPerSync?: number;
  /** A sync Excel has not answered after this many milliseconds fails (OfficeActionError 'SyncTimeout'). Default 60,000; 0: no limit. */
  syncTimeoutMs?: number;
}

/** Excel refused a write batch as too large: it is sent again with a budget this many times smaller, at most MAX_WRITE_RETRIES times. */
const WRITE_RETRY_FACTOR = 4;
const MAX_WRITE_RETRIES = 6;
/** Largest area whose fills are read back after a failed apply (larger: the state is left as written, which is safe). */
const RECONCILE_MAX_CELLS = 1_000_000;

/** Whether the sheet named like the state sheet is the product's: its A1 holds the marker, or it is empty. */
type StateOwnership = 'absent' | 'ours' | 'not-ours' | 'unknown';

export interface OfficeHostStats {
  /** Every context.sync(), failed ones included. */
  syncs: number;
  /** First read batches (one per read, plus any retried after a too-large answer). */
  readSyncs: number;
  /** Extra read syncs: row chunks below the first window, and sheets beyond the probe. */
  readChunkSyncs: number;
  /** First write batch of each apply. */
  writeSyncs: number;
  /** Extra write syncs forced by the payload budget. */
  writeChunkSyncs: number;
  /** Syncs to learn the workbook when apply had no read before it. */
  probeSyncs: number;
  /** Batches sent again smaller after Excel refused one as too large. */
  retries: number;
  /** Write calls queued: property sets and methods that change the workbook. */
  writeCalls: number;
}

const emptyStats = (): OfficeHostStats => ({ syncs: 0, readSyncs: 0, readChunkSyncs: 0, writeSyncs: 0, writeChunkSyncs: 0, probeSyncs: 0, retries: 0, writeCalls: 0 });

export interface SelectedCells {
  sheet: string;
  /** Every selected cell, row by row (at most `SELECTION_CELL_LIMIT`). */
  addresses: string[];
  /** The selected areas as Excel reports them ("B7", "E10:E12"). */
  areas: string[];
  /** True when the selection held more cells than were listed. */
  truncated: boolean;
}

export const SELECTION_CELL_LIMIT = 10_000;

export class OfficeHost implements WorkbookHost {
  readonly stats: OfficeHostStats = emptyStats();
  private readonly isSetSupported: IsSetSupported;
  private readonly settings: Required<Omit<OfficeHostOptions, 'isSetSupported'>>;
  /** What the last read or apply learnt (state sheet present, sheet names, summary charts). */
  private facts: WorkbookFacts | null = null;
  /** Whether the sheet named GNLC_State is the product's (learnt with the read, or before the first write). */
  private stateOwnership: StateOwnership = 'unknown';
  /** Set once a read batch failed on objects derived from null objects: reads then avoid them (read.ts, chainSafe). */
  private chainSafe = false;
  /** The state the workbook held at the last read or apply (what a failed apply is reconciled against). */
  private knownState: WorkbookState | null = null;

  constructor(
    private readonly run: ExcelRunner,
    options: OfficeHostOptions = {},
  ) {
    this.isSetSupported = options.isSetSupported ?? officeIsSetSupported;
    this.settings = {
      firstReadRows: options.firstReadRows ?? 2000,
      readCellsPerSync: options.readCellsPerSync ?? 25_000,
      probeSheets: options.probeSheets ?? 40,
      maxSheetCells: options.maxSheetCells ?? 5_000_000,
      writeCellsPerSync: options.writeCellsPerSync ?? 20_000,
      syncTimeoutMs: options.syncTimeoutMs ?? 60_000,
    };
  }

  /** Runs one batch through Excel.run, every sync of it under the time limit. */
  private guarded<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    const body = async (context: Excel.RequestContext) => {
      guardSyncs(context, this.settings.syncTimeoutMs);
      return batch(context);
    };
    // ExcelApi 1.11: while the person edits a cell, Excel waits for them instead of refusing the batch.
    if (this.supports(DELAY_FOR_CELL_EDIT)) return (this.run as unknown as RunWithOptions)({ delayForCellEdit: true }, body);
    return this.run(body);
  }

  /**
   * Runs a batch of the caller's (live checking: its cell reads and event registration) with the
   * host's sync time limit. Its syncs are the caller's to count.
   */
  batch<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    return this.guarded(batch);
  }

  resetStats(): void {
    Object.assign(this.stats, emptyStats());
  }

  private supports(version: string): boolean {
    return this.isSetSupported(API_SET, version);
  }

  /** Counts one context.sync() by kind. */
  private readonly tally = (kind: SyncKind): void => {
    this.stats.syncs++;
    if (kind === 'read') this.stats.readSyncs++;
    else if (kind === 'readChunk' || kind === 'marker') this.stats.readChunkSyncs++;
    else if (kind === 'write') this.stats.writeSyncs++;
    else if (kind === 'writeChunk') this.stats.writeChunkSyncs++;
    else this.stats.probeSyncs++;
  };

  /** Every sheet's name and whether it is visible, in tab order: one sync. */
  async sheets(): Promise<SheetInfo[]> {
    return this.guarded(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/name,items/visibility');
      this.tally('read');
      await context.sync();
      return sheets.items.map((s) => ({ name: s.name, visible: s.visibility === 'Visible' }));
    });
  }

  /** Reads the named sheet (the active one when not named), the sheet list, the state and the summary sheets: one sync. */
  async read(sheetName?: string): Promise<HostRead> {
    return this.guarded(async (context) => {
      try {
        return await this.readIn(context, sheetName);
      } catch (e) {
        recordOutcome(e, 'unchanged'); // a read writes nothing
        throw e;
      }
    });
  }

  private async readIn(context: Excel.RequestContext, sheetName: string | undefined): Promise<HostRead> {
    // Queued first, so it goes in the read's one sync.
    // (Not when calls on objects derived from a null object failed before: then apply asks, if the state sheet exists.)
    const ownership = this.chainSafe ? () => 'unknown' as const : queueStateOwnership(context);
    const { read, facts } = await readWorkbook(
      context,
      sheetName,
      { ...this.settings, mergedAreas: this.supports(API_VERSIONS.mergedAreas), workbookName: this.supports(API_VERSIONS.workbookName), chainSafe: this.chainSafe },
      this.tally,
      () => void this.stats.retries++,
      () => void (this.chainSafe = true),
    );
    this.facts = facts;
    this.stateOwnership = ownership();
    this.knownState = read.state;
    return read;
  }

  /**
   * Applies a write plan: one sync when it fits the payload budget. Never writes over a sheet
   * named like the state sheet that is not the product's (OfficeActionError 'StateSheetNotOwned',
   * before any write). A failure leaves the workbook unchanged, or with a state that matches the
   * fills actually applied (see `workbookOutcome` in errors.ts).
   */
  async apply(plan: WritePlan): Promise<void> {
    let budget = this.settings.writeCellsPerSync;
    for (let retry = 0; ; retry++) {
      const writesBefore = this.stats.writeSyncs + this.stats.writeChunkSyncs;
      try {
        await this.applyOnce(plan, budget);
        this.knownState = plan.state;
        return;
      } catch (e) {
        const writeSyncs = this.stats.writeSyncs + this.stats.writeChunkSyncs - writesBefore;
        if (writeSyncs === 0) {
          // Failed while learning the workbook (or refused by the ownership check): nothing was written.
          recordOutcome(e, 'unchanged');
          throw e;
        }
        if (e instanceof OfficeActionError && e.code === 'SyncTimeout') {
          // Excel may still run the batch: what it holds is not known until the next read.
          this.facts = null;
          this.stateOwnership = 'unknown';
          recordOutcome(e, 'unknown');
          throw e;
        }
        if (writeSyncs === 1 && (refusedBeforeRunning(e) || errorCode(e) === 'ItemNotFound')) {
          // The first write batch was refused whole, or failed on the sheets it resolves before any write.
          if (errorCode(e) === 'RequestPayloadSizeLimitExceeded' && budget > 1 && retry < MAX_WRITE_RETRIES) {
            budget = Math.max(1, Math.floor(budget / WRITE_RETRY_FACTOR));
            this.stats.retries++;
            continue;
          }
          if (errorCode(e) === 'ItemNotFound') this.facts = null;
          recordOutcome(e, 'unchanged');
          throw e;
        }
        // Part of the plan may be in the workbook: make the stored state say exactly what.
        this.facts = null;
        try {
          await this.reconcile(plan);
          recordOutcome(e, 'consistent');
        } catch {
          recordOutcome(e, 'unknown');
        }
        throw e;
      }
    }
  }

  private async applyOnce(plan: WritePlan, budget: number): Promise<void> {
    await this.guarded(async (context) => {
      let facts = this.facts;
      if (!facts) {
        // Learn the workbook, and whose the state sheet is, in one small sync.
        const ownership = this.chainSafe ? () => 'unknown' as const : queueStateOwnership(context);
        facts = await probeWorkbook(context, plan.summary?.existing ? plan.summary.name : null, this.tally);
        this.stateOwnership = ownership();
      }
      if (facts.stateSheet && this.stateOwnership !== 'ours') {
        if (this.stateOwnership !== 'not-ours') {
          const ownership = queueStateOwnership(context, true);
          this.tally('probe');
          await context.sync();
          this.stateOwnership = ownership();
        }
        if (this.stateOwnership === 'not-ours')
          throw new OfficeActionError('StateSheetNotOwned', `a sheet named ${STATE_SHEET} exists and is not the product's: it is left alone`, { sheet: STATE_SHEET });
      }
      // Resolved before the first write of the batch: a sheet deleted since the read fails it before anything is written.
      const sheets = context.workbook.worksheets;
      if (plan.fills.length || plan.restore.length) sheets.getItem(plan.sheet).load('name');
      if (plan.summary?.existing) sheets.getItem(plan.summary.name).load('name');
      if (facts.stateSheet) sheets.getItem(STATE_SHEET).load('name');
      const outcome = await applyPlan(context, plan, facts, { writeCellsPerSync: budget, charts: this.supports(API_VERSIONS.charts) }, this.tally);
      this.stats.writeCalls += outcome.writeCalls;
      this.facts = outcome.facts;
      this.stateOwnership = 'ours';
    });
  }

  /**
   * After an apply failed part-way: reads the stored state and the fills of every cell it (or
   * the plan) records on the plan's sheet — one sync — and, when they disagree, writes the state
   * that matches the fills — one more sync. Should Excel refuse the calls on what may be a null
   * object (the state sheet or the plan's sheet absent), the read costs two more syncs (the sheets'
   * names, then the read through getItem); a host that saw such a refusal asks the names first.
   */
  private async reconcile(plan: WritePlan): Promise<void> {
    if (plan.sheet === '') return; // a state-only plan: its one write is the state itself
    const before = this.knownState;
    const corrected = await this.guarded(async (context) => {
      const sheets = context.workbook.worksheets;
      const addresses = new Set<string>([...Object.keys(plan.state.colours[plan.sheet] ?? {}), ...Object.keys(before?.colours[plan.sheet] ?? {})]);
      const cells = [...addresses].map((a) => parseA1(a)).filter((p): p is { row: number; col: number } => p !== null);
      const box: CellArea = cells.length
        ? { top: Math.min(...cells.map((c) => c.row)), left: Math.min(...cells.map((c) => c.col)), bottom: Math.max(...cells.map((c) => c.row)), right: Math.max(...cells.map((c) => c.col)) }
        : { top: 0, left: 0, bottom: 0, right: 0 };
      const small = (box.bottom - box.top + 1) * (box.right - box.left + 1) <= RECONCILE_MAX_CELLS;
      const read = small ? box : { top: 0, left: 0, bottom: 0, right: 0 };
      /**
       * One batch: the stored state and the fills of the box around the recorded cells (all five
       * properties: no fill told from white as the read does). `present` unknown: both through
       * getItemOrNullObject, with calls on what may be a null object (undocumented); known (the
       * sheets' names read by a sync before): getItem for what exists, nothing for what does not.
       */
      const probe = async (present?: Set<string>) => {
        const storedState = queueStateRead(sheets, present ? present.has(STATE_SHEET) : undefined);
        let ws: Excel.Worksheet | null = null;
        let props: OfficeExtension.ClientResult<Excel.CellProperties[][]> | null = null;
        if (!present || present.has(plan.sheet)) {
          ws = present ? sheets.getItem(plan.sheet) : sheets.getItemOrNullObject(plan.sheet);
          ws.load('name');
          props = ws.getRange(rectAddress(read.top, read.left, read.bottom, read.right)).getCellProperties(CELL_PROPERTIES);
        }
        this.tally('probe');
        await context.sync();
        // eslint-disable-next-line office-addins/load-object-before-read -- a ClientResult: its value is there after the sync above
        return { current: storedState(), grid: ws === null || ws.isNullObject ? null : props!.value };
      };
      let answer: Awaited<ReturnType<typeof probe>>;
      try {
        answer = await probe(this.chainSafe ? await this.sheetNames(context) : undefined);
      } catch (e) {
        // Excel may refuse calls on an object derived from a null object (the state sheet or the
        // plan's sheet absent): the same probe without them, after one sync for the sheets' names.
        if (this.chainSafe || !mayBeDerivedCall(e)) throw e;
        this.chainSafe = true;
        this.stats.retries++;
        answer = await probe(await this.sheetNames(context));
      }
      const { current, grid } = answer;
      if (!current) return null;
      let fills: Map<string, FillSpec> | null = new Map();
      if (grid === null) fills = null;
      else if (!small) return null; // too large to check: the state as written is safe (it holds every original)
      else for (const c of cells) fills.set(toA1(c.row, c.col), fillSpecOf(grid[c.row - box.top]?.[c.col - box.left]));
      const next = reconcileColours(plan.sheet, current, plan.state, before, fills);
      return JSON.stringify(next) === JSON.stringify(current) ? null : next;
    });
    if (corrected) {
      await this.applyOnce({ sheet: '', fills: [], restore: [], state: corrected }, this.settings.writeCellsPerSync);
      this.knownState = corrected;
    }
  }

  /** The names of the workbook's sheets: one sync. */
  private async sheetNames(context: Excel.RequestContext): Promise<Set<string>> {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name');
    this.tally('probe');
    await context.sync();
    return new Set(sheets.items.map((s) => s.name));
  }

  /** The state stored in the workbook (null: none): one sync, reading the state sheet's column A only. */
  async readState(): Promise<WorkbookState | null> {
    return this.guarded(async (context) => {
      const storedState = queueStateRead(context.workbook.worksheets);
      this.tally('read');
      await context.sync();
      return storedState();
    });
  }

  /** Stores the state alone (a mapping fixed by hand): one sync. */
  async writeState(state: WorkbookState): Promise<void> {
    await this.apply({ sheet: '', fills: [], restore: [], state });
  }

  /** Selects cells on a sheet (and shows the sheet): one sync. */
  async select(sheet: string, addresses: string[]): Promise<void> {
    await this.guarded(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      this.stats.writeCalls++;
      const areas = compressAddresses(addresses.flatMap((a) => expand(a)));
      if (areas.length) {
        const first = chunkAddressList(areas, MAX_ADDRESS_LENGTH)[0]!;
        if (first.areas === 1 || !this.supports(API_VERSIONS.selectAreas)) ws.getRange(first.address.split(',')[0]!).select();
        else ws.getRanges(first.address).select();
        this.stats.writeCalls++;
      }
      this.tally('write');
      await context.sync();
    });
  }

  /** The cells the person has selected ("fixing the mapping": select, then assign): one sync. */
  async selectedAddresses(): Promise<SelectedCells> {
    return this.guarded(async (context) => {
      const selected = context.workbook.getSelectedRanges();
      selected.load('worksheet/name');
      selected.areas.load('items/rowIndex,items/columnIndex,items/rowCount,items/columnCount,items/address');
      this.tally('read');
      await context.sync();
      const areas: CellArea[] = selected.areas.items.map((a) => ({ top: a.rowIndex, left: a.columnIndex, bottom: a.rowIndex + a.rowCount - 1, right: a.columnIndex + a.columnCount - 1 }));
      const addresses: string[] = [];
      const seen = new Set<string>();
      let truncated = false;
      for (const a of areas) {
        const n = (a.bottom - a.top + 1) * (a.right - a.left + 1);
        if (addresses.length + n > SELECTION_CELL_LIMIT) {
          truncated = true;
          break;
        }
        for (const c of areaCells(a)) {
          if (seen.has(c)) continue;
          seen.add(c);
          addresses.push(c);
        }
      }
      const local = selected.areas.items.map((a) => a.address.slice(a.address.lastIndexOf('!') + 1));
      return { sheet: selected.worksheet.name, addresses, areas: local, truncated };
    });
  }
}

/**
 * Queues the loads that tell whether a sheet named like the state sheet is the product's (its A1
 * and whether it is empty: the core's ownsStateSheet decides). Read the answer after the sync;
 * 'unknown' when that sync did not run (a read retried smaller).
 */
/* eslint-disable office-addins/call-sync-before-read, office-addins/call-sync-after-load -- the answer is read by the caller, after its sync */
function queueStateOwnership(context: Excel.RequestContext, exists = false): () => StateOwnership {
  const sheets = context.workbook.worksheets;
  // Known to exist: getItem, so nothing below derives from a null object.
  const sheet = exists ? sheets.getItem(STATE_SHEET) : sheets.getItemOrNullObject(STATE_SHEET);
  const a1 = sheet.getRange('A1');
  a1.load('values');
  const used = sheet.getUsedRangeOrNullObject(false);
  used.load('rowIndex');
  return () => {
    try {
      if (sheet.isNullObject) return 'absent';
      return ownsStateSheet(a1.values?.[0]?.[0], used.isNullObject) ? 'ours' : 'not-ours';
    } catch {
      return 'unknown';
    }
  };
}
/* eslint-enable office-addins/call-sync-before-read, office-addins/call-sync-after-load */

/** "E10:E12" → its cells; "E10" → itself; nothing for what is not an address or too large. */
function expand(address: string): string[] {
  const [a, b] = address.trim().split(':');
  const p = a ? parseA1(a) : null;
  const q = b ? parseA1(b) : p;
  if (!p || !q) return [];
  const area: CellArea = { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
  if ((area.bottom - area.top + 1) * (area.right - area.left + 1) > SELECTION_CELL_LIMIT) return [];
  return areaCells(area);
}
