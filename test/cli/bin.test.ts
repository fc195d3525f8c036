/**
 * The installed command: `node bin/gnlc.js …` runs the compiled CLI (dist/cli), with real exit
 * codes, from any folder (the default criteria are found next to the package, not the cwd).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { reportSchema } from '../../src/cli/report';
import { BIN, ROOT, SAMPLE, buildCli, scratch } from './helpers';

let dir: string;
beforeAll(() => {
  buildCli();
  dir = scratch();
}, 120000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function run(args: string[], cwd = ROOT) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('node bin/gnlc.js score examples/… --out … --report … works, from the repository root', () => {
  const out = path.join(dir, 'da-cham.xlsx');
  const report = path.join(dir, 'bao-cao.json');
  const r = run(['score', 'examples/phu-luc-thanh-pho-mau.xlsx', '--out', out, '--report', report]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  expect(r.stdout).toContain('46 / 57 chỉ số đạt');
  expect(fs.statSync(out).size).toBeGreaterThan(10000);
  expect(reportSchema.safeParse(JSON.parse(fs.readFileSync(report, 'utf8'))).success).toBe(true);
});

test('from another folder, with the default criteria of the package', () => {
  const r = run(['score', SAMPLE, '--lang', 'en'], dir);
  expect(r.code).toBe(0);
  expect(r.stdout).toContain('46 of 57 indicators met');
});

test('real exit codes and one line on stderr', () => {
  const none = run([]);
  expect(none.code).toBe(1);
  expect(none.stderr.trim().split('\n')).toHaveLength(1);
  const missing = run(['score', path.join(dir, 'khong-co.xlsx')]);
  expect(missing.code).toBe(2);
  expect(missing.stderr).toMatch(/^gnlc: Không tìm thấy tệp/);
  expect(run(['--version']).stdout).toMatch(/^gnlc \d+\.\d+\.\d+\n$/);
});

test('template and consolidate through the installed command: real files, real exit codes', () => {
  const template = path.join(dir, 'bieu-mau.xlsx');
  const t = run(['template', '--department', 'Sở Y tế', '--out', template]);
  expect(t.stderr).toBe('');
  expect(t.code).toBe(0);
  expect(run(['template', '--department', 'Sở Y tế', '--out', template]).code).toBe(1);
  const returns = fs.readdirSync(path.join(ROOT, 'examples', 'returns')).map((f) => path.join('examples', 'returns', f));
  const c = run(['consolidate', ...returns, '--out', path.join(dir, 'tong-hop.xlsx'), '--html', path.join(dir, 'tong-hop.html')]);
  expect(c.stderr).toBe('');
  expect(c.code).toBe(0);
  expect(c.stdout).toContain('30 / 57 chỉ số đạt');
  const bad = path.join(dir, 'hong.xlsx');
  fs.writeFileSync(bad, 'x');
  const u = run(['consolidate', returns[0]!, bad, '--out', path.join(dir, 'khac.xlsx')]);
  expect(u.code).toBe(2);
  expect(u.stderr.trim().split('\n')).toHaveLength(1);
});
