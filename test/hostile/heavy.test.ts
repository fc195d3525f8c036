/**
 * The heavy hostile inputs, each run by `gnlc` in a child process with a 512 MB heap
 * (--max-old-space-size=512) and a time limit: zip bombs (headers that tell the truth, a
 * thousand-to-one ratio, headers that lie), a 50 MB criteria file, a 100,000-row workbook. The
 * bombs and the oversized files are refused before they are inflated or read (exit 2, one line,
 * in seconds); the 100,000-row workbook is scored (exit 0) within the time limit — its time and
 * peak memory are printed, not asserted. The input files never change.
 */
import * as fs from 'fs';
import * as path from 'path';
import { reportSchema } from '../../src/cli/report';
import { loadCriteria } from '../core/helpers';
import { appendixWorkbook, withManyRows, writeCase, writeHugeCriteria, zipBomb } from './corpus';
import { BUNDLED_CRITERIA, expectOneLineFailure, gnlcChild, scratch, seal } from './helpers';

let dir: string;
let sample: string;

beforeAll(async () => {
  dir = scratch();
  sample = writeCase(dir, 'sample.xlsx', (await appendixWorkbook(loadCriteria())).bytes);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The refusal of a bomb: exit 2 well inside the time limit, one line, nothing written, the input untouched. */
function refused(file: string, mentions: RegExp, lang: 'vi' | 'en' = 'vi'): void {
  const before = seal(file);
  const out = path.join(dir, `${path.basename(file)}.out.xlsx`);
  const r = gnlcChild(['score', file, '--out', out, '--lang', lang], 30_000);
  expectOneLineFailure(r, 2, mentions);
  expect(fs.existsSync(out)).toBe(false);
  expect(seal(file)).toEqual(before);
}

describe('zip bombs are refused before anything is inflated', () => {
  test('400 MB of sheet XML in a 1.2 MB file (headers tell the truth): over the 100 MB limit', () => {
    const file = writeCase(dir, 'bom-400mb.xlsx', zipBomb('honest', 400));
    expect(fs.statSync(file).size).toBeLessThan(2 * 1024 * 1024);
    refused(file, /bom-400mb\.xlsx: nội dung giải nén của tệp là 400 MB, vượt giới hạn 100 MB \(tệp có thể là "bom nén"\)/);
  });

  test('50 MB of sheet XML compressed over 300 to 1: beyond any real Excel file', () => {
    refused(writeCase(dir, 'bom-ti-le.xlsx', zipBomb('ratio', 50)), /bom-ti-le\.xlsx: the part "xl\/worksheets\/sheet1\.xml" is compressed \d+ to 1, beyond the 100 to 1 .*zip bomb/, 'en');
  });

  test('headers that lie (2 KB stated, 400 MB inside): refused as soon as it passes what they state', () => {
    refused(writeCase(dir, 'bom-gia.xlsx', zipBomb('lying', 400)), /bom-gia\.xlsx: phần "xl\/worksheets\/sheet1\.xml" giải nén ra nhiều hơn kích thước ghi trong tệp \(2 KB\)/);
  });
});

describe('oversized files are refused from their size', () => {
  test('a 50 MB criteria file', () => {
    const file = path.join(dir, 'tieu-chi-50mb.json');
    writeHugeCriteria(file, fs.readFileSync(BUNDLED_CRITERIA, 'utf8'), 50);
    const before = seal(file);
    const r = gnlcChild(['score', sample, '--criteria', file], 30_000);
    expectOneLineFailure(r, 2, /tieu-chi-50mb\.json: tệp tiêu chí nặng 50 MB, vượt giới hạn 5 MB/);
    expect(seal(file)).toEqual(before);
  });
});

test('a workbook of 100,000 rows is scored within bounded time and memory', async () => {
  const file = writeCase(dir, '100k-dong.xlsx', await withManyRows(fs.readFileSync(sample), 100_000));
  const before = seal(file);
  const report = path.join(dir, '100k.json');
  const r = gnlcChild(['score', file, '--report', report], 180_000);
  expect({ code: r.code, timedOut: r.timedOut, stderr: r.stderr }).toEqual({ code: 0, timedOut: false, stderr: '' });
  expect(r.stdout).toContain('57 / 57 chỉ số đạt');
  expect(reportSchema.parse(JSON.parse(fs.readFileSync(report, 'utf8'))).totals.met).toBe(57);
  expect(seal(file)).toEqual(before);
  process.stdout.write(`\n    100,000 rows (${(fs.statSync(file).size / 1024 / 1024).toFixed(1)} MB file): scored in ${(r.ms / 1000).toFixed(1)} s, peak memory ${r.maxRssMB} MB (heap limit 512 MB)\n`);
}, 240_000);
