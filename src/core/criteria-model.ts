/**
 * Walking a criteria set and naming its parts: pure, and free of the schema (criteria-schema.ts,
 * whose types only it uses), so the task pane can show a criteria set without loading the validator.
 */
import type { Area, CriteriaSet, Criterion, Field, Indicator, Standard } from './criteria-schema';
import type { Lang } from '../i18n/format';

/** An indicator with its place in the hierarchy. */
export interface PlacedIndicator {
  indicator: Indicator;
  area: Area;
  standard: Standard;
  criterion: Criterion;
  /** 0-based position of the indicator under its criterion. */
  order: number;
}

/** Every indicator of a set, in the file's order. */
export function listIndicators(set: CriteriaSet): PlacedIndicator[] {
  const out: PlacedIndicator[] = [];
  for (const area of set.areas)
    for (const standard of area.standards)
      for (const criterion of standard.criteria)
        criterion.indicators.forEach((indicator, order) => out.push({ indicator, area, standard, criterion, order }));
  return out;
}

const byId = new WeakMap<CriteriaSet, ReadonlyMap<string, PlacedIndicator>>();

/** An indicator of a set by its id, with its place (the set's index is made once: a criteria set is never changed once loaded). */
export function placedIndicator(set: CriteriaSet, id: string): PlacedIndicator | undefined {
  let index = byId.get(set);
  if (!index) byId.set(set, (index = new Map(listIndicators(set).map((p) => [p.indicator.id, p]))));
  return index.get(id);
}

/** Compares indicator ids numerically part by part ("1.2.10.a" after "1.2.9.a"). */
export function compareIds(a: string, b: string): number {
  const pa = a.split('.');
  const pb = b.split('.');
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? '';
    const y = pb[i] ?? '';
    const nx = Number(x);
    const ny = Number(y);
    const c = Number.isNaN(nx) || Number.isNaN(ny) ? x.localeCompare(y) : nx - ny;
    if (c !== 0) return c;
  }
  return 0;
}

/** A field's label in a language, with its group: "Nam (Học sinh)". */
export function fieldLabel(field: Field, lang: Lang = 'vi'): string {
  const label = lang === 'en' ? field.labelEn ?? field.label : field.label;
  const group = lang === 'en' ? field.groupEn ?? field.group : field.group;
  return group ? `${label} (${group})` : label;
}

/** An indicator's name in a language: its short form if it has one ("Tỷ lệ biết chữ"), else its full text. */
export function indicatorText(indicator: Indicator, lang: Lang): string {
  return lang === 'en' ? indicator.shortEn ?? indicator.textEn : indicator.short ?? indicator.text;
}

/** An indicator's target in words, in a language (the Vietnamese when it has no English). */
export function targetText(indicator: Indicator, lang: Lang): string {
  return lang === 'en' ? indicator.target.textEn ?? indicator.target.text : indicator.target.text;
}
