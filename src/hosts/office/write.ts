/// <reference types="office-js" />
/**
 * The write batch: a WritePlan turned into queued Office.js commands, sent with ONE
 * context.sync() when the payload fits, else in as few syncs as the payload limit allows.
 *
 * - Status fills: one Worksheet.getRanges("E10:E12,E15,…").format.fill.color per colour per
 *   address chunk (runs of cells compressed into areas; lists cut under 8,192 characters).
 * - Restores: grouped the same way by original fill; a "no fill" original → fill.clear().
 * - Summary sheet: rewritten in place when it exists (cleared, its charts deleted; the sheet is
 *   never deleted, which would clear the person's undo stack), added when not. Values and number
 *   formats as one 2-D array per block; bold, italic, font colour, size, fill, wrap grouped by
 *   value into multi-area calls; a hyperlink per linked cell; column widths; frozen rows; the chart.
 * - State sheet: added VeryHidden when missing; column A cleared and written from encodeState.
 *
 * Order matters when the plan is split over several syncs: restores, then the state (it holds
 * the originals of the fills that follow), then fills, then the summary.
 */
import { OutCell, STATE_SHEET, SheetContent, encodeState } from '../../core/plan';
import type { WritePlan } from '../../core/pipeline';
import type { FillSpec } from '../../core/snapshot';
import { toA1 } from '../../core/snapshot';
import { MAX_ADDRESS_LENGTH, chunkAddressList, columnsAddress, compressAddresses, rectAddress, sheetReference } from './addresses';
import type { Tally, WorkbookFacts } from './read';

/** The name the product gives its chart on the summary sheet. */
export const SUMMARY_CHART_NAME = 'GNLC chart';

/** Fill patterns the Excel API can set (gradients cannot be set through RangeFill). */
const SETTABLE_PATTERNS = new Set(['Solid', 'Gray50', 'Gray75', 'Gray25', 'Horizontal', 'Vertical', 'Down', 'Up', 'Checker', 'SemiGray75', 'LightHorizontal', 'LightVertical', 'LightDown', 'LightUp', 'Grid', 'CrissCross', 'Gray16', 'Gray8']);

export interface WriteSettings {
  /** Payload budget of one sync, in cells (see `cost` below). */
  writeCellsPerSync: number;
  charts: boolean;
}

/** One unit of work; `cost` ≈ cells it sends (a long text counts one cell per 100 characters). */
interface Step {
  cost: number;
  run: (refs: Refs) => void;
}

/** The proxies the steps share, made on first use (and reused by later syncs of the same run). */
class Refs {
  private targetSheet: Excel.Worksheet | null = null;
  private summarySheet: Excel.Worksheet | null = null;
  private stateSheet: Excel.Worksheet | null = null;
  writeCalls = 0;
  constructor(
    private readonly context: Excel.RequestContext,
    private readonly plan: WritePlan,
    private readonly facts: WorkbookFacts,
  ) {}
  target(): Excel.Worksheet {
    return (this.targetSheet ??= this.context.workbook.worksheets.getItem(this.plan.sheet));
  }
  summary(): Excel.Worksheet {
    const s = this.plan.summary!;
    if (!this.summarySheet) {
      if (s.existing) this.summarySheet = this.context.workbook.worksheets.getItem(s.name);
      else {
        this.summarySheet = this.context.workbook.worksheets.add(s.name);
        this.writeCalls++;
      }
    }
    return this.summarySheet;
  }
  state(): Excel.Worksheet {
    if (!this.stateSheet) {
      if (this.facts.stateSheet) this.stateSheet = this.context.workbook.worksheets.getItem(STATE_SHEET);
      else {
        this.stateSheet = this.context.workbook.worksheets.add(STATE_SHEET);
        this.stateSheet.visibility = 'VeryHidden';
        this.writeCalls += 2;
      }
    }
    return this.stateSheet;
  }
}

function textCost(v: unknown): number {
  return typeof v === 'string' ? 1 + Math.floor(v.length / 100) : 1;
}

/**
 * Text Excel would take as something else when typed (a formula, number, date, boolean or
 * error) gets a leading apostrophe: Excel keeps the rest as text and out of the value.
 */
export function asText(s: string): string {
  return /^\s*[=+\-@'#(\d.,$€£¥%:]/.test(s) || /^\s*(true|false)\s*$/i.test(s) || /^[A-Za-z]{3,9}[\s\-/]\d/.test(s) ? "'" + s : s;
}

function cellValue(c: OutCell | undefined): string | number | null {
  if (!c || c.value === null) return null;
  return typeof c.value === 'string' ? asText(c.value) : c.value;
}

/** Excel column width (characters of the default font) → points, as the API sets it. */
export function charsToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

/** Steps that apply one setting to many cells: grouped by value, one multi-area call per chunk. */
function groupedSteps(
  groups: Map<string, string[]>,
  sheet: (r: Refs) => Excel.Worksheet,
  apply: (areas: Excel.RangeAreas, key: string, refs: Refs) => void,
  budget: number,
): Step[] {
  const steps: Step[] = [];
  for (const [key, addresses] of groups) {
    for (const chunk of chunkAddressList(compressAddresses(addresses), MAX_ADDRESS_LENGTH, budget)) {
      steps.push({ cost: chunk.areas, run: (r) => apply(sheet(r).getRanges(chunk.address), key, r) });
    }
  }
  return steps;
}

function add(map: Map<string, string[]>, key: string, address: string): void {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  list.push(address);
}

/** The fill a restore writes, every property Office.js can set (RangeFill: color, pattern 1.1; patternColor, tintAndShade, patternTintAndShade 1.9). */
interface RestoreFill {
  color: string;
  pattern: string;
  patternColor?: string;
  tintAndShade?: number;
  patternTintAndShade?: number;
}

/** 'none' for no fill, else the fill to write as a key (one write group per distinct fill). */
export function fillKey(f: FillSpec): string {
  if (f.color === null || f.pattern === 'None') return 'none';
  const out: RestoreFill = { color: f.color.toUpperCase(), pattern: f.pattern && SETTABLE_PATTERNS.has(f.pattern) ? f.pattern : 'Solid' };
  if (out.pattern !== 'Solid' && typeof f.patternColor === 'string') out.patternColor = f.patternColor.toUpperCase();
  if (typeof f.tintAndShade === 'number' && f.tintAndShade !== 0) out.tintAndShade = f.tintAndShade;
  if (out.pattern !== 'Solid' && typeof f.patternTintAndShade === 'number' && f.patternTintAndShade !== 0) out.patternTintAndShade = f.patternTintAndShade;
  return JSON.stringify(out);
}

/**
 * Queues a recorded fill onto a RangeFill (a range's or several areas'): the colour first (setting
 * it keeps the pattern), then the pattern, then what modifies them; 'none' clears. Returns the
 * write calls queued.
 */
export function queueFill(fill: Excel.RangeFill, spec: FillSpec): number {
  return queueFillKey(fill, fillKey(spec));
}

function queueFillKey(fill: Excel.RangeFill, key: string): number {
  if (key === 'none') {
    fill.clear();
    return 1;
  }
  const f = JSON.parse(key) as RestoreFill;
  let calls = 1;
  fill.color = f.color;
  if (f.pattern !== 'Solid') {
    fill.pattern = f.pattern as Excel.FillPattern;
    calls++;
  }
  if (f.patternColor !== undefined) {
    fill.patternColor = f.patternColor;
    calls++;
  }
  if (f.tintAndShade !== undefined) {
    fill.tintAndShade = f.tintAndShade;
    calls++;
  }
  if (f.patternTintAndShade !== undefined) {
    fill.patternTintAndShade = f.patternTintAndShade;
    calls++;
  }
  return calls;
}

function restoreSteps(plan: WritePlan, budget: number): Step[] {
  const groups = new Map<string, string[]>();
  for (const { address, fill } of plan.restore) add(groups, fillKey(fill), address);
  return groupedSteps(
    groups,
    (r) => r.target(),
    (areas, key, r) => {
      if (key === 'none') {
        areas.format.fill.clear();
        r.writeCalls++;
        return;
      }
      r.writeCalls += queueFillKey(areas.format.fill, key);
    },
    budget,
  );
}

function fillSteps(plan: WritePlan, facts: WorkbookFacts, budget: number): Step[] {
  const groups = new Map<string, string[]>();
  for (const g of plan.fills) for (const a of g.addresses) add(groups, g.color, a);
  // A colour set on a patterned cell keeps the pattern (Excel's Interior semantics): make those solid first.
  const patterned = facts.patterned.get(plan.sheet);
  const solid = new Map<string, string[]>();
  if (patterned?.size) for (const g of plan.fills) for (const a of g.addresses) if (patterned.has(a)) add(solid, 'Solid', a);
  const toSolid = groupedSteps(
    solid,
    (r) => r.target(),
    (areas, _k, r) => {
      areas.format.fill.pattern = 'Solid';
      r.writeCalls++;
    },
    budget,
  );
  return toSolid.concat(groupedSteps(
    groups,
    (r) => r.target(),
    (areas, color, r) => {
      areas.format.fill.color = color;
      r.writeCalls++;
    },
    budget,
  ));
}

/**
 * The state as ONE step (so always in one sync, alone when it is over the budget), whose first
 * command writes the whole state followed by an empty cell, which ends it for decodeState: a
 * batch that fails before that command leaves the old state, after it the new one — never none.
 * What an older, longer state left further down is cleared next (harmless if that fails).
 */
function stateSteps(plan: WritePlan): Step[] {
  const column = encodeState(plan.state).map((s) => "'" + s);
  const cost = 2 + column.reduce((n, s) => n + textCost(s), 0);
  const block = [...column.map((s) => [s]), ['']];
  const address = `A1:A${block.length}`;
  const rest = `A${block.length + 1}:A1048576`;
  return [
    {
      cost,
      run: (r) => {
        const sheet = r.state();
        sheet.getRange(address).values = block;
        sheet.getRange(rest).clear('Contents');
        r.writeCalls += 2;
      },
    },
  ];
}

function summarySteps(content: SheetContent & { existing: boolean }, facts: WorkbookFacts, settings: WriteSettings): Step[] {
  const budget = settings.writeCellsPerSync;
  const steps: Step[] = [];
  const oldCharts = content.existing ? facts.charts.get(content.name) ?? [] : [];
  steps.push({
    cost: 1 + oldCharts.length,
    run: (r) => {
      const sheet = r.summary();
      if (content.existing) {
        // In place: contents, formats and hyperlinks go; the sheet (and the undo stack) stays.
        sheet.getRange().clear('All');
        r.writeCalls++;
        for (const name of oldCharts) {
          sheet.charts.getItem(name).delete();
          r.writeCalls++;
        }
      }
    },
  });

  const rows = content.rows;
  const width = Math.max(1, ...rows.map((row) => row.length));
  const values: Array<Array<string | number | null>> = rows.map((row) => Array.from({ length: width }, (_, j) => cellValue(row[j])));
  if (values.length === 0) values.push(Array.from({ length: width }, () => null));
  values[0]![0] = asText(content.marker); // the marker the product finds its sheet by, in A1
  const formats = rows.map((row) => Array.from({ length: width }, (_, j) => row[j]?.numberFormat ?? 'General'));
  // Values (and number formats, before them) in row blocks that fit the budget.
  const anyFormats = formats.some((line) => line.some((f) => f !== 'General'));
  let start = 0;
  while (start < values.length) {
    let end = start;
    let cost = 0;
    while (end < values.length) {
      // A row's number formats travel with its values (the summary's marker and percentages have theirs).
      const rowCost = values[end]!.reduce((n: number, v) => n + textCost(v), 0) + (anyFormats ? formats[end]!.reduce((n: number, f) => n + textCost(f), 0) : 0);
      if (end > start && cost + rowCost > budget) break;
      cost += rowCost;
      end++;
    }
    const block = values.slice(start, end);
    const blockFormats = formats.slice(start, end);
    const withFormats = blockFormats.some((line) => line.some((f) => f !== 'General'));
    const address = rectAddress(start, 0, end - 1, width - 1);
    steps.push({
      cost,
      run: (r) => {
        const range = r.summary().getRange(address);
        if (withFormats) {
          range.numberFormat = blockFormats;
          r.writeCalls++;
        }
        range.values = block;
        r.writeCalls++;
      },
    });
    start = end;
  }

  // Formats, grouped by value.
  const fill = new Map<string, string[]>();
  const font = new Map<string, string[]>();
  const size = new Map<string, string[]>();
  const bold = new Map<string, string[]>();
  const italic = new Map<string, string[]>();
  const wrap = new Map<string, string[]>();
  const links: Array<{ address: string; reference: string; text: string }> = [];
  rows.forEach((row, i) =>
    row.forEach((c, j) => {
      const a = toA1(i, j);
      if (c.fill) add(fill, c.fill.toUpperCase(), a);
      if (c.font) add(font, c.font.toUpperCase(), a);
      if (c.size !== undefined) add(size, String(c.size), a);
      if (c.bold) add(bold, 'true', a);
      if (c.italic) add(italic, 'true', a);
      if (c.wrap) add(wrap, 'true', a);
      if (c.link) links.push({ address: a, reference: sheetReference(c.link.sheet, c.link.address), text: c.value === null ? c.link.address : String(c.value) });
    }),
  );
  const summary = (r: Refs) => r.summary();
  steps.push(
    ...groupedSteps(fill, summary, (areas, color, r) => void ((areas.format.fill.color = color), r.writeCalls++), budget),
    ...groupedSteps(font, summary, (areas, color, r) => void ((areas.format.font.color = color), r.writeCalls++), budget),
    ...groupedSteps(size, summary, (areas, s, r) => void ((areas.format.font.size = Number(s)), r.writeCalls++), budget),
    ...groupedSteps(bold, summary, (areas, _k, r) => void ((areas.format.font.bold = true), r.writeCalls++), budget),
    ...groupedSteps(italic, summary, (areas, _k, r) => void ((areas.format.font.italic = true), r.writeCalls++), budget),
    ...groupedSteps(wrap, summary, (areas, _k, r) => void ((areas.format.wrapText = true), r.writeCalls++), budget),
  );
  for (const link of links) {
    steps.push({
      cost: 1,
      run: (r) => {
        r.summary().getRange(link.address).hyperlink = { documentReference: link.reference, textToDisplay: link.text };
        r.writeCalls++;
      },
    });
  }

  // Column widths: contiguous columns of one width in one call.
  let c = 0;
  while (c < content.columnWidths.length) {
    const w = content.columnWidths[c]!;
    let last = c;
    while (content.columnWidths[last + 1] === w) last++;
    const address = columnsAddress(c, last);
    steps.push({
      cost: 1,
      run: (r) => {
        r.summary().getRange(address).format.columnWidth = charsToPoints(w);
        r.writeCalls++;
      },
    });
    c = last + 1;
  }
  if (content.frozenRows) {
    const n = content.frozenRows;
    steps.push({
      cost: 1,
      run: (r) => {
        r.summary().freezePanes.freezeRows(n);
        r.writeCalls++;
      },
    });
  }
  const chart = content.chart;
  if (chart && settings.charts) {
    steps.push({
      cost: 4 + chart.seriesColors.length,
      run: (r) => {
        const sheet = r.summary();
        const source = sheet.getRange(rectAddress(chart.range.top, chart.range.left, chart.range.bottom, chart.range.right));
        const added = sheet.charts.add('ColumnStacked', source, 'Columns');
        added.name = SUMMARY_CHART_NAME;
        added.title.text = chart.title;
        added.setPosition(toA1(chart.at.row, chart.at.col), chart.to ? toA1(chart.to.row, chart.to.col) : undefined);
        r.writeCalls += 4;
        chart.seriesColors.forEach((color, i) => {
          added.series.getItemAt(i).format.fill.setSolidColor(color);
          r.writeCalls++;
        });
      },
    });
  }
  return steps;
}

export interface ApplyOutcome {
  syncs: number;
  writeCalls: number;
  /** What the workbook holds now, for the next apply. */
  facts: WorkbookFacts;
}

/** Queues the plan and syncs: once when it fits the budget, else once per budget-full of steps. */
export async function applyPlan(context: Excel.RequestContext, plan: WritePlan, facts: WorkbookFacts, settings: WriteSettings, tally: Tally): Promise<ApplyOutcome> {
  const budget = Math.max(1, settings.writeCellsPerSync);
  const steps: Step[] = [...restoreSteps(plan, budget), ...(plan.keepState ? [] : stateSteps(plan)), ...fillSteps(plan, facts, budget)];
  if (plan.summary) steps.push(...summarySteps(plan.summary, facts, settings));

  const refs = new Refs(context, plan, facts);
  let syncs = 0;
  let pending = 0;
  let used = 0;
  for (const step of steps) {
    if (pending > 0 && used + step.cost > budget) {
      tally(syncs === 0 ? 'write' : 'writeChunk');
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- only past the payload limit: one sync per budget-full
      await context.sync();
      syncs++;
      pending = 0;
      used = 0;
    }
    step.run(refs);
    used += step.cost;
    pending++;
  }
  if (pending > 0) {
    tally(syncs === 0 ? 'write' : 'writeChunk');
    await context.sync();
    syncs++;
  }

  const sheetNames = [...facts.sheetNames];
  if (!facts.stateSheet) sheetNames.push(STATE_SHEET);
  const charts = new Map(facts.charts);
  if (plan.summary) {
    if (!plan.summary.existing) sheetNames.push(plan.summary.name);
    charts.set(plan.summary.name, plan.summary.chart && settings.charts ? [SUMMARY_CHART_NAME] : []);
  }
  const patterned = new Map(facts.patterned);
  const cells = patterned.get(plan.sheet);
  if (cells) {
    const now = new Set(cells);
    for (const g of plan.fills) for (const a of g.addresses) now.delete(a);
    for (const { address, fill } of plan.restore) if (fill.color !== null && fill.pattern !== undefined && fill.pattern !== 'None' && fill.pattern !== 'Solid') now.add(address);
    patterned.set(plan.sheet, now);
  }
  return { syncs, writeCalls: refs.writeCalls, facts: { sheetNames, stateSheet: true, charts, patterned } };
}

/** Only the state sheet (a mapping fixed by hand, saved for the next run). */
export async function applyState(context: Excel.RequestContext, plan: WritePlan, facts: WorkbookFacts, settings: WriteSettings, tally: Tally): Promise<ApplyOutcome> {
  return applyPlan(context, { ...plan, fills: [], restore: [] }, facts, settings, tally);
}
