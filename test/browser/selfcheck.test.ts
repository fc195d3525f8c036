/**
 * In Chromium (production build):
 * - the self-check page ("Kiểm tra Excel") run against the fake in the preview
 *   (preview.html?selfcheck), rendered in a 350 px pane, screenshot in test-results/;
 * - the task pane with the REAL Office.js (@microsoft/office-js, served from the package in place
 *   of Microsoft's CDN) and no Office host around it: it says where to open it, and makes no
 *   request beyond the local server.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Page, Route } from 'playwright-core';
import { ROOT, Session, shot, start } from './helpers';

jest.setTimeout(120_000);

const OFFICE_DIST = path.join(ROOT, 'node_modules', '@microsoft', 'office-js', 'dist');
const CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

let session: Session;

beforeAll(async () => {
  session = await start();
}, 15 * 60 * 1000);

afterAll(async () => {
  await session?.close();
});

async function newPage(width: number): Promise<{ page: Page; requests: string[]; problems: string[] }> {
  const page = await session.browser.newPage({ viewport: { width, height: 900 }, deviceScaleFactor: 1 });
  const requests: string[] = [];
  const problems: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  return { page, requests, problems };
}

test('the self-check page: asks first, then every check passes against the fake, with a copy button (350 px)', async () => {
  const { page, requests, problems } = await newPage(1200);
  await page.goto(`${session.server.url}preview.html?selfcheck`);
  await page.addStyleTag({ content: '[data-pane]{width:350px !important}' });
  const pane = page.locator('[data-pane]');
  await pane.getByRole('heading', { name: 'Kiểm tra Excel' }).waitFor();
  expect(await pane.innerText()).toContain('xóa lịch sử Hoàn tác (Undo)');
  expect(await page.locator('[data-check]').count()).toBe(0); // nothing runs before the person says so
  await pane.screenshot({ path: shot('selfcheck-1-ask-350.png') });
  await pane.getByRole('button', { name: 'Bắt đầu kiểm tra' }).click();
  await pane.getByRole('button', { name: 'Sao chép kết quả' }).waitFor({ timeout: 60_000 });
  const outcomes = await page.locator('[data-check]').evaluateAll((els) => els.map((e) => [e.getAttribute('data-check'), e.getAttribute('data-outcome')]));
  expect(outcomes).toHaveLength(14);
  expect(outcomes.filter(([, o]) => o !== 'pass')).toEqual([]);
  expect(await pane.getByRole('status').first().innerText()).toBe('14 đạt, 0 không đạt, 0 bỏ qua');
  // The scratch sheet is gone from the workbook shown beside the pane.
  expect(await page.locator('[data-tab]').evaluateAll((els) => els.map((e) => e.getAttribute('data-tab')).filter((n) => n?.startsWith('GNLC kiểm tra')))).toEqual([]);
  await pane.screenshot({ path: shot('selfcheck-2-results-350.png') });
  // Nothing wider than the pane.
  expect(await pane.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
  expect(problems).toEqual([]);
  expect(requests.filter((u) => !u.startsWith(session.server.url))).toEqual([]);
  await page.close();
});

test('the task pane with the real Office.js and no Office host: "open this in Excel", no request beyond the local server', async () => {
  const { page, requests, problems } = await newPage(350);
  const served: string[] = [];
  // The page asks for Microsoft's CDN (as the store requires): answered from the package instead, and counted.
  await page.route('https://appsforoffice.microsoft.com/lib/1/hosted/**', async (route: Route) => {
    const rel = new URL(route.request().url()).pathname.replace('/lib/1/hosted/', '');
    const file = path.join(OFFICE_DIST, rel);
    served.push(rel);
    if (file.startsWith(OFFICE_DIST) && fs.existsSync(file)) await route.fulfill({ path: file, contentType: 'text/javascript' });
    else await route.fulfill({ status: 404, body: '' });
  });
  await page.route((url) => !url.href.startsWith(session.server.url) && !url.href.startsWith('https://appsforoffice.microsoft.com/lib/1/hosted/'), (route: Route) => route.abort());
  await page.goto(`${session.server.url}taskpane.html`);
  await page.getByText('Đây là phần bổ trợ của Excel: hãy mở nó trong Excel').waitFor({ timeout: 30_000 });
  await page.screenshot({ path: shot('taskpane-office-js-no-host-350.png') });
  expect(served).toContain('office.js');
  expect(requests.filter((u) => !u.startsWith(session.server.url) && !u.startsWith('https://appsforoffice.microsoft.com/lib/1/hosted/'))).toEqual([]);
  // The self-check page says the same, and offers nothing to run.
  await page.goto(`${session.server.url}taskpane.html?selfcheck`);
  await page.getByText('Trang này cần chạy trong Excel').waitFor({ timeout: 30_000 });
  expect(await page.getByRole('button', { name: 'Bắt đầu kiểm tra' }).count()).toBe(0);
  expect(problems).toEqual([]);
  expect(requests.filter((u) => !u.startsWith(session.server.url) && !u.startsWith('https://appsforoffice.microsoft.com/lib/1/hosted/'))).toEqual([]);
  await page.close();
  void CDN;
});
