import { JSDOM } from 'jsdom';
import { listIndicators } from '../../src/core/criteria';
import { REPORT_CSP, escapeHtml, renderHtmlReport } from '../../src/core/html-report';
import { summarise } from '../../src/core/summary';
import { STATUS_FILL } from '../../src/core/plan';
import { scoreAll } from '../../src/core/score';
import { loadCriteria } from './helpers';
import { HOSTILE, cityResults, consolidated } from './html-report-fixture';

const criteria = loadCriteria();
const city = cityResults(criteria);
const html = renderHtmlReport({ criteria, results: city.results, summary: city.summary, lang: 'vi', workbook: HOSTILE.workbook, sheet: 'Phụ lục', title: `Hà Nội ${HOSTILE.script}` });
const doc = new JSDOM(html).window.document;
const text = (sel: string) => doc.querySelector(sel)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('the HTML report of one appendix', () => {
  test('is one Vietnamese page with the headline', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(doc.documentElement.lang).toBe('vi');
    expect(city.summary.totals.met).toBe(50);
    expect(text('#headline')).toBe('50 / 57 chỉ số đạt');
    expect(doc.title).toContain('50 / 57 chỉ số đạt');
    expect(text('h1')).toBe(`Hà Nội ${HOSTILE.script}`);
  });

  test('counts every status with its symbol and text, not by colour alone', () => {
    const items = [...doc.querySelectorAll('ul.counts li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
    expect(items).toEqual([
      '✔ Đạt 50 87,7% trên tổng số 57',
      '✘ Chưa đạt 2 3,5% trên tổng số 57',
      '⚠ Không hợp lệ 2 3,5% trên tổng số 57',
      '… Chưa có số liệu 3 5,3% trên tổng số 57',
    ]);
  });

  test('draws a stacked bar per standard in inline SVG, titled, with the same figures as a table', () => {
    const svg = doc.querySelector('svg#chart-standards')!;
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.querySelector('title')!.textContent).toBe('Trạng thái theo tiêu chuẩn');
    const bars = [...svg.querySelectorAll('g.bar')];
    expect(bars.map((b) => b.getAttribute('data-standard'))).toEqual(city.summary.byStandard.map((g) => g.key));
    expect(bars).toHaveLength(12);
    // Standard 1.3: 7 met, 1 invalid (1.3.2.e), 1 missing (1.3.2.f); every segment says so in its title.
    const s13 = svg.querySelector('g.bar[data-standard="1.3"]')!;
    const titles = [...s13.querySelectorAll('rect title')].map((t) => t.textContent);
    expect(titles).toEqual([
      '1.3 Thúc đẩy phát triển bền vững — ✔ Đạt: 7',
      '1.3 Thúc đẩy phát triển bền vững — ⚠ Không hợp lệ: 1',
      '1.3 Thúc đẩy phát triển bền vững — … Chưa có số liệu: 1',
    ]);
    expect(s13.querySelector('rect')!.getAttribute('fill')).toBe(STATUS_FILL.met);
    // Segment widths are proportional to the counts.
    const widths = [...s13.querySelectorAll('rect')].map((r) => Number(r.getAttribute('width')));
    expect(widths[0]! / widths[1]!).toBeCloseTo(7);
    // The text fallback: one row per standard with the four counts and the total.
    const rows = [...doc.querySelectorAll('table.chart-data tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent!.trim()));
    expect(rows).toHaveLength(12);
    expect(rows.find((r) => r[0] === '1.3')!.slice(2)).toEqual(['7', '0', '1', '1', '9']);
  });

  test('lists the gaps grouped by responsible party, with their reasons', () => {
    const parties = [...doc.querySelectorAll('article.party')];
    const groups = parties.map((a) => [a.getAttribute('data-party'), [...a.querySelectorAll('tbody .id')].map((x) => x.textContent)]);
    expect(groups).toEqual([
      ['Sở Giáo dục và Đào tạo', ['1.1.1.a', '2.1.1.a']],
      ['Sở Y tế', ['1.3.2.e', '1.3.2.f']],
      [HOSTILE.img, ['2.2.2.a']],
      // Parties with as many gaps follow Vietnamese alphabetical order (Đ after D, before S).
      ['Đánh giá của chuyên gia', ['3.1.1.a']],
      ['Sở Lao động - Thương binh và Xã hội', ['2.3.3.a']],
    ]);
    const gd = parties[0]!;
    expect(gd.querySelector('h3')!.textContent).toContain('2 chỉ số');
    const row = [...gd.querySelectorAll('tbody tr')][0]!;
    const cells = [...row.children].map((c) => c.textContent!.trim());
    expect(cells[2]).toBe('✘ Chưa đạt');
    expect(cells[3]).toBe('94,5%');
    expect(cells[4]).toBe('≥ 95%');
    expect(cells[5]).toBe('94,5% — cần ≥ 95%, thiếu 0,5 điểm');
    expect(cells[6]).toMatch(/^G\d+$/);
    expect(text('#gaps > p')).toBe('7 chỉ số chưa đạt hoặc chưa đủ số liệu, thuộc 5 đơn vị phụ trách.');
    // No completeness section without a consolidation.
    expect(doc.querySelector('#completeness')).toBeNull();
  });

  test('loads nothing from anywhere: a CSP, no external URL, no script, no stylesheet link, no image', () => {
    const csp = doc.querySelector('meta[http-equiv="Content-Security-Policy"]')!;
    expect(csp.getAttribute('content')).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    expect(REPORT_CSP).toBe(csp.getAttribute('content'));
    for (const el of doc.querySelectorAll('*')) {
      for (const attr of ['src', 'href', 'xlink:href', 'action', 'srcset', 'poster', 'data', 'background']) {
        const v = el.getAttribute(attr);
        if (v === null) continue;
        expect(v).not.toMatch(/http|\/\//i);
      }
    }
    expect([...doc.querySelectorAll('a[href]')].every((a) => a.getAttribute('href')!.startsWith('#'))).toBe(true);
    expect(doc.querySelectorAll('script, link, img, iframe, object, embed, base, form').length).toBe(0);
    expect(html).not.toMatch(/@import|url\(/i);
    // No event handler attributes anywhere (the hostile "onerror" is text, not an attribute).
    for (const el of doc.querySelectorAll('*')) expect([...el.attributes].filter((a) => /^on/i.test(a.name))).toEqual([]);
  });

  test('escapes every text from the workbook: scripts, attribute breakers and ampersands come out inert', () => {
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>2024</b>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&quot;&gt;&lt;img src=x onerror=alert(2)&gt;');
    expect(html).toContain('Phụ lục &lt;b&gt;2024&lt;/b&gt; &amp; &quot;bản cuối&quot;.xlsx');
    // And they read back as the very text typed.
    expect(text('header .meta')).toContain(`Nguồn: ${HOSTILE.workbook} › Phụ lục`);
    const invalid = [...doc.querySelectorAll('table.gaps tbody tr')].find((tr) => tr.querySelector('.id')!.textContent === '1.3.2.e')!;
    expect(invalid.textContent).toContain(`"${HOSTILE.script}" không phải là số`);
    expect(escapeHtml(`a & b <c> "d" 'e'`)).toBe('a &amp; b &lt;c&gt; &quot;d&quot; &#39;e&#39;');
    expect(escapeHtml('a\u0000b\u001Bc\td\ne')).toBe('abc\td\ne');
  });

  test('lists all 57 indicators with status text', () => {
    const rows = [...doc.querySelectorAll('table.all tbody tr')];
    expect(rows.map((r) => r.querySelector('.id')!.textContent)).toEqual(listIndicators(criteria).map((p) => p.indicator.id));
    expect(rows.every((r) => /^(✔ Đạt|✘ Chưa đạt|⚠ Không hợp lệ|… Chưa có số liệu)$/.test(r.querySelector('.status')!.textContent!.trim()))).toBe(true);
  });

  test('prints on A4, each section on its own page', () => {
    expect(html).toMatch(/@page\s*\{\s*size:\s*A4/);
    expect(html).toMatch(/@media print\s*\{[\s\S]*section\s*\{\s*break-before:\s*page/);
    expect(html).toContain('print-color-adjust: exact');
  });

  test('speaks English with lang "en"', () => {
    const en = renderHtmlReport({ criteria, results: city.results, summary: city.summary, lang: 'en' });
    const d = new JSDOM(en).window.document;
    expect(d.documentElement.lang).toBe('en');
    expect(d.querySelector('#headline')!.textContent).toBe('50 of 57 indicators met');
    expect(d.querySelector('#h-gaps')!.textContent).toBe('Gaps by responsible party');
    expect(d.querySelector('h1')!.textContent).toBe('Learning city self-assessment report');
    expect(d.querySelector('ul.counts li')!.textContent).toContain('✔ Met');
  });

  test('says so when every indicator is met', () => {
    const allMet = city.results.map((r) => ({ ...r, status: 'met' as const }));
    const page = renderHtmlReport({ criteria, results: allMet, summary: summarise(criteria, allMet) });
    const d = new JSDOM(page).window.document;
    expect(d.querySelector('#headline')!.textContent).toBe('57 / 57 chỉ số đạt');
    expect(d.querySelector('#gaps p.ok')!.textContent).toContain('Tất cả chỉ số đều đạt.');
    expect(d.querySelectorAll('article.party')).toHaveLength(0);
  });
});

describe('the HTML report of a consolidation', () => {
  const c = consolidated(criteria);
  const page = renderHtmlReport({ criteria, results: c.results, summary: c.summary, consolidation: c.consolidation });
  const d = new JSDOM(page).window.document;

  test('shows who has reported what, and who has sent nothing', () => {
    const rows = [...d.querySelectorAll('table.completeness tbody tr')].map((tr) => [...tr.children].map((x) => x.textContent!.replace(/\s+/g, ' ').trim()));
    const yte = rows.find((r) => r[0] === 'Sở Y tế')!;
    expect(yte.slice(0, 5)).toEqual(['Sở Y tế', '✔ Đã gửi Sở Y tế.xlsx', '2', '2 (100%)', '2']);
    const noi = rows.find((r) => r[0] === 'Sở Nội vụ')!;
    expect(noi.slice(0, 6)).toEqual(['Sở Nội vụ', '✘ Chưa gửi', '2', '0 (0%)', '0', '1.1.3.a 2.1.4.a']);
    expect(d.querySelector('#completeness p.warn')!.textContent).toMatch(/^⚠ Chưa gửi báo cáo: .*Sở Nội vụ; /);
  });

  test('names the returns, flags what must be confirmed, and lists the conflicts with their sources', () => {
    const returns = [...d.querySelectorAll('table.returns tbody tr')].map((tr) => [...tr.children].map((x) => x.textContent!.trim()));
    expect(returns).toEqual([
      ['Sở Y tế.xlsx', 'Sở Y tế', 'Phần đầu biểu', '2 / 2'],
      ['GD <tổng hợp>.xlsx', 'Sở Giáo dục và Đào tạo', 'Phần đầu biểu', '12 / 57'],
      [`${HOSTILE.script}.xlsx`, HOSTILE.amp, 'Phần đầu biểu', '1 / 57'],
    ]);
    const conflicts = [...d.querySelectorAll('table.conflicts tbody tr')].map((tr) => [...tr.children].map((x) => x.textContent!.replace(/\s+/g, ' ').trim()));
    const f = conflicts.find((r) => r[0] === '1.3.2.f')!;
    expect(f[1]).toBe('Tỷ lệ');
    expect(f[2]).toMatch(/^Sở Y tế\.xlsx › G\d+ = 100% \(đơn vị phụ trách\) ?GD <tổng hợp>\.xlsx › G\d+ = 98%$/);
    expect(f[3]).toBe('✔ Đạt Dùng số liệu của đơn vị phụ trách: Sở Y tế.xlsx');
    expect(d.querySelector('ul.notes')!.textContent).toContain(`Đơn vị "${HOSTILE.amp}" của báo cáo "${HOSTILE.script}.xlsx" không phụ trách chỉ số nào`);
    expect(page).not.toContain('<script>');
    expect(page).toContain('Sở A &amp; B');
  });

  test('gives each gap its source return rather than a bare cell', () => {
    const gap = [...d.querySelectorAll('table.gaps tbody tr')].find((tr) => tr.querySelector('.id')!.textContent === '1.1.1.a');
    // 1.1.1.a met from the GD return; the Sở Nội vụ's 1.1.3.a gap has no source at all.
    expect(gap).toBeUndefined();
    const noi = [...d.querySelectorAll('table.gaps tbody tr')].find((tr) => tr.querySelector('.id')!.textContent === '1.1.3.a')!;
    expect(noi.lastElementChild!.textContent).toBe('—');
    const all = scoreAll(criteria, c.consolidation.entries);
    expect(all.find((r) => r.id === '1.3.2.f')!.status).toBe('met');
    expect(d.querySelector('thead')!.textContent).toBeTruthy();
    const head = [...d.querySelectorAll('table.gaps thead th')].map((th) => th.textContent);
    expect(head[6]).toBe('Nguồn số liệu');
  });
});
