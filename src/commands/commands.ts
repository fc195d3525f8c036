/**
 * Ribbon commands (function file). "Chấm điểm" scores the active sheet without opening the pane:
 * the same pipeline as the pane's button, then the summary sheet is activated so the result is
 * what the person sees. Office.NotificationMessages are Outlook-only, so Excel gets no toast.
 */
import '../taskpane/zod-no-eval'; // first: before any schema is built
import { bundledCriteria } from '../taskpane/criteria';
import { officeBackend } from '../taskpane/office-backend';
import { localPrefs } from '../taskpane/prefs';

export async function scoreFromRibbon(event: Office.AddinCommands.Event): Promise<void> {
  try {
    const criteria = bundledCriteria();
    const backend = officeBackend(Excel.run, criteria);
    const outcome = await backend.score(localPrefs.load().lang, () => undefined);
    if (outcome.summarySheet) await backend.activate(outcome.summarySheet);
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
