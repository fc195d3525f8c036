/**
 * How departments type values into the appendix, in one place for the cell reader (read.ts), the
 * mapper (mapping/) and the templates (template.ts): the units typed after a figure, the phrases
 * that say "no data yet", the marks that pick a printed option, the placeholders a printed form
 * leaves, what separates a label from its value, and the words of a trend or a rating.
 * Words are folded (foldText / foldWords: lower case, no diacritics, đ → d). Pure.
 */
import { foldText } from './text';

// ---------------------------------------------------------------------------------------------
// Units

/** Units a department may type after a figure or print beside it ("1.250 trẻ", "Trẻ em", "tỉ đồng", "1,250 children"). */
export const UNITS: ReadonlySet<string> = new Set([
  '%', 'tre', 'tre em', 'em', 'nguoi', 'ho', 'hoc sinh', 'hs', 'diem', 'lan', 'xa', 'phuong', 'don vi', 'truong', 'co so', 'doanh nghiep',
  'dong', 'trieu dong', 'ty dong', 'ti dong', 'trieu', 'ty', 'gia dinh', 'thon', 'ca nhan',
  // An English-language return writes its units as English words ("1,234 children").
  'child', 'children', 'person', 'persons', 'people', 'household', 'households', 'pupil', 'pupils', 'student', 'students',
  'learner', 'learners', 'commune', 'communes', 'ward', 'wards', 'village', 'villages', 'family', 'families',
  'unit', 'units', 'enterprise', 'enterprises', 'business', 'businesses', 'point', 'points', 'time', 'times', 'individual', 'individuals',
  'worker', 'workers', 'vnd', 'million vnd', 'billion vnd', 'percent',
]);

/** The unit of a rate: printed as a field's label when the appendix gives no other ("%"). */
export const PERCENT = '%';

/** True when folded words (foldWords) are a unit and nothing else. */
export function isUnitWords(words: string): boolean {
  if (!words) return false;
  return UNITS.has(words.replace(/\s+/g, ' ').trim());
}

// ---------------------------------------------------------------------------------------------
// Placeholders and "no data"

/** What a printed form leaves to be typed over: dots, ellipses, underscores, dashes. */
const PLACEHOLDER_CHARS = '.…_\\-–—';

/** A cell holding only placeholders ("……", "___"): a blank waiting to be filled. */
export const PRINTED_BLANK = new RegExp(`^[\\s${PLACEHOLDER_CHARS}]*$`);
/** What is left of a cell once its label is cut off, when nothing was typed ("……:", "(…)"). */
export const PLACEHOLDER_REST = new RegExp(`^[\\s${PLACEHOLDER_CHARS}:;,/()]*$`);
/** Placeholder dots left inside a typed figure ("95,5 ……", "… 1.250"). */
export const PLACEHOLDER_DOTS = /…+|\.{2,}/;
const EVERY_PLACEHOLDER_DOTS = new RegExp(PLACEHOLDER_DOTS.source, 'g');

/** The text with every run of placeholder dots replaced. */
export function replacePlaceholderDots(text: string, by: string): string {
  return text.replace(EVERY_PLACEHOLDER_DOTS, by);
}
/** A folded text of placeholders or question marks only ("...", "?", "--/--"); an "x" standing alone is a mark, not this. */
const NO_DATA_PLACEHOLDER = new RegExp(`^[\\s${PLACEHOLDER_CHARS}/?*x]*$`, 'i');

/** Phrases that say the figure is not there yet, folded. */
export const NO_DATA_PHRASES: readonly string[] = [
  'chua co', 'chua co so lieu', 'chua co du lieu', 'dang cap nhat', 'dang cap nhap', 'chua cap nhat', 'khong co so lieu',
  'khong co du lieu', 'chua thong ke', 'dang thong ke', 'chua danh gia', 'n/a', 'na', 'tbd', 'no data', 'kxd',
];

/** True for a text that says "no data" ("Chưa có số liệu.", "N/A", "…"). */
export function isNoDataText(t: string): boolean {
  const f = foldText(t).replace(/[.…!:;,()]+$/g, '').trim();
  // Marks one to a line ("x", "x\nx") are marks, not placeholders: two of them are two choices marked.
  if (NO_DATA_PLACEHOLDER.test(f) && !/^x(\s+x)*$/i.test(f)) return true;
  return NO_DATA_PHRASES.includes(f);
}

// ---------------------------------------------------------------------------------------------
// Marks

/** Symbols that mark a printed option (besides the letter x). */
const MARK_SYMBOLS = '✓✔☑☒■●√✗✘✕⊠';

/** A cell holding only a mark ("x", "X", "✓"). */
export const MARK_ONLY = new RegExp(`^\\s*[xX${MARK_SYMBOLS}]\\s*$`);
/**
 * Marks inside a folded text: an "x" standing alone (group 1) or a symbol (group 2). Global:
 * reset lastIndex after a loop of exec.
 */
export const MARKS_IN_TEXT = new RegExp(`(?:^|[\\s([{])(x)(?=$|[\\s)\\]}.,;:])|([${MARK_SYMBOLS}])`, 'g');

// ---------------------------------------------------------------------------------------------
// Labels typed in front of a value

/** A label typed in front of a figure, up to its colon ("Nam: 1.250 trẻ" → "1.250 trẻ"). */
export const LABEL_BEFORE_COLON = /^[^\d+\-−–:]*:\s*/;
/** What separates a field's own label from the value typed after it ("Nam: …", "Nữ = …", "Tổng – …"). */
export const LABEL_SEPARATOR = /^[\s:：=\-–]+/;

// ---------------------------------------------------------------------------------------------
// Choices: the words of a trend and of a rating

/** A trend typed or marked: up, down, or the same as last year. */
export type Trend = 'increase' | 'decrease' | 'unchanged';

export interface Choice {
  /** Folded regex source. */
  pattern: string;
  value: Trend | number;
}

export const TREND_CHOICES: Choice[] = [
  { pattern: 'tang|increase', value: 'increase' },
  { pattern: 'giam|decrease', value: 'decrease' },
  { pattern: 'khong doi|unchanged', value: 'unchanged' },
];
export const RATING_CHOICES: Choice[] = [
  { pattern: 'xuat\\s*sac|excellent', value: 5 },
  { pattern: 'rat\\s*tot|very good', value: 4 },
  { pattern: 'tot|good', value: 3 },
  { pattern: 'kha|fair', value: 2 },
  { pattern: 'yeu|weak|poor', value: 1 },
];

/** A rating as a list item offers it, number first ("3 - Tốt"); the reader reads it as the number. */
export function ratingItemText(n: number, label: string): string {
  return `${n} - ${label}`;
}

// ---------------------------------------------------------------------------------------------
// The notes column

/**
 * Headings of a notes column, folded (foldWords): "Ghi chú", "Ghi chu", "Chú thích", "Giải trình",
 * "Thuyết minh", "Note(s)", "Remark(s)", "Comment(s)", alone or followed by more words ("Ghi chú
 * (nguồn số liệu)"). The appendix mapper and the template reader both use it.
 */
export const NOTE_HEADING = /^(ghi chu|chu thich|giai trinh|thuyet minh|notes?|remarks?|comments?)\b/;

/** True when folded words (foldWords) head a notes column. */
export function isNoteHeading(words: string): boolean {
  return words.length <= 60 && NOTE_HEADING.test(words);
}
