/**
 * The review report as ONE self-contained HTML page: the headline, the counts per status, a
 * stacked bar chart of statuses per standard (inline SVG, with a table of the same figures), the
 * gaps grouped by responsible party with their reasons, and, for a consolidation, who has reported
 * what. No network (no external font, script, image or stylesheet; a CSP forbids them), no
 * JavaScript, a print stylesheet for A4. Every text from a workbook is escaped. Pure.
 */
import { CriteriaSet, Indicator, listIndicators } from './criteria';
import { Consolidation, fieldSource } from './consolidate';
import { indicatorText, targetText } from './criteria-model';
import { templateFieldLabel } from './template';
import { STATUS_FILL, STATUS_FONT, STATUS_SYMBOL } from './plan';
import { IndicatorResult, STATUSES, Status } from './score';
import { Gap, Group, Summary, headline } from './summary';
import { Lang, formatNumber, formatQuantity } from '../i18n/format';
import { STATUS_TEXT, TREND_TEXT } from '../i18n/messages';
import { REPORT_TEXT as T } from '../i18n/html-report';
import { withProps } from './objects';

export interface HtmlReportInput {
  criteria: CriteriaSet;
  results: readonly IndicatorResult[];
  summary: Summary;
  /** When the results come from consolidated returns: completeness, returns, conflicts. */
  consolidation?: Consolidation;
  /** Vietnamese by default. */
  lang?: Lang;
  /** The report's title (default: "Báo cáo kết quả tự đánh giá thành phố học tập"). */
  title?: string;
  /** The workbook and sheet the results were read from, for the source line. */
  workbook?: string;
  sheet?: string;
  /** A date to print, as text (the core has no clock: the caller supplies it). */
  date?: string;
}

/** The page's Content-Security-Policy: nothing may be loaded; inline styles and data: images only. */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

// ---------------------------------------------------------------------------------------------
// Escaping

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

// eslint-disable-next-line no-control-regex -- stripping control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** Escapes text for HTML content and (double- or single-quoted) attribute values. */
export function escapeHtml(text: unknown): string {
  return String(text ?? '')
    // Control characters (but tab and line breaks) have no place in the page.
    .replace(CONTROL, '')
    .replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}
const e = escapeHtml;

function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length > max ? chars.slice(0, max - 1).join('').trimEnd() + '…' : text;
}

// ---------------------------------------------------------------------------------------------
// Pieces

function statusBadge(status: Status, lang: Lang): string {
  return `<span class="status s-${status}"><span class="sym" aria-hidden="true">${STATUS_SYMBOL[status]}</span> ${e(STATUS_TEXT[status][lang])}</span>`;
}

function pct(n: number, total: number, lang: Lang): string {
  return total ? `${formatNumber(Math.round((n / total) * 1000) / 10, lang)}%` : '—';
}

function indicatorName(indicator: Indicator | undefined, lang: Lang): string {
  return indicator ? indicatorText(indicator, lang) : '';
}

function targetName(indicator: Indicator | undefined, lang: Lang): string {
  return indicator ? targetText(indicator, lang) : '';
}

/**
 * An indicator's figures, compact: one value as is ("94,5%"); several as "Nam 1.250 · Nữ 1.300",
 * one line per group, the group's name (shortened, in full on hover) in front.
 */
function valuesHtml(indicator: Indicator | undefined, result: IndicatorResult | undefined, lang: Lang): string {
  if (!indicator || !result) return '—';
  const show = (v: number | string | null | undefined, unit: string) => (v === null || v === undefined ? '—' : typeof v === 'number' ? formatQuantity(v, unit, lang) : `“${v}”`);
  if (indicator.fields.length === 1) {
    const f = indicator.fields[0]!;
    const v = result.values[f.key];
    return e(typeof v === 'string' && f.kind === 'trend' ? (lang === 'en' ? trendEn(v) : v) : show(v, f.unit));
  }
  const lines: Array<{ group: string; parts: string[] }> = [];
  for (const f of indicator.fields) {
    const group = (lang === 'en' ? f.groupEn ?? f.group : f.group) ?? '';
    let line = lines[lines.length - 1];
    if (!line || line.group !== group) lines.push((line = { group, parts: [] }));
    const label = lang === 'en' ? f.labelEn ?? f.label : f.label;
    line.parts.push(`${e(label)} <strong>${e(show(result.values[f.key], f.unit))}</strong>`);
  }
  return lines
    .map((l) => (l.group ? `<span class="grp" title="${e(l.group)}">${e(truncate(l.group, 48))}:</span> ` : '') + l.parts.join(' · '))
    .join('<br>');
}

/** A trend word as typed ("Tăng") in English; any other text as it is. */
function trendEn(v: string): string {
  return Object.values(TREND_TEXT).find((t) => t.vi === v)?.en ?? v;
}

function table(head: string[], rows: string[][], className = 'data', caption?: string): string {
  const cap = caption ? `<caption>${caption}</caption>` : '';
  const th = head.map((h) => `<th scope="col">${h}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${c}</th>` : `<td>${c}</td>`)).join('')}</tr>`).join('\n');
  // In a scrolling box, so a wide table never widens the page on a small screen.
  return `<div class="scroll"><table class="${className}">${cap}<thead><tr>${th}</tr></thead><tbody>\n${body}\n</tbody></table></div>`;
}

/** One bar across the page: the overall split of the indicators by status (HTML, so its text never stretches). */
function overallBar(summary: Summary, lang: Lang): string {
  const total = summary.totals.total || 1;
  const parts: string[] = [];
  for (const s of STATUSES) {
    const n = summary.totals[s];
    if (!n) continue;
    const share = (n / total) * 100;
    const label = `${STATUS_SYMBOL[s]} ${STATUS_TEXT[s][lang]}: ${n}`;
    parts.push(
      `<span class="seg s-${s}${share < 10 ? ' small' : ''}" style="flex-basis:${r2(share)}%;background:${STATUS_FILL[s]};color:${STATUS_FONT[s]}" title="${e(label)}">${share >= 3 ? e(`${STATUS_SYMBOL[s]} ${n}`) : ''}</span>`,
    );
  }
  return `<div class="overall" role="img" aria-label="${e(headline(summary.totals, lang))}">${parts.join('')}</div>`;
}

function r2(n: number): string {
  return String(Math.round(n * 100) / 100);
}

/** The stacked bar chart of statuses per standard, as inline SVG. */
function standardsChart(groups: Group[], lang: Lang): string {
  const labelW = 330;
  const barX = labelW + 10;
  const barW = 470;
  const rowH = 30;
  const barH = 20;
  const top = 8;
  const axis = 26;
  // Room on the right for the longest bar's "7/9 đạt".
  const W = barX + barW + 80;
  const H = top + groups.length * rowH + axis;
  const max = Math.max(1, ...groups.map((g) => g.counts.total));
  const unit = barW / max;
  const out: string[] = [];
  out.push(`<svg id="chart-standards" class="chart" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-labelledby="chart-title chart-desc" focusable="false">`);
  out.push(`<title id="chart-title">${e(T.byStandard[lang])}</title><desc id="chart-desc">${e(T.chartDesc[lang])}</desc>`);
  // Grid lines at every whole indicator, labelled along the bottom.
  const step = max > 20 ? 5 : max > 10 ? 2 : 1;
  for (let v = 0; v <= max; v += step) {
    const x = barX + v * unit;
    out.push(`<line class="grid" x1="${r2(x)}" y1="${top - 4}" x2="${r2(x)}" y2="${top + groups.length * rowH}" />`);
    out.push(`<text class="tick" x="${r2(x)}" y="${top + groups.length * rowH + 16}" text-anchor="middle">${v}</text>`);
  }
  groups.forEach((g, i) => {
    const y = top + i * rowH;
    const name = lang === 'en' ? g.titleEn : g.title;
    out.push(`<g class="bar" data-standard="${e(g.key)}">`);
    out.push(`<text class="label" x="0" y="${y + barH / 2 + 5}"><tspan class="code">${e(g.key)}</tspan> ${e(truncate(name, 44))}<title>${e(`${g.key} ${name}`)}</title></text>`);
    let x = barX;
    for (const s of STATUSES) {
      const n = g.counts[s];
      if (!n) continue;
      const w = n * unit;
      const label = `${g.key} ${name} — ${STATUS_SYMBOL[s]} ${STATUS_TEXT[s][lang]}: ${n}`;
      out.push(
        `<rect class="seg-${s}" x="${r2(x)}" y="${y}" width="${r2(w)}" height="${barH}" fill="${STATUS_FILL[s]}" stroke="${STATUS_FONT[s]}" stroke-width="0.75"><title>${e(label)}</title></rect>`,
      );
      if (w >= 30) out.push(`<text class="seg" x="${r2(x + w / 2)}" y="${y + barH / 2 + 4.5}" text-anchor="middle" fill="${STATUS_FONT[s]}">${e(`${STATUS_SYMBOL[s]} ${n}`)}</text>`);
      else if (w >= 14) out.push(`<text class="seg" x="${r2(x + w / 2)}" y="${y + barH / 2 + 4.5}" text-anchor="middle" fill="${STATUS_FONT[s]}">${n}</text>`);
      x += w;
    }
    out.push(`<text class="total" x="${r2(x + 6)}" y="${y + barH / 2 + 4.5}">${e(`${g.counts.met}/${g.counts.total} ${T.metShort[lang]}`)}</text>`);
    out.push('</g>');
  });
  out.push('</svg>');
  return out.join('\n');
}

function legend(lang: Lang): string {
  const items = STATUSES.map(
    (s) => `<li><span class="swatch" style="background:${STATUS_FILL[s]};border-color:${STATUS_FONT[s]}"></span>${statusBadge(s, lang)}</li>`,
  ).join('');
  return `<ul class="legend" aria-label="${e(T.legend[lang])}">${items}</ul>`;
}

// ---------------------------------------------------------------------------------------------
// Sections

function sourcesOf(consolidation: Consolidation | undefined, result: IndicatorResult | undefined, indicator: Indicator): string {
  if (!result) return '—';
  if (!consolidation) return result.cells.length ? e(result.cells.join(', ')) : '—';
  const entry = consolidation.entries.get(indicator.id);
  const seen: string[] = [];
  const keys: string[] = [];
  for (const f of indicator.fields) keys.push(f.key, `${f.key}@previous`, `${f.key}@current`);
  const filled = (key: string) => {
    const [base, pair] = key.split('@') as [string, string | undefined];
    const fe = pair === 'previous' ? entry?.trendPairs?.[base]?.previous : pair === 'current' ? entry?.trendPairs?.[base]?.current : entry?.fields[base];
    return !!fe && fe.reading.status !== 'missing';
  };
  for (const key of keys) {
    const s = fieldSource(entry, key);
    // Only figures have a source: a blank is not "from" the return that left it blank.
    if (!s || !filled(key)) continue;
    const text = s.cell ? `${s.return} › ${s.cell}` : s.return;
    if (!seen.includes(text)) seen.push(text);
  }
  return seen.length ? seen.map(e).join('<br>') : '—';
}

function gapsSection(input: Required<Pick<HtmlReportInput, 'criteria' | 'summary'>> & HtmlReportInput, lang: Lang, byId: Map<string, IndicatorResult>, indicators: Map<string, Indicator>): string {
  const { summary, consolidation } = input;
  const out: string[] = [`<section id="gaps" aria-labelledby="h-gaps"><h2 id="h-gaps">${e(T.gaps[lang])}</h2>`];
  if (!summary.gaps.length) {
    out.push(`<p class="ok">${statusBadge('met', lang)} ${e(T.noGaps[lang])}</p></section>`);
    return out.join('\n');
  }
  const parties = new Map<string, Gap[]>();
  for (const g of summary.gaps) {
    let list = parties.get(g.responsible);
    if (!list) parties.set(g.responsible, (list = []));
    list.push(g);
  }
  const ordered = [...parties.entries()].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0], 'vi'));
  out.push(`<p>${e(T.gapsIntro[lang](summary.gaps.length, ordered.length))}</p>`);
  for (const [party, gaps] of ordered) {
    const counts = STATUSES.filter((s) => s !== 'met')
      .map((s) => ({ s, n: gaps.filter((g) => g.status === s).length }))
      .filter((x) => x.n)
      .map((x) => `${statusBadge(x.s, lang)} ${x.n}`)
      .join(' ');
    const rows = gaps.map((g) => {
      const r = byId.get(g.id);
      const indicator = indicators.get(g.id);
      return [
        `<span class="id">${e(g.id)}</span>`,
        e(lang === 'en' ? g.textEn : g.text),
        statusBadge(g.status, lang),
        valuesHtml(indicator, r, lang),
        e(targetName(indicator, lang)),
        e(g.reason[lang]),
        indicator ? sourcesOf(consolidation, r, indicator) : '—',
      ];
    });
    out.push(
      `<article class="party" data-party="${e(party)}"><h3>${e(party)} <span class="count">${e(T.gapCount[lang](gaps.length))}</span></h3><p class="party-counts">${counts}</p>` +
        table([T.code[lang], T.indicator[lang], T.status[lang], T.value[lang], T.target[lang], T.reason[lang], consolidation ? T.sourceCol[lang] : T.cells[lang]].map(e), rows, 'data gaps') +
        '</article>',
    );
  }
  out.push('</section>');
  return out.join('\n');
}

function completenessSection(c: Consolidation, lang: Lang, indicators: Map<string, Indicator>): string {
  const out: string[] = [`<section id="completeness" aria-labelledby="h-completeness"><h2 id="h-completeness">${e(T.completeness[lang])}</h2>`];
  out.push(`<p>${e(T.completenessIntro[lang])}</p>`);
  if (c.missingParties.length) out.push(`<p class="warn"><strong>${e(T.missingLabel[lang])}</strong> ${e(c.missingParties.join('; '))}.</p>`);
  const rows = c.completeness.map((r) => [
    e(r.party),
    r.returned ? `<span class="status s-met"><span class="sym" aria-hidden="true">✔</span> ${e(T.sent[lang])}</span>${r.returns.length ? ` <br><span class="muted">${r.returns.map(e).join('<br>')}</span>` : ''}` : `<span class="status s-unmet"><span class="sym" aria-hidden="true">✘</span> ${e(T.notSent[lang])}</span>`,
    String(r.expected),
    `${r.reported} <span class="muted">(${pct(r.reported, r.expected, lang)})</span>`,
    String(r.met),
    r.notReported.length ? r.notReported.map((id) => `<span class="id" title="${e(indicatorName(indicators.get(id), lang))}">${e(id)}</span>`).join(' ') : '—',
  ]);
  out.push(table([T.party[lang], T.returned[lang], T.expected[lang], T.reported[lang], T.met[lang], T.notReported[lang]].map(e), rows, 'data completeness'));

  out.push(`<h3>${e(T.returns[lang])}</h3>`);
  const how = (r: Consolidation['returns'][number]) =>
    r.departmentSource === 'given'
      ? e(T.howGiven[lang])
      : r.departmentSource === 'header'
        ? e(T.howHeader[lang])
        : r.departmentSource === 'inferred'
          ? `<span class="status s-invalid"><span class="sym" aria-hidden="true">⚠</span> ${e(T.howInferred[lang])}</span>`
          : e(T.howNone[lang]);
  out.push(table([T.returnName[lang], T.department[lang], T.how[lang], T.filled[lang]].map(e), c.returns.map((r) => [e(r.name), r.department ? e(r.department) : '—', how(r), `${r.indicators} / ${r.mapped}`]), 'data returns'));

  if (c.conflicts.length) {
    out.push(`<h3>${e(T.conflicts[lang])}</h3>`);
    const rows2 = c.conflicts.map((x) => {
      const indicator = indicators.get(x.id);
      const field = indicator?.fields.find((f) => x.field === f.key || x.field.startsWith(f.key + '@'));
      const pair = x.field.endsWith('@previous') ? 'previous' : x.field.endsWith('@current') ? 'current' : undefined;
      const label = indicator && field ? templateFieldLabel({ indicator, field, key: x.field, ...(pair ? { pair } : {}) }, lang) : x.field;
      const unit = field && !pair && (field.kind === 'percent' || field.kind === 'change') ? '%' : '';
      const shown = (v: number | string) => (typeof v === 'number' ? formatNumber(v, lang) + unit : lang === 'en' ? trendEn(v) : v);
      const values = x.values
        .map((v) => `${e(v.return)} › ${e(v.cell)} = <strong>${e(shown(v.value))}</strong>${v.responsible ? ` <span class="muted">(${e(T.responsibleMark[lang])})</span>` : ''}`)
        .join('<br>');
      const settled = x.resolved === 'responsible' ? `${statusBadge('met', lang)} ${e(T.settledResponsible[lang])}: ${e(x.chosen ?? '')}` : `${statusBadge('invalid', lang)} ${e(T.settledInvalid[lang])}`;
      return [`<span class="id">${e(x.id)}</span>`, e(label), values, settled];
    });
    out.push(table([T.code[lang], T.field[lang], T.values[lang], T.settled[lang]].map(e), rows2, 'data conflicts'));
  }
  const notes = c.issues.filter((i) => i.code === 'department-inferred' || i.code === 'department-unknown' || i.code === 'return-empty' || i.code === 'note-cut');
  if (notes.length) out.push(`<h3>${e(T.notes[lang])}</h3><ul class="notes">${notes.map((i) => `<li>${e(i.message[lang])}</li>`).join('')}</ul>`);
  out.push('</section>');
  return out.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Style

const CSS = `
:root { --ink: #1b1b1b; --muted: #595959; --line: #d0d7e2; --brand: #1F3864; --band: #eef3fa; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; overflow-wrap: break-word; color: var(--ink); background: #f4f6f9; font: 15px/1.5 "Segoe UI", "Noto Sans", Roboto, "Helvetica Neue", Arial, "Liberation Sans", sans-serif; }
.page { max-width: 1120px; margin: 0 auto; background: #fff; padding: 0 36px 32px; box-shadow: 0 0 0 1px #e3e7ee; }
header.top { background: var(--brand); color: #fff; margin: 0 -36px 24px; padding: 26px 36px 22px; }
header.top .eyebrow { margin: 0 0 4px; font-size: 13px; letter-spacing: .04em; text-transform: uppercase; opacity: .85; }
header.top h1 { margin: 0 0 8px; font-size: 26px; line-height: 1.25; font-weight: 650; }
header.top .meta { margin: 0; font-size: 13.5px; opacity: .92; }
header.top .meta span + span::before { content: " · "; }
nav.toc { font-size: 13.5px; margin: 0 0 8px; color: var(--muted); }
nav.toc a { color: var(--brand); margin-right: 14px; text-decoration: none; border-bottom: 1px solid #b4c3dc; }
h2 { font-size: 20px; color: var(--brand); margin: 30px 0 12px; padding-bottom: 6px; border-bottom: 2px solid var(--brand); }
h3 { font-size: 16px; margin: 22px 0 8px; color: #243b63; }
section { margin-bottom: 12px; }
.headline { font-size: 34px; font-weight: 700; margin: 6px 0 12px; color: var(--brand); letter-spacing: -.01em; }
.headline .of { font-size: 16px; font-weight: 500; color: var(--muted); margin-left: 10px; }
div.overall { display: flex; width: 100%; height: 30px; border-radius: 5px; overflow: hidden; margin: 0 0 16px; gap: 2px; }
div.overall .seg { flex-grow: 0; flex-shrink: 1; display: flex; align-items: center; justify-content: center; overflow: hidden; white-space: nowrap; font-weight: 700; font-size: 14px; }
svg text.seg { font-size: 12.5px; font-weight: 700; }
ul.counts { list-style: none; padding: 0; margin: 0 0 8px; display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 12px; }
ul.counts li { min-width: 0; overflow-wrap: anywhere; border: 1px solid var(--line); border-left-width: 6px; border-radius: 6px; padding: 10px 14px; }
ul.counts .num { display: block; font-size: 30px; font-weight: 700; line-height: 1.2; }
ul.counts .pct { color: var(--muted); font-size: 13px; }
ul.counts li.s-met { border-left-color: ${STATUS_FONT.met}; background: #f3fbf5; }
ul.counts li.s-unmet { border-left-color: ${STATUS_FONT.unmet}; background: #fdf4f5; }
ul.counts li.s-invalid { border-left-color: ${STATUS_FONT.invalid}; background: #fffaeb; }
ul.counts li.s-missing { border-left-color: ${STATUS_FONT.missing}; background: #f5f5f5; }
.status { display: inline-block; white-space: nowrap; padding: 1px 8px; border-radius: 10px; font-weight: 600; font-size: 13px; border: 1px solid transparent; }
${STATUSES.map((s) => `.s-${s} .status, .status.s-${s} { background: ${STATUS_FILL[s]}; color: ${STATUS_FONT[s]}; border-color: ${STATUS_FONT[s]}33; }`).join('\n')}
ul.counts li .status { font-size: 14px; white-space: normal; }
figure { margin: 0; }
svg.chart { display: block; width: 100%; height: auto; max-width: 900px; }
svg.chart text { font-size: 12.5px; fill: #262626; }
svg.chart text.label .code { font-weight: 700; fill: var(--brand); }
svg.chart text.tick { font-size: 11px; fill: #7f7f7f; }
svg.chart text.total { font-size: 12px; fill: var(--muted); }
svg.chart line.grid { stroke: #e6e9ef; stroke-width: 1; }
ul.legend { list-style: none; padding: 0; margin: 10px 0 14px; display: flex; flex-wrap: wrap; gap: 8px 18px; font-size: 13px; }
ul.legend li { display: flex; align-items: center; gap: 6px; }
.swatch { display: inline-block; width: 14px; height: 14px; border: 1px solid; border-radius: 2px; }
div.scroll { overflow-x: auto; margin: 6px 0 14px; }
table { border-collapse: collapse; width: 100%; font-size: 13.5px; }
caption { text-align: left; font-weight: 600; color: var(--muted); padding: 4px 0; font-size: 13px; }
th, td { border: 1px solid var(--line); padding: 6px 8px; vertical-align: top; text-align: left; }
thead th { background: var(--band); color: #1f2f4d; font-weight: 650; }
tbody th { font-weight: 500; }
tbody tr:nth-child(even) td, tbody tr:nth-child(even) th { background: #fafbfd; }
table.chart-data td:nth-child(n+3), table.chart-data thead th:nth-child(n+3) { text-align: right; white-space: nowrap; }
table.gaps td:nth-child(2), table.all td:nth-child(2) { min-width: 190px; }
table.gaps td:nth-child(4), table.all td:nth-child(5) { min-width: 150px; }
table.gaps td:nth-child(6) { min-width: 220px; }
table.all td:nth-child(3) { min-width: 150px; }
.grp { color: var(--muted); font-size: 12.5px; }
.id { font-family: "Cascadia Mono", Consolas, "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 12.5px; white-space: nowrap; }
.muted { color: var(--muted); font-size: 12.5px; }
article.party { margin: 0 0 18px; }
article.party h3 { display: flex; align-items: baseline; gap: 10px; border-left: 4px solid var(--brand); padding-left: 10px; }
article.party h3 .count { font-size: 13px; font-weight: 500; color: var(--muted); }
.party-counts { margin: 0 0 4px; font-size: 13px; }
p.warn { background: #fffaeb; border: 1px solid #f0d58c; padding: 8px 12px; border-radius: 6px; }
p.ok { background: #f3fbf5; border: 1px solid #b7e1c1; padding: 8px 12px; border-radius: 6px; }
ul.notes li { margin-bottom: 4px; }
footer { margin-top: 28px; padding-top: 10px; border-top: 1px solid var(--line); color: var(--muted); font-size: 12.5px; }
@media (max-width: 760px) { div.overall .seg.small { font-size: 0; } .page { padding: 0 14px 20px; } header.top { margin: 0 -14px 18px; padding: 18px 14px; } ul.counts { grid-template-columns: repeat(2, minmax(0, 1fr)); } ul.counts li { padding: 8px 10px; } table { font-size: 12.5px; } }
@page { size: A4; margin: 14mm 12mm 16mm; }
@media print {
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  body { background: #fff; font-size: 10.5pt; }
  .page { max-width: none; padding: 0; box-shadow: none; }
  header.top { margin: 0 0 14px; padding: 14px 16px; }
  nav.toc { display: none; }
  section { break-before: page; page-break-before: always; }
  /* The first page: the headline, the counts and the chart together. */
  section#overview, section#standards { break-before: auto; page-break-before: auto; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  tr, .status, ul.counts li, svg { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  table { font-size: 9pt; }
  div.scroll { overflow: visible; }
  th, td { padding: 3px 5px; }
  svg.chart { max-width: 100%; }
}
`;

// ---------------------------------------------------------------------------------------------
// Entry point

/** The whole report as one HTML document (a string). */
export function renderHtmlReport(input: HtmlReportInput): string {
  const lang: Lang = input.lang ?? 'vi';
  const { criteria, summary, consolidation } = input;
  const byId = new Map(input.results.map((r) => [r.id, r]));
  const indicators = new Map(listIndicators(criteria).map((p) => [p.indicator.id, p.indicator]));
  const title = input.title?.trim() ? input.title.trim() : T.title[lang];
  const total = summary.totals.total;

  const meta: string[] = [];
  if (input.workbook || input.sheet) meta.push(`${e(T.source[lang])}: ${e([input.workbook, input.sheet].filter(Boolean).join(' › '))}`);
  if (consolidation) meta.push(e(T.consolidated[lang](consolidation.returns.length)));
  meta.push(`${e(T.criteria[lang])}: ${e(lang === 'en' ? criteria.titleEn : criteria.title)} (${e(criteria.id)} ${e(criteria.version)})`);
  if (input.date) meta.push(`${e(T.date[lang])}: ${e(input.date)}`);

  const counts = STATUSES.map(
    (s) =>
      `<li class="s-${s}">${statusBadge(s, lang)} <span class="num">${summary.totals[s]}</span> <span class="pct">${pct(summary.totals[s], total, lang)} ${e(T.ofTotal[lang])} ${total}</span></li>`,
  ).join('');

  const chartRows = summary.byStandard.map((g) => [
    `<span class="id">${e(g.key)}</span>`,
    e(lang === 'en' ? g.titleEn : g.title),
    ...STATUSES.map((s) => String(g.counts[s])),
    `<strong>${g.counts.total}</strong>`,
  ]);
  const chartHead = [T.code[lang], T.standard[lang], ...STATUSES.map((s) => `${STATUS_SYMBOL[s]} ${STATUS_TEXT[s][lang]}`), T.total[lang]].map(e);

  const allRows = listIndicators(criteria).map(({ indicator }) => {
    const r = byId.get(indicator.id);
    return [
      `<span class="id">${e(indicator.id)}</span>`,
      e(indicatorName(indicator, lang)),
      e(r?.responsible ?? indicator.responsible),
      r ? statusBadge(r.status, lang) : statusBadge('missing', lang),
      valuesHtml(indicator, r, lang),
      e(targetName(indicator, lang)),
    ];
  });

  const toc = [
    ['overview', T.overview[lang]],
    ['standards', T.byStandard[lang]],
    ['gaps', T.gaps[lang]],
    ...(consolidation ? [['completeness', T.completeness[lang]]] : []),
    ['all', T.all[lang]],
  ]
    .map(([id, label]) => `<a href="#${id}">${e(label)}</a>`)
    .join('');

  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="gnlc">
<title>${e(title)} — ${e(headline(summary.totals, lang))}</title>
<style>${CSS}</style>
</head>
<body>
<div class="page">
<header class="top">
<p class="eyebrow">${e(T.eyebrow[lang])}</p>
<h1>${e(title)}</h1>
<p class="meta">${meta.map((m) => `<span>${m}</span>`).join('')}</p>
</header>
<nav class="toc" aria-label="${e(T.contents[lang])}">${toc}</nav>
<main>
<section id="overview" aria-labelledby="h-overview">
<h2 id="h-overview">${e(T.overview[lang])}</h2>
<p class="headline" id="headline">${e(headline(summary.totals, lang))}</p>
${overallBar(summary, lang)}
<ul class="counts" aria-label="${e(T.countsLabel[lang])}">${counts}</ul>
</section>
<section id="standards" aria-labelledby="h-standards">
<h2 id="h-standards">${e(T.byStandard[lang])}</h2>
<figure>
${standardsChart(summary.byStandard, lang)}
<figcaption>${legend(lang)}</figcaption>
</figure>
${table(chartHead, chartRows, 'data chart-data', e(T.chartTable[lang]))}
</section>
${gapsSection(withProps(input, { criteria, summary }), lang, byId, indicators)}
${consolidation ? completenessSection(consolidation, lang, indicators) : ''}
<section id="all" aria-labelledby="h-all">
<h2 id="h-all">${e(T.all[lang])}</h2>
${table([T.code[lang], T.indicator[lang], T.party[lang], T.status[lang], T.value[lang], T.target[lang]].map(e), allRows, 'data all')}
</section>
</main>
<footer><p>${e(T.footer[lang])}</p>${criteria.source ? `<p>${e(criteria.source)}</p>` : ''}</footer>
</div>
</body>
</html>
`;
}
