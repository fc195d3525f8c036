/** Which sheet of a workbook is the appendix (or a template): the one that looks most like one, if any plausibly does. Pure. */
import { CriteriaSet } from '../criteria';
import { SheetSnapshot, WorkbookSnapshot } from '../snapshot';
import { findHeader } from './appendix-layout';
import { leadingCode } from './codes';
import { indexCriteria } from './criteria-index';
import { viewOf } from './grid';
import { detectTemplate, hasMarker } from './template-layout';

/** The score from which a sheet plausibly is the appendix or a template. */
const PLAUSIBLE = 25;

/**
 * How much a sheet looks like the appendix or a template. `enough`: the caller only asks whether
 * it reaches that score, so the count stops there (every part adds, none takes away).
 */
function sheetScore(sheet: SheetSnapshot, criteria: CriteriaSet, enough = Infinity): number {
  const view = viewOf(sheet);
  if (view.rows === 0 || view.cols === 0) return 0;
  const index = indexCriteria(criteria, view);
  let score = 0;
  if (hasMarker(view)) score += 100;
  if (score >= enough) return score;
  if (detectTemplate(view)) score += 80;
  if (score >= enough) return score;
  const header = findHeader(view);
  // A plausible appendix header (findHeader returns no other): its roles, and a bonus for being one.
  if (header) score += header.score * 10 + 10;
  if (score >= enough) return score;
  // Criterion codes found, each counted once.
  const codes = new Set<string>();
  const lastRow = Math.min(view.bottom, view.top + 3000);
  const lastCol = Math.min(view.right, view.left + 30);
  for (let r = view.top; r <= lastRow; r++)
    for (let c = view.left; c <= lastCol; c++) {
      const content = view.cell(r, c);
      if (!content || typeof content.value !== 'string') continue;
      const code = leadingCode(view.fold(content.value.slice(0, 40)));
      if (!code) continue;
      const parts = code.split('.');
      if (parts.length >= 3) {
        const c3 = parts.slice(0, 3).join('.');
        if (index.criteria.has(c3)) codes.add(c3);
      }
    }
  score += 2 * codes.size;
  const name = view.fold(view.name);
  if (/phu luc|appendix|chi so|tieu chi/.test(name)) score += 3;
  return score;
}

/** The sheet that best looks like the appendix or a template, or null when none plausibly does. */
export function findAppendixSheet(workbook: WorkbookSnapshot, criteria: CriteriaSet): { sheet: SheetSnapshot; score: number } | null {
  let found: { sheet: SheetSnapshot; score: number } | null = null;
  const sheets = Array.isArray(workbook?.sheets) ? workbook.sheets : [];
  for (const sheet of sheets) {
    const score = sheetScore(sheet, criteria);
    if (score >= PLAUSIBLE && (!found || score > found.score)) found = { sheet, score };
  }
  return found;
}

/** Whether a sheet plausibly is the appendix or a template: what findAppendixSheet of that sheet alone says, counted only as far as needed. */
export function looksLikeAppendix(sheet: SheetSnapshot, criteria: CriteriaSet): boolean {
  return sheetScore(sheet, criteria, PLAUSIBLE) >= PLAUSIBLE;
}
