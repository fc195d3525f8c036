/** @jest-environment jsdom */
/**
 * What the pane offers after scoring, over the real Office adapter and the strict fake Excel:
 * "Xem báo cáo" (the CLI's HTML review report of the last scoring, in an Office dialog or a new
 * window), "Mở trang tổng hợp" (the host activates the summary sheet), "Xóa màu" (off until the
 * stored state records coloured cells, and never "0 ô"), and the time of scoring on the summary
 * sheet.
 */
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { loadCriteria, renderPane, memoryPrefs } from './support';
import { listIndicators } from '../../src/core/criteria';
import { scoredAtText } from '../../src/core/summary-sheet';
import { createFakeExcel } from '../../src/testing/fake-excel';
import { OfficeBackendOptions, officeBackend } from '../../src/taskpane/office-backend';
import { REPORT_MESSAGES, REPORT_STORAGE_KEY, ReportEnv } from '../../src/taskpane/report-dialog';
import { sampleWorkbook } from '../../src/preview/sample';

const criteria = loadCriteria();
const TOTAL = listIndicators(criteria).length;
const AT = new Date(2026, 11, 5, 14, 5);

function setup(options: OfficeBackendOptions = {}, fake = createFakeExcel(sampleWorkbook(criteria))) {
  const backend = officeBackend(fake.run, criteria, { isSetSupported: () => true, now: () => AT, ...options });
  renderPane(backend, criteria, memoryPrefs());
  return { fake, backend };
}

const notice = () => document.querySelector('[data-notice]')!.getAttribute('data-notice');
const button = (action: string) => document.querySelector<HTMLButtonElement>(`button[data-action="${action}"]`);

async function score() {
  await waitFor(() => expect(button('score')!.disabled).toBe(false));
  fireEvent.click(button('score')!);
  await waitFor(() => expect(screen.getByText(`${TOTAL - 6} / ${TOTAL} đạt`)).toBeTruthy(), { timeout: 15000 });
}

/** An Office dialog API that records what the pane does with it. */
function fakeDialogUi(outcome: 'succeeded' | 'failed' = 'succeeded') {
  const opened: Array<{ url: string; options: unknown }> = [];
  const sent: string[] = [];
  let closed = 0;
  let handler: ((arg: { message: string; origin: string | undefined }) => void) | null = null;
  const dialog = {
    addEventHandler: (_type: unknown, h: typeof handler) => void (handler = h),
    messageChild: (m: string) => void sent.push(m),
    close: () => void closed++,
  };
  const ui = {
    displayDialogAsync(url: string, options: unknown, callback: (r: { status: string; value: unknown; error?: { message: string } }) => void) {
      opened.push({ url, options });
      callback(outcome === 'succeeded' ? { status: 'succeeded', value: dialog } : { status: 'failed', value: undefined, error: { message: 'blocked' } });
    },
  };
  return {
    ui: ui as unknown as ReportEnv['ui'],
    opened,
    sent,
    closed: () => closed,
    /** The dialog page says something (messageParent). */
    say: (message: string) => handler?.({ message, origin: 'https://localhost:3000' }),
  };
}

describe('"Xóa màu"', () => {
  test('is off until something is coloured, on after scoring, off again after clearing; never says "0 ô"', async () => {
    setup();
    await waitFor(() => expect(button('score')!.disabled).toBe(false));
    expect(button('clear')!.disabled).toBe(true);
    expect(button('clear')!.title).toBe('Chưa có ô nào được tô màu: chấm điểm trước');
    await score();
    expect(button('clear')!.disabled).toBe(false);
    fireEvent.click(button('clear')!);
    await waitFor(() => expect(notice()).toBe('success'));
    expect(document.querySelector('[data-notice]')!.textContent).toMatch(/^Đã khôi phục màu nền ban đầu của [1-9]\d* ô\.$/);
    expect(button('clear')!.disabled).toBe(true);
  });

  test('is on as the pane opens when the workbook\'s stored state records colours from an earlier session', async () => {
    const { fake } = setup();
    await score();
    document.body.innerHTML = '';
    setup({}, fake);
    await waitFor(() => expect(button('clear')!.disabled).toBe(false));
    expect(button('clear')!.title).toBe('Khôi phục đúng màu nền ban đầu của các ô đã tô');
  });
});

test('"Mở trang tổng hợp" activates the summary sheet the run wrote', async () => {
  const { fake } = setup();
  expect(button('open-summary')).toBeNull();
  await score();
  fake.workbook.activate('Phụ lục');
  fireEvent.click(screen.getByRole('button', { name: 'Mở trang tổng hợp' }));
  await waitFor(() => expect(fake.workbook.activeSheet()).toBe('Tổng hợp GNLC'));
});

test('the summary sheet carries the time of scoring the pane passed', async () => {
  const { fake } = setup();
  await score();
  const cells = Object.values(fake.workbook.sheet('Tổng hợp GNLC')!.cells()).map((c) => String(c.value ?? ''));
  expect(cells.some((v) => v.includes(scoredAtText(AT, 'vi')))).toBe(true);
});

describe('"Xem báo cáo"', () => {
  test('opens our dialog page and gives it the report of the last scoring by messageChild (DialogApi 1.2)', async () => {
    const d = fakeDialogUi();
    setup({ report: { ui: d.ui, isSetSupported: (set, v) => set === 'DialogApi' && v === '1.2', pageUrl: 'https://localhost:3000/taskpane.html?_host_Info=Excel' } });
    expect(button('report')).toBeNull();
    await score();
    fireEvent.click(screen.getByRole('button', { name: 'Xem báo cáo' }));
    await waitFor(() => expect(d.opened).toHaveLength(1));
    expect(d.opened[0]!.url).toBe('https://localhost:3000/report.html?lang=vi');
    expect(d.opened[0]!.options).toMatchObject({ displayInIframe: true });
    // Nothing is sent before the page says it is listening.
    expect(d.sent).toEqual([]);
    d.say(REPORT_MESSAGES.ready);
    expect(d.sent).toHaveLength(1);
    const html = d.sent[0]!;
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain(`${TOTAL - 6} / ${TOTAL}`);
    expect(html).toContain('Phụ lục');
    expect(html).toContain('05/12/2026 14:05');
    expect(html).toContain('@media print');
    d.say(REPORT_MESSAGES.close);
    expect(d.closed()).toBe(1);
  });

  test('without DialogApi 1.2 the report waits in localStorage for the dialog page (the documented alternative)', async () => {
    localStorage.clear();
    const d = fakeDialogUi();
    setup({ report: { ui: d.ui, isSetSupported: () => false, storage: localStorage, pageUrl: 'https://localhost:3000/taskpane.html' } });
    await score();
    fireEvent.click(screen.getByRole('button', { name: 'Xem báo cáo' }));
    await waitFor(() => expect(d.opened).toHaveLength(1));
    expect(d.opened[0]!.url).toBe('https://localhost:3000/report.html?lang=vi&from=storage');
    expect(localStorage.getItem(REPORT_STORAGE_KEY)).toContain(`${TOTAL - 6} / ${TOTAL}`);
    d.say(REPORT_MESSAGES.ready);
    expect(d.sent).toEqual([]);
  });

  test('outside Office it opens a new window with the HTML; a blocked window is said', async () => {
    const opened: string[] = [];
    const pages: string[] = [];
    let allow = true;
    setup({ report: { objectUrl: (html) => (pages.push(html), `blob:report-${pages.length}`), open: (url) => (opened.push(url), allow ? ({} as Window) : null) } });
    await score();
    fireEvent.click(screen.getByRole('button', { name: 'Xem báo cáo' }));
    await waitFor(() => expect(notice()).toBe('info'));
    expect(opened).toEqual(['blob:report-1']);
    expect(pages[0]).toContain(`${TOTAL - 6} / ${TOTAL}`);
    expect(document.querySelector('[data-notice]')!.textContent).toBe('Báo cáo đã mở trong cửa sổ mới: in hoặc lưu PDF từ đó (Ctrl+P).');
    allow = false;
    fireEvent.click(screen.getByRole('button', { name: 'Xem báo cáo' }));
    await waitFor(() => expect(notice()).toBe('warning'));
    expect(document.querySelector('[data-notice]')!.textContent).toMatch(/^Trình duyệt đã chặn cửa sổ báo cáo/);
  });

  test('a dialog that cannot open falls back to a new window', async () => {
    const d = fakeDialogUi('failed');
    const opened: string[] = [];
    setup({ report: { ui: d.ui, isSetSupported: () => true, pageUrl: 'https://localhost:3000/taskpane.html', objectUrl: () => 'blob:x', open: (url) => (opened.push(url), {} as Window) } });
    await score();
    fireEvent.click(screen.getByRole('button', { name: 'Xem báo cáo' }));
    await waitFor(() => expect(notice()).toBe('info'));
    expect(d.opened).toHaveLength(1);
    expect(opened).toEqual(['blob:x']);
  });
});
