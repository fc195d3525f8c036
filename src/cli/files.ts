/**
 * What every command of the command line shares: failures with their exit codes, reading the
 * criteria and the input files, checking and writing the output files. The imperative shell:
 * the only place besides main.ts that touches the file system.
 */
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import type ExcelJS from 'exceljs';
import { CriteriaSet, parseCriteriaText } from '../core/criteria';
import { Lang } from '../i18n/format';
import { InputLimitError, checkFileSize, describeLimit } from '../hosts/xlsx/limits';
import { WorkbookRead, XlsxReadError } from '../hosts/xlsx/snapshot-model';
import { XlsxHost } from '../hosts/xlsx/host';
import { CliMessageKey } from './messages';

/** exceljs's reader, loaded only by the commands that read through it (consolidate): `gnlc score` of a package it can patch never loads exceljs. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const exceljsReader = () => require('../hosts/xlsx/read') as typeof import('../hosts/xlsx/read');

export interface CliIO {
  stdout: { write(chunk: string): unknown };
  stderr: { write(chunk: string): unknown };
  /** The clock, for the date printed in an HTML report (tests pass a fixed one). */
  now?: () => Date;
}

export const EXIT = { ok: 0, usage: 1, unreadable: 2, write: 3 } as const;

/** A failure with its exit code and a one-line message (and, optionally, a second sentence on the same line). */
export class CliFailure extends Error {
  constructor(
    readonly code: number,
    readonly key: CliMessageKey,
    readonly params: Record<string, string | number> = {},
    readonly more?: { key: CliMessageKey; params: Record<string, string | number> },
  ) {
    super(key);
  }
}

export function oneLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).replace(/\s+/g, ' ').trim().slice(0, 300);
}

/** The package's root folder (the one holding its package.json), from src/cli or dist/cli/cli alike. */
export function packageRoot(): string {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    const candidate = path.join(dir, 'package.json');
    try {
      const pkg = JSON.parse(fs.readFileSync(candidate, 'utf8')) as { name?: string };
      if (pkg.name === 'gnlc-scorer') return dir;
    } catch {
      // not here
    }
    dir = path.dirname(dir);
  }
  return path.resolve(__dirname, '..', '..');
}

export function defaultCriteriaPath(): string {
  return path.join(packageRoot(), 'criteria', 'gnlc-vn-2019.json');
}

/** Same file? By device and inode when both exist (catches links), else by resolved real path. */
export function sameFile(a: string, b: string): boolean {
  try {
    const sa = fs.statSync(a);
    const sb = fs.statSync(b);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return resolveReal(a) === resolveReal(b);
  }
}

function resolveReal(p: string): string {
  const abs = path.resolve(p);
  try {
    return fs.realpathSync.native(abs);
  } catch {
    try {
      return path.join(fs.realpathSync.native(path.dirname(abs)), path.basename(abs));
    } catch {
      return abs;
    }
  }
}

/** Refuses a file over its size limit (src/hosts/xlsx/limits.ts) before reading it: exit 2 with the limit. */
function checkSize(file: string, kind: 'workbook-file' | 'criteria-file', lang: Lang): void {
  try {
    checkFileSize(file, kind);
  } catch (e) {
    if (e instanceof InputLimitError) throw new CliFailure(EXIT.unreadable, 'input-unreadable', { path: file, reason: e.text(lang) });
    throw e;
  }
}

/**
 * Criteria files already validated in this process, by resolved path, with the bytes they were
 * validated from. A file whose bytes are the same again gives the same object again: it is read
 * (cheap) but not parsed and validated again, and the core's indexes of it stay valid. Changed
 * bytes are parsed and validated as the first time. Only valid files are kept, a few at most.
 */
const criteriaCache = new Map<string, { bytes: Buffer; criteria: CriteriaSet }>();
const CRITERIA_CACHE_SIZE = 4;

export function loadCriteria(file: string, lang: Lang = 'vi'): CriteriaSet {
  checkSize(file, 'criteria-file', lang);
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CliFailure(EXIT.unreadable, 'criteria-not-found', { path: file });
    throw new CliFailure(EXIT.unreadable, 'input-unreadable', { path: file, reason: oneLine(e) });
  }
  const key = path.resolve(file);
  const cached = criteriaCache.get(key);
  if (cached && cached.bytes.equals(bytes)) return cached.criteria;
  const loaded = parseCriteriaText(bytes.toString('utf8'));
  if (!loaded.ok) {
    criteriaCache.delete(key);
    const [first] = loaded.problems;
    throw new CliFailure(EXIT.unreadable, 'criteria-invalid', {
      path: file,
      where: first?.path ?? '(root)',
      message: first?.message ?? '',
      more: Math.max(0, loaded.problems.length - 1),
    });
  }
  criteriaCache.delete(key);
  criteriaCache.set(key, { bytes, criteria: loaded.criteria });
  if (criteriaCache.size > CRITERIA_CACHE_SIZE) criteriaCache.delete(criteriaCache.keys().next().value!);
  return loaded.criteria;
}

/** The bytes of an input workbook; exit 2 when it is missing, a folder, over the size limit or unreadable. */
export function readInput(file: string, lang: Lang = 'vi'): Buffer {
  checkSize(file, 'workbook-file', lang);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new CliFailure(EXIT.unreadable, 'input-not-found', { path: file });
    throw new CliFailure(EXIT.unreadable, 'input-unreadable', { path: file, reason: oneLine(e) });
  }
  if (!stat.isFile()) throw new CliFailure(EXIT.unreadable, 'input-not-file', { path: file });
  try {
    return fs.readFileSync(file);
  } catch (e) {
    throw new CliFailure(EXIT.unreadable, 'input-unreadable', { path: file, reason: oneLine(e) });
  }
}

/** Opens an .xlsx read from `file`; exit 2 naming the file when it is not one (or is over an input limit: a zip bomb). */
export async function openWorkbook(bytes: Uint8Array, file: string, lang: Lang = 'vi'): Promise<ExcelJS.Workbook> {
  try {
    return await exceljsReader().loadWorkbook(bytes);
  } catch (e) {
    throw unreadable(e, file, lang);
  }
}

/**
 * Opens an .xlsx read from `file` as the host of a run: read from its package when the copy can be
 * patched, else through exceljs (XlsxHost.open); exit 2 naming the file when it is not a workbook.
 */
export async function openHost(bytes: Uint8Array, file: string, lang: Lang = 'vi', options: { workbookName?: string } = {}): Promise<XlsxHost> {
  try {
    return await XlsxHost.open(bytes, options);
  } catch (e) {
    throw unreadable(e, file, lang);
  }
}

/** A read failure as the command line says it (exit 2), or the error as it is. */
function unreadable(e: unknown, file: string, lang: Lang): unknown {
  if (e instanceof XlsxReadError && e.problem === 'too-large') {
    return new CliFailure(EXIT.unreadable, 'input-unreadable', { path: file, reason: e.limit ? describeLimit(e.limit, lang) : e.message });
  }
  if (e instanceof XlsxReadError) {
    const key: CliMessageKey = e.problem === 'not-zip' ? 'not-xlsx' : e.problem === 'legacy-or-encrypted' ? 'legacy-or-encrypted' : 'damaged-xlsx';
    return new CliFailure(EXIT.unreadable, key, { path: file, reason: e.message });
  }
  return e;
}

/** The folder an output goes into must exist (exit 1 otherwise). */
export function checkWritable(target: string): void {
  const dir = path.dirname(path.resolve(target));
  let ok = false;
  try {
    ok = fs.statSync(dir).isDirectory();
  } catch {
    ok = false;
  }
  if (!ok) throw new CliFailure(EXIT.usage, 'no-directory', { path: target });
}

/** A new file must not replace an existing one unless the person said --force (exit 1). */
export function checkNew(target: string, force: boolean): void {
  if (force) return;
  let exists = false;
  try {
    fs.lstatSync(target);
    exists = true;
  } catch {
    exists = false;
  }
  if (exists) throw new CliFailure(EXIT.usage, 'out-exists', { path: target });
}

/**
 * The output files of a command, checked before anything is read or written, the same way for
 * every command: --out names an .xlsx (the copy is always an .xlsx: a .csv or .xlsm name would
 * lie about it), every folder exists, and no file that exists is replaced without --force (exit 1).
 */
export function checkOutputFiles(files: { out?: string | undefined; report?: string | undefined; html?: string | undefined }, force: boolean): void {
  if (files.out !== undefined && !/\.xlsx$/i.test(files.out)) throw new CliFailure(EXIT.usage, 'out-not-xlsx', { path: files.out });
  for (const file of [files.out, files.report, files.html]) {
    if (file === undefined) continue;
    checkWritable(file);
    checkNew(file, force);
  }
}

/** Temporary files being written, removed if the process is interrupted. */
const pending = new Set<string>();
const SIGNAL_EXIT: Record<'SIGINT' | 'SIGTERM', number> = { SIGINT: 130, SIGTERM: 143 };
function onSignal(signal: 'SIGINT' | 'SIGTERM'): void {
  for (const tmp of pending) {
    try {
      fs.rmSync(tmp, { force: true });
    } catch {
      // nothing more can be done
    }
  }
  pending.clear();
  process.exit(SIGNAL_EXIT[signal]);
}
function guard(tmp: string): void {
  if (pending.size === 0) for (const s of ['SIGINT', 'SIGTERM'] as const) process.on(s, onSignal);
  pending.add(tmp);
}
function release(tmp: string): void {
  pending.delete(tmp);
  if (pending.size === 0) for (const s of ['SIGINT', 'SIGTERM'] as const) process.off(s, onSignal);
}

const CHUNK = 1024 * 1024;

/**
 * Writes a file through a temporary file in the same folder, so a failed or interrupted write
 * leaves nothing half-written. The temporary name is random and created exclusively (`wx`: a file
 * or a symbolic link planted under that name makes it fail, never followed); it is written at
 * once when it is one chunk (1 MiB) or less, else in chunks, and removed if the process gets SIGINT or SIGTERM meanwhile (exit 130 or 143). Without
 * `force` the result is linked into place, which fails if the target appeared since it was
 * checked; with `force` it is renamed over it.
 */
export async function writeFileAtomic(target: string, data: string | Uint8Array, options: { force: boolean }): Promise<void> {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const tmp = path.join(path.dirname(path.resolve(target)), `.${path.basename(target)}.${crypto.randomBytes(12).toString('hex')}.tmp`);
  let created = false;
  // Guarded before it exists: a signal that comes while it is being created still removes it.
  guard(tmp);
  try {
    if (bytes.length <= CHUNK) {
      // One chunk: written at once (a signal waits the millisecond it takes; the thread pool's round trips cost more).
      const fd = fs.openSync(tmp, 'wx', 0o666);
      created = true;
      try {
        fs.writeSync(fd, bytes, 0, bytes.length, 0);
      } finally {
        fs.closeSync(fd);
      }
    } else {
      const fh = await fs.promises.open(tmp, 'wx', 0o666);
      created = true;
      try {
        for (let at = 0; at < bytes.length; at += CHUNK) await fh.write(bytes, at, Math.min(CHUNK, bytes.length - at), at);
      } finally {
        await fh.close();
      }
    }
    if (options.force) fs.renameSync(tmp, target);
    else {
      try {
        fs.linkSync(tmp, target);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new CliFailure(EXIT.usage, 'out-exists', { path: target });
        throw e;
      }
      fs.rmSync(tmp, { force: true });
    }
  } catch (e) {
    if (created) {
      try {
        fs.rmSync(tmp, { force: true });
      } catch {
        // nothing to clean
      }
    }
    if (e instanceof CliFailure) throw e;
    throw new CliFailure(EXIT.write, 'write-failed', { path: target, reason: oneLine(e) });
  } finally {
    release(tmp);
  }
}

/** A sheet over an input limit (too spread out to read) as the CLI's failure: exit 2, one line. */
function overLimit(e: unknown, file: string, lang: Lang): unknown {
  // A package read part by part finds a damaged part only when it reads it.
  return unreadable(e, file, lang);
}

/** Reads a workbook's sheets as snapshots; exit 2 when a sheet is over an input limit. */
export function readWorkbook(wb: ExcelJS.Workbook, file: string, lang: Lang, options: { workbookName?: string } = {}): WorkbookRead {
  try {
    return exceljsReader().readWorkbookSnapshot(wb, options);
  } catch (e) {
    throw overLimit(e, file, lang);
  }
}

/** Runs what reads a workbook's sheets (through XlsxHost); exit 2 when a sheet is over an input limit. */
export async function readingInput<T>(file: string, lang: Lang, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (e) {
    throw overLimit(e, file, lang);
  }
}

/** The run date as a person reads it: 05/03/2025 in Vietnamese, 2025-03-05 in English (local time). */
export function formatRunDate(d: Date, lang: Lang): string {
  const dd = String(d.getDate()).padStart(2, '0');
  const mm = String(d.getMonth() + 1).padStart(2, '0');
  const yyyy = String(d.getFullYear()).padStart(4, '0');
  return lang === 'vi' ? `${dd}/${mm}/${yyyy}` : `${yyyy}-${mm}-${dd}`;
}
