/**
 * The project's own template (src/core/layout.ts): found by its column names (or its marker),
 * matched exactly by indicator id and field key, with its header block (city, year, …). Pure.
 */
import { CURRENT_SUFFIX, PREVIOUS_SUFFIX, TEMPLATE_COL, TEMPLATE_COLUMNS, TEMPLATE_HEADER, TEMPLATE_MARKER, TemplateColumn, TemplateHeaderKey } from '../layout';
import { toA1 } from '../snapshot';
import { cleanText } from '../text';
import { isNoteHeading } from '../vocabulary';
import { CriteriaIndex } from './criteria-index';
import { HEADER_SCAN, SheetView, contentText, isBlankContent, perView, scanRight } from './grid';
import { own, record } from './records';
import { IndicatorPlacement, Mapping } from './types';
import { withProps } from '../objects';

export interface TemplateLayout {
  headerRow: number;
  col: Partial<Record<TemplateColumn, number>>;
}

const TEMPLATE_NAMES: Array<[string, TemplateColumn]> = [];
for (const c of TEMPLATE_COLUMNS) {
  TEMPLATE_NAMES.push([c.vi, c.key], [c.en, c.key]);
}

/** The project's template header of a view, if it is one (once per view). */
export const detectTemplate: (view: SheetView) => TemplateLayout | null = perView(scanTemplate);

function scanTemplate(view: SheetView): TemplateLayout | null {
  const marked = hasMarker(view);
  const names = new Map<string, TemplateColumn>();
  for (const [label, key] of TEMPLATE_NAMES) names.set(view.words(label), key);
  const last = Math.min(view.bottom, view.top + HEADER_SCAN - 1);
  const right = scanRight(view);
  for (let r = view.top; r <= last; r++) {
    const col: Partial<Record<TemplateColumn, number>> = {};
    for (let c = view.left; c <= right; c++) {
      const t = view.text(r, c);
      if (!t || t.length > 60) continue;
      const words = view.words(t);
      // The notes column under any of its usual headings ("Ghi chú", "Ghi chu", "Notes", "Remarks").
      const key = names.get(words) ?? (isNoteHeading(words) ? 'note' : undefined);
      if (key && col[key] === undefined) col[key] = c;
    }
    if (col.id !== undefined && col.fieldKey !== undefined && col.value !== undefined) return { headerRow: r, col };
    // Under the marker, a header whose value column was renamed: the canonical position.
    if (col.id !== undefined && col.fieldKey !== undefined && marked) {
      const shift = col.id - TEMPLATE_COL.id;
      const value = TEMPLATE_COL.value + shift;
      if (value >= view.left && value <= view.right && value !== col.id && value !== col.fieldKey) return { headerRow: r, col: withProps(col, { value }) };
    }
  }
  return null;
}

export function hasMarker(view: SheetView): boolean {
  const last = Math.min(view.bottom, view.top + 30);
  const marker = TEMPLATE_MARKER.toLowerCase();
  for (let r = view.top; r <= last; r++)
    for (let c = view.left; c <= Math.min(view.right, view.left + 10); c++) {
      const t = view.text(r, c);
      if (t && t.trim().toLowerCase().startsWith(marker)) return true;
    }
  return false;
}

function templateHeader(view: SheetView, headerRow: number): Mapping['header'] {
  const labels = new Map<string, TemplateHeaderKey>();
  for (const h of TEMPLATE_HEADER) labels.set(view.words(h.vi), h.key).set(view.words(h.en), h.key);
  const header: NonNullable<Mapping['header']> = {};
  let found = false;
  const right = scanRight(view);
  for (let r = view.top; r < headerRow; r++) {
    let c = view.left;
    while (c <= right && isBlankContent(view.cell(r, c))) c++;
    if (c > right) continue;
    const key = labels.get(view.words(view.text(r, c)));
    if (!key || header[key] !== undefined) continue;
    let v = c + 1;
    while (v <= right && isBlankContent(view.cell(r, v))) v++;
    if (v > right) continue;
    const value = cleanText(contentText(view.cell(r, v)));
    if (value) {
      header[key] = value;
      found = true;
    }
  }
  return found ? header : undefined;
}

export function mapTemplate(view: SheetView, index: CriteriaIndex, layout: TemplateLayout): Pick<Mapping, 'placements' | 'conflicts' | 'header'> {
  const { col } = layout;
  const rowsById = new Map<string, Array<{ row: number; key: string }>>();
  let lastId: string | null = null;
  for (let r = layout.headerRow + 1; r <= view.bottom; r++) {
    const idText = cleanText(view.text(r, col.id!)).replace(/\.$/, '');
    const key = cleanText(view.text(r, col.fieldKey!));
    if (idText) lastId = idText;
    else if (!key) {
      lastId = null;
      continue;
    }
    const id = idText || lastId;
    if (!id || !key || !index.byId.has(id)) continue;
    let list = rowsById.get(id);
    if (!list) rowsById.set(id, (list = []));
    list.push({ row: r, key });
  }
  const placements = record<IndicatorPlacement>();
  const conflicts: Mapping['conflicts'] = [];
  for (const [id, list] of rowsById) {
    const indicator = index.byId.get(id)!.indicator;
    const seen = new Map<string, number[]>();
    for (const { row, key } of list) {
      const rows = seen.get(key);
      if (rows) rows.push(row);
      else seen.set(key, [row]);
    }
    const dup = [...seen.values()].find((rows) => rows.length > 1);
    if (dup) {
      conflicts.push({ id, rows: dup });
      continue;
    }
    const fields = record<string[]>();
    const pairs = record<{ previous?: string; current?: string }>();
    let hasPairs = false;
    const first = list[0]!.row;
    for (const { row, key } of list) {
      const address = toA1(row, col.value!);
      const pair = key.endsWith(PREVIOUS_SUFFIX) ? 'previous' : key.endsWith(CURRENT_SUFFIX) ? 'current' : null;
      if (pair) {
        const base = key.slice(0, key.length - (pair === 'previous' ? PREVIOUS_SUFFIX.length : CURRENT_SUFFIX.length));
        if (!indicator.fields.some((f) => f.key === base && f.kind === 'trend')) continue;
        const p = own(pairs, base) ?? (pairs[base] = {});
        p[pair] = address;
        hasPairs = true;
      } else if (indicator.fields.some((f) => f.key === key)) {
        fields[key] = [address];
      }
    }
    const placement: IndicatorPlacement = { id, row: first, confidence: 1, method: 'template-id', fields, rows: list.map((l) => l.row) };
    if (hasPairs) placement.trendPairs = pairs;
    if (col.responsible !== undefined) {
      for (const { row } of list) {
        const t = cleanText(view.text(row, col.responsible));
        if (t) {
          placement.responsible = t;
          placement.responsibleCell = toA1(row, col.responsible);
          break;
        }
      }
    }
    if (col.status !== undefined) placement.statusCell = toA1(first, col.status);
    if (col.note !== undefined) placement.noteCells = list.map((l) => toA1(l.row, col.note!));
    placements[id] = placement;
  }
  const header = templateHeader(view, layout.headerRow);
  return header ? { placements, conflicts, header } : { placements, conflicts };
}
