/**
 * A zip package read and written entry by entry, so a patched copy keeps every part it does not
 * change as the input had it: the same compressed bytes, method, time and name (APPNOTE 6.3.x:
 * local headers §4.3.7, central directory §4.3.12, end of central directory §4.3.16).
 * Changed and new parts are deflated by zlib. Zip64 packages are not read here (the input limits
 * refuse anything near that size before): ZipFormatError.
 */
import * as zlib from 'zlib';

export class ZipFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZipFormatError';
  }
}

export interface ZipEntry {
  /** The part's name as stored (no leading "/"). */
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  /** DOS time and date, as stored. */
  time: number;
  date: number;
  crc: number;
  size: number;
  /** The stored (compressed) bytes, copied as they are. */
  data: Buffer;
  /** General purpose flags (bit 11: UTF-8 name). */
  flags: number;
  /** External attributes (folders: 0x10). */
  external: number;
}

/** The entries of a zip, in the order of its central directory. */
export function readZip(buf: Buffer): ZipEntry[] {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipFormatError('no end of central directory');
  const count = buf.readUInt16LE(eocd + 10);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) throw new ZipFormatError('Zip64 package');
  const out: ZipEntry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) throw new ZipFormatError('bad central directory entry');
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const time = buf.readUInt16LE(p + 12);
    const date = buf.readUInt16LE(p + 14);
    const crc = buf.readUInt32LE(p + 16);
    const csize = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const external = buf.readUInt32LE(p + 38);
    const local = buf.readUInt32LE(p + 42);
    if (csize === 0xffffffff || size === 0xffffffff || local === 0xffffffff) throw new ZipFormatError('Zip64 entry');
    const name = buf.toString(flags & 0x800 ? 'utf8' : 'latin1', p + 46, p + 46 + nameLen);
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== 0x04034b50) throw new ZipFormatError(`bad local header for ${name}`);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    if (start + csize > buf.length) throw new ZipFormatError(`${name} runs past the end`);
    out.push({ name, method, time, date, crc, size, data: buf.subarray(start, start + csize), flags: flags & 0x800, external });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/** An entry's content, inflated. */
export function entryContent(e: ZipEntry): Buffer {
  if (e.method === 0) return e.data;
  if (e.method === 8) return zlib.inflateRawSync(e.data);
  throw new ZipFormatError(`${e.name}: compression method ${e.method}`);
}

/** CRC-32 of the zip format: zlib's (Node 20.15 and later), else computed here. */
export const crc32: (data: Buffer) => number =
  typeof (zlib as { crc32?: unknown }).crc32 === 'function'
    ? (data) => (zlib as unknown as { crc32(d: Buffer): number }).crc32(data)
    : (() => {
        const table = new Int32Array(256);
        for (let n = 0; n < 256; n++) {
          let c = n;
          for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
          table[n] = c;
        }
        return (data: Buffer) => {
          let c = -1;
          for (let i = 0; i < data.length; i++) c = table[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
          return (c ^ -1) >>> 0;
        };
      })();

/** A new entry for changed or added content, deflated at level 2 (a tenth larger than level 6, in under half the time: zlib's fast strategy), dated `date`. */
export function newEntry(name: string, content: Buffer | string, date: Date): ZipEntry {
  const raw = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  const time = (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1);
  const dosDate = (((date.getUTCFullYear() - 1980) & 0x7f) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
  const flags = Buffer.byteLength(name, 'utf8') !== name.length ? 0x800 : 0;
  return { name, method: 8, time, date: dosDate, crc: crc32(raw) >>> 0, size: raw.length, data: zlib.deflateRawSync(raw, { level: 2 }), flags, external: 0 };
}

/** The zip of the entries, in order; each local header carries its sizes (no data descriptors). */
export function writeZip(entries: readonly ZipEntry[]): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const nameBytes = Buffer.from(e.name, e.flags & 0x800 ? 'utf8' : 'latin1');
    if (offset > 0xffffffff) throw new ZipFormatError('package too large for a zip without Zip64');
    const header = Buffer.alloc(26);
    header.writeUInt16LE(20, 0);
    header.writeUInt16LE(e.flags, 2);
    header.writeUInt16LE(e.method, 4);
    header.writeUInt16LE(e.time, 6);
    header.writeUInt16LE(e.date, 8);
    header.writeUInt32LE(e.crc >>> 0, 10);
    header.writeUInt32LE(e.data.length, 14);
    header.writeUInt32LE(e.size, 18);
    header.writeUInt16LE(nameBytes.length, 22);
    header.writeUInt16LE(0, 24);
    const sig = Buffer.alloc(4);
    sig.writeUInt32LE(0x04034b50, 0);
    chunks.push(sig, header, nameBytes, e.data);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(0x0014, 4);
    header.copy(entry, 6);
    entry.writeUInt32LE(e.external >>> 0, 38);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, nameBytes);
    offset += 30 + nameBytes.length + e.data.length;
  }
  if (entries.length >= 0xffff) throw new ZipFormatError('too many parts for a zip without Zip64');
  const centralBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, centralBytes, end]);
}
