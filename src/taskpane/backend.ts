/**
 * What the pane asks of the workbook, as one small interface. The Office implementation lives in
 * office-backend.ts (OfficeHost + the actions layer); tests and the preview can pass any other.
 */
import { SavedMapping } from '../core/mapping';
import { WorkbookState } from '../core/plan';
import { ScoreRun } from '../core/pipeline';
import type { Issue } from '../core/issues';
import { Lang } from '../i18n/format';

/** The steps of a scoring run, in order, as the pane shows them. */
export const STEPS = ['read', 'map', 'score', 'colour', 'summary'] as const;
export type Step = (typeof STEPS)[number];

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

export interface Selection {
  sheet: string;
  /** A1 addresses or ranges, as the host reports them. */
  addresses: string[];
}

/**
 * What the pane asks of the workbook. A method that fails may throw a PaneFailure (worded for
 * the person) or any error (its message is shown as it is).
 */
export interface PaneBackend {
  /** Reads the active sheet, scores it, colours it, writes the summary; reports each step as it starts. */
  score(lang: Lang, onStep: (step: Step) => void): Promise<ScoreOutcome>;
  /** "Xóa màu": restores the original fills of the active (or last scored) sheet. */
  clear(): Promise<ClearOutcome>;
  /** Selects cells in the workbook (and activates their sheet). */
  select(sheet: string, addresses: string[]): Promise<void>;
  /** What the person has selected in the workbook. */
  selection(): Promise<Selection>;
  /** Stores a mapping fixed by hand in the workbook's state, for the next run; returns the new state. */
  saveMapping(sheet: string, saved: SavedMapping, state: WorkbookState): Promise<WorkbookState>;
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
