/// <reference types="office-js" />
/**
 * The Office.js host: reads a sheet for the pipeline in one batch and applies a write plan in
 * one batch. It translates; it never decides (what to colour, restore or write is the plan's).
 * Every context.sync() and every write call is counted in `stats`.
 *
 * API sets: ExcelApi 1.9 minimum; 1.13 (merged areas), 1.7 (workbook name), 1.18 (multi-area
 * select) and charts are checked with `isSetSupported` (see requirements.ts).
 */
import type { HostRead, WritePlan } from '../../core/pipeline';
import { WorkbookState } from '../../core/plan';
import { Area, parseA1 } from '../../core/snapshot';
import { MAX_ADDRESS_LENGTH, cellsOf, chunkAddressList, compressAddresses } from './addresses';
import { SyncKind, WorkbookFacts, probeWorkbook, readWorkbook } from './read';
import { applyPlan } from './write';
import { API_SET, API_VERSIONS, IsSetSupported, officeIsSetSupported } from './requirements';

/** Excel.run, or the fake's run. */
export type ExcelRunner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface OfficeHostOptions {
  /** Office.context.requirements.isSetSupported by default; tests pass their own. */
  isSetSupported?: IsSetSupported;
  /** Rows of the used range read in the first (only) read batch. Default 2,000. */
  firstReadRows?: number;
  /** Cells per extra read sync below the first window (≈ 100 bytes each against Excel on the web's 5 MB). Default 40,000. */
  readCellsPerSync?: number;
  /** Tabs whose A1 (summary marker) is read in the first batch. Default 40. */
  probeSheets?: number;
  /** Larger used ranges are refused (OfficeHostError 'SheetTooLarge'). Default 5,000,000 cells. */
  maxSheetCells?: number;
  /** Payload budget of one write sync, in cells (a long text counts one per 100 characters). Default 20,000. */
  writeCellsPerSync?: number;
}

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

export interface Selection {
  sheet: string;
  /** Every selected cell, row by row (at most `SELECTION_CELL_LIMIT`). */
  addresses: string[];
  /** The selected areas as Excel reports them ("B7", "E10:E12"). */
  areas: string[];
  /** True when the selection held more cells than were listed. */
  truncated: boolean;
}

export const SELECTION_CELL_LIMIT = 10_000;

export class OfficeHost {
  readonly stats: OfficeHostStats = emptyStats();
  private readonly isSetSupported: IsSetSupported;
  private readonly settings: Required<Omit<OfficeHostOptions, 'isSetSupported'>>;
  /** What the last read or apply learnt (state sheet present, sheet names, summary charts). */
  private facts: WorkbookFacts | null = null;

  constructor(
    private readonly run: ExcelRunner,
    options: OfficeHostOptions = {},
  ) {
    this.isSetSupported = options.isSetSupported ?? officeIsSetSupported;
    this.settings = {
      firstReadRows: options.firstReadRows ?? 2000,
      readCellsPerSync: options.readCellsPerSync ?? 40_000,
      probeSheets: options.probeSheets ?? 40,
      maxSheetCells: options.maxSheetCells ?? 5_000_000,
      writeCellsPerSync: options.writeCellsPerSync ?? 20_000,
    };
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

  /** Reads the named sheet (the active one when not named), the sheet list, the state and the summary sheets: one sync. */
  async read(sheetName?: string): Promise<HostRead> {
    return this.run(async (context) => {
      const { read, facts } = await readWorkbook(
        context,
        sheetName,
        { ...this.settings, mergedAreas: this.supports(API_VERSIONS.mergedAreas), workbookName: this.supports(API_VERSIONS.workbookName) },
        this.tally,
        () => void this.stats.retries++,
      );
      this.facts = facts;
      return read;
    });
  }

  /** Applies a write plan: one sync when it fits the payload budget. */
  async apply(plan: WritePlan): Promise<void> {
    await this.run(async (context) => {
      const facts = this.facts ?? (await probeWorkbook(context, plan.summary?.existing ? plan.summary.name : null, this.tally));
      const outcome = await applyPlan(context, plan, facts, { writeCellsPerSync: this.settings.writeCellsPerSync, charts: this.supports(API_VERSIONS.charts) }, this.tally);
      this.stats.writeCalls += outcome.writeCalls;
      this.facts = outcome.facts;
    });
  }

  /** Stores the state alone (a mapping fixed by hand): one sync. */
  async saveState(state: WorkbookState): Promise<void> {
    await this.apply({ sheet: '', fills: [], restore: [], state });
  }

  /** Selects cells on a sheet (and shows the sheet): one sync. */
  async select(sheet: string, addresses: string[]): Promise<void> {
    await this.run(async (context) => {
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
  async selectedAddresses(): Promise<Selection> {
    return this.run(async (context) => {
      const selected = context.workbook.getSelectedRanges();
      selected.load('worksheet/name');
      selected.areas.load('items/rowIndex,items/columnIndex,items/rowCount,items/columnCount,items/address');
      this.tally('read');
      await context.sync();
      const areas: Area[] = selected.areas.items.map((a) => ({ top: a.rowIndex, left: a.columnIndex, bottom: a.rowIndex + a.rowCount - 1, right: a.columnIndex + a.columnCount - 1 }));
      const addresses: string[] = [];
      const seen = new Set<string>();
      let truncated = false;
      for (const a of areas) {
        const n = (a.bottom - a.top + 1) * (a.right - a.left + 1);
        if (addresses.length + n > SELECTION_CELL_LIMIT) {
          truncated = true;
          break;
        }
        for (const c of cellsOf(a)) {
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

/** "E10:E12" → its cells; "E10" → itself; nothing for what is not an address or too large. */
function expand(address: string): string[] {
  const [a, b] = address.trim().split(':');
  const p = a ? parseA1(a) : null;
  const q = b ? parseA1(b) : p;
  if (!p || !q) return [];
  const area: Area = { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
  if ((area.bottom - area.top + 1) * (area.right - area.left + 1) > SELECTION_CELL_LIMIT) return [];
  return cellsOf(area);
}
