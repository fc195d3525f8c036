/**
 * Which cells of an indicator's block hold which of its fields: the printed labels ("Nam",
 * "Hộ cận nghèo"), group headings, units and marks told apart, and a value placed beside its label,
 * below it, or where the sheet's other values are. Pure.
 */
import { Indicator } from '../criteria';
import { toA1 } from '../snapshot';
import { MARK_ONLY, PERCENT, PRINTED_BLANK, UNITS, isUnitWords } from '../vocabulary';
import { YearColumns } from './appendix-layout';
import { Block } from './blocks';
import { SheetView, contentText, isBlankContent } from './grid';
import { own, record } from './records';
import { best, overlap, similarity, tokens } from './similarity';

/** Text that is a figure ("1.245", "97,2 %", "+3"). */
const FIGURE = /^\s*[+\-−–]?\d[\d.,\s]*\s*%?\s*$/;

type CellClass = 'empty' | 'covered' | 'unit' | 'label' | 'mark' | 'value';

interface LabelMatch {
  /** Field keys printed with this label (several when groups repeat "Nam", "Nữ", …). */
  keys: string[];
  /** True when a figure was typed in the label's cell ("Nam: 1.250 trẻ"). */
  inline: boolean;
}

interface FieldMatcher {
  labels: Array<{ words: string[]; keys: string[] }>;
  groups: Array<{ group: string; tokens: Set<string> }>;
}

function fieldMatcher(view: SheetView, indicator: Indicator): FieldMatcher {
  const byLabel = new Map<string, string[]>();
  for (const f of indicator.fields) {
    for (const label of [f.label, f.labelEn]) {
      if (!label) continue;
      const w = view.words(label);
      if (!w || w === PERCENT) continue;
      const keys = byLabel.get(w) ?? [];
      if (!keys.includes(f.key)) keys.push(f.key);
      byLabel.set(w, keys);
    }
  }
  const labels = [...byLabel.entries()].map(([w, keys]) => ({ words: w.split(' '), keys })).sort((a, b) => b.words.length - a.words.length);
  const groups: FieldMatcher['groups'] = [];
  for (const f of indicator.fields)
    for (const g of [f.group, f.groupEn])
      if (g && !groups.some((x) => x.group === f.group)) groups.push({ group: f.group!, tokens: tokens(view.words(g)) });
  return { labels, groups };
}

/** Which field label, if any, a cell's text starts with. */
function matchLabel(words: string, matcher: FieldMatcher): LabelMatch | null {
  if (!words) return null;
  const list = words.split(' ');
  for (const l of matcher.labels) {
    if (l.words.length > list.length) continue;
    let ok = true;
    for (let i = 0; i < l.words.length; i++)
      if (l.words[i] !== list[i]) {
        ok = false;
        break;
      }
    if (!ok) continue;
    const rest = list.slice(l.words.length);
    if (rest.length > 6) continue;
    // Anything typed after the label but its unit is the value ("Nam: 1.250 trẻ", "Nữ: chưa có").
    return { keys: l.keys, inline: rest.some((t) => !UNITS.has(t)) };
  }
  // A label written a little differently ("Lao động nữ được đào tạo"): the closest label, if close.
  const t = new Set(list.filter((x) => !/\d/.test(x) && !UNITS.has(x)));
  if (t.size < 2) return null;
  const closest = best(matcher.labels, (l) => (l.words.length < 2 ? undefined : overlap(t, new Set(l.words)).dice));
  if (closest && closest.score >= 0.7 && closest.score - (closest.second ?? 0) >= 0.05) return { keys: closest.item.keys, inline: list.some((x) => /\d/.test(x)) && list.length > 1 };
  return null;
}

function matchGroup(words: string, matcher: FieldMatcher): string | null {
  if (!matcher.groups.length || !words) return null;
  const t = tokens(words);
  const closest = best(matcher.groups, (g) => similarity(t, g.tokens));
  return closest && closest.score >= 0.6 ? closest.item.group : null;
}

interface BlockCell {
  row: number;
  col: number;
  cls: CellClass;
  label?: LabelMatch;
  group?: string;
  numeric: boolean;
}

/** Sheet-wide tendencies of the data area, to place a blank value where the others are. */
export interface DataStats {
  valueCol: number | undefined;
}

function classify(view: SheetView, row: number, col: number, matcher: FieldMatcher | null): BlockCell {
  if (view.covered(row, col)) return { row, col, cls: 'covered', numeric: false };
  const content = view.cell(row, col);
  if (isBlankContent(content)) return { row, col, cls: 'empty', numeric: false };
  const text = contentText(content);
  const numeric = typeof content!.value === 'number' || /\d/.test(text);
  if (typeof content!.value !== 'string') return { row, col, cls: 'value', numeric };
  if (MARK_ONLY.test(text)) return { row, col, cls: 'mark', numeric: false };
  const words = view.words(text);
  if (isUnitWords(words) || /^\(?\s*%\s*\)?$/.test(text.trim())) return { row, col, cls: 'unit', numeric: false };
  if (matcher) {
    const label = matchLabel(words, matcher);
    if (label) return { row, col, cls: 'label', label, numeric };
    const group = matchGroup(words, matcher);
    if (group) return { row, col, cls: 'label', group, numeric: false };
  }
  // Printed placeholders ("……") are blanks waiting to be filled.
  if (PRINTED_BLANK.test(text)) return { row, col, cls: 'empty', numeric: false };
  return { row, col, cls: 'value', numeric };
}

export function computeStats(view: SheetView, blocks: Block[], data: number[]): DataStats {
  const counts = new Map<number, number>();
  for (const b of blocks)
    for (const r of b.rows)
      for (const c of data) {
        const content = view.cell(r, c);
        if (isBlankContent(content)) continue;
        const v = content!.value;
        if (typeof v === 'number' || (typeof v === 'string' && FIGURE.test(v))) counts.set(c, (counts.get(c) ?? 0) + 1);
      }
  let valueCol: number | undefined;
  let most = 0;
  for (const [c, n] of counts)
    if (n > most) {
      most = n;
      valueCol = c;
    }
  return { valueCol };
}

type TrendPairs = Record<string, { previous?: string; current?: string }>;

/** A cell that holds a figure (a number, or text that is one). */
function holdsFigure(view: SheetView, row: number, col: number): boolean {
  const content = view.cell(row, col);
  if (isBlankContent(content)) return false;
  const v = content!.value;
  return typeof v === 'number' || (typeof v === 'string' && FIGURE.test(v));
}

/**
 * A trend given as the two years' figures, in a data area with a column per year: the first row of
 * the block with a figure under either year. Its cells are then the pair's, not the trend field's.
 */
function yearPair(view: SheetView, block: Block, years: YearColumns | undefined): { row: number; pair: { previous: string; current: string } } | null {
  if (!years) return null;
  for (const r of block.rows)
    if (holdsFigure(view, r, years.current) || holdsFigure(view, r, years.previous)) return { row: r, pair: { previous: toA1(r, years.previous), current: toA1(r, years.current) } };
  return null;
}

export function assignFields(
  view: SheetView,
  block: Block,
  indicator: Indicator,
  data: number[],
  stats: DataStats,
  years?: YearColumns,
): { fields: Record<string, string[]>; trendPairs?: TrendPairs } {
  const fields = record<string[]>();
  if (!data.length) return { fields };
  const choiceOnly = indicator.fields.length === 1 && (indicator.fields[0]!.kind === 'rating' || indicator.fields[0]!.kind === 'trend');
  if (choiceOnly) {
    const field = indicator.fields[0]!;
    const pair = field.kind === 'trend' ? yearPair(view, block, years) : null;
    // Every cell of the printed choice block, in reading order (but a year pair's figures).
    const all: string[] = [];
    for (const r of block.rows) for (const c of data) if (!view.covered(r, c) && !(pair && pair.row === r && c === years!.current)) all.push(toA1(r, c));
    fields[field.key] = all;
    if (pair) {
      const trendPairs: TrendPairs = record();
      trendPairs[field.key] = pair.pair;
      return { fields, trendPairs };
    }
    return { fields };
  }
  const matcher = fieldMatcher(view, indicator);
  const grid: BlockCell[][] = block.rows.map((r) => data.map((c) => classify(view, r, c, matcher)));
  const used = new Set<string>();
  const assigned = (key: string) => own(fields, key) !== undefined;
  const keyOrder = indicator.fields.map((f) => f.key);
  const groupOf = new Map(indicator.fields.map((f) => [f.key, f.group]));
  let group: string | null = null;

  const slotFor = (ri: number, ci: number, inline: boolean): BlockCell => {
    const row = grid[ri]!;
    const self = row[ci]!;
    if (inline) return self;
    let firstEmpty: BlockCell | undefined;
    for (let j = ci + 1; j < row.length; j++) {
      const cell = row[j]!;
      if (cell.cls === 'covered' || cell.cls === 'unit') continue;
      if (cell.cls === 'label') break;
      if (cell.cls === 'value' || cell.cls === 'mark') return used.has(`${cell.row}:${cell.col}`) ? firstEmpty ?? self : cell;
      if (cell.cls === 'empty' && !firstEmpty) firstEmpty = cell;
    }
    if (firstEmpty) return firstEmpty;
    const below = grid[ri + 1]?.[ci];
    if (below && below.cls === 'value') return below;
    return self;
  };

  for (let ri = 0; ri < grid.length; ri++) {
    const row = grid[ri]!;
    for (let ci = 0; ci < row.length; ci++) {
      const cell = row[ci]!;
      if (cell.cls !== 'label') continue;
      if (cell.group !== undefined) {
        group = cell.group;
        continue;
      }
      const label = cell.label!;
      const candidates = label.keys.filter((k) => !assigned(k));
      if (!candidates.length) continue;
      const inGroup = group !== null ? candidates.filter((k) => groupOf.get(k) === group) : [];
      const key = (inGroup.length ? inGroup : candidates).sort((a, b) => keyOrder.indexOf(a) - keyOrder.indexOf(b))[0]!;
      const slot = slotFor(ri, ci, label.inline);
      fields[key] = [toA1(slot.row, slot.col)];
      used.add(`${slot.row}:${slot.col}`);
    }
  }

  const missing = indicator.fields.filter((f) => !assigned(f.key));
  if (!missing.length) return { fields };
  const flat = grid.flat();
  const free = flat.filter((c) => (c.cls === 'value' || c.cls === 'mark') && !used.has(`${c.row}:${c.col}`));
  if (indicator.fields.length === 1) {
    const key = indicator.fields[0]!.key;
    const pick =
      free.find((c) => c.col === stats.valueCol && c.numeric) ??
      free.find((c) => c.numeric) ??
      free.find((c) => c.col === stats.valueCol) ??
      free[0] ??
      blankSlot(grid[0]!, stats);
    if (pick) fields[key] = [toA1(pick.row, pick.col)];
    return { fields };
  }
  if (free.length === missing.length) missing.forEach((f, i) => (fields[f.key] = [toA1(free[i]!.row, free[i]!.col)]));
  return { fields };
}

/** Where a blank single value belongs: the sheet's value column, else left of its unit, else after its label. */
function blankSlot(row: BlockCell[], stats: DataStats): BlockCell | undefined {
  const open = row.filter((c) => c.cls === 'empty');
  const inValueCol = open.find((c) => c.col === stats.valueCol);
  if (inValueCol) return inValueCol;
  for (let i = 1; i < row.length; i++) if (row[i]!.cls === 'unit' && row[i - 1]!.cls === 'empty') return row[i - 1];
  const label = row.findIndex((c) => c.cls === 'label');
  if (label >= 0) {
    const after = row.slice(label + 1).find((c) => c.cls === 'empty');
    if (after) return after;
  }
  return open[0] ?? row.find((c) => c.cls !== 'covered');
}
