/**
 * The write plan: everything a run will change in the workbook, as data. Hosts apply it in one
 * batch. The product changes only fills (recording the originals in the workbook, so they can
 * be restored exactly) and the sheets it owns (summary, state, templates, masters).
 */
import { FillSpec, Fills } from './snapshot';

import { STATUS_FILL, Status } from './status';
import { ColourRecord, WorkbookState, copyMap, emptyMap, emptyState, getOwn, isProductColour, setOwn } from './state';

export { STATUS_FILL, STATUS_FONT, STATUS_SYMBOL } from './status';

// ---- Colouring state, stored in the workbook (a very hidden sheet the product owns): state.ts ----

export { STATE_CHUNK, STATE_MARKER, STATE_SHEET, SUMMARY_MARKER, decodeState, emptyState, encodeState } from './state';
export type { ColourRecord, WorkbookState } from './state';

/** Whether a cell's fill is the given colour, solid, and that colour is one the product applies. */
export function sameFill(a: FillSpec | undefined, color: string): boolean {
  // Only a colour the product applies is ever taken for one of its fills (a tampered record cannot name another).
  return !!a && a.color !== null && isProductColour(color) && a.color.toUpperCase() === color.toUpperCase() && (a.pattern === undefined || /^solid$/i.test(a.pattern));
}

export interface FillGroup {
  status: Status;
  color: string;
  /** A1 addresses, sorted. */
  addresses: string[];
}

export interface ColourPlan {
  sheet: string;
  groups: FillGroup[];
  state: WorkbookState;
}

/**
 * Plans the status fills of a sheet. The original fill of every cell is recorded before its
 * first colouring; a cell already coloured by the product keeps its recorded original, unless
 * the person recoloured it since (then the person's fill is the new original).
 */
export function planColouring(
  sheet: string,
  cellStatuses: ReadonlyArray<{ cells: readonly string[]; status: Status }>,
  currentFills: Fills,
  state: WorkbookState | null,
): ColourPlan {
  const next: WorkbookState = structuredCloneState(state ?? emptyState());
  const previous = getOwn(next.colours, sheet) ?? emptyMap<ColourRecord>();
  const records = emptyMap<ColourRecord>();
  const byColour = new Map<Status, Set<string>>();
  for (const { cells, status } of cellStatuses) {
    const color = STATUS_FILL[status];
    for (const address of cells) {
      const current = currentFills.get(address) ?? { color: null };
      const old = getOwn(previous, address);
      const original = old && sameFill(current, old.applied) ? old.original : normaliseFill(current);
      setOwn(records, address, { original, applied: color });
      let set = byColour.get(status);
      if (!set) byColour.set(status, (set = new Set()));
      set.add(address);
    }
  }
  // Cells coloured before but no longer part of the result (the mapping changed): restore later with clear.
  for (const [address, rec] of Object.entries(previous)) if (!Object.hasOwn(records, address)) setOwn(records, address, rec);
  setOwn(next.colours, sheet, records);
  const groups: FillGroup[] = [];
  for (const status of ['met', 'unmet', 'invalid', 'missing'] as Status[]) {
    const set = byColour.get(status);
    if (set?.size) groups.push({ status, color: STATUS_FILL[status], addresses: sortAddresses(set) });
  }
  return { sheet, groups, state: next };
}

export interface ClearPlan {
  sheet: string;
  /** Cells to give back their original fill. */
  restore: Array<{ address: string; fill: FillSpec }>;
  /** Cells the person recoloured after scoring: left as they are. */
  kept: string[];
  state: WorkbookState;
}

/** Plans "Xóa màu": every cell still holding the colour the product applied gets its original fill back. */
export function planClear(sheet: string, currentFills: Fills, state: WorkbookState | null): ClearPlan {
  const next = structuredCloneState(state ?? emptyState());
  const records = getOwn(next.colours, sheet) ?? emptyMap<ColourRecord>();
  const restore: ClearPlan['restore'] = [];
  const kept: string[] = [];
  for (const address of sortAddresses(Object.keys(records))) {
    const rec = records[address]!;
    if (sameFill(currentFills.get(address), rec.applied)) restore.push({ address, fill: rec.original });
    else kept.push(address);
  }
  if (Object.hasOwn(next.colours, sheet)) delete next.colours[sheet];
  return { sheet, restore, kept, state: next };
}

/** The fill as the state records it: colours upper case, and every property the host read (so clearing restores them all). */
function normaliseFill(f: FillSpec): FillSpec {
  const color = f.color === null ? null : f.color.toUpperCase();
  const out: FillSpec = { color };
  if (f.pattern !== undefined) out.pattern = f.pattern;
  if (f.patternColor !== undefined) out.patternColor = f.patternColor === null ? null : f.patternColor.toUpperCase();
  if (f.tintAndShade !== undefined) out.tintAndShade = f.tintAndShade;
  if (f.patternTintAndShade !== undefined) out.patternTintAndShade = f.patternTintAndShade;
  if (f.styleIndex !== undefined) out.styleIndex = f.styleIndex;
  return out;
}

/** A deep copy whose maps have no prototype (JSON.parse makes "__proto__" an own key; the copies keep it one). */
function structuredCloneState(s: WorkbookState): WorkbookState {
  const copy = JSON.parse(JSON.stringify(s)) as WorkbookState;
  const colours = emptyMap<Record<string, ColourRecord>>();
  for (const sheet of Object.keys(copy.colours)) setOwn(colours, sheet, copyMap(copy.colours[sheet]!));
  copy.colours = colours;
  copy.mappings = copyMap(copy.mappings ?? {});
  return copy;
}

type AddressKey = { address: string; row: number; col: string } | { address: string; row: null; col: null };

function addressKey(address: string): AddressKey {
  const m = /^([A-Z]+)(\d+)$/.exec(address);
  return m ? { address, row: Number(m[2]), col: m[1]! } : { address, row: null, col: null };
}

/** Orders A1 addresses by row, then column (anything else by its text, before or after them as the text falls). */
function compareKeys(a: AddressKey, b: AddressKey): number {
  if (a.row === null || b.row === null) return a.address < b.address ? -1 : a.address > b.address ? 1 : 0;
  if (a.row !== b.row) return a.row - b.row;
  return a.col.length - b.col.length || (a.col < b.col ? -1 : a.col > b.col ? 1 : 0);
}

/** A1 addresses by row, then column (compareKeys), each parsed once rather than at every comparison. */
export function sortAddresses(addresses: Iterable<string>): string[] {
  return [...addresses]
    .map(addressKey)
    .sort(compareKeys)
    .map((k) => k.address);
}

// ---- The product's own sheets, as data ----

export interface OutCell {
  value: string | number | null;
  bold?: boolean;
  italic?: boolean;
  /** "#RRGGBB" */
  fill?: string;
  font?: string;
  size?: number;
  wrap?: boolean;
  numberFormat?: string;
  /** A link to a place in the workbook. */
  link?: { sheet: string; address: string };
}

export interface ChartSpec {
  title: string;
  /** Stacked columns: categories in the first column of the range, one series per other column, headers in its first row. */
  type: 'stackedColumn';
  /** Range on the same sheet, 0-based, inclusive. */
  range: { top: number; left: number; bottom: number; right: number };
  seriesColors: string[];
  /** Where to put the chart (0-based top-left cell). */
  at: { row: number; col: number };
  /** The cell its bottom-right corner reaches (0-based); absent: the host's default size. */
  to?: { row: number; col: number };
}

export interface SheetContent {
  name: string;
  /** The marker the product recognises its sheet by (written in A1). */
  marker: string;
  rows: OutCell[][];
  columnWidths: number[];
  frozenRows?: number;
  chart?: ChartSpec;
  /** How the sheet prints (every sheet the product writes is printed and signed). */
  print?: PrintSetup;
}

/**
 * Page setup of a sheet the product writes: A4 landscape, all columns on one page's width
 * (fitToWidth 1, fitToHeight 0: as many pages down as the rows need), the header rows repeated on
 * every page, "Trang n / m" in the footer, and the print area: the rows written and the columns
 * with a width.
 */
export interface PrintSetup {
  /** Rows repeated at the top of every printed page (0-based, inclusive). */
  titleRows?: { first: number; last: number };
  /** The footer's text, with the page codes of ECMA-376 §18.3.1.46 (&P page, &N pages). */
  footer: string;
}

/** The print area of a sheet's content, 0-based inclusive: every row written, every column with a width. */
export function printArea(content: Pick<SheetContent, 'rows' | 'columnWidths'>): { top: number; left: number; bottom: number; right: number } {
  const widest = Math.max(content.columnWidths.length, ...content.rows.map((r) => r.length));
  return { top: 0, left: 0, bottom: Math.max(0, content.rows.length - 1), right: Math.max(0, widest - 1) };
}
