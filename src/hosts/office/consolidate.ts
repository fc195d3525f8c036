/// <reference types="office-js" />
/**
 * "Gộp báo cáo": consolidates department returns that are sheets of the open workbook (typed in,
 * copied in, or inserted from files with `importReturnFiles`) into a NEW master sheet in the
 * canonical layout and a NEW summary sheet, as `gnlc consolidate` does for files: each sheet is
 * mapped as a single sheet is (a mapping fixed by hand and saved in the workbook wins), the
 * returns are merged (core/consolidate), the merged readings scored, and the results located in
 * the master sheet (core/locate-master). The returns' sheets are only read.
 *
 * Syncs: one read batch for every named sheet (used range values, value types, number formats,
 * texts, merged areas with ExcelApi 1.13, every sheet's name, the state sheet's column A), and
 * one write batch (master, summary, activate). Should Excel refuse calls on objects derived from a
 * null object (no state sheet, a sheet named that is not there: undocumented, see the self-check),
 * the failed batch costs two more syncs: the sheets' names, then the batch through getItem. Each used range is read whole in that batch:
 * appendix returns are a few thousand cells; a workbook of very large sheets could pass Excel on
 * the web's 5 MB response limit, which then fails the read (nothing is written).
 *
 * `importReturnFiles` (ExcelApi 1.13) inserts every sheet of each .xlsx file at the end of the
 * workbook with Workbook.insertWorksheetsFromBase64, one file per sync, and reports the new names.
 */
import type { CriteriaSet } from '../../core/criteria';
import { Consolidation, ReturnInput, buildMasterSheet, consolidate } from '../../core/consolidate';
import { locateInMaster } from '../../core/locate-master';
import { mapSheet, parseSavedMapping, readEntries } from '../../core/mapping';
import { SUMMARY_NAME } from '../../core/pipeline';
import { STATE_SHEET } from '../../core/plan';
import type { CellContent } from '../../core/read';
import { IndicatorResult, scoreAll } from '../../core/score';
import { CellArea, SheetSnapshot, safeSheetName } from '../../core/snapshot';
import { Summary, summarise } from '../../core/summary';
import { buildSummarySheet } from '../../core/summary-sheet';
import type { Lang } from '../../i18n/format';
import type { ExcelRunner } from './host';
import { API_SET, API_VERSIONS, IsSetSupported, officeIsSetSupported } from './requirements';
import { mayBeDerivedCall, queueStateColumnRead } from './read';
import { syncPageLayoutApart } from './page-layout';
import { queueSheetContent, queueTemplateExtras } from './template';
import { VALUE_TYPE } from './value-types';

export interface ConsolidateRequest {
  /** Sheets of the workbook holding the returns, in the order the report names them. */
  sheets: string[];
  /** Sheet → the department whose return it is (wins over the template header and the guess). */
  departments?: Record<string, string>;
  lang: Lang;
  /** Office.context.requirements.isSetSupported by default. */
  isSetSupported?: IsSetSupported;
}

export interface ConsolidateOutcome {
  consolidation: Consolidation;
  /** The consolidated results, located in the master sheet. */
  results: IndicatorResult[];
  summary: Summary;
  /** The new master sheet and summary sheet. */
  masterSheet: string;
  summarySheet: string;
  syncs: number;
  writeCalls: number;
}

export class ConsolidateError extends Error {
  constructor(
    readonly code: 'NoSheets' | 'SheetMissing' | 'SheetEmpty',
    readonly sheet?: string,
  ) {
    super(code === 'NoSheets' ? 'no sheet to consolidate' : `${code}: ${sheet}`);
    this.name = 'ConsolidateError';
  }
}

interface Queued {
  name: string;
  sheet: Excel.Worksheet;
  used: Excel.Range;
  merged: Excel.RangeAreas | null;
}

function toSnapshot(q: Queued): SheetSnapshot {
  const used = q.used;
  if (used.isNullObject) return { name: q.sheet.name, origin: { row: 0, col: 0 }, cells: [], merges: [] };
  const cells = used.values.map((row, i) => {
    const line: Array<CellContent | null> = row.map((value, j) => {
      const type = VALUE_TYPE[String(used.valueTypes[i]?.[j])];
      if (type === 'empty') return null;
      const cell: CellContent = { value: value as CellContent['value'] };
      if (type !== undefined) cell.type = type;
      const format = used.numberFormat[i]?.[j];
      if (typeof format === 'string' && format !== 'General') cell.numberFormat = format;
      const shown = used.text[i]?.[j];
      if (typeof shown === 'string') cell.text = shown;
      return cell;
    });
    while (line.length && line[line.length - 1] === null) line.pop();
    return line;
  });
  const merges: CellArea[] =
    q.merged && !q.merged.isNullObject
      ? q.merged.areas.items.map((a) => ({ top: a.rowIndex, left: a.columnIndex, bottom: a.rowIndex + a.rowCount - 1, right: a.columnIndex + a.columnCount - 1 }))
      : [];
  return { name: q.sheet.name, origin: { row: used.rowIndex, col: used.columnIndex }, cells, merges };
}

/** Maps one return's sheet as a single sheet is mapped (a saved mapping of the same criteria wins). */
export function returnInput(sheet: SheetSnapshot, criteria: CriteriaSet, saved: unknown, department?: string): ReturnInput {
  const parsed = parseSavedMapping(saved);
  const mapping = mapSheet(sheet, criteria, parsed && parsed.criteriaId === criteria.id ? parsed : undefined);
  const input: ReturnInput = { name: sheet.name, entries: readEntries(sheet, mapping, criteria), mappedIds: Object.keys(mapping.placements) };
  if (mapping.header) input.header = mapping.header;
  if (department !== undefined && department.trim() !== '') input.department = department.trim();
  return input;
}

/** "Gộp báo cáo": the returns in the named sheets → a new master sheet and a new summary sheet. */
export async function consolidateSheets(run: ExcelRunner, criteria: CriteriaSet, request: ConsolidateRequest): Promise<ConsolidateOutcome> {
  const names = [...new Set(request.sheets)];
  if (!names.length) throw new ConsolidateError('NoSheets');
  const supports = request.isSetSupported ?? officeIsSetSupported;
  const merges = supports(API_SET, API_VERSIONS.mergedAreas);
  const charts = supports(API_SET, API_VERSIONS.charts);
  const pageLayout = supports(API_SET, API_VERSIONS.pageLayout);
  const { lang } = request;
  return run(async (context) => {
    let syncs = 0;
    const sheets = context.workbook.worksheets;
    /**
     * The read batch. `present` unknown: every sheet through getItemOrNullObject, with calls on what
     * may be a null object (what Excel does with those is not documented); known (the sheets' names
     * read by a sync before): a missing sheet is told at once, the others through getItem.
     */
    const read = async (present?: Set<string>) => {
      const absent = present ? names.find((n) => !present.has(n)) : undefined;
      if (absent !== undefined) throw new ConsolidateError('SheetMissing', absent);
      sheets.load('items/name');
      const queued: Queued[] = names.map((name) => {
        const sheet = present ? sheets.getItem(name) : sheets.getItemOrNullObject(name);
        sheet.load('name');
        const used = sheet.getUsedRangeOrNullObject(false);
        used.load('rowIndex,columnIndex,values,valueTypes,numberFormat,text');
        let merged: Excel.RangeAreas | null = null;
        if (merges) {
          merged = used.getMergedAreasOrNullObject();
          merged.areas.load('items/rowIndex,items/columnIndex,items/rowCount,items/columnCount');
        }
        return { name, sheet, used, merged };
      });
      const stateColumn = queueStateColumnRead(sheets, present ? present.has(STATE_SHEET) : undefined);
      syncs++;
      await context.sync();
      return { queued, state: stateColumn().state };
    };
    let answer: Awaited<ReturnType<typeof read>>;
    try {
      answer = await read();
    } catch (e) {
      // Excel may refuse calls on an object derived from a null object (no state sheet, a sheet
      // named that is not there): the batch again without them, after one sync for the names.
      if (e instanceof ConsolidateError || !mayBeDerivedCall(e)) throw e;
      sheets.load('items/name');
      syncs++;
      await context.sync();
      answer = await read(new Set(sheets.items.map((s) => s.name)));
    }
    const { queued, state } = answer;
    const missing = queued.find((q) => q.sheet.isNullObject);
    if (missing) throw new ConsolidateError('SheetMissing', missing.name);
    const inputs = queued.map((q) => {
      const snapshot = toSnapshot(q);
      return returnInput(snapshot, criteria, state?.mappings[snapshot.name], request.departments?.[q.name] ?? request.departments?.[snapshot.name]);
    });

    const c = consolidate(criteria, inputs);
    const scored = scoreAll(criteria, c.entries);
    const taken = sheets.items.map((s) => s.name);
    const base = buildMasterSheet(criteria, c, scored, { lang });
    const master = { ...base, name: safeSheetName(base.name, taken) };
    const results = locateInMaster(scored, c, master);
    const summary = summarise(criteria, results);
    const summaryName = safeSheetName(SUMMARY_NAME[lang], [...taken, master.name]);
    const summaryContent = buildSummarySheet(criteria, results, summary, { lang, sourceSheet: master.name, name: summaryName });

    const masterSheet = sheets.add(master.name);
    let writeCalls = 1;
    writeCalls += queueSheetContent(masterSheet, master, { charts: false }).writeCalls;
    writeCalls += queueTemplateExtras(masterSheet, master).writeCalls;
    const summarySheet = sheets.add(summaryName);
    writeCalls += 1 + queueSheetContent(summarySheet, summaryContent, { charts }).writeCalls;
    summarySheet.activate();
    writeCalls++;
    syncs++;
    await context.sync();
    // Their page setup in syncs of their own (page-layout.ts: a refusal leaves both sheets standing).
    if (pageLayout) {
      syncs += (await syncPageLayoutApart(context, masterSheet, master)).syncs;
      syncs += (await syncPageLayoutApart(context, summarySheet, summaryContent)).syncs;
    }
    return { consolidation: c, results, summary, masterSheet: master.name, summarySheet: summaryName, syncs, writeCalls };
  });
}

export interface ReturnFile {
  /** The file's name ("Sở Y tế.xlsx"). */
  name: string;
  /** The file's bytes, base64 (no "data:" prefix). */
  base64: string;
}

/**
 * Inserts every sheet of each file at the end of the workbook and returns the new sheets' names by
 * file. Excel names a sheet whose name is taken "Name (2)".
 * - One file per sync: the base64 text is the request's payload, and Excel on the web refuses a
 *   request over 5 MB ("Resource limits and performance optimization for Office Add-ins"), so
 *   files are never added up into one request; a file Excel refuses fails alone, after the files
 *   before it went in (the error says which file: `file` on the error).
 * - insertWorksheetsFromBase64 answers the new sheets' IDs (@types/office-js: "Returns an array
 *   of IDs corresponding to each newly inserted worksheet"): one last sync turns them into names.
 */
export async function importReturnFiles(run: ExcelRunner, files: readonly ReturnFile[]): Promise<Array<{ file: string; sheets: string[] }>> {
  if (!files.length) return [];
  return run(async (context) => {
    const wb = context.workbook as Excel.Workbook;
    const inserted: Array<{ file: string; ids: string[] }> = [];
    for (const f of files) {
      const ids = wb.insertWorksheetsFromBase64(f.base64.replace(/^data:[^,]*,/, ''), { positionType: 'End' });
      try {
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one file per request: Excel on the web's 5 MB request limit
        await context.sync();
      } catch (e) {
        if (e && typeof e === 'object') Object.assign(e, { file: f.name, imported: inserted.map((i) => i.file) });
        throw e;
      }
      inserted.push({ file: f.name, ids: [...ids.value] });
    }
    const sheets = wb.worksheets;
    sheets.load('items/id,items/name');
    await context.sync();
    const nameOf = new Map(sheets.items.map((s) => [s.id, s.name]));
    // An answer that is not a known ID is taken as the sheet's name (what older builds are said to answer).
    return inserted.map((r) => ({ file: r.file, sheets: r.ids.map((id) => nameOf.get(id) ?? id) }));
  });
}
