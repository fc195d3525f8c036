/**
 * Task pane entry: renders the pane inside Office.onReady, with the Fluent theme that matches
 * Office's (light or dark). The pane talks to the workbook through OfficeHost (Office.js), which
 * comes with the scoring engine: a chunk of its own (engine.ts), fetched in parallel with this
 * entry (taskpane.html preloads it) and run as soon as both are there. When it has arrived by the
 * time Office is ready, the pane's first render can already score; otherwise the pane shows with
 * its actions waiting until it arrives (Boot).
 */
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { FluentProvider } from '@fluentui/react-components';
import { Boot, CriteriaError, Engine } from './Boot';
import { themeFor } from './theme';
import { localPrefs } from './prefs';
import { ui } from '../i18n/ui';

type EngineModule = typeof import('./engine');

/** The engine's module once its chunk has run (fetched in parallel with this entry: see webpack.config.js). */
let arrived: EngineModule | null = null;
let loading: Promise<EngineModule> | null = null;

/** Starts running the engine's chunk (once); resolves to its module. */
function loadEngine(): Promise<EngineModule> {
  if (!loading) {
    loading = import(/* webpackChunkName: "engine" */ './engine').then((e) => (arrived = e));
    // Failures are shown by Boot; this only keeps an early failure from being reported as unhandled.
    loading.catch(() => undefined);
  }
  return loading;
}

/** The backend over Office.js (only once Office is ready) and the bundled criteria. */
function start(e: EngineModule): Engine {
  let criteria;
  try {
    criteria = e.bundledCriteria();
  } catch (err) {
    throw new CriteriaError(err);
  }
  return { backend: e.officeBackend(Excel.run, criteria), criteria };
}

async function engine(): Promise<Engine> {
  return start(await loadEngine());
}

/** The engine when it has already arrived as the pane first shows, else undefined (Boot waits for it). */
function startedEngine(): Engine | undefined {
  if (!arrived) return undefined;
  try {
    return start(arrived);
  } catch {
    return undefined; // Boot's engine() meets the same error and says so.
  }
}

function onReady(info: { host: Office.HostType | null }): void {
  const container = document.getElementById('container');
  if (!container) return;
  const root = createRoot(container);
  const theme = themeFor(Office.context?.officeTheme);
  if (new URLSearchParams(window.location.search).has('selfcheck')) {
    // "Kiểm tra Excel": the self-check page, a chunk of its own (it says where to open it when not in Excel).
    void import(/* webpackChunkName: "selfcheck" */ './selfcheck').then(({ SelfCheckEntry }) =>
      root.render(
        <FluentProvider theme={theme} style={{ minHeight: '100vh' }}>
          <SelfCheckEntry inExcel={info.host === Office.HostType.Excel} lang={localPrefs.load().lang} />
        </FluentProvider>,
      ),
    );
    return;
  }
  if (info.host !== Office.HostType.Excel) {
    root.render(
      <FluentProvider theme={theme}>
        <p style={{ padding: 16 }}>{ui('notExcel', localPrefs.load().lang)}</p>
      </FluentProvider>,
    );
    return;
  }
  // Rendered at once, in this task, rather than in a task of React's scheduler after it.
  flushSync(() =>
    root.render(
      <FluentProvider theme={theme} style={{ minHeight: '100vh' }}>
        <Boot engine={engine} arrived={startedEngine()} />
      </FluentProvider>,
    ),
  );
}

// The engine is asked for, then Office's readiness, in a microtask just after this script has run
// rather than from its top level: webpack's chunk loader makes an Error per chunk (to report a
// failed load with its stack), and with DevTools attached (as in the bench's and the tests'
// Chromium) an Error made under this file's top-level code has Chromium work out the source
// positions of the whole file (≈ 15–40 ms of the main thread in the bench's traces, before the pane
// could show; without DevTools it costs next to nothing). Asked for in this order, the engine's
// chunk (engine.js, preloaded with this file) still runs before Office.onReady's callback when it is there.
void Promise.resolve().then(() => {
  void loadEngine();
  Office.onReady(onReady);
});
