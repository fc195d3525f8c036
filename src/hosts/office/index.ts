/// <reference types="office-js" />
/**
 * The Office.js host adapter: OfficeHost, the core's WorkbookHost over Office.js (read in one
 * batch, apply a plan in one batch), live checking, templates and consolidation. The actions
 * themselves are the core's scoreWorkbook / clearWorkbook (src/core/workbook.ts). Minimum
 * requirement set: ExcelApi 1.9 (see requirements.ts).
 */
export { OfficeHost, SELECTION_CELL_LIMIT } from './host';
export type { ExcelRunner, OfficeHostOptions, OfficeHostStats, SelectedCells } from './host';
export { API_SET, API_VERSIONS, officeIsSetSupported } from './requirements';
export type { IsSetSupported } from './requirements';
export { OfficeHostError, fillSpecOf, errorCode } from './read';
export type { WorkbookFacts } from './read';
export { SUMMARY_CHART_NAME, asText, charsToPoints } from './write';
export { OfficeActionError, describeOfficeError, failureKind, workbookOutcome } from './errors';
export type { DescribedError, FailureKind, WorkbookOutcome, OfficeActionCode } from './errors';
export { startLiveChecking } from './live';
export type { LiveOptions, LiveSession, LiveUpdate, LiveStats } from './live';
export { MAX_ADDRESS_LENGTH, compressAddresses, chunkAddressList, sheetReference, areaAddress } from './addresses';
export { createTemplateSheet, queueSheetContent, queueTemplateExtras, officeValidationRule } from './template';
export type { TemplateRequest, TemplateCreated, QueuedSheet } from './template';
export { consolidateSheets, importReturnFiles, returnInput, ConsolidateError } from './consolidate';
export { canImportFiles } from './requirements';
export type { ConsolidateRequest, ConsolidateOutcome, ReturnFile } from './consolidate';
