/**
 * "Tạo mẫu" as a NEW workbook (Excel.createWorkbook, ExcelApi 1.8): the department's template
 * (core/template.ts, the same buildTemplate the sheet and the CLI use) written as an .xlsx file
 * by the CLI's sheet writer (hosts/xlsx/sheet-write.ts, exceljs's browser build in the pane) and
 * handed to Excel in base64.
 *
 * This module pulls in exceljs (≈ 250 KB gzipped): the pane loads it with import() only when the
 * person asks for a new workbook, so the pane's opening JS does not grow.
 *
 * Names: Office.js gives no way to name the new workbook's file (Excel calls it "Book2" /
 * "Sổ làm việc2" until it is saved, and the person names the file then). So the department is
 * carried where the file can carry it: the sheet is named after the department, the workbook's
 * title property (File › Info) is the template's title and the department, and the header rows
 * name the department as every template does.
 */
import type { CriteriaSet } from '../../core/criteria';
import { buildTemplate } from '../../core/template';
import type { TemplateSheet } from '../../core/template';
import { createWorkbook, writeTemplateSheet } from '../xlsx/sheet-write';
import type { TemplateRequest } from './template';

export interface TemplateFile {
  /** The .xlsx file in base64, as Excel.createWorkbook takes it. */
  base64: string;
  template: TemplateSheet;
  /** The workbook's title property. */
  title: string;
}

/** Base64 of bytes, in slices (String.fromCharCode takes a bounded number of arguments). */
export function bytesToBase64(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

/** The department's (or the whole city's) template as a one-sheet .xlsx file, in base64. */
export async function templateWorkbook(criteria: CriteriaSet, request: TemplateRequest, now: Date = new Date()): Promise<TemplateFile> {
  const department = request.department?.trim() ? request.department.trim() : undefined;
  const template = buildTemplate(criteria, {
    lang: request.lang,
    ...(department !== undefined ? { department, name: department } : {}),
    ...(request.city?.trim() ? { city: request.city.trim() } : {}),
    ...(request.year !== undefined && Number.isFinite(request.year) ? { year: request.year } : {}),
  });
  const heading = String(template.rows[1]?.[0]?.value ?? template.name);
  const title = department !== undefined && !heading.includes(department) ? `${heading} — ${department}` : heading;
  const wb = createWorkbook({ creator: 'gnlc', date: now, title });
  writeTemplateSheet(wb.addWorksheet(template.name), template);
  const buffer = await wb.xlsx.writeBuffer();
  return { base64: bytesToBase64(new Uint8Array(buffer as ArrayBuffer)), template, title };
}
