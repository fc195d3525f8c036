/** A result in words, for the pane and the summary sheet: its status label, its values on one line. */
import type { CriteriaSet } from './criteria';
import { fieldLabel, listIndicators } from './criteria-model';
import type { IndicatorResult } from './score';
import { STATUS_SYMBOL, Status } from './status';
import { Lang, formatNumber } from '../i18n/format';
import { MISSING_KIND_TEXT, STATUS_TEXT } from '../i18n/status';
import { isNotFound, isOtherParty } from './result-kind';

export function statusLabel(status: Status, lang: Lang): string {
  return `${STATUS_SYMBOL[status]} ${STATUS_TEXT[status][lang]}`;
}

/** A result's status in words: "Không tìm thấy dòng" when its row was not found, "Thuộc đơn vị khác" outside a return's scope. */
export function resultStatusText(result: Pick<IndicatorResult, 'status' | 'issues'>, lang: Lang): string {
  if (isNotFound(result)) return MISSING_KIND_TEXT.notFound[lang];
  if (isOtherParty(result)) return MISSING_KIND_TEXT.otherParty[lang];
  return STATUS_TEXT[result.status][lang];
}

/** resultStatusText with the status symbol, as the summary sheet and the command line show it. */
export function resultLabel(result: Pick<IndicatorResult, 'status' | 'issues'>, lang: Lang): string {
  return `${STATUS_SYMBOL[result.status]} ${resultStatusText(result, lang)}`;
}

/** The values of a result as one line: "93,5%" or "Nam: 1.250; Nữ: 1.300; Tổng: 2.550; Tỷ lệ: 98%". */
export function valuesText(criteria: CriteriaSet, result: IndicatorResult, lang: Lang): string {
  const indicator = listIndicators(criteria).find((p) => p.indicator.id === result.id)?.indicator;
  if (!indicator) return '';
  const show = (v: number | string | null, unit: string) =>
    v === null ? '—' : typeof v === 'number' ? formatNumber(v, lang) + (unit === '%' ? '%' : unit ? ` ${unit}` : '') : v;
  if (indicator.fields.length === 1) return show(result.values[indicator.fields[0]!.key] ?? null, indicator.fields[0]!.unit);
  return indicator.fields.map((f) => `${fieldLabel(f, lang)}: ${show(result.values[f.key] ?? null, f.unit)}`).join('; ');
}
