/// <reference types="office-js" />
/**
 * "Tạo mẫu": a department template (core/template.ts) written as a NEW sheet of the open
 * workbook, ready to be filled: values and number formats, fonts and fills, merged title rows,
 * frozen header rows and id column, and data validation on every value cell (a decimal, whole
 * number or list rule, an input message, a "stop" error alert). Two syncs: one read (every
 * sheet's name, so a person's sheet is never overwritten) and one write (everything, then the
 * sheet is activated).
 *
 * Also the SheetContent writer the consolidation uses for its master and summary sheets: it
 * queues onto a sheet just added in the same batch, without a sync of its own.
 *
 * API sets: ExcelApi 1.9 (the add-in's minimum) covers getRanges, dataValidation (1.8),
 * freezePanes.freezeAt (1.7), hyperlinks (1.7) and merge (1.2).
 */
import type { CriteriaSet } from '../../core/criteria';
import type { OutCell, SheetContent } from '../../core/plan';
import { safeSheetName, toA1 } from '../../core/snapshot';
import { TemplateSheet, TemplateValidation, buildTemplate } from '../../core/template';
import type { Lang } from '../../i18n/format';
import { MAX_ADDRESS_LENGTH, chunkAddressList, columnsAddress, compressAddresses, rectAddress, sheetReference } from './addresses';
import type { ExcelRunner } from './host';
import { syncPageLayoutApart } from './page-layout';
import { API_SET, API_VERSIONS, IsSetSupported, officeIsSetSupported } from './requirements';
import { SUMMARY_CHART_NAME, asText, charsToPoints } from './write';

/** Counts of one queued sheet: write calls (property sets and mutating methods). */
export interface QueuedSheet {
  writeCalls: number;
}

function add(map: Map<string, string[]>, key: string, address: string): void {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  list.push(address);
}

function cellValue(c: OutCell | undefined): string | number | null {
  if (!c || c.value === null) return null;
  return typeof c.value === 'string' ? asText(c.value) : c.value;
}

/**
 * Queues a SheetContent onto a sheet (new and empty): values and number formats as one 2-D array
 * each, formats grouped by value into multi-area calls, hyperlinks, column widths, frozen rows
 * and the chart. No sync.
 */
export function queueSheetContent(sheet: Excel.Worksheet, content: SheetContent, options: { charts: boolean }): QueuedSheet {
  let writeCalls = 0;
  const rows = content.rows;
  const width = Math.max(1, ...rows.map((row) => row.length));
  const values: Array<Array<string | number | null>> = rows.map((row) => Array.from({ length: width }, (_, j) => cellValue(row[j])));
  if (values.length === 0) values.push(Array.from({ length: width }, () => null));
  values[0]![0] = asText(content.marker);
  const formats = values.map((_, i) => Array.from({ length: width }, (_, j) => rows[i]?.[j]?.numberFormat ?? 'General'));
  const range = sheet.getRange(rectAddress(0, 0, values.length - 1, width - 1));
  if (formats.some((line) => line.some((f) => f !== 'General'))) {
    range.numberFormat = formats;
    writeCalls++;
  }
  range.values = values;
  writeCalls++;

  const groups = { fill: new Map<string, string[]>(), font: new Map<string, string[]>(), size: new Map<string, string[]>(), bold: new Map<string, string[]>(), italic: new Map<string, string[]>(), wrap: new Map<string, string[]>() };
  const links: Array<{ address: string; reference: string; text: string }> = [];
  rows.forEach((row, i) =>
    row.forEach((c, j) => {
      if (!c) return;
      const a = toA1(i, j);
      if (c.fill) add(groups.fill, c.fill.toUpperCase(), a);
      if (c.font) add(groups.font, c.font.toUpperCase(), a);
      if (c.size !== undefined) add(groups.size, String(c.size), a);
      if (c.bold) add(groups.bold, 'true', a);
      if (c.italic) add(groups.italic, 'true', a);
      if (c.wrap) add(groups.wrap, 'true', a);
      if (c.link) links.push({ address: a, reference: sheetReference(c.link.sheet, c.link.address), text: c.value === null ? c.link.address : String(c.value) });
    }),
  );
  const each = (map: Map<string, string[]>, apply: (f: Excel.RangeFormat, key: string) => void) => {
    for (const [key, addresses] of map)
      for (const chunk of chunkAddressList(compressAddresses(addresses), MAX_ADDRESS_LENGTH)) {
        apply(sheet.getRanges(chunk.address).format, key);
        writeCalls++;
      }
  };
  each(groups.fill, (f, color) => void (f.fill.color = color));
  each(groups.font, (f, color) => void (f.font.color = color));
  each(groups.size, (f, s) => void (f.font.size = Number(s)));
  each(groups.bold, (f) => void (f.font.bold = true));
  each(groups.italic, (f) => void (f.font.italic = true));
  each(groups.wrap, (f) => void (f.wrapText = true));
  for (const link of links) {
    sheet.getRange(link.address).hyperlink = { documentReference: link.reference, textToDisplay: link.text };
    writeCalls++;
  }
  let c = 0;
  while (c < content.columnWidths.length) {
    const w = content.columnWidths[c]!;
    let last = c;
    while (content.columnWidths[last + 1] === w) last++;
    sheet.getRange(columnsAddress(c, last)).format.columnWidth = charsToPoints(w);
    writeCalls++;
    c = last + 1;
  }
  const frozenColumns = (content as Partial<TemplateSheet>).frozenColumns ?? 0;
  if (content.frozenRows && !frozenColumns) {
    sheet.freezePanes.freezeRows(content.frozenRows);
    writeCalls++;
  }
  const chart = content.chart;
  if (chart && options.charts) {
    const source = sheet.getRange(rectAddress(chart.range.top, chart.range.left, chart.range.bottom, chart.range.right));
    const added = sheet.charts.add('ColumnStacked', source, 'Columns');
    added.name = SUMMARY_CHART_NAME;
    added.title.text = chart.title;
    added.setPosition(toA1(chart.at.row, chart.at.col));
    writeCalls += 4;
    chart.seriesColors.forEach((color, i) => {
      added.series.getItemAt(i).format.fill.setSolidColor(color);
      writeCalls++;
    });
  }
  return { writeCalls };
}

/** Office.js's rule for a template validation (a list's items without Excel's quotes). */
export function officeValidationRule(v: TemplateValidation): Excel.DataValidationRule {
  if (v.type === 'list') return { list: { inCellDropDown: true, source: (v.list ?? []).join(',') } };
  const basic: Excel.BasicDataValidation =
    v.operator === 'between'
      ? { operator: 'Between', formula1: v.formulae[0]!, formula2: v.formulae[1]! }
      : { operator: 'GreaterThanOrEqualTo', formula1: v.formulae[0]! };
  return v.type === 'whole' ? { wholeNumber: basic } : { decimal: basic };
}

/** Queues what makes a template fillable: merges, frozen panes, data validation of every value cell. No sync. */
export function queueTemplateExtras(sheet: Excel.Worksheet, template: TemplateSheet): QueuedSheet {
  let writeCalls = 0;
  for (const m of template.merges) {
    sheet.getRange(rectAddress(m.top, m.left, m.bottom, m.right)).merge(false);
    writeCalls++;
  }
  if (template.frozenColumns > 0 || template.frozenRows) {
    const rows = Math.max(1, template.frozenRows ?? 0);
    const cols = Math.max(1, template.frozenColumns);
    if (template.frozenColumns > 0 && template.frozenRows) sheet.freezePanes.freezeAt(rectAddress(0, 0, rows - 1, cols - 1));
    else if (template.frozenColumns > 0) sheet.freezePanes.freezeColumns(cols);
    // (frozen rows only: queueSheetContent froze them)
    if (template.frozenColumns > 0) writeCalls++;
  }
  for (const v of template.validations) {
    const dv = sheet.getRange(v.address).dataValidation;
    dv.rule = officeValidationRule(v);
    dv.prompt = { showPrompt: true, title: v.prompt.title.slice(0, 32), message: v.prompt.text.slice(0, 255) };
    dv.errorAlert = { showAlert: true, style: 'Stop', title: v.error.title.slice(0, 32), message: v.error.text.slice(0, 255) };
    writeCalls += 3;
  }
  return { writeCalls };
}

export interface TemplateRequest {
  /** A responsible party (any spelling); the whole city when absent or blank. */
  department?: string;
  city?: string;
  year?: number;
  lang: Lang;
  /** Office.context.requirements.isSetSupported by default (the page setup needs ExcelApi 1.9). */
  isSetSupported?: IsSetSupported;
}

export interface TemplateCreated {
  /** The new sheet's name (made unique among the workbook's sheets). */
  sheet: string;
  template: TemplateSheet;
  /** Indicators laid out (0: the department is responsible for none; the sheet says so). */
  indicators: number;
  /** Value cells under data validation (every value cell). */
  validatedCells: number;
  syncs: number;
  writeCalls: number;
}

const countCells = (address: string) => {
  const m = /^[A-Z]+(\d+)(?::[A-Z]+(\d+))?$/.exec(address);
  return m ? (m[2] ? Number(m[2]) - Number(m[1]) + 1 : 1) : 1;
};

/** "Tạo mẫu": writes a department's (or the city's) template as a new sheet and activates it. */
export async function createTemplateSheet(run: ExcelRunner, criteria: CriteriaSet, request: TemplateRequest): Promise<TemplateCreated> {
  const options = { lang: request.lang } as Parameters<typeof buildTemplate>[1] & object;
  if (request.department !== undefined && request.department.trim() !== '') options.department = request.department;
  if (request.city !== undefined && request.city.trim() !== '') options.city = request.city.trim();
  if (request.year !== undefined && Number.isFinite(request.year)) options.year = request.year;
  const base = buildTemplate(criteria, options);
  return run(async (context) => {
    let syncs = 0;
    const sheets = context.workbook.worksheets;
    sheets.load('items/name');
    syncs++;
    await context.sync();
    const name = safeSheetName(base.name, sheets.items.map((s) => s.name));
    const template: TemplateSheet = { ...base, name };
    const sheet = sheets.add(name);
    let writeCalls = 1;
    writeCalls += queueSheetContent(sheet, template, { charts: false }).writeCalls;
    writeCalls += queueTemplateExtras(sheet, template).writeCalls;
    sheet.activate();
    sheet.getRange(template.validations[0]?.address.split(':')[0] ?? 'A1').select();
    writeCalls += 2;
    syncs++;
    await context.sync();
    // Its page setup in a sync of its own (page-layout.ts: a refusal leaves the template standing).
    if ((request.isSetSupported ?? officeIsSetSupported)(API_SET, API_VERSIONS.pageLayout)) {
      syncs += (await syncPageLayoutApart(context, sheet, template)).syncs;
    }
    const validatedCells = template.validations.reduce((n, v) => n + countCells(v.address), 0);
    return { sheet: name, template, indicators: template.indicators.length, validatedCells, syncs, writeCalls };
  });
}
