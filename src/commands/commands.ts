/**
 * Ribbon commands (function file). "Chấm điểm" scores without opening the pane: the core's
 * scoreWorkbook over an OfficeHost — the same call as the pane's button and the command line,
 * choosing the sheet by the same rule (the active sheet is the person's choice, as in the pane) —
 * then the summary sheet is activated so the result is what the person sees (its headline names
 * the party of a one-party return). A function file has no UI and Office.NotificationMessages are
 * Outlook-only, so a failure (a sheet that is no appendix, Excel busy, …) opens a small dialog
 * (notice.html, Office's dialog API, DialogApi 1.1) with the message in both languages; the
 * command completes when the person closes it.
 */
import '../taskpane/zod-no-eval'; // first: before any schema is built
import { scoreWorkbook } from '../core/workbook';
import { OfficeHost } from '../hosts/office/host';
import { describeOfficeError } from '../hosts/office/errors';
import { Lang } from '../i18n/format';
import { bundledCriteria } from '../taskpane/criteria';
import { localPrefs } from '../taskpane/prefs';
import { noticeUrl } from './notice-text';

/** Longest the command waits for the notice to be closed (a function command is ended by Office after a while anyway). */
const NOTICE_WAIT_MS = 4 * 60 * 1000;

/** Opens the notice dialog and resolves when it is closed (at once when the dialog API is not there). */
export function showNotice(text: Record<Lang, string>, lang: Lang): Promise<void> {
  const ui = typeof Office !== 'undefined' ? Office.context?.ui : undefined;
  if (!ui?.displayDialogAsync) {
    console.error('scoreFromRibbon:', text.en);
    return Promise.resolve();
  }
  return new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, NOTICE_WAIT_MS);
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    ui.displayDialogAsync(noticeUrl(window.location.href, text, lang), { height: 32, width: 36, displayInIframe: true }, (result) => {
      // Office.AsyncResultStatus.Succeeded is the string "succeeded".
      if (String(result.status) !== 'succeeded') {
        console.error('scoreFromRibbon:', text.en, result.error?.message);
        done();
        return;
      }
      const dialog = result.value;
      const events = (typeof Office !== 'undefined' && Office.EventType) || ({} as Partial<typeof Office.EventType>);
      // The page says "close"; the person may also close the dialog's window (DialogEventReceived).
      dialog.addEventHandler(events.DialogMessageReceived ?? ('dialogMessageReceived' as unknown as Office.EventType), () => {
        dialog.close();
        done();
      });
      dialog.addEventHandler(events.DialogEventReceived ?? ('dialogEventReceived' as unknown as Office.EventType), () => done());
    });
  });
}

export async function scoreFromRibbon(event: Office.AddinCommands.Event): Promise<void> {
  const lang = localPrefs.load().lang;
  try {
    const host = new OfficeHost(Excel.run);
    const { plan } = await scoreWorkbook(host, bundledCriteria(), { lang, activeIsChoice: true, scoredAt: new Date() });
    if (plan.summary) await host.select(plan.summary.name, ['A1']);
  } catch (e) {
    await showNotice({ vi: describeOfficeError(e, 'vi').message, en: describeOfficeError(e, 'en').message }, lang);
  } finally {
    event.completed();
  }
}

Office.onReady(() => undefined);
// Office.actions.associate is the current way; the global function is what older clients look up.
if (typeof Office !== 'undefined' && Office.actions?.associate) Office.actions.associate('scoreFromRibbon', scoreFromRibbon);
(globalThis as unknown as Record<string, unknown>).scoreFromRibbon = scoreFromRibbon;
