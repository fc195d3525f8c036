/**
 * The write plan: everything a run will change in the workbook, as data. Hosts apply it in one
 * batch. The product changes only fills (recording the originals in the workbook, so they can
 * be restored exactly) and the sheets it owns (summary, state, templates, masters).
 */
import { z } from 'zod';
import { FillSpec } from './snapshot';

import { STATUS_FILL, Status } from './status';
import { STATE_MARKER, emptyMap, getOwn, isProductColour, readStateColumn, setOwn } from './state';

export { STATUS_FILL, STATUS_FONT, STATUS_SYMBOL } from './status';

// ---- Colouring state, stored in the workbook (a very hidden sheet the product owns) ----

const fillSchema = z.strictObject({ color: z.string().regex(/^#[0-9A-F]{6}$/).nullable(), pattern: z.string().max(40).optional() });
const colourRecordSchema = z.strictObject({ original: fillSchema, applied: z.string().regex(/^#[0-9A-F]{6}$/) });
const addressSchema = z.string().regex(/^[A-Z]{1,3}\d{1,7}$/);

export const stateSchema = z.strictObject({
  version: z.literal(1),
  /** sheet name → A1 address → the original fill and the colour the product applied. */
  colours: z.record(z.string().max(31), z.record(addressSchema, colourRecordSchema)),
  /** sheet name → saved mapping (see mapping.ts SavedMapping), opaque here. */
  mappings: z.record(z.string().max(31), z.unknown()).default({}),
});
export type WorkbookState = z.infer<typeof stateSchema>;
export type ColourRecord = z.infer<typeof colourRecordSchema>;

export const STATE_SHEET = 'GNLC_State';
export { STATE_MARKER };
export const SUMMARY_MARKER = 'gnlc-summary:v1';
/** Excel allows 32,767 characters in a cell; the state's JSON is cut into chunks below that. */
export const STATE_CHUNK = 30000;

export function emptyState(): WorkbookState {
  return { version: 1, colours: {}, mappings: {} };
}

/** The state sheet's column A: the marker, then the JSON in chunks. */
export function encodeState(state: WorkbookState): string[] {
  const json = JSON.stringify(state);
  const out = [STATE_MARKER];
  for (let i = 0; i < json.length; i += STATE_CHUNK) out.push(json.slice(i, i + STATE_CHUNK));
  return out;
}

/**
 * Reads the state back; null when the column is not the product's state or cannot be decoded.
 * Never throws. Bad records are dropped (readStateColumn in state.ts says how many, and whether
 * the state is damaged: use it where that must be told).
 */
export function decodeState(column: ReadonlyArray<unknown>): WorkbookState | null {
  return readStateColumn(column).state;
}

function sameFill(a: FillSpec | undefined, color: string): boolean {
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
  currentFills: Readonly<Record<string, FillSpec>>,
  state: WorkbookState | null,
): ColourPlan {
  const next: WorkbookState = structuredCloneState(state ?? emptyState());
  const previous = getOwn(next.colours, sheet) ?? emptyMap<ColourRecord>();
  const records = emptyMap<ColourRecord>();
  const byColour = new Map<Status, Set<string>>();
  for (const { cells, status } of cellStatuses) {
    const color = STATUS_FILL[status];
    for (const address of cells) {
      const current = currentFills[address] ?? { color: null };
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
    if (set?.size) groups.push({ status, color: STATUS_FILL[status], addresses: [...set].sort(compareAddress) });
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
export function planClear(sheet: string, currentFills: Readonly<Record<string, FillSpec>>, state: WorkbookState | null): ClearPlan {
  const next = structuredCloneState(state ?? emptyState());
  const records = getOwn(next.colours, sheet) ?? emptyMap<ColourRecord>();
  const restore: ClearPlan['restore'] = [];
  const kept: string[] = [];
  for (const address of Object.keys(records).sort(compareAddress)) {
    const rec = records[address]!;
    if (sameFill(currentFills[address], rec.applied)) restore.push({ address, fill: rec.original });
    else kept.push(address);
  }
  if (Object.hasOwn(next.colours, sheet)) delete next.colours[sheet];
  return { sheet, restore, kept, state: next };
}

function normaliseFill(f: FillSpec): FillSpec {
  const color = f.color === null ? null : f.color.toUpperCase();
  const out: FillSpec = { color };
  if (f.pattern !== undefined) out.pattern = f.pattern;
  return out;
}

/** A deep copy whose maps have no prototype (JSON.parse makes "__proto__" an own key; the copies keep it one). */
function structuredCloneState(s: WorkbookState): WorkbookState {
  const copy = JSON.parse(JSON.stringify(s)) as WorkbookState;
  const colours = emptyMap<Record<string, ColourRecord>>();
  for (const sheet of Object.keys(copy.colours)) {
    const records = emptyMap<ColourRecord>();
    for (const address of Object.keys(copy.colours[sheet]!)) setOwn(records, address, copy.colours[sheet]![address]!);
    setOwn(colours, sheet, records);
  }
  const mappings = emptyMap<unknown>();
  for (const sheet of Object.keys(copy.mappings ?? {})) setOwn(mappings, sheet, copy.mappings[sheet]);
  return { ...copy, colours, mappings };
}

/** Orders A1 addresses by row, then column. */
export function compareAddress(a: string, b: string): number {
  const ma = /^([A-Z]+)(\d+)$/.exec(a);
  const mb = /^([A-Z]+)(\d+)$/.exec(b);
  if (!ma || !mb) return a < b ? -1 : a > b ? 1 : 0;
  const ra = Number(ma[2]);
  const rb = Number(mb[2]);
  if (ra !== rb) return ra - rb;
  return ma[1]!.length - mb[1]!.length || (ma[1]! < mb[1]! ? -1 : ma[1]! > mb[1]! ? 1 : 0);
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
}

export interface SheetContent {
  name: string;
  /** The marker the product recognises its sheet by (written in A1). */
  marker: string;
  rows: OutCell[][];
  columnWidths: number[];
  frozenRows?: number;
  chart?: ChartSpec;
}
