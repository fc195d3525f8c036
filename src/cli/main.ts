/**
 * `gnlc score <in.xlsx> [--out <scored.xlsx>] [--report <report.json>] [--criteria <file>]
 *  [--sheet <name>] [--lang vi|en]`, `gnlc --help`, `gnlc --version`.
 *
 * The imperative shell around the pure pipeline: read the files, run the core, print, write.
 * The input file is only ever read. Exit codes: 0 scored, 1 usage error, 2 unreadable workbook
 * or criteria, 3 results cannot be written (or an internal error).
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseArgs } from 'util';
import { CriteriaSet, parseCriteriaText } from '../core/criteria';
import { findAppendixSheet } from '../core/mapping';
import { runScoring } from '../core/pipeline';
import { STATE_SHEET } from '../core/plan';
import { Lang } from '../i18n/format';
import { PlanError, applyPlan, writeWorkbookBuffer } from '../hosts/xlsx/write';
import { findWriteLosses } from '../hosts/xlsx/losses';
import { XlsxReadError, loadWorkbook, readWorkbookSnapshot, toHostRead } from '../hosts/xlsx/read';
import { CliMessageKey, HELP, LOSS_TEXT, cliMessage } from './messages';
import { formatSummary } from './print';
import { buildReport } from './report';

export interface CliIO {
  stdout: { write(chunk: string): unknown };
  stderr: { write(chunk: string): unknown };
}

export const EXIT = { ok: 0, usage: 1, unreadable: 2, write: 3 } as const;

/** A failure with its exit code and a one-line message. */
class CliFailure extends Error {
  constructor(
    readonly code: number,
    readonly key: CliMessageKey,
    readonly params: Record<string, string | number> = {},
  ) {
    super(key);
  }
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

function packageVersion(): string {
  try {
    return (JSON.parse(fs.readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as { version?: string }).version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

/** The language asked for, found before the arguments are fully parsed (so parse errors speak it too). */
function sniffLang(argv: readonly string[]): Lang {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--lang' && argv[i + 1] === 'en') return 'en';
    if (a === '--lang=en') return 'en';
  }
  return 'vi';
}

const OPTIONS = {
  out: { type: 'string' },
  report: { type: 'string' },
  criteria: { type: 'string' },
  sheet: { type: 'string' },
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

export async function main(argv: string[], io: CliIO): Promise<number> {
  let lang = sniffLang(argv);
  const fail = (e: CliFailure) => {
    io.stderr.write('gnlc: ' + cliMessage(e.key, lang, e.params).replace(/\s*\n\s*/g, ' ') + '\n');
    return e.code;
  };
  try {
    let parsed;
    try {
      parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
    } catch (e) {
      throw new CliFailure(EXIT.usage, 'bad-option', { detail: parseErrorDetail(e) });
    }
    const { values, positionals } = parsed;
    if (values.lang !== undefined) {
      if (values.lang !== 'vi' && values.lang !== 'en') throw new CliFailure(EXIT.usage, 'bad-lang', { lang: values.lang });
      lang = values.lang;
    }
    if (values.help) {
      io.stdout.write(HELP[lang]);
      return EXIT.ok;
    }
    if (values.version) {
      io.stdout.write(`gnlc ${packageVersion()}\n`);
      return EXIT.ok;
    }
    const [command, ...rest] = positionals;
    if (command === undefined) throw new CliFailure(EXIT.usage, 'no-command');
    if (command === 'help') {
      io.stdout.write(HELP[lang]);
      return EXIT.ok;
    }
    if (command !== 'score') throw new CliFailure(EXIT.usage, 'unknown-command', { command });
    if (rest.length === 0) throw new CliFailure(EXIT.usage, 'missing-input');
    if (rest.length > 1) throw new CliFailure(EXIT.usage, 'extra-args', { extra: rest.slice(1).join(' ') });
    return await score(
      {
        input: rest[0]!,
        ...(values.out !== undefined ? { out: values.out } : {}),
        ...(values.report !== undefined ? { report: values.report } : {}),
        ...(values.criteria !== undefined ? { criteria: values.criteria } : {}),
        ...(values.sheet !== undefined ? { sheet: values.sheet } : {}),
        lang,
      },
      io,
    );
  } catch (e) {
    if (e instanceof CliFailure) return fail(e);
    return fail(new CliFailure(EXIT.write, 'internal', { path: argv.find((a) => /\.xlsx$/i.test(a)) ?? '', reason: oneLine(e) }));
  }
}

function parseErrorDetail(e: unknown): string {
  const msg = oneLine(e);
  const m = /Unknown option '([^']+)'/.exec(msg) ?? /Option '([^']+)[^']*' argument missing/.exec(msg) ?? /Unexpected argument '([^']+)'/.exec(msg);
  return m ? m[1]! + (/argument missing/.test(msg) ? ' <…>' : '') : msg;
}

function oneLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).replace(/\s+/g, ' ').trim().slice(0, 300);
}

interface ScoreArgs {
  input: string;
  out?: string;
  report?: string;
  criteria?: string;
  sheet?: string;
  lang: Lang;
}

/** Same file? By device and inode when both exist (catches links), else by resolved real path. */
function sameFile(a: string, b: string): boolean {
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

function loadCriteria(file: string): CriteriaSet {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CliFailure(EXIT.unreadable, 'criteria-not-found', { path: file });
    throw new CliFailure(EXIT.unreadable, 'input-unreadable', { path: file, reason: oneLine(e) });
  }
  const loaded = parseCriteriaText(text);
  if (!loaded.ok) {
    const [first] = loaded.problems;
    throw new CliFailure(EXIT.unreadable, 'criteria-invalid', {
      path: file,
      where: first?.path ?? '(root)',
      message: first?.message ?? '',
      more: Math.max(0, loaded.problems.length - 1),
    });
  }
  return loaded.criteria;
}

function readInput(file: string): Buffer {
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

function checkWritable(target: string): void {
  const dir = path.dirname(path.resolve(target));
  let ok = false;
  try {
    ok = fs.statSync(dir).isDirectory();
  } catch {
    ok = false;
  }
  if (!ok) throw new CliFailure(EXIT.usage, 'no-directory', { path: target });
}

/** Writes a file through a temporary name in the same folder, so a failed write leaves nothing half-written. */
function writeFileAtomic(target: string, data: string | Uint8Array): void {
  const tmp = path.join(path.dirname(path.resolve(target)), `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(tmp, data);
    fs.renameSync(tmp, target);
  } catch (e) {
    try {
      fs.rmSync(tmp, { force: true });
    } catch {
      // nothing to clean
    }
    throw new CliFailure(EXIT.write, 'write-failed', { path: target, reason: oneLine(e) });
  }
}

async function score(args: ScoreArgs, io: CliIO): Promise<number> {
  const { lang } = args;
  const workbookName = path.basename(args.input);
  const criteria = loadCriteria(args.criteria ?? defaultCriteriaPath());
  const bytes = readInput(args.input);

  if (args.out !== undefined) {
    if (sameFile(args.out, args.input)) throw new CliFailure(EXIT.usage, 'out-is-input', { path: args.input });
    checkWritable(args.out);
  }
  if (args.report !== undefined) {
    if (sameFile(args.report, args.input)) throw new CliFailure(EXIT.usage, 'report-is-input', { path: args.input });
    checkWritable(args.report);
  }
  if (args.out !== undefined && args.report !== undefined && sameFile(args.out, args.report)) throw new CliFailure(EXIT.usage, 'out-is-report');

  let wb;
  try {
    wb = await loadWorkbook(bytes);
  } catch (e) {
    if (e instanceof XlsxReadError) {
      const key: CliMessageKey = e.problem === 'not-zip' ? 'not-xlsx' : e.problem === 'legacy-or-encrypted' ? 'legacy-or-encrypted' : 'damaged-xlsx';
      throw new CliFailure(EXIT.unreadable, key, { path: args.input, reason: e.message });
    }
    throw e;
  }
  const read = readWorkbookSnapshot(wb, { workbookName });
  const names = read.sheetNames.filter((n) => n !== STATE_SHEET);
  let sheetName: string;
  if (args.sheet !== undefined) {
    const wanted = args.sheet.normalize('NFC');
    sheetName =
      read.sheetNames.find((n) => n === args.sheet) ??
      read.sheetNames.find((n) => n.normalize('NFC').toLowerCase() === wanted.toLowerCase()) ??
      (() => {
        throw new CliFailure(EXIT.usage, 'sheet-not-found', { sheet: args.sheet!, sheets: names.join(', ') });
      })();
  } else {
    const candidates = read.snapshot.sheets.filter((s) => !read.summarySheets.includes(s.name));
    const found = findAppendixSheet({ sheets: candidates }, criteria);
    if (!found) throw new CliFailure(EXIT.unreadable, 'no-appendix', { path: args.input, sheets: names.join(', ') });
    sheetName = found.sheet.name;
  }

  const host = toHostRead(read, sheetName, wb);
  const { run, plan } = runScoring(host, criteria, { lang });

  io.stdout.write(formatSummary({ criteria, results: run.results, summary: run.summary, workbook: workbookName, sheet: sheetName, lang }));

  const written: string[] = [];
  if (args.report !== undefined) {
    const report = buildReport({ criteria, results: run.results, workbook: workbookName, sheet: sheetName, lang });
    writeFileAtomic(args.report, JSON.stringify(report, null, 2) + '\n');
    written.push(cliMessage('wrote-report', lang, { path: args.report }));
  }
  if (args.out !== undefined) {
    for (const loss of await findWriteLosses(bytes)) {
      io.stderr.write('gnlc: ' + cliMessage('loss', lang, { count: loss.count, what: LOSS_TEXT[loss.kind][lang] }) + '\n');
    }
    let applied;
    try {
      applied = applyPlan(wb, plan);
    } catch (e) {
      if (e instanceof PlanError) throw new CliFailure(EXIT.write, 'not-owned-sheet', { reason: e.message });
      throw e;
    }
    const out = await writeWorkbookBuffer(wb);
    writeFileAtomic(args.out, out);
    written.push(cliMessage('wrote-copy', lang, { path: args.out, cells: applied.coloured, summary: applied.summarySheet ?? '' }));
    if (applied.skipped.includes('chart')) written.push(cliMessage('no-chart', lang));
  }
  if (written.length === 0) written.push(cliMessage('not-written', lang));
  io.stdout.write('\n' + written.join('\n') + '\n');
  return EXIT.ok;
}
