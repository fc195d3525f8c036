/**
 * A run's mapping as it is stored in the workbook: plain data, reused on the next run. Free of the
 * mapper and of zod, so the task pane can save a hand-fixed mapping without loading either.
 */
import { record } from './records';
import { Mapping, SavedMapping } from './types';

/** A mapping in the form saved in a workbook. */
export function saveMapping(mapping: Mapping): SavedMapping {
  const placements = record<SavedMapping['placements'][string]>();
  for (const id of Object.keys(mapping.placements)) {
    const p = mapping.placements[id]!;
    const fields = record<string[]>();
    for (const key of Object.keys(p.fields)) fields[key] = [...p.fields[key]!];
    // Once stored, a placement is a saved one (only a hand-made one stays 'manual'), so storing the
    // mapping of a run that reused it gives the same state: scoring twice equals scoring once.
    const out: SavedMapping['placements'][string] = { row: p.row, fields, method: p.method === 'manual' ? 'manual' : 'saved' };
    if (p.trendPairs) {
      const pairs = record<{ previous?: string; current?: string }>();
      for (const key of Object.keys(p.trendPairs)) {
        const pair = p.trendPairs[key]!;
        const copy: { previous?: string; current?: string } = {};
        if (pair.previous !== undefined) copy.previous = pair.previous;
        if (pair.current !== undefined) copy.current = pair.current;
        pairs[key] = copy;
      }
      out.trendPairs = pairs;
    }
    placements[id] = out;
  }
  return { version: 1, criteriaId: mapping.criteriaId, sheet: mapping.sheet, placements };
}
