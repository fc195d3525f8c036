/// <reference types="office-js" />
/**
 * The self-check's runner: asks the Excel it runs in what the product relies on (the contract and
 * its judge: src/core/selfcheck/contract.ts), on a scratch sheet it adds and deletes afterwards
 * (deleting a sheet clears Excel's undo history: the page asks before it starts). Every check runs
 * in its own Excel.run and cannot stop the others; the scratch sheet is deleted whatever happens.
 */
import { CHECKS, CheckId, CheckResult, FILL_CASES, Observation, PAGE_LAYOUT_CASE, Skipped, judge } from '../../core/selfcheck/contract';
import { STATUS_FILL } from '../../core/status';
import type { FillSpec } from '../../core/snapshot';
import { OfficeHost, type ExcelRunner } from './host';
import { CELL_PROPERTIES, errorCode, fillSpecOf } from './read';
import { API_SET, API_VERSIONS, IsSetSupported, officeCreateWorkbookMember, officeIsSetSupported } from './requirements';
import { PAGE_LAYOUT_API, syncPageLayoutApart } from './page-layout';
import { queueFill } from './write';

export interface SelfCheckOptions {
  /** base64 of a workbook with one sheet, for the import check (a real .xlsx in Excel; the fake's own in jest). */
  importSample?: string;
  isSetSupported?: IsSetSupported;
  /** How long to wait for change events. Default 2,000 ms. */
  eventWaitMs?: number;
  /** Excel.createWorkbook as this Excel has it (only its type is looked at; it is never called). Default: Office.js's. */
  createWorkbook?: unknown;
  /** Called as each check ends. */
  onResult?: (result: CheckResult) => void;
}

export interface SelfCheckOutcome {
  results: CheckResult[];
  /** The scratch sheet was deleted (false: it is still in the workbook, named here). */
  sheetRemoved: boolean;
  sheet: string;
}

const FILL_ROWS: Record<keyof typeof FILL_CASES, string> = { 'fill-none': 'A1', 'fill-white': 'A2', 'fill-theme': 'A3', 'fill-pattern': 'A4' };
const FILL_PROPS = CELL_PROPERTIES;
const MERGED = 513;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const codeOf = (e: unknown) => errorCode(e) ?? (e instanceof Error ? e.message : String(e));

/** Runs the whole contract against the Excel behind `run`. */
export async function runSelfCheck(run: ExcelRunner, options: SelfCheckOptions = {}): Promise<SelfCheckOutcome> {
  const supports = options.isSetSupported ?? officeIsSetSupported;
  const sheet = `GNLC kiểm tra ${Math.random().toString(36).slice(2, 6)}`;
  const results: CheckResult[] = [];
  const record = (o: Observation | Skipped) => {
    const r = judge(o);
    results.push(r);
    options.onResult?.(r);
  };
  const attempt = async (ids: CheckId[], body: () => Promise<void>) => {
    try {
      await body();
    } catch (e) {
      for (const id of ids) if (!results.some((r) => r.id === id)) record({ id, skipped: true, reason: `error ${codeOf(e)}` });
    }
  };

  await run(async (context) => {
    context.workbook.worksheets.add(sheet);
    await context.sync();
  });
  let removed = false;
  try {
    await attempt(['fill-none', 'fill-white', 'fill-theme', 'fill-pattern', 'fill-restore'], () => fills(run, sheet, record));
    await attempt(['null-object', 'null-chain'], () => nullObjects(run, record));
    await attempt(['read-syncs'], async () => {
      const host = new OfficeHost(run, { isSetSupported: supports });
      await host.read(sheet);
      record({ id: 'read-syncs', syncs: host.stats.syncs, failedSyncs: host.stats.retries });
    });
    await attempt(['merged-cap'], () => merged(run, sheet, supports, record));
    await attempt(['events'], () => events(run, sheet, options.eventWaitMs ?? 2000, record));
    // Before "protection": the page setup needs the scratch sheet unprotected.
    await attempt(['page-layout'], () => pageLayout(run, sheet, supports, record));
    await attempt(['protection'], () => protection(run, sheet, record));
    if (options.importSample && supports(API_SET, '1.13')) await attempt(['import'], () => importing(run, options.importSample!, record));
    else record({ id: 'import', skipped: true, reason: options.importSample ? 'ExcelApi 1.13 not supported' : 'no sample file' });
    // Only asked: opening a workbook the person did not ask for is not a check.
    const member = 'createWorkbook' in options ? options.createWorkbook : officeCreateWorkbookMember();
    record({ id: 'create-workbook', apiSet: supports(API_SET, API_VERSIONS.createWorkbook), createWorkbook: typeof member });
  } finally {
    removed = await run(async (context) => {
      const guard = protectionOf(context, sheet);
      guard.load('protected');
      await context.sync();
      if (guard.protected) guard.unprotect();
      context.workbook.worksheets.getItem(sheet).delete();
      await context.sync();
      return true;
    }).catch(() => false);
  }
  const order = (id: CheckId) => CHECKS.findIndex((c) => c.id === id);
  return { results: results.sort((a, b) => order(a.id) - order(b.id)), sheetRemoved: removed, sheet };
}

type Record_ = (o: Observation | Skipped) => void;

/** A sheet's protection (the office-addins lint rules take a navigation for a read). */
function protectionOf(context: Excel.RequestContext, sheet: string): Excel.WorksheetProtection {
  return context.workbook.worksheets.getItem(sheet).protection;
}

/** A sheet's page layout (a navigation, not a read). */
function pageLayoutOf(context: Excel.RequestContext, sheet: string): Excel.PageLayout {
  return context.workbook.worksheets.getItem(sheet).pageLayout;
}

/** A cell's RangeFill (set, never read, by the checks). */
function fillOf(ws: Excel.Worksheet, address: string): Excel.RangeFill {
  return ws.getRange(address).format.fill;
}

async function fills(run: ExcelRunner, sheet: string, record: Record_): Promise<void> {
  const read = await run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    for (const [id, address] of Object.entries(FILL_ROWS) as Array<[keyof typeof FILL_CASES, string]>) {
      const fill = fillOf(ws, address);
      const want = FILL_CASES[id];
      if (want === null) fill.clear();
      else {
        fill.color = want.color;
        if ('pattern' in want) fill.pattern = want.pattern as Excel.FillPattern;
        if ('patternColor' in want) fill.patternColor = want.patternColor;
        if ('tintAndShade' in want) fill.tintAndShade = want.tintAndShade;
      }
    }
    await context.sync();
    const props = ws.getRange('A1:A4').getCellProperties(FILL_PROPS);
    await context.sync();
    return props.value.map((row) => row[0]);
  });
  const specs: Record<string, FillSpec> = {};
  (Object.keys(FILL_ROWS) as Array<keyof typeof FILL_CASES>).forEach((id, i) => {
    const raw = read[i]?.format?.fill ?? null;
    specs[id] = fillSpecOf(read[i]);
    record({ id, raw: { format: { fill: raw } }, read: specs[id]! });
  });
  // "Chấm điểm" then "Xóa màu" on the theme colour and the pattern: the status colour over them, then the recorded fill back.
  const cells: Array<[string, FillSpec]> = [
    ['A3', specs['fill-theme']!],
    ['A4', specs['fill-pattern']!],
  ];
  const after = await run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    for (const [a] of cells) {
      const fill = fillOf(ws, a);
      fill.pattern = 'Solid';
      fill.color = STATUS_FILL.met;
    }
    await context.sync();
    for (const [a, spec] of cells) queueFill(fillOf(ws, a), spec);
    await context.sync();
    const props = ws.getRange('A3:A4').getCellProperties(FILL_PROPS);
    await context.sync();
    return props.value.map((row) => fillSpecOf(row[0]));
  });
  record({ id: 'fill-restore', pairs: cells.map(([, before], i) => ({ before, after: after[i]! })) });
}

async function nullObjects(run: ExcelRunner, record: Record_): Promise<void> {
  const missing = 'GNLC không có trang này';
  const isNull = await run(async (context) => {
    const ws = context.workbook.worksheets.getItemOrNullObject(missing);
    ws.load('name');
    await context.sync();
    return ws.isNullObject;
  });
  record({ id: 'null-object', isNullObject: isNull });
  const chain = await run(async (context) => {
    const a1 = context.workbook.worksheets.getItemOrNullObject(missing).getRange('A1');
    a1.load('values');
    try {
      await context.sync();
      return { answer: 'null' as const };
    } catch (e) {
      return { answer: 'error' as const, code: codeOf(e) };
    }
  });
  record({ id: 'null-chain', ...chain });
}

async function merged(run: ExcelRunner, sheet: string, supports: IsSetSupported, record: Record_): Promise<void> {
  if (!supports(API_SET, '1.13')) {
    record({ id: 'merged-cap', skipped: true, reason: 'ExcelApi 1.13 not supported' });
    return;
  }
  const direct = await run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    for (let i = 0; i < MERGED; i++) ws.getRange(`C${10 + i}:D${10 + i}`).merge(false);
    await context.sync();
    const areas = ws.getRange(`C1:D${10 + MERGED}`).getMergedAreasOrNullObject();
    areas.load('areaCount');
    try {
      await context.sync();
      return { direct: 'all' as const };
    } catch (e) {
      return { direct: 'error' as const, code: codeOf(e) };
    }
  });
  const host = new OfficeHost(run, { isSetSupported: supports });
  const read = await host.read(sheet);
  record({ id: 'merged-cap', areas: MERGED, ...direct, productRead: read.sheet.merges.length });
}

async function events(run: ExcelRunner, sheet: string, waitMs: number, record: Record_): Promise<void> {
  const seen = { value: false, triggerSource: undefined as string | undefined, formatOnChanged: false, formatOnFormatChanged: false as boolean | 'unsupported' };
  // One Excel.run: handlers are removed through the context that added them.
  await run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    const changed = ws.onChanged.add(async (args) => {
      if (/F1\b/.test(args.address)) {
        seen.value = true;
        seen.triggerSource = args.triggerSource;
      }
      if (/F2\b/.test(args.address)) seen.formatOnChanged = true;
    });
    let format: OfficeExtension.EventHandlerResult<Excel.WorksheetFormatChangedEventArgs> | null = null;
    try {
      format = ws.onFormatChanged.add(async (args) => {
        if (/F2\b/.test(args.address)) seen.formatOnFormatChanged = true;
      });
    } catch {
      seen.formatOnFormatChanged = 'unsupported';
    }
    await context.sync();
    ws.getRange('F1').values = [['GNLC']];
    await context.sync();
    ws.getRange('F2').format.fill.color = STATUS_FILL.unmet;
    await context.sync();
    await sleep(waitMs);
    changed.remove();
    format?.remove();
    await context.sync();
  });
  record({ id: 'events', valueEvent: seen.value, ...(seen.triggerSource ? { triggerSource: seen.triggerSource } : {}), formatOnChanged: seen.formatOnChanged, formatOnFormatChanged: seen.formatOnFormatChanged });
}

async function protection(run: ExcelRunner, sheet: string, record: Record_): Promise<void> {
  const out = await run(async (context) => {
    const guard = protectionOf(context, sheet);
    guard.protect();
    await context.sync();
    guard.load('protected');
    await context.sync();
    const protectedRead = guard.protected;
    fillOf(context.workbook.worksheets.getItem(sheet), 'G1').color = STATUS_FILL.met;
    let refused: { writeRefused: boolean; code?: string } = { writeRefused: false };
    try {
      await context.sync();
    } catch (e) {
      refused = { writeRefused: true, code: codeOf(e) };
    }
    guard.unprotect();
    await context.sync();
    return { protectedRead, ...refused };
  });
  record({ id: 'protection', ...out });
}

/**
 * The product's page setup (page-layout.ts, the same function the summary sheet, templates and the
 * master use) on the scratch sheet, synced apart, then read back. The sheet goes at the end with
 * its page setup, print area and print titles (sheet-scoped names), so nothing is left behind.
 */
async function pageLayout(run: ExcelRunner, sheet: string, supports: IsSetSupported, record: Record_): Promise<void> {
  if (!supports(API_SET, PAGE_LAYOUT_API)) {
    record({ id: 'page-layout', skipped: true, reason: `ExcelApi ${PAGE_LAYOUT_API} not supported` });
    return;
  }
  const want = PAGE_LAYOUT_CASE;
  const out = await run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    const content = {
      rows: Array.from({ length: want.rows }, () => []),
      columnWidths: Array.from({ length: want.columns }, () => 10),
      print: { titleRows: { first: 0, last: 0 }, footer: want.centerFooter },
    };
    const { refused } = await syncPageLayoutApart(context, ws, content);
    if (refused !== null) return { refused };
    const layout = pageLayoutOf(context, sheet);
    layout.load('orientation,paperSize,zoom');
    const footer = layout.headersFooters.defaultForAllPages;
    footer.load('centerFooter');
    await context.sync();
    return {
      refused,
      read: { orientation: layout.orientation, paperSize: layout.paperSize, horizontalFitToPages: layout.zoom?.horizontalFitToPages ?? null, centerFooter: footer.centerFooter },
    };
  });
  record({ id: 'page-layout', ...out });
}

async function importing(run: ExcelRunner, base64: string, record: Record_): Promise<void> {
  const out = await run(async (context) => {
    const wb = context.workbook as Excel.Workbook;
    const ids = wb.insertWorksheetsFromBase64(base64, { positionType: 'End' });
    await context.sync();
    const sheets = wb.worksheets;
    sheets.load('items/id,items/name');
    await context.sync();
    const answered = [...ids.value];
    const byId = new Map(sheets.items.map((s) => [s.id, s.name]));
    const names = answered.map((a) => byId.get(a) ?? a);
    const resolved = names.every((n) => sheets.items.some((s) => s.name === n));
    for (const n of names) if (sheets.items.some((s) => s.name === n)) sheets.getItem(n).delete();
    await context.sync();
    return { answered, names, resolved };
  });
  record({ id: 'import', ...out });
}
