/**
 * One pipeline for every host: snapshot → mapping → entries → results → summary → write plan.
 * Pure: the host reads (one batch) and applies the plan (one batch); everything between is here.
 */
import { CriteriaSet } from './criteria';
import { Mapping, SavedMapping, mapSheet, parseSavedMapping, readEntries, saveMapping } from './mapping';
import { ClearPlan, FillGroup, SheetContent, WorkbookState, emptyState, planClear, planColouring } from './plan';
import { IndicatorEntry, IndicatorResult, scoreAll } from './score';
import { Fills, SheetSnapshot } from './snapshot';
import { Summary, summarise } from './summary';
import { buildSummarySheet } from './summary-sheet';
import { Lang } from '../i18n/format';
import { Issue, makeIssue } from './issues';
import { productColoured } from './recolour';
import { summaryTarget } from './product-sheets';
import { Scope, ScopeRequest, detectScope, scopeResults } from './scope';
import { copyMap, getOwn, setOwn } from './state';
import { withProps } from './objects';

/** What a host reads in its one read batch. */
export interface HostRead {
  sheet: SheetSnapshot;
  /** Every sheet's name, in tab order. */
  sheetNames: string[];
  /** The names of the hidden sheets among them (absent: none, or not known). */
  hiddenSheets?: string[];
  /** The product's state (original fills, saved mappings), or null when the workbook has none yet. */
  state: WorkbookState | null;
  /** How the state read (state.ts): 'damaged' is kept as it is, never coloured over; records dropped are counted. */
  stateRead?: { status: 'none' | 'ok' | 'damaged'; dropped: number };
  /** Names of sheets whose A1 holds the summary marker (the product's own summary sheets). */
  summarySheets: string[];
  /** Summary sheet → the sheet it summarises (its B1), where recorded. */
  summarySources?: Record<string, string>;
  workbookName?: string;
}

/** Everything one run writes, applied by the host in one batch. */
export interface WritePlan {
  sheet: string;
  /** Status fills, one group per colour. */
  fills: FillGroup[];
  /** Original fills to put back (clearing). */
  restore: ClearPlan['restore'];
  /** The summary sheet; `existing` says it is already there and is rewritten in place. */
  summary?: SheetContent & { existing: boolean };
  /** The state to store (always written: it holds the originals of the fills above), unless `keepState`. */
  state: WorkbookState;
  /** The stored state could not be decoded: leave it as it is (nothing is coloured, so nothing needs recording). */
  keepState?: boolean;
}

export interface ScoreRun {
  mapping: Mapping;
  entries: Map<string, IndicatorEntry>;
  results: IndicatorResult[];
  summary: Summary;
  /** The party whose return this is (results and summary in its scope), or null: the whole appendix. */
  scope: Scope | null;
}

export const SUMMARY_NAME: Record<Lang, string> = { vi: 'Tổng hợp GNLC', en: 'GNLC summary' };

/** Maps and scores a sheet. */
export function scoreSheet(sheet: SheetSnapshot, criteria: CriteriaSet, saved?: SavedMapping | null, scope: ScopeRequest = 'auto'): ScoreRun {
  return scoreMapped(sheet, mapSheet(sheet, criteria, saved ?? undefined), criteria, scope);
}

function scoreMapped(sheet: SheetSnapshot, mapping: Mapping, criteria: CriteriaSet, request: ScopeRequest): ScoreRun {
  const entries = readEntries(sheet, mapping, criteria);
  const scope = detectScope(mapping, entries, criteria, request);
  const results = scopeResults(scoreAll(criteria, entries), scope);
  return { mapping, entries, results, summary: summarise(criteria, results, scope), scope };
}

export interface ScoringOptions {
  lang: Lang;
  /** Write the summary sheet (default true). */
  summary?: boolean;
  /**
   * Colour the value cells (default true). 'if-coloured': only when the sheet holds the product's
   * colours already (a live check after "Xóa màu" leaves the sheet uncoloured).
   */
  colour?: boolean | 'if-coloured';
  /** 'auto' (default): a one-party return is scored in its party's scope; 'all': against every indicator. */
  scope?: ScopeRequest;
  /** When the front end scored (the core has no clock): shown in the summary sheet's heading. */
  scoredAt?: Date;
}

/** The first stage of a run: the mapping of the sheet a host read (the mapping saved in its state is used when it fits the criteria). */
export function mapRead(read: HostRead, criteria: CriteriaSet): Mapping {
  const saved = parseSavedMapping(getOwn((read.state ?? emptyState()).mappings, read.sheet.name));
  return mapSheet(read.sheet, criteria, saved && saved.criteriaId === criteria.id ? saved : undefined);
}

/** The second stage: reads the mapped fields, scores them, and plans the fills, the summary sheet and the stored state. */
export function scoreRead(read: HostRead, mapping: Mapping, criteria: CriteriaSet, options: ScoringOptions): { run: ScoreRun; plan: WritePlan; warnings: Issue[] } {
  const warnings: Issue[] = [];
  const state = read.state ?? emptyState();
  const run = scoreMapped(read.sheet, mapping, criteria, options.scope ?? 'auto');
  const fills: Fills = read.sheet.fills ?? new Map();
  const colour = options.colour === 'if-coloured' ? productColoured(read.state, read.sheet.name) : options.colour !== false;
  let nextState: WorkbookState = state;
  let groups: FillGroup[] = [];
  const damaged = read.stateRead?.status === 'damaged';
  if (read.stateRead?.dropped) warnings.push(makeIssue('state-records-dropped', { count: read.stateRead.dropped }));
  if (colour && damaged) {
    warnings.push(makeIssue('state-damaged', { sheet: read.sheet.name }));
  } else if (colour && read.sheet.protected) {
    warnings.push(makeIssue('sheet-protected', { sheet: read.sheet.name }));
  } else if (colour) {
    const planned = planColouring(read.sheet.name, run.results, fills, state);
    nextState = planned.state;
    groups = planned.groups;
  }
  nextState = withMapping(nextState, read.sheet.name, saveMapping(run.mapping));
  const plan: WritePlan = { sheet: read.sheet.name, fills: groups, restore: [], state: nextState, ...(damaged ? { keepState: true } : {}) };
  if (options.summary !== false) {
    const { name, existing } = summaryTarget(read.sheet.name, read, SUMMARY_NAME[options.lang]);
    const content = buildSummarySheet(criteria, run.results, run.summary, {
      lang: options.lang,
      sourceSheet: read.sheet.name,
      name,
      ...(read.workbookName ? { workbookName: read.workbookName } : {}),
      ...(options.scoredAt ? { scoredAt: options.scoredAt } : {}),
    });
    plan.summary = withProps(content, { existing });
  }
  return { run, plan, warnings };
}

/** Scores the sheet a host read, and plans the fills, the summary sheet and the stored state (both stages). */
export function runScoring(read: HostRead, criteria: CriteriaSet, options: ScoringOptions): { run: ScoreRun; plan: WritePlan; warnings: Issue[] } {
  return scoreRead(read, mapRead(read, criteria), criteria, options);
}

/** "Xóa màu": restores the original fills of the cells the product coloured on this sheet. */
export function runClear(read: HostRead): { plan: WritePlan; kept: string[] } {
  const clear = planClear(read.sheet.name, read.sheet.fills ?? new Map(), read.state);
  // A damaged state restores nothing and is left as it is.
  const keep = read.stateRead?.status === 'damaged' ? { keepState: true } : {};
  return { plan: { sheet: read.sheet.name, fills: [], restore: clear.restore, state: clear.state, ...keep }, kept: clear.kept };
}

/** Stores a mapping a person fixed by hand, for the next run. */
export function withSavedMapping(state: WorkbookState | null, sheet: string, saved: SavedMapping): WorkbookState {
  return withMapping(state ?? emptyState(), sheet, saved);
}

/** The state with a sheet's mapping stored (an own property, whatever the sheet's name). */
function withMapping(s: WorkbookState, sheet: string, saved: unknown): WorkbookState {
  const mappings = copyMap(s.mappings);
  setOwn(mappings, sheet, saved);
  return withProps(s, { mappings });
}
