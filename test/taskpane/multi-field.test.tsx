/** @jest-environment jsdom */
/**
 * Issue #15: a multi-field value (Nam, Nữ, Tổng, Tỷ lệ of "Số trẻ em 5 tuổi đến lớp, hoàn thành
 * chương trình giáo dục mầm non") names its long group label once on the card, not four times; the
 * summary sheet's value cell does the same.
 */
import { fireEvent, screen } from '@testing-library/react';
import { coreBackend, loadCriteria, memoryPrefs, mixedValues, renderPane, buildAppendixSheet } from './support';
import { listIndicators } from '../../src/core/criteria';
import { valuesText } from '../../src/core/result-text';
import type { IndicatorResult } from '../../src/core/score';

const criteria = loadCriteria();
const TOTAL = listIndicators(criteria).length;
const fields = (id: string) => listIndicators(criteria).find((p) => p.indicator.id === id)!.indicator.fields;
const count = (text: string, part: string) => text.split(part).length - 1;

async function scored() {
  renderPane(coreBackend(criteria, buildAppendixSheet(criteria, mixedValues(criteria))), criteria);
  fireEvent.click(screen.getByRole('button', { name: 'Chấm điểm' }));
  await screen.findByText(`${TOTAL - 3} / ${TOTAL} đạt`);
}
const valueOf = (id: string) => document.querySelector<HTMLElement>(`li[data-indicator="${id}"] [data-field="value"]`)!;

test('a card names each group of fields once, then the values of its fields', async () => {
  await scored();
  // 2.1.1.a: one group of four fields (an invalid card: open).
  const group = fields('2.1.1.a')[0]!.group!;
  expect(group.length).toBeGreaterThan(40);
  const text = valueOf('2.1.1.a').textContent!;
  expect(count(text, group)).toBe(1);
  for (const label of ['Nam: ', 'Nữ: ', 'Tổng: ', 'Tỷ lệ: ']) expect(count(text, label)).toBe(1);

  // 2.1.2.a: two groups of four (met: opened by a click); each group label once, each in its own line.
  fireEvent.click(document.querySelector<HTMLElement>('li[data-indicator="2.1.2.a"] button')!);
  const groups = [...new Set(fields('2.1.2.a').map((f) => f.group!))];
  expect(groups).toHaveLength(2);
  const lines = [...valueOf('2.1.2.a').querySelectorAll<HTMLElement>('[data-value-group]')].map((l) => l.textContent!);
  expect(lines).toHaveLength(2);
  lines.forEach((line, i) => {
    expect(line.startsWith(groups[i]!)).toBe(true);
    expect(count(line, groups[i]!)).toBe(1);
    expect(count(line, 'Tỷ lệ: ')).toBe(1);
  });
});

test('one field: the value alone, as before', async () => {
  await scored();
  expect(valueOf('1.1.1.a').textContent).toMatch(/^\d+(,\d+)?%$/);
});

test('in English, and in the summary sheet’s value cell, the group is named once too', () => {
  const values: Record<string, number> = { male: 1250, female: 1300, total: 2550, rate: 98 };
  const result = { id: '2.1.1.a', status: 'met', values: Object.fromEntries(fields('2.1.1.a').map((f, i) => [f.key, Object.values(values)[i]!])) } as unknown as IndicatorResult;
  const en = valuesText(criteria, result, 'en');
  const groupEn = fields('2.1.1.a')[0]!.groupEn!;
  expect(count(en, groupEn)).toBe(1);
  expect(en.startsWith(`${groupEn}: Male 1,250`)).toBe(true);
  expect(en).toMatch(/; Female 1,300\b.*; Total 2,550\b.*; Rate 98%$/);
  const vi = valuesText(criteria, result, 'vi');
  expect(count(vi, fields('2.1.1.a')[0]!.group!)).toBe(1);
});

test('the card\'s values carry English units in English ("children"), the appendix\'s in Vietnamese ("Trẻ")', async () => {
  renderPane(coreBackend(criteria, buildAppendixSheet(criteria, mixedValues(criteria))), criteria, memoryPrefs({ lang: 'en' }));
  fireEvent.click(screen.getByRole('button', { name: 'Score' }));
  await screen.findByText(`${TOTAL - 3} / ${TOTAL} met`);
  const en = valueOf('2.1.1.a').textContent!;
  expect(en).toMatch(/Male: [\d,]+ children/);
  expect(en).not.toMatch(/Trẻ|người/);
  // Back to Vietnamese: the units as the appendix prints them.
  fireEvent.click(screen.getByRole('button', { name: 'VI (Tiếng Việt)' }));
  expect(valueOf('2.1.1.a').textContent!).toMatch(/Nam: [\d.]+ Trẻ/);
});
