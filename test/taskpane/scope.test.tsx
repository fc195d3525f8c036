/** @jest-environment jsdom */
/**
 * Issue #12 in the pane: a department's return (the project's own template, as `gnlc template
 * --department "Sở Y tế"` makes it) shows that department's count, the other parties' indicators
 * once, together, never as its missing data; a coordinator can still score it against every
 * indicator; a row the mapper could not place reads "Không tìm thấy dòng", not "Chưa có số liệu".
 */
import { fireEvent, screen, within } from '@testing-library/react';
import { listIndicators } from '../../src/core/criteria';
import { buildTemplate } from '../../src/core/template';
import { buildAppendix } from '../../src/testing/appendix';
import { fillTemplate, metTemplateValues } from '../core/template-helpers';
import { coreBackend, loadCriteria, renderPane, sampleValues } from './support';

const criteria = loadCriteria();
const TOTAL = listIndicators(criteria).length;

function items(): HTMLElement[] {
  return Array.from(document.querySelectorAll<HTMLElement>('li[data-indicator]'));
}
const count = (s: string) => document.querySelector(`[data-count="${s}"]`)?.textContent;

function healthReturn() {
  const values = metTemplateValues(criteria);
  return fillTemplate(buildTemplate(criteria, { department: 'Sở Y tế', city: 'Hải Vân', year: 2025 }), { '1.3.2.e': values['1.3.2.e']!, '1.3.2.f': values['1.3.2.f']! }, 'Sở Y tế');
}

test('a department template: the headline, the counts and the list are the department’s; the others are one line', async () => {
  const backend = coreBackend(criteria, healthReturn());
  renderPane(backend, criteria);
  fireEvent.click(screen.getByRole('button', { name: 'Chấm điểm' }));
  const headline = await screen.findByText('Sở Y tế: 2 / 2 đạt');
  expect(headline.hasAttribute('data-headline')).toBe(true);
  expect(count('met')).toBe('Đạt2');
  expect(count('missing')).toBe('Chưa có số liệu0');
  expect(document.querySelector('[data-others]')?.textContent).toBe('55 chỉ số thuộc đơn vị khác: không tính vào kết quả của báo cáo này.');
  expect(items().map((li) => li.getAttribute('data-indicator'))).toEqual(['1.3.2.e', '1.3.2.f']);
  expect(document.querySelector('[data-found="mapped"]')?.textContent).toBe('Nhận diện được 2 / 2 chỉ số của Sở Y tế');
  expect(document.querySelectorAll('[data-unmapped]')).toHaveLength(0);
  expect(screen.getByText('Đã chấm báo cáo của Sở Y tế: 2 / 2 chỉ số đạt. Xem trang "Tổng hợp GNLC".')).toBeTruthy();
  expect(screen.queryByText(/Chưa có số liệu: /)).toBeNull();
});

test('a coordinator scores the same sheet against every indicator; the rows not in it are "Không tìm thấy dòng"', async () => {
  const backend = coreBackend(criteria, healthReturn());
  renderPane(backend, criteria);
  fireEvent.click(screen.getByRole('button', { name: 'Chấm điểm' }));
  await screen.findByText('Sở Y tế: 2 / 2 đạt');
  fireEvent.click(screen.getByRole('switch', { name: 'Chấm theo cả bộ chỉ số (điều phối viên)' }));
  await screen.findByText(`2 / ${TOTAL} đạt`);
  expect(backend.calls).toContain('score:vi:all');
  expect(items()).toHaveLength(TOTAL);
  expect(document.querySelector('[data-others]')).toBeNull();
  const card = document.querySelector<HTMLElement>('li[data-indicator="1.1.1.a"]')!;
  expect(card.getAttribute('data-status')).toBe('missing');
  expect(within(card).getByText('Không tìm thấy dòng')).toBeTruthy();
});

test('an appendix with a row the mapper could not place: that card says "Không tìm thấy dòng", not "Chưa có số liệu"', async () => {
  const built = buildAppendix(criteria, sampleValues(criteria));
  const sheet = built.sheet;
  const lost = built.expected['2.4.1.c']!;
  for (const r of lost.rows) {
    const row = sheet.cells[r - sheet.origin.row]!;
    for (const col of [built.columns.indicator, built.columns.responsible, built.dataColumns[0]]) if (col !== undefined) row[col - sheet.origin.col] = null;
  }
  const backend = coreBackend(criteria, sheet);
  renderPane(backend, criteria);
  fireEvent.click(screen.getByRole('button', { name: 'Chấm điểm' }));
  await screen.findByText(`${TOTAL - 1} / ${TOTAL} đạt`);
  const card = document.querySelector<HTMLElement>('li[data-indicator="2.4.1.c"]')!;
  expect(within(card).getByText('Không tìm thấy dòng')).toBeTruthy();
  expect(within(card).queryByText('Chưa có số liệu')).toBeNull();
});
