/** @jest-environment jsdom */
/**
 * Issue #12 part 5, "Gán ô đang chọn" made safe: the fix panel comes into view with the focus and
 * closes with Escape; selected cells that already belong to another indicator are not taken
 * silently — the pane names their owner and moves them only when told ("Chuyển ô"), and a cell
 * then has one owner; an assignment can be undone.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { listIndicators } from '../../src/core/criteria';
import { buildAppendix } from '../../src/testing/appendix';
import { coreBackend, loadCriteria, renderPane, sampleValues } from './support';

const criteria = loadCriteria();
const TOTAL = listIndicators(criteria).length;
const LOST = '2.4.1.c';

function setup() {
  const built = buildAppendix(criteria, sampleValues(criteria));
  const sheet = built.sheet;
  for (const r of built.expected[LOST]!.rows) {
    const row = sheet.cells[r - sheet.origin.row]!;
    for (const col of [built.columns.indicator, built.columns.responsible, built.dataColumns[0]]) if (col !== undefined) row[col - sheet.origin.col] = null;
  }
  const backend = coreBackend(criteria, sheet);
  renderPane(backend, criteria);
  return { backend, built };
}

async function openFix() {
  fireEvent.click(screen.getByRole('button', { name: 'Chấm điểm' }));
  await screen.findByText(`${TOTAL - 1} / ${TOTAL} đạt`);
  const card = document.querySelector<HTMLElement>(`li[data-indicator="${LOST}"]`)!;
  fireEvent.click(within(card).getByRole('button', { name: `Sửa ô ${LOST}` }));
  return document.querySelector<HTMLElement>(`[data-mapping-fix="${LOST}"]`)!;
}

test('the fix panel takes the focus and closes with Escape', async () => {
  setup();
  const panel = await openFix();
  expect(document.activeElement).toBe(panel);
  fireEvent.keyDown(panel, { key: 'Escape' });
  expect(document.querySelector(`[data-mapping-fix="${LOST}"]`)).toBeNull();
});

test('cells of another indicator: named, moved only on "Chuyển ô", then owned by this indicator alone', async () => {
  const { backend, built } = setup();
  const taken = built.expected['1.1.1.a']!.valueCells.value!;
  backend.selectionToReport = { sheet: backend.sheet.name, addresses: [taken] };
  const panel = await openFix();
  fireEvent.click(within(panel).getByRole('button', { name: /^Gán ô đang chọn/ }));
  const warning = await within(panel).findByText(`Ô đang chọn (${taken}) đang là ô số liệu của 1.1.1.a. Chuyển ô sang chỉ số này? Mỗi ô chỉ thuộc một chỉ số.`);
  expect(warning).toBeTruthy();
  expect(backend.calls.filter((c) => c.startsWith('saveMapping'))).toEqual([]);

  fireEvent.click(within(panel).getByRole('button', { name: 'Hủy' }));
  expect(panel.querySelector('[data-move-warning]')).toBeNull();
  expect(backend.calls.filter((c) => c.startsWith('saveMapping'))).toEqual([]);

  fireEvent.click(within(panel).getByRole('button', { name: /^Gán ô đang chọn/ }));
  fireEvent.click(await within(panel).findByRole('button', { name: 'Chuyển ô' }));
  await waitFor(() => expect(document.querySelector(`li[data-indicator="${LOST}"] [data-field="cells"]`)!.textContent).toBe(taken));
  expect(document.querySelector(`li[data-indicator="${LOST}"]`)!.getAttribute('data-status')).not.toBe('missing');
  expect(backend.calls.filter((c) => c.startsWith('saveMapping'))).toHaveLength(1);
  const saved = (backend.state!.mappings[backend.sheet.name] as { placements: Record<string, { fields: Record<string, string[]> }> }).placements;
  expect(saved[LOST]!.fields.value).toEqual([taken]);
  expect(saved['1.1.1.a']!.fields.value).toBeUndefined();
  expect(document.querySelector('li[data-indicator="1.1.1.a"]')!.getAttribute('data-status')).toBe('missing');
});

test('an assignment can be undone: the mapping goes back to what it was, and the indicator with it', async () => {
  const { backend, built } = setup();
  const taken = built.expected['1.1.1.a']!.valueCells.value!;
  backend.selectionToReport = { sheet: backend.sheet.name, addresses: [taken] };
  const panel = await openFix();
  fireEvent.click(within(panel).getByRole('button', { name: /^Gán ô đang chọn/ }));
  fireEvent.click(await within(panel).findByRole('button', { name: 'Chuyển ô' }));
  await waitFor(() => expect(document.querySelector('li[data-indicator="1.1.1.a"]')!.getAttribute('data-status')).toBe('missing'));

  fireEvent.click(await screen.findByRole('button', { name: 'Hoàn tác lần gán ô' }));
  await screen.findByText(`Đã hoàn tác: các ô của chỉ số ${LOST} trở lại như trước lần gán.`);
  expect(backend.calls.filter((c) => c.startsWith('saveMapping'))).toHaveLength(2);
  const saved = (backend.state!.mappings[backend.sheet.name] as { placements: Record<string, { fields: Record<string, string[]> }> }).placements;
  expect(saved['1.1.1.a']!.fields.value).toEqual([taken]);
  expect(saved[LOST]?.fields.value ?? []).not.toContain(taken);
  expect(document.querySelector('li[data-indicator="1.1.1.a"]')!.getAttribute('data-status')).not.toBe('missing');
  expect(screen.queryByRole('button', { name: 'Hoàn tác lần gán ô' })).toBeNull();
});
