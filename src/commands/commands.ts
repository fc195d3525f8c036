/**
 * Ribbon commands (function file). "Chấm điểm" scores without opening the pane: the core's
 * scoreWorkbook over an OfficeHost — the same call as the pane's button and the command line,
 * choosing the sheet by the same rule — then the summary sheet is activated so the result is what
 * the person sees. Office.NotificationMessages are Outlook-only, so Excel gets no toast.
 */
import '../taskpane/zod-no-eval'; // first: before any schema is built
import { scoreWorkbook } from '../core/workbook';
import { OfficeHost } from '../hosts/office/host';
import { bundledCriteria } from '../taskpane/criteria';
import { localPrefs } from '../taskpane/prefs';

export async function scoreFromRibbon(event: Office.AddinCommands.Event): Promise<void> {
  try {
    const host = new OfficeHost(Excel.run);
    const { plan } = await scoreWorkbook(host, bundledCriteria(), { lang: localPrefs.load().lang });
    if (plan.summary) await host.select(plan.summary.name, ['A1']);
  } catch (e) {
    // No UI in a function file: the error goes to the console (F12 / the debugger).
    console.error('scoreFromRibbon failed', e);
  } finally {
    event.completed();
  }
}

Office.onReady(() => undefined);
// Office.actions.associate is the current way; the global function is what older clients look up.
if (typeof Office !== 'undefined' && Office.actions?.associate) Office.actions.associate('scoreFromRibbon', scoreFromRibbon);
(globalThis as unknown as Record<string, unknown>).scoreFromRibbon = scoreFromRibbon;
