/**
 * The task pane: its production bundle size (gzipped) against a React + Fluent UI v9 baseline
 * page importing the same Fluent components and icons, built in the same run with the same
 * webpack settings; and its time to first render in headless Chromium (with the fake Excel
 * host) against that baseline page.
 *
 * Three compilations from webpack.config.js (production): the task pane entry exactly as
 * `npm run build` makes dist/taskpane.js, the generated baseline entry (bench/baseline/entry.ts)
 * and the Office shim both pages load from Office.js's address (bench/baseline/office-shim.ts).
 * They are written to the bench's cache folder, never to dist/ (other work builds there).
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Configuration, MultiStats } from 'webpack';
import { sheetDataFromSnapshot } from '../src/hosts/memory';
import { BenchOptions, CACHE, ROOT, Row, failedRow, gzipSize, interleaved, progress, scratchDir } from './measure';
import { baselineSource, countImports, paneImports } from './baseline/entry';
import { loadSample } from './sample';

const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const WEB = path.join(CACHE, 'web');
/**
 * The goal is ×1.2 (the pane's own code adds at most a fifth to what its UI library costs). Measured
 * 1.75× (215 KB against 123 KB gzipped, with the template and consolidation section): zod ≈ 26 KB, the core ≈ 22 KB, the criteria ≈ 13 KB. Until the
 * pane drops zod (validating the bundled criteria at build time) and loads the mapper lazily, the
 * enforced budget guards against growth at ×1.85; the goal stays printed beside it.
 */
export const SIZE_GOAL = 1.2;
const SIZE_BUDGET: Row['budget'] = { max: 1.85, machineIndependent: true };

interface Built {
  /** .js files of each output, with raw and gzipped sizes. */
  product: Array<{ file: string; raw: number; gzip: number }>;
  baseline: Array<{ file: string; raw: number; gzip: number }>;
  components: number;
  icons: number;
  ms: number;
}

type ConfigFactory = (env: Record<string, unknown>, argv: { mode: string }) => Promise<Configuration>;

/** Builds the three bundles; returns their sizes. */
async function build(): Promise<Built> {
  const webpack = require(require.resolve('webpack', { paths: [ROOT] })) as typeof import('webpack');
  const HtmlWebpackPlugin = require(require.resolve('html-webpack-plugin', { paths: [ROOT] })) as typeof import('html-webpack-plugin');
  const configFile = path.join(ROOT, 'webpack.config.js');
  delete require.cache[configFile];
  const factory = require(configFile) as ConfigFactory;
  const base = await factory({}, { mode: 'production' });
  const entries = base.entry as Record<string, string>;
  if (!entries.taskpane) throw new Error('webpack.config.js has no taskpane entry');
  const isHtml = (p: unknown): p is InstanceType<typeof HtmlWebpackPlugin> => p instanceof HtmlWebpackPlugin;
  const panePage = (base.plugins ?? []).find((p) => isHtml(p) && (p as unknown as { userOptions: { filename?: string } }).userOptions.filename === 'taskpane.html') as unknown as
    | { userOptions: ConstructorParameters<typeof HtmlWebpackPlugin>[0] }
    | undefined;
  if (!panePage) throw new Error('webpack.config.js has no taskpane.html page');

  // Generated sources live outside node_modules (the swc rule skips node_modules) and outside the repository.
  const gen = scratchDir('pane-src');
  const { imports } = paneImports(path.join(ROOT, 'src', 'taskpane'));
  const counts = countImports(imports);
  fs.writeFileSync(path.join(gen, 'baseline.tsx'), baselineSource(imports));
  const { sheets, appendix } = await loadSample();
  fs.writeFileSync(path.join(gen, 'book.json'), JSON.stringify({ name: 'Phu-luc.xlsx', sheets: sheets.map((s) => sheetDataFromSnapshot(s)), active: appendix.name }));
  const shimModule = path.join(__dirname, 'baseline', 'office-shim').split(path.sep).join('/');
  fs.writeFileSync(path.join(gen, 'shim.ts'), `import { installOfficeShim } from ${JSON.stringify(shimModule)};\nimport book from './book.json';\ninstallOfficeShim(book as never);\n`);

  const cache = (name: string): Configuration['cache'] => ({
    type: 'filesystem',
    cacheDirectory: path.join(CACHE, 'webpack'),
    name,
    buildDependencies: { config: [configFile, __filename, path.join(__dirname, 'baseline', 'entry.ts')] },
  });
  const out = (name: string) => ({ ...base.output, path: path.join(WEB, name), clean: true });
  // Bare imports of the generated files resolve from the project's node_modules.
  const resolve = { ...base.resolve, modules: ['node_modules', path.join(ROOT, 'node_modules')] };
  const product: Configuration = {
    ...base,
    name: 'product',
    entry: { taskpane: entries.taskpane },
    output: out('product'),
    plugins: (base.plugins ?? []).filter((p) => !isHtml(p) || p === (panePage as unknown)),
    cache: cache('product'),
  };
  const baseline: Configuration = {
    ...base,
    name: 'baseline',
    entry: { baseline: path.join(gen, 'baseline.tsx') },
    output: out('baseline'),
    resolve,
    plugins: [new HtmlWebpackPlugin({ ...panePage.userOptions, filename: 'baseline.html', chunks: ['baseline'] })],
    cache: cache('baseline'),
  };
  const shim: Configuration = { ...base, name: 'shim', entry: { shim: path.join(gen, 'shim.ts') }, output: out('shim'), resolve, plugins: [], cache: cache('shim') };

  const t0 = Date.now();
  const stats = await new Promise<MultiStats>((resolveStats, reject) => {
    const compiler = webpack([product, baseline, shim]);
    compiler.run((err, s) => {
      compiler.close(() => undefined);
      if (err || !s) reject(err ?? new Error('webpack gave no stats'));
      else resolveStats(s);
    });
  });
  if (stats.hasErrors()) {
    const first = stats.toJson({ all: false, errors: true }).children?.flatMap((c) => c.errors ?? [])[0];
    throw new Error(`webpack: ${first?.message.split('\n').slice(0, 3).join(' ') ?? 'build failed'}`);
  }
  const sizes = (dir: string) =>
    fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.js'))
      .map((file) => {
        const data = fs.readFileSync(path.join(dir, file));
        return { file, raw: data.length, gzip: gzipSize(data) };
      });
  return { product: sizes(path.join(WEB, 'product')), baseline: sizes(path.join(WEB, 'baseline')), ...counts, ms: Date.now() - t0 };
}

const sum = (xs: Array<{ raw: number; gzip: number }>, k: 'raw' | 'gzip') => xs.reduce((n, x) => n + x[k], 0);
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

/** Time to first render of each page in headless Chromium, served from 127.0.0.1. */
async function firstRender(reps: number, warmup: number): Promise<{ pane: number; baseline: number }> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);
  const { chromium } = require(require.resolve('playwright-core', { paths: [ROOT] })) as typeof import('playwright-core');
  const { serveStatic } = await import('../src/preview/serve');
  const shim = fs.readFileSync(path.join(WEB, 'shim', 'shim.js'), 'utf8');
  const server = await serveStatic(WEB);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const load = async (page: string, check?: (p: import('playwright-core').Page) => Promise<void>): Promise<number> => {
      const context = await browser.newContext({ viewport: { width: 360, height: 720 } });
      try {
        const p = await context.newPage();
        const problems: string[] = [];
        p.on('pageerror', (e) => problems.push(e.message));
        await p.route('https://appsforoffice.microsoft.com/**', (route) =>
          route.request().url() === OFFICE_JS ? route.fulfill({ status: 200, contentType: 'text/javascript', body: shim }) : route.abort(),
        );
        await p.goto(`${server.url}${page}`);
        const handle = await p.waitForFunction(() => (window as unknown as { __benchFirstRender?: number }).__benchFirstRender, undefined, { timeout: 30_000 });
        const ms = (await handle.jsonValue()) as number;
        if (check) await check(p);
        if (problems.length) throw new Error(`${page}: ${problems[0]}`);
        return ms;
      } finally {
        await context.close();
      }
    };
    // Once: the pane really renders (its first heading), with the fake host, without errors.
    await load('product/taskpane.html', (p) => p.getByRole('heading', { name: 'Bắt đầu' }).waitFor({ timeout: 30_000 }));
    return await interleaved({ pane: () => load('product/taskpane.html'), baseline: () => load('baseline/baseline.html') }, reps, warmup);
  } finally {
    await browser.close();
    await server.close();
  }
}

export async function benchPane(options: BenchOptions): Promise<Row[]> {
  const group = 'pane';
  const rows: Row[] = [];
  const sizeRow = { group, name: 'taskpane.js (+ chunks), gzipped', unit: 'KB', baselineName: 'React + Fluent UI baseline page', budget: SIZE_BUDGET, note: `goal ×${SIZE_GOAL}, not met yet (see bench/README.md)` };
  const renderRow = { group, name: 'time to first render (fake host)', unit: 'ms', baselineName: 'React + Fluent UI baseline page' };
  let built: Built;
  progress('pane: webpack production builds (task pane, baseline, Office shim)');
  try {
    built = await build();
  } catch (e) {
    // The build config is being worked on in parallel: one more try after a pause.
    progress(`pane: build failed (${(e as Error).message.slice(0, 200)}); retrying in 20 s`);
    await new Promise((r) => setTimeout(r, 20_000));
    try {
      built = await build();
    } catch (e2) {
      return [failedRow(sizeRow, e2), failedRow(renderRow, e2)];
    }
  }
  const gz = sum(built.product, 'gzip');
  const baseGz = sum(built.baseline, 'gzip');
  rows.push({
    ...sizeRow,
    value: gz / 1024,
    baseline: baseGz / 1024,
    note: `${built.product.map((f) => f.file).join(' + ')}: ${kb(sum(built.product, 'raw'))} minified, ${kb(gz)} gzipped; baseline (${built.components} Fluent components/hooks/themes + ${built.icons} icons, as the pane imports them): ${kb(sum(built.baseline, 'raw'))} minified, ${kb(baseGz)} gzipped; built in ${(built.ms / 1000).toFixed(0)} s`,
  });
  progress('pane: first render in Chromium');
  try {
    const t = await firstRender(options.quick ? 5 : 21, options.quick ? 1 : 2);
    rows.push({ ...renderRow, value: t.pane, baseline: t.baseline, note: 'navigation start → first DOM commit into #container; Office.js replaced by the fake-host shim on both pages' });
  } catch (e) {
    rows.push(failedRow(renderRow, e));
  }
  return rows;
}
