/**
 * Issue #15: every panel of the pane at 350 px, in the light, dark and high-contrast themes the
 * preview offers (?theme=…), and in high contrast once more with the page's colours forced, as
 * Windows' high-contrast mode does ("forced"): start, results, a card opened, fixing a mapping, "Mẫu và tổng hợp"
 * (over the coordinator's workbook of returns, and after consolidating), live checking (a value
 * typed into the workbook is re-checked), English, and the help page. In each: no element sticks
 * out of the pane sideways, and axe with every rule finds nothing. A screenshot of each goes to
 * test-results/panels-<theme>-<n>-<panel>.png (kept out of git).
 *
 * The preview's own selectors are checked too: the sample workbook and the theme, and the workbook
 * view scrolling to a cell the pane selects.
 */
import type { Page } from 'playwright-core';
import { Session, axeViolations, paneOverflows, shot, start } from './helpers';
import { loadCriteria } from '../core/helpers';
import { sampleAppendix } from '../../src/preview/sample';
import { STATUS_FILL } from '../../src/core/plan';

jest.setTimeout(300_000);

const criteria = loadCriteria();
const sample = sampleAppendix(criteria);
/** The preview's three themes, and high contrast once more with the page's colours forced (Windows' high-contrast mode). */
const THEMES = ['light', 'dark', 'contrast', 'forced'] as const;
type ThemeName = (typeof THEMES)[number];

let session: Session;
const problems: string[] = [];

beforeAll(async () => {
  session = await start();
}, 15 * 60 * 1000);

afterAll(async () => {
  await session?.close();
});

async function open(theme: ThemeName, sampleKind = 'appendix', path = 'preview.html'): Promise<Page> {
  const page = await session.browser.newPage({ viewport: { width: 1200, height: 800 }, deviceScaleFactor: 1 });
  page.on('pageerror', (e) => problems.push(`${theme} ${sampleKind}: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`${theme} ${sampleKind}: console ${m.text()}`);
  });
  // Windows' high-contrast mode forces the system colours on the page; the pane must survive that too.
  if (theme === 'forced') await page.emulateMedia({ forcedColors: 'active', colorScheme: 'dark' });
  await page.goto(`${session.server.url}${path}?theme=${theme === 'forced' ? 'contrast' : theme}&sample=${sampleKind}`);
  if (path === 'preview.html') {
    await page.getByRole('button', { name: 'Chấm điểm', exact: true }).waitFor();
    // "Mẫu và tổng hợp" comes just after the pane's first paint: the start screen is checked with it.
    await page.locator('[data-section="tools-accordion"]').waitFor();
    await page.locator('[data-pane]').evaluate((el) => ((el as HTMLElement).style.width = '350px'));
  }
  return page;
}

/** The panel shown: screenshot, nothing overflowing, axe clean. */
async function panel(page: Page, theme: ThemeName, n: number, what: string, scrollTo?: string): Promise<void> {
  if (scrollTo) await page.locator(scrollTo).first().evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await page.locator('[data-pane]').screenshot({ path: shot(`panels-${theme}-${n}-${what}.png`) });
  expect({ what, theme, overflows: await paneOverflows(page) }).toEqual({ what, theme, overflows: [] });
  expect({ what, theme, axe: await axeViolations(page) }).toEqual({ what, theme, axe: [] });
}

describe.each(THEMES.filter((t) => !process.env.PANEL_THEME || t === process.env.PANEL_THEME))('theme %s', (theme) => {
  let page: Page;
  afterAll(async () => {
    await page?.close();
  });

  test('the pane takes the theme chosen', async () => {
    page = await open(theme);
    expect(await page.locator('[data-choose="theme"]').inputValue()).toBe(theme === 'forced' ? 'contrast' : theme);
    const bg = await page.locator('[data-pane] > div').first().evaluate((el) => getComputedStyle(el).backgroundColor);
    const [r, g, b] = bg.match(/\d+/g)!.map(Number);
    const light = 0.2126 * r! + 0.7152 * g! + 0.0722 * b! > 128;
    expect(light).toBe(theme === 'light');
  });

  test('start', async () => {
    await panel(page, theme, 1, 'start');
  });

  test('results', async () => {
    await page.getByRole('button', { name: 'Chấm điểm', exact: true }).click();
    await page.locator('[data-headline]').waitFor();
    await panel(page, theme, 2, 'results');
    // A multi-field value: the long group label once, then Nam, Nữ, Tổng, Tỷ lệ.
    const multi = page.locator('li[data-indicator="2.1.1.a"]');
    await multi.scrollIntoViewIfNeeded();
    await multi.screenshot({ path: shot(`panels-${theme}-2-multi-field.png`) });
    expect((await multi.locator('[data-field="value"]').textContent())!.split('Số trẻ em 5 tuổi').length - 1).toBe(1);
  });

  test('a card opened, and the workbook view scrolls to its cells', async () => {
    const card = page.locator('li[data-indicator="3.3.4.a"]');
    expect(await card.getAttribute('data-collapsed')).not.toBeNull();
    await page.locator('[data-sheet-view]').evaluate((el) => el.scrollTo(0, 0));
    await card.locator('button').first().click();
    await page.waitForFunction(() => /^Phụ lục!/.test(document.querySelector('[data-selection]')?.textContent ?? '') && !document.querySelector('li[data-indicator="3.3.4.a"][data-collapsed]'));
    // The selected cell (near the sheet's end) is in view in the workbook.
    const selected = (await page.locator('[data-selection]').textContent())!.replace('Phụ lục!', '').split(/[:,]/)[0]!;
    const view = (await page.locator('[data-sheet-view]').boundingBox())!;
    const cell = (await page.locator(`[data-sheet-view] td[data-address="${selected}"]`).boundingBox())!;
    expect(cell.y).toBeGreaterThanOrEqual(view.y);
    expect(cell.y + cell.height).toBeLessThanOrEqual(view.y + view.height);
    await panel(page, theme, 3, 'card-open', 'li[data-indicator="3.3.4.a"]');
  });

  test('fixing a mapping', async () => {
    await page.locator(`[data-sheet-view] td[data-address="${sample.valueCell}"]`).click();
    await page.locator(`[data-unmapped="${sample.lostId}"] button`).click();
    await page.locator(`[data-mapping-fix="${sample.lostId}"]`).waitFor();
    await panel(page, theme, 4, 'mapping-fix', `li[data-indicator="${sample.lostId}"]`);
  });

  test('live checking: a value typed into the sheet is checked at once', async () => {
    await page.locator('[data-live-switch]').check();
    const cell = sample.cells['1.1.1.a']!;
    await page.locator(`[data-sheet-view] td[data-address="${cell}"]`).dblclick();
    const bar = page.locator(`[data-formula-bar="${cell}"] input, input[data-formula-bar="${cell}"]`).first();
    await bar.fill('97');
    await bar.press('Enter');
    await page.waitForFunction(() => (document.querySelector('[data-live-seen]')?.getAttribute('data-live-seen') ?? '').includes('1.1.1.a'));
    expect(await page.locator('li[data-indicator="1.1.1.a"]').getAttribute('data-status')).toBe('met');
    expect(await page.locator(`[data-sheet-view] td[data-address="${cell}"]`).getAttribute('data-fill')).toBe(STATUS_FILL.met);
    await panel(page, theme, 5, 'live', '[data-section="live"]');
    await page.locator('[data-live-switch]').uncheck();
  });

  test('English', async () => {
    await page.getByRole('button', { name: 'EN (English)' }).click();
    await page.getByRole('heading', { level: 1, name: 'Learning city scorer' }).waitFor();
    expect(await page.getByText('1 indicator not found', { exact: true }).count()).toBe(1);
    await panel(page, theme, 6, 'english', '[data-pane] header');
    await page.getByRole('button', { name: 'VI (Tiếng Việt)' }).click();
  });

  test('"Mẫu và tổng hợp" over the coordinator’s workbook of returns, then consolidated', async () => {
    const tools = await open(theme, 'returns');
    try {
      expect(await tools.locator('[data-tab]').evaluateAll((els) => els.map((e) => e.getAttribute('data-tab')))).toEqual(['Sở GD&ĐT', 'Sở Y tế', 'Sở LĐ-TB&XH', 'Ghi chú']);
      await tools.getByRole('button', { name: 'Mẫu và tổng hợp' }).click();
      await tools.locator('[data-section="tools"]').waitFor();
      await tools.locator('[data-field="sheets"] input[type="checkbox"]').first().waitFor();
      await panelOf(tools, 7, 'tools', '[data-section="tools-accordion"]');
      for (const name of ['Sở GD&ĐT', 'Sở Y tế', 'Sở LĐ-TB&XH']) await tools.locator('[data-field="sheets"]').getByRole('checkbox', { name, exact: true }).check();
      await panelOf(tools, 8, 'tools-sheets', '[data-field="sheets"]');
      await tools.locator('[data-action="consolidate"]').click();
      await tools.locator('[data-section="consolidation"]').waitFor();
      await panelOf(tools, 9, 'consolidated', '[data-section="consolidation"]');
    } finally {
      await tools.close();
    }
  });

  async function panelOf(p: Page, n: number, what: string, scrollTo: string) {
    await panel(p, theme, n, what, scrollTo);
  }

  test('a department’s return and an empty workbook', async () => {
    const ret = await open(theme, 'return');
    try {
      await ret.getByRole('button', { name: 'Chấm điểm', exact: true }).click();
      await ret.locator('[data-headline]').waitFor();
      expect(await ret.locator('[data-headline]').textContent()).toMatch(/^Sở Lao động - Thương binh và Xã hội: \d+ \/ 7 đạt$/);
      await panel(ret, theme, 10, 'return');
    } finally {
      await ret.close();
    }
    const empty = await open(theme, 'empty');
    try {
      await empty.getByRole('button', { name: 'Chấm điểm', exact: true }).click();
      await empty.locator('[data-notice="error"]').waitFor();
      await panel(empty, theme, 11, 'empty');
    } finally {
      await empty.close();
    }
  });

  test('the help page at 350 px', async () => {
    const help = await session.browser.newPage({ viewport: { width: 350, height: 800 }, deviceScaleFactor: 1, colorScheme: theme === 'dark' ? 'dark' : 'light' });
    try {
      if (theme === 'forced') await help.emulateMedia({ forcedColors: 'active' });
      await help.goto(`${session.server.url}help.html`);
      await help.screenshot({ path: shot(`panels-${theme}-12-help.png`), fullPage: true });
      expect(await help.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(350);
      expect(await axeViolations(help, 'body')).toEqual([]);
    } finally {
      await help.close();
    }
  });
});

test('the selectors: another sample workbook gets a fresh pane; the theme changes the pane only; both kept in the address', async () => {
  const page = await open('light');
  try {
    await page.getByRole('button', { name: 'Chấm điểm', exact: true }).click();
    await page.locator('[data-headline]').waitFor();
    await page.locator('[data-choose="sample"]').selectOption('returns');
    await page.locator('[data-tab="Sở Y tế"]').waitFor();
    expect(await page.locator('[data-tab]').evaluateAll((els) => els.map((e) => e.getAttribute('data-tab')))).toEqual(['Sở GD&ĐT', 'Sở Y tế', 'Sở LĐ-TB&XH', 'Ghi chú']);
    expect(await page.locator('[data-headline]').count()).toBe(0);
    await page.locator('[data-choose="theme"]').selectOption('dark');
    await page.locator('[data-pane][data-theme="dark"]').waitFor();
    expect(new URL(page.url()).search).toBe('?theme=dark&sample=returns');
    // The workbook view keeps Excel's light grid whatever the pane's theme.
    expect(await page.locator('[data-sheet-view] td').first().evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(255, 255, 255)');
    await page.screenshot({ path: shot('panels-preview-returns-dark.png') });
  } finally {
    await page.close();
  }
});

test('no page errors', () => {
  expect(problems).toEqual([]);
});
