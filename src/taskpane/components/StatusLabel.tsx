/**
 * A status as icon AND text, so colour is never the only signal. "Chưa đạt" is drawn in
 * colorStatusDangerForeground3: Foreground1 is too faint on the dark theme's cards (4.16:1).
 */
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { CheckmarkCircle20Filled } from '@fluentui/react-icons/lib/atoms/svg/checkmark-circle';
import { DismissCircle20Filled } from '@fluentui/react-icons/lib/atoms/svg/dismiss-circle';
import { Warning20Filled } from '@fluentui/react-icons/lib/atoms/svg/warning';
import { QuestionCircle20Regular } from '@fluentui/react-icons/lib/atoms/svg/question-circle';
import type { FluentIcon } from '@fluentui/react-icons';
import { STATUS_TEXT } from '../../i18n/status';
import { Lang } from '../../i18n/format';
import { Status } from '../model';

export const STATUS_ICON: Record<Status, FluentIcon> = {
  met: CheckmarkCircle20Filled,
  unmet: DismissCircle20Filled,
  invalid: Warning20Filled,
  missing: QuestionCircle20Regular,
};

export const STATUS_COLOR: Record<Status, string> = {
  met: tokens.colorStatusSuccessForeground1,
  unmet: tokens.colorStatusDangerForeground3,
  invalid: tokens.colorStatusWarningForeground1,
  missing: tokens.colorNeutralForeground3,
};

const useStyles = makeStyles({
  root: { display: 'inline-flex', alignItems: 'center', columnGap: tokens.spacingHorizontalXS, fontWeight: tokens.fontWeightSemibold, whiteSpace: 'nowrap' },
  icon: { flexShrink: 0 },
  met: { color: tokens.colorStatusSuccessForeground1 },
  unmet: { color: tokens.colorStatusDangerForeground3 },
  invalid: { color: tokens.colorStatusWarningForeground1 },
  missing: { color: tokens.colorNeutralForeground3 },
});

export function StatusIcon({ status, className }: { status: Status; className?: string }) {
  const styles = useStyles();
  const Icon = STATUS_ICON[status];
  return <Icon aria-hidden="true" className={mergeClasses(styles.icon, styles[status], className)} data-status-icon={status} />;
}

/** `text`: the status in words when it says more than the status ("Không tìm thấy dòng" for a missing row). */
export function StatusLabel({ status, lang, className, text }: { status: Status; lang: Lang; className?: string; text?: string }) {
  const styles = useStyles();
  return (
    <span className={mergeClasses(styles.root, className)} data-status={status}>
      <StatusIcon status={status} />
      <span className={styles[status]}>{text ?? STATUS_TEXT[status][lang]}</span>
    </span>
  );
}
