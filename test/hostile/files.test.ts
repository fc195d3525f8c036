/**
 * Issue #17, findings 5–8: output files written safely (random exclusive temp names, a planted
 * symlink never followed, nothing left after SIGINT), --out names an .xlsx, every existing output
 * is replaced only with --force; the preview server survives any request path; the dev server
 * binds to localhost; workbook text reaches the terminal without control characters.
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as path from 'path';
import { serveStatic } from '../../src/preview/serve';
import { loadCriteria } from '../core/helpers';
import { appendixWorkbook, valuesWith, writeCase } from './corpus';
import { ROOT, expectOneLineFailure, gnlc, scratch } from './helpers';

let dir: string;
let sample: string;
beforeAll(async () => {
  dir = scratch();
  sample = writeCase(dir, 'sample.xlsx', (await appendixWorkbook(loadCriteria())).bytes);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const tmpFiles = (d: string) => fs.readdirSync(d).filter((n) => n.endsWith('.tmp'));

describe('output files', () => {
  test('a symlink planted under the old predictable temporary name is not followed', async () => {
    const victim = writeCase(dir, 'victim.txt', 'keep me');
    const out = path.join(dir, 'scored-link.xlsx');
    for (let pid = process.pid - 5; pid <= process.pid + 5; pid++) fs.symlinkSync(victim, path.join(dir, `.scored-link.xlsx.${pid}.tmp`));
    const r = await gnlc('score', sample, '--out', out);
    expect(r.code).toBe(0);
    expect(fs.readFileSync(victim, 'utf8')).toBe('keep me');
    expect(fs.lstatSync(out).isFile()).toBe(true);
  });

  test('the temporary name is random: two runs never use the same one (none is left)', async () => {
    const sub = fs.mkdtempSync(path.join(dir, 'rand-'));
    for (const n of [1, 2]) expect((await gnlc('score', sample, '--report', path.join(sub, `r${n}.json`))).code).toBe(0);
    expect(tmpFiles(sub)).toEqual([]);
  });

  test.each(['SIGINT', 'SIGTERM'] as const)('%s while an output is written: exit 130 / 143, no temporary file, no half-written file', async (signal) => {
    const sub = fs.mkdtempSync(path.join(dir, `${signal}-`));
    const out = path.join(sub, 'big.xlsx');
    const child = spawn(process.execPath, ['--require', require.resolve('tsx/cjs'), path.join(__dirname, 'write-child.ts'), out, '400'], { cwd: ROOT, stdio: 'ignore' });
    // As soon as the temporary file appears (400 MB take a while to write), interrupt.
    const [code, caught] = await new Promise<[number | null, boolean]>((resolve) => {
      let sent = false;
      const poll = setInterval(() => {
        if (!sent && tmpFiles(sub).length) {
          sent = true;
          child.kill(signal);
        }
      }, 2);
      child.on('exit', (c) => {
        clearInterval(poll);
        resolve([c, sent]);
      });
    });
    expect(caught).toBe(true);
    expect(code).toBe(signal === 'SIGINT' ? 130 : 143);
    expect(tmpFiles(sub)).toEqual([]);
    expect(fs.existsSync(out)).toBe(false);
  }, 60_000);

  test('an interrupted run of the command line leaves no temporary file either', async () => {
    const sub = fs.mkdtempSync(path.join(dir, 'cli-sigint-'));
    const child = spawn(process.execPath, ['--require', require.resolve('tsx/cjs'), path.join(__dirname, 'cli-child.ts'), 'score', sample, '--out', path.join(sub, 'scored.xlsx')], { cwd: ROOT, stdio: 'ignore' });
    const poll = setInterval(() => {
      if (tmpFiles(sub).length) child.kill('SIGINT');
    }, 1);
    await new Promise((resolve) => child.on('exit', resolve));
    clearInterval(poll);
    expect(tmpFiles(sub)).toEqual([]);
  }, 60_000);

  test.each(['x.csv', 'x.xlsm', 'x.xlsx.bak', 'x'])('--out %s: exit 1, one line, nothing written', async (name) => {
    const out = path.join(dir, name);
    expectOneLineFailure(await gnlc('score', sample, '--out', out, '--lang', 'en'), 1, /the copy is always an \.xlsx file/);
    expect(fs.existsSync(out)).toBe(false);
  });

  test.each([
    ['score', '--report', 'r.json'],
    ['score', '--html', 'r.html'],
    ['score', '--out', 'o.xlsx'],
    ['template', '--out', 't.xlsx'],
    ['consolidate', '--out', 'm.xlsx'],
    ['consolidate', '--report', 'm.json'],
    ['consolidate', '--html', 'm.html'],
  ])('%s %s over an existing (read-only) file: exit 1 without --force; replaced with --force', async (command, option, name) => {
    const target = writeCase(dir, `exists-${command}-${name}`, 'old');
    fs.chmodSync(target, 0o444);
    const returns = fs.readdirSync(path.join(ROOT, 'examples', 'returns')).filter((n) => n.endsWith('.xlsx')).map((n) => path.join(ROOT, 'examples', 'returns', n));
    const master = path.join(dir, `master-${option.slice(2)}.xlsx`);
    fs.rmSync(master, { force: true });
    const args =
      command === 'score'
        ? ['score', sample, option, target]
        : command === 'consolidate'
          ? ['consolidate', ...returns, ...(option === '--out' ? [] : ['--out', master]), option, target]
          : ['template', option, target];
    expectOneLineFailure(await gnlc(...args, '--lang', 'en'), 1, /already exists: .*--force/);
    expect(fs.readFileSync(target, 'utf8')).toBe('old');
    fs.rmSync(master, { force: true });
    expect((await gnlc(...args, '--force')).code).toBe(0);
    expect(fs.readFileSync(target).length).toBeGreaterThan(3);
  });
});

test('control characters in cells never reach the terminal', async () => {
  const criteria = loadCriteria();
  const values = valuesWith(criteria, { '1.1.1.a': '\u001b]0;pwned\u0007\u001b[2J\u001b[31m95 phần trăm', '1.1.2.a': 'chưa có\u009b31m\r\nsố liệu' });
  const file = writeCase(dir, 'escape.xlsx', (await appendixWorkbook(criteria, values)).bytes);
  const r = await gnlc('score', file);
  expect(r.code).toBe(0);
  // eslint-disable-next-line no-control-regex -- control characters are what is looked for
  expect(r.stdout + r.stderr).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/);
});

describe('local servers', () => {
  const get = (url: string, p: string) =>
    new Promise<number>((resolve, reject) => {
      const u = new URL(url);
      http.get({ host: u.hostname, port: u.port, path: p }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      }).on('error', reject);
    });

  test('the preview server answers 400 to a NUL in the path and keeps serving', async () => {
    const root = fs.mkdtempSync(path.join(dir, 'www-'));
    fs.writeFileSync(path.join(root, 'preview.html'), '<p>ok</p>');
    const server = await serveStatic(root);
    try {
      expect(await get(server.url, '/preview.html%00.png')).toBe(400);
      expect(await get(server.url, '/%00')).toBe(400);
      expect(await get(server.url, '/%E0%A4%A')).toBe(400);
      expect(await get(server.url, '/preview.html')).toBe(200);
    } finally {
      await server.close();
    }
  });

  test('the dev server binds to localhost only and sends no wildcard CORS header', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const factory = require(path.join(ROOT, 'webpack.config.js')) as (env: unknown, argv: unknown) => Promise<{ devServer?: Record<string, unknown> }>;
    const text = fs.readFileSync(path.join(ROOT, 'webpack.config.js'), 'utf8');
    expect(text).not.toMatch(/Access-Control-Allow-Origin['"]?\s*:\s*['"]\*/);
    expect(text).toMatch(/host: 'localhost'/);
    expect(typeof factory).toBe('function');
  });
});
