/** What a sheet holds, as plain data, read by a host in one batch. */
import { CellContent } from './read';

/** A fill as Excel knows it: a colour ("#RRGGBB"), or none. "No fill" and white are different. */
export interface FillSpec {
  /** "#RRGGBB" upper case, or null for no fill. */
  color: string | null;
  /** Excel's pattern name ("Solid", "None", "Gray50", …); absent means Solid when a colour is set. */
  pattern?: string;
  /** Office.js: the pattern's colour ("#RRGGBB"), null for automatic; absent when not read. */
  patternColor?: string | null;
  /** Office.js: the fill colour's tint or shade, -1 to 1; absent when not read. */
  tintAndShade?: number;
  /** Office.js: the pattern colour's tint or shade, -1 to 1; absent when not read. */
  patternTintAndShade?: number;
  /** xlsx: the cell's style index in the file (its `s` attribute), which clearing puts back exactly. */
  styleIndex?: number;
}

/** Cells' fills by A1 address. */
export type Fills = ReadonlyMap<string, FillSpec>;

/** A rectangle of cells, 0-based, inclusive, in sheet coordinates (not an area of the criteria: criteria.ts). */
export interface CellArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetSnapshot {
  name: string;
  /** 0-based sheet row and column of cells[0][0] (the used range's top-left). */
  origin: { row: number; col: number };
  /** Rows of the used range; a row may be shorter than the widest one; null is an empty cell. */
  cells: Array<Array<CellContent | null>>;
  /** Merged areas, in sheet coordinates. */
  merges: CellArea[];
  /**
   * Fills, by A1 address, of the cells the host was asked about (optional). A Map: an object with a
   * property per cell made V8 intern every address as a property name, a millisecond a run on the
   * example (each run's addresses are new strings).
   */
  fills?: Fills;
  /** True when the sheet is protected (colouring will not be possible). */
  protected?: boolean;
}

export interface WorkbookSnapshot {
  sheets: SheetSnapshot[];
}

/** Column names already spelled (most sheets use a few dozen columns). */
const COLUMN_NAMES: string[] = [];

/** 0-based column → "A", "B", …, "AA". */
export function columnName(col: number): string {
  if (col >= 0 && col < 1024 && Number.isInteger(col)) return (COLUMN_NAMES[col] ??= spellColumn(col));
  return spellColumn(col);
}

function spellColumn(col: number): string {
  let s = '';
  let n = col + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** 0-based row and column → "B7". */
export function toA1(row: number, col: number): string {
  return `${columnName(col)}${row + 1}`;
}

/** Packs an address's row number (as written) and 0-based column into one number: row × A1_PACK + column (three letters reach column 18,277). */
const A1_PACK = 32768;

/**
 * An address read character by character, without a pattern or an object (it is called per cell):
 * `$`, one to three letters in either case, `$`, one to seven digits. Its row number and column
 * packed (A1_PACK); -1 when it is not an address; -2 at a character outside ASCII.
 */
function packedA1(address: string): number {
  const n = address.length;
  let i = address.charCodeAt(0) === 36 ? 1 : 0;
  let col = 0;
  const lettersFrom = i;
  for (; i < n; i++) {
    const ch = address.charCodeAt(i);
    if (ch >= 0x80) return -2;
    const upper = ch >= 97 && ch <= 122 ? ch - 32 : ch;
    if (upper < 65 || upper > 90) break;
    col = col * 26 + upper - 64;
  }
  const letters = i - lettersFrom;
  if (i < n && address.charCodeAt(i) === 36) i++;
  const digitsFrom = i;
  let row = 0;
  for (; i < n; i++) {
    const ch = address.charCodeAt(i);
    if (ch >= 0x80) return -2;
    if (ch < 48 || ch > 57) return -1;
    row = row * 10 + ch - 48;
  }
  const digits = i - digitsFrom;
  if (letters < 1 || letters > 3 || digits < 1 || digits > 7) return -1;
  return row * A1_PACK + col - 1;
}

/**
 * "B7" (or "$B$7", "b7") → 0-based {row, col}; null when not an address. A text with a character
 * outside ASCII goes through the pattern after `toUpperCase`, which may turn it into letters
 * ("ß" is "SS").
 */
export function parseA1(address: string): { row: number; col: number } | null {
  const p = packedA1(address);
  if (p === -2) return parseA1Unicode(address);
  if (p < 0) return null;
  return { row: Math.floor(p / A1_PACK) - 1, col: p % A1_PACK };
}

/** The 0-based column of an address in ASCII, as parseA1 reads it; -1 for anything else (the xlsx reader's cell references, per cell). */
export function a1Column(address: string): number {
  const p = packedA1(address);
  return p < 0 ? -1 : p % A1_PACK;
}

function parseA1Unicode(address: string): { row: number; col: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(address.toUpperCase());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** The cell at sheet coordinates, or null. */
export function cellAt(sheet: SheetSnapshot, row: number, col: number): CellContent | null {
  return sheet.cells[row - sheet.origin.row]?.[col - sheet.origin.col] ?? null;
}

/** Sheet names must be unique, ≤ 31 characters, without : \ / ? * [ ]. */
export function safeSheetName(wanted: string, taken: readonly string[]): string {
  const base = wanted.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31).trim() || 'Sheet';
  const lower = new Set(taken.map((t) => t.toLowerCase()));
  if (!lower.has(base.toLowerCase())) return base;
  for (let i = 2; i < 1000; i++) {
    const suffix = ` (${i})`;
    const name = base.slice(0, 31 - suffix.length) + suffix;
    if (!lower.has(name.toLowerCase())) return name;
  }
  return base.slice(0, 24) + ' (new)';
}
