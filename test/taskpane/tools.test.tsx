/** @jest-environment jsdom */
/**
 * "Mẫu và tổng hợp" in the pane, over the real Office adapter and the strict fake Excel: "Tạo mẫu"
 * adds a validated template sheet; "Gộp báo cáo" consolidates the chosen sheets and the pane shows
 * the headline, the conflict, the parties with no return.
 */
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
function setup(notes: { yte?: string; gd?: string } = {}) {
  const yteT = buildTemplate(criteria, { department: 'Sở Y tế', city: 'Hà Nội', year: 2024 });
  const yte = fillTemplate(yteT, { '1.3.2.e': { value: 100 }, '1.3.2.f': { value: 100 } }, 'Y tế');
  const gdT = buildTemplate(criteria, { city: 'Hà Nội', year: 2024 });
  const gd = fillTemplate(gdT, { '1.3.2.f': { value: 98 } }, 'GD');
  const noteCell = (t: typeof gdT) => t.valueCells['1.3.2.f']!.value!.replace(/^[A-Z]+/, String.fromCharCode(65 + TEMPLATE_COL.note));
  if (notes.yte !== undefined) typeInto(yte, noteCell(yteT), notes.yte);
  if (notes.gd !== undefined) typeInto(gd, noteCell(gdT), notes.gd);
  typeInto(gd, gdT.headerCells.department, 'Sở GD&ĐT');
  const vh = buildAppendixSheet(criteria, { '1.2.3.a': { value: '55,5%' }, '2.2.1.b': { value: 40 } }, { onlyParty: 'Sở Văn hóa và Thể thao' }, 'VH');
  const fake = createFakeExcel({ sheets: [yte, gd, vh].map((s) => sheetDataFromSnapshot(s)) });
  const backend = officeBackend(fake.run as unknown as ExcelRunner, criteria, { isSetSupported: () => true });
  renderPane(backend, criteria, memoryPrefs());
  return { fake };
}

const notice = () => document.querySelector('[data-tools-notice]')!.getAttribute('data-tools-notice');

test('"Tạo mẫu" adds a template sheet for the chosen department', async () => {
  const { fake } = setup();
  fireEvent.click(screen.getByRole('button', { name: 'Mẫu và tổng hợp' }));
  await waitFor(() => expect(screen.getByRole('checkbox', { name: 'VH' })).toBeTruthy());
  const select = document.querySelector('[data-field="department"] select, select[data-field="department"]') as HTMLSelectElement;
  fireEvent.change(select, { target: { value: 'Sở Y tế' } });
  fireEvent.change(document.querySelector('input[data-field="city"]')!, { target: { value: 'Hà Nội' } });
  fireEvent.click(screen.getByRole('button', { name: 'Tạo mẫu' }));
  await waitFor(() => expect(notice()).toBe('success'));
  expect(screen.getByText(/Đã tạo trang "Biểu số liệu": 2 chỉ số, 2 ô số liệu có kiểm tra dữ liệu\./)).toBeTruthy();
  expect(fake.workbook.sheetNames()).toContain('Biểu số liệu');
  expect(fake.workbook.activeSheet()).toBe('Biểu số liệu');
  // The new sheet is offered as a return at once.
  await waitFor(() => expect(screen.getByRole('checkbox', { name: 'Biểu số liệu' })).toBeTruthy());
});

test('"Gộp báo cáo" consolidates the chosen sheets and shows the headline, the conflict and the missing returns', async () => {
  const { fake } = setup();
  fireEvent.click(screen.getByRole('button', { name: 'Mẫu và tổng hợp' }));
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
  expect(fake.workbook.sheetNames()).toEqual(['Y tế', 'GD', 'VH', 'Tổng hợp số liệu', 'Tổng hợp GNLC']);
  // The file picker is offered where ExcelApi 1.13 is.
  expect(document.querySelector('input[type="file"][accept=".xlsx"][multiple]')).not.toBeNull();
  // ... behind a Fluent button (the browser's own control stays hidden).
  expect(screen.getByRole('button', { name: 'Thêm báo cáo từ tệp (.xlsx)' })).toBeTruthy();
  // The sheets the consolidation wrote are not offered as returns.
  expect(screen.getAllByRole('checkbox').map((c) => c.getAttribute('aria-label') ?? c.closest('.fui-Checkbox')?.textContent)).toEqual(['Y tế', 'GD', 'VH']);
});

test('notes too long together for a master cell: the pane names the indicator whose notes were cut', async () => {
  const { fake } = setup({ yte: 'ghi chú '.repeat(2500).trim(), gd: 'giải trình '.repeat(2000).trim() });
  fireEvent.click(screen.getByRole('button', { name: 'Mẫu và tổng hợp' }));
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
  fireEvent.click(screen.getByRole('button', { name: 'Mẫu và tổng hợp' }));
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
  expect(fake.workbook.sheetNames()).toEqual(['Y tế', 'GD', 'VH', 'Tổng hợp số liệu', 'Tổng hợp GNLC', 'Tổng hợp số liệu (2)', 'Tổng hợp GNLC (2)']);
});
