/** Range formats in the fake: fill (colour, pattern), font (bold, italic, colour, size), wrap text and column width. */
import { FakeOfficeError } from './errors';
import { FakeObject } from './proxy';
import { CellData, FakeFill, normaliseColor } from './model';
import { AreasT, NoFillReadBack, changed, ctxOf, describeAreas, eachCell, uniform, writable } from './base';

/** The five RangeFill properties as Office.js reports them for one cell. */
export interface FillReadBack {
  color: string;
  pattern: string | null;
  patternColor: string | null;
  tintAndShade: number | null;
  patternTintAndShade: number | null;
}

/**
 * How a cell's fill reads back through RangeFill and getCellProperties.
 * - No fill, 'pattern-none': color "#FFFFFF", pattern "None" (Excel.FillPattern includes "None":
 *   @types/office-js, Excel.RangeFill.pattern; what Excel on Windows answered when the fake was
 *   written).
 * - No fill, 'pattern-null-white': color "#FFFFFF" and pattern null, for no fill and for a solid
 *   white fill alike (OfficeDev/office-js#4900, 2024-09: "They both have null for
 *   format.fill.pattern, and they both have #FFFFFF for format.fill.color"; #6218, 2025-10:
 *   getCellProperties answers "#FFFFFF" for No Fill). In this variant a solid fill's pattern reads
 *   null whatever its colour (the pessimistic reading of those reports).
 * - tintAndShade is null for no fill and a number for any fill, white included (the maintainers'
 *   answer in #4900: "If you are setting "No Fill", you will get "null". And if you fill as white
 *   or other color, you will get a number.") — the one property that tells them apart.
 * - patternColor: null when automatic (Excel.RangeFill.patternColor, ExcelApi 1.9: "null" when
 *   automatic per the typings' setter documentation, which accepts "null" to reset it).
 */
export function fillReadBack(c: CellData | undefined, variant: NoFillReadBack = 'pattern-none'): FillReadBack {
  const f: FakeFill | undefined = c?.fill;
  if (!f) return { color: '#FFFFFF', pattern: variant === 'pattern-null-white' ? null : 'None', patternColor: null, tintAndShade: null, patternTintAndShade: null };
  return {
    color: f.color,
    pattern: variant === 'pattern-null-white' && f.pattern === 'Solid' ? null : f.pattern,
    patternColor: f.patternColor ?? null,
    tintAndShade: f.tintAndShade ?? 0,
    patternTintAndShade: f.patternTintAndShade ?? 0,
  };
}

export class FakeRangeFormat extends FakeObject<AreasT> {
  readonly _typeName = 'RangeFormat';
  override _describe(): string | undefined {
    return describeAreas(this);
  }
  protected _scalars() {
    return {
      wrapText: (t: AreasT) => uniform(t.sheet, t.rects, (c) => !!c?.wrap),
      columnWidth: (t: AreasT) => {
        const widths = new Set<number>();
        for (const r of t.rects) for (let c = r.left; c <= r.right; c++) widths.add(t.sheet.columnWidths.get(c) ?? 48);
        return widths.size === 1 ? [...widths][0]! : null;
      },
    };
  }
  protected override _navigation() {
    return { fill: () => this.fill, font: () => this.font };
  }
  get fill(): FakeRangeFill {
    return this.nav('fill', () => new FakeRangeFill(this.context, this.child((t) => t)));
  }
  get font(): FakeRangeFont {
    return this.nav('font', () => new FakeRangeFont(this.context, this.child((t) => t)));
  }
  get wrapText(): boolean | null {
    return this.prop('wrapText');
  }
  set wrapText(v: boolean | null) {
    this.setProperty('wrapText', v, (t, x) => {
      writable(ctxOf(this), t.sheet);
      eachCell(t.sheet, t.rects, (c) => {
        if (x) c.wrap = true;
        else delete c.wrap;
      });
      changed(ctxOf(this), t.sheet, t.rects, 'format');
    });
  }
  get columnWidth(): number | null {
    return this.prop('columnWidth');
  }
  set columnWidth(v: number | null) {
    this.setProperty('columnWidth', v, (t, x) => {
      writable(ctxOf(this), t.sheet);
      if (typeof x !== 'number' || !(x >= 0) || x > 255 * 7.5) throw new FakeOfficeError('InvalidArgument', `column width ${String(x)}`);
      for (const r of t.rects) for (let c = r.left; c <= r.right; c++) t.sheet.columnWidths.set(c, x);
    });
  }
}

export class FakeRangeFill extends FakeObject<AreasT> {
  readonly _typeName = 'RangeFill';
  override _describe(): string | undefined {
    return describeAreas(this);
  }
  protected _scalars() {
    return {
      color: (t: AreasT) => uniform(t.sheet, t.rects, (c) => this.readBack(c).color),
      pattern: (t: AreasT) => uniform(t.sheet, t.rects, (c) => this.readBack(c).pattern),
      patternColor: (t: AreasT) => uniform(t.sheet, t.rects, (c) => this.readBack(c).patternColor),
      tintAndShade: (t: AreasT) => uniform(t.sheet, t.rects, (c) => this.readBack(c).tintAndShade),
      patternTintAndShade: (t: AreasT) => uniform(t.sheet, t.rects, (c) => this.readBack(c).patternTintAndShade),
    };
  }
  private readBack(c: CellData | undefined): FillReadBack {
    return fillReadBack(c, ctxOf(this).engine.noFillReadBack);
  }
  /** Sets one of the ExcelApi 1.9 properties on every cell's fill (a cell with no fill gets a solid white one first, as Excel must to hold the property). */
  private setExtra(name: 'patternColor' | 'tintAndShade' | 'patternTintAndShade', v: unknown): void {
    this.setProperty(name, v, (t, x) => {
      writable(ctxOf(this), t.sheet);
      if (name === 'patternColor') {
        if (x !== null && typeof x !== 'string') throw new FakeOfficeError('InvalidArgument', `patternColor ${String(x)}`);
      } else if (x !== null && (typeof x !== 'number' || !(x >= -1 && x <= 1))) throw new FakeOfficeError('InvalidArgument', `${name} ${String(x)} (from -1 to 1)`);
      eachCell(t.sheet, t.rects, (c) => {
        const fill: FakeFill = c.fill ? { ...c.fill } : { color: '#FFFFFF', pattern: 'Solid' };
        if (name === 'patternColor') {
          if (x === null) delete fill.patternColor;
          else fill.patternColor = normaliseColor(String(x));
        } else if (x === null || x === 0) delete fill[name];
        else fill[name] = x as number;
        c.fill = fill;
      });
      changed(ctxOf(this), t.sheet, t.rects, 'format');
    });
  }
  get patternColor(): string | null {
    return this.prop('patternColor');
  }
  set patternColor(v: string | null) {
    this.setExtra('patternColor', v);
  }
  get tintAndShade(): number | null {
    return this.prop('tintAndShade');
  }
  set tintAndShade(v: number | null) {
    this.setExtra('tintAndShade', v);
  }
  get patternTintAndShade(): number | null {
    return this.prop('patternTintAndShade');
  }
  set patternTintAndShade(v: number | null) {
    this.setExtra('patternTintAndShade', v);
  }
  get color(): string {
    return this.prop('color');
  }
  set color(v: string) {
    this.setProperty('color', v, (t, x) => {
      writable(ctxOf(this), t.sheet);
      const color = normaliseColor(String(x));
      eachCell(t.sheet, t.rects, (c) => {
        // A new colour keeps the pattern (and its colour) and drops the tint: the colour set is the colour shown
        // (not documented; the self-check's "theme colour" check asks the real Excel).
        const fill: FakeFill = { color, pattern: c.fill && c.fill.pattern !== 'None' ? c.fill.pattern : 'Solid' };
        if (c.fill?.patternColor !== undefined) fill.patternColor = c.fill.patternColor;
        if (c.fill?.patternTintAndShade !== undefined) fill.patternTintAndShade = c.fill.patternTintAndShade;
        c.fill = fill;
      });
      changed(ctxOf(this), t.sheet, t.rects, 'format');
    });
  }
  get pattern(): string {
    return this.prop('pattern');
  }
  set pattern(v: string) {
    this.setProperty('pattern', v, (t, x) => {
      writable(ctxOf(this), t.sheet);
      const pattern = String(x);
      eachCell(t.sheet, t.rects, (c) => {
        if (pattern === 'None') delete c.fill;
        else c.fill = { ...(c.fill ?? { color: '#000000' }), pattern };
      });
      changed(ctxOf(this), t.sheet, t.rects, 'format');
    });
  }
  clear(): void {
    this.invoke(
      'clear',
      [],
      (t) => {
        writable(ctxOf(this), t.sheet);
        for (const r of t.rects)
          for (const { row, col, cell } of [...t.sheet.cellsIn(r)]) {
            delete cell.fill;
            t.sheet.tidy(row, col);
          }
        changed(ctxOf(this), t.sheet, t.rects, 'format');
      },
      { write: true },
    );
  }
}

export class FakeRangeFont extends FakeObject<AreasT> {
  readonly _typeName = 'RangeFont';
  override _describe(): string | undefined {
    return describeAreas(this);
  }
  protected _scalars() {
    return {
      bold: (t: AreasT) => uniform(t.sheet, t.rects, (c) => !!c?.font?.bold),
      italic: (t: AreasT) => uniform(t.sheet, t.rects, (c) => !!c?.font?.italic),
      color: (t: AreasT) => uniform(t.sheet, t.rects, (c) => c?.font?.color ?? '#000000'),
      size: (t: AreasT) => uniform(t.sheet, t.rects, (c) => c?.font?.size ?? 11),
    };
  }
  private setFont(name: 'bold' | 'italic' | 'color' | 'size', v: unknown): void {
    this.setProperty(name, v, (t, x) => {
      writable(ctxOf(this), t.sheet);
      let value: boolean | string | number;
      if (name === 'color') value = normaliseColor(String(x));
      else if (name === 'size') {
        if (typeof x !== 'number' || x < 1 || x > 409) throw new FakeOfficeError('InvalidArgument', `font size ${String(x)}`);
        value = x;
      } else value = !!x;
      eachCell(t.sheet, t.rects, (c) => {
        c.font = { ...(c.font ?? {}), [name]: value };
      });
      changed(ctxOf(this), t.sheet, t.rects, 'format');
    });
  }
  get bold(): boolean {
    return this.prop('bold');
  }
  set bold(v: boolean) {
    this.setFont('bold', v);
  }
  get italic(): boolean {
    return this.prop('italic');
  }
  set italic(v: boolean) {
    this.setFont('italic', v);
  }
  get color(): string {
    return this.prop('color');
  }
  set color(v: string) {
    this.setFont('color', v);
  }
  get size(): number {
    return this.prop('size');
  }
  set size(v: number) {
    this.setFont('size', v);
  }
}
