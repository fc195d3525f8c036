/**
 * Helpers for the task pane's component tests: the bundled criteria, a sample appendix, and a
 * PaneBackend that runs the real core pipeline over an in-memory sheet (fills kept in a map),
 * with optional gates to hold a run at a step.
 */
import { configure, render } from '@testing-library/react';
import { FluentProvider, RendererProvider, createDOMRenderer, webLightTheme } from '@fluentui/react-components';
import { CriteriaSet } from '../../src/core/criteria';
import { SavedMapping } from '../../src/core/mapping';
import { WorkbookState } from '../../src/core/plan';
import { runClear, runScoring } from '../../src/core/pipeline';
import { FillSpec, SheetSnapshot } from '../../src/core/snapshot';
import { Lang } from '../../src/i18n/format';
import { App } from '../../src/taskpane/App';
import { ClearOutcome, PaneBackend, ScoreOutcome, PaneSelection, Step } from '../../src/taskpane/backend';
import { PrefStore, memoryPrefs } from '../../src/taskpane/prefs';
import { FixtureValues, buildAppendixSheet, sampleValues, withValue } from '../../src/testing/appendix';
import { loadCriteria } from '../core/helpers';

// jsdom's getComputedStyle walks every CSS rule in the document, and role queries call it for
// every element they consider: with Fluent's thousands of atomic rules a query on a pane of 57
// cards takes seconds. So component tests render with a Griffel renderer that keeps the class
// names but inserts no rules, and role queries skip the visibility check. Styling is checked in
// the real browser (test/browser), where axe also runs with colour contrast.
configure({ defaultHidden: true });
const renderer = createDOMRenderer(document, { unstable_filterCSSRule: () => false });

export { loadCriteria };

/** Sample values with one unmet (1.1.1.a), one missing (1.3.2.e) and one invalid (2.1.1.a) indicator. */
export function mixedValues(criteria: CriteriaSet): FixtureValues {
  let v = sampleValues(criteria);
  v = withValue(v, '1.1.1.a', 'value', '93,5%');
  v = withValue(v, '1.3.2.e', 'value', 'đang cập nhật');
  v = withValue(v, '2.1.1.a', 'total', 999);
  return v;
}

export interface Gate {
  /** Resolves when the run reaches the step. */
  reached: Promise<void>;
  /** Lets the run go on. */
  release: () => void;
}

export interface CoreBackend extends PaneBackend {
  sheet: SheetSnapshot;
  fills: Record<string, FillSpec>;
  state: WorkbookState | null;
  selected: Array<{ sheet: string; addresses: string[] }>;
  /** What `selection()` reports. */
  selectionToReport: PaneSelection;
  calls: string[];
  /** Holds the next run when it reaches the step. */
  gate(step: Step): Gate;
  /** Makes the next call of a method fail with this message. */
  failNext(method: 'score' | 'clear', message: string): void;
}

export function coreBackend(criteria: CriteriaSet, sheet: SheetSnapshot): CoreBackend {
  const gates = new Map<Step, { reached: () => void; wait: Promise<void> }>();
  const failures = new Map<string, string>();
  const b: CoreBackend = {
    sheet,
    fills: Object.fromEntries(sheet.fills ?? []),
    state: null,
    selected: [],
    selectionToReport: { sheet: sheet.name, addresses: [] },
    calls: [],
    gate(step) {
      let reached!: () => void;
      let release!: () => void;
      const reachedP = new Promise<void>((r) => (reached = r));
      const wait = new Promise<void>((r) => (release = r));
      gates.set(step, { reached, wait });
      return { reached: reachedP, release };
    },
    failNext(method, message) {
      failures.set(method, message);
    },
    async score(lang: Lang, onStep: (s: Step) => void, options: { scope?: 'auto' | 'all' } = {}): Promise<ScoreOutcome> {
      b.calls.push(`score:${lang}${options.scope === 'all' ? ':all' : ''}`);
      const at = async (s: Step) => {
        onStep(s);
        const g = gates.get(s);
        if (g) {
          gates.delete(s);
          g.reached();
          await g.wait;
        }
      };
      await at('read');
      const fail = failures.get('score');
      if (fail) {
        failures.delete('score');
        throw new Error(fail);
      }
      const read = { sheet: { ...b.sheet, fills: new Map(Object.entries(b.fills)) }, sheetNames: [b.sheet.name], state: b.state, summarySheets: [] };
      await at('map');
      const { run, plan, warnings } = runScoring(read, criteria, { lang, ...(options.scope ? { scope: options.scope } : {}) });
      await at('score');
      await at('write');
      for (const g of plan.fills) for (const a of g.addresses) b.fills[a] = { color: g.color };
      b.state = plan.state;
      return { run, sheet: b.sheet.name, ...(plan.summary ? { summarySheet: plan.summary.name } : {}), state: plan.state, warnings };
    },
    async clear(): Promise<ClearOutcome> {
      b.calls.push('clear');
      const fail = failures.get('clear');
      if (fail) {
        failures.delete('clear');
        throw new Error(fail);
      }
      const { plan, kept } = runClear({ sheet: { ...b.sheet, fills: new Map(Object.entries(b.fills)) }, sheetNames: [b.sheet.name], state: b.state, summarySheets: [] });
      for (const r of plan.restore) {
        if (r.fill.color === null) delete b.fills[r.address];
        else b.fills[r.address] = r.fill;
      }
      b.state = plan.state;
      return { restored: plan.restore.length, kept, state: plan.state };
    },
    async select(sheetName: string, addresses: string[]) {
      b.calls.push(`select:${addresses.join(',')}`);
      b.selected.push({ sheet: sheetName, addresses });
    },
    async selection() {
      b.calls.push('selection');
      return b.selectionToReport;
    },
    async saveMapping(sheetName: string, saved: SavedMapping, state: WorkbookState) {
      b.calls.push(`saveMapping:${sheetName}`);
      b.state = { ...state, mappings: { ...state.mappings, [sheetName]: saved } };
      return b.state;
    },
  };
  return b;
}

export function renderPane(backend: PaneBackend, criteria: CriteriaSet, prefs: PrefStore = memoryPrefs()) {
  return render(
    <RendererProvider renderer={renderer} targetDocument={document}>
      <FluentProvider theme={webLightTheme}>
        <App backend={backend} criteria={criteria} prefs={prefs} />
      </FluentProvider>
    </RendererProvider>,
  );
}

export { buildAppendixSheet, sampleValues, withValue, memoryPrefs };
