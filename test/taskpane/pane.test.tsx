/** @jest-environment jsdom */
/**
 * The task pane's states: before scoring, scoring progress, results (headline, counts, what was
 * found), filters by status / party / standard, selecting an indicator's cells, errors.
 */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { coreBackend, loadCriteria, mixedValues, renderPane, buildAppendixSheet } from './support';
import { listIndicators } from '../../src/core/criteria';
import { buildAppendix } from '../../src/testing/appendix';

const criteria = loadCriteria();
const TOTAL = listIndicators(criteria).length;

function setup() {
  const backend = coreBackend(criteria, buildAppendixSheet(criteria, mixedValues(criteria)));
  const view = renderPane(backend, criteria);
  return { backend, view };
}

function items(): HTMLElement[] {
  return Array.from(document.querySelectorAll<HTMLElement>('li[data-indicator]'));
}

async function scoreNow() {
  fireEvent.click(screen.getByRole('button', { name: 'Chấm điểm' }));
  await screen.findByText(`${TOTAL - 3} / ${TOTAL} đạt`);
}

describe('before scoring', () => {
  test('shows the intro, one primary action and no results', () => {
    setup();
    expect(screen.getByRole('heading', { level: 1, name: 'Chấm điểm thành phố học tập' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Bắt đầu' })).toBeTruthy();
    const score = screen.getByRole('button', { name: 'Chấm điểm' });
    expect(score.hasAttribute('disabled')).toBe(false);
    expect(screen.getByRole('button', { name: 'Xóa màu' })).toBeTruthy();
    expect(items()).toHaveLength(0);
    expect(screen.queryByText(/đạt$/)).toBeNull();
    expect(document.documentElement.lang).toBe('vi');
  });
});

describe('scoring progress', () => {
  test('walks read → map → score → write, with the buttons disabled meanwhile', async () => {
    const { backend } = setup();
    const atWrite = backend.gate('write');
    fireEvent.click(screen.getByRole('button', { name: 'Chấm điểm' }));
    await act(() => atWrite.reached);
    const progress = screen.getByRole('region', { name: 'Tiến trình chấm điểm' });
    const steps = Array.from(progress.querySelectorAll('li[data-step]')).map((li) => [li.getAttribute('data-step'), li.getAttribute('data-state')]);
    expect(steps).toEqual([
      ['read', 'done'],
      ['map', 'done'],
      ['score', 'done'],
      ['write', 'active'],
    ]);
    expect(within(progress).getByText('Tô màu và ghi trang tổng hợp')).toBeTruthy();
    expect(within(progress).getByRole('progressbar', { hidden: false })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Đang chấm điểm…' }).hasAttribute('disabled')).toBe(true);
    expect(screen.getByRole('button', { name: 'Xóa màu' }).hasAttribute('disabled')).toBe(true);
    atWrite.release();
    await screen.findByText(`${TOTAL - 3} / ${TOTAL} đạt`);
    expect(screen.queryByRole('region', { name: 'Tiến trình chấm điểm' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Chấm lại' }).hasAttribute('disabled')).toBe(false);
  });

  test('a failing run shows the error and leaves the pane usable', async () => {
    const { backend } = setup();
    backend.failNext('score', 'Trang đang được bảo vệ');
    fireEvent.click(screen.getByRole('button', { name: 'Chấm điểm' }));
    await screen.findByText('Trang đang được bảo vệ');
    expect(screen.getByText('Không thực hiện được')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Chấm điểm' }).hasAttribute('disabled')).toBe(false);
  });
});

describe('results', () => {
  test('headline from the run (never a fixed 57), counts per status, what was found', async () => {
    setup();
    await scoreNow();
    expect(screen.getByText('chỉ số đạt mục tiêu')).toBeTruthy();
    const counts = Object.fromEntries(
      Array.from(document.querySelectorAll('[data-count]')).map((b) => [b.getAttribute('data-count'), b.textContent]),
    );
    expect(counts).toEqual({ met: `Đạt${TOTAL - 3}`, unmet: 'Chưa đạt1', invalid: 'Không hợp lệ1', missing: 'Chưa có số liệu1' });
    const found = document.querySelector('[data-section="found"]') as HTMLElement;
    expect(within(found).getByText('Phụ lục')).toBeTruthy();
    expect(within(found).getByText(`Nhận diện được ${TOTAL} / ${TOTAL} chỉ số`)).toBeTruthy();
    expect(within(found).getByText('Tổng hợp GNLC')).toBeTruthy();
    expect(items()).toHaveLength(TOTAL);
    expect(screen.getByText(`Hiển thị ${TOTAL} / ${TOTAL} chỉ số`)).toBeTruthy();
    expect(document.querySelector('[data-notice="success"]')!.textContent).toBe(`Đã chấm: ${TOTAL - 3} / ${TOTAL} chỉ số đạt. Xem trang "Tổng hợp GNLC".`);
  });

  test('each indicator shows status as icon and text, value, target, reason, party', async () => {
    setup();
    await scoreNow();
    const card = document.querySelector('li[data-indicator="1.1.1.a"]') as HTMLElement;
    expect(card.getAttribute('data-status')).toBe('unmet');
    expect(card.querySelector('svg[data-status-icon="unmet"]')).toBeTruthy();
    expect(within(card).getByText('Chưa đạt')).toBeTruthy();
    expect(card.querySelector('[data-field="value"]')!.textContent).toBe('93,5%');
    expect(card.querySelector('[data-field="target"]')!.textContent).toBe('≥ 95%');
    expect(card.querySelector('[data-field="reason"]')!.textContent).toBe('93,5% — cần ≥ 95%, thiếu 1,5 điểm');
    expect(card.querySelector('[data-field="responsible"]')!.textContent).toBe('Sở Giáo dục và Đào tạo');
    const invalid = document.querySelector('li[data-indicator="2.1.1.a"]') as HTMLElement;
    expect(within(invalid).getByText('Không hợp lệ')).toBeTruthy();
    expect(invalid.querySelector('[data-field="reason"]')!.textContent).toContain('khác Tổng = 999');
  });

  test('filters by status (several at once), party and standard, and clears them', async () => {
    setup();
    await scoreNow();
    fireEvent.click(document.querySelector('[data-count="unmet"]')!);
    expect(items().map((i) => i.dataset.indicator)).toEqual(['1.1.1.a']);
    expect(document.querySelector('[data-count="unmet"]')!.getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(document.querySelector('[data-count="missing"]')!);
    expect(items().map((i) => i.dataset.indicator)).toEqual(['1.1.1.a', '1.3.2.e']);
    expect(screen.getByText(`Hiển thị 2 / ${TOTAL} chỉ số`)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Bỏ lọc' }));
    expect(items()).toHaveLength(TOTAL);

    fireEvent.change(screen.getByRole('combobox', { name: 'Đơn vị phụ trách' }), { target: { value: 'Sở Y tế' } });
    expect(items().map((i) => i.dataset.indicator)).toEqual(['1.3.2.e', '1.3.2.f']);
    fireEvent.change(screen.getByRole('combobox', { name: 'Đơn vị phụ trách' }), { target: { value: '' } });

    fireEvent.change(screen.getByRole('combobox', { name: 'Tiêu chuẩn' }), { target: { value: '1.1' } });
    expect(items().map((i) => i.dataset.indicator)).toEqual(['1.1.1.a', '1.1.1.b', '1.1.2.a', '1.1.3.a', '1.1.3.b']);
    fireEvent.click(document.querySelector('[data-count="met"]')!);
    expect(items().map((i) => i.dataset.indicator)).toEqual(['1.1.1.b', '1.1.2.a', '1.1.3.a', '1.1.3.b']);
    fireEvent.click(document.querySelector('[data-count="met"]')!);
    fireEvent.click(document.querySelector('[data-count="invalid"]')!);
    expect(items()).toHaveLength(0);
    expect(screen.getByText('Không có chỉ số nào khớp bộ lọc.')).toBeTruthy();
  });

  test('selecting an indicator selects its cells in the sheet', async () => {
    const { backend } = setup();
    await scoreNow();
    const card = document.querySelector('li[data-indicator="2.1.1.a"]') as HTMLElement;
    fireEvent.click(within(card).getAllByRole('button')[0]!);
    await waitFor(() => expect(backend.selected).toHaveLength(1));
    expect(backend.selected[0]).toEqual({ sheet: 'Phụ lục', addresses: ['F33', 'F34', 'F35', 'F36'] });
  });
});

describe('cell text is data', () => {
  test('markup typed in a cell is shown as text, never as HTML', async () => {
    const built = buildAppendix(criteria, mixedValues(criteria));
    const e = built.expected['1.1.1.a']!;
    const hostile = '<img src="x" onerror="window.__owned = 1"><b>Sở GD&ĐT</b>';
    const sheet = built.sheet;
    sheet.cells[e.row - sheet.origin.row]![built.columns.responsible! - sheet.origin.col] = { value: hostile };
    renderPane(coreBackend(criteria, sheet), criteria);
    fireEvent.click(screen.getByRole('button', { name: 'Chấm điểm' }));
    await screen.findByText(/^\d+ \/ \d+ đạt$/);
    const card = document.querySelector('li[data-indicator="1.1.1.a"]') as HTMLElement;
    expect(card.querySelector('[data-field="responsible"]')!.textContent).toBe(hostile);
    expect(document.querySelector('main img, main b')).toBeNull();
    expect((window as unknown as { __owned?: number }).__owned).toBeUndefined();
  });
});
