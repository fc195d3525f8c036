/** What the run found: the sheet, how many indicators were mapped, which were not, which conflict. */
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { TableCellEdit20Regular } from '@fluentui/react-icons/lib/atoms/svg/table-cell-edit';
import type { Mapping } from '../../core/mapping';
import { Lang } from '../../i18n/format';
import { T } from '../../i18n/ui';
import { indicatorText } from '../../core/criteria-model';
import { IndicatorIndex } from '../model';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  title: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  facts: { display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: tokens.spacingHorizontalS, rowGap: '2px', margin: 0, fontSize: tokens.fontSizeBase300 },
  term: { color: tokens.colorNeutralForeground3 },
  def: { margin: 0, fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  problems: { margin: `${tokens.spacingVerticalXS} 0 0`, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, fontWeight: tokens.fontWeightSemibold },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: '2px' },
  item: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', columnGap: tokens.spacingHorizontalS, fontSize: tokens.fontSizeBase200 },
  itemText: { minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  hint: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  code: { fontFamily: tokens.fontFamilyMonospace, marginRight: tokens.spacingHorizontalXS },
  fix: { flexShrink: 0, whiteSpace: 'nowrap' },
});

export interface FoundSummaryProps {
  mapping: Mapping;
  sheet: string;
  summarySheet?: string;
  total: number;
  index: IndicatorIndex;
  lang: Lang;
  t: T;
  onFix: (id: string) => void;
  /** A one-party return: only its indicators are looked for (the others belong to other parties, not "not found"). */
  scope?: { party: string; ids: readonly string[] } | null;
}

export function FoundSummary({ mapping, sheet, summarySheet, total, index, lang, t, onFix, scope }: FoundSummaryProps) {
  const styles = useStyles();
  const wanted = scope ? new Set(scope.ids) : null;
  const unplaced = wanted ? mapping.unplaced.filter((id) => wanted.has(id)) : mapping.unplaced;
  const conflicts = wanted ? mapping.conflicts.filter((c) => wanted.has(c.id)) : mapping.conflicts;
  const looked = scope ? scope.ids.length : total;
  const mapped = looked - new Set([...unplaced, ...conflicts.map((c) => c.id)]).size;
  const item = (id: string, extra?: string) => {
    const placed = index.get(id);
    return (
      <li key={id} className={styles.item} data-unmapped={id}>
        <span className={styles.itemText} title={placed ? indicatorText(placed.indicator, lang) : id}>
          <span className={styles.code}>{id}</span>
          {extra ?? (placed ? indicatorText(placed.indicator, lang) : '')}
        </span>
        <Button className={styles.fix} size="small" appearance="transparent" icon={<TableCellEdit20Regular />} onClick={() => onFix(id)} aria-label={`${t('fixCells')} ${id}`}>
          {t('fixCells')}
        </Button>
      </li>
    );
  };
  return (
    <section className={styles.root} aria-labelledby="found-title" data-section="found">
      <h2 className={styles.title} id="found-title">
        {t('foundTitle')}
      </h2>
      <dl className={styles.facts}>
        <dt className={styles.term}>{t('sheet')}</dt>
        <dd className={styles.def} data-found="sheet">
          {sheet}
        </dd>
        {summarySheet ? (
          <>
            <dt className={styles.term}>{t('summarySheet')}</dt>
            <dd className={styles.def} data-found="summary">
              {summarySheet}
            </dd>
          </>
        ) : null}
      </dl>
      <div data-found="mapped">{scope ? t('mappedScoped', { mapped, total: looked, party: scope.party }) : t('mapped', { mapped, total })}</div>
      {unplaced.length ? (
        <>
          <p className={styles.problems}>{t('unplaced', { count: unplaced.length })}</p>
          <ul className={styles.list} aria-label={t('unplaced', { count: unplaced.length })}>
            {unplaced.map((id) => item(id))}
          </ul>
        </>
      ) : null}
      {unplaced.length || conflicts.length ? <p className={styles.hint}>{t('fixMappingHint')}</p> : null}
      {conflicts.length ? (
        <>
          <p className={styles.problems}>{t('conflicts', { count: conflicts.length })}</p>
          <ul className={styles.list} aria-label={t('conflicts', { count: conflicts.length })}>
            {conflicts.map((c) => item(c.id, t('rowsList', { rows: c.rows.map((r) => r + 1).join(', ') })))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
