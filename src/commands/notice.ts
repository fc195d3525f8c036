/**
 * The ribbon command's notice (notice.html, opened with Office's dialog API): a function file has
 * no UI, so when "Chấm điểm" from the ribbon cannot score, it opens this page to say why — the
 * message comes in the query (`vi`, `en`: the text in both languages, already worded by the add-in;
 * `lang`: the person's language first). Shown as text, never as HTML. "Đóng" closes the dialog
 * (Office.context.ui.messageParent, DialogApi 1.1).
 */
import { noticeFromQuery } from './notice-text';

function show(): void {
  const notice = noticeFromQuery(window.location.search);
  document.documentElement.lang = notice.lang;
  const title = document.getElementById('title');
  const first = document.getElementById('first');
  const second = document.getElementById('second');
  const close = document.getElementById('close');
  if (title) title.textContent = notice.title;
  if (first) first.textContent = notice.first;
  if (second) second.textContent = notice.second;
  if (close) {
    close.textContent = notice.close;
    close.addEventListener('click', () => {
      if (typeof Office !== 'undefined' && Office.context?.ui?.messageParent) Office.context.ui.messageParent('close');
      else window.close();
    });
    close.focus();
  }
}

if (typeof Office !== 'undefined') void Office.onReady(() => show());
else show();
