/**
 * `gnlc consolidate`: six generated returns (five of examples/build-returns.ts, and a district
 * return) merged through the CLI into a new master workbook, with a JSON and an HTML report:
 * conflicts settled by responsibility or left invalid, a party that sent nothing, a department
 * guessed from a return without a header, a return typed in the seed's own layout. The returns
 * are only read. Plus the command's usage errors and unreadable returns.
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { buildTemplate } from '../../src/core/template';
import { main } from '../../src/cli/main';
import { reportSchema } from '../../src/cli/report';
import { loadWorkbook } from '../../src/hosts/xlsx';
import { snapshotToWorkbook } from '../fixtures/xlsx';
import { buildReturns, metTyping, templateReturn } from '../../examples/build-returns';
import { IDS, expectOneLineError, gnlc, lines, loadCriteria, scratch } from './helpers';

const criteria = loadCriteria();
const FIXED = () => new Date(2025, 10, 30, 9, 0, 0);

let dir: string;
let returns: string[];
let before: Array<{ file: string; bytes: Buffer; mtimeMs: number }>;
let run: { code: number; stdout: string; stderr: string };
let master: string;
let reportFile: string;
let htmlFile: string;
let report: Record<string, unknown> & { indicators: Array<Record<string, unknown> & { id: string }> };

/** The row of the master sheet holding an indicator's field: value, status and note cells. */
function masterRow(ws: ExcelJS.Worksheet, id: string, key: string): { value: ExcelJS.Cell; status: ExcelJS.Cell; note: ExcelJS.Cell; row: number } {
  for (let r = 1; r <= ws.rowCount; r++) {
    if (ws.getCell(r, 1).value === id && ws.getCell(r, 10).value === key) return { value: ws.getCell(r, 7), status: ws.getCell(r, 9), note: ws.getCell(r, 11), row: r };
  }
  throw new Error(`no row for ${id} ${key}`);
}
/** The status cell of an indicator: on its first row. */
function statusOf(ws: ExcelJS.Worksheet, id: string): unknown {
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getCell(r, 1).value === id) return ws.getCell(r, 9).value;
  return undefined;
}

beforeAll(async () => {
  dir = scratch();
  const folder = path.join(dir, 'bao-cao');
  fs.mkdirSync(folder);
  for (const { file, data } of await buildReturns()) fs.writeFileSync(path.join(folder, file), data);
  // A sixth: the districts' return, a city template without a department in its header; its
  // 1.1.3.a (Sở Nội vụ's) = 65 against the education department's 60: neither is responsible.
  const met = metTyping(criteria);
  const district = Object.fromEntries(['1.1.2.a', '1.3.2.a', '2.2.2.c', '2.2.2.d'].map((id) => [id, met[id]!]));
  fs.writeFileSync(path.join(folder, 'ubnd-huyen.xlsx'), await templateReturn(criteria, { city: 'Thành phố Hải Vân', year: 2025 }, { ...district, '1.1.3.a': { value: 65 } }));
  returns = fs
    .readdirSync(folder)
    .sort()
    .map((f) => path.join(folder, f));
  before = returns.map((file) => ({ file, bytes: fs.readFileSync(file), mtimeMs: fs.statSync(file).mtimeMs }));
  master = path.join(dir, 'tong-hop.xlsx');
  reportFile = path.join(dir, 'tong-hop.json');
  htmlFile = path.join(dir, 'tong-hop.html');
  run = await gnlcAt(
    'consolidate',
    ...returns,
    '--out',
    master,
    '--report',
    reportFile,
    '--html',
    htmlFile,
    '--department',
    `${path.join(folder, 'ubnd-huyen.xlsx')}=UBND cấp huyện`,
    '--department',
    'so-van-hoa-the-thao.xlsx=Sở VH&TT',
  );
  report = fs.existsSync(reportFile) ? JSON.parse(fs.readFileSync(reportFile, 'utf8')) : { indicators: [] };
}, 60000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** gnlc with a fixed clock. */
async function gnlcAt(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, now: FIXED });
  return { code, stdout, stderr };
}

describe('six returns consolidated', () => {
  test('exit 0; prints the returns and whose they are, the headline, the counts, the conflicts, who sent nothing, the guess to confirm', () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = lines(run.stdout);
    expect(out[0]).toBe('Tổng hợp 6 báo cáo › tong-hop.xlsx, trang "Tổng hợp số liệu"');
    const returned = (name: string) => out.find((l) => l.startsWith(`  ${name} `)) ?? '';
    expect(returned('so-y-te.xlsx')).toMatch(/Sở Y tế +\(theo phần đầu biểu\) +2 chỉ số có số liệu$/);
    expect(returned('so-giao-duc-dao-tao.xlsx')).toMatch(/Sở Giáo dục và Đào tạo +\(theo phần đầu biểu\) +19 chỉ số có số liệu$/);
    expect(returned('so-lao-dong-tbxh.xlsx')).toMatch(/Sở Lao động - Thương binh và Xã hội +\(đoán, cần xác nhận\) +7 chỉ số có số liệu$/);
    expect(returned('so-van-hoa-the-thao.xlsx')).toMatch(/Sở Văn hóa và Thể thao +\(người dùng chỉ định\) +2 chỉ số có số liệu$/);
    expect(returned('ubnd-huyen.xlsx')).toMatch(/UBND quận, huyện, thị xã +\(người dùng chỉ định\) +5 chỉ số có số liệu$/);
    expect(out).toContain('33 / 57 chỉ số đạt');
    expect(out).toContain('  ⚠ Không hợp lệ      1');
    expect(out).toContain('Số liệu mâu thuẫn giữa các báo cáo (2):');
    expect(out).toContainEqual(expect.stringMatching(/^ {2}1\.1\.3\.a: so-giao-duc-dao-tao\.xlsx › G\d+ = 60%; ubnd-huyen\.xlsx › G\d+ = 65% → chưa thống nhất: chỉ số không hợp lệ/));
    expect(out).toContainEqual(expect.stringMatching(/^ {2}1\.3\.2\.f: so-y-te\.xlsx › G11 = 100%; so-giao-duc-dao-tao\.xlsx › G\d+ = 98% → dùng số liệu của đơn vị phụ trách \(so-y-te\.xlsx\)$/));
    expect(out).toContain('Chưa gửi báo cáo (7 đơn vị):');
    expect(out).toContain('  Sở Nội vụ (2 chỉ số)');
    expect(out).not.toContain('  Sở Y tế (2 chỉ số)');
    expect(out).toContain(
      '  so-lao-dong-tbxh.xlsx: đoán là Sở Lao động - Thương binh và Xã hội (phụ trách 7 / 7 chỉ số đã điền), hãy xác nhận bằng --department "so-lao-dong-tbxh.xlsx=<đơn vị>"',
    );
    expect(run.stdout).toContain(`Đã ghi bảng tổng hợp: ${master} (trang "Tổng hợp số liệu", trang tổng hợp "Tổng hợp GNLC"); các báo cáo không bị thay đổi.`);
    expect(run.stdout).toContain(`Đã ghi báo cáo: ${reportFile}`);
    expect(run.stdout).toContain(`Đã ghi báo cáo HTML: ${htmlFile}`);
  });

  test('no return was written: same bytes, same modification time, no file added beside them', () => {
    for (const b of before) {
      expect(fs.readFileSync(b.file).equals(b.bytes)).toBe(true);
      expect(fs.statSync(b.file).mtimeMs).toBe(b.mtimeMs);
    }
    expect(fs.readdirSync(path.dirname(returns[0]!)).sort()).toEqual(returns.map((r) => path.basename(r)).sort());
  });

  test('the report keeps the score contract, on the master sheet', () => {
    const parsed = reportSchema.safeParse(report);
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
    expect(report).toMatchObject({ workbook: 'tong-hop.xlsx', sheet: 'Tổng hợp số liệu', kind: 'consolidation', headline: '33 / 57 chỉ số đạt' });
    expect(report.indicators.map((i) => i.id)).toEqual(IDS);
    expect(report.totals).toEqual({ met: 33, unmet: 2, invalid: 1, missing: 21, total: 57 });
  });

  test('a conflict with the responsible department: its figure wins; sources list both returns', () => {
    const i = report.indicators.find((x) => x.id === '1.3.2.f')!;
    expect(i).toMatchObject({ status: 'met', responsible: 'Sở Y tế', values: { value: 100 } });
    expect(i.sources).toEqual([
      { return: 'so-giao-duc-dao-tao.xlsx', department: 'Sở Giáo dục và Đào tạo', cells: [expect.stringMatching(/^G\d+$/)], values: { value: 98 }, used: false },
      { return: 'so-y-te.xlsx', department: 'Sở Y tế', cells: ['G11'], values: { value: 100 }, used: true },
      { return: 'ubnd-huyen.xlsx', department: 'UBND quận, huyện, thị xã', cells: [expect.stringMatching(/^G\d+$/)], values: { value: null }, used: false },
    ]);
    const message = (i.messages as Array<Record<string, unknown>>)[0]!;
    expect(message).toMatchObject({ code: 'conflict-resolved', source: { return: 'so-y-te.xlsx', cell: 'G11' } });
    expect(report.conflicts).toContainEqual(expect.objectContaining({ id: '1.3.2.f', field: 'value', resolved: 'responsible', chosen: 'so-y-te.xlsx' }));
  });

  test('a conflict between two returns, neither responsible: invalid, the message names both', () => {
    const i = report.indicators.find((x) => x.id === '1.1.3.a')!;
    expect(i.status).toBe('invalid');
    const text = String((i.messages as Array<{ text: string }>)[0]!.text);
    expect(text).toMatch(/so-giao-duc-dao-tao\.xlsx › G\d+ = 60%; ubnd-huyen\.xlsx › G\d+ = 65%/);
    expect(text).toContain('Sở Nội vụ');
    expect(report.conflicts).toContainEqual(expect.objectContaining({ id: '1.1.3.a', resolved: 'invalid', code: 'conflict' }));
  });

  test('completeness: who reported what; the party that sent nothing is listed', () => {
    const rows = report.completeness as Array<{ party: string; expected: number; reported: number; met: number; returned: boolean; returns: string[] }>;
    expect(rows.reduce((n, r) => n + r.expected, 0)).toBe(57);
    expect(rows.find((r) => r.party === 'Sở Nội vụ')).toMatchObject({ expected: 2, reported: 1, met: 0, returned: false, returns: [] });
    expect(rows.find((r) => r.party === 'Sở Y tế')).toMatchObject({ expected: 2, reported: 2, met: 2, returned: true, returns: ['so-y-te.xlsx'] });
    expect(rows.find((r) => r.party === 'Sở Giáo dục và Đào tạo')).toMatchObject({ expected: 17, reported: 17, met: 16, returned: true });
    expect(report.missingParties).toContain('Sở Nội vụ');
    expect(report.missingParties).toHaveLength(7);
    const rets = report.returns as Array<{ name: string; department: string; inferred: boolean; departmentSource: string }>;
    expect(rets.map((r) => [r.name, r.departmentSource, r.inferred])).toEqual([
      ['cong-an-thanh-pho.xlsx', 'header', false],
      ['so-giao-duc-dao-tao.xlsx', 'header', false],
      ['so-lao-dong-tbxh.xlsx', 'inferred', true],
      ['so-van-hoa-the-thao.xlsx', 'given', false],
      ['so-y-te.xlsx', 'header', false],
      ['ubnd-huyen.xlsx', 'given', false],
    ]);
  });

  test('the return typed in the seed\'s own layout is merged like the templates', () => {
    const i = report.indicators.find((x) => x.id === '1.2.3.a')!;
    expect(i).toMatchObject({ status: 'met', values: { value: 55.5 } });
    expect((i.sources as Array<{ return: string; used: boolean; department: string }>).filter((s) => s.used)).toEqual([
      expect.objectContaining({ return: 'so-van-hoa-the-thao.xlsx', department: 'Sở Văn hóa và Thể thao' }),
    ]);
  });

  test('the master workbook: values where the returns put them, each figure\'s source, the status text, the validations', async () => {
    const wb = await loadWorkbook(fs.readFileSync(master));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Tổng hợp số liệu', 'Tổng hợp GNLC']);
    const ws = wb.getWorksheet('Tổng hợp số liệu')!;
    const city = buildTemplate(criteria, {});
    expect(ws.getCell(city.headerCells.city).value).toBe('Thành phố Hải Vân');
    expect(ws.getCell(city.headerCells.department).value).toBe('Tổng hợp từ 6 báo cáo');
    expect(String(ws.getCell('A2').value)).toBe('Bảng tổng hợp số liệu — 33 / 57 chỉ số đạt');

    const f = masterRow(ws, '1.3.2.f', 'value');
    expect(f.value.value).toBe(100);
    expect(String(f.note.value)).toMatch(/^so-y-te\.xlsx › G11 \(khác: so-giao-duc-dao-tao\.xlsx › G\d+ = 98%\)$/);
    expect(statusOf(ws, '1.3.2.f')).toBe('✔ Đạt');
    const a = masterRow(ws, '1.1.3.a', 'value');
    expect(a.value.value).toBeNull();
    expect(String(a.note.value)).toMatch(/^Mâu thuẫn: so-giao-duc-dao-tao\.xlsx › G\d+ = 60%; ubnd-huyen\.xlsx › G\d+ = 65% — cần thống nhất$/);
    expect(statusOf(ws, '1.1.3.a')).toBe('⚠ Không hợp lệ');
    expect(masterRow(ws, '1.2.3.a', 'value').value.value).toBe(55.5);
    expect(String(masterRow(ws, '1.2.3.a', 'value').note.value)).toMatch(/^so-van-hoa-the-thao\.xlsx › [A-Z]+\d+$/);
    const prev = masterRow(ws, '1.3.2.b', 'trend@previous');
    expect([prev.value.value, String(prev.note.value)]).toEqual([1250, expect.stringMatching(/^cong-an-thanh-pho\.xlsx › G\d+$/)]);
    expect(masterRow(ws, '2.6.1.a', 'rating').value.value).toBe('4 - Rất tốt');
    expect(statusOf(ws, '1.1.2.a')).toBe('✔ Đạt');
    expect(statusOf(ws, '2.1.4.a')).toBe('… Chưa có số liệu');
    // The coordinator types settled figures into the master: every value cell keeps its validation.
    expect(masterRow(ws, '1.1.3.a', 'value').value.dataValidation).toMatchObject({ type: 'decimal', promptTitle: 'Tỷ lệ (%)' });

    // The report's cells are the master's cells.
    const i = report.indicators.find((x) => x.id === '1.3.2.f')!;
    expect(i.cells).toEqual([f.value.address]);
    expect((i.messages as Array<{ cell?: string }>)[0]!.cell).toBe(f.value.address);

    // The summary sheet: the headline, and links into the master sheet (written as Excel writes in-workbook links).
    const summary = wb.getWorksheet('Tổng hợp GNLC')!;
    expect(summary.getCell('A3').value).toBe('33 / 57 chỉ số đạt');
    const zip = await JSZip.loadAsync(fs.readFileSync(master));
    const xml = await zip.file('xl/worksheets/sheet2.xml')!.async('string');
    expect(xml).toContain(`location="&apos;Tổng hợp số liệu&apos;!${f.value.address}"`);
  });

  test('the master scores again with gnlc score as it was consolidated (the unsettled conflict, blank, is missing)', async () => {
    const again = path.join(dir, 'cham-lai.json');
    const r = await gnlc('score', master, '--report', again);
    expect(r.code).toBe(0);
    const data = JSON.parse(fs.readFileSync(again, 'utf8')) as { indicators: Array<{ id: string; status: string }> };
    const first = Object.fromEntries(report.indicators.map((i) => [i.id, i.status]));
    for (const i of data.indicators) expect([i.id, i.status]).toEqual([i.id, i.id === '1.1.3.a' ? 'missing' : first[i.id]]);
  });

  test('--html: one self-contained page with the headline, the completeness and the conflicts', () => {
    const html = fs.readFileSync(htmlFile, 'utf8');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('33 / 57 chỉ số đạt');
    expect(html).toContain('Ngày lập: 30/11/2025');
    expect(html).toContain('Tình hình gửi báo cáo');
    expect(html).toContain('Sở Nội vụ');
    expect(html).toContain('ubnd-huyen.xlsx');
    expect(html).not.toMatch(/\b(?:src|href)\s*=\s*["']?\s*(?:https?:)?\/\//i);
    expect(html).not.toMatch(/<script\b/i);
    expect(html).not.toMatch(/<link\b[^>]*stylesheet/i);
  });

  test('--lang en speaks English', async () => {
    const out = path.join(dir, 'master-en.xlsx');
    const r = await gnlc('consolidate', ...returns.slice(0, 5), '--out', out, '--lang', 'en');
    expect(r.code).toBe(0);
    expect(lines(r.stdout)[0]).toBe('Consolidated 5 returns › master-en.xlsx, sheet "Master data"');
    expect(r.stdout).toContain('30 of 57 indicators met');
    expect(r.stdout).toContain('Conflicting figures (1):');
    expect(r.stdout).toContain('No return yet from (8 parties):');
    expect(r.stdout).toContain('Departments guessed from the figures filled:');
    const wb = await loadWorkbook(fs.readFileSync(out));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Master data', 'GNLC summary']);
  });
});

describe('gnlc score --html', () => {
  test('writes a self-contained page of the scored sheet', async () => {
    const input = path.join(dir, 'phu-luc.xlsx');
    fs.copyFileSync(path.join(__dirname, '..', '..', 'examples', 'phu-luc-thanh-pho-mau.xlsx'), input);
    const html = path.join(dir, 'bao-cao.html');
    const r = await gnlcAt('score', input, '--html', html);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Đã ghi báo cáo HTML: ${html}`);
    const page = fs.readFileSync(html, 'utf8');
    expect(page).toContain('46 / 57 chỉ số đạt');
    expect(page).toContain('phu-luc.xlsx › Phụ lục');
    expect(page).toContain('Ngày lập: 30/11/2025');
    expect(page).not.toMatch(/\b(?:src|href)\s*=\s*["']?\s*(?:https?:)?\/\//i);
    expectOneLineError(await gnlc('score', input, '--html', input), 1, /--html trùng với tệp đầu vào/);
    expectOneLineError(await gnlc('score', input, '--html', html, '--report', html), 1, /--report và --html trùng nhau/);
  });
});

describe('gnlc consolidate: usage errors (exit 1) and unreadable returns (exit 2), nothing written', () => {
  const out = () => path.join(dir, 'khong-ghi.xlsx');
  afterEach(() => expect(fs.existsSync(out())).toBe(false));

  test('no returns, no --out', async () => {
    expectOneLineError(await gnlc('consolidate', '--out', out()), 1, /Thiếu các tệp báo cáo cần tổng hợp/);
    expectOneLineError(await gnlc('consolidate', returns[0]!), 1, /Thiếu --out <tệp\.xlsx>: gnlc consolidate <báo-cáo\.xlsx>… --out/);
  });
  test('an output that is one of the returns is refused', async () => {
    expectOneLineError(await gnlc('consolidate', ...returns, '--out', returns[1]!, '--force'), 1, /--out trùng với báo cáo .*so-giao-duc-dao-tao\.xlsx: các báo cáo không bao giờ bị ghi đè/);
    expectOneLineError(await gnlc('consolidate', ...returns, '--out', out(), '--report', returns[0]!), 1, /--report trùng với báo cáo/);
    expectOneLineError(await gnlc('consolidate', ...returns, '--out', out(), '--html', out()), 1, /--out và --html trùng nhau/);
  });
  test('an existing master is kept unless --force', async () => {
    const existing = path.join(dir, 'co-san.xlsx');
    fs.writeFileSync(existing, 'cũ');
    expectOneLineError(await gnlc('consolidate', ...returns, '--out', existing), 1, /co-san\.xlsx đã có/);
    expect(fs.readFileSync(existing, 'utf8')).toBe('cũ');
  });
  test('the same return twice; --department without "=", for a file not given, twice for one file', async () => {
    expectOneLineError(await gnlc('consolidate', returns[0]!, path.join(path.dirname(returns[0]!), '.', path.basename(returns[0]!)), '--out', out()), 1, /được nêu hai lần/);
    expectOneLineError(await gnlc('consolidate', ...returns, '--out', out(), '--department', 'Sở Y tế'), 1, /--department phải có dạng <tệp>=<đơn vị>/);
    expectOneLineError(await gnlc('consolidate', ...returns, '--out', out(), '--department', 'khac.xlsx=Sở Y tế'), 1, /khac\.xlsx không phải là một trong các báo cáo/);
    expectOneLineError(await gnlc('consolidate', ...returns, '--out', out(), '--department', 'so-y-te.xlsx=Sở Y tế', '--department', `${returns.find((r) => r.endsWith('so-y-te.xlsx'))}=Sở Y tế`), 1, /nêu hai lần cho báo cáo/);
    expectOneLineError(await gnlc('consolidate', ...returns, '--out', out(), '--sheet', 'Phụ lục'), 1, /--sheet không dùng với lệnh consolidate/);
  });
  test('an unreadable return: exit 2 naming it; every unreadable return is named; nothing is consolidated', async () => {
    const bad = path.join(dir, 'hong.xlsx');
    fs.writeFileSync(bad, 'không phải tệp Excel');
    const old = path.join(dir, 'cu.xlsx');
    fs.writeFileSync(old, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]));
    expectOneLineError(await gnlc('consolidate', returns[0]!, bad, returns[1]!, '--out', out()), 2, /hong\.xlsx không phải là tệp Excel \.xlsx\. Chưa tổng hợp gì$/m);
    expectOneLineError(await gnlc('consolidate', returns[0]!, bad, old, '--out', out()), 2, /hong\.xlsx không phải là tệp Excel \.xlsx\. Cũng không đọc được: .*cu\.xlsx\. Chưa tổng hợp gì/);
    expectOneLineError(await gnlc('consolidate', returns[0]!, path.join(dir, 'khong-co.xlsx'), '--out', out()), 2, /Không tìm thấy tệp .*khong-co\.xlsx/);
    expectOneLineError(await gnlc('consolidate', returns[0]!, bad, '--out', out(), '--lang', 'en'), 2, /hong\.xlsx is not an Excel \.xlsx file\. Nothing was consolidated/);
  });
  test('a return over the input limits (a zip bomb) is refused before it is inflated: exit 2 naming it', async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('xl/worksheets/sheet1.xml', Buffer.alloc(11 * 1024 * 1024, 0x20));
    const bomb = path.join(dir, 'bom.xlsx');
    fs.writeFileSync(bomb, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } }));
    expectOneLineError(await gnlc('consolidate', returns[0]!, bomb, '--out', out()), 2, /Không đọc được tệp .*bom\.xlsx: .*\. Chưa tổng hợp gì$/m);
  });
  test('a workbook without an appendix or template is an unreadable return', async () => {
    const other = path.join(dir, 'danh-ba.xlsx');
    await snapshotToWorkbook([{ name: 'Danh bạ', origin: { row: 0, col: 0 }, cells: [[{ value: 'Họ tên' }, { value: 'Điện thoại' }]], merges: [] }]).xlsx.writeFile(other);
    expectOneLineError(await gnlc('consolidate', returns[0]!, other, '--out', out()), 2, /Không tìm thấy bảng phụ lục hay biểu mẫu số liệu trong báo cáo .*danh-ba\.xlsx \(các trang: Danh bạ\)/);
  });
});
