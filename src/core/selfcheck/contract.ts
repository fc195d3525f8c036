/**
 * The self-check's contract: what the product relies on Excel to answer, as one list of checks.
 * The runner (src/hosts/office/selfcheck.ts) asks Excel — the real one from the pane's "Kiểm tra
 * Excel", the fake in jest — and hands back observations; this module judges them. Where Excel is
 * reported to answer in more than one way and the product handles each, the check passes and says
 * which way this Excel answered (`variant`), so maintainers learn what real Excel does.
 */
import type { FillSpec } from '../snapshot';
import type { Lang } from '../../i18n/format';
import { SELF_CHECK_TITLES } from '../../i18n/selfcheck';

export type CheckId =
  | 'fill-none'
  | 'fill-white'
  | 'fill-theme'
  | 'fill-pattern'
  | 'fill-restore'
  | 'null-object'
  | 'null-chain'
  | 'merged-cap'
  | 'events'
  | 'read-syncs'
  | 'import'
  | 'protection'
  | 'page-layout'
  | 'create-workbook';

/** Every check, in the order it runs (titles: src/i18n/selfcheck.ts). */
export const CHECKS: ReadonlyArray<{ id: CheckId; title: { vi: string; en: string } }> = (
  ['fill-none', 'fill-white', 'fill-theme', 'fill-pattern', 'fill-restore', 'null-object', 'null-chain', 'merged-cap', 'events', 'read-syncs', 'import', 'protection', 'page-layout', 'create-workbook'] as CheckId[]
).map((id) => ({ id, title: SELF_CHECK_TITLES[id]! }));

/** What the runner saw for one check: Excel's raw answer (shown to maintainers) and the facts judged. */
export type Observation =
  | { id: 'fill-none' | 'fill-white' | 'fill-theme' | 'fill-pattern'; raw: unknown; read: FillSpec }
  | { id: 'fill-restore'; pairs: Array<{ before: FillSpec; after: FillSpec }> }
  | { id: 'null-object'; isNullObject: boolean }
  | { id: 'null-chain'; answer: 'null' | 'error'; code?: string }
  | { id: 'merged-cap'; areas: number; direct: 'all' | 'error'; code?: string; productRead: number }
  | { id: 'events'; valueEvent: boolean; triggerSource?: string; formatOnChanged: boolean; formatOnFormatChanged: boolean | 'unsupported' }
  | { id: 'read-syncs'; syncs: number; failedSyncs: number }
  | { id: 'import'; answered: string[]; names: string[]; resolved: boolean }
  | { id: 'protection'; protectedRead: boolean; writeRefused: boolean; code?: string }
  | { id: 'page-layout'; refused: string | null; read?: PageLayoutRead }
  | { id: 'create-workbook'; apiSet: boolean; createWorkbook: string };

/** What Excel read back of a page setup (Worksheet.pageLayout). */
export interface PageLayoutRead {
  orientation: string;
  paperSize: string;
  horizontalFitToPages: number | null;
  centerFooter: string;
}

/** A check not run (Excel lacks the API, or the runner failed on it): what Excel said. */
export interface Skipped {
  id: CheckId;
  skipped: true;
  reason: string;
}

export interface CheckResult {
  id: CheckId;
  /** pass: the product works with this answer; fail: it would not; skip: not run. */
  outcome: 'pass' | 'fail' | 'skip';
  /** Which of the reported ways this Excel answered, when there are several. */
  variant?: string;
  /** What Excel answered, as text for the maintainers. */
  answered: string;
}

const same = (a: string | null | undefined, b: string | null | undefined) => (a ?? null)?.toUpperCase() === (b ?? null)?.toUpperCase();
const solid = (p: string | undefined) => p === undefined || p === 'Solid';
const near = (a: number | undefined, b: number) => Math.abs((a ?? 0) - b) < 0.005;
const show = (v: unknown) => JSON.stringify(v);

/** The fills the runner sets, and what the product must take each for. */
export const FILL_CASES = {
  'fill-none': null,
  'fill-white': { color: '#FFFFFF' },
  'fill-theme': { color: '#FFC000', tintAndShade: 0.4 },
  'fill-pattern': { color: '#DDEBF7', pattern: 'Gray25', patternColor: '#FF0000' },
} as const;

/**
 * The page setup the runner sets on its scratch sheet: what the product sets on every sheet it
 * writes (hosts/office/page-layout.ts), on a 3 × 3 area with its first row repeated.
 */
export const PAGE_LAYOUT_CASE = { orientation: 'Landscape', paperSize: 'A4', horizontalFitToPages: 1, centerFooter: 'Trang &P / &N', rows: 3, columns: 3 } as const;

function judgeFill(o: Extract<Observation, { raw: unknown }>): boolean {
  const r = o.read;
  switch (o.id) {
    case 'fill-none':
      return r.color === null;
    case 'fill-white':
      return same(r.color, '#FFFFFF') && solid(r.pattern);
    case 'fill-theme':
      return same(r.color, '#FFC000') && solid(r.pattern) && near(r.tintAndShade, 0.4);
    case 'fill-pattern':
      return same(r.color, '#DDEBF7') && r.pattern === 'Gray25' && same(r.patternColor, '#FF0000');
  }
}

function fillVariant(raw: unknown): string | undefined {
  const f = (raw as { format?: { fill?: { pattern?: unknown; tintAndShade?: unknown } } } | null)?.format?.fill;
  if (!f) return undefined;
  return `pattern ${f.pattern === null || f.pattern === undefined ? 'null' : String(f.pattern)}, tintAndShade ${f.tintAndShade === null || f.tintAndShade === undefined ? 'null' : String(f.tintAndShade)}`;
}

/** Judges one observation. */
export function judge(o: Observation | Skipped): CheckResult {
  if ('skipped' in o) return { id: o.id, outcome: 'skip', answered: o.reason };
  switch (o.id) {
    case 'fill-none':
    case 'fill-white':
    case 'fill-theme':
    case 'fill-pattern': {
      const variant = fillVariant(o.raw);
      return { id: o.id, outcome: judgeFill(o) ? 'pass' : 'fail', ...(variant ? { variant } : {}), answered: `${show(o.raw)} → ${show(o.read)}` };
    }
    case 'fill-restore': {
      const ok = o.pairs.every(
        ({ before, after }) =>
          same(after.color, before.color) && (after.pattern ?? 'Solid') === (before.pattern ?? 'Solid') && near(after.tintAndShade, before.tintAndShade ?? 0) && same(after.patternColor ?? null, before.patternColor ?? null),
      );
      return { id: o.id, outcome: ok && o.pairs.length > 0 ? 'pass' : 'fail', answered: o.pairs.map((p) => `${show(p.before)} → ${show(p.after)}`).join('; ') };
    }
    case 'null-object':
      return { id: o.id, outcome: o.isNullObject ? 'pass' : 'fail', answered: `isNullObject ${o.isNullObject}` };
    case 'null-chain':
      // Both answers are handled (the read falls back when the batch fails): report which.
      return { id: o.id, outcome: 'pass', variant: o.answer === 'null' ? 'null object' : `error ${o.code ?? ''}`.trim(), answered: o.answer === 'null' ? 'null object' : `error ${o.code ?? '?'}` };
    case 'merged-cap':
      return { id: o.id, outcome: o.productRead === o.areas ? 'pass' : 'fail', variant: o.direct === 'all' ? 'answered all' : `error ${o.code ?? ''}`.trim(), answered: `${o.areas} merged areas; getMergedAreasOrNullObject: ${o.direct === 'all' ? 'all' : `error ${o.code ?? '?'}`}; the product read ${o.productRead}` };
    case 'events': {
      // Live checking needs value changes on onChanged; format changes may arrive on either event (both ignored when the add-in's own).
      const variant = `triggerSource ${o.triggerSource ?? 'absent'}; fill → onChanged ${o.formatOnChanged}, onFormatChanged ${o.formatOnFormatChanged}`;
      return { id: o.id, outcome: o.valueEvent ? 'pass' : 'fail', variant, answered: `value → onChanged ${o.valueEvent}; ${variant}` };
    }
    case 'read-syncs':
      // A normal read is one sync; when Excel refuses null-object chains, one failed batch and two more.
      return { id: o.id, outcome: o.syncs - o.failedSyncs <= 2 && o.failedSyncs <= 1 ? 'pass' : 'fail', variant: o.failedSyncs ? 'without null-object chains' : 'one batch', answered: `${o.syncs} syncs (${o.failedSyncs} failed)` };
    case 'import':
      return { id: o.id, outcome: o.resolved ? 'pass' : 'fail', variant: o.answered.every((a) => o.names.includes(a)) ? 'names' : 'IDs', answered: `${show(o.answered)} → ${show(o.names)}` };
    case 'protection':
      return { id: o.id, outcome: o.protectedRead && o.writeRefused ? 'pass' : 'fail', answered: `protected ${o.protectedRead}; a fill write ${o.writeRefused ? `refused (${o.code ?? '?'})` : 'accepted'}` };
    case 'page-layout': {
      // Refused: the product syncs the page setup apart from the content, so what it wrote stands and
      // the sheet prints with Excel's defaults (safe). Accepted: it must read back as set, or the
      // sheets would not print as the product says.
      if (o.refused !== null) return { id: o.id, outcome: 'pass', variant: `refused ${o.refused}`, answered: `page setup refused (${o.refused})` };
      const r = o.read;
      const want = PAGE_LAYOUT_CASE;
      const ok = !!r && r.orientation === want.orientation && r.paperSize === want.paperSize && r.horizontalFitToPages === want.horizontalFitToPages && r.centerFooter === want.centerFooter;
      return { id: o.id, outcome: ok ? 'pass' : 'fail', variant: 'accepted', answered: `page setup accepted; read back ${show(r ?? null)}` };
    }
    case 'create-workbook': {
      // Only asked, never called: the pane offers "a new workbook" when both answer yes, else only "add as a sheet". Either is safe.
      const offered = o.apiSet && o.createWorkbook === 'function';
      return { id: o.id, outcome: 'pass', variant: offered ? 'supported' : 'not supported', answered: `ExcelApi 1.8 ${o.apiSet ? 'supported' : 'not supported'}; typeof Excel.createWorkbook ${o.createWorkbook}` };
    }
  }
}

/** The results as text for the maintainers (the pane's "copy" button). */
export function resultsAsText(results: readonly CheckResult[], lang: Lang, about: string): string {
  const title = (id: CheckId) => CHECKS.find((c) => c.id === id)?.title[lang] ?? id;
  const mark = { pass: 'OK', fail: 'FAIL', skip: 'SKIP' } as const;
  const lines = [`GNLC self-check — ${about}`];
  for (const r of results) lines.push(`[${mark[r.outcome]}] ${r.id} — ${title(r.id)}${r.variant ? ` (${r.variant})` : ''}: ${r.answered}`);
  return lines.join('\n');
}
