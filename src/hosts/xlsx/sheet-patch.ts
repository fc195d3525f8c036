/**
 * A worksheet part, changed only in its cells' style attribute (`s`): a cell the product colours
 * that has no <c> element yet gets one, in row and column order (ECMA-376 Part 1, §18.3.1.73 row,
 * §18.3.1.4 c: `r` is optional, a row or cell without it follows the one before). Clearing puts
 * the recorded index back; a cell or row the product added, left with nothing, is removed again.
 */
import { parseA1 } from '../../core/snapshot';
import { NS, XDoc, XEl, child, children, element } from './package';

interface RowSlot {
  el: XEl;
  cells?: Map<number, XEl>;
}

/** Column letters → 0-based column; -1 when not an address. */
function colOf(ref: string): number {
  const p = parseA1(ref);
  return p ? p.col : -1;
}

function colName(col: number): string {
  let s = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export class SheetPatch {
  private readonly sheetData: XEl;
  private rows?: Map<number, RowSlot>;
  private colStyles?: Array<{ min: number; max: number; style: number }>;

  constructor(private readonly doc: XDoc) {
    const sd = child(doc.documentElement!, 'sheetData');
    if (!sd) {
      const made = element(doc, 'sheetData');
      doc.documentElement!.appendChild(made);
      this.sheetData = made;
    } else this.sheetData = sd;
  }

  private rowIndex(): Map<number, RowSlot> {
    if (this.rows) return this.rows;
    const rows = new Map<number, RowSlot>();
    let prev = 0;
    for (const el of children(this.sheetData, 'row')) {
      const r = Number(el.getAttribute('r')) || prev + 1;
      prev = r;
      rows.set(r, { el });
    }
    return (this.rows = rows);
  }

  private cellIndex(slot: RowSlot): Map<number, XEl> {
    if (slot.cells) return slot.cells;
    const cells = new Map<number, XEl>();
    let prev = -1;
    for (const c of children(slot.el, 'c')) {
      const ref = c.getAttribute('r');
      const col = ref ? colOf(ref) : prev + 1;
      prev = col;
      cells.set(col, c);
    }
    return (slot.cells = cells);
  }

  /** The style a new cell takes: its row's (customFormat), else its column's, else 0. */
  private inheritedStyle(row: XEl | undefined, col: number): number {
    if (row && row.getAttribute('customFormat') === '1') return Number(row.getAttribute('s')) || 0;
    if (!this.colStyles) {
      const cols = child(this.doc.documentElement!, 'cols');
      this.colStyles = cols ? children(cols, 'col').map((c) => ({ min: Number(c.getAttribute('min')), max: Number(c.getAttribute('max')), style: Number(c.getAttribute('style')) || 0 })) : [];
    }
    return this.colStyles.find((c) => c.min <= col + 1 && col + 1 <= c.max)?.style ?? 0;
  }

  /** A cell's current style index (its `s`, or what a new cell there would take). */
  styleAt(address: string): number {
    const p = parseA1(address)!;
    const slot = this.rowIndex().get(p.row + 1);
    const c = slot && this.cellIndex(slot).get(p.col);
    if (c) return Number(c.getAttribute('s')) || 0;
    return this.inheritedStyle(slot?.el, p.col);
  }

  /** Sets a cell's style index, making its <c> (and <row>) when missing. */
  setStyle(address: string, style: number): void {
    const p = parseA1(address)!;
    const rows = this.rowIndex();
    let slot = rows.get(p.row + 1);
    if (!slot) {
      const row = element(this.doc, 'row');
      row.setAttribute('r', String(p.row + 1));
      const next = [...rows.entries()].filter(([r]) => r > p.row + 1).sort((a, b) => a[0] - b[0])[0];
      this.sheetData.insertBefore(row, next ? next[1].el : null);
      rows.set(p.row + 1, (slot = { el: row, cells: new Map() }));
    }
    const cells = this.cellIndex(slot);
    let c = cells.get(p.col);
    if (!c) {
      c = element(this.doc, 'c');
      c.setAttribute('r', colName(p.col) + (p.row + 1));
      const after = [...cells.keys()].filter((k) => k > p.col).sort((a, b) => a - b)[0];
      slot.el.insertBefore(c, after !== undefined ? cells.get(after)! : null);
      // The row's `spans` is left as it is: an optimisation hint (§18.3.1.73), not a bound.
      cells.set(p.col, c);
    }
    if (style === 0 && !c.hasAttribute('s')) return;
    c.setAttribute('s', String(style));
  }

  /** Whether the sheet's writer spells the default format out (s="0" on its cells, as LibreOffice does). */
  private explicitZero?: boolean;
  private writesZero(): boolean {
    if (this.explicitZero === undefined) {
      this.explicitZero = false;
      for (const row of children(this.sheetData, 'row')) {
        if (children(row, 'c').some((c) => c.getAttribute('s') === '0')) {
          this.explicitZero = true;
          break;
        }
      }
    }
    return this.explicitZero;
  }

  /**
   * Puts a recorded style index back. Index 0 is written as the sheet's writer writes it (no `s`,
   * as Excel; s="0" where the sheet spells it out, as LibreOffice); a cell left with nothing (no
   * value, formula or other attribute) is removed, and so is a row left with no cell and no
   * attribute of its own: the product added them to colour the cell.
   */
  restoreStyle(address: string, style: number): void {
    const zero = style === 0 && this.writesZero();
    this.setStyle(address, style);
    if (style !== 0) return;
    const p = parseA1(address)!;
    const slot = this.rowIndex().get(p.row + 1)!;
    const cells = this.cellIndex(slot);
    const c = cells.get(p.col)!;
    if (zero) c.setAttribute('s', '0');
    else c.removeAttribute('s');
    const names = Array.from({ length: c.attributes.length }, (_, i) => c.attributes.item(i)!.name);
    if (!c.firstChild && names.every((n) => n === 'r' || n === 's')) {
      slot.el.removeChild(c);
      cells.delete(p.col);
      const attrs = Array.from({ length: slot.el.attributes.length }, (_, i) => slot.el.attributes.item(i)!.name);
      if (cells.size === 0 && attrs.every((a) => a === 'r' || a === 'spans')) {
        this.sheetData.removeChild(slot.el);
        this.rowIndex().delete(p.row + 1);
      }
    }
  }
}

export { NS };
