/**
 * One indicator: status (icon and text), id, text, value, target, reason, responsible party.
 * The header is a button that selects the indicator's cells in the sheet. A met indicator starts
 * collapsed to one line (one tab stop); pressing it opens the card and selects its cells.
 */
import { ReactNode, memo, useState } from 'react';
import { Button, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { TableCellEdit20Regular } from '@fluentui/react-icons/lib/atoms/svg/table-cell-edit';
import type { CriteriaSet } from '../../core/criteria';
import { PlacedIndicator, indicatorText, targetText } from '../../core/criteria-model';
import type { IndicatorResult } from '../../core/score';
import { resultStatusText, valueGroups } from '../../core/result-text';
import { STATUS_FILL } from '../../core/status';
import { Lang } from '../../i18n/format';
import { T } from '../../i18n/ui';
import { StatusLabel } from './StatusLabel';

const useStyles = makeStyles({
  card: {
    listStyleType: 'none',
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderLeftWidth: '4px',
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow2,
    overflow: 'hidden',
    // Scrolled to ("Sửa ô" from the found summary, a status toggle): clear of the sticky status bar above the list.
    scrollMarginTop: '140px',
  },
  selected: { border: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`, borderLeftWidth: '4px' },
  head: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXXS,
    width: '100%',
    textAlign: 'start',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} ${tokens.spacingVerticalXS}`,
    backgroundColor: 'transparent',
    border: 'none',
    color: 'inherit',
    font: 'inherit',
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorSubtleBackgroundHover },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  topline: { display: 'flex', justifyContent: 'space-between', alignItems: 'center', columnGap: tokens.spacingHorizontalS },
  id: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  text: { display: 'block', fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300, color: tokens.colorNeutralForeground1 },
  body: { padding: `0 ${tokens.spacingHorizontalM} ${tokens.spacingVerticalS}`, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS },
  facts: { display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: tokens.spacingHorizontalS, rowGap: '2px', margin: 0, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  term: { color: tokens.colorNeutralForeground3 },
  def: { margin: 0, color: tokens.colorNeutralForeground1, overflowWrap: 'anywhere' },
  /** A group's long label, once, above its values. */
  group: { display: 'block', color: tokens.colorNeutralForeground2 },
  footer: { display: 'flex', justifyContent: 'flex-end', columnGap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalXXS },
  line: { flexDirection: 'row', alignItems: 'center', columnGap: tokens.spacingHorizontalS, paddingBottom: tokens.spacingVerticalS },
  lineText: { flexGrow: 1, minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', fontSize: tokens.fontSizeBase300 },
});

/**
 * The values, each group's long label once ("Số trẻ em 5 tuổi đến lớp…"), then its fields on one
 * line ("Nam: 1.250 · Nữ: 1.300 · Tổng: 2.550 · Tỷ lệ: 98%"); one field: its value alone.
 */
function Values({ criteria, result, lang, className }: { criteria: CriteriaSet; result: IndicatorResult; lang: Lang; className: string }) {
  const groups = valueGroups(criteria, result, lang);
  const items = (g: (typeof groups)[number]) => g.items.map((i) => (i.label ? `${i.label}: ${i.value}` : i.value)).join(' · ');
  if (groups.length === 1 && groups[0]!.group === null) return <>{items(groups[0]!)}</>;
  return (
    <>
      {groups.map((g, n) => (
        <span key={n} style={{ display: 'block' }} data-value-group={g.group ?? ''}>
          {g.group !== null ? <span className={className}>{g.group}</span> : null}
          {items(g)}
        </span>
      ))}
    </>
  );
}

export interface IndicatorCardProps {
  result: IndicatorResult;
  placed: PlacedIndicator;
  criteria: CriteriaSet;
  lang: Lang;
  t: T;
  selected: boolean;
  onSelect: (result: IndicatorResult) => void;
  onFix: (id: string) => void;
  fixing: boolean;
  children?: ReactNode;
}

function IndicatorCardView({ result, placed, criteria, lang, t, selected, onSelect, onFix, fixing, children }: IndicatorCardProps) {
  const styles = useStyles();
  const id = result.id;
  const headId = `ind-${id.replace(/\./g, '-')}`;
  const [expanded, setExpanded] = useState<boolean | null>(null);
  const open = fixing || (expanded ?? result.status !== 'met');
  if (!open)
    return (
      <li className={mergeClasses(styles.card, selected && styles.selected)} style={{ borderLeftColor: STATUS_FILL[result.status] }} data-indicator={id} data-status={result.status} data-collapsed>
        <button
          type="button"
          className={mergeClasses(styles.head, styles.line)}
          onClick={() => {
            setExpanded(true);
            onSelect(result);
          }}
          aria-expanded={false}
          aria-describedby={`${headId}-hint`}
          id={headId}
        >
          <StatusLabel status={result.status} lang={lang} text={resultStatusText(result, lang)} />
          <span className={styles.id}>{id}</span>
          <span className={styles.lineText}>{indicatorText(placed.indicator, lang)}</span>
          <span id={`${headId}-hint`} hidden>
            {t('showDetails', { id })}
          </span>
        </button>
      </li>
    );
  return (
    <li
      className={mergeClasses(styles.card, selected && styles.selected)}
      style={{ borderLeftColor: STATUS_FILL[result.status] }}
      data-indicator={id}
      data-status={result.status}
    >
      <button type="button" className={styles.head} onClick={() => onSelect(result)} aria-describedby={`${headId}-hint`} id={headId}>
        <span className={styles.topline}>
          <StatusLabel status={result.status} lang={lang} text={resultStatusText(result, lang)} />
          <span className={styles.id}>{id}</span>
        </span>
        <span className={styles.text}>{indicatorText(placed.indicator, lang)}</span>
        <span id={`${headId}-hint`} hidden>
          {t('selectCells', { id })}
        </span>
      </button>
      <div className={styles.body}>
        <dl className={styles.facts}>
          <dt className={styles.term}>{t('value')}</dt>
          <dd className={styles.def} data-field="value">
            <Values criteria={criteria} result={result} lang={lang} className={styles.group} />
          </dd>
          <dt className={styles.term}>{t('target')}</dt>
          <dd className={styles.def} data-field="target">
            {targetText(placed.indicator, lang)}
          </dd>
          <dt className={styles.term}>{t('reason')}</dt>
          <dd className={styles.def} data-field="reason">
            {result.reason[lang]}
          </dd>
          <dt className={styles.term}>{t('responsible')}</dt>
          <dd className={styles.def} data-field="responsible">
            {result.responsible}
          </dd>
          <dt className={styles.term}>{t('cells')}</dt>
          <dd className={styles.def} data-field="cells">
            {result.cells.length ? result.cells.join(', ') : t('noCells')}
          </dd>
        </dl>
        <div className={styles.footer}>
          {result.status === 'met' && !fixing ? (
            <Button
              size="small"
              appearance="subtle"
              onClick={() => {
                setExpanded(false);
                // The button goes with the card's body: focus stays on the card's line, not the page.
                setTimeout(() => document.getElementById(headId)?.focus(), 0);
              }}
              aria-label={`${t('hideDetails')} ${id}`}
            >
              {t('hideDetails')}
            </Button>
          ) : null}
          <Button size="small" appearance="subtle" icon={<TableCellEdit20Regular />} onClick={() => onFix(id)} aria-expanded={fixing} aria-label={`${t('fixCells')} ${id}`}>
            {t('fixCells')}
          </Button>
        </div>
        {children}
      </div>
    </li>
  );
}

/** Re-rendered only when its own props change (the list has one per indicator). */
export const IndicatorCard = memo(IndicatorCardView);
