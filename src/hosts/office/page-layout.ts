/// <reference types="office-js" />
/**
 * How a sheet the add-in writes prints (the summary sheet, a template, the master), through
 * Worksheet.pageLayout (ExcelApi 1.9): A4 landscape, every column on one page's width (as many
 * pages down as the rows need), the header rows repeated on every page, "Trang n / m" in the
 * footer, and the print area. The same setup the CLI's xlsx writer gives its files
 * (hosts/xlsx/sheet-write.ts applyPrint), from the same data: SheetContent.print and printArea
 * (core/plan.ts). Where ExcelApi 1.9 is missing the caller skips this silently (the sheet prints
 * with Excel's defaults).
 *
 * Office.js, Excel.PageLayout (@types/office-js; learn.microsoft.com/javascript/api/excel/excel.pagelayout):
 * `orientation` "Landscape", `paperSize` "A4", `zoom` set as one JSON object ("use x.zoom = {...}
 * instead of x.zoom.scale = ..."), `setPrintArea(string)`, `setPrintTitleRows(string)`, and
 * `headersFooters.defaultForAllPages.centerFooter` with Excel's format codes (&P page, &N pages).
 */
import { SheetContent, printArea } from '../../core/plan';
import { toA1 } from '../../core/snapshot';
import { errorCode } from './read';

/** ExcelApi 1.9 brings Worksheet.pageLayout. */
export const PAGE_LAYOUT_API = '1.9';

/** Queues the page setup of a sheet whose content has a print setup; no sync. Returns the write calls queued. */
export function queuePageLayout(sheet: Excel.Worksheet, content: Pick<SheetContent, 'rows' | 'columnWidths' | 'print'>): number {
  const print = content.print;
  if (!print) return 0;
  const layout = sheet.pageLayout;
  const area = printArea(content);
  layout.orientation = 'Landscape';
  layout.paperSize = 'A4';
  // One page wide ("Fit All Columns on One Page"), as office-js issue #1860 sets it. The pages down are
  // left to Excel: a value Excel might refuse (verticalFitToPages 0, OOXML's "automatic") is not sent,
  // since a refused property fails the whole write batch.
  layout.zoom = { horizontalFitToPages: 1 };
  layout.setPrintArea(`A1:${toA1(area.bottom, area.right)}`);
  let calls = 4;
  if (print.titleRows) {
    layout.setPrintTitleRows(`$${print.titleRows.first + 1}:$${print.titleRows.last + 1}`);
    calls++;
  }
  layout.headersFooters.defaultForAllPages.centerFooter = print.footer;
  return calls + 1;
}

/**
 * Queues a sheet's page setup and syncs it on its own, after the sheet's content is written: Excel
 * is not known to accept every page-layout value in every version (the self-check's "page-layout"
 * check asks the real Excel, src/hosts/office/selfcheck.ts), and a refused property fails the whole batch it is in. So a refusal here leaves what was
 * written standing and the sheet printing with Excel's defaults. Returns the syncs made (none when
 * the sheet has no print setup) and Excel's error code when it refused.
 */
export async function syncPageLayoutApart(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  content: Pick<SheetContent, 'rows' | 'columnWidths' | 'print'>,
): Promise<{ syncs: 0 | 1; refused: string | null }> {
  if (!content.print) return { syncs: 0, refused: null };
  try {
    queuePageLayout(sheet, content);
    await context.sync();
    return { syncs: 1, refused: null };
  } catch (e) {
    return { syncs: 1, refused: errorCode(e) ?? 'error' };
  }
}
