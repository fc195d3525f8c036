/**
 * mapSheet: the layout recognised (the template, else the appendix), its rows placed on indicators,
 * a saved mapping laid over the result, and every indicator accounted for. See index.ts. Pure.
 */
import { CriteriaSet } from '../criteria';
import { SheetSnapshot, toA1 } from '../snapshot';
import { cleanText } from '../text';
import { AppendixLayout, detectAppendix, scoredColumns } from './appendix-layout';
import { buildBlocks } from './blocks';
import { CriteriaIndex, indexCriteria } from './criteria-index';
import { assignFields, computeStats } from './fields';
import { SheetView, viewOf } from './grid';
import { CLAIM_FLOOR, Claim, claimFor, newMatchCache } from './matching';
import { own, record } from './records';
import { parseSavedMapping } from './saved-mapping';
import { detectTemplate, mapTemplate } from './template-layout';
import { IndicatorPlacement, Mapping, SavedMapping } from './types';

function emptyMapping(view: SheetView, criteria: CriteriaSet, layout: Mapping['layout']): Mapping {
  return {
    criteriaId: criteria.id,
    criteriaVersion: criteria.version,
    sheet: view.name,
    layout,
    placements: record<IndicatorPlacement>(),
    unplaced: [],
    conflicts: [],
  };
}

function mapAppendix(view: SheetView, index: CriteriaIndex, layout: AppendixLayout): Pick<Mapping, 'placements' | 'conflicts'> {
  const blocks = buildBlocks(view, index, layout);
  const claims = new Map<string, Claim[]>();
  const cache = newMatchCache();
  for (const block of blocks) {
    const claim = claimFor(index, block, cache);
    if (!claim || claim.confidence < CLAIM_FLOOR) continue;
    const list = claims.get(claim.id);
    if (list) list.push(claim);
    else claims.set(claim.id, [claim]);
  }
  const data = scoredColumns(layout);
  const stats = computeStats(view, blocks, data);
  const placements = record<IndicatorPlacement>();
  const conflicts: Mapping['conflicts'] = [];
  for (const [id, list] of claims) {
    if (list.length > 1) {
      conflicts.push({ id, rows: list.map((c) => c.block.rows[0]!) });
      continue;
    }
    const claim = list[0]!;
    const indicator = index.byId.get(id)!.indicator;
    const { fields, trendPairs } = assignFields(view, claim.block, indicator, data, stats, layout.years);
    const placement: IndicatorPlacement = {
      id,
      row: claim.block.rows[0]!,
      confidence: Math.round(claim.confidence * 1000) / 1000,
      method: claim.method,
      fields,
      rows: claim.block.rows.slice(),
    };
    if (trendPairs) placement.trendPairs = trendPairs;
    const note = layout.col.note;
    if (note !== undefined && !layout.data.includes(note)) placement.noteCells = claim.block.rows.map((r) => toA1(r, note));
    if (claim.block.responsible) {
      placement.responsible = claim.block.responsible;
      if (claim.block.responsibleCell) placement.responsibleCell = claim.block.responsibleCell;
    }
    placements[id] = placement;
  }
  return { placements, conflicts };
}

/**
 * Maps a sheet onto the criteria. Whatever the sheet holds (an empty, odd or hostile snapshot), it
 * maps what it can and lists the rest as unplaced; a saved mapping that is not one is ignored. A bug
 * in the mapper throws: it is not passed off as a sheet that maps nothing.
 */
export function mapSheet(sheet: SheetSnapshot, criteria: CriteriaSet, saved?: SavedMapping): Mapping {
  const view = viewOf(sheet);
  const index = indexCriteria(criteria, view);
  const template = detectTemplate(view);
  let mapping: Mapping;
  if (template) {
    mapping = emptyMapping(view, criteria, 'template');
    const result = mapTemplate(view, index, template);
    mapping.placements = result.placements;
    mapping.conflicts = result.conflicts;
    if (result.header) mapping.header = result.header;
  } else {
    mapping = emptyMapping(view, criteria, 'appendix');
    const layout = detectAppendix(view, index);
    if (layout) {
      const result = mapAppendix(view, index, layout);
      mapping.placements = result.placements;
      mapping.conflicts = result.conflicts;
    }
  }
  if (saved !== undefined) applySaved(mapping, view, index, criteria, saved);
  const placed = new Set(Object.keys(mapping.placements));
  const conflicted = new Set(mapping.conflicts.map((c) => c.id));
  mapping.unplaced = index.placed.map((p) => p.indicator.id).filter((id) => !placed.has(id) && !conflicted.has(id));
  mapping.conflicts.sort((a, b) => (a.rows[0] ?? 0) - (b.rows[0] ?? 0));
  return mapping;
}

function applySaved(mapping: Mapping, view: SheetView, index: CriteriaIndex, criteria: CriteriaSet, input: SavedMapping): void {
  const saved = parseSavedMapping(input);
  if (!saved || saved.criteriaId !== criteria.id) return;
  if (cleanText(saved.sheet).toLowerCase() !== cleanText(view.name).toLowerCase()) return;
  const savedCells = new Set<string>();
  const savedIds = new Set<string>();
  for (const [id, p] of Object.entries(saved.placements)) {
    if (!index.byId.has(id)) continue;
    savedIds.add(id);
    for (const cells of Object.values(p.fields)) for (const c of cells) savedCells.add(c);
  }
  // Automatic placements that fall on a saved one's cells give way to it.
  for (const [id, p] of Object.entries(mapping.placements)) {
    if (savedIds.has(id)) continue;
    if (Object.values(p.fields).some((cells) => cells.some((c) => savedCells.has(c)))) delete mapping.placements[id];
  }
  mapping.conflicts = mapping.conflicts.filter((c) => !savedIds.has(c.id));
  for (const id of savedIds) {
    const p = saved.placements[id]!;
    const auto = own(mapping.placements, id);
    const placement: IndicatorPlacement = { id, row: p.row, confidence: 1, method: p.method === 'manual' ? 'manual' : 'saved', fields: p.fields };
    if (p.trendPairs) placement.trendPairs = p.trendPairs;
    if (auto && auto.row === p.row) {
      if (auto.responsible !== undefined) placement.responsible = auto.responsible;
      if (auto.responsibleCell !== undefined) placement.responsibleCell = auto.responsibleCell;
      if (auto.statusCell !== undefined) placement.statusCell = auto.statusCell;
      if (auto.rows !== undefined) placement.rows = auto.rows;
      if (auto.noteCells !== undefined) placement.noteCells = auto.noteCells;
    }
    mapping.placements[id] = placement;
  }
}

