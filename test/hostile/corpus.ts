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
import { SheetXmlCounter } from '../../src/hosts/xlsx/limits';

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

// ---------------------------------------------------------------------------------------------
// Tiny files that cost a lot (issue #17, finding 1)

const SHEET_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">';

/** A workbook of raw sheet XML bodies (`<sheetData>…` and what follows it), one sheet each, written by hand. */
export function rawWorkbook(sheets: Array<{ name: string; body: string }>): Buffer {
  const types = CONTENT_TYPES.replace(
    /<Override PartName="\/xl\/worksheets\/sheet1\.xml"[^>]*\/>/,
    sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join(''),
  );
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const workbook = WORKBOOK.replace(/<sheets>.*<\/sheets>/, `<sheets>${sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets>`);
  const rels = WORKBOOK_RELS.replace(
    /<Relationship [^>]*\/>/,
    sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join(''),
  );
  return zipOf([
    deflated('[Content_Types].xml', types),
    deflated('_rels/.rels', ROOT_RELS),
    deflated('xl/workbook.xml', workbook),
    deflated('xl/_rels/workbook.xml.rels', rels),
    ...sheets.map((s, i) => deflated(`xl/worksheets/sheet${i + 1}.xml`, SHEET_HEAD + s.body + '</worksheet>')),
  ]);
}

/** One value in A1 and one in XFD1048576, the sheet's last cell: a used range of 17 billion cells in a file of a few hundred bytes. */
export function farCornerWorkbook(): Buffer {
  return rawWorkbook([{ name: SHEET, body: '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Phụ lục</t></is></c></row><row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>' }]);
}

/** A merged area of `ref` (e.g. A200:XFD1048576) on a sheet holding one value. */
export function mergedAreaWorkbook(ref: string): Buffer {
  return rawWorkbook([{ name: SHEET, body: `<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Phụ lục</t></is></c></row></sheetData><mergeCells count="1"><mergeCell ref="${ref}"/></mergeCells>` }]);
}

/** `cells` numeric cells, `width` to a row, as sheet XML (about 30 bytes a cell). */
export function cellsXml(cells: number, width = 10, firstRow = 1): string {
  const out: string[] = ['<sheetData>'];
  let left = cells;
  for (let r = firstRow; left > 0; r++) {
    const n = Math.min(width, left);
    let row = `<row r="${r}">`;
    for (let c = 0; c < n; c++) row += `<c r="${String.fromCharCode(65 + (c % 26))}${r}"><v>${(r * 31 + c) % 1000}</v></c>`;
    out.push(row + '</row>');
    left -= n;
  }
  out.push('</sheetData>');
  return out.join('');
}

/** `sheets` sheets of `cellsEach` numeric cells each. */
export function manyCellsWorkbook(sheets: number, cellsEach: number): Buffer {
  return rawWorkbook(Array.from({ length: sheets }, (_, i) => ({ name: i === 0 ? SHEET : `Trang ${i + 1}`, body: cellsXml(cellsEach) })));
}

/** The cells, rows and merged cells `checkZipLimits` counts in a workbook (every worksheet part). */
export async function countedCells(bytes: Buffer): Promise<number> {
  const zip = await JSZip.loadAsync(bytes);
  const counter = new SheetXmlCounter();
  for (const name of Object.keys(zip.files).filter((n) => /xl\/worksheets\/sheet\d+\.xml/.test(n))) {
    counter.push(await zip.file(name)!.async('nodebuffer'));
    counter.end();
  }
  return counter.cells + counter.rows + counter.mergedCells;
}

/**
 * The workbook with rows of notes added under its table until it holds exactly `total` cells and
 * rows as the limits count them (rows of up to `width` cells; the last row made to fit).
 */
export async function withCellsUpTo(bytes: Buffer, total: number, width = 12): Promise<Buffer> {
  let left = total - (await countedCells(bytes));
  const zip = await JSZip.loadAsync(bytes);
  const file = 'xl/worksheets/sheet1.xml';
  let xml = await zip.file(file)!.async('string');
  let last = 0;
  for (const m of xml.matchAll(/<row r="(\d+)"/g)) last = Math.max(last, Number(m[1]));
  const out: string[] = [];
  for (let r = last + 2; left > 1; r++) {
    let n = Math.min(width, left - 1);
    if (left - n - 1 === 1) n--; // a row of one cell is 2: never leave 1 over
    let row = `<row r="${r}">`;
    for (let c = 0; c < n; c++) row += `<c r="${String.fromCharCode(65 + c)}${r}"><v>${(r * 7 + c) % 1000}</v></c>`;
    out.push(row + '</row>');
    left -= n + 1;
  }
  if (left !== 0) throw new Error(`cannot reach ${total} exactly (${left} left)`);
  xml = xml.replace(/<dimension ref="[^"]*"\/>/, '').replace('</sheetData>', out.join('') + '</sheetData>');
  zip.file(file, xml);
  return Buffer.from(await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } }));
}

/** The workbook with rows of long Vietnamese notes added under its table until its parts add up to about `megabytes` MB uncompressed. */
export async function withTextUpTo(bytes: Buffer, megabytes: number): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  let size = 0;
  for (const name of Object.keys(zip.files)) if (!zip.files[name]!.dir) size += (await zip.file(name)!.async('nodebuffer')).length;
  const file = 'xl/worksheets/sheet1.xml';
  let xml = await zip.file(file)!.async('string');
  let last = 0;
  for (const m of xml.matchAll(/<row r="(\d+)"/g)) last = Math.max(last, Number(m[1]));
  // Words in a pseudo-random order, so the XML compresses like real text (a repeated sentence would look like a zip bomb).
  const words = 'ghi chú tỷ lệ người trong độ tuổi được công nhận đạt chuẩn biết chữ mức số liệu năm học trường lớp thành phố quận huyện xã phường sở giáo dục y tế văn hóa thư viện bảo tàng'.split(' ');
  let seed = 17;
  const note = () => Array.from({ length: 300 }, () => words[(seed = (seed * 1103515245 + 12345) % 2147483648) % words.length]).join(' ');
  const out: string[] = [];
  let want = megabytes * 1024 * 1024 - size - 64;
  for (let r = last + 2; ; r++) {
    const row = `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>${note()}</t></is></c></row>`;
    const n = Buffer.byteLength(row);
    if (n > want) break;
    out.push(row);
    want -= n;
  }
  xml = xml.replace(/<dimension ref="[^"]*"\/>/, '').replace('</sheetData>', out.join('') + '</sheetData>');
  zip.file(file, xml);
  return Buffer.from(await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } }));
}

/** The workbook with one more value, in the sheet's last cell (XFD1048576). */
export async function withFarCorner(bytes: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  const file = 'xl/worksheets/sheet1.xml';
  const xml = (await zip.file(file)!.async('string')).replace(/<dimension ref="[^"]*"\/>/, '').replace('</sheetData>', '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>');
  zip.file(file, xml);
  return Buffer.from(await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}
