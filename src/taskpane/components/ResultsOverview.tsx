/**
 * The headline ("x / N đạt", or "Sở Y tế: x / N đạt" when a filter narrows who is counted) and the
 * count per status, each a toggle that filters the list (StatusCounts, kept in view above the list).
 */
import { Ref } from 'react';
import { ToggleButton, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { STATUS_TEXT } from '../../i18n/status';
import { Lang } from '../../i18n/format';
import { T } from '../../i18n/ui';
import { STATUSES, Status } from '../model';
import { StatusIcon } from './StatusLabel';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  headline: { margin: 0, ':focus': { outline: 'none' }, ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '4px', borderRadius: tokens.borderRadiusMedium }, display: 'flex', alignItems: 'baseline', columnGap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  big: { fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700, fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground1 },
  /** A scoped headline ("Sở Lao động - Thương binh và Xã hội: 5 / 7 đạt") in hero type took three lines at 350 px. */
  bigScoped: { fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500 },
  sub: { fontSize: tokens.fontSizeBase300, color: tokens.colorNeutralForeground2, fontWeight: tokens.fontWeightRegular },
  counts: { display: 'grid', gridTemplateColumns: 'repeat(2, minmax(0, 1fr))', gap: tokens.spacingHorizontalS },
  count: { justifyContent: 'flex-start', columnGap: tokens.spacingHorizontalS, minWidth: 0, paddingLeft: tokens.spacingHorizontalS, paddingRight: tokens.spacingHorizontalS },
  countLabel: { flexGrow: 1, textAlign: 'start', fontWeight: tokens.fontWeightRegular, lineHeight: tokens.lineHeightBase200 },
  countNumber: { fontWeight: tokens.fontWeightBold, fontVariantNumeric: 'tabular-nums' },
  others: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
});

type Counts = Record<Status, number> & { total: number };

export interface ResultsOverviewProps {
  counts: Counts;
  t: T;
  /** A one-party return: the party (the counts are its indicators') and how many indicators belong to others. */
  scope?: { party: string; others: number };
  /** The party and/or standard the filters keep to ("Sở Y tế · 1.2"); '' when every indicator is counted. */
  population?: string;
  /** The heading, so the pane can move focus to it after scoring. */
  headingRef?: Ref<HTMLHeadingElement>;
}

export function ResultsOverview({ counts, t, scope, population, headingRef }: ResultsOverviewProps) {
  const styles = useStyles();
  const who = population || scope?.party;
  return (
    <section className={styles.root} aria-labelledby="results-title" data-section="overview">
      <h2 className={styles.headline} id="results-title" tabIndex={-1} ref={headingRef}>
        <span className={mergeClasses(styles.big, who ? styles.bigScoped : undefined)} data-headline aria-live="polite" aria-atomic="true">
          {who ? t('headlineScoped', { party: who, met: counts.met, total: counts.total }) : t('headline', { met: counts.met, total: counts.total })}
        </span>
        <span className={styles.sub}>{t('headlineSub')}</span>
      </h2>
      {scope?.others ? (
        <p className={styles.others} data-others={scope.others}>
          {t('otherParties', { count: scope.others })}
        </p>
      ) : null}
    </section>
  );
}

/** One toggle per status with its count: pressing one shows only that status (several may be on). */
export function StatusCounts({ counts, lang, t, selected, onToggle }: { counts: Counts; lang: Lang; t: T; selected: Status[]; onToggle: (status: Status) => void }) {
  const styles = useStyles();
  return (
    <div className={styles.counts} role="group" aria-label={`${t('countsLabel')} — ${t('filterStatus')}`}>
        {STATUSES.map((s) => (
          <ToggleButton
            key={s}
            className={styles.count}
            appearance="outline"
            checked={selected.includes(s)}
            onClick={() => onToggle(s)}
            icon={<StatusIcon status={s} />}
            data-count={s}
          >
            <span className={styles.countLabel}>{STATUS_TEXT[s][lang]}</span>
            <span className={styles.countNumber}>{counts[s]}</span>
          </ToggleButton>
        ))}
    </div>
  );
}
