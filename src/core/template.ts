/**
 * Department templates: the appendix in the project's canonical layout (layout.ts), one row per
 * field, ready to be filled in Excel and read back exactly by the mapper (by indicator id and
 * field key). Also the layout engine the master sheet of a consolidation is drawn with. Pure.
 */
import { CriteriaSet, Field, Indicator, PlacedIndicator, ValueKind, listIndicators } from './criteria';
import { CURRENT_SUFFIX, PREVIOUS_SUFFIX, TEMPLATE_COL, TEMPLATE_COLUMNS, TEMPLATE_HEADER, TEMPLATE_MARKER, TemplateHeaderKey } from './layout';
import { canonicalParty, listParties, partyKey } from './parties';
import { OutCell, SheetContent } from './plan';
import { fieldLabel } from './score';
import { CellArea, safeSheetName, toA1 } from './snapshot';
import { PERCENT, ratingItemText } from './vocabulary';
import { Lang, formatNumber, unitText } from '../i18n/format';
import { RATING_LABELS, RATING_LABELS_EN, TREND_TEXT } from '../i18n/messages';
import { TEMPLATE_TEXT as TEXT } from '../i18n/template';
import { withProps } from './objects';

// ---------------------------------------------------------------------------------------------
// Types

/** A data-validation rule on a cell or a one-column range, as Excel (and exceljs, Office.js) know it. */
export interface TemplateValidation {
  /** "G12", or "G12:G15" for consecutive value cells that share the rule. */
  address: string;
  /** The kind of value the rule admits ('number' for the previous/current-year figures of a trend). */
  kind: ValueKind;
  type: 'decimal' | 'whole' | 'list';
  operator?: 'between' | 'greaterThanOrEqual';
  /**
   * Excel's formulae: the bounds of a decimal/whole rule; for a list, ONE formula holding the
   * quoted, comma-separated items ('"Tăng,Giảm"'), as exceljs writes it. Office.js wants the
   * items without the quotes: use `list.join(',')`.
   */
  formulae: (number | string)[];
  /** The items of a list rule, in order. */
  list?: string[];
  allowBlank: true;
  /** Input message shown when the cell is selected (title ≤ 32, text ≤ 255 characters, Excel's limits). */
  prompt: { title: string; text: string };
  /** Error alert shown when a value breaks the rule (style "stop"). */
  error: { title: string; text: string };
}

/** A merged area, 0-based, inclusive (the same shape as a snapshot's merges). */
export type TemplateMerge = CellArea;

/** A sheet in the canonical layout: SheetContent plus what a host needs to make it fillable. */
export interface TemplateSheet extends SheetContent {
  /** Data validation of every value cell (and nothing else), grouped into ranges. */
  validations: TemplateValidation[];
  merges: TemplateMerge[];
  /** Columns to freeze on the left (the indicator id). */
  frozenColumns: number;
  /** The table (header row to last data row, every column), for an autofilter. */
  autoFilter: CellArea;
  /** 0-based row of the column-header row (TEMPLATE_COLUMNS labels). */
  headerRow: number;
  /** Indicator id → field key (also `key@previous` / `key@current`) → the A1 value cell. */
  valueCells: Record<string, Record<string, string>>;
  /** Indicator id → the A1 cell where the status text goes (the status column of its first row). */
  statusCells: Record<string, string>;
  /** The value cells of the header block (column B), by header key. */
  headerCells: Record<TemplateHeaderKey, string>;
  /** Ids of the indicators laid out, in the criteria's order (empty when a department is responsible for none). */
  indicators: string[];
  /** The department the sheet is for (canonical name), when one was asked for. */
  department?: string;
}

export interface TemplateOptions {
  /** Only this party's indicators (any spelling: "Sở GD&ĐT"); all indicators when absent. */
  department?: string;
  city?: string;
  year?: number;
  contact?: string;
  lang?: Lang;
  /** Previous- and current-year rows under every trend field (default true). */
  trendPairs?: boolean;
  /** Sheet name (made a valid Excel name); a default in the language otherwise. */
  name?: string;
}

// ---------------------------------------------------------------------------------------------
// Look

/** Light yellow: Excel's "Input"-style fill, so the cells to type in stand apart from the labels. */
export const INPUT_FILL = '#FFF2CC';
export const HEADER_FILL = '#DDEBF7';
const MUTED = '#7F7F7F';
const LABEL_FONT = '#1F3864';

export const TEMPLATE_FORMATS = {
  /** A percent is typed as 0–100 (95 means 95%): a plain number format, never a % format. */
  percent: '0.0##',
  count: '#,##0',
  change: '+0.0##;-0.0##;0',
  /** A plain figure (last year's, this year's): General, so 1250 shows as typed and 12.5 too. */
  number: 'General',
  text: '@',
} as const;

// ---------------------------------------------------------------------------------------------
// Departments

export { listParties };

/** True when two spellings name one party ("Sở GD&ĐT" and "Sở Giáo dục và Đào tạo"). */
export function sameParty(a: string, b: string, criteria?: CriteriaSet): boolean {
  return partyKey(canonicalParty(a, criteria)) === partyKey(canonicalParty(b, criteria));
}

/** The indicators a department is responsible for (any spelling), in the set's order. */
export function indicatorsOf(criteria: CriteriaSet, department: string): PlacedIndicator[] {
  const wanted = partyKey(canonicalParty(department, criteria));
  return listIndicators(criteria).filter((p) => partyKey(canonicalParty(p.indicator.responsible, criteria)) === wanted);
}

// ---------------------------------------------------------------------------------------------
// Field rows

/** One row of the table: a field of an indicator, or the previous/current-year figure of a trend field. */
export interface FieldRow {
  indicator: Indicator;
  field: Field;
  /** The field key written in the key column (`trend@previous` for a pair row). */
  key: string;
  pair?: 'previous' | 'current';
}

/** The rows an indicator takes: one per field, and a trend field's two figures under it. */
export function fieldRows(indicator: Indicator, trendPairs = true): FieldRow[] {
  const rows: FieldRow[] = [];
  for (const field of indicator.fields) {
    rows.push({ indicator, field, key: field.key });
    if (trendPairs && field.kind === 'trend') {
      rows.push({ indicator, field, key: field.key + PREVIOUS_SUFFIX, pair: 'previous' });
      rows.push({ indicator, field, key: field.key + CURRENT_SUFFIX, pair: 'current' });
    }
  }
  return rows;
}

/** The kind a row's value cell takes: a pair row holds a plain figure. */
export function rowKind(row: FieldRow): ValueKind {
  return row.pair ? 'number' : row.field.kind;
}

/** The label a person reads for a field row: "Nam (Số trẻ em …)", "Tỷ lệ", "Mức đánh giá (1–5)". */
export function templateFieldLabel(row: FieldRow, lang: Lang): string {
  if (row.pair) return TEXT[row.pair][lang];
  const f = row.field;
  if (f.kind === 'rating') return TEXT.rating[lang];
  if (f.kind === 'trend') return `${TEXT.trend[lang]} (${TREND_TEXT.increase[lang]}/${TREND_TEXT.decrease[lang]})`;
  if (f.kind === 'change' && f.label.trim() === PERCENT) return TEXT.change[lang];
  if (f.label.trim() === PERCENT) {
    const group = lang === 'en' ? f.groupEn ?? f.group : f.group;
    return group ? `${TEXT.rate[lang]} (${group})` : TEXT.rate[lang];
  }
  return fieldLabel(f, lang);
}

/** The unit column: "%" for rates and changes, the printed unit for counts ("Trẻ"; "children" in an English template), nothing for choices. */
export function templateUnit(row: FieldRow, lang: Lang = 'vi'): string {
  if (row.pair) return '';
  const f = row.field;
  if (f.kind === 'percent' || f.kind === 'change') return PERCENT;
  if (f.kind === 'trend' || f.kind === 'rating') return '';
  return unitText(f.unit, lang);
}

/** The items of the trend list in a language ("Tăng", "Giảm"). */
export function trendItems(lang: Lang): string[] {
  return [TREND_TEXT.increase[lang], TREND_TEXT.decrease[lang]];
}

/** The rating list, best first: "5 - Xuất sắc" … "1 - Yếu" (the reader reads "3 - Tốt" as 3). */
export function ratingItems(lang: Lang): string[] {
  const labels = lang === 'en' ? RATING_LABELS_EN : RATING_LABELS;
  return [5, 4, 3, 2, 1].map((n) => ratingItemText(n, labels[n - 1]!));
}

/** How a typed value is shown in a value cell of the canonical layout (a rating as its list item). */
export function ratingItem(n: number, lang: Lang): string | null {
  if (!Number.isInteger(n) || n < 1 || n > 5) return null;
  return ratingItems(lang)[5 - n]!;
}

type Rule = Omit<TemplateValidation, 'address'>;

/** The validation rule, input message and error alert of a value cell, by kind. */
export function validationRule(kind: ValueKind, lang: Lang, max = 100, trendPairs = true): Rule {
  const vi = lang === 'vi';
  const num = (n: number) => formatNumber(n, lang);
  switch (kind) {
    case 'percent':
      return {
        kind,
        type: 'decimal',
        operator: 'between',
        formulae: [0, max],
        allowBlank: true,
        prompt: vi
          ? { title: 'Tỷ lệ (%)', text: `Nhập tỷ lệ % từ 0 đến ${num(max)}, ví dụ ${max > 100 ? num(150) : '95,5'} (không nhập dạng 0,955)` }
          : { title: 'Rate (%)', text: `Type the rate in % from 0 to ${num(max)}, e.g. ${max > 100 ? '150' : '95.5'} (not as 0.955)` },
        error: vi
          ? { title: 'Tỷ lệ không hợp lệ', text: `Tỷ lệ phải là một số từ 0 đến ${num(max)}; 95,5 nghĩa là 95,5%.` }
          : { title: 'Invalid rate', text: `A rate must be a number from 0 to ${num(max)}; 95.5 means 95.5%.` },
      };
    case 'count':
      return {
        kind,
        type: 'whole',
        operator: 'greaterThanOrEqual',
        formulae: [0],
        allowBlank: true,
        prompt: vi ? { title: 'Số lượng', text: 'Nhập số nguyên không âm, ví dụ 1250' } : { title: 'Count', text: 'Type a whole number, 0 or more, e.g. 1250' },
        error: vi
          ? { title: 'Số lượng không hợp lệ', text: 'Số lượng phải là số nguyên không âm.' }
          : { title: 'Invalid count', text: 'A count must be a whole number, 0 or more.' },
      };
    case 'change':
      // A percent change cannot fall below −100% (nothing is less than nothing); a rise has no bound.
      return {
        kind,
        type: 'decimal',
        operator: 'greaterThanOrEqual',
        formulae: [-100],
        allowBlank: true,
        prompt: vi
          ? { title: 'Mức thay đổi (%)', text: 'Nhập % thay đổi so với năm trước: số dương nếu tăng, số âm nếu giảm, ví dụ 3,2 hoặc -1,5' }
          : { title: 'Change (%)', text: 'Type the % change on the previous year: positive for a rise, negative for a fall, e.g. 3.2 or -1.5' },
        error: vi
          ? { title: 'Mức thay đổi không hợp lệ', text: 'Nhập một số (% thay đổi), không nhỏ hơn -100.' }
          : { title: 'Invalid change', text: 'Type a number (the % change), not below -100.' },
      };
    case 'trend': {
      const items = trendItems(lang);
      return {
        kind,
        type: 'list',
        formulae: [`"${items.join(',')}"`],
        list: items,
        allowBlank: true,
        prompt: vi
          ? { title: 'Xu hướng', text: `Chọn Tăng hoặc Giảm so với năm trước${trendPairs ? ', hoặc điền số liệu hai năm ở hai dòng bên dưới để tính tự động' : ''}` }
          : { title: 'Trend', text: `Choose ${items.join(' or ')} on the previous year${trendPairs ? ", or give both years' figures in the two rows below" : ''}` },
        error: vi
          ? { title: 'Xu hướng không hợp lệ', text: 'Chọn Tăng hoặc Giảm trong danh sách.' }
          : { title: 'Invalid trend', text: `Choose ${items.join(' or ')} from the list.` },
      };
    }
    case 'rating': {
      const items = ratingItems(lang);
      return {
        kind,
        type: 'list',
        formulae: [`"${items.join(',')}"`],
        list: items,
        allowBlank: true,
        prompt: vi ? { title: 'Mức đánh giá', text: `Chọn một mức: ${items.join(', ')}` } : { title: 'Rating', text: `Choose one level: ${items.join(', ')}` },
        error: vi ? { title: 'Mức đánh giá không hợp lệ', text: 'Chọn một mức trong danh sách (5 - Xuất sắc … 1 - Yếu).' } : { title: 'Invalid rating', text: 'Choose a level from the list (5 - Excellent … 1 - Weak).' },
      };
    }
    case 'number':
      return {
        kind,
        type: 'decimal',
        operator: 'greaterThanOrEqual',
        formulae: [0],
        allowBlank: true,
        prompt: vi
          ? { title: 'Số liệu', text: 'Nhập số liệu của năm (số không âm), ví dụ 1250 hoặc 12,5' }
          : { title: 'Figure', text: "Type the year's figure (0 or more), e.g. 1250 or 12.5" },
        error: vi ? { title: 'Số liệu không hợp lệ', text: 'Nhập một số không âm.' } : { title: 'Invalid figure', text: 'Type a number, 0 or more.' },
      };
  }
}

/** The number format of a value cell by kind: rates as plain 0–100 numbers (never a % format). */
export function numberFormatFor(kind: ValueKind): string {
  switch (kind) {
    case 'percent':
      return TEMPLATE_FORMATS.percent;
    case 'count':
      return TEMPLATE_FORMATS.count;
    case 'change':
      return TEMPLATE_FORMATS.change;
    case 'number':
      return TEMPLATE_FORMATS.number;
    case 'trend':
    case 'rating':
      return TEMPLATE_FORMATS.text;
  }
}

/**
 * What a template prints in a row's note cell, for the department to read: the target on the
 * indicator's first row, how the trend is computed on a previous-year row; nothing elsewhere.
 */
export function printedNote(row: FieldRow, first: boolean, lang: Lang): string | undefined {
  if (first) {
    const t = row.indicator.target;
    return `${TEXT.target[lang]}: ${lang === 'en' ? t.textEn ?? t.text : t.text}`;
  }
  return row.pair === 'previous' ? TEXT.pairNote[lang] : undefined;
}

/** Every text a template of either language prints in an indicator's note cells (not a department's note). */
export function printedNotes(indicator: Indicator): string[] {
  const out = new Set<string>();
  fieldRows(indicator).forEach((row, i) => {
    for (const lang of ['vi', 'en'] as const) {
      const t = printedNote(row, i === 0, lang);
      if (t) out.add(t);
    }
  });
  return [...out];
}

// ---------------------------------------------------------------------------------------------
// The layout engine (templates and master sheets)

/** What a master sheet puts in a row's cells; a template leaves them empty. */
export interface RowFill {
  value?: string | number | null;
  /** Fill of the value cell (default: the input fill). */
  valueFill?: string;
  note?: string;
}
export interface IndicatorFill {
  status?: OutCell;
  /** The responsible party to show (default: the criteria's). */
  responsible?: string;
  rows?: Record<string, RowFill>;
}

export interface LayoutOptions {
  lang: Lang;
  trendPairs: boolean;
  name: string;
  title: string;
  subtitle?: string;
  header: Partial<Record<TemplateHeaderKey, string | number>>;
  /** An empty table's explanation. */
  emptyNote?: string;
  fill?: (indicator: Indicator) => IndicatorFill | undefined;
  department?: string;
}

const WIDTH = TEMPLATE_COLUMNS.length;

/** Draws the canonical layout for the given indicators. */
export function layoutSheet(placed: readonly PlacedIndicator[], options: LayoutOptions): TemplateSheet {
  const { lang } = options;
  const rows: OutCell[][] = [];
  const merges: TemplateMerge[] = [];
  const col = TEMPLATE_COL;

  // The marker is read, never shown: the format ";;;" displays nothing on screen or paper.
  rows.push([{ value: TEMPLATE_MARKER, numberFormat: ';;;' }]);
  rows.push([{ value: options.title, bold: true, size: 14, font: LABEL_FONT }]);
  merges.push({ top: 1, left: 0, bottom: 1, right: WIDTH - 1 });
  rows.push([{ value: options.subtitle ?? TEXT.instructions[lang], italic: true, wrap: true, font: '#404040' }]);
  merges.push({ top: 2, left: 0, bottom: 2, right: WIDTH - 1 });

  const headerCells = {} as Record<TemplateHeaderKey, string>;
  for (const h of TEMPLATE_HEADER) {
    const r = rows.length;
    const value = options.header[h.key];
    rows.push([
      { value: h[lang], bold: true, font: LABEL_FONT },
      { value: value === undefined || value === '' ? null : value, fill: INPUT_FILL, ...(h.key === 'year' ? { numberFormat: '0' } : {}) },
    ]);
    // The value spans B:D, so a long department name shows in full.
    merges.push({ top: r, left: 1, bottom: r, right: 3 });
    headerCells[h.key] = toA1(r, 1);
  }
  rows.push([]);

  const headerRow = rows.length;
  rows.push(TEMPLATE_COLUMNS.map((c) => ({ value: c[lang], bold: true, fill: HEADER_FILL, wrap: true, font: LABEL_FONT })));

  const validations: Array<Rule & { row: number }> = [];
  const valueCells: Record<string, Record<string, string>> = {};
  const statusCells: Record<string, string> = {};
  const indicators: string[] = [];

  for (const { indicator, standard, criterion } of placed) {
    indicators.push(indicator.id);
    const filled = options.fill?.(indicator);
    const list = fieldRows(indicator, options.trendPairs);
    const cellsOf: Record<string, string> = {};
    valueCells[indicator.id] = cellsOf;
    const standardText = `${standard.code} ${lang === 'en' ? standard.titleEn : standard.title}`;
    const criterionText = `${criterion.code} ${lang === 'en' ? criterion.titleEn : criterion.title}`;
    const indicatorText = lang === 'en' ? indicator.textEn : indicator.text;
    const party = filled?.responsible ?? indicator.responsible;
    list.forEach((fr, i) => {
      const r = rows.length;
      const first = i === 0;
      const kind = rowKind(fr);
      const rowFill = filled?.rows?.[fr.key];
      const cells: OutCell[] = new Array<OutCell>(WIDTH);
      // The id on every row (the mapper and a filter both need it); the rest in full on the first row.
      cells[col.id] = { value: indicator.id, bold: first, ...(first ? {} : { font: MUTED }) };
      cells[col.standard] = first ? { value: standardText, wrap: true } : { value: standard.code, font: MUTED };
      cells[col.criterion] = first ? { value: criterionText, wrap: true } : { value: criterion.code, font: MUTED };
      cells[col.indicator] = first ? { value: indicatorText, wrap: true } : { value: null };
      cells[col.responsible] = first ? { value: party, wrap: true } : { value: party, font: MUTED };
      cells[col.field] = { value: templateFieldLabel(fr, lang), wrap: true, ...(fr.pair ? { italic: true } : {}) };
      cells[col.value] = { value: rowFill?.value ?? null, fill: rowFill?.valueFill ?? INPUT_FILL, numberFormat: numberFormatFor(kind) };
      cells[col.unit] = { value: templateUnit(fr, lang) || null };
      cells[col.status] = first && filled?.status ? filled.status : { value: null };
      cells[col.fieldKey] = { value: fr.key, font: MUTED, size: 9 };
      let note = rowFill?.note;
      if (note === undefined && !options.fill) note = printedNote(fr, first, lang);
      cells[col.note] = { value: note ?? null, wrap: true, ...(options.fill ? { font: '#404040', size: 9 } : {}) };
      rows.push(cells);
      const address = toA1(r, col.value);
      cellsOf[fr.key] = address;
      if (first) statusCells[indicator.id] = toA1(r, col.status);
      validations.push(withProps(validationRule(kind, lang, fr.field.kind === 'percent' && !fr.pair ? fr.field.max ?? 100 : 100, options.trendPairs), { row: r }));
    });
  }
  if (!placed.length && options.emptyNote) rows.push([{ value: options.emptyNote, italic: true, font: '#9C0006' }]);

  const lastRow = Math.max(headerRow, rows.length - 1);
  rows.push(...signatureBlock(lang));
  // Column A holds the header labels ("Năm báo cáo") as well as the ids: as wide as its longest text.
  const columnWidths: number[] = TEMPLATE_COLUMNS.map((c) => c.width);
  columnWidths[0] = Math.max(columnWidths[0]!, ...TEMPLATE_HEADER.map((h) => Math.ceil(h[lang].length * 1.2) + 2));
  return {
    name: options.name,
    marker: TEMPLATE_MARKER,
    rows,
    columnWidths,
    frozenRows: headerRow + 1,
    print: { titleRows: { first: headerRow, last: headerRow }, footer: TEXT.footer[lang] },
    frozenColumns: 1,
    merges,
    validations: groupValidations(validations),
    autoFilter: { top: headerRow, left: 0, bottom: lastRow, right: WIDTH - 1 },
    headerRow,
    valueCells,
    statusCells,
    headerCells,
    indicators,
    ...(options.department !== undefined ? { department: options.department } : {}),
  };
}

/**
 * The signature block of a Vietnamese report form, below the table: the place and date line on the
 * right, then who drew the return up and the head of the department, each with room to sign.
 */
function signatureBlock(lang: Lang): OutCell[][] {
  const left = TEMPLATE_COL.criterion;
  const right = TEMPLATE_COL.field;
  const row = (l: OutCell | null, r: OutCell | null): OutCell[] => {
    const cells: OutCell[] = [];
    cells[left] = l ?? { value: null };
    cells[right] = r ?? { value: null };
    return cells;
  };
  return [
    [],
    row(null, { value: TEXT.placeDate[lang], italic: true }),
    row({ value: TEXT.preparer[lang], bold: true }, { value: TEXT.head[lang], bold: true }),
    row({ value: TEXT.signHint[lang], italic: true, size: 9 }, { value: TEXT.signHintHead[lang], italic: true, size: 9 }),
  ];
}

/** Consecutive rows with the same rule become one range ("G12:G15"). */
function groupValidations(list: Array<Rule & { row: number }>): TemplateValidation[] {
  const out: TemplateValidation[] = [];
  const c = TEMPLATE_COL.value;
  let start: (Rule & { row: number }) | undefined;
  let end = -1;
  const flush = () => {
    if (!start) return;
    const { row, ...rule } = start;
    out.push({ address: end > row ? `${toA1(row, c)}:${toA1(end, c)}` : toA1(row, c), ...rule });
  };
  for (const v of list) {
    if (start && v.row === end + 1 && sameRule(start, v)) {
      end = v.row;
      continue;
    }
    flush();
    start = v;
    end = v.row;
  }
  flush();
  return out;
}

function sameRule(a: Rule, b: Rule): boolean {
  return a.kind === b.kind && a.type === b.type && a.operator === b.operator && JSON.stringify(a.formulae) === JSON.stringify(b.formulae) && a.prompt.text === b.prompt.text;
}

/** Expands a validation's address into its cells ("G12:G14" → G12, G13, G14). */
export function validationCells(address: string): string[] {
  const [from, to] = address.split(':');
  const m1 = /^([A-Z]+)(\d+)$/.exec(from ?? '');
  if (!m1) return [];
  if (!to) return [address];
  const m2 = /^([A-Z]+)(\d+)$/.exec(to);
  if (!m2 || m2[1] !== m1[1]) return [address];
  const out: string[] = [];
  for (let r = Number(m1[2]); r <= Number(m2[2]); r++) out.push(`${m1[1]}${r}`);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Entry point

/**
 * A template for one department (its indicators only) or, without `department`, for the whole
 * city (every indicator). Never throws: a department responsible for nothing gets an empty table
 * with a note saying so, and `indicators` is empty.
 */
export function buildTemplate(criteria: CriteriaSet, options: TemplateOptions = {}): TemplateSheet {
  const lang = options.lang ?? 'vi';
  const department = options.department !== undefined && options.department.trim() !== '' ? canonicalParty(options.department, criteria) : undefined;
  const placed = department !== undefined ? indicatorsOf(criteria, department) : listIndicators(criteria);
  const criteriaTitle = lang === 'en' ? criteria.titleEn : criteria.title;
  const header: LayoutOptions['header'] = {};
  if (options.city !== undefined) header.city = options.city;
  if (options.year !== undefined) header.year = options.year;
  if (department !== undefined) header.department = department;
  if (options.contact !== undefined) header.contact = options.contact;
  return layoutSheet(placed, {
    lang,
    trendPairs: options.trendPairs !== false,
    name: safeSheetName(options.name ?? TEXT.sheetName[lang], []),
    title: department !== undefined ? TEXT.titleDept[lang](department) : TEXT.title[lang](criteriaTitle),
    header,
    ...(department !== undefined ? { department, emptyNote: TEXT.none[lang](department) } : {}),
  });
}
