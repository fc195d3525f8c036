/**
 * Input limits: what the xlsx host and the command line refuse to read, checked before the bytes
 * reach exceljs (which builds the whole workbook in memory), so a hostile or broken file ends
 * with a clear message instead of exhausting memory or time.
 *
 * - A workbook file over 100 MB or a criteria file over 5 MB is refused from its size on disk,
 *   before it is read. A department's appendix is ~100 KB; the largest real workbooks with
 *   pictures are a few MB; the bundled criteria are ~115 KB.
 * - A zip whose entries add up to more than 100 MB uncompressed is refused from its central
 *   directory, before anything is inflated. Measured in a 512 MB heap with a scored copy written:
 *   100 MB of sheet XML holding long text fits (~31 s, ~660 MB peak RSS); 200 MB does not.
 * - While the sheets' XML is inflated it is scanned (never kept): more than 500,000 cells, rows
 *   and cells of merged areas (exceljs makes an object of each, ~300 bytes) are refused, and so are
 *   merged areas covering more than 500,000 cells (`<mergeCell ref="A200:XFD1048576"/>` is 17
 *   billion). Measured: 500,000 cells scored and written in ~22 s, ~650 MB peak RSS; 700,000 run
 *   out of a 512 MB heap when the copy is written.
 * - One sheet's snapshot may hold 2,000,000 slots (see read.ts): a sheet spread too wide is refused.
 * - An entry of more than 10 MB that is compressed more than 100 to 1 is refused: real sheet XML
 *   compresses 5–30 to 1; a zip bomb compresses 1,000 to 1 and more.
 * - More than 10,000 entries are refused (a workbook has a few dozen).
 * - The sizes are verified: every compressed entry is inflated as a stream, counting bytes and
 *   keeping none, and an entry that inflates to more than its header says (a lying header) is
 *   refused as soon as it passes that size.
 *
 * Structural damage (no central directory, a truncated entry) is not judged here: exceljs says
 * "damaged" for those.
 */
import * as fs from 'fs';
import * as zlib from 'zlib';
import { Lang } from '../../i18n/format';

const MB = 1024 * 1024;

export const INPUT_LIMITS = {
  /** Largest workbook file read (bytes on disk). */
  workbookFileBytes: 100 * MB,
  /** Largest criteria file read (bytes on disk). */
  criteriaFileBytes: 5 * MB,
  /** Largest sum of the uncompressed sizes of a workbook's zip entries. */
  uncompressedBytes: 100 * MB,
  /** Entries at least this large (uncompressed) must not be compressed more than `maxCompressionRatio` to 1. */
  ratioCheckFromBytes: 10 * MB,
  maxCompressionRatio: 100,
  /** Most entries in a workbook's zip. */
  maxEntries: 10_000,
  /**
   * Most cells in a workbook, counted in its sheets' XML before exceljs reads it: every `<c>`
   * element, every `<row>` element and every cell of a merged area (exceljs makes an object of
   * each, ~300 bytes apiece).
   */
  maxCells: 500_000,
  /** Most cells inside merged areas (each merged area counted by its size, A1:B2 is 4). */
  maxMergedCells: 500_000,
  /** Most slots of one sheet's snapshot: its rows, its cells and the empty cells before them in a row, fills a row or column gives empty cells. */
  snapshotSlots: 2_000_000,
} as const;

export type LimitKind = 'workbook-file' | 'criteria-file' | 'uncompressed' | 'compression-ratio' | 'entries' | 'size-mismatch' | 'cells' | 'merged-cells' | 'sheet-area';

export interface LimitDetail {
  kind: LimitKind;
  /** What was found (bytes, a ratio, a count). */
  actual: number;
  /** The limit it is over. */
  limit: number;
  /** The zip entry concerned, when there is one. */
  entry?: string;
}

/** An input over one of the limits above. */
export class InputLimitError extends Error {
  constructor(readonly detail: LimitDetail) {
    super(describeLimit(detail, 'en'));
    this.name = 'InputLimitError';
  }
  /** One line for the person. */
  text(lang: Lang): string {
    return describeLimit(this.detail, lang);
  }
}

function size(n: number, lang: Lang): string {
  const [value, unit] = n >= MB ? [n / MB, 'MB'] : n >= 1024 ? [n / 1024, 'KB'] : [n, lang === 'vi' ? 'byte' : 'bytes'];
  const s = value >= 10 || unit.startsWith('byte') || Number.isInteger(value) ? String(Math.round(value)) : value.toFixed(1);
  return `${lang === 'vi' ? s.replace('.', ',') : s} ${unit}`;
}

function count(n: number, lang: Lang): string {
  const s = n >= 1e15 ? n.toExponential(1) : String(Math.round(n));
  if (s.includes('e')) return s;
  return s.replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'vi' ? '.' : ',');
}

/** A limit as one line, in Vietnamese or English. */
export function describeLimit(d: LimitDetail, lang: Lang): string {
  const vi = lang === 'vi';
  switch (d.kind) {
    case 'workbook-file':
      return vi
        ? `tệp nặng ${size(d.actual, lang)}, vượt giới hạn ${size(d.limit, lang)} của một bảng phụ lục`
        : `the file is ${size(d.actual, lang)}, over the ${size(d.limit, lang)} limit for a workbook`;
    case 'criteria-file':
      return vi
        ? `tệp tiêu chí nặng ${size(d.actual, lang)}, vượt giới hạn ${size(d.limit, lang)}`
        : `the criteria file is ${size(d.actual, lang)}, over the ${size(d.limit, lang)} limit`;
    case 'uncompressed':
      return vi
        ? `nội dung giải nén của tệp là ${size(d.actual, lang)}, vượt giới hạn ${size(d.limit, lang)} (tệp có thể là "bom nén")`
        : `the file's content is ${size(d.actual, lang)} uncompressed, over the ${size(d.limit, lang)} limit (it may be a zip bomb)`;
    case 'compression-ratio':
      return vi
        ? `phần "${d.entry}" bị nén ${Math.round(d.actual)} lần, quá mức ${d.limit} lần của một tệp Excel thật (tệp có thể là "bom nén")`
        : `the part "${d.entry}" is compressed ${Math.round(d.actual)} to 1, beyond the ${d.limit} to 1 of a real Excel file (it may be a zip bomb)`;
    case 'entries':
      return vi ? `tệp chứa ${d.actual} phần, vượt giới hạn ${d.limit}` : `the file holds ${d.actual} parts, over the limit of ${d.limit}`;
    case 'cells':
      return vi
        ? `tệp chứa ít nhất ${count(d.actual, lang)} ô và dòng (kể cả các ô trong vùng gộp), vượt giới hạn ${count(d.limit, lang)}`
        : `the file holds at least ${count(d.actual, lang)} cells and rows (the cells of merged areas included), over the limit of ${count(d.limit, lang)}`;
    case 'merged-cells':
      return vi
        ? `các vùng gộp ô của tệp phủ ${count(d.actual, lang)} ô, vượt giới hạn ${count(d.limit, lang)}`
        : `the file's merged areas cover ${count(d.actual, lang)} cells, over the limit of ${count(d.limit, lang)}`;
    case 'sheet-area':
      return vi
        ? `trang tính "${d.entry}" trải rộng quá mức: cần ${count(d.actual, lang)} ô để đọc, vượt giới hạn ${count(d.limit, lang)}`
        : `the sheet "${d.entry}" is spread too wide: reading it takes ${count(d.actual, lang)} cells, over the limit of ${count(d.limit, lang)}`;
    case 'size-mismatch':
      return vi
        ? `phần "${d.entry}" giải nén ra nhiều hơn kích thước ghi trong tệp (${size(d.limit, lang)}): tệp bị làm giả hoặc hỏng`
        : `the part "${d.entry}" inflates to more than the size its header states (${size(d.limit, lang)}): the file is forged or damaged`;
  }
}

/**
 * Refuses a file over its size limit, from its size on disk, before it is read. A missing or
 * unreadable file passes: the caller's own read says what is wrong with it.
 */
export function checkFileSize(file: string, kind: 'workbook-file' | 'criteria-file'): void {
  let bytes: number;
  try {
    const st = fs.statSync(file);
    if (!st.isFile()) return;
    bytes = st.size;
  } catch {
    return;
  }
  const limit = kind === 'workbook-file' ? INPUT_LIMITS.workbookFileBytes : INPUT_LIMITS.criteriaFileBytes;
  if (bytes > limit) throw new InputLimitError({ kind, actual: bytes, limit });
}

interface ZipEntry {
  name: string;
  method: number;
  compressed: number;
  uncompressed: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const EOCD64 = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** The central directory's entries; null when the bytes have none that can be read (exceljs then says "damaged"). */
export function readCentralDirectory(bytes: Buffer): ZipEntry[] | null {
  const n = bytes.length;
  let eocd = -1;
  for (let i = n - 22; i >= Math.max(0, n - 22 - 0xffff); i--) {
    if (bytes.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  let count = bytes.readUInt16LE(eocd + 10);
  let cdOffset = bytes.readUInt32LE(eocd + 16);
  if ((count === 0xffff || cdOffset === 0xffffffff) && eocd >= 20 && bytes.readUInt32LE(eocd - 20) === EOCD64_LOCATOR) {
    const at = Number(bytes.readBigUInt64LE(eocd - 20 + 8));
    if (at + 56 <= n && bytes.readUInt32LE(at) === EOCD64) {
      count = Number(bytes.readBigUInt64LE(at + 32));
      cdOffset = Number(bytes.readBigUInt64LE(at + 48));
    }
  }
  if (count > INPUT_LIMITS.maxEntries) throw new InputLimitError({ kind: 'entries', actual: count, limit: INPUT_LIMITS.maxEntries });
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > n || bytes.readUInt32LE(p) !== CENTRAL) return entries.length ? entries : null;
    const method = bytes.readUInt16LE(p + 10);
    let compressed = bytes.readUInt32LE(p + 20);
    let uncompressed = bytes.readUInt32LE(p + 24);
    const nameLen = bytes.readUInt16LE(p + 28);
    const extraLen = bytes.readUInt16LE(p + 30);
    const commentLen = bytes.readUInt16LE(p + 32);
    let localOffset = bytes.readUInt32LE(p + 42);
    const name = bytes.toString('utf8', p + 46, Math.min(n, p + 46 + nameLen));
    // Zip64 sizes, in the order the spec gives them, for the fields set to 0xFFFFFFFF.
    let e = p + 46 + nameLen;
    const extraEnd = Math.min(n, e + extraLen);
    while (e + 4 <= extraEnd) {
      const id = bytes.readUInt16LE(e);
      const len = bytes.readUInt16LE(e + 2);
      if (id === 0x0001) {
        let q = e + 4;
        if (uncompressed === 0xffffffff && q + 8 <= extraEnd) {
          uncompressed = Number(bytes.readBigUInt64LE(q));
          q += 8;
        }
        if (compressed === 0xffffffff && q + 8 <= extraEnd) {
          compressed = Number(bytes.readBigUInt64LE(q));
          q += 8;
        }
        if (localOffset === 0xffffffff && q + 8 <= extraEnd) localOffset = Number(bytes.readBigUInt64LE(q));
      }
      e += 4 + len;
    }
    entries.push({ name, method, compressed, uncompressed, localOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** Where exceljs finds a worksheet part (its own test, unanchored). */
const WORKSHEET_PART = /xl\/worksheets\/sheet(\d+)[.]xml/;

/**
 * Counts, in a sheet's XML given in chunks, the elements exceljs makes an object of: cells
 * (`<c …>`), rows (`<row …>`), and the cells of merged areas (`<mergeCell ref="A1:C4"/>` is 12).
 * A tag cut between two chunks is carried over. Namespace prefixes (`<x:c>`) are allowed.
 */
export class SheetXmlCounter {
  cells = 0;
  rows = 0;
  mergedCells = 0;
  private carry = '';

  push(chunk: Buffer): void {
    const text = this.carry + chunk.toString('latin1');
    const cut = text.lastIndexOf('<');
    // An open tag at the end is kept for the next chunk (a long one is not a tag counted here).
    const end = cut >= 0 && text.length - cut < 512 && text.indexOf('>', cut) < 0 ? cut : text.length;
    this.count(text.slice(0, end));
    this.carry = text.slice(end);
  }

  end(): void {
    this.count(this.carry);
    this.carry = '';
  }

  private count(text: string): void {
    // What /<(?:[A-Za-z_][\w.-]*:)?(c|row|mergeCell)(?=[\s/>])([^>]*)/g finds, scanned without a match object per cell:
    // a tag counted takes everything up to its `>` (a `<` inside it starts no other).
    for (let i = text.indexOf('<'); i >= 0; i = text.indexOf('<', i + 1)) {
      let at = i + 1;
      let end = at;
      let colons = 0;
      let colon = -1;
      for (let ch = text.charCodeAt(end); end < text.length && isNameChar(ch); ch = text.charCodeAt(++end))
        if (ch === 0x3a) {
          colons++;
          colon = end;
        }
      if (colons > 1 || (colons === 1 && !isNameStart(text.charCodeAt(at)))) continue;
      if (colons === 1) at = colon + 1;
      const after = text.charCodeAt(end);
      if (!(after === 0x2f || after === 0x3e || after === 0x20 || after === 0x09 || after === 0x0a || after === 0x0d)) continue;
      const n = end - at;
      const cell = n === 1 && text.charCodeAt(at) === 0x63;
      const row = !cell && n === 3 && text.startsWith('row', at);
      const merged = !cell && !row && n === 9 && text.startsWith('mergeCell', at);
      if (!cell && !row && !merged) continue;
      const close = text.indexOf('>', end);
      if (cell) this.cells++;
      else if (row) this.rows++;
      else this.mergedCells += mergedSize(text.slice(end, close < 0 ? text.length : close));
      if (close < 0) break;
      i = close;
    }
  }
}

/** [A-Za-z_] */
const isNameStart = (ch: number) => (ch >= 0x41 && ch <= 0x5a) || (ch >= 0x61 && ch <= 0x7a) || ch === 0x5f;
/** [\w.:-] */
const isNameChar = (ch: number) => isNameStart(ch) || (ch >= 0x30 && ch <= 0x39) || ch === 0x2e || ch === 0x2d || ch === 0x3a;

/** The number of cells of a merged area from its mergeCell attributes (`ref="A200:XFD1048576"`); 0 when it has none. */
export function mergedSize(attributes: string): number {
  const ref = /\bref\s*=\s*["']\$?([A-Za-z]{1,3})\$?(\d{1,7})(?::\$?([A-Za-z]{1,3})\$?(\d{1,7}))?["']/.exec(attributes);
  if (!ref) return 0;
  const col = (letters: string) => [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const c1 = col(ref[1]!);
  const r1 = Number(ref[2]);
  const c2 = ref[3] ? col(ref[3]) : c1;
  const r2 = ref[4] ? Number(ref[4]) : r1;
  return (Math.abs(r2 - r1) + 1) * (Math.abs(c2 - c1) + 1);
}

/** Entries stated this small or smaller are inflated in one piece, on the main thread (a stream's hops to the thread pool cost more than they do). */
const INFLATE_AT_ONCE = 1 * MB;

/**
 * Inflates a raw deflate stream, counting its output and giving it to `sink` (kept nowhere else); stops as soon as it passes `cap`.
 * An entry inflated in one piece within its cap is also given whole to `keep`.
 */
function inflatedSize(data: Buffer, cap: number, sink?: (chunk: Buffer) => void, keep?: (whole: Buffer) => void): Promise<number> {
  if (cap <= INFLATE_AT_ONCE) {
    let whole: Buffer | undefined;
    try {
      // At most one byte past the cap is inflated: past it, zlib stops (ERR_BUFFER_TOO_LARGE).
      whole = zlib.inflateRawSync(data, { maxOutputLength: cap + 1 });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return Promise.resolve(cap + 1);
      // A broken stream: counted as far as it inflates, by the stream below.
    }
    if (whole) {
      if (whole.length > cap) return Promise.resolve(whole.length);
      try {
        sink?.(whole);
      } catch (e) {
        return Promise.reject(e);
      }
      keep?.(whole);
      return Promise.resolve(whole.length);
    }
  }
  return new Promise((resolve, reject) => {
    const z = zlib.createInflateRaw({ chunkSize: 64 * 1024 });
    let total = 0;
    let done = false;
    const finish = (v: number) => {
      if (done) return;
      done = true;
      resolve(v);
    };
    z.on('data', (chunk: Buffer) => {
      if (done) return;
      total += chunk.length;
      if (total > cap) {
        finish(total);
        z.destroy();
        return;
      }
      try {
        sink?.(chunk);
      } catch (e) {
        // The sink found a limit passed: stop inflating, and say so.
        done = true;
        z.destroy();
        reject(e);
      }
    });
    z.on('end', () => finish(total));
    // A broken stream is for exceljs to call damaged; here it counts as what was inflated so far.
    z.on('error', () => finish(total));
    z.end(data);
  });
}

/**
 * The bytes checked, each with what the check inflated in one piece: the parts' contents by where
 * their stored (compressed) data starts in those bytes, up to KEEP_INFLATED in all. The package
 * reader takes them from here (inflatedByCheck) instead of inflating the same parts again.
 */
const checked = new WeakMap<object, Map<number, Buffer>>();
const KEEP_INFLATED = 4 * MB;

/** What checkZipLimits inflated of these very bytes (the same object it was given), by where each part's stored data starts in them. */
export function inflatedByCheck(data: Uint8Array): ReadonlyMap<number, Buffer> | undefined {
  return checked.get(data);
}

/**
 * Refuses a workbook whose zip would inflate beyond the limits (see the file comment): first from
 * its central directory, without inflating anything; then by inflating each compressed entry as a
 * stream with a cap at its stated size. Bytes already checked are not checked again.
 */
export async function checkZipLimits(data: Uint8Array): Promise<void> {
  if (checked.has(data)) return;
  const kept = new Map<number, Buffer>();
  let keptBytes = 0;
  const bytes = Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const entries = readCentralDirectory(bytes);
  if (!entries) return;
  let total = 0;
  for (const e of entries) {
    total += e.uncompressed;
    if (total > INPUT_LIMITS.uncompressedBytes) throw new InputLimitError({ kind: 'uncompressed', actual: sumOf(entries), limit: INPUT_LIMITS.uncompressedBytes });
    const ratio = e.uncompressed / Math.max(1, e.compressed);
    if (e.uncompressed >= INPUT_LIMITS.ratioCheckFromBytes && ratio > INPUT_LIMITS.maxCompressionRatio)
      throw new InputLimitError({ kind: 'compression-ratio', actual: ratio, limit: INPUT_LIMITS.maxCompressionRatio, entry: e.name });
  }
  const counter = new SheetXmlCounter();
  const overCells = () => {
    if (counter.mergedCells > INPUT_LIMITS.maxMergedCells) throw new InputLimitError({ kind: 'merged-cells', actual: counter.mergedCells, limit: INPUT_LIMITS.maxMergedCells });
    const cells = counter.cells + counter.rows + counter.mergedCells;
    if (cells > INPUT_LIMITS.maxCells) throw new InputLimitError({ kind: 'cells', actual: cells, limit: INPUT_LIMITS.maxCells });
  };
  for (const e of entries) {
    const sheet = WORKSHEET_PART.test(e.name);
    if (e.method !== 8 && !(sheet && e.method === 0)) continue; // other methods exceljs cannot read anyway
    const at = e.localOffset;
    if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== LOCAL) continue;
    const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
    const end = Math.min(bytes.length, start + e.compressed);
    if (start >= end) continue;
    if (e.method === 0) {
      // Stored: its bytes are its content.
      counter.push(bytes.subarray(start, end));
      counter.end();
      overCells();
      continue;
    }
    let inEntry = 0;
    const sink = sheet
      ? (chunk: Buffer) => {
          counter.push(chunk);
          // Checked every few MB, so a sheet far over the limit stops early.
          if ((inEntry += chunk.length) >= 4 * MB) {
            inEntry = 0;
            overCells();
          }
        }
      : undefined;
    const keep = (whole: Buffer) => {
      if ((keptBytes += whole.length) <= KEEP_INFLATED) kept.set(start, whole);
    };
    const actual = await inflatedSize(bytes.subarray(start, end), e.uncompressed, sink, keep);
    if (actual > e.uncompressed) throw new InputLimitError({ kind: 'size-mismatch', actual, limit: e.uncompressed, entry: e.name });
    if (sheet) {
      counter.end();
      overCells();
    }
  }
  checked.set(data, kept);
}

function sumOf(entries: ZipEntry[]): number {
  return entries.reduce((n, e) => n + e.uncompressed, 0);
}
