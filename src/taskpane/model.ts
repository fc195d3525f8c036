/** What the pane shows, computed from a scoring run: lookups, filters, counts, mapping edits. Pure. */
import type { CriteriaSet, Indicator } from '../core/criteria';
import { PlacedIndicator, listIndicators } from '../core/criteria-model';
import type { IndicatorPlacement, SavedMapping } from '../core/mapping';
import type { IndicatorResult } from '../core/score';
import { STATUSES, Status } from '../core/status';
import { columnName, parseA1 } from '../core/snapshot';
import { Lang } from '../i18n/format';
import { compareVietnamese } from './vietnamese-order';

export { STATUSES };
export type { Status };

/** Every indicator of the criteria set, with its place in it, by id. */
export type IndicatorIndex = Map<string, PlacedIndicator>;

export function indexIndicators(criteria: CriteriaSet): IndicatorIndex {
  return new Map(listIndicators(criteria).map((p) => [p.indicator.id, p]));
}

export interface Filters {
  /** Statuses to show; empty shows every status. */
  statuses: Status[];
  /** Responsible party (canonical name), or '' for all. */
  party: string;
  /** Standard code ("1.2"), or '' for all. */
  standard: string;
}

export const NO_FILTERS: Filters = { statuses: [], party: '', standard: '' };

export function isFiltered(f: Filters): boolean {
  return f.statuses.length > 0 || f.party !== '' || f.standard !== '';
}

export function applyFilters(results: readonly IndicatorResult[], filters: Filters, index: IndicatorIndex): IndicatorResult[] {
  return results.filter((r) => {
    if (filters.statuses.length && !filters.statuses.includes(r.status)) return false;
    if (filters.party && r.responsible !== filters.party) return false;
    if (filters.standard && index.get(r.id)?.standard.code !== filters.standard) return false;
    return true;
  });
}

/** Problems first: invalid, unmet, missing, then met; code order within a status (the sort is stable). */
const PROBLEM_RANK: Record<Status, number> = { invalid: 0, unmet: 1, missing: 2, met: 3 };
export function problemsFirst(results: readonly IndicatorResult[]): IndicatorResult[] {
  return [...results].sort((a, b) => PROBLEM_RANK[a.status] - PROBLEM_RANK[b.status]);
}

/** The indicators the headline and counts speak of: the party and standard filters, not the status toggles. */
export function populationOf(results: readonly IndicatorResult[], filters: Filters, index: IndicatorIndex): IndicatorResult[] {
  return applyFilters(results, { ...filters, statuses: [] }, index);
}

/** Who the headline speaks of when a filter narrows the population ("Sở Y tế", "1.2", "Sở Y tế · 1.2"), else ''. */
export function populationName(filters: Filters): string {
  return [filters.party, filters.standard].filter(Boolean).join(' · ');
}

/** Responsible parties: those the results name, else those the criteria name; in Vietnamese order. */
export function partiesOf(results: readonly IndicatorResult[], criteria: CriteriaSet): string[] {
  const names = results.length ? results.map((r) => r.responsible) : listIndicators(criteria).map((p) => p.indicator.responsible);
  // Not localeCompare(…, 'vi'): building ICU's Vietnamese collator costs ≈ 20 ms of the pane's first render.
  return [...new Set(names)].sort(compareVietnamese);
}

export function standardsOf(criteria: CriteriaSet): Array<{ code: string; title: string; titleEn: string }> {
  const out: Array<{ code: string; title: string; titleEn: string }> = [];
  for (const area of criteria.areas) for (const s of area.standards) out.push({ code: s.code, title: s.title, titleEn: s.titleEn });
  return out;
}

/** At most this many cells are taken from a selection for one field. */
export const MAX_ASSIGNED_CELLS = 40;

/**
 * Plain A1 cell addresses from what a host reports as selected: "B7", "$B$7", "B7:C9",
 * "'Phụ lục'!B7:B8", comma-separated areas. Sheet prefixes are removed; ranges are expanded
 * (row by row) up to MAX_ASSIGNED_CELLS cells.
 */
export function expandAddresses(addresses: readonly string[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const push = (a: string) => {
    if (!seen.has(a) && out.length < MAX_ASSIGNED_CELLS) {
      seen.add(a);
      out.push(a);
    }
  };
  for (const raw of addresses) {
    for (const part of raw.split(',')) {
      const bare = part.includes('!') ? part.slice(part.lastIndexOf('!') + 1) : part;
      const [from, to] = bare.replace(/\$/g, '').trim().toUpperCase().split(':');
      const a = from ? parseA1(from) : null;
      if (!a) continue;
      const b = to ? parseA1(to) : a;
      if (!b) continue;
      for (let r = Math.min(a.row, b.row); r <= Math.max(a.row, b.row); r++)
        for (let c = Math.min(a.col, b.col); c <= Math.max(a.col, b.col); c++) push(`${columnName(c)}${r + 1}`);
    }
  }
  return out;
}

/** Cells among `cells` that another field (of this indicator or another) is read from now: who owns which. */
export function cellOwners(saved: SavedMapping, id: string, fieldKey: string, cells: readonly string[]): Array<{ id: string; field: string; cell: string }> {
  const wanted = new Set(cells);
  const out: Array<{ id: string; field: string; cell: string }> = [];
  for (const [other, placement] of Object.entries(saved.placements))
    for (const [field, list] of Object.entries(placement.fields)) {
      if (other === id && field === fieldKey) continue;
      for (const cell of list) if (wanted.has(cell)) out.push({ id: other, field, cell });
    }
  return out;
}

/**
 * The saved mapping with one field of one indicator pointed at the given cells (by hand). One
 * owner per cell: the cells are taken from any other field that was read from them.
 */
export function assignCells(saved: SavedMapping, id: string, fieldKey: string, cells: readonly string[]): SavedMapping {
  const taken = new Set(cells);
  const placements: SavedMapping['placements'] = {};
  for (const [other, placement] of Object.entries(saved.placements)) {
    const fields: Record<string, string[]> = {};
    for (const [field, list] of Object.entries(placement.fields)) {
      const kept = other === id && field === fieldKey ? list : list.filter((c) => !taken.has(c));
      // A field left with no cell is dropped (a saved mapping lists at least one cell per field).
      if (kept.length) fields[field] = kept;
    }
    placements[other] = { ...placement, fields };
  }
  saved = { ...saved, placements };
  const rows = cells.map((c) => parseA1(c)?.row).filter((r): r is number => r !== undefined);
  const old = saved.placements[id];
  const placement: SavedMapping['placements'][string] = {
    row: old?.row ?? (rows.length ? Math.min(...rows) : 0),
    fields: { ...(old?.fields ?? {}), [fieldKey]: [...cells] },
    method: 'manual',
  };
  if (old?.trendPairs) placement.trendPairs = old.trendPairs;
  return { ...saved, placements: { ...saved.placements, [id]: placement } };
}

/** A field's name for the person: its label, or "Số liệu" when the indicator has one unnamed field ("%"). */
export function fieldName(indicator: Indicator, key: string, lang: Lang, valueWord: string): string {
  const field = indicator.fields.find((f) => f.key === key);
  if (!field) return key;
  if (indicator.fields.length === 1 && (field.label === field.unit || field.label === '%' || !field.label.trim())) return valueWord;
  const label = lang === 'en' ? field.labelEn ?? field.label : field.label;
  const group = lang === 'en' ? field.groupEn ?? field.group : field.group;
  return group ? `${label} (${group})` : label;
}

/** The cells each field of an indicator is read from, per the run's mapping. */
export function fieldCells(placement: IndicatorPlacement | undefined, key: string): string[] {
  return placement?.fields[key] ?? [];
}
