/**
 * The consolidated results as they sit in a master sheet (moved from cli/consolidate.ts so the
 * add-in and the command line share it). Pure.
 */
import { Consolidation, SourcedFieldEntry } from './consolidate';
import { Issue } from './issues';
import { CURRENT_SUFFIX, PREVIOUS_SUFFIX } from './layout';
import { FieldEntry, IndicatorEntry, IndicatorResult } from './score';
import { TemplateSheet } from './template';
import { withProps } from './objects';

type Located = Issue & { source?: { return: string; cell: string } };

/** The slots of an entry (field keys, and `key@previous` / `key@current` of trend pairs) with their field entries. */
function slotsOf(entry: IndicatorEntry): Array<[string, FieldEntry]> {
  const out: Array<[string, FieldEntry]> = [];
  for (const [key, fe] of Object.entries(entry.fields)) if (fe) out.push([key, fe]);
  for (const [key, pair] of Object.entries(entry.trendPairs ?? {})) {
    if (pair?.previous) out.push([key + PREVIOUS_SUFFIX, pair.previous]);
    if (pair?.current) out.push([key + CURRENT_SUFFIX, pair.current]);
  }
  return out;
}

/**
 * The consolidated results as they sit in the master sheet: `cells` are the master's value cells
 * (the merged readings point into the returns), and an issue found in a return points at the
 * master's cell for its field, keeping the return's cell as `source`. Pure.
 */
export function locateInMaster(results: readonly IndicatorResult[], c: Consolidation, master: TemplateSheet): IndicatorResult[] {
  return results.map((r) => {
    const entry = c.entries.get(r.id);
    const masterCells = master.valueCells[r.id];
    if (!entry || !entry.mapped || !masterCells) return withProps(r, { cells: [] });
    const slots = slotsOf(entry);
    const filled = new Set(slots.map(([k]) => k));
    const cells = Object.entries(masterCells)
      .filter(([k]) => filled.has(k))
      .map(([, a]) => a);
    const issues = r.issues.map((issue): Issue => {
      if (issue.cell === undefined) return issue;
      const matches = slots.filter(([, fe]) => fe.cells.includes(issue.cell!));
      const [key, fe] = matches.find(([k]) => k === issue.field) ?? matches[0] ?? [issue.field, undefined];
      const source = fe && 'source' in fe ? (fe as SourcedFieldEntry).source : undefined;
      const conflict = source?.conflict ? c.conflicts.find((x) => x.id === r.id && x.field === key) : undefined;
      const from = conflict?.values.find((v) => v.cell === issue.cell)?.return ?? source?.return;
      const at = key !== undefined ? masterCells[key] : undefined;
      const { cell, ...rest } = issue;
      const located: Located = at !== undefined ? withProps(rest, { cell: at }) : { ...rest };
      if (from !== undefined) located.source = { return: from, cell };
      return located;
    });
    return withProps(r, { cells, issues });
  });
}

