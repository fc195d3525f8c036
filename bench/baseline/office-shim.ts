/**
 * What the bench serves at Office.js's CDN address to both the task pane and the baseline page:
 * an Office global (Excel host, light theme, every requirement set), an Excel global that is the
 * strict in-memory fake over the example workbook (src/testing/fake-excel), and a probe that records
 * when the page first renders into #container (`window.__benchFirstRender`, ms since navigation)
 * and, on the task pane, when its "Chấm điểm" button is first enabled: the scoring engine has
 * arrived and the pane can score (`window.__benchReady`).
 */
import { FakeWorkbookData, createFakeExcel } from '../../src/testing/fake-excel';

interface BenchWindow {
  Office: unknown;
  Excel: unknown;
  __benchFirstRender?: number;
  __benchReady?: number;
}

export function installOfficeShim(book: FakeWorkbookData): void {
  const w = window as unknown as BenchWindow;
  const fake = createFakeExcel(book);
  w.Office = {
    HostType: { Excel: 'Excel', Word: 'Word' },
    context: { officeTheme: { bodyBackgroundColor: '#FFFFFF' }, displayLanguage: 'vi-VN', requirements: { isSetSupported: () => true } },
    onReady(cb?: (info: { host: string; platform: string }) => void) {
      const info = { host: 'Excel', platform: 'OfficeOnline' };
      setTimeout(() => cb?.(info), 0);
      return Promise.resolve(info);
    },
    actions: { associate() {} },
  };
  w.Excel = { ...fake.Excel };
  const probe = new MutationObserver(() => {
    const now = performance.now();
    const container = document.getElementById('container');
    if (container && container.firstChild && w.__benchFirstRender === undefined) w.__benchFirstRender = now;
    const score = document.querySelector<HTMLButtonElement>('button[data-action="score"]');
    if (score && !score.disabled && w.__benchReady === undefined) w.__benchReady = now;
    if (w.__benchFirstRender !== undefined && w.__benchReady !== undefined) probe.disconnect();
  });
  probe.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['disabled'] });
}
