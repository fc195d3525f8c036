/** The summary sheet as data: totals, roll-ups, every indicator with status text, a legend, a chart. */
import { CriteriaSet } from './criteria';
import { listIndicators } from './criteria-model';
import { statusLabel, valuesText } from './result-text';
import { ChartSpec, OutCell, SUMMARY_MARKER, SheetContent } from './plan';
import { IndicatorResult } from './score';
import { STATUSES, STATUS_FILL, STATUS_FONT, Status } from './status';
import { Group, Summary, headline } from './summary';
import { Lang } from '../i18n/format';

const T = {
  title: { vi: 'Kết quả tự đánh giá thành phố học tập', en: 'Learning city self-assessment results' },
  source: { vi: 'Nguồn', en: 'Source' },
  totals: { vi: 'Tổng hợp theo trạng thái', en: 'Totals by status' },
  status: { vi: 'Trạng thái', en: 'Status' },
  count: { vi: 'Số chỉ số', en: 'Indicators' },
  total: { vi: 'Tổng', en: 'Total' },
  byArea: { vi: 'Theo lĩnh vực (tiêu chuẩn lớn)', en: 'By area' },
  byStandard: { vi: 'Theo tiêu chuẩn', en: 'By standard' },
  byParty: { vi: 'Theo đơn vị phụ trách', en: 'By responsible party' },
  list: { vi: 'Danh sách chỉ số', en: 'All indicators' },
  code: { vi: 'Mã', en: 'Code' },
  name: { vi: 'Tên', en: 'Name' },
  party: { vi: 'Đơn vị phụ trách', en: 'Responsible' },
  no: { vi: 'STT', en: 'No.' },
  indicator: { vi: 'Chỉ số', en: 'Indicator' },
  value: { vi: 'Số liệu', en: 'Value' },
  target: { vi: 'Mục tiêu', en: 'Target' },
  reason: { vi: 'Nhận xét', en: 'Reason' },
  cells: { vi: 'Ô', en: 'Cells' },
  legend: { vi: 'Chú giải màu (màu nền của ô số liệu trong bảng phụ lục)', en: 'Colour legend (fill of the value cells in the appendix)' },
  chart: { vi: 'Trạng thái theo tiêu chuẩn', en: 'Status by standard' },
  statusNote: {
    vi: 'Trạng thái luôn được ghi bằng chữ; màu chỉ hỗ trợ.',
    en: 'Every status is written as text; colour only helps.',
  },
} as const;

export interface SummarySheetOptions {
  lang: Lang;
  /** The sheet the results were read from (links point there). */
  sourceSheet: string;
  workbookName?: string;
  /** The name to write the summary under (already made unique by the caller). */
  name: string;
}

function statusCell(status: Status, lang: Lang): OutCell {
  return { value: statusLabel(status, lang), fill: STATUS_FILL[status], font: STATUS_FONT[status], bold: true };
}

export function buildSummarySheet(criteria: CriteriaSet, results: readonly IndicatorResult[], summary: Summary, options: SummarySheetOptions): SheetContent {
  const { lang } = options;
  const t = (k: keyof typeof T) => T[k][lang];
  const rows: OutCell[][] = [];
  const push = (...cells: OutCell[]) => rows.push(cells);
  const blank = () => rows.push([]);
  const header = (...labels: string[]) => push(...labels.map((l) => ({ value: l, bold: true, fill: '#DDEBF7' })));

  push({ value: SUMMARY_MARKER, font: '#808080', size: 8 });
  push({ value: t('title'), bold: true, size: 14 });
  push({ value: headline(summary.totals, lang), bold: true, size: 12 });
  push({ value: `${t('source')}: ${options.workbookName ? options.workbookName + ' › ' : ''}${options.sourceSheet} · ${criteria.title} (${criteria.id} ${criteria.version})`, italic: true, font: '#595959' });
  blank();

  push({ value: t('totals'), bold: true, size: 12 });
  header(t('status'), t('count'));
  for (const s of STATUSES) push(statusCell(s, lang), { value: summary.totals[s] });
  push({ value: t('total'), bold: true }, { value: summary.totals.total, bold: true });
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
    if (!r) continue;
    const firstCell = r.cells[0];
    push(
      { value: indicator.id },
      { value: lang === 'en' ? indicator.shortEn ?? indicator.textEn : indicator.short ?? indicator.text, wrap: true },
      { value: r.responsible, wrap: true },
      statusCell(r.status, lang),
      { value: valuesText(criteria, r, lang), wrap: true },
      { value: lang === 'en' ? indicator.target.textEn ?? indicator.target.text : indicator.target.text },
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
  const vi: Record<Status, string> = {
    met: 'Nền xanh lá (kiểu "Good" của Excel): chỉ số đạt mục tiêu',
    unmet: 'Nền đỏ nhạt (kiểu "Bad"): số liệu hợp lệ nhưng chưa đạt mục tiêu',
    invalid: 'Nền vàng (kiểu "Neutral"): số liệu không đọc được hoặc mâu thuẫn',
    missing: 'Nền xám nhạt: chưa có số liệu',
  };
  const en: Record<Status, string> = {
    met: 'Green fill (Excel\'s "Good"): the target is met',
    unmet: 'Light red fill ("Bad"): valid figures, target not met',
    invalid: 'Yellow fill ("Neutral"): the figure cannot be read or contradicts another',
    missing: 'Light grey fill: no data yet',
  };
  return (lang === 'vi' ? vi : en)[s];
}

export { statusLabel, valuesText };
