/// <reference types="office-js" />
/**
 * The report dialog's page (report.html), opened by the pane with Office's dialog API
 * (report-dialog.ts): it tells the pane it is ready (messageParent), receives the report's HTML
 * (DialogParentMessageReceived, DialogApi 1.2; or from localStorage where that is missing:
 * `?from=storage`), and shows it in a frame of its own, with "In / Lưu PDF" (prints the frame,
 * with the report's own print stylesheet: A4, one section a page) and "Đóng".
 * Language: `?lang=vi|en`.
 */
import type { Lang } from '../i18n/format';
import { ui } from '../i18n/ui';
import { REPORT_MESSAGES, REPORT_STORAGE_KEY } from './report-dialog';

const query = new URLSearchParams(window.location.search);
const lang: Lang = query.get('lang') === 'en' ? 'en' : 'vi';
const byId = <E extends HTMLElement>(id: string) => document.getElementById(id) as E | null;

function say(text: string): void {
  const status = byId('status');
  if (status) status.textContent = text;
}

function show(html: string): void {
  const frame = byId<HTMLIFrameElement>('report');
  const print = byId<HTMLButtonElement>('print');
  if (!frame) return;
  frame.srcdoc = html;
  frame.hidden = false;
  say('');
  if (print) print.disabled = false;
}

function toParent(message: string): boolean {
  const office = typeof Office !== 'undefined' ? Office : undefined;
  if (!office?.context?.ui?.messageParent) return false;
  office.context.ui.messageParent(message);
  return true;
}

function start(): void {
  document.documentElement.lang = lang;
  document.title = ui('reportTitle', lang);
  const title = byId('title');
  if (title) title.textContent = ui('reportTitle', lang);
  const frame = byId<HTMLIFrameElement>('report');
  if (frame) frame.title = ui('reportTitle', lang);
  const print = byId<HTMLButtonElement>('print');
  if (print) {
    print.textContent = ui('reportPrint', lang);
    print.addEventListener('click', () => frame?.contentWindow?.print());
  }
  const close = byId<HTMLButtonElement>('close');
  if (close) {
    close.textContent = ui('reportClose', lang);
    close.addEventListener('click', () => {
      if (!toParent(REPORT_MESSAGES.close)) window.close();
    });
  }
  say(ui('reportWaiting', lang));
  if (query.has('from')) {
    let html: string | null = null;
    try {
      html = localStorage.getItem(REPORT_STORAGE_KEY);
      localStorage.removeItem(REPORT_STORAGE_KEY);
    } catch {
      html = null;
    }
    if (html) show(html);
    else say(ui('reportNothing', lang));
    return;
  }
  const office = typeof Office !== 'undefined' ? Office : undefined;
  const dialogUi = office?.context?.ui as (Office.UI & { addHandlerAsync?: Office.UI['addHandlerAsync'] }) | undefined;
  if (!dialogUi?.addHandlerAsync) {
    say(ui('reportNothing', lang));
    return;
  }
  dialogUi.addHandlerAsync(
    office!.EventType.DialogParentMessageReceived,
    (arg: { message: string }) => show(arg.message),
    () => void toParent(REPORT_MESSAGES.ready),
  );
}

if (typeof Office !== 'undefined') void Office.onReady(() => start());
else start();
