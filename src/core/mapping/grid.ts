/**
 * A defensive view of a sheet snapshot for the mapper: cells by sheet coordinates, merged areas
 * resolved to their top-left cell, folded texts cached. Never throws, whatever the snapshot holds.
 */
import { CellContent, CellValueType } from '../read';
import { CellArea, SheetSnapshot } from '../snapshot';
import { foldText, foldWords } from '../text';
import { tokens } from './similarity';

/** Longest text the mapper looks at (a longer cell is compared by its beginning). */
const MATCH_TEXT = 2000;
/** Widest and tallest the mapper accepts (Excel's own limits). */
const MAX_ROW = 1_048_575;
const MAX_COL = 16_383;
/** Rows searched for a header. */
export const HEADER_SCAN = 300;
/** Columns searched for a header or guessed from their content. */
const SCAN_WIDTH = 256;

const VALUE_TYPES = new Set<CellValueType>(['empty', 'string', 'number', 'boolean', 'error']);

/** A cell as plain, well-typed data: odd values (objects, functions, bigints) count as empty. */
export function safeContent(x: unknown): CellContent | null {
  if (x === null || typeof x !== 'object') return null;
  const c = x as Record<string, unknown>;
  let value: CellContent['value'];
  try {
    // Fast path: a well-formed cell is used as it is.
    if (Object.getPrototypeOf(c) === Object.prototype) {
      const v = c.value;
      const t = c.type;
      if (
        (v === null || v === undefined || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') &&
        (t === undefined || (typeof t === 'string' && VALUE_TYPES.has(t as CellValueType))) &&
        (c.numberFormat === undefined || typeof c.numberFormat === 'string') &&
        (c.text === undefined || typeof c.text === 'string')
      )
        return c as unknown as CellContent;
    }
    const v = c.value;
    value = typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : null;
    const out: CellContent = { value };
    const type = c.type;
    if (typeof type === 'string' && VALUE_TYPES.has(type as CellValueType)) out.type = type as CellValueType;
    if (typeof c.numberFormat === 'string') out.numberFormat = c.numberFormat;
    if (typeof c.text === 'string') out.text = c.text;
    return out;
  } catch {
    // Expected, not a bug of ours: a snapshot comes from outside (a host, a file library), and a
    // getter or proxy that throws when read is a bad cell like any other, so it reads as empty.
    return null;
  }
}

const BLANK = /^[\s\u00A0\u200B-\u200F\uFEFF]*$/;
function isBlankString(v: string): boolean {
  return v === '' || BLANK.test(v);
}

export function isBlankContent(c: CellContent | null): boolean {
  if (!c) return true;
  const v = c.value;
  if (typeof v === 'number' || typeof v === 'boolean') return false;
  if (typeof v === 'string') return isBlankString(v);
  return true;
}

/** The text a cell shows, for matching: the string typed, or the number as displayed. */
export function contentText(c: CellContent | null): string {
  if (!c) return '';
  const v = c.value;
  if (typeof v === 'string') return v.length > MATCH_TEXT ? v.slice(0, MATCH_TEXT) : v;
  if (typeof v === 'number') return Number.isFinite(v) ? (c.text && c.text.length < 100 ? c.text : String(v)) : '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return '';
}

function int(x: unknown, fallback: number): number {
  return typeof x === 'number' && Number.isFinite(x) ? Math.trunc(x) : fallback;
}

export class SheetView {
  readonly name: string;
  readonly top: number;
  readonly left: number;
  readonly rows: number;
  readonly cols: number;
  readonly merges: CellArea[];
  private readonly grid: unknown[];
  private readonly owners = new Map<number, Int32Array | null>();
  private readonly foldCache = new Map<string, string>();
  private readonly wordCache = new Map<string, string>();

  constructor(sheet: SheetSnapshot) {
    const s = (sheet && typeof sheet === 'object' ? sheet : {}) as Partial<SheetSnapshot>;
    this.name = typeof s.name === 'string' ? s.name : '';
    const origin = (s.origin && typeof s.origin === 'object' ? s.origin : {}) as { row?: unknown; col?: unknown };
    this.top = Math.min(MAX_ROW, Math.max(0, int(origin.row, 0)));
    this.left = Math.min(MAX_COL, Math.max(0, int(origin.col, 0)));
    this.grid = Array.isArray(s.cells) ? s.cells : [];
    let rows = Math.min(this.grid.length, MAX_ROW + 1 - this.top);
    let cols = 0;
    for (let i = 0; i < rows; i++) {
      const row = this.grid[i];
      if (Array.isArray(row) && row.length > cols) cols = row.length;
    }
    cols = Math.min(cols, MAX_COL + 1 - this.left);
    if (rows < 0) rows = 0;
    this.rows = rows;
    this.cols = cols;
    const merges: CellArea[] = [];
    const list = Array.isArray(s.merges) ? s.merges : [];
    for (const m of list) {
      if (!m || typeof m !== 'object') continue;
      const a = m as Partial<CellArea>;
      let top = int(a.top, NaN);
      let left = int(a.left, NaN);
      let bottom = int(a.bottom, NaN);
      let right = int(a.right, NaN);
      if (Number.isNaN(top) || Number.isNaN(left) || Number.isNaN(bottom) || Number.isNaN(right)) continue;
      if (bottom < top) [top, bottom] = [bottom, top];
      if (right < left) [left, right] = [right, left];
      // Clip to the used range; the value of a merged area sits in its top-left cell, so an area
      // whose top-left lies outside the range holds nothing we can read.
      if (top < this.top || left < this.left || top > this.bottom || left > this.right) continue;
      merges.push({ top, left, bottom: Math.min(bottom, this.bottom), right: Math.min(right, this.right) });
    }
    merges.sort((a, b) => a.top - b.top || a.left - b.left);
    this.merges = merges;
  }

  private stats: { count: Int32Array; first: Int32Array } | null = null;

  /** Per row (relative index): how many cells hold something, and the first such sheet column (-1 if none). */
  rowStats(): { count: Int32Array; first: Int32Array } {
    if (this.stats) return this.stats;
    const count = new Int32Array(this.rows);
    const first = new Int32Array(this.rows).fill(-1);
    for (let i = 0; i < this.rows; i++) {
      const row = this.grid[i];
      if (!Array.isArray(row)) continue;
      const n = Math.min(row.length, this.cols);
      for (let j = 0; j < n; j++) {
        const x = row[j];
        if (x === null || typeof x !== 'object') continue;
        const v = (x as { value?: unknown }).value;
        if (typeof v === 'number' || typeof v === 'boolean' || (typeof v === 'string' && !isBlankString(v))) {
          if (count[i] === 0) first[i] = this.left + j;
          count[i]!++;
        }
      }
    }
    return (this.stats = { count, first });
  }

  /** Last sheet row / column of the used range (top - 1 / left - 1 when empty). */
  get bottom(): number {
    return this.top + this.rows - 1;
  }
  get right(): number {
    return this.left + this.cols - 1;
  }

  inRange(row: number, col: number): boolean {
    return row >= this.top && row <= this.bottom && col >= this.left && col <= this.right;
  }

  /** The cell at sheet coordinates, as stored (no merge resolution). */
  cell(row: number, col: number): CellContent | null {
    if (!this.inRange(row, col)) return null;
    const r = this.grid[row - this.top];
    if (!Array.isArray(r)) return null;
    return safeContent(r[col - this.left]);
  }

  /** For each row, the index of the merged area covering (row, col), or -1; null when none does. */
  ownerColumn(col: number): Int32Array | null {
    const cached = this.owners.get(col);
    if (cached !== undefined) return cached;
    let arr: Int32Array | null = null;
    let filledTo = -1;
    for (let i = 0; i < this.merges.length; i++) {
      const m = this.merges[i]!;
      if (m.left > col || m.right < col) continue;
      if (!arr) arr = new Int32Array(this.rows).fill(-1);
      const from = Math.max(m.top - this.top, filledTo + 1);
      const to = m.bottom - this.top;
      for (let r = from; r <= to; r++) arr[r] = i;
      if (to > filledTo) filledTo = to;
    }
    this.owners.set(col, arr);
    return arr;
  }

  /** The merged area covering a cell, or null. */
  mergeAt(row: number, col: number): CellArea | null {
    if (!this.inRange(row, col)) return null;
    const owners = this.ownerColumn(col);
    if (!owners) return null;
    const i = owners[row - this.top]!;
    return i >= 0 ? this.merges[i]! : null;
  }

  /** The top-left cell of the merged area covering a cell (the cell itself when not merged). */
  anchor(row: number, col: number): { row: number; col: number } {
    const m = this.mergeAt(row, col);
    return m ? { row: m.top, col: m.left } : { row, col };
  }

  /** True for a cell inside a merged area other than its top-left cell. */
  covered(row: number, col: number): boolean {
    const m = this.mergeAt(row, col);
    return !!m && (m.top !== row || m.left !== col);
  }

  /** The content a cell shows: a merged area's value for every cell of the area. */
  shown(row: number, col: number): CellContent | null {
    const a = this.anchor(row, col);
    return this.cell(a.row, a.col);
  }

  text(row: number, col: number): string {
    return contentText(this.cell(row, col));
  }

  fold(s: string): string {
    let f = this.foldCache.get(s);
    if (f === undefined) {
      f = foldText(s);
      if (this.foldCache.size < 200_000) this.foldCache.set(s, f);
    }
    return f;
  }

  private readonly tokenCache = new Map<string, Set<string>>();
  /** Token set of a text's folded words (cached; do not modify the set). */
  tokensOf(s: string): Set<string> {
    let t = this.tokenCache.get(s);
    if (t === undefined) {
      t = tokens(this.words(s));
      if (this.tokenCache.size < 50_000) this.tokenCache.set(s, t);
    }
    return t;
  }

  words(s: string): string {
    let f = this.wordCache.get(s);
    if (f === undefined) {
      f = foldWords(s);
      if (this.wordCache.size < 200_000) this.wordCache.set(s, f);
    }
    return f;
  }
}

/** Last column the mapper scans for a header or guesses from its content. */
export function scanRight(view: SheetView): number {
  return Math.min(view.right, view.left + SCAN_WIDTH - 1);
}

/**
 * What `compute` gives for a view, worked out once per view: choosing the sheet and mapping it both
 * ask for the same things (the appendix header, the template header). Callers do not change what it gives.
 */
export function perView<T>(compute: (view: SheetView) => T): (view: SheetView) => T {
  const known = new WeakMap<SheetView, { value: T }>();
  return (view) => {
    let found = known.get(view);
    if (!found) known.set(view, (found = { value: compute(view) }));
    return found.value;
  };
}

const views = new WeakMap<object, SheetView>();

/**
 * The view of a snapshot, made once per snapshot: choosing the sheet, mapping it and reading its
 * entries look at the same one, so its folded texts (and findHeader's answer) are worked out
 * once. Snapshots are never changed in place (live.ts patchSnapshot copies on write); a value
 * that is not an object gets a view of its own.
 */
export function viewOf(sheet: SheetSnapshot): SheetView {
  if (!sheet || typeof sheet !== 'object') return new SheetView(sheet);
  let view = views.get(sheet);
  if (!view) views.set(sheet, (view = new SheetView(sheet)));
  return view;
}
