/**
 * Browser test helpers: a production build of dist/ (made once, when missing or older than its
 * sources), a static server on 127.0.0.1, and Debian's Chromium driven by playwright-core.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { Browser, Page, chromium } from 'playwright-core';
import { StaticServer, serveStatic } from '../../src/preview/serve';

export const ROOT = path.resolve(__dirname, '..', '..');
export const DIST = path.join(ROOT, 'dist');
export const RESULTS = path.join(ROOT, 'test-results');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** What the bundle is built from: a newer file here means dist/ is stale. */
const INPUTS = ['src', 'criteria', 'assets', 'test/fixtures', 'webpack.config.js', 'manifest.xml', 'package.json'];

function newest(p: string): number {
  const full = path.join(ROOT, p);
  if (!fs.existsSync(full)) return 0;
  const st = fs.statSync(full);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const name of fs.readdirSync(full)) max = Math.max(max, newest(path.join(p, name)));
  return max;
}

function upToDate(): boolean {
  const outputs = ['preview.html', 'preview.js', 'taskpane.html', 'taskpane.js', 'commands.html', 'commands.js'].map((f) => path.join(DIST, f));
  const built = outputs.every((f) => fs.existsSync(f)) ? Math.min(...outputs.map((f) => fs.statSync(f).mtimeMs)) : 0;
  return built > Math.max(...INPUTS.map(newest));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The jest run this process belongs to: the parent's pid in a worker process, else our own. */
function runId(): string {
  return String(typeof process.send === 'function' ? process.ppid : process.pid);
}

/**
 * Builds dist/ in production mode unless a build newer than every input is there. Test files
 * run in parallel workers: a lock directory makes one of them build while the others wait, and
 * a build made earlier in the same jest run is kept (sources edited meanwhile must not make a
 * second build clean dist/ under a test that is serving it).
 */
export async function ensureBuild(): Promise<void> {
  fs.mkdirSync(RESULTS, { recursive: true });
  const lock = path.join(RESULTS, '.dist-build.lock');
  const deadline = Date.now() + 15 * 60 * 1000;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      // Another worker is building; a lock older than the deadline is left over from a crash.
      try {
        if (Date.now() - fs.statSync(lock).mtimeMs > 15 * 60 * 1000) fs.rmSync(lock, { recursive: true, force: true });
      } catch {
        // gone meanwhile
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${lock}`);
      await sleep(500);
    }
  }
  const marker = path.join(RESULTS, '.dist-built-by');
  try {
    const builtThisRun = fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') === runId() && fs.existsSync(path.join(DIST, 'preview.html'));
    if (builtThisRun || upToDate()) return;
    const cli = require.resolve('webpack-cli/bin/cli.js', { paths: [ROOT] });
    execFileSync(process.execPath, [cli, '--mode', 'production'], { cwd: ROOT, stdio: 'pipe', timeout: 10 * 60 * 1000 });
    fs.mkdirSync(RESULTS, { recursive: true });
    fs.writeFileSync(marker, runId());
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

export interface Session {
  server: StaticServer;
  browser: Browser;
  close(): Promise<void>;
}

export async function start(): Promise<Session> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  await ensureBuild();
  fs.mkdirSync(RESULTS, { recursive: true });
  const server = await serveStatic(DIST);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    server,
    browser,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

export function shot(name: string): string {
  return path.join(RESULTS, name);
}

/** What sticks out sideways: the pane or a box in it wider than itself, or an element past the pane's left or right edge (the panels at 350 px). */
export async function paneOverflows(page: Page, root = '[data-pane]'): Promise<string[]> {
  return page.locator(root).evaluate((pane) => {
    const out: string[] = [];
    const name = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${[...el.attributes].filter((a) => a.name.startsWith('data-')).map((a) => `[${a.name}=${a.value}]`).join('')}`;
    const boxes = [pane, ...pane.querySelectorAll('main, section, header, [data-section], [role="region"], li, form, fieldset')];
    for (const el of boxes) if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible') out.push(`${name(el)} scrollWidth ${el.scrollWidth} > clientWidth ${el.clientWidth}`);
    const { left, right } = pane.getBoundingClientRect();
    for (const el of pane.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.width && (r.right > right + 1 || r.left < left - 1)) out.push(`${name(el)} spans ${Math.round(r.left)}–${Math.round(r.right)}, pane ${Math.round(left)}–${Math.round(right)}`);
    }
    return out.slice(0, 20);
  });
}

/** axe-core, every rule (no runOnly), in the pane. */
export async function axeViolations(page: Page, root = '[data-pane]'): Promise<string[]> {
  const source = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(source);
  const result = await page.evaluate(async (include) => {
    const w = window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: Array<{ id: string; impact: string; help: string; nodes: Array<{ target: string[]; any: Array<{ message: string }> }> }> }> } };
    return w.axe.run({ include: [[include]] }, { resultTypes: ['violations'] });
  }, root);
  return result.violations.map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => `${n.target.join(' ')} (${n.any.map((a) => a.message).join('; ')})`).join(', ')}`);
}
