/**
 * styles.xml, appended to and never rewritten: new fills, fonts, number formats and cell formats
 * (xf) go after the existing ones, so every style index already in the file keeps its meaning
 * (ECMA-376 Part 1, §18.8: cellXfs, fills, fonts, numFmts; each list's `count` follows it).
 * A status fill is a copy of the cell's own xf with only fillId/applyFill changed.
 */
import { NS, XDoc, XEl, child, children, element } from './package';
import type { FillSpec } from '../../core/snapshot';
import { fillFromSpec } from './colors';

/**
 * A copy of an element and what it holds (xmldom's cloneNode copies every property it can
 * enumerate on every node, prototype methods included: many times slower). Elements, their
 * attributes (namespace declarations included) and texts are copied; anything else by cloneNode.
 */
function copyOf(doc: XDoc, el: XEl): XEl {
  const out = doc.createElementNS(el.namespaceURI, el.nodeName) as XEl;
  for (let i = 0; i < el.attributes.length; i++) {
    const a = el.attributes.item(i)!;
    if (a.namespaceURI) out.setAttributeNS(a.namespaceURI, a.name, a.value);
    else out.setAttribute(a.name, a.value);
  }
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1) out.appendChild(copyOf(doc, n as XEl));
    else if (n.nodeType === 3) out.appendChild(doc.createTextNode(n.nodeValue ?? ''));
    else out.appendChild(n.cloneNode(true));
  }
  return out;
}

/** The order of styleSheet's children (CT_Stylesheet is a sequence). */
const STYLESHEET_ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];

export interface CellFormat {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  size?: number;
  /** "RRGGBB" */
  fontColor?: string;
  /** "RRGGBB" */
  fill?: string;
  numberFormat?: string;
  wrap?: boolean;
}

export class StylesPatch {
  private readonly root: XEl;
  /** (base format, fill) → the format made for them: keyed base × 2^20 + fillId (a fill list never nears 2^20 items). */
  private readonly xfCache = new Map<number, number>();
  private readonly fillCache = new Map<string, number>();
  private readonly formatCache = new Map<string, number>();
  private readonly colourCache = new Map<number, string | null>();
  private readonly xfKeys = new Map<number, string>();

  constructor(private readonly doc: XDoc) {
    this.root = doc.documentElement!;
  }

  /** The stylesheet's lists and their items, looked up once (the patch only appends to them). */
  private readonly lists = new Map<string, XEl>();
  private readonly itemsOf = new Map<string, XEl[]>();

  /** A list element of the stylesheet, made (in schema order) when missing. */
  private list(name: string): XEl {
    const known = this.lists.get(name);
    if (known) return known;
    let found = child(this.root, name);
    if (!found) {
      found = element(this.doc, name);
      found.setAttribute('count', '0');
      const after = STYLESHEET_ORDER.slice(STYLESHEET_ORDER.indexOf(name) + 1);
      let before: XEl | undefined;
      for (let n = this.root.firstChild; n && !before; n = n.nextSibling) if (n.nodeType === 1 && after.includes((n as XEl).localName ?? '')) before = n as XEl;
      this.root.insertBefore(found, before ?? null);
    }
    this.lists.set(name, found);
    return found;
  }

  /** The items of a list (`xf` of cellXfs, `font` of fonts, …), in order. */
  private items(listName: string, item: string): XEl[] {
    let items = this.itemsOf.get(listName);
    if (!items) this.itemsOf.set(listName, (items = children(this.list(listName), item)));
    return items;
  }

  /** Appends an item to a list; its index. */
  private append(listName: string, item: XEl): number {
    const items = this.items(listName, item.localName ?? '');
    const list = this.list(listName);
    list.appendChild(item);
    items.push(item);
    list.setAttribute('count', String(items.length));
    return items.length - 1;
  }

  private xfs(): XEl[] {
    return this.items('cellXfs', 'xf');
  }

  /** The solid fill colour ("RRGGBB", upper case) of a cell format, or null. */
  solidColour(styleIndex: number): string | null {
    // Asked once per coloured cell: a format's colour is looked up once (formats are only appended, never changed).
    let colour = this.colourCache.get(styleIndex);
    if (colour === undefined) this.colourCache.set(styleIndex, (colour = this.lookUpSolidColour(styleIndex)));
    return colour;
  }

  private lookUpSolidColour(styleIndex: number): string | null {
    const xf = this.xfs()[styleIndex];
    const fillId = Number(xf?.getAttribute('fillId') ?? 0);
    const fill = this.items('fills', 'fill')[fillId];
    const pattern = fill && child(fill, 'patternFill');
    if (!pattern || pattern.getAttribute('patternType') !== 'solid') return null;
    const rgb = child(pattern, 'fgColor')?.getAttribute('rgb');
    return rgb && /^[0-9A-Fa-f]{8}$/.test(rgb) ? rgb.slice(2).toUpperCase() : null;
  }

  /**
   * Whether cell format `a` is format `b` with (at most) another fill: every attribute but the
   * fill's and every child (alignment, protection) the same. Restoring a recorded index is exact
   * only then; after a person changed the cell's number format, or a tool that saved the copy
   * renumbered the formats, the recorded index would put back something else.
   */
  sameButFill(a: number, b: number): boolean {
    const xfs = this.xfs();
    const x = xfs[a];
    const y = xfs[b];
    if (!x || !y) return false;
    return this.keyOf(a, x) === this.keyOf(b, y);
  }

  /** A format's attributes but the fill's, and its children: what sameButFill compares (formats are only appended, so a key never changes). */
  private keyOf(index: number, el: XEl): string {
    let key = this.xfKeys.get(index);
    if (key === undefined) {
      const attrs: string[] = [];
      for (let i = 0; i < el.attributes.length; i++) {
        const at = el.attributes.item(i)!;
        if (at.name !== 'fillId' && at.name !== 'applyFill') attrs.push(`${at.name}=${at.value}`);
      }
      let inner = '';
      for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) inner += n.toString();
      this.xfKeys.set(index, (key = attrs.sort().join(' ') + '|' + inner));
    }
    return key;
  }

  get xfCount(): number {
    return this.xfs().length;
  }

  /** A solid fill of the colour ("RRGGBB"); its fillId (one per colour per run). */
  solidFill(rgb: string): number {
    const key = rgb.toUpperCase();
    let id = this.fillCache.get(key);
    if (id === undefined) {
      const fill = element(this.doc, 'fill');
      const pattern = element(this.doc, 'patternFill');
      pattern.setAttribute('patternType', 'solid');
      const fg = element(this.doc, 'fgColor');
      fg.setAttribute('rgb', 'FF' + key);
      pattern.appendChild(fg);
      fill.appendChild(pattern);
      this.fillCache.set(key, (id = this.append('fills', fill)));
    }
    return id;
  }

  /**
   * A fill giving back a recorded FillSpec (colors.ts fillFromSpec: a pattern keeps its name and
   * background colour, a gradient comes back as its first colour); its fillId, 0 for no fill.
   */
  specFill(spec: FillSpec): number {
    const fill = fillFromSpec(spec);
    if (!fill || fill.type !== 'pattern') return 0;
    const fg = (fill.fgColor as { argb?: string } | undefined)?.argb;
    if (fill.pattern === 'solid' && fg) return this.solidFill(fg.slice(-6));
    const key = `${fill.pattern}|${(fill.bgColor as { argb?: string } | undefined)?.argb ?? ''}`;
    let id = this.fillCache.get(key);
    if (id === undefined) {
      const el = element(this.doc, 'fill');
      const pattern = element(this.doc, 'patternFill');
      pattern.setAttribute('patternType', fill.pattern);
      const bg = (fill.bgColor as { argb?: string } | undefined)?.argb;
      if (bg) {
        const color = element(this.doc, 'bgColor');
        color.setAttribute('rgb', bg);
        pattern.appendChild(color);
      }
      el.appendChild(pattern);
      this.fillCache.set(key, (id = this.append('fills', el)));
    }
    return id;
  }

  /** The cell format `base` with the fill changed (fillId 0 is "no fill"); its index, one per (base, fill) per run. */
  withFill(base: number, fillId: number): number {
    const key = base * 0x100000 + fillId;
    let id = this.xfCache.get(key);
    if (id === undefined) {
      const xfs = this.xfs();
      const from = xfs[base] ?? xfs[0];
      const xf = from ? copyOf(this.doc, from) : element(this.doc, 'xf');
      if (!from) for (const [k, v] of [['numFmtId', '0'], ['fontId', '0'], ['borderId', '0'], ['xfId', '0']]) xf.setAttribute(k!, v!);
      xf.setAttribute('fillId', String(fillId));
      xf.setAttribute('applyFill', '1');
      this.xfCache.set(key, (id = this.append('cellXfs', xf)));
    }
    return id;
  }

  private numFmt(code: string): number {
    if (code === 'General') return 0;
    const existing = this.items('numFmts', 'numFmt');
    const same = existing.find((n) => n.getAttribute('formatCode') === code);
    if (same) return Number(same.getAttribute('numFmtId'));
    const id = Math.max(163, ...existing.map((n) => Number(n.getAttribute('numFmtId')) || 0)) + 1;
    const el = element(this.doc, 'numFmt');
    el.setAttribute('numFmtId', String(id));
    el.setAttribute('formatCode', code);
    this.append('numFmts', el);
    return id;
  }

  /** A cell format for a product sheet's cell: the workbook's default font (xf 0's) with the given changes. */
  format(f: CellFormat): number {
    const key = `${f.bold ? 'b' : ''}${f.italic ? 'i' : ''}${f.underline ? 'u' : ''}${f.wrap ? 'w' : ''}|${f.size ?? ''}|${f.fontColor ?? ''}|${f.fill ?? ''}|${f.numberFormat ?? ''}`;
    let id = this.formatCache.get(key);
    if (id !== undefined) return id;
    const fonts = this.items('fonts', 'font');
    const font = fonts[0] ? copyOf(this.doc, fonts[0]) : element(this.doc, 'font');
    const set = (name: string, attr?: [string, string]) => {
      for (const old of children(font, name)) font.removeChild(old);
      if (!attr) return;
      const el = element(this.doc, name);
      if (attr[0]) el.setAttribute(attr[0], attr[1]);
      font.insertBefore(el, font.firstChild);
    };
    if (f.size !== undefined) set('sz', ['val', String(f.size)]);
    if (f.fontColor) set('color', ['rgb', 'FF' + f.fontColor.toUpperCase()]);
    if (f.underline) set('u', ['', '']);
    if (f.italic) set('i', ['', '']);
    if (f.bold) set('b', ['', '']);
    const fontId = f.bold || f.italic || f.underline || f.size !== undefined || f.fontColor ? this.append('fonts', font) : 0;
    const fillId = f.fill ? this.solidFill(f.fill) : 0;
    const xf = element(this.doc, 'xf');
    xf.setAttribute('numFmtId', String(this.numFmt(f.numberFormat ?? 'General')));
    xf.setAttribute('fontId', String(fontId));
    xf.setAttribute('fillId', String(fillId));
    xf.setAttribute('borderId', '0');
    xf.setAttribute('xfId', '0');
    if (f.numberFormat) xf.setAttribute('applyNumberFormat', '1');
    if (fontId) xf.setAttribute('applyFont', '1');
    if (fillId) xf.setAttribute('applyFill', '1');
    xf.setAttribute('applyAlignment', '1');
    const align = element(this.doc, 'alignment');
    align.setAttribute('vertical', 'top');
    if (f.wrap) align.setAttribute('wrapText', '1');
    xf.appendChild(align);
    this.formatCache.set(key, (id = this.append('cellXfs', xf)));
    return id;
  }
}

export { NS };
