/**
 * Writing the product's own sheets with exceljs (a department template, a master, a summary):
 * values, styles, widths, merges, data validation, frozen panes, page setup. No Node API, so the
 * task pane can load it (as a chunk fetched on demand) to build a template workbook in the
 * browser with exceljs's browser build; write.ts (the CLI's file host) re-exports it.
 */
import ExcelJS from 'exceljs';
import { OutCell, PrintSetup, SheetContent, printArea } from '../../core/plan';
import { CellArea, toA1 } from '../../core/snapshot';
import { TemplateSheet, TemplateValidation, validationCells } from '../../core/template';
import { solidFill } from './colors';
import { sheetReference, wrappedLines } from './sheet-text';
import { withProps } from '../../core/objects';

export { sheetReference, wrappedLines };
const DEFAULT_FONT_SIZE = 11;

function isEmptyStyle(style: Partial<ExcelJS.Style> | undefined): boolean {
  return !!style && Object.keys(style).length === 0;
}


function outStyle(cell: OutCell): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = {};
  const font: Partial<ExcelJS.Font> = {};
  if (cell.bold) font.bold = true;
  if (cell.italic) font.italic = true;
  if (cell.size !== undefined) font.size = cell.size;
  if (cell.font) font.color = { argb: 'FF' + cell.font.replace(/^#/, '').toUpperCase() };
  if (cell.link) font.underline = true;
  if (Object.keys(font).length) style.font = font;
  if (cell.fill) style.fill = solidFill(cell.fill);
  style.alignment = cell.wrap ? { wrapText: true, vertical: 'top' } : { vertical: 'top' };
  if (cell.numberFormat) style.numFmt = cell.numberFormat;
  return style;
}

/**
 * Writes a product sheet from its content: values, formats, links, widths, frozen rows. A wrapped
 * text in a merged area (`content.merges`, when the content has them) is measured across the
 * area's columns; the merges themselves are made by writeTemplateSheet.
 */
export function writeSheetContent(ws: ExcelJS.Worksheet, content: SheetContent & { merges?: readonly CellArea[] }): void {
  content.columnWidths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  const widthAt = (r: number, c: number): number => {
    const m = content.merges?.find((a) => a.top <= r && r <= a.bottom && a.left === c);
    if (!m) return content.columnWidths[c] ?? 10;
    let w = 0;
    for (let i = m.left; i <= m.right; i++) w += content.columnWidths[i] ?? 10;
    return w;
  };
  // Cells formatted alike share one fresh style object (see the file comment).
  const styles = new Map<string, Partial<ExcelJS.Style>>();
  const noRowStyle: Partial<ExcelJS.Style> = {};
  const styleOf = (out: OutCell): Partial<ExcelJS.Style> => {
    const key = `${out.bold ? 1 : 0}${out.italic ? 1 : 0}${out.link ? 1 : 0}${out.wrap ? 1 : 0}|${out.size ?? ''}|${out.font ?? ''}|${out.fill ?? ''}|${out.numberFormat ?? ''}`;
    let style = styles.get(key);
    if (!style) styles.set(key, (style = outStyle(out)));
    return style;
  };
  content.rows.forEach((cells, r) => {
    let lines = 1;
    let biggest = DEFAULT_FONT_SIZE;
    const row = cells.length ? ws.getRow(r + 1) : undefined;
    // A row without a style of its own: one empty style for all of them (exceljs gives each its own).
    const rowStyle = row as unknown as { style?: Partial<ExcelJS.Style> } | undefined;
    if (rowStyle && isEmptyStyle(rowStyle.style)) rowStyle.style = noRowStyle;
    cells.forEach((out, c) => {
      const cell = row!.getCell(c + 1);
      if (out.link && out.value !== null) {
        cell.value = { text: String(out.value), hyperlink: '#' + sheetReference(out.link.sheet, out.link.address) };
      } else {
        // Strings are written as text, never as formulas, whatever they start with.
        cell.value = out.value;
      }
      // exceljs writes a date's style with a date format when it has none: a Date (not an OutCell value) keeps its own.
      cell.style = (out.value as unknown) instanceof Date ? outStyle(out) : styleOf(out);
      biggest = Math.max(biggest, out.size ?? DEFAULT_FONT_SIZE);
      if (out.wrap && typeof out.value === 'string') lines = Math.max(lines, wrappedLines(out.value, widthAt(r, c)));
    });
    // Excel does not re-measure wrapped rows when it opens a file: give them room.
    if (lines > 1) ws.getRow(r + 1).height = Math.min(409, Math.ceil(lines * 15 * (biggest / DEFAULT_FONT_SIZE)));
  });
  // The marker is how the product knows its sheet again; the content puts it in A1 (written here if A1 is left empty).
  const a1 = content.rows[0]?.[0]?.value;
  if (a1 === undefined || a1 === null) ws.getCell(1, 1).value = content.marker;
  if (content.frozenRows) ws.views = [{ state: 'frozen', xSplit: 0, ySplit: content.frozenRows, topLeftCell: `A${content.frozenRows + 1}` }];
  if (content.print) applyPrint(ws, content, content.print);
}

/** A4 (paper size 9, ECMA-376 Part 1 §18.3.1.63) landscape, one page wide, print titles, print area, page numbers. */
function applyPrint(ws: ExcelJS.Worksheet, content: SheetContent, print: PrintSetup): void {
  const area = printArea(content);
  ws.pageSetup = withProps(ws.pageSetup, {
    paperSize: 9 as const,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printArea: `A1:${toA1(area.bottom, area.right)}`,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    ...(print.titleRows ? { printTitlesRow: `${print.titleRows.first + 1}:${print.titleRows.last + 1}` } : {}),
  });
  ws.headerFooter = withProps(ws.headerFooter, { oddFooter: `&C${print.footer}` });
}

/** The exceljs data validation of a template rule: the input message, and an error alert that stops a wrong value. */
export function dataValidationOf(rule: TemplateValidation): ExcelJS.DataValidation {
  const dv: ExcelJS.DataValidation = {
    type: rule.type,
    allowBlank: rule.allowBlank,
    // A list's one formula is already in Excel's quoted form ('"Tăng,Giảm"').
    formulae: [...rule.formulae],
    showInputMessage: true,
    promptTitle: rule.prompt.title,
    prompt: rule.prompt.text,
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: rule.error.title,
    error: rule.error.text,
  };
  if (rule.operator !== undefined) dv.operator = rule.operator;
  return dv;
}

/**
 * Writes a sheet in the canonical layout (a department template, a master sheet): its content
 * (values, styles, number formats, widths), then its merges, the data validation of every value
 * cell, the frozen header rows and id column, and the autofilter over the table.
 */
export function writeTemplateSheet(ws: ExcelJS.Worksheet, sheet: TemplateSheet): void {
  writeSheetContent(ws, sheet);
  for (const m of sheet.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  for (const rule of sheet.validations) {
    // One rule per cell: exceljs squeezes equal neighbours back into ranges when it writes.
    for (const address of validationCells(rule.address)) ws.getCell(address).dataValidation = dataValidationOf(rule);
  }
  const ySplit = sheet.frozenRows ?? 0;
  const xSplit = sheet.frozenColumns;
  if (ySplit || xSplit) ws.views = [{ state: 'frozen', xSplit, ySplit, topLeftCell: toA1(ySplit, xSplit) }];
  const f = sheet.autoFilter;
  ws.autoFilter = { from: toA1(f.top, f.left), to: toA1(f.bottom, f.right) };
}

/** A new, empty workbook as the product creates it (a fixed date gives the same bytes every time). */
export function createWorkbook(options: { creator?: string; date?: Date; title?: string } = {}): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = options.creator ?? 'gnlc';
  wb.lastModifiedBy = wb.creator;
  const date = options.date ?? new Date();
  wb.created = date;
  wb.modified = date;
  if (options.title !== undefined) wb.title = options.title;
  return wb;
}

