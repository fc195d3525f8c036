/** The summary sheet as data: totals, roll-ups, every indicator with status text, a legend, a chart. */
import { CriteriaSet } from './criteria';
import { indicatorText, listIndicators, targetText } from './criteria-model';
import { resultLabel, statusLabel, valuesText } from './result-text';
import { isOtherParty } from './result-kind';
import { MISSING_KIND_TEXT, OTHER_PARTIES_TEXT } from '../i18n/status';
import { ChartSpec, OutCell, SUMMARY_MARKER, SheetContent } from './plan';
import { IndicatorResult } from './score';
import { STATUSES, STATUS_FILL, STATUS_FONT, Status } from './status';
import { Group, Summary, summaryHeadline } from './summary';
import { Lang } from '../i18n/format';
import { SUMMARY_SHEET_TEXT } from '../i18n/summary-sheet';
import { withProps } from './objects';

export interface SummarySheetOptions {
  lang: Lang;
  /** The sheet the results were read from (links point there). */
  sourceSheet: string;
  workbookName?: string;
  /** The name to write the summary under (already made unique by the caller). */
  name: string;
  /** When the sheet was scored (the core has no clock: the front end passes its time in). */
  scoredAt?: Date;
}

/** Excel's format that shows nothing whatever the value (ECMA-376 Part 1 §18.8.31: empty sections). */
export const HIDDEN_FORMAT = ';;;';
/** Rows the totals block takes, so the chart beside it ends before the next table. */
const TOTALS_ROWS = 16;
/** Excel's column width counts characters of the default font; bold text and the symbols need a few more. */
const fitWidth = (texts: readonly string[], min: number, max: number) => Math.min(max, Math.max(min, ...texts.map((x) => Math.ceil(x.length * 1.15) + 2)));
const pad2 = (n: number) => String(n).padStart(2, '0');

/** "14:05 ngày 05/12/2026" / "14:05 on 05/12/2026": the time the front end passed, as its clock reads it. */
export function scoredAtText(at: Date, lang: Lang): string {
  const time = `${pad2(at.getHours())}:${pad2(at.getMinutes())}`;
  const date = `${pad2(at.getDate())}/${pad2(at.getMonth() + 1)}/${at.getFullYear()}`;
  return SUMMARY_SHEET_TEXT.scoredAt[lang](time, date);
}

function statusCell(status: Status, lang: Lang, text = statusLabel(status, lang)): OutCell {
  return { value: text, fill: STATUS_FILL[status], font: STATUS_FONT[status], bold: true };
}

export function buildSummarySheet(criteria: CriteriaSet, results: readonly IndicatorResult[], summary: Summary, options: SummarySheetOptions): SheetContent {
  const { lang } = options;
  const t = (k: Exclude<keyof typeof SUMMARY_SHEET_TEXT, 'legendItems' | 'scoredAt'>) => SUMMARY_SHEET_TEXT[k][lang];
  const rows: OutCell[][] = [];
  const push = (...cells: OutCell[]) => rows.push(cells);
  const blank = () => rows.push([]);
  const header = (...labels: string[]) => push(...labels.map((l) => ({ value: l, bold: true, fill: '#DDEBF7' })));

  // A1 marks the sheet as the product's; B1 names the sheet it summarises (each source has its own
  // summary). Both are read by the hosts and shown to no one: the format ";;;" displays nothing, on
  // screen or on paper, so there is no grey-on-white text to fail contrast; the heading names the sheet.
  push({ value: SUMMARY_MARKER, numberFormat: HIDDEN_FORMAT }, { value: options.sourceSheet, numberFormat: HIDDEN_FORMAT });
  push({ value: `${t('title')}: ${options.sourceSheet}`, bold: true, size: 14 });
  push({ value: summaryHeadline(summary, lang), bold: true, size: 12 });
  const when = options.scoredAt ? ` · ${scoredAtText(options.scoredAt, lang)}` : '';
  push({ value: `${t('source')}: ${options.workbookName ? options.workbookName + ' › ' : ''}${options.sourceSheet} · ${criteria.title} (${criteria.id} ${criteria.version})${when}`, italic: true, font: '#595959' });
  blank();

  const totalsTop = rows.length;
  push({ value: t('totals'), bold: true, size: 12 });
  header(t('status'), t('count'), t('share'));
  const share = (n: number, of: number): OutCell => (of > 0 ? { value: n / of, numberFormat: '0.0%' } : { value: '—' });
  for (const s of STATUSES) push(statusCell(s, lang), { value: summary.totals[s] }, share(summary.totals[s], summary.totals.total));
  push({ value: t('total'), bold: true }, { value: summary.totals.total, bold: true }, withProps(share(summary.totals.total, summary.totals.total), { bold: true }));
  if (summary.scope?.others) push({ value: OTHER_PARTIES_TEXT[lang](summary.scope.others), italic: true, font: '#595959' });
  // The chart stands beside the totals (columns E to H): room is kept so it ends before the next table.
  while (rows.length < totalsTop + TOTALS_ROWS) blank();
  blank();

  const groupTable = (title: string, groups: Group[], withCode: boolean) => {
    push({ value: title, bold: true, size: 12 });
    const top = rows.length;
    header(withCode ? t('code') : t('no'), withCode ? t('name') : t('party'), ...STATUSES.map((s) => statusLabel(s, lang)), t('total'), t('metShare'));
    groups.forEach((g, i) => {
      const name = lang === 'en' ? g.titleEn : g.title;
      push(
        { value: withCode ? g.key : i + 1 },
        { value: name, wrap: true },
        ...STATUSES.map((s) => ({ value: g.counts[s] })),
        { value: g.counts.total, bold: true },
        share(g.counts.met, g.counts.total),
      );
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

  const chart: ChartSpec = {
    title: t('chart'),
    type: 'stackedColumn',
    // code column as categories, the four status columns as series
    range: { top: standards.top, left: 0, bottom: standards.bottom, right: 5 },
    seriesColors: STATUSES.map((s) => STATUS_FILL[s]),
    at: { row: totalsTop, col: 4 },
    to: { row: totalsTop + TOTALS_ROWS - 1, col: 8 },
  };
  // Column A holds the status names ("⚠ Không hợp lệ"), column D the results' ("… Không tìm thấy dòng"):
  // each is as wide as its longest text, so nothing is cut.
  const statusTexts = STATUSES.map((s) => statusLabel(s, lang));
  const resultTexts = [...statusTexts, `… ${MISSING_KIND_TEXT.notFound[lang]}`];
  // The group tables put a status name over each of columns C to F.
  const status = fitWidth(statusTexts, 14, 24);
  const columnWidths = [fitWidth([...statusTexts, t('total'), t('code')], 10, 24), 46, Math.max(26, status), fitWidth(resultTexts, 18, 30), 30, status, 44, 16];
  const title = { first: 1, last: 1 };
  return { name: options.name, marker: SUMMARY_MARKER, rows, columnWidths, frozenRows: 3, chart, print: { titleRows: title, footer: SUMMARY_SHEET_TEXT.footer[lang] } };
}

function legendText(s: Status, lang: Lang): string {
  return SUMMARY_SHEET_TEXT.legendItems[s][lang];
}

export { statusLabel, valuesText };
