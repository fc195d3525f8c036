/**
 * `gnlc consolidate <return.xlsx>… --out <master.xlsx> [--report <json>] [--html <html>]
 *  [--department <file>=<name>]… [--force] [--criteria <file>] [--lang vi|en]`
 *
 * Reads every return with the xlsx host and maps it as a single workbook is mapped (the appendix
 * or template sheet found, a mapping saved in the file reused), merges them (core/consolidate),
 * scores the merged readings and writes a NEW workbook: the master sheet in the canonical layout
 * and the summary sheet. The returns are only ever read; when one cannot be read, nothing is
 * written and every unreadable return is named.
 */
import * as path from 'path';
import { CriteriaSet } from '../core/criteria';
import { ReturnInput, buildMasterSheet, consolidate } from '../core/consolidate';
import { renderHtmlReport } from '../core/html-report';
import { findAppendixSheet, mapSheet, parseSavedMapping, readEntries } from '../core/mapping';
import { locateInMaster } from '../core/locate-master';
import { SUMMARY_NAME } from '../core/pipeline';
import { STATE_SHEET } from '../core/plan';
import { scoreAll } from '../core/score';
import { safeSheetName } from '../core/snapshot';
import { summarise } from '../core/summary';
import { buildSummarySheet } from '../core/summary-sheet';
import { Lang } from '../i18n/format';
import { createWorkbook, writeSheetContent, writeTemplateSheet, writeWorkbookBuffer } from '../hosts/xlsx/write';
import { CliFailure, CliIO, EXIT, checkOutputFiles, checkWritable, formatRunDate, loadCriteria, openWorkbook, readInput, readWorkbook, sameFile, writeFileAtomic } from './files';
import { CliMessageKey, cliMessage } from './messages';
import { formatConsolidation } from './print';
import { buildConsolidationReport } from './report';

export interface ConsolidateArgs {
  returns: string[];
  out?: string;
  report?: string;
  html?: string;
  /** "<file>=<department>" options, as typed. */
  departments: string[];
  force: boolean;
  criteria: string;
  lang: Lang;
}

/** The department each return was said to be (by index of the return), from the --department options. */
function parseDepartments(options: readonly string[], returns: readonly string[]): Map<number, string> {
  const out = new Map<number, string>();
  for (const value of options) {
    // Split at the last "=": a department's name holds none, a file name might.
    const at = value.lastIndexOf('=');
    const file = at > 0 ? value.slice(0, at).trim() : '';
    const name = at > 0 ? value.slice(at + 1).normalize('NFC').replace(/\s+/g, ' ').trim() : '';
    if (!file || !name) throw new CliFailure(EXIT.usage, 'bad-department-option', { value });
    let index = returns.findIndex((r) => r === file);
    if (index < 0) index = returns.findIndex((r) => sameFile(r, file));
    if (index < 0) {
      // The bare file name is enough when it names one return only.
      const byName = returns.map((r, i) => [r, i] as const).filter(([r]) => path.basename(r) === file);
      if (byName.length === 1) index = byName[0]![1];
    }
    if (index < 0) throw new CliFailure(EXIT.usage, 'department-file-unknown', { value, file });
    if (out.has(index)) throw new CliFailure(EXIT.usage, 'department-twice', { file: returns[index]! });
    out.set(index, name);
  }
  return out;
}

/** How each return is named in the report: its file name, or the path as given when two share a name. */
function returnNames(returns: readonly string[]): string[] {
  const base = returns.map((r) => path.basename(r));
  return base.map((b, i) => (base.filter((x) => x === b).length > 1 ? returns[i]! : b));
}

/** Reads one return into the core's ReturnInput; a CliFailure (exit 2) when it is not a readable appendix. */
async function readReturn(file: string, name: string, criteria: CriteriaSet, department: string | undefined, lang: Lang): Promise<ReturnInput> {
  const bytes = readInput(file, lang);
  const wb = await openWorkbook(bytes, file, lang);
  const read = readWorkbook(wb, file, lang, { workbookName: name });
  const candidates = read.snapshot.sheets.filter((s) => !read.summarySheets.includes(s.name));
  const found = findAppendixSheet({ sheets: candidates }, criteria);
  if (!found) {
    const sheets = read.sheetNames.filter((n) => n !== STATE_SHEET).join(', ');
    throw new CliFailure(EXIT.unreadable, 'return-no-appendix', { path: file, sheets });
  }
  // The mapping a single workbook would get: a mapping fixed by hand and saved in the file wins.
  const saved = parseSavedMapping(read.state?.mappings[found.sheet.name]);
  const mapping = mapSheet(found.sheet, criteria, saved && saved.criteriaId === criteria.id ? saved : undefined);
  const entries = readEntries(found.sheet, mapping, criteria);
  const input: ReturnInput = { name, entries, mappedIds: Object.keys(mapping.placements) };
  if (mapping.header) input.header = mapping.header;
  if (department !== undefined) input.department = department;
  return input;
}

// locateInMaster moved to core/locate-master.ts (the add-in uses it too); re-exported here.
export { locateInMaster } from '../core/locate-master';

export async function runConsolidate(args: ConsolidateArgs, io: CliIO): Promise<number> {
  const { lang } = args;
  if (args.returns.length === 0) throw new CliFailure(EXIT.usage, 'no-returns');
  if (args.out === undefined) throw new CliFailure(EXIT.usage, 'needs-out', { command: 'consolidate' });
  for (let i = 0; i < args.returns.length; i++)
    for (let j = i + 1; j < args.returns.length; j++)
      if (sameFile(args.returns[i]!, args.returns[j]!)) throw new CliFailure(EXIT.usage, 'duplicate-return', { path: args.returns[j]!, other: args.returns[i]! });
  const departments = parseDepartments(args.departments, args.returns);
  const outputs: Array<[string, string]> = [];
  for (const [option, file] of [['--out', args.out], ['--report', args.report], ['--html', args.html]] as Array<[string, string | undefined]>) if (file !== undefined) outputs.push([option, file]);
  for (const [option, file] of outputs) {
    const hit = args.returns.find((r) => sameFile(r, file));
    if (hit !== undefined) throw new CliFailure(EXIT.usage, 'output-is-return', { option, path: hit });
    checkWritable(file);
  }
  for (let i = 0; i < outputs.length; i++)
    for (let j = i + 1; j < outputs.length; j++)
      if (sameFile(outputs[i]![1], outputs[j]![1])) throw new CliFailure(EXIT.usage, 'outputs-clash', { a: outputs[i]![0], b: outputs[j]![0] });
  checkOutputFiles(args, args.force);

  const criteria = loadCriteria(args.criteria, lang);
  const names = returnNames(args.returns);
  const inputs: ReturnInput[] = [];
  const failures: CliFailure[] = [];
  const failed: string[] = [];
  for (let i = 0; i < args.returns.length; i++) {
    try {
      inputs.push(await readReturn(args.returns[i]!, names[i]!, criteria, departments.get(i), lang));
    } catch (e) {
      if (!(e instanceof CliFailure)) throw e;
      failures.push(e);
      failed.push(args.returns[i]!);
    }
  }
  if (failures.length) {
    // No partial master: every return counts. The first failure, and the others by name.
    const first = failures[0]!;
    const more: { key: CliMessageKey; params: Record<string, string> } =
      failures.length > 1 ? { key: 'also-unreadable', params: { files: failed.slice(1).join(', ') } } : { key: 'nothing-consolidated', params: {} };
    throw new CliFailure(first.code, first.key, first.params, more);
  }

  const c = consolidate(criteria, inputs);
  const scored = scoreAll(criteria, c.entries);
  const master = buildMasterSheet(criteria, c, scored, { lang });
  const results = locateInMaster(scored, c, master);
  const summary = summarise(criteria, results);
  const workbook = path.basename(args.out);

  io.stdout.write(formatConsolidation({ criteria, consolidation: c, summary, workbook, sheet: master.name, lang }));

  const now = (io.now ?? (() => new Date()))();
  const written: string[] = [];
  const wb = createWorkbook({ creator: 'gnlc', date: now, title: String(master.rows[1]?.[0]?.value ?? master.name) });
  writeTemplateSheet(wb.addWorksheet(master.name), master);
  const summaryName = safeSheetName(SUMMARY_NAME[lang], [master.name]);
  const summarySheet = buildSummarySheet(criteria, results, summary, { lang, sourceSheet: master.name, name: summaryName, workbookName: workbook });
  writeSheetContent(wb.addWorksheet(summaryName), summarySheet);
  await writeFileAtomic(args.out, await writeWorkbookBuffer(wb), args);
  written.push(cliMessage('wrote-master', lang, { path: args.out, sheet: master.name, summary: summaryName }));
  if (summarySheet.chart) written.push(cliMessage('no-chart', lang));

  if (args.report !== undefined) {
    const report = buildConsolidationReport({ criteria, results, consolidation: c, workbook, sheet: master.name, lang });
    await writeFileAtomic(args.report, JSON.stringify(report, null, 2) + '\n', args);
    written.push(cliMessage('wrote-report', lang, { path: args.report }));
  }
  if (args.html !== undefined) {
    const page = renderHtmlReport({ criteria, results, summary, consolidation: c, lang, workbook, sheet: master.name, date: formatRunDate(now, lang) });
    await writeFileAtomic(args.html, page, args);
    written.push(cliMessage('wrote-html', lang, { path: args.html }));
  }
  io.stdout.write('\n' + written.join('\n') + '\n');
  return EXIT.ok;
}
