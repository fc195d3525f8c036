/**
 * The xlsx file host, write side: applies a WritePlan to an exceljs workbook in one pass.
 * It changes only what the plan says: fills of the listed cells, the product's state sheet and
 * its summary sheet. It never deletes or renames a sheet.
 *
 * exceljs shares one style object between every cell that came from the same style in the
 * file (and between the parts of a style: the same font, fill and border objects). Assigning
 * `cell.fill = …` writes into that shared object and recolours every other cell with that style.
 * So a cell's style is always replaced by a fresh object here, never mutated. Cells given the
 * same new style in one pass (same original style, same fill; same summary formatting) share
 * one fresh object, as exceljs shares loaded styles: exceljs then turns it into a style id once
 * per object instead of once per cell. Nothing else holds these objects, and nothing mutates them.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { Writable } from 'stream';
import * as zlib from 'zlib';
import type { WritePlan } from '../../core/pipeline';
import { STATE_SHEET, encodeState } from '../../core/plan';
import { isStateSheetName, ownsStateSheet } from '../../core/product-sheets';
import { FillSpec } from '../../core/snapshot';
import { fillFromSpec, solidFill } from './colors';
import { isSummarySheet } from './read';
import { crc32 } from './zip';
import { PlanError } from './plan-error';
import { writeSheetContent } from './sheet-write';

// The product's own sheets (no Node API: the task pane loads that module too).
export { createWorkbook, dataValidationOf, sheetReference, writeSheetContent, writeTemplateSheet, wrappedLines } from './sheet-write';
export { PlanError };

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


/** Sets one cell's fill through a fresh style object, so no other cell sharing the style changes. */
export function setCellFill(cell: ExcelJS.Cell, fill: ExcelJS.Fill | undefined): void {
  cell.style = withFill(cell.style, fill);
}

function withFill(base: Partial<ExcelJS.Style> | undefined, fill: ExcelJS.Fill | undefined): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = { ...(base ?? {}) };
  if (fill) style.fill = fill;
  else delete style.fill;
  return style;
}

const V = ExcelJS.ValueType;

/** Does exceljs write this cell's style as a date's (its default number format depends on it)? */
function isDateCell(cell: ExcelJS.Cell): boolean {
  if (cell.type === V.Date) return true;
  return cell.type === V.Formula && (cell as unknown as { result?: unknown }).result instanceof Date;
}

/**
 * Gives cells new fills within one plan: cells that had the same style object and get the same
 * fill get one new style object between them (see the file comment). Keyed by the old style
 * object, the fill and whether the cell is a date (exceljs's default number format for a style
 * without one is a date format for a date cell).
 */
class FillStyles {
  private readonly made = new WeakMap<object, Map<string, Partial<ExcelJS.Style>>>();
  private readonly noStyle = new Map<string, Partial<ExcelJS.Style>>();

  set(cell: ExcelJS.Cell, key: string, fill: () => ExcelJS.Fill | undefined): void {
    const base = cell.style as Partial<ExcelJS.Style> | undefined;
    let byKey = base ? this.made.get(base) : this.noStyle;
    if (!byKey) this.made.set(base!, (byKey = new Map()));
    const k = (isDateCell(cell) ? 'd|' : 'v|') + key;
    let style = byKey.get(k);
    if (!style) byKey.set(k, (style = withFill(base, fill())));
    cell.style = style;
  }
}

/**
 * Applies a write plan (`sheet` '': the state alone). Throws PlanError (before changing anything)
 * when the plan would overwrite a sheet the product does not own.
 */
export function applyPlan(wb: ExcelJS.Workbook, plan: WritePlan): ApplyResult {
  const ws = plan.sheet === '' ? undefined : wb.getWorksheet(plan.sheet);
  if (!ws && (plan.sheet !== '' || plan.fills.length || plan.restore.length)) throw new PlanError(`no sheet named ${JSON.stringify(plan.sheet)}`);
  const stateSheet = wb.worksheets.find((w) => isStateSheetName(w.name));
  if (stateSheet && !isStateSheet(stateSheet)) throw new PlanError(`a sheet named ${STATE_SHEET} exists and is not the product's: it is left alone`);
  let summarySheet: ExcelJS.Worksheet | undefined;
  if (plan.summary) {
    summarySheet = findSheet(wb, plan.summary.name);
    if (summarySheet && !isSummarySheet(summarySheet)) throw new PlanError(`a sheet named ${JSON.stringify(plan.summary.name)} exists and is not the product's summary: it is left alone`);
  }

  const result: ApplyResult = { coloured: 0, restored: 0, skipped: [] };
  const styles = new FillStyles();
  for (const group of plan.fills) {
    const key = 'solid|' + group.color;
    for (const address of group.addresses) {
      styles.set(ws!.getCell(address), key, () => solidFill(group.color));
      result.coloured++;
    }
  }
  for (const { address, fill } of plan.restore) {
    const spec = fill as FillSpec;
    styles.set(ws!.getCell(address), `spec|${spec.color}|${spec.pattern ?? ''}`, () => fillFromSpec(spec));
    result.restored++;
  }
  if (plan.summary) {
    const target = summarySheet ?? wb.addWorksheet(plan.summary.name);
    if (summarySheet) clearSheet(summarySheet);
    writeSheetContent(target, plan.summary);
    result.summarySheet = target.name;
    if (plan.summary.chart) result.skipped.push('chart');
  }
  if (!plan.keepState) writeState(wb, stateSheet, plan);
  return result;
}

function findSheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet | undefined {
  const lower = name.toLowerCase();
  return wb.worksheets.find((w) => w.name.toLowerCase() === lower);
}

/** Whether the sheet named like the state sheet is the product's: its A1 and whether it is empty, as the core decides. */
function isStateSheet(ws: ExcelJS.Worksheet): boolean {
  let empty = true;
  ws.eachRow({ includeEmpty: false }, (row) => row.eachCell({ includeEmpty: false }, () => void (empty = false)));
  return ownsStateSheet(ws.findRow(1)?.findCell(1)?.value, empty);
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


/**
 * Writes the workbook to bytes. exceljs writes a link inside the workbook ("#'Sheet'!A1") as an
 * external relationship plus a `location` that still carries the "#"; Excel wants only
 * `location="'Sheet'!A1"`. Such links are rewritten in the sheet's XML before it is zipped.
 *
 * exceljs renders the parts (its own `write`, with its usual options: shared strings, styles);
 * they are zipped here with Node's zlib, at the level exceljs uses (6), instead of by JSZip's
 * JavaScript deflate, which took longer than rendering them, and zipped a second time when links
 * had to be rewritten. When exceljs's internals are not as expected, its own zip is used and the
 * links are rewritten in it afterwards.
 */
export async function writeWorkbookBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  const parts = await renderParts(wb);
  if (!parts) {
    const raw = Buffer.from(await wb.xlsx.writeBuffer());
    return hasInternalLinks(wb) ? fixInternalLinks(raw) : raw;
  }
  for (const [path, data] of parts) {
    const m = /^xl\/worksheets\/(sheet\d+\.xml)$/.exec(path);
    if (!m || typeof data !== 'string' || !data.includes('<hyperlink ')) continue;
    const relsPath = `xl/worksheets/_rels/${m[1]}.rels`;
    const rels = parts.get(relsPath);
    const fixed = rewriteInternalLinks(data, typeof rels === 'string' ? rels : rels ? rels.toString('utf8') : '');
    if (!fixed) continue;
    parts.set(path, fixed.xml);
    if (rels !== undefined && fixed.dropped) parts.set(relsPath, fixed.rels);
  }
  try {
    // Each part's text is let go once it is zipped (a large sheet is tens of megabytes of XML).
    return zipParts(draining(parts), new Date());
  } catch (e) {
    // Past the limits of a zip without Zip64 records: exceljs's own zip, as before.
    if (!(e instanceof RangeError)) throw e;
    const raw = Buffer.from(await wb.xlsx.writeBuffer());
    return hasInternalLinks(wb) ? fixInternalLinks(raw) : raw;
  }
}

/** Beyond these a zip needs Zip64 records, which zipParts does not write (nor did JSZip). */
const ZIP_MAX_ENTRIES = 0xffff;
const ZIP_MAX_OFFSET = 0xffffffff;

/** The entries of a map, each removed from it as it is given. */
function* draining<K, V>(map: Map<K, V>): Generator<[K, V]> {
  for (const entry of map) {
    map.delete(entry[0]);
    yield entry;
  }
}

/** What exceljs's writer is given: part name → XML text or bytes, in the order exceljs adds them. */
export type Parts = Map<string, string | Buffer>;

/** exceljs's zip writer module: `write` makes its zip through `ZipWriter`. */
interface ZipStreamModule {
  ZipWriter: new (options?: unknown) => unknown;
}

let zipStreamModule: ZipStreamModule | null | undefined;
function exceljsZipStream(): ZipStreamModule | null {
  if (zipStreamModule === undefined) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const mod = require('exceljs/lib/utils/zip-stream') as Partial<ZipStreamModule>;
      zipStreamModule = typeof mod?.ZipWriter === 'function' ? (mod as ZipStreamModule) : null;
    } catch {
      zipStreamModule = null;
    }
  }
  return zipStreamModule;
}

/** Collects the parts exceljs writes, in place of its JSZip writer (the same `append`/`finalize` calls). */
class PartCollector {
  readonly parts: Parts = new Map();
  private readonly listeners = new Map<string, Array<(...a: unknown[]) => void>>();
  append(data: unknown, options: { name: string; base64?: boolean }): void {
    let bytes: string | Buffer;
    if (typeof data === 'string') bytes = options.base64 ? Buffer.from(data, 'base64') : data;
    else if (Buffer.isBuffer(data)) bytes = data;
    else if (data instanceof ArrayBuffer) bytes = Buffer.from(data);
    else if (ArrayBuffer.isView(data)) bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    else throw new Error(`exceljs gave ${options.name} as ${typeof data}`);
    this.parts.set(options.name, bytes);
  }
  pipe<T>(destination: T): T {
    return destination;
  }
  on(event: string, listener: (...a: unknown[]) => void): this {
    const list = this.listeners.get(event) ?? [];
    list.push(listener);
    this.listeners.set(event, list);
    return this;
  }
  finalize(): void {
    for (const l of this.listeners.get('finish') ?? []) l();
  }
}

/**
 * The parts exceljs writes for this workbook, through its own `write` with a collector in place
 * of its zip writer; null when that cannot be done (then the caller uses exceljs's own zip).
 * The swap lasts only for the synchronous start of `write`, where exceljs makes its writer.
 * Exported for the tests.
 */
export async function renderParts(wb: ExcelJS.Workbook): Promise<Parts | null> {
  const mod = exceljsZipStream();
  if (!mod) return null;
  const Original = mod.ZipWriter;
  let collector: PartCollector | undefined;
  mod.ZipWriter = function ZipWriter() {
    return (collector = new PartCollector());
  } as unknown as ZipStreamModule['ZipWriter'];
  let written: Promise<unknown>;
  try {
    // The stream is only written to if exceljs made its own writer after all: then its bytes are dropped.
    const sink = new Writable({ write: (_chunk, _encoding, done) => done() });
    written = (wb.xlsx as unknown as { write(stream: unknown, options?: unknown): Promise<unknown> }).write(sink, {});
  } finally {
    mod.ZipWriter = Original;
  }
  try {
    await written;
  } catch (e) {
    if (collector) throw e;
    return null;
  }
  return collector ? collector.parts : null;
}


/**
 * A zip of the parts, laid out as JSZip lays out exceljs's (folder entries before their first
 * file, no data descriptors, DOS attributes), each part deflated by zlib at level 6.
 */
export function zipParts(parts: Iterable<readonly [string, string | Buffer]>, date: Date): Buffer {
  const dosTime = (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1);
  const dosDate = (((date.getUTCFullYear() - 1980) & 0x7f) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  let count = 0;
  const folders = new Set<string>();
  const add = (name: string, content: Buffer | null) => {
    if (count >= ZIP_MAX_ENTRIES || offset > ZIP_MAX_OFFSET) throw new RangeError('too many or too large parts for a zip without Zip64');
    const nameBytes = Buffer.from(name, 'utf8');
    const dir = content === null;
    const raw = content ?? Buffer.alloc(0);
    const stored = raw.length === 0;
    const data = stored ? raw : zlib.deflateRawSync(raw, { level: 6 });
    const crc = stored ? 0 : crc32(raw);
    const flags = nameBytes.length !== name.length ? 0x0800 : 0;
    const header = Buffer.alloc(26);
    header.writeUInt16LE(10, 0); // version needed: 1.0
    header.writeUInt16LE(flags, 2);
    header.writeUInt16LE(stored ? 0 : 8, 4);
    header.writeUInt16LE(dosTime, 6);
    header.writeUInt16LE(dosDate, 8);
    header.writeUInt32LE(crc >>> 0, 10);
    header.writeUInt32LE(data.length, 14);
    header.writeUInt32LE(raw.length, 18);
    header.writeUInt16LE(nameBytes.length, 22);
    header.writeUInt16LE(0, 24);
    const local = Buffer.alloc(4);
    local.writeUInt32LE(0x04034b50, 0);
    chunks.push(local, header, nameBytes, data);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(0x0014, 4); // made by: DOS, 2.0
    header.copy(entry, 6);
    // comment length, disk number, internal attributes: 0
    entry.writeUInt32LE(dir ? 0x10 : 0, 38);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, nameBytes);
    offset += 30 + nameBytes.length + data.length;
    count++;
  };
  for (const [name, content] of parts) {
    // JSZip's createFolders: every missing parent folder, outermost first.
    const segments = name.split('/');
    for (let i = 1; i < segments.length; i++) {
      const folder = segments.slice(0, i).join('/') + '/';
      if (folder === '/' || folders.has(folder)) continue;
      folders.add(folder);
      add(folder, null);
    }
    add(name, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
  }
  const centralBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(centralBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, centralBytes, end]);
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

/**
 * A sheet's XML with its links whose target starts with "#" written as in-workbook locations,
 * and its relationships without theirs; null when it has no such link.
 */
function rewriteInternalLinks(xml: string, rels: string): { xml: string; rels: string; dropped: boolean } | null {
  const dropped = new Set<string>();
  let targets: Map<string, string | undefined> | undefined;
  const fixed = xml.replace(/<hyperlink\b([^>]*?)\/>/g, (tag, attrs: string) => {
    const get = (name: keyof typeof LINK_ATTRIBUTES) => LINK_ATTRIBUTES[name].exec(attrs)?.[1];
    const rid = get('r:id');
    const location = get('location');
    const target = rid ? (targets ??= relTargets(rels)).get(rid) : undefined;
    const internal = location?.startsWith('#') ? location.slice(1) : target?.startsWith('#') ? target.slice(1) : undefined;
    if (internal === undefined) return tag;
    if (rid) dropped.add(rid);
    const ref = get('ref');
    const tooltip = get('tooltip');
    return `<hyperlink ref="${ref}" location="${internal}"${tooltip !== undefined ? ` tooltip="${tooltip}"` : ''}/>`;
  });
  if (fixed === xml) return null;
  if (dropped.size) {
    rels = rels.replace(/<Relationship\b[^>]*\/>/g, (rel) => {
      const id = /\sId="([^"]*)"/.exec(rel)?.[1];
      return id && dropped.has(id) ? '' : rel;
    });
  }
  return { xml: fixed, rels, dropped: dropped.size > 0 };
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
    const fixed = rewriteInternalLinks(xml, relsFile ? await relsFile.async('string') : '');
    if (!fixed) continue;
    changed = true;
    zip.file(path, fixed.xml);
    if (relsFile && fixed.dropped) zip.file(relsPath, fixed.rels);
  }
  if (!changed) return data;
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}

const LINK_ATTRIBUTES = {
  'r:id': /\sr:id="([^"]*)"/,
  location: /\slocation="([^"]*)"/,
  ref: /\sref="([^"]*)"/,
  tooltip: /\stooltip="([^"]*)"/,
};

/** Relationship id → its target, from the first relationship that has the id (one pass, not one search per link). */
function relTargets(rels: string): Map<string, string | undefined> {
  const out = new Map<string, string | undefined>();
  for (const [rel] of rels.matchAll(/<Relationship\b[^>]*\/>/g)) {
    const target = /\sTarget="([^"]*)"/.exec(rel)?.[1];
    for (const m of rel.matchAll(/\sId="([^"]*)"/g)) if (!out.has(m[1]!)) out.set(m[1]!, target);
  }
  return out;
}

