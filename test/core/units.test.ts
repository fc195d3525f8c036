/**
 * Issue #15: in English, the values the pane, the summary sheet and the review report show carry
 * English units ("1,250 children", "1 person"), not the appendix's Vietnamese ones ("Trẻ",
 * "người"); Vietnamese keeps the units as the appendix prints them. The English messages about a
 * value give its figures the English way too.
 */
import { renderHtmlReport } from '../../src/core/html-report';
import { valuesText } from '../../src/core/result-text';
import { IndicatorResult, scoreIndicator } from '../../src/core/score';
import { summarise } from '../../src/core/summary';
import { buildTemplate } from '../../src/core/template';
import { formatQuantity, unitText } from '../../src/i18n/format';
import { entryFrom, indicatorById, loadCriteria } from './helpers';

const criteria = loadCriteria();
const preschool = indicatorById(criteria, '2.1.1.a'); // Nam, Nữ, Tổng in "Trẻ", Tỷ lệ in %
const secondary = indicatorById(criteria, '2.1.2.b'); // counts in "người"

const scored = (indicator: typeof preschool, values: Record<string, number | string>) => scoreIndicator(indicator, entryFrom(indicator, values), criteria);

test('the criteria print their counts in Vietnamese units (what this test is about)', () => {
  expect(preschool.fields.map((f) => f.unit)).toEqual(['Trẻ', 'Trẻ', 'Trẻ', '%']);
  expect(new Set(secondary.fields.map((f) => f.unit))).toEqual(new Set(['người', '%']));
});

test('a value with its unit: English words in English (one and many), as printed in Vietnamese', () => {
  expect(formatQuantity(1250, 'Trẻ', 'en')).toBe('1,250 children');
  expect(formatQuantity(1, 'Trẻ', 'en')).toBe('1 child');
  expect(formatQuantity(1250, 'người', 'en')).toBe('1,250 people');
  expect(formatQuantity(1, 'người', 'en')).toBe('1 person');
  expect(formatQuantity(12.5, 'giờ', 'en')).toBe('12.5 hours');
  expect(formatQuantity(3, 'lượt', 'en')).toBe('3 times');
  expect(formatQuantity(93.5, '%', 'en')).toBe('93.5%');
  expect(formatQuantity(1250, 'Trẻ', 'vi')).toBe('1.250 Trẻ');
  expect(formatQuantity(1250, 'người', 'vi')).toBe('1.250 người');
  expect(formatQuantity(93.5, '%', 'vi')).toBe('93,5%');
  // A unit with no English word is shown as printed rather than guessed.
  expect(unitText('mẫu ruộng', 'en', 2)).toBe('mẫu ruộng');
});

test('the pane\'s and the summary sheet\'s value text: English units in English, the appendix\'s in Vietnamese', () => {
  const r = scored(preschool, { male: 1250, female: 1300, total: 2550, rate: 98 });
  const en = valuesText(criteria, r, 'en');
  expect(en).toContain('Male 1,250 children');
  expect(en).toContain('Total 2,550 children');
  expect(en).toMatch(/Rate 98%$/);
  expect(en).not.toMatch(/Trẻ|người/);
  const vi = valuesText(criteria, r, 'vi');
  expect(vi).toContain('Nam 1.250 Trẻ');
  expect(vi).toContain('Tổng 2.550 Trẻ');

  const values = Object.fromEntries(secondary.fields.map((f) => [f.key, f.unit === '%' ? 97 : 1]));
  const people = scored(secondary, values);
  expect(valuesText(criteria, people, 'en')).toContain('1 person');
  expect(valuesText(criteria, people, 'en')).not.toContain('người');
  expect(valuesText(criteria, people, 'vi')).toContain('1 người');
});

test('the review report shows the same units as the pane, in each language', () => {
  const r: IndicatorResult = scored(preschool, { male: 1250, female: 1300, total: 2550, rate: 98 });
  const report = (lang: 'vi' | 'en') => renderHtmlReport({ criteria, results: [r], summary: summarise(criteria, [r]), lang });
  const en = report('en');
  expect(en).toContain('<strong>1,250 children</strong>');
  expect(en).not.toMatch(/\d Trẻ/);
  expect(report('vi')).toContain('<strong>1.250 Trẻ</strong>');
});

test('an English message about a total gives its figures and labels the English way', () => {
  const r = scored(preschool, { male: '1.250', female: '1.300', total: '2.600', rate: 97 });
  expect(r.issues[0]!.code).toBe('sum-mismatch');
  expect(r.reason.vi).toBe('Nam + Nữ = 2.550, khác Tổng = 2.600');
  expect(r.reason.en).toBe('Male + Female = 2,550, which differs from Total = 2,600');
});

test('a department template\'s unit column: English units in an English template, the appendix\'s in a Vietnamese one', () => {
  const cells = (lang: 'vi' | 'en') => buildTemplate(criteria, { lang }).rows.flat().map((c) => c?.value);
  const en = cells('en');
  expect(en).toContain('children');
  expect(en).toContain('people');
  expect(en).not.toContain('Trẻ');
  expect(en).not.toContain('người');
  const vi = cells('vi');
  expect(vi).toContain('Trẻ');
  expect(vi).toContain('người');
  expect(vi).not.toContain('children');
});
