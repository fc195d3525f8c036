/// <reference types="office-js" />
/**
 * One async function per user action, as the task pane and the ribbon command call them:
 * read (one batch) → the pure pipeline → apply (one batch). What each cost is returned.
 */
import { CriteriaSet } from '../../core/criteria';
import { HostRead, ScoreRun, WritePlan, runClear, runScoring } from '../../core/pipeline';
import type { Issue } from '../../core/issues';
import { Lang } from '../../i18n/format';
import { OfficeActionError, recordOutcome } from './errors';
import { OfficeHost, OfficeHostStats } from './host';

/** The host calls one action made: syncs (by kind) and write calls. */
export type ActionCounts = OfficeHostStats;

function delta(before: OfficeHostStats, after: OfficeHostStats): ActionCounts {
  const out = { ...after };
  for (const k of Object.keys(out) as Array<keyof OfficeHostStats>) out[k] = after[k] - before[k];
  return out;
}

export interface ScoreOptions {
  /** The sheet to score (default: the active sheet). */
  sheet?: string;
  /** Write the summary sheet (default true). */
  summary?: boolean;
  /** Colour the value cells (default true). */
  colour?: boolean;
}

export interface ScoreResult {
  read: HostRead;
  run: ScoreRun;
  plan: WritePlan;
  counts: ActionCounts;
  /** What the person should know about the run (a protected sheet, not coloured: 'sheet-protected'). */
  warnings: Issue[];
}

/** "Chấm điểm": scores a sheet, colours its value cells, writes the summary sheet. */
export async function scoreWorkbook(host: OfficeHost, criteria: CriteriaSet, lang: Lang, options: ScoreOptions = {}): Promise<ScoreResult> {
  const before = { ...host.stats };
  const read = await host.read(options.sheet);
  const { run, plan, warnings } = runScoring(read, criteria, {
    lang,
    ...(options.summary !== undefined ? { summary: options.summary } : {}),
    ...(options.colour !== undefined ? { colour: options.colour } : {}),
  });
  await host.apply(plan);
  return { read, run, plan, counts: delta(before, host.stats), warnings };
}

export interface ClearResult {
  read: HostRead;
  plan: WritePlan;
  /** Cells the person recoloured after scoring: left as they are. */
  kept: string[];
  counts: ActionCounts;
}

/** "Xóa màu": gives the coloured cells of a sheet their original fills back. */
export async function clearColours(host: OfficeHost, options: { sheet?: string } = {}): Promise<ClearResult> {
  const before = { ...host.stats };
  const read = await host.read(options.sheet);
  const { plan, kept } = runClear(read);
  if (read.sheet.protected && plan.restore.length) {
    // Excel would refuse the first fill: say why, before writing anything.
    const e = new OfficeActionError('SheetProtected', `the sheet ${read.sheet.name} is protected`, { sheet: read.sheet.name });
    recordOutcome(e, 'unchanged');
    throw e;
  }
  await host.apply(plan);
  return { read, plan, kept, counts: delta(before, host.stats) };
}
