/** What a mapping is: which cells hold which field of which indicator, and how sure the match is. */

/** How a placement was found: by the template's id, by criterion code and order, by text, or from a saved (or hand-made) mapping. */
export const MATCH_METHODS = ['template-id', 'code-order', 'text', 'saved', 'manual'] as const;
export type MatchMethod = (typeof MATCH_METHODS)[number];

export interface IndicatorPlacement {
  id: string;
  /** 0-based sheet row where the indicator's row (or first field row) starts. */
  row: number;
  /** 0..1: 1 for an exact id match; lower for text similarity. */
  confidence: number;
  method: MatchMethod;
  /** Field key → the A1 addresses its value is read from (several for a choice printed across cells). */
  fields: Record<string, string[]>;
  /** Trend field key → the cells of last year's and this year's figures, when the sheet has them. */
  trendPairs?: Record<string, { previous?: string; current?: string }>;
  /** The responsible party the row names, and its cell. */
  responsible?: string;
  responsibleCell?: string;
  /** The cell where the product may write the status text (template layout), if any. */
  statusCell?: string;
  /** 0-based sheet rows the indicator's block spans (appendix layout), first to last. */
  rows?: number[];
  /** The cells of the sheet's notes column on the indicator's rows ("Ghi chú", "Notes"), when it has one. */
  noteCells?: string[];
}

export interface Mapping {
  criteriaId: string;
  criteriaVersion: string;
  sheet: string;
  layout: 'template' | 'appendix';
  placements: Record<string, IndicatorPlacement>;
  /** Indicator ids that could not be placed. */
  unplaced: string[];
  /** Indicator ids claimed by several rows (0-based sheet rows); never guessed. */
  conflicts: Array<{ id: string; rows: number[] }>;
  /** Header block of a template (city, year, department, contact), when present. */
  header?: Partial<Record<'city' | 'year' | 'department' | 'contact', string>>;
}

/** A mapping as saved in a workbook and reused on the next run (or edited by hand in the pane). */
export interface SavedMapping {
  version: 1;
  criteriaId: string;
  sheet: string;
  placements: Record<string, Pick<IndicatorPlacement, 'fields' | 'trendPairs' | 'row'> & { method?: MatchMethod }>;
}

/** Below this, a match is reported as unsure ('low-confidence'). */
export const LOW_CONFIDENCE = 0.8;
