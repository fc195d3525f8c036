/** Cell and indicator issues: a stable code, a place, and a message in Vietnamese and English. */
import { Lang } from '../i18n/format';
import { MessageKey, Params, message } from '../i18n/messages';

export interface Issue {
  /** Stable code, also the message key. */
  code: MessageKey;
  /** A1 address of the cell the issue is about, when there is one. */
  cell?: string;
  /** Field key of the indicator, when the issue is about one field. */
  field?: string;
  params: Params;
  message: Record<Lang, string>;
}

export function makeIssue(code: MessageKey, params: Params = {}, place: { cell?: string; field?: string } = {}): Issue {
  const issue: Issue = { code, params, message: { vi: message(code, params, 'vi'), en: message(code, params, 'en') } };
  if (place.cell !== undefined) issue.cell = place.cell;
  if (place.field !== undefined) issue.field = place.field;
  return issue;
}
