/**
 * Input limits: what the xlsx host and the command line refuse to read, checked before the bytes
 * reach exceljs (which builds the whole workbook in memory), so a hostile or broken file ends
 * with a clear message instead of exhausting memory or time.
 *
 * - A workbook file over 100 MB or a criteria file over 5 MB is refused from its size on disk,
 *   before it is read. A department's appendix is ~100 KB; the largest real workbooks with
 *   pictures are a few MB; the bundled criteria are ~115 KB.
 * - A zip whose entries add up to more than 200 MB uncompressed is refused from its central
 *   directory, before anything is inflated. exceljs needs several times the XML's size in memory;
 *   200 MB of XML is about two million filled cells, far beyond any appendix, and still inside a
 *   512 MB heap for the reading itself.
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
  uncompressedBytes: 200 * MB,
  /** Entries at least this large (uncompressed) must not be compressed more than `maxCompressionRatio` to 1. */
  ratioCheckFromBytes: 10 * MB,
  maxCompressionRatio: 100,
  /** Most entries in a workbook's zip. */
  maxEntries: 10_000,
} as const;

export type LimitKind = 'workbook-file' | 'criteria-file' | 'uncompressed' | 'compression-ratio' | 'entries' | 'size-mismatch';

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

/** Inflates a raw deflate stream, counting and dropping its output; stops as soon as it passes `cap`. */
function inflatedSize(data: Buffer, cap: number): Promise<number> {
  return new Promise((resolve) => {
    const z = zlib.createInflateRaw({ chunkSize: 64 * 1024 });
    let total = 0;
    let done = false;
    const finish = (v: number) => {
      if (done) return;
      done = true;
      resolve(v);
    };
    z.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > cap) {
        finish(total);
        z.destroy();
      }
    });
    z.on('end', () => finish(total));
    // A broken stream is for exceljs to call damaged; here it counts as what was inflated so far.
    z.on('error', () => finish(total));
    z.end(data);
  });
}

const checked = new WeakSet<object>();

/**
 * Refuses a workbook whose zip would inflate beyond the limits (see the file comment): first from
 * its central directory, without inflating anything; then by inflating each compressed entry as a
 * stream with a cap at its stated size. Bytes already checked are not checked again.
 */
export async function checkZipLimits(data: Uint8Array): Promise<void> {
  if (checked.has(data)) return;
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
  for (const e of entries) {
    if (e.method !== 8) continue; // stored entries are their own size; other methods exceljs cannot read anyway
    const at = e.localOffset;
    if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== LOCAL) continue;
    const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
    const end = Math.min(bytes.length, start + e.compressed);
    if (start >= end) continue;
    const actual = await inflatedSize(bytes.subarray(start, end), e.uncompressed);
    if (actual > e.uncompressed) throw new InputLimitError({ kind: 'size-mismatch', actual, limit: e.uncompressed, entry: e.name });
  }
  checked.add(data);
}

function sumOf(entries: ZipEntry[]): number {
  return entries.reduce((n, e) => n + e.uncompressed, 0);
}
