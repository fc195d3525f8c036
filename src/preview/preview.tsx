/**
 * The browser preview: the SAME task pane as in Excel, driven by the in-memory fake of the Excel
 * API (src/testing/fake-excel) loaded with a sample workbook, beside a plain rendering of the fake
 * workbook (tabs, cells, fills, selection, a formula bar to type into), re-read after every action.
 * No Office.js, no network.
 *
 * Two selectors, also given in the address (`preview.html?sample=returns&theme=dark`):
 * - the sample workbook: the city's appendix, a department's return (the core's template, its rows
 *   filled), the coordinator's workbook of returns (for "Mẫu và tổng hợp"), an empty workbook;
 * - the pane's theme: light and dark as the pane picks them from Office's officeTheme (themeFor, the
 *   same function the pane calls in Excel), and high contrast: Fluent's teamsHighContrastTheme
 *   (black, with yellow and cyan for what can be pressed). Windows' high-contrast mode also forces
 *   the system colours on the page (CSS forced-colors), which the browser tests emulate with it.
 */
import '../taskpane/zod-no-eval'; // first: before any schema is built
import { StrictMode, useCallback, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { Button, FluentProvider, Select, Theme, makeStyles, mergeClasses, teamsHighContrastTheme, tokens, useId, webLightTheme } from '@fluentui/react-components';
import { ArrowSync20Regular } from '@fluentui/react-icons/lib/atoms/svg/arrow-sync';
import { App } from '../taskpane/App';
import { PaneBackend } from '../taskpane/backend';
import { bundledCriteria } from '../taskpane/criteria';
import { officeBackend } from '../taskpane/office-backend';
import { createFakeExcel, FakeExcel } from '../testing/fake-excel';
import { parseLocalAddress, cellA1 } from '../testing/fake-excel/address';
import { Lang } from '../i18n/format';
import { ui } from '../i18n/ui';
import { SAMPLE_KINDS, SampleKind, sampleWorkbookOf } from './sample';
import { themeFor } from '../taskpane/theme';
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
  topTitleNoWrap: { whiteSpace: 'nowrap' },
  note: { fontSize: tokens.fontSizeBase200, flexGrow: 1, flexShrink: 1, minWidth: 0, opacity: 0.95 },
  // The selectors and the reset button keep their words on one line; the note gives way.
  choice: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalXS, fontSize: tokens.fontSizeBase200, whiteSpace: 'nowrap', flexShrink: 0 },
  reset: { whiteSpace: 'nowrap', flexShrink: 0 },
  body: { display: 'flex', flexGrow: 1, minHeight: 0 },
  book: { flexGrow: 1, minWidth: 0, display: 'flex', flexDirection: 'column', borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}` },
  pane: { width: '360px', flexShrink: 0, overflowY: 'auto', backgroundColor: tokens.colorNeutralBackground2 },
});

/** The pane's themes: light and dark as Office reports them (officeTheme → themeFor), and high contrast. */
export const PREVIEW_THEMES = ['light', 'dark', 'contrast'] as const;
export type PreviewTheme = (typeof PREVIEW_THEMES)[number];
const OFFICE_THEME: Record<Exclude<PreviewTheme, 'contrast'>, { bodyBackgroundColor: string; isDarkTheme: boolean }> = {
  // Office.context.officeTheme as Excel reports it for its white and black themes.
  light: { bodyBackgroundColor: '#FFFFFF', isDarkTheme: false },
  dark: { bodyBackgroundColor: '#262626', isDarkTheme: true },
};
function paneTheme(theme: PreviewTheme): Theme {
  return theme === 'contrast' ? teamsHighContrastTheme : themeFor(OFFICE_THEME[theme]);
}

const SAMPLE_LABEL = { appendix: 'previewSampleAppendix', return: 'previewSampleReturn', returns: 'previewSampleReturns', empty: 'previewSampleEmpty' } as const;
const THEME_LABEL = { light: 'previewThemeLight', dark: 'previewThemeDark', contrast: 'previewThemeContrast' } as const;

/** A choice given in the address (?sample=…&theme=…), when it is one of the known ones. */
function fromQuery<T extends string>(name: string, known: readonly T[], fallback: T): T {
  const v = new URLSearchParams(window.location.search).get(name);
  return known.includes(v as T) ? (v as T) : fallback;
}

/** One of the preview's own choices (the sample workbook, the theme): a labelled Select. */
function Choice<K extends string>(props: { name: string; label: string; value: K; options: readonly K[]; optionLabel: (k: K) => string; onChoose: (k: K) => void }) {
  const styles = useStyles();
  const id = useId(props.name);
  return (
    <span className={styles.choice}>
      <label htmlFor={id}>{props.label}</label>
      <Select id={id} size="small" value={props.value} onChange={(_, d) => props.onChoose(d.value as K)} data-choose={props.name}>
        {props.options.map((k) => (
          <option key={k} value={k}>
            {props.optionLabel(k)}
          </option>
        ))}
      </Select>
    </span>
  );
}

function Preview() {
  const styles = useStyles();
  const criteria = useMemo(() => bundledCriteria(), []);
  const [kind, setKind] = useState<SampleKind>(() => fromQuery('sample', SAMPLE_KINDS, 'appendix'));
  const [theme, setTheme] = useState<PreviewTheme>(() => fromQuery('theme', PREVIEW_THEMES, 'light'));
  const [fake, setFake] = useState<FakeExcel>(() => createFakeExcel(sampleWorkbookOf(kind, criteria)));
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
      // "Kiểm tra ngay khi nhập số liệu": each re-check recolours the fake; the view is re-read after it.
      watch: (l, on) =>
        inner.watch!(l, {
          update: (view) => {
            on.update(view);
            refresh();
          },
          error: on.error,
        }),
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

  /** Typed into the formula bar: as a person types in Excel (fires the change event live checking listens to). */
  const editCell = useCallback(
    (sheet: string, address: string, text: string) => {
      const t = text.trim();
      const number = /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : null;
      fake.workbook.setCell(sheet, address, t === '' ? null : number ?? text);
      setVersion((v) => v + 1);
    },
    [fake],
  );

  const load = (next: SampleKind) => {
    setKind(next);
    const url = new URL(window.location.href);
    url.searchParams.set('sample', next);
    window.history.replaceState(null, '', url);
    setFake(createFakeExcel(sampleWorkbookOf(next, criteria)));
    setBook((b) => b + 1);
    setShown(null);
    setAnchor(null);
    setVersion((v) => v + 1);
  };
  const chooseTheme = (next: PreviewTheme) => {
    setTheme(next);
    const url = new URL(window.location.href);
    url.searchParams.set('theme', next);
    window.history.replaceState(null, '', url);
  };

  const reset = () => {
    setFake(createFakeExcel(sampleWorkbookOf(kind, criteria)));
    setBook((b) => b + 1); // a new sample workbook gets a fresh pane
    setShown(null);
    setVersion((v) => v + 1);
  };

  return (
    <div className={styles.page}>
      <div className={styles.top}>
        <h1 className={mergeClasses(styles.topTitle, styles.topTitleNoWrap)}>{ui('previewTitle', lang)}</h1>
        <span className={styles.note}>{ui('previewNote', lang)}</span>
        <Choice name="sample" label={ui('previewSample', lang)} value={kind} options={SAMPLE_KINDS} optionLabel={(k) => ui(SAMPLE_LABEL[k], lang)} onChoose={load} />
        <Choice name="theme" label={ui('previewTheme', lang)} value={theme} options={PREVIEW_THEMES} optionLabel={(k) => ui(THEME_LABEL[k], lang)} onChoose={chooseTheme} />
        <Button className={styles.reset} size="small" appearance="secondary" icon={<ArrowSync20Regular />} onClick={reset} data-action="reset">
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
            onEditCell={editCell}
          />
        </div>
        {/* Not a landmark: the pane's own <main> is top-level, as in Excel. */}
        <FluentProvider theme={paneTheme(theme)} className={styles.pane} data-pane data-theme={theme}>
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
        </FluentProvider>
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
