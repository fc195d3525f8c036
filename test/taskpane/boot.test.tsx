/** @jest-environment jsdom */
/**
 * The pane before its scoring engine (a chunk of its own) has arrived: it is shown at once, its
 * actions wait and say so, and they work as soon as the engine is there. An engine that does not
 * load, or bundled criteria that do not validate, are said in the pane and leave the actions off.
 */
import { act, fireEvent, render, screen } from '@testing-library/react';
import { FluentProvider, RendererProvider, createDOMRenderer, webLightTheme } from '@fluentui/react-components';
import { Boot, CriteriaError, Engine } from '../../src/taskpane/Boot';
import { listIndicators } from '../../src/core/criteria';
import { buildAppendixSheet, coreBackend, loadCriteria, mixedValues } from './support';

const criteria = loadCriteria();
const TOTAL = listIndicators(criteria).length;
const renderer = createDOMRenderer(document, { unstable_filterCSSRule: () => false });

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((a, b) => {
    resolve = a;
    reject = b;
  });
  return { promise, resolve, reject };
}

function boot() {
  const chunk = deferred<Engine>();
  const engine = () => chunk.promise;
  render(
    <RendererProvider renderer={renderer} targetDocument={document}>
      <FluentProvider theme={webLightTheme}>
        <Boot engine={engine} />
      </FluentProvider>
    </RendererProvider>,
  );
  return chunk;
}

const scoreButton = () => document.querySelector<HTMLButtonElement>('button[data-action="score"]')!;
const clearButton = () => document.querySelector<HTMLButtonElement>('button[data-action="clear"]')!;

let errors: jest.SpyInstance;
beforeEach(() => {
  errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => errors.mockRestore());

test('the pane shows before the engine arrives, with its actions waiting; then scores', async () => {
  const chunk = boot();
  expect(screen.getByRole('heading', { name: 'Bắt đầu' })).toBeTruthy();
  expect(scoreButton().textContent).toContain('Đang tải…');
  expect(scoreButton().hasAttribute('disabled')).toBe(true);
  expect(clearButton().hasAttribute('disabled')).toBe(true);
  // The tools section is there (just after the first paint), waiting too.
  fireEvent.click(await screen.findByRole('button', { name: 'Mẫu và tổng hợp' }));
  expect(screen.getAllByText('Đang tải…').length).toBeGreaterThanOrEqual(2);

  const backend = coreBackend(criteria, buildAppendixSheet(criteria, mixedValues(criteria)));
  await act(async () => chunk.resolve({ backend, criteria }));
  expect(scoreButton().hasAttribute('disabled')).toBe(false);
  expect(scoreButton().textContent).toContain('Chấm điểm');
  fireEvent.click(scoreButton());
  await screen.findByText(`${TOTAL - 3} / ${TOTAL} đạt`);
  expect(backend.calls).toContain('score:vi');
});

test('an engine that has already arrived as the pane first shows: its first render can score', async () => {
  const backend = coreBackend(criteria, buildAppendixSheet(criteria, mixedValues(criteria)));
  const engine = jest.fn(() => new Promise<Engine>(() => undefined)); // never settles: not needed
  render(
    <RendererProvider renderer={renderer} targetDocument={document}>
      <FluentProvider theme={webLightTheme}>
        <Boot engine={engine} arrived={{ backend, criteria }} />
      </FluentProvider>
    </RendererProvider>,
  );
  expect(scoreButton().hasAttribute('disabled')).toBe(false);
  expect(scoreButton().textContent).toContain('Chấm điểm');
  expect(screen.queryByText('Đang tải…')).toBeNull();
  fireEvent.click(scoreButton());
  await screen.findByText(`${TOTAL - 3} / ${TOTAL} đạt`);
  expect(engine).not.toHaveBeenCalled();
});

test('an engine that does not load is said in the pane; the actions stay off', async () => {
  const chunk = boot();
  await act(async () => chunk.reject(new Error('Loading chunk 42 failed.')));
  expect(screen.getByText(/Không tải được bộ chấm điểm/)).toBeTruthy();
  expect(scoreButton().hasAttribute('disabled')).toBe(true);
  expect(scoreButton().textContent).toContain('Chấm điểm');
  expect(clearButton().hasAttribute('disabled')).toBe(true);
  // Not even once the pane has painted (the section would come then).
  await act(() => new Promise((done) => setTimeout(done, 50)));
  expect(screen.queryByRole('button', { name: 'Mẫu và tổng hợp' })).toBeNull();
  expect(errors).toHaveBeenCalled();
});

test('bundled criteria that do not validate are named as such', async () => {
  const chunk = boot();
  await act(async () => chunk.reject(new CriteriaError(new Error('areas: expected an array'))));
  expect(screen.getByText('Bộ tiêu chí đi kèm không hợp lệ')).toBeTruthy();
  expect(scoreButton().hasAttribute('disabled')).toBe(true);
});
