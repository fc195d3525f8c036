/** The short summary the command line prints. Pure: results in, text out. */
import { CriteriaSet } from '../core/criteria';
import { IndicatorResult, STATUSES } from '../core/score';
import { Summary, headline } from '../core/summary';
import { statusLabel } from '../core/summary-sheet';
import { Lang } from '../i18n/format';
import { cliMessage } from './messages';

/** Display width of a string: code points after NFC (Vietnamese letters are precomposed). */
function width(s: string): number {
  return [...s.normalize('NFC')].length;
}
function padEnd(s: string, w: number): string {
  return s + ' '.repeat(Math.max(0, w - width(s)));
}
function padStart(s: string, w: number): string {
  return ' '.repeat(Math.max(0, w - width(s))) + s;
}
function cut(s: string, w: number): string {
  const chars = [...s.normalize('NFC')];
  return chars.length <= w ? s : chars.slice(0, w - 1).join('') + '…';
}

/** Lays rows out in columns: the first column left-aligned, the others right-aligned. */
function table(rows: string[][], indent = '  '): string[] {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, width(c))));
  return rows.map((r) => indent + r.map((c, i) => (i === 0 ? padEnd(c, widths[0]!) : padStart(c, widths[i]!))).join('  ').trimEnd());
}

export interface PrintInput {
  criteria: CriteriaSet;
  results: readonly IndicatorResult[];
  summary: Summary;
  workbook: string;
  sheet: string;
  lang: Lang;
}

export function formatSummary(input: PrintInput): string {
  const { criteria, summary, lang } = input;
  const lines: string[] = [];
  lines.push(cliMessage('source', lang, { workbook: input.workbook, sheet: input.sheet }));
  lines.push(cliMessage('criteria-line', lang, { id: criteria.id, version: criteria.version }));
  lines.push('');
  lines.push(headline(summary.totals, lang));
  lines.push('');
  lines.push(...table([...STATUSES.map((s) => [statusLabel(s, lang), String(summary.totals[s])]), [cliMessage('total', lang), String(summary.totals.total)]]));
  lines.push('');
  lines.push(cliMessage('by-area', lang) + ':');
  const head = ['', ...STATUSES.map((s) => statusLabel(s, lang)), cliMessage('total', lang)];
  const areaRows = summary.byArea.map((g) => [
    cut(`${g.key}. ${lang === 'en' ? g.titleEn : g.title}`, 44),
    ...STATUSES.map((s) => String(g.counts[s])),
    String(g.counts.total),
  ]);
  lines.push(...table([head, ...areaRows]));
  const byId = new Map(input.results.map((r) => [r.id, r]));
  // Rows not found at all (a department's own return holds only its rows) are listed on one line.
  const unmapped = summary.gaps.filter((g) => byId.get(g.id)?.issues[0]?.code === 'unmapped').map((g) => g.id);
  const gaps = summary.gaps.filter((g) => !unmapped.includes(g.id));
  if (gaps.length || unmapped.length) {
    lines.push('');
    lines.push(cliMessage('gaps', lang));
    const idWidth = Math.max(0, ...gaps.map((g) => g.id.length));
    const statusWidth = Math.max(0, ...gaps.map((g) => width(statusLabel(g.status, lang))));
    for (const gap of gaps) {
      const r = byId.get(gap.id);
      const cell = r?.issues.find((i) => i.cell)?.cell ?? r?.cells[0];
      const reason = gap.reason[lang] || '';
      lines.push(`  ${padEnd(gap.id, idWidth)}  ${padEnd(statusLabel(gap.status, lang), statusWidth)}  ${cut(gap.responsible, 34)}: ${reason}${cell ? ` [${cell}]` : ''}`);
    }
    if (unmapped.length) {
      const shown = unmapped.length > 12 ? [...unmapped.slice(0, 12), '…'] : unmapped;
      lines.push('  ' + cliMessage('unmapped-list', lang, { count: unmapped.length, ids: shown.join(', ') }));
    }
  }
  return lines.join('\n') + '\n';
}
