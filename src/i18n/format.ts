/** Locale formatting without Intl, so output is identical in every host. */
export type Lang = 'vi' | 'en';
export const LANGS: readonly Lang[] = ['vi', 'en'];

/** 93.5 → "93,5" (vi) / "93.5" (en); 1250 → "1.250" / "1,250". At most 4 decimals, trailing zeros dropped. */
export function formatNumber(n: number, lang: Lang): string {
  if (!Number.isFinite(n)) return String(n);
  const rounded = Math.round(n * 10000) / 10000;
  if (Number.isInteger(rounded) && rounded > -1000 && rounded < 1000) return String(rounded);
  const negative = rounded < 0;
  const [int = '0', frac] = Math.abs(rounded).toFixed(4).replace(/\.?0+$/, '').split('.');
  const thousands = lang === 'vi' ? '.' : ',';
  const decimal = lang === 'vi' ? ',' : '.';
  const grouped = int.length > 3 ? int.replace(/\B(?=(\d{3})+(?!\d))/g, thousands) : int;
  return (negative ? '-' : '') + grouped + (frac ? decimal + frac : '');
}

/** A value with its unit: "93,5%", "1.250 trẻ". */
export function formatQuantity(n: number, unit: string, lang: Lang): string {
  const num = formatNumber(n, lang);
  if (!unit) return num;
  return unit === '%' ? `${num}%` : `${num} ${unit}`;
}
