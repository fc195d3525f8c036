/**
 * The product's own sheets (the summary and the state) written as worksheet parts directly, as
 * text (they are new parts: nothing to keep of a stored spelling; every value and attribute is
 * escaped as Excel escapes, xml-write.ts): strings inline (t="inlineStr", ECMA-376 Part 1 §18.3.1.53) so the workbook's shared
 * strings part stays as it was, and cell formats appended to styles.xml from the workbook's own
 * default font. Written directly rather than rendered by exceljs in a scratch workbook and
 * transplanted: a transplant would bring exceljs's own fonts and shared strings, each to be
 * renumbered into this workbook's; here nothing but the appended formats is touched.
 */
import type { OutCell, SheetContent } from '../../core/plan';
import { columnName } from '../../core/snapshot';
import { NS } from './package';
import { CellFormat, StylesPatch } from './styles-patch';
import { sheetReference, wrappedLines } from './sheet-text';
import { EXCEL_ESCAPES, attrValue, escapeText } from './xml-write';
import { withProps } from '../../core/objects';

const DEFAULT_FONT_SIZE = 11;

/** An element's start: its name and attributes, in the order given, escaped as Excel escapes. */
function start(name: string, attrs: Record<string, string | number> = {}): string {
  let s = '<' + name;
  for (const k in attrs) s += ` ${k}="${attrValue(String(attrs[k]), EXCEL_ESCAPES)}"`;
  return s;
}

/** An element with no content. */
const empty = (name: string, attrs: Record<string, string | number> = {}) => start(name, attrs) + '/>';

/** A worksheet part: the XML declaration, the root with the two namespaces the product uses, its content (pieces joined once). */
const worksheet = (content: string[]) =>
  [`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS.main}" xmlns:r="${NS.r}">`, ...content, '</worksheet>'].join('');

/** A text whose edges are white space, or with a line break: kept as it is (`xml:space="preserve"`). */
const KEEP_SPACE = /^\s|\s$|\n/;

/** A cell holding text as an inline string (`t="inlineStr"`), made in one expression; `style` is its ` s="…"` or ''. */
const inlineStringCell = (ref: string, style: string, text: string) =>
  `<c r="${ref}"${style} t="inlineStr"><is><t${KEEP_SPACE.test(text) ? ' xml:space="preserve"' : ''}>${escapeText(text, EXCEL_ESCAPES)}</t></is></c>`;

/** Whether two cells take the same format (formatOf gives them equal formats). */
const sameLook = (a: OutCell, b: OutCell) =>
  a.bold === b.bold && a.italic === b.italic && !a.link === !b.link && a.size === b.size && a.font === b.font && a.fill === b.fill && a.numberFormat === b.numberFormat && a.wrap === b.wrap;

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
export function summarySheetXml(content: SheetContent, styles: StylesPatch): string {
  const out: string[] = [];
  // Children in the order of CT_Worksheet (ECMA-376 Part 1 §18.3.1.99): sheetPr, sheetViews, sheetFormatPr, cols, sheetData, hyperlinks, pageMargins, pageSetup, headerFooter.
  if (content.print) out.push('<sheetPr>', empty('pageSetUpPr', { fitToPage: 1 }), '</sheetPr>');
  if (content.frozenRows) {
    out.push('<sheetViews>', start('sheetView', { workbookViewId: 0 }), '>');
    out.push(empty('pane', { ySplit: content.frozenRows, topLeftCell: `A${content.frozenRows + 1}`, activePane: 'bottomLeft', state: 'frozen' }));
    out.push('</sheetView></sheetViews>');
  }
  out.push(empty('sheetFormatPr', { defaultRowHeight: 15 }));
  if (content.columnWidths.length) {
    out.push('<cols>');
    content.columnWidths.forEach((w, i) => out.push(empty('col', { min: i + 1, max: i + 1, width: w, customWidth: 1 })));
    out.push('</cols>');
  }
  const links: Array<{ ref: string; location: string; display: string }> = [];
  const rows = content.rows.slice();
  if (rows[0]?.[0]?.value === undefined || rows[0]?.[0]?.value === null) {
    const first = (rows[0] ?? []).slice();
    first[0] = withProps(first[0] ?? {}, { value: content.marker });
    rows[0] = first;
  }
  // Every piece of sheetData in one list, joined once with the rest of the part.
  const data: string[] = [];
  const line: string[] = [];
  // Per column: its letters, and the last cell given a format there with that format's index (a column's cells mostly look alike).
  const letters: string[] = [];
  const lastLook: Array<{ cell: OutCell; s: number } | undefined> = [];
  const formatAt = (cell: OutCell, c: number): number => {
    const last = lastLook[c];
    if (last && sameLook(last.cell, cell)) return last.s;
    const s = styles.format(formatOf(cell)); // StylesPatch makes each distinct format once
    lastLook[c] = { cell, s };
    return s;
  };
  /** ` s="…"` by format index. */
  const styled: string[] = [];
  rows.forEach((cells, r) => {
    if (!cells.length) return;
    line.length = 0;
    let lines = 1;
    let biggest = DEFAULT_FONT_SIZE;
    const rowNumber = String(r + 1);
    cells.forEach((cell, c) => {
      if (!cell) return;
      const ref = (letters[c] ??= columnName(c)) + rowNumber;
      const s = formatAt(cell, c);
      const style = s ? (styled[s] ??= ` s="${s}"`) : '';
      // Each cell's XML made in one expression (no part of it kept on its own).
      if (typeof cell.value === 'number' && Number.isFinite(cell.value)) line.push(`<c r="${ref}"${style}><v>${cell.value}</v></c>`);
      else if (cell.value !== null && cell.value !== undefined) {
        // Strings are written as text, never as formulas, whatever they start with.
        const text = String(cell.value);
        line.push(inlineStringCell(ref, style, text));
        if (cell.link) links.push({ ref, location: sheetReference(cell.link.sheet, cell.link.address), display: text });
      } else line.push(`<c r="${ref}"${style}/>`);
      biggest = Math.max(biggest, cell.size ?? DEFAULT_FONT_SIZE);
      if (cell.wrap && typeof cell.value === 'string') lines = Math.max(lines, wrappedLines(cell.value, content.columnWidths[c] ?? 10));
    });
    // Excel does not re-measure wrapped rows when it opens a file: give them room.
    const height = lines > 1 ? ` ht="${Math.min(409, Math.ceil(lines * 15 * (biggest / DEFAULT_FONT_SIZE)))}" customHeight="1"` : '';
    data.push(`<row r="${rowNumber}"${height}`);
    if (line.length) data.push('>', ...line, '</row>');
    else data.push('/>');
  });
  if (data.length) out.push('<sheetData>', ...data, '</sheetData>');
  else out.push('<sheetData/>');
  if (links.length) out.push('<hyperlinks>', ...links.map((l) => empty('hyperlink', l)), '</hyperlinks>');
  if (content.print) {
    // A4 (paperSize 9, §18.3.1.63) landscape, one page wide and as many down as the rows need.
    out.push(empty('pageMargins', { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 }));
    out.push(empty('pageSetup', { paperSize: 9, orientation: 'landscape', fitToWidth: 1, fitToHeight: 0 }));
    out.push(`<headerFooter><oddFooter>${escapeText(`&C${content.print.footer}`, EXCEL_ESCAPES)}</oddFooter></headerFooter>`);
  }
  return worksheet(out);
}

/** The state sheet's part: column A, one chunk per row (the marker first). */
export function stateSheetXml(column: readonly string[]): string {
  const rows = column.map((value, i) => `<row r="${i + 1}">${inlineStringCell(`A${i + 1}`, '', value)}</row>`);
  return worksheet(rows.length ? ['<sheetData>', ...rows, '</sheetData>'] : ['<sheetData/>']);
}
