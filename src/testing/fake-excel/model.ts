/**
 * The fake workbook's data: sheets of sparse cells with values, formulas, number formats, fills,
 * fonts, hyperlinks; merges, column widths, frozen rows, charts; the active sheet and selection.
 * Plain TypeScript (no Node, no DOM): it also backs the browser preview.
 */
import { FakeOfficeError } from './errors';
import { MAX_COLS, Rect, cellA1, contains, intersect, parseLocalAddress, rectCells } from './address';

export type Visibility = 'Visible' | 'Hidden' | 'VeryHidden';

export interface FakeFont {
  bold?: boolean;
  italic?: boolean;
  color?: string;
  size?: number;
}

export interface FakeHyperlink {
  address?: string;
  documentReference?: string;
  textToDisplay?: string;
  screenTip?: string;
}

/**
 * A cell's fill as stored: every property Excel.RangeFill exposes (ExcelApi 1.1 color, pattern;
 * 1.9 patternColor, tintAndShade, patternTintAndShade). Absent extras mean Excel's defaults
 * (automatic pattern colour, no tint). How it reads back: format.ts, fillReadBack.
 */
export interface FakeFill {
  color: string;
  pattern: string;
  patternColor?: string | null;
  tintAndShade?: number;
  patternTintAndShade?: number;
}

/** A fill as a test gives it (pattern defaults to Solid). */
export type FakeFillInput = { color: string; pattern?: string; patternColor?: string | null; tintAndShade?: number; patternTintAndShade?: number };

/** The stored fill of a test's input. */
export function toFakeFill(input: FakeFillInput): FakeFill {
  const fill: FakeFill = { color: normaliseColor(input.color), pattern: input.pattern ?? 'Solid' };
  if (input.patternColor !== undefined) fill.patternColor = input.patternColor === null ? null : normaliseColor(input.patternColor);
  if (input.tintAndShade !== undefined && input.tintAndShade !== 0) fill.tintAndShade = input.tintAndShade;
  if (input.patternTintAndShade !== undefined && input.patternTintAndShade !== 0) fill.patternTintAndShade = input.patternTintAndShade;
  return fill;
}

/** One cell as stored. No `fill` means no fill (Excel reports it as "#FFFFFF" with pattern "None"). */
export interface CellData {
  value?: string | number | boolean;
  formula?: string;
  /** The value is an error ("#N/A", "#DIV/0!", …). */
  error?: boolean;
  numberFormat?: string;
  /** The displayed text, when the test wants a particular one; else derived from the value. */
  text?: string;
  fill?: FakeFill;
  font?: FakeFont;
  wrap?: boolean;
  hyperlink?: FakeHyperlink;
}

/** A cell as a test gives it: a value, or the full record (fill may also be null = no fill). */
export type FakeCellInput = string | number | boolean | null | (Omit<CellData, 'fill' | 'value'> & { value?: string | number | boolean | null; fill?: FakeFillInput | null });

export interface FakeChartData {
  name: string;
  type: string;
  /** Source range on the chart's sheet, A1. */
  source: string;
  seriesBy: string;
  title: string | null;
  /** One entry per series: its solid fill colour, when set. */
  series: Array<{ color: string | null }>;
  /** Top-left cell, A1, when placed. */
  position: string | null;
}

export interface FakeSheetData {
  name: string;
  /** A1 address → cell. */
  cells?: Record<string, FakeCellInput>;
  /** "A1:B2" areas. */
  merges?: string[];
  visibility?: Visibility;
  protected?: boolean;
  frozenRows?: number;
  /** Column letter → width in points. */
  columnWidths?: Record<string, number>;
  charts?: FakeChartData[];
}

export interface FakeWorkbookData {
  name?: string;
  sheets: FakeSheetData[];
  /** The active sheet (default: the first visible one). */
  active?: string;
}

const EXCEL_ERROR = /^#(DIV\/0!|N\/A|NAME\?|NULL!|NUM!|REF!|VALUE!|SPILL!|CALC!|GETTING_DATA|FIELD!|BUSY!|BLOCKED!|CONNECT!|EXTERNAL!|PYTHON!|UNKNOWN!)$/;

const key = (row: number, col: number) => row * MAX_COLS + col;

/** Upper-case "#RRGGBB"; a few named colours as Excel accepts them; else InvalidArgument. */
export function normaliseColor(color: string): string {
  const named: Record<string, string> = { white: '#FFFFFF', black: '#000000', red: '#FF0000', green: '#008000', blue: '#0000FF', yellow: '#FFFF00', gray: '#808080' };
  const c = color.trim();
  if (/^#[0-9a-f]{6}$/i.test(c)) return c.toUpperCase();
  if (/^#[0-9a-f]{3}$/i.test(c)) return ('#' + [...c.slice(1)].map((x) => x + x).join('')).toUpperCase();
  const n = named[c.toLowerCase()];
  if (n) return n;
  throw new FakeOfficeError('InvalidArgument', `not a colour: ${color}`);
}

let sheetIds = 0;

export class FakeSheet {
  readonly cells = new Map<number, CellData>();
  merges: Rect[] = [];
  visibility: Visibility = 'Visible';
  protected = false;
  frozenRows = 0;
  readonly columnWidths = new Map<number, number>();
  charts: FakeChartData[] = [];
  /**
   * The sheet's ID: Worksheet.id is "a value that uniquely identifies the worksheet in a given
   * workbook", kept when the sheet is renamed or moved (@types/office-js, Excel.Worksheet.id);
   * Excel answers a GUID in braces, and getItem/getItemOrNullObject take the name or the ID.
   */
  readonly id = `{${(++sheetIds).toString(16).toUpperCase().padStart(8, '0')}-0000-4000-8000-FA4EE0000000}`;
  constructor(public name: string) {}

  get(row: number, col: number): CellData | undefined {
    return this.cells.get(key(row, col));
  }
  /** The cell record, created when absent. */
  edit(row: number, col: number): CellData {
    const k = key(row, col);
    let c = this.cells.get(k);
    if (!c) this.cells.set(k, (c = {}));
    return c;
  }
  /** Drops records that no longer hold anything. */
  tidy(row: number, col: number): void {
    const k = key(row, col);
    const c = this.cells.get(k);
    if (c && Object.keys(c).every((p) => (c as Record<string, unknown>)[p] === undefined)) this.cells.delete(k);
  }
  /** Every stored cell inside a rectangle (walks the stored cells when the rectangle is large). */
  *cellsIn(r: Rect): Generator<{ row: number; col: number; cell: CellData }> {
    if (rectCells(r) <= this.cells.size * 4) {
      for (let row = r.top; row <= r.bottom; row++)
        for (let col = r.left; col <= r.right; col++) {
          const cell = this.cells.get(key(row, col));
          if (cell) yield { row, col, cell };
        }
      return;
    }
    for (const [k, cell] of [...this.cells]) {
      const row = Math.floor(k / MAX_COLS);
      const col = k % MAX_COLS;
      if (contains(r, row, col)) yield { row, col, cell };
    }
  }

  /** The used range: every cell holding a value (valuesOnly) or anything at all; null when none. */
  usedRect(valuesOnly: boolean, within?: Rect): Rect | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (const [k, c] of this.cells) {
      if (valuesOnly ? !hasValue(c) : !hasAnything(c)) continue;
      const row = Math.floor(k / MAX_COLS);
      const col = k % MAX_COLS;
      if (within && !contains(within, row, col)) continue;
      if (row < top) top = row;
      if (row > bottom) bottom = row;
      if (col < left) left = col;
      if (col > right) right = col;
    }
    if (!valuesOnly)
      for (const m of this.merges) {
        const r = within ? intersect(m, within) : m;
        if (!r) continue;
        top = Math.min(top, r.top);
        left = Math.min(left, r.left);
        bottom = Math.max(bottom, r.bottom);
        right = Math.max(right, r.right);
      }
    return bottom < 0 ? null : { top, left, bottom, right, kind: 'cells' };
  }
}

export function hasValue(c: CellData): boolean {
  return c.formula !== undefined || (c.value !== undefined && c.value !== '');
}
function hasAnything(c: CellData): boolean {
  return hasValue(c) || c.fill !== undefined || c.font !== undefined || c.wrap !== undefined || c.hyperlink !== undefined || (c.numberFormat !== undefined && c.numberFormat !== 'General');
}

export function valueType(c: CellData | undefined): 'Empty' | 'String' | 'Double' | 'Boolean' | 'Error' {
  if (!c || c.value === undefined || c.value === '') return 'Empty';
  if (c.error) return 'Error';
  if (typeof c.value === 'number') return 'Double';
  if (typeof c.value === 'boolean') return 'Boolean';
  return 'String';
}

/** What Excel shows for a cell (a small subset of number formatting: General, 0, 0.0…, %, @). */
/**
 * The sections of a number format, split at the semicolons that are not inside quotes or escaped.
 * "Number format codes" / "Review guidelines for customizing a number format" (Microsoft Support,
 * support.microsoft.com/excel/review-guidelines-for-customizing-a-number-format): a format has up
 * to four sections separated by semicolons, <POSITIVE>;<NEGATIVE>;<ZERO>;<TEXT>; a skipped section
 * is written as its ending semicolon alone (ECMA-376 Part 1, 18.8.31 numFmts, says the same).
 */
export function formatSections(fmt: string): string[] {
  const sections: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < fmt.length; i++) {
    const ch = fmt[i]!;
    if (ch === '"') quoted = !quoted;
    else if (ch === '\\' && !quoted && i + 1 < fmt.length) {
      current += ch + fmt[++i]!;
      continue;
    } else if (ch === ';' && !quoted) {
      sections.push(current);
      current = '';
      continue;
    }
    current += ch;
  }
  sections.push(current);
  return sections;
}

/**
 * Whether the format's section for this value is empty, so Excel shows nothing in the cell (the
 * value stays in the formula bar). Same Microsoft Support page: with two sections "the first
 * section is used for positive numbers and zeros, and the second section is used for negative
 * numbers"; with one, it is used for all numbers; the text section is always the last (fourth)
 * one, and "If you omit the @ character in the text section, text that you type will not be
 * displayed"; a format without a text section leaves text as typed. Hence ";;;" (four empty
 * sections) hides every number and every text.
 */
function sectionIsEmpty(fmt: string, v: number | string): boolean {
  if (!fmt.includes(';')) return false;
  const s = formatSections(fmt);
  let section: string | undefined;
  if (typeof v === 'string') section = s.length >= 4 ? s[3] : undefined;
  else if (v < 0 && s.length >= 2) section = s[1];
  else if (v === 0 && s.length >= 3) section = s[2];
  else section = s[0];
  return section === '';
}

export function displayText(c: CellData | undefined): string {
  if (!c || c.value === undefined) return '';
  if (c.text !== undefined) return c.text;
  const v = c.value;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  const fmt = c.numberFormat ?? 'General';
  // An error value ("#N/A"…) is not a number or a text of the four sections: it shows as it is.
  if (!c.error && sectionIsEmpty(fmt, v)) return '';
  if (typeof v === 'string') return v;
  const pct = /^0(?:\.(0+))?%$/.exec(fmt);
  if (pct) return (v * 100).toFixed(pct[1]?.length ?? 0) + '%';
  const fixed = /^0(?:\.(0+))?$/.exec(fmt);
  if (fixed) return v.toFixed(fixed[1]?.length ?? 0);
  return String(Number(v.toPrecision(11)));
}

/**
 * A value written through `range.values`, as Excel takes typed input: "=…" is a formula, a
 * leading apostrophe keeps the rest as text, numbers, percentages and TRUE/FALSE typed as text
 * become numbers and booleans.
 */
export function writeValue(cell: CellData, v: unknown): void {
  delete cell.formula;
  delete cell.error;
  delete cell.text;
  if (v === '' ) {
    delete cell.value;
    return;
  }
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new FakeOfficeError('InvalidArgument', 'not a finite number');
    cell.value = v;
    return;
  }
  if (typeof v === 'boolean') {
    cell.value = v;
    return;
  }
  if (typeof v !== 'string') throw new FakeOfficeError('InvalidArgument', `cannot write ${typeof v}`);
  if (v.length > 32767) throw new FakeOfficeError('InvalidArgument', 'text longer than 32,767 characters');
  if (v.startsWith("'")) {
    cell.value = v.slice(1);
    return;
  }
  if (v.startsWith('=') && v.length > 1) {
    cell.formula = v;
    cell.value = '';
    return;
  }
  const t = v.trim();
  if (/^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i.test(t)) {
    cell.value = Number(t);
    return;
  }
  const pct = /^([+-]?(\d+(\.\d*)?|\.\d+))\s*%$/.exec(t);
  if (pct) {
    cell.value = Number(pct[1]) / 100;
    if (cell.numberFormat === undefined || cell.numberFormat === 'General') cell.numberFormat = '0%';
    return;
  }
  if (/^(true|false)$/i.test(t)) {
    cell.value = /^true$/i.test(t);
    return;
  }
  if (EXCEL_ERROR.test(t)) {
    cell.value = t;
    cell.error = true;
    return;
  }
  cell.value = v;
}

export class FakeWorkbookModel {
  name: string;
  sheets: FakeSheet[] = [];
  active: FakeSheet | null = null;
  selection: { sheet: FakeSheet; rects: Rect[] } | null = null;
  private chartCounter = 0;

  constructor(data?: FakeWorkbookData) {
    this.name = data?.name ?? 'Book1.xlsx';
    const sheets = data?.sheets?.length ? data.sheets : [{ name: 'Sheet1' }];
    for (const s of sheets) this.sheets.push(sheetFromData(s));
    this.active = (data?.active ? this.find(data.active) : null) ?? this.sheets.find((s) => s.visibility === 'Visible') ?? this.sheets[0] ?? null;
  }

  find(name: string): FakeSheet | null {
    if (name.startsWith('{')) {
      const byId = this.sheets.find((s) => s.id === name);
      if (byId) return byId;
    }
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower) ?? null;
  }

  add(name: string | undefined): FakeSheet {
    let n = name;
    if (n === undefined) {
      let i = this.sheets.length + 1;
      while (this.find(`Sheet${i}`)) i++;
      n = `Sheet${i}`;
    }
    if (!n.trim() || n.length > 31 || /[:\\/?*[\]]/.test(n) || n.startsWith("'") || n.endsWith("'")) throw new FakeOfficeError('InvalidArgument', `invalid sheet name ${JSON.stringify(n)}`);
    if (this.find(n)) throw new FakeOfficeError('ItemAlreadyExists', `a sheet named ${n} exists`);
    const sheet = new FakeSheet(n);
    this.sheets.push(sheet);
    return sheet;
  }

  remove(sheet: FakeSheet): void {
    const visible = this.sheets.filter((s) => s.visibility === 'Visible');
    if (visible.length === 1 && visible[0] === sheet) throw new FakeOfficeError('InvalidOperation', 'a workbook must keep one visible sheet');
    this.sheets = this.sheets.filter((s) => s !== sheet);
    if (this.active === sheet) this.active = this.sheets.find((s) => s.visibility === 'Visible') ?? null;
    if (this.selection?.sheet === sheet) this.selection = null;
  }

  nextChartName(): string {
    return `Chart ${++this.chartCounter}`;
  }
}

function sheetFromData(data: FakeSheetData): FakeSheet {
  const sheet = new FakeSheet(data.name);
  sheet.visibility = data.visibility ?? 'Visible';
  sheet.protected = !!data.protected;
  sheet.frozenRows = data.frozenRows ?? 0;
  for (const [address, input] of Object.entries(data.cells ?? {})) {
    const r = parseLocalAddress(address);
    if (!r || r.top !== r.bottom || r.left !== r.right) throw new Error(`fake workbook: not a cell address: ${address}`);
    const cell = cellFromInput(input);
    if (cell) sheet.cells.set(key(r.top, r.left), cell);
  }
  for (const m of data.merges ?? []) {
    const r = parseLocalAddress(m);
    if (!r) throw new Error(`fake workbook: not an area: ${m}`);
    sheet.merges.push({ ...r, kind: 'cells' });
  }
  for (const [letters, w] of Object.entries(data.columnWidths ?? {})) {
    const r = parseLocalAddress(`${letters}1`);
    if (r) sheet.columnWidths.set(r.left, w);
  }
  sheet.charts = (data.charts ?? []).map((c) => ({ ...c, series: c.series.map((s) => ({ ...s })) }));
  return sheet;
}

function cellFromInput(input: FakeCellInput): CellData | null {
  if (input === null) return null;
  if (typeof input !== 'object') {
    const c: CellData = { value: input };
    if (typeof input === 'string' && EXCEL_ERROR.test(input)) c.error = true;
    return c;
  }
  const c: CellData = {};
  if (input.value !== undefined && input.value !== null) c.value = input.value;
  if (input.formula !== undefined) c.formula = input.formula;
  if (input.error || (typeof input.value === 'string' && EXCEL_ERROR.test(input.value))) c.error = true;
  if (input.numberFormat !== undefined) c.numberFormat = input.numberFormat;
  if (input.text !== undefined) c.text = input.text;
  if (input.fill) c.fill = toFakeFill(input.fill);
  if (input.font) c.font = { ...input.font };
  if (input.wrap !== undefined) c.wrap = input.wrap;
  if (input.hyperlink) c.hyperlink = { ...input.hyperlink };
  return c;
}

/** The whole workbook back as data (for tests and for the browser preview's "download"). */
export function exportWorkbook(model: FakeWorkbookModel): FakeWorkbookData {
  return {
    name: model.name,
    ...(model.active ? { active: model.active.name } : {}),
    sheets: model.sheets.map((s) => {
      const cells: Record<string, FakeCellInput> = {};
      const sorted = [...s.cells.entries()].sort((a, b) => a[0] - b[0]);
      for (const [k, c] of sorted) cells[cellA1(Math.floor(k / MAX_COLS), k % MAX_COLS)] = JSON.parse(JSON.stringify(c)) as FakeCellInput;
      const widths: Record<string, number> = {};
      for (const [col, w] of s.columnWidths) widths[cellA1(0, col).replace(/\d+$/, '')] = w;
      return {
        name: s.name,
        cells,
        merges: s.merges.map((m) => (m.top === m.bottom && m.left === m.right ? cellA1(m.top, m.left) : `${cellA1(m.top, m.left)}:${cellA1(m.bottom, m.right)}`)),
        visibility: s.visibility,
        protected: s.protected,
        frozenRows: s.frozenRows,
        columnWidths: widths,
        charts: s.charts.map((c) => ({ ...c, series: c.series.map((x) => ({ ...x })) })),
      };
    }),
  };
}
