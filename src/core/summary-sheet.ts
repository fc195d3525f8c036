/** The summary sheet as data: totals, roll-ups, every indicator with status text, a legend, a chart. */
import { CriteriaSet } from './criteria';
import { indicatorText, listIndicators, targetText } from './criteria-model';
import { resultLabel, statusLabel, valuesText } from './result-text';
import { isOtherParty } from './result-kind';
import { OTHER_PARTIES_TEXT } from '../i18n/status';
import { ChartSpec, OutCell, SUMMARY_MARKER, SheetContent } from './plan';
import { IndicatorResult } from './score';
import { STATUSES, STATUS_FILL, STATUS_FONT, Status } from './status';
import { Group, Summary, summaryHeadline } from './summary';
import { Lang } from '../i18n/format';
import { SUMMARY_SHEET_TEXT } from '../i18n/summary-sheet';

export interface SummarySheetOptions {
  lang: Lang;
  /** The sheet the results were read from (links point there). */
  sourceSheet: string;
  workbookName?: string;
  /** The name to write the summary under (already made unique by the caller). */
  name: string;
}

function statusCell(status: Status, lang: Lang, text = statusLabel(status, lang)): OutCell {
  return { value: text, fill: STATUS_FILL[status], font: STATUS_FONT[status], bold: true };
}

export function buildSummarySheet(criteria: CriteriaSet, results: readonly IndicatorResult[], summary: Summary, options: SummarySheetOptions): SheetContent {
  const { lang } = options;
  const t = (k: Exclude<keyof typeof SUMMARY_SHEET_TEXT, 'legendItems'>) => SUMMARY_SHEET_TEXT[k][lang];
  const rows: OutCell[][] = [];
  const push = (...cells: OutCell[]) => rows.push(cells);
  const blank = () => rows.push([]);
  const header = (...labels: string[]) => push(...labels.map((l) => ({ value: l, bold: true, fill: '#DDEBF7' })));

  // A1 marks the sheet as the product's; B1 names the sheet it summarises (each source has its own summary).
  push({ value: SUMMARY_MARKER, font: '#808080', size: 8 }, { value: options.sourceSheet, font: '#808080', size: 8 });
  push({ value: t('title'), bold: true, size: 14 });
  push({ value: summaryHeadline(summary, lang), bold: true, size: 12 });
  push({ value: `${t('source')}: ${options.workbookName ? options.workbookName + ' › ' : ''}${options.sourceSheet} · ${criteria.title} (${criteria.id} ${criteria.version})`, italic: true, font: '#595959' });
  blank();

  push({ value: t('totals'), bold: true, size: 12 });
  header(t('status'), t('count'));
  for (const s of STATUSES) push(statusCell(s, lang), { value: summary.totals[s] });
  push({ value: t('total'), bold: true }, { value: summary.totals.total, bold: true });
  if (summary.scope?.others) push({ value: OTHER_PARTIES_TEXT[lang](summary.scope.others), italic: true, font: '#595959' });
  blank();

  const groupTable = (title: string, groups: Group[], withCode: boolean) => {
    push({ value: title, bold: true, size: 12 });
    const top = rows.length;
    header(withCode ? t('code') : t('no'), withCode ? t('name') : t('party'), ...STATUSES.map((s) => statusLabel(s, lang)), t('total'));
    groups.forEach((g, i) => {
      const name = lang === 'en' ? g.titleEn : g.title;
      push({ value: withCode ? g.key : i + 1 }, { value: name, wrap: true }, ...STATUSES.map((s) => ({ value: g.counts[s] })), {
        value: g.counts.total,
        bold: true,
      });
    });
    blank();
    return { top, bottom: top + groups.length };
  };
  groupTable(t('byArea'), summary.byArea, true);
  const standards = groupTable(t('byStandard'), summary.byStandard, true);
  groupTable(t('byParty'), summary.byResponsible, false);

  push({ value: t('list'), bold: true, size: 12 });
  header(t('code'), t('indicator'), t('party'), t('status'), t('value'), t('target'), t('reason'), t('cells'));
  const byId = new Map(results.map((r) => [r.id, r]));
  for (const { indicator } of listIndicators(criteria)) {
    const r = byId.get(indicator.id);
    // Other parties' indicators are counted once, above, not listed as this party's gaps.
    if (!r || isOtherParty(r)) continue;
    const firstCell = r.cells[0];
    push(
      { value: indicator.id },
      { value: indicatorText(indicator, lang), wrap: true },
      { value: r.responsible, wrap: true },
      statusCell(r.status, lang, resultLabel(r, lang)),
      { value: valuesText(criteria, r, lang), wrap: true },
      { value: targetText(indicator, lang) },
      { value: r.reason[lang], wrap: true },
      firstCell ? { value: r.cells.join(', '), link: { sheet: options.sourceSheet, address: firstCell }, font: '#0563C1' } : { value: '—' },
    );
  }
  blank();

  push({ value: t('legend'), bold: true, size: 12 });
  for (const s of STATUSES) push(statusCell(s, lang), { value: legendText(s, lang) });
  push({ value: t('statusNote'), italic: true });

  const chartRow = rows.length + 1;
  const chart: ChartSpec = {
    title: t('chart'),
    type: 'stackedColumn',
    // code column as categories, the four status columns as series
    range: { top: standards.top, left: 0, bottom: standards.bottom, right: 5 },
    seriesColors: STATUSES.map((s) => STATUS_FILL[s]),
    at: { row: chartRow, col: 1 },
  };
  return { name: options.name, marker: SUMMARY_MARKER, rows, columnWidths: [10, 46, 26, 18, 34, 14, 48, 16], frozenRows: 3, chart };
}

function legendText(s: Status, lang: Lang): string {
  return SUMMARY_SHEET_TEXT.legendItems[s][lang];
}

export { statusLabel, valuesText };
