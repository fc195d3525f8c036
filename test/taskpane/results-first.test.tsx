/** @jest-environment jsdom */
/**
 * Issue #15, results: problems first (invalid, unmet, missing, then met), met cards one line until
 * opened, focus on the headline after "Chấm điểm", headline and counts following the party and
 * standard filters ("Sở Y tế: 2 / 2 đạt").
 */
import { fireEvent, screen, within } from '@testing-library/react';
import { coreBackend, loadCriteria, mixedValues, renderPane, buildAppendixSheet } from './support';
import { listIndicators } from '../../src/core/criteria';

const criteria = loadCriteria();
const placed = listIndicators(criteria);
const TOTAL = placed.length;

function items(): HTMLElement[] {
  return Array.from(document.querySelectorAll<HTMLElement>('li[data-indicator]'));
}

async function scored() {
  renderPane(coreBackend(criteria, buildAppendixSheet(criteria, mixedValues(criteria))), criteria);
  const button = screen.getByRole('button', { name: 'Chấm điểm' });
  button.focus();
  fireEvent.click(button);
  await screen.findByText(`${TOTAL - 3} / ${TOTAL} đạt`);
}

test('after scoring the list starts with the problems: invalid, unmet, missing, then met', async () => {
  await scored();
  const list = items();
  expect(list).toHaveLength(TOTAL);
  expect(list.slice(0, 4).map((li) => [li.dataset.indicator, li.dataset.status])).toEqual([
    ['2.1.1.a', 'invalid'],
    ['1.1.1.a', 'unmet'],
    ['1.3.2.e', 'missing'],
    ['1.1.1.b', 'met'],
  ]);
});

test('met indicators are one line (one button each) until opened; problems are open', async () => {
  await scored();
  const met = items().filter((li) => li.dataset.status === 'met');
  expect(met).toHaveLength(TOTAL - 3);
  for (const li of met) expect(within(li).getAllByRole('button')).toHaveLength(1);
  // A keyboard user meets 2 stops per problem and 1 per met indicator: 60, not 114.
  expect(document.querySelectorAll('li[data-indicator] button').length).toBe(3 * 2 + (TOTAL - 3));
  const problem = items()[0]!;
  expect(within(problem).getByRole('button', { name: 'Sửa ô 2.1.1.a' })).toBeTruthy();

  const line = within(met[0]!).getByRole('button');
  expect(line.getAttribute('aria-expanded')).toBe('false');
  fireEvent.click(line);
  const opened = document.querySelector<HTMLElement>('li[data-indicator="1.1.1.b"]')!;
  expect(within(opened).getByRole('button', { name: 'Sửa ô 1.1.1.b' })).toBeTruthy();
  expect(opened.querySelector('[data-field="value"]')).not.toBeNull();
  fireEvent.click(within(opened).getByRole('button', { name: 'Thu gọn 1.1.1.b' }));
  expect(within(document.querySelector<HTMLElement>('li[data-indicator="1.1.1.b"]')!).getAllByRole('button')).toHaveLength(1);
});

test('after "Chấm điểm" focus is on the headline, not the page body', async () => {
  await scored();
  const heading = screen.getByRole('heading', { name: new RegExp(`${TOTAL - 3} / ${TOTAL} đạt`) });
  expect(document.activeElement).toBe(heading);
  expect(heading.getAttribute('tabindex')).toBe('-1');
});

test('the headline and counts follow the party and standard filters, and name them', async () => {
  await scored();
  const party = placed.find((p) => p.indicator.id === '2.1.1.a')!.indicator.responsible;
  const ofParty = placed.filter((p) => p.indicator.responsible === party);
  const problems = ofParty.filter((p) => ['2.1.1.a', '1.1.1.a', '1.3.2.e'].includes(p.indicator.id)).length;
  fireEvent.change(document.querySelector('select[data-filter="party"]')!, { target: { value: party } });
  expect(document.querySelector('[data-headline]')!.textContent).toBe(`${party}: ${ofParty.length - problems} / ${ofParty.length} đạt`);
  expect(document.querySelector('[data-count="invalid"]')!.textContent).toContain('1');
  expect(document.querySelector('[data-count="met"]')!.textContent).toContain(String(ofParty.length - problems));

  const standard = placed.find((p) => p.indicator.id === '2.1.1.a')!.standard.code;
  fireEvent.change(document.querySelector('select[data-filter="standard"]')!, { target: { value: standard } });
  const both = ofParty.filter((p) => p.standard.code === standard);
  expect(document.querySelector('[data-headline]')!.textContent).toBe(`${party} · ${standard}: ${both.length - 1} / ${both.length} đạt`);

  // The status toggles narrow the list, not the population.
  fireEvent.click(document.querySelector('[data-count="invalid"]')!);
  expect(items()).toHaveLength(1);
  expect(document.querySelector('[data-headline]')!.textContent).toBe(`${party} · ${standard}: ${both.length - 1} / ${both.length} đạt`);
});
