/**
 * The product's own sheets (the summary and the state) written as worksheet parts directly, with
 * the DOM: strings inline (t="inlineStr", ECMA-376 Part 1 §18.3.1.53) so the workbook's shared
 * strings part stays as it was, and cell formats appended to styles.xml from the workbook's own
 * default font. Written directly rather than rendered by exceljs in a scratch workbook and
 * transplanted: a transplant would bring exceljs's own fonts and shared strings, each to be
 * renumbered into this workbook's; here nothing but the appended formats is touched.
 */
import type { OutCell, SheetContent } from '../../core/plan';
import { toA1 } from '../../core/snapshot';
import { NS, XDoc, XEl, parseXml } from './package';
import { CellFormat, StylesPatch } from './styles-patch';
import { sheetReference, wrappedLines } from './sheet-text';

const DEFAULT_FONT_SIZE = 11;

function skeleton(): XDoc {
  return parseXml(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS.main}" xmlns:r="${NS.r}"></worksheet>`);
}

function el(doc: XDoc, name: string, attrs: Record<string, string | number> = {}): XEl {
  const e = doc.createElementNS(NS.main, name) as XEl;
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  return e;
}

function inlineString(doc: XDoc, c: XEl, text: string): void {
  c.setAttribute('t', 'inlineStr');
  const is = el(doc, 'is');
  const t = el(doc, 't');
  if (/^\s|\s$|\n/.test(text)) t.setAttribute('xml:space', 'preserve');
  t.appendChild(doc.createTextNode(text));
  is.appendChild(t);
  c.appendChild(is);
}

function formatOf(cell: OutCell): CellFormat {
  const f: CellFormat = {};
  if (cell.bold) f.bold = true;
  if (cell.italic) f.italic = true;
  if (cell.link) f.underline = true;
  if (cell.size !== undefined) f.size = cell.size;
  if (cell.font) f.fontColor = cell.font.replace(/^#/, '');
  if (cell.fill) f.fill = cell.fill.replace(/^#/, '');
  if (cell.numberFormat) f.numberFormat = cell.numberFormat;
  if (cell.wrap) f.wrap = true;
  return f;
}

/** The summary sheet's part: values, formats, widths, wrapped rows' heights, frozen rows, links inside the workbook. */
export function summarySheetXml(content: SheetContent, styles: StylesPatch): XDoc {
  const doc = skeleton();
  const root = doc.documentElement!;
  // Children in the order of CT_Worksheet (ECMA-376 Part 1 §18.3.1.99): sheetPr, sheetViews, sheetFormatPr, cols, sheetData, hyperlinks, pageMargins, pageSetup, headerFooter.
  if (content.print) {
    const pr = el(doc, 'sheetPr');
    pr.appendChild(el(doc, 'pageSetUpPr', { fitToPage: 1 }));
    root.appendChild(pr);
  }
  if (content.frozenRows) {
    const views = el(doc, 'sheetViews');
    const view = el(doc, 'sheetView', { workbookViewId: 0 });
    view.appendChild(el(doc, 'pane', { ySplit: content.frozenRows, topLeftCell: `A${content.frozenRows + 1}`, activePane: 'bottomLeft', state: 'frozen' }));
    views.appendChild(view);
    root.appendChild(views);
  }
  root.appendChild(el(doc, 'sheetFormatPr', { defaultRowHeight: 15 }));
  if (content.columnWidths.length) {
    const cols = el(doc, 'cols');
    content.columnWidths.forEach((w, i) => cols.appendChild(el(doc, 'col', { min: i + 1, max: i + 1, width: w, customWidth: 1 })));
    root.appendChild(cols);
  }
  const data = el(doc, 'sheetData');
  const links: Array<{ ref: string; location: string; display: string }> = [];
  const rows = content.rows.map((r) => [...r]);
  if (rows[0]?.[0]?.value === undefined || rows[0]?.[0]?.value === null) {
    rows[0] ??= [];
    rows[0][0] = { ...(rows[0][0] ?? {}), value: content.marker };
  }
  rows.forEach((cells, r) => {
    if (!cells.length) return;
    const row = el(doc, 'row', { r: r + 1 });
    let lines = 1;
    let biggest = DEFAULT_FONT_SIZE;
    cells.forEach((out, c) => {
      if (!out) return;
      const ref = toA1(r, c);
      const cell = el(doc, 'c', { r: ref });
      const s = styles.format(formatOf(out));
      if (s) cell.setAttribute('s', String(s));
      if (typeof out.value === 'number' && Number.isFinite(out.value)) {
        const v = el(doc, 'v');
        v.appendChild(doc.createTextNode(String(out.value)));
        cell.appendChild(v);
      } else if (out.value !== null && out.value !== undefined) {
        // Strings are written as text, never as formulas, whatever they start with.
        inlineString(doc, cell, String(out.value));
        if (out.link) links.push({ ref, location: sheetReference(out.link.sheet, out.link.address), display: String(out.value) });
      }
      row.appendChild(cell);
      biggest = Math.max(biggest, out.size ?? DEFAULT_FONT_SIZE);
      if (out.wrap && typeof out.value === 'string') lines = Math.max(lines, wrappedLines(out.value, content.columnWidths[c] ?? 10));
    });
    // Excel does not re-measure wrapped rows when it opens a file: give them room.
    if (lines > 1) {
      row.setAttribute('ht', String(Math.min(409, Math.ceil(lines * 15 * (biggest / DEFAULT_FONT_SIZE)))));
      row.setAttribute('customHeight', '1');
    }
    data.appendChild(row);
  });
  root.appendChild(data);
  if (links.length) {
    const hl = el(doc, 'hyperlinks');
    for (const l of links) hl.appendChild(el(doc, 'hyperlink', l));
    root.appendChild(hl);
  }
  if (content.print) {
    // A4 (paperSize 9, §18.3.1.63) landscape, one page wide and as many down as the rows need.
    root.appendChild(el(doc, 'pageMargins', { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 }));
    root.appendChild(el(doc, 'pageSetup', { paperSize: 9, orientation: 'landscape', fitToWidth: 1, fitToHeight: 0 }));
    const hf = el(doc, 'headerFooter');
    const footer = el(doc, 'oddFooter');
    footer.appendChild(doc.createTextNode(`&C${content.print.footer}`));
    hf.appendChild(footer);
    root.appendChild(hf);
  }
  return doc;
}

/** The state sheet's part: column A, one chunk per row (the marker first). */
export function stateSheetXml(column: readonly string[]): XDoc {
  const doc = skeleton();
  const data = el(doc, 'sheetData');
  column.forEach((value, i) => {
    const row = el(doc, 'row', { r: i + 1 });
    const c = el(doc, 'c', { r: `A${i + 1}` });
    inlineString(doc, c, value);
    row.appendChild(c);
    data.appendChild(row);
  });
  doc.documentElement!.appendChild(data);
  return doc;
}
