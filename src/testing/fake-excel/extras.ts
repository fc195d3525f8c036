/**
 * Extras of the fake, kept apart from excel.ts: what department templates and consolidation use.
 *
 * - Range.dataValidation (ExcelApi 1.8): `rule` (exactly one of decimal, wholeNumber, list, …,
 *   checked like Excel: a known operator, formula1 present, a list's source not empty), `prompt`
 *   (title ≤ 32, message ≤ 255 characters) and `errorAlert` (same limits, a known style).
 * - Range.merge(across?) (ExcelApi 1.2): refuses to overlap an existing merged area.
 * - WorksheetFreezePanes.freezeAt / freezeColumns (ExcelApi 1.7).
 * - Workbook.insertWorksheetsFromBase64 (ExcelApi 1.13). The fake cannot open an .xlsx: it takes
 *   base64 of the JSON of FakeWorkbookData (`fakeWorkbookBase64`), inserts its sheets at the end
 *   and, like Excel, gives a sheet whose name is taken the name "Name (2)". It returns the new
 *   sheets' IDs, not their names (@types/office-js, Workbook.insertWorksheetsFromBase64: "Returns
 *   an array of IDs corresponding to each newly inserted worksheet"), and the base64 text itself
 *   counts against the request limit (5 MB in Excel on the web: "Resource limits and performance
 *   optimization for Office Add-ins", payload size of a request).
 *
 * The members are attached to the fake's classes when this module is loaded (index.ts loads it);
 * what they record is read back with `fakeSheetExtras(fake, sheet)`.
 */
import { FakeOfficeError } from './errors';
import { Rect, cellA1, intersect, rectCells } from './address';
import { FakeFreezePanes, FakeRequestContext, FakeWorkbook } from './workbook';
import { FakeRange } from './range';
import { RangeT, writable } from './base';
import { FakeClientResult } from './proxy';
import { FakeSheet, FakeWorkbookData, FakeWorkbookModel } from './model';

// ---------------------------------------------------------------- what the extras record

export interface FakeValidationRecord {
  /** "G12:G15" */
  address: string;
  rule?: Record<string, unknown>;
  prompt?: { showPrompt?: boolean; title?: string; message?: string };
  errorAlert?: { showAlert?: boolean; style?: string; title?: string; message?: string };
}

interface SheetExtras {
  validations: Array<{ rect: Rect; rule?: FakeValidationRecord['rule']; prompt?: FakeValidationRecord['prompt']; errorAlert?: FakeValidationRecord['errorAlert'] }>;
  frozenColumns: number;
}

const extrasBySheet = new WeakMap<FakeSheet, SheetExtras>();
function extrasOf(sheet: FakeSheet): SheetExtras {
  let e = extrasBySheet.get(sheet);
  if (!e) extrasBySheet.set(sheet, (e = { validations: [], frozenColumns: 0 }));
  return e;
}

const rectAddress = (r: Rect) => (r.top === r.bottom && r.left === r.right ? cellA1(r.top, r.left) : `${cellA1(r.top, r.left)}:${cellA1(r.bottom, r.right)}`);

/** What a sheet of the fake holds besides cells: data validations (one per range set), frozen columns. */
export interface FakeSheetExtrasView {
  validations: FakeValidationRecord[];
  frozenColumns: number;
  /** The validation covering a cell, if any. */
  validationAt(address: string): FakeValidationRecord | null;
}

/** The extras of a sheet of a fake workbook (no sync: reads the model directly). */
export async function fakeSheetExtras(fake: { run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T> }, sheet: string): Promise<FakeSheetExtrasView | null> {
  return fake.run(async (context) => {
    const s = (context as unknown as FakeRequestContext).model.find(sheet);
    if (!s) return null;
    const e = extrasOf(s);
    const validations = e.validations.map((v) => ({ address: rectAddress(v.rect), ...(v.rule ? { rule: v.rule } : {}), ...(v.prompt ? { prompt: v.prompt } : {}), ...(v.errorAlert ? { errorAlert: v.errorAlert } : {}) }));
    return {
      validations,
      frozenColumns: e.frozenColumns,
      validationAt(address: string) {
        const m = /^([A-Z]+)(\d+)$/.exec(address);
        if (!m) return null;
        let col = 0;
        for (const ch of m[1]!) col = col * 26 + ch.charCodeAt(0) - 64;
        const at: Rect = { top: Number(m[2]) - 1, bottom: Number(m[2]) - 1, left: col - 1, right: col - 1, kind: 'cells' };
        const i = e.validations.findIndex((v) => intersect(v.rect, at));
        return i < 0 ? null : validations[i]!;
      },
    };
  });
}

/** base64 of a fake workbook, for Workbook.insertWorksheetsFromBase64 of the fake. */
export function fakeWorkbookBase64(data: FakeWorkbookData): string {
  const bytes = new TextEncoder().encode(JSON.stringify(data));
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}

// ---------------------------------------------------------------- checks (Excel's)

const OPERATORS = new Set(['Between', 'NotBetween', 'EqualTo', 'NotEqualTo', 'GreaterThan', 'LessThan', 'GreaterThanOrEqualTo', 'LessThanOrEqualTo']);
const RULE_KINDS = new Set(['wholeNumber', 'decimal', 'textLength', 'date', 'time', 'list', 'custom']);
const ALERT_STYLES = new Set(['Stop', 'Warning', 'Information']);

function bad(message: string): never {
  throw new FakeOfficeError('InvalidArgument', message);
}

function checkRule(rule: unknown): Record<string, unknown> {
  if (!rule || typeof rule !== 'object') bad('the rule must be an object');
  const kinds = Object.keys(rule as object).filter((k) => (rule as Record<string, unknown>)[k] !== undefined);
  if (kinds.length !== 1 || !RULE_KINDS.has(kinds[0]!)) bad(`a rule has exactly one of ${[...RULE_KINDS].join(', ')}; got ${kinds.join(', ')}`);
  const kind = kinds[0]!;
  const body = (rule as Record<string, Record<string, unknown>>)[kind]!;
  if (kind === 'list') {
    if (typeof body.source !== 'string' || body.source.trim() === '') bad('a list rule needs a source');
    if (/^".*"$/.test(body.source)) bad('a list source is the items without quotes');
  } else if (kind !== 'custom') {
    if (!OPERATORS.has(String(body.operator))) bad(`unknown operator ${String(body.operator)}`);
    if (body.formula1 === undefined || body.formula1 === '') bad('formula1 is required');
    const two = body.operator === 'Between' || body.operator === 'NotBetween';
    if (two && (body.formula2 === undefined || body.formula2 === '')) bad('formula2 is required for Between');
  }
  return JSON.parse(JSON.stringify(rule)) as Record<string, unknown>;
}

function checkMessage(m: unknown, flag: 'showPrompt' | 'showAlert'): Record<string, unknown> {
  if (!m || typeof m !== 'object') bad('an object is required');
  const o = m as Record<string, unknown>;
  if (o.title !== undefined && (typeof o.title !== 'string' || o.title.length > 32)) bad('a title is at most 32 characters');
  if (o.message !== undefined && (typeof o.message !== 'string' || o.message.length > 255)) bad('a message is at most 255 characters');
  if (o[flag] !== undefined && typeof o[flag] !== 'boolean') bad(`${flag} must be a boolean`);
  if (flag === 'showAlert' && o.style !== undefined && !ALERT_STYLES.has(String(o.style))) bad(`unknown alert style ${String(o.style)}`);
  return JSON.parse(JSON.stringify(o)) as Record<string, unknown>;
}

// ---------------------------------------------------------------- the proxies

/** The validation of a range: setting a part replaces that part for exactly this range. */
function validationFor(sheet: FakeSheet, rect: Rect): SheetExtras['validations'][number] {
  if (rectCells(rect) > 1_000_000) bad('the fake does not validate whole columns or rows');
  const e = extrasOf(sheet);
  const same = e.validations.find((v) => v.rect.top === rect.top && v.rect.left === rect.left && v.rect.bottom === rect.bottom && v.rect.right === rect.right);
  if (same) return same;
  // A new range takes over the cells it covers (Excel keeps one rule per cell).
  if (e.validations.some((v) => intersect(v.rect, rect))) bad('the range overlaps another validation (clear it first)');
  const v = { rect: { ...rect, kind: 'cells' as const } };
  e.validations.push(v);
  return v;
}

/** Range.dataValidation: a proxy over the same range (the fake resolves it like its range). */
class RangeDataValidation {
  constructor(private readonly range: FakeRange) {}
  set rule(v: Excel.DataValidationRule) {
    (this.range as unknown as RangeExtras)._setExtra('dataValidation.rule', v, (t, x) => {
      validationFor(t.sheet, t.rect).rule = checkRule(x);
    });
  }
  set prompt(v: Excel.DataValidationPrompt) {
    (this.range as unknown as RangeExtras)._setExtra('dataValidation.prompt', v, (t, x) => {
      validationFor(t.sheet, t.rect).prompt = checkMessage(x, 'showPrompt');
    });
  }
  set errorAlert(v: Excel.DataValidationErrorAlert) {
    (this.range as unknown as RangeExtras)._setExtra('dataValidation.errorAlert', v, (t, x) => {
      validationFor(t.sheet, t.rect).errorAlert = checkMessage(x, 'showAlert');
    });
  }
  clear(): void {
    (this.range as unknown as RangeExtras)._invokeExtra('dataValidation.clear', [], (t) => {
      const e = extrasOf(t.sheet);
      e.validations = e.validations.filter((v) => !intersect(v.rect, t.rect));
    });
  }
}

class RangeExtras extends FakeRange {
  get dataValidation(): RangeDataValidation {
    this.counted();
    return new RangeDataValidation(this);
  }
  merge(across?: boolean): void {
    this._invokeExtra('merge', [across], (t) => {
      if (across) bad('the fake merges whole areas only');
      if (t.rect.top === t.rect.bottom && t.rect.left === t.rect.right) return;
      if (t.sheet.merges.some((m) => intersect(m, t.rect))) bad('the range overlaps a merged area');
      t.sheet.merges.push({ ...t.rect, kind: 'cells' });
    });
  }
  _setExtra(name: string, value: unknown, apply: (t: RangeT, v: unknown) => void): void {
    this.setProperty(name, value, (t, v) => apply({ sheet: writable(this.context as FakeRequestContext, (t as RangeT).sheet), rect: (t as RangeT).rect }, v));
  }
  _invokeExtra(name: string, args: unknown[], apply: (t: RangeT) => void): void {
    this.invoke(name, args, (t) => apply({ sheet: writable(this.context as FakeRequestContext, (t as RangeT).sheet), rect: (t as RangeT).rect }), { write: true });
  }
}

class FreezeExtras extends FakeFreezePanes {
  freezeAt(frozenRange: string | FakeRange): void {
    if (typeof frozenRange !== 'string') bad('the fake takes freezeAt an address');
    const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(frozenRange);
    if (!m) bad(`not an address: ${frozenRange}`);
    const col = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    const top = Number(m[2]);
    const left = col(m[1]!);
    const bottom = m[4] !== undefined ? Number(m[4]) : top;
    const right = m[3] !== undefined ? col(m[3]) : left;
    if (top !== 1 || left !== 1) bad('freezeAt takes a range from A1');
    this.invoke('freezeAt', [frozenRange], (s) => {
      const sheet = writable(this.context as FakeRequestContext, s as FakeSheet);
      sheet.frozenRows = bottom;
      extrasOf(sheet).frozenColumns = right;
    }, { write: true });
  }
  freezeColumns(count?: number): void {
    this.invoke('freezeColumns', [count], (s) => void (extrasOf(writable(this.context as FakeRequestContext, s as FakeSheet)).frozenColumns = count ?? 1), { write: true });
  }
}

class WorkbookExtras extends FakeWorkbook {
  insertWorksheetsFromBase64(base64File: string, options?: { sheetNamesToInsert?: string[]; positionType?: string; relativeTo?: string }): FakeClientResult<string[]> {
    const result = new FakeClientResult<string[]>();
    this.invoke(
      'insertWorksheetsFromBase64',
      [base64File, options],
      (m) => {
        const model = m as FakeWorkbookModel;
        if (options?.positionType !== undefined && options.positionType !== 'End') bad('the fake inserts at the end only');
        let data: FakeWorkbookData;
        try {
          const bin = atob(base64File);
          const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
          data = JSON.parse(new TextDecoder().decode(bytes)) as FakeWorkbookData;
        } catch {
          bad('the file is not a workbook the fake can open');
        }
        const wanted = options?.sheetNamesToInsert;
        const source = new FakeWorkbookModel(data).sheets.filter((s) => !wanted || wanted.some((w) => w.toLowerCase() === s.name.toLowerCase()));
        if (wanted && source.length !== wanted.length) throw new FakeOfficeError('ItemNotFound', 'a sheet to insert is not in the file');
        const ids: string[] = [];
        for (const s of source) {
          let name = s.name;
          for (let i = 2; model.find(name); i++) {
            const suffix = ` (${i})`;
            name = s.name.slice(0, 31 - suffix.length) + suffix;
          }
          s.name = name;
          model.sheets.push(s);
          ids.push(s.id);
        }
        return ids;
      },
      { write: true, result },
    );
    return result;
  }
}

function attach(target: object, source: object, names: string[]): void {
  for (const n of names) {
    const d = Object.getOwnPropertyDescriptor(source, n);
    if (d && !Object.prototype.hasOwnProperty.call(target, n)) Object.defineProperty(target, n, d);
  }
}

attach(FakeRange.prototype, RangeExtras.prototype, ['dataValidation', 'merge', '_setExtra', '_invokeExtra']);
attach(FakeFreezePanes.prototype, FreezeExtras.prototype, ['freezeAt', 'freezeColumns']);
attach(FakeWorkbook.prototype, WorkbookExtras.prototype, ['insertWorksheetsFromBase64']);
