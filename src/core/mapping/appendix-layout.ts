/**
 * Recognising the appendix as printed and as departments retype it: the header row by its words
 * (or, failing those, the columns by what they hold), the body below it, the data area. Pure.
 */
import { cleanText } from '../text';
import { isNoteHeading } from '../vocabulary';
import { leadingCode } from './codes';
import { CriteriaIndex } from './criteria-index';
import { HEADER_SCAN, SheetView, contentText, perView, scanRight } from './grid';

/** The widest data area the mapper reads (columns). */
const MAX_DATA_WIDTH = 64;

export type Role = 'stt' | 'standard' | 'criterion' | 'indicator' | 'responsible' | 'data' | 'note' | 'unit' | 'content';
const MAIN_ROLES: Role[] = ['standard', 'criterion', 'indicator', 'responsible', 'data'];
/** A header row's highest score: every main role, and a number or notes column. */
const BEST_HEADER = MAIN_ROLES.length + 0.25;

/** The role a header cell names, from its folded words. */
function headerRole(f: string): Role | null {
  if (!f || f.length > 120) return null;
  const words = f.split(' ');
  if (words.length > 14) return null;
  if (/^(stt|tt|so tt|so thu tu|no|#)$/.test(f)) return 'stt';
  if (isNoteHeading(f)) return 'note';
  if (/^(don vi|don vi tinh|dvt|unit|units)$/.test(f)) return 'unit';
  // A column of its own for the sub-fields' labels (Nam, Nữ, Tổng, Tỷ lệ) or the printed choices.
  if (/^(noi dung|noi dung chi tiet|chi tiet|hang muc|hang muc chi tiet|thanh phan|item|items|sub items?|content|contents|breakdown)$/.test(f)) return 'content';
  if (/\bma chi so\b|\bindicator id\b|\bma truong\b|\bfield key\b/.test(f)) return null;
  if (/\bchi so\b|\bindicators?\b/.test(f)) return 'indicator';
  if (/\btieu chuan\b|\bstandards?\b/.test(f)) return 'standard';
  if (/\btieu chi\b|\bcriteri(on|a)\b/.test(f)) return 'criterion';
  if (/\bphu trach\b|\bphan cong\b|\bchiu trach nhiem\b|\bchu tri\b|\bresponsib|\bco quan\b/.test(f) || (/\bdon vi\b/.test(f) && words.length >= 3)) return 'responsible';
  if (/\bso lieu\b|\bket qua\b|\bgia tri\b|\bthong ke\b|\bvalues?\b|\bdata\b|\bfigures?\b/.test(f)) return 'data';
  return null;
}

export interface AppendixLayout {
  headerRow: number;
  bodyStart: number;
  col: Partial<Record<Role, number>>;
  /** Columns read for the fields: the labels' own column (a 'content' column) first, then the data area. */
  data: number[];
  /** When the data area has a column per year: the latest year's column, the one before it, and every year's column. */
  years?: YearColumns;
  score: number;
}

export interface YearColumns {
  current: number;
  previous: number;
  all: number[];
}

/** The columns whose values are scored: a column per year leaves only the latest year's. */
export function scoredColumns(layout: AppendixLayout): number[] {
  const years = layout.years;
  return years ? layout.data.filter((c) => c === years.current || !years.all.includes(c)) : layout.data;
}

/** A column heading that names a year: its rank (the year, or -1 / +1 for "last year" / "this year"), or null. */
function yearHeading(text: string, words: string): number | null {
  if (!words || words.split(' ').length > 6) return null;
  const year = /\b(19\d{2}|20\d{2})\b/.exec(words);
  if (year) return Number(year[1]);
  if (/\b(nam|ky) (truoc|ngoai|n 1)\b|\b(previous|last|prior) year\b/.test(words)) return -1;
  if (/\b(nam|ky) (nay|bao cao|hien tai|n)\b|\b(current|this|reporting) year\b/.test(words)) return 1;
  // "Năm" alone (its year left blank); folded it would also be "Nam", the male sub-field's label.
  if (/^(năm|year)(\s|$)/i.test(cleanText(text).toLowerCase())) return 0;
  return null;
}

/**
 * The data area's columns per year, from their own headings in the header rows: the latest year is
 * the highest year named; when the headings cannot tell the columns apart, the right-hand one.
 */
function yearColumns(view: SheetView, headerRows: number[], data: number[]): { years?: AppendixLayout['years']; columns: number[] } {
  const found: Array<{ col: number; rank: number }> = [];
  for (const c of data) {
    let rank: number | null = null;
    for (const r of headerRows) {
      const m = view.mergeAt(r, c);
      if (m && m.right > m.left) continue; // a heading over several columns ("Số liệu") names none of them
      const t = view.text(r, c);
      const y = yearHeading(t, view.words(t));
      if (y !== null) rank = y;
    }
    if (rank !== null) found.push({ col: c, rank });
  }
  if (found.length < 2) return { columns: [] };
  const distinct = new Set(found.map((f) => f.rank)).size === found.length;
  const ordered = found.slice().sort((a, b) => (distinct ? a.rank - b.rank : 0) || a.col - b.col);
  return { years: { current: ordered[ordered.length - 1]!.col, previous: ordered[ordered.length - 2]!.col, all: found.map((f) => f.col) }, columns: found.map((f) => f.col) };
}

type Header = { row: number; roles: Map<Role, number>; score: number };

/** The appendix header of a view (once per view). */
export const findHeader: (view: SheetView) => Header | null = perView(scanHeader);

function scanHeader(view: SheetView): Header | null {
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
    if (best?.score === BEST_HEADER) break; // no later row can beat it: the first of the best rows wins
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

export function detectAppendix(view: SheetView, index: CriteriaIndex): AppendixLayout | null {
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
  const layout: AppendixLayout = { headerRow, bodyStart, col, data, score };
  if (headerRow >= 0 && data.length >= 2) {
    const headerRows: number[] = [];
    for (let r = headerRow; r < bodyStart; r++) headerRows.push(r);
    let per = yearColumns(view, headerRows, data);
    // A second header row that is not merged into the first: the years under "Số liệu".
    if (!per.years && bodyStart <= view.bottom && (col.indicator === undefined || !view.text(bodyStart, col.indicator).trim())) {
      const below = yearColumns(view, [bodyStart], data);
      if (below.years) {
        per = below;
        layout.bodyStart = bodyStart + 1;
        if (layout.bodyStart <= view.bottom && isNumberingRow(view, layout.bodyStart)) layout.bodyStart++;
      }
    }
    if (per.years) layout.years = per.years;
  }
  if (col.content !== undefined && !data.includes(col.content)) layout.data = [col.content, ...data];
  return layout;
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
