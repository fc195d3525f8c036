/**
 * Issue #17, finding 1: tiny files that cost a lot, and the limits stated as cells and bytes,
 * run by the built command line (bin/gnlc.js, `npm run build:cli`) in a 512 MB heap: files just
 * past a limit end with exit 2 and one line within 30 s and well under 1 GB; files at the limit
 * are scored (their time and peak memory are printed).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { INPUT_LIMITS } from '../../src/hosts/xlsx/limits';
import { loadCriteria } from '../core/helpers';
import { appendixWorkbook, farCornerWorkbook, withFarCorner, manyCellsWorkbook, mergedAreaWorkbook, withCellsUpTo, withTextUpTo, writeCase } from './corpus';
import { ROOT, Run, expectOneLineFailure, scratch } from './helpers';

let dir: string;
let base: Buffer;

beforeAll(async () => {
  dir = scratch();
  base = (await appendixWorkbook(loadCriteria())).bytes;
  const built = spawnSync('npm', ['run', 'build:cli'], { cwd: ROOT, encoding: 'utf8' });
  expect(built.status).toBe(0);
}, 180_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** bin/gnlc.js in a 512 MB heap, its peak memory measured by /usr/bin/time when there is one. */
function bin(args: string[], timeoutMs: number): Run {
  const started = Date.now();
  const time = fs.existsSync('/usr/bin/time');
  const cmd = time ? '/usr/bin/time' : process.execPath;
  const argv = [...(time ? ['-f', 'maxrss_kb=%M', process.execPath] : []), '--max-old-space-size=512', path.join(ROOT, 'bin', 'gnlc.js'), ...args];
  const r = spawnSync(cmd, argv, { cwd: ROOT, encoding: 'utf8', timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 });
  let stderr = r.stderr ?? '';
  let maxRssMB: number | undefined;
  const m = /maxrss_kb=(\d+)\n?/.exec(stderr);
  if (m) {
    maxRssMB = Math.round(Number(m[1]) / 1024);
    stderr = stderr.replace(m[0], '').replace(/^Command exited with non-zero status \d+\n/m, '');
  }
  return { code: r.status, stdout: r.stdout ?? '', stderr, ms: Date.now() - started, timedOut: r.signal === 'SIGTERM', ...(maxRssMB !== undefined ? { maxRssMB } : {}) };
}

function refused(name: string, bytes: Buffer, mentions: RegExp): Run {
  const file = writeCase(dir, name, bytes);
  const out = path.join(dir, `${name}.out.xlsx`);
  const r = bin(['score', file, '--out', out, '--lang', 'en'], 30_000);
  expectOneLineFailure(r, 2, mentions);
  expect(fs.existsSync(out)).toBe(false);
  if (r.maxRssMB !== undefined) expect(r.maxRssMB).toBeLessThan(1024);
  return r;
}

describe('tiny files that used to exhaust a 512 MB heap', () => {
  test('one value in A1 and one in XFD1048576: read without walking the used range (no appendix there: exit 2, one line)', () => {
    const bytes = farCornerWorkbook();
    expect(bytes.length).toBeLessThan(20 * 1024);
    const r = refused('xfd.xlsx', bytes, /No 57-indicator appendix table|appendix/i);
    expect(r.ms).toBeLessThan(30_000);
  });

  test('the appendix with one more value in XFD1048576: scored and coloured, in seconds', async () => {
    const file = writeCase(dir, 'xfd-appendix.xlsx', await withFarCorner(base));
    const out = path.join(dir, 'xfd-appendix.out.xlsx');
    const r = bin(['score', file, '--out', out], 30_000);
    expect({ code: r.code, timedOut: r.timedOut }).toEqual({ code: 0, timedOut: false });
    expect(r.stdout).toContain('57 / 57');
    if (r.maxRssMB !== undefined) expect(r.maxRssMB).toBeLessThan(1024);
  });

  test('<mergeCell ref="A200:XFD1048576"/>: refused from its size before exceljs loads it', () => {
    refused('merge.xlsx', mergedAreaWorkbook('A200:XFD1048576'), /merged areas cover 17,176,608,768 cells, over the limit of 500,000/);
  });

  test('five sheets of ~3 MB of XML each (600,000 cells): over the cell limit', () => {
    refused('five-sheets.xlsx', manyCellsWorkbook(5, 120_000), /holds at least [\d,]+ cells and rows .*over the limit of 500,000/);
  });
});

describe('the limits, at and just past each', () => {
  test(`${INPUT_LIMITS.maxCells.toLocaleString('en')} cells and rows: scored with a copy written; one more: refused`, async () => {
    const at = writeCase(dir, 'at-cells.xlsx', await withCellsUpTo(base, INPUT_LIMITS.maxCells));
    const out = path.join(dir, 'at-cells.out.xlsx');
    const r = bin(['score', at, '--out', out], 240_000);
    expect({ code: r.code, timedOut: r.timedOut }).toEqual({ code: 0, timedOut: false });
    expect(fs.existsSync(out)).toBe(true);
    process.stdout.write(`\n    ${INPUT_LIMITS.maxCells} cells (${(fs.statSync(at).size / 1048576).toFixed(1)} MB file): scored and written in ${(r.ms / 1000).toFixed(1)} s, peak RSS ${r.maxRssMB ?? '?'} MB (heap 512 MB)\n`);
    refused('past-cells.xlsx', await withCellsUpTo(base, INPUT_LIMITS.maxCells + 1), /holds at least 500,001 cells and rows/);
  }, 300_000);

  test(`${INPUT_LIMITS.uncompressedBytes / 1048576} MB of XML (long text): scored with a copy written; ${INPUT_LIMITS.uncompressedBytes / 1048576 + 1} MB: refused`, async () => {
    const mb = INPUT_LIMITS.uncompressedBytes / 1048576;
    const at = writeCase(dir, 'at-bytes.xlsx', await withTextUpTo(base, mb));
    const out = path.join(dir, 'at-bytes.out.xlsx');
    const r = bin(['score', at, '--out', out], 240_000);
    expect({ code: r.code, timedOut: r.timedOut }).toEqual({ code: 0, timedOut: false });
    process.stdout.write(`\n    ${mb} MB of sheet XML (${(fs.statSync(at).size / 1048576).toFixed(1)} MB file): scored and written in ${(r.ms / 1000).toFixed(1)} s, peak RSS ${r.maxRssMB ?? '?'} MB (heap 512 MB)\n`);
    refused('past-bytes.xlsx', await withTextUpTo(base, mb + 1), /content is 10\d MB uncompressed, over the 100 MB limit/);
  }, 300_000);
});
