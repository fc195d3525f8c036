/**
 * The HTML report in a real browser (headless Chromium): it renders, the headline and the chart
 * are visible, nothing is fetched from anywhere, hostile workbook text stays inert, and it prints
 * on A4 pages. Writes test-results/report.html, report.png (and the consolidated variants, a PDF).
 */
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { Browser, chromium } from 'playwright-core';
import { renderHtmlReport } from '../../src/core/html-report';
import { loadCriteria } from '../core/helpers';
import { cityResults, consolidated } from '../core/html-report-fixture';

const OUT = path.join(__dirname, '..', '..', 'test-results');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const criteria = loadCriteria();
let browser: Browser;

beforeAll(async () => {
  fs.mkdirSync(OUT, { recursive: true });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}, 60000);

afterAll(async () => {
  await browser?.close();
});

/** Opens a report file and records every request the page makes, every console error and every dialog. */
async function open(file: string, viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({ viewport, locale: 'vi-VN' });
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  const dialogs: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text());
  });
  page.on('pageerror', (err) => errors.push(String(err)));
  page.on('dialog', async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  const url = pathToFileURL(file).href;
  await page.goto(url, { waitUntil: 'load' });
  return { context, page, requests, errors, dialogs, url };
}

describe('the HTML report in Chromium', () => {
  test('renders the headline and the chart, fetches nothing, runs nothing, looks right', async () => {
    const { results, summary } = cityResults(criteria);
    const html = renderHtmlReport({ criteria, results, summary, lang: 'vi', workbook: 'Phu-luc-Ha-Noi-2024.xlsx', sheet: 'Phụ lục', title: 'Thành phố Hà Nội — tự đánh giá 2024', date: '15/11/2024' });
    const file = path.join(OUT, 'report.html');
    fs.writeFileSync(file, html, 'utf8');
    const { context, page, requests, errors, dialogs, url } = await open(file);

    // The only request is the document itself: no font, stylesheet, script or image.
    expect(requests).toEqual([url]);
    expect(errors).toEqual([]); // no CSP violation, no script error
    expect(dialogs).toEqual([]); // the "<script>alert(1)</script>" typed in a cell did not run
    expect(await page.locator('script, img').count()).toBe(0);

    const headline = page.locator('#headline');
    await expect(headline.isVisible()).resolves.toBe(true);
    expect(await headline.textContent()).toBe('50 / 57 chỉ số đạt');
    const chart = page.locator('svg#chart-standards');
    await expect(chart.isVisible()).resolves.toBe(true);
    const box = (await chart.boundingBox())!;
    expect(box.width).toBeGreaterThan(500);
    expect(box.height).toBeGreaterThan(300);
    expect(await chart.locator('g.bar').count()).toBe(12);
    // Each bar is drawn: its segments have a size on screen.
    const seg = (await chart.locator('g.bar[data-standard="1.3"] rect').first().boundingBox())!;
    expect(seg.width).toBeGreaterThan(100);
    // The hostile text typed in the workbook is shown as text.
    expect(await page.locator('#gaps').textContent()).toContain('"<script>alert(1)</script>" không phải là số');

    await page.screenshot({ path: path.join(OUT, 'report.png'), fullPage: true });
    await page.screenshot({ path: path.join(OUT, 'report-top.png') });

    // Printing: A4 pages, each section starting a new page.
    await page.emulateMedia({ media: 'print' });
    const breaks = await page.$$eval('section', (els) => els.map((s) => getComputedStyle(s).breakBefore));
    // Overview and chart share the first page; the gaps and the full list each start a page.
    expect(breaks).toEqual(['auto', 'auto', 'page', 'page']);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    fs.writeFileSync(path.join(OUT, 'report.pdf'), pdf);
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBeGreaterThanOrEqual(4);
    await context.close();
  }, 60000);

  test('the consolidated report shows the completeness table, set in without a single request', async () => {
    const c = consolidated(criteria);
    const html = renderHtmlReport({ criteria, results: c.results, summary: c.summary, consolidation: c.consolidation, lang: 'vi', title: 'Hà Nội — tổng hợp báo cáo các sở' });
    const file = path.join(OUT, 'report-consolidated.html');
    fs.writeFileSync(file, html, 'utf8');
    const { context, page, requests, errors, dialogs, url } = await open(file);
    expect(requests).toEqual([url]);
    expect(errors).toEqual([]);
    expect(dialogs).toEqual([]);
    const table = page.locator('table.completeness');
    await expect(table.isVisible()).resolves.toBe(true);
    expect(await table.locator('tbody tr').count()).toBe(c.consolidation.completeness.length);
    await page.locator('#completeness').screenshot({ path: path.join(OUT, 'report-completeness.png') });

    // Set straight into a blank page: not even the document is fetched.
    const blank = await context.newPage();
    const more: string[] = [];
    blank.on('request', (r) => more.push(r.url()));
    await blank.setContent(html, { waitUntil: 'load' });
    expect(await blank.locator('#headline').textContent()).toMatch(/^\d+ \/ 57 chỉ số đạt$/);
    expect(more).toEqual([]);
    await context.close();
  }, 60000);

  test('reads on a phone-sized screen: the counts wrap, nothing overflows sideways', async () => {
    const file = path.join(OUT, 'report.html');
    const { context, page } = await open(file, { width: 390, height: 844 });
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    const countsFit = async () => {
      const counts = (await page.locator('ul.counts').boundingBox())!;
      expect(counts.x).toBeGreaterThanOrEqual(0);
      expect(counts.x + counts.width).toBeLessThanOrEqual(390);
    };
    // Wide tables scroll inside their own box; the page itself never scrolls sideways.
    expect(await overflow()).toBe(0);
    await countsFit();
    expect(await page.locator('#headline').isVisible()).toBe(true);
    await page.screenshot({ path: path.join(OUT, 'report-phone.png') });
    // Not only with the fonts this machine has: text 15% wider than them still fits.
    await page.addStyleTag({ content: 'body, body * { letter-spacing: 0.15em !important; }' });
    expect(await overflow()).toBe(0);
    await countsFit();
    await page.screenshot({ path: path.join(OUT, 'report-phone-wide-font.png') });
    await context.close();
  }, 60000);
});
