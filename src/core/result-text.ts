/** A result in words, for the pane and the summary sheet: its status label, its values on one line. */
import type { CriteriaSet } from './criteria';
import { placedIndicator } from './criteria-model';
import type { IndicatorResult } from './score';
import { STATUS_SYMBOL, Status } from './status';
import { Lang, formatQuantity } from '../i18n/format';
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

/** A run of fields that share a group ("Số trẻ em 5 tuổi đến lớp…"): the group named once, then each field's label and value. */
export interface ValueGroup {
  /** The group's words, or null for fields with none. */
  group: string | null;
  items: Array<{ key: string; label: string; value: string }>;
}

/**
 * The values of a result by group: consecutive fields of the same group form one group, so a long
 * group label ("Số trẻ em 5 tuổi đến lớp, hoàn thành chương trình giáo dục mầm non") is shown once,
 * not beside each of Nam, Nữ, Tổng, Tỷ lệ. A one-field indicator: one group of one item, label ''.
 */
export function valueGroups(criteria: CriteriaSet, result: IndicatorResult, lang: Lang): ValueGroup[] {
  const indicator = placedIndicator(criteria, result.id)?.indicator;
  if (!indicator) return [];
  const show = (v: number | string | null, unit: string) => (v === null ? '—' : typeof v === 'number' ? formatQuantity(v, unit, lang) : v);
  if (indicator.fields.length === 1) {
    const f = indicator.fields[0]!;
    return [{ group: null, items: [{ key: f.key, label: '', value: show(result.values[f.key] ?? null, f.unit) }] }];
  }
  const groups: ValueGroup[] = [];
  for (const f of indicator.fields) {
    const group = (lang === 'en' ? f.groupEn ?? f.group : f.group) ?? null;
    const label = lang === 'en' ? f.labelEn ?? f.label : f.label;
    const last = groups[groups.length - 1];
    const item = { key: f.key, label, value: show(result.values[f.key] ?? null, f.unit) };
    if (last && last.group === group) last.items.push(item);
    else groups.push({ group, items: [item] });
  }
  return groups;
}

/**
 * The values of a result in words: "93,5%", "Hộ nghèo: 1,2%; Hộ cận nghèo: 2,5%", and for grouped
 * fields the group once before its values, one line per group:
 * "Số trẻ em 5 tuổi đến lớp…: Nam 1.250; Nữ 1.300; Tổng 2.550; Tỷ lệ 98%".
 */
export function valuesText(criteria: CriteriaSet, result: IndicatorResult, lang: Lang): string {
  return valueGroups(criteria, result, lang)
    .map((g) => {
      if (g.group === null) return g.items.map((i) => (i.label ? `${i.label}: ${i.value}` : i.value)).join('; ');
      return `${g.group}: ${g.items.map((i) => `${i.label} ${i.value}`).join('; ')}`;
    })
    .join('\n');
}
