/** @jest-environment jsdom */
/**
 * The pane over the real Office adapter (OfficeHost) and the strict fake of the Excel API: what
 * the person sees in the pane matches what happens in the workbook — fills, the summary sheet,
 * the selection, the saved mapping, and fills restored exactly. Also the ribbon command.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { loadCriteria, renderPane, memoryPrefs } from './support';
import { listIndicators } from '../../src/core/criteria';
import { STATUS_FILL, STATE_SHEET, emptyState } from '../../src/core/plan';
import { createFakeExcel } from '../../src/testing/fake-excel';
import { officeBackend } from '../../src/taskpane/office-backend';
import { PaneFailure } from '../../src/taskpane/backend';
import type { ExcelRunner } from '../../src/hosts/office/host';
import { sampleAppendix, sampleWorkbook } from '../../src/preview/sample';

const criteria = loadCriteria();
const TOTAL = listIndicators(criteria).length;

function setup() {
  const fake = createFakeExcel(sampleWorkbook(criteria));
  const backend = officeBackend(fake.run, criteria, { isSetSupported: () => true });
  renderPane(backend, criteria, memoryPrefs());
  return { fake, backend, sample: sampleAppendix(criteria) };
}

async function score() {
  fireEvent.click(screen.getByRole('button', { name: /^(Chấm điểm|Chấm lại)$/ }));
  await waitFor(() => expect(document.querySelector('[data-notice]')!.getAttribute('data-notice')).not.toBe(''), { timeout: 15000 });
}

test('scoring colours the workbook, writes the summary sheet, in a fixed number of syncs', async () => {
  const { fake, backend, sample } = setup();
  await score();
  expect(screen.getByText(`${TOTAL - 6} / ${TOTAL} đạt`)).toBeTruthy();
  const sheet = fake.workbook.sheet('Phụ lục')!;
  expect(sheet.cell(sample.cells['1.1.1.a']!).fill).toEqual({ color: STATUS_FILL.unmet, pattern: 'Solid' });
  expect(sheet.cell(sample.cells['1.1.3.a']!).fill).toEqual({ color: STATUS_FILL.invalid, pattern: 'Solid' });
  expect(sheet.cell(sample.ownFillCell).fill).toEqual({ color: STATUS_FILL.met, pattern: 'Solid' });
  expect([...fake.workbook.sheetNames()].sort()).toEqual(['Ghi chú', STATE_SHEET, 'Phụ lục', 'Tổng hợp GNLC'].sort());
  expect(fake.workbook.sheet(STATE_SHEET)!.visibility).toBe('VeryHidden');
  expect(String(fake.workbook.sheet('Tổng hợp GNLC')!.cell('A3').value)).toBe(`${TOTAL - 6} / ${TOTAL} chỉ số đạt`);
  expect(backend.host.stats.syncs).toBeLessThanOrEqual(3);
});

test('selecting an indicator selects its cells; fixing the mapping uses the selection and is saved in the workbook', async () => {
  const { fake, sample } = setup();
  await score();
  const card = document.querySelector('li[data-indicator="2.1.1.a"]') as HTMLElement;
  fireEvent.click(within(card).getAllByRole('button')[0]!);
  await waitFor(() => expect(fake.workbook.selection()).not.toBeNull());
  const sel = fake.workbook.selection()!;
  expect(sel.sheet).toBe('Phụ lục');
  expect(sel.addresses.length).toBeGreaterThan(0);

  // The person selects the lost indicator's value cell in Excel and assigns it.
  fake.workbook.select('Phụ lục', [sample.valueCell]);
  fireEvent.click(screen.getAllByRole('button', { name: `Sửa ô ${sample.lostId}` })[0]!);
  const fix = await screen.findByRole('region', { name: `Gán ô cho chỉ số ${sample.lostId}` });
  fireEvent.click(within(fix).getByRole('button', { name: /^Gán ô đang chọn/ }));
  // The cell lies in 2.4.1.b's rating block (its printed choices run on into the row whose text was deleted): moved on the person's word.
  fireEvent.click(await within(fix).findByRole('button', { name: 'Chuyển ô' }));
  await screen.findByText(`Đã gán ${sample.valueCell} cho "Số liệu" và lưu ánh xạ.`, undefined, { timeout: 15000 });
  expect(screen.getByText(`${TOTAL - 5} / ${TOTAL} đạt`)).toBeTruthy();
  expect(fake.workbook.sheet('Phụ lục')!.cell(sample.valueCell).fill).toEqual({ color: STATUS_FILL.met, pattern: 'Solid' });

  // A new pane (next session) reuses the saved mapping.
  document.body.innerHTML = '';
  const again = officeBackend(fake.run, criteria, { isSetSupported: () => true });
  renderPane(again, criteria, memoryPrefs());
  await score();
  expect(screen.getByText(`${TOTAL - 5} / ${TOTAL} đạt`)).toBeTruthy();
  expect(screen.getByText(`Nhận diện được ${TOTAL} / ${TOTAL} chỉ số`)).toBeTruthy();
});

test('"Xóa màu" gives every coloured cell its original fill back, the person\'s own fill included', async () => {
  const { fake, sample } = setup();
  const before = fake.workbook.sheet('Phụ lục')!.cells();
  await score();
  fireEvent.click(screen.getByRole('button', { name: 'Xóa màu' }));
  await screen.findByText(/^Đã khôi phục màu nền ban đầu của \d+ ô\.$/, undefined, { timeout: 15000 });
  const after = fake.workbook.sheet('Phụ lục')!.cells();
  expect(after).toEqual(before);
  expect(after[sample.ownFillCell]!.fill).toEqual({ color: sample.ownFill, pattern: 'Solid' });
});

test('a protected sheet: scored and summarised but not coloured, and the pane says why, in the person\'s language', async () => {
  const data = sampleWorkbook(criteria);
  data.sheets[0] = { ...data.sheets[0]!, protected: true };
  const fake = createFakeExcel(data);
  const before = fake.workbook.sheet('Phụ lục')!.cells();
  renderPane(officeBackend(fake.run, criteria, { isSetSupported: () => true }), criteria, memoryPrefs());
  await score();
  expect(document.querySelector('[data-notice]')!.getAttribute('data-notice')).toBe('warning');
  expect(screen.getByText(`${TOTAL - 6} / ${TOTAL} đạt`)).toBeTruthy();
  const notice = document.querySelector('[data-notice]')!.textContent!;
  expect(notice).toContain('Phụ lục');
  expect(notice).toMatch(/bảo vệ/);
  expect(fake.workbook.sheet('Phụ lục')!.cells()).toEqual(before);
  expect(fake.workbook.sheetNames()).toContain('Tổng hợp GNLC');
  fireEvent.click(screen.getByRole('button', { name: 'EN (English)' }));
  expect(document.querySelector('[data-notice]')!.textContent).toMatch(/protected/);
});

test('Excel\'s own failures are worded for the person (cell edit mode), in both languages', async () => {
  const failing = (async () => {
    throw Object.assign(new Error('The operation is not allowed in cell edit mode'), { code: 'InvalidOperationInCellEditMode' });
  }) as unknown as ExcelRunner;
  renderPane(officeBackend(failing, criteria, { isSetSupported: () => true }), criteria, memoryPrefs());
  await score();
  expect(document.querySelector('[data-notice]')!.getAttribute('data-notice')).toBe('error');
  expect(document.querySelector('[data-notice]')!.textContent).toMatch(/chế độ sửa ô/);
  fireEvent.click(screen.getByRole('button', { name: 'EN (English)' }));
  expect(document.querySelector('[data-notice]')!.textContent).toMatch(/cell edit mode/);
});

test('the ribbon command scores without the pane and shows the summary sheet', async () => {
  const fake = createFakeExcel(sampleWorkbook(criteria));
  const completed = jest.fn();
  const g = globalThis as unknown as { Office: unknown; Excel: unknown };
  g.Office = { onReady: () => Promise.resolve({}), actions: { associate: jest.fn() }, context: { requirements: { isSetSupported: () => true } } };
  g.Excel = fake.Excel;
  const { scoreFromRibbon } = await import('../../src/commands/commands');
  await scoreFromRibbon({ completed } as unknown as Office.AddinCommands.Event);
  expect(completed).toHaveBeenCalledTimes(1);
  expect(fake.workbook.activeSheet()).toBe('Tổng hợp GNLC');
  expect(String(fake.workbook.sheet('Tổng hợp GNLC')!.cell('A3').value)).toBe(`${TOTAL - 6} / ${TOTAL} chỉ số đạt`);
  expect((g.Office as { actions: { associate: jest.Mock } }).actions.associate).toHaveBeenCalledWith('scoreFromRibbon', scoreFromRibbon);

  // Scoring again from the summary sheet scores the appendix, not the summary.
  await scoreFromRibbon({ completed } as unknown as Office.AddinCommands.Event);
  expect(completed).toHaveBeenCalledTimes(2);
  expect(String(fake.workbook.sheet('Tổng hợp GNLC')!.cell('A3').value)).toBe(`${TOTAL - 6} / ${TOTAL} chỉ số đạt`);
  expect(fake.workbook.sheetNames().filter((n) => n.startsWith('Tổng hợp'))).toEqual(['Tổng hợp GNLC']);
});

test('the ribbon command on a sheet that is no appendix: a dialog says why (both languages), nothing is written, the command completes when it is closed', async () => {
  const fake = createFakeExcel({ ...sampleWorkbook(criteria), active: 'Ghi chú' });
  const before = fake.workbook.export();
  const completed = jest.fn();
  const handlers = new Map<string, () => void>();
  const dialog = { addEventHandler: (type: string, h: () => void) => handlers.set(type, h), close: jest.fn() };
  // Office's dialog API as documented (Office.context.ui.displayDialogAsync, DialogApi 1.1): the callback gets an AsyncResult whose value is the Dialog.
  const displayDialogAsync = jest.fn((_url: string, _options: unknown, callback: (r: { status: string; value: unknown }) => void) => callback({ status: 'succeeded', value: dialog }));
  const g = globalThis as unknown as { Office: unknown; Excel: unknown };
  g.Office = {
    onReady: () => Promise.resolve({}),
    actions: { associate: jest.fn() },
    EventType: { DialogMessageReceived: 'dialogMessageReceived', DialogEventReceived: 'dialogEventReceived' },
    context: { requirements: { isSetSupported: () => true }, ui: { displayDialogAsync } },
  };
  g.Excel = fake.Excel;
  const { scoreFromRibbon } = await import('../../src/commands/commands');
  const running = scoreFromRibbon({ completed } as unknown as Office.AddinCommands.Event);
  await waitFor(() => expect(displayDialogAsync).toHaveBeenCalledTimes(1));
  const url = new URL(displayDialogAsync.mock.calls[0]![0]);
  expect(url.pathname).toMatch(/\/notice\.html$/);
  expect(url.searchParams.get('vi')).toMatch(/^Trang "Ghi chú" không phải bảng phụ lục; bảng phụ lục có vẻ là trang "Phụ lục"/);
  expect(url.searchParams.get('en')).toMatch(/^The sheet "Ghi chú" is not an appendix/);
  expect(completed).not.toHaveBeenCalled();
  handlers.get('dialogMessageReceived')!();
  await running;
  expect(dialog.close).toHaveBeenCalled();
  expect(completed).toHaveBeenCalledTimes(1);
  expect(fake.workbook.export()).toEqual(before);
});

describe('"Kiểm tra ngay khi nhập": live checking from the pane', () => {
  const switchOf = () => screen.getByRole('switch', { name: 'Kiểm tra ngay khi nhập số liệu' });

  test('an edit is re-checked and recoloured; the pane shows the new totals; off, edits are left alone', async () => {
    const { fake, sample } = setup();
    await score();
    expect(screen.getByText(`${TOTAL - 6} / ${TOTAL} đạt`)).toBeTruthy();
    const sheet = fake.workbook.sheet('Phụ lục')!;
    const cell = sample.cells['1.1.1.a']!;
    expect(sheet.cell(cell).fill).toEqual({ color: STATUS_FILL.unmet, pattern: 'Solid' });

    fireEvent.click(switchOf());
    await waitFor(() => expect(fake.events.handlerCount('Phụ lục')).toBe(1));
    fake.workbook.setCell('Phụ lục', cell, 99);
    await screen.findByText(`${TOTAL - 5} / ${TOTAL} đạt`, undefined, { timeout: 15000 });
    expect(screen.getByText('Vừa kiểm tra lại: 1.1.1.a (Đạt).')).toBeTruthy();
    expect(sheet.cell(cell).fill).toEqual({ color: STATUS_FILL.met, pattern: 'Solid' });
    expect(sheet.cell(cell).value).toBe(99);

    fireEvent.click(switchOf());
    await waitFor(() => expect(fake.events.handlerCount('Phụ lục')).toBe(0));
    fake.workbook.setCell('Phụ lục', cell, 10);
    await new Promise((r) => setTimeout(r, 600));
    expect(sheet.cell(cell).fill).toEqual({ color: STATUS_FILL.met, pattern: 'Solid' });
    expect(screen.getByText(`${TOTAL - 5} / ${TOTAL} đạt`)).toBeTruthy();
  });

  test('after a re-check, the message under the actions and the headline give the same, current count', async () => {
    const { fake, sample } = setup();
    await score();
    const headline = () => document.querySelector('[data-headline]')!.textContent!;
    const message = () => document.querySelector('[data-notice]')!.textContent!;
    const met = (text: string) => /(\d+) \/ (\d+)/.exec(text)?.slice(1, 3).map(Number);
    expect(met(headline())).toEqual([TOTAL - 6, TOTAL]);
    expect(message()).toBe(`Đã chấm: ${TOTAL - 6} / ${TOTAL} chỉ số đạt. Xem trang "Tổng hợp GNLC".`);

    fireEvent.click(switchOf());
    await waitFor(() => expect(fake.events.handlerCount('Phụ lục')).toBe(1));
    // The person types a value that meets 1.1.1.a's target.
    fake.workbook.setCell('Phụ lục', sample.cells['1.1.1.a']!, 99);
    await screen.findByText('Vừa kiểm tra lại: 1.1.1.a (Đạt).', undefined, { timeout: 15000 });
    expect(met(headline())).toEqual([TOTAL - 5, TOTAL]);
    expect(met(message())).toEqual(met(headline()));
    // It says the summary sheet still holds the scoring's counts until the next one.
    expect(message()).toBe(`Sau khi kiểm tra lại: ${TOTAL - 5} / ${TOTAL} chỉ số đạt. Trang "Tổng hợp GNLC" được cập nhật khi bấm "Chấm lại".`);

    // A second edit that breaks it again: both follow, back to the scoring's count.
    fake.workbook.setCell('Phụ lục', sample.cells['1.1.1.a']!, 1);
    await waitFor(() => expect(met(headline())).toEqual([TOTAL - 6, TOTAL]), { timeout: 15000 });
    expect(met(message())).toEqual([TOTAL - 6, TOTAL]);

    // "Chấm lại" writes the summary sheet again: the scoring's own message, in agreement.
    fireEvent.click(switchOf());
    await waitFor(() => expect(fake.events.handlerCount('Phụ lục')).toBe(0));
    fireEvent.click(screen.getByRole('button', { name: /^(Chấm điểm|Chấm lại)$/ }));
    await waitFor(() => expect(message()).toBe(`Đã chấm: ${TOTAL - 6} / ${TOTAL} chỉ số đạt. Xem trang "Tổng hợp GNLC".`), { timeout: 15000 });
    expect(met(headline())).toEqual([TOTAL - 6, TOTAL]);
  });

  test('after live recolouring, fixing a mapping and "Xóa màu" still give every cell its original fill back', async () => {
    const { fake, sample } = setup();
    const before = fake.workbook.sheet('Phụ lục')!.cells();
    await score();
    fireEvent.click(switchOf());
    await waitFor(() => expect(fake.events.handlerCount('Phụ lục')).toBe(1));
    fake.workbook.setCell('Phụ lục', sample.cells['1.1.1.a']!, 99);
    await screen.findByText('Vừa kiểm tra lại: 1.1.1.a (Đạt).', undefined, { timeout: 15000 });

    // A mapping fixed by hand is saved over the workbook's state, not the pane's older copy.
    fake.workbook.select('Phụ lục', [sample.valueCell]);
    fireEvent.click(screen.getAllByRole('button', { name: `Sửa ô ${sample.lostId}` })[0]!);
    const fix = await screen.findByRole('region', { name: `Gán ô cho chỉ số ${sample.lostId}` });
    fireEvent.click(within(fix).getByRole('button', { name: /^Gán ô đang chọn/ }));
    // The cell lies in 2.4.1.b's rating block (its printed choices run on into the row whose text was deleted): moved on the person's word.
    fireEvent.click(await within(fix).findByRole('button', { name: 'Chuyển ô' }));
    await screen.findByText(`Đã gán ${sample.valueCell} cho "Số liệu" và lưu ánh xạ.`, undefined, { timeout: 15000 });

    fireEvent.click(screen.getByRole('button', { name: 'Xóa màu' }));
    await screen.findByText(/^Đã khôi phục màu nền ban đầu của \d+ ô\.$/, undefined, { timeout: 15000 });
    const after = fake.workbook.sheet('Phụ lục')!.cells();
    const fills = (cells: typeof before) => Object.fromEntries(Object.entries(cells).map(([a, c]) => [a, c.fill]));
    expect(fills(after)).toEqual(fills(before));
    expect(fake.workbook.sheet('Phụ lục')!.cell(sample.cells['1.1.1.a']!).value).toBe(99);
  });
});

test('saving a mapping fixed by hand reads the stored state only (one read sync, no cell of the sheet), then writes it', async () => {
  const { fake, backend } = setup();
  await score();
  const before = fake.counters.syncs;
  const stored = await backend.saveMapping('Phụ lục', { version: 1, criteriaId: criteria.id, sheet: 'Phụ lục', placements: {} }, emptyState());
  expect(fake.counters.syncs - before).toBe(2);
  const loads = fake.log.filter((l) => l.sync > before && l.kind === 'load' && l.type === 'Range').map((l) => l.target);
  expect(loads).toEqual([expect.stringMatching(/^GNLC_State!A/)]);
  // The colour records written by scoring are kept: the stored state, not the (empty) copy passed in, is the base.
  expect(Object.keys(stored.colours['Phụ lục'] ?? {}).length).toBeGreaterThan(0);
});

describe('which sheet "Chấm điểm" scores: the core’s one rule, as on the command line', () => {
  test('the active sheet is not an appendix: refused, naming the appendix, nothing written (every visible sheet read once)', async () => {
    const fake = createFakeExcel({ ...sampleWorkbook(criteria), active: 'Ghi chú' });
    const before = fake.workbook.export();
    const backend = officeBackend(fake.run, criteria, { isSetSupported: () => true });
    const e = await backend.score('vi', () => undefined).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(PaneFailure);
    expect((e as PaneFailure).text.vi).toBe(
      'Trang "Ghi chú" không phải bảng phụ lục; bảng phụ lục có vẻ là trang "Phụ lục". Hãy mở trang đó rồi bấm "Chấm điểm". Bảng tính không bị thay đổi.',
    );
    expect((e as PaneFailure).text.en).toMatch(/^The sheet "Ghi chú" is not an appendix; the appendix looks like the sheet "Phụ lục"/);
    expect(fake.workbook.export()).toEqual(before);
    // Read "Ghi chú" (not an appendix), read "Phụ lục" to name it; no write.
    expect(backend.host.stats).toMatchObject({ readSyncs: 2, writeSyncs: 0 });
  });

  test('no sheet is an appendix: refused before anything is written, worded for the person', async () => {
    const fake = createFakeExcel({ name: 'Trống.xlsx', sheets: [{ name: 'Sheet1', cells: { A1: 'Danh sách cán bộ', B2: 3 } }], active: 'Sheet1' });
    const before = fake.workbook.export();
    const backend = officeBackend(fake.run, criteria, { isSetSupported: () => true });
    const e = await backend.score('vi', () => undefined).catch((x: unknown) => x);
    expect((e as { text: Record<string, string> }).text.vi).toMatch(/^Trang "Sheet1" không phải bảng phụ lục; sổ làm việc không có trang nào giống bảng phụ lục/);
    expect((e as { text: Record<string, string> }).text.en).toMatch(/^The sheet "Sheet1" is not an appendix; no sheet of the workbook looks like one/);
    expect(fake.workbook.export()).toEqual(before);
  });
});
