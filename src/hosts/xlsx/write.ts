/**
 * The xlsx file host, write side: applies a WritePlan to an exceljs workbook in one pass.
 * It changes only what the plan says: fills of the listed cells, the product's state sheet and
 * its summary sheet. It never deletes or renames a sheet.
 *
 * exceljs shares one style object between every cell that came from the same style in the
 * file (and between the parts of a style: the same font, fill and border objects). Assigning
 * `cell.fill = …` writes into that shared object and recolours every other cell with that style.
 * So a cell's style is always replaced by a fresh object here, never mutated.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { WritePlan } from '../../core/pipeline';
import { OutCell, STATE_MARKER, STATE_SHEET, SheetContent, encodeState } from '../../core/plan';
import { Area, FillSpec, toA1 } from '../../core/snapshot';
import { TemplateSheet, TemplateValidation, validationCells } from '../../core/template';
import { fillFromSpec, solidFill } from './colors';
import { isSummarySheet } from './read';

export interface ApplyResult {
  /** Cells given a status fill. */
  coloured: number;
  /** Cells given back their original fill. */
  restored: number;
  /** The summary sheet written, if any. */
  summarySheet?: string;
  /** Parts of the plan this host cannot write (exceljs cannot create charts). */
  skipped: Array<'chart'>;
}

export class PlanError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PlanError';
  }
}

/** Sets one cell's fill through a fresh style object, so no other cell sharing the style changes. */
export function setCellFill(cell: ExcelJS.Cell, fill: ExcelJS.Fill | undefined): void {
  const style: Partial<ExcelJS.Style> = { ...(cell.style ?? {}) };
  if (fill) style.fill = fill;
  else delete style.fill;
  cell.style = style;
}

/** Applies a write plan. Throws PlanError (before changing anything) when the plan would overwrite a sheet the product does not own. */
export function applyPlan(wb: ExcelJS.Workbook, plan: WritePlan): ApplyResult {
  const ws = wb.getWorksheet(plan.sheet);
  if (!ws) throw new PlanError(`no sheet named ${JSON.stringify(plan.sheet)}`);
  const stateSheet = findSheet(wb, STATE_SHEET);
  if (stateSheet && !isStateSheet(stateSheet)) throw new PlanError(`a sheet named ${STATE_SHEET} exists and is not the product's: it is left alone`);
  let summarySheet: ExcelJS.Worksheet | undefined;
  if (plan.summary) {
    summarySheet = findSheet(wb, plan.summary.name);
    if (summarySheet && !isSummarySheet(summarySheet)) throw new PlanError(`a sheet named ${JSON.stringify(plan.summary.name)} exists and is not the product's summary: it is left alone`);
  }

  const result: ApplyResult = { coloured: 0, restored: 0, skipped: [] };
  for (const group of plan.fills) {
    for (const address of group.addresses) {
      setCellFill(ws.getCell(address), solidFill(group.color));
      result.coloured++;
    }
  }
  for (const { address, fill } of plan.restore) {
    setCellFill(ws.getCell(address), fillFromSpec(fill as FillSpec));
    result.restored++;
  }
  if (plan.summary) {
    const target = summarySheet ?? wb.addWorksheet(plan.summary.name);
    if (summarySheet) clearSheet(summarySheet);
    writeSheetContent(target, plan.summary);
    result.summarySheet = target.name;
    if (plan.summary.chart) result.skipped.push('chart');
  }
  writeState(wb, stateSheet, plan);
  return result;
}

function findSheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet | undefined {
  const lower = name.toLowerCase();
  return wb.worksheets.find((w) => w.name.toLowerCase() === lower);
}

function isStateSheet(ws: ExcelJS.Worksheet): boolean {
  const a1 = ws.findRow(1)?.findCell(1)?.value;
  if (a1 === STATE_MARKER) return true;
  // Without the marker, only a sheet with nothing in any cell may be taken: a person's sheet
  // whose A1 happens to be empty is theirs (it would lose column A and be very hidden).
  let empty = true;
  ws.eachRow({ includeEmpty: false }, (row) => row.eachCell({ includeEmpty: false }, () => void (empty = false)));
  return empty;
}

function writeState(wb: ExcelJS.Workbook, existing: ExcelJS.Worksheet | undefined, plan: WritePlan): void {
  const ws = existing ?? wb.addWorksheet(STATE_SHEET, { state: 'veryHidden' });
  ws.state = 'veryHidden';
  const column = encodeState(plan.state);
  const rows = Math.max(ws.rowCount, column.length);
  for (let i = 0; i < rows; i++) {
    const value = column[i];
    if (value !== undefined) ws.getCell(i + 1, 1).value = value;
    else {
      const cell = ws.findRow(i + 1)?.findCell(1);
      if (cell) cell.value = null;
    }
  }
}

/** Empties a product sheet in place: values, formats, merges, column and row sizes, views. */
function clearSheet(ws: ExcelJS.Worksheet): void {
  const merges = (ws as unknown as { _merges?: Record<string, unknown> })._merges ?? {};
  for (const master of Object.keys(merges)) ws.unMergeCells(master);
  const internal = ws as unknown as { _rows?: unknown[] };
  if (Array.isArray(internal._rows)) internal._rows.length = 0;
  else {
    for (let r = 1; r <= ws.rowCount; r++) {
      const row = ws.findRow(r);
      if (!row) continue;
      for (let c = 1; c <= row.cellCount; c++) {
        const cell = row.findCell(c);
        if (cell) {
          cell.value = null;
          cell.style = {};
        }
      }
    }
  }
  ws.columns = [];
  ws.views = [];
  const cf = ws as unknown as { conditionalFormattings?: unknown[] };
  if (Array.isArray(cf.conditionalFormattings)) cf.conditionalFormattings.length = 0;
  ws.autoFilter = undefined as never;
}

const DEFAULT_FONT_SIZE = 11;

/** Quotes a sheet name for a reference: 'It''s here'!A1. */
export function sheetReference(sheet: string, address: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${address}`;
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
export function writeSheetContent(ws: ExcelJS.Worksheet, content: SheetContent & { merges?: readonly Area[] }): void {
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
  content.rows.forEach((cells, r) => {
    let lines = 1;
    let biggest = DEFAULT_FONT_SIZE;
    cells.forEach((out, c) => {
      const cell = ws.getCell(r + 1, c + 1);
      if (out.link && out.value !== null) {
        cell.value = { text: String(out.value), hyperlink: '#' + sheetReference(out.link.sheet, out.link.address) };
      } else {
        // Strings are written as text, never as formulas, whatever they start with.
        cell.value = out.value;
      }
      cell.style = outStyle(out);
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

/** A rough count of the lines a wrapped text takes in a column of the given width (in characters). */
function wrappedLines(text: string, width: number): number {
  const perLine = Math.max(4, Math.floor(width * 1.1));
  return text.split(/\r?\n/).reduce((n, line) => n + Math.max(1, Math.ceil(line.length / perLine)), 0);
}

/**
 * Writes the workbook to bytes. exceljs writes a link inside the workbook ("#'Sheet'!A1") as an
 * external relationship plus a `location` that still carries the "#"; Excel wants only
 * `location="'Sheet'!A1"`. Such links are rewritten in the zip after exceljs has written it.
 */
export async function writeWorkbookBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  const raw = Buffer.from(await wb.xlsx.writeBuffer());
  if (!hasInternalLinks(wb)) return raw;
  return fixInternalLinks(raw);
}

function hasInternalLinks(wb: ExcelJS.Workbook): boolean {
  for (const ws of wb.worksheets) {
    for (let r = 1; r <= ws.rowCount; r++) {
      const row = ws.findRow(r);
      if (!row) continue;
      for (let c = 1; c <= row.cellCount; c++) {
        const v = row.findCell(c)?.value;
        if (v && typeof v === 'object' && 'hyperlink' in v && typeof v.hyperlink === 'string' && v.hyperlink.startsWith('#')) return true;
      }
    }
  }
  return false;
}

/** Rewrites hyperlinks whose target starts with "#" as in-workbook locations, dropping their external relationships. */
export async function fixInternalLinks(data: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(data);
  let changed = false;
  for (const path of Object.keys(zip.files)) {
    const m = /^xl\/worksheets\/(sheet\d+\.xml)$/.exec(path);
    if (!m) continue;
    const xml = await zip.file(path)!.async('string');
    if (!xml.includes('<hyperlink ')) continue;
    const relsPath = `xl/worksheets/_rels/${m[1]}.rels`;
    const relsFile = zip.file(relsPath);
    let rels = relsFile ? await relsFile.async('string') : '';
    const dropped = new Set<string>();
    const fixed = xml.replace(/<hyperlink\b([^>]*?)\/>/g, (tag, attrs: string) => {
      const get = (name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(attrs)?.[1];
      const rid = get('r:id');
      const location = get('location');
      const target = rid ? relTarget(rels, rid) : undefined;
      const internal = location?.startsWith('#') ? location.slice(1) : target?.startsWith('#') ? target.slice(1) : undefined;
      if (internal === undefined) return tag;
      if (rid) dropped.add(rid);
      const ref = get('ref');
      const tooltip = get('tooltip');
      return `<hyperlink ref="${ref}" location="${internal}"${tooltip !== undefined ? ` tooltip="${tooltip}"` : ''}/>`;
    });
    if (fixed === xml) continue;
    changed = true;
    zip.file(path, fixed);
    if (relsFile && dropped.size) {
      rels = rels.replace(/<Relationship\b[^>]*\/>/g, (rel) => {
        const id = /\sId="([^"]*)"/.exec(rel)?.[1];
        return id && dropped.has(id) ? '' : rel;
      });
      zip.file(relsPath, rels);
    }
  }
  if (!changed) return data;
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}

function relTarget(rels: string, id: string): string | undefined {
  const rel = new RegExp(`<Relationship\\b[^>]*\\sId="${id}"[^>]*/>`).exec(rels)?.[0];
  return rel ? /\sTarget="([^"]*)"/.exec(rel)?.[1] : undefined;
}

