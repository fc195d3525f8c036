/**
 * Live checking while a person types: from the cells that changed to the indicators to re-read
 * and re-score, and back to a run with only those indicators replaced. Pure.
 */
import { CriteriaSet } from './criteria';
import { Mapping, readEntries } from './mapping';
import { ScoreRun } from './pipeline';
import { CellContent } from './read';
import { scoreIndicator, indicatorsInIdOrder } from './score';
import { CellArea, SheetSnapshot, parseA1 } from './snapshot';
import { summarise } from './summary';
import { scopeResults } from './scope';
import { withProps } from './objects';

/** "B7", "B7:D9", "$B$7:$D$9", "Sheet1!B7:D9", or several joined by commas → areas (0-based, inclusive). */
export function parseRangeAddress(address: string): CellArea[] {
  const areas: CellArea[] = [];
  for (const part of address.split(',')) {
    const local = part.includes('!') ? part.slice(part.lastIndexOf('!') + 1) : part;
    const [a, b] = local.trim().split(':');
    const start = a ? parseA1(a) : null;
    const end = b ? parseA1(b) : start;
    if (!start || !end) continue;
    areas.push({ top: Math.min(start.row, end.row), left: Math.min(start.col, end.col), bottom: Math.max(start.row, end.row), right: Math.max(start.col, end.col) });
  }
  return areas;
}

/** Every cell a placement reads (value cells, trend pair cells). */
function placementCells(mapping: Mapping, id: string): string[] {
  const p = mapping.placements[id];
  if (!p) return [];
  const cells: string[] = [];
  for (const list of Object.values(p.fields)) cells.push(...list);
  for (const pair of Object.values(p.trendPairs ?? {})) {
    if (pair.previous) cells.push(pair.previous);
    if (pair.current) cells.push(pair.current);
  }
  return cells;
}

/** The indicators whose cells intersect the changed range, in id order. */
export function affectedIndicators(mapping: Mapping, changedAddress: string): string[] {
  const areas = parseRangeAddress(changedAddress);
  if (!areas.length) return [];
  const hit = (cell: string) => {
    const p = parseA1(cell);
    return !!p && areas.some((a) => p.row >= a.top && p.row <= a.bottom && p.col >= a.left && p.col <= a.right);
  };
  return Object.keys(mapping.placements)
    .filter((id) => placementCells(mapping, id).some(hit))
    .sort();
}

/** The cells to re-read for some indicators (what the host loads in its one batch). */
export function indicatorCells(mapping: Mapping, ids: readonly string[]): string[] {
  const set = new Set<string>();
  for (const id of ids) for (const c of placementCells(mapping, id)) set.add(c);
  return [...set];
}

/** A copy of the snapshot with some cells replaced (rows copied on write; the original is untouched). */
export function patchSnapshot(sheet: SheetSnapshot, updates: Readonly<Record<string, CellContent>>): SheetSnapshot {
  const cells = sheet.cells.slice();
  const copied = new Set<number>();
  for (const [address, content] of Object.entries(updates)) {
    const p = parseA1(address);
    if (!p) continue;
    const r = p.row - sheet.origin.row;
    const c = p.col - sheet.origin.col;
    if (r < 0 || c < 0) continue;
    while (cells.length <= r) cells.push([]);
    if (!copied.has(r)) {
      cells[r] = (cells[r] ?? []).slice();
      copied.add(r);
    }
    const row = cells[r]!;
    while (row.length <= c) row.push(null);
    row[c] = content;
  }
  return withProps(sheet, { cells });
}

/** Re-reads and re-scores only the given indicators, keeping every other result of the run. */
export function rescore(run: ScoreRun, sheet: SheetSnapshot, criteria: CriteriaSet, ids: readonly string[]): ScoreRun {
  if (!ids.length) return run;
  const wanted = new Set(ids);
  const placements: Mapping['placements'] = {};
  for (const id of ids) if (run.mapping.placements[id]) placements[id] = run.mapping.placements[id]!;
  const fresh = readEntries(sheet, withProps(run.mapping, { placements }), criteria);
  const entries = new Map(run.entries);
  for (const [id, entry] of fresh) entries.set(id, entry);
  const byId = new Map(indicatorsInIdOrder(criteria).map((i) => [i.id, i]));
  const rescored = run.results.map((r) => (wanted.has(r.id) && byId.has(r.id) ? scoreIndicator(byId.get(r.id)!, entries.get(r.id), criteria) : r));
  // The run's scope holds: a re-checked indicator of another party stays outside it.
  const results = scopeResults(rescored, run.scope ?? null);
  return { mapping: run.mapping, entries, results, summary: summarise(criteria, results, run.scope ?? null), scope: run.scope ?? null };
}
