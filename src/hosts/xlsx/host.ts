/**
 * The xlsx file host: the core's WorkbookHost over an exceljs workbook held in memory (the
 * command line's). Reading snapshots every visible sheet once (read.ts) and hands out the sheet
 * asked for; applying a plan changes the workbook in memory (write.ts), and `toBuffer` gives the
 * bytes of the patched copy. It translates; which sheet to score and what to write are the core's.
 *
 * The active sheet is the one the file opens on (its workbook view's active tab), as Excel shows it.
 */
import type ExcelJS from 'exceljs';
import type { HostRead, WritePlan } from '../../core/pipeline';
import type { WorkbookState } from '../../core/plan';
import type { SheetInfo, WorkbookHost } from '../../core/workbook';
import { WorkbookRead, readWorkbookSnapshot, toHostRead } from './read';
import { ApplyResult, applyPlan, writeWorkbookBuffer } from './write';
import { PackageError, XlsxPackage } from './package';
import { ZipFormatError } from './zip';
import { patchPlan, removeSheet } from './patch';
import { isStateSheetName, isSummaryMarker } from '../../core/product-sheets';

const visible = (ws: ExcelJS.Worksheet) => ws.state === 'visible' || ws.state === undefined;

export class XlsxHost implements WorkbookHost {
  /** What the last apply wrote (cells coloured, the summary sheet, what this host cannot write). */
  lastApply: ApplyResult | null = null;
  /** The workbook read once; read again after an apply. */
  private cached: WorkbookRead | null = null;

  constructor(
    readonly workbook: ExcelJS.Workbook,
    private readonly options: {
      workbookName?: string;
      /** The file's bytes: the copy is then this package patched (patch.ts), not the workbook re-rendered by exceljs. */
      source?: Uint8Array;
    } = {},
  ) {}

  private pkg: XlsxPackage | null | undefined;
  private get package(): XlsxPackage | null {
    if (this.pkg === undefined) {
      try {
        this.pkg = this.options.source ? new XlsxPackage(this.options.source) : null;
        if (this.pkg) this.pkg.stylesPart();
      } catch (e) {
        // A package exceljs read but that cannot be patched (Zip64, no styles part): re-rendered by exceljs, as before.
        if (!(e instanceof PackageError || e instanceof ZipFormatError)) throw e;
        this.pkg = null;
      }
    }
    return this.pkg;
  }

  /** Whether the copy is the input's package patched (false: re-rendered by exceljs, with what that loses). */
  get patching(): boolean {
    return this.package !== null;
  }

  private snapshot(): WorkbookRead {
    this.cached ??= readWorkbookSnapshot(this.workbook, this.options.workbookName !== undefined ? { workbookName: this.options.workbookName } : {});
    return this.cached;
  }

  async sheets(): Promise<SheetInfo[]> {
    return this.workbook.worksheets.map((ws) => ({ name: ws.name, visible: visible(ws) }));
  }

  /** The sheet the file opens on: its active tab, or the first visible sheet when that one is hidden or missing. */
  activeSheet(): string | undefined {
    const sheets = this.workbook.worksheets;
    const tab = (this.workbook.views as Array<{ activeTab?: number }> | undefined)?.[0]?.activeTab ?? 0;
    const active = sheets[tab];
    return active && visible(active) ? active.name : sheets.find(visible)?.name;
  }

  async read(sheet?: string): Promise<HostRead> {
    const name = sheet ?? this.activeSheet();
    if (name === undefined) throw new Error('the workbook has no visible sheet');
    const read = toHostRead(this.snapshot(), name, this.workbook);
    read.hiddenSheets = this.workbook.worksheets.filter((ws) => !visible(ws)).map((ws) => ws.name);
    return read;
  }

  async readState(): Promise<WorkbookState | null> {
    return this.snapshot().state;
  }

  async writeState(state: WorkbookState): Promise<void> {
    await this.apply({ sheet: '', fills: [], restore: [], state });
  }

  /** Applies a plan to the workbook in memory; PlanError (nothing changed) when it would write over a sheet the product does not own. */
  async apply(plan: WritePlan): Promise<void> {
    this.lastApply = applyPlan(this.workbook, plan);
    this.cached = null;
    if (this.package) patchPlan(this.package, plan);
  }

  /**
   * Removes the product's own sheets (gnlc clear): every summary sheet, and the state sheet when no
   * sheet has coloured cells left to restore (its saved mappings go with it). A damaged state is
   * kept. Returns the names removed.
   */
  async removeProductSheets(): Promise<string[]> {
    const read = this.snapshot();
    const names = [...read.summarySheets];
    const colours = read.state ? Object.values(read.state.colours).some((r) => Object.keys(r).length > 0) : false;
    const stateSheet = this.workbook.worksheets.find((w) => isStateSheetName(w.name));
    if (stateSheet && read.stateRead.status === 'ok' && !colours) names.push(stateSheet.name);
    for (const name of names) {
      const ws = this.workbook.getWorksheet(name);
      if (ws && (isStateSheetName(name) || isSummaryMarker(ws.getCell('A1').value))) this.workbook.removeWorksheet(ws.id);
      if (this.package) removeSheet(this.package, name);
    }
    this.cached = null;
    return names;
  }

  /** The workbook's bytes: the input package with the parts the product changed patched in. */
  async toBuffer(): Promise<Buffer> {
    if (this.package) return this.package.toBuffer();
    return writeWorkbookBuffer(this.workbook);
  }
}
