/**
 * The real add-in pages (taskpane.html, commands.html) in Chromium, with Office.js answered at
 * its CDN address by a stub (no network here): the pane renders inside Office.onReady with the
 * theme Office reports, the Content-Security-Policy lets the pane run, the ribbon function is
 * registered. Requests may go to the local server and to Office.js's CDN only.
 */
import type { Page, Route } from 'playwright-core';
import { Session, shot, start } from './helpers';

jest.setTimeout(120_000);

const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

/** Office.js as the pages see it: onReady in Excel, a theme, requirements, actions.associate; Excel.run fails. */
function officeStub(theme: { bodyBackgroundColor: string }): string {
  return `
    window.__associated = {};
    window.Office = {
      HostType: { Excel: 'Excel', Word: 'Word' },
      context: { officeTheme: ${JSON.stringify(theme)}, displayLanguage: 'vi-VN', requirements: { isSetSupported: function () { return true; } } },
      onReady: function (cb) { var info = { host: 'Excel', platform: 'OfficeOnline' }; setTimeout(function () { cb && cb(info); }, 0); return Promise.resolve(info); },
      actions: { associate: function (name, fn) { window.__associated[name] = fn; } }
    };
    window.Excel = { run: function () { return Promise.reject(new Error('Excel is not available in this test')); } };
  `;
}

let session: Session;

beforeAll(async () => {
  session = await start();
}, 15 * 60 * 1000);

afterAll(async () => {
  await session?.close();
});

async function open(path: string, theme = { bodyBackgroundColor: '#FFFFFF' }): Promise<{ page: Page; requests: string[]; problems: string[] }> {
  const page = await session.browser.newPage({ viewport: { width: 360, height: 720 } });
  const requests: string[] = [];
  const problems: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  await page.route('https://appsforoffice.microsoft.com/**', (route: Route) =>
    route.request().url() === OFFICE_JS ? route.fulfill({ status: 200, contentType: 'text/javascript', body: officeStub(theme) }) : route.abort(),
  );
  await page.goto(`${session.server.url}${path}`);
  return { page, requests, problems };
}

function foreign(requests: string[], allowed: string[]): string[] {
  return requests.filter((u) => !allowed.includes(new URL(u).origin));
}

test('taskpane.html: the pane renders inside Office.onReady, light theme, CSP intact', async () => {
  const { page, requests, problems } = await open('taskpane.html');
  await page.getByRole('heading', { name: 'Bắt đầu' }).waitFor();
  // The results' and tools' chunk is not in taskpane.js: it comes after the first paint, unasked.
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => /\/panels\.js$/.test(e.name)));
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("script-src 'self' https://appsforoffice.microsoft.com;");
  expect(csp).toContain("default-src 'self'");
  const bg = await page.locator('[data-lang]').evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(bg).toBe('rgb(250, 250, 250)'); // webLightTheme colorNeutralBackground2
  // Without Excel the action fails politely, in the pane.
  await page.getByRole('button', { name: 'Chấm điểm', exact: true }).click();
  await page.getByText('Excel is not available in this test').waitFor();
  await page.screenshot({ path: shot('taskpane-light.png'), fullPage: true });
  expect(foreign(requests, [new URL(session.server.url).origin, 'https://appsforoffice.microsoft.com'])).toEqual([]);
  expect(requests).toContain(OFFICE_JS);
  // The scoring engine came as its own chunk, from the pane's own server.
  expect(requests.filter((u) => /\/engine\.js$/.test(u))).toHaveLength(1);
  expect(problems).toEqual([]);
  await page.close();
});

test('taskpane.html: the first screen is whole as it first shows, and nothing on it moves when "Mẫu và tổng hợp" comes just after', async () => {
  const page = await session.browser.newPage({ viewport: { width: 360, height: 720 } });
  // What the pane holds, and where, at its first DOM commit (read in the same task, before any paint).
  await page.addInitScript(() => {
    const seen = new MutationObserver(() => {
      const container = document.getElementById('container');
      if (!container?.firstChild) return;
      seen.disconnect();
      const box = (selector: string) => {
        const el = document.querySelector(selector);
        if (!el) return null;
        const r = el.getBoundingClientRect();
        return { text: (el.textContent ?? '').trim(), x: r.x, y: r.y, width: r.width, height: r.height };
      };
      (window as unknown as { __first: unknown }).__first = {
        title: box('h1'),
        languages: box('[role="group"]'),
        score: box('button[data-action="score"]'),
        clear: box('button[data-action="clear"]'),
        intro: box('[data-section="intro"]'),
      };
    });
    seen.observe(document, { childList: true, subtree: true });
  });
  await page.route('https://appsforoffice.microsoft.com/**', (route: Route) =>
    route.request().url() === OFFICE_JS ? route.fulfill({ status: 200, contentType: 'text/javascript', body: officeStub({ bodyBackgroundColor: '#FFFFFF' }) }) : route.abort(),
  );
  await page.goto(`${session.server.url}taskpane.html`);
  // The tools' section comes on its own, nothing asked.
  const tools = page.locator('[data-section="tools-accordion"]');
  await tools.waitFor();
  type Box = { text: string; x: number; y: number; width: number; height: number } | null;
  const first = (await page.evaluate(() => (window as unknown as { __first: Record<string, Box> }).__first))!;
  // Whole at once: the title, the language switch, both actions and the introduction.
  expect(first.title?.text).toBe('Chấm điểm thành phố học tập');
  expect(first.languages?.text).toBe('VIEN');
  expect(first.score).not.toBeNull();
  expect(first.clear?.text).toBe('Xóa màu');
  expect(first.intro?.text).toContain('Bắt đầu');
  // The tools' section lies below the introduction ...
  const toolsBox = (await tools.boundingBox())!;
  expect(toolsBox.y).toBeGreaterThanOrEqual(first.intro!.y + first.intro!.height);
  // ... and nothing shown at first moved when it came.
  const now = await page.evaluate(() =>
    ['h1', '[role="group"]', 'button[data-action="score"]', 'button[data-action="clear"]', '[data-section="intro"]'].map((s) => {
      const r = document.querySelector(s)!.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    }),
  );
  const before = [first.title, first.languages, first.score, first.clear, first.intro].map((b) => ({ x: b!.x, y: b!.y, width: b!.width, height: b!.height }));
  expect(now).toEqual(before);
  await page.close();
});

test('taskpane.html: an engine chunk that cannot be fetched is said in the pane, actions off', async () => {
  const page = await session.browser.newPage({ viewport: { width: 360, height: 720 } });
  await page.route('https://appsforoffice.microsoft.com/**', (route: Route) =>
    route.request().url() === OFFICE_JS ? route.fulfill({ status: 200, contentType: 'text/javascript', body: officeStub({ bodyBackgroundColor: '#FFFFFF' }) }) : route.abort(),
  );
  await page.route('**/engine.js', (route: Route) => route.abort());
  await page.goto(`${session.server.url}taskpane.html`);
  await page.getByText(/Không tải được bộ chấm điểm/).waitFor();
  expect(await page.locator('button[data-action="score"]').isDisabled()).toBe(true);
  expect(await page.getByRole('heading', { name: 'Bắt đầu' }).isVisible()).toBe(true);
  await page.close();
});

test('taskpane.html: a panels chunk that cannot be fetched is said where the tools would show', async () => {
  const page = await session.browser.newPage({ viewport: { width: 360, height: 720 } });
  await page.route('https://appsforoffice.microsoft.com/**', (route: Route) =>
    route.request().url() === OFFICE_JS ? route.fulfill({ status: 200, contentType: 'text/javascript', body: officeStub({ bodyBackgroundColor: '#FFFFFF' }) }) : route.abort(),
  );
  await page.route('**/panels.js', (route: Route) => route.abort());
  await page.goto(`${session.server.url}taskpane.html`);
  await page.getByRole('heading', { name: 'Bắt đầu' }).waitFor();
  await page.getByRole('button', { name: 'Mẫu và tổng hợp' }).click();
  await page.getByText(/Không tải được phần kết quả và công cụ/).waitFor();
  // The pane itself still works: scoring is not held up by the panels.
  expect(await page.locator('button[data-action="score"]').isEnabled()).toBe(true);
  await page.close();
});

test('taskpane.html follows a dark Office theme', async () => {
  const { page, problems } = await open('taskpane.html', { bodyBackgroundColor: '#1F1F1F' });
  await page.getByRole('heading', { name: 'Bắt đầu' }).waitFor();
  const bg = await page.locator('[data-lang]').evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(bg).toBe('rgb(31, 31, 31)'); // webDarkTheme colorNeutralBackground2 (#1f1f1f)
  await page.screenshot({ path: shot('taskpane-dark.png') });
  expect(problems).toEqual([]);
  await page.close();
});

test('commands.html registers scoreFromRibbon', async () => {
  const { page, requests, problems } = await open('commands.html');
  await page.waitForFunction(() => typeof (window as unknown as { __associated: Record<string, unknown> }).__associated.scoreFromRibbon === 'function');
  expect(await page.evaluate(() => typeof (window as unknown as Record<string, unknown>).scoreFromRibbon)).toBe('function');
  expect(foreign(requests, [new URL(session.server.url).origin, 'https://appsforoffice.microsoft.com'])).toEqual([]);
  expect(problems).toEqual([]);
  await page.close();
});
