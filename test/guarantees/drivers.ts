/**
 * One small interface over both hosts, so each guarantee is stated once and checked in the fake
 * Excel (OfficeHost, a new host for every action) and in the xlsx host (bytes written and opened
 * again between actions): set up an appendix with fills, score, clear, recolour like a person,
 * "reload", and look at fills, typed values and the stored state.
 */
import ExcelJS from 'exceljs';
import { runClear, runScoring } from '../../src/core/pipeline';
import { STATE_SHEET, WorkbookState, decodeState } from '../../src/core/plan';
import { SheetSnapshot } from '../../src/core/snapshot';
import { FakeExcel, FakeSheetData, createFakeExcel, sheetDataFromSnapshot } from '../../src/testing/fake-excel';
import { OfficeHost, clearColours, scoreWorkbook } from '../../src/hosts/office';
import { applyPlan, loadWorkbook, readWorkbookSnapshot, toHostRead, writeWorkbookBuffer } from '../../src/hosts/xlsx';
import { snapshotToWorkbook } from '../fixtures/xlsx';
import { SHEET, criteria } from './helpers';

/** A fill as a test sets it: none, a solid colour, or a pattern over a background colour. */
export type TestFill = null | { color: string; pattern?: 'Gray50' };

export interface UserSheet {
  name: string;
  /** A1 → value (string or number). */
  cells: Record<string, string | number>;
}

export interface Driver {
  readonly host: 'fake' | 'xlsx';
  score(): Promise<void>;
  clear(): Promise<{ kept: string[] }>;
  /** The workbook closed and opened again (fake: exported and loaded into a new fake). */
  reload(): Promise<void>;
  /** A person recolours a cell of the appendix. */
  recolour(address: string, fill: TestFill): Promise<void>;
  /** Renames a sheet, as a person would. */
  rename(from: string, to: string): Promise<void>;
  /** Fills of some cells of a sheet, as the host stores them (compare within one host). */
  fills(addresses: readonly string[], sheet?: string): Promise<Record<string, unknown>>;
  /** Is the fill of a cell "no fill"? White is not. */
  isNoFill(address: string): Promise<boolean>;
  /** Is it solid white? */
  isWhite(address: string): Promise<boolean>;
  /** Every value and formula of the named sheets. */
  typed(sheets: readonly string[]): Promise<Record<string, Record<string, unknown>>>;
  /** Every cell (values and fills) of a sheet. */
  everything(sheet: string): Promise<Record<string, unknown>>;
  sheetNames(): Promise<string[]>;
  /** A1 of a sheet. */
  a1(sheet: string): Promise<unknown>;
  state(): Promise<WorkbookState | null>;
}

// ---------------------------------------------------------------------------------------------

export function fakeDriver(sheet: SheetSnapshot, fills: Record<string, TestFill>, extra: UserSheet[] = []): Driver & { fake: () => FakeExcel } {
  const data = sheetDataFromSnapshot(sheet);
  const cells = data.cells!;
  for (const [address, fill] of Object.entries(fills)) {
    const existing = cells[address];
    const base = existing && typeof existing === 'object' ? existing : existing === undefined || existing === null ? {} : { value: existing };
    cells[address] = { ...base, fill: fill === null ? null : { color: fill.color, pattern: fill.pattern ?? 'Solid' } };
  }
  const extras: FakeSheetData[] = extra.map((s) => ({ name: s.name, cells: { ...s.cells } }));
  let fake = createFakeExcel({ name: 'Phu-luc.xlsx', sheets: [data, ...extras], active: SHEET });
  const host = () => new OfficeHost(fake.run, { isSetSupported: () => true });
  const view = (name: string) => fake.workbook.sheet(name)!;
  return {
    host: 'fake',
    fake: () => fake,
    async score() {
      await scoreWorkbook(host(), criteria(), 'vi', { sheet: SHEET });
    },
    async clear() {
      return clearColours(host(), { sheet: SHEET });
    },
    async reload() {
      fake = createFakeExcel(JSON.parse(JSON.stringify(fake.workbook.export())));
    },
    async recolour(address, fill) {
      fake.workbook.setFill(SHEET, address, fill === null ? null : { color: fill.color, pattern: fill.pattern ?? 'Solid' });
    },
    async rename(from, to) {
      fake.workbook.renameSheet(from, to);
    },
    async fills(addresses, name = SHEET) {
      return Object.fromEntries(addresses.map((a) => [a, view(name).cell(a).fill]));
    },
    async isNoFill(address) {
      return view(SHEET).cell(address).fill === null;
    },
    async isWhite(address) {
      const f = view(SHEET).cell(address).fill;
      return !!f && f.color === '#FFFFFF' && f.pattern === 'Solid';
    },
    async typed(sheets) {
      const out: Record<string, Record<string, unknown>> = {};
      for (const n of sheets) {
        const m: Record<string, unknown> = {};
        for (const [a, c] of Object.entries(view(n).cells())) if (c.value !== null || c.formula !== null) m[a] = { value: c.value, formula: c.formula, numberFormat: c.numberFormat };
        out[n] = m;
      }
      return out;
    },
    async everything(name) {
      const s = view(name);
      return { cells: s.cells(), visibility: s.visibility, merges: s.merges, charts: s.charts.length };
    },
    async sheetNames() {
      return fake.workbook.sheetNames();
    },
    async a1(name) {
      return view(name).cell('A1').value;
    },
    async state() {
      const s = fake.workbook.sheet(STATE_SHEET);
      if (!s) return null;
      const column: unknown[] = [];
      for (let r = 1; s.cell(`A${r}`).value !== null; r++) column.push(s.cell(`A${r}`).value);
      return decodeState(column);
    },
  };
}

// ---------------------------------------------------------------------------------------------

const PATTERN: Record<string, ExcelJS.FillPatterns> = { Gray50: 'mediumGray' };

function excelFill(fill: TestFill): ExcelJS.Fill | undefined {
  if (fill === null) return undefined;
  if (fill.pattern) return { type: 'pattern', pattern: PATTERN[fill.pattern]!, bgColor: { argb: 'FF' + fill.color.slice(1) } };
  return { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF' + fill.color.slice(1) } };
}

function setFill(cell: ExcelJS.Cell, fill: TestFill): void {
  const style = { ...cell.style };
  const f = excelFill(fill);
  if (f) style.fill = f;
  else delete style.fill;
  cell.style = style;
}

const plain = (x: unknown) => (x === undefined ? null : JSON.parse(JSON.stringify(x)));
const noFill = (f: ExcelJS.Fill | undefined) => !f || (f.type === 'pattern' && f.pattern === 'none');

export async function xlsxDriver(sheet: SheetSnapshot, fills: Record<string, TestFill>, extra: UserSheet[] = []): Promise<Driver & { bytes: () => Buffer }> {
  const wb0 = snapshotToWorkbook([{ ...sheet, fills: {} }]);
  const ws0 = wb0.getWorksheet(SHEET)!;
  for (const [address, fill] of Object.entries(fills)) setFill(ws0.getCell(address), fill);
  for (const s of extra) {
    const ws = wb0.addWorksheet(s.name);
    for (const [a, v] of Object.entries(s.cells)) ws.getCell(a).value = v;
  }
  let bytes: Buffer = Buffer.from(await wb0.xlsx.writeBuffer());
  const open = () => loadWorkbook(bytes);
  const cellFill = async (address: string, name = SHEET) => (await open()).getWorksheet(name)!.getCell(address).fill;
  return {
    host: 'xlsx',
    bytes: () => bytes,
    async score() {
      const wb = await open();
      const read = readWorkbookSnapshot(wb, { workbookName: 'Phu-luc.xlsx' });
      const { plan } = runScoring(toHostRead(read, SHEET, wb), criteria(), { lang: 'vi' });
      applyPlan(wb, plan);
      bytes = await writeWorkbookBuffer(wb);
    },
    async clear() {
      const wb = await open();
      const { plan, kept } = runClear(toHostRead(readWorkbookSnapshot(wb), SHEET, wb));
      applyPlan(wb, plan);
      bytes = await writeWorkbookBuffer(wb);
      return { kept };
    },
    async reload() {
      // Every action already writes the file and opens it again; a reload is one more round trip.
      const wb = await open();
      bytes = Buffer.from(await wb.xlsx.writeBuffer());
    },
    async recolour(address, fill) {
      const wb = await open();
      setFill(wb.getWorksheet(SHEET)!.getCell(address), fill);
      bytes = Buffer.from(await wb.xlsx.writeBuffer());
    },
    async rename(from, to) {
      const wb = await open();
      wb.getWorksheet(from)!.name = to;
      bytes = Buffer.from(await wb.xlsx.writeBuffer());
    },
    async fills(addresses, name = SHEET) {
      const ws = (await open()).getWorksheet(name)!;
      return Object.fromEntries(addresses.map((a) => [a, noFill(ws.getCell(a).fill) ? null : plain(ws.getCell(a).fill)]));
    },
    async isNoFill(address) {
      return noFill(await cellFill(address));
    },
    async isWhite(address) {
      const f = await cellFill(address);
      return !!f && f.type === 'pattern' && f.pattern === 'solid' && (f.fgColor as { argb?: string } | undefined)?.argb?.toUpperCase() === 'FFFFFFFF';
    },
    async typed(sheets) {
      const wb = await open();
      const out: Record<string, Record<string, unknown>> = {};
      for (const n of sheets) {
        const ws = wb.getWorksheet(n)!;
        const m: Record<string, unknown> = {};
        ws.eachRow({ includeEmpty: false }, (row) =>
          row.eachCell({ includeEmpty: false }, (cell) => {
            m[cell.address] = { value: plain(cell.value), formula: cell.formula ?? null, numFmt: cell.numFmt ?? null };
          }),
        );
        out[n] = m;
      }
      return out;
    },
    async everything(name) {
      const ws = (await open()).getWorksheet(name)!;
      const m: Record<string, unknown> = {};
      ws.eachRow({ includeEmpty: true }, (row) =>
        row.eachCell({ includeEmpty: true }, (cell) => {
          m[cell.address] = { value: plain(cell.value), style: plain(cell.style) };
        }),
      );
      return { cells: m, state: ws.state };
    },
    async sheetNames() {
      return (await open()).worksheets.map((w) => w.name);
    },
    async a1(name) {
      return (await open()).getWorksheet(name)!.getCell('A1').value;
    },
    async state() {
      return readWorkbookSnapshot(await open()).state;
    },
  };
}
