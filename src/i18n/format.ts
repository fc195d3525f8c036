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

/**
 * The English words of the units an appendix prints (criteria: "Trẻ", "người") and of those
 * departments commonly type (core/vocabulary.ts UNITS), singular and plural, by the Vietnamese
 * unit in lower case. Vietnamese keeps the unit as the appendix prints it; a unit not listed here
 * is shown as printed in both languages.
 */
const UNIT_EN: Readonly<Record<string, readonly [one: string, other: string]>> = {
  'trẻ': ['child', 'children'],
  'trẻ em': ['child', 'children'],
  'người': ['person', 'people'],
  'lượt người': ['attendance', 'attendances'],
  'lượt': ['time', 'times'],
  'lần': ['time', 'times'],
  'giờ': ['hour', 'hours'],
  'ngày': ['day', 'days'],
  'năm': ['year', 'years'],
  'hộ': ['household', 'households'],
  'học sinh': ['pupil', 'pupils'],
  'học viên': ['learner', 'learners'],
  'điểm': ['point', 'points'],
  'xã': ['commune', 'communes'],
  'phường': ['ward', 'wards'],
  'thôn': ['village', 'villages'],
  'trường': ['school', 'schools'],
  'cơ sở': ['facility', 'facilities'],
  'đơn vị': ['unit', 'units'],
  'doanh nghiệp': ['enterprise', 'enterprises'],
  'gia đình': ['family', 'families'],
  'cá nhân': ['individual', 'individuals'],
  'thư viện': ['library', 'libraries'],
  'câu lạc bộ': ['club', 'clubs'],
  'đồng': ['VND', 'VND'],
  'nghìn đồng': ['thousand VND', 'thousand VND'],
  'triệu đồng': ['million VND', 'million VND'],
  'tỷ đồng': ['billion VND', 'billion VND'],
  'tỉ đồng': ['billion VND', 'billion VND'],
};

/** A unit in the language: as printed in Vietnamese; its English word (plural unless the figure is 1) in English. */
export function unitText(unit: string, lang: Lang, n?: number): string {
  if (lang === 'vi' || !unit) return unit;
  const en = UNIT_EN[unit.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase()];
  if (!en) return unit;
  return n !== undefined && Math.abs(n) === 1 ? en[0] : en[1];
}

/** A value with its unit: "93,5%", "1.250 Trẻ" (vi), "1,250 children" (en). */
export function formatQuantity(n: number, unit: string, lang: Lang): string {
  const num = formatNumber(n, lang);
  if (!unit) return num;
  return unit === '%' ? `${num}%` : `${num} ${unitText(unit, lang, n)}`;
}
