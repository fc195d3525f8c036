/** Range formats in the fake: fill (colour, pattern), font (bold, italic, colour, size), wrap text and column width. */
import { FakeOfficeError } from './errors';
import { FakeObject } from './proxy';
import { normaliseColor } from './model';
import { AreasT, changed, ctxOf, describeAreas, eachCell, uniform, writable } from './base';

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
      color: (t: AreasT) => uniform(t.sheet, t.rects, (c) => c?.fill?.color ?? '#FFFFFF'),
      pattern: (t: AreasT) => uniform(t.sheet, t.rects, (c) => c?.fill?.pattern ?? 'None'),
    };
  }
  get color(): string {
    return this.prop('color');
  }
  set color(v: string) {
    this.setProperty('color', v, (t, x) => {
      writable(ctxOf(this), t.sheet);
      const color = normaliseColor(String(x));
      eachCell(t.sheet, t.rects, (c) => {
        c.fill = { color, pattern: c.fill && c.fill.pattern !== 'None' ? c.fill.pattern : 'Solid' };
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
        else c.fill = { color: c.fill?.color ?? '#000000', pattern };
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
