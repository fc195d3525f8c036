/**
 * The browser preview: the SAME task pane as in Excel, driven by the in-memory fake of the Excel
 * API (src/testing/fake-excel) loaded with a sample appendix, beside a plain rendering of the fake
 * workbook (tabs, cells, fills, selection), re-read after every action. No Office.js, no network.
 */
import '../taskpane/zod-no-eval'; // first: before any schema is built
import { StrictMode, useCallback, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { Button, FluentProvider, makeStyles, tokens, webLightTheme } from '@fluentui/react-components';
import { ArrowSync20Regular } from '@fluentui/react-icons/lib/atoms/svg/arrow-sync';
import { App } from '../taskpane/App';
import { PaneBackend } from '../taskpane/backend';
import { bundledCriteria } from '../taskpane/criteria';
import { officeBackend } from '../taskpane/office-backend';
import { createFakeExcel, FakeExcel } from '../testing/fake-excel';
import { parseLocalAddress, cellA1 } from '../testing/fake-excel/address';
import { Lang } from '../i18n/format';
import { ui } from '../i18n/ui';
import { sampleWorkbook } from './sample';
import { SelfCheckPage } from '../taskpane/selfcheck/SelfCheckPage';
import { selfCheckRunner, wantsSelfCheck } from '../taskpane/selfcheck';
import { fakeWorkbookBase64 } from '../testing/fake-excel';
import { WorkbookView } from './WorkbookView';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', height: '100vh', backgroundColor: tokens.colorNeutralBackground4, fontFamily: tokens.fontFamilyBase },
  top: {
    display: 'flex',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalL,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: '#107C41',
    color: '#FFFFFF',
  },
  topTitle: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  note: { fontSize: tokens.fontSizeBase200, flexGrow: 1, opacity: 0.95 },
  body: { display: 'flex', flexGrow: 1, minHeight: 0 },
  book: { flexGrow: 1, minWidth: 0, display: 'flex', flexDirection: 'column', borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}` },
  pane: { width: '360px', flexShrink: 0, overflowY: 'auto', backgroundColor: tokens.colorNeutralBackground2 },
});

function Preview() {
  const styles = useStyles();
  const criteria = useMemo(() => bundledCriteria(), []);
  const [fake, setFake] = useState<FakeExcel>(() => createFakeExcel(sampleWorkbook(criteria)));
  const [version, setVersion] = useState(0);
  const [shown, setShown] = useState<string | null>(null);
  const [lang, setLang] = useState<Lang>('vi');
  const [anchor, setAnchor] = useState<string | null>(null);
  const [book, setBook] = useState(1);
  const refresh = useCallback(() => {
    setShown(null); // follow the active sheet, as Excel does
    setVersion((v) => v + 1);
  }, []);

  const backend = useMemo<PaneBackend>(() => {
    const inner = officeBackend(fake.run, criteria, { isSetSupported: () => true });
    const tools = inner.tools!;
    const after = <T,>(p: Promise<T>): Promise<T> => p.finally(refresh);
    return {
      score: (l, onStep, options) => after(inner.score(l, onStep, options)),
      clear: () => after(inner.clear()),
      select: (sheet, addresses) => after(inner.select(sheet, addresses)),
      selection: () => inner.selection(),
      saveMapping: (sheet, saved, state) => after(inner.saveMapping(sheet, saved, state)),
      // "Xóa màu" waits for colours; "Xem báo cáo" opens the report in a new window here (no Office dialog).
      hasColours: () => inner.hasColours!(),
      showReport: (l) => inner.showReport!(l),
      // "Mẫu và tổng hợp": the workbook view is refreshed after each change, like the other actions.
      tools: {
        sheets: () => tools.sheets(),
        createTemplate: (request) => after(tools.createTemplate(request)),
        canCreateWorkbook: () => tools.canCreateWorkbook?.() ?? false,
        createTemplateWorkbook: (request) => tools.createTemplateWorkbook!(request),
        consolidate: (request) => after(tools.consolidate(request)),
        canImportFiles: () => tools.canImportFiles(),
        importFiles: (files) => after(tools.importFiles(files)),
      },
    };
  }, [fake, criteria, refresh]);

  const selectCell = useCallback(
    (sheet: string, address: string, extend: boolean) => {
      const a = extend && anchor ? parseLocalAddress(anchor) : null;
      const b = parseLocalAddress(address);
      if (a && b) {
        const top = Math.min(a.top, b.top);
        const left = Math.min(a.left, b.left);
        const bottom = Math.max(a.bottom, b.bottom);
        const right = Math.max(a.right, b.right);
        fake.workbook.select(sheet, [top === bottom && left === right ? cellA1(top, left) : `${cellA1(top, left)}:${cellA1(bottom, right)}`]);
      } else {
        fake.workbook.select(sheet, [address]);
        setAnchor(address);
      }
      setShown(sheet);
      setVersion((v) => v + 1);
    },
    [fake, anchor],
  );

  const reset = () => {
    setFake(createFakeExcel(sampleWorkbook(criteria)));
    setBook((b) => b + 1); // a new sample workbook gets a fresh pane
    setShown(null);
    setVersion((v) => v + 1);
  };

  return (
    <div className={styles.page}>
      <div className={styles.top}>
        <h1 className={styles.topTitle}>{ui('previewTitle', lang)}</h1>
        <span className={styles.note}>{ui('previewNote', lang)}</span>
        <Button size="small" appearance="secondary" icon={<ArrowSync20Regular />} onClick={reset} data-action="reset">
          {ui('previewReset', lang)}
        </Button>
      </div>
      <div className={styles.body}>
        <div className={styles.book}>
          <WorkbookView
            workbook={fake.workbook}
            shown={shown}
            onShow={(name) => {
              fake.workbook.activate(name);
              setShown(name);
              setVersion((v) => v + 1);
            }}
            lang={lang}
            version={version}
            onSelectCell={selectCell}
          />
        </div>
        {/* Not a landmark: the pane's own <main> is top-level, as in Excel. */}
        <div className={styles.pane} data-pane>
          {wantsSelfCheck(window.location.search) ? (
            // The self-check against the fake (taskpane.html?selfcheck runs it against the real Excel).
            <SelfCheckPage
              key={book}
              runner={(onResult) => selfCheckRunner(fake.run, { importSample: fakeWorkbookBase64({ sheets: [{ name: 'GNLC mẫu', cells: { A1: 'GNLC self-check' } }] }), eventWaitMs: 200, isSetSupported: () => true })((r) => (onResult(r), refresh()))}
              lang={lang}
              about="preview (fake Excel)"
              onBack={() => window.location.assign(window.location.pathname)}
            />
          ) : (
            <App key={book} backend={backend} criteria={criteria} onLangChange={setLang} />
          )}
        </div>
      </div>
    </div>
  );
}

const container = document.getElementById('container');
if (container) {
  createRoot(container).render(
    <StrictMode>
      <FluentProvider theme={webLightTheme}>
        <Preview />
      </FluentProvider>
    </StrictMode>,
  );
}
