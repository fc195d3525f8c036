/**
 * The self-check page's entry in the pane (taskpane.html?selfcheck): the runner over the real
 * Excel when the pane is in Excel, else the "open this in Excel" state.
 */
import { runSelfCheck } from '../../hosts/office/selfcheck';
import type { ExcelRunner } from '../../hosts/office/host';
import type { IsSetSupported } from '../../hosts/office/requirements';
import type { Lang } from '../../i18n/format';
import { SELF_CHECK_SAMPLE_XLSX } from './sample-xlsx';
import { SelfCheckPage, SelfCheckRunner } from './SelfCheckPage';

/** Whether the page asked for is the self-check ("?selfcheck"). */
export function wantsSelfCheck(search: string): boolean {
  return new URLSearchParams(search).has('selfcheck');
}

/** The runner over an Excel.run (the real one, or the fake's in the preview). */
export function selfCheckRunner(run: ExcelRunner, options: { importSample?: string; eventWaitMs?: number; isSetSupported?: IsSetSupported } = {}): SelfCheckRunner {
  return (onResult) => runSelfCheck(run, { ...options, importSample: options.importSample ?? SELF_CHECK_SAMPLE_XLSX, onResult });
}

/** What the copied text says about the Excel it ran in. */
export function aboutOffice(): string {
  try {
    const d = Office.context.diagnostics;
    return `${d.host} ${d.platform} ${d.version}; ${navigator.userAgent}`;
  } catch {
    return navigator.userAgent;
  }
}

export function SelfCheckEntry({ inExcel, lang }: { inExcel: boolean; lang: Lang }) {
  const back = () => window.location.assign(window.location.pathname);
  return <SelfCheckPage runner={inExcel ? selfCheckRunner(Excel.run as unknown as ExcelRunner) : null} lang={lang} about={inExcel ? aboutOffice() : navigator.userAgent} onBack={back} />;
}
