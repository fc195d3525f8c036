/**
 * The browser preview in Chromium (production build): score, read the results, see the fills in
 * the workbook rendering and the summary sheet, fix a mapping, clear, switch to English; axe with
 * every rule (contrast included); screenshots in test-results/. Every request the page makes is
 * recorded: anything not served by the local server fails the test.
 *
 * Builds dist/ first when it is missing or older than its sources (see helpers.ts).
 */
import * as fs from 'fs';
import type { Page } from 'playwright-core';
import { Session, shot, start } from './helpers';
import { listIndicators } from '../../src/core/criteria';
import { loadCriteria } from '../core/helpers';
import { STATUS_FILL } from '../../src/core/plan';
import { sampleAppendix } from '../../src/preview/sample';

jest.setTimeout(120_000);

const criteria = loadCriteria();
const TOTAL = listIndicators(criteria).length;
const MET = TOTAL - 6; // the sample: 2 unmet, 2 invalid, 1 not reported, 1 not found
const sample = sampleAppendix(criteria);

let session: Session;
let page: Page;
const requests: string[] = [];
const problems: string[] = [];

beforeAll(async () => {
  session = await start();
  page = await session.browser.newPage({ viewport: { width: 1400, height: 900 }, deviceScaleFactor: 1 });
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  // Every Content-Security-Policy violation the page raises (zod's eval probe raised one per page).
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(`${session.server.url}preview.html`);
  await page.getByRole('button', { name: 'Chấm điểm', exact: true }).waitFor();
}, 15 * 60 * 1000);

afterAll(async () => {
  await session?.close();
});

const fillOf = (address: string) => page.locator(`[data-sheet-view] td[data-address="${address}"]`).getAttribute('data-fill');
const backgroundOf = (address: string) => page.locator(`[data-sheet-view] td[data-address="${address}"]`).evaluate((el) => getComputedStyle(el).backgroundColor);
const tabs = () => page.locator('[data-tab]').evaluateAll((els) => els.map((e) => e.getAttribute('data-tab')));
const rgb = (hex: string) => `rgb(${parseInt(hex.slice(1, 3), 16)}, ${parseInt(hex.slice(3, 5), 16)}, ${parseInt(hex.slice(5, 7), 16)})`;

test('before scoring: the pane beside the sample workbook, nothing coloured', async () => {
  await page.screenshot({ path: shot('preview-1-before.png') });
  expect(await page.locator('li[data-indicator]').count()).toBe(0);
  expect(await fillOf(sample.cells['1.1.1.a']!)).toBeNull();
  expect(await fillOf(sample.ownFillCell)).toBe(sample.ownFill);
  expect(await tabs()).toEqual(['Phụ lục', 'Ghi chú']);
});

test('"Chấm điểm": the headline, the list, the fills in the sheet, the summary sheet tab', async () => {
  const before = requests.length;
  await page.getByRole('button', { name: 'Chấm điểm', exact: true }).click();
  await page.locator('[data-headline]').waitFor();
  expect(await page.locator('[data-headline]').textContent()).toBe(`${MET} / ${TOTAL} đạt`);
  expect(await page.locator('li[data-indicator]').count()).toBe(TOTAL);
  expect(await page.locator('li[data-indicator="1.1.1.a"] [data-status]').first().textContent()).toBe('Chưa đạt');
  expect(await page.locator('li[data-indicator="2.1.1.a"]').getAttribute('data-status')).toBe('invalid');
  expect(await page.locator('[data-found="mapped"]').textContent()).toBe(`Nhận diện được ${TOTAL - 1} / ${TOTAL} chỉ số`);

  // The workbook rendering shows the status fills, re-read after the action.
  expect(await fillOf(sample.cells['1.1.1.a']!)).toBe(STATUS_FILL.unmet);
  expect(await backgroundOf(sample.cells['1.1.1.a']!)).toBe(rgb(STATUS_FILL.unmet));
  expect(await fillOf(sample.cells['1.1.3.a']!)).toBe(STATUS_FILL.invalid);
  expect(await fillOf(sample.cells['1.3.2.e']!)).toBe(STATUS_FILL.missing);
  expect(await fillOf(sample.ownFillCell)).toBe(STATUS_FILL.met);
  expect(await tabs()).toEqual(['Phụ lục', 'Ghi chú', 'Tổng hợp GNLC']);
  await page.screenshot({ path: shot('preview-2-scored.png') });
  await page.locator('[data-pane]').screenshot({ path: shot('pane-scored.png') });

  // Scoring made no request at all (the fake workbook is in the page).
  expect(requests.slice(before)).toEqual([]);
});

test('the summary sheet can be looked at', async () => {
  await page.locator('[data-tab="Tổng hợp GNLC"]').click();
  await page.locator('[data-sheet-view="Tổng hợp GNLC"]').waitFor();
  expect(await page.locator('[data-sheet-view] td[data-address="A3"]').textContent()).toBe(`${MET} / ${TOTAL} chỉ số đạt`);
  expect(await page.locator('[data-sheet-view]').textContent()).toContain('✘ Chưa đạt');
  await page.screenshot({ path: shot('preview-3-summary.png') });
  await page.locator('[data-tab="Phụ lục"]').click();
  await page.locator('[data-sheet-view="Phụ lục"]').waitFor();
});

test('selecting an indicator selects its cells in the sheet', async () => {
  await page.locator('li[data-indicator="2.1.1.a"] button').first().click();
  await page.waitForFunction(() => document.querySelector('[data-selection]')?.textContent?.startsWith('Phụ lục!'));
  const sel = await page.locator('[data-selection]').textContent();
  expect(sel).toMatch(/^Phụ lục!F\d+:F\d+$/);
});

test('fixing the mapping: select the cell in the sheet, "Gán ô đang chọn"', async () => {
  await page.locator(`[data-sheet-view] td[data-address="${sample.valueCell}"]`).click();
  await page.waitForFunction((a) => document.querySelector('[data-selection]')?.textContent === `Phụ lục!${a}`, sample.valueCell);
  await page.locator(`[data-unmapped="${sample.lostId}"] button`).click();
  const fix = page.locator(`[data-mapping-fix="${sample.lostId}"]`);
  await fix.waitFor();
  await page.locator(`[data-mapping-fix="${sample.lostId}"]`).screenshot({ path: shot('pane-mapping-fix.png') });
  await fix.getByRole('button', { name: /^Gán ô đang chọn/ }).click();
  // The cell lies in 2.4.1.b's rating block (its printed choices run on into the row whose text was deleted): moved on the person's word.
  await fix.getByRole('button', { name: 'Chuyển ô' }).click();
  await page.getByText(`Đã gán ${sample.valueCell} cho "Số liệu" và lưu ánh xạ.`).waitFor();
  expect(await page.locator('[data-headline]').textContent()).toBe(`${MET + 1} / ${TOTAL} đạt`);
  expect(await page.locator(`li[data-indicator="${sample.lostId}"]`).getAttribute('data-status')).toBe('met');
  expect(await fillOf(sample.valueCell)).toBe(STATUS_FILL.met);
});

test('"Xóa màu" restores the original fills exactly', async () => {
  await page.getByRole('button', { name: 'Xóa màu' }).click();
  await page.getByText(/^Đã khôi phục màu nền ban đầu của \d+ ô\.$/).waitFor();
  expect(await fillOf(sample.cells['1.1.1.a']!)).toBeNull();
  expect(await fillOf(sample.valueCell)).toBeNull();
  expect(await fillOf(sample.ownFillCell)).toBe(sample.ownFill);
  await page.screenshot({ path: shot('preview-4-cleared.png') });
});

test('English', async () => {
  await page.getByRole('button', { name: 'Chấm lại' }).click();
  await page.locator('[data-notice="success"]').waitFor();
  await page.getByRole('button', { name: 'EN (English)' }).click();
  await page.getByRole('heading', { level: 1, name: 'Learning city scorer' }).waitFor();
  expect(await page.locator('[data-headline]').textContent()).toBe(`${MET + 1} / ${TOTAL} met`);
  expect(await page.locator('li[data-indicator="1.1.1.a"] [data-field="reason"]').textContent()).toBe('93.5% — needs ≥ 95%, short by 1.5 points');
  expect(await page.getByRole('button', { name: 'Score again' }).count()).toBe(1);
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
  await page.screenshot({ path: shot('preview-5-english.png') });
  await page.locator('[data-pane]').screenshot({ path: shot('pane-english.png') });
  await page.getByRole('button', { name: 'VI (Tiếng Việt)' }).click();
});

test('axe, every rule (colour contrast and label-in-name included): no serious or critical violation in the pane', async () => {
  const source = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(source); // evaluated through the DevTools protocol, not a <script>: the page's CSP stays strict
  const result = await page.evaluate(async () => {
    const w = window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: Array<{ id: string; impact: string; help: string; nodes: Array<{ target: string[] }> }> }> } };
    return w.axe.run({ include: [['[data-pane]']] }, { resultTypes: ['violations'] });
  });
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});

test('every request went to the local server; no page errors; no CSP violation', async () => {
  expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
  const origin = new URL(session.server.url).origin;
  const foreign = requests.filter((u) => new URL(u).origin !== origin);
  expect(foreign).toEqual([]);
  expect(requests.length).toBeGreaterThan(0);
  expect(problems).toEqual([]);
});
