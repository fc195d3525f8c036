/**
 * The appendix's body cut into blocks of rows, one per indicator: where an indicator's text starts
 * and ends (merged cells, text pasted line by line), under which standard and criterion, in what
 * order, and which party the block names. Pure.
 */
import { toA1 } from '../snapshot';
import { cleanText } from '../text';
import { AppendixLayout } from './appendix-layout';
import { leadingCode, leadingId } from './codes';
import { CriteriaIndex } from './criteria-index';
import { SheetView } from './grid';
import { best, similarity, tokens } from './similarity';

export interface Block {
  rows: number[];
  /** Indicator text (as shown, merged areas resolved). */
  text: string;
  tokens: Set<string>;
  /** An indicator id typed in the indicator or STT cell. */
  id: string | null;
  criterion: string | null;
  standard: string | null;
  /** Position among the blocks under the same criterion. */
  order: number;
  responsible?: string;
  responsibleCell?: string;
}

interface ColumnReader {
  text(row: number): string;
  /** Last row of the merged area the row is in (the row itself when not merged). */
  bottomRow(row: number): number;
  /** Row where the value shown at `row` starts (its merged area's top, or the row itself). */
  anchorRow(row: number): number;
  merged(row: number): boolean;
}

function columnReader(view: SheetView, col: number | undefined): ColumnReader | null {
  if (col === undefined) return null;
  const owners = view.ownerColumn(col);
  return {
    text(row) {
      const i = owners ? owners[row - view.top]! : -1;
      if (i >= 0) {
        const m = view.merges[i]!;
        return view.text(m.top, m.left);
      }
      return view.text(row, col);
    },
    anchorRow(row) {
      const i = owners ? owners[row - view.top]! : -1;
      return i >= 0 ? view.merges[i]!.top : row;
    },
    bottomRow(row) {
      const i = owners ? owners[row - view.top]! : -1;
      return i >= 0 ? view.merges[i]!.bottom : row;
    },
    merged(row) {
      const i = owners ? owners[row - view.top]! : -1;
      return i >= 0 && view.merges[i]!.bottom > view.merges[i]!.top;
    },
  };
}

function criterionOf(view: SheetView, index: CriteriaIndex, text: string, cache: Map<string, string | null>): string | null {
  let code = cache.get(text);
  if (code !== undefined) return code;
  const folded = view.fold(text);
  const lead = leadingCode(folded);
  code = null;
  if (lead) {
    const parts = lead.split('.');
    if (parts.length >= 3) {
      const c = parts.slice(0, 3).join('.');
      if (index.criteria.has(c)) code = c;
    }
  } else if (folded.length > 3) {
    // No code: the criterion's title.
    const t = tokens(view.words(text));
    const title = best(index.criterionTitles, (ct) => similarity(t, ct.tokens));
    if (title && title.score >= 0.7) code = title.item.code;
  }
  cache.set(text, code);
  return code;
}

/** A row that only carries a heading (an area, "1. Những lợi ích …"), merged across or alone in its row. */
function isHeadingRow(view: SheetView, row: number, layout: AppendixLayout): boolean {
  const stats = view.rowStats();
  const i = row - view.top;
  if (stats.count[i] !== 1) return false;
  const first = stats.first[i]!;
  const f = view.fold(view.text(row, first));
  if (!/^\s*(\d{1,2}|[ivx]{1,4})\s*[.)]\s*\D/.test(f) && !/^\s*(tieu chuan|phan|muc|linh vuc)\s+\d/.test(f)) return false;
  const m = view.mergeAt(row, first);
  if (m && m.right > first && m.bottom === row) return true;
  // Not merged across: a heading only if it is not in the indicator, criterion or data columns.
  return first !== layout.col.indicator && !layout.data.includes(first) && first !== layout.col.criterion;
}

export function buildBlocks(view: SheetView, index: CriteriaIndex, layout: AppendixLayout): Block[] {
  const ind = columnReader(view, layout.col.indicator);
  const crit = columnReader(view, layout.col.criterion);
  const std = columnReader(view, layout.col.standard);
  const resp = columnReader(view, layout.col.responsible);
  const stt = columnReader(view, layout.col.stt);
  const codeCache = new Map<string, string | null>();
  const rowStats = view.rowStats();
  const blocks: Block[] = [];
  const orders = new Map<string, number>();
  let current: Block | null = null;
  let currentAnchor = -1;
  let criterion: string | null = null;
  let criterionAnchor = -1;
  /** Last row of the current criterion's merged cell (-1 when it is not merged). */
  let criterionBottom = -1;
  let blankRun = 0;
  let standard: string | null = null;
  let standardAnchor = -1;
  // A flat table repeats the standard, criterion and indicator text on every row instead of merging
  // them: the same text again on the next row goes on with what the row above started.
  let standardText = '';
  let criterionText = '';
  let blockText = '';
  const same = (t: string, before: string) => before !== '' && view.words(t) === before;

  const close = () => {
    if (current) blocks.push(current);
    current = null;
    currentAnchor = -1;
    blockText = '';
  };
  const dataKey = (r: number) => layout.data.map((c) => view.text(r, c)).join('\u0001');
  /**
   * A flat table's next row: the block's whole text again, right below it, with other data (a row
   * repeated with the same data too is a duplicate, a conflict, not a sub-field).
   */
  const continuesFlat = (block: Block, text: string, r: number): boolean => {
    if (block.rows[block.rows.length - 1] !== r - 1) return false;
    if (!same(text, blockText || (block.rows.length === 1 ? view.words(block.text) : ''))) return false;
    if (!blockText) blockText = view.words(block.text);
    const key = dataKey(r);
    return !block.rows.some((b) => dataKey(b) === key);
  };
  /** A row whose indicator text goes on from the row above: starts in lower case or with punctuation, names no new party. */
  const continues = (block: Block, text: string, r: number): boolean => {
    if (block.rows[block.rows.length - 1] !== r - 1) return false;
    const t = cleanText(text);
    const ch = t.charAt(0);
    const lower = ch !== ch.toUpperCase() && ch === ch.toLowerCase();
    if (!lower && !/^[(,;:\-–…]/.test(t)) return false;
    if (resp && resp.anchorRow(r) === r && resp.text(r).trim() !== '') return false;
    return true;
  };

  for (let r = layout.bodyStart; r <= view.bottom; r++) {
    const blank = rowStats.count[r - view.top] === 0;
    const indMerged = ind ? ind.merged(r) : false;
    if (blank && !indMerged) {
      close();
      // A long gap ends the table's context: what follows (notes, signatures) belongs to no criterion.
      if (++blankRun >= 3) {
        criterion = null;
        criterionAnchor = -1;
        criterionBottom = -1;
      }
      continue;
    }
    blankRun = 0;
    if (!blank && isHeadingRow(view, r, layout)) {
      close();
      criterion = null;
      criterionAnchor = -1;
      standard = null;
      standardAnchor = -1;
      standardText = criterionText = '';
      continue;
    }
    // Standard and criterion context.
    let newContext = false;
    if (std) {
      const t = std.text(r);
      const a = std.anchorRow(r);
      if (t.trim() && a === r && standardAnchor === r - 1 && same(t, standardText)) standardAnchor = r;
      else if (t.trim() && a !== standardAnchor) {
        standardAnchor = a;
        standardText = view.words(t);
        const code = leadingCode(view.fold(t));
        standard = code && code.split('.').length >= 2 ? code.split('.').slice(0, 2).join('.') : null;
        if (a === r) newContext = true;
      }
    }
    if (crit) {
      const t = crit.text(r);
      const a = crit.anchorRow(r);
      if (t.trim()) {
        if (a === r && criterionAnchor === r - 1 && same(t, criterionText)) {
          criterionAnchor = r; // the same criterion typed again on the next row
        } else if (a !== criterionAnchor) {
          criterionAnchor = a;
          criterionText = view.words(t);
          criterion = criterionOf(view, index, t, codeCache);
          criterionBottom = crit.merged(r) ? crit.bottomRow(r) : -1;
          newContext = true;
        }
      } else if (crit.merged(r) || newContext) {
        // An empty merged criterion cell, or a new standard without a criterion: unknown criterion.
        if (a !== criterionAnchor) {
          criterionAnchor = a;
          criterion = null;
          criterionBottom = -1;
          newContext = true;
        }
      } else if (criterionBottom >= 0 && r > criterionBottom) {
        // Past the criterion's merged cell: rows below belong to no criterion.
        criterion = null;
        criterionAnchor = -1;
        criterionBottom = -1;
      }
    }
    // Indicator block.
    const text = ind ? ind.text(r) : '';
    const anchor = ind ? ind.anchorRow(r) : r;
    let startsHere = ind ? (indMerged ? anchor !== currentAnchor : text.trim() !== '') : false;
    if (startsHere && !indMerged && !newContext && current && continuesFlat(current, text, r)) {
      startsHere = false; // the indicator's text repeated on its next row (a flat table)
    }
    if (startsHere && !indMerged && !newContext && current && continues(current, text, r)) {
      // The indicator's text goes on in this row (a text pasted line by line): one block.
      const block = current as Block;
      block.text = `${block.text} ${text}`;
      block.tokens = view.tokensOf(block.text);
      blockText = ''; // a text pasted line by line is not a flat table's repeated text
      startsHere = false;
    }
    if (startsHere || newContext || !current) {
      if (!startsHere && !newContext && !current) {
        // A stray row before any indicator: only a row with an id or a criterion starts a block.
        const sttId = stt ? leadingId(view.fold(stt.text(r))) : null;
        if (!sttId) continue;
      }
      close();
      const key = criterion ?? '';
      const order = orders.get(key) ?? 0;
      orders.set(key, order + 1);
      const folded = view.fold(text);
      const sttText = stt ? view.fold(stt.text(r)) : '';
      const id = leadingId(folded) ?? leadingId(sttText);
      current = {
        rows: [],
        text,
        tokens: view.tokensOf(text),
        id: id && index.byId.has(id) ? id : null,
        criterion,
        standard,
        order,
      };
      currentAnchor = ind && indMerged ? anchor : r;
    }
    const block = current as Block;
    block.rows.push(r);
    if (resp && block.responsible === undefined) {
      const t = cleanText(resp.text(r));
      if (t) {
        const a = view.anchor(r, layout.col.responsible!);
        block.responsible = t;
        block.responsibleCell = toA1(a.row, a.col);
      }
    }
  }
  close();
  return blocks;
}
