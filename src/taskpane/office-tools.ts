/**
 * What the pane's Office backend (office-backend.ts) uses only when a person asks for it: the
 * template and consolidation tools ("Mẫu và tổng hợp"), live checking ("Kiểm tra khi nhập", after a
 * run) and the review report ("Xem báo cáo"). Not part of the scoring engine's chunks, which the
 * pane loads and runs before "Chấm điểm" works: it joins the `panels` chunk group (the results and
 * the tools' panel, fetched when the browser is first idle after the pane has shown), and the
 * backend's methods that need it import it, which costs nothing once the panels have arrived.
 */
export { createTemplateSheet } from '../hosts/office/template';
export { consolidateSheets, importReturnFiles } from '../hosts/office/consolidate';
export { startLiveChecking } from '../hosts/office/live';
export { renderHtmlReport } from '../core/html-report';
export { showReportHtml } from './report-dialog';
