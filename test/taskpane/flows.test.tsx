/** @jest-environment jsdom */
/**
 * The pane's flows: "Chỉ đơn vị của tôi" (remembered), the language switch (remembered), fixing
 * the mapping by pointing at cells, and "Xóa màu".
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { coreBackend, loadCriteria, renderPane, memoryPrefs } from './support';
import { listIndicators } from '../../src/core/criteria';
import { localPrefs } from '../../src/taskpane/prefs';
import { sampleAppendix } from '../../src/preview/sample';

const criteria = loadCriteria();
const TOTAL = listIndicators(criteria).length;

const ids = () => Array.from(document.querySelectorAll<HTMLElement>('li[data-indicator]')).map((li) => li.dataset.indicator);

async function scored(prefs = memoryPrefs(), sheet = sampleAppendix(criteria).sheet) {
  const backend = coreBackend(criteria, sheet);
  const view = renderPane(backend, criteria, prefs);
  fireEvent.click(screen.getByRole('button', { name: /^(Chấm điểm|Score)$/ }));
  // The headline names the department when "Chỉ đơn vị của tôi" is on ("Sở Y tế: 1 / 2 đạt").
  await screen.findByText(/^(.+: )?\d+ \/ \d+ (đạt|met)$/);
  return { backend, view, prefs };
}

describe('only my department', () => {
  test('a department picks its name, sees only its rows and its own count; the choice is remembered', async () => {
    const { prefs, view } = await scored();
    fireEvent.click(screen.getByRole('switch', { name: 'Chỉ đơn vị của tôi' }));
    const pick = screen.getByRole('combobox', { name: 'Đơn vị của tôi' });
    fireEvent.change(pick, { target: { value: 'Sở Y tế' } });
    expect(ids()).toEqual(['1.3.2.e', '1.3.2.f']);
    expect(screen.getByText('Sở Y tế: 1 / 2 đạt')).toBeTruthy();
    // The party filter follows the department and is locked while the switch is on.
    const party = screen.getByRole('combobox', { name: 'Đơn vị phụ trách' }) as HTMLSelectElement;
    expect(party.value).toBe('Sở Y tế');
    expect(party.disabled).toBe(true);
    expect(prefs.saved).toMatchObject({ onlyMine: true, myParty: 'Sở Y tế' });

    // A new pane (next session) starts where the department left off.
    view.unmount();
    await scored(prefs);
    expect((screen.getByRole('switch', { name: 'Chỉ đơn vị của tôi' }) as HTMLInputElement).checked).toBe(true);
    expect(document.querySelector('[data-headline]')!.textContent).toBe('Sở Y tế: 1 / 2 đạt');
    expect(ids()).toEqual(['1.3.2.e', '1.3.2.f']);

    fireEvent.click(screen.getByRole('switch', { name: 'Chỉ đơn vị của tôi' }));
    expect(ids()).toHaveLength(TOTAL);
    expect(prefs.saved.onlyMine).toBe(false);
  });

  test('the default store is localStorage', async () => {
    localStorage.clear();
    localPrefs.save({ lang: 'vi', onlyMine: true, myParty: 'Sở Nội vụ' });
    expect(JSON.parse(localStorage.getItem('gnlc-scorer:prefs:v1')!)).toEqual({ lang: 'vi', onlyMine: true, myParty: 'Sở Nội vụ' });
    expect(localPrefs.load()).toEqual({ lang: 'vi', onlyMine: true, myParty: 'Sở Nội vụ' });
    localStorage.setItem('gnlc-scorer:prefs:v1', '{broken');
    expect(localPrefs.load()).toEqual({ lang: 'vi', onlyMine: false, myParty: '' });
  });
});

describe('language', () => {
  test('Vietnamese by default; English on the switch, including results; remembered', async () => {
    const { prefs, view } = await scored();
    expect(screen.getByRole('button', { name: 'VI (Tiếng Việt)' }).getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'EN (English)' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Learning city scorer' })).toBeTruthy();
    expect(screen.getByText(`${TOTAL - 6} / ${TOTAL} met`)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Score again' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Clear colours' })).toBeTruthy();
    const card = document.querySelector('li[data-indicator="1.1.1.a"]') as HTMLElement;
    expect(within(card).getByText('Not met')).toBeTruthy();
    expect(card.querySelector('[data-field="reason"]')!.textContent).toBe('93.5% — needs ≥ 95%, short by 1.5 points');
    expect(card.querySelector('[data-field="value"]')!.textContent).toBe('93.5%');
    expect(document.documentElement.lang).toBe('en');
    expect(prefs.saved.lang).toBe('en');
    view.unmount();
    renderPane(coreBackend(criteria, sampleAppendix(criteria).sheet), criteria, prefs);
    expect(screen.getByRole('button', { name: 'Score' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'VI (Tiếng Việt)' }));
    expect(screen.getByRole('button', { name: 'Chấm điểm' })).toBeTruthy();
  });

  test('scoring in English asks the pipeline for an English summary sheet', async () => {
    const prefs = memoryPrefs({ lang: 'en' });
    const { backend } = await scored(prefs);
    expect(backend.calls[0]).toBe('score:en');
    expect(document.querySelector('[data-found="summary"]')!.textContent).toBe('GNLC summary');
  });
});

describe('fixing the mapping', () => {
  test('an unplaced indicator is listed; selecting its cell and "Gán ô đang chọn" saves the mapping and rescores', async () => {
    const sample = sampleAppendix(criteria);
    const { backend } = await scored(memoryPrefs(), sample.sheet);
    const found = document.querySelector('[data-section="found"]') as HTMLElement;
    expect(within(found).getByText(`Nhận diện được ${TOTAL - 1} / ${TOTAL} chỉ số`)).toBeTruthy();
    expect(within(found).getByText('1 chỉ số không tìm thấy dòng')).toBeTruthy();
    expect(found.querySelector(`[data-unmapped="${sample.lostId}"]`)).toBeTruthy();
    const lost = document.querySelector(`li[data-indicator="${sample.lostId}"]`) as HTMLElement;
    expect(lost.dataset.status).toBe('missing');
    expect(lost.querySelector('[data-field="reason"]')!.textContent).toBe('Không tìm thấy dòng của chỉ số này trong bảng');

    fireEvent.click(within(found).getByRole('button', { name: `Sửa ô ${sample.lostId}` }));
    const fix = await screen.findByRole('region', { name: `Gán ô cho chỉ số ${sample.lostId}` });
    expect(within(fix).getByText('Ô hiện tại: chưa xác định')).toBeTruthy();

    // Nothing selected yet: told so, nothing saved.
    backend.selectionToReport = { sheet: 'Phụ lục', addresses: [] };
    fireEvent.click(within(fix).getByRole('button', { name: /^Gán ô đang chọn/ }));
    await screen.findByText('Chưa chọn ô nào trong bảng tính.');
    expect(backend.calls).not.toContain('saveMapping:Phụ lục');

    // Cells on another sheet: told so.
    backend.selectionToReport = { sheet: 'Tổng hợp GNLC', addresses: ['B7'] };
    fireEvent.click(within(fix).getByRole('button', { name: /^Gán ô đang chọn/ }));
    await screen.findByText('Hãy chọn ô trên trang "Phụ lục".');

    // The right cell, as Excel reports it (absolute, sheet-qualified).
    backend.selectionToReport = { sheet: 'Phụ lục', addresses: [`'Phụ lục'!$${sample.valueCell.replace(/(\d+)/, '$$$1')}`] };
    fireEvent.click(within(fix).getByRole('button', { name: /^Gán ô đang chọn/ }));
    // The cell lies in 2.4.1.b's rating block (its printed choices run on into the row whose text was deleted): moved on the person's word.
    await within(fix).findByText(/^Ô đang chọn \(F\d+\) đang là ô số liệu của 2\.4\.1\.b\./);
    expect(backend.calls).not.toContain('saveMapping:Phụ lục');
    fireEvent.click(within(fix).getByRole('button', { name: 'Chuyển ô' }));
    await screen.findByText(`Đã gán ${sample.valueCell} cho "Số liệu" và lưu ánh xạ.`);
    expect(backend.calls.filter((c) => c.startsWith('score'))).toHaveLength(2);
    const saved = backend.state!.mappings['Phụ lục'] as { placements: Record<string, { fields: Record<string, string[]>; method: string }> };
    expect(saved.placements[sample.lostId]).toMatchObject({ fields: { value: [sample.valueCell] } });
    await waitFor(() => expect(document.querySelector(`li[data-indicator="${sample.lostId}"]`)!.getAttribute('data-status')).toBe('met'));
    expect(screen.getByText(`Nhận diện được ${TOTAL} / ${TOTAL} chỉ số`)).toBeTruthy();
    expect(screen.getByText(`${TOTAL - 5} / ${TOTAL} đạt`)).toBeTruthy();
  });
});

describe('clearing', () => {
  test('"Xóa màu" restores the original fills exactly and says how many', async () => {
    const sample = sampleAppendix(criteria);
    const { backend } = await scored(memoryPrefs(), sample.sheet);
    const coloured = Object.keys(backend.fills).length;
    expect(coloured).toBeGreaterThan(TOTAL);
    expect(backend.fills[sample.ownFillCell]).toEqual({ color: '#C6EFCE' });
    const recoloured = sample.cells['1.1.1.a']!;
    backend.fills[recoloured] = { color: '#123456' }; // a person recoloured one cell after scoring
    fireEvent.click(screen.getByRole('button', { name: 'Xóa màu' }));
    await screen.findByText(`Đã khôi phục màu nền ban đầu của ${coloured - 1} ô.`);
    expect(screen.getByText('1 ô đã được tô lại bằng tay sau khi chấm nên được giữ nguyên.')).toBeTruthy();
    expect(backend.fills).toEqual({ [recoloured]: { color: '#123456' }, [sample.ownFillCell]: { color: sample.ownFill, pattern: 'Solid' } });
  });

  test('a failing clear shows the error', async () => {
    const { backend } = await scored();
    backend.failNext('clear', 'Sheet is protected');
    fireEvent.click(screen.getByRole('button', { name: 'Xóa màu' }));
    await screen.findByText('Sheet is protected');
  });
});

