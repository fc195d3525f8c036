/**
 * Issue #15's outputs in a real browser (Chromium), through the preview at 350 px:
 * - "Tạo mẫu" as a new workbook: the xlsx writer (exceljs's browser build) arrives as a chunk of
 *   its own only when asked for, runs under the page's CSP (no eval), and hands Excel.createWorkbook
 *   base64 that exceljs opens as the department's template (Excel.createWorkbook is stubbed on the
 *   page: the preview's fake Excel has no new workbooks to show).
 * - "Xem báo cáo" outside Office: a new window with the report.
 * - The report dialog's page (report.html) showing a report from localStorage in its frame.
 * The department Dropdown, open, fits the pane; axe passes. Screenshots go to test-results/.
 */
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { Session, shot, start, axeViolations, paneOverflows } from './helpers';
import { REPORT_STORAGE_KEY } from '../../src/taskpane/report-dialog';

jest.setTimeout(180_000);

let session: Session;
let page: Page;
const scripts: string[] = [];

beforeAll(async () => {
  session = await start();
  page = await session.browser.newPage({ viewport: { width: 1200, height: 900 }, deviceScaleFactor: 1 });
  page.on('request', (r) => void (r.resourceType() === 'script' && scripts.push(new URL(r.url()).pathname)));
  await page.addInitScript(() => {
    const w = window as unknown as { Excel?: unknown; __created: string[] };
    w.__created = [];
    w.Excel = { createWorkbook: async (base64: string) => void w.__created.push(base64) };
  });
  await page.goto(`${session.server.url}preview.html`);
  await page.getByRole('button', { name: 'Chấm điểm', exact: true }).waitFor();
  await page.locator('[data-pane]').evaluate((el) => ((el as HTMLElement).style.width = '350px'));
}, 15 * 60 * 1000);

afterAll(async () => {
  await session?.close();
});

test('after scoring, "Xem báo cáo" and "Mở trang tổng hợp" sit under the headline and fit 350 px; the report opens in a new window', async () => {
  await page.getByRole('button', { name: 'Chấm điểm', exact: true }).click();
  await page.locator('[data-headline]').waitFor();
  const outputs = page.locator('[data-section="outputs"]');
  await outputs.waitFor();
  await page.locator('[data-pane]').screenshot({ path: shot('pane-outputs-1-after-scoring.png') });
  expect(await paneOverflows(page)).toEqual([]);
  expect(await axeViolations(page, '[data-pane]')).toEqual([]);
  expect(await page.getByRole('button', { name: 'Xóa màu' }).isEnabled()).toBe(true);

  const [popup] = await Promise.all([page.waitForEvent('popup'), page.getByRole('button', { name: 'Xem báo cáo' }).click()]);
  await popup.waitForLoadState();
  expect(popup.url()).toMatch(/^blob:/);
  expect(await popup.locator('h1').first().textContent()).toBeTruthy();
  expect(await popup.content()).toContain('Phụ lục');
  await popup.setViewportSize({ width: 1000, height: 900 });
  await popup.screenshot({ path: shot('pane-outputs-2-report-window.png') });
  await popup.close();
  await page.locator('[data-notice="info"]').waitFor();
});

test('"Tạo mẫu" as a new workbook: the department Dropdown fits 350 px open; the xlsx chunk comes only now and writes a valid template', async () => {
  await page.getByRole('button', { name: 'Mẫu và tổng hợp' }).click();
  const combo = page.getByRole('combobox', { name: 'Đơn vị', exact: true });
  await combo.waitFor();
  await combo.scrollIntoViewIfNeeded();
  expect(scripts.some((s) => s.includes('template-file'))).toBe(false);
  await combo.click();
  await page.getByRole('option', { name: /^Sở Văn hóa và Thể thao \(\d+\)$/ }).waitFor();
  // The list is placed after it shows (floating UI): give it a moment, then it must lie within the pane.
  await page.waitForTimeout(600);
  await page.locator('[data-pane]').screenshot({ path: shot('pane-outputs-3-department-open.png') });
  const listbox = (await page.getByRole('listbox').filter({ has: page.getByRole('option', { name: /^Sở Văn hóa và Thể thao/ }) }).boundingBox())!;
  const pane = (await page.locator('[data-pane]').boundingBox())!;
  // Inside the pane, and tall enough to show options (not squeezed to a sliver near the bottom).
  const inside = { left: listbox.x >= pane.x - 1, right: listbox.x + listbox.width <= pane.x + pane.width + 1, tall: listbox.height >= 100 };
  expect({ ...inside, listbox, pane }).toEqual({ left: true, right: true, tall: true, listbox, pane });
  await page.getByRole('option', { name: /^Sở Văn hóa và Thể thao \(\d+\)$/ }).click();
  expect(await page.getByRole('radio', { name: 'Sổ làm việc mới, để lưu và gửi đi' }).isChecked()).toBe(true);
  await page.locator('[data-section="tools"]').screenshot({ path: shot('pane-outputs-4-template.png') });
  expect(await paneOverflows(page)).toEqual([]);
  expect(await axeViolations(page, '[data-section="tools-accordion"]')).toEqual([]);

  await page.getByRole('button', { name: 'Tạo mẫu' }).click();
  await page.locator('[data-tools-notice="success"]').waitFor({ timeout: 60_000 });
  expect(scripts.some((s) => s.includes('template-file'))).toBe(true);
  const created = await page.evaluate(() => (window as unknown as { __created: string[] }).__created);
  expect(created).toHaveLength(1);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(created[0]!, 'base64') as unknown as ArrayBuffer);
  expect(wb.worksheets.map((w) => w.name)).toEqual(['Sở Văn hóa và Thể thao']);
  const values: string[] = [];
  wb.worksheets[0]!.eachRow((row) => row.eachCell((c) => void values.push(String(c.value))));
  expect(values).toContain('Sở Văn hóa và Thể thao');
  expect(wb.worksheets[0]!.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9 });
});

test('the report dialog\'s page shows the report in its frame, with its print button, under its CSP', async () => {
  const dialog = await session.browser.newPage({ viewport: { width: 900, height: 700 } });
  const errors: string[] = [];
  // office.js is not served here (no network): only that failure is expected.
  dialog.on('console', (m) => void (m.type() === 'error' && !/appsforoffice/.test(m.location().url) && errors.push(`${m.text()} ${m.location().url}`)));
  await dialog.route(/appsforoffice\.microsoft\.com/, (r) => r.abort());
  await dialog.goto(`${session.server.url}help.html`);
  const html = '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>r</title><style>h1{color:#0f6cbd}</style></head><body><h1>50 / 57 chỉ số đạt</h1></body></html>';
  await dialog.evaluate(([key, value]) => localStorage.setItem(key!, value!), [REPORT_STORAGE_KEY, html]);
  await dialog.goto(`${session.server.url}report.html?lang=vi&from=storage`);
  const frame = dialog.frameLocator('#report');
  expect(await frame.locator('h1').textContent()).toBe('50 / 57 chỉ số đạt');
  expect(await dialog.getByRole('button', { name: 'In / Lưu PDF' }).isEnabled()).toBe(true);
  await dialog.screenshot({ path: shot('pane-outputs-5-report-dialog.png') });
  expect(errors).toEqual([]);
  await dialog.close();
});
