/**
 * Task pane entry: renders the pane inside Office.onReady, with the Fluent theme that matches
 * Office's (light or dark). The pane talks to the workbook through OfficeHost (Office.js), which
 * comes with the scoring engine: a chunk of its own (engine.ts) whose loading starts here, before
 * Office is ready, so it arrives while the pane paints.
 */
import { createRoot } from 'react-dom/client';
import { FluentProvider } from '@fluentui/react-components';
import { Boot, CriteriaError, Engine } from './Boot';
import { themeFor } from './theme';
import { localPrefs } from './prefs';
import { ui } from '../i18n/ui';

const chunk = import(/* webpackChunkName: "engine" */ './engine');
// Failures are shown by Boot; this only keeps an early failure from being reported as unhandled.
chunk.catch(() => undefined);

async function engine(): Promise<Engine> {
  const e = await chunk;
  let criteria;
  try {
    criteria = e.bundledCriteria();
  } catch (err) {
    throw new CriteriaError(err);
  }
  return { backend: e.officeBackend(Excel.run, criteria), criteria };
}

Office.onReady((info) => {
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
  root.render(
    <FluentProvider theme={theme} style={{ minHeight: '100vh' }}>
      <Boot engine={engine} />
    </FluentProvider>,
  );
});
