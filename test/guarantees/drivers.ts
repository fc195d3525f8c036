/**
 * Each guarantee is stated once and checked through both real hosts — the core's WorkbookHost as
 * OfficeHost over the fake Excel (a new host for every action) and as XlsxHost over a file (bytes
 * written and opened again between actions) — with the actions every front end calls, the core's
 * scoreWorkbook / clearWorkbook. What a driver adds is only what a test does and looks at: set up
 * an appendix with fills, recolour like a person, "reload", read fills, typed values, the state.
 */
import ExcelJS from 'exceljs';
import { WorkbookState } from '../../src/core/plan';
import { SheetSnapshot } from '../../src/core/snapshot';
import { WorkbookHost, clearWorkbook, scoreWorkbook } from '../../src/core/workbook';
import { FakeExcel, FakeSheetData, createFakeExcel, sheetDataFromSnapshot } from '../../src/testing/fake-excel';
import { OfficeHost } from '../../src/hosts/office';
import { XlsxHost } from '../../src/hosts/xlsx/host';
import { loadWorkbook } from '../../src/hosts/xlsx';
import { snapshotToWorkbook } from '../fixtures/xlsx';
import { SHEET, criteria } from './helpers';

/** A fill as a test sets it: none, a solid colour, or a pattern over a background colour. */
export type TestFill = null | { color: string; pattern?: 'Gray50' };

export interface UserSheet {
  name: string;
  /** A1 → value (string or number). */
  cells: Record<string, string | number>;
}

/** A workbook under test, through one of the real hosts. */
export interface Driver {
  readonly host: 'fake' | 'xlsx';
  /** The core's scoreWorkbook through a new host (the sheet named, as a test knows it). */
  score(): Promise<void>;
  /** The core's clearWorkbook through a new host. */
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

/** How a driver runs an action: a new host over the workbook, and what is kept of it afterwards. */
interface Session {
  open(): Promise<WorkbookHost>;
  /** After an action through `host`: the xlsx bytes are written out (the fake keeps what was applied). */
  close(host: WorkbookHost): Promise<void>;
}

/** The actions and the host-level observations, the same for both hosts. */
function actions(session: Session): Pick<Driver, 'score' | 'clear' | 'sheetNames' | 'state'> {
  return {
    async score() {
      const host = await session.open();
      await scoreWorkbook(host, criteria(), { lang: 'vi', sheet: SHEET });
      await session.close(host);
    },
    async clear() {
      const host = await session.open();
      const { kept } = await clearWorkbook(host, criteria(), { sheet: SHEET });
      await session.close(host);
      return { kept };
    },
    async sheetNames() {
      return (await (await session.open()).sheets()).map((s) => s.name);
    },
    async state() {
      return (await session.open()).readState();
    },
  };
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
  const view = (name: string) => fake.workbook.sheet(name)!;
  return {
    host: 'fake',
    fake: () => fake,
    ...actions({ open: async () => new OfficeHost(fake.run, { isSetSupported: () => true }), close: async () => undefined }),
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
    async a1(name) {
      return view(name).cell('A1').value;
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
  const wb0 = snapshotToWorkbook([{ ...sheet, fills: new Map() }]);
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
    ...actions({
      // As the command line opens a file: the package read and patched (XlsxHost.open).
      open: async () => XlsxHost.open(bytes, { workbookName: 'Phu-luc.xlsx' }),
      close: async (host) => void (bytes = await (host as XlsxHost).toBuffer()),
    }),
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
    async a1(name) {
      return (await open()).getWorksheet(name)!.getCell('A1').value;
    },
  };
}
