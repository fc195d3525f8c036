/**
 * What the pane asks of the workbook, as one small interface. The Office implementation lives in
 * office-backend.ts (the core's scoreWorkbook / clearWorkbook over an OfficeHost); tests and the
 * preview can pass any other.
 */
import type { SavedMapping } from '../core/mapping';
import type { WorkbookState } from '../core/plan';
import type { ScoreRun } from '../core/pipeline';
import type { Issue } from '../core/issues';
import { Lang } from '../i18n/format';
import type { Consolidation } from '../core/consolidate';
import type { Summary } from '../core/summary';
import { SCORE_STEPS, ScoreStep } from '../core/steps';
import type { ScopeRequest } from '../core/scope';

/** The steps of a scoring run, in order, as the pane shows them: the core's stages, each reported as it starts. */
export const STEPS = SCORE_STEPS;
export type Step = ScoreStep;

export interface ScoreOutcome {
  run: ScoreRun;
  /** The sheet that was scored. */
  sheet: string;
  /** The summary sheet written (absent when none was). */
  summarySheet?: string;
  /** The product's state as the run left it in the workbook (original fills, saved mappings). */
  state: WorkbookState;
  /** What the person should know about the run (e.g. a protected sheet was scored but not coloured). */
  warnings: Issue[];
}

export interface ClearOutcome {
  /** Cells given back their original fill. */
  restored: number;
  /** Cells recoloured by hand since scoring: left as they are. */
  kept: string[];
  /** The product's state as the clear left it (no colour records for the sheet). */
  state: WorkbookState;
}

export interface PaneSelection {
  sheet: string;
  /** A1 addresses or ranges, as the host reports them. */
  addresses: string[];
}

/** A re-check made while the person types ("Kiểm tra khi nhập"). */
export interface LiveView {
  /** The whole run, the re-checked indicators re-scored. */
  run: ScoreRun;
  /** Ids re-checked, in id order. */
  changed: string[];
  /** What the person should know (a protected sheet that cannot be recoloured, …). */
  warnings: Issue[];
}

export interface Watching {
  /** Stops re-checking; waits for a check already running. */
  stop(): Promise<void>;
}

/**
 * What the pane asks of the workbook. A method that fails may throw a PaneFailure (worded for
 * the person) or any error (its message is shown as it is).
 */
export interface PaneBackend {
  /**
   * Scores the sheet the core's rule chooses (the active sheet when it is an appendix or a return,
   * else refused naming the likely one; from the summary sheet, its source), colours it, writes its
   * summary; reports each step as it starts. `scope`: 'all' scores a one-party return against every
   * indicator (a coordinator); 'auto' (default) in its party's scope.
   */
  score(lang: Lang, onStep: (step: Step) => void, options?: { scope?: ScopeRequest }): Promise<ScoreOutcome>;
  /** "Xóa màu": restores the original fills of the sheet the core's rule chooses (the active appendix, or the last scored from the summary). */
  clear(): Promise<ClearOutcome>;
  /** Selects cells in the workbook (and activates their sheet). */
  select(sheet: string, addresses: string[]): Promise<void>;
  /** What the person has selected in the workbook. */
  selection(): Promise<PaneSelection>;
  /** Stores a mapping fixed by hand in the workbook's state, for the next run; returns the new state. */
  saveMapping(sheet: string, saved: SavedMapping, state: WorkbookState): Promise<WorkbookState>;
  /**
   * "Kiểm tra khi nhập": re-checks (and recolours) the sheet scored last as the person types, until
   * stopped; failures of a check come to `error`, already worded (absent: not offered).
   */
  watch?(lang: Lang, on: { update(view: LiveView): void; error(text: Record<Lang, string>): void }): Promise<Watching>;
  /**
   * Whether the workbook's stored state records coloured cells (so "Xóa màu" has something to do);
   * asked when the pane opens (absent: unknown until a run says so).
   */
  hasColours?(): Promise<boolean>;
  /**
   * "Xem báo cáo": the CLI's self-contained HTML review report (core/html-report.ts) of the last
   * scoring, shown in an Office dialog where there is one, else in a new browser window; says
   * where it went. Absent: not offered.
   */
  showReport?(lang: Lang): Promise<ReportShown>;
  /** "Mẫu và tổng hợp": department templates and consolidating returns (absent: the section is not shown). */
  tools?: WorkbookTools;
}

/** Where the report went: an Office dialog, a new window, or nowhere (the browser blocked the window). */
export type ReportShown = 'dialog' | 'window' | 'blocked';

/** Whether a stored state records any coloured cell. */
export function stateHasColours(state: WorkbookState | null | undefined): boolean {
  return !!state && Object.values(state.colours).some((cells) => Object.keys(cells).length > 0);
}

// ---- Templates and consolidation ----

export interface TemplateOutcome {
  /** The new sheet. */
  sheet: string;
  /** Indicators laid out (0: the department is responsible for none). */
  indicators: number;
  /** Value cells under data validation. */
  validatedCells: number;
}

export interface TemplateWorkbookOutcome {
  /** The new workbook's sheet (named after the department). */
  sheet: string;
  /** The workbook's title property (File › Info). */
  title: string;
  indicators: number;
}

export interface ConsolidationOutcome {
  masterSheet: string;
  summarySheet: string;
  consolidation: Consolidation;
  summary: Summary;
}

/** A .xlsx file the person picked: its name and bytes in base64. */
export interface PickedFile {
  name: string;
  base64: string;
}

export interface WorkbookTools {
  /** The sheets that can be returns, in tab order (core/workbook.ts returnSheets: a notes sheet or the product's own sheets are not offered). */
  sheets(): Promise<string[]>;
  /** "Tạo mẫu": a new sheet for a department ('' or absent: the whole city), activated. */
  createTemplate(request: { department?: string; city?: string; year?: number; lang: Lang }): Promise<TemplateOutcome>;
  /** True when the template can be opened as a new workbook (Excel.createWorkbook, ExcelApi 1.8). */
  canCreateWorkbook?(): boolean;
  /** "Tạo mẫu" as a new workbook, ready to save and send (the .xlsx is built in the pane). */
  createTemplateWorkbook?(request: { department?: string; city?: string; year?: number; lang: Lang }): Promise<TemplateWorkbookOutcome>;
  /** "Gộp báo cáo": the returns in these sheets → new master and summary sheets. */
  consolidate(request: { sheets: string[]; departments?: Record<string, string>; lang: Lang }): Promise<ConsolidationOutcome>;
  /** True when returns can be inserted from .xlsx files (ExcelApi 1.13). */
  canImportFiles(): boolean;
  /** Inserts every sheet of the files at the end of the workbook; the new sheets' names. */
  importFiles(files: PickedFile[]): Promise<string[]>;
}

/** A failure already put into words for the person, in both languages (the message is for logs). */
export class PaneFailure extends Error {
  constructor(
    readonly text: Record<Lang, string>,
    cause: unknown,
    /** Trying again may help. */
    readonly retry: boolean = false,
  ) {
    super(text.en, { cause });
    this.name = 'PaneFailure';
  }
}
