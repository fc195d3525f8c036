/**
 * Issue #12 on the command line: a department's return (examples/returns/, built like the
 * project's own template) is scored in its department's scope, and a sheet that is no appendix is
 * refused with exit 2 and one line naming the likely sheet.
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { reportSchema } from '../../src/cli/report';
import { RETURNS_DIR } from '../../examples/build-returns';
import { SAMPLE, expectOneLineError, gnlc, lines, scratch } from './helpers';

let dir: string;
beforeAll(() => {
  dir = scratch();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('the health department’s return: the headline names it and counts its indicators; the report’s scope adds up', async () => {
  const report = path.join(dir, 'r.json');
  const r = await gnlc('score', path.join(RETURNS_DIR, 'so-y-te.xlsx'), '--report', report);
  expect(r.code).toBe(0);
  expect(lines(r.stdout)).toContain('Sở Y tế: 2 / 2 chỉ số đạt');
  expect(lines(r.stdout)).toContain('  55 chỉ số thuộc đơn vị khác (không tính vào kết quả)');
  expect(r.stdout).not.toMatch(/Chưa có số liệu\s+55/);
  const data = JSON.parse(fs.readFileSync(report, 'utf8'));
  expect(reportSchema.safeParse(data).success).toBe(true);
  expect(data.indicators).toHaveLength(57);
  expect(data.headline).toBe('Sở Y tế: 2 / 2 chỉ số đạt');
  expect(data.scope.party).toBe('Sở Y tế');
  expect(data.scope.ids).toEqual(['1.3.2.e', '1.3.2.f']);
  const t = data.scope.totals;
  expect(t.met + t.unmet + t.invalid + t.missing).toBe(data.scope.ids.length);
  const others = data.indicators.filter((i: { id: string }) => !data.scope.ids.includes(i.id));
  expect(others).toHaveLength(55);
  for (const i of others) expect(i).toMatchObject({ status: 'missing', messages: [{ code: 'other-party' }] });
});

test('a whole appendix: "scope": null', async () => {
  const report = path.join(dir, 'whole.json');
  expect((await gnlc('score', SAMPLE, '--report', report)).code).toBe(0);
  expect(JSON.parse(fs.readFileSync(report, 'utf8')).scope).toBeNull();
});

test('--sheet naming a sheet that is no appendix: exit 2, one line naming the appendix', async () => {
  const r = await gnlc('score', SAMPLE, '--sheet', 'Thông tin chung');
  expectOneLineError(r, 2, /^gnlc: Trang "Thông tin chung" không phải bảng phụ lục; bảng phụ lục có vẻ là trang "Phụ lục"/);
  expect(r.stdout).toBe('');
});

test('a workbook with no appendix: exit 2, one line', async () => {
  const file = path.join(dir, 'danh-sach.xlsx');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Danh sách đơn vị');
  ws.addRow(['STT', 'Đơn vị', 'Đầu mối']);
  ws.addRow([1, 'Sở Y tế', 'Nguyễn Văn A']);
  await wb.xlsx.writeFile(file);
  expectOneLineError(await gnlc('score', file), 2, /Không tìm thấy bảng phụ lục/);
  expectOneLineError(await gnlc('score', file, '--sheet', 'Danh sách đơn vị'), 2, /Trang "Danh sách đơn vị" không phải bảng phụ lục; tệp không có trang nào giống bảng phụ lục/);
});
