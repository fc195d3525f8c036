/** @jest-environment jsdom */
/**
 * "Mẫu và tổng hợp" in the pane, over the real Office adapter and the strict fake Excel: "Tạo mẫu"
 * opens the department's template as a new workbook (Excel.createWorkbook, ExcelApi 1.8) or adds
 * it as a validated sheet; "Gộp báo cáo" consolidates the chosen sheets and the pane shows the
 * headline, the conflict, the parties with no return.
 */
import ExcelJS from 'exceljs';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { loadCriteria, renderPane, memoryPrefs } from './support';
import { TEMPLATE_COL } from '../../src/core/layout';
import { buildTemplate } from '../../src/core/template';
import { createFakeExcel, sheetDataFromSnapshot } from '../../src/testing/fake-excel';
import { officeBackend } from '../../src/taskpane/office-backend';
import type { ExcelRunner } from '../../src/hosts/office/host';
import { buildAppendixSheet } from '../../src/testing/appendix';
import { fillTemplate, typeInto } from '../core/template-helpers';

const criteria = loadCriteria();

/** `notes`: what each return wrote in its "Ghi chú" column on 1.3.2.f. */
function setup(options: { createWorkbook?: boolean; api18?: boolean; notes?: { yte?: string; gd?: string } } = {}) {
  const notes = options.notes ?? {};
  const yteT = buildTemplate(criteria, { department: 'Sở Y tế', city: 'Hà Nội', year: 2024 });
  const yte = fillTemplate(yteT, { '1.3.2.e': { value: 100 }, '1.3.2.f': { value: 100 } }, 'Y tế');
  const gdT = buildTemplate(criteria, { city: 'Hà Nội', year: 2024 });
  const gd = fillTemplate(gdT, { '1.3.2.f': { value: 98 } }, 'GD');
  const noteCell = (t: typeof gdT) => t.valueCells['1.3.2.f']!.value!.replace(/^[A-Z]+/, String.fromCharCode(65 + TEMPLATE_COL.note));
  if (notes.yte !== undefined) typeInto(yte, noteCell(yteT), notes.yte);
  if (notes.gd !== undefined) typeInto(gd, noteCell(gdT), notes.gd);
  typeInto(gd, gdT.headerCells.department, 'Sở GD&ĐT');
  const vh = buildAppendixSheet(criteria, { '1.2.3.a': { value: '55,5%' }, '2.2.1.b': { value: 40 } }, { onlyParty: 'Sở Văn hóa và Thể thao' }, 'VH');
  // A coordinator's own notes sheet sits among the returns: it is no return and is never offered.
  const notesSheet = { name: 'Ghi chú', cells: { A1: 'Ghi chú của điều phối viên', A2: 'Sở Y tế gửi bản sửa ngày 12/3', A3: 'Hạn nộp: 15/3' } };
  const fake = createFakeExcel({ sheets: [...[yte, gd, vh].map((s) => sheetDataFromSnapshot(s)), notesSheet] });
  const isSetSupported = (set: string, version: string) => !(set === 'ExcelApi' && version === '1.8' && options.api18 === false);
  const backend = officeBackend(fake.run as unknown as ExcelRunner, criteria, {
    isSetSupported,
    ...(options.createWorkbook ? { createWorkbook: fake.Excel.createWorkbook } : {}),
  });
  renderPane(backend, criteria, memoryPrefs());
  return { fake };
}

/** Chooses a department in the Fluent Dropdown "Đơn vị". */
async function chooseDepartment(name: string) {
  fireEvent.click(screen.getByRole('combobox', { name: 'Đơn vị' }));
  fireEvent.click(await screen.findByRole('option', { name: new RegExp(`^${name} \\(\\d+\\)$`) }));
  await waitFor(() => expect(screen.getByRole('combobox', { name: 'Đơn vị' }).textContent).toMatch(new RegExp(`^${name} \\(\\d+\\)`)));
}

/** Opens "Mẫu và tổng hợp" and waits for the sheets. */
async function openTools() {
  // The section comes just after the pane's first paint.
  fireEvent.click(await screen.findByRole('button', { name: 'Mẫu và tổng hợp' }));
  await waitFor(() => expect(screen.getByRole('checkbox', { name: 'VH' })).toBeTruthy());
}

const notice = () => document.querySelector('[data-tools-notice]')!.getAttribute('data-tools-notice');

test('"Tạo mẫu" adds a template sheet for the chosen department where Excel cannot open a new workbook, and says why', async () => {
  const { fake } = setup();
  await openTools();
  // No Excel.createWorkbook here: no choice offered, the reason given.
  expect(screen.queryByRole('radio', { name: 'Sổ làm việc mới, để lưu và gửi đi' })).toBeNull();
  expect(document.querySelector('[data-note="no-new-workbook"]')!.textContent).toMatch(/^Phiên bản Excel này chưa cho phần bổ trợ mở sổ làm việc mới \(cần ExcelApi 1\.8\)/);
  await chooseDepartment('Sở Y tế');
  fireEvent.change(document.querySelector('input[data-field="city"]')!, { target: { value: 'Hà Nội' } });
  fireEvent.click(screen.getByRole('button', { name: 'Tạo mẫu' }));
  await waitFor(() => expect(notice()).toBe('success'));
  expect(screen.getByText(/Đã tạo trang "Biểu số liệu": 2 chỉ số, 2 ô số liệu có kiểm tra dữ liệu\./)).toBeTruthy();
  expect(fake.workbook.sheetNames()).toContain('Biểu số liệu');
  expect(fake.workbook.activeSheet()).toBe('Biểu số liệu');
  // The new sheet is offered as a return at once.
  await waitFor(() => expect(screen.getByRole('checkbox', { name: 'Biểu số liệu' })).toBeTruthy());
  expect(fake.createdWorkbooks).toEqual([]);
});

test('"Tạo mẫu" opens the department\'s template as a new workbook: a valid .xlsx holding the same template, named after the department', async () => {
  const { fake } = setup({ createWorkbook: true });
  const before = fake.workbook.sheetNames();
  await openTools();
  expect(document.querySelector('[data-note="no-new-workbook"]')).toBeNull();
  // A new workbook is the first choice; adding a sheet stays the other one.
  expect((screen.getByRole('radio', { name: 'Sổ làm việc mới, để lưu và gửi đi' }) as HTMLInputElement).checked).toBe(true);
  expect((screen.getByRole('radio', { name: 'Trang mới trong sổ này' }) as HTMLInputElement).checked).toBe(false);
  await chooseDepartment('Sở Y tế');
  fireEvent.change(document.querySelector('input[data-field="city"]')!, { target: { value: 'Hà Nội' } });
  fireEvent.change(document.querySelector('input[data-field="year"]')!, { target: { value: '2025' } });
  fireEvent.click(screen.getByRole('button', { name: 'Tạo mẫu' }));
  await waitFor(() => expect(notice()).toBe('success'), { timeout: 20000 });
  expect(screen.getByText('Đã mở mẫu trong một sổ làm việc mới (trang "Sở Y tế", 2 chỉ số). Lưu sổ đó (Tệp › Lưu) với tên của đơn vị rồi gửi đi.')).toBeTruthy();
  // The open workbook is left as it was.
  expect(fake.workbook.sheetNames()).toEqual(before);
  expect(fake.createdWorkbooks).toHaveLength(1);

  // The bytes Excel was given: an .xlsx exceljs opens, holding exactly the department's template.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(fake.createdWorkbooks[0]!.base64!, 'base64') as unknown as ArrayBuffer);
  expect(wb.worksheets.map((w) => w.name)).toEqual(['Sở Y tế']);
  expect(wb.title).toContain('Sở Y tế');
  const ws = wb.worksheets[0]!;
  const expected = buildTemplate(criteria, { department: 'Sở Y tế', city: 'Hà Nội', year: 2025, name: 'Sở Y tế' });
  expect(ws.getCell(expected.headerCells.department).value).toBe('Sở Y tế');
  expect(ws.getCell(expected.headerCells.city).value).toBe('Hà Nội');
  expected.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (cell && cell.value !== null) expect([r, c, ws.getCell(r + 1, c + 1).value]).toEqual([r, c, cell.value]);
    }),
  );
  expect(expected.indicators).toEqual(['1.3.2.e', '1.3.2.f']);
  // Every value cell validated, as in the sheet the pane adds.
  for (const rule of expected.validations) expect(ws.getCell(rule.address.split(':')[0]!).dataValidation?.type).toBe(rule.type);
  // And it prints like the CLI's files: A4 landscape, one page wide.
  expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1 });
});

test('"Trang mới trong sổ này" still adds the template as a sheet where a new workbook could be opened', async () => {
  const { fake } = setup({ createWorkbook: true });
  await openTools();
  fireEvent.click(screen.getByRole('radio', { name: 'Trang mới trong sổ này' }));
  fireEvent.click(screen.getByRole('button', { name: 'Tạo mẫu' }));
  await waitFor(() => expect(notice()).toBe('success'));
  expect(fake.workbook.sheetNames()).toContain('Biểu số liệu');
  expect(fake.createdWorkbooks).toEqual([]);
});

test('without ExcelApi 1.8 the new-workbook choice is not offered, even where the function exists', async () => {
  const { fake } = setup({ createWorkbook: true, api18: false });
  await openTools();
  expect(screen.queryByRole('radio')).toBeNull();
  expect(document.querySelector('[data-note="no-new-workbook"]')).not.toBeNull();
  fireEvent.click(screen.getByRole('button', { name: 'Tạo mẫu' }));
  await waitFor(() => expect(notice()).toBe('success'));
  expect(fake.createdWorkbooks).toEqual([]);
  expect(fake.workbook.sheetNames()).toContain('Biểu số liệu');
});

test('"Gộp báo cáo" consolidates the chosen sheets and shows the headline, the conflict and the missing returns', async () => {
  const { fake } = setup();
  // The section comes just after the pane's first paint.
  fireEvent.click(await screen.findByRole('button', { name: 'Mẫu và tổng hợp' }));
  await waitFor(() => expect(screen.getByRole('checkbox', { name: 'VH' })).toBeTruthy());
  fireEvent.click(screen.getByRole('button', { name: 'Gộp báo cáo' }));
  await waitFor(() => expect(notice()).toBe('warning'));
  for (const name of ['Y tế', 'GD', 'VH']) fireEvent.click(screen.getByRole('checkbox', { name }));
  fireEvent.click(screen.getByRole('button', { name: 'Gộp báo cáo' }));
  await waitFor(() => expect(notice()).toBe('success'), { timeout: 10000 });
  expect(screen.getByText('Đã gộp 3 báo cáo vào trang "Tổng hợp số liệu"; kết quả ở trang "Tổng hợp GNLC".')).toBeTruthy();
  expect(document.querySelector('[data-headline]')!.textContent).toMatch(/^\d+ \/ \d+ chỉ số đạt$/);
  const conflicts = document.querySelector('[data-list="conflicts"]')!;
  expect(conflicts.textContent).toContain('1.3.2.f: Y tế = 100; GD = 98 — dùng số liệu của đơn vị phụ trách');
  expect(document.querySelector('[data-list="missing"]')!.textContent).toContain('Sở Nội vụ');
  // The expert assessment is not a department that failed to send its return.
  expect(document.querySelector('[data-list="missing"]')!.textContent).not.toContain('chuyên gia');
  expect(document.querySelector('[data-expert-missing]')!.textContent).toMatch(/^Đánh giá của chuyên gia: chưa có/);
  expect(fake.workbook.sheetNames()).toEqual(['Y tế', 'GD', 'VH', 'Ghi chú', 'Tổng hợp số liệu', 'Tổng hợp GNLC']);
  // The file picker is offered where ExcelApi 1.13 is.
  expect(document.querySelector('input[type="file"][accept=".xlsx"][multiple]')).not.toBeNull();
  // ... behind a Fluent button (the browser's own control stays hidden).
  expect(screen.getByRole('button', { name: 'Thêm báo cáo từ tệp (.xlsx)' })).toBeTruthy();
  // Neither the notes sheet nor the sheets the consolidation wrote are offered as returns.
  expect(screen.getAllByRole('checkbox').map((c) => c.getAttribute('aria-label') ?? c.closest('.fui-Checkbox')?.textContent)).toEqual(['Y tế', 'GD', 'VH']);
});

test('notes too long together for a master cell: the pane names the indicator whose notes were cut', async () => {
  const { fake } = setup({ notes: { yte: 'ghi chú '.repeat(2500).trim(), gd: 'giải trình '.repeat(2000).trim() } });
  // The section comes just after the pane's first paint.
  fireEvent.click(await screen.findByRole('button', { name: 'Mẫu và tổng hợp' }));
  await waitFor(() => expect(screen.getByRole('checkbox', { name: 'VH' })).toBeTruthy());
  for (const name of ['Y tế', 'GD']) fireEvent.click(screen.getByRole('checkbox', { name }));
  fireEvent.click(screen.getByRole('button', { name: 'Gộp báo cáo' }));
  await waitFor(() => expect(notice()).toBe('success'), { timeout: 10000 });
  expect(screen.getByText('Ghi chú bị cắt bớt trong trang tổng hợp')).toBeTruthy();
  expect(document.querySelector('[data-list="notes-cut"]')!.textContent).toMatch(/^Ghi chú của các đơn vị cho chỉ số 1\.3\.2\.f \(Y tế, GD\) dài 42\.032 ký tự, quá giới hạn 32\.767 ký tự/);
  const note = Object.values(fake.workbook.sheet('Tổng hợp số liệu')!.cells()).find((c) => typeof c.value === 'string' && c.value.includes('\nSở Y tế: ghi chú'))!;
  expect(String(note.value).length).toBeLessThanOrEqual(32767);
});

test('a guessed department can be corrected in the pane: "Gộp lại" consolidates with the department chosen', async () => {
  const { fake } = setup();
  // The section comes just after the pane's first paint.
  fireEvent.click(await screen.findByRole('button', { name: 'Mẫu và tổng hợp' }));
  await waitFor(() => expect(screen.getByRole('checkbox', { name: 'VH' })).toBeTruthy());
  for (const name of ['Y tế', 'GD', 'VH']) fireEvent.click(screen.getByRole('checkbox', { name }));
  fireEvent.click(screen.getByRole('button', { name: 'Gộp báo cáo' }));
  await waitFor(() => expect(notice()).toBe('success'), { timeout: 10000 });
  // VH names no department: guessed from what it fills, and offered for correction.
  const guess = screen.getByRole('combobox', { name: 'Đơn vị của trang "VH"' }) as HTMLSelectElement;
  expect(guess.value).toBe('Sở Văn hóa và Thể thao');
  expect(document.querySelector('[data-list="missing"]')!.textContent).not.toContain('Sở Văn hóa và Thể thao');

  fireEvent.change(guess, { target: { value: 'Sở Thông tin và Truyền thông' } });
  fireEvent.click(screen.getByRole('button', { name: 'Gộp lại' }));
  await waitFor(() => expect(document.querySelector('[data-list="inferred"]')).toBeNull(), { timeout: 10000 });
  expect(notice()).toBe('success');
  // VH now counts as Sở Thông tin và Truyền thông's return: Sở Văn hóa và Thể thao has sent none.
  expect(document.querySelector('[data-list="missing"]')!.textContent).toContain('Sở Văn hóa và Thể thao');
  expect(document.querySelector('[data-list="missing"]')!.textContent).not.toContain('Sở Thông tin và Truyền thông');
  // The first consolidation's sheets are left as they were; the new ones are named in the message.
  expect(screen.getByText('Đã gộp 3 báo cáo vào trang "Tổng hợp số liệu (2)"; kết quả ở trang "Tổng hợp GNLC (2)".')).toBeTruthy();
  expect(fake.workbook.sheetNames()).toEqual(['Y tế', 'GD', 'VH', 'Ghi chú', 'Tổng hợp số liệu', 'Tổng hợp GNLC', 'Tổng hợp số liệu (2)', 'Tổng hợp GNLC (2)']);
});
