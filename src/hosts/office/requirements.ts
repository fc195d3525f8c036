/// <reference types="office-js" />
/**
 * The Excel API requirement sets the Office host uses. The manifest declares MINIMUM; the
 * others are checked at run time and the adapter does without them when they are missing.
 *
 * ExcelApi 1.9  (minimum) Range.getCellProperties (fills with pattern), Worksheet.getRanges and
 *               RangeAreas (one call per colour), RangeFill.pattern, Workbook.getSelectedRanges.
 *               It includes what older sets give: 1.1 values/valueTypes/numberFormat/text,
 *               formats, charts; 1.2 getUsedRange, getResizedRange, columnWidth, protection,
 *               setting visibility; 1.4 *OrNullObject; 1.5 getFirst/getNextOrNullObject;
 *               1.7 hyperlink, freezePanes.freezeRows.
 * ExcelApi 1.13 Range.getMergedAreasOrNullObject (merged areas; without it the snapshot has none).
 * ExcelApi 1.7  Workbook.name (the summary names its source; below the minimum, checked anyway).
 * ExcelApi 1.18 RangeAreas.select (selecting several areas; without it the first area is selected).
 * ExcelApi 1.1  Charts (the summary's chart; below the minimum, gated so a host can switch it off).
 * ExcelApi 1.9  Worksheet.pageLayout (page setup of the sheets the add-in writes; the minimum, checked anyway).
 * ExcelApi 1.8  Excel.createWorkbook ("Tạo mẫu" as a new workbook; without it, only as a sheet).
 * ExcelApi 1.13 Workbook.insertWorksheetsFromBase64 (returns imported from .xlsx files; without it, only sheets already in the workbook).
 */

export const API_SET = 'ExcelApi';
export const API_VERSIONS = {
  minimum: '1.9',
  mergedAreas: '1.13',
  workbookName: '1.7',
  selectAreas: '1.18',
  charts: '1.1',
  pageLayout: '1.9',
  createWorkbook: '1.8',
  importFiles: '1.13',
} as const;

export type IsSetSupported = (set: string, version: string) => boolean;

/** Office.context.requirements.isSetSupported when Office.js is loaded; false otherwise. */
export const officeIsSetSupported: IsSetSupported = (set, version) => {
  try {
    return typeof Office !== 'undefined' && !!Office.context?.requirements?.isSetSupported(set, version);
  } catch {
    return false;
  }
};

/** Whether returns can be imported from .xlsx files (Workbook.insertWorksheetsFromBase64, ExcelApi 1.13). */
export function canImportFiles(isSetSupported: IsSetSupported = officeIsSetSupported): boolean {
  return isSetSupported(API_SET, API_VERSIONS.importFiles);
}

/** Excel.createWorkbook (ExcelApi 1.8), as Office.js has it; undefined when Office.js is not loaded. */
export function officeCreateWorkbookMember(): unknown {
  return typeof Excel !== 'undefined' ? (Excel as unknown as { createWorkbook?: unknown }).createWorkbook : undefined;
}
