/**
 * Every sheet the add-in writes prints like the CLI's files (issue #15): A4 landscape, all columns
 * on one page's width, the header rows repeated, page numbers in the footer, the print area —
 * through Worksheet.pageLayout (ExcelApi 1.9) on the summary sheet, a template sheet and the
 * consolidated master; skipped (and nothing fails) where ExcelApi 1.9 is not supported. Also the
 * fake's pageLayout refuses what the documentation does not allow.
 */
import { printArea } from '../../../src/core/plan';
import { buildTemplate } from '../../../src/core/template';
import { toA1 } from '../../../src/core/snapshot';
import { createFakeExcel, fakePageLayout, sheetDataFromSnapshot } from '../../../src/testing/fake-excel';
import { OfficeHost, consolidateSheets, createTemplateSheet } from '../../../src/hosts/office';
import type { ExcelRunner } from '../../../src/hosts/office';
import { scoreWorkbook } from '../../../src/core/workbook';
import { sampleWorkbook } from '../../../src/preview/sample';
import { loadCriteria } from '../../core/helpers';
import { officeBackend } from '../../../src/taskpane/office-backend';
import { fillTemplate } from '../../core/template-helpers';

const criteria = loadCriteria();
const all = () => true;
const without19 = (set: string, version: string) => !(set === 'ExcelApi' && version === '1.9');
const runOf = (fake: ReturnType<typeof createFakeExcel>) => fake.run as unknown as ExcelRunner;
const EXCEL_DEFAULT = { orientation: 'Portrait', paperSize: 'Letter', zoom: { scale: 100 }, printArea: null, printTitleRows: null, centerFooter: '' };

test('the summary sheet the scoring writes: A4 landscape, one page wide, its heading rows repeated, "Trang &P / &N", the print area of what was written', async () => {
  // Through the pane's backend: the page setup is synced apart after the scoring's write (page-layout.ts).
  const fake = createFakeExcel(sampleWorkbook(criteria));
  const backend = officeBackend(runOf(fake), criteria, { isSetSupported: all });
  const out = await backend.score('vi', () => undefined);
  const { plan } = await scoreWorkbook(new OfficeHost(fake.run, { isSetSupported: all }), criteria, { lang: 'vi', activeIsChoice: true, write: false });
  const summary = plan.summary!;
  expect(summary.name).toBe(out.summarySheet);
  const area = printArea(summary);
  const layout = await fakePageLayout(fake, summary.name);
  expect(layout).toEqual({
    orientation: 'Landscape',
    paperSize: 'A4',
    zoom: { horizontalFitToPages: 1 },
    printArea: `A1:${toA1(area.bottom, area.right)}`,
    printTitleRows: `$${summary.print!.titleRows!.first + 1}:$${summary.print!.titleRows!.last + 1}`,
    centerFooter: 'Trang &P / &N',
  });
  // The scored appendix is the department's own sheet: its page setup is left alone.
  expect(await fakePageLayout(fake, 'Phụ lục')).toEqual(EXCEL_DEFAULT);
});

test('without ExcelApi 1.9 the page setup is skipped silently: the scoring still writes its summary', async () => {
  const fake = createFakeExcel(sampleWorkbook(criteria));
  const { plan } = await scoreWorkbook(new OfficeHost(fake.run, { isSetSupported: without19 }), criteria, { lang: 'en', activeIsChoice: true });
  expect(fake.workbook.sheetNames()).toContain(plan.summary!.name);
  expect(await fakePageLayout(fake, plan.summary!.name)).toEqual(EXCEL_DEFAULT);
});

test('a template sheet prints its header row on every page, in the language of the template', async () => {
  const fake = createFakeExcel({ sheets: [{ name: 'Trang tính 1', cells: { A1: 'x' } }] });
  const made = await createTemplateSheet(runOf(fake), criteria, { department: 'Sở Y tế', lang: 'en', isSetSupported: all });
  const layout = (await fakePageLayout(fake, made.sheet))!;
  const area = printArea(made.template);
  expect(layout).toMatchObject({ orientation: 'Landscape', paperSize: 'A4', zoom: { horizontalFitToPages: 1 }, printArea: `A1:${toA1(area.bottom, area.right)}` });
  expect(layout.printTitleRows).toBe(`$${made.template.headerRow + 1}:$${made.template.headerRow + 1}`);
  expect(layout.centerFooter).toBe('Page &P of &N');
  const bare = createFakeExcel({ sheets: [{ name: 'Trang tính 1', cells: { A1: 'x' } }] });
  const plain = await createTemplateSheet(runOf(bare), criteria, { lang: 'vi', isSetSupported: without19 });
  expect(await fakePageLayout(bare, plain.sheet)).toEqual(EXCEL_DEFAULT);
});

test('the consolidated master and its summary are set up for printing too', async () => {
  const yte = fillTemplate(buildTemplate(criteria, { department: 'Sở Y tế', city: 'Hà Nội', year: 2024 }), { '1.3.2.e': { value: 100 } }, 'Y tế');
  const fake = createFakeExcel({ sheets: [sheetDataFromSnapshot(yte)] });
  const out = await consolidateSheets(runOf(fake), criteria, { sheets: ['Y tế'], lang: 'vi', isSetSupported: all });
  for (const sheet of [out.masterSheet, out.summarySheet]) {
    const layout = (await fakePageLayout(fake, sheet))!;
    expect([sheet, layout.orientation, layout.paperSize, layout.zoom, layout.centerFooter]).toEqual([sheet, 'Landscape', 'A4', { horizontalFitToPages: 1 }, 'Trang &P / &N']);
    expect(layout.printArea).toMatch(/^A1:[A-Z]+\d+$/);
    expect(layout.printTitleRows).toMatch(/^\$\d+:\$\d+$/);
  }
  // The return itself is not touched.
  expect(await fakePageLayout(fake, 'Y tế')).toEqual(EXCEL_DEFAULT);
});

describe('the fake\'s Worksheet.pageLayout follows the documentation', () => {
  const attempt = async (set: (layout: Excel.PageLayout) => void) => {
    const fake = createFakeExcel({ sheets: [{ name: 'S', cells: { A1: 1 } }] });
    const error = await fake
      .run(async (context) => {
        set(context.workbook.worksheets.getItem('S').pageLayout);
        await context.sync();
      })
      .then(() => null, (e: { code?: string }) => e.code ?? 'thrown');
    return { error, layout: await fakePageLayout(fake, 'S') };
  };
  test.each([
    ['an orientation that is not "Portrait" or "Landscape"', (l: Excel.PageLayout) => void (l.orientation = 'landscape' as Excel.PageOrientation)],
    ['an unknown paper size', (l: Excel.PageLayout) => void (l.paperSize = 'A9' as Excel.PaperType)],
    ['a scale outside 10–400', (l: Excel.PageLayout) => void (l.zoom = { scale: 5 })],
    ['print title rows that are not whole rows', (l: Excel.PageLayout) => l.setPrintTitleRows('A1:C3')],
    ['a print area that is not an address', (l: Excel.PageLayout) => l.setPrintArea('everything')],
  ])('refuses %s at sync (InvalidArgument) and changes nothing', async (_what, set) => {
    const { error, layout } = await attempt(set);
    expect(error).toBe('InvalidArgument');
    expect(layout).toEqual(EXCEL_DEFAULT);
  });
  test('a protected sheet\'s page setup is refused like any write (AccessDenied)', async () => {
    const fake = createFakeExcel({ sheets: [{ name: 'S', cells: { A1: 1 }, protected: true }] });
    const error = await fake
      .run(async (context) => {
        context.workbook.worksheets.getItem('S').pageLayout.orientation = 'Landscape';
        await context.sync();
      })
      .then(() => null, (e: { code?: string }) => e.code);
    expect(error).toBe('AccessDenied');
  });
});
