/** @jest-environment jsdom */
/**
 * The report dialog's page (report.html + report-page.ts) in Office: it registers for the parent's
 * message before saying "ready", shows the HTML it is given in its frame, prints that frame
 * ("In / Lưu PDF"), closes through the pane; or takes the HTML from localStorage where
 * DialogApi 1.2 is missing, and says so when nothing is there.
 */
import * as fs from 'fs';
import * as path from 'path';
import { REPORT_MESSAGES, REPORT_STORAGE_KEY } from '../../src/taskpane/report-dialog';

const page = fs.readFileSync(path.join(__dirname, '../../src/taskpane/report.html'), 'utf8');

interface FakeOffice {
  parentSaid: string[];
  deliver(message: string): void;
  handlerAdded: boolean;
}

function load(search: string, withUi = true): FakeOffice {
  window.history.replaceState({}, '', `/report.html${search}`);
  document.documentElement.innerHTML = new DOMParser().parseFromString(page, 'text/html').documentElement.innerHTML;
  const state: FakeOffice = { parentSaid: [], handlerAdded: false, deliver: () => undefined };
  let handler: ((arg: { message: string }) => void) | null = null;
  (globalThis as unknown as { Office: unknown }).Office = {
    onReady: (f: () => void) => Promise.resolve().then(f),
    EventType: { DialogParentMessageReceived: 'dialogParentMessageReceived' },
    context: {
      ui: withUi
        ? {
            messageParent: (m: string) => void state.parentSaid.push(m),
            addHandlerAsync: (_type: string, h: (arg: { message: string }) => void, done: () => void) => {
              handler = h;
              state.handlerAdded = true;
              done();
            },
          }
        : { messageParent: (m: string) => void state.parentSaid.push(m) },
    },
  };
  state.deliver = (message) => handler?.({ message });
  jest.isolateModules(() => {
    // The page runs as it loads (a fresh module each time, as each dialog is a fresh page).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require('../../src/taskpane/report-page');
  });
  return state;
}

const frame = () => document.getElementById('report') as HTMLIFrameElement;
const print = () => document.getElementById('print') as HTMLButtonElement;
const tick = () => new Promise((r) => setTimeout(r, 0));
const REPORT = '<!DOCTYPE html><html lang="vi"><head><title>r</title></head><body><h1>12 / 57 chỉ số đạt</h1></body></html>';

afterEach(() => {
  delete (globalThis as unknown as { Office?: unknown }).Office;
});

test('says "ready" once it listens, shows the HTML it is given, prints the report\'s frame, closes through the pane', async () => {
  const office = load('?lang=vi');
  await tick();
  expect(office.handlerAdded).toBe(true);
  expect(office.parentSaid).toEqual([REPORT_MESSAGES.ready]);
  expect(document.getElementById('status')!.textContent).toBe('Đang nhận báo cáo…');
  expect(print().disabled).toBe(true);
  expect(frame().hidden).toBe(true);

  office.deliver(REPORT);
  expect(frame().hidden).toBe(false);
  expect(frame().getAttribute('srcdoc')).toBe(REPORT);
  expect(frame().title).toBe('Báo cáo kết quả tự đánh giá');
  expect(document.getElementById('status')!.textContent).toBe('');
  expect(print().disabled).toBe(false);
  expect(print().textContent).toBe('In / Lưu PDF');

  const printed = jest.fn();
  Object.defineProperty(frame(), 'contentWindow', { configurable: true, value: { print: printed } });
  print().click();
  expect(printed).toHaveBeenCalledTimes(1);

  (document.getElementById('close') as HTMLButtonElement).click();
  expect(office.parentSaid).toEqual([REPORT_MESSAGES.ready, REPORT_MESSAGES.close]);
});

test('without DialogApi 1.2 it takes the report from localStorage (once), in English when asked', async () => {
  localStorage.setItem(REPORT_STORAGE_KEY, REPORT);
  const office = load('?lang=en&from=storage', false);
  await tick();
  expect(document.documentElement.lang).toBe('en');
  expect(frame().getAttribute('srcdoc')).toBe(REPORT);
  expect(print().textContent).toBe('Print / Save as PDF');
  expect(localStorage.getItem(REPORT_STORAGE_KEY)).toBeNull();
  expect(office.parentSaid).toEqual([]);
});

test('says so when the report did not arrive (storage not shared with the pane)', async () => {
  localStorage.clear();
  load('?lang=vi&from=storage', false);
  await tick();
  expect(frame().hidden).toBe(true);
  expect(print().disabled).toBe(true);
  expect(document.getElementById('status')!.textContent).toMatch(/^Không nhận được báo cáo từ phần bổ trợ\./);
});
