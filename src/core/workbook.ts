/**
 * One pipeline, several hosts: what every front end (the pane, the ribbon command, the command
 * line, live checks) calls to score or clear a workbook, and the one interface each host
 * implements. A host translates (Office.js, an xlsx file through exceljs, the fake Excel through
 * the Office host); what is decided — which sheet to score, what to write — is decided here, once.
 *
 *   const done = await scoreWorkbook(host, criteria, { lang: 'vi', onStep });
 *   const cleared = await clearWorkbook(host, criteria);
 *
 * A run on a normal appendix costs the host one read and one apply (Office: two context.sync()).
 * Only when the active sheet is not an appendix (nor the product's summary of a known one) does
 * choosing the sheet read more: every visible sheet that could be the appendix, once each.
 */
import { CriteriaSet } from './criteria';
import { Issue } from './issues';
import { LOW_CONFIDENCE, findAppendixSheet, looksLikeAppendix, mapSheet } from './mapping';
import { HostRead, ScoreRun, ScoringOptions, WritePlan, mapRead, runClear, scoreRead } from './pipeline';
import { WorkbookState } from './plan';
import { isStateSheetName } from './product-sheets';
import type { SheetSnapshot } from './snapshot';
import type { ScoreStep } from './steps';
import { withProps } from './objects';

export interface SheetInfo {
  name: string;
  /** False for hidden and very hidden sheets. */
  visible: boolean;
}

/** What a host does for the pipeline; nothing more, and nothing it decides. */
export interface WorkbookHost {
  /** Every sheet, in tab order, hidden ones included. */
  sheets(): Promise<SheetInfo[]>;
  /**
   * One batch: the named sheet (the active one when not named) as a snapshot, with every sheet's
   * name, the product's state and its summary sheets.
   */
  read(sheet?: string): Promise<HostRead>;
  /** The product's state as the workbook stores it (null: none yet). */
  readState(): Promise<WorkbookState | null>;
  /** Stores the product's state alone (a mapping fixed by hand). */
  writeState(state: WorkbookState): Promise<void>;
  /** Applies a write plan in one batch (more only where a documented payload limit forces it). */
  apply(plan: WritePlan): Promise<void>;
}

export { SCORE_STEPS } from './steps';
export type { ScoreStep } from './steps';

export type WorkbookErrorCode = 'NoAppendix' | 'NotAppendix' | 'SheetProtected';

/** A run the core refuses before anything is written. */
export class WorkbookError extends Error {
  constructor(
    readonly code: WorkbookErrorCode,
    message: string,
    /** NotAppendix: `sheet` is the sheet refused, `likely` the sheet that looks like the appendix (absent: none does). */
    readonly detail: { sheet?: string; sheets?: string[]; likely?: string } = {},
  ) {
    super(message);
    this.name = 'WorkbookError';
  }
}

// ---- Which sheet ----

export type SheetChoice =
  /** The sheet named by the person (--sheet; a test naming its sheet). */
  | { sheet: string; reason: 'named' }
  /** The active sheet: it is an appendix. */
  | { sheet: string; reason: 'active' }
  /** The named or active sheet is the product's summary: the appendix this front end scored last, or one the state holds a mapping for. */
  | { sheet: string; reason: 'summary-source' }
  /** The sheet that best looks like an appendix among the candidates. */
  | { sheet: string; reason: 'best-appendix' }
  /** Undecided until the candidates (`appendixCandidates`) are read: choose again with them. */
  | { sheet: null; reason: 'read-candidates' }
  /** No sheet looks like an appendix. */
  | { sheet: null; reason: 'no-appendix' }
  /** The sheet the person chose is neither an appendix nor a return: refused, naming the sheet that looks like one (null: none). */
  | { sheet: null; reason: 'not-appendix'; chosen: string; likely: string | null };

export interface ChoiceInput {
  /** The sheet the person named, if any. */
  named?: string;
  /**
   * The active sheet is the person's choice (the pane and the ribbon: the sheet they are looking
   * at), not an accident of how the file was saved (the command line without --sheet).
   */
  activeIsChoice?: boolean;
  /** What the host read first: the named sheet, else the active one. */
  first: HostRead;
  /** The sheet this front end scored last (the pane remembers it for its session). */
  lastSheet?: string | null;
  /** Snapshots of the candidates, once read (absent: not read yet). */
  candidates?: readonly SheetSnapshot[];
}

/**
 * Is this sheet an appendix or a return (one party's rows), i.e. something to score? The one test,
 * for every front end: it looks like one (a header, the template's marker, criterion codes:
 * findAppendixSheet), or the mapper places at least one indicator on it with a sure match (an
 * appendix typed without its header or codes).
 */
export function isScorableSheet(sheet: SheetSnapshot, criteria: CriteriaSet): boolean {
  if (looksLikeAppendix(sheet, criteria)) return true;
  const mapping = mapSheet(sheet, criteria);
  return Object.values(mapping.placements).some((p) => p.confidence >= LOW_CONFIDENCE);
}

/**
 * The one rule for every front end. When the named or active sheet is the product's summary: the
 * appendix scored last, or one the state knows. A sheet the person chose (named; in the pane and
 * the ribbon, the active one) → that sheet when it is an appendix or a return, else refused,
 * naming the sheet that looks like the appendix. Otherwise the active sheet when it is an
 * appendix, else the best appendix among the candidates (read them, then ask again), or none.
 */
export function chooseSheet(input: ChoiceInput, criteria: CriteriaSet): SheetChoice {
  const { first } = input;
  const name = first.sheet.name;
  const isSummary = first.summarySheets.includes(name);
  const chosen = input.named !== undefined || input.activeIsChoice === true;
  if (isSummary) {
    const known = [input.lastSheet, ...Object.keys(first.state?.mappings ?? {})].find(
      (n): n is string => !!n && n !== name && first.sheetNames.includes(n) && !first.summarySheets.includes(n),
    );
    if (known) return { sheet: known, reason: 'summary-source' };
  } else if (isScorableSheet(first.sheet, criteria)) return { sheet: name, reason: input.named !== undefined ? 'named' : 'active' };
  if (!input.candidates) return { sheet: null, reason: 'read-candidates' };
  const found = findAppendixSheet({ sheets: input.candidates.filter((c) => c.name !== name) }, criteria);
  if (chosen && !isSummary) return { sheet: null, reason: 'not-appendix', chosen: name, likely: found ? found.sheet.name : null };
  return found ? { sheet: found.sheet.name, reason: 'best-appendix' } : { sheet: null, reason: 'no-appendix' };
}

/** The sheets that could be the appendix: visible, and not the product's own. */
export function appendixCandidates(read: HostRead): string[] {
  const hidden = new Set(read.hiddenSheets ?? []);
  return read.sheetNames.filter((n) => !hidden.has(n) && !isStateSheetName(n) && !read.summarySheets.includes(n));
}

/**
 * The sheets "Gộp báo cáo" offers as returns, in tab order: visible, not the product's own (state,
 * summary sheets), and laid out as an appendix or a department's return (isScorableSheet): a notes
 * sheet or a chart sheet is not offered. One read per visible sheet.
 */
export async function returnSheets(host: WorkbookHost, criteria: CriteriaSet): Promise<string[]> {
  const visible = (await host.sheets()).filter((s) => s.visible && !isStateSheetName(s.name)).map((s) => s.name);
  const out: string[] = [];
  for (const name of visible) {
    const read = await host.read(name);
    if (!read.summarySheets.includes(name) && isScorableSheet(read.sheet, criteria)) out.push(name);
  }
  return out;
}

/** The sheet a person typed, among a workbook's: the same name, else the same letters ignoring case and Unicode form; null when none. */
export function matchSheetName(names: readonly string[], wanted: string): string | null {
  const folded = wanted.normalize('NFC').toLowerCase();
  return names.find((n) => n === wanted) ?? names.find((n) => n.normalize('NFC').toLowerCase() === folded) ?? null;
}

interface Target {
  sheet?: string;
  lastSheet?: string | null;
  /** The active sheet is the person's choice (the pane, the ribbon): see ChoiceInput. */
  activeIsChoice?: boolean;
}

/** Reads the sheet chooseSheet picks (one read when the first read decides it). */
async function readChosen(host: WorkbookHost, criteria: CriteriaSet, target: Target): Promise<{ read: HostRead; choice: SheetChoice }> {
  const first = await host.read(target.sheet);
  const input: ChoiceInput = {
    first,
    ...(target.sheet !== undefined ? { named: target.sheet } : {}),
    ...(target.lastSheet ? { lastSheet: target.lastSheet } : {}),
    ...(target.activeIsChoice ? { activeIsChoice: true } : {}),
  };
  let choice = chooseSheet(input, criteria);
  const reads = new Map<string, HostRead>([[first.sheet.name, first]]);
  if (choice.reason === 'read-candidates') {
    const names = appendixCandidates(first);
    for (const n of names) if (!reads.has(n)) reads.set(n, await host.read(n));
    choice = chooseSheet(withProps(input, { candidates: names.map((n) => reads.get(n)!.sheet) }), criteria);
    if (choice.reason === 'not-appendix') {
      const { chosen, likely } = choice;
      throw new WorkbookError('NotAppendix', `the sheet ${chosen} is not an appendix${likely ? `; the appendix looks like ${likely}` : ''}`, {
        sheet: chosen,
        ...(likely ? { likely } : {}),
      });
    }
    if (choice.sheet === null) {
      const all = first.sheetNames.filter((n) => !isStateSheetName(n));
      throw new WorkbookError('NoAppendix', `no sheet looks like the appendix (sheets: ${all.join(', ')})`, { sheets: all });
    }
  }
  const sheet = choice.sheet!;
  return { read: reads.get(sheet) ?? (await host.read(sheet)), choice };
}

// ---- Scoring and clearing ----

export interface ScoreWorkbookOptions extends ScoringOptions, Target {
  /** Apply the plan (default true). False: read, score and plan only (the command line writes a copy only when asked). */
  write?: boolean;
  /** Told as each stage starts; a returned promise is awaited (the pane paints the step). */
  onStep?: (step: ScoreStep) => void | Promise<void>;
}

export interface WorkbookRun {
  read: HostRead;
  choice: SheetChoice;
  run: ScoreRun;
  plan: WritePlan;
  /** What the person should know about the run (a protected sheet, not coloured: 'sheet-protected'). */
  warnings: Issue[];
}

/** "Chấm điểm": chooses the sheet, reads it, maps and scores it, colours its value cells and writes the summary sheet. */
export async function scoreWorkbook(host: WorkbookHost, criteria: CriteriaSet, options: ScoreWorkbookOptions): Promise<WorkbookRun> {
  const step = async (s: ScoreStep) => void (await options.onStep?.(s));
  await step('read');
  const { read, choice } = await readChosen(host, criteria, options);
  await step('map');
  const mapping = mapRead(read, criteria);
  await step('score');
  const { run, plan, warnings } = scoreRead(read, mapping, criteria, options);
  if (options.write !== false) {
    await step('write');
    await host.apply(plan);
  }
  return { read, choice, run, plan, warnings };
}

export interface ClearRun {
  read: HostRead;
  choice: SheetChoice;
  plan: WritePlan;
  /** Cells the person recoloured after scoring: left as they are. */
  kept: string[];
}

/**
 * "Xóa màu": gives the coloured cells of the chosen sheet their original fills back. A protected
 * sheet with fills to restore is refused before anything is written (WorkbookError 'SheetProtected').
 */
export async function clearWorkbook(host: WorkbookHost, criteria: CriteriaSet, options: Target = {}): Promise<ClearRun> {
  const { read, choice } = await readChosen(host, criteria, options);
  const { plan, kept } = runClear(read);
  if (read.sheet.protected && plan.restore.length)
    throw new WorkbookError('SheetProtected', `the sheet ${read.sheet.name} is protected`, { sheet: read.sheet.name });
  await host.apply(plan);
  return { read, choice, plan, kept };
}
