/**
 * Issue #12 in the preview (production build, the real pane over the fake Excel): scoring the
 * workbook's notes sheet is refused with a message naming the appendix, and the summary written
 * before is left as it was; a department template made in the pane is scored in that
 * department's scope, with a summary of its own beside the appendix's.
 */
import type { Page } from 'playwright-core';
import { Session, shot, start } from './helpers';
import { listIndicators } from '../../src/core/criteria';
import { loadCriteria } from '../core/helpers';

jest.setTimeout(120_000);

const criteria = loadCriteria();
const TOTAL = listIndicators(criteria).length;
const MET = TOTAL - 6; // the sample: 2 unmet, 2 invalid, 1 not reported, 1 not found

let session: Session;
let page: Page;
const problems: string[] = [];

beforeAll(async () => {
  session = await start();
  page = await session.browser.newPage({ viewport: { width: 1400, height: 900 }, deviceScaleFactor: 1 });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await page.goto(`${session.server.url}preview.html`);
  await page.getByRole('button', { name: 'Chấm điểm', exact: true }).waitFor();
}, 15 * 60 * 1000);

afterAll(async () => {
  await session?.close();
});

const tabs = () => page.locator('[data-tab]').evaluateAll((els) => els.map((e) => e.getAttribute('data-tab')));
async function sheetText(name: string): Promise<string> {
  await page.locator(`[data-tab="${name}"]`).click();
  await page.locator(`[data-sheet-view="${name}"]`).waitFor();
  return (await page.locator('[data-sheet-view]').textContent()) ?? '';
}

test('scoring the notes sheet: an error naming the appendix, not success; the summary stays as it was', async () => {
  await page.getByRole('button', { name: 'Chấm điểm', exact: true }).click();
  await page.locator('[data-notice="success"]').waitFor();
  expect(await page.locator('[data-headline]').textContent()).toBe(`${MET} / ${TOTAL} đạt`);
  const summaryBefore = await sheetText('Tổng hợp GNLC');

  await sheetText('Ghi chú');
  await page.getByRole('button', { name: 'Chấm lại' }).click();
  await page.locator('[data-notice="error"]').waitFor();
  expect(await page.locator('[data-notice="error"]').textContent()).toContain('Trang "Ghi chú" không phải bảng phụ lục; bảng phụ lục có vẻ là trang "Phụ lục".');
  expect(await page.locator('[data-notice="success"]').count()).toBe(0);
  await page.screenshot({ path: shot('scope-1-notes-refused.png') });
  expect(await tabs()).toEqual(['Phụ lục', 'Ghi chú', 'Tổng hợp GNLC']);
  expect(await sheetText('Tổng hợp GNLC')).toBe(summaryBefore);
});

test('a department template made in the pane: scored in the department’s scope, in a summary of its own', async () => {
  await page.locator('[data-section="tools-accordion"] button').first().click();
  await page.getByRole('combobox', { name: 'Đơn vị', exact: true }).click();
  await page.getByRole('option', { name: /^Sở Y tế \(\d+\)$/ }).click();
  // This page's Excel cannot open a new workbook (no Excel.createWorkbook): the template becomes a sheet.
  await page.getByRole('button', { name: 'Tạo mẫu', exact: true }).click();
  await page.getByText(/^Đã tạo trang "/).waitFor();
  const made = (await tabs()).filter((n) => !['Phụ lục', 'Ghi chú', 'Tổng hợp GNLC'].includes(n!));
  expect(made).toHaveLength(1);
  const summaryBefore = await sheetText('Tổng hợp GNLC');
  await sheetText(made[0]!);

  await page.getByRole('button', { name: 'Chấm lại' }).click();
  await page.locator('[data-notice="success"]').waitFor();
  expect(await page.locator('[data-headline]').textContent()).toBe('Sở Y tế: 0 / 2 đạt');
  expect(await page.locator('[data-others]').textContent()).toBe(`${TOTAL - 2} chỉ số thuộc đơn vị khác: không tính vào kết quả của báo cáo này.`);
  expect(await page.locator('li[data-indicator]').count()).toBe(2);
  await page.locator('[data-pane]').screenshot({ path: shot('scope-2-department.png') });
  const own = `Tổng hợp GNLC – ${made[0]}`.slice(0, 31).trim();
  expect(await tabs()).toContain(own);
  expect(await sheetText('Tổng hợp GNLC')).toBe(summaryBefore);
  expect(await sheetText(own)).toContain('Sở Y tế: 0 / 2 chỉ số đạt');
  expect(problems).toEqual([]);
});
