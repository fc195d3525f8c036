/** The headline ("x / N đạt") and the count per status, each a toggle that filters the list. */
import { ToggleButton, makeStyles, tokens } from '@fluentui/react-components';
import { STATUS_TEXT } from '../../i18n/status';
import { Lang } from '../../i18n/format';
import { T } from '../../i18n/ui';
import { STATUSES, Status } from '../model';
import { StatusIcon } from './StatusLabel';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  headline: { margin: 0, display: 'flex', alignItems: 'baseline', columnGap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  big: { fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700, fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground1 },
  sub: { fontSize: tokens.fontSizeBase300, color: tokens.colorNeutralForeground2, fontWeight: tokens.fontWeightRegular },
  counts: { display: 'grid', gridTemplateColumns: 'repeat(2, minmax(0, 1fr))', gap: tokens.spacingHorizontalS },
  count: { justifyContent: 'flex-start', columnGap: tokens.spacingHorizontalS, minWidth: 0, paddingLeft: tokens.spacingHorizontalS, paddingRight: tokens.spacingHorizontalS },
  countLabel: { flexGrow: 1, textAlign: 'start', fontWeight: tokens.fontWeightRegular, lineHeight: tokens.lineHeightBase200 },
  countNumber: { fontWeight: tokens.fontWeightBold, fontVariantNumeric: 'tabular-nums' },
  others: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
});

export interface ResultsOverviewProps {
  counts: Record<Status, number> & { total: number };
  lang: Lang;
  t: T;
  selected: Status[];
  onToggle: (status: Status) => void;
  /** A one-party return: the party (the counts are its indicators') and how many indicators belong to others. */
  scope?: { party: string; others: number };
}

export function ResultsOverview({ counts, lang, t, selected, onToggle, scope }: ResultsOverviewProps) {
  const styles = useStyles();
  return (
    <section className={styles.root} aria-labelledby="results-title" data-section="overview">
      <h2 className={styles.headline} id="results-title">
        <span className={styles.big} data-headline>
          {scope ? t('headlineScoped', { party: scope.party, met: counts.met, total: counts.total }) : t('headline', { met: counts.met, total: counts.total })}
        </span>
        <span className={styles.sub}>{t('headlineSub')}</span>
      </h2>
      {scope?.others ? (
        <p className={styles.others} data-others={scope.others}>
          {t('otherParties', { count: scope.others })}
        </p>
      ) : null}
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
    </section>
  );
}
