/**
 * The task pane: score the active sheet, see what was found and each indicator's status, filter,
 * keep to one's own department, fix the mapping by pointing at cells, clear the colours.
 * Talks to the workbook only through a PaneBackend (Office, the preview's fake Excel, tests).
 */
import { ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Button, Divider, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner, Switch, makeStyles, tokens } from '@fluentui/react-components';
import { TaskListSquareLtr20Regular } from '@fluentui/react-icons/lib/atoms/svg/task-list-square-ltr';
import { Eraser20Regular } from '@fluentui/react-icons/lib/atoms/svg/eraser';
import { DocumentText20Regular } from '@fluentui/react-icons/lib/atoms/svg/document-text';
import { Table20Regular } from '@fluentui/react-icons/lib/atoms/svg/table';
import type { CriteriaSet } from '../core/criteria';
import { saveMapping } from '../core/mapping/save';
import type { SavedMapping } from '../core/mapping/types';
import type { IndicatorResult } from '../core/score';
import { countStatuses } from '../core/summary';
import { isOtherParty } from '../core/result-kind';
import { Lang } from '../i18n/format';
import { T, translator } from '../i18n/ui';
import { STATUS_TEXT } from '../i18n/status';
import { LiveView, PaneBackend, PaneFailure, ScoreOutcome, Step, Watching, stateHasColours } from './backend';
import {
  IndicatorIndex,
  Filters,
  NO_FILTERS,
  Status,
  applyFilters,
  assignCells,
  cellOwners,
  expandAddresses,
  fieldName,
  indexIndicators,
  isFiltered,
  partiesOf,
  populationName,
  populationOf,
  problemsFirst,
  standardsOf,
} from './model';
import { PrefStore, Prefs, localPrefs } from './prefs';
import { Header } from './components/Header';
import { ScoreProgress } from './components/ScoreProgress';
import { usePanels } from './lazy-panels';

const useStyles = makeStyles({
  app: {
    display: 'flex',
    flexDirection: 'column',
    minHeight: '100vh',
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
  },
  main: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL, padding: tokens.spacingHorizontalL },
  actions: { display: 'flex', columnGap: tokens.spacingHorizontalS, alignItems: 'stretch' },
  primary: { flexGrow: 1, whiteSpace: 'nowrap' },
  secondary: { whiteSpace: 'nowrap', flexShrink: 0 },
  live: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS },
  liveHint: { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, color: tokens.colorNeutralForeground3 },
  intro: { margin: 0, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300, color: tokens.colorNeutralForeground2 },
  introTitle: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  panel: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
  },
  /** The status toggles and "Hiển thị x / y" stay in view while the list scrolls under them. */
  sticky: {
    position: 'sticky',
    top: 0,
    zIndex: 1,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
    marginLeft: `calc(-1 * ${tokens.spacingHorizontalL})`,
    marginRight: `calc(-1 * ${tokens.spacingHorizontalL})`,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground2,
    boxShadow: tokens.shadow4,
  },
  results: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  shown: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  empty: { margin: 0, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase300 },
  /** "Xem báo cáo" and "Mở trang tổng hợp": side by side, or one under the other when they do not fit. */
  outputs: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  output: { flexGrow: 1, minWidth: 0, whiteSpace: 'nowrap' },
  listTitle: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
});

type Busy = null | 'score' | 'clear' | 'assign' | 'select' | 'report' | 'summary';
/** A message, translated when shown (so it follows a language switch); errors keep their own text. */
type Text = string | ((t: T, lang: Lang) => string);
interface Notice {
  intent: 'success' | 'error' | 'warning' | 'info';
  title?: Text;
  text: Text;
  /** Extra lines (kept cells, …). */
  more?: Text[];
  /** The scoring's own message: its counts are read, when shown, from the run the headline shows (live re-checks included). */
  scored?: { sheet: string; summarySheet?: string };
}

/** The scoring's message from a run's summary: after live re-checks, the current counts (the summary sheet waits for the next scoring). */
function scoredText(summary: ScoreOutcome['run']['summary'], where: NonNullable<Notice['scored']>, rechecked: boolean): Text {
  const { totals, scope } = summary;
  const counts = { met: totals.met, total: totals.total };
  if (rechecked) return (tr) => tr('doneLive', { ...counts, ...(scope ? { party: scope.party } : {}), ...(where.summarySheet ? { summary: where.summarySheet } : {}) });
  return (tr) => (scope ? tr('doneScoped', { party: scope.party, ...counts, sheet: where.sheet }) : tr('done', { ...counts, sheet: where.sheet }));
}
const say = (m: Text, t: T, lang: Lang) => (typeof m === 'function' ? m(t, lang) : m);

/** Why the pane cannot score: its engine chunk did not load, or the bundled criteria are broken. */
export type LoadError = 'errorLoading' | 'errorCriteria';

export interface AppProps {
  /** null while the scoring engine loads (the pane shows, its actions wait). */
  backend: PaneBackend | null;
  /** null while the scoring engine loads. */
  criteria: CriteriaSet | null;
  /** The engine could not be loaded: said in the pane, and the actions stay off. */
  loadError?: LoadError;
  prefs?: PrefStore;
  /** Told when the person switches language (the preview relabels its workbook view). */
  onLangChange?: (lang: Lang) => void;
}

/** What went wrong: worded for the person when the backend could, else as reported. */
function errorText(e: unknown): Text {
  if (e instanceof PaneFailure) return (_t, lang) => e.text[lang];
  if (e instanceof Error) return e.message;
  return typeof e === 'string' ? e : JSON.stringify(e);
}

/**
 * Its children from just after the pane's first paint, not in the render that first shows it: what
 * is not needed to score and lies below the rest ("Mẫu và tổng hợp"), so nothing shown moves when it
 * comes. A frame's callback runs just before that frame is painted; the task it queues, after it.
 */
function AfterFirstPaint({ children }: { children: ReactNode }) {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    if (painted) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const later = () => {
      timer = setTimeout(() => setPainted(true), 0);
    };
    // No frames where nothing is painted (jsdom): the next task.
    const frame = typeof requestAnimationFrame === 'function' ? requestAnimationFrame(later) : (later(), undefined);
    return () => {
      if (frame !== undefined) cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [painted]);
  return painted ? <>{children}</> : null;
}

export function App({ backend, criteria, loadError, prefs = localPrefs, onLangChange }: AppProps) {
  const styles = useStyles();
  const [initial] = useState<Prefs>(() => prefs.load());
  const [lang, setLang] = useState<Lang>(initial.lang);
  const [onlyMine, setOnlyMine] = useState(initial.onlyMine);
  const [myParty, setMyParty] = useState(initial.myParty);
  const [busy, setBusy] = useState<Busy>(null);
  const [step, setStep] = useState<Step | null>(null);
  const [outcome, setOutcome] = useState<ScoreOutcome | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  /** The mapping as it was before the last hand-made assignment, so it can be undone. */
  const [undoable, setUndoable] = useState<{ sheet: string; id: string; before: SavedMapping } | null>(null);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [fixing, setFixing] = useState<string | null>(null);
  /** Selected cells that belong to other fields: the move waits for the person's word. */
  const [pendingMove, setPendingMove] = useState<{ id: string; fieldKey: string; cells: string[]; owners: Array<{ id: string; field: string; cell: string }> } | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  /** "Kiểm tra khi nhập": on, the sheet scored last is re-checked as the person types. */
  const [live, setLive] = useState(false);
  /** What the last re-check found (shown under the actions). */
  const [liveSeen, setLiveSeen] = useState<LiveView | null>(null);
  /** Counts the runs: live checking starts again from each new one. */
  const [runs, setRuns] = useState(0);
  /** A coordinator's choice: score a one-party return against every indicator. */
  const [scoreAll, setScoreAll] = useState(false);
  /** Whether the stored state records coloured cells: "Xóa màu" waits for something to clear. */
  const [coloured, setColoured] = useState(false);
  const watching = useRef<Promise<Watching | null> | null>(null);
  /** "Mẫu và tổng hợp" open: its panel is wanted now. */
  const [toolsOpen, setToolsOpen] = useState(false);
  // The results and the tools are a chunk of their own, fetched once the pane has shown (or at once when wanted).
  const { panels, failed: panelsFailed } = usePanels(outcome !== null || toolsOpen);

  const t = useMemo(() => translator(lang), [lang]);
  // On load: the workbook may hold colours from an earlier session (its stored state says so).
  // Asked in a task of its own, after the one that shows the pane (not part of its first render).
  useEffect(() => {
    if (!backend?.hasColours) return;
    let live = true;
    const timer = setTimeout(() =>
      backend.hasColours!().then(
        (yes) => live && setColoured((c) => c || yes),
        () => undefined, // unknown: "Xóa màu" waits for a run
      ),
    );
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [backend]);
  // What only the results show (the index of indicators, the filters' standards and parties):
  // worked out once there are results, not in the pane's first render.
  const scored = outcome !== null;
  const index: IndicatorIndex = useMemo(() => (criteria && scored ? indexIndicators(criteria) : new Map()), [criteria, scored]);
  const standards = useMemo(() => (criteria && scored ? standardsOf(criteria) : []), [criteria, scored]);
  const total = index.size;
  const scope = outcome?.run.scope ?? null;
  const allResults = outcome?.run.results ?? [];
  // A one-party return: the list holds the party's indicators; the others are counted once, in the overview.
  const results = useMemo(() => (scope ? allResults.filter((r) => !isOtherParty(r)) : allResults), [scope, allResults]);
  const parties = useMemo(() => (criteria && scored ? partiesOf(results, criteria) : []), [results, criteria, scored]);

  // Stored when they change (not as the pane opens: what was loaded needs no writing back).
  const stored = useRef<Prefs>(initial);
  useEffect(() => {
    const was = stored.current;
    if (was.lang === lang && was.onlyMine === onlyMine && was.myParty === myParty) return;
    stored.current = { lang, onlyMine, myParty };
    prefs.save(stored.current);
  }, [prefs, lang, onlyMine, myParty]);
  useEffect(() => {
    document.documentElement.lang = lang;
    onLangChange?.(lang);
  }, [lang, onLangChange]);

  const effective: Filters = onlyMine && myParty ? { ...filters, party: myParty } : filters;
  const shown = problemsFirst(applyFilters(results, effective, index));
  // The headline and counts follow the filters that change who is counted (party, standard).
  const population = populationName(effective);
  const counts = population ? countStatuses(populationOf(results, effective, index)) : (outcome?.run.summary.totals ?? countStatuses([]));
  const headingRef = useRef<HTMLHeadingElement>(null);
  /** Bumped by a run the person started: focus goes to the headline once it shows. */
  const [focusHeadline, setFocusHeadline] = useState(0);
  useEffect(() => {
    if (focusHeadline) headingRef.current?.focus();
  }, [focusHeadline, panels]); // the headline shows once the results' chunk is there

  /** Stops live checking and waits for a check in flight, so no re-check writes while an action runs. */
  const stopWatching = useCallback(async () => {
    const w = watching.current;
    watching.current = null;
    await (await w)?.stop();
  }, []);

  const idle = busy === null;
  const scoredSheet = outcome?.sheet;
  useEffect(() => {
    if (!live || !idle || !scoredSheet || !backend?.watch) return;
    const started = backend
      .watch(lang, {
        update: (view) => {
          setOutcome((o) => (o ? { ...o, run: view.run } : o));
          setLiveSeen(view);
          if (view.warnings.length) setNotice({ intent: 'warning', text: (_t, l) => view.warnings.map((w) => w.message[l]).join(' ') });
        },
        error: (text) => setNotice({ intent: 'error', title: (tr) => tr('errorTitle'), text: (_t, l) => text[l] }),
      })
      .catch((e: unknown) => {
        setNotice({ intent: 'error', title: (tr) => tr('errorTitle'), text: errorText(e) });
        setLive(false);
        return null;
      });
    watching.current = started;
    return () => {
      if (watching.current === started) watching.current = null;
      void started.then((w) => w?.stop());
    };
  }, [live, idle, scoredSheet, runs, backend, lang]);

  const score = useCallback(
    async (after?: (out: ScoreOutcome) => Notice, all: boolean = scoreAll) => {
      if (!backend) return;
      setBusy('score');
      setStep('read');
      setNotice(null);
      try {
        await stopWatching();
        const out = await backend.score(lang, (s) => setStep(s), { scope: all ? 'all' : 'auto' });
        setOutcome(out);
        setColoured(stateHasColours(out.state));
        setRuns((n) => n + 1);
        if (!after) setFocusHeadline((n) => n + 1);
        setLiveSeen(null);
        const where = { sheet: out.summarySheet ?? out.sheet, ...(out.summarySheet ? { summarySheet: out.summarySheet } : {}) };
        const done: Notice = after ? after(out) : { intent: 'success', text: scoredText(out.run.summary, where, false), scored: where };
        // Warnings (a protected sheet scored but not coloured, …) come with the result.
        const warnings = out.warnings.map((w): Text => (_t, l) => w.message[l]);
        setNotice(warnings.length ? { ...done, intent: 'warning', more: [...(done.more ?? []), ...warnings] } : done);
      } catch (e) {
        setNotice({ intent: 'error', title: (tr) => tr('errorTitle'), text: errorText(e) });
      } finally {
        setBusy(null);
        setStep(null);
      }
    },
    [backend, lang, t, stopWatching, scoreAll],
  );

  const clear = useCallback(async () => {
    if (!backend) return;
    setBusy('clear');
    setNotice(null);
    try {
      await stopWatching();
      const out = await backend.clear();
      setOutcome((o) => (o ? { ...o, state: out.state } : o));
      setColoured(stateHasColours(out.state));
      const kept = out.kept.length;
      const keptText: Text = (tr) => tr('clearedKept', { kept });
      // Never "0 cells": when every coloured cell was recoloured by hand, only that is said.
      if (out.restored === 0) setNotice({ intent: kept ? 'info' : 'success', text: kept ? keptText : (tr) => tr('clearNothing') });
      else setNotice({ intent: 'success', text: (tr) => tr('cleared', { restored: out.restored }), more: kept ? [keptText] : [] });
    } catch (e) {
      setNotice({ intent: 'error', title: (tr) => tr('errorTitle'), text: errorText(e) });
    } finally {
      setBusy(null);
    }
  }, [backend, t, stopWatching]);

  /** "Xem báo cáo": the review report of the last scoring, in an Office dialog or a new window. */
  const viewReport = useCallback(async () => {
    if (!backend?.showReport) return;
    setBusy('report');
    try {
      const shown = await backend.showReport(lang);
      if (shown === 'window') setNotice({ intent: 'info', text: (tr) => tr('reportInWindow') });
      else if (shown === 'blocked') setNotice({ intent: 'warning', text: (tr) => tr('reportBlocked') });
    } catch (e) {
      setNotice({ intent: 'error', title: (tr) => tr('errorTitle'), text: errorText(e) });
    } finally {
      setBusy(null);
    }
  }, [backend, lang]);

  /** "Mở trang tổng hợp": the host activates the summary sheet the run wrote (its name is the core's). */
  const openSummary = useCallback(async () => {
    const sheet = outcome?.summarySheet;
    if (!backend || !sheet) return;
    setBusy('summary');
    try {
      await backend.select(sheet, ['A1']);
    } catch (e) {
      setNotice({ intent: 'error', title: (tr) => tr('errorTitle'), text: errorText(e) });
    } finally {
      setBusy(null);
    }
  }, [backend, outcome]);

  const select = useCallback(
    async (r: IndicatorResult) => {
      setSelectedId(r.id);
      if (!backend || !outcome || !r.cells.length) return;
      try {
        await backend.select(outcome.sheet, r.cells);
      } catch (e) {
        setNotice({ intent: 'error', title: (tr) => tr('errorTitle'), text: errorText(e) });
      }
    },
    [backend, outcome, t],
  );

  const assign = useCallback(
    async (id: string, fieldKey: string, confirmed: string[] | null = null) => {
      if (!backend || !outcome) return;
      setPendingMove(null);
      setBusy('assign');
      setNotice(null);
      try {
        const sel = await backend.selection();
        if (sel.sheet !== outcome.sheet) {
          const sheet = outcome.sheet;
          setNotice({ intent: 'warning', text: (tr) => tr('wrongSheet', { sheet }) });
          setBusy(null);
          return;
        }
        const cells = expandAddresses(sel.addresses);
        if (!cells.length) {
          setNotice({ intent: 'warning', text: (tr) => tr('noSelection') });
          setBusy(null);
          return;
        }
        const current = saveMapping(outcome.run.mapping);
        const owners = cellOwners(current, id, fieldKey, cells);
        // Cells of another field: moved only when the person confirmed these very cells.
        if (owners.length && (confirmed === null || confirmed.join(',') !== cells.join(','))) {
          setPendingMove({ id, fieldKey, cells, owners });
          setBusy(null);
          return;
        }
        const indicator = index.get(id)?.indicator;
        await stopWatching();
        const saved = assignCells(current, id, fieldKey, cells);
        await backend.saveMapping(outcome.sheet, saved, outcome.state);
        setUndoable({ sheet: outcome.sheet, id, before: current });
        await score(() => ({
          intent: 'success',
          text: (tr, l) => tr('assigned', { field: indicator ? fieldName(indicator, fieldKey, l, tr('value')) : fieldKey, cells: cells.join(', ') }),
        }));
      } catch (e) {
        setNotice({ intent: 'error', title: (tr) => tr('errorTitle'), text: errorText(e) });
        setBusy(null);
      }
    },
    [backend, outcome, index, score, t, lang, stopWatching],
  );

  const undoAssign = useCallback(async () => {
    if (!backend || !outcome || !undoable || undoable.sheet !== outcome.sheet) return;
    const { id, before } = undoable;
    setUndoable(null);
    setBusy('assign');
    setNotice(null);
    try {
      await stopWatching();
      await backend.saveMapping(outcome.sheet, before, outcome.state);
      await score(() => ({ intent: 'success', text: (tr) => tr('assignUndone', { id }) }));
    } catch (e) {
      setNotice({ intent: 'error', title: (tr) => tr('errorTitle'), text: errorText(e) });
      setBusy(null);
    }
  }, [backend, outcome, undoable, score, stopWatching]);

  const onSelectCard = useCallback((r: IndicatorResult) => void select(r), [select]);
  const onFixCard = useCallback((id: string) => setFixing((cur) => (cur === id ? null : id)), []);

  const toggleStatus = (s: Status) =>
    setFilters((f) => ({ ...f, statuses: f.statuses.includes(s) ? f.statuses.filter((x) => x !== s) : [...f.statuses, s] }));

  const fixFrom = (id: string) => {
    setFixing((cur) => (cur === id ? null : id));
    // Make sure the indicator is in the list being shown.
    setFilters(NO_FILTERS);
    setOnlyMine(false);
    setTimeout(() => document.getElementById(`ind-${id.replace(/\./g, '-')}`)?.scrollIntoView?.({ block: 'nearest' }), 0);
  };

  const working = busy === 'score' || busy === 'clear';
  /** The actions wait for the engine; after a load error they stay off. */
  const off = busy !== null || !backend;

  return (
    <div className={styles.app} data-lang={lang}>
      <Header lang={lang} onLang={setLang} t={t} />
      <main className={styles.main} aria-busy={working}>
        <div className={styles.actions}>
          <Button
            className={styles.primary}
            appearance="primary"
            size="medium"
            icon={<TaskListSquareLtr20Regular />}
            disabled={off}
            onClick={() => void score()}
            data-action="score"
          >
            {!backend && !loadError ? t('loading') : busy === 'score' ? t('working') : outcome ? t('rescore') : t('score')}
          </Button>
          <Button
            className={styles.secondary}
            size="medium"
            icon={<Eraser20Regular />}
            disabled={off || !coloured}
            onClick={() => void clear()}
            title={coloured ? t('clearHint') : t('clearNothing')}
            data-action="clear"
          >
            {busy === 'clear' ? t('clearing') : t('clear')}
          </Button>
        </div>

        {outcome && backend?.watch ? (
          <div className={styles.live} data-section="live">
            <Switch label={t('live')} checked={live} onChange={(_, d) => setLive(d.checked)} aria-describedby="live-hint" data-live-switch />
            <span id="live-hint" className={styles.liveHint}>
              {t('liveHint')}
            </span>
            <div aria-live="polite" data-live-seen={liveSeen ? liveSeen.changed.join(' ') : ''}>
              {live && liveSeen?.changed.length ? (
                <span className={styles.liveHint}>
                  {t('liveChecked', {
                    list: liveSeen.changed
                      .map((id) => `${id} (${STATUS_TEXT[liveSeen.run.results.find((r) => r.id === id)?.status ?? 'missing'][lang]})`)
                      .join(', '),
                  })}
                </span>
              ) : null}
            </div>
          </div>
        ) : null}

        {outcome && (scope || scoreAll) ? (
          <div className={styles.live} data-section="score-all">
            <Switch
              label={t('scoreAll')}
              checked={scoreAll}
              disabled={off}
              onChange={(_, d) => {
                setScoreAll(d.checked);
                void score(undefined, d.checked);
              }}
              aria-describedby="score-all-hint"
              data-score-all
            />
            <span id="score-all-hint" className={styles.liveHint}>
              {t('scoreAllHint')}
            </span>
          </div>
        ) : null}

        {busy === 'score' ? <ScoreProgress current={step} t={t} /> : null}

        {loadError ? (
          <MessageBar intent="error" layout="multiline" data-notice="load-error">
            <MessageBarBody>
              <MessageBarTitle>{t('errorTitle')}</MessageBarTitle>
              {t(loadError)}
            </MessageBarBody>
          </MessageBar>
        ) : null}

        <div aria-live="polite" aria-atomic="true" data-notice={notice?.intent ?? ''}>
          {notice ? (
            <MessageBar intent={notice.intent} layout="multiline">
              <MessageBarBody>
                {notice.title ? <MessageBarTitle>{say(notice.title, t, lang)}</MessageBarTitle> : null}
                {say(notice.scored && outcome ? scoredText(outcome.run.summary, notice.scored, liveSeen !== null) : notice.text, t, lang)}
                {notice.more?.map((m, i) => (
                  <div key={i}>{say(m, t, lang)}</div>
                ))}
              </MessageBarBody>
              {undoable && outcome?.sheet === undoable.sheet && notice.intent === 'success' ? (
                <MessageBarActions>
                  <Button size="small" disabled={busy !== null} onClick={() => void undoAssign()} data-action="undo-assign">
                    {t('undoAssign')}
                  </Button>
                </MessageBarActions>
              ) : null}
            </MessageBar>
          ) : null}
        </div>

        {!outcome || !criteria ? (
          <section className={styles.panel} aria-labelledby="intro-title" data-section="intro">
            <h2 className={styles.introTitle} id="intro-title">
              {t('introTitle')}
            </h2>
            <p className={styles.intro}>{t('intro')}</p>
          </section>
        ) : !panels ? (
          panelsFailed ? (
            <MessageBar intent="error" layout="multiline" data-notice="panels-error">
              <MessageBarBody>
                <MessageBarTitle>{t('errorTitle')}</MessageBarTitle>
                {t('errorLoadingPanels')}
              </MessageBarBody>
            </MessageBar>
          ) : (
            <Spinner size="small" label={t('loading')} data-section="results-loading" />
          )
        ) : (
          <>
            <div className={styles.panel}>
              <panels.ResultsOverview counts={counts} t={t} population={population} headingRef={headingRef} {...(outcome.run.summary.scope ? { scope: outcome.run.summary.scope } : {})} />
              {backend?.showReport || outcome.summarySheet ? (
                <div className={styles.outputs} data-section="outputs">
                  {backend?.showReport ? (
                    <Button className={styles.output} icon={<DocumentText20Regular />} disabled={off} onClick={() => void viewReport()} title={t('viewReportHint')} data-action="report">
                      {t('viewReport')}
                    </Button>
                  ) : null}
                  {outcome.summarySheet ? (
                    <Button className={styles.output} icon={<Table20Regular />} disabled={off} onClick={() => void openSummary()} data-action="open-summary">
                      {t('openSummary')}
                    </Button>
                  ) : null}
                </div>
              ) : null}
            </div>
            <div className={styles.panel}>
              <panels.FoundSummary
                mapping={outcome.run.mapping}
                sheet={outcome.sheet}
                {...(outcome.summarySheet ? { summarySheet: outcome.summarySheet } : {})}
                total={total}
                index={index}
                lang={lang}
                t={t}
                onFix={fixFrom}
                scope={scope}
              />
            </div>
            <Divider />
            <panels.FilterBar
              lang={lang}
              t={t}
              parties={parties}
              standards={standards}
              party={filters.party}
              standard={filters.standard}
              onParty={(party) => setFilters((f) => ({ ...f, party }))}
              onStandard={(standard) => setFilters((f) => ({ ...f, standard }))}
              onlyMine={onlyMine}
              myParty={myParty}
              onOnlyMine={setOnlyMine}
              onMyParty={setMyParty}
              filtered={isFiltered(filters)}
              onClear={() => setFilters(NO_FILTERS)}
            />
            {/* The bar sticks within this box: it scrolls away with the list's end, never over the tools below. */}
            <div className={styles.results}>
              <div className={styles.sticky} data-section="status-bar">
                <panels.StatusCounts counts={counts} lang={lang} t={t} selected={filters.statuses} onToggle={toggleStatus} />
                <span className={styles.shown} aria-live="polite" data-shown>
                  {t('shown', { shown: shown.length, total: results.length })}
                </span>
              </div>
              <section aria-labelledby="list-title" data-section="list">
                <h2 className={styles.listTitle} id="list-title">
                  {t('listLabel')}
                </h2>
                {shown.length ? (
                  <ul className={styles.list} aria-labelledby="list-title">
                    {shown.map((r) => {
                      const placed = index.get(r.id);
                      if (!placed) return null;
                      return (
                        <panels.IndicatorCard
                          key={r.id}
                          result={r}
                          placed={placed}
                          criteria={criteria}
                          lang={lang}
                          t={t}
                          selected={selectedId === r.id}
                          onSelect={onSelectCard}
                          onFix={onFixCard}
                          fixing={fixing === r.id}
                        >
                          {fixing === r.id ? (
                            <panels.MappingFix
                              indicator={placed.indicator}
                              placement={outcome.run.mapping.placements[r.id]}
                              lang={lang}
                              t={t}
                              busy={busy !== null}
                              onAssign={(key) => void assign(r.id, key)}
                              onClose={() => {
                                setFixing(null);
                                setPendingMove(null);
                              }}
                              pending={pendingMove && pendingMove.id === r.id ? pendingMove : null}
                              onConfirmMove={() => pendingMove && void assign(pendingMove.id, pendingMove.fieldKey, pendingMove.cells)}
                              onCancelMove={() => setPendingMove(null)}
                            />
                          ) : null}
                        </panels.IndicatorCard>
                      );
                    })}
                  </ul>
                ) : (
                  <p className={styles.empty}>{t('noneShown')}</p>
                )}
              </section>
            </div>
          </>
        )}

        {backend?.tools || (!backend && !loadError) ? (
          <AfterFirstPaint>
            <Accordion collapsible className={styles.panel} data-section="tools-accordion" onToggle={(_, d) => setToolsOpen(d.openItems.includes('tools'))}>
              <AccordionItem value="tools">
                <AccordionHeader as="h2">{t('toolsTitle')}</AccordionHeader>
                <AccordionPanel>
                  {backend?.tools && criteria && panels ? <panels.ToolsPanel tools={backend.tools} criteria={criteria} lang={lang} t={t} notReturns={outcome ? [outcome.sheet, ...(outcome.summarySheet ? [outcome.summarySheet] : [])] : []} /> : panelsFailed ? t('errorLoadingPanels') : <Spinner size="tiny" label={t('loading')} />}
                </AccordionPanel>
              </AccordionItem>
            </Accordion>
          </AfterFirstPaint>
        ) : null}
      </main>
    </div>
  );
}
