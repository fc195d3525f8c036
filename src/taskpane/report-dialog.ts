/// <reference types="office-js" />
/**
 * "Xem báo cáo": shows the review report (one self-contained HTML page, core/html-report.ts) where
 * the person can read, print or save it as PDF.
 *
 * In Office: an Office dialog (Office.context.ui.displayDialogAsync, DialogApi 1.1) on our own
 * page report.html (report-page.ts), which says "ready" (messageParent) and is then given the
 * HTML by Dialog.messageChild (DialogApi 1.2). Where DialogApi 1.2 is missing, the HTML is put in
 * localStorage before the dialog opens and the page reads it from there, the documented
 * alternative ("Alternative ways of passing messages to a dialog box from its host page",
 * learn.microsoft.com/office/dev/add-ins/develop/parent-to-dialog: both windows share local
 * storage when they have the same domain; the page says so when it finds nothing, as in Safari).
 *
 * Outside Office (the preview, a browser) or when the dialog cannot open: a new browser window
 * with the HTML (a blob: URL; the report's own CSP forbids every load); 'blocked' when the browser
 * refused to open it.
 */
import type { Lang } from '../i18n/format';
import type { ReportShown } from './backend';

export const REPORT_PAGE = 'report.html';
/** Where the HTML waits for the dialog page when messageChild is not there. */
export const REPORT_STORAGE_KEY = 'gnlc-report-html';
/** What the dialog page and the pane say to each other (besides the HTML itself). */
export const REPORT_MESSAGES = { ready: 'gnlc-report:ready', close: 'gnlc-report:close' } as const;

type DialogUi = Pick<Office.UI, 'displayDialogAsync'>;

export interface ReportEnv {
  /** Office.context.ui; absent outside Office. */
  ui?: DialogUi | undefined;
  /** Office.context.requirements.isSetSupported (DialogApi 1.2 brings messageChild). */
  isSetSupported?: (set: string, version: string) => boolean;
  /** window.open. */
  open?: (url: string) => Window | null;
  /** URL.createObjectURL of a Blob. */
  objectUrl?: (html: string) => string;
  storage?: Pick<Storage, 'setItem'> | undefined;
  /** The page the pane is (the dialog page sits beside it). */
  pageUrl?: string;
}

function officeEnv(): ReportEnv {
  const office = typeof Office !== 'undefined' ? Office : undefined;
  return {
    ui: office?.context?.ui,
    isSetSupported: (set, version) => {
      try {
        return !!office?.context?.requirements?.isSetSupported(set, version);
      } catch {
        return false;
      }
    },
    open: (url) => window.open(url, '_blank'),
    objectUrl: (html) => URL.createObjectURL(new Blob([html], { type: 'text/html;charset=utf-8' })),
    storage: typeof localStorage !== 'undefined' ? localStorage : undefined,
    pageUrl: window.location.href,
  };
}

/** The dialog page's address beside the pane's page, with the language. */
export function reportPageUrl(pageUrl: string, lang: Lang, fromStorage: boolean): string {
  const url = new URL(REPORT_PAGE, pageUrl);
  url.search = `?lang=${lang}${fromStorage ? '&from=storage' : ''}`;
  url.hash = '';
  return url.toString();
}

function inWindow(html: string, env: ReportEnv): ReportShown {
  const url = (env.objectUrl ?? officeEnv().objectUrl!)(html);
  const opened = (env.open ?? officeEnv().open!)(url);
  return opened ? 'window' : 'blocked';
}

/** Shows the report in an Office dialog, else in a new window; resolves once it is open (or refused). */
export function showReportHtml(html: string, lang: Lang, given: ReportEnv = officeEnv()): Promise<ReportShown> {
  const env = { ...given };
  const ui = env.ui;
  if (!ui?.displayDialogAsync) return Promise.resolve(inWindow(html, env));
  const messaging = !!env.isSetSupported?.('DialogApi', '1.2');
  if (!messaging) {
    try {
      env.storage?.setItem(REPORT_STORAGE_KEY, html);
    } catch {
      // Storage full or refused: the dialog page says it found nothing.
    }
  }
  const url = reportPageUrl(env.pageUrl ?? window.location.href, lang, !messaging);
  return new Promise<ReportShown>((resolve) => {
    ui.displayDialogAsync(url, { height: 85, width: 70, displayInIframe: true }, (result) => {
      // Office.AsyncResultStatus.Succeeded is the string "succeeded".
      if (String(result.status) !== 'succeeded') {
        // The dialog could not open (one is already open, a pop-up blocker in Office on the web…): a window instead.
        resolve(inWindow(html, env));
        return;
      }
      const dialog = result.value;
      const events = (typeof Office !== 'undefined' && Office.EventType) || ({} as Partial<typeof Office.EventType>);
      dialog.addEventHandler(events.DialogMessageReceived ?? ('dialogMessageReceived' as unknown as Office.EventType), (arg: { message: string; origin: string | undefined } | { error: number }) => {
        const message = 'message' in arg ? arg.message : null;
        if (message === REPORT_MESSAGES.ready && messaging) dialog.messageChild(html);
        else if (message === REPORT_MESSAGES.close) dialog.close();
      });
      resolve('dialog');
    });
  });
}
