/**
 * The hostile and broken inputs, built by code (nothing binary is committed): files that are not
 * workbooks, zip bombs, huge and odd workbooks, hostile criteria files. Each builder returns bytes
 * or text; `writeCase` puts one in a scratch folder.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import JSZip from 'jszip';
import { CriteriaSet, listIndicators } from '../../src/core/criteria';
import { SheetSnapshot, toA1 } from '../../src/core/snapshot';
import { BuiltAppendix, FixtureValues, buildAppendix, sampleValues, withValue } from '../../src/testing/appendix';
import { WorkbookFixtureOptions, snapshotToBuffer } from '../fixtures/xlsx';

export const SHEET = 'Phụ lục';

// ---------------------------------------------------------------------------------------------
// Not workbooks

export const emptyFile = (): Buffer => Buffer.alloc(0);

export const notAZip = (): Buffer => Buffer.from('Đây không phải là tệp Excel.\nSTT;Chỉ số;Số liệu\n1;1.1.1.a;95%\n', 'utf8');

/**
 * An OLE compound file (the container of an .xls, and of an .xlsx protected by a password): the
 * CFB signature D0 CF 11 E0 A1 B1 1A E1, a 512-byte header (version 3, little-endian byte order
 * mark, 512-byte sectors) and a few empty sectors.
 */
export function oleCompoundFile(): Buffer {
  const b = Buffer.alloc(512 * 4);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(b, 0);
  b.writeUInt16LE(0x003e, 24); // minor version
  b.writeUInt16LE(0x0003, 26); // major version 3
  b.writeUInt16LE(0xfffe, 28); // byte order: little-endian
  b.writeUInt16LE(9, 30); // sector shift: 512 bytes
  b.writeUInt16LE(6, 32); // mini sector shift: 64 bytes
  b.writeInt32LE(-2, 48); // first directory sector: end of chain
  b.fill(0xff, 76, 512); // DIFAT: free
  return b;
}

// ---------------------------------------------------------------------------------------------
// Zip files written by hand (a zip bomb cannot be made with a library that holds its content)

interface RawEntry {
  name: string;
  /** Raw deflate data (method 8). */
  data: Buffer;
  crc: number;
  /** What the headers say the entry inflates to. */
  declaredSize: number;
}

function deflated(name: string, text: string): RawEntry {
  const content = Buffer.from(text, 'utf8');
  return { name, data: zlib.deflateRawSync(content), crc: zlib.crc32(content), declaredSize: content.length };
}

/** Local headers, data, central directory and end record of a zip holding `entries`. */
function zipOf(entries: RawEntry[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // names in UTF-8
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(0x21, 12);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(0x0800, 8);
    cd.writeUInt16LE(8, 10);
    cd.writeUInt16LE(0, 12);
    cd.writeUInt16LE(0x21, 14);
    cd.writeUInt32LE(e.crc >>> 0, 16);
    cd.writeUInt32LE(e.data.length, 20);
    cd.writeUInt32LE(e.declaredSize, 24);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt32LE(offset, 42);
    parts.push(local, name, e.data);
    central.push(cd, name);
    offset += local.length + name.length + e.data.length;
  }
  const cdBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cdBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, cdBytes, end]);
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>';
const ROOT_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>';
const WORKBOOK =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Phụ lục" sheetId="1" r:id="rId1"/></sheets></workbook>';
const WORKBOOK_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>';

/**
 * A sheet XML of `megabytes` MB that deflates to a few hundred KB: a deflate stream made of
 * independent, byte-aligned blocks (each ends with a full flush, so the same compressed 1 MB
 * block can be repeated), then an empty final block. Nothing of its size is ever held in memory.
 */
function bombSheet(megabytes: number): RawEntry {
  const head = Buffer.from('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>', 'utf8');
  const row = '<row><c t="inlineStr"><is><t>bom</t></is></c></row>';
  const chunk = Buffer.from(row.repeat(Math.floor((1024 * 1024) / row.length)), 'utf8');
  const tail = Buffer.from('</sheetData></worksheet>', 'utf8');
  const flush = { finishFlush: zlib.constants.Z_FULL_FLUSH, level: 9 };
  const chunkDeflated = zlib.deflateRawSync(chunk, flush);
  const parts = [zlib.deflateRawSync(head, flush)];
  let crc = zlib.crc32(head);
  for (let i = 0; i < megabytes; i++) {
    parts.push(chunkDeflated);
    crc = zlib.crc32(chunk, crc);
  }
  parts.push(zlib.deflateRawSync(tail)); // the final block
  crc = zlib.crc32(tail, crc);
  return { name: 'xl/worksheets/sheet1.xml', data: Buffer.concat(parts), crc, declaredSize: head.length + chunk.length * megabytes + tail.length };
}

export type BombKind =
  /** Headers tell the truth: the sizes add up to far more than the limit. */
  | 'honest'
  /** Under the total limit, but compressed over 300 to 1. */
  | 'ratio'
  /** The headers say the sheet is 2 KB; it inflates to hundreds of MB. */
  | 'lying';

/** A small .xlsx whose sheet inflates to `megabytes` MB (the zip itself is well under 1 MB). */
export function zipBomb(kind: BombKind, megabytes = kind === 'ratio' ? 50 : 400): Buffer {
  const sheet = bombSheet(megabytes);
  if (kind === 'lying') sheet.declaredSize = 2048;
  return zipOf([deflated('[Content_Types].xml', CONTENT_TYPES), deflated('_rels/.rels', ROOT_RELS), deflated('xl/workbook.xml', WORKBOOK), deflated('xl/_rels/workbook.xml.rels', WORKBOOK_RELS), sheet]);
}

// ---------------------------------------------------------------------------------------------
// Workbooks that are real but odd

export interface Appendix {
  built: BuiltAppendix;
  bytes: Buffer;
}

/** The sample appendix as an .xlsx, after `edit` changed its snapshot (and with fixture options). */
export async function appendixWorkbook(criteria: CriteriaSet, values: FixtureValues = sampleValues(criteria), edit?: (sheet: SheetSnapshot, built: BuiltAppendix) => void, options?: WorkbookFixtureOptions): Promise<Appendix> {
  const built = buildAppendix(criteria, values, {}, SHEET);
  const sheet: SheetSnapshot = { ...built.sheet, cells: built.sheet.cells.map((r) => r.slice()), merges: built.sheet.merges.slice() };
  edit?.(sheet, built);
  return { built, bytes: await snapshotToBuffer([sheet], options) };
}

/** The value cell of an indicator's only (or first) field. */
export function valueCell(built: BuiltAppendix, id: string): string {
  return Object.values(built.expected[id]!.valueCells)[0]!;
}

/** Sets a cell of a snapshot (sheet coordinates). */
export function setCell(sheet: SheetSnapshot, address: string, content: SheetSnapshot['cells'][number][number]): void {
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + ch.charCodeAt(0) - 64;
  const r = Number(m[2]) - 1 - sheet.origin.row;
  const c = col - 1 - sheet.origin.col;
  while (sheet.cells.length <= r) sheet.cells.push([]);
  const row = (sheet.cells[r] = sheet.cells[r]!.slice());
  while (row.length <= c) row.push(null);
  row[c] = content;
}

/** `rows` more rows of notes under the table, written straight into the sheet XML (exceljs would take minutes). */
export async function withManyRows(bytes: Buffer, rows: number): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  const file = Object.keys(zip.files).find((n) => /^xl\/worksheets\/sheet1\.xml$/.test(n))!;
  let xml = await zip.file(file)!.async('string');
  let last = 0;
  for (const m of xml.matchAll(/<row r="(\d+)"/g)) last = Math.max(last, Number(m[1]));
  const out: string[] = [];
  for (let i = 1; i <= rows; i++) {
    const r = last + 1 + i;
    out.push(`<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>Ghi chú ${r}: số liệu tham khảo</t></is></c><c r="B${r}"><v>${(r * 7919) % 100000}</v></c><c r="C${r}"><v>${(r % 1000) / 10}</v></c></row>`);
  }
  xml = xml.replace(/<dimension ref="[^"]*"\/>/, '').replace('</sheetData>', out.join('') + '</sheetData>');
  zip.file(file, xml);
  return Buffer.from(await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } }));
}

/** `count` merged areas under the table, each over three cells of a row holding a note. */
export function withMerges(count: number) {
  return (sheet: SheetSnapshot) => {
    const top = sheet.origin.row + sheet.cells.length + 2;
    for (let i = 0; i < count; i++) {
      const r = top + i;
      setCell(sheet, toA1(r, 0), { value: `Ghi chú ${i + 1}` });
      sheet.merges.push({ top: r, left: 0, bottom: r, right: 2 });
    }
  };
}

/** The values of the sample with some fields replaced (id → value). */
export function valuesWith(criteria: CriteriaSet, changes: Record<string, FixtureValues[string][string]>): FixtureValues {
  let v = sampleValues(criteria);
  for (const [id, value] of Object.entries(changes)) {
    const field = listIndicators(criteria).find((p) => p.indicator.id === id)!.indicator.fields[0]!.key;
    v = withValue(v, id, field, value);
  }
  return v;
}

// ---------------------------------------------------------------------------------------------
// Criteria files

/** Deeply nested JSON arrays (`depth` levels). */
export const deepJson = (depth: number): string => '['.repeat(depth) + ']'.repeat(depth);

/** The bundled criteria with the first target's bound replaced by a raw JSON number text ("1e309", "1e308"). */
export function criteriaWithBound(bundled: string, bound: string): string {
  const data = JSON.parse(bundled) as { areas: Array<{ standards: Array<{ criteria: Array<{ indicators: Array<{ target: { all: Array<{ bound?: number }> } }> }> }> }> };
  const cond = data.areas[0]!.standards[0]!.criteria[0]!.indicators[0]!.target.all[0]!;
  cond.bound = 424242;
  return JSON.stringify(data, null, 2).replace('424242', bound);
}

/** The bundled criteria with a key added at the root ("__proto__", "constructor") and in partyAliases. */
export function criteriaWithKey(bundled: string, key: string, where: 'root' | 'aliases'): string {
  const text = JSON.stringify(JSON.parse(bundled) as object);
  if (where === 'root') return text.replace(/^\{/, `{${JSON.stringify(key)}:{"polluted":"yes"},`);
  return text.replace(/"partyAliases":\{/, `"partyAliases":{${JSON.stringify(key)}:"Sở Y tế",`);
}

/** A file of `megabytes` MB of valid-looking JSON (spaces after the bundled criteria). */
export function writeHugeCriteria(file: string, bundled: string, megabytes: number): void {
  const fd = fs.openSync(file, 'w');
  try {
    fs.writeSync(fd, bundled);
    const spaces = Buffer.alloc(1024 * 1024, 0x20);
    for (let i = 0; i < megabytes; i++) fs.writeSync(fd, spaces);
  } finally {
    fs.closeSync(fd);
  }
}

/** Writes bytes or text under `dir`; returns the path. */
export function writeCase(dir: string, name: string, content: Buffer | string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}
