/**
 * The pane's backend over Office.js (or the fake Excel of the preview and tests): the core's
 * scoreWorkbook / clearWorkbook over an OfficeHost — the same calls the ribbon command and the
 * command line make. The core reports each stage as it starts (read, map, score, write); the pane
 * is given a moment to paint it before the work goes on.
 */
import { CriteriaSet } from '../core/criteria';
import { SavedMapping } from '../core/mapping';
import { WorkbookState } from '../core/plan';
import { HostRead, ScoreRun, withSavedMapping } from '../core/pipeline';
import { clearWorkbook, returnSheets, scoreWorkbook } from '../core/workbook';
import type { ScopeRequest } from '../core/scope';
import { Lang } from '../i18n/format';
import { ExcelRunner, OfficeHost, OfficeHostOptions } from '../hosts/office/host';
import { ClearOutcome, PaneBackend, PaneFailure, ReportShown, ScoreOutcome, PaneSelection, Step, Watching, WorkbookTools, stateHasColours } from './backend';
import { ui } from '../i18n/ui';
import { API_SET, API_VERSIONS, canImportFiles, officeIsSetSupported } from '../hosts/office/requirements';
import type { ReportEnv } from './report-dialog';
import { syncPageLayoutApart } from '../hosts/office/page-layout';
import { describeOfficeError } from '../hosts/office/errors';

/**
 * The tools, live checking and the report (office-tools.ts): in the `panels` chunk group, not in
 * the engine's chunks that must run before the pane can score (bench/README.md, "pane").
 */
const officeTools = () => import(/* webpackChunkName: "panels" */ './office-tools');

export interface OfficeBackend extends PaneBackend {
  readonly host: OfficeHost;
}

export interface OfficeBackendOptions extends OfficeHostOptions {
  /** Excel.createWorkbook (ExcelApi 1.8) by default; tests pass the fake's. */
  createWorkbook?: (base64File?: string) => Promise<void>;
  /** Where "Xem báo cáo" shows the report: Office's dialog API and the browser by default. */
  report?: ReportEnv;
  /** The clock: the time of scoring on the summary sheet and the report. */
  now?: () => Date;
}

const pad2 = (n: number) => String(n).padStart(2, '0');
/** The report's "Ngày lập" / "Date": the day as the CLI's --html writes it, and the time of scoring. */
export function reportDate(at: Date, lang: Lang): string {
  const day = lang === 'vi' ? `${pad2(at.getDate())}/${pad2(at.getMonth() + 1)}/${at.getFullYear()}` : `${at.getFullYear()}-${pad2(at.getMonth() + 1)}-${pad2(at.getDate())}`;
  return `${day} ${pad2(at.getHours())}:${pad2(at.getMinutes())}`;
}

/** Office.js's Excel.createWorkbook, when Office.js is loaded and has it. */
function officeCreateWorkbook(): ((base64File?: string) => Promise<void>) | undefined {
  const excel = typeof Excel !== 'undefined' ? (Excel as unknown as { createWorkbook?: (b?: string) => Promise<void> }) : undefined;
  return typeof excel?.createWorkbook === 'function' ? (b) => excel.createWorkbook!(b) : undefined;
}

/** Lets the pane paint the step just reported before the next piece of work starts. */
const paint = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Excel's failures (and the host's), worded by the host layer in both languages. */
async function worded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    const vi = describeOfficeError(e, 'vi');
    throw new PaneFailure({ vi: vi.message, en: describeOfficeError(e, 'en').message }, e, vi.retry);
  }
}

export function officeBackend(run: ExcelRunner, criteria: CriteriaSet, options: OfficeBackendOptions = {}): OfficeBackend {
  const host = new OfficeHost(run, options);
  /** The sheet scored last: "Xóa màu" and a rescore from the summary sheet go back to it. */
  let lastSheet: string | null = null;
  /** The last run's read and results, while they still match the sheet: live checking starts from them instead of reading again. */
  let lastRun: { read: HostRead; run: ScoreRun } | null = null;

  /** The last scoring as the pane shows it (live checks included), for "Xem báo cáo". */
  let lastScored: { run: ScoreRun; sheet: string; at: Date } | null = null;
  const now = options.now ?? (() => new Date());

  const isSetSupported = options.isSetSupported ?? officeIsSetSupported;
  const createWorkbook = () => options.createWorkbook ?? officeCreateWorkbook();
  const tools: WorkbookTools = {
    async sheets(): Promise<string[]> {
      // Only sheets that can be returns (the core decides: returnSheets).
      return worded(() => returnSheets(host, criteria));
    },
    async createTemplate(request) {
      const { createTemplateSheet } = await officeTools();
      const made = await worded(() => createTemplateSheet(run, criteria, { ...request, isSetSupported }));
      return { sheet: made.sheet, indicators: made.indicators, validatedCells: made.validatedCells };
    },
    canCreateWorkbook: () => !!createWorkbook() && isSetSupported(API_SET, API_VERSIONS.createWorkbook),
    async createTemplateWorkbook(request) {
      const create = createWorkbook();
      if (!create || !isSetSupported(API_SET, API_VERSIONS.createWorkbook)) throw new Error('Excel.createWorkbook (ExcelApi 1.8) is not available');
      // The xlsx writer (exceljs) is a chunk of its own, fetched only now: the pane's opening JS does not carry it.
      const { templateWorkbook } = await import(/* webpackChunkName: "template-file" */ '../hosts/office/template-file');
      const file = await templateWorkbook(criteria, request, now());
      await worded(() => create(file.base64));
      return { sheet: file.template.name, title: file.title, indicators: file.template.indicators.length };
    },
    async consolidate(request) {
      const { consolidateSheets } = await officeTools();
      const out = await worded(() => consolidateSheets(run, criteria, { ...request, isSetSupported }));
      return { masterSheet: out.masterSheet, summarySheet: out.summarySheet, consolidation: out.consolidation, summary: out.summary };
    },
    canImportFiles: () => canImportFiles(isSetSupported),
    async importFiles(files) {
      const { importReturnFiles } = await officeTools();
      const done = await worded(() => importReturnFiles(run, files));
      return done.flatMap((d) => d.sheets);
    },
  };

  return {
    host,
    tools,
    async score(lang: Lang, onStep: (s: Step) => void, scoring: { scope?: ScopeRequest } = {}): Promise<ScoreOutcome> {
      // The core has no clock: the time of scoring goes on the summary sheet (as the CLI and the ribbon pass it).
      const at = now();
      const step = async (s: Step) => {
        onStep(s);
        await paint();
      };
      // The active sheet is the one the person is looking at: a sheet that is no appendix is refused, not swapped for another.
      const { read, run: result, plan, warnings } = await worded(() =>
        scoreWorkbook(host, criteria, { lang, lastSheet, onStep: step, activeIsChoice: true, scoredAt: at, ...(scoring.scope ? { scope: scoring.scope } : {}) }),
      );
      const summary = plan.summary;
      if (summary?.print && !summary.existing && isSetSupported(API_SET, API_VERSIONS.pageLayout)) {
        // A new summary sheet's page setup, after the scoring's own write (page-layout.ts: Excel
        // refusing it leaves the scoring done and the sheet printing with Excel's defaults).
        await run((context) => syncPageLayoutApart(context, context.workbook.worksheets.getItem(summary.name), summary)).catch(() => null);
      }
      lastSheet = read.sheet.name;
      lastRun = { read, run: result };
      lastScored = { run: result, sheet: read.sheet.name, at };
      return { run: result, sheet: read.sheet.name, ...(plan.summary ? { summarySheet: plan.summary.name } : {}), state: plan.state, warnings };
    },
    async clear(): Promise<ClearOutcome> {
      const { plan, kept } = await worded(() => clearWorkbook(host, criteria, { lastSheet }));
      return { restored: plan.restore.length, kept, state: plan.state };
    },
    async select(sheet: string, addresses: string[]): Promise<void> {
      await worded(() => host.select(sheet, addresses));
    },
    async selection(): Promise<PaneSelection> {
      const s = await worded(() => host.selectedAddresses());
      return { sheet: s.sheet, addresses: s.addresses };
    },
    async watch(lang, on): Promise<Watching> {
      const from = lastRun;
      const { startLiveChecking } = await officeTools();
      const session = await worded(() =>
        startLiveChecking(host, criteria, {
          lang,
          // The sheet scored last, as the pane shows it (named: the sheet choice is not asked again).
          ...(from ? { from } : lastSheet ? { sheet: lastSheet } : {}),
          onResults: (u) => {
            // The read no longer matches the sheet: a later start reads it again.
            lastRun = null;
            if (lastScored) lastScored = { ...lastScored, run: u.run };
            on.update({ run: u.run, changed: u.changed, warnings: u.warnings });
          },
          onError: (_e, cause) => on.error({ vi: describeOfficeError(cause, 'vi').message, en: describeOfficeError(cause, 'en').message }),
        }),
      );
      return { stop: () => session.stop() };
    },
    async hasColours(): Promise<boolean> {
      return stateHasColours(await worded(() => host.readState()));
    },
    async showReport(lang: Lang): Promise<ReportShown> {
      const last = lastScored;
      if (!last) throw new PaneFailure({ vi: ui('reportNone', 'vi'), en: ui('reportNone', 'en') }, null);
      const { renderHtmlReport, showReportHtml } = await officeTools();
      const html = renderHtmlReport({ criteria, results: last.run.results, summary: last.run.summary, lang, sheet: last.sheet, date: reportDate(last.at, lang) });
      return showReportHtml(html, lang, options.report);
    },
    async saveMapping(sheet: string, saved: SavedMapping, state: WorkbookState): Promise<WorkbookState> {
      // The workbook's state is the truth (live checking may have recoloured cells since the pane's copy).
      const stored = await worded(() => host.readState());
      const next = withSavedMapping(stored ?? state, sheet, saved);
      await worded(() => host.writeState(next));
      return next;
    },
  };
}
