/** The xlsx file host (exceljs): read a workbook into snapshots, apply a write plan, write bytes; XlsxHost is the core's WorkbookHost over them. */
export { XlsxHost } from './host';
export { loadWorkbook, readWorkbookSnapshot, toHostRead, sheetSnapshot, cellContent, readMerges, isSummarySheet, dateToSerial, XlsxReadError } from './read';
export type { WorkbookRead, XlsxReadProblem } from './read';
export { applyPlan, setCellFill, writeSheetContent, writeTemplateSheet, dataValidationOf, createWorkbook, writeWorkbookBuffer, fixInternalLinks, sheetReference, PlanError } from './write';
export type { ApplyResult } from './write';
export { findWriteLosses } from './losses';
export type { LossKind, WriteLoss } from './losses';
export { fillSpecOf, fillFromSpec, solidFill, resolveColor, themeColors, applyTint } from './colors';
export { displayNumber } from './format';
export { INPUT_LIMITS, InputLimitError, checkFileSize, checkZipLimits, describeLimit } from './limits';
export type { LimitDetail, LimitKind } from './limits';
