/**
 * "Kiểm tra Excel": runs the self-check (src/hosts/office/selfcheck.ts) against the Excel the
 * pane is in, after asking (it adds and deletes a scratch sheet, which clears Excel's undo
 * history), shows pass / fail per check with what Excel answered, and copies the results as text
 * for the maintainers. Reached from the pane's tools and from taskpane.html?selfcheck.
 */
import { useState } from 'react';
import { Badge, Button, MessageBar, MessageBarBody, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { CheckResult } from '../../core/selfcheck/contract';
import { resultsAsText } from '../../core/selfcheck/contract';
import type { Lang } from '../../i18n/format';
import { SELF_CHECK_TITLES, SELF_CHECK_UI, selfCheckText } from '../../i18n/selfcheck';

export interface SelfCheckRunner {
  (onResult: (r: CheckResult) => void): Promise<{ results: CheckResult[]; sheetRemoved: boolean; sheet: string }>;
}

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalL, maxWidth: '640px' },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  buttons: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  item: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS, padding: tokens.spacingVerticalS, borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground1, border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  head: { display: 'flex', alignItems: 'flex-start', columnGap: tokens.spacingHorizontalS },
  name: { fontWeight: tokens.fontWeightSemibold, flexGrow: 1, minWidth: 0 },
  answer: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase100, color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  text: { width: '100%', minHeight: '8em', fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase100, boxSizing: 'border-box' },
});

const BADGE = { pass: 'success', fail: 'danger', skip: 'informative' } as const;

export function SelfCheckPage({ runner, lang, about, onBack }: { runner: SelfCheckRunner | null; lang: Lang; about: string; onBack?: () => void }) {
  const styles = useStyles();
  const [phase, setPhase] = useState<'ask' | 'running' | 'done'>('ask');
  const [results, setResults] = useState<CheckResult[]>([]);
  const [left, setLeft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');

  if (!runner)
    return (
      <main className={styles.page}>
        <h1 className={styles.title}>{selfCheckText('title', lang)}</h1>
        <MessageBar intent="info">
          <MessageBarBody>{selfCheckText('notExcel', lang)}</MessageBarBody>
        </MessageBar>
      </main>
    );

  const start = async () => {
    setPhase('running');
    setResults([]);
    setError(null);
    try {
      const out = await runner((r) => setResults((all) => [...all, r]));
      setResults(out.results);
      if (!out.sheetRemoved) setLeft(out.sheet);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
    setPhase('done');
  };
  const text = resultsAsText(results, lang, about);
  const copyText = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopy('copied');
    } catch {
      setCopy('failed');
    }
  };
  const count = (o: CheckResult['outcome']) => results.filter((r) => r.outcome === o).length;

  return (
    <main className={styles.page} aria-busy={phase === 'running'}>
      <h1 className={styles.title}>{selfCheckText('title', lang)}</h1>
      {phase === 'ask' && (
        <>
          <Text>{selfCheckText('intro', lang)}</Text>
          <MessageBar intent="warning">
            <MessageBarBody>{selfCheckText('undoWarning', lang)}</MessageBarBody>
          </MessageBar>
          <div className={styles.buttons}>
            <Button appearance="primary" onClick={() => void start()}>
              {selfCheckText('start', lang)}
            </Button>
            {onBack && <Button onClick={onBack}>{selfCheckText('back', lang)}</Button>}
          </div>
        </>
      )}
      {phase === 'running' && <Spinner size="small" label={selfCheckText('running', lang)} />}
      {phase === 'done' && (
        <>
          {error ? (
            <MessageBar intent="error">
              <MessageBarBody>
                {selfCheckText('failed', lang)}: {error}
              </MessageBarBody>
            </MessageBar>
          ) : (
            <Text weight="semibold" role="status">
              {SELF_CHECK_UI.summary[lang]({ pass: count('pass'), fail: count('fail'), skip: count('skip') })}
            </Text>
          )}
          {left && (
            <MessageBar intent="warning">
              <MessageBarBody>{SELF_CHECK_UI.sheetLeft[lang](left)}</MessageBarBody>
            </MessageBar>
          )}
          <div className={styles.buttons}>
            <Button appearance="primary" onClick={() => void copyText()}>
              {selfCheckText('copy', lang)}
            </Button>
            {onBack && <Button onClick={onBack}>{selfCheckText('back', lang)}</Button>}
          </div>
          {copy === 'copied' && <Text role="status">{selfCheckText('copied', lang)}</Text>}
          {copy === 'failed' && (
            <>
              <Text role="status">{selfCheckText('copyFailed', lang)}</Text>
              <textarea className={styles.text} readOnly value={text} aria-label={selfCheckText('copy', lang)} />
            </>
          )}
        </>
      )}
      {results.length > 0 && (
        <ul className={styles.list} aria-label={selfCheckText('title', lang)}>
          {results.map((r) => (
            <li key={r.id} className={styles.item} data-check={r.id} data-outcome={r.outcome}>
              <div className={styles.head}>
                <span className={styles.name}>{SELF_CHECK_TITLES[r.id]?.[lang] ?? r.id}</span>
                <Badge appearance="tint" color={BADGE[r.outcome]}>
                  {selfCheckText(r.outcome, lang)}
                </Badge>
              </div>
              {r.variant && <Text size={200}>{r.variant}</Text>}
              <span className={styles.answer}>
                {selfCheckText('answered', lang)}: {r.answered}
              </span>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
