/**
 * `gnlc template`: a template written to a real .xlsx, filled in by code (as a department fills
 * it in Excel), scored by `gnlc score --report` — the statuses a department expects, and the same
 * results as the pure pipeline on the same snapshot. Plus the command's usage errors.
 */
import * as fs from 'fs';
import * as path from 'path';
import { findAppendixSheet } from '../../src/core/mapping';
import { runScoring, scoreSheet } from '../../src/core/pipeline';
import { buildTemplate } from '../../src/core/template';
import { loadWorkbook, readWorkbookSnapshot, toHostRead, writeWorkbookBuffer } from '../../src/hosts/xlsx';
import { TypedValues, typeIntoTemplate } from '../fixtures/xlsx';
import { fillTemplate } from '../core/template-helpers';
import { metTyping } from '../../examples/build-returns';
import { expectOneLineError, gnlc, lines, loadCriteria, scratch } from './helpers';

const criteria = loadCriteria();

let dir: string;
beforeAll(() => {
  dir = scratch();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Opens a written template, types the values into its value cells, saves it under another name. */
async function fillFile(file: string, valueCells: Record<string, Record<string, string>>, values: TypedValues, out: string): Promise<void> {
  const wb = await loadWorkbook(fs.readFileSync(file));
  typeIntoTemplate(wb.worksheets[0]!, valueCells, values);
  fs.writeFileSync(out, await writeWorkbookBuffer(wb));
}

/** The report's statuses by id. */
function statuses(reportFile: string): Record<string, string> {
  const data = JSON.parse(fs.readFileSync(reportFile, 'utf8')) as { indicators: Array<{ id: string; status: string }> };
  return Object.fromEntries(data.indicators.map((i) => [i.id, i.status]));
}

/** The pure pipeline on the snapshot the xlsx host reads from a file: statuses by id. */
async function pipelineStatuses(file: string): Promise<Record<string, string>> {
  const wb = await loadWorkbook(fs.readFileSync(file));
  const read = readWorkbookSnapshot(wb, { workbookName: path.basename(file) });
  const found = findAppendixSheet(read.snapshot, criteria)!;
  const { run } = runScoring(toHostRead(read, found.sheet.name), criteria, { lang: 'vi' });
  return Object.fromEntries(run.results.map((r) => [r.id, r.status]));
}

describe('the city template, round trip through real files', () => {
  const city = buildTemplate(criteria, { city: 'Hà Nội', year: 2024 });
  let file: string;
  let filled: string;
  const values: TypedValues = metTyping(criteria);
  values['1.1.1.a'] = { value: 94.99 }; // just short of ≥ 95: unmet
  values['1.3.2.e'] = { value: null }; // left blank: missing
  values['2.1.1.a'] = { male: 1250, female: 1300, total: 2500, rate: 96 }; // Nam + Nữ ≠ Tổng: invalid
  values['1.3.1.c'] = { 'trend@previous': 120, 'trend@current': 100 }; // a fall, computed from two years: met
  values['1.3.2.d'] = { 'trend@previous': '1.250', 'trend@current': '1.100' }; // public transport falls: unmet
  values['2.3.3.a'] = { value: { value: 0.025, numberFormat: '0.0%' } }; // a fraction in the % format Excel gave it: 2.5% (≤ 3%)
  values['2.6.1.a'] = { rating: '2 - Khá' }; // unmet
  values['1.1.3.a'] = { value: 'chưa có' }; // no data: missing

  beforeAll(async () => {
    file = path.join(dir, 'bieu-mau-thanh-pho.xlsx');
    const r = await gnlc('template', '--city', 'Hà Nội', '--year', '2024', '--out', file);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(lines(r.stdout)[0]).toBe('Biểu mẫu của cả thành phố: 57 chỉ số, 13 đơn vị phụ trách.');
    expect(r.stdout).toContain(`Đã ghi biểu mẫu: ${file} (trang "Biểu số liệu", 57 chỉ số, 90 ô nền vàng cần điền)`);
    filled = path.join(dir, 'da-dien.xlsx');
    await fillFile(file, city.valueCells, values, filled);
  });

  test('the file holds the template the core builds: ids and field keys where the core put them', async () => {
    const wb = await loadWorkbook(fs.readFileSync(file));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Biểu số liệu']);
    const ws = wb.worksheets[0]!;
    for (const [id, fields] of Object.entries(city.valueCells))
      for (const [key, address] of Object.entries(fields)) {
        const row = ws.getCell(address).row;
        expect([ws.getCell(row, 1).value, ws.getCell(row, 10).value]).toEqual([id, key]);
        expect(ws.getCell(address).dataValidation?.prompt).toBeTruthy();
      }
    expect(ws.getCell(city.headerCells.city).value).toBe('Hà Nội');
    expect(ws.getCell(city.headerCells.year).value).toBe(2024);
  });

  test('filled in and scored with gnlc score --report: the statuses a department expects', async () => {
    const report = path.join(dir, 'thanh-pho.json');
    const r = await gnlc('score', filled, '--report', report);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('trang "Biểu số liệu"');
    const s = statuses(report);
    expect(s).toMatchObject({
      '1.1.1.a': 'unmet',
      '1.3.2.e': 'missing',
      '2.1.1.a': 'invalid',
      '1.3.1.c': 'met',
      '1.3.2.d': 'unmet',
      '2.3.3.a': 'met',
      '2.6.1.a': 'unmet',
      '1.1.3.a': 'missing',
    });
    expect(Object.values(s).filter((x) => x === 'met')).toHaveLength(57 - 6);
    expect(r.stdout).toContain('51 / 57 chỉ số đạt');
  });

  test('the CLI path and the pure pipeline give the same results on the same snapshot, and on the template filled in memory', async () => {
    const report = path.join(dir, 'thanh-pho-2.json');
    await gnlc('score', filled, '--report', report);
    const viaCli = statuses(report);
    expect(await pipelineStatuses(filled)).toEqual(viaCli);
    // The add-in scores the same snapshot with the same core; in memory, the filled template scores alike.
    const memory = fillTemplate(city, values as Parameters<typeof fillTemplate>[1]);
    const run = scoreSheet(memory, criteria);
    expect(Object.fromEntries(run.results.map((r) => [r.id, r.status]))).toEqual(viaCli);
  });

  test('the input message survives filling in: the filled file keeps every validation', async () => {
    const wb = await loadWorkbook(fs.readFileSync(filled));
    const ws = wb.worksheets[0]!;
    for (const fields of Object.values(city.valueCells)) for (const address of Object.values(fields)) expect(ws.getCell(address).dataValidation?.showInputMessage).toBe(true);
  });
});

describe('a department template, round trip', () => {
  test('Sở Y tế: two indicators, named in the header; scored, the others missing as unmapped', async () => {
    const file = path.join(dir, 'so-y-te.xlsx');
    const r = await gnlc('template', '--department', 'Sở Y tế', '--city', 'Hà Nội', '--year', '2024', '--contact', 'Trần Thị B, 024 3825 1234', '--out', file);
    expect(r.code).toBe(0);
    expect(lines(r.stdout)[0]).toBe('Biểu mẫu của Sở Y tế: 2 chỉ số (1.3.2.e, 1.3.2.f).');
    const t = buildTemplate(criteria, { department: 'Sở Y tế', city: 'Hà Nội', year: 2024, contact: 'Trần Thị B, 024 3825 1234' });
    const filled = path.join(dir, 'so-y-te-da-dien.xlsx');
    await fillFile(file, t.valueCells, { '1.3.2.e': { value: 100 }, '1.3.2.f': { value: '100%' } }, filled);
    const report = path.join(dir, 'so-y-te.json');
    const scored = await gnlc('score', filled, '--report', report);
    expect(scored.code).toBe(0);
    const s = statuses(report);
    expect([s['1.3.2.e'], s['1.3.2.f']]).toEqual(['met', 'met']);
    expect(Object.values(s).filter((x) => x === 'missing')).toHaveLength(55);
    expect(await pipelineStatuses(filled)).toEqual(s);
    const wb = await loadWorkbook(fs.readFileSync(filled));
    expect(wb.worksheets[0]!.getCell(t.headerCells.department).value).toBe('Sở Y tế');
  });

  test('an abbreviation picks the department; --lang en and --no-trend-pairs are honoured', async () => {
    const file = path.join(dir, 'cong-an-en.xlsx');
    const r = await gnlc('template', '--department', 'Công an TP', '--lang', 'en', '--no-trend-pairs', '--out', file);
    expect(r.code).toBe(0);
    expect(lines(r.stdout)[0]).toBe('A template for Công an Thành phố: 3 indicators (1.3.2.b, 1.3.2.c, 1.3.2.d).');
    const wb = await loadWorkbook(fs.readFileSync(file));
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('Data return');
    const keys: unknown[] = [];
    ws.getColumn(10).eachCell((c) => keys.push(c.value));
    expect(keys.some((k) => String(k).includes('@previous'))).toBe(false);
    const t = buildTemplate(criteria, { department: 'Công an TP', lang: 'en', trendPairs: false });
    expect(ws.getCell(t.valueCells['1.3.2.b']!.trend!).dataValidation).toMatchObject({ promptTitle: 'Trend', formulae: ['"Increase,Decrease"'] });
  });
});

describe('gnlc template: usage errors, exit 1', () => {
  test('no --out', async () => {
    expectOneLineError(await gnlc('template'), 1, /Thiếu --out <tệp\.xlsx>: gnlc template --out/);
  });
  test('an existing file is not replaced without --force', async () => {
    const file = path.join(dir, 'co-san.xlsx');
    fs.writeFileSync(file, 'giữ nguyên');
    expectOneLineError(await gnlc('template', '--out', file), 1, /co-san\.xlsx đã có: chọn tên khác, hoặc thêm --force/);
    expect(fs.readFileSync(file, 'utf8')).toBe('giữ nguyên');
    const r = await gnlc('template', '--out', file, '--force', '--department', 'Sở Y tế');
    expect(r.code).toBe(0);
    expect((await loadWorkbook(fs.readFileSync(file))).worksheets[0]!.name).toBe('Biểu số liệu');
  });
  test('an unknown department, with the list of parties', async () => {
    const r = await gnlc('template', '--department', 'Sở Ngoại vụ', '--out', path.join(dir, 'x.xlsx'));
    expectOneLineError(r, 1, /Không có đơn vị "Sở Ngoại vụ" trong bộ tiêu chí\. Các đơn vị: Sở Giáo dục và Đào tạo; UBND quận, huyện, thị xã; .*; Đánh giá của chuyên gia$/m);
    expect(r.stderr.split(';')).toHaveLength(13);
    expect(fs.existsSync(path.join(dir, 'x.xlsx'))).toBe(false);
    expectOneLineError(await gnlc('template', '--department', 'Nowhere', '--out', path.join(dir, 'x.xlsx'), '--lang', 'en'), 1, /No party "Nowhere" in the criteria set\. Parties: Sở Giáo dục/);
  });
  test('two departments, a bad year, a blank city, an input file, an option of another command', async () => {
    const out = path.join(dir, 'y.xlsx');
    expectOneLineError(await gnlc('template', '--department', 'Sở Y tế', '--department', 'Công an TP', '--out', out), 1, /nhận một --department/);
    expectOneLineError(await gnlc('template', '--year', '25', '--out', out), 1, /--year phải là năm gồm 4 chữ số.*"25"/);
    expectOneLineError(await gnlc('template', '--city', '  ', '--out', out), 1, /--city cần một giá trị/);
    expectOneLineError(await gnlc('template', 'phu-luc.xlsx', '--out', out), 1, /gnlc template không đọc tệp nào; thừa: phu-luc\.xlsx/);
    expectOneLineError(await gnlc('template', '--sheet', 'A', '--out', out), 1, /Tùy chọn --sheet không dùng với lệnh template/);
    expectOneLineError(await gnlc('template', '--out', path.join(dir, 'khong-co', 'z.xlsx')), 1, /không tồn tại/);
    expectOneLineError(await gnlc('score', out, '--city', 'Hà Nội'), 1, /Tùy chọn --city không dùng với lệnh score/);
    expect(fs.existsSync(out)).toBe(false);
  });
});
