/**
 * Fills as exceljs holds them ↔ FillSpec as the core knows it (the same names Office.js uses:
 * colour "#RRGGBB" or null for no fill, pattern "Solid", "None", "Gray50", …).
 * Colours given by theme index (with tint) or by the legacy indexed palette are resolved to RGB.
 */
import type { Fill } from 'exceljs';
import { FillSpec } from '../../core/snapshot';

type ColorRef = { argb?: string; theme?: number; tint?: number; indexed?: number } | undefined;

/** OOXML pattern names ↔ Excel's (Office.js / VBA) names. */
const PATTERN_TO_EXCEL: Record<string, string> = {
  none: 'None',
  solid: 'Solid',
  mediumGray: 'Gray50',
  darkGray: 'Gray75',
  lightGray: 'Gray25',
  gray125: 'Gray16',
  gray0625: 'Gray8',
  darkHorizontal: 'Horizontal',
  darkVertical: 'Vertical',
  darkDown: 'Down',
  darkUp: 'Up',
  darkGrid: 'Checker',
  darkTrellis: 'SemiGray75',
  lightHorizontal: 'LightHorizontal',
  lightVertical: 'LightVertical',
  lightDown: 'LightDown',
  lightUp: 'LightUp',
  lightGrid: 'Grid',
  lightTrellis: 'CrissCross',
};
const EXCEL_TO_PATTERN: Record<string, string> = Object.fromEntries(Object.entries(PATTERN_TO_EXCEL).map(([k, v]) => [v.toLowerCase(), k]));

/** Office's default theme ("Office 2013–2022"): lt1, dk1, lt2, dk2, accent1–6, hlink, folHlink in theme-index order. */
const DEFAULT_THEME = ['FFFFFF', '000000', 'E7E6E6', '44546A', '4472C4', 'ED7D31', 'A5A5A5', 'FFC000', '5B9BD5', '70AD47', '0563C1', '954F72'];

/** Excel's legacy 64-colour palette (indexed colours 0–63); 64 is the system foreground, 65 the background. */
const INDEXED = [
  '000000', 'FFFFFF', 'FF0000', '00FF00', '0000FF', 'FFFF00', 'FF00FF', '00FFFF',
  '000000', 'FFFFFF', 'FF0000', '00FF00', '0000FF', 'FFFF00', 'FF00FF', '00FFFF',
  '800000', '008000', '000080', '808000', '800080', '008080', 'C0C0C0', '808080',
  '9999FF', '993366', 'FFFFCC', 'CCFFFF', '660066', 'FF8080', '0066CC', 'CCCCFF',
  '000080', 'FF00FF', 'FFFF00', '00FFFF', '800080', '800000', '008080', '0000FF',
  '00CCFF', 'CCFFFF', 'CCFFCC', 'FFFF99', '99CCFF', 'FF99CC', 'CC99FF', 'FFCC99',
  '3366FF', '33CCCC', '99CC00', 'FFCC00', 'FF9900', 'FF6600', '666699', '969696',
  '003366', '339966', '003300', '333300', '993300', '993366', '333399', '333333',
  '000000', 'FFFFFF',
];

/**
 * The theme's colours in theme-index order (0 lt1, 1 dk1, 2 lt2, 3 dk2, 4–9 accents, 10 hlink,
 * 11 folHlink), read from theme1.xml; Office's defaults for anything the file does not say.
 */
export function themeColors(themeXml: string | undefined): string[] {
  const out = [...DEFAULT_THEME];
  if (!themeXml) return out;
  const scheme = /<a:clrScheme\b[\s\S]*?<\/a:clrScheme>/.exec(themeXml)?.[0];
  if (!scheme) return out;
  // File order is dk1, lt1, dk2, lt2, accent1…6, hlink, folHlink; cell colours swap the first two pairs.
  const slot: Record<string, number> = { dk1: 1, lt1: 0, dk2: 3, lt2: 2, accent1: 4, accent2: 5, accent3: 6, accent4: 7, accent5: 8, accent6: 9, hlink: 10, folHlink: 11 };
  const re = /<a:(dk1|lt1|dk2|lt2|accent[1-6]|hlink|folHlink)>([\s\S]*?)<\/a:\1>/g;
  for (let m = re.exec(scheme); m; m = re.exec(scheme)) {
    const body = m[2]!;
    const rgb = /<a:srgbClr\s+val="([0-9A-Fa-f]{6})"/.exec(body)?.[1] ?? /<a:sysClr\b[^>]*\blastClr="([0-9A-Fa-f]{6})"/.exec(body)?.[1];
    if (rgb) out[slot[m[1]!]!] = rgb.toUpperCase();
  }
  return out;
}

/** Applies Excel's tint (-1…1) to an RGB colour, in HSL as Excel does. */
export function applyTint(rgb: string, tint: number): string {
  if (!tint) return rgb;
  const r = parseInt(rgb.slice(0, 2), 16) / 255;
  const g = parseInt(rgb.slice(2, 4), 16) / 255;
  const b = parseInt(rgb.slice(4, 6), 16) / 255;
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  let h = 0;
  let s = 0;
  let l = (max + min) / 2;
  if (max !== min) {
    const d = max - min;
    s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
    h = max === r ? (g - b) / d + (g < b ? 6 : 0) : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
    h /= 6;
  }
  l = tint < 0 ? l * (1 + tint) : l * (1 - tint) + tint;
  const hue = (p: number, q: number, t: number) => {
    if (t < 0) t += 1;
    if (t > 1) t -= 1;
    if (t < 1 / 6) return p + (q - p) * 6 * t;
    if (t < 1 / 2) return q;
    if (t < 2 / 3) return p + (q - p) * (2 / 3 - t) * 6;
    return p;
  };
  let rr = l;
  let gg = l;
  let bb = l;
  if (s !== 0) {
    const q = l < 0.5 ? l * (1 + s) : l + s - l * s;
    const p = 2 * l - q;
    rr = hue(p, q, h + 1 / 3);
    gg = hue(p, q, h);
    bb = hue(p, q, h - 1 / 3);
  }
  const hex = (x: number) => Math.round(Math.min(1, Math.max(0, x)) * 255).toString(16).padStart(2, '0');
  return (hex(rr) + hex(gg) + hex(bb)).toUpperCase();
}

/** An exceljs colour reference → "#RRGGBB", or null when it names no colour. */
export function resolveColor(color: ColorRef, theme: readonly string[]): string | null {
  if (!color) return null;
  let rgb: string | undefined;
  if (typeof color.argb === 'string' && /^([0-9A-Fa-f]{2})?[0-9A-Fa-f]{6}$/.test(color.argb)) rgb = color.argb.slice(-6).toUpperCase();
  else if (typeof color.theme === 'number') rgb = theme[color.theme] ?? DEFAULT_THEME[color.theme];
  else if (typeof color.indexed === 'number') rgb = INDEXED[color.indexed];
  if (!rgb) return null;
  return '#' + applyTint(rgb, typeof color.tint === 'number' ? color.tint : 0);
}

const NO_FILL: FillSpec = { color: null, pattern: 'None' };

/**
 * A cell's fill as the core knows it. No fill (absent, or pattern "none") is `{color: null}`,
 * distinct from a white fill. A solid fill's colour is its foreground; a patterned fill's
 * colour is its background (as Office.js reports it) and its pattern name; a gradient reports
 * its first stop.
 */
export function fillSpecOf(fill: Fill | undefined, theme: readonly string[]): FillSpec {
  if (!fill || typeof fill !== 'object') return { ...NO_FILL };
  if (fill.type === 'pattern') {
    const pattern = fill.pattern as string | undefined;
    if (!pattern || pattern === 'none') return { ...NO_FILL };
    if (pattern === 'solid') return { color: resolveColor(fill.fgColor as ColorRef, theme) ?? '#000000', pattern: 'Solid' };
    return { color: resolveColor(fill.bgColor as ColorRef, theme), pattern: PATTERN_TO_EXCEL[pattern] ?? pattern };
  }
  if (fill.type === 'gradient') {
    const first = fill.stops?.[0]?.color as ColorRef;
    return { color: resolveColor(first, theme), pattern: fill.gradient === 'path' ? 'RectangularGradient' : 'LinearGradient' };
  }
  return { ...NO_FILL };
}

/** "#RRGGBB" → a fresh exceljs solid fill (fresh objects every call: styles must never be shared). */
export function solidFill(color: string): Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF' + color.replace(/^#/, '').toUpperCase() } };
}

/**
 * The exceljs fill that gives back a FillSpec, or undefined for no fill. A pattern keeps its
 * name and background colour (its pattern colour falls back to automatic); a gradient comes back
 * as a solid fill of its first colour.
 */
export function fillFromSpec(spec: FillSpec): Fill | undefined {
  // Own keys only: a pattern named "constructor" is no pattern, not Object's constructor.
  const pattern = spec.pattern === undefined ? (spec.color === null ? 'none' : 'solid') : Object.hasOwn(EXCEL_TO_PATTERN, spec.pattern.toLowerCase()) ? EXCEL_TO_PATTERN[spec.pattern.toLowerCase()] : undefined;
  if (spec.color === null && (pattern === undefined || pattern === 'none' || pattern === 'solid')) return undefined;
  if (pattern === undefined || pattern === 'solid' || pattern === 'none') return solidFill(spec.color!);
  const fill: Fill = { type: 'pattern', pattern: pattern as never };
  if (spec.color !== null) fill.bgColor = { argb: 'FF' + spec.color.replace(/^#/, '').toUpperCase() };
  return fill;
}
