/**
 * In Chromium (production build), through the PREVIEW server (servePreview, what `npm run preview`
 * runs): the task pane loads the real Office.js from the @microsoft/office-js package, served by
 * that server under /office-js/, with every other request aborted — no route stands in for
 * Microsoft's CDN here. Outside Excel the pane then says where to open it. The preview page itself
 * needs no Office.js and asks for none.
 */
import type { Page } from 'playwright-core';
import { DIST, Session, shot, start } from './helpers';
import { StaticServer, servePreview } from '../../src/preview/serve';

jest.setTimeout(120_000);

let session: Session;
let preview: StaticServer;

beforeAll(async () => {
  session = await start();
  preview = await servePreview(DIST);
}, 15 * 60 * 1000);

afterAll(async () => {
  await preview?.close();
  await session?.close();
});

async function open(url: string): Promise<{ page: Page; requests: string[]; problems: string[] }> {
  const page = await session.browser.newPage({ viewport: { width: 350, height: 900 }, deviceScaleFactor: 1 });
  const requests: string[] = [];
  const problems: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  // No network: anything not served by the preview server fails.
  await page.route((u) => !u.href.startsWith(preview.url), (route) => route.abort());
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(url);
  return { page, requests, problems };
}

test('the task pane from the preview server: the real Office.js from the package, no request beyond the server, "open this in Excel"', async () => {
  const { page, requests, problems } = await open(`${preview.url}taskpane.html`);
  await page.getByText('Đây là phần bổ trợ của Excel: hãy mở nó trong Excel').waitFor({ timeout: 30_000 });
  await page.screenshot({ path: shot('preview-server-taskpane-office-js-350.png') });
  expect(requests).toContain(`${preview.url}office-js/office.js`);
  // Office.js itself ran (its namespace is there), not a stand-in.
  expect(await page.evaluate(() => typeof (window as unknown as { Office?: { onReady?: unknown } }).Office?.onReady)).toBe('function');
  expect(requests.filter((u) => !u.startsWith(preview.url))).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
  expect(problems).toEqual([]);

  await page.goto(`${preview.url}taskpane.html?selfcheck`);
  await page.getByText('Trang này cần chạy trong Excel').waitFor({ timeout: 30_000 });
  expect(requests.filter((u) => !u.startsWith(preview.url))).toEqual([]);
  expect(problems).toEqual([]);
  await page.close();
});

test('the preview page needs no Office.js and asks for none', async () => {
  const { page, requests, problems } = await open(`${preview.url}preview.html`);
  await page.getByRole('button', { name: 'Chấm điểm', exact: true }).waitFor({ timeout: 30_000 });
  expect(requests.filter((u) => /office/i.test(new URL(u).pathname))).toEqual([]);
  expect(requests.filter((u) => !u.startsWith(preview.url))).toEqual([]);
  expect(problems).toEqual([]);
  await page.close();
});
