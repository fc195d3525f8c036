/**
 * Fixing the mapping of one indicator: for each field, the cells it is read from now and a
 * "Gán ô đang chọn" button that points it at the cells selected in the sheet.
 */
import { useEffect, useRef } from 'react';
import { Button, MessageBar, MessageBarActions, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { CursorClick20Regular } from '@fluentui/react-icons/lib/atoms/svg/cursor-click';
import { Dismiss20Regular } from '@fluentui/react-icons/lib/atoms/svg/dismiss';
import type { Indicator } from '../../core/criteria';
import type { IndicatorPlacement } from '../../core/mapping';
import { Lang } from '../../i18n/format';
import { T } from '../../i18n/ui';
import { fieldCells, fieldName } from '../model';

const useStyles = makeStyles({
  root: {
    marginTop: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
  },
  top: { display: 'flex', justifyContent: 'space-between', alignItems: 'center' },
  title: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  help: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  field: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS },
  label: { fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold },
  cells: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, fontFamily: tokens.fontFamilyMonospace },
  row: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', columnGap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

export interface MappingFixProps {
  indicator: Indicator;
  placement: IndicatorPlacement | undefined;
  lang: Lang;
  t: T;
  busy: boolean;
  onAssign: (fieldKey: string) => void;
  onClose: () => void;
  /** Selected cells that already belong to other fields, waiting for "Chuyển ô" or "Hủy". */
  pending?: { fieldKey: string; cells: string[]; owners: Array<{ id: string; field: string; cell: string }> } | null;
  onConfirmMove?: () => void;
  onCancelMove?: () => void;
}

export function MappingFix({ indicator, placement, lang, t, busy, onAssign, onClose, pending, onConfirmMove, onCancelMove }: MappingFixProps) {
  const styles = useStyles();
  const titleId = `fix-${indicator.id.replace(/\./g, '-')}`;
  const root = useRef<HTMLElement>(null);
  // Opened: brought into view and focused, so the keyboard (and a screen reader) is where the panel is.
  useEffect(() => {
    root.current?.scrollIntoView?.({ block: 'nearest' });
    root.current?.focus();
  }, []);
  return (
    <section
      className={styles.root}
      aria-labelledby={titleId}
      data-mapping-fix={indicator.id}
      ref={root}
      tabIndex={-1}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          if (pending) onCancelMove?.();
          else onClose();
        }
      }}
    >
      <div className={styles.top}>
        <h3 className={styles.title} id={titleId}>
          {t('mappingTitle', { id: indicator.id })}
        </h3>
        <Button size="small" appearance="subtle" icon={<Dismiss20Regular />} aria-label={t('close')} title={t('close')} onClick={onClose} />
      </div>
      <p className={styles.help}>{t('mappingHelp')}</p>
      {pending ? (
        <MessageBar intent="warning" layout="multiline" data-move-warning>
          <MessageBarBody>
            {t('moveWarning', {
              cells: pending.cells.join(', '),
              owners: [...new Set(pending.owners.map((o) => (o.id === indicator.id ? fieldName(indicator, o.field, lang, t('value')) : o.id)))].join(', '),
            })}
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" appearance="primary" disabled={busy} onClick={onConfirmMove}>
              {t('moveConfirm')}
            </Button>
            <Button size="small" onClick={onCancelMove}>
              {t('cancel')}
            </Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}
      <ul className={styles.list}>
        {indicator.fields.map((field) => {
          const cells = fieldCells(placement, field.key);
          const label = fieldName(indicator, field.key, lang, t('value'));
          return (
            <li key={field.key} className={styles.field} data-field-key={field.key}>
              <span className={styles.label}>{label}</span>
              <div className={styles.row}>
                <span className={styles.cells}>
                  {t('currentCells')}: {cells.length ? cells.join(', ') : t('noCells')}
                </span>
                <Button size="small" appearance="secondary" icon={<CursorClick20Regular />} disabled={busy} onClick={() => onAssign(field.key)} aria-label={`${t('assignSelection')}: ${label}`}>
                  {t('assignSelection')}
                </Button>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
