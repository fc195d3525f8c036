/**
 * Hostile and broken input through the command line, in this process (the heavy cases, which
 * need bounded memory and time, are in heavy.test.ts): each ends with the right exit code (0
 * scored, 1 usage, 2 unreadable workbook or criteria) and, when it fails, one clear line; a
 * workbook that is odd but readable is scored, its odd cells reported as data; the input file's
 * bytes and modification time never change.
 */
import * as fs from 'fs';
import * as path from 'path';
import { CriteriaSet } from '../../src/core/criteria';
import { reportSchema } from '../../src/cli/report';
import { loadCriteria } from '../core/helpers';
import { appendixWorkbook, criteriaWithBound, criteriaWithKey, deepJson, emptyFile, notAZip, oleCompoundFile, valueCell, setCell, valuesWith, withMerges, writeCase } from './corpus';
import { BUNDLED_CRITERIA, Run, expectOneLineFailure, gnlc, scratch, seal } from './helpers';

let dir: string;
let criteria: CriteriaSet;
let bundled: string;
let sample: string;

beforeAll(async () => {
  dir = scratch();
  criteria = loadCriteria();
  bundled = fs.readFileSync(BUNDLED_CRITERIA, 'utf8');
  sample = writeCase(dir, 'sample.xlsx', (await appendixWorkbook(criteria)).bytes);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Runs gnlc on `input` (with --out and --report when it scores) and checks the input is untouched. */
let runs = 0;
async function score(input: string, ...more: string[]): Promise<Run & { report?: ReturnType<typeof reportSchema.parse> }> {
  const before = seal(input);
  const base = `${path.basename(input).replace(/\.\w+$/, '')}-${++runs}`;
  const out = path.join(dir, `${base}.scored.xlsx`);
  const report = path.join(dir, `${base}.report.json`);
  const r = await gnlc('score', input, '--out', out, '--report', report, ...more);
  expect(seal(input)).toEqual(before);
  if (r.code === 0) return { ...r, report: reportSchema.parse(JSON.parse(fs.readFileSync(report, 'utf8'))) };
  expect(fs.existsSync(out)).toBe(false);
  expect(fs.existsSync(report)).toBe(false);
  return r;
}

const indicator = (r: { report?: { indicators: Array<{ id: string; status: string; messages: Array<{ code: string; text: string }>; values: Record<string, unknown> }> } }, id: string) =>
  r.report!.indicators.find((i) => i.id === id)!;

describe('files that are not workbooks: exit 2, one line naming the file', () => {
  test('an empty file', async () => {
    const r = await score(writeCase(dir, 'rong.xlsx', emptyFile()));
    expectOneLineFailure(r, 2, /rong\.xlsx không phải là tệp Excel \.xlsx/);
  });

  test('a text file named .xlsx', async () => {
    const r = await score(writeCase(dir, 'van-ban.xlsx', notAZip()), '--lang', 'en');
    expectOneLineFailure(r, 2, /van-ban\.xlsx is not an Excel \.xlsx file/);
  });

  test('a password-protected workbook (an OLE compound file)', async () => {
    const r = await score(writeCase(dir, 'co-mat-khau.xlsx', oleCompoundFile()));
    expectOneLineFailure(r, 2, /co-mat-khau\.xlsx .*có mật khẩu.*lưu lại dạng \.xlsx không đặt mật khẩu/);
  });

  test('a truncated workbook (the first half of a real one)', async () => {
    const bytes = fs.readFileSync(sample);
    const r = await score(writeCase(dir, 'dut-doan.xlsx', bytes.subarray(0, Math.floor(bytes.length / 2))));
    expectOneLineFailure(r, 2, /dut-doan\.xlsx bị hỏng/);
  });

  test('a folder, a missing file', async () => {
    const folder = path.join(dir, 'thu-muc.xlsx');
    fs.mkdirSync(folder);
    expectOneLineFailure(await gnlc('score', folder), 2, /thu-muc\.xlsx không phải là một tệp/);
    expectOneLineFailure(await gnlc('score', path.join(dir, 'khong-co.xlsx')), 2, /Không tìm thấy tệp/);
  });

  test('a workbook file over the size limit is refused from its size, before it is read', async () => {
    const big = path.join(dir, 'qua-lon.xlsx');
    fs.copyFileSync(sample, big);
    fs.truncateSync(big, 101 * 1024 * 1024); // sparse: no 101 MB written
    const r = await score(big);
    expectOneLineFailure(r, 2, /qua-lon\.xlsx: tệp nặng 101 MB, vượt giới hạn 100 MB/);
    expect(r.ms).toBeLessThan(2000);
  });
});

describe('odd but readable workbooks: scored (exit 0), the odd cells reported as data', () => {
  test('formulas whose results are errors', async () => {
    const values = valuesWith(criteria, { '1.1.1.a': { value: '#DIV/0!', type: 'error' }, '1.1.2.a': { value: '#REF!', type: 'error' } });
    const built = (await appendixWorkbook(criteria, values)).built;
    const formulas = { [valueCell(built, '1.1.1.a')]: '1/0', [valueCell(built, '1.1.2.a')]: 'Sheet9!A1' };
    const { bytes } = await appendixWorkbook(criteria, values, undefined, { formulas: { 'Phụ lục': formulas } });
    const r = await score(writeCase(dir, 'cong-thuc-loi.xlsx', bytes));
    expect(r.code).toBe(0);
    expect(indicator(r, '1.1.1.a')).toMatchObject({ status: 'invalid', messages: [{ code: 'error-value', text: 'Ô chứa lỗi công thức #DIV/0!' }] });
    expect(indicator(r, '1.1.2.a').messages[0]!.code).toBe('error-value');
  });

  test('dates where percents belong', async () => {
    const values = valuesWith(criteria, { '1.1.1.a': { value: 45292, numberFormat: 'dd/mm/yyyy' }, '1.1.2.a': { value: 0.96, numberFormat: 'd-mmm' } });
    const r = await score(writeCase(dir, 'ngay-thang.xlsx', (await appendixWorkbook(criteria, values)).bytes));
    expect(r.code).toBe(0);
    expect(indicator(r, '1.1.1.a')).toMatchObject({ status: 'invalid', messages: [{ code: 'date-value', text: 'Ô chứa ngày tháng (01/01/2024), không phải số liệu' }] });
    expect(indicator(r, '1.1.2.a')).toMatchObject({ status: 'invalid', messages: [{ code: 'date-value' }] });
  });

  test('text in legacy encodings (TCVN3, VNI) is flagged "văn bản mã cũ"', async () => {
    const values = valuesWith(criteria, { '1.1.1.a': 'Chu¨a cã sè liÖu', '1.1.2.a': 'Chöa coù soá lieäu', '1.1.3.a': '9¶5%' });
    const r = await score(writeCase(dir, 'ma-cu.xlsx', (await appendixWorkbook(criteria, values)).bytes));
    expect(r.code).toBe(0);
    for (const id of ['1.1.1.a', '1.1.2.a']) {
      expect(indicator(r, id).status).toBe('invalid');
      expect(indicator(r, id).messages[0]).toMatchObject({ code: 'legacy-encoding', text: expect.stringContaining('Văn bản mã cũ') });
    }
    expect(r.stdout).toContain('Văn bản mã cũ');
  });

  test('right-to-left and zero-width characters: read or refused, never printed raw to the terminal', async () => {
    const values = valuesWith(criteria, { '1.1.1.a': '\u202E%59', '1.1.2.a': '9\u200B7%', '1.1.3.a': '\u200F96%\u200E', '1.2.1.a': '\u2067 98 \u2069' });
    const r = await score(writeCase(dir, 'ky-tu-an.xlsx', (await appendixWorkbook(criteria, values)).bytes));
    expect(r.code).toBe(0);
    // "%59" shown reversed as "95%" is not taken for 95.
    expect(indicator(r, '1.1.1.a')).toMatchObject({ status: 'invalid', messages: [{ code: 'not-a-number' }] });
    expect(indicator(r, '1.1.2.a').values).toEqual({ value: 97 });
    expect(indicator(r, '1.1.3.a').values).toEqual({ value: 96 });
    expect(r.stdout).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200B-\u200F]/);
    expect(r.stderr).toBe('');
  });

  test('very long cells (32,767 characters, Excel’s maximum)', async () => {
    const values = valuesWith(criteria, { '1.1.1.a': '9'.repeat(32767), '1.1.2.a': 'ghi chú '.repeat(4095) });
    const r = await score(writeCase(dir, 'o-rat-dai.xlsx', (await appendixWorkbook(criteria, values)).bytes));
    expect(r.code).toBe(0);
    expect(indicator(r, '1.1.1.a')).toMatchObject({ status: 'invalid', messages: [{ code: 'too-long' }] });
    expect(Math.max(...r.stdout.split('\n').map((l) => l.length))).toBeLessThan(400);
    for (const i of r.report!.indicators) for (const m of i.messages) expect(m.text.length).toBeLessThan(400);
  });

  test('a duplicated indicator row is a conflict: the indicator is not scored from either row', async () => {
    const { bytes } = await appendixWorkbook(criteria, undefined, (sheet, built) => {
      for (const row of built.expected['1.1.1.a']!.rows) sheet.cells.push(sheet.cells[row - sheet.origin.row]!.slice());
      const last = sheet.origin.row + sheet.cells.length;
      setCell(sheet, valueCell(built, '1.1.1.a').replace(/\d+$/, String(last)), { value: '50%' });
    });
    const r = await score(writeCase(dir, 'dong-trung.xlsx', bytes));
    expect(r.code).toBe(0);
    const i = indicator(r, '1.1.1.a');
    expect(i.status).not.toBe('met');
    expect(i.status).not.toBe('unmet');
    expect(i.values).toEqual({ value: null });
    expect(i.messages.map((m) => m.code)).toContain('duplicate-row');
  });

  test('1,000 merged areas', async () => {
    const { bytes } = await appendixWorkbook(criteria, undefined, withMerges(1000));
    const r = await score(writeCase(dir, 'nhieu-o-gop.xlsx', bytes));
    expect(r.code).toBe(0);
    expect(r.report!.totals).toMatchObject({ met: 57 });
    expect(r.ms).toBeLessThan(20000);
  });
});

describe('hostile criteria files: exit 2 and one line, or scored when valid', () => {
  const run = async (name: string, text: string) => {
    const file = writeCase(dir, name, text);
    const before = seal(file);
    const r = await score(sample, '--criteria', file);
    expect(seal(file)).toEqual(before);
    return r;
  };

  test('not JSON', async () => {
    expectOneLineFailure(await run('hong.json', '{"id": "x", '), 2, /Tệp tiêu chí .*hong\.json không hợp lệ: \(root\): not valid JSON/);
  });

  test('nested 100,000 levels deep', async () => {
    expectOneLineFailure(await run('long-nhau.json', deepJson(100_000)), 2, /không hợp lệ: \(root\): nested deeper than 64 levels/);
  });

  test('a bound of 1e309 (Infinity once parsed) is refused; 1e308 is a number and scores', async () => {
    expectOneLineFailure(await run('vo-cuc.json', criteriaWithBound(bundled, '1e309')), 2, /\.bound: expected a number/);
    const r = await run('rat-lon.json', criteriaWithBound(bundled, '1e308'));
    expect(r.code).toBe(0);
    expect(indicator(r, '1.1.1.a').status).toBe('unmet');
  });

  test.each([
    ['__proto__', 'root'],
    ['constructor', 'root'],
    ['__proto__', 'aliases'],
    ['constructor', 'aliases'],
  ] as const)('a "%s" key (%s) changes no prototype', async (key, where) => {
    const r = await run(`khoa-${key}-${where}.json`, criteriaWithKey(bundled, key, where));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
    if (where === 'root') expectOneLineFailure(r, 2, new RegExp(`unknown key "${key}"`));
    else expect([0, 2]).toContain(r.code);
  });

  test('a criteria file over 5 MB is refused from its size, before it is read', async () => {
    const file = path.join(dir, 'qua-lon.json');
    fs.writeFileSync(file, bundled + ' '.repeat(6 * 1024 * 1024));
    const r = await score(sample, '--criteria', file);
    expectOneLineFailure(r, 2, /qua-lon\.json: tệp tiêu chí nặng 6,1 MB, vượt giới hạn 5 MB/);
  });
});

test('usage errors are exit 1, with one line', async () => {
  expectOneLineFailure(await gnlc('score', sample, '--bogus'), 1, /Tùy chọn không hợp lệ: --bogus/);
  expectOneLineFailure(await gnlc('score'), 1, /Thiếu tệp phụ lục/);
  expectOneLineFailure(await gnlc('score', sample, '--out', sample), 1, /không bao giờ bị ghi đè/);
});
