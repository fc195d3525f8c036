/**
 * "Tạo mẫu" and "Gộp báo cáo" through the Office adapter, against the strict fake Excel: the
 * template sheet (validations on every value cell, merges, frozen panes, formats), a filled
 * template scored as the pure pipeline scores the same snapshot, and three returns (two
 * templates and the seed's appendix layout) consolidated into new master and summary sheets.
 */
import { listIndicators } from '../../../src/core/criteria';
import { CellContent } from '../../../src/core/read';
import { scoreSheet } from '../../../src/core/pipeline';
import { SUMMARY_MARKER } from '../../../src/core/plan';
import { TEMPLATE_COL, TEMPLATE_MARKER } from '../../../src/core/layout';
import { parseA1, toA1 } from '../../../src/core/snapshot';
import { buildTemplate, indicatorsOf, listParties, validationCells } from '../../../src/core/template';
import { createFakeExcel, fakeSheetExtras, fakeWorkbookBase64, sheetDataFromSnapshot } from '../../../src/testing/fake-excel';
import { OfficeHost, consolidateSheets, createTemplateSheet, importReturnFiles } from '../../../src/hosts/office';
import { scoreCounted } from './counted';
import type { ExcelRunner } from '../../../src/hosts/office';
import { buildAppendixSheet } from '../../../src/testing/appendix';
import { loadCriteria } from '../../core/helpers';
import { fillTemplate, metTemplateValues, typeInto } from '../../core/template-helpers';

const criteria = loadCriteria();
const met = metTemplateValues(criteria);
const all = () => true;
const YTE = 'Sở Y tế';

function fakeWith(...sheets: Parameters<typeof sheetDataFromSnapshot>[0][]) {
  return createFakeExcel({ sheets: sheets.length ? sheets.map((s) => sheetDataFromSnapshot(s)) : [{ name: 'Trang tính 1', cells: { A1: 'ghi chú của tôi' } }] });
}
const runOf = (fake: ReturnType<typeof createFakeExcel>) => fake.run as unknown as ExcelRunner;
const typed = (v: CellContent['value'] | CellContent) =>
  v !== null && typeof v === 'object' ? { value: v.value as string | number, ...(v.numberFormat ? { numberFormat: v.numberFormat } : {}) } : (v as string | number);

describe('Tạo mẫu', () => {
  test("a department's template is a new sheet: its rows, validation on every value cell, merges, frozen panes, in 2 syncs", async () => {
    const fake = fakeWith();
    // A person's sheet already bears the default name: it is never overwritten.
    fake.workbook.addSheet({ name: 'Biểu số liệu', cells: { A1: 'của tôi' } });
    const before = fake.counters.syncs;
    const made = await createTemplateSheet(runOf(fake), criteria, { department: 'Sở Y tế', city: 'Hà Nội', year: 2024, lang: 'vi' });
    expect(fake.counters.syncs - before).toBe(2);
    expect(made.syncs).toBe(2);
    expect(made.sheet).toBe('Biểu số liệu (2)');
    expect(fake.workbook.sheet('Biểu số liệu')!.cell('A1').value).toBe('của tôi');
    expect(fake.workbook.activeSheet()).toBe(made.sheet);

    const expected = buildTemplate(criteria, { department: 'Sở Y tế', city: 'Hà Nội', year: 2024 });
    expect(made.indicators).toBe(indicatorsOf(criteria, 'Sở Y tế').length);
    const sheet = fake.workbook.sheet(made.sheet)!;
    expect(sheet.cell('A1').value).toBe(TEMPLATE_MARKER);
    // The right number of rows: the last row of the table is the template's last row.
    const used = Object.keys(sheet.cells()).map((a) => Number(/\d+$/.exec(a)![0]));
    expect(Math.max(...used)).toBe(expected.rows.length);
    expect(sheet.cell(expected.headerCells.city).value).toBe('Hà Nội');
    expect(sheet.cell(expected.headerCells.year).value).toBe(2024);
    expect(sheet.merges.length).toBe(expected.merges.length);
    expect(sheet.frozenRows).toBe(expected.frozenRows);

    const extras = (await fakeSheetExtras(fake, made.sheet))!;
    expect(extras.frozenColumns).toBe(1);
    const valueCells = Object.values(expected.valueCells).flatMap((m) => Object.values(m));
    expect(made.validatedCells).toBe(valueCells.length);
    const validated = extras.validations.flatMap((v) => validationCells(v.address));
    expect(validated.sort()).toEqual([...valueCells].sort());
    for (const address of valueCells) {
      const v = extras.validationAt(address)!;
      expect(v.prompt).toMatchObject({ showPrompt: true });
      expect(v.errorAlert).toMatchObject({ showAlert: true, style: 'Stop' });
      expect(sheet.cell(address).fill).toEqual({ color: '#FFF2CC', pattern: 'Solid' });
    }
    const kinds = new Set(extras.validations.map((v) => Object.keys(v.rule!)[0]));
    expect(kinds.has('decimal')).toBe(true);
    // A list rule gets Office.js's source: the items without Excel's quotes.
    const list = extras.validations.find((v) => v.rule!.list);
    if (list) expect((list.rule!.list as { source: string }).source).not.toMatch(/"/);
  });

  test('filled in the fake and scored by the add-in, the template gives the statuses the pure pipeline gives the same snapshot', async () => {
    const fake = fakeWith();
    const made = await createTemplateSheet(runOf(fake), criteria, { department: 'Sở GD&ĐT', lang: 'vi' });
    const ids = made.template.indicators;
    expect(ids.length).toBeGreaterThan(2);
    // The first indicator meets its target, the second does not (0), the rest stay blank.
    const values: Record<string, Record<string, CellContent['value'] | CellContent>> = { [ids[0]!]: met[ids[0]!]! };
    const second = made.template.valueCells[ids[1]!]!;
    values[ids[1]!] = Object.fromEntries(Object.keys(second).filter((k) => !k.includes('@')).map((k) => [k, 0]));
    for (const [id, fields] of Object.entries(values))
      for (const [key, v] of Object.entries(fields)) fake.workbook.setCell(made.sheet, made.template.valueCells[id]![key]!, typed(v));

    const host = new OfficeHost(runOf(fake), { isSetSupported: all });
    const { run } = await scoreCounted(host, criteria, 'vi');
    const pure = scoreSheet(fillTemplate(made.template, values), criteria);
    const statuses = (r: typeof run) => Object.fromEntries(r.results.filter((x) => ids.includes(x.id)).map((x) => [x.id, x.status]));
    expect(statuses(run)).toEqual(statuses(pure));
    expect(statuses(run)[ids[0]!]).toBe('met');
    expect(statuses(run)[ids[1]!]).not.toBe('met');
    expect(statuses(run)[ids[ids.length - 1]!]).toBe('missing');
  });
});

describe('Gộp báo cáo', () => {
  /** Three returns: Sở Y tế's template (1.3.2.f = 100), a city template from Sở GD&ĐT (also 1.3.2.f = 98: a conflict), the seed layout from Sở VH&TT. */
  function threeReturns() {
    const yte = fillTemplate(buildTemplate(criteria, { department: YTE, city: 'Hà Nội', year: 2024 }), { '1.3.2.e': { value: 100 }, '1.3.2.f': { value: 100 } }, 'Y tế');
    const gdT = buildTemplate(criteria, { city: 'Hà Nội', year: 2024 });
    const gdIds = listIndicators(criteria)
      .filter((p) => p.indicator.responsible === 'Sở Giáo dục và Đào tạo')
      .map((p) => p.indicator.id);
    const gd = fillTemplate(gdT, { ...Object.fromEntries(gdIds.map((id) => [id, met[id]!])), '1.3.2.f': { value: 98 } }, 'GD');
    typeInto(gd, gdT.headerCells.department, 'Sở GD&ĐT');
    const vh = buildAppendixSheet(criteria, { '1.2.3.a': { value: '55,5%' }, '2.2.1.b': { value: 40 } }, { onlyParty: 'Sở Văn hóa và Thể thao' }, 'VH');
    return [yte, gd, vh];
  }

  test('three sheets (two templates, the seed layout) with a conflict: new master and summary sheets, returns unchanged, 2 syncs and 2 for page setup', async () => {
    const returns = threeReturns();
    const fake = fakeWith(...returns);
    const before = Object.fromEntries(returns.map((r) => [r.name, JSON.stringify(fake.workbook.sheet(r.name)!.cells())]));
    const syncs = fake.counters.syncs;
    const out = await consolidateSheets(runOf(fake), criteria, { sheets: ['Y tế', 'GD', 'VH'], departments: { VH: 'Sở VH&TT' }, lang: 'vi', isSetSupported: all });
    // Read + write, then the two new sheets' page setup, each synced apart (page-layout.ts: a refusal leaves them standing).
    expect(fake.counters.syncs - syncs).toBe(4);
    expect(out.syncs).toBe(4);

    const c = out.consolidation;
    expect(c.returns.map((r) => [r.name, r.department, r.departmentSource])).toEqual([
      ['Y tế', YTE, 'header'],
      ['GD', 'Sở Giáo dục và Đào tạo', 'header'],
      ['VH', 'Sở Văn hóa và Thể thao', 'given'],
    ]);
    const conflict = c.conflicts.find((x) => x.id === '1.3.2.f')!;
    expect(conflict.resolved).toBe('responsible');
    expect(conflict.chosen).toBe('Y tế');
    expect(c.missingParties.length).toBeGreaterThan(0);
    expect(c.missingParties).not.toContain(YTE);

    expect(fake.workbook.sheetNames()).toEqual(['Y tế', 'GD', 'VH', out.masterSheet, out.summarySheet]);
    expect(out.masterSheet).toBe('Tổng hợp số liệu');
    expect(out.summarySheet).toBe('Tổng hợp GNLC');
    expect(fake.workbook.activeSheet()).toBe(out.summarySheet);
    const master = fake.workbook.sheet(out.masterSheet)!;
    expect(master.cell('A1').value).toBe(TEMPLATE_MARKER);
    expect(fake.workbook.sheet(out.summarySheet)!.cell('A1').value).toBe(SUMMARY_MARKER);
    // The master holds the responsible department's figure, its cells under validation.
    const masterTemplate = buildTemplate(criteria, {});
    const cell = masterTemplate.valueCells['1.3.2.f']!.value!;
    expect(master.cell(cell).value).toBe(100);
    expect((await fakeSheetExtras(fake, out.masterSheet))!.validationAt(cell)).not.toBeNull();
    // Results point into the master sheet.
    const r = out.results.find((x) => x.id === '1.3.2.f')!;
    expect(r.cells).toEqual([cell]);
    // The returns are only read.
    for (const ret of returns) expect(JSON.stringify(fake.workbook.sheet(ret.name)!.cells())).toBe(before[ret.name]);

    // The master sheet reads back and scores as the consolidation did.
    const again = await consolidateSheets(runOf(fake), criteria, { sheets: [out.masterSheet], lang: 'vi', isSetSupported: all });
    const statuses = (rs: typeof out.results) => Object.fromEntries(rs.map((x) => [x.id, x.status]));
    expect(statuses(again.results)).toEqual(statuses(out.results));
    expect(again.masterSheet).toBe('Tổng hợp số liệu (2)');
  });

  test("the returns' notes reach the master's note column, by department; notes too long together for a cell are cut, not refused by Excel", async () => {
    const [yte, gd, vh] = threeReturns();
    const yteT = buildTemplate(criteria, { department: YTE, city: 'Hà Nội', year: 2024 });
    const gdT = buildTemplate(criteria, { city: 'Hà Nội', year: 2024 });
    const noteAt = (t: typeof gdT, id: string) => toA1(parseA1(t.valueCells[id]!.value!)!.row, TEMPLATE_COL.note);
    const long = (word: string, n: number) => `${word} `.repeat(n).trim();
    typeInto(yte!, noteAt(yteT, '1.3.2.e'), 'Số liệu của CDC thành phố');
    typeInto(yte!, noteAt(yteT, '1.3.2.f'), long('yte', 2000));
    // The education department's sheet: its notes column headed without diacritics.
    typeInto(gd!, toA1(gdT.headerRow, TEMPLATE_COL.note), 'Ghi chu');
    typeInto(gd!, noteAt(gdT, '1.3.2.e'), 'Chỉ tính trường công lập');
    typeInto(gd!, noteAt(gdT, '1.3.2.f'), long('giaoduc', 4000));
    const fake = fakeWith(yte!, gd!, vh!);
    const out = await consolidateSheets(runOf(fake), criteria, { sheets: ['GD', 'Y tế', 'VH'], departments: { VH: 'Sở VH&TT' }, lang: 'vi', isSetSupported: all });
    const master = fake.workbook.sheet(out.masterSheet)!;
    const city = buildTemplate(criteria, {});
    expect(master.cell(noteAt(city, '1.3.2.e')).value).toBe(`Y tế › ${yteT.valueCells['1.3.2.e']!.value}\nSở Y tế: Số liệu của CDC thành phố\nSở Giáo dục và Đào tạo: Chỉ tính trường công lập`);
    // 8,000 and 32,000 characters: more than one cell holds together (the fake refuses a longer text, as Excel does).
    // The shorter note is kept whole, the longer cut with the marker.
    const f = String(master.cell(noteAt(city, '1.3.2.f')).value);
    expect(f.length).toBeLessThanOrEqual(32767);
    expect(f.length).toBeGreaterThan(30000);
    expect(/\nSở Y tế: (yte ){1999}yte\nSở Giáo dục và Đào tạo: (giaoduc )+[a-z]*… \[đã cắt bớt: quá dài cho một ô Excel; xem đủ trong báo cáo của đơn vị\]$/.test(f)).toBe(true);
    expect(out.consolidation.issues.filter((i) => i.code === 'note-cut').map((i) => i.id)).toEqual(['1.3.2.f']);
  });

  test('a missing sheet fails before anything is written', async () => {
    const fake = fakeWith(...threeReturns());
    await expect(consolidateSheets(runOf(fake), criteria, { sheets: ['Y tế', 'Không có'], lang: 'vi', isSetSupported: all })).rejects.toMatchObject({ code: 'SheetMissing', sheet: 'Không có' });
    expect(fake.workbook.sheetNames()).toEqual(['Y tế', 'GD', 'VH']);
  });

  test('returns imported from files (insertWorksheetsFromBase64) are consolidated like sheets', async () => {
    const [yte, gd] = threeReturns();
    const fake = createFakeExcel({ sheets: [{ name: 'Y tế', cells: { A1: 'trang của tôi' } }] });
    const files = [
      { name: 'Sở Y tế.xlsx', base64: fakeWorkbookBase64({ sheets: [sheetDataFromSnapshot(yte!)] }) },
      { name: 'Sở GD.xlsx', base64: fakeWorkbookBase64({ sheets: [sheetDataFromSnapshot(gd!)] }) },
    ];
    const syncs = fake.counters.syncs;
    const imported = await importReturnFiles(runOf(fake), files);
    // One request per file (Excel on the web's 5 MB request limit), one more to turn the IDs Excel answers into names.
    expect(fake.counters.syncs - syncs).toBe(3);
    const [first, second] = fake.syncLog.slice(-3);
    expect(first!.requestBytes).toBeGreaterThanOrEqual(files[0]!.base64.length);
    expect(second!.requestBytes).toBeGreaterThanOrEqual(files[1]!.base64.length);
    expect(first!.requestBytes).toBeLessThan(files[0]!.base64.length + files[1]!.base64.length);
    expect(imported).toEqual([
      { file: 'Sở Y tế.xlsx', sheets: ['Y tế (2)'] },
      { file: 'Sở GD.xlsx', sheets: ['GD'] },
    ]);
    const out = await consolidateSheets(runOf(fake), criteria, { sheets: imported.flatMap((i) => i.sheets), lang: 'vi', isSetSupported: all });
    expect(out.consolidation.conflicts.map((x) => x.id)).toEqual(['1.3.2.f']);
  });

  test('listParties gives the departments the pane offers', () => {
    expect(listParties(criteria).some((p) => p.party === YTE)).toBe(true);
  });
});
