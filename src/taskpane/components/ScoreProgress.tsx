/** Progress through the core's stages (read / map / score / write) as they start, as a bar and a list of steps. */
import { ProgressBar, Spinner, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { CheckmarkCircle20Filled } from '@fluentui/react-icons/lib/atoms/svg/checkmark-circle';
import { Circle20Regular } from '@fluentui/react-icons/lib/atoms/svg/circle';
import { STEPS, Step } from '../backend';
import { T } from '../../i18n/ui';

const STEP_TEXT: Record<Step, 'stepRead' | 'stepMap' | 'stepScore' | 'stepWrite'> = {
  read: 'stepRead',
  map: 'stepMap',
  score: 'stepScore',
  write: 'stepWrite',
};

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  item: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS, fontSize: tokens.fontSizeBase300, color: tokens.colorNeutralForeground3 },
  active: { color: tokens.colorNeutralForeground1, fontWeight: tokens.fontWeightSemibold },
  done: { color: tokens.colorNeutralForeground2 },
  doneIcon: { color: tokens.colorStatusSuccessForeground1 },
  state: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
  marker: { width: '20px', height: '20px', display: 'inline-flex', alignItems: 'center', justifyContent: 'center', flexShrink: 0 },
});

/** `current` is the step under way; steps before it are done. `finished` marks every step done. */
export function ScoreProgress({ current, finished, t }: { current: Step | null; finished?: boolean; t: T }) {
  const styles = useStyles();
  const at = finished ? STEPS.length : current ? STEPS.indexOf(current) : 0;
  return (
    <section className={styles.root} aria-label={t('progressLabel')}>
      <ProgressBar value={at / STEPS.length} max={1} thickness="large" aria-label={t('progressLabel')} aria-valuetext={`${at} / ${STEPS.length}`} />
      <ol className={styles.list}>
        {STEPS.map((step, i) => {
          const state = i < at ? 'done' : i === at ? 'active' : 'pending';
          return (
            <li key={step} className={mergeClasses(styles.item, state === 'active' && styles.active, state === 'done' && styles.done)} data-step={step} data-state={state}>
              <span className={styles.marker} aria-hidden="true">
                {state === 'done' ? <CheckmarkCircle20Filled className={styles.doneIcon} /> : state === 'active' ? <Spinner size="extra-tiny" /> : <Circle20Regular />}
              </span>
              <span>{t(STEP_TEXT[step])}</span>
              <span className={styles.state}>
                {' — '}
                {t(state === 'done' ? 'stepDone' : state === 'active' ? 'stepActive' : 'stepPending')}
              </span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
