/**
 * Issue #15: English indicator names start with a capital letter wherever they are shown: the
 * pane's cards (indicatorText), the HTML review report and the summary sheet. The names come from
 * the criteria file (shortEn, else textEn); all 57 are checked there and where each is shown.
 */
import { JSDOM } from 'jsdom';
import { listIndicators } from '../../src/core/criteria';
import { indicatorText } from '../../src/core/criteria-model';
import { renderHtmlReport } from '../../src/core/html-report';
import { buildSummarySheet } from '../../src/core/summary-sheet';
import { summarise } from '../../src/core/summary';
import { loadCriteria } from './helpers';
import { cityResults } from './html-report-fixture';

const criteria = loadCriteria();
const placed = listIndicators(criteria);
/** Opens with a capital letter, or with a figure ("70% of citizens…"): never with a small letter. */
const startsUpper = (s: string) => /^[^\p{L}\p{N}]*[\p{Lu}\p{N}]/u.test(s);

test('all 57 English names in the criteria file start with a capital letter (short and full)', () => {
  expect(placed).toHaveLength(57);
  const lower = placed.flatMap(({ indicator: i }) =>
    [i.shortEn, i.textEn].filter((s): s is string => typeof s === 'string' && !startsUpper(s)).map((s) => `${i.id}: ${s}`),
  );
  expect(lower).toEqual([]);
  // The pane's card shows indicatorText: every one of them.
  expect(placed.map(({ indicator }) => indicatorText(indicator, 'en')).filter((s) => !startsUpper(s))).toEqual([]);
  // The check would catch one: a lower-case name fails it.
  expect(startsUpper('literacy level 2')).toBe(false);
  expect(startsUpper('"Learning families"')).toBe(true);
  expect(startsUpper('70% of citizens')).toBe(true);
});

describe('where the names are shown (every indicator a gap, so every name is listed)', () => {
  const city = cityResults(criteria);
  const results = city.results.map((r) => ({ ...r, status: 'unmet' as const }));
  const summary = summarise(criteria, results);
  const names = placed.map(({ indicator }) => indicatorText(indicator, 'en'));

  test('the summary lists each gap under its capitalised English name', () => {
    expect(summary.gaps).toHaveLength(57);
    expect(summary.gaps.map((g) => g.textEn).filter((s) => !startsUpper(s))).toEqual([]);
  });

  test('the HTML report in English shows each name capitalised', () => {
    const text = new JSDOM(renderHtmlReport({ criteria, results, summary, lang: 'en' })).window.document.body.textContent ?? '';
    expect(names.filter((n) => !text.includes(n))).toEqual([]);
  });

  test('the summary sheet in English shows each name capitalised', () => {
    const sheet = buildSummarySheet(criteria, results, summary, { lang: 'en', sourceSheet: 'Appendix', name: 'GNLC summary' });
    const cells = sheet.rows.flat().map((c) => String(c.value ?? ''));
    expect(names.filter((n) => !cells.some((c) => c.includes(n)))).toEqual([]);
  });
});
