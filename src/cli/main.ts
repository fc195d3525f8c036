/**
 * The command line:
 *   gnlc score <in.xlsx> [--out <scored.xlsx>] [--report <report.json>] [--html <report.html>]
 *     [--criteria <file>] [--sheet <name>] [--all] [--lang vi|en]
 *   gnlc template --out <file.xlsx> [--department <name>] [--city <name>] [--year <yyyy>]
 *     [--contact <text>] [--no-trend-pairs] [--force] [--criteria <file>] [--lang vi|en]
 *   gnlc consolidate <return.xlsx>… --out <master.xlsx> [--report <json>] [--html <html>]
 *     [--department <file>=<name>]… [--force] [--criteria <file>] [--lang vi|en]
 *   gnlc --help, gnlc --version
 *
 * The imperative shell around the pure pipeline: read the files, run the core, print, write.
 * Input files are only ever read. Exit codes: 0 done, 1 usage error, 2 unreadable workbook,
 * return or criteria, 3 results cannot be written (or an internal error).
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseArgs } from 'util';
import { renderHtmlReport } from '../core/html-report';
import { isStateSheetName } from '../core/product-sheets';
import { WorkbookError, WorkbookRun, matchSheetName, scoreWorkbook } from '../core/workbook';
import { Lang } from '../i18n/format';
import { PlanError } from '../hosts/xlsx/plan-error';
import { InputLimitError, checkFileSize, checkZipLimits } from '../hosts/xlsx/limits';
import { runClearCommand } from './clear';
import {
  CliFailure,
  CliIO,
  EXIT,
  checkOutputFiles,
  checkWritable,
  defaultCriteriaPath,
  formatRunDate,
  loadCriteria,
  oneLine,
  openHost,
  packageRoot,
  readInput,
  readingInput,
  sameFile,
  writeFileAtomic,
} from './files';
import { HELP, LOSS_TEXT, cliMessage } from './messages';
import { formatSummary, terminalSafe } from './print';
import { buildReport } from './report';

/**
 * The commands and parts that load exceljs (templates, consolidation, the losses of a copy exceljs
 * re-renders), required when used: `gnlc score` of a package it can patch starts without them.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
const lazy = {
  template: () => require('./template') as typeof import('./template'),
  consolidate: () => require('./consolidate') as typeof import('./consolidate'),
  losses: () => require('../hosts/xlsx/losses') as typeof import('../hosts/xlsx/losses'),
};
/* eslint-enable @typescript-eslint/no-require-imports */

export { EXIT, defaultCriteriaPath, packageRoot };
export type { CliIO };

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
  html: { type: 'string' },
  criteria: { type: 'string' },
  sheet: { type: 'string' },
  all: { type: 'boolean' },
  lang: { type: 'string' },
  department: { type: 'string', multiple: true },
  city: { type: 'string' },
  year: { type: 'string' },
  contact: { type: 'string' },
  'no-trend-pairs': { type: 'boolean' },
  force: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;
type OptionName = keyof typeof OPTIONS;

const COMMANDS = ['score', 'clear', 'template', 'consolidate'] as const;
type Command = (typeof COMMANDS)[number];

/** The options each command takes (--lang, --help and --version go with any). */
const ALLOWED: Record<Command, readonly OptionName[]> = {
  score: ['out', 'report', 'html', 'criteria', 'sheet', 'all', 'force'],
  clear: ['out', 'criteria', 'force'],
  template: ['out', 'criteria', 'department', 'city', 'year', 'contact', 'no-trend-pairs', 'force'],
  consolidate: ['out', 'report', 'html', 'criteria', 'department', 'force'],
};
const ANY_COMMAND: readonly OptionName[] = ['lang', 'help', 'version'];

export async function main(argv: string[], io: CliIO): Promise<number> {
  let lang = sniffLang(argv);
  const fail = (e: CliFailure) => {
    let text = cliMessage(e.key, lang, e.params);
    if (e.more) text += '. ' + cliMessage(e.more.key, lang, e.more.params);
    io.stderr.write('gnlc: ' + terminalSafe(text.replace(/\s*\n\s*/g, ' ')) + '\n');
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
    if (!(COMMANDS as readonly string[]).includes(command)) throw new CliFailure(EXIT.usage, 'unknown-command', { command });
    const cmd = command as Command;
    for (const name of Object.keys(values) as OptionName[]) {
      if (values[name] === undefined || ANY_COMMAND.includes(name) || ALLOWED[cmd].includes(name)) continue;
      throw new CliFailure(EXIT.usage, 'option-not-for-command', { option: name, command: cmd });
    }
    const criteriaFile = values.criteria ?? defaultCriteriaPath();
    if (cmd === 'template') {
      return await lazy.template().runTemplate(
        {
          files: rest,
          ...(values.out !== undefined ? { out: values.out } : {}),
          departments: values.department ?? [],
          ...(values.city !== undefined ? { city: values.city } : {}),
          ...(values.year !== undefined ? { year: values.year } : {}),
          ...(values.contact !== undefined ? { contact: values.contact } : {}),
          trendPairs: !values['no-trend-pairs'],
          force: !!values.force,
          criteria: criteriaFile,
          lang,
        },
        io,
      );
    }
    if (cmd === 'clear') {
      return await runClearCommand({ files: rest, ...(values.out !== undefined ? { out: values.out } : {}), criteria: criteriaFile, force: !!values.force, lang }, io);
    }
    if (cmd === 'consolidate') {
      return await lazy.consolidate().runConsolidate(
        {
          returns: rest,
          ...(values.out !== undefined ? { out: values.out } : {}),
          ...(values.report !== undefined ? { report: values.report } : {}),
          ...(values.html !== undefined ? { html: values.html } : {}),
          departments: values.department ?? [],
          force: !!values.force,
          criteria: criteriaFile,
          lang,
        },
        io,
      );
    }
    if (rest.length === 0) throw new CliFailure(EXIT.usage, 'missing-input');
    if (rest.length > 1) throw new CliFailure(EXIT.usage, 'extra-args', { extra: rest.slice(1).join(' ') });
    return await score(
      {
        input: rest[0]!,
        ...(values.out !== undefined ? { out: values.out } : {}),
        ...(values.report !== undefined ? { report: values.report } : {}),
        ...(values.html !== undefined ? { html: values.html } : {}),
        criteria: criteriaFile,
        ...(values.sheet !== undefined ? { sheet: values.sheet } : {}),
        all: !!values.all,
        force: !!values.force,
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

// ---- Input limits (src/hosts/xlsx/limits.ts): a file over a limit is refused with exit 2 before it is read (size on
// disk) or inflated (zip sizes), with the limit in the message. ----
async function checkInputLimits(file: string, kind: 'workbook-file' | 'criteria-file', lang: Lang, bytes?: Uint8Array): Promise<void> {
  try {
    if (bytes) await checkZipLimits(bytes);
    else checkFileSize(file, kind);
  } catch (e) {
    if (e instanceof InputLimitError) throw new CliFailure(EXIT.unreadable, 'input-unreadable', { path: file, reason: e.text(lang) });
    throw e;
  }
}

interface ScoreArgs {
  input: string;
  out?: string;
  report?: string;
  html?: string;
  criteria: string;
  sheet?: string;
  /** Score against every indicator, even a one-party return (a coordinator). */
  all?: boolean;
  force: boolean;
  lang: Lang;
}

async function score(args: ScoreArgs, io: CliIO): Promise<number> {
  const { lang } = args;
  const workbookName = path.basename(args.input);
  await checkInputLimits(args.criteria, 'criteria-file', lang);
  const criteria = loadCriteria(args.criteria);
  await checkInputLimits(args.input, 'workbook-file', lang);
  const bytes = readInput(args.input);
  await checkInputLimits(args.input, 'workbook-file', lang, bytes);

  if (args.out !== undefined) {
    if (sameFile(args.out, args.input)) throw new CliFailure(EXIT.usage, 'out-is-input', { path: args.input });
    checkWritable(args.out);
  }
  if (args.report !== undefined) {
    if (sameFile(args.report, args.input)) throw new CliFailure(EXIT.usage, 'report-is-input', { path: args.input });
    checkWritable(args.report);
  }
  if (args.html !== undefined) {
    if (sameFile(args.html, args.input)) throw new CliFailure(EXIT.usage, 'html-is-input', { path: args.input });
    checkWritable(args.html);
  }
  if (args.out !== undefined && args.report !== undefined && sameFile(args.out, args.report)) throw new CliFailure(EXIT.usage, 'out-is-report');
  for (const [a, b] of [
    ['out', 'html'],
    ['report', 'html'],
  ] as const) {
    const pa = args[a];
    const pb = args[b];
    if (pa !== undefined && pb !== undefined && sameFile(pa, pb)) throw new CliFailure(EXIT.usage, 'outputs-clash', { a: `--${a}`, b: `--${b}` });
  }
  checkOutputFiles(args, args.force);

  // The sheet is chosen by the core's rule, as in the add-in: --sheet, else the active sheet when
  // it is an appendix (from the summary sheet: the appendix it summarises), else the best appendix.
  // The copy is the input's package patched: only what the product changes is written (patch.ts).
  const host = await openHost(bytes, args.input, lang, { workbookName });
  const all = (await readingInput(args.input, lang, () => host.sheets())).map((s) => s.name);
  const names = all.filter((n) => !isStateSheetName(n));
  let sheet: string | undefined;
  if (args.sheet !== undefined) {
    sheet = matchSheetName(all, args.sheet) ?? undefined;
    if (sheet === undefined) throw new CliFailure(EXIT.usage, 'sheet-not-found', { sheet: args.sheet, sheets: names.join(', ') });
  }
  let scored: WorkbookRun;
  try {
    // Nothing is written yet: the copy is patched below, only when --out asks for one.
    scored = await readingInput(args.input, lang, () =>
      scoreWorkbook(host, criteria, { lang, write: false, scoredAt: new Date(), scope: args.all ? 'all' : 'auto', ...(sheet !== undefined ? { sheet } : {}) }),
    );
  } catch (e) {
    if (e instanceof WorkbookError && e.code === 'NoAppendix') throw new CliFailure(EXIT.unreadable, 'no-appendix', { path: args.input, sheets: names.join(', ') });
    if (e instanceof WorkbookError && e.code === 'NotAppendix')
      throw new CliFailure(EXIT.unreadable, 'not-appendix', { path: args.input, sheet: e.detail.sheet ?? '', likely: e.detail.likely ?? '' });
    throw e;
  }
  const { run, plan, warnings } = scored;
  const sheetName = scored.read.sheet.name;

  io.stdout.write(formatSummary({ criteria, results: run.results, summary: run.summary, workbook: workbookName, sheet: sheetName, lang }));
  // Warnings about the coloured copy (a protected sheet is not coloured) matter only when a copy is written.
  for (const w of warnings) {
    if (w.code === 'sheet-protected' && args.out === undefined) continue;
    io.stderr.write('gnlc: ' + terminalSafe(cliMessage('warning', lang, { text: w.message[lang] })) + '\n');
  }

  const written: string[] = [];
  if (args.report !== undefined) {
    const report = buildReport({ criteria, results: run.results, workbook: workbookName, sheet: sheetName, lang, scope: run.scope });
    await writeFileAtomic(args.report, JSON.stringify(report, null, 2) + '\n', args);
    written.push(cliMessage('wrote-report', lang, { path: args.report }));
  }
  if (args.html !== undefined) {
    const page = renderHtmlReport({
      criteria,
      results: run.results,
      summary: run.summary,
      lang,
      workbook: workbookName,
      sheet: sheetName,
      date: formatRunDate((io.now ?? (() => new Date()))(), lang),
    });
    await writeFileAtomic(args.html, page, args);
    written.push(cliMessage('wrote-html', lang, { path: args.html }));
  }
  if (args.out !== undefined) {
    // Only a package that cannot be patched is re-rendered by exceljs: then say what that loses.
    if (!host.patching) {
      for (const loss of await lazy.losses().findWriteLosses(bytes)) {
        io.stderr.write('gnlc: ' + cliMessage('loss', lang, { count: loss.count, what: LOSS_TEXT[loss.kind][lang] }) + '\n');
      }
    }
    try {
      await host.apply(plan);
    } catch (e) {
      if (e instanceof PlanError) throw new CliFailure(EXIT.write, 'not-owned-sheet', { reason: e.message });
      throw e;
    }
    const applied = host.lastApply!;
    const out = await host.toBuffer();
    await writeFileAtomic(args.out, out, args);
    written.push(cliMessage('wrote-copy', lang, { path: args.out, cells: applied.coloured, summary: applied.summarySheet ?? '' }));
    if (applied.skipped.includes('chart')) written.push(cliMessage('no-chart', lang));
  }
  if (written.length === 0) written.push(cliMessage('not-written', lang));
  io.stdout.write('\n' + written.join('\n') + '\n');
  return EXIT.ok;
}
