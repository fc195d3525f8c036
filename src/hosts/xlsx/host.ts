/**
 * The xlsx file host: the core's WorkbookHost over an .xlsx file (the command line's). It
 * translates; which sheet to score and what to write are the core's.
 *
 * Two ways in:
 *  - `XlsxHost.open(bytes)`, what the command line uses: a package that can be patched (package.ts)
 *    is read straight from its parts (package-read.ts, a sheet only when it is read) and the copy is
 *    that package patched (patch.ts); exceljs is not loaded at all. A package that cannot be patched
 *    (Zip64, no styles part, a workbook.xml that is not XML) is loaded into exceljs, as below.
 *  - `new XlsxHost(workbook, { source })`: an exceljs workbook already loaded. Reading snapshots
 *    every visible sheet once (read.ts); applying a plan changes the workbook in memory (write.ts)
 *    and, when `source` can be patched, patches that package too; `toBuffer` gives the patched
 *    package, or the workbook re-rendered by exceljs when there is none.
 *
 * The active sheet is the one the file opens on (its workbook view's active tab), as Excel shows it.
 */
import type ExcelJS from 'exceljs';
import type { HostRead, WritePlan } from '../../core/pipeline';
import type { WorkbookState } from '../../core/plan';
import { STATE_SHEET } from '../../core/plan';
import type { SheetInfo, WorkbookHost } from '../../core/workbook';
import { isStateSheetName, isSummaryMarker, ownsStateSheet } from '../../core/product-sheets';
import { SUMMARY_MARKER } from '../../core/plan';
import { WorkbookRead, XlsxReadError } from './snapshot-model';
import type { ApplyResult } from './write';
import { PlanError } from './plan-error';
import { PackageError, XlsxPackage } from './package';
import { PackageBook, visible as visibleSheet } from './package-read';
import { ZipFormatError } from './zip';
import { patchPlan, removeSheet } from './patch';
import { InputLimitError, checkZipLimits } from './limits';
import { withProps } from '../../core/objects';

const visible = (ws: ExcelJS.Worksheet) => ws.state === 'visible' || ws.state === undefined;

/**
 * read.ts and write.ts load exceljs (half a second of a command's start): required only on the
 * path that uses them, so scoring a package that can be patched never loads it.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const exceljsReader = () => require('./read') as typeof import('./read');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const exceljsWriter = () => require('./write') as typeof import('./write');


export class XlsxHost implements WorkbookHost {
  /** What the last apply wrote (cells coloured, the summary sheet, what this host cannot write). */
  lastApply: ApplyResult | null = null;
  /** The workbook read once; read again after an apply. */
  private cached: WorkbookRead | null = null;
  /** The package reader, when the host was opened from a package it can patch (no exceljs workbook then). */
  private book: PackageBook | null = null;
  readonly workbook: ExcelJS.Workbook | null;

  constructor(
    workbook: ExcelJS.Workbook | PackageBook,
    private readonly options: {
      workbookName?: string;
      /** The file's bytes: the copy is then this package patched (patch.ts), not the workbook re-rendered by exceljs. */
      source?: Uint8Array;
    } = {},
  ) {
    if (workbook instanceof PackageBook) {
      this.book = workbook;
      this.workbook = null;
      this.pkg = workbook.pkg;
    } else this.workbook = workbook;
  }

  /**
   * Opens an .xlsx from its bytes: read from its package when it can be patched, else loaded into
   * exceljs (read.ts loadWorkbook). Throws XlsxReadError as loadWorkbook does (not a zip, an old
   * .xls or a protected file, over an input limit, damaged).
   */
  static async open(bytes: Uint8Array, options: { workbookName?: string } = {}): Promise<XlsxHost> {
    const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const isZip = buf.length >= 4 && buf.readUInt32BE(0) === 0x504b0304;
    if (isZip) {
      try {
        await checkZipLimits(bytes);
      } catch (e) {
        if (e instanceof InputLimitError) throw new XlsxReadError('too-large', e.message, e.detail);
        throw e;
      }
      let book: PackageBook | null = null;
      try {
        const pkg = new XlsxPackage(bytes);
        pkg.stylesPart();
        book = new PackageBook(pkg, options);
      } catch (e) {
        // Not a package this host can patch: exceljs reads it (and says what is wrong with it).
        if (!(e instanceof PackageError || e instanceof ZipFormatError)) throw e;
      }
      if (book && book.sheets.length > 0) return new XlsxHost(book, options);
    }
    const wb = await exceljsReader().loadWorkbook(bytes);
    return new XlsxHost(wb, withProps(options, { source: bytes }));
  }

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

  /** Whether the workbook is read straight from its package (XlsxHost.open), not through exceljs. */
  get readsPackage(): boolean {
    return this.book !== null;
  }

  /** Whether the copy is the input's package patched (false: re-rendered by exceljs, with what that loses). */
  get patching(): boolean {
    return this.package !== null;
  }

  private snapshot(): WorkbookRead {
    if (this.book) return this.book.workbookRead();
    this.cached ??= exceljsReader().readWorkbookSnapshot(this.workbook!, this.options.workbookName !== undefined ? { workbookName: this.options.workbookName } : {});
    return this.cached;
  }

  async sheets(): Promise<SheetInfo[]> {
    if (this.book) return this.book.sheets.map((s) => ({ name: s.name, visible: visibleSheet(s) }));
    return this.workbook!.worksheets.map((ws) => ({ name: ws.name, visible: visible(ws) }));
  }

  /** The sheet the file opens on: its active tab, or the first visible sheet when that one is hidden or missing. */
  activeSheet(): string | undefined {
    if (this.book) return this.book.activeSheet();
    const sheets = this.workbook!.worksheets;
    const tab = (this.workbook!.views as Array<{ activeTab?: number }> | undefined)?.[0]?.activeTab ?? 0;
    const active = sheets[tab];
    return active && visible(active) ? active.name : sheets.find(visible)?.name;
  }

  async read(sheet?: string): Promise<HostRead> {
    const name = sheet ?? this.activeSheet();
    if (name === undefined) throw new Error('the workbook has no visible sheet');
    if (this.book) return this.book.hostRead(name);
    const read = exceljsReader().toHostRead(this.snapshot(), name, this.workbook!);
    read.hiddenSheets = this.workbook!.worksheets.filter((ws) => !visible(ws)).map((ws) => ws.name);
    return read;
  }

  async readState(): Promise<WorkbookState | null> {
    return this.snapshot().state;
  }

  async writeState(state: WorkbookState): Promise<void> {
    await this.apply({ sheet: '', fills: [], restore: [], state });
  }

  /** Applies a plan; PlanError (nothing changed) when it would write over a sheet the product does not own. */
  async apply(plan: WritePlan): Promise<void> {
    if (this.book) {
      this.lastApply = this.applyToPackage(this.book, plan);
      this.book.invalidate();
      return;
    }
    this.lastApply = exceljsWriter().applyPlan(this.workbook!, plan);
    this.cached = null;
    if (this.package) patchPlan(this.package, plan);
  }

  /** The checks write.ts's applyPlan makes, on the package's sheets, then the plan patched in. */
  private applyToPackage(book: PackageBook, plan: WritePlan): ApplyResult {
    const byName = (name: string) => book.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
    if (plan.sheet === '' ? plan.fills.length || plan.restore.length : !book.sheet(plan.sheet)) throw new PlanError(`no sheet named ${JSON.stringify(plan.sheet)}`);
    const stateSheet = book.sheets.find((s) => isStateSheetName(s.name));
    if (stateSheet && !ownsStateSheet(book.firstRow(stateSheet.name).a1Value, book.isEmpty(stateSheet.name))) {
      throw new PlanError(`a sheet named ${STATE_SHEET} exists and is not the product's: it is left alone`);
    }
    if (plan.summary) {
      const existing = byName(plan.summary.name);
      if (existing && book.firstRow(existing.name).a1 !== SUMMARY_MARKER) throw new PlanError(`a sheet named ${JSON.stringify(plan.summary.name)} exists and is not the product's summary: it is left alone`);
    }
    const patched = patchPlan(book.pkg, plan, (i) => book.fillAt(i), (part) => book.layout(part));
    const result: ApplyResult = { coloured: patched.coloured, restored: patched.restored, skipped: [] };
    if (patched.summarySheet !== undefined) result.summarySheet = patched.summarySheet;
    // The package path writes no chart (as exceljs cannot draw one either).
    if (plan.summary?.chart) result.skipped.push('chart');
    return result;
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
    const all = this.book ? this.book.sheets.map((s) => s.name) : this.workbook!.worksheets.map((w) => w.name);
    const stateSheet = all.find((n) => isStateSheetName(n));
    if (stateSheet && read.stateRead.status === 'ok' && !colours) names.push(stateSheet);
    for (const name of names) {
      if (this.book) {
        if (isStateSheetName(name) || this.book.firstRow(name).a1 === SUMMARY_MARKER) removeSheet(this.book.pkg, name);
        continue;
      }
      const ws = this.workbook!.getWorksheet(name);
      if (ws && (isStateSheetName(name) || isSummaryMarker(ws.getCell('A1').value))) this.workbook!.removeWorksheet(ws.id);
      if (this.package) removeSheet(this.package, name);
    }
    this.cached = null;
    this.book?.invalidate();
    return names;
  }

  /** The workbook's bytes: the input package with the parts the product changed patched in. */
  async toBuffer(): Promise<Buffer> {
    if (this.package) return this.package.toBuffer();
    return exceljsWriter().writeWorkbookBuffer(this.workbook!);
  }
}
