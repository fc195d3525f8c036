/**
 * Guarantee: the product writes only to its own sheets, and knows them by their marker, not by
 * their name; it never deletes or renames a sheet; a person's sheet named like the product's
 * summary or state sheet is never written to — in both hosts.
 */
import { STATE_MARKER, STATE_SHEET, SUMMARY_MARKER, encodeState } from '../../src/core/plan';
import { SUMMARY_NAME } from '../../src/core/pipeline';
import { scoreWorkbook } from '../../src/core/workbook';
import { createFakeExcel, sheetDataFromSnapshot } from '../../src/testing/fake-excel';
import { OfficeHost, describeOfficeError, workbookOutcome } from '../../src/hosts/office';
import { scoreCounted, clearCounted } from '../hosts/office/counted';
import { PlanError, loadWorkbook } from '../../src/hosts/xlsx';
import { XlsxHost } from '../../src/hosts/xlsx/host';
import { readWorkbookSnapshot } from '../../src/hosts/xlsx/read';
import { buildAppendix, sampleValues } from '../../src/testing/appendix';
import { snapshotToWorkbook } from '../fixtures/xlsx';
import { Driver, UserSheet, fakeDriver, xlsxDriver } from './drivers';
import { SHEET, criteria } from './helpers';

const SUMMARY = SUMMARY_NAME.vi;
const built = buildAppendix(criteria(), sampleValues(criteria()), {}, SHEET);

const drivers: Array<[string, (extra?: UserSheet[]) => Promise<Driver>]> = [
  ['fake Excel (OfficeHost)', async (extra = []) => fakeDriver(built.sheet, {}, extra)],
  ['xlsx file', async (extra = []) => xlsxDriver(built.sheet, {}, extra)],
];

describe.each(drivers)('%s', (_name, make) => {
  test('the summary sheet is known by its marker, not its name: renamed, it is rewritten in place', async () => {
    const d = await make();
    await d.score();
    expect(await d.a1(SUMMARY)).toBe(SUMMARY_MARKER);
    await d.rename(SUMMARY, 'Kết quả của Sở');
    await d.score();
    expect(await d.sheetNames()).toEqual([SHEET, ...(d.host === 'fake' ? [STATE_SHEET, 'Kết quả của Sở'] : ['Kết quả của Sở', STATE_SHEET])]);
    expect(await d.a1('Kết quả của Sở')).toBe(SUMMARY_MARKER);
  });

  test('a person’s sheet named like the summary, without the marker, is left alone and another name is picked', async () => {
    const mine: UserSheet = { name: SUMMARY, cells: { A1: 'Ghi chú của tôi', B2: 42, C3: '=1+1' } };
    const d = await make([mine]);
    const before = await d.everything(SUMMARY);
    await d.score();
    await d.score();
    expect(await d.everything(SUMMARY)).toEqual(before);
    expect(await d.a1(`${SUMMARY} (2)`)).toBe(SUMMARY_MARKER);
    expect((await d.sheetNames()).filter((n) => n.startsWith(SUMMARY))).toEqual([SUMMARY, `${SUMMARY} (2)`]);
  });

  test('sheets are never deleted or renamed: the person’s sheets keep their names and order', async () => {
    const extra: UserSheet[] = [
      { name: 'Ghi chú', cells: { A1: 'x' } },
      { name: 'GNLC summary', cells: { A1: 'mine' } },
    ];
    const d = await make(extra);
    const names = await d.sheetNames();
    await d.score();
    await d.clear();
    await d.score();
    const after = await d.sheetNames();
    expect(after.filter((n) => names.includes(n))).toEqual(names);
  });
});

// ---- A person's sheet named like the state sheet ----

const STATE_LIKE: Array<[string, UserSheet]> = [
  ['with a text in A1', { name: STATE_SHEET, cells: { A1: 'Ghi chú của tôi', B2: 7 } }],
  ['with A1 empty and data in column A further down', { name: STATE_SHEET, cells: { A5: 'cột A của tôi', B2: 7 } }],
  ['named in other letter case', { name: STATE_SHEET.toLowerCase(), cells: { A1: 'x' } }],
];

describe.each(STATE_LIKE)('a person’s sheet named like the state sheet, %s', (_what, mine) => {
  test('fake Excel: refused before anything is written (StateSheetNotOwned), with a clear message', async () => {
    const fake = createFakeExcel({ sheets: [sheetDataFromSnapshot(built.sheet), { name: mine.name, cells: mine.cells }], active: SHEET });
    const before = fake.workbook.export();
    const host = new OfficeHost(fake.run, { isSetSupported: () => true });
    let error: unknown;
    await scoreCounted(host, criteria(), 'vi', { sheet: SHEET }).catch((e) => (error = e));
    expect(error).toMatchObject({ code: 'StateSheetNotOwned' });
    expect(workbookOutcome(error)).toBe('unchanged');
    expect(describeOfficeError(error, 'vi')).toMatchObject({ kind: 'not-owned-sheet', retry: false });
    expect(describeOfficeError(error, 'vi').message).toContain(`"${STATE_SHEET}"`);
    expect(describeOfficeError(error, 'en').message).toMatch(/did not create/);
    expect(fake.workbook.export()).toEqual(before);
    // "Xóa màu" is refused the same way, and a new host (no memory of the read) too.
    await expect(clearCounted(new OfficeHost(fake.run, { isSetSupported: () => true }), { sheet: SHEET })).rejects.toMatchObject({ code: 'StateSheetNotOwned' });
    await expect(new OfficeHost(fake.run, { isSetSupported: () => true }).writeState({ version: 1, colours: {}, mappings: {} })).rejects.toMatchObject({ code: 'StateSheetNotOwned' });
    expect(fake.workbook.export()).toEqual(before);
  });

  test('xlsx file: PlanError before anything changes; the sheet stays visible', async () => {
    const wb0 = snapshotToWorkbook([built.sheet]);
    const ws0 = wb0.addWorksheet(mine.name);
    for (const [a, v] of Object.entries(mine.cells)) ws0.getCell(a).value = v;
    const wb = await loadWorkbook(Buffer.from(await wb0.xlsx.writeBuffer()));
    const snapshot = () => JSON.stringify(wb.worksheets.map((w) => ({ name: w.name, state: w.state, rows: w.getSheetValues() })));
    const before = snapshot();
    await expect(scoreWorkbook(new XlsxHost(wb), criteria(), { lang: 'vi', sheet: SHEET })).rejects.toThrow(PlanError);
    expect(snapshot()).toEqual(before);
    expect(wb.getWorksheet(mine.name)!.state).toBe('visible');
  });
});

describe('the product’s own state sheet', () => {
  test('damaged (marker, then junk): kept as it is by both hosts, nothing coloured over it, the run says so (#17)', async () => {
    const junk = [STATE_MARKER, '{"version":1,"colours":{'];
    const fake = createFakeExcel({ sheets: [sheetDataFromSnapshot(built.sheet), { name: STATE_SHEET, visibility: 'VeryHidden', cells: { A1: junk[0]!, A2: junk[1]! } }], active: SHEET });
    const stateSheet = () => JSON.stringify(fake.workbook.export().sheets.find((s: { name: string }) => s.name === STATE_SHEET));
    const before = stateSheet();
    const result = await scoreCounted(new OfficeHost(fake.run, { isSetSupported: () => true }), criteria(), 'vi', { sheet: SHEET });
    expect(result.read.state).toBeNull();
    expect(result.plan).toMatchObject({ keepState: true, fills: [] });
    expect(result.warnings.map((w) => w.code)).toContain('state-damaged');
    expect(stateSheet()).toEqual(before);

    const wb0 = snapshotToWorkbook([built.sheet]);
    const st = wb0.addWorksheet(STATE_SHEET, { state: 'veryHidden' });
    st.getCell('A1').value = junk[0]!;
    st.getCell('A2').value = junk[1]!;
    const wb = await loadWorkbook(Buffer.from(await wb0.xlsx.writeBuffer()));
    const host = new XlsxHost(wb);
    const { plan, warnings } = await scoreWorkbook(host, criteria(), { lang: 'vi', sheet: SHEET });
    expect(plan).toMatchObject({ keepState: true, fills: [] });
    expect(warnings.map((w) => w.code)).toContain('state-damaged');
    expect([wb.getWorksheet(STATE_SHEET)!.getCell('A1').value, wb.getWorksheet(STATE_SHEET)!.getCell('A2').value]).toEqual(junk);
    expect(readWorkbookSnapshot(wb).stateRead.status).toBe('damaged');
  });

  test('the Office host learns whose the state sheet is within the read: a normal run is still read 1 + write 1', async () => {
    const fake = createFakeExcel({ sheets: [sheetDataFromSnapshot(built.sheet)], active: SHEET });
    await scoreCounted(new OfficeHost(fake.run, { isSetSupported: () => true }), criteria(), 'vi');
    const again = await scoreCounted(new OfficeHost(fake.run, { isSetSupported: () => true }), criteria(), 'vi');
    expect(again.counts).toMatchObject({ syncs: 2, readSyncs: 1, writeSyncs: 1, probeSyncs: 0 });
    expect(encodeState(again.plan.state)[0]).toBe(STATE_MARKER);
  });
});
