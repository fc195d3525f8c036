/**
 * Mapping a sheet, as a department typed it, onto the criteria model: which cells hold which
 * field of which indicator, and how sure the match is. Pure.
 *
 * Two layouts are understood:
 * - the project's own template (src/core/layout.ts): matched exactly by indicator id and field key;
 * - the appendix as printed ("Phụ lục — PHÂN CÔNG NHIỆM VỤ") and as departments retype it: found by
 *   its header words (or, failing those, by what its columns hold), then indicator by indicator by
 *   the criterion's code, the indicator's order under it and the similarity of its text; the
 *   sub-fields by their printed labels ("Nam", "Hộ cận nghèo", …) with the value beside them.
 *
 * How sure a match is (IndicatorPlacement.confidence):
 * - template: id and field key typed in their columns → 1 ('template-id');
 * - appendix, under a known criterion code: 0.55 + 0.45 × text similarity, + 0.2 when the row is
 *   in the indicator's order under its criterion (capped at 1; 'code-order', or 'text' when out
 *   of order). Out of order, a row claims an indicator only if its text resembles it (≥ 0.35);
 * - appendix, no usable code: the text similarity itself ('text'), when ≥ 0.5 and clearly
 *   better than the runner-up;
 * - text similarity: token Dice over foldWords (diacritics, case, spacing and punctuation
 *   ignored), or, for an abbreviated text, how much of it lies in the indicator's text or short form.
 * Below 0.8 a placement is reported as unsure; an indicator two rows claim is a conflict, not placed.
 */
import { CriteriaSet, Criterion, Field, Indicator, listIndicators, PlacedIndicator } from './criteria';
import { Issue, makeIssue } from './issues';
import { CURRENT_SUFFIX, PREVIOUS_SUFFIX, TEMPLATE_COL, TEMPLATE_COLUMNS, TEMPLATE_HEADER, TEMPLATE_MARKER, TemplateColumn, TemplateHeaderKey } from './layout';
import { CellContent, FieldSpec, Reading, isPrintedChoice, readField, readFieldFromCells } from './read';
import { FieldEntry, IndicatorEntry } from './score';
import { SheetSnapshot, WorkbookSnapshot, parseA1, toA1 } from './snapshot';
import { cleanText } from './text';
import { SheetView, contentText, isBlankContent, overlap, similarity, tokens } from './mapping-grid';
import { z } from 'zod';

export type MatchMethod = 'template-id' | 'code-order' | 'text' | 'saved' | 'manual';

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
/** Below this, a row does not claim an indicator at all. */
const CLAIM_FLOOR = 0.5;
/** The widest data area the mapper reads (columns). */
const MAX_DATA_WIDTH = 64;
/** Rows searched for a header. */
const HEADER_SCAN = 300;
/** Columns searched for a header or guessed from their content. */
const SCAN_WIDTH = 256;

function scanRight(view: SheetView): number {
  return Math.min(view.right, view.left + SCAN_WIDTH - 1);
}

// ---------------------------------------------------------------------------------------------
// Small helpers

/** A record that cannot be polluted through its prototype. */
function record<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}
function own<T>(rec: Record<string, T> | undefined | null, key: string): T | undefined {
  return rec && Object.prototype.hasOwnProperty.call(rec, key) ? rec[key] : undefined;
}

interface CriteriaIndex {
  placed: PlacedIndicator[];
  byId: Map<string, PlacedIndicator>;
  criteria: Map<string, Criterion>;
  /** Criterion code → its title's tokens. */
  criterionTitles: Array<{ code: string; tokens: Set<string> }>;
  /** Id → tokens of its text and of its short form. */
  texts: Map<string, Array<Set<string>>>;
  /** Responsible parties and their aliases, as folded words. */
  parties: Set<string>;
}

const indexCache = new WeakMap<CriteriaSet, CriteriaIndex>();

function indexCriteria(criteria: CriteriaSet, view: SheetView): CriteriaIndex {
  const cached = indexCache.get(criteria);
  if (cached) return cached;
  const placed = listIndicators(criteria);
  const byId = new Map<string, PlacedIndicator>();
  const crit = new Map<string, Criterion>();
  const criterionTitles: CriteriaIndex['criterionTitles'] = [];
  const texts = new Map<string, Array<Set<string>>>();
  for (const p of placed) {
    byId.set(p.indicator.id, p);
    if (!crit.has(p.criterion.code)) {
      crit.set(p.criterion.code, p.criterion);
      criterionTitles.push({ code: p.criterion.code, tokens: tokens(view.words(p.criterion.title)) });
    }
    const t = [tokens(view.words(p.indicator.text))];
    if (p.indicator.short) t.push(tokens(view.words(p.indicator.short)));
    texts.set(p.indicator.id, t);
  }
  const parties = new Set<string>();
  for (const p of placed) parties.add(view.words(p.indicator.responsible));
  for (const [alias, name] of Object.entries(criteria.partyAliases ?? {})) parties.add(view.words(alias)).add(view.words(name));
  const index = { placed, byId, criteria: crit, criterionTitles, texts, parties };
  indexCache.set(criteria, index);
  return index;
}

/** Leading dotted code of a folded text: "1.1.1. bao dam" → "1.1.1"; "3.1.1 su" → "3.1.1". */
function leadingCode(folded: string): string | null {
  const m = /^\s*(?:tieu chi|tieu chuan|chi so)?\s*(\d{1,3}(?:\s*\.\s*\d{1,3}){0,3})(?![\d,])/.exec(folded);
  if (!m) return null;
  return m[1]!.replace(/\s+/g, '');
}

/** An indicator id typed at the start of a text ("1.1.1.a", "1.1.1.a)"). */
function leadingId(folded: string): string | null {
  const m = /^\s*(\d{1,3}\.\d{1,3}\.\d{1,3})\.\s*([a-z])(?![a-z0-9])/.exec(folded);
  return m ? `${m[1]}.${m[2]}` : null;
}

function safeName(s: unknown): string {
  return typeof s === 'string' ? s : '';
}

// ---------------------------------------------------------------------------------------------
// Recognising the layout

type Role = 'stt' | 'standard' | 'criterion' | 'indicator' | 'responsible' | 'data' | 'note' | 'unit';
const MAIN_ROLES: Role[] = ['standard', 'criterion', 'indicator', 'responsible', 'data'];

/** The role a header cell names, from its folded words. */
function headerRole(f: string): Role | null {
  if (!f || f.length > 120) return null;
  const words = f.split(' ');
  if (words.length > 14) return null;
  if (/^(stt|tt|so tt|so thu tu|no|#)$/.test(f)) return 'stt';
  if (/^(ghi chu|note|notes|remarks?)\b/.test(f)) return 'note';
  if (/^(don vi|don vi tinh|dvt|unit|units)$/.test(f)) return 'unit';
  if (/\bma chi so\b|\bindicator id\b|\bma truong\b|\bfield key\b/.test(f)) return null;
  if (/\bchi so\b|\bindicators?\b/.test(f)) return 'indicator';
  if (/\btieu chuan\b|\bstandards?\b/.test(f)) return 'standard';
  if (/\btieu chi\b|\bcriteri(on|a)\b/.test(f)) return 'criterion';
  if (/\bphu trach\b|\bphan cong\b|\bchiu trach nhiem\b|\bchu tri\b|\bresponsib|\bco quan\b/.test(f) || (/\bdon vi\b/.test(f) && words.length >= 3)) return 'responsible';
  if (/\bso lieu\b|\bket qua\b|\bgia tri\b|\bthong ke\b|\bvalues?\b|\bdata\b|\bfigures?\b/.test(f)) return 'data';
  return null;
}

interface AppendixLayout {
  headerRow: number;
  bodyStart: number;
  col: Partial<Record<Role, number>>;
  data: number[];
  score: number;
}

function findHeader(view: SheetView): { row: number; roles: Map<Role, number>; score: number } | null {
  let best: { row: number; roles: Map<Role, number>; score: number } | null = null;
  const last = Math.min(view.bottom, view.top + HEADER_SCAN - 1);
  const right = scanRight(view);
  for (let r = view.top; r <= last; r++) {
    const roles = new Map<Role, number>();
    for (let c = view.left; c <= right; c++) {
      const t = view.text(r, c);
      if (!t) continue;
      const role = headerRole(view.words(t));
      if (role && !roles.has(role)) roles.set(role, c);
    }
    let score = 0;
    for (const role of MAIN_ROLES) if (roles.has(role)) score += 1;
    if (roles.has('stt') || roles.has('note')) score += 0.25;
    const plausible = score >= 3 || (roles.has('indicator') && (roles.has('data') || roles.has('criterion')));
    if (plausible && (!best || score > best.score)) best = { row: r, roles, score };
  }
  return best;
}

function mergesInRow(view: SheetView, row: number): Map<number, { left: number; right: number; bottom: number }> {
  const out = new Map<number, { left: number; right: number; bottom: number }>();
  for (const m of view.merges) {
    if (m.top > row) break;
    if (m.bottom >= row) out.set(m.left, { left: m.left, right: m.right, bottom: m.bottom });
  }
  return out;
}

const PARTY_START =
  /^(ubnd|uy ban nhan dan|cong an|hoi dong|hoi khuyen hoc|hoi lien hiep|danh gia cua|chuyen gia|so (noi vu|y te|tu phap|tai chinh|xay dung|cong thuong|ngoai vu|giao duc|gd|lao dong|ld|van hoa|vh|khoa hoc|kh|ke hoach|tai nguyen|tn|thong tin|tt|giao thong|gtvt|nong nghiep|du lich|quy hoach|dan toc))\b/;

/** Roles the header does not name, guessed from what the columns hold (never a column of the data area). */
function inferColumns(view: SheetView, from: number, col: Partial<Record<Role, number>>, exclude: ReadonlySet<number>, isParty: (words: string) => boolean): void {
  const taken = new Set([...Object.values(col), ...exclude]);
  const width = view.cols;
  const code3 = new Array<number>(width).fill(0);
  const code2 = new Array<number>(width).fill(0);
  const long = new Array<number>(width).fill(0);
  const party = new Array<number>(width).fill(0);
  const last = Math.min(view.bottom, from + 5000);
  const right = scanRight(view);
  // What a text looks like: 3 = a criterion code, 2 = a standard code, 1 = a long text; +4 = a party.
  const kinds = new Map<string, number>();
  for (let r = from; r <= last; r++) {
    for (let c = view.left; c <= right; c++) {
      if (taken.has(c)) continue;
      const content = view.cell(r, c);
      if (!content || typeof content.value !== 'string') continue;
      const t = contentText(content);
      let kind = kinds.get(t);
      if (kind === undefined) {
        const f = view.words(t);
        const code = leadingCode(view.fold(t));
        const levels = code ? code.split('.').length : 0;
        kind = levels === 3 ? 3 : levels === 2 ? 2 : !code && f.split(' ').length >= 6 ? 1 : 0;
        if (isParty(f)) kind += 4;
        if (kinds.size < 100_000) kinds.set(t, kind);
      }
      const i = c - view.left;
      const base = kind & 3;
      if (base === 3) code3[i]!++;
      else if (base === 2) code2[i]!++;
      else if (base === 1) long[i]!++;
      if (kind & 4) party[i]!++;
    }
  }
  const pick = (counts: number[], min: number, prefer?: (c: number) => boolean): number | undefined => {
    let best: number | undefined;
    let bestN = min - 1;
    counts.forEach((n, i) => {
      const c = i + view.left;
      if (taken.has(c)) return;
      if (prefer && !prefer(c)) return;
      if (n > bestN) {
        best = c;
        bestN = n;
      }
    });
    return best;
  };
  const assign = (role: Role, c: number | undefined) => {
    if (c === undefined || col[role] !== undefined) return;
    col[role] = c;
    taken.add(c);
  };
  if (col.criterion === undefined) assign('criterion', pick(code3, 2));
  if (col.standard === undefined) assign('standard', pick(code2, 2, (c) => col.criterion === undefined || c < col.criterion));
  if (col.indicator === undefined) {
    const after = col.criterion;
    assign('indicator', pick(long, 2, (c) => after === undefined || c > after) ?? pick(long, 2));
  }
  if (col.responsible === undefined) assign('responsible', pick(party, 2));
}

function dataArea(view: SheetView, headerRow: number, col: Partial<Record<Role, number>>): number[] {
  const roleCols = new Set<number>();
  for (const [role, c] of Object.entries(col) as Array<[Role, number]>) if (role !== 'unit') roleCols.add(c);
  let start: number | undefined = col.data;
  let end: number | undefined;
  if (start !== undefined && headerRow >= 0) {
    const m = view.mergeAt(headerRow, start);
    if (m && m.right > start) end = m.right;
  }
  if (start === undefined) {
    // Right of the structural columns: the first column no header names.
    const structural = [col.indicator, col.responsible, col.criterion, col.standard].filter((c): c is number => c !== undefined);
    if (!structural.length) return [];
    let c = Math.max(...structural) + 1;
    while (c <= view.right && roleCols.has(c) && c !== col.unit) c++;
    if (c > view.right) return [];
    start = c;
  }
  if (end === undefined) {
    end = start;
    while (end + 1 <= view.right && !roleCols.has(end + 1)) end++;
  }
  if (col.unit !== undefined && col.unit === start - 1) start = col.unit;
  if (col.unit !== undefined && col.unit === end + 1) end = col.unit;
  end = Math.min(end, start + MAX_DATA_WIDTH - 1, view.right);
  const out: number[] = [];
  for (let c = start; c <= end; c++) if (c === col.unit || !roleCols.has(c) || c === col.data) out.push(c);
  return out;
}

function detectAppendix(view: SheetView, index: CriteriaIndex): AppendixLayout | null {
  const isParty = (words: string) => index.parties.has(words) || PARTY_START.test(words);
  if (view.rows === 0 || view.cols === 0) return null;
  const header = findHeader(view);
  const col: Partial<Record<Role, number>> = {};
  let headerRow = -1;
  let bodyStart = view.top;
  let score = 0;
  if (header) {
    headerRow = header.row;
    score = header.score;
    for (const [role, c] of header.roles) col[role] = c;
    // Header cells merged downwards push the body below them; a row of column numbers ("1 2 3 …") is skipped.
    let bottom = headerRow;
    for (const m of mergesInRow(view, headerRow).values()) if (m.bottom > bottom && m.bottom - headerRow < 5) bottom = m.bottom;
    bodyStart = bottom + 1;
    if (bodyStart <= view.bottom && isNumberingRow(view, bodyStart)) bodyStart++;
  }
  let data = col.data !== undefined ? dataArea(view, headerRow, col) : [];
  if (col.criterion === undefined || col.standard === undefined || col.indicator === undefined || col.responsible === undefined) inferColumns(view, bodyStart, col, new Set(data), isParty);
  if (col.indicator === undefined && col.criterion === undefined) return null;
  if (col.data === undefined) data = dataArea(view, headerRow, col);
  return { headerRow, bodyStart, col, data, score };
}

function isNumberingRow(view: SheetView, row: number): boolean {
  let n = 0;
  const right = scanRight(view);
  for (let c = view.left; c <= right; c++) {
    const t = view.text(row, c).trim();
    if (!t) continue;
    if (!/^\(?\d{1,2}\)?$/.test(t)) return false;
    n++;
  }
  return n >= 3;
}

// ---------------------------------------------------------------------------------------------
// Template layout

interface TemplateLayout {
  headerRow: number;
  col: Partial<Record<TemplateColumn, number>>;
}

const TEMPLATE_NAMES: Array<[string, TemplateColumn]> = [];
for (const c of TEMPLATE_COLUMNS) {
  TEMPLATE_NAMES.push([c.vi, c.key], [c.en, c.key]);
}

function detectTemplate(view: SheetView): TemplateLayout | null {
  const marked = hasMarker(view);
  const names = new Map<string, TemplateColumn>();
  for (const [label, key] of TEMPLATE_NAMES) names.set(view.words(label), key);
  const last = Math.min(view.bottom, view.top + HEADER_SCAN - 1);
  const right = scanRight(view);
  for (let r = view.top; r <= last; r++) {
    const col: Partial<Record<TemplateColumn, number>> = {};
    for (let c = view.left; c <= right; c++) {
      const t = view.text(r, c);
      if (!t || t.length > 60) continue;
      const key = names.get(view.words(t));
      if (key && col[key] === undefined) col[key] = c;
    }
    if (col.id !== undefined && col.fieldKey !== undefined && col.value !== undefined) return { headerRow: r, col };
    // Under the marker, a header whose value column was renamed: the canonical position.
    if (col.id !== undefined && col.fieldKey !== undefined && marked) {
      const shift = col.id - TEMPLATE_COL.id;
      const value = TEMPLATE_COL.value + shift;
      if (value >= view.left && value <= view.right && value !== col.id && value !== col.fieldKey) return { headerRow: r, col: { ...col, value } };
    }
  }
  return null;
}

function hasMarker(view: SheetView): boolean {
  const last = Math.min(view.bottom, view.top + 30);
  const marker = TEMPLATE_MARKER.toLowerCase();
  for (let r = view.top; r <= last; r++)
    for (let c = view.left; c <= Math.min(view.right, view.left + 10); c++) {
      const t = view.text(r, c);
      if (t && t.trim().toLowerCase().startsWith(marker)) return true;
    }
  return false;
}

function templateHeader(view: SheetView, headerRow: number): Mapping['header'] {
  const labels = new Map<string, TemplateHeaderKey>();
  for (const h of TEMPLATE_HEADER) labels.set(view.words(h.vi), h.key).set(view.words(h.en), h.key);
  const header: NonNullable<Mapping['header']> = {};
  let found = false;
  const right = scanRight(view);
  for (let r = view.top; r < headerRow; r++) {
    let c = view.left;
    while (c <= right && isBlankContent(view.cell(r, c))) c++;
    if (c > right) continue;
    const key = labels.get(view.words(view.text(r, c)));
    if (!key || header[key] !== undefined) continue;
    let v = c + 1;
    while (v <= right && isBlankContent(view.cell(r, v))) v++;
    if (v > right) continue;
    const value = cleanText(contentText(view.cell(r, v)));
    if (value) {
      header[key] = value;
      found = true;
    }
  }
  return found ? header : undefined;
}

function mapTemplate(view: SheetView, index: CriteriaIndex, layout: TemplateLayout): Pick<Mapping, 'placements' | 'conflicts' | 'header'> {
  const { col } = layout;
  const rowsById = new Map<string, Array<{ row: number; key: string }>>();
  let lastId: string | null = null;
  for (let r = layout.headerRow + 1; r <= view.bottom; r++) {
    const idText = cleanText(view.text(r, col.id!)).replace(/\.$/, '');
    const key = cleanText(view.text(r, col.fieldKey!));
    if (idText) lastId = idText;
    else if (!key) {
      lastId = null;
      continue;
    }
    const id = idText || lastId;
    if (!id || !key || !index.byId.has(id)) continue;
    let list = rowsById.get(id);
    if (!list) rowsById.set(id, (list = []));
    list.push({ row: r, key });
  }
  const placements = record<IndicatorPlacement>();
  const conflicts: Mapping['conflicts'] = [];
  for (const [id, list] of rowsById) {
    const indicator = index.byId.get(id)!.indicator;
    const seen = new Map<string, number[]>();
    for (const { row, key } of list) {
      const rows = seen.get(key);
      if (rows) rows.push(row);
      else seen.set(key, [row]);
    }
    const dup = [...seen.values()].find((rows) => rows.length > 1);
    if (dup) {
      conflicts.push({ id, rows: dup });
      continue;
    }
    const fields = record<string[]>();
    const pairs = record<{ previous?: string; current?: string }>();
    let hasPairs = false;
    const first = list[0]!.row;
    for (const { row, key } of list) {
      const address = toA1(row, col.value!);
      const pair = key.endsWith(PREVIOUS_SUFFIX) ? 'previous' : key.endsWith(CURRENT_SUFFIX) ? 'current' : null;
      if (pair) {
        const base = key.slice(0, key.length - (pair === 'previous' ? PREVIOUS_SUFFIX.length : CURRENT_SUFFIX.length));
        if (!indicator.fields.some((f) => f.key === base && f.kind === 'trend')) continue;
        const p = own(pairs, base) ?? (pairs[base] = {});
        p[pair] = address;
        hasPairs = true;
      } else if (indicator.fields.some((f) => f.key === key)) {
        fields[key] = [address];
      }
    }
    const placement: IndicatorPlacement = { id, row: first, confidence: 1, method: 'template-id', fields, rows: list.map((l) => l.row) };
    if (hasPairs) placement.trendPairs = pairs;
    if (col.responsible !== undefined) {
      for (const { row } of list) {
        const t = cleanText(view.text(row, col.responsible));
        if (t) {
          placement.responsible = t;
          placement.responsibleCell = toA1(row, col.responsible);
          break;
        }
      }
    }
    if (col.status !== undefined) placement.statusCell = toA1(first, col.status);
    placements[id] = placement;
  }
  const header = templateHeader(view, layout.headerRow);
  return header ? { placements, conflicts, header } : { placements, conflicts };
}

// ---------------------------------------------------------------------------------------------
// Appendix layout: blocks of rows, one per indicator

interface Block {
  rows: number[];
  /** Indicator text (as shown, merged areas resolved). */
  text: string;
  tokens: Set<string>;
  /** An indicator id typed in the indicator or STT cell. */
  id: string | null;
  criterion: string | null;
  standard: string | null;
  /** Position among the blocks under the same criterion. */
  order: number;
  responsible?: string;
  responsibleCell?: string;
}

interface ColumnReader {
  text(row: number): string;
  /** Last row of the merged area the row is in (the row itself when not merged). */
  bottomRow(row: number): number;
  /** Row where the value shown at `row` starts (its merged area's top, or the row itself). */
  anchorRow(row: number): number;
  merged(row: number): boolean;
}

function columnReader(view: SheetView, col: number | undefined): ColumnReader | null {
  if (col === undefined) return null;
  const owners = view.ownerColumn(col);
  return {
    text(row) {
      const i = owners ? owners[row - view.top]! : -1;
      if (i >= 0) {
        const m = view.merges[i]!;
        return view.text(m.top, m.left);
      }
      return view.text(row, col);
    },
    anchorRow(row) {
      const i = owners ? owners[row - view.top]! : -1;
      return i >= 0 ? view.merges[i]!.top : row;
    },
    bottomRow(row) {
      const i = owners ? owners[row - view.top]! : -1;
      return i >= 0 ? view.merges[i]!.bottom : row;
    },
    merged(row) {
      const i = owners ? owners[row - view.top]! : -1;
      return i >= 0 && view.merges[i]!.bottom > view.merges[i]!.top;
    },
  };
}

function criterionOf(view: SheetView, index: CriteriaIndex, text: string, cache: Map<string, string | null>): string | null {
  let code = cache.get(text);
  if (code !== undefined) return code;
  const folded = view.fold(text);
  const lead = leadingCode(folded);
  code = null;
  if (lead) {
    const parts = lead.split('.');
    if (parts.length >= 3) {
      const c = parts.slice(0, 3).join('.');
      if (index.criteria.has(c)) code = c;
    }
  } else if (folded.length > 3) {
    // No code: the criterion's title.
    const t = tokens(view.words(text));
    let best = 0;
    for (const ct of index.criterionTitles) {
      const s = similarity(t, ct.tokens);
      if (s > best) {
        best = s;
        code = ct.code;
      }
    }
    if (best < 0.7) code = null;
  }
  cache.set(text, code);
  return code;
}

/** A row that only carries a heading (an area, "1. Những lợi ích …"), merged across or alone in its row. */
function isHeadingRow(view: SheetView, row: number, layout: AppendixLayout): boolean {
  const stats = view.rowStats();
  const i = row - view.top;
  if (stats.count[i] !== 1) return false;
  const first = stats.first[i]!;
  const f = view.fold(view.text(row, first));
  if (!/^\s*(\d{1,2}|[ivx]{1,4})\s*[.)]\s*\D/.test(f) && !/^\s*(tieu chuan|phan|muc|linh vuc)\s+\d/.test(f)) return false;
  const m = view.mergeAt(row, first);
  if (m && m.right > first && m.bottom === row) return true;
  // Not merged across: a heading only if it is not in the indicator, criterion or data columns.
  return first !== layout.col.indicator && !layout.data.includes(first) && first !== layout.col.criterion;
}

function buildBlocks(view: SheetView, index: CriteriaIndex, layout: AppendixLayout): Block[] {
  const ind = columnReader(view, layout.col.indicator);
  const crit = columnReader(view, layout.col.criterion);
  const std = columnReader(view, layout.col.standard);
  const resp = columnReader(view, layout.col.responsible);
  const stt = columnReader(view, layout.col.stt);
  const codeCache = new Map<string, string | null>();
  const rowStats = view.rowStats();
  const blocks: Block[] = [];
  const orders = new Map<string, number>();
  let current: Block | null = null;
  let currentAnchor = -1;
  let criterion: string | null = null;
  let criterionAnchor = -1;
  /** Last row of the current criterion's merged cell (-1 when it is not merged). */
  let criterionBottom = -1;
  let blankRun = 0;
  let standard: string | null = null;
  let standardAnchor = -1;

  const close = () => {
    if (current) blocks.push(current);
    current = null;
    currentAnchor = -1;
  };
  /** A row whose indicator text goes on from the row above: starts in lower case or with punctuation, names no new party. */
  const continues = (block: Block, text: string, r: number): boolean => {
    if (block.rows[block.rows.length - 1] !== r - 1) return false;
    const t = cleanText(text);
    const ch = t.charAt(0);
    const lower = ch !== ch.toUpperCase() && ch === ch.toLowerCase();
    if (!lower && !/^[(,;:\-–…]/.test(t)) return false;
    if (resp && resp.anchorRow(r) === r && resp.text(r).trim() !== '') return false;
    return true;
  };

  for (let r = layout.bodyStart; r <= view.bottom; r++) {
    const blank = rowStats.count[r - view.top] === 0;
    const indMerged = ind ? ind.merged(r) : false;
    if (blank && !indMerged) {
      close();
      // A long gap ends the table's context: what follows (notes, signatures) belongs to no criterion.
      if (++blankRun >= 3) {
        criterion = null;
        criterionAnchor = -1;
        criterionBottom = -1;
      }
      continue;
    }
    blankRun = 0;
    if (!blank && isHeadingRow(view, r, layout)) {
      close();
      criterion = null;
      criterionAnchor = -1;
      standard = null;
      standardAnchor = -1;
      continue;
    }
    // Standard and criterion context.
    let newContext = false;
    if (std) {
      const t = std.text(r);
      const a = std.anchorRow(r);
      if (t.trim() && a !== standardAnchor) {
        standardAnchor = a;
        const code = leadingCode(view.fold(t));
        standard = code && code.split('.').length >= 2 ? code.split('.').slice(0, 2).join('.') : null;
        if (a === r) newContext = true;
      }
    }
    if (crit) {
      const t = crit.text(r);
      const a = crit.anchorRow(r);
      if (t.trim()) {
        if (a !== criterionAnchor) {
          criterionAnchor = a;
          criterion = criterionOf(view, index, t, codeCache);
          criterionBottom = crit.merged(r) ? crit.bottomRow(r) : -1;
          newContext = true;
        }
      } else if (crit.merged(r) || newContext) {
        // An empty merged criterion cell, or a new standard without a criterion: unknown criterion.
        if (a !== criterionAnchor) {
          criterionAnchor = a;
          criterion = null;
          criterionBottom = -1;
          newContext = true;
        }
      } else if (criterionBottom >= 0 && r > criterionBottom) {
        // Past the criterion's merged cell: rows below belong to no criterion.
        criterion = null;
        criterionAnchor = -1;
        criterionBottom = -1;
      }
    }
    // Indicator block.
    const text = ind ? ind.text(r) : '';
    const anchor = ind ? ind.anchorRow(r) : r;
    let startsHere = ind ? (indMerged ? anchor !== currentAnchor : text.trim() !== '') : false;
    if (startsHere && !indMerged && !newContext && current && continues(current, text, r)) {
      // The indicator's text goes on in this row (a text pasted line by line): one block.
      const block = current as Block;
      block.text = `${block.text} ${text}`;
      block.tokens = view.tokensOf(block.text);
      startsHere = false;
    }
    if (startsHere || newContext || !current) {
      if (!startsHere && !newContext && !current) {
        // A stray row before any indicator: only a row with an id or a criterion starts a block.
        const sttId = stt ? leadingId(view.fold(stt.text(r))) : null;
        if (!sttId) continue;
      }
      close();
      const key = criterion ?? '';
      const order = orders.get(key) ?? 0;
      orders.set(key, order + 1);
      const folded = view.fold(text);
      const sttText = stt ? view.fold(stt.text(r)) : '';
      const id = leadingId(folded) ?? leadingId(sttText);
      current = {
        rows: [],
        text,
        tokens: view.tokensOf(text),
        id: id && index.byId.has(id) ? id : null,
        criterion,
        standard,
        order,
      };
      currentAnchor = ind && indMerged ? anchor : r;
    }
    const block = current as Block;
    block.rows.push(r);
    if (resp && block.responsible === undefined) {
      const t = cleanText(resp.text(r));
      if (t) {
        const a = view.anchor(r, layout.col.responsible!);
        block.responsible = t;
        block.responsibleCell = toA1(a.row, a.col);
      }
    }
  }
  close();
  return blocks;
}

// ---------------------------------------------------------------------------------------------
// Matching blocks to indicators

interface Claim {
  block: Block;
  id: string;
  confidence: number;
  method: MatchMethod;
}

/** Similarities already computed, by token set (token sets are shared per text by SheetView.tokensOf). */
interface MatchCache {
  sims: WeakMap<Set<string>, Map<string, number>>;
  searches: WeakMap<Set<string>, Map<string, { top: { id: string; sim: number } | null; second: number }>>;
}

function newMatchCache(): MatchCache {
  return { sims: new WeakMap(), searches: new WeakMap() };
}

function textSimilarity(index: CriteriaIndex, block: Block, id: string, cache: MatchCache): number {
  let byId = cache.sims.get(block.tokens);
  if (!byId) cache.sims.set(block.tokens, (byId = new Map()));
  const known = byId.get(id);
  if (known !== undefined) return known;
  let best = 0;
  for (const t of index.texts.get(id) ?? []) {
    const s = similarity(block.tokens, t);
    if (s > best) best = s;
  }
  byId.set(id, best);
  return best;
}

/** The indicator of the whole set (or of one standard) whose text is closest, and the runner-up's similarity. */
function searchAll(index: CriteriaIndex, block: Block, standard: string | null, cache: MatchCache): { top: { id: string; sim: number } | null; second: number } {
  let byScope = cache.searches.get(block.tokens);
  if (!byScope) cache.searches.set(block.tokens, (byScope = new Map()));
  const key = standard ?? '';
  const known = byScope.get(key);
  if (known) return known;
  let top: { id: string; sim: number } | null = null;
  let second = 0;
  for (const p of index.placed) {
    if (standard && !p.indicator.id.startsWith(standard + '.')) continue;
    const sim = textSimilarity(index, block, p.indicator.id, cache);
    if (!top || sim > top.sim) {
      if (top) second = Math.max(second, top.sim);
      top = { id: p.indicator.id, sim };
    } else if (sim > second) second = sim;
  }
  const result = { top, second };
  byScope.set(key, result);
  return result;
}

function claimFor(index: CriteriaIndex, block: Block, cache: MatchCache): Claim | null {
  if (block.id) return { block, id: block.id, confidence: 1, method: 'code-order' };
  let best: Claim | null = null;
  let bestRank = -1;
  let bestSim = 0;
  const crit = block.criterion ? index.criteria.get(block.criterion) : undefined;
  if (crit) {
    const n = crit.indicators.length;
    crit.indicators.forEach((indicator, order) => {
      const sim = block.tokens.size ? textSimilarity(index, block, indicator.id, cache) : 0;
      const inOrder = order === block.order || (n === 1 && block.order === 0);
      // Out of order, only a text that resembles the indicator can claim it.
      if (!inOrder && sim < 0.35) return;
      // The text decides; the order breaks near ties (and decides when the text says nothing).
      const rank = sim + (inOrder ? 0.15 : 0);
      if (rank > bestRank) {
        bestRank = rank;
        bestSim = sim;
        best = { block, id: indicator.id, confidence: Math.min(1, 0.55 + 0.45 * sim + (inOrder ? 0.2 : 0)), method: inOrder ? 'code-order' : 'text' };
      }
    });
    if (bestSim >= 0.35 || !block.tokens.size) return best;
  }
  // No criterion, or a text that fits its criterion badly: the whole set (or the standard), by text.
  if (block.tokens.size < 3) return best;
  const { top, second } = searchAll(index, block, crit ? null : block.standard, cache);
  if (top && top.sim >= (crit ? 0.8 : CLAIM_FLOOR) && (top.sim >= 0.9 || top.sim - second >= 0.1)) {
    const confidence = Math.min(1, top.sim);
    if (!best || confidence > (best as Claim).confidence || crit) return { block, id: top.id, confidence, method: 'text' };
  }
  return best;
}

// ---------------------------------------------------------------------------------------------
// Fields within a block

type CellClass = 'empty' | 'covered' | 'unit' | 'label' | 'mark' | 'value';

const UNIT_WORDS = new Set(['%', 'tre', 'nguoi', 'ho', 'hoc sinh', 'hs', 'diem', 'lan', 'xa', 'phuong', 'don vi', 'truong', 'co so', 'doanh nghiep', 'dong', 'trieu dong', 'ty dong', 'trieu', 'ty', 'gia dinh', 'thon', 'ca nhan', 'em', 'tre em']);
const MARK_TEXT = /^\s*[xX✓✔☑☒■●√✗✘✕⊠]\s*$/;

interface LabelMatch {
  /** Field keys printed with this label (several when groups repeat "Nam", "Nữ", …). */
  keys: string[];
  /** True when a figure was typed in the label's cell ("Nam: 1.250 trẻ"). */
  inline: boolean;
}

interface FieldMatcher {
  labels: Array<{ words: string[]; keys: string[] }>;
  groups: Array<{ group: string; tokens: Set<string> }>;
}

function fieldMatcher(view: SheetView, indicator: Indicator): FieldMatcher {
  const byLabel = new Map<string, string[]>();
  for (const f of indicator.fields) {
    for (const label of [f.label, f.labelEn]) {
      if (!label) continue;
      const w = view.words(label);
      if (!w || w === '%') continue;
      const keys = byLabel.get(w) ?? [];
      if (!keys.includes(f.key)) keys.push(f.key);
      byLabel.set(w, keys);
    }
  }
  const labels = [...byLabel.entries()].map(([w, keys]) => ({ words: w.split(' '), keys })).sort((a, b) => b.words.length - a.words.length);
  const groups: FieldMatcher['groups'] = [];
  for (const f of indicator.fields)
    for (const g of [f.group, f.groupEn])
      if (g && !groups.some((x) => x.group === f.group)) groups.push({ group: f.group!, tokens: tokens(view.words(g)) });
  return { labels, groups };
}

function isUnitText(words: string): boolean {
  if (!words) return false;
  const w = words.replace(/\s+/g, ' ').trim();
  return UNIT_WORDS.has(w);
}

/** Which field label, if any, a cell's text starts with. */
function matchLabel(words: string, matcher: FieldMatcher): LabelMatch | null {
  if (!words) return null;
  const list = words.split(' ');
  for (const l of matcher.labels) {
    if (l.words.length > list.length) continue;
    let ok = true;
    for (let i = 0; i < l.words.length; i++)
      if (l.words[i] !== list[i]) {
        ok = false;
        break;
      }
    if (!ok) continue;
    const rest = list.slice(l.words.length);
    if (rest.length > 6) continue;
    // Anything typed after the label but its unit is the value ("Nam: 1.250 trẻ", "Nữ: chưa có").
    return { keys: l.keys, inline: rest.some((t) => !UNIT_WORDS.has(t)) };
  }
  // A label written a little differently ("Lao động nữ được đào tạo"): the closest label, if close.
  const t = new Set(list.filter((x) => !/\d/.test(x) && !UNIT_WORDS.has(x)));
  if (t.size < 2) return null;
  let best: { keys: string[]; dice: number } | null = null;
  let second = 0;
  for (const l of matcher.labels) {
    if (l.words.length < 2) continue;
    const { dice } = overlap(t, new Set(l.words));
    if (!best || dice > best.dice) {
      if (best) second = Math.max(second, best.dice);
      best = { keys: l.keys, dice };
    } else if (dice > second) second = dice;
  }
  if (best && best.dice >= 0.7 && best.dice - second >= 0.05) return { keys: best.keys, inline: list.some((x) => /\d/.test(x)) && list.length > 1 };
  return null;
}

function matchGroup(words: string, matcher: FieldMatcher): string | null {
  if (!matcher.groups.length || !words) return null;
  const t = tokens(words);
  let best: string | null = null;
  let bestScore = 0;
  for (const g of matcher.groups) {
    const s = similarity(t, g.tokens);
    if (s > bestScore) {
      bestScore = s;
      best = g.group;
    }
  }
  return bestScore >= 0.6 ? best : null;
}

interface BlockCell {
  row: number;
  col: number;
  cls: CellClass;
  label?: LabelMatch;
  group?: string;
  numeric: boolean;
}

/** Sheet-wide tendencies of the data area, to place a blank value where the others are. */
interface DataStats {
  valueCol: number | undefined;
}

function classify(view: SheetView, row: number, col: number, matcher: FieldMatcher | null): BlockCell {
  if (view.covered(row, col)) return { row, col, cls: 'covered', numeric: false };
  const content = view.cell(row, col);
  if (isBlankContent(content)) return { row, col, cls: 'empty', numeric: false };
  const text = contentText(content);
  const numeric = typeof content!.value === 'number' || /\d/.test(text);
  if (typeof content!.value !== 'string') return { row, col, cls: 'value', numeric };
  if (MARK_TEXT.test(text)) return { row, col, cls: 'mark', numeric: false };
  const words = view.words(text);
  if (isUnitText(words) || /^\(?\s*%\s*\)?$/.test(text.trim())) return { row, col, cls: 'unit', numeric: false };
  if (matcher) {
    const label = matchLabel(words, matcher);
    if (label) return { row, col, cls: 'label', label, numeric };
    const group = matchGroup(words, matcher);
    if (group) return { row, col, cls: 'label', group, numeric: false };
  }
  // Printed placeholders ("……") are blanks waiting to be filled.
  if (/^[\s.…_\-–—]*$/.test(text)) return { row, col, cls: 'empty', numeric: false };
  return { row, col, cls: 'value', numeric };
}

function computeStats(view: SheetView, blocks: Block[], data: number[]): DataStats {
  const counts = new Map<number, number>();
  for (const b of blocks)
    for (const r of b.rows)
      for (const c of data) {
        const content = view.cell(r, c);
        if (isBlankContent(content)) continue;
        const v = content!.value;
        if (typeof v === 'number' || (typeof v === 'string' && /^\s*[+\-−–]?\d[\d.,\s]*\s*%?\s*$/.test(v))) counts.set(c, (counts.get(c) ?? 0) + 1);
      }
  let valueCol: number | undefined;
  let best = 0;
  for (const [c, n] of counts)
    if (n > best) {
      best = n;
      valueCol = c;
    }
  return { valueCol };
}

function assignFields(view: SheetView, block: Block, indicator: Indicator, data: number[], stats: DataStats): { fields: Record<string, string[]>; trendPairs?: Record<string, { previous?: string; current?: string }> } {
  const fields = record<string[]>();
  if (!data.length) return { fields };
  const choiceOnly = indicator.fields.length === 1 && (indicator.fields[0]!.kind === 'rating' || indicator.fields[0]!.kind === 'trend');
  if (choiceOnly) {
    // Every cell of the printed choice block, in reading order.
    const all: string[] = [];
    for (const r of block.rows) for (const c of data) if (!view.covered(r, c)) all.push(toA1(r, c));
    fields[indicator.fields[0]!.key] = all;
    return { fields };
  }
  const matcher = fieldMatcher(view, indicator);
  const grid: BlockCell[][] = block.rows.map((r) => data.map((c) => classify(view, r, c, matcher)));
  const used = new Set<string>();
  const assigned = (key: string) => own(fields, key) !== undefined;
  const keyOrder = indicator.fields.map((f) => f.key);
  const groupOf = new Map(indicator.fields.map((f) => [f.key, f.group]));
  let group: string | null = null;

  const slotFor = (ri: number, ci: number, inline: boolean): BlockCell => {
    const row = grid[ri]!;
    const self = row[ci]!;
    if (inline) return self;
    let firstEmpty: BlockCell | undefined;
    for (let j = ci + 1; j < row.length; j++) {
      const cell = row[j]!;
      if (cell.cls === 'covered' || cell.cls === 'unit') continue;
      if (cell.cls === 'label') break;
      if (cell.cls === 'value' || cell.cls === 'mark') return used.has(`${cell.row}:${cell.col}`) ? firstEmpty ?? self : cell;
      if (cell.cls === 'empty' && !firstEmpty) firstEmpty = cell;
    }
    if (firstEmpty) return firstEmpty;
    const below = grid[ri + 1]?.[ci];
    if (below && below.cls === 'value') return below;
    return self;
  };

  for (let ri = 0; ri < grid.length; ri++) {
    const row = grid[ri]!;
    for (let ci = 0; ci < row.length; ci++) {
      const cell = row[ci]!;
      if (cell.cls !== 'label') continue;
      if (cell.group !== undefined) {
        group = cell.group;
        continue;
      }
      const label = cell.label!;
      const candidates = label.keys.filter((k) => !assigned(k));
      if (!candidates.length) continue;
      const inGroup = group !== null ? candidates.filter((k) => groupOf.get(k) === group) : [];
      const key = (inGroup.length ? inGroup : candidates).sort((a, b) => keyOrder.indexOf(a) - keyOrder.indexOf(b))[0]!;
      const slot = slotFor(ri, ci, label.inline);
      fields[key] = [toA1(slot.row, slot.col)];
      used.add(`${slot.row}:${slot.col}`);
    }
  }

  const missing = indicator.fields.filter((f) => !assigned(f.key));
  if (!missing.length) return { fields };
  const flat = grid.flat();
  const free = flat.filter((c) => (c.cls === 'value' || c.cls === 'mark') && !used.has(`${c.row}:${c.col}`));
  if (indicator.fields.length === 1) {
    const key = indicator.fields[0]!.key;
    const pick =
      free.find((c) => c.col === stats.valueCol && c.numeric) ??
      free.find((c) => c.numeric) ??
      free.find((c) => c.col === stats.valueCol) ??
      free[0] ??
      blankSlot(grid[0]!, stats);
    if (pick) fields[key] = [toA1(pick.row, pick.col)];
    return { fields };
  }
  if (free.length === missing.length) missing.forEach((f, i) => (fields[f.key] = [toA1(free[i]!.row, free[i]!.col)]));
  return { fields };
}

/** Where a blank single value belongs: the sheet's value column, else left of its unit, else after its label. */
function blankSlot(row: BlockCell[], stats: DataStats): BlockCell | undefined {
  const open = row.filter((c) => c.cls === 'empty');
  const inValueCol = open.find((c) => c.col === stats.valueCol);
  if (inValueCol) return inValueCol;
  for (let i = 1; i < row.length; i++) if (row[i]!.cls === 'unit' && row[i - 1]!.cls === 'empty') return row[i - 1];
  const label = row.findIndex((c) => c.cls === 'label');
  if (label >= 0) {
    const after = row.slice(label + 1).find((c) => c.cls === 'empty');
    if (after) return after;
  }
  return open[0] ?? row.find((c) => c.cls !== 'covered');
}

// ---------------------------------------------------------------------------------------------
// mapSheet

function emptyMapping(view: SheetView, criteria: CriteriaSet, layout: Mapping['layout']): Mapping {
  return {
    criteriaId: safeName(criteria?.id),
    criteriaVersion: safeName(criteria?.version),
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
  const stats = computeStats(view, blocks, layout.data);
  const placements = record<IndicatorPlacement>();
  const conflicts: Mapping['conflicts'] = [];
  for (const [id, list] of claims) {
    if (list.length > 1) {
      conflicts.push({ id, rows: list.map((c) => c.block.rows[0]!) });
      continue;
    }
    const claim = list[0]!;
    const indicator = index.byId.get(id)!.indicator;
    const { fields, trendPairs } = assignFields(view, claim.block, indicator, layout.data, stats);
    const placement: IndicatorPlacement = {
      id,
      row: claim.block.rows[0]!,
      confidence: Math.round(claim.confidence * 1000) / 1000,
      method: claim.method,
      fields,
      rows: claim.block.rows.slice(),
    };
    if (trendPairs) placement.trendPairs = trendPairs;
    if (claim.block.responsible) {
      placement.responsible = claim.block.responsible;
      if (claim.block.responsibleCell) placement.responsibleCell = claim.block.responsibleCell;
    }
    placements[id] = placement;
  }
  return { placements, conflicts };
}

function mapSheetUnsafe(sheet: SheetSnapshot, criteria: CriteriaSet, saved?: SavedMapping): Mapping {
  const view = new SheetView(sheet);
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
    }
    mapping.placements[id] = placement;
  }
}

/** Maps a sheet onto the criteria. Never throws: an unreadable sheet maps nothing. */
export function mapSheet(sheet: SheetSnapshot, criteria: CriteriaSet, saved?: SavedMapping): Mapping {
  try {
    return mapSheetUnsafe(sheet, criteria, saved);
  } catch {
    const view = new SheetView(sheet);
    let ids: string[] = [];
    try {
      ids = listIndicators(criteria).map((p) => p.indicator.id);
    } catch {
      ids = [];
    }
    return { ...emptyMapping(view, criteria, 'appendix'), unplaced: ids };
  }
}

// ---------------------------------------------------------------------------------------------
// readEntries

function fieldSpec(field: Field): FieldSpec {
  const spec: FieldSpec = { key: field.key, kind: field.kind, unit: field.unit, label: field.label };
  if (field.max !== undefined) spec.max = field.max;
  return spec;
}

interface CellRef {
  content: CellContent;
  address: string;
  row: number;
}

/** Reads cells by address, resolving merged areas to their top-left cell. */
function cellRefs(view: SheetView, addresses: readonly string[]): CellRef[] {
  const out: CellRef[] = [];
  for (const address of addresses) {
    const at = typeof address === 'string' ? parseA1(address) : null;
    if (!at) continue;
    const a = view.inRange(at.row, at.col) ? view.anchor(at.row, at.col) : at;
    out.push({ content: view.cell(a.row, a.col) ?? { value: null }, address, row: at.row });
  }
  return out;
}

const PLACEHOLDER_REST = /^[\s.…_\-–—:;,/()]*$/;

/**
 * A printed label typed over ("Nam: 1.250 trẻ", or still "Nam …… Trẻ"): the text without the
 * label, or null (blank) when only placeholders and a unit are left.
 */
function withoutLabel(view: SheetView, text: string, field: Field): string | null | undefined {
  const t = cleanText(text);
  const label = view.words(field.label);
  if (!label || label === '%') return undefined;
  const words = view.words(t);
  if (!(words === label || words.startsWith(label + ' '))) return undefined;
  // Cut the label off the original text: as many word characters as the label has.
  let need = label.replace(/ /g, '').length;
  let i = 0;
  while (i < t.length && need > 0) {
    const f = view.words(t[i]!);
    need -= f.replace(/ /g, '').length;
    i++;
  }
  const rest = t.slice(i).replace(/^[\s:：=\-–]+/, '').trim();
  const restWords = view.words(rest);
  if (PLACEHOLDER_REST.test(rest) || isUnitText(restWords) || isUnitText(restWords.replace(/^%\s*/, '')) || restWords === view.words(field.unit)) return null;
  return rest;
}

function readOne(view: SheetView, field: Field, refs: CellRef[]): { reading: Reading; raw: FieldEntry['raw'] } {
  const spec = fieldSpec(field);
  const nonEmpty = refs.filter((r) => !isBlankContent(r.content));
  const rawOf = (list: CellRef[]): FieldEntry['raw'] => {
    if (list.length === 0) return null;
    if (list.length === 1) return list[0]!.content.value ?? null;
    return list.map((r) => contentText(r.content)).join(' ');
  };
  if (field.kind === 'rating' || field.kind === 'trend') {
    // What was typed, without the printed options: a number, a mark, a word.
    const answer = nonEmpty.filter((r) => !(typeof r.content.value === 'string' && isPrintedChoice(r.content.value, field.kind)));
    return { reading: readFieldFromCells(refs, spec), raw: rawOf(answer.length ? answer : nonEmpty) };
  }
  if (refs.length === 1 && nonEmpty.length === 1) {
    const ref = nonEmpty[0]!;
    if (typeof ref.content.value === 'string') {
      const rest = withoutLabel(view, ref.content.value, field);
      if (rest === null) return { reading: readField({ value: null }, spec, ref.address), raw: ref.content.value };
      if (rest !== undefined) return { reading: readField({ value: rest, type: 'string' }, spec, ref.address), raw: ref.content.value };
      const trimmed = cleanText(ref.content.value);
      if (/[…]|\.{2,}/.test(trimmed) && PLACEHOLDER_REST.test(trimmed.replace(/[…]|\.{2,}/g, '').replace(new RegExp(`\\s*${escapeRegExp(field.unit)}\\s*$`, 'i'), ''))) {
        return { reading: readField({ value: null }, spec, ref.address), raw: ref.content.value };
      }
    }
  }
  return { reading: readFieldFromCells(refs, spec), raw: rawOf(nonEmpty) };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function readEntriesUnsafe(sheet: SheetSnapshot, mapping: Mapping, criteria: CriteriaSet): Map<string, IndicatorEntry> {
  const view = new SheetView(sheet);
  const out = new Map<string, IndicatorEntry>();
  const placements = mapping && typeof mapping === 'object' && mapping.placements && typeof mapping.placements === 'object' ? mapping.placements : {};
  const conflicts = new Map<string, number[]>();
  for (const c of Array.isArray(mapping?.conflicts) ? mapping.conflicts : []) {
    if (c && typeof c.id === 'string' && Array.isArray(c.rows)) conflicts.set(c.id, c.rows.filter((r) => typeof r === 'number' && Number.isFinite(r)));
  }
  for (const { indicator } of listIndicators(criteria)) {
    const id = indicator.id;
    const placement = own(placements as Record<string, IndicatorPlacement>, id);
    const conflictRows = conflicts.get(id);
    if (!placement || typeof placement !== 'object') {
      if (conflictRows) {
        out.set(id, {
          id,
          mapped: false,
          fields: record<FieldEntry>(),
          mappingIssues: [makeIssue('duplicate-row', { rows: conflictRows.map((r) => r + 1).join(', ') })],
        });
      }
      continue;
    }
    const fields = record<FieldEntry | undefined>();
    const mapFields = placement.fields && typeof placement.fields === 'object' ? placement.fields : {};
    for (const field of indicator.fields) {
      const addresses = own(mapFields, field.key);
      if (!Array.isArray(addresses)) continue;
      const refs = cellRefs(view, addresses);
      if (!refs.length) continue;
      let entry: FieldEntry;
      try {
        const { reading, raw } = readOne(view, field, refs);
        entry = { reading, cells: refs.map((r) => r.address), raw };
      } catch {
        entry = { reading: readField({ value: null }, fieldSpec(field), refs[0]!.address), cells: refs.map((r) => r.address), raw: null };
      }
      fields[field.key] = entry;
    }
    const entry: IndicatorEntry = { id, mapped: true, fields };
    const pairs = placement.trendPairs && typeof placement.trendPairs === 'object' ? placement.trendPairs : undefined;
    if (pairs) {
      const trendPairs = record<{ previous?: FieldEntry; current?: FieldEntry } | undefined>();
      let any = false;
      for (const field of indicator.fields) {
        const pair = own(pairs, field.key);
        if (!pair || typeof pair !== 'object') continue;
        const spec: FieldSpec = { key: field.key, kind: 'number', unit: field.unit, label: field.label };
        const one = (address: unknown, suffix: string): FieldEntry | undefined => {
          if (typeof address !== 'string') return undefined;
          const refs = cellRefs(view, [address]);
          if (!refs.length) return undefined;
          const ref = refs[0]!;
          return { reading: readField(ref.content, { ...spec, key: field.key + suffix }, ref.address), cells: [ref.address], raw: ref.content.value ?? null };
        };
        const p: { previous?: FieldEntry; current?: FieldEntry } = {};
        const previous = one(pair.previous, PREVIOUS_SUFFIX);
        const current = one(pair.current, CURRENT_SUFFIX);
        if (previous) p.previous = previous;
        if (current) p.current = current;
        if (previous || current) {
          trendPairs[field.key] = p;
          any = true;
        }
      }
      if (any) entry.trendPairs = trendPairs;
    }
    if (typeof placement.responsible === 'string' && placement.responsible.trim()) entry.responsible = cleanText(placement.responsible);
    const issues: Issue[] = [];
    const confidence = typeof placement.confidence === 'number' && Number.isFinite(placement.confidence) ? placement.confidence : 1;
    if (confidence < LOW_CONFIDENCE) issues.push(makeIssue('low-confidence', { confidence: Math.round(confidence * 100), row: (typeof placement.row === 'number' ? placement.row : 0) + 1 }));
    if (conflictRows) issues.push(makeIssue('duplicate-row', { rows: conflictRows.map((r) => r + 1).join(', ') }));
    if (issues.length) entry.mappingIssues = issues;
    out.set(id, entry);
  }
  return out;
}

/** Reads every placed indicator's fields. Unplaced ids get no entry; conflicted ids an unmapped one. Never throws. */
export function readEntries(sheet: SheetSnapshot, mapping: Mapping, criteria: CriteriaSet): Map<string, IndicatorEntry> {
  try {
    return readEntriesUnsafe(sheet, mapping, criteria);
  } catch {
    return new Map();
  }
}

// ---------------------------------------------------------------------------------------------
// findAppendixSheet

function sheetScore(sheet: SheetSnapshot, criteria: CriteriaSet): number {
  const view = new SheetView(sheet);
  if (view.rows === 0 || view.cols === 0) return 0;
  const index = indexCriteria(criteria, view);
  let score = 0;
  if (hasMarker(view)) score += 100;
  if (detectTemplate(view)) score += 80;
  const header = findHeader(view);
  // A plausible appendix header (findHeader returns no other): its roles, and a bonus for being one.
  if (header) score += header.score * 10 + 10;
  // Criterion codes found, each counted once.
  const codes = new Set<string>();
  const lastRow = Math.min(view.bottom, view.top + 3000);
  const lastCol = Math.min(view.right, view.left + 30);
  for (let r = view.top; r <= lastRow; r++)
    for (let c = view.left; c <= lastCol; c++) {
      const content = view.cell(r, c);
      if (!content || typeof content.value !== 'string') continue;
      const code = leadingCode(view.fold(content.value.slice(0, 40)));
      if (!code) continue;
      const parts = code.split('.');
      if (parts.length >= 3) {
        const c3 = parts.slice(0, 3).join('.');
        if (index.criteria.has(c3)) codes.add(c3);
      }
    }
  score += 2 * codes.size;
  const name = view.fold(view.name);
  if (/phu luc|appendix|chi so|tieu chi/.test(name)) score += 3;
  return score;
}

/** The sheet that best looks like the appendix or a template, or null when none plausibly does. */
export function findAppendixSheet(workbook: WorkbookSnapshot, criteria: CriteriaSet): { sheet: SheetSnapshot; score: number } | null {
  try {
    let best: { sheet: SheetSnapshot; score: number } | null = null;
    const sheets = Array.isArray(workbook?.sheets) ? workbook.sheets : [];
    for (const sheet of sheets) {
      let score = 0;
      try {
        score = sheetScore(sheet, criteria);
      } catch {
        score = 0;
      }
      if (score >= 25 && (!best || score > best.score)) best = { sheet, score };
    }
    return best;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Saving and restoring a mapping

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty']);
const idKey = z.string().max(40).regex(/^\d+(\.\d+)*\.[a-z]$/);
const fieldKey = z
  .string()
  .max(80)
  .regex(/^[a-z][a-z0-9_]*(@previous|@current)?$/)
  .refine((k) => !FORBIDDEN_KEYS.has(k));
const address = z
  .string()
  .max(12)
  .refine((a) => parseA1(a) !== null, 'expected an A1 address');
const savedPlacementSchema = z.strictObject({
  row: z.number().int().min(0).max(1_048_575),
  fields: z.record(fieldKey, z.array(address).min(1).max(200)),
  trendPairs: z.record(fieldKey, z.strictObject({ previous: address.optional(), current: address.optional() })).optional(),
  method: z.enum(['template-id', 'code-order', 'text', 'saved', 'manual']).optional(),
});
const savedMappingSchema = z.strictObject({
  version: z.literal(1),
  criteriaId: z.string().min(1).max(64),
  sheet: z.string().max(31),
  placements: z.record(idKey, savedPlacementSchema),
});

/** True when some object, anywhere in the value, has an own key that could reach a prototype. */
function hasHostileKey(value: unknown, depth = 0): boolean {
  if (depth > 8 || !value || typeof value !== 'object') return false;
  for (const key of Object.keys(value)) {
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') return true;
    if (hasHostileKey((value as Record<string, unknown>)[key], depth + 1)) return true;
  }
  return false;
}

export { saveMapping } from './mapping-save';

/** Validates a saved mapping (parsed JSON); null when anything is malformed. Never throws. */
export function parseSavedMapping(data: unknown): SavedMapping | null {
  try {
    if (hasHostileKey(data)) return null;
    const parsed = savedMappingSchema.safeParse(data);
    if (!parsed.success) return null;
    const d = parsed.data;
    if (Object.keys(d.placements).length > 1000) return null;
    const placements = record<SavedMapping['placements'][string]>();
    for (const [id, p] of Object.entries(d.placements)) {
      const fields = record<string[]>();
      for (const [key, cells] of Object.entries(p.fields)) fields[key] = cells.map((c) => c.toUpperCase().replace(/\$/g, ''));
      const out: SavedMapping['placements'][string] = { row: p.row, fields };
      if (p.method !== undefined) out.method = p.method;
      if (p.trendPairs) {
        const pairs = record<{ previous?: string; current?: string }>();
        for (const [key, pair] of Object.entries(p.trendPairs)) {
          const copy: { previous?: string; current?: string } = {};
          if (pair.previous !== undefined) copy.previous = pair.previous.toUpperCase().replace(/\$/g, '');
          if (pair.current !== undefined) copy.current = pair.current.toUpperCase().replace(/\$/g, '');
          pairs[key] = copy;
        }
        out.trendPairs = pairs;
      }
      placements[id] = out;
    }
    return { version: 1, criteriaId: d.criteriaId, sheet: d.sheet, placements };
  } catch {
    return null;
  }
}
