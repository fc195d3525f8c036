/**
 * The xlsx file host's reader of a package it can patch: the workbook read straight from the
 * package's parts (scanned as plain XML, xml-scan.ts, or streamed through saxes when a part holds
 * anything else or is large), without loading it into exceljs. It gives
 * the core exactly what the exceljs reader (read.ts) gives, and the differential test
 * (test/hosts/xlsx/package-read.test.ts) holds it to that, with exceljs as the oracle. So where
 * a choice is exceljs's, it is followed here, cited to exceljs's source (lib/xlsx/xform/…):
 * which `<c>` elements are cells, how a value's type is read, that a number under a date format is
 * read as a date, that style index 0 gives a cell no format, how merged areas add cells.
 *
 * Parts are read when asked for: workbook.xml and its relationships at once; styles, shared
 * strings and the theme on the first read of a sheet; each worksheet only when it is read (the
 * core may read several to choose one), and of the others only their first row (the summary
 * marker in A1). Each part is inflated on its own and dropped after it is read.
 *
 * Where the two readers differ, exceljs is wrong, and this reader does what the file says:
 *  - an escaped letter in a number format (`0\ \n\g\à\y`) is a literal, so the format is not a
 *    date format (exceljs drops the backslashes first and reads "0 ngày" as a date format, turning
 *    the number into a Date and back, which can move its last digits);
 *  - `sheet="true"` protects a sheet and `date1904="true"` is the 1904 system (xsd:boolean;
 *    exceljs accepts "1" only);
 *  - elements with a namespace prefix (`<x:c>`) are read (exceljs reads unprefixed names only);
 *  - a formula whose cached result is 0 or FALSE holds that result (exceljs keeps only truthy
 *    results, lib/doc/cell.js FormulaValue._copyModel, so a formula computing 0 reads as empty);
 *  - a formula's text or TRUE/FALSE result under a date format stays what it is (exceljs makes a
 *    date of it: "Invalid Date", or 1 for TRUE);
 *  - a shared-string index that is not in the table reads as an empty cell (exceljs fails to open the file).
 */
import { isAscii } from 'buffer';
import { StringDecoder } from 'string_decoder';
import * as zlib from 'zlib';
import { SaxesParser, SaxesTagPlain } from 'saxes';
import type { Fill } from 'exceljs';
import type { HostRead } from '../../core/pipeline';
import { STATE_SHEET, SUMMARY_MARKER } from '../../core/plan';
import { summarySource } from '../../core/product-sheets';
import { StateRead, readStateColumn } from '../../core/state';
import type { CellContent } from '../../core/read';
import { CellArea, FillSpec, SheetSnapshot, a1Column, parseA1 } from '../../core/snapshot';
import { fillSpecOf, themeColors } from './colors';
import { NS, XlsxPackage, child, children } from './package';
import { ModelRow, WorkbookRead, XlsxReadError, contentOf, snapshotOf } from './snapshot-model';
import type { LaidRow, SheetLayout } from './sheet-patch';
import { TagRead, characters, endTagNamed, localName, readTag, scanPlainXml, skipBlank, startTagNamed } from './xml-scan';
import { ZipEntry } from './zip';

const REL_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';

/** Bytes decoded and parsed in pieces this large (a large sheet never lives in the heap as one string). */
const CHUNK = 1 << 20;

/** A part scanned as plain XML (xml-scan.ts) at most this large: it is held as one string while it is scanned; a larger one streams through saxes. */
const PLAIN_SCAN_MAX = 4 * CHUNK;

class StopParsing extends Error {}

interface XmlHandlers {
  open(local: string, attrs: Record<string, string>, selfClosing: boolean, name: string): void;
  text?(t: string): void;
  close(local: string): void;
  /** The plain scanner's hook for reading an element's content in place (xml-scan.ts ScanHandlers.content); saxes does not call it. */
  content?(local: string, at: number, s: string, bytes: Buffer): number;
  /**
   * Set by the parse when asked to: the byte offset in the part just after what the parser last
   * read (after a start tag's `>` in `open`, after an end tag's `>` in `close`).
   */
  byteEnd?: () => number;
}

/**
 * Streams XML (UTF-8 bytes) through saxes; a handler may stop it early by throwing StopParsing.
 * `complete` false: the bytes are only the start of the part (not closed: no error for what is cut off).
 * `positions`: handlers get `byteEnd`. saxes counts its position in characters of all it was
 * given; each piece decoded is kept with where it starts in characters and in bytes, and a
 * position is turned into bytes by measuring the piece's text up to it (once for a piece of
 * ASCII only; positions only grow, so each character is measured at most once).
 */
function parseXmlBytes(bytes: Buffer, h: XmlHandlers, complete = true, positions = false): void {
  const parser = new SaxesParser({ xmlns: false });
  let failure: Error | undefined;
  parser.on('error', (e) => {
    failure ??= e;
  });
  parser.on('opentag', (node: SaxesTagPlain) => h.open(localName(node.name), node.attributes as Record<string, string>, node.isSelfClosing, node.name));
  if (h.text) {
    const text = h.text;
    parser.on('text', (t) => text(t));
    parser.on('cdata', (t) => text(t));
  }
  parser.on('closetag', (node) => h.close(localName(node.name)));
  // The piece being parsed: its text, where it starts (characters, bytes), whether it is ASCII, and a cursor in it.
  let piece = '';
  let pieceChars = 0;
  let pieceBytes = 0;
  let ascii = true;
  let cursorChars = 0;
  let cursorBytes = 0;
  if (positions) {
    h.byteEnd = () => {
      const at = parser.position - pieceChars;
      if (ascii) return pieceBytes + at;
      if (at < cursorChars) {
        cursorChars = 0;
        cursorBytes = 0;
      }
      cursorBytes += Buffer.byteLength(piece.slice(cursorChars, at), 'utf8');
      cursorChars = at;
      return pieceBytes + cursorBytes;
    };
  }
  const decoder = new StringDecoder('utf8');
  /** `plain`: the piece is ASCII, each character a byte (known from its bytes; else measured here). */
  const feed = (text: string, bytesBefore: number, plain: boolean): number => {
    let size = 0;
    if (positions) {
      size = plain ? text.length : Buffer.byteLength(text, 'utf8');
      pieceChars += piece.length;
      piece = text;
      pieceBytes = bytesBefore;
      ascii = size === text.length;
      cursorChars = 0;
      cursorBytes = 0;
    }
    parser.write(text);
    return size;
  };
  try {
    // A piece's bytes: what the decoder took in, less what it holds back of a character cut at the end (given with the next piece).
    let decodedBytes = 0;
    for (let at = 0; at < bytes.length && !failure; at += CHUNK) {
      const chunk = bytes.subarray(at, Math.min(bytes.length, at + CHUNK));
      const text = decoder.write(chunk);
      // Bytes all under 0x80, none held back from the piece before: the text is those bytes, one character each.
      decodedBytes += feed(text, decodedBytes, positions && text.length === chunk.length && isAscii(chunk));
    }
    if (!failure && complete) {
      feed(decoder.end(), decodedBytes, false);
      parser.close();
    }
  } catch (e) {
    if (e instanceof StopParsing) return;
    throw e;
  }
  if (failure) throw failure;
}

/**
 * A whole part through the handlers: scanned as plain XML when `plain` and it is not too large
 * (xml-scan.ts), else streamed through saxes. False when the scan gave up part of the way: the
 * caller reads the part again, from the start and with its state made anew, `plain` false.
 */
function readXml(bytes: Buffer, plain: boolean, h: XmlHandlers, positions = false): boolean {
  if (plain && bytes.length <= PLAIN_SCAN_MAX) return scanPlainXml(bytes, h);
  parseXmlBytes(bytes, h, true, positions);
  return true;
}

/** Where the tag ending at or before `from` starts: the last `<` at or before it (-1: none). A tag is short: scanned here, not by a call into Buffer's native search. */
function tagStart(bytes: Buffer, from: number): number {
  let i = from;
  while (i >= 0 && bytes[i] !== 0x3c) i--;
  return i;
}

/** exceljs's test of a date format (lib/utils/utils.js isDateFmt), on a code whose escaped characters are taken out. */
export function isDateFormat(code: string | undefined): boolean {
  if (!code) return false;
  const f = code
    .replace(/\\./g, '')
    .replace(/\[[^\]]*]/g, '')
    .replace(/"[^"]*"/g, '');
  return /[ymdhMsb]+/.test(f);
}

/** Built-in number formats by id, as exceljs gives them (lib/xlsx/defaultnumformats.js; ECMA-376 Part 1 §18.8.30). */
const BUILT_IN_FORMATS: Record<number, string> = {
  0: 'General', 1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 11: '0.00E+00', 12: '# ?/?', 13: '# ??/??',
  14: 'mm-dd-yy', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM', 20: 'h:mm', 21: 'h:mm:ss', 22: 'm/d/yy "h":mm',
  37: '#,##0 ;(#,##0)', 38: '#,##0 ;[Red](#,##0)', 39: '#,##0.00 ;(#,##0.00)', 40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mmss.0', 48: '##0.0E+0', 49: '@',
};

/** `_xHHHH_` escapes of shared-string text (ECMA-376 Part 1 §22.9.2.19), decoded as exceljs does (TextXform). */
const decodeEscapes = (s: string) => (s.includes('_x') ? s.replace(/_x([0-9A-F]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))) : s);

/** exceljs's second decoding of a t="str" value (lib/utils/utils.js xmlDecode). */
const xmlDecode = (s: string) =>
  s.includes('&')
    ? s.replace(/&([a-z]*);/g, (c) => ({ '&lt;': '<', '&gt;': '>', '&amp;': '&', '&apos;': "'", '&quot;': '"' })[c] ?? c)
    : s;

type RichText = { richText: Array<{ text?: string }> };
type SharedString = string | RichText | Record<string, never>;

/** A cell format as a read needs it: the number format the file gives it, and its fill. */
interface CellStyle {
  numberFormat?: string;
  /** The number format is a date format (isDateFormat of it, worked out once per format). */
  date?: boolean;
  fill?: Fill;
  fillSpec?: FillSpec;
}

interface Styles {
  /** By cellXfs index; index 0 (and a missing `s`) is no format at all, as exceljs reads it. */
  xfs: CellStyle[];
}

/** styles.xml: number formats, fills and cellXfs, as exceljs's StylesXform reads them. */
function readStyles(bytes: Buffer | undefined, theme: readonly string[], plain = true): Styles {
  const codes = new Map<number, string>();
  const fills: Array<Fill | undefined> = [];
  const xfs: Array<{ numFmtId: number; fillId: number }> = [];
  if (bytes) {
    const path: string[] = [];
    let fill: Record<string, unknown> | undefined;
    let stop: { position: number; color?: unknown } | undefined;
    const colour = (a: Record<string, string>) => {
      // lib/xlsx/xform/style/color-xform.js
      if (a.rgb) return { argb: a.rgb };
      if (a.theme) return a.tint ? { theme: parseInt(a.theme, 10), tint: parseFloat(a.tint) } : { theme: parseInt(a.theme, 10) };
      if (a.indexed) return { indexed: parseInt(a.indexed, 10) };
      return undefined;
    };
    const read = readXml(bytes, plain, {
      open(name, a) {
        const parent = path[path.length - 1];
        path.push(name);
        if (name === 'numFmt' && parent === 'numFmts' && path.length === 3) {
          if (a.numFmtId !== undefined && a.formatCode) codes.set(parseInt(a.numFmtId, 10), a.formatCode);
        } else if (name === 'fill' && parent === 'fills') {
          fill = undefined;
        } else if (path[1] === 'fills' && name === 'patternFill') {
          fill = { type: 'pattern', pattern: a.patternType };
        } else if (path[1] === 'fills' && name === 'gradientFill') {
          // lib/xlsx/xform/style/fill-xform.js GradientFillXform
          fill = { type: 'gradient', stops: [] as unknown[] };
          if (a.degree) fill.gradient = 'angle';
          else if (a.type === 'path') fill.gradient = 'path';
        } else if (path[1] === 'fills' && (name === 'fgColor' || name === 'bgColor') && fill?.type === 'pattern') {
          const c = colour(a);
          if (c) fill[name] = c;
        } else if (path[1] === 'fills' && name === 'stop' && fill?.type === 'gradient') {
          stop = { position: parseFloat(a.position ?? '0') };
        } else if (path[1] === 'fills' && name === 'color' && stop) {
          stop.color = colour(a);
        } else if (name === 'xf' && parent === 'cellXfs') {
          // lib/xlsx/xform/style/style-xform.js: parseInt of each id (NaN when absent)
          xfs.push({ numFmtId: parseInt(a.numFmtId!, 10), fillId: parseInt(a.fillId!, 10) });
        }
      },
      close(name) {
        path.pop();
        if (name === 'stop' && stop && fill) {
          (fill.stops as unknown[]).push(stop);
          stop = undefined;
        } else if (name === 'fill' && path[path.length - 1] === 'fills') {
          fills.push(fill as Fill | undefined);
          fill = undefined;
        }
      },
    });
    if (!read) return readStyles(bytes, theme, false);
  }
  const styles: CellStyle[] = xfs.map((xf) => {
    const style: CellStyle = {};
    // StylesXform.getStyleModel: a number format when numFmtId is not 0; the fill when fillId is a number.
    if (xf.numFmtId) {
      const code = codes.get(xf.numFmtId) ?? BUILT_IN_FORMATS[xf.numFmtId];
      if (code) {
        style.numberFormat = code;
        style.date = isDateFormat(code);
      }
    }
    if (xf.fillId || xf.fillId === 0) {
      const f = fills[xf.fillId];
      if (f) {
        style.fill = f;
        // Shared by every cell of the format (snapshots hold it as it is): frozen, so no reader can change another cell's.
        style.fillSpec = Object.freeze(fillSpecOf(f, theme));
      }
    }
    return style;
  });
  return { xfs: styles };
}

/** The shared-string table, each item as exceljs's SharedStringXform gives it (a string, or rich text). */
function readSharedStrings(bytes: Buffer | undefined, plain = true): SharedString[] {
  const out: SharedString[] = [];
  if (!bytes) return out;
  let item: SharedString | undefined;
  let run: { text?: string } | undefined;
  /** The open `<t>`'s text so far (undefined outside one). */
  let text: string | undefined;
  let depth = 0;
  let phonetic = 0;
  const read = readXml(bytes, plain, {
    open(name) {
      depth++;
      if (name === 'si' && depth === 2) item = {};
      else if (item === undefined) return;
      else if (name === 'rPh') phonetic++;
      else if (phonetic) return;
      else if (name === 'r') run = {};
      else if (name === 't') text = '';
    },
    text(t) {
      if (text !== undefined) text += t;
    },
    close(name) {
      depth--;
      if (item === undefined) return;
      if (name === 'rPh') phonetic--;
      else if (phonetic) return;
      else if (name === 't' && text !== undefined) {
        const t = decodeEscapes(text);
        text = undefined;
        if (run) run.text = t;
        else item = t;
      } else if (name === 'r' && run) {
        if (typeof item === 'object') ((item as RichText).richText ??= []).push(run);
        run = undefined;
      } else if (name === 'si' && depth === 1) {
        out.push(item);
        item = undefined;
      }
    },
  });
  if (!read) return readSharedStrings(bytes, false);
  return out;
}

/** What the reader keeps of one sheet entry of workbook.xml. */
export interface PackageSheet {
  name: string;
  /** "visible", "hidden", "veryHidden" (absent: visible). */
  state?: string;
  part: string;
}

/** A cell as read: the core's content and fill, and for columns A and B what the product's own sheets need. */
interface RawCell {
  c: number;
  content: CellContent | null;
  fill: FillSpec;
  /** Whether the cell holds a value (Worksheet.eachCell's non-empty cells). */
  hasValue: boolean;
  /** Columns A and B: the cell's text as read.ts's cellString gives it (a string or rich text, not a formula's result). */
  text?: string;
  /** Column A: exceljs's value of a cell that is not a formula (the state sheet's marker is compared with it). */
  raw?: unknown;
}

interface ParsedSheet {
  rows: Array<{ r: number; style: CellStyle | undefined; cells: RawCell[] }>;
  cols: Array<{ min: number; max: number; style: CellStyle | undefined }>;
  merges: string[];
  protected: boolean;
  /** Where its rows and cells are (a whole part read): the patch of a scoring changes the part from it. */
  layout?: SheetLayout;
}

/** The workbook of a package, read part by part (see the file comment). */
export class PackageBook {
  readonly sheets: PackageSheet[];
  readonly activeTab: number;
  readonly date1904: boolean;
  private themeCache: string[] | undefined;
  private stylesCache: Styles | undefined;
  private stringsCache: SharedString[] | undefined;
  private readonly snapshots = new Map<string, SheetSnapshot>();
  private readonly layouts = new Map<string, SheetLayout>();
  private readonly firstRows = new Map<string, { a1?: string; b1?: string; a1Value?: unknown }>();
  private readCache: WorkbookRead | undefined;

  constructor(
    readonly pkg: XlsxPackage,
    private readonly options: { workbookName?: string } = {},
  ) {
    const root = pkg.workbook().documentElement!;
    const rels = new Map(pkg.rels(pkg.workbookPart).map((r) => [r.id, r]));
    this.sheets = [];
    const sheetsEl = child(root, 'sheets');
    for (const el of sheetsEl ? children(sheetsEl, 'sheet') : []) {
      const rel = rels.get(el.getAttributeNS(NS.r, 'id') ?? '');
      // Only worksheets (a chartsheet is no worksheet), as exceljs's WorkbookXform.reconcile.
      if (!rel || rel.type !== REL_TYPE + 'worksheet' || !pkg.has(rel.part)) continue;
      const state = el.getAttribute('state');
      this.sheets.push({ name: el.getAttribute('name') ?? '', ...(state ? { state } : {}), part: rel.part });
    }
    const pr = child(root, 'workbookPr');
    const d = pr?.getAttribute('date1904');
    this.date1904 = d === '1' || d === 'true';
    const views = child(root, 'bookViews');
    const view = views ? child(views, 'workbookView') : undefined;
    this.activeTab = parseInt(view?.getAttribute('activeTab') ?? '0', 10) || 0;
  }

  private relPart(type: string): string | undefined {
    return this.pkg.rels(this.pkg.workbookPart).find((r) => r.type === REL_TYPE + type && this.pkg.has(r.part))?.part;
  }

  theme(): string[] {
    if (!this.themeCache) {
      const part = this.relPart('theme') ?? (this.pkg.has('xl/theme/theme1.xml') ? 'xl/theme/theme1.xml' : undefined);
      this.themeCache = themeColors(part ? this.pkg.text(part) : undefined);
    }
    return this.themeCache;
  }

  /** The fill of cell format `styleIndex` as the core knows fills (no fill for a format the file lacks). */
  fillAt(styleIndex: number): FillSpec {
    return { ...(this.styles().xfs[styleIndex]?.fillSpec ?? fillSpecOf(undefined, this.theme())) };
  }

  private styles(): Styles {
    if (!this.stylesCache) {
      const part = this.relPart('styles');
      this.stylesCache = readStyles(part ? this.pkg.bytes(part) : undefined, this.theme());
    }
    return this.stylesCache;
  }

  private strings(): SharedString[] {
    if (!this.stringsCache) {
      const part = this.relPart('sharedStrings');
      this.stringsCache = readSharedStrings(part ? this.pkg.bytes(part) : undefined);
    }
    return this.stringsCache;
  }

  /** Forgets what was read: the package changed (a plan was patched in). */
  invalidate(): void {
    this.stylesCache = undefined;
    this.snapshots.clear();
    this.layouts.clear();
    this.firstRows.clear();
    this.readCache = undefined;
    (this as { sheets: PackageSheet[] }).sheets = new PackageBook(this.pkg, this.options).sheets;
  }

  sheet(name: string): PackageSheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  /**
   * A worksheet part parsed as exceljs's WorksheetXform, CellXform and RowXform read one.
   * `firstRowOnly`: stop after row 1 (the summary marker and its source).
   */
  private parse(sheet: PackageSheet, firstRowOnly = false): ParsedSheet {
    try {
      return this.parsePart(sheet, firstRowOnly);
    } catch (e) {
      // Not well-formed XML: the file is damaged, as exceljs would say on opening it.
      if (e instanceof XlsxReadError) throw e;
      throw new XlsxReadError('damaged', `the workbook could not be read (${sheet.part}: ${(e as Error).message})`);
    }
  }

  /**
   * `plain`: a whole part is first scanned as plain XML (readXml); when it is not, it is read
   * again from the start, with every handler's state made anew, through saxes.
   */
  private parsePart(sheet: PackageSheet, firstRowOnly: boolean, plain = true): ParsedSheet {
    const styles = this.styles().xfs;
    const strings = this.strings();
    const date1904 = this.date1904;
    const ctx = { theme: this.theme(), date1904 };
    const noFill = Object.freeze(fillSpecOf(undefined, ctx.theme));
    const out: ParsedSheet = { rows: [], cols: [], merges: [], protected: false };
    const styleOf = (s: string | undefined): CellStyle | undefined => {
      const i = s === undefined ? 0 : parseInt(s, 10);
      return i ? styles[i] : undefined; // index 0 and none: no format (exceljs: `model.styleId && getStyleModel(…)`)
    };
    const stack: string[] = [];
    let row: ParsedSheet['rows'][number] | undefined;
    let lastRow = 0;
    let prevCol = -1;
    // The open cell.
    let cell: { r: string | undefined; col: number; t: string | undefined; s: string | undefined; value: string | RichText | undefined; formula: string | undefined; shared: string | undefined } | undefined;
    let node: 'f' | 'v' | 't' | undefined;
    let run: { text?: string } | undefined;
    let runText: string[] | undefined;
    const endCell = () => {
      const m = cell!;
      cell = undefined;
      const style = styleOf(m.s);
        let value: unknown;
      let formula = false;
      // CellXform.parseClose: the first guess at the type.
      if (m.formula || m.shared) {
        formula = true;
        if (m.value) {
          const v = m.value as string;
          value = m.t === 'str' ? xmlDecode(v) : m.t === 'b' ? parseInt(v, 10) !== 0 : m.t === 'e' ? { error: v } : parseFloat(v);
        }
      } else if (m.value !== undefined) {
        const v = m.value;
        if (m.t === 's') {
          const i = parseInt(v as string, 10);
          value = strings[i];
        } else if (m.t === 'str') value = xmlDecode(v as string);
        else if (m.t === 'inlineStr') value = v;
        else if (m.t === 'b') value = parseInt(v as string, 10) !== 0;
        else if (m.t === 'e') value = { error: v };
        else value = parseFloat(v as string);
      } else if (!style && !(m.s && parseInt(m.s, 10))) {
        return; // no value and no style: exceljs makes no cell of it (its "Merge" type, skipped by Row)
      }
      // CellXform.reconcile: a number under a date format is a date.
      if (typeof value === 'number' && style?.date) value = new Date(Math.round((value - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
      const c = m.col >= 0 ? m.col : prevCol + 1;
      prevCol = c;
      const read: RawCell = { c, content: contentOf(value, style?.numberFormat, ctx), fill: style?.fillSpec ?? noFill, hasValue: value !== undefined && value !== null };
      if (c <= 1 && !formula) {
        if (typeof value === 'string') read.text = value;
        else if (value && typeof value === 'object' && Array.isArray((value as RichText).richText)) read.text = (value as RichText).richText.map((r) => r.text ?? '').join('');
        if (c === 0) read.raw = value;
      }
      row!.cells.push(read);
    };
    // The layout (a whole part read): where sheetData, its rows and their cells start and end, in bytes.
    const bytes = firstRowOnly ? undefined : (this.pkg.bytes(sheet.part) ?? Buffer.alloc(0));
    const layout: SheetLayout | undefined = bytes ? { length: bytes.length, sheetData: null, cols: [], rows: [] } : undefined;
    let laidRow: LaidRow | undefined;
    let laidCol = -1;
    let justOpenedEmpty = false;
    let refCol = -1;
    // As patchSheetXml reads them: a row's number is its `r`, or the one after; a cell's column its `r`'s, or the one after.
    const lay = (name: string, parent: string | undefined, a: Record<string, string>, selfClosing: boolean, raw: string) => {
      if (name === 'c') {
        if (parent !== 'row' || !laidRow) return;
        const end = handlers.byteEnd!();
        laidCol = refCol >= 0 ? refCol : laidCol + 1;
        laidRow.cells.push(laidCol, tagStart(bytes!, end - 1), end, selfClosing ? 1 : 0);
      } else if (name === 'row') {
        if (parent !== 'sheetData') return;
        const end = handlers.byteEnd!();
        const r = Number(a.r) || (laidRow ? laidRow.r : 0) + 1;
        const style = a.customFormat === '1' || a.customFormat === 'true' ? Number(a.s) || 0 : null;
        laidRow = { r, start: tagStart(bytes!, end - 1), end, close: -1, style, cells: [] };
        laidCol = -1;
        layout!.rows.push(laidRow);
      } else if (name === 'sheetData') {
        const end = handlers.byteEnd!();
        layout!.sheetData ??= { start: tagStart(bytes!, end - 1), end, close: -1, name: raw };
      } else if (name === 'col' && !layout!.sheetData) layout!.cols.push({ min: Number(a.min), max: Number(a.max), style: Number(a.style) || 0 });
    };
    const tag: TagRead = { end: 0, selfClosing: false, a: undefined, b: undefined, c: undefined };
    /**
     * The content of sheetData read straight from the part's text (`s`: a character per byte) in the
     * forms spreadsheet tools write: rows of cells, each cell empty or holding an `f`, then a `v` or
     * an `is` with one `t`, white space between. It gives the rows, cells and layout exactly what
     * open, text and close give them for the same elements (the same state, then endCell), without
     * an event, a name or an object of attributes per element. At anything else (a prefix, rich
     * text, another element) it puts everything back as it was and gives -1: the scanner then reads
     * the rows as elements. Otherwise: the position of the end tag closing sheetData.
     */
    const readRows = (s: string, bytes: Buffer, at: number): number => {
      const rowsBefore = out.rows.length;
      const laidBefore = layout!.rows.length;
      const was = { row, lastRow, prevCol, laidRow, laidCol };
      const giveUp = () => {
        out.rows.length = rowsBefore;
        layout!.rows.length = laidBefore;
        ({ row, lastRow, prevCol, laidRow, laidCol } = was);
        cell = undefined;
        return -1;
      };
      /** Where the element textElement read ends. */
      let after = 0;
      /**
       * An element holding text only, whose name ends at `nameEnd` (the value of its attribute `want`
       * in tag.a): its text (undefined: none, or a self-closing element), with `after` set past its
       * end tag; null when it is not so.
       */
      const textElement = (nameEnd: number, name: string, want = ''): string | undefined | null => {
        if (!readTag(s, bytes, nameEnd, want, '', '', tag)) return null;
        after = tag.end;
        if (tag.selfClosing) return undefined;
        const lt = s.indexOf('<', after);
        if (lt < 0) return null;
        const text = lt > after ? characters(bytes, s, after, lt, true) : undefined;
        if (text === null) return null;
        after = endTagNamed(s, lt, name);
        return after < 0 ? null : text;
      };
      let i = at;
      for (;;) {
        i = skipBlank(s, i);
        if (i < 0) return giveUp();
        if (s.charCodeAt(i) === 60 && s.charCodeAt(i + 1) === 47) return i; // `</`: the scanner checks it closes sheetData
        const rowName = startTagNamed(s, i, 'row');
        if (rowName < 0 || !readTag(s, bytes, rowName, 'r', 's', 'customFormat', tag)) return giveUp();
        // As open and lay give a row.
        const r = parseInt(tag.a!, 10) || lastRow + 1;
        lastRow = r;
        prevCol = -1;
        row = { r: r - 1, style: styleOf(tag.b), cells: [] };
        out.rows.push(row);
        laidRow = { r: Number(tag.a) || (laidRow ? laidRow.r : 0) + 1, start: i, end: tag.end, close: -1, style: tag.c === '1' || tag.c === 'true' ? Number(tag.b) || 0 : null, cells: [] };
        laidCol = -1;
        layout!.rows.push(laidRow);
        i = tag.end;
        if (tag.selfClosing) continue;
        for (;;) {
          i = skipBlank(s, i);
          if (i < 0) return giveUp();
          const rowEnd = endTagNamed(s, i, 'row');
          if (rowEnd >= 0) {
            laidRow.close = i;
            i = rowEnd;
            break;
          }
          const cName = startTagNamed(s, i, 'c');
          if (cName < 0 || !readTag(s, bytes, cName, 'r', 's', 't', tag)) return giveUp();
          const col = tag.a !== undefined ? a1Column(tag.a) : -1;
          laidCol = col >= 0 ? col : laidCol + 1;
          laidRow.cells.push(laidCol, i, tag.end, tag.selfClosing ? 1 : 0);
          cell = { r: tag.a, col, t: tag.c, s: tag.b, value: undefined, formula: undefined, shared: undefined };
          i = tag.end;
          if (!tag.selfClosing) {
            i = skipBlank(s, i);
            if (i < 0) return giveUp();
            const f = startTagNamed(s, i, 'f');
            if (f >= 0) {
              const formula = textElement(f, 'f', 't');
              if (formula === null) return giveUp();
              if (tag.a) cell.shared = tag.a;
              cell.formula = formula;
              i = skipBlank(s, after);
              if (i < 0) return giveUp();
            }
            const v = startTagNamed(s, i, 'v');
            const is = v < 0 ? startTagNamed(s, i, 'is') : -1;
            if (v >= 0) {
              const value = textElement(v, 'v');
              if (value === null) return giveUp();
              cell.value = value;
              i = after;
            } else if (is >= 0) {
              if (!readTag(s, bytes, is, '', '', '', tag) || tag.selfClosing) return giveUp();
              i = skipBlank(s, tag.end);
              const t = i < 0 ? -1 : startTagNamed(s, i, 't');
              const value = t < 0 ? null : textElement(t, 't');
              if (value === null) return giveUp();
              cell.value = value;
              i = skipBlank(s, after);
              const isEnd = i < 0 ? -1 : endTagNamed(s, i, 'is');
              if (isEnd < 0) return giveUp();
              i = isEnd;
            }
            i = skipBlank(s, i);
            const cEnd = i < 0 ? -1 : endTagNamed(s, i, 'c');
            if (cEnd < 0) return giveUp();
            i = cEnd;
          }
          endCell();
        }
      }
    };
    const handlers: XmlHandlers = {
        open(name, a, selfClosing, raw) {
          const parent = stack[stack.length - 1];
          stack.push(name);
          justOpenedEmpty = selfClosing;
          // A cell's column from its reference, parsed once (-1: none, or not a reference).
          if (name === 'c') refCol = a.r !== undefined ? a1Column(a.r) : -1;
          if (layout) lay(name, parent, a, selfClosing, raw);
          if (cell) {
            if (run) {
              if (name === 't') runText = [];
              return;
            }
            if (name === 'f') {
              node = 'f';
              if (a.t) cell.shared = a.t;
            } else if (name === 'v') node = 'v';
            else if (name === 't') node = 't';
            else if (name === 'r') run = {};
            return;
          }
          if (name === 'row' && parent === 'sheetData') {
            const r = parseInt(a.r!, 10) || lastRow + 1;
            if (firstRowOnly && r > 1) throw new StopParsing();
            lastRow = r;
            prevCol = -1;
            row = { r: r - 1, style: styleOf(a.s), cells: [] };
            out.rows.push(row);
          } else if (name === 'c' && parent === 'row' && row) {
            // One shape for every cell (an object of varying shape makes every later access to it slow).
            cell = { r: a.r, col: refCol, t: a.t, s: a.s, value: undefined, formula: undefined, shared: undefined };
          } else if (name === 'col' && parent === 'cols') {
            out.cols.push({ min: parseInt(a.min || '0', 10), max: parseInt(a.max || '0', 10), style: a.style ? styleOf(a.style) : undefined });
          } else if (name === 'mergeCell' && parent === 'mergeCells') {
            if (a.ref) out.merges.push(a.ref);
          } else if (name === 'sheetProtection') {
            out.protected = a.sheet === '1' || a.sheet === 'true';
          }
        },
        content(name, at, s, bytes) {
          // A whole sheet's rows (the layout is being made), read in place where they take the usual forms.
          return name === 'sheetData' && layout && !cell ? readRows(s, bytes, at) : -1;
        },
        text(t) {
          if (!cell) return;
          if (run) {
            if (runText) runText.push(t);
            return;
          }
          if (node === 'f') cell.formula = (cell.formula ?? '') + t;
          else if (node === 'v' || node === 't') cell.value = ((cell.value as string | undefined) ?? '') + t;
        },
        close(name) {
          const parent = stack.pop() !== undefined ? stack[stack.length - 1] : undefined;
          if (layout && !justOpenedEmpty) {
            if (name === 'row' && parent === 'sheetData' && laidRow) laidRow.close = tagStart(bytes!, handlers.byteEnd!() - 1);
            else if (name === 'sheetData' && layout.sheetData && layout.sheetData.close < 0) layout.sheetData.close = tagStart(bytes!, handlers.byteEnd!() - 1);
          }
          justOpenedEmpty = false;
          if (!cell) {
            if (name === 'sheetData' && firstRowOnly) throw new StopParsing();
            return;
          }
          if (run) {
            if (name === 't' && runText) {
              run.text = decodeEscapes(runText.join(''));
              runText = undefined;
            } else if (name === 'r') {
              const v = (cell.value ??= { richText: [] }) as RichText;
              if (typeof v === 'object') v.richText.push(run);
              run = undefined;
            }
            return;
          }
          if (name === 'c') endCell();
          else if (name === 'f' || name === 'v' || name === 't') node = undefined;
        },
    };
    try {
      const entry = firstRowOnly ? this.pkg.storedEntry(sheet.part) : undefined;
      if (entry && entry.method === 8) {
        // The first row is near the start: inflate the start of the part, more only when it is not there yet.
        for (let n = 16 * 1024; ; n *= 4) {
          const whole = n >= entry.data.length;
          const start = whole ? zlib.inflateRawSync(entry.data) : zlib.inflateRawSync(entry.data.subarray(0, n), { finishFlush: zlib.constants.Z_SYNC_FLUSH });
          const fresh = () => {
            out.rows = [];
            out.cols = [];
            out.merges = [];
            row = undefined;
            cell = undefined;
            run = undefined;
            node = undefined;
            lastRow = 0;
            stack.length = 0;
          };
          fresh();
          if (whole) {
            // The whole part: scanned as plain XML first, as a whole sheet is (readXml), else through saxes from the start.
            if (!readXml(start, plain, handlers)) {
              fresh();
              parseXmlBytes(start, handlers, true);
            }
            break;
          }
          parseXmlBytes(start, handlers, false);
        }
      } else {
        if (!readXml(bytes ?? this.pkg.bytes(sheet.part) ?? Buffer.alloc(0), plain, handlers, layout !== undefined)) return this.parsePart(sheet, firstRowOnly, false);
        if (layout) out.layout = layout;
      }
    } catch (e) {
      if (!(e instanceof StopParsing)) throw e;
    }
    return out;
  }

  /** The sheet model the snapshot is built from: cells as read, merged areas adding theirs (Worksheet._parseMergeCells). */
  private model(sheet: PackageSheet) {
    const parsed = this.parse(sheet);
    // Its first row, for the summary marker (workbookRead): no second, partial parse of this sheet.
    this.firstRows.set(sheet.name, PackageBook.firstRowOf(parsed));
    const theme = this.theme();
    // Columns as Column.fromModel makes them (sorted by min; a later range does not go back over an earlier one).
    const colStyles: Array<CellStyle | undefined> = [];
    let count = 1;
    for (const col of [...parsed.cols].sort((a, b) => a.min - b.min)) {
      while (count < col.min) colStyles[count++ - 1] = undefined;
      while (count <= col.max) colStyles[count++ - 1] = col.style;
    }
    // The rows as read (cells in column order, the last of two at one column kept, as exceljs's Row does).
    const rows = new Map<number, { style: CellStyle | undefined; cells: RawCell[] }>();
    for (const r of parsed.rows) {
      let cells = r.cells;
      if (cells.some((x, i) => i > 0 && x.c <= cells[i - 1]!.c)) cells = [...new Map(cells.map((x) => [x.c, x])).values()].sort((x, y) => x.c - y.c);
      rows.set(r.r, { style: r.style, cells });
    }
    parsed.rows = [];
    // Merged areas: every cell of the area is made (the covered ones hold nothing); a cell not in the file takes its row's or column's fill.
    const masters = new Map<string, CellArea>();
    // Each row's cells by column, made when a merged area first reaches the row; rows given cells are sorted once, at the end.
    const byColumn = new Map<number, Map<number, RawCell>>();
    const grown = new Set<RawCell[]>();
    for (const ref of parsed.merges) {
      const [a, b] = ref.split(':');
      const p = parseA1(a ?? '');
      const q = b !== undefined ? parseA1(b) : p;
      if (!p || !q) continue;
      const area = { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
      masters.set(`${area.top}:${area.left}`, area);
      for (let r = area.top; r <= area.bottom; r++) {
        let line = rows.get(r);
        if (!line) rows.set(r, (line = { style: undefined, cells: [] }));
        let at = byColumn.get(r);
        if (!at) byColumn.set(r, (at = new Map(line.cells.map((x) => [x.c, x]))));
        for (let c = area.left; c <= area.right; c++) {
          const existing = at.get(c);
          const covered = r > area.top || c > area.left;
          if (existing) {
            if (covered) existing.content = null;
            continue;
          }
          const f = line.style?.fill ?? colStyles[c]?.fill;
          const made: RawCell = { c, content: null, fill: fillSpecOf(f, theme), hasValue: false };
          line.cells.push(made);
          at.set(c, made);
          grown.add(line.cells);
        }
      }
    }
    for (const cells of grown) cells.sort((x, y) => x.c - y.c);
    const modelRows: ModelRow[] = [...rows.entries()]
      .sort((x, y) => x[0] - y[0])
      .map(([r, line]) => ({ r, fill: line.style?.fill ? line.style.fillSpec! : null, cells: line.cells }));
    const columnFills: Array<{ c: number; fill: FillSpec }> = [];
    colStyles.forEach((s, c) => {
      if (s?.fillSpec && s.fillSpec.color !== null) columnFills.push({ c, fill: s.fillSpec });
    });
    const merges = [...masters.values()].sort((a, b) => a.top - b.top || a.left - b.left);
    return { model: { name: sheet.name, rows: modelRows, merges, columnFills, protected: parsed.protected }, layout: parsed.layout };
  }

  /** A sheet's snapshot (parsed once while it is among the last read, until the package changes). */
  snapshot(name: string): SheetSnapshot {
    let s = this.snapshots.get(name);
    if (!s) {
      const sheet = this.sheet(name);
      if (!sheet) throw new Error(`no sheet named ${JSON.stringify(name)}`);
      const { model, layout } = this.model(sheet);
      s = snapshotOf(model);
      // The last two sheets read are kept (the core may read several to choose one; a large workbook's every sheet is not held).
      if (this.snapshots.size >= 2) {
        const first = this.snapshots.keys().next().value!;
        this.snapshots.delete(first);
        this.layouts.delete(first);
      }
      this.snapshots.set(name, s);
      if (layout) this.layouts.set(name, layout);
    }
    return s;
  }

  /**
   * Where the rows and cells of a sheet read last are in its part (see SheetLayout), while the
   * part is still the one read (stored in the package as it came); the patch changes it from that.
   */
  layout(part: string): SheetLayout | undefined {
    if (!this.pkg.storedEntry(part)) return undefined;
    const sheet = this.sheets.find((s) => s.part === part);
    return sheet ? this.layouts.get(sheet.name) : undefined;
  }

  /** A cell's text as read.ts's cellString gives it: a string or rich text, not a formula's result. */
  private static text(c: RawCell | undefined): string | undefined {
    return c?.text;
  }

  /** A1 and B1 of a sheet (reading its first row only), and whether the sheet holds any value. */
  firstRow(name: string): { a1?: string; b1?: string; a1Value?: unknown } {
    const sheet = this.sheet(name);
    if (!sheet) return {};
    const known = this.firstRows.get(name);
    if (known) return known;
    return PackageBook.firstRowOf(this.parse(sheet, true));
  }

  /** A1 and B1 of a sheet as parsed (the whole sheet, or its first row). */
  private static firstRowOf(parsed: ParsedSheet): { a1?: string; b1?: string; a1Value?: unknown } {
    const first = parsed.rows.find((r) => r.r === 0);
    const a1 = first?.cells.find((c) => c.c === 0);
    const b1 = first?.cells.find((c) => c.c === 1);
    const out: { a1?: string; b1?: string; a1Value?: unknown } = {};
    const ta = PackageBook.text(a1);
    const tb = PackageBook.text(b1);
    if (ta !== undefined) out.a1 = ta;
    if (tb !== undefined) out.b1 = tb;
    if (a1 && 'raw' in a1) out.a1Value = a1.raw;
    return out;
  }

  /** Whether a sheet holds no value (the product may then take a sheet of the state sheet's name). */
  isEmpty(name: string): boolean {
    const sheet = this.sheet(name);
    if (!sheet) return true;
    const parsed = this.parse(sheet);
    // Worksheet.eachRow/eachCell without empty cells: a covered cell of a merged area counts as one.
    return parsed.merges.length === 0 && parsed.rows.every((r) => r.cells.every((c) => !c.hasValue));
  }

  private readState(sheet: PackageSheet): StateRead {
    const parsed = this.parse(sheet);
    const column: unknown[] = [];
    let last = 0;
    for (const r of parsed.rows) last = Math.max(last, r.r + 1);
    for (const m of parsed.merges) {
      const rows = m.split(':').map((x) => parseA1(x)?.row ?? -1);
      last = Math.max(last, ...rows.map((r) => r + 1));
    }
    const byRow = new Map(parsed.rows.map((r) => [r.r, r]));
    for (let r = 0; r < last; r++) column.push(PackageBook.text(byRow.get(r)?.cells.find((c) => c.c === 0)) ?? null);
    return readStateColumn(column);
  }

  /** What readWorkbookSnapshot gives, but with no sheet read yet: sheets are snapshot when asked for (snapshot()). */
  workbookRead(): WorkbookRead {
    if (this.readCache) return this.readCache;
    const summarySheets: string[] = [];
    const summarySources: Record<string, string> = {};
    let stateRead: StateRead = { state: null, status: 'none', dropped: 0 };
    for (const sheet of this.sheets) {
      if (sheet.name === STATE_SHEET) {
        stateRead = this.readState(sheet);
        continue;
      }
      const first = this.firstRow(sheet.name);
      if (first.a1 === SUMMARY_MARKER) {
        summarySheets.push(sheet.name);
        const source = first.b1 !== undefined ? summarySource(first.b1) : null;
        if (source !== null) summarySources[sheet.name] = source;
      }
    }
    const read: WorkbookRead = {
      snapshot: { sheets: [] },
      sheetNames: this.sheets.map((s) => s.name),
      state: stateRead.state,
      stateRead: { status: stateRead.status, dropped: stateRead.dropped },
      summarySheets,
    };
    if (Object.keys(summarySources).length) read.summarySources = summarySources;
    if (this.options.workbookName !== undefined) read.workbookName = this.options.workbookName;
    return (this.readCache = read);
  }

  /** The HostRead of one sheet, as toHostRead gives it (hiddenSheets included, as XlsxHost adds them). */
  hostRead(name: string): HostRead {
    // The sheet first: reading it whole gives its first row too (the summary marker workbookRead looks for).
    const sheet = this.snapshot(name);
    const read = this.workbookRead();
    const host: HostRead = { sheet, sheetNames: read.sheetNames, state: read.state, stateRead: read.stateRead, summarySheets: read.summarySheets };
    if (read.summarySources) host.summarySources = read.summarySources;
    if (read.workbookName !== undefined) host.workbookName = read.workbookName;
    host.hiddenSheets = this.sheets.filter((s) => !visible(s)).map((s) => s.name);
    return host;
  }

  /** The sheet the file opens on: its active tab, or the first visible sheet. */
  activeSheet(): string | undefined {
    const active = this.sheets[this.activeTab];
    return active && visible(active) ? active.name : this.sheets.find(visible)?.name;
  }
}

export const visible = (s: { state?: string }) => s.state === 'visible' || s.state === undefined;

export type { ZipEntry };
