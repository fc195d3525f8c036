/**
 * Mapping a sheet, as a department typed it, onto the criteria model: which cells hold which
 * field of which indicator, and how sure the match is. Pure. One concern per module:
 *   types (what a mapping is) · grid (a defensive view of the snapshot) · similarity (token sets,
 *   and `best`, the one way a likeliest candidate is picked) · codes · criteria-index ·
 *   template-layout · appendix-layout · blocks · matching · fields · map-sheet (mapSheet) ·
 *   entries (readEntries) · sheet-choice (findAppendixSheet) · save / saved-mapping.
 *
 * Two layouts are understood:
 * - the project's own template (src/core/layout.ts): matched exactly by indicator id and field key;
 * - the appendix as printed ("Phụ lục — PHÂN CÔNG NHIỆM VỤ") and as departments retype it: found by
 *   its header words (or, failing those, by what its columns hold), then indicator by indicator by
 *   the criterion's code, the indicator's order under it and the similarity of its text; the
 *   sub-fields by their printed labels ("Nam", "Hộ cận nghèo", …) with the value beside them.
 *
 * How sure a match is (IndicatorPlacement.confidence):
 * - template: id and field key typed in their columns → 1 ('template-id');
 * - appendix, under a known criterion code: 0.55 + 0.45 × text similarity, + 0.2 when the row is
 *   in the indicator's order under its criterion (capped at 1; 'code-order', or 'text' when out
 *   of order). Out of order, a row claims an indicator only if its text resembles it (≥ 0.35);
 * - appendix, no usable code: the text similarity itself ('text'), when ≥ 0.5 and clearly
 *   better than the runner-up;
 * - text similarity: token Dice over foldWords (diacritics, case, spacing and punctuation
 *   ignored), or, for an abbreviated text, how much of it lies in the indicator's text or short form.
 * Below 0.8 a placement is reported as unsure; an indicator two rows claim is a conflict, not placed.
 */
export { LOW_CONFIDENCE } from './types';
export type { IndicatorPlacement, Mapping, MatchMethod, SavedMapping } from './types';
export { mapSheet } from './map-sheet';
export { readEntries } from './entries';
export { findAppendixSheet, looksLikeAppendix } from './sheet-choice';
export { saveMapping } from './save';
export { parseSavedMapping } from './saved-mapping';
