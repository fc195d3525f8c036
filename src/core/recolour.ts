/**
 * Which colour records and fills stay true after the workbook changed under the product: what a
 * live check recolours (only cells whose status colour changed), whether a sheet holds the
 * product's colours at all, and the state that matches the fills after an apply that failed
 * part-way. Pure: hosts read the fills and write what these return.
 */
import { Issue, makeIssue } from './issues';
import { FillGroup, STATUS_FILL, WorkbookState, planColouring, sameFill } from './plan';
import type { IndicatorResult } from './score';
import type { Fills } from './snapshot';

/** Does the state record product colours on this sheet (scored and not cleared since)? */
export function productColoured(state: WorkbookState | null, sheet: string): boolean {
  return !!state && Object.keys(state.colours[sheet] ?? {}).length > 0;
}

export interface LiveColouring {
  /** The fills to write with the state, or null when nothing is written. */
  write: { groups: FillGroup[]; state: WorkbookState } | null;
  /** What the person should know ('sheet-protected': the sheet cannot be recoloured). */
  warnings: Issue[];
}

/**
 * What a live check recolours after re-scoring some indicators: nothing unless `colour` is on and
 * the sheet holds the product's colours (after "Xóa màu" results update, the sheet stays
 * uncoloured); nothing on a protected sheet (a warning instead); otherwise only the cells whose
 * status colour changed, or that were never coloured. A cell whose status did not change is never
 * rewritten, so a fill a person gave it by hand stays.
 */
export function planLiveColouring(
  sheet: string,
  results: readonly IndicatorResult[],
  fills: Fills,
  state: WorkbookState | null,
  options: { colour: boolean; protected: boolean },
): LiveColouring {
  if (!options.colour || !productColoured(state, sheet)) return { write: null, warnings: [] };
  if (options.protected) return { write: null, warnings: [makeIssue('sheet-protected', { sheet })] };
  const records = state!.colours[sheet]!;
  const changed = results
    .map((r) => ({ status: r.status, cells: r.cells.filter((c) => records[c]?.applied.toUpperCase() !== STATUS_FILL[r.status].toUpperCase()) }))
    .filter((x) => x.cells.length > 0);
  if (!changed.length) return { write: null, warnings: [] };
  const plan = planColouring(sheet, changed, fills, state);
  return { write: { groups: plan.groups, state: plan.state }, warnings: [] };
}

/**
 * The colouring state that matches the workbook after an apply that failed part-way: for every
 * cell the current state, the plan or the state before the run knows on `sheet`, keep the record
 * whose applied colour the cell shows now (the plan's first, then the earlier one); a cell
 * showing neither holds no product colour, so it has nothing to restore and no record.
 * `fills` is null when the sheet is gone: its records are dropped (nothing of it can be restored).
 * Other sheets' records and every saved mapping stay as `current` has them.
 */
export function reconcileColours(
  sheet: string,
  current: WorkbookState,
  planned: WorkbookState,
  before: WorkbookState | null,
  fills: Fills | null,
): WorkbookState {
  const next: WorkbookState = JSON.parse(JSON.stringify(current)) as WorkbookState;
  if (fills === null) {
    delete next.colours[sheet];
    return next;
  }
  const sources = [planned.colours[sheet] ?? {}, current.colours[sheet] ?? {}, before?.colours[sheet] ?? {}];
  const addresses = new Set<string>();
  for (const s of sources) for (const a of Object.keys(s)) addresses.add(a);
  const records: WorkbookState['colours'][string] = {};
  for (const address of [...addresses].sort()) {
    const fill = fills.get(address);
    for (const s of sources) {
      const rec = Object.prototype.hasOwnProperty.call(s, address) ? s[address] : undefined;
      if (rec && sameFill(fill, rec.applied)) {
        records[address] = rec;
        break;
      }
    }
  }
  if (Object.keys(records).length) next.colours[sheet] = records;
  else delete next.colours[sheet];
  return next;
}
