/** @jest-environment jsdom */
/**
 * Accessibility of the pane with axe-core, in each state: before scoring, with results, with the
 * mapping panel open and filters applied, in English. No serious or critical violation is allowed.
 * (Colour contrast and label-in-name need a real layout engine and canvas: the browser tests run
 * axe again, with every rule, in Chromium.)
 */
import axe from 'axe-core';
import { fireEvent, screen, within } from '@testing-library/react';
import { coreBackend, loadCriteria, renderPane, memoryPrefs } from './support';
import { sampleAppendix } from '../../src/preview/sample';

const criteria = loadCriteria();

async function violations(): Promise<axe.Result[]> {
  const result = await axe.run(document.body, {
    resultTypes: ['violations'],
    rules: { 'color-contrast': { enabled: false }, 'label-content-name-mismatch': { enabled: false } },
  });
  return result.violations;
}

function report(v: axe.Result[]): string {
  return v.map((x) => `${x.impact} ${x.id}: ${x.help}\n  ${x.nodes.map((n) => n.target.join(' ')).join('\n  ')}`).join('\n');
}

function serious(v: axe.Result[]): axe.Result[] {
  return v.filter((x) => x.impact === 'serious' || x.impact === 'critical');
}

test('no serious or critical axe violations in any state of the pane', async () => {
  document.documentElement.lang = 'vi';
  document.title = 'Chấm điểm thành phố học tập';
  const sample = sampleAppendix(criteria);
  renderPane(coreBackend(criteria, sample.sheet), criteria, memoryPrefs());

  let v = await violations();
  expect(report(serious(v))).toBe('');

  fireEvent.click(screen.getByRole('button', { name: 'Chấm điểm' }));
  await screen.findByText(/^\d+ \/ \d+ đạt$/);
  v = await violations();
  expect(report(serious(v))).toBe('');

  // Filters, my department, the mapping panel open.
  fireEvent.click(document.querySelector('[data-count="unmet"]')!);
  fireEvent.click(document.querySelector('[data-count="missing"]')!);
  fireEvent.click(screen.getByRole('switch', { name: 'Chỉ đơn vị của tôi' }));
  fireEvent.change(screen.getByRole('combobox', { name: 'Đơn vị của tôi' }), { target: { value: 'Sở Giáo dục và Đào tạo' } });
  const found = document.querySelector('[data-section="found"]') as HTMLElement;
  fireEvent.click(within(found).getByRole('button', { name: `Sửa ô ${sample.lostId}` }));
  await screen.findByRole('region', { name: `Gán ô cho chỉ số ${sample.lostId}` });
  v = await violations();
  expect(report(serious(v))).toBe('');

  fireEvent.click(screen.getByRole('button', { name: 'EN (English)' }));
  v = await violations();
  expect(report(serious(v))).toBe('');
  // Minor and moderate findings are reported too, so they are seen.
  if (v.length) console.info(`axe (minor/moderate):\n${report(v)}`);
}, 60000);
