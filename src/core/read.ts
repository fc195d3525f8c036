/**
 * Reading one field's value from what a host reports for a cell. Never throws: every input
 * yields a value, or a "missing" or "invalid" issue with a code, the cell and a message.
 */
import { ValueKind } from './criteria';
import { Issue, makeIssue } from './issues';
import { cleanText, foldText, looksLegacyEncoded } from './text';
import { Choice, LABEL_BEFORE_COLON, MARKS_IN_TEXT, RATING_CHOICES, TREND_CHOICES, Trend, UNITS, isNoDataText, replacePlaceholderDots } from './vocabulary';
import { MessageKey, Params } from '../i18n/messages';

export type CellValueType = 'empty' | 'string' | 'number' | 'boolean' | 'error';

/** What a host reports for one cell. */
export interface CellContent {
  value: string | number | boolean | null | undefined;
  /** The host's value type; inferred from `value` when absent. */
  type?: CellValueType;
  numberFormat?: string;
  /** The text Excel displays. */
  text?: string;
}

export type { Trend };
/** A field's typed value: a number (percent, count, change, rating) or a trend. */
export type FieldValue = number | Trend;

export type Reading =
  | { status: 'value'; value: FieldValue }
  | { status: 'missing'; issue: Issue }
  | { status: 'invalid'; issue: Issue };

/** What the reader needs to know of a field. */
export interface FieldSpec {
  key?: string;
  kind: ValueKind;
  /** Upper bound of a percent (default 100). */
  max?: number;
  unit?: string;
  label?: string;
}

const MAX_TEXT = 1000;

export function inferType(value: CellContent['value']): CellValueType {
  if (value === null || value === undefined || value === '') return 'empty';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'string' && /^#(DIV\/0!|N\/A|NAME\?|NULL!|NUM!|REF!|VALUE!|SPILL!|CALC!|GETTING_DATA|FIELD!|BUSY!|BLOCKED!|CONNECT!|EXTERNAL!|PYTHON!|UNKNOWN!)$/.test(value.trim())) return 'error';
  return 'string';
}

/** Strips quoted literals and [..] sections from a number format, leaving its codes. */
function formatCodes(format: string): string {
  return format.replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '').replace(/\\./g, '');
}
export function isPercentFormat(format: string | undefined): boolean {
  return !!format && formatCodes(format).includes('%');
}
export function isDateFormat(format: string | undefined): boolean {
  if (!format || format === 'General' || format === '@') return false;
  return /[dmyhs]/i.test(formatCodes(format).replace(/General/gi, ''));
}

/** Removes float noise from a scaled value, so 0.57 × 100 reads as 57, not 56.99999999999999. */
export function clean(n: number): number {
  return Number(n.toPrecision(12));
}

function shorten(t: string): string {
  return t.length > 60 ? t.slice(0, 57) + '…' : t;
}

export function readField(cell: CellContent, field: FieldSpec, address?: string): Reading {
  try {
    return readFieldUnsafe(cell, field, address);
  } catch {
    // Defensive: a reader bug must never stop a scoring run.
    return invalid('not-a-number', { text: shorten(String(cell?.value)) }, address, field);
  }
}

function missing(code: MessageKey, params: Params, cell: string | undefined, field: FieldSpec): Reading {
  return { status: 'missing', issue: makeIssue(code, params, place(cell, field)) };
}
function invalid(code: MessageKey, params: Params, cell: string | undefined, field: FieldSpec): Reading {
  return { status: 'invalid', issue: makeIssue(code, params, place(cell, field)) };
}
function place(cell: string | undefined, field: FieldSpec): { cell?: string; field?: string } {
  const p: { cell?: string; field?: string } = {};
  if (cell !== undefined) p.cell = cell;
  if (field.key !== undefined) p.field = field.key;
  return p;
}

function readFieldUnsafe(cell: CellContent, field: FieldSpec, address: string | undefined): Reading {
  const type = cell.type ?? inferType(cell.value);
  const value = cell.value;
  switch (type) {
    case 'empty':
      if (typeof value === 'string' && value.trim() !== '') break; // a host that says empty but holds text
      return missing('blank', {}, address, field);
    case 'error':
      return invalid('error-value', { text: String(value ?? cell.text ?? '#ERROR') }, address, field);
    case 'boolean':
      return invalid('boolean-value', { text: String(value).toUpperCase() }, address, field);
    case 'number':
      if (typeof value === 'number') return readNumberCell(value, cell, field, address);
      break;
    case 'string':
      break;
  }
  if (value === null || value === undefined) return missing('blank', {}, address, field);
  return readText(String(value), field, address);
}

function readNumberCell(n: number, cell: CellContent, field: FieldSpec, address: string | undefined): Reading {
  if (!Number.isFinite(n)) return invalid('not-a-number', { text: String(n) }, address, field);
  if (isDateFormat(cell.numberFormat)) return invalid('date-value', { text: cell.text || String(n) }, address, field);
  const fraction = isPercentFormat(cell.numberFormat);
  switch (field.kind) {
    case 'percent':
    case 'change':
      return checkNumber(fraction ? clean(n * 100) : n, field, address);
    case 'trend':
      return { status: 'value', value: n > 0 ? 'increase' : n < 0 ? 'decrease' : 'unchanged' };
    default:
      return checkNumber(n, field, address);
  }
}

/** Applies a kind's range rules to a number. */
function checkNumber(n: number, field: FieldSpec, address: string | undefined): Reading {
  if (!Number.isFinite(n)) return invalid('not-a-number', { text: String(n) }, address, field);
  switch (field.kind) {
    case 'percent': {
      const max = field.max ?? 100;
      if (n < 0 || n > max) return invalid('percent-out-of-range', { value: n, max }, address, field);
      return { status: 'value', value: n };
    }
    case 'count':
      if (n < 0) return invalid('negative-count', { value: n }, address, field);
      if (!Number.isInteger(n)) return invalid('fractional-count', { value: n }, address, field);
      return { status: 'value', value: n };
    case 'rating':
      if (!Number.isInteger(n) || n < 1 || n > 5) return invalid('not-a-rating', { text: String(n) }, address, field);
      return { status: 'value', value: n };
    case 'trend':
      return { status: 'value', value: n > 0 ? 'increase' : n < 0 ? 'decrease' : 'unchanged' };
    default:
      return { status: 'value', value: n };
  }
}

function readText(raw: string, field: FieldSpec, address: string | undefined): Reading {
  if (raw.length > MAX_TEXT) return invalid('too-long', { length: raw.length }, address, field);
  if (looksLegacyEncoded(raw)) return invalid('legacy-encoding', { text: shorten(raw) }, address, field);
  const t = cleanText(raw);
  if (t === '') return missing('blank', {}, address, field);
  if (/^#[A-Z0-9/!?_]+[!?A]$/.test(t) && inferType(t) === 'error') return invalid('error-value', { text: t }, address, field);
  if (isNoDataText(t)) return missing('no-data', { text: shorten(t) }, address, field);
  switch (field.kind) {
    case 'trend':
      return readTrendText(t, cleanText(raw, true), field, address);
    case 'rating':
      return readRatingText(t, cleanText(raw, true), field, address);
    case 'change': {
      const parsed = parseNumberText(t, field);
      if (parsed !== null) return checkNumber(parsed, field, address);
      const trend = readChoice(cleanText(raw, true), TREND_CHOICES);
      if (trend.kind === 'one') return { status: 'value', value: trend.value as Trend };
      return invalid('not-a-number', { text: shorten(t) }, address, field);
    }
    default: {
      const parsed = parseNumberText(t, field);
      if (parsed === null) return invalid('not-a-number', { text: shorten(t) }, address, field);
      return checkNumber(parsed, field, address);
    }
  }
}

/**
 * Parses a figure typed as text in Vietnamese or English conventions. Returns null when the
 * text is not a single figure. "95,5 %" → 95.5; "1.234" as a count → 1234; "+3,2%" → 3.2.
 * `kind`: what the figure is read as (a trend's change, a rating's number); the field's own by default.
 */
export function parseNumberText(input: string, field: FieldSpec, kind: FieldSpec['kind'] = field.kind): number | null {
  // Placeholder dots left from the printed form.
  let t = replacePlaceholderDots(cleanText(input), ' ').trim();
  // A label typed in front: "Nam: 1.250 trẻ", or the field's own label.
  t = t.replace(LABEL_BEFORE_COLON, '');
  if (field.label && field.label.length > 1 && foldText(t).startsWith(foldText(field.label) + ' ')) t = t.slice(field.label.length).trim();
  const m = /^([+\-−–]?)\s*(\d[\d.,\s\u00A0]*)\s*(.*)$/.exec(t);
  if (!m) return null;
  const [, sign = '', digits = '', rest = ''] = m;
  const unit = foldText(rest);
  if (unit !== '') {
    const fieldUnit = field.unit ? foldText(field.unit) : '';
    if (!UNITS.has(unit) && unit !== fieldUnit) return null;
  }
  const n = parseDigits(digits.trim(), kind);
  if (n === null) return null;
  return sign === '' || sign === '+' ? n : -n;
}

function parseDigits(d: string, kind: ValueKind): number | null {
  const groups3 = (parts: string[]) => parts.slice(1).every((p) => /^\d{3}$/.test(p)) && /^\d{1,3}$/.test(parts[0] ?? '');
  // Spaces: only ever thousands separators ("1 234").
  if (/\s/.test(d)) {
    const spaced = d.split(/\s+/);
    if (spaced.length > 1) {
      const head = spaced.slice(0, -1);
      const last = spaced[spaced.length - 1]!;
      // "1 234,5": the last chunk may carry a decimal part
      const lastInt = last.split(/[.,]/)[0]!;
      if (!groups3([...head, lastInt])) return null;
      d = head.join('') + last;
    }
  }
  const dots = (d.match(/\./g) ?? []).length;
  const commas = (d.match(/,/g) ?? []).length;
  if (!/^\d[\d.,]*$/.test(d) || /[.,]$/.test(d)) return null;
  let normal: string;
  if (dots && commas) {
    const decimal = d.lastIndexOf('.') > d.lastIndexOf(',') ? '.' : ',';
    const thousands = decimal === '.' ? ',' : '.';
    const [intPart = '', frac = ''] = d.split(decimal);
    if (d.split(decimal).length !== 2 || frac.includes(thousands)) return null;
    if (!groups3(intPart.split(thousands))) return null;
    normal = intPart.split(thousands).join('') + '.' + frac;
  } else if (dots + commas === 0) {
    normal = d;
  } else {
    const sep = dots ? '.' : ',';
    const parts = d.split(sep);
    if (parts.length > 2) {
      if (!groups3(parts)) return null;
      normal = parts.join('');
    } else {
      // One separator: thousands for whole-number kinds when three digits follow; otherwise decimal.
      const wholeKind = kind === 'count' || kind === 'number';
      normal = wholeKind && /^\d{3}$/.test(parts[1]!) && parts[0] !== '0' ? parts.join('') : parts.join('.');
    }
  }
  const n = Number(normal);
  return Number.isFinite(n) ? n : null;
}

// ---- Choices: trend words and ratings, typed, marked with an "x", or the only one left ----


type ChoiceResult =
  | { kind: 'one'; value: Trend | number }
  | { kind: 'many'; labels: string[] }
  | { kind: 'unmarked' }
  | { kind: 'none' };

const choiceRegexes = new WeakMap<Choice[], RegExp>();
/** Any one of the options, as a word (one per list of choices; `match` and `replace` with it start from the beginning). */
const optionRegexes = new WeakMap<Choice[], RegExp>();
function optionRegex(choices: Choice[]): RegExp {
  let re = optionRegexes.get(choices);
  if (!re) optionRegexes.set(choices, (re = new RegExp(`\\b(?:${choices.map((c) => c.pattern).join('|')})\\b`, 'g')));
  return re;
}

function choiceRegex(choices: Choice[]): RegExp {
  let re = choiceRegexes.get(choices);
  if (!re) {
    const source = choices.map((c, i) => `(?<c${i}>${c.pattern})`).join('|');
    re = new RegExp(`(?:\\b([1-5])\\s*[-.:)]?\\s*)?\\b(?:${source})\\b`, 'g');
    choiceRegexes.set(choices, re);
  }
  return re;
}

interface Found {
  start: number;
  end: number;
  line: number;
  value: Trend | number;
  label: string;
}

/**
 * Finds the chosen option in text that may print several options: a mark ("x", "✓") picks the
 * option nearest to it on its line (the one before it on a tie); a number typed beside printed
 * ratings is the rating; with no mark, a single option left in the text is the choice.
 */
function readChoice(text: string, choices: Choice[], withNumbers = false): ChoiceResult {
  const folded = foldText(text, true);
  const lineOf = (i: number) => (folded.slice(0, i).match(/\n/g) ?? []).length;
  const re = choiceRegex(choices);
  re.lastIndex = 0;
  const found: Found[] = [];
  const numbers: Array<{ value: number; start: number }> = [];
  const consumed: Array<[number, number]> = [];
  for (let m = re.exec(folded); m; m = re.exec(folded)) {
    const idx = choices.findIndex((_, i) => m!.groups?.[`c${i}`] !== undefined);
    const choice = choices[idx]!;
    const digit = m[1];
    let start = m.index;
    if (digit !== undefined && withNumbers && Number(digit) !== choice.value) {
      // "4 Tốt": the number does not belong to the label; keep it as a typed number.
      numbers.push({ value: Number(digit), start: m.index });
      start = m.index + m[0].indexOf(m.groups![`c${idx}`]!);
    }
    found.push({ start, end: m.index + m[0].length, line: lineOf(m.index), value: choice.value, label: m[0].trim() });
    consumed.push([m.index, m.index + m[0].length]);
  }
  if (withNumbers) {
    const numRe = /(?:^|[^\d.,])([1-5])(?![\d.,]*\d)/g;
    for (let m = numRe.exec(folded); m; m = numRe.exec(folded)) {
      const at = m.index + m[0].length - 1;
      if (!consumed.some(([a, b]) => at >= a && at < b)) numbers.push({ value: Number(m[1]), start: at });
    }
  }
  const marks: Array<{ start: number; line: number }> = [];
  for (let m = MARKS_IN_TEXT.exec(folded); m; m = MARKS_IN_TEXT.exec(folded)) {
    const at = m.index + m[0].length - 1;
    if (!consumed.some(([a, b]) => at >= a && at < b)) marks.push({ start: at, line: lineOf(at) });
  }
  MARKS_IN_TEXT.lastIndex = 0;
  if (marks.length && found.length) {
    const chosen = new Map<string, Trend | number>();
    for (const mark of marks) {
      const sameLine = found.filter((f) => f.line === mark.line);
      const pool = sameLine.length ? sameLine : found;
      let best: Found | undefined;
      let bestDistance = Infinity;
      for (const f of pool) {
        const distance = mark.start >= f.end ? mark.start - f.end : f.start - mark.start;
        const before = mark.start >= f.end;
        if (distance < bestDistance || (distance === bestDistance && before)) {
          best = f;
          bestDistance = distance;
        }
      }
      if (best) chosen.set(String(best.value), best.value);
    }
    if (chosen.size === 1) return { kind: 'one', value: [...chosen.values()][0]! };
    return { kind: 'many', labels: [...chosen.keys()] };
  }
  const distinctNumbers = [...new Set(numbers.map((n) => n.value))];
  if (distinctNumbers.length === 1) return { kind: 'one', value: distinctNumbers[0]! };
  if (distinctNumbers.length > 1) return { kind: 'many', labels: distinctNumbers.map(String) };
  const distinct = [...new Set(found.map((f) => f.value))];
  if (distinct.length === 1) return { kind: 'one', value: distinct[0]! };
  if (distinct.length > 1) return { kind: 'unmarked' };
  return { kind: 'none' };
}

function readTrendText(t: string, lines: string, field: FieldSpec, address: string | undefined): Reading {
  const n = parseNumberText(t, field, 'change');
  if (n !== null) return { status: 'value', value: n > 0 ? 'increase' : n < 0 ? 'decrease' : 'unchanged' };
  const choice = readChoice(lines, TREND_CHOICES);
  return choiceReading(choice, t, 'not-a-trend', field, address);
}

function readRatingText(t: string, lines: string, field: FieldSpec, address: string | undefined): Reading {
  const n = parseNumberText(t, field, 'number');
  if (n !== null) return checkNumber(n, field, address);
  const choice = readChoice(lines, RATING_CHOICES, true);
  const reading = choiceReading(choice, t, 'not-a-rating', field, address);
  if (reading.status === 'value') return checkNumber(reading.value as number, field, address);
  return reading;
}

function choiceReading(choice: ChoiceResult, t: string, notA: MessageKey, field: FieldSpec, address: string | undefined): Reading {
  switch (choice.kind) {
    case 'one':
      return { status: 'value', value: choice.value };
    case 'many':
      return invalid('ambiguous-mark', { choices: choice.labels.join(', ') }, address, field);
    case 'unmarked':
      return missing('nothing-marked', {}, address, field);
    case 'none':
      return invalid(notA, { text: shorten(t) }, address, field);
  }
}

/**
 * Reads a choice printed across several cells (the appendix prints "5 Xuất sắc", "4 Rất tốt", …
 * in separate cells, or "Tăng" and "Giảm" side by side): the texts are joined line by line.
 */
export function readFieldFromCells(cells: Array<{ content: CellContent; address?: string; row?: number }>, field: FieldSpec): Reading {
  const first = cells[0];
  if (cells.length === 1 && first) return readField(first.content, field, first.address);
  const nonEmpty = cells.filter((c) => (c.content.type ?? inferType(c.content.value)) !== 'empty');
  if (nonEmpty.length === 0) return readField({ value: null }, field, first?.address);
  if (nonEmpty.length === 1) return readField(nonEmpty[0]!.content, field, nonEmpty[0]!.address);
  // An error value among the cells (#VALUE! beside a printed rating) makes the field invalid: it is not "nothing marked".
  const error = nonEmpty.find((c) => (c.content.type ?? inferType(c.content.value)) === 'error' || (typeof c.content.value === 'string' && inferType(c.content.value.trim()) === 'error'));
  if (error) return readField(error.content, field, error.address);
  // Cells of one row are joined with a space, rows with a line break, so a mark stays beside its label.
  let joined = '';
  nonEmpty.forEach((c, i) => {
    const piece = c.content.text !== undefined && c.content.text !== '' ? c.content.text : String(c.content.value ?? '');
    if (i > 0) joined += c.row !== undefined && c.row === nonEmpty[i - 1]!.row ? ' ' : '\n';
    joined += piece;
  });
  const reading = readField({ value: joined, type: 'string' }, field, first?.address);
  if (reading.status !== 'value') {
    // The printed options read together with what was typed are ambiguous ("Tăng Giảm" + "Giảm";
    // the five ratings + "Đang cập nhật"): read what was typed without the cells that print options.
    const typed = nonEmpty.filter((c) => !(typeof c.content.value === 'string' && isPrintedChoice(c.content.value, field.kind)));
    if (typed.length && typed.length < nonEmpty.length) {
      const alone = readFieldFromCells(typed, field);
      if (alone.status === 'value' || (alone.status === 'missing' && alone.issue.code === 'no-data')) return alone;
    }
  }
  return reading;
}

/**
 * True for text that only prints the options of a choice, as the appendix does: several options
 * ("Tăng Giảm"), or a numbered rating label ("5 Xuất sắc"). A single word typed ("Giảm") is an answer.
 */
export function isPrintedChoice(text: string, kind: ValueKind): boolean {
  const choices = kind === 'trend' ? TREND_CHOICES : kind === 'rating' ? RATING_CHOICES : null;
  if (!choices) return false;
  const folded = foldText(text);
  const option = optionRegex(choices);
  const words = folded.match(option) ?? [];
  if (!words.length) return false;
  const rest = folded.replace(option, ' ').replace(/\b[1-5]\b|[-.:)]/g, ' ').trim();
  return rest === '' && (words.length >= 2 || /\b[1-5]\b/.test(folded));
}
