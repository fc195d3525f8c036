/**
 * `gnlc score`, run in-process: exit codes with one-line messages, the report contract, the
 * scored copy, and the rule that the input file is only ever read.
 */
import * as fs from 'fs';
import * as path from 'path';
import JSZip from 'jszip';
import { STATE_SHEET, STATUS_FILL } from '../../src/core/plan';
import { reportSchema } from '../../src/cli/report';
import { loadWorkbook, readWorkbookSnapshot } from '../../src/hosts/xlsx';
import { buildAppendixSheet, sampleValues } from '../../src/testing/appendix';
import { snapshotToWorkbook } from '../fixtures/xlsx';
import { CRITERIA, IDS, SAMPLE, expectOneLineError, gnlc, lines, loadCriteria, scratch } from './helpers';

const criteria = loadCriteria();

let dir: string;
let input: string;
beforeAll(() => {
  dir = scratch();
  input = path.join(dir, 'phu-luc.xlsx');
  fs.copyFileSync(SAMPLE, input);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('usage errors: exit 1', () => {
  test('no arguments', async () => {
    expectOneLineError(await gnlc(), 1, /Thiếu lệnh.*gnlc score <tệp\.xlsx>/);
  });
  test('an unknown option', async () => {
    expectOneLineError(await gnlc('score', input, '--colour'), 1, /Tùy chọn không hợp lệ: --colour/);
  });
  test('an option without its value', async () => {
    expectOneLineError(await gnlc('score', input, '--out'), 1, /Tùy chọn không hợp lệ: --out/);
  });
  test('an unknown command', async () => {
    expectOneLineError(await gnlc('grade', input), 1, /Lệnh không hợp lệ "grade"/);
  });
  test('score without a file, or with two', async () => {
    expectOneLineError(await gnlc('score'), 1, /Thiếu tệp phụ lục/);
    expectOneLineError(await gnlc('score', input, input), 1, /một tệp mỗi lần/);
  });
  test('a language other than vi or en', async () => {
    expectOneLineError(await gnlc('score', input, '--lang', 'fr'), 1, /--lang phải là vi hoặc en/);
  });
  test('--out equal to the input, however it is spelled, is refused and the input is untouched', async () => {
    const before = fs.readFileSync(input);
    const link = path.join(dir, 'link-to-input.xlsx');
    fs.symlinkSync(input, link);
    for (const out of [input, path.join(dir, '.', 'sub', '..', 'phu-luc.xlsx'), link]) {
      expectOneLineError(await gnlc('score', input, '--out', out), 1, /--out trùng với tệp đầu vào/);
    }
    expectOneLineError(await gnlc('score', link, '--out', input), 1, /--out trùng với tệp đầu vào/);
    expectOneLineError(await gnlc('score', input, '--report', input), 1, /--report trùng với tệp đầu vào/);
    expect(fs.readFileSync(input).equals(before)).toBe(true);
  });
  test('an output folder that does not exist', async () => {
    expectOneLineError(await gnlc('score', input, '--out', path.join(dir, 'missing', 'x.xlsx')), 1, /không tồn tại/);
  });
  test('a sheet that is not in the workbook names the sheets there are', async () => {
    expectOneLineError(await gnlc('score', input, '--sheet', 'Sheet1'), 1, /Không có trang tính "Sheet1".*Phụ lục, Thông tin chung/);
  });
});

describe('unreadable input or criteria: exit 2', () => {
  test('a missing file', async () => {
    expectOneLineError(await gnlc('score', path.join(dir, 'khong-co.xlsx')), 2, /Không tìm thấy tệp .*khong-co\.xlsx/);
  });
  test('a file that is not an .xlsx', async () => {
    const csv = path.join(dir, 'bang.xlsx');
    fs.writeFileSync(csv, 'Tiêu chuẩn,Tiêu chí,Chỉ số\n1.1,1.1.1,95%\n');
    expectOneLineError(await gnlc('score', csv), 2, /không phải là tệp Excel \.xlsx/);
  });
  test('an old .xls or a password-protected file', async () => {
    const xls = path.join(dir, 'cu.xls');
    fs.writeFileSync(xls, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]));
    expectOneLineError(await gnlc('score', xls), 2, /Excel 97–2003 \(\.xls\) hoặc tệp có mật khẩu/);
  });
  test('a folder given as the workbook', async () => {
    expectOneLineError(await gnlc('score', dir), 2, /không phải là một tệp/);
  });
  test('a criteria file that does not validate: the problem, with its path', async () => {
    const data = JSON.parse(fs.readFileSync(CRITERIA, 'utf8'));
    data.areas[0].standards[0].criteria[0].indicators[0].id = '1.1.1';
    const bad = path.join(dir, 'tieu-chi.json');
    fs.writeFileSync(bad, JSON.stringify(data));
    expectOneLineError(await gnlc('score', input, '--criteria', bad), 2, /Tệp tiêu chí .*tieu-chi\.json không hợp lệ: areas\[0\]\.standards\[0\]\.criteria\[0\]\.indicators\[0\]\.id: expected an indicator id such as 1\.1\.1\.a/);
  });
  test('a criteria file that is not JSON, or is missing', async () => {
    const bad = path.join(dir, 'tieu-chi.txt');
    fs.writeFileSync(bad, 'id: gnlc');
    expectOneLineError(await gnlc('score', input, '--criteria', bad), 2, /không hợp lệ: \(root\): not valid JSON/);
    expectOneLineError(await gnlc('score', input, '--criteria', path.join(dir, 'none.json')), 2, /Không tìm thấy tệp tiêu chí/);
  });
  test('a workbook without an appendix', async () => {
    const book = path.join(dir, 'khac.xlsx');
    await snapshotToWorkbook([{ name: 'Danh bạ', origin: { row: 0, col: 0 }, cells: [[{ value: 'Họ tên' }, { value: 'Điện thoại' }]], merges: [] }]).xlsx.writeFile(book);
    expectOneLineError(await gnlc('score', book), 2, /Không tìm thấy bảng phụ lục.*--sheet/);
  });
});

describe('a scoring run: exit 0', () => {
  test('prints the headline, the counts per status and per area, and what is not met', async () => {
    const r = await gnlc('score', input);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const out = lines(r.stdout);
    expect(out).toContain('46 / 57 chỉ số đạt');
    expect(out).toContain('  ✔ Đạt              46');
    expect(out).toContain('  ✘ Chưa đạt          5');
    expect(out).toContain('  ⚠ Không hợp lệ      3');
    expect(out).toContain('  … Chưa có số liệu   3');
    expect(out.filter((l) => /^ {2}[123]\. /.test(l))).toHaveLength(3);
    expect(out.some((l) => /^ {2}2\.1\.1\.a +⚠ Không hợp lệ +Sở Giáo dục và Đào tạo: Nam \+ Nữ = 2\.430, khác Tổng = 2\.450/.test(l))).toBe(true);
    expect(r.stdout).toContain('Tệp gốc không bị thay đổi');
  });

  test('the input file is only read: same bytes, same modification time', async () => {
    const before = fs.statSync(input);
    const bytes = fs.readFileSync(input);
    const r = await gnlc('score', input, '--out', path.join(dir, 'da-cham.xlsx'), '--report', path.join(dir, 'bao-cao.json'));
    expect(r.code).toBe(0);
    const after = fs.statSync(input);
    expect(after.mtimeMs).toBe(before.mtimeMs);
    expect(fs.readFileSync(input).equals(bytes)).toBe(true);
  });

  test('--report: the contract, one entry per indicator in id order', async () => {
    const report = path.join(dir, 'report.json');
    const r = await gnlc('score', input, '--report', report);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Đã ghi báo cáo: ${report}`);
    const data = JSON.parse(fs.readFileSync(report, 'utf8'));
    const parsed = reportSchema.safeParse(data);
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
    expect(data.criteria).toEqual({ id: 'gnlc-vn-2019', version: criteria.version });
    expect(data.workbook).toBe('phu-luc.xlsx');
    expect(data.sheet).toBe('Phụ lục');
    expect(data.indicators.map((i: { id: string }) => i.id)).toEqual(IDS);
    expect(data.totals).toMatchObject({ met: 46, unmet: 5, invalid: 3, missing: 3 });
    const byId = Object.fromEntries(data.indicators.map((i: { id: string }) => [i.id, i]));
    expect(byId['2.1.1.a']).toMatchObject({
      status: 'invalid',
      responsible: 'Sở Giáo dục và Đào tạo',
      values: { male: 1250, female: 1180, total: 2450 },
      messages: [{ code: 'sum-mismatch', text: 'Nam + Nữ = 2.430, khác Tổng = 2.450' }],
    });
    expect(byId['2.3.3.a'].messages[0]).toMatchObject({ code: 'date-value', text: 'Ô chứa ngày tháng (15/03/2025), không phải số liệu' });
    expect(byId['2.3.3.a'].messages[0].cell).toMatch(/^G\d+$/);
    expect(byId['1.1.1.a']).toMatchObject({ status: 'unmet', values: { value: 93.8 }, messages: [{ code: 'unmet', text: '93,8% — cần ≥ 95%, thiếu 1,2 điểm' }] });
    expect(byId['1.1.1.b'].messages).toEqual([{ code: 'met', text: expect.stringContaining('đạt mục tiêu ≥ 90%') }]);
  });

  test("--lang en: English output and report; a department's cut of the appendix is scored in its scope, --all against every indicator", async () => {
    const only = path.join(dir, 'so-y-te.xlsx');
    await snapshotToWorkbook([buildAppendixSheet(criteria, sampleValues(criteria), { onlyParty: 'Sở Y tế' })]).xlsx.writeFile(only);
    const report = path.join(dir, 'so-y-te.json');
    const r = await gnlc('score', only, '--report', report, '--lang', 'en');
    expect(r.code).toBe(0);
    expect(lines(r.stdout)).toContain('Sở Y tế: 2 of 2 indicators met');
    expect(lines(r.stdout)).toContain('  … No data  0');
    expect(lines(r.stdout)).toContain('  55 indicators belong to other parties (not counted)');
    const data = JSON.parse(fs.readFileSync(report, 'utf8'));
    expect(reportSchema.safeParse(data).success).toBe(true);
    expect(data.indicators).toHaveLength(57);
    expect(data.scope).toEqual({ party: 'Sở Y tế', ids: ['1.3.2.e', '1.3.2.f'], totals: { met: 2, unmet: 0, invalid: 0, missing: 0 } });
    const first = data.indicators[0];
    expect(first).toMatchObject({ id: '1.1.1.a', status: 'missing', cells: [], values: { value: null } });
    expect(first.messages[0]).toEqual({ code: 'other-party', text: "Belongs to another party (Sở Giáo dục và Đào tạo): not in Sở Y tế's return" });

    // A coordinator: the same sheet against all 57; the rows not there are "not found", not "no data".
    const all = await gnlc('score', only, '--report', report, '--lang', 'en', '--all', '--force');
    expect(all.code).toBe(0);
    expect(all.stdout).toContain('2 of 57 indicators met');
    expect(lines(all.stdout)).toContain('  … No data  55');
    expect(lines(all.stdout)).toContain(
      "  55 indicators' rows were not found in the sheet (Row not found; fix them with \"Fix cells\" in the add-in): 1.1.1.a, 1.1.1.b, 1.1.2.a, 1.1.3.a, 1.1.3.b, 1.2.1.a, 1.2.1.b, 1.2.2.a, 1.2.3.a, 1.2.4.a, 1.2.4.b, 1.3.1.a, …",
    );
    const whole = JSON.parse(fs.readFileSync(report, 'utf8'));
    expect(whole.scope).toBeNull();
    expect(whole.indicators[0].messages[0]).toEqual({ code: 'unmapped', text: "This indicator's row was not found in the sheet" });
    expectOneLineError(await gnlc('score', path.join(dir, 'nothing.xlsx'), '--lang', 'en'), 2, /File not found: .*nothing\.xlsx/);
    expectOneLineError(await gnlc('--lang=en', 'score', input, '--bogus'), 1, /Invalid option: --bogus/);
  });

  test('--out: a coloured copy with the summary and the state, the input sheet kept', async () => {
    const out = path.join(dir, 'scored.xlsx');
    const r = await gnlc('score', input, '--out', out);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Đã ghi bản đã chấm: .*scored\.xlsx \(tô màu \d+ ô, trang tổng hợp "Tổng hợp GNLC"\)/);
    expect(r.stdout).toContain('không có biểu đồ');
    const wb = await loadWorkbook(fs.readFileSync(out));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Phụ lục', 'Thông tin chung', 'Tổng hợp GNLC', STATE_SHEET]);
    const read = readWorkbookSnapshot(wb);
    expect(read.summarySheets).toEqual(['Tổng hợp GNLC']);
    expect(Object.keys(read.state!.colours['Phụ lục']!).length).toBeGreaterThan(57);
    const summary = wb.getWorksheet('Tổng hợp GNLC')!;
    expect(summary.getCell('A3').value).toBe('46 / 57 chỉ số đạt');
    const fills = read.snapshot.sheets[0]!.fills!;
    const colours = new Set([...fills.values()].map((f) => f.color));
    for (const s of ['met', 'unmet', 'invalid', 'missing'] as const) expect(colours.has(STATUS_FILL[s])).toBe(true);
  });

  test('a protected sheet: scored, not coloured, and the warning is printed when a copy is written', async () => {
    const wb = snapshotToWorkbook([buildAppendixSheet(criteria, sampleValues(criteria))]);
    await wb.worksheets[0]!.protect('', {});
    const locked = path.join(dir, 'bao-ve.xlsx');
    await wb.xlsx.writeFile(locked);
    const r = await gnlc('score', locked, '--out', path.join(dir, 'bao-ve-da-cham.xlsx'));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('57 / 57 chỉ số đạt');
    expect(r.stdout).toContain('tô màu 0 ô');
    expect(lines(r.stderr)).toEqual([expect.stringMatching(/^gnlc: Cảnh báo: Trang "Phụ lục" đang được bảo vệ nên không tô màu được/)]);
    // Without --out nothing is coloured anyway: nothing to warn about.
    expect((await gnlc('score', locked)).stderr).toBe('');
  });

  test('--sheet picks the sheet by name, whatever its case', async () => {
    const r = await gnlc('score', input, '--sheet', 'PHỤ LỤC');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('trang "Phụ lục"');
  });

  test('--out keeps what exceljs would have dropped (a chart, a pivot table): the parts are in the copy as they were, no warning', async () => {
    const zip = await JSZip.loadAsync(fs.readFileSync(input));
    zip.file('xl/charts/chart1.xml', '<c:chartSpace/>');
    zip.file('xl/pivotTables/pivotTable1.xml', '<pivotTableDefinition/>');
    const withChart = path.join(dir, 'bieu-do.xlsx');
    fs.writeFileSync(withChart, await zip.generateAsync({ type: 'nodebuffer' }));
    const out = path.join(dir, 'bieu-do-da-cham.xlsx');
    const r = await gnlc('score', withChart, '--out', out);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const copy = await JSZip.loadAsync(fs.readFileSync(out));
    expect(await copy.file('xl/charts/chart1.xml')?.async('string')).toBe('<c:chartSpace/>');
    expect(await copy.file('xl/pivotTables/pivotTable1.xml')?.async('string')).toBe('<pivotTableDefinition/>');
  });
});

describe('gnlc clear', () => {
  test('gives back the file that was scored: every part as it was (the appended formats aside), the product’s sheets gone', async () => {
    const scored = path.join(dir, 'clear-da-cham.xlsx');
    const clean = path.join(dir, 'clear-sach.xlsx');
    expect((await gnlc('score', input, '--out', scored)).code).toBe(0);
    const r = await gnlc('clear', scored, '--out', clean);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Đã ghi bản đã xóa màu: .*clear-sach\.xlsx \(trả lại định dạng gốc cho \d+ ô; đã bỏ trang: Tổng hợp GNLC, GNLC_State\)/);
    const before = await JSZip.loadAsync(fs.readFileSync(input));
    const after = await JSZip.loadAsync(fs.readFileSync(clean));
    const files = (z: JSZip) => Object.keys(z.files).filter((n) => !z.files[n]!.dir).sort();
    expect(files(after)).toEqual(files(before));
    for (const name of files(before)) {
      if (name === 'xl/styles.xml' || name === 'docProps/app.xml') continue;
      expect({ name, text: await after.file(name)!.async('string') }).toEqual({ name, text: await before.file(name)!.async('string') });
    }
  });

  test('refuses without --out, or over an existing file without --force (exit 1), and never writes its input', async () => {
    const scored = path.join(dir, 'clear-da-cham-2.xlsx');
    expect((await gnlc('score', input, '--out', scored)).code).toBe(0);
    const bytes = fs.readFileSync(scored);
    const noOut = await gnlc('clear', scored);
    expect(noOut.code).toBe(1);
    expect(noOut.stderr).toContain('Thiếu --out');
    const existing = path.join(dir, 'clear-co-san.xlsx');
    fs.writeFileSync(existing, 'x');
    expect((await gnlc('clear', scored, '--out', existing)).code).toBe(1);
    expect(fs.readFileSync(existing, 'utf8')).toBe('x');
    expect((await gnlc('clear', scored, '--out', path.join(dir, 'sach.csv'))).code).toBe(1);
    expect((await gnlc('clear', scored, '--out', existing, '--force')).code).toBe(0);
    expect(fs.readFileSync(scored).equals(bytes)).toBe(true);
  });
});

describe('help and version', () => {
  test('--help prints the usage in Vietnamese, or English', async () => {
    const vi = await gnlc('--help');
    expect(vi.code).toBe(0);
    expect(vi.stdout).toContain('gnlc score <tệp.xlsx> [tùy chọn]');
    expect(vi.stdout).toContain('Mã thoát: 0 đã chấm');
    const en = await gnlc('score', '--help', '--lang', 'en');
    expect(en.stdout).toContain('Exit codes: 0 scored');
  });
  test('--version prints the package version', async () => {
    const version = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')).version;
    expect(await gnlc('--version')).toEqual({ code: 0, stdout: `gnlc ${version}\n`, stderr: '' });
  });
});
