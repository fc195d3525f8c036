/**
 * The pane's backend over Office.js (or the fake Excel of the preview and tests): the actions
 * layer's scoreWorkbook / clearColours over an OfficeHost — the same calls the ribbon command
 * makes. Steps are reported around the host's two batches: "read" while the read batch runs,
 * "map" and "score" once it has answered (the pure pipeline), "colour" and "summary" while the
 * one write batch that applies both runs.
 */
import { CriteriaSet } from '../core/criteria';
import { SavedMapping } from '../core/mapping';
import { WorkbookState } from '../core/plan';
import { HostRead, ScoreRun, WritePlan, withSavedMapping } from '../core/pipeline';
import { Lang } from '../i18n/format';
import { ExcelRunner, OfficeHost, OfficeHostOptions } from '../hosts/office/host';
import { clearColours, scoreWorkbook } from '../hosts/office/actions';
import { ClearOutcome, PaneBackend, PaneFailure, ScoreOutcome, Selection, Step, Watching, WorkbookTools } from './backend';
import { createTemplateSheet } from '../hosts/office/template';
import { canImportFiles, consolidateSheets, importReturnFiles } from '../hosts/office/consolidate';
import { officeIsSetSupported } from '../hosts/office/requirements';
import { describeOfficeError } from '../hosts/office/errors';
import { startLiveChecking } from '../hosts/office/live';

export interface OfficeBackend extends PaneBackend {
  readonly host: OfficeHost;
  /** Shows a sheet (the ribbon command shows the summary after scoring). */
  activate(sheet: string): Promise<void>;
}

/** Lets the pane paint the step just reported before the next piece of work starts. */
const paint = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

interface Hooks {
  afterRead?: () => Promise<void>;
  beforeApply?: (plan: WritePlan) => Promise<void>;
}

/** Excel's failures (and the host's), worded by the host layer in both languages. */
async function worded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    const vi = describeOfficeError(e, 'vi');
    throw new PaneFailure({ vi: vi.message, en: describeOfficeError(e, 'en').message }, e, vi.retry);
  }
}

export function officeBackend(run: ExcelRunner, criteria: CriteriaSet, options: OfficeHostOptions = {}): OfficeBackend {
  const host = new OfficeHost(run, options);
  /** The sheet scored last: "Xóa màu" and a rescore from the summary sheet go back to it. */
  let lastSheet: string | null = null;
  /** The last run's read and results, while they still match the sheet: live checking starts from them instead of reading again. */
  let lastRun: { read: HostRead; run: ScoreRun } | null = null;

  /**
   * The host as the actions see it, with the steps reported around its batches, and one rule:
   * when the active sheet is the product's summary sheet (the ribbon command leaves it active),
   * the appendix scored last is read instead — this pane's, or one the workbook's state holds a
   * mapping for.
   */
  function observed(hooks: Hooks): OfficeHost {
    const view = Object.create(host) as OfficeHost;
    view.read = async (sheetName?: string): Promise<HostRead> => {
      let read = await host.read(sheetName);
      if (sheetName === undefined && read.summarySheets.includes(read.sheet.name)) {
        const known = [lastSheet, ...Object.keys(read.state?.mappings ?? {})].find((n): n is string => !!n && n !== read.sheet.name && read.sheetNames.includes(n));
        if (known) read = await host.read(known);
      }
      await hooks.afterRead?.();
      return read;
    };
    view.apply = async (plan: WritePlan): Promise<void> => {
      await hooks.beforeApply?.(plan);
      await host.apply(plan);
    };
    return view;
  }

  const isSetSupported = options.isSetSupported ?? officeIsSetSupported;
  const tools: WorkbookTools = {
    async sheets(): Promise<string[]> {
      return worded(() =>
        run(async (context) => {
          const sheets = context.workbook.worksheets;
          sheets.load('items/name,items/visibility');
          await context.sync();
          return sheets.items.filter((s) => s.visibility === 'Visible').map((s) => s.name);
        }),
      );
    },
    async createTemplate(request) {
      const made = await worded(() => createTemplateSheet(run, criteria, request));
      return { sheet: made.sheet, indicators: made.indicators, validatedCells: made.validatedCells };
    },
    async consolidate(request) {
      const out = await worded(() => consolidateSheets(run, criteria, { ...request, isSetSupported }));
      return { masterSheet: out.masterSheet, summarySheet: out.summarySheet, consolidation: out.consolidation, summary: out.summary };
    },
    canImportFiles: () => canImportFiles(isSetSupported),
    async importFiles(files) {
      const done = await worded(() => importReturnFiles(run, files));
      return done.flatMap((d) => d.sheets);
    },
  };

  return {
    host,
    tools,
    async score(lang: Lang, onStep: (s: Step) => void): Promise<ScoreOutcome> {
      onStep('read');
      const view = observed({
        afterRead: async () => {
          onStep('map');
          await paint();
        },
        beforeApply: async (plan) => {
          onStep('score');
          await paint();
          onStep('colour');
          await paint();
          // Fills and the summary sheet go in the same write batch.
          if (plan.summary) onStep('summary');
        },
      });
      const { read, run: result, plan, warnings } = await worded(() => scoreWorkbook(view, criteria, lang));
      lastSheet = read.sheet.name;
      lastRun = { read, run: result };
      return { run: result, sheet: read.sheet.name, ...(plan.summary ? { summarySheet: plan.summary.name } : {}), state: plan.state, warnings };
    },
    async clear(): Promise<ClearOutcome> {
      const { plan, kept } = await worded(() => clearColours(observed({})));
      return { restored: plan.restore.length, kept, state: plan.state };
    },
    async select(sheet: string, addresses: string[]): Promise<void> {
      await worded(() => host.select(sheet, addresses));
    },
    async selection(): Promise<Selection> {
      const s = await worded(() => host.selectedAddresses());
      return { sheet: s.sheet, addresses: s.addresses };
    },
    async watch(lang, on): Promise<Watching> {
      const from = lastRun;
      const session = await worded(() =>
        startLiveChecking(host, criteria, {
          lang,
          ...(from ? { from } : lastSheet ? { sheet: lastSheet } : {}),
          onResults: (u) => {
            // The read no longer matches the sheet: a later start reads it again.
            lastRun = null;
            on.update({ run: u.run, changed: u.changed, warnings: u.warnings });
          },
          onError: (_e, cause) => on.error({ vi: describeOfficeError(cause, 'vi').message, en: describeOfficeError(cause, 'en').message }),
        }),
      );
      return { stop: () => session.stop() };
    },
    async saveMapping(sheet: string, saved: SavedMapping, state: WorkbookState): Promise<WorkbookState> {
      // The workbook's state is the truth (live checking may have recoloured cells since the pane's copy).
      const stored = await worded(() => host.readState());
      const next = withSavedMapping(stored ?? state, sheet, saved);
      await worded(() => host.saveState(next));
      return next;
    },
    async activate(sheet: string): Promise<void> {
      await worded(() => host.select(sheet, ['A1']));
    },
  };
}
