/**
 * Task pane entry: renders the pane inside Office.onReady, with the Fluent theme that matches
 * Office's (light or dark). The pane talks to the workbook through OfficeHost (Office.js).
 */
import { createRoot } from 'react-dom/client';
import { FluentProvider } from '@fluentui/react-components';
import { App } from './App';
import { bundledCriteria } from './criteria';
import { officeBackend } from './office-backend';
import { themeFor } from './theme';
import { localPrefs } from './prefs';
import { ui } from '../i18n/ui';

Office.onReady((info) => {
  const container = document.getElementById('container');
  if (!container) return;
  const root = createRoot(container);
  const theme = themeFor(Office.context?.officeTheme);
  if (info.host !== Office.HostType.Excel) {
    root.render(
      <FluentProvider theme={theme}>
        <p style={{ padding: 16 }}>{ui('notExcel', localPrefs.load().lang)}</p>
      </FluentProvider>,
    );
    return;
  }
  let criteria;
  try {
    criteria = bundledCriteria();
  } catch (e) {
    console.error(e);
    root.render(
      <FluentProvider theme={theme}>
        <p style={{ padding: 16 }}>{ui('errorCriteria', localPrefs.load().lang)}</p>
      </FluentProvider>,
    );
    return;
  }
  root.render(
    <FluentProvider theme={theme} style={{ minHeight: '100vh' }}>
      <App backend={officeBackend(Excel.run, criteria)} criteria={criteria} />
    </FluentProvider>,
  );
});
