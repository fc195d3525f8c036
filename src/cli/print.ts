/** The short summary the command line prints. Pure: results in, text out. */
import { CriteriaSet, listIndicators } from '../core/criteria';
import { Consolidation, ReturnSummary } from '../core/consolidate';
import { IndicatorResult, STATUSES } from '../core/score';
import { Summary, headline, summaryHeadline } from '../core/summary';
import { OTHER_PARTIES_TEXT } from '../i18n/status';
import { statusLabel } from '../core/summary-sheet';
import { fieldRows, templateFieldLabel } from '../core/template';
import { Lang, formatNumber } from '../i18n/format';
import { CliMessageKey, cliMessage } from './messages';

/**
 * Workbook text made safe for a terminal: C0 and C1 control characters (ESC starts the escape
 * sequences that move the cursor, retitle the window or rewrite the screen), DEL, and the
 * bidirectional and zero-width format characters are dropped; tabs and line breaks become spaces.
 */
export function terminalSafe(s: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what is matched
  return s.replace(/[\t\n\r]/g, ' ').replace(/[\u0000-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g, '');
}

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

/** Lays rows out in columns: the first `left` columns left-aligned (default one), the others right-aligned. */
function table(rows: string[][], indent = '  ', left = 1): string[] {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, width(c))));
  return rows.map((r) => indent + r.map((c, i) => (i < left ? padEnd(c, widths[i]!) : padStart(c, widths[i]!))).join('  ').trimEnd());
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
  return formatSummaryLines(input).map(terminalSafe).join('\n') + '\n';
}

function formatSummaryLines(input: PrintInput): string[] {
  const { criteria, summary, lang } = input;
  const lines: string[] = [];
  lines.push(cliMessage('source', lang, { workbook: input.workbook, sheet: input.sheet }));
  lines.push(cliMessage('criteria-line', lang, { id: criteria.id, version: criteria.version }));
  lines.push('');
  lines.push(summaryHeadline(summary, lang));
  lines.push('');
  lines.push(...table([...STATUSES.map((s) => [statusLabel(s, lang), String(summary.totals[s])]), [cliMessage('total', lang), String(summary.totals.total)]]));
  // A one-party return: the other parties' indicators, once, together.
  if (summary.scope?.others) lines.push('  ' + OTHER_PARTIES_TEXT[lang](summary.scope.others));
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
  return lines;
}

export interface ConsolidationPrintInput {
  criteria: CriteriaSet;
  consolidation: Consolidation;
  summary: Summary;
  /** The master workbook's file name and sheet. */
  workbook: string;
  sheet: string;
  lang: Lang;
}

/** What `gnlc consolidate` prints: the returns and whose they are, the headline and counts, conflicts, who has not reported, guesses to confirm. */
export function formatConsolidation(input: ConsolidationPrintInput): string {
  return formatConsolidationLines(input).map(terminalSafe).join('\n') + '\n';
}

function formatConsolidationLines(input: ConsolidationPrintInput): string[] {
  const { criteria, consolidation: c, summary, lang } = input;
  const lines: string[] = [];
  lines.push(cliMessage('consolidated-from', lang, { count: c.returns.length, workbook: input.workbook, sheet: input.sheet }));
  lines.push(cliMessage('criteria-line', lang, { id: criteria.id, version: criteria.version }));
  lines.push('');
  lines.push(cliMessage('returns-head', lang));
  const how: Record<ReturnSummary['departmentSource'], CliMessageKey> = { given: 'dept-given', header: 'dept-header', inferred: 'dept-inferred', none: 'dept-none' };
  const returnRows = c.returns.map((r) => [
    cut(r.name, 36),
    cut(r.department || '—', 38),
    `(${cliMessage(how[r.departmentSource], lang)})`,
    cliMessage('return-filled', lang, { count: r.indicators }),
  ]);
  lines.push(...table(returnRows, '  ', 3));
  lines.push('');
  lines.push(headline(summary.totals, lang));
  lines.push('');
  lines.push(...table([...STATUSES.map((s) => [statusLabel(s, lang), String(summary.totals[s])]), [cliMessage('total', lang), String(summary.totals.total)]]));
  lines.push('');
  if (c.conflicts.length) {
    lines.push(cliMessage('conflicts-head', lang, { count: c.conflicts.length }));
    const indicators = new Map(listIndicators(criteria).map((p) => [p.indicator.id, p.indicator]));
    for (const x of c.conflicts) {
      const indicator = indicators.get(x.id);
      const rows = indicator ? fieldRows(indicator) : [];
      const row = rows.find((r) => r.key === x.field);
      // The field is named when the indicator has several; a percent is shown with its sign.
      const label = row && rows.length > 1 ? ` (${templateFieldLabel(row, lang)})` : '';
      const unit = row && !row.pair && (row.field.kind === 'percent' || row.field.kind === 'change') ? '%' : '';
      const shown = (v: number | string) => (typeof v === 'number' ? formatNumber(v, lang) + unit : `"${v}"`);
      const values = x.values.map((v) => `${v.return} › ${v.cell || '?'} = ${shown(v.value)}`).join('; ');
      const outcome = x.resolved === 'responsible' ? cliMessage('conflict-used', lang, { chosen: x.chosen ?? '' }) : cliMessage('conflict-unsettled', lang);
      lines.push(`  ${x.id}${label}: ${values} → ${outcome}`);
    }
  } else lines.push(cliMessage('no-conflicts', lang));
  lines.push('');
  const missing = c.completeness.filter((r) => r.expected > 0 && !r.returned);
  if (missing.length) {
    lines.push(cliMessage('missing-head', lang, { count: missing.length }));
    for (const r of missing) lines.push('  ' + cliMessage('party-count', lang, { party: r.party, count: r.expected }));
  } else lines.push(cliMessage('all-returned', lang));
  const inferred = c.issues.filter((i) => i.code === 'department-inferred');
  if (inferred.length) {
    lines.push('');
    lines.push(cliMessage('inferred-head', lang));
    for (const i of inferred) lines.push('  ' + cliMessage('inferred-line', lang, i.params as Record<string, string | number>));
  }
  const notes = c.issues.filter((i) => i.code === 'department-unknown' || i.code === 'return-empty' || i.code === 'note-cut');
  if (notes.length) {
    lines.push('');
    lines.push(cliMessage('notes-head', lang));
    for (const i of notes) lines.push('  ' + i.message[lang]);
  }
  return lines;
}
