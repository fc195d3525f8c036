/**
 * The product's stored state, read back record by record: the one decoder every host uses.
 *
 * The state sheet is in the person's workbook, so it may be damaged or tampered with. A record is
 * kept only when every part of it is what the product writes: an A1 address, an original fill
 * (a colour or none, a pattern Excel knows) and, as the colour applied, one of the four status
 * colours. Any other record is dropped and counted. Sheet names are kept as they are, whatever
 * they are ("__proto__", "constructor"): the maps are built without a prototype and read with
 * `Object.hasOwn`. A state whose marker is there but whose JSON cannot be read at all is
 * "damaged": it is kept as it is (the hosts neither colour nor overwrite it) and the run says so.
 */
import type { FillSpec } from './snapshot';
import { STATUS_FILL } from './status';

export const STATE_SHEET = 'GNLC_State';
export const STATE_MARKER = 'gnlc-state:v1';
export const SUMMARY_MARKER = 'gnlc-summary:v1';
/** Excel allows 32,767 characters in a cell; the state's JSON is cut into chunks below that. */
export const STATE_CHUNK = 30000;

/** A coloured cell: its fill before the product coloured it, and the status colour applied. */
export interface ColourRecord {
  original: FillSpec;
  /** "#RRGGBB", one of the status fills. */
  applied: string;
}

export interface WorkbookState {
  version: 1;
  /** sheet name → A1 address → the original fill and the colour the product applied (maps without a prototype). */
  colours: Record<string, Record<string, ColourRecord>>;
  /** sheet name → saved mapping (see mapping/types.ts SavedMapping), opaque here. */
  mappings: Record<string, unknown>;
}

export function emptyState(): WorkbookState {
  return { version: 1, colours: emptyMap(), mappings: emptyMap() };
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
 * Never throws. Bad records are dropped (readStateColumn says how many, and whether the state
 * is damaged: use it where that must be told).
 */
export function decodeState(column: ReadonlyArray<unknown>): WorkbookState | null {
  return readStateColumn(column).state;
}

/** The pattern names a FillSpec may carry (Office.js / VBA names; the gradients as the hosts report them). */
export const FILL_PATTERNS = [
  'None', 'Solid', 'Gray50', 'Gray75', 'Gray25', 'Gray16', 'Gray8', 'Horizontal', 'Vertical', 'Down', 'Up', 'Checker',
  'SemiGray75', 'LightHorizontal', 'LightVertical', 'LightDown', 'LightUp', 'Grid', 'CrissCross', 'LinearGradient', 'RectangularGradient',
] as const;
const PATTERNS = new Map<string, string>(FILL_PATTERNS.map((p) => [p.toLowerCase(), p]));

/** The colours the product applies (the status fills), upper case. */
export const PRODUCT_COLOURS: ReadonlySet<string> = new Set(Object.values(STATUS_FILL).map((c) => c.toUpperCase()));

export function isProductColour(color: string | null | undefined): boolean {
  return typeof color === 'string' && PRODUCT_COLOURS.has(color.toUpperCase());
}

/** The pattern name as Excel spells it, or undefined when it is not one. */
export function fillPattern(name: unknown): string | undefined {
  return typeof name === 'string' ? PATTERNS.get(name.toLowerCase()) : undefined;
}

export interface StateRead {
  /** The state with its bad records dropped; null when there is none or it is damaged. */
  state: WorkbookState | null;
  /** 'none': no state; 'ok': read (maybe with records dropped); 'damaged': cannot be decoded, keep it as it is. */
  status: 'none' | 'ok' | 'damaged';
  /** Records dropped because they are not what the product writes. */
  dropped: number;
}

/** A property of an object's own, never one from its prototype. */
export function getOwn<T>(o: Readonly<Record<string, T>> | null | undefined, key: string): T | undefined {
  return o && Object.hasOwn(o, key) ? o[key] : undefined;
}

/** Sets a property as an own property, whatever its name ("__proto__" included). */
export function setOwn<T>(o: Record<string, T>, key: string, value: T): void {
  // A map without a prototype has no inherited `__proto__` setter: assigning makes an own property (and costs far less than defineProperty).
  if (Object.getPrototypeOf(o) === null) o[key] = value;
  else Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
}

/** An empty map for any keys (no prototype). */
export function emptyMap<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** A shallow copy of a map's own entries as a map for any keys (no prototype). */
export function copyMap<T>(o: Readonly<Record<string, T>>): Record<string, T> {
  const out = emptyMap<T>();
  for (const key of Object.keys(o)) setOwn(out, key, o[key]!);
  return out;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const HEX = /^#[0-9A-Fa-f]{6}$/;
const ADDRESS = /^[A-Z]{1,3}[1-9]\d{0,6}$/;

type Fill = FillSpec;
const FILL_KEYS = new Set(['color', 'pattern', 'patternColor', 'tintAndShade', 'patternTintAndShade', 'styleIndex']);
/** A tint or shade as Office.js reports it: a number from -1 (darkest) to 1 (lightest). */
const isTint = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= -1 && v <= 1;
/** A cell format index (the `s` attribute of a cell in the file): Excel allows 64,000 formats. */
const isStyleIndex = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < 65536;

function fillOf(v: unknown): Fill | null {
  if (!isObject(v)) return null;
  for (const k of Object.keys(v)) if (!FILL_KEYS.has(k)) return null;
  const color = v.color;
  if (color !== null && !(typeof color === 'string' && HEX.test(color))) return null;
  const out: Fill = { color: color === null ? null : color.toUpperCase() };
  if (v.pattern !== undefined) {
    const pattern = fillPattern(v.pattern);
    if (pattern === undefined) return null;
    out.pattern = pattern;
  }
  if (v.patternColor !== undefined) {
    if (v.patternColor !== null && !(typeof v.patternColor === 'string' && HEX.test(v.patternColor))) return null;
    out.patternColor = v.patternColor === null ? null : v.patternColor.toUpperCase();
  }
  if (v.tintAndShade !== undefined) {
    if (!isTint(v.tintAndShade)) return null;
    out.tintAndShade = v.tintAndShade;
  }
  if (v.patternTintAndShade !== undefined) {
    if (!isTint(v.patternTintAndShade)) return null;
    out.patternTintAndShade = v.patternTintAndShade;
  }
  if (v.styleIndex !== undefined) {
    if (!isStyleIndex(v.styleIndex)) return null;
    out.styleIndex = v.styleIndex;
  }
  return out;
}

function recordOf(v: unknown): { original: Fill; applied: string } | null {
  if (!isObject(v)) return null;
  for (const k of Object.keys(v)) if (k !== 'original' && k !== 'applied') return null;
  const original = fillOf(v.original);
  if (!original || typeof v.applied !== 'string' || !HEX.test(v.applied) || !isProductColour(v.applied)) return null;
  return { original, applied: v.applied.toUpperCase() };
}

/** Reads the state sheet's column A (the marker, then the JSON in chunks). Never throws. */
export function readStateColumn(column: ReadonlyArray<unknown>): StateRead {
  if (column[0] !== STATE_MARKER) return { state: null, status: 'none', dropped: 0 };
  let json = '';
  for (let i = 1; i < column.length; i++) {
    const v = column[i];
    if (typeof v !== 'string' || v === '') break;
    json += v;
  }
  let raw: unknown;
  try {
    // JSON.parse makes "__proto__" an own property, never a prototype.
    raw = JSON.parse(json);
  } catch {
    return { state: null, status: 'damaged', dropped: 0 };
  }
  if (!isObject(raw) || raw.version !== 1 || !isObject(raw.colours) || (raw.mappings !== undefined && !isObject(raw.mappings))) {
    return { state: null, status: 'damaged', dropped: 0 };
  }
  let dropped = 0;
  const colours = emptyMap<Record<string, { original: Fill; applied: string }>>();
  for (const sheet of Object.keys(raw.colours)) {
    const records = raw.colours[sheet];
    if (!isObject(records) || sheet.length > 31) {
      dropped += isObject(records) ? Math.max(1, Object.keys(records).length) : 1;
      continue;
    }
    const kept = emptyMap<{ original: Fill; applied: string }>();
    for (const address of Object.keys(records)) {
      const rec = ADDRESS.test(address) ? recordOf(records[address]) : null;
      if (rec) setOwn(kept, address, rec);
      else dropped++;
    }
    setOwn(colours, sheet, kept);
  }
  const mappings = emptyMap<unknown>();
  for (const sheet of Object.keys(raw.mappings ?? {})) {
    if (sheet.length > 31) dropped++;
    else setOwn(mappings, sheet, (raw.mappings as Record<string, unknown>)[sheet]);
  }
  for (const k of Object.keys(raw)) if (k !== 'version' && k !== 'colours' && k !== 'mappings') dropped++;
  return { state: { version: 1, colours, mappings } as WorkbookState, status: 'ok', dropped };
}
