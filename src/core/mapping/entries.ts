/**
 * Reading the fields a mapping places (readEntries): each field's cells, merged areas resolved,
 * a label typed over ("Nam: 1.250 trẻ") cut off, printed options told apart from the answer,
 * trend pairs read as figures, and the mapping's doubts carried as issues. Pure.
 */
import { CriteriaSet, Field, listIndicators } from '../criteria';
import { Issue, makeIssue } from '../issues';
import { CURRENT_SUFFIX, PREVIOUS_SUFFIX } from '../layout';
import { CellContent, FieldSpec, Reading, isPrintedChoice, readField, readFieldFromCells } from '../read';
import { FieldEntry, IndicatorEntry, IndicatorNote } from '../score';
import { SheetSnapshot, parseA1, toA1 } from '../snapshot';
import { printedNotes } from '../template';
import { cleanText } from '../text';
import { LABEL_SEPARATOR, PERCENT, PLACEHOLDER_DOTS, PRINTED_BLANK, PLACEHOLDER_REST, isUnitWords, replacePlaceholderDots } from '../vocabulary';
import { SheetView, contentText, isBlankContent, viewOf } from './grid';
import { own, record } from './records';
import { IndicatorPlacement, LOW_CONFIDENCE, Mapping } from './types';

function fieldSpec(field: Field): FieldSpec {
  const spec: FieldSpec = { key: field.key, kind: field.kind, unit: field.unit, label: field.label };
  if (field.max !== undefined) spec.max = field.max;
  return spec;
}

interface CellRef {
  content: CellContent;
  address: string;
  row: number;
}

/** Reads cells by address, resolving merged areas to their top-left cell. */
function cellRefs(view: SheetView, addresses: readonly string[]): CellRef[] {
  const out: CellRef[] = [];
  for (const address of addresses) {
    const at = typeof address === 'string' ? parseA1(address) : null;
    if (!at) continue;
    const a = view.inRange(at.row, at.col) ? view.anchor(at.row, at.col) : at;
    out.push({ content: view.cell(a.row, a.col) ?? { value: null }, address, row: at.row });
  }
  return out;
}

/**
 * A printed label typed over ("Nam: 1.250 trẻ", or still "Nam …… Trẻ"): the text without the
 * label, or null (blank) when only placeholders and a unit are left.
 */
function withoutLabel(view: SheetView, text: string, field: Field): string | null | undefined {
  const t = cleanText(text);
  const words = view.words(t);
  // The label as printed, or in an English-language return its English label ("Male: 1,250 children").
  const label = [field.label, field.labelEn]
    .map((l) => (l ? view.words(l) : ''))
    .find((l) => l && l !== PERCENT && (words === l || words.startsWith(l + ' ')));
  if (!label) return undefined;
  // Cut the label off the original text: as many word characters as the label has.
  let need = label.replace(/ /g, '').length;
  let i = 0;
  while (i < t.length && need > 0) {
    const f = view.words(t[i]!);
    need -= f.replace(/ /g, '').length;
    i++;
  }
  const rest = t.slice(i).replace(LABEL_SEPARATOR, '').trim();
  const restWords = view.words(rest);
  if (PLACEHOLDER_REST.test(rest) || isUnitWords(restWords) || isUnitWords(restWords.replace(/^%\s*/, '')) || restWords === view.words(field.unit)) return null;
  return rest;
}

function readOne(view: SheetView, field: Field, refs: CellRef[]): { reading: Reading; raw: FieldEntry['raw'] } {
  const spec = fieldSpec(field);
  const nonEmpty = refs.filter((r) => !isBlankContent(r.content));
  const rawOf = (list: CellRef[]): FieldEntry['raw'] => {
    if (list.length === 0) return null;
    if (list.length === 1) return list[0]!.content.value ?? null;
    return list.map((r) => contentText(r.content)).join(' ');
  };
  if (field.kind === 'rating' || field.kind === 'trend') {
    // What was typed, without the printed options: a number, a mark, a word.
    const answer = nonEmpty.filter((r) => !(typeof r.content.value === 'string' && isPrintedChoice(r.content.value, field.kind)));
    return { reading: readFieldFromCells(refs, spec), raw: rawOf(answer.length ? answer : nonEmpty) };
  }
  if (refs.length === 1 && nonEmpty.length === 1) {
    const ref = nonEmpty[0]!;
    if (typeof ref.content.value === 'string') {
      const rest = withoutLabel(view, ref.content.value, field);
      if (rest === null) return { reading: readField({ value: null }, spec, ref.address), raw: ref.content.value };
      if (rest !== undefined) return { reading: readField({ value: rest, type: 'string' }, spec, ref.address), raw: ref.content.value };
      const trimmed = cleanText(ref.content.value);
      if (PLACEHOLDER_DOTS.test(trimmed) && PLACEHOLDER_REST.test(replacePlaceholderDots(trimmed, '').replace(new RegExp(`\\s*${escapeRegExp(field.unit)}\\s*$`, 'i'), ''))) {
        return { reading: readField({ value: null }, spec, ref.address), raw: ref.content.value };
      }
    }
  }
  return { reading: readFieldFromCells(refs, spec), raw: rawOf(nonEmpty) };
}

/** A note cell's whole text (a long note is never cut here): a string as typed, a number as shown. */
function noteText(content: CellContent | null): string {
  if (!content) return '';
  const v = content.value;
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? content.text ?? String(v) : '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return '';
}

/**
 * The department's note on an indicator: the texts of its note cells, a merged cell read once,
 * without what the template printed there (the target, how a trend is computed), one per line;
 * undefined when nothing was written.
 */
function readNote(view: SheetView, addresses: readonly unknown[], printed: readonly string[]): IndicatorNote | undefined {
  const seen = new Set<string>();
  const texts: string[] = [];
  const cells: string[] = [];
  for (const address of addresses) {
    const at = typeof address === 'string' ? parseA1(address) : null;
    if (!at || !view.inRange(at.row, at.col)) continue;
    const a = view.anchor(at.row, at.col);
    const cell = toA1(a.row, a.col);
    if (seen.has(cell)) continue;
    seen.add(cell);
    let t = cleanText(noteText(view.cell(a.row, a.col)), true);
    for (const p of printed) {
      if (t === p) t = '';
      else if (t.startsWith(p)) t = t.slice(p.length).replace(/^[\s.;:,\-–—]+/, '');
    }
    if (!t || PRINTED_BLANK.test(t)) continue;
    if (!texts.includes(t)) texts.push(t);
    cells.push(cell);
  }
  return texts.length ? { text: texts.join('\n'), cells } : undefined;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Reads every placed indicator's fields. Unplaced ids get no entry; conflicted ids an unmapped one.
 * A mapping that is not one (null, a saved mapping's odd JSON) reads as placing nothing; a bug throws.
 */
export function readEntries(sheet: SheetSnapshot, mapping: Mapping, criteria: CriteriaSet): Map<string, IndicatorEntry> {
  const view = viewOf(sheet);
  const out = new Map<string, IndicatorEntry>();
  const placements = mapping && typeof mapping === 'object' && mapping.placements && typeof mapping.placements === 'object' ? mapping.placements : {};
  const conflicts = new Map<string, number[]>();
  for (const c of Array.isArray(mapping?.conflicts) ? mapping.conflicts : []) {
    if (c && typeof c.id === 'string' && Array.isArray(c.rows)) conflicts.set(c.id, c.rows.filter((r) => typeof r === 'number' && Number.isFinite(r)));
  }
  for (const { indicator } of listIndicators(criteria)) {
    const id = indicator.id;
    const placement = own(placements as Record<string, IndicatorPlacement>, id);
    const conflictRows = conflicts.get(id);
    if (!placement || typeof placement !== 'object') {
      if (conflictRows) {
        out.set(id, {
          id,
          mapped: false,
          fields: record<FieldEntry>(),
          mappingIssues: [makeIssue('duplicate-row', { rows: conflictRows.map((r) => r + 1).join(', ') })],
        });
      }
      continue;
    }
    const fields = record<FieldEntry | undefined>();
    const mapFields = placement.fields && typeof placement.fields === 'object' ? placement.fields : {};
    for (const field of indicator.fields) {
      const addresses = own(mapFields, field.key);
      if (!Array.isArray(addresses)) continue;
      const refs = cellRefs(view, addresses);
      if (!refs.length) {
        // A trend given only as the two years' figures: nothing typed besides them (the pair decides).
        if (addresses.length === 0 && placement.trendPairs && own(placement.trendPairs, field.key)) fields[field.key] = { reading: readField({ value: null }, fieldSpec(field)), cells: [], raw: null };
        continue;
      }
      const { reading, raw } = readOne(view, field, refs);
      fields[field.key] = { reading, cells: refs.map((r) => r.address), raw };
    }
    const entry: IndicatorEntry = { id, mapped: true, fields };
    const pairs = placement.trendPairs && typeof placement.trendPairs === 'object' ? placement.trendPairs : undefined;
    if (pairs) {
      const trendPairs = record<{ previous?: FieldEntry; current?: FieldEntry } | undefined>();
      let any = false;
      for (const field of indicator.fields) {
        const pair = own(pairs, field.key);
        if (!pair || typeof pair !== 'object') continue;
        const one = (address: unknown, suffix: string): FieldEntry | undefined => {
          if (typeof address !== 'string') return undefined;
          const refs = cellRefs(view, [address]);
          if (!refs.length) return undefined;
          const ref = refs[0]!;
          const spec: FieldSpec = { key: field.key + suffix, kind: 'number', unit: field.unit, label: field.label };
          return { reading: readField(ref.content, spec, ref.address), cells: [ref.address], raw: ref.content.value ?? null };
        };
        const p: { previous?: FieldEntry; current?: FieldEntry } = {};
        const previous = one(pair.previous, PREVIOUS_SUFFIX);
        const current = one(pair.current, CURRENT_SUFFIX);
        if (previous) p.previous = previous;
        if (current) p.current = current;
        if (previous || current) {
          trendPairs[field.key] = p;
          any = true;
        }
      }
      if (any) entry.trendPairs = trendPairs;
    }
    if (typeof placement.responsible === 'string' && placement.responsible.trim()) entry.responsible = cleanText(placement.responsible);
    if (Array.isArray(placement.noteCells) && placement.noteCells.length) {
      const note = readNote(view, placement.noteCells, printedNotes(indicator));
      if (note) entry.note = note;
    }
    const issues: Issue[] = [];
    const confidence = typeof placement.confidence === 'number' && Number.isFinite(placement.confidence) ? placement.confidence : 1;
    if (confidence < LOW_CONFIDENCE) issues.push(makeIssue('low-confidence', { confidence: Math.round(confidence * 100), row: (typeof placement.row === 'number' ? placement.row : 0) + 1 }));
    if (conflictRows) issues.push(makeIssue('duplicate-row', { rows: conflictRows.map((r) => r + 1).join(', ') }));
    if (issues.length) entry.mappingIssues = issues;
    out.set(id, entry);
  }
  return out;
}

